package webapp

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/handlers/report"
	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/seed"
	"github.com/xuri/excelize/v2"
)

const (
	testToken  = "123456:TEST-token_for_the_app"
	otherToken = "654321:another-bots-token"
	adminID    = 1001
	trID       = 2002 // a member for Türkiye
	kzID       = 3003 // a member for Kazakhstan
	strangerID = 4004
)

// quiet is a Sender for handlers that the app never makes speak: status
// changes and edits reply in the app, not in a chat.
type quiet struct{}

func (quiet) Send(context.Context, handlers.Message) error                      { return nil }
func (quiet) AnswerCallback(context.Context, string, string, bool) error        { return nil }
func (quiet) SendBulk(context.Context, []handlers.Message, func(int, error))    {}
func (quiet) SendDocument(context.Context, int64, string, []byte, string) error { return nil }

var testNow = time.Date(2024, 2, 20, 10, 0, 0, 0, time.UTC)

// newApp serves the app over the real embedded store, loaded with the
// Tashkent minutes, with one member for TR and one for KZ.
func newApp(t *testing.T) (*httptest.Server, storage.Store) {
	return newAppWith(t, "", nil)
}

// newAppWith is newApp with the page's Telegram script at script, and more
// routes on the same server.
func newAppWith(t *testing.T, script string, more func(*http.ServeMux)) (*httptest.Server, storage.Store) {
	t.Helper()
	store, err := storage.OpenBolt(filepath.Join(t.TempDir(), "wgbot.db"), storage.BoltOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ctx := context.Background()
	data, err := seed.Tashkent()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.LoadSeed(ctx, data); err != nil {
		t.Fatal(err)
	}
	for id, p := range map[int64]storage.Party{trID: storage.Turkiye, kzID: storage.Kazakhstan} {
		if err := store.PutMember(ctx, storage.Member{UserID: id, Name: "Zeynep Testname", Party: p}); err != nil {
			t.Fatal(err)
		}
	}
	now := func() time.Time { return testNow }
	h := handlers.New(handlers.Deps{Store: store, Sender: quiet{}, Now: now, Location: time.UTC, Admins: []int64{adminID}})
	mux := http.NewServeMux()
	mux.Handle("/app/", http.StripPrefix("/app", Handler(Config{Token: testToken, Bot: h, Now: now, Script: script,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})))
	if more != nil {
		more(mux)
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, store
}

func initData(id int64, first string, at time.Time, token string) string {
	return SignUser(WebAppUser{ID: id, FirstName: first}, at, token, nil)
}

// call makes one API call and decodes the answer.
func call(t *testing.T, srv *httptest.Server, auth, method, path, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, srv.URL+"/app/api/"+path, strings.NewReader(body))
	if auth != "" {
		req.Header.Set("Authorization", "tma "+auth)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s %s: %d, not JSON: %s", method, path, res.StatusCode, raw)
	}
	return res.StatusCode, out
}

// firstTaskOf is the id of a seeded task that binds p, still open.
func firstTaskOf(t *testing.T, store storage.Store, p storage.Party) int64 {
	tasks, err := store.Tasks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range tasks {
		if task.Involves(p) && task.StatusOf(p).State == storage.StateOpen {
			return task.ID
		}
	}
	t.Fatalf("no open task of %s in the seed", p)
	return 0
}

func TestInitDataRefused(t *testing.T) {
	srv, _ := newApp(t)
	valid := initData(trID, "Ayşe", testNow.Add(-time.Minute), testToken)
	tampered := strings.Replace(valid, "%C5%9Fe", "%C5%9Fa", 1) // the name changed after signing
	if tampered == valid {
		t.Fatal("the tampering did not change the data")
	}
	cases := []struct {
		name, auth, want string
	}{
		{"none", "", "openInTelegram"},
		{"expired", initData(trID, "Ayşe", testNow.Add(-61*time.Minute), testToken), "expired"},
		{"from the future", initData(trID, "Ayşe", testNow.Add(10*time.Minute), testToken), "expired"},
		{"tampered", tampered, "openInTelegram"},
		{"another bot's token", initData(trID, "Ayşe", testNow.Add(-time.Minute), otherToken), "openInTelegram"},
		{"no hash", strings.Split(valid, "&hash=")[0], "openInTelegram"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out := call(t, srv, c.auth, "GET", "view", "")
			if code != http.StatusUnauthorized || out["error"] != c.want || out["message"] != handlers.AppTexts(i18n.English)[c.want] {
				t.Fatalf("got %d %v, want 401 %s", code, out, c.want)
			}
		})
	}
	if code, out := call(t, srv, valid, "GET", "view", ""); code != http.StatusOK || out["party"] != "TR" {
		t.Fatalf("valid initData: %d %v", code, out)
	}
}

