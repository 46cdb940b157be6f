package storage_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/storage"
)

func TestTaskValidate(t *testing.T) {
	t.Parallel()
	valid := func() storage.Task {
		return storage.Task{ID: 1, Title: "Submit the concept", Text: "The Turkish side will submit it.",
			Parties: []storage.Party{storage.Turkiye}}
	}
	good := valid()
	if err := good.Validate(); err != nil {
		t.Fatalf("valid task: %v", err)
	}
	edge := valid()
	edge.Title = strings.Repeat("ş", storage.MaxTitleLen) // runes, not bytes
	edge.Text = strings.Repeat("🇹🇷", storage.MaxTextLen/2)
	if err := edge.Validate(); err != nil {
		t.Errorf("task at the limits: %v", err)
	}
	for name, change := range map[string]func(*storage.Task){
		"no title":      func(t *storage.Task) { t.Title = "" },
		"blank title":   func(t *storage.Task) { t.Title = " \n\t" },
		"long title":    func(t *storage.Task) { t.Title = strings.Repeat("a", storage.MaxTitleLen+1) },
		"long text":     func(t *storage.Task) { t.Text = strings.Repeat("ж", storage.MaxTextLen+1) },
		"no Party":      func(t *storage.Task) { t.Parties = nil },
		"unknown Party": func(t *storage.Task) { t.Parties = []storage.Party{storage.Turkiye, "XX"} },
	} {
		task := valid()
		change(&task)
		err := task.Validate()
		if !errors.Is(err, storage.ErrInvalid) {
			t.Errorf("%s: %v, want an error wrapping ErrInvalid", name, err)
		}
	}
}

func TestTaskStatus(t *testing.T) {
	t.Parallel()
	task := storage.Task{Parties: []storage.Party{storage.Azerbaijan, storage.Turkiye, storage.Uzbekistan}}
	if got := task.Outstanding(); !slices.Equal(got, task.Parties) {
		t.Errorf("Outstanding with no Status %v, want all", got)
	}
	if task.Done() {
		t.Error("Done with no Status")
	}
	if got := task.StatusOf(storage.Turkiye).State; got != storage.StateOpen {
		t.Errorf("StatusOf without Status %q, want open", got)
	}

	task.Status = map[storage.Party]storage.PartyStatus{
		storage.Turkiye:     {State: storage.StateSubmitted, Ref: "Note 12"},
		storage.Uzbekistan:  {State: storage.StateOpen},
		storage.Azerbaijan:  {},                              // empty state counts as open
		storage.Secretariat: {State: storage.StateConfirmed}, // not responsible: ignored
	}
	if got, want := task.Outstanding(), []storage.Party{storage.Azerbaijan, storage.Uzbekistan}; !slices.Equal(got, want) {
		t.Errorf("Outstanding %v, want %v in Parties order", got, want)
	}
	if task.Done() {
		t.Error("Done with two Parties open")
	}
	task.Status[storage.Uzbekistan] = storage.PartyStatus{State: storage.StateConfirmed}
	task.Status[storage.Azerbaijan] = storage.PartyStatus{State: storage.StateSubmitted}
	if got := task.Outstanding(); len(got) != 0 {
		t.Errorf("Outstanding %v, want none", got)
	}
	if !task.Done() {
		t.Error("not Done with every Party submitted or confirmed")
	}
	if !task.Involves(storage.Turkiye) || task.Involves(storage.Hungary) {
		t.Error("Involves wrong")
	}
	if task.AllStates() {
		t.Error("AllStates for three Parties")
	}
	all := storage.Task{Parties: slices.Clone(storage.StateParties)}
	if !all.AllStates() {
		t.Error("AllStates false for the state Parties")
	}
}

func TestSortByDeadline(t *testing.T) {
	t.Parallel()
	task := func(id int64, due string) storage.Task {
		tk := storage.Task{ID: id}
		if due != "" {
			tk.Deadline = storage.Deadline{Due: mustDate(t, due)}
		}
		return tk
	}
	tasks := []storage.Task{
		task(9, ""), task(4, "2024-12-31"), task(2, ""), task(7, "2024-03-01"),
		task(3, "2023-12-31"), task(5, "2024-03-01"), task(1, "2024-02-29"), task(8, ""),
	}
	storage.SortByDeadline(tasks)
	var got []int64
	for _, tk := range tasks {
		got = append(got, tk.ID)
	}
	if want := []int64{3, 1, 5, 7, 4, 2, 8, 9}; !slices.Equal(got, want) {
		t.Errorf("SortByDeadline %v, want %v", got, want)
	}
	storage.SortByDeadline(nil) // no panic
}
