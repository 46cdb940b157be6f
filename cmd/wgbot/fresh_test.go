package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/redistest"
)

var (
	freshAdmin  = telegramtest.User{ID: 1001, FirstName: "Aida", Username: "aida"}
	freshMember = telegramtest.User{ID: 3001, FirstName: "Sam", Username: "sam"}
)

// freshEnv is a machine with nothing but a token: no REDIS_URL, a data
// directory of its own.
func freshEnv(tg *telegramtest.Server, dataDir string) []string {
	return []string{"TELEGRAM_BOT_TOKEN=" + tg.Token(), "TELEGRAM_API_URL=" + tg.URL(), "ADMIN_IDS=1001",
		"REDIS_URL=", "DATA_DIR=" + dataDir, "LOG_LEVEL=warn"}
}

// askProcess sends text and returns the next message to the chat.
func askProcess(t *testing.T, tg *telegramtest.Server, chat telegramtest.Chat, from telegramtest.User, text string) telegramtest.Sent {
	t.Helper()
	before := len(tg.Messages(chat.ID))
	tg.SendText(chat, from, text)
	return tg.WaitMessages(t, chat.ID, before+1)[before]
}

func pressProcess(t *testing.T, tg *telegramtest.Server, chat telegramtest.Chat, from telegramtest.User, msg telegramtest.Sent, data string) telegramtest.Sent {
	t.Helper()
	before := len(tg.Messages(chat.ID))
	tg.SendCallback(chat, from, msg.MessageID, data)
	return tg.WaitMessages(t, chat.ID, before+1)[before]
}

func contains(t *testing.T, what string, got telegramtest.Sent, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got.PlainText(), w) {
			t.Errorf("%s: reply lacks %q:\n%s", what, w, got.PlainText())
		}
	}
}

// TestFreshMachineKeepsDataAcrossRestarts is the README's first command on a
// machine without Redis: the bot keeps its data in DATA_DIR/wgbot.db, refuses
// a second instance on the same file, and finds everything after a restart.
func TestFreshMachineKeepsDataAcrossRestarts(t *testing.T) {
	t.Parallel()
	tg := telegramtest.New(t)
	dataDir := filepath.Join(t.TempDir(), "data")
	env := freshEnv(tg, dataDir)
	p := startProcess(t, env)

	// A stranger asks for access, the administrator approves, the member changes Party.
	chat := telegramtest.Private(freshMember)
	intro := askProcess(t, tg, chat, freshMember, "/start")
	contains(t, "/start", intro, "request access")
	pick := pressProcess(t, tg, chat, freshMember, intro, "join")
	pressProcess(t, tg, chat, freshMember, pick, "join:UZ")
	req := tg.WaitMessages(t, freshAdmin.ID, 1)[0]
	before := len(tg.Messages(chat.ID))
	tg.SendCallback(telegramtest.Private(freshAdmin), freshAdmin, req.MessageID, "acc:y:3001")
	contains(t, "approval", tg.WaitMessages(t, chat.ID, before+1)[before], "approved")
	// A change of Party is a request the administrator approves.
	contains(t, "/iam", askProcess(t, tg, chat, freshMember, "/iam TR"), "request to represent 🇹🇷 Türkiye was sent")
	adminMsgs := tg.WaitMessages(t, freshAdmin.ID, 3) // the request, its edit on approval, the change
	change := adminMsgs[len(adminMsgs)-1]
	contains(t, "/iam notice", change, "Change of Party", "asks for: 🇹🇷 Türkiye")
	before = len(tg.Messages(chat.ID))
	tg.SendCallback(telegramtest.Private(freshAdmin), freshAdmin, change.MessageID, "acc:y:3001")
	contains(t, "/iam approval", tg.WaitMessages(t, chat.ID, before+1)[before], "you now represent 🇹🇷 Türkiye")
	contains(t, "/addtask", askProcess(t, tg, telegramtest.Private(freshAdmin), freshAdmin,
		"/addtask TR 2030-03-01 Submit the renewed concept"), "Added task", "Submit the renewed concept")
	if _, err := os.Stat(filepath.Join(dataDir, "wgbot.db")); err != nil {
		t.Fatalf("no data file: %v", err)
	}

	// A second instance on the same file refuses to start, saying why.
	second := startProcess(t, env)
	if code := second.wait(t); code == 0 {
		t.Error("a second instance started on the same file")
	}
	if l := second.log(); !strings.Contains(l, "another wgbot is using "+filepath.Join(dataDir, "wgbot.db")) {
		t.Errorf("second instance's message: %q", l)
	}

	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	if code := p.wait(t); code != 0 {
		t.Fatalf("exit status %d after SIGTERM:\n%s", code, p.log())
	}
	startProcess(t, env)
	mine := askProcess(t, tg, chat, freshMember, "/mytasks")
	contains(t, "/mytasks after restart", mine, "Türkiye", "Submit the renewed concept")
	members := askProcess(t, tg, telegramtest.Private(freshAdmin), freshAdmin, "/members")
	contains(t, "/members after restart", members, "Sam")
	// Updates handled before the restart are not handled again.
	added := 0
	for _, m := range tg.Messages(freshAdmin.ID) {
		if strings.Contains(m.PlainText(), "Added task") {
			added++
		}
	}
	if added != 1 {
		t.Errorf("/addtask answered %d times: updates were replayed", added)
	}
}

