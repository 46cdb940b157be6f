package seed

import (
	"slices"
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/storage"
)

// TestTashkentDatedDecisions checks every dated decision of the Tashkent
// minutes against the text of ../shared/minutes, Party by Party.
func TestTashkentDatedDecisions(t *testing.T) {
	s, err := Tashkent()
	if err != nil {
		t.Fatal(err)
	}
	all := storage.StateParties
	want := []struct {
		words     string
		parties   []storage.Party
		due       string
		precision storage.Precision
		text      string
	}{
		{"Silk Road", []storage.Party{storage.Turkiye}, "2024-03-01", storage.PrecisionDay, "by 1 March 2024"},
		{"Technical Conditions", all, "2024-04-01", storage.PrecisionDay, "until 1 April 2024"},
		{"Regulation", []storage.Party{storage.Uzbekistan}, "2023-12-31", storage.PrecisionYear, "by the end of 2023"},
		{"dates of the 2024", []storage.Party{storage.Azerbaijan, storage.Turkiye, storage.Uzbekistan}, "2024-02-01", storage.PrecisionDay, "by 1 February 2024"},
		{"online experts' meeting", []storage.Party{storage.Secretariat}, "2024-01-31", storage.PrecisionMonth, "in January 2024"},
		{"GPS tracking", []storage.Party{storage.Turkiye}, "2024-02-29", storage.PrecisionMonth, "in February 2024"},
		{"Host the training programs", []storage.Party{storage.Azerbaijan}, "2024-12-31", storage.PrecisionYear, "in the course of 2024"},
		{"capacity building", []storage.Party{storage.Azerbaijan, storage.Uzbekistan}, "2024-12-31", storage.PrecisionYear, "in the course of 2024"},
	}
	var dated int
	for _, task := range s.Tasks {
		if !task.Deadline.IsZero() {
			dated++
		}
	}
	if dated != len(want) {
		t.Errorf("seed has %d dated tasks, the minutes have %d", dated, len(want))
	}
	for _, w := range want {
		i := slices.IndexFunc(s.Tasks, func(t storage.Task) bool { return contains(t.Title, w.words) })
		if i < 0 {
			t.Errorf("no task about %q", w.words)
			continue
		}
		got := s.Tasks[i]
		if !slices.Equal(got.Parties, w.parties) || got.Deadline.Due.String() != w.due ||
			got.Deadline.Precision != w.precision || got.Deadline.Text != w.text {
			t.Errorf("task %q: parties %v, due %s (%s, %q); want %v, %s (%s, %q)", got.Title,
				got.Parties, got.Deadline.Due, got.Deadline.Precision, got.Deadline.Text, w.parties, w.due, w.precision, w.text)
		}
	}
	if len(s.Meetings) != 2 {
		t.Fatalf("want the two Tashkent meetings, got %d", len(s.Meetings))
	}
	for _, m := range s.Meetings {
		if len(m.Agenda) != 10 || len(m.Participants) != 7 {
			t.Errorf("meeting %s: %d agenda items, %d delegations; want 10 and 7", m.ID, len(m.Agenda), len(m.Participants))
		}
	}
}

func contains(s, sub string) bool {
	return strings.Contains(s, sub)
}
