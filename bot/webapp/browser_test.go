package webapp

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// The browser tests drive Debian's chromium through chromedp against the
// app on loopback. The page loads a stub of telegram-web-app.js served by
// the same test server (window.Telegram.WebApp with initData signed by the
// test token and a theme), and chromium resolves no host but 127.0.0.1: no
// test reaches the internet.

// stub is the Telegram script the test serves: who the page is opened by.
type stub struct {
	mu       sync.Mutex
	initData string
	dark     bool
}

func (s *stub) set(initData string, dark bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.initData, s.dark = initData, dark
}

func (s *stub) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	theme, scheme := `{"bg_color":"#ffffff","text_color":"#000000","hint_color":"#707579","link_color":"#3390ec","button_color":"#3390ec","button_text_color":"#ffffff","secondary_bg_color":"#f4f4f5"}`, "light"
	if s.dark {
		theme, scheme = `{"bg_color":"#18222d","text_color":"#ffffff","hint_color":"#b1c3d5","link_color":"#62bcf9","button_color":"#2ea6ff","button_text_color":"#ffffff","secondary_bg_color":"#131415"}`, "dark"
	}
	w.Header().Set("Content-Type", "text/javascript")
	fmt.Fprintf(w, `window.Telegram = {WebApp: {initData: %q, initDataUnsafe: {}, themeParams: %s, colorScheme: %q,
  ready() {}, expand() {}, onEvent() {}}};`, s.initData, theme, scheme)
}

// browser starts a headless chromium that stops by itself within the test's bound.
func browser(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		msg := "*** browser test SKIPPED: no chromium in PATH (apt-get install chromium; .ci/run does) ***"
		if os.Getenv("WGBOT_REQUIRE_CHROMIUM") == "1" {
			t.Fatal(msg + " and WGBOT_REQUIRE_CHROMIUM=1")
		}
		fmt.Fprintln(os.Stderr, msg)
		t.Skip("SKIPPED, NO CHROMIUM")
	}
	// Not t.TempDir: chromium may still be writing its profile as it exits,
	// which would fail the test's cleanup; this one is removed best-effort.
	profile, err := os.MkdirTemp("", "wgbot-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.NoFirstRun,
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.WindowSize(412, 900), chromedp.UserDataDir(profile))
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		_ = chromedp.Cancel(bctx) // closes the browser and waits for it
		bcancel()
		acancel()
		cancel()
		_ = os.RemoveAll(profile)
	})
	return bctx
}

// screens is where the screenshots go (kept after the test, never committed).
func screens(t *testing.T) string {
	dir := os.Getenv("WGBOT_SCREENSHOT_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "wgbot-webapp-screens")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func shot(t *testing.T, ctx context.Context, dir, name string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var png []byte
		if err := chromedp.FullScreenshot(&png, 100).Do(ctx); err != nil {
			return err
		}
		file := filepath.Join(dir, name+".png")
		t.Logf("screenshot %s", file)
		return os.WriteFile(file, png, 0o644)
	})
}

