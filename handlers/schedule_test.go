package handlers

import (
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage"
)

func TestAlertFireTimes(t *testing.T) {
	t.Parallel()
	budapest, _ := time.LoadLocation("Europe/Budapest") // summer time from 31 March 2024
	istanbul, _ := time.LoadLocation("Europe/Istanbul")
	p := AlertPolicy{Leads: []int{0, 14, 1, 7}, Hour: 9, Minute: 30}
	cases := []struct {
		name string
		d    storage.Deadline
		loc  *time.Location
		want []string // local times, earliest first
	}{
		{"the end of 2023 falls due on 31 December",
			storage.Deadline{Due: storage.Date{Year: 2023, Month: 12, Day: 31}, Precision: storage.PrecisionYear},
			istanbul, []string{"2023-12-17 09:30 +03", "2023-12-24 09:30 +03", "2023-12-30 09:30 +03", "2023-12-31 09:30 +03", "2024-01-01 09:30 +03"}},
		{"a deadline across the change to summer time keeps 09:30 local",
			storage.Deadline{Due: storage.Date{Year: 2024, Month: 4, Day: 7}, Precision: storage.PrecisionDay},
			budapest, []string{"2024-03-24 09:30 CET", "2024-03-31 09:30 CEST", "2024-04-06 09:30 CEST", "2024-04-07 09:30 CEST", "2024-04-08 09:30 CEST"}},
		{"February of a leap year ends on the 29th",
			storage.Deadline{Due: storage.Date{Year: 2024, Month: 2, Day: 29}, Precision: storage.PrecisionMonth},
			istanbul, []string{"2024-02-15 09:30 +03", "2024-02-22 09:30 +03", "2024-02-28 09:30 +03", "2024-02-29 09:30 +03", "2024-03-01 09:30 +03"}},
	}
	for _, c := range cases {
		got := p.fires(c.d, c.loc)
		if len(got) != len(c.want) {
			t.Fatalf("%s: %d fires, want %d", c.name, len(got), len(c.want))
		}
		for i, f := range got {
			if s := f.At.Format("2006-01-02 15:04 MST"); s != c.want[i] {
				t.Errorf("%s: fire %d (lead %d) at %s, want %s", c.name, i, f.Lead, s, c.want[i])
			}
		}
		if got[len(got)-1].Lead != OverdueLead || got[0].Lead != 14 {
			t.Errorf("%s: leads in the wrong order: %+v", c.name, got)
		}
	}
}

func TestDueFiresSendOnlyTheLatest(t *testing.T) {
	t.Parallel()
	p := DefaultAlertPolicy
	d := storage.Deadline{Due: storage.Date{Year: 2024, Month: 3, Day: 1}, Precision: storage.PrecisionDay}
	from := time.Date(2024, 2, 16, 9, 0, 0, 0, time.UTC)
	now := time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC) // 14, 7 and 1 day alerts have all passed
	send, skipped, ok := p.dueFires(d, time.UTC, from, now, nil)
	if !ok || send.Lead != 1 || len(skipped) != 2 || skipped[0] != 14 || skipped[1] != 7 {
		t.Errorf("send %+v, skipped %v, ok %v; want lead 1, skipped [14 7]", send, skipped, ok)
	}
	if _, ok := p.nextFire(d, time.UTC, now, func(int) bool { return false }); !ok {
		t.Error("the day's own alert is still ahead")
	}
	if _, ok := p.nextFire(d, time.UTC, time.Date(2024, 3, 3, 0, 0, 0, 0, time.UTC), func(int) bool { return false }); ok {
		t.Error("no alert is ahead two days after the deadline")
	}
}