// TestKillNineDuringWritesEmbeddedStore kills the bot with SIGKILL while it
// adds tasks, restarts it, and checks that the file opens, every task is
// there, and none is there more than twice (a reply in flight at the kill).
func TestKillNineDuringWritesEmbeddedStore(t *testing.T) {
	t.Parallel()
	tg := telegramtest.New(t, telegramtest.WithLatency(2*time.Millisecond))
	dataDir := t.TempDir()
	env := freshEnv(tg, dataDir)
	const n = 30
	admin := telegramtest.Private(freshAdmin)
	for i := range n {
		tg.SendText(admin, freshAdmin, fmt.Sprintf("/addtask ALL 2030-01-%02d Kill test %d", i%28+1, i))
	}
	p := startProcess(t, env)
	tg.WaitMessages(t, freshAdmin.ID, 3) // it is writing
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	p.wait(t)
	p = startProcess(t, env)
	tg.WaitMessages(t, freshAdmin.ID, n)
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	if code := p.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, p.log())
	}
	s, err := storage.OpenBolt(filepath.Join(dataDir, "wgbot.db"), storage.BoltOptions{})
	if err != nil {
		t.Fatalf("the file does not open after kill -9: %v", err)
	}
	defer s.Close()
	tasks, err := s.Tasks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, task := range tasks {
		count[task.Title]++
	}
	for i := range n {
		if c := count[fmt.Sprint("Kill test ", i)]; c < 1 || c > 2 {
			t.Errorf("task %d is there %d times", i, c)
		}
	}
}

// webhookProcess starts the binary in webhook mode on a free port.
func webhookProcess(t *testing.T, tg *telegramtest.Server, extra ...string) (*process, string) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	env := append([]string{"TELEGRAM_BOT_TOKEN=" + tg.Token(), "TELEGRAM_API_URL=" + tg.URL(), "ADMIN_IDS=1001",
		"WEBHOOK_URL=https://bot.example.org/telegram", "WEBHOOK_SECRET=hook-secret_1", "LISTEN_ADDR=" + addr,
		"LOG_LEVEL=warn", "LOG_FORMAT=json"}, extra...)
	p := startProcess(t, env)
	for end := time.Now().Add(15 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Get("http://" + addr + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(end) {
			t.Fatalf("webhook instance not ready:\n%s", p.log())
		}
	}
	return p, addr
}

