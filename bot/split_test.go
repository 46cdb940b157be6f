package bot

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitText(t *testing.T) {
	t.Parallel()
	short := "one\ntwo"
	if got := splitText(short, 4096); len(got) != 1 || got[0] != short {
		t.Errorf("short text split: %q", got)
	}
	var lines []string
	for i := 0; i < 300; i++ {
		lines = append(lines, "<b>line</b> "+strings.Repeat("ş", 10)+" &amp; more")
	}
	text := strings.Join(lines, "\n")
	parts := splitText(text, 1000)
	if strings.Join(parts, "\n") != text {
		t.Error("parts do not join back into the text")
	}
	for _, p := range parts {
		if len(p) > 1000 || strings.HasPrefix(p, "\n") || !strings.HasPrefix(p, "<b>") {
			t.Errorf("part of %d bytes does not start at a line: %.30q", len(p), p)
		}
	}
	// One line longer than the limit: cut at runes, never inside an entity or tag.
	long := strings.Repeat("я&amp;<i>x</i>", 400)
	parts = splitText(long, 1000)
	for _, p := range parts {
		if len(p) > 1000 || !utf8.ValidString(p) {
			t.Fatalf("bad part: %d bytes, valid %v", len(p), utf8.ValidString(p))
		}
		if i := strings.LastIndexAny(p, "<&"); i >= 0 && !strings.ContainsAny(p[i:], ">;") {
			t.Fatalf("a part ends inside a tag or entity: %q", p[max(0, len(p)-20):])
		}
	}
	if strings.Join(parts, "") != long {
		t.Error("parts of a long line do not join back")
	}
}
