package report

import (
	"os"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/handlers/tooltest"
	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/seed"
)

func TestMain(m *testing.M) {
	code := m.Run()
	tooltest.Report()
	os.Exit(code)
}

// The report's date in the fixture: after the deadlines of 1 February, 1 March
// and 1 April 2024, before those of the end of 2024.
var asOf = storage.Date{Year: 2024, Month: time.May, Day: 2}

var istanbul, _ = time.LoadLocation("Europe/Istanbul")

// turkic holds every letter the Parties write that Latin-1 lacks.
const turkic = "ə ğ ı ş İ ő ű қ ғ ң ө ү ұ ў"

// given is what the Parties did in the fixture: task, Party, state, when, reference.
var given = []struct {
	task  int64
	party storage.Party
	state storage.State
	at    time.Time
	ref   string
}{
	{1, storage.Turkiye, storage.StateSubmitted, day(2024, 2, 20), "Yazı 3/ğ-ş"},
	{1, storage.Turkiye, storage.StateConfirmed, day(2024, 2, 22), ""},
	{2, storage.Azerbaijan, storage.StateSubmitted, day(2024, 3, 10), "Məktub 45/ə"},
	{2, storage.Kazakhstan, storage.StateSubmitted, day(2024, 3, 12), "Хат №7 қ ғ ң ө ү ұ"},
	{2, storage.Kazakhstan, storage.StateConfirmed, day(2024, 3, 14), ""},
	{2, storage.Turkiye, storage.StateSubmitted, day(2024, 3, 28), "İhracat ı"},
	{2, storage.Uzbekistan, storage.StateSubmitted, day(2024, 3, 30), "Хат 9/ў"},
	{2, storage.Hungary, storage.StateSubmitted, day(2024, 4, 1), "Levél 8/ő ű"},
	{3, storage.Uzbekistan, storage.StateSubmitted, day(2023, 12, 20), "https://customs.uz/n/5"},
	// After the report's date: not counted.
	{4, storage.Azerbaijan, storage.StateSubmitted, day(2024, 5, 3), "late"},
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, istanbul) }

// fixture is the Tashkent data with the statuses above, as the store would hold it.
func fixture(t testing.TB) Input {
	t.Helper()
	s, err := seed.Tashkent()
	if err != nil {
		t.Fatal(err)
	}
	hist := map[int64][]storage.StatusChange{}
	byID := map[int64]*storage.Task{}
	for i := range s.Tasks {
		byID[s.Tasks[i].ID] = &s.Tasks[i]
	}
	for _, g := range given {
		task := byID[g.task]
		from := task.StatusOf(g.party).State
		if task.Status == nil {
			task.Status = map[storage.Party]storage.PartyStatus{}
		}
		ref := g.ref
		if ref == "" {
			ref = task.StatusOf(g.party).Ref
		}
		task.Status[g.party] = storage.PartyStatus{State: g.state, Ref: ref, By: 7, At: g.at}
		hist[g.task] = append(hist[g.task], storage.StatusChange{Party: g.party, From: from, To: g.state, Ref: g.ref, By: 7, At: g.at})
	}
	return Input{Meetings: s.Meetings, Tasks: s.Tasks, History: hist, AsOf: asOf, Zone: istanbul}
}

func build(t testing.TB) Report {
	t.Helper()
	r, err := Build(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// wantStatus is what the report must say of a Party on a task in the
// fixture, worked out apart from Build: "–" when the task does not bind
// the Party, what the Party did by the report's date, else overdue when the
// deadline passed and open otherwise.
func wantStatus(t storage.Task, p storage.Party) (status, date, ref string) {
	if !t.Involves(p) {
		return "–", "", ""
	}
	for _, g := range given {
		if g.task == t.ID && g.party == p && g.at.Before(asOf.In(istanbul)) {
			status, date = string(g.state), storage.DateOf(g.at).Long()
			if g.ref != "" {
				ref = g.ref
			}
		}
	}
	if status != "" {
		return status, date, ref
	}
	if !t.Deadline.IsZero() && t.Deadline.Due.Before(asOf) {
		return "overdue", "", ""
	}
	return "open", "", ""
}
