package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage/redistest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	redistest.Stop()
	warnTmuxSkipped()
	os.Exit(code)
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// wgbotBinary builds cmd/wgbot once per test run.
func wgbotBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "wgbot-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "wgbot")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// process is the wgbot binary running against the test server and Redis.
type process struct {
	cmd  *exec.Cmd
	logs *strings.Builder
	mu   *sync.Mutex
	done chan struct{}
}

func startProcess(t *testing.T, environ []string) *process {
	t.Helper()
	cmd := exec.Command(wgbotBinary(t))
	cmd.Env = append(os.Environ(), environ...)
	cmd.Dir = t.TempDir() // no .env there
	stderr, _ := cmd.StderrPipe()
	p := &process{cmd: cmd, logs: &strings.Builder{}, mu: &sync.Mutex{}, done: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		s := bufio.NewScanner(stderr)
		for s.Scan() {
			p.mu.Lock()
			p.logs.WriteString(s.Text() + "\n")
			p.mu.Unlock()
		}
		_ = cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() { _ = cmd.Process.Kill(); <-p.done })
	return p
}

func (p *process) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.logs.String()
}

func (p *process) wait(t *testing.T) int {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(15 * time.Second):
		t.Fatal("wgbot did not exit")
	}
	return p.cmd.ProcessState.ExitCode()
}

func TestBinaryRefusesBadSettingsWithStatus2(t *testing.T) {
	t.Parallel()
	p := startProcess(t, []string{"TELEGRAM_BOT_TOKEN=123:SECRETTOKEN", "TIMEZONE=Nowhere/Land"})
	if code := p.wait(t); code != 2 {
		t.Errorf("exit status %d, want 2", code)
	}
	if l := p.log(); strings.Count(l, "\n") != 1 || !strings.Contains(l, "TIMEZONE") || strings.Contains(l, "SECRET") {
		t.Errorf("want one line naming TIMEZONE without the token, got %q", l)
	}
}

// TestKillNineLosesNoUpdate kills the bot with SIGKILL while it works through
// a burst of updates, starts it again, and checks that every update was
// answered, and repeated at most once per chat in flight.
func TestKillNineLosesNoUpdate(t *testing.T) {
	t.Parallel()
	srv, prefix := redistest.Start(t)
	tg := telegramtest.New(t, telegramtest.WithLatency(2*time.Millisecond))
	environ := []string{"TELEGRAM_BOT_TOKEN=" + tg.Token(), "TELEGRAM_API_URL=" + tg.URL(),
		"REDIS_URL=" + srv.URL(), "REDIS_PREFIX=" + prefix, "ADMIN_IDS=1001", "LOG_LEVEL=warn"}
	const chats, perChat = 8, 5
	users := make([]telegramtest.User, chats)
	for i := range users {
		users[i] = telegramtest.User{ID: int64(5000 + i), FirstName: fmt.Sprint("user", i)}
		for j := 0; j < perChat; j++ {
			tg.SendText(telegramtest.Private(users[i]), users[i], "/help")
		}
	}
	p := startProcess(t, environ)
	tg.WaitMessages(t, users[0].ID, 1) // it is working
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	p.wait(t)
	startProcess(t, environ)
	total := 0
	for _, u := range users {
		got := len(tg.WaitMessages(t, u.ID, perChat))
		if got > perChat+1 {
			t.Errorf("chat %d got %d replies for %d updates: more than one repeat", u.ID, got, perChat)
		}
		total += got
	}
	if total > chats*perChat+chats {
		t.Errorf("%d replies for %d updates", total, chats*perChat)
	}
}

func TestSIGTERMStopsCleanly(t *testing.T) {
	t.Parallel()
	srv, prefix := redistest.Start(t)
	tg := telegramtest.New(t)
	p := startProcess(t, []string{"TELEGRAM_BOT_TOKEN=" + tg.Token(), "TELEGRAM_API_URL=" + tg.URL(),
		"REDIS_URL=" + srv.URL(), "REDIS_PREFIX=" + prefix})
	u := telegramtest.User{ID: 42, FirstName: "Sam"}
	tg.SendText(telegramtest.Private(u), u, "/start")
	msg := tg.WaitMessages(t, u.ID, 1)[0]
	if !strings.Contains(msg.PlainText(), "Request access") && !strings.Contains(msg.PlainText(), "request access") {
		t.Errorf("stranger's /start: %q", msg.PlainText())
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	if code := p.wait(t); code != 0 {
		t.Errorf("exit status %d after SIGTERM, logs:\n%s", code, p.log())
	}
	if strings.Contains(p.log(), tg.Token()) {
		t.Error("the token appeared in the logs")
	}
}
