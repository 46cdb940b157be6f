package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// requireTmux names the variable that turns a missing tmux into a failure
// (.ci/run sets it), as WGBOT_REQUIRE_REDIS does for Redis.
const requireTmux = "WGBOT_REQUIRE_TMUX"

var tmuxSkipped bool

// warnTmuxSkipped says on the terminal, not only in -v output, that the
// real-terminal test did not run.
func warnTmuxSkipped() {
	if !tmuxSkipped {
		return
	}
	msg := "\n*** the test of wgbot console in a real terminal was SKIPPED: no tmux in PATH. Install it (apt-get install tmux) to run it. ***\n\n"
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		_, _ = tty.WriteString(msg)
		_ = tty.Close()
	}
	fmt.Fprint(os.Stderr, msg)
}

// tmuxPane is the console running in a detached tmux session of a tmux
// server of its own, so that the test touches no session of the user's.
type tmuxPane struct {
	t      *testing.T
	socket string
}

func (p tmuxPane) tmux(args ...string) string {
	p.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", p.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		p.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// waitFor polls the screen (a separate process: there is no event to wait
// on) until it shows want count times, and returns it.
func (p tmuxPane) waitFor(want string, count int, escapes bool) string {
	p.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		args := []string{"capture-pane", "-p", "-J", "-S", "-", "-t", "console"}
		if escapes {
			args = append(args, "-e")
		}
		screen := p.tmux(args...)
		if strings.Count(screen, want) >= count {
			return screen
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("the terminal did not show %q %d times within 30 s; it shows:\n%s", want, count, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// The console in a real terminal: the line editor's prompt, a command and
// its answer in ANSI styles, history (Up), line editing (Backspace) and a
// clean exit on Ctrl-D.
func TestConsoleInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv(requireTmux) == "1" {
			t.Fatalf("no tmux in PATH and %s=1: install tmux (apt-get install tmux)", requireTmux)
		}
		tmuxSkipped = true
		t.Skip("SKIPPED, NO TMUX: install tmux to test wgbot console in a real terminal")
	}
	bin := wgbotBinary(t)
	dir := t.TempDir()
	p := tmuxPane{t: t, socket: fmt.Sprintf("wgbot-test-%d", os.Getpid())}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", p.socket, "kill-server").Run() })
	// A clean environment: no REDIS_URL or ADMIN_IDS of the machine's.
	script := fmt.Sprintf("cd %q && env -i PATH=%q HOME=%q TERM=xterm-256color DATA_DIR=%q %q console; echo \"console exited with status $?\"; read x",
		dir, os.Getenv("PATH"), dir, filepath.Join(dir, "data"), bin)
	p.tmux("new-session", "-d", "-s", "console", "-x", "160", "-y", "50", "sh", "-c", script)

	p.waitFor("Admin in private> ", 1, false)
	p.tmux("send-keys", "-t", "console", "/deadlinex", "BSpace", "s", "Enter")
	screen := p.waitFor("Open deadlines", 1, false)
	if !strings.Contains(screen, "Admin in private> /deadlines") || strings.Contains(screen, "/deadlinex") {
		t.Errorf("Backspace did not edit the line:\n%s", screen)
	}
	if styled := p.waitFor("Open deadlines", 1, true); !strings.Contains(styled, "\x1b[1m") {
		t.Errorf("a terminal got no ANSI bold in the answer:\n%q", styled)
	}
	if strings.Contains(screen, "<b>") || strings.Contains(screen, "&amp;") {
		t.Errorf("the terminal shows raw HTML:\n%s", screen)
	}

	p.tmux("send-keys", "-t", "console", "Up", "Enter") // history: /deadlines again
	p.waitFor("Open deadlines", 2, false)
	p.tmux("send-keys", "-t", "console", "C-d")
	screen = p.waitFor("console exited with status 0", 1, false)
	if !strings.Contains(screen, "Bye.") {
		t.Errorf("Ctrl-D did not say goodbye:\n%s", screen)
	}
	if h, err := os.ReadFile(filepath.Join(dir, "data", "console_history")); err != nil || !strings.Contains(string(h), "/deadlines") {
		t.Errorf("the history was not kept for the next session: %q, %v", h, err)
	}
}