func TestBrowserMemberAndAdmin(t *testing.T) {
	st := &stub{}
	srv, store := newAppWith(t, "/stub/telegram-web-app.js", func(m *http.ServeMux) { m.Handle("GET /stub/telegram-web-app.js", st) })
	ctx := browser(t)
	dir := screens(t)
	id := firstTaskOf(t, store, storage.Turkiye)
	row := fmt.Sprintf(`tr.row[data-task="%d"]`, id)
	cell := row + ` td[data-party="TR"]`
	party := `#view-task .party[data-party="TR"]`

	// A member for Türkiye opens the matrix, in the light theme.
	st.set(initData(trID, "C++ 100%", testNow, testToken), false)
	var rows, trRows, cols int
	var who string
	var memberNoReport bool
	if err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/app/"),
		chromedp.WaitVisible(row),
		chromedp.Evaluate(`document.querySelectorAll("#matrix tbody tr.row").length`, &rows),
		chromedp.Text("#who", &who),
		shot(t, ctx, dir, "matrix"),
		// Filter: Türkiye only.
		chromedp.SetValue("#f-party", "TR"),
		chromedp.Evaluate(`document.getElementById("f-party").dispatchEvent(new Event("change")); document.querySelectorAll("#matrix tbody tr.row").length`, &trRows),
		chromedp.Evaluate(`document.querySelectorAll("#matrix thead th").length`, &cols),
		chromedp.Evaluate(`document.getElementById("report-desk").hidden`, &memberNoReport),
		shot(t, ctx, dir, "matrix-filtered"),
	); err != nil {
		t.Fatal(err)
	}
	tasks, _ := store.Tasks(context.Background())
	wantTR := 0
	for _, task := range tasks {
		if task.Involves(storage.Turkiye) {
			wantTR++
		}
	}
	if rows != len(tasks) || trRows != wantTR || cols != 2 || !strings.Contains(who, "Türkiye") {
		t.Fatalf("matrix: %d rows (want %d), filtered %d (want %d), %d columns, who %q", rows, len(tasks), trRows, wantTR, cols, who)
	}
	if !memberNoReport {
		t.Fatal("a member is shown the report buttons")
	}

	// Open the task, mark TR submitted with a reference, see the cell change.
	var kzButtons int
	var cellText, cellClass string
	if err := chromedp.Run(ctx,
		chromedp.Click(row),
		chromedp.WaitVisible(party+" .act-submit"),
		chromedp.Evaluate(`document.querySelectorAll("#view-task .party:not([data-party=TR]) button").length`, &kzButtons),
		shot(t, ctx, dir, "task"),
		chromedp.SendKeys(party+" input.ref", "Note 7/2024"),
		chromedp.Click(party+" .act-submit"),
		chromedp.WaitNotPresent(party+" .act-submit"),
		chromedp.Click("#back"),
		chromedp.WaitVisible(cell),
		chromedp.Text(cell, &cellText),
		chromedp.AttributeValue(cell, "class", &cellClass, nil),
	); err != nil {
		t.Fatal(err)
	}
	if kzButtons != 0 {
		t.Fatalf("the TR member is offered %d buttons for other Parties", kzButtons)
	}
	if !strings.Contains(cellClass, "st-submitted") || !strings.Contains(cellText, "submitted") || !strings.Contains(cellText, "Note 7/2024") {
		t.Fatalf("cell after submitting: class %q text %q", cellClass, cellText)
	}
	if task, _ := store.Task(context.Background(), id); task.StatusOf(storage.Turkiye).State != storage.StateSubmitted {
		t.Fatalf("store: %+v", task.StatusOf(storage.Turkiye))
	}

	// The calendar of deadlines.
	var days int
	if err := chromedp.Run(ctx,
		chromedp.Click("#tab-calendar"),
		chromedp.WaitVisible("#cal-grid .day"),
		chromedp.Evaluate(`document.querySelectorAll("#cal-grid .day:not(.empty)").length`, &days),
		shot(t, ctx, dir, "calendar"),
	); err != nil {
		t.Fatal(err)
	}
	if days < 28 || days > 31 {
		t.Fatalf("calendar shows %d days", days)
	}

	// An administrator, in the dark theme, confirms the submission.
	st.set(initData(adminID, "Secretariat", testNow, testToken), true)
	var bg, reportNotice string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/app/"),
		chromedp.WaitVisible(row),
		chromedp.Evaluate(`getComputedStyle(document.body).backgroundColor`, &bg),
		shot(t, ctx, dir, "matrix-dark-admin"),
		chromedp.Click(row),
		chromedp.WaitVisible(party+" .act-confirm"),
		shot(t, ctx, dir, "task-dark-admin"),
		chromedp.Click(party+" .act-confirm"),
		chromedp.WaitNotPresent(party+" .act-confirm"),
		chromedp.Click("#back"),
		chromedp.WaitVisible(cell),
		chromedp.AttributeValue(cell, "class", &cellClass, nil),
		// The report: the Excel button fetches /report's file.
		chromedp.Click("#report-xlsx"),
		chromedp.Poll(`document.getElementById("notice").textContent.includes("wgbot-report.xlsx")`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Text("#notice", &reportNotice),
	); err != nil {
		t.Fatalf("%v (notice %q)", err, reportNotice)
	}
	if bg != "rgb(24, 34, 45)" {
		t.Fatalf("dark theme: body background %s", bg)
	}
	if !strings.Contains(cellClass, "st-confirmed") {
		t.Fatalf("cell after confirming: %q", cellClass)
	}
	if task, _ := store.Task(context.Background(), id); task.StatusOf(storage.Turkiye).State != storage.StateConfirmed {
		t.Fatalf("store: %+v", task.StatusOf(storage.Turkiye))
	}
}

// TestBrowserInTheUsersLanguage: a member whose Telegram is in Russian sees
// the page in Russian once the view arrived: tabs, title, who they are,
// the Parties' names (issue 13).
func TestBrowserInTheUsersLanguage(t *testing.T) {
	st := &stub{}
	srv, store := newAppWith(t, "/stub/telegram-web-app.js", func(m *http.ServeMux) { m.Handle("GET /stub/telegram-web-app.js", st) })
	ctx := browser(t)
	row := fmt.Sprintf(`tr.row[data-task="%d"]`, firstTaskOf(t, store, storage.Turkiye))
	st.set(SignUser(WebAppUser{ID: trID, FirstName: "Зейнеп", LanguageCode: "ru"}, testNow, testToken, nil), false)
	var tab, title, who, lang string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/app/"),
		chromedp.WaitVisible(row),
		chromedp.Text("#tab-matrix", &tab),
		chromedp.Title(&title),
		chromedp.Text("#who", &who),
		chromedp.Evaluate(`document.documentElement.lang`, &lang),
		shot(t, ctx, screens(t), "matrix-ru"),
	); err != nil {
		t.Fatal(err)
	}
	ru := i18n.Russian
	if tab != ru.T("app.matrix") || title != ru.T("app.title") || lang != "ru" ||
		!strings.Contains(who, ru.PartyName("TR")) || !strings.Contains(who, ru.Date(testNow)) {
		t.Fatalf("tab %q, title %q, lang %q, who %q; want Russian (%q, %q)", tab, title, lang, who, ru.T("app.matrix"), ru.T("app.title"))
	}
	// The calendar's month and weekdays are Russian too, not "March 2024", "Mon".
	var month, head string
	if err := chromedp.Run(ctx,
		chromedp.Click("#tab-calendar"),
		chromedp.WaitVisible("#cal-grid .day"),
		chromedp.Text("#cal-title", &month),
		chromedp.Evaluate(`document.querySelector("#cal-grid .hint").textContent`, &head),
		shot(t, ctx, screens(t), "calendar-ru"),
	); err != nil {
		t.Fatal(err)
	}
	if !strings.ContainsAny(month, "абвгдежзиклмнопрстуфхцчшщыьэюя") || !strings.ContainsAny(head, "абвгдежзиклмнопрстуфхцчшщыьэюяП") {
		t.Errorf("calendar title %q, first weekday %q: want Russian", month, head)
	}
}
