package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage/redistest"
)

// consoleSession runs `wgbot console` on script (one line each) with its
// own data directory and returns what the terminal showed.
func consoleSession(t *testing.T, env map[string]string, script ...string) string {
	t.Helper()
	if env["DATA_DIR"] == "" {
		env["DATA_DIR"] = t.TempDir()
	}
	var out strings.Builder
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	in := strings.NewReader(strings.Join(script, "\n") + "\n")
	if err := runConsole(ctx, nil, func(k string) string { return env[k] }, in, &out); err != nil {
		t.Fatalf("console: %v\n%s", err, out.String())
	}
	return out.String()
}

// after returns what the terminal showed after the prompt line that echoed
// input, up to the next prompt: the answer to that line.
func after(t *testing.T, screen, input string) string {
	t.Helper()
	i := strings.Index(screen, "> "+input+"\n")
	if i < 0 {
		t.Fatalf("the screen has no line %q:\n%s", input, screen)
	}
	rest := screen[i+len("> "+input+"\n"):]
	if j := strings.Index(rest, "> "); j >= 0 {
		if k := strings.LastIndexByte(rest[:j], '\n'); k >= 0 {
			rest = rest[:k+1]
		}
	}
	return rest
}

func wantIn(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s: want %q in:\n%s", what, w, got)
		}
	}
}

// The scripted tour of the issue: a stranger asks for access, the
// administrator approves by button number, deadlines, the Tashkent minutes
// uploaded and imported, a group subscribed, and a clock jump that fires an
// alert there.
func TestConsoleSession(t *testing.T) {
	istanbul, _ := time.LoadLocation("Europe/Istanbul")
	due := time.Now().In(istanbul).AddDate(0, 0, 10).Format("2006-01-02")
	minutes := filepath.Join("..", "..", "testdata", "minutes", "tashkent-2023-12-11.txt")
	dir := t.TempDir()
	screen := consoleSession(t, map[string]string{"DATA_DIR": dir},
		"/as Erlan en",
		"/start",
		"1", // Request access
		"2", // Kazakhstan
		"/as Admin",
		"1", // Approve
		"/as Erlan",
		"/deadlines",
		"/nominate Erlan Sultanov; Chief Inspector; erlan@customs.example.kz; +77001234567",
		"1", // Confirm
		"/as Admin",
		"1", // Approve the nomination
		":send "+minutes,
		"1", // Import N tasks
		"1", // Import
		"/addtask ALL "+due+" Send the console test report",
		"/in group OTS WG",
		"/enable",
		"/subscribe",
		":time "+due+" 12:00", // noon on the deadline day, whenever the test runs
		"/in private",
		"/export",
		":help",
	)

	wantIn(t, "start", screen, "Loaded the Agreed Minutes of Tashkent", "You are Admin, a made-up administrator")
	wantIn(t, "/as", after(t, screen, "/as Erlan en"), "You are now Erlan, someone new", "language en")
	wantIn(t, "a stranger's /start", after(t, screen, "/start"), "request access", "[1] Request access")
	wantIn(t, "the Party question", after(t, screen, "1"), "bot (edits an earlier message): Which Party", "[2] 🇰🇿 Kazakhstan")
	wantIn(t, "the request", after(t, screen, "2"), "-- to Admin (private) --", "Erlan", "[1] ")
	approval := after(t, screen, "/as Admin") + screen[strings.Index(screen, "Admin in private> 1\n"):]
	wantIn(t, "the approval", approval, "-- to Erlan (private) --")
	deadlines := after(t, screen, "/deadlines")
	wantIn(t, "a member's /deadlines", deadlines, "Open deadlines", "Submit the renewed concept of the Silk Road initiative", "🇹🇷 TR")
	if strings.Contains(deadlines, "<b>") || strings.Contains(deadlines, "&amp;") || strings.Contains(deadlines, "\x1b[") {
		t.Errorf("/deadlines shows HTML or ANSI on a plain output:\n%s", deadlines)
	}
	wantIn(t, "the upload", after(t, screen, ":send "+minutes), "(you send tashkent-2023-12-11.txt", "decisions found, in the order of the document", "by 1 March 2024", "[1] 📥 Import ")
	wantIn(t, "the import", screen, "bot (edits an earlier message): ✅ Imported ", "(same as task 1)")
	wantIn(t, "the group", after(t, screen, "/in group OTS WG"), "You are in the group OTS WG")
	wantIn(t, "the prompt", screen, "Admin in group OTS WG> /enable\n")
	wantIn(t, "/subscribe", after(t, screen, "/subscribe"), "This group will receive deadline alerts")
	alert := after(t, screen, ":time "+due+" 12:00")
	wantIn(t, "the clock jump", alert, "The bot's clock is now", "bot: ⏰ Deadline today", "Send the console test report", "[1] Open in a private chat <https://t.me/")
	if strings.Contains(alert, "-- to ") {
		t.Errorf("the alert was not in the group where the console was:\n%s", alert)
	}
	wantIn(t, "/export", after(t, screen, "/export"), "bot sends a file: wgbot-contacts.csv", "saved as "+filepath.Join(dir, "files", "wgbot-contacts.csv"))
	if _, err := os.Stat(filepath.Join(dir, "files", "wgbot-contacts.vcf")); err != nil {
		t.Errorf("the vCard file the bot sent was not saved: %v", err)
	}
	wantIn(t, ":help", after(t, screen, ":help"), "/as NAME", "/in group NAME", ":send PATH", ":time +14d", "Ctrl-D")
	if !strings.HasSuffix(screen, "Bye.\n") {
		t.Errorf("the end of the input did not end the session cleanly:\n%s", screen[max(0, len(screen)-300):])
	}
}

// With REDIS_URL the console keeps its data in Redis, the Tashkent data
// loaded there on first start.
func TestConsoleOnRedis(t *testing.T) {
	srv, prefix := redistest.Start(t)
	screen := consoleSession(t, map[string]string{"REDIS_URL": srv.URL(), "REDIS_PREFIX": prefix, "ADMIN_IDS": "777"}, "/deadlines")
	wantIn(t, "on Redis", screen, "data in Redis at REDIS_URL", "Loaded the Agreed Minutes of Tashkent",
		"You are Admin, an administrator (ADMIN_IDS, id 777)", "Open deadlines", "Submit the renewed concept")
}

// Without a token the bot says where one comes from, and that the console
// needs none.
func TestMissingTokenPointsToBotFatherAndConsole(t *testing.T) {
	_, err := loadConfig(func(string) string { return "" })
	if err == nil {
		t.Fatal("no token was accepted")
	}
	wantIn(t, "the error", err.Error(), "TELEGRAM_BOT_TOKEN", "@BotFather", "/newbot", "wgbot console")
}
