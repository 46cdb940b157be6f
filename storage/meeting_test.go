package storage_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage"
)

func mustDate(t *testing.T, s string) storage.Date {
	t.Helper()
	d, err := storage.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDateLong(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"2024-03-01": "1 March 2024",
		"2023-12-11": "11 December 2023",
		"2024-02-29": "29 February 2024",
	} {
		if got := mustDate(t, in).Long(); got != want {
			t.Errorf("Long(%s) = %q, want %q", in, got, want)
		}
		if got := mustDate(t, in).String(); got != in {
			t.Errorf("String(%s) = %q", in, got)
		}
	}
	if got := (storage.Date{}).Long(); got != "" {
		t.Errorf("zero Date Long %q, want empty", got)
	}
}

func TestParseDateRejects(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "2024-02-30", "1 March 2024", "2024/03/01", "24-03-01"} {
		if _, err := storage.ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) succeeded", in)
		}
	}
}

func TestDaysUntil(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		from, to string
		want     int
	}{
		{"2024-03-01", "2024-03-01", 0},
		{"2024-02-28", "2024-03-01", 2}, // leap year
		{"2023-02-28", "2023-03-01", 1},
		{"2024-03-01", "2024-02-28", -2},
		{"2023-12-11", "2024-12-11", 366},
		{"2024-03-30", "2024-03-31", 1}, // a DST change in Europe: days, not hours
		{"2024-10-27", "2024-10-26", -1},
		{"2023-12-31", "2024-01-01", 1},
	} {
		from, to := mustDate(t, tc.from), mustDate(t, tc.to)
		if got := from.DaysUntil(to); got != tc.want {
			t.Errorf("%s.DaysUntil(%s) = %d, want %d", tc.from, tc.to, got, tc.want)
		}
		if got := from.Before(to); got != (tc.want > 0) {
			t.Errorf("%s.Before(%s) = %v, want %v", tc.from, tc.to, got, tc.want > 0)
		}
	}
}

func TestDateOfAndIn(t *testing.T) {
	t.Parallel()
	tashkent := time.FixedZone("UZT", 5*3600)
	// 22:30 UTC on 29 February is already 1 March in Tashkent.
	instant := time.Date(2024, 2, 29, 22, 30, 0, 0, time.UTC)
	if got := storage.DateOf(instant.In(tashkent)).String(); got != "2024-03-01" {
		t.Errorf("DateOf in Tashkent %s, want 2024-03-01", got)
	}
	if got := storage.DateOf(instant).String(); got != "2024-02-29" {
		t.Errorf("DateOf in UTC %s, want 2024-02-29", got)
	}
	if got := mustDate(t, "2024-03-01").In(tashkent); !got.Equal(time.Date(2024, 2, 29, 19, 0, 0, 0, time.UTC)) {
		t.Errorf("In(Tashkent) = %v", got)
	}
}

func TestDateText(t *testing.T) {
	t.Parallel()
	type wrap struct {
		D storage.Date  `json:"d"`
		P *storage.Date `json:"p,omitempty"`
	}
	d := mustDate(t, "2024-03-01")
	b, err := json.Marshal(wrap{D: d, P: &d})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"d":"2024-03-01","p":"2024-03-01"}` {
		t.Errorf("marshal %s", b)
	}
	var back wrap
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.D != d || back.P == nil || *back.P != d {
		t.Errorf("unmarshal %+v", back)
	}

	b, err = json.Marshal(wrap{})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"d":""}` {
		t.Errorf("marshal of a zero Date %s", b)
	}
	var zero wrap
	if err := json.Unmarshal([]byte(`{"d":""}`), &zero); err != nil || !zero.D.IsZero() {
		t.Errorf("unmarshal of an empty date: %+v, %v", zero, err)
	}
	for _, bad := range []string{`{"d":"2024-13-01"}`, `{"d":"March 2024"}`, `{"d":20240301}`} {
		if err := json.Unmarshal([]byte(bad), &zero); err == nil {
			t.Errorf("unmarshal %s succeeded", bad)
		}
	}

	// A task without a deadline leaves it out of its JSON.
	b, err = json.Marshal(storage.Task{ID: 1, Title: "x"})
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	if err := json.Unmarshal(b, &fields); err != nil {
		t.Fatal(err)
	}
	if _, ok := fields["deadline"]; ok {
		t.Errorf("undated task marshals a deadline: %s", b)
	}
}
