package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ots-customs/wgbot/handlers/minutes"
)

// maxExtractFile bounds the file `wgbot extract` reads, like the bot's download limit.
const maxExtractFile = 64 << 20

const extractUsage = "usage: wgbot extract [--json | --explain] FILE"

// extract is `wgbot extract [--json | --explain] FILE`: the dated
// commitments of minutes, one block each, or a JSON array of minutes.Item,
// or, with --explain, every sentence with why it was or was not taken. It
// needs no settings.
func extract(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "print a JSON array")
	explain := fs.Bool("explain", false, "show why each sentence was or was not taken")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 || (*asJSON && *explain) {
		return &configError{"extract", extractUsage}
	}
	path := fs.Arg(0)
	data, err := readBounded(path, maxExtractFile)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	name := filepath.Base(path)
	text, err := minutes.ReadText(name, data)
	if err != nil {
		return fmt.Errorf("extract: %s: %w", name, err)
	}
	if *explain {
		_, err = io.WriteString(stdout, explainBlocks(minutes.Explain(text, minutes.Options{FileName: name})))
		return err
	}
	items := minutes.Extract(text, minutes.Options{FileName: name})
	if items == nil {
		items = []minutes.Item{}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(items)
	}
	_, err = io.WriteString(stdout, itemBlocks(items))
	return err
}

// itemBlocks renders items for reading, one block each, blank lines between.
func itemBlocks(items []minutes.Item) string {
	if len(items) == 0 {
		return "no dated commitments found\n"
	}
	var sb strings.Builder
	for i, it := range items {
		if i > 0 {
			sb.WriteString("\n")
		}
		fmt.Fprintf(&sb, "%d. %s (%s) %s\n", i+1, it.Deadline, it.Precision, it.DeadlineText)
		fmt.Fprintf(&sb, "   parties: %s\n", strings.Join(it.Parties, "; "))
		fmt.Fprintf(&sb, "   text:    %s\n", oneLine(it.Text))
		fmt.Fprintf(&sb, "   quote:   %s\n", oneLine(it.Quote))
	}
	return sb.String()
}

// explainBlocks renders minutes.Explain: "+" before a sentence taken, with
// its items under it, "-" and the reason before one left out.
func explainBlocks(steps []minutes.Step) string {
	var sb strings.Builder
	taken := 0
	for _, st := range steps {
		if len(st.Items) == 0 {
			fmt.Fprintf(&sb, "- %s\n  (%s)\n", oneLine(st.Sentence), st.Reason)
			continue
		}
		taken++
		fmt.Fprintf(&sb, "+ %s\n", oneLine(st.Sentence))
		for _, it := range st.Items {
			fmt.Fprintf(&sb, "  => %s: %s (%s, %s)\n", strings.Join(it.Parties, "; "), it.Deadline, it.Precision, it.DeadlineText)
		}
	}
	fmt.Fprintf(&sb, "\n%d sentences, %d taken (repeated decisions are merged in the item list)\n", len(steps), taken)
	return sb.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// readBounded reads a regular file of at most max bytes.
func readBounded(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a directory", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, errors.New(path + ": larger than 64 MB")
	}
	return data, nil
}
