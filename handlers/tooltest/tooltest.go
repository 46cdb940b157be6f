// Package tooltest finds the outside programs some tests read their output
// with (pdftotext, LibreOffice, Python's icalendar). Without one such a test
// is skipped loudly, or fails when WGBOT_REQUIRE_TOOLS is set, as .ci/run does
// after installing them.
package tooltest

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
)

// RequireEnv names the variable that turns a missing tool into a test failure.
const RequireEnv = "WGBOT_REQUIRE_TOOLS"

var (
	mu      sync.Mutex
	skipped = map[string]int{}
)

// Need returns the path of the first of names found in PATH (or given as an
// absolute path that exists). Without any, it skips t with a loud message
// naming the Debian package that brings it, or fails t when RequireEnv is set.
func Need(t testing.TB, debianPackage string, names ...string) string {
	t.Helper()
	for _, n := range names {
		if strings.HasPrefix(n, "/") {
			if _, err := os.Stat(n); err == nil {
				return n
			}
			continue
		}
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	Missing(t, debianPackage, strings.Join(names, " or ")+" not found")
	return ""
}

// Missing skips t (or fails it under RequireEnv) because what debianPackage
// brings is not there; why says what was looked for.
func Missing(t testing.TB, debianPackage, why string) {
	t.Helper()
	msg := fmt.Sprintf("SKIPPED, NO %s: %s (apt-get install %s)", strings.ToUpper(debianPackage), why, debianPackage)
	if os.Getenv(RequireEnv) != "" {
		t.Fatalf("%s; %s is set, so a missing tool is a failure", msg, RequireEnv)
	}
	mu.Lock()
	skipped[debianPackage]++
	mu.Unlock()
	t.Skip(msg)
}

// Report prints, on the terminal, how many tests were skipped for want of each
// tool; call it from TestMain after m.Run. go test hides a skipped test's
// message unless -v is given, so without this a skip would go unseen.
func Report() {
	mu.Lock()
	defer mu.Unlock()
	for pkg, n := range skipped {
		msg := fmt.Sprintf("\n*** %d tests that need %s were SKIPPED: it is not installed. apt-get install %s, or run bash .ci/run ***\n\n", n, pkg, pkg)
		// go test hides a passing package's output: say it on the terminal too.
		if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
			_, _ = tty.WriteString(msg)
			_ = tty.Close()
		}
		fmt.Fprint(os.Stderr, msg)
	}
}
