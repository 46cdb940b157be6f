package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/seed"
)

// TestReportCommand: one command writes the Tashkent report in three formats
// from the embedded store; bad arguments are refused with what to do.
func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	db, err := storage.OpenBolt(filepath.Join(dir, "wgbot.db"), storage.BoltOptions{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := seed.Tashkent()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := db.LoadSeed(ctx, data); err != nil {
		t.Fatal(err)
	}
	db.Close()
	env := map[string]string{"DATA_DIR": dir}
	getenv := func(k string) string { return env[k] }
	var out bytes.Buffer
	base := filepath.Join(dir, "tashkent")
	err = run(ctx, []string{"report", "--meeting", "Tashkent", "--as-of", "2024-05-02", "-o", base}, getenv, &out, &out)
	if err != nil {
		t.Fatalf("wgbot report: %v\n%s", err, out.String())
	}
	for _, ext := range []string{"docx", "xlsx", "pdf"} {
		if !strings.Contains(out.String(), "wrote "+base+"."+ext+" (21 decisions)") {
			t.Errorf("output %q does not name %s", out.String(), ext)
		}
	}
	x, err := excelize.OpenFile(base + ".xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) != 3 {
		t.Errorf("sheets %q", got)
	}
	pdf, _ := os.ReadFile(base + ".pdf")
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Error("no PDF")
	}

	out.Reset()
	one := filepath.Join(dir, "only.pdf")
	if err := run(ctx, []string{"report", "--format", "pdf", "-o", one}, getenv, &out, &out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(one); err != nil || strings.Count(out.String(), "wrote") != 1 {
		t.Errorf("--format pdf: %v, %q", err, out.String())
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "--lang", "de", "-o", base}, "choose a language of the bot"},
		{[]string{"report", "--format", "odt", "-o", base}, "choose docx, xlsx, pdf or all"},
		{[]string{"report", "--as-of", "May 2024", "-o", base}, "give a date as 2024-05-01"},
		{[]string{"report"}, "usage: wgbot report"},
		{[]string{"report", "--meeting", "samarkand", "-o", base}, "wg12 (Working Group (12th), Tashkent, Uzbekistan)"},
	} {
		err := run(ctx, c.args, getenv, &out, &out)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.args, err, c.want)
		}
	}
}
