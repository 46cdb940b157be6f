package report

import (
	"errors"
	"testing"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

func TestBuildCells(t *testing.T) {
	r := build(t)
	if want := "Implementation of the decisions of the 12th Meeting of the Working Group on Customs Cooperation and the 9th Meeting of the Heads of Customs Administrations, Tashkent, Uzbekistan, 11 December 2023, as of 2 May 2024"; r.Title != want {
		t.Errorf("title\n got %q\nwant %q", r.Title, want)
	}
	n := 0
	for _, row := range r.Rows() {
		n++
		for _, p := range r.Parties {
			c, ok := row.Cells[p]
			status, date, ref := wantStatus(row.Task, p)
			got := "–"
			if ok {
				got = string(c.Status)
			}
			if got != status || (ok && (c.Date.Long() != date || c.Ref != ref)) {
				t.Errorf("task %d %s: got %s %q %q, want %s %q %q", row.Task.ID, p, got, c.Date.Long(), c.Ref, status, date, ref)
			}
		}
	}
	if n != 21 {
		t.Errorf("%d decisions, want the 21 of Tashkent", n)
	}
	// Task 1 (Türkiye confirmed) and task 3 (Uzbekistan submitted) are implemented.
	var done []int64
	for _, s := range r.Implemented() {
		for _, row := range s.Rows {
			done = append(done, row.Task.ID)
		}
	}
	if len(done) != 2 || done[0] != 1 || done[1] != 3 {
		t.Errorf("implemented %v, want [1 3]", done)
	}
	if got := r.ByParty()[storage.Kyrgyzstan][Overdue]; got != 1 {
		t.Errorf("Kyrgyzstan overdue on %d decisions, want 1 (task 2)", got)
	}
	if len(r.Log) != 9 {
		t.Errorf("log has %d entries, want the 9 before the report's date", len(r.Log))
	}
}

func TestBuildRefusesOtherLanguages(t *testing.T) {
	in := fixture(t)
	in.Lang = "de"
	if _, err := Build(in); !errors.Is(err, ErrLanguage) {
		t.Fatalf("Build in German: %v, want ErrLanguage", err)
	}
}

// TestFileReferenceInTheReportsLanguage: a file sent alone as a submission's
// reference is named in the report's language, in its cell and its log,
// also when stored before in the submitter's words ("dosya: ...").
func TestFileReferenceInTheReportsLanguage(t *testing.T) {
	for _, stored := range []string{i18n.FileRef("UZ-note.pdf"), "dosya: UZ-note.pdf"} {
		in := fixture(t)
		in.Lang = "ru"
		for i := range in.Tasks {
			if task := &in.Tasks[i]; task.ID == 3 {
				st := task.Status[storage.Uzbekistan]
				st.Ref = stored
				task.Status[storage.Uzbekistan] = st
			}
		}
		for i := range in.History[3] {
			in.History[3][i].Ref = stored
		}
		r, err := Build(in)
		if err != nil {
			t.Fatal(err)
		}
		want := i18n.Russian.T("FileRef", "UZ-note.pdf")
		for _, row := range r.Rows() {
			if c := row.Cells[storage.Uzbekistan]; row.Task.ID == 3 && c.Ref != want {
				t.Errorf("stored %q: the cell says %q, want %q", stored, c.Ref, want)
			}
		}
		for _, e := range r.Log {
			if e.TaskID == 3 && e.Ref != want {
				t.Errorf("stored %q: the log says %q, want %q", stored, e.Ref, want)
			}
		}
	}
}
