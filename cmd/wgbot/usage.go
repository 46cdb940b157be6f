package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version is set at build time: go build -ldflags "-X main.version=1.4.0".
var version = "dev"

const usageText = `wgbot: the Telegram bot of the OTS Working Group on Customs Cooperation.

Usage:
  wgbot                   run the bot (settings from the environment and .env; see .env.example)
  wgbot extract FILE      list the decisions and deadlines of minutes (PDF, DOCX, TXT); needs no token
  wgbot console           the bot in this terminal, without Telegram (wgbot console -h)
  wgbot migrate ...       copy the data between Redis and the embedded store (wgbot migrate -h)
  wgbot report -o FILE    the implementation report as DOCX, XLSX and PDF from the store (--format, --meeting, --as-of)
  wgbot help              show this help
  wgbot version           show the version
`

// subcommand handles the arguments that are not a mode of their own: help
// and version print and return; anything else is refused, so that a typo
// (or --help) never starts the bot.
func subcommand(args []string, stdout io.Writer) error {
	switch args[0] {
	case "help", "-h", "-help", "--help":
		_, err := io.WriteString(stdout, usageText)
		return err
	case "version", "-version", "--version":
		_, err := fmt.Fprintln(stdout, versionText())
		return err
	}
	return &configError{"arguments", fmt.Sprintf("unknown command %q; run wgbot help", args[0])}
}

// versionText is "wgbot 1.4.0 (go1.26.8)", with the module's version when
// built by go install and no -X was given.
func versionText() string {
	v := version
	if info, ok := debug.ReadBuildInfo(); ok && v == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	return "wgbot " + v + " (" + runtime.Version() + ")"
}
