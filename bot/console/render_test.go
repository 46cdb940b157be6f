package console

import (
	"testing"
	"time"
)

func TestRender(t *testing.T) {
	cases := []struct{ name, html, plain, ansi string }{
		{"entities unescaped", "Tom &amp; Jerry &lt;3 &quot;x&quot; &#39;y&#39;", `Tom & Jerry <3 "x" 'y'`, `Tom & Jerry <3 "x" 'y'`},
		{"bold and italic nested", "<b>Due <i>today</i></b>!", "Due today!",
			"\x1b[0m\x1b[1mDue \x1b[0m\x1b[1m\x1b[3mtoday\x1b[0m\x1b[1m\x1b[0m!"},
		{"code", "task <code>#12</code>", "task #12", "task \x1b[0m\x1b[36m#12\x1b[0m"},
		{"link shows its address", `<a href="https://t.me/BotFather">BotFather</a>`, "BotFather <https://t.me/BotFather>",
			"\x1b[0m\x1b[4;34mBotFather\x1b[0m <https://t.me/BotFather>"},
		{"quote indented", "<blockquote>one\ntwo</blockquote>", "│ one\n│ two", "│ \x1b[0mone\n│ two\x1b[0m"},
		{"not HTML shown as it is", "a < b", "a < b", "a < b"},
	}
	for _, c := range cases {
		if got := render(c.html, false); got != c.plain {
			t.Errorf("%s: plain render(%q) = %q, want %q", c.name, c.html, got, c.plain)
		}
		if got := render(c.html, true); got != c.ansi {
			t.Errorf("%s: ANSI render(%q) = %q, want %q", c.name, c.html, got, c.ansi)
		}
	}
}

func TestParseWhen(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/Istanbul")
	now := time.Date(2026, 12, 1, 10, 30, 0, 0, loc)
	real := time.Date(2026, 11, 1, 8, 0, 0, 0, loc)
	for in, want := range map[string]time.Time{
		"+14d":             time.Date(2026, 12, 15, 10, 30, 0, 0, loc),
		"+3h":              time.Date(2026, 12, 1, 13, 30, 0, 0, loc),
		"+30m":             time.Date(2026, 12, 1, 11, 0, 0, 0, loc),
		"-1d":              time.Date(2026, 11, 30, 10, 30, 0, 0, loc),
		"2024-03-01":       time.Date(2024, 3, 1, 10, 30, 0, 0, loc),
		"2024-03-01 09:00": time.Date(2024, 3, 1, 9, 0, 0, 0, loc),
		"now":              real,
	} {
		got, err := parseWhen(in, now, real, loc)
		if err != nil || !got.Equal(want) {
			t.Errorf("parseWhen(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "+d", "+14w", "tomorrow", "2024-13-01"} {
		if _, err := parseWhen(bad, now, real, loc); err == nil {
			t.Errorf("parseWhen(%q) accepted it", bad)
		}
	}
}

// A jump wakes the alert loop's timer at once, and Set's channel says when
// the loop waits again; no real time passes.
func TestClockJumpWakesAfter(t *testing.T) {
	start := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	c := NewClock(func() time.Time { return start })
	fired := c.After(time.Hour)
	round := c.Set(start.AddDate(0, 0, 14))
	select {
	case at := <-fired:
		if !at.Equal(start.AddDate(0, 0, 14)) {
			t.Errorf("the timer fired at %v, want the new time", at)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a jump did not wake the timer")
	}
	select {
	case <-round:
		t.Fatal("the round ended before the loop waited again")
	default:
	}
	c.After(time.Hour)
	select {
	case <-round:
	default:
		t.Fatal("the loop waits again, but Set's channel is open")
	}
	if got := c.Now(); !got.Equal(start.AddDate(0, 0, 14)) {
		t.Errorf("Now = %v after the jump", got)
	}
}