func deliver(t *testing.T, addr, secret string, body io.Reader) int {
	t.Helper()
	req, _ := http.NewRequest("POST", "http://"+addr+"/telegram", body)
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// TestTwoWebhookInstancesOnOneRedis runs two binaries on one Redis; every
// update is delivered to both, each is answered once; bad requests are
// refused; a SIGTERM stops an instance cleanly.
func TestTwoWebhookInstancesOnOneRedis(t *testing.T) {
	t.Parallel()
	srv, prefix := redistest.Start(t)
	tg := telegramtest.New(t)
	redisEnv := []string{"REDIS_URL=" + srv.URL(), "REDIS_PREFIX=" + prefix}
	p1, a1 := webhookProcess(t, tg, redisEnv...)
	p2, a2 := webhookProcess(t, tg, redisEnv...)
	if tg.Webhook() != "https://bot.example.org/telegram" {
		t.Errorf("webhook = %q", tg.Webhook())
	}
	id := tg.SendText(telegramtest.Private(freshMember), freshMember, "/help")
	raw := string(tg.RawUpdate(id))
	for _, tc := range []struct {
		secret, body string
		want         int
	}{
		{"", raw, 401}, {"nope", raw, 401}, {"hook-secret_1", "{", 400},
		{"hook-secret_1", `{"update_id":5,"message":{"text":"` + strings.Repeat("x", 1<<21) + `"}}`, 413},
	} {
		if got := deliver(t, a1, tc.secret, strings.NewReader(tc.body)); got != tc.want {
			t.Errorf("secret %q, %d bytes: %d, want %d", tc.secret, len(tc.body), got, tc.want)
		}
	}
	if strings.Contains(p1.log(), "nope") {
		t.Error("a wrong secret was logged")
	}
	const chats, perChat = 5, 6
	for j := 0; j < perChat; j++ {
		for i := range chats {
			u := telegramtest.User{ID: int64(8000 + i), FirstName: "u"}
			raw := tg.RawUpdate(tg.SendText(telegramtest.Private(u), u, "/help"))
			for _, a := range []string{a1, a2} {
				if got := deliver(t, a, "hook-secret_1", strings.NewReader(string(raw))); got != 200 {
					t.Fatalf("delivery: %d", got)
				}
			}
		}
	}
	for i := range chats {
		tg.WaitMessages(t, int64(8000+i), perChat)
	}
	time.Sleep(500 * time.Millisecond)
	for i := range chats {
		if got := len(tg.Messages(int64(8000 + i))); got != perChat {
			t.Errorf("chat %d: %d answers to %d updates, each delivered to both instances", 8000+i, got, perChat)
		}
	}
	for _, p := range []*process{p1, p2} {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		if code := p.wait(t); code != 0 {
			t.Errorf("exit %d:\n%s", code, p.log())
		}
	}
}

// TestMigrateCommand copies the embedded store of a fresh run to Redis and back.
func TestMigrateCommand(t *testing.T) {
	t.Parallel()
	srv, prefix := redistest.Start(t)
	dataDir := t.TempDir()
	s, err := storage.OpenBolt(filepath.Join(dataDir, "wgbot.db"), storage.BoltOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.PutMember(ctx, storage.Member{UserID: 5, Name: "Kept", Party: storage.Hungary}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTask(ctx, storage.Task{Title: "Moved", Parties: []storage.Party{storage.Turkiye}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	migrate := func(env []string, args ...string) (string, error) {
		cmd := exec.Command(wgbotBinary(t), append([]string{"migrate"}, args...)...)
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	env := []string{"DATA_DIR=" + dataDir, "REDIS_PREFIX=" + prefix}
	out, err := migrate(env, "--to-redis", srv.URL())
	if err != nil || !strings.Contains(out, "1 tasks, 1 members") {
		t.Fatalf("to Redis: %v\n%s", err, out)
	}
	if out, err := migrate(env, "--to-redis", srv.URL()); err == nil || !strings.Contains(out, "not empty") {
		t.Errorf("a second copy must refuse a full target: %v\n%s", err, out)
	}
	back := t.TempDir()
	out, err = migrate([]string{"DATA_DIR=" + back, "REDIS_PREFIX=" + prefix}, "--from-redis", srv.URL())
	if err != nil || !strings.Contains(out, "1 tasks, 1 members") {
		t.Fatalf("from Redis: %v\n%s", err, out)
	}
	s2, err := storage.OpenBolt(filepath.Join(back, "wgbot.db"), storage.BoltOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if m, err := s2.Member(ctx, 5); err != nil || m.Name != "Kept" {
		t.Errorf("member after the round trip: %+v, %v", m, err)
	}
}
