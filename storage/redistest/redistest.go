// Package redistest starts a private redis-server for tests, one per test
// binary, and gives each test its own key prefix so tests run in parallel
// without touching each other's data.
package redistest

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// RequireEnv names the variable that turns a missing redis-server into a test
// failure instead of a skip; .ci/run sets it so CI always tests against Redis.
const RequireEnv = "WGBOT_REQUIRE_REDIS"

var (
	once    sync.Once
	server  *Server
	srvErr  error
	counter atomic.Int64
	skipped atomic.Int64
)

// URLEnv names a variable holding the URL of a Redis that tests may share
// (.ci/run starts one); without it each test binary starts its own.
const URLEnv = "WGBOT_TEST_REDIS_URL"

// Server is the Redis the tests use.
type Server struct {
	Addr string
	url  string
	cmd  *exec.Cmd // nil when the server is not ours
	dir  string
}

// URL returns a redis:// URL for the server.
func (s *Server) URL() string {
	if s.url != "" {
		return s.url
	}
	return "redis://" + s.Addr + "/0"
}

// Start returns the test binary's redis-server, starting it on first use, and
// a key prefix unique to t. Without a redis-server binary the test is skipped
// with a loud message, or fails when WGBOT_REQUIRE_REDIS is set.
func Start(t testing.TB) (*Server, string) {
	t.Helper()
	once.Do(func() { server, srvErr = start() })
	if srvErr != nil {
		if os.Getenv(RequireEnv) != "" {
			t.Fatalf("redistest: %v (%s is set, so a missing Redis is a failure)", srvErr, RequireEnv)
		}
		skipped.Add(1)
		t.Skipf("SKIPPED, NO REDIS: %v; install redis-server to run this test", srvErr)
	}
	// The pid keeps test binaries that share one server apart.
	prefix := fmt.Sprintf("test:%d:%d:%s:", os.Getpid(), counter.Add(1), strings.ReplaceAll(t.Name(), "/", "_"))
	return server, prefix
}

func start() (*Server, error) {
	if u := os.Getenv(URLEnv); u != "" {
		return &Server{url: u}, nil
	}
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		return nil, fmt.Errorf("redis-server not found in PATH")
	}
	dir, err := os.MkdirTemp("", "wgbot-redis-")
	if err != nil {
		return nil, err
	}
	for attempt := 0; attempt < 5; attempt++ {
		port, err := freePort()
		if err != nil {
			return nil, err
		}
		cmd := exec.Command(bin, "--port", fmt.Sprint(port), "--bind", "127.0.0.1",
			"--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no",
			"--loglevel", "warning")
		stdout, _ := cmd.StdoutPipe()
		cmd.Stderr = cmd.Stdout
		if err := cmd.Start(); err != nil {
			return nil, fmt.Errorf("start redis-server: %w", err)
		}
		go drain(stdout)
		addr := fmt.Sprintf("127.0.0.1:%d", port)
		if waitReady(addr, 5*time.Second) {
			return &Server{Addr: addr, cmd: cmd, dir: dir}, nil
		}
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
	return nil, fmt.Errorf("redis-server did not start")
}

// Stop ends the server; TestMain calls it after m.Run.
func Stop() {
	if n := skipped.Load(); n > 0 {
		warnSkipped(n)
	}
	if server != nil && server.cmd != nil {
		_ = server.cmd.Process.Kill()
		_ = server.cmd.Wait()
		_ = os.RemoveAll(server.dir)
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func waitReady(addr string, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			_ = c.SetDeadline(time.Now().Add(time.Second))
			_, _ = c.Write([]byte("PING\r\n"))
			line, _ := bufio.NewReader(c).ReadString('\n')
			c.Close()
			if strings.HasPrefix(line, "+PONG") {
				return true
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

func drain(r interface{ Read([]byte) (int, error) }) {
	s := bufio.NewScanner(r)
	for s.Scan() {
	}
}

// warnSkipped says how many tests were skipped for want of Redis. go test
// hides the output of a passing package, so the warning goes to the
// terminal when there is one, and to stderr (shown with -v) as well.
func warnSkipped(n int64) {
	msg := fmt.Sprintf("\n*** %d tests that need Redis were SKIPPED: no redis-server in PATH. Install it (apt-get install redis-server) to run them. ***\n\n", n)
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		_, _ = tty.WriteString(msg)
		_ = tty.Close()
	}
	fmt.Fprint(os.Stderr, msg)
}
