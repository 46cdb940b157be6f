package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/handlers/minutes"
)

const tashkentPath = "../../testdata/minutes/tashkent-2023-12-11.txt"

// noEnv fails the test if extract reads any setting: it needs none.
func noEnv(t *testing.T) func(string) string {
	return func(k string) string {
		t.Errorf("extract read the setting %s", k)
		return ""
	}
}

func TestExtractJSON(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"extract", "--json", tashkentPath}, noEnv(t), &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var items []minutes.Item
	if err := json.Unmarshal(out.Bytes(), &items); err != nil {
		t.Fatalf("not a JSON array of items: %v\n%s", err, out.String())
	}
	if len(items) != 7 {
		t.Fatalf("%d items, want 7", len(items))
	}
	first := items[0]
	if first.Deadline != "2024-03-01" || first.Precision != "day" || first.DeadlineText != "by 1 March 2024" ||
		len(first.Parties) != 1 || first.Parties[0] != "Turkish side" || !strings.Contains(first.Quote, "Silk Road") {
		t.Errorf("first item %+v", first)
	}
	var raw []map[string]any
	_ = json.Unmarshal(out.Bytes(), &raw)
	for _, f := range []string{"parties", "deadline", "precision", "deadline_text", "text", "quote"} {
		if _, ok := raw[0][f]; !ok {
			t.Errorf("field %q missing", f)
		}
	}
}

func TestExtractText(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"extract", tashkentPath}, noEnv(t), &out, &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if n := strings.Count(got, "\n\n"); n != 6 {
		t.Errorf("want 7 blocks, got %d separators:\n%s", n, got)
	}
	for _, w := range []string{"1. 2024-03-01 (day) by 1 March 2024\n   parties: Turkish side\n", "2023-12-31 (year) by the end of 2023", "quote:   The Secretariat will convene"} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, got)
		}
	}
}

func TestExtractErrors(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"extract", "/no/such/minutes.pdf"}, {"extract", "--json", "."}, {"extract"}, {"extract", "--xml", "a"}} {
		var out bytes.Buffer
		err := run(context.Background(), args, noEnv(t), &out, &out)
		if err == nil || strings.Contains(err.Error(), "\n") || out.Len() != 0 {
			t.Errorf("%q: want a one-line error and no output, got %v, %q", args, err, out.String())
		}
		var ce *configError
		if usage := len(args) == 1 || args[1] == "--xml"; usage != errors.As(err, &ce) {
			t.Errorf("%q: usage errors (exit 2) and unreadable files (exit 1) differ: %v", args, err)
		}
	}
}

func TestExtractExplain(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"extract", "--explain", tashkentPath}, noEnv(t), &out, &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, w := range []string{
		"+ workshop on GPS tracking devices and vehicle tracking systems to be hosted by Turkish side in February 2024;\n  => Turkish side: 2024-02-29 (month, in February 2024)\n",
		"=> Azerbaijani side; Turkish side; Uzbek side: 2024-02-01 (day, by 1 February 2024)",
		"(the date is before the meeting: a past event)",
		"(no date)",
		"sentences, ",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("explanation lacks %q", w)
		}
	}
	if strings.Contains(got, "+ Hungarian side will submit") {
		t.Error("an undated sentence is marked taken")
	}
	if err := run(context.Background(), []string{"extract", "--explain", "--json", tashkentPath}, noEnv(t), &out, &out); err == nil {
		t.Error("--explain with --json is accepted")
	}
}
