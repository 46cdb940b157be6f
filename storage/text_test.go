package storage

import (
	"errors"
	"testing"
)

func TestCheckText(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in        string
		multiline bool
		want      Problem
	}{
		{"Submit the renewed concept", false, ""},
		{"Türkiye — Ташкент, 1 March", false, ""},
		{"", false, ""},
		{"line one\nline two", true, ""},
		{"page\fbreak", true, ""},
		{"line one\nline two", false, BadChars},
		{"\x00\x07", false, BadChars},
		{"Bell\x07", true, BadChars},
		{"esc\x1b[2J", false, BadChars},
		{"bad \xff utf-8", false, BadChars},
		{"   ", false, NoVisible},
		{"\u200b\u200d\u2060", false, NoVisible},
		{"\u3164\u3164", false, NoVisible},
		{"\u2800", false, NoVisible},
		{"\u0301\ufe0f", false, NoVisible},
		{"e\u0301", false, ""},
		{"👍\ufe0f", false, ""},
	}
	for _, c := range cases {
		if got := CheckText(c.in, c.multiline); got != c.want {
			t.Errorf("CheckText(%q, %v) = %q, want %q", c.in, c.multiline, got, c.want)
		}
	}
}

func TestTaskValidateUsesTheTextRule(t *testing.T) {
	t.Parallel()
	base := Task{Title: "Submit", Parties: []Party{Turkiye}}
	for _, tc := range []struct {
		change func(*Task)
		field  Field
	}{
		{func(t *Task) { t.Title = "\x00\x07" }, FieldTitle},
		{func(t *Task) { t.Text = "\u200b" }, FieldText},
		{func(t *Task) { t.Status = map[Party]PartyStatus{Turkiye: {State: StateSubmitted, Ref: "\x1b"}} }, FieldRef},
	} {
		task := base
		tc.change(&task)
		err := task.Validate()
		var fe *FieldError
		if !errors.Is(err, ErrInvalid) || !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("Validate() = %v, want an invalid %s", err, tc.field)
		}
	}
	for _, due := range []Date{{Year: 0, Month: 3, Day: 1}, {Year: 1, Month: 1, Day: 1}, {Year: 2101, Month: 1, Day: 1}} {
		task := base
		task.Deadline = Deadline{Due: due, Precision: PrecisionDay}
		if err := task.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("deadline %+v: Validate() = %v, want ErrInvalid", due, err)
		}
	}
	if _, err := Normalize(FieldPosition, "\u200b\u200b\u200b"); err == nil {
		t.Error("a position of zero-width spaces was accepted")
	}
}