// The name go-telegram/bot's ValidateWebappRequest rejects: it unescapes twice.
func TestInitDataPlusAndPercent(t *testing.T) {
	raw := initData(trID, "C++ 100%", testNow, testToken)
	if !strings.Contains(raw, "C%2B%2B%20100%25") {
		t.Fatalf("not escaped as Telegram does: %s", raw)
	}
	d, err := Validate(raw, testToken, time.Hour, testNow)
	if err != nil || d.User.FirstName != "C++ 100%" || d.User.ID != trID {
		t.Fatalf("Validate = %+v, %v", d, err)
	}
	srv, _ := newApp(t)
	if code, out := call(t, srv, raw, "GET", "view", ""); code != http.StatusOK {
		t.Fatalf("the app refused C++ 100%%: %d %v", code, out)
	}
}

func TestValidateTelegramExample(t *testing.T) {
	// Built by hand as Telegram documents it, independently of Sign:
	// secret = HMAC_SHA256("WebAppData", token); hash = hex(HMAC_SHA256(secret, data-check-string)).
	fields := map[string]string{"auth_date": "1708423200", "query_id": "Q", "user": `{"id":7,"first_name":"Ali Veli"}`}
	dcs := "auth_date=1708423200\nquery_id=Q\nuser=" + `{"id":7,"first_name":"Ali Veli"}`
	if got := checkString(fields); got != dcs {
		t.Fatalf("data-check-string %q", got)
	}
	v := url.Values{}
	for k, x := range fields {
		v.Set(k, x)
	}
	raw := Sign(v, testToken)
	if _, err := Validate(raw, testToken, time.Hour, time.Unix(1708423200, 0).Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	// One extra field after signing breaks the hash.
	if _, err := Validate(raw+"&chat_type=private", testToken, time.Hour, time.Unix(1708423200, 0)); err != ErrBadInitData {
		t.Fatalf("extra field: %v", err)
	}
	// A repeated field is refused, whatever its hash.
	if _, err := Validate(raw+"&user=x", testToken, time.Hour, time.Unix(1708423200, 0)); err != ErrBadInitData {
		t.Fatalf("repeated field: %v", err)
	}
}

func TestStrangerRefused(t *testing.T) {
	srv, store := newApp(t)
	auth := initData(strangerID, "Guest", testNow, testToken)
	code, out := call(t, srv, auth, "GET", "view", "")
	if code != http.StatusForbidden || out["message"] != handlers.AppTexts(i18n.English)["stranger"] {
		t.Fatalf("stranger view: %d %v", code, out)
	}
	id := firstTaskOf(t, store, storage.Turkiye)
	code, _ = call(t, srv, auth, "POST", "task/"+itoa(id)+"/status", `{"party":"TR","state":"submitted"}`)
	if code != http.StatusForbidden {
		t.Fatalf("stranger submit: %d", code)
	}
	if task, _ := store.Task(context.Background(), id); task.StatusOf(storage.Turkiye).State != storage.StateOpen {
		t.Fatal("a stranger changed a status")
	}
}

func TestMemberRules(t *testing.T) {
	srv, store := newApp(t)
	ctx := context.Background()
	kz := initData(kzID, "Nurlan", testNow, testToken)
	tr := initData(trID, "Ayşe", testNow, testToken)
	id := firstTaskOf(t, store, storage.Turkiye)
	path := "task/" + itoa(id) + "/status"

	// A KZ member acting for TR is refused, and nothing changes.
	code, out := call(t, srv, kz, "POST", path, `{"party":"TR","state":"submitted","ref":"note 1"}`)
	if code != http.StatusForbidden || !strings.Contains(out["message"].(string), "Türkiye") {
		t.Fatalf("KZ for TR: %d %v", code, out)
	}
	// The TR member submits TR's part with a reference.
	code, out = call(t, srv, tr, "POST", path, `{"party":"TR","state":"submitted","ref":"Note 12/345"}`)
	if code != http.StatusOK {
		t.Fatalf("TR submit: %d %v", code, out)
	}
	task, _ := store.Task(ctx, id)
	if st := task.StatusOf(storage.Turkiye); st.State != storage.StateSubmitted || st.Ref != "Note 12/345" || st.By != trID {
		t.Fatalf("stored %+v", st)
	}
	// Audited like the chat's /done: the task's history holds the change, by whom.
	hist, _ := store.History(ctx, id, 5)
	if len(hist) == 0 || hist[0].Party != storage.Turkiye || hist[0].To != storage.StateSubmitted || hist[0].By != trID {
		t.Fatalf("history %+v", hist)
	}
	// A member may not confirm, not even their own Party's part.
	code, _ = call(t, srv, tr, "POST", path, `{"party":"TR","state":"confirmed"}`)
	if code != http.StatusForbidden {
		t.Fatalf("member confirm: %d", code)
	}
	// Nor edit a task, nor change several at once.
	if code, _ = call(t, srv, tr, "POST", "task/"+itoa(id)+"/edit", `{"deadline":"2024-05-01"}`); code != http.StatusForbidden {
		t.Fatalf("member edit: %d", code)
	}
	if code, _ = call(t, srv, tr, "POST", "bulk", `{"tasks":[`+itoa(id)+`],"action":"confirm"}`); code != http.StatusForbidden {
		t.Fatalf("member bulk: %d", code)
	}
	// Submitting twice says so.
	code, out = call(t, srv, tr, "POST", path, `{"party":"TR","state":"submitted"}`)
	if code != http.StatusConflict || !strings.Contains(out["message"].(string), "already submitted") {
		t.Fatalf("twice: %d %v", code, out)
	}
	// The view offers the TR member "submit" only in TR's open cells, never in KZ's.
	_, view := call(t, srv, tr, "GET", "view", "")
	for _, raw := range view["tasks"].([]any) {
		for _, c := range raw.(map[string]any)["cells"].([]any) {
			cell := c.(map[string]any)
			can, _ := cell["can"].([]any)
			if len(can) > 0 && (cell["party"] != "TR" || cell["state"] != "open" || can[0] != "submit" || len(can) != 1) {
				t.Fatalf("TR member may %v on %v", can, cell)
			}
		}
	}
	if strings.Contains(mustJSON(view), "Testname") {
		t.Fatal("the view holds a member's name")
	}
}

func TestAdminDesk(t *testing.T) {
	srv, store := newApp(t)
	ctx := context.Background()
	admin := initData(adminID, "Secretariat", testNow, testToken)
	tr := initData(trID, "Ayşe", testNow, testToken)
	a := firstTaskOf(t, store, storage.Turkiye)
	call(t, srv, tr, "POST", "task/"+itoa(a)+"/status", `{"party":"TR","state":"submitted","ref":"N-1"}`)

	code, out := call(t, srv, admin, "POST", "task/"+itoa(a)+"/status", `{"party":"TR","state":"confirmed"}`)
	if code != http.StatusOK {
		t.Fatalf("confirm: %d %v", code, out)
	}
	task, _ := store.Task(ctx, a)
	if st := task.StatusOf(storage.Turkiye); st.State != storage.StateConfirmed || st.Ref != "N-1" || st.By != adminID {
		t.Fatalf("confirmed %+v", st)
	}
	code, out = call(t, srv, admin, "POST", "task/"+itoa(a)+"/edit", `{"deadline":"2024-06-30","parties":["TR","UZ"],"text":"Submit the renewed concept"}`)
	if code != http.StatusOK {
		t.Fatalf("edit: %d %v", code, out)
	}
	task, _ = store.Task(ctx, a)
	if task.Deadline.Due.String() != "2024-06-30" || task.Deadline.Text != "" || task.Deadline.Precision != storage.PrecisionDay || len(task.Parties) != 2 || task.Title != "Submit the renewed concept" {
		t.Fatalf("edited %+v", task)
	}
	code, out = call(t, srv, admin, "POST", "task/"+itoa(a)+"/edit", `{"deadline":"soon"}`)
	if code != http.StatusBadRequest || out["message"] == "" {
		t.Fatalf("bad date: %d %v", code, out)
	}
	// Several tasks at once: a new deadline for three.
	tasks, _ := store.Tasks(ctx)
	ids := []int64{tasks[0].ID, tasks[1].ID, tasks[2].ID}
	body := `{"tasks":[` + itoa(ids[0]) + `,` + itoa(ids[1]) + `,` + itoa(ids[2]) + `],"action":"deadline","date":"2024-09-30"}`
	code, out = call(t, srv, admin, "POST", "bulk", body)
	if code != http.StatusOK || out["changed"] != float64(3) {
		t.Fatalf("bulk: %d %v", code, out)
	}
	for _, id := range ids {
		if task, _ := store.Task(ctx, id); task.Deadline.Due.String() != "2024-09-30" {
			t.Fatalf("task %d: %v", id, task.Deadline)
		}
	}
}

// A change in the app reschedules the alerts as one in chat does: a member's
// private subscription stops alerting once their Party submitted.
func TestAppChangeUpdatesAlerts(t *testing.T) {
	srv, store := newApp(t)
	ctx := context.Background()
	id := firstTaskOf(t, store, storage.Turkiye)
	if _, err := store.UpdateTask(ctx, id, func(t *storage.Task) error {
		t.Deadline = storage.Deadline{Due: storage.Date{Year: 2024, Month: 3, Day: 30}, Precision: storage.PrecisionDay, Text: "by 30 March 2024"}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	h := handlers.New(handlers.Deps{Store: store, Sender: quiet{}, Now: func() time.Time { return testNow }, Location: time.UTC})
	sub := storage.Subscription{ChatID: trID, Party: storage.Turkiye}
	if err := store.Subscribe(ctx, sub); err != nil {
		t.Fatal(err)
	}
	if err := h.ScheduleChat(ctx, sub); err != nil {
		t.Fatal(err)
	}
	next, _ := store.NextAlert(ctx)
	if next.IsZero() {
		t.Fatal("no alert scheduled to begin with")
	}
	call(t, srv, initData(trID, "Ayşe", testNow, testToken), "POST", "task/"+itoa(id)+"/status", `{"party":"TR","state":"submitted"}`)
	due, err := store.ClaimDueAlerts(ctx, testNow.AddDate(1, 0, 0), time.Minute, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range due {
		if a.TaskID == id && a.ChatID == trID {
			t.Fatalf("task %d still alerts TR's member after the app's submission", id)
		}
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

func mustJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

// TestReportDownload: an administrator downloads the implementation report
// /report builds, here the XLSX of one meeting, read back with excelize; a
// member is refused with the reason.
func TestReportDownload(t *testing.T) {
	srv, store := newApp(t)
	ctx := context.Background()
	meetings, err := store.Meetings(ctx)
	if err != nil || len(meetings) == 0 {
		t.Fatalf("meetings %v %v", meetings, err)
	}
	m := meetings[0]
	get := func(auth, query string) *http.Response {
		req, _ := http.NewRequest("GET", srv.URL+"/app/api/report?"+query, nil)
		req.Header.Set("Authorization", "tma "+auth)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { res.Body.Close() })
		return res
	}
	admin := initData(adminID, "Secretariat", testNow, testToken)
	res := get(admin, "format=xlsx&meeting="+m.ID)
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Disposition"), "wgbot-report.xlsx") {
		t.Fatalf("admin: %d %q %.200s", res.StatusCode, res.Header.Get("Content-Disposition"), raw)
	}
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("not an XLSX: %v", err)
	}
	defer f.Close()
	var cells []string
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for _, row := range rows {
			cells = append(cells, row...)
		}
	}
	all := strings.Join(cells, "\n")
	tasks, _ := store.Tasks(ctx)
	n := 0
	for _, task := range tasks {
		if task.MeetingID != m.ID {
			continue
		}
		n++
		if !strings.Contains(all, task.Title) && !strings.Contains(all, task.Text) {
			t.Errorf("task %d (%q) not in the XLSX", task.ID, task.Title)
		}
	}
	if n == 0 {
		t.Fatalf("no task of %s in the seed", m.ID)
	}
	// One sheet for the meeting, named as /report's XLSX names it.
	if want := report.SheetName(m, map[string]bool{}); !slices.Contains(f.GetSheetList(), want) {
		t.Errorf("sheets %v, want %q among them", f.GetSheetList(), want)
	}
	for _, format := range []string{"docx", "pdf"} {
		if res := get(admin, "format="+format); res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", format, res.StatusCode)
		}
	}

	// A member is refused, with the reason and what to do instead.
	tr := initData(trID, "Ayşe", testNow, testToken)
	code, out := call(t, srv, tr, "GET", "report?format=xlsx", "")
	if code != http.StatusForbidden || out["message"] != i18n.English.T(handlers.TxtAppReportAdminOnly) {
		t.Fatalf("member: %d %v", code, out)
	}
	// A format the bot does not write: refused in words.
	if code, out := call(t, srv, admin, "GET", "report?format=exe", ""); code != http.StatusBadRequest || out["message"] == "" {
		t.Fatalf("bad format: %d %v", code, out)
	}
	if code, out := call(t, srv, admin, "GET", "report?format=pdf&meeting=nowhere", ""); code != http.StatusBadRequest || !strings.Contains(out["message"].(string), "nowhere") {
		t.Fatalf("unknown meeting: %d %v", code, out)
	}
}
