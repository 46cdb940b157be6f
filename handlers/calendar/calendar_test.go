package calendar

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/handlers/tooltest"
	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/seed"
)

func TestMain(m *testing.M) {
	code := m.Run()
	tooltest.Report()
	os.Exit(code)
}

var changed = time.Date(2024, 1, 5, 8, 30, 0, 0, time.UTC)

// sample is Tashkent's tasks with a deadline, task 5 ("in January 2024") at its third version.
func sample(t *testing.T) ([]Event, []byte) {
	t.Helper()
	s, err := seed.Tashkent()
	if err != nil {
		t.Fatal(err)
	}
	var evs []Event
	for _, task := range s.Tasks {
		if task.Deadline.IsZero() {
			continue
		}
		v := storage.CalendarEvent{TaskID: task.ID, Changed: changed}
		if task.ID == 5 {
			v.Sequence = 2
		}
		evs = append(evs, Event{Task: task, Version: v})
	}
	return evs, ICS(i18n.English, "OTS Customs WG: deadlines of Türkiye; test, \"quoted\"", evs)
}

func TestICSParsesBack(t *testing.T) {
	evs, data := sample(t)
	if bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n")) {
		t.Fatal("a line ends without CR")
	}
	if bytes.Contains(data, []byte("VTIMEZONE")) {
		t.Error("dates need no VTIMEZONE")
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if p := cal.CalendarProperties; !strings.Contains(string(data), "REFRESH-INTERVAL;VALUE=DURATION:"+RefreshInterval+"\r\n") || len(p) == 0 {
		t.Errorf("no REFRESH-INTERVAL")
	}
	got := cal.Events()
	if len(got) != len(evs) || len(got) != 8 {
		t.Fatalf("%d events, want the 8 dated tasks of Tashkent", len(got))
	}
	for i, e := range got {
		task := evs[i].Task
		if e.Id() != UID(task.ID) {
			t.Errorf("UID %q, want %q", e.Id(), UID(task.ID))
		}
		start := e.GetProperty(ics.ComponentPropertyDtStart)
		end := e.GetProperty(ics.ComponentPropertyDtEnd)
		if start == nil || end == nil || start.ICalParameters["VALUE"][0] != "DATE" || end.ICalParameters["VALUE"][0] != "DATE" {
			t.Fatalf("task %d: not an all-day event: %v %v", task.ID, start, end)
		}
		due := task.Deadline.Due
		if want := strings.ReplaceAll(due.String(), "-", ""); start.Value != want {
			t.Errorf("task %d starts %s, want %s", task.ID, start.Value, want)
		}
		if want := storage.DateOf(due.In(time.UTC).AddDate(0, 0, 1)).String(); end.Value != strings.ReplaceAll(want, "-", "") {
			t.Errorf("task %d ends %s, want the next day %s (DTEND is exclusive)", task.ID, end.Value, want)
		}
		stamp, err := e.GetDtStampTime()
		if err != nil || !stamp.Equal(changed) {
			t.Errorf("task %d DTSTAMP %v %v", task.ID, stamp, err)
		}
		seq := e.GetProperty(ics.ComponentPropertySequence)
		want := "0"
		if task.ID == 5 {
			want = "2"
		}
		if seq == nil || seq.Value != want {
			t.Errorf("task %d SEQUENCE %v, want %s", task.ID, seq, want)
		}
		if s := e.GetProperty(ics.ComponentPropertySummary); s == nil || s.Value != Summary(task) {
			t.Errorf("task %d summary %v", task.ID, s)
		}
	}
	// A month deadline is an event on its last day: "in January 2024" on 31 January.
	for _, e := range got {
		if e.Id() == UID(5) && e.GetProperty(ics.ComponentPropertyDtStart).Value != "20240131" {
			t.Errorf("task 5 (in January 2024) on %s", e.GetProperty(ics.ComponentPropertyDtStart).Value)
		}
	}
}

// TestICSSecondReader reads the file with Python's icalendar (Debian's
// python3-icalendar), a parser written apart from golang-ical.
func TestICSSecondReader(t *testing.T) {
	_, data := sample(t)
	py := tooltest.Need(t, "python3-icalendar", "/usr/bin/python3")
	if err := exec.Command(py, "-c", "import icalendar").Run(); err != nil {
		tooltest.Missing(t, "python3-icalendar", "/usr/bin/python3 cannot import icalendar")
	}
	path := filepath.Join(t.TempDir(), "c.ics")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	script := `
import sys, icalendar, datetime
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
print("NAME", cal.get('X-WR-CALNAME'))
print("REFRESH", cal.get('REFRESH-INTERVAL').to_ical().decode())
for e in cal.walk('VEVENT'):
    s, en = e.decoded('DTSTART'), e.decoded('DTEND')
    assert type(s) is datetime.date and type(en) is datetime.date, (s, en)
    print(e['UID'], s.isoformat(), en.isoformat(), int(e['SEQUENCE']), e.decoded('DTSTAMP').isoformat(), e['SUMMARY'])
`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("icalendar: %v\n%s", err, out)
	}
	text := string(out)
	for _, want := range []string{
		`NAME OTS Customs WG: deadlines of Türkiye; test, "quoted"`,
		"REFRESH " + RefreshInterval,
		"task-5@wgbot.ots-customs 2024-01-31 2024-02-01 2 2024-01-05T08:30:00+00:00 #5 Convene",
		"task-3@wgbot.ots-customs 2023-12-31 2024-01-01 0 ",
		"task-1@wgbot.ots-customs 2024-03-01 2024-03-02 0 ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("icalendar's reading lacks %q:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "@wgbot.ots-customs"); n != 8 {
		t.Errorf("icalendar read %d events, want 8", n)
	}
}
