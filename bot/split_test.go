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
	// A cut inside <i>...</i> closes it in one part and opens it again in the next.
	if strings.ReplaceAll(strings.Join(parts, ""), "</i><i>", "") != long {
		t.Error("parts of a long line do not join back")
	}
}

// A task text is one long line inside <i>: each part must be valid HTML on
// its own, or Telegram refuses it ("can't parse entities").
func TestSplitTextKeepsTagsBalanced(t *testing.T) {
	t.Parallel()
	text := "<b>Task 1</b>: x\n\n<i>" + strings.Repeat("Жалоба &amp; ответ ", 700) + "</i>\n<b>Status</b>"
	parts := splitText(text, 4096)
	if len(parts) < 2 {
		t.Fatalf("want several parts, got %d", len(parts))
	}
	var visible []string
	for i, p := range parts {
		if len(p) > 4096 {
			t.Errorf("part %d has %d bytes", i, len(p))
		}
		open, _ := openTags(p)
		if len(open) > 0 || strings.Count(p, "<i>") != strings.Count(p, "</i>") {
			t.Errorf("part %d leaves %q open: %.40q ... %.40q", i, open, p, p[max(0, len(p)-40):])
		}
		if strings.HasSuffix(p, "<i>") || strings.HasPrefix(p, "<i></i>") {
			t.Errorf("part %d has an empty element", i)
		}
		visible = append(visible, p)
	}
	strip := strings.NewReplacer("<i>", "", "</i>", "", "\n", "")
	if strip.Replace(strings.Join(visible, "")) != strip.Replace(text) {
		t.Error("the parts do not hold the text")
	}
}
