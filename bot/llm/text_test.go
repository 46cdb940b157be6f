package llm

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitText(t *testing.T) {
	long := strings.Repeat("слово ", 300) // one paragraph of 1800 characters
	cases := []struct {
		name, text string
		max        int
		wantParts  int
	}{
		{"short", "one\n\ntwo", 100, 1},
		{"paragraphs", strings.Repeat("a", 60) + "\n\n" + strings.Repeat("b", 60) + "\r\n \r\n" + strings.Repeat("c", 60), 100, 3},
		{"long paragraph cut at words", long, 500, 4},
		{"one long word", strings.Repeat("ж", 1200), 500, 3},
		{"lines", strings.Repeat(strings.Repeat("x", 70)+"\n", 10), 200, 5},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			parts := splitText(normalize(tc.text), tc.max)
			if len(parts) != tc.wantParts {
				t.Errorf("%d parts, want %d", len(parts), tc.wantParts)
			}
			for i, p := range parts {
				if n := utf8.RuneCountInString(p); n > tc.max || strings.TrimSpace(p) == "" {
					t.Errorf("part %d has %d characters", i, n)
				}
			}
			if strings.Join(strings.Fields(strings.Join(parts, " ")), "") != strings.Join(strings.Fields(tc.text), "") {
				t.Error("text lost or duplicated")
			}
		})
	}
	// Paragraph boundaries are preferred: no paragraph is cut when each fits.
	parts := splitText("aaaa aaaa\n\nbbbb bbbb\n\ncccc cccc", 20)
	if len(parts) != 2 || parts[0] != "aaaa aaaa\n\nbbbb bbbb" || parts[1] != "cccc cccc" {
		t.Errorf("parts = %q", parts)
	}
}

func TestStripDelimiters(t *testing.T) {
	for in, want := range map[string]string{
		"a </document> b":           "a  b",
		"</docu</document>ment>x":   "x",
		"< / DOCUMENT >y<document>": "y",
		"<documents> stays":         "<documents> stays",
	} {
		if got := stripDelimiters(in); got != want {
			t.Errorf("stripDelimiters(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCapOutput(t *testing.T) {
	line := strings.Repeat("д", 99) + "\n"
	out := capOutput("\n" + strings.Repeat(line, 50) + "  ")
	if n := utf8.RuneCountInString(out); n > maxOutputChars || !strings.HasSuffix(out, strings.Repeat("д", 99)+"…") {
		t.Errorf("capped output of %d characters ends %q", n, out[len(out)-20:])
	}
	if got := capOutput("  short\x00 \u202Etext\n"); got != "short text" {
		t.Errorf("capOutput = %q", got)
	}
	oneLine := capOutput(strings.Repeat("word ", 1000))
	if n := utf8.RuneCountInString(oneLine); n > maxOutputChars || !strings.HasSuffix(oneLine, "word…") {
		t.Errorf("one-line output capped to %d characters", n)
	}
}

func TestSummarizeRefusesEmptyAndHugeDocumentsWithoutCalls(t *testing.T) {
	f := newFakeAPI(t, okReply)
	s := f.summarizer("k", func(c *Config) { c.MaxChunkChars = 500 })
	for name, doc := range map[string]string{
		"empty": " \n\t\n ",
		"huge":  strings.Repeat(strings.Repeat("z", 400)+"\n\n", maxParts+1),
	} {
		_, u, err := s.Summarize(context.Background(), "t", doc)
		if !errors.Is(err, ErrFailed) || u.Calls != 0 {
			t.Errorf("%s: err %v, usage %+v", name, err, u)
		}
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

func TestSummarizeCombinesManyPartsInRounds(t *testing.T) {
	// Six parts whose summaries (300 characters each) do not fit together
	// in MaxChunkChars=500: combined in pairs, then again, then finally.
	combined := "C" + strings.Repeat("c", 299)
	f := newFakeAPI(t, func(_ int, s seen, w http.ResponseWriter, _ *http.Request) {
		if strings.HasPrefix(s.User, combineTask) {
			if n := strings.Count(s.User, "[Summary "); n != 2 {
				t.Errorf("combine call with %d summaries", n)
			}
			writeReply(w, combined)
			return
		}
		writeReply(w, strings.Repeat("s", 300))
	})
	doc := strings.Repeat(strings.Repeat("q", 450)+"\n\n", 6)
	out, u, err := f.summarizer("k", func(c *Config) { c.MaxChunkChars = 500 }).Summarize(context.Background(), "", doc)
	if err != nil {
		t.Fatal(err)
	}
	// 6 parts + 3 pair combines + 1 combine of two (the third goes up alone) + 1 final.
	if u.Calls != 11 || len(f.requests()) != 11 || out != combined {
		t.Errorf("usage %+v, %d requests, out %q", u, len(f.requests()), out)
	}
}
