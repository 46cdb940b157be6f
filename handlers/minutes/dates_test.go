package minutes

import (
	"testing"
	"time"
)

func TestFindDates(t *testing.T) {
	meeting := dateContext{meeting: time.Date(2023, 12, 11, 0, 0, 0, 0, time.UTC), year: 2023}
	for _, tc := range []struct {
		in, deadline string
		prec         Precision
		prep         string
		kind         prepKind
	}{
		{"submit it by 1 March 2024.", "2024-03-01", PrecisionDay, "by", prepStrong},
		{"submit it by 01.03.2024.", "2024-03-01", PrecisionDay, "by", prepStrong},
		{"submit it by 01/03/2024.", "2024-03-01", PrecisionDay, "by", prepStrong},
		{"submit it by 2024-03-01.", "2024-03-01", PrecisionDay, "by", prepStrong},
		{"submit it by March 1, 2024.", "2024-03-01", PrecisionDay, "by", prepStrong},
		{"submit it by the 1st of March 2024.", "2024-03-01", PrecisionDay, "by", prepStrong},
		{"submit it until 1 April 2024.", "2024-04-01", PrecisionDay, "until", prepStrong},
		{"submit it before 1 April 2024.", "2024-04-01", PrecisionDay, "before", prepStrong},
		{"submit it not later than 30 November 2024.", "2024-11-30", PrecisionDay, "not later than", prepStrong},
		{"submit it no later than 30 November 2024.", "2024-11-30", PrecisionDay, "no later than", prepStrong},
		{"submit it by the end of 2023.", "2023-12-31", PrecisionYear, "by", prepStrong},
		{"submit it until the end of 2023.", "2023-12-31", PrecisionYear, "until", prepStrong},
		{"submit it by the end of the year.", "2023-12-31", PrecisionYear, "by", prepStrong},
		{"submit it by end of March 2024.", "2024-03-31", PrecisionMonth, "by", prepStrong},
		{"submit it by end of February.", "2024-02-29", PrecisionMonth, "by", prepStrong},
		{"convene it in January 2024.", "2024-01-31", PrecisionMonth, "in", prepWeak},
		{"convene it in February 2024.", "2024-02-29", PrecisionMonth, "in", prepWeak},
		{"do it in the first quarter of 2024.", "2024-03-31", PrecisionQuarter, "in", prepWeak},
		{"do it by the end of the third quarter of 2024.", "2024-09-30", PrecisionQuarter, "by", prepStrong},
		{"do it in Q1 2024.", "2024-03-31", PrecisionQuarter, "in", prepWeak},
		{"do it in 2024 Q4.", "2024-12-31", PrecisionQuarter, "in", prepWeak},
		{"organize them in the course of 2024.", "2024-12-31", PrecisionYear, "in the course of", prepWeak},
		{"organize them in 2024.", "2024-12-31", PrecisionYear, "in", prepWeak},
		{"reply by 31 October.", "2024-10-31", PrecisionDay, "by", prepStrong},  // before the meeting: next year
		{"reply by 20 December.", "2023-12-20", PrecisionDay, "by", prepStrong}, // after the meeting: same year
		{"held on 11 December 2023 in Tashkent", "2023-12-11", PrecisionDay, "on", prepNone},
		{"hosted on 14-15 March 2023 in Baku", "2023-03-15", PrecisionDay, "on", prepNone},
		{"Note No 2023-1000 dated 01 December 2023", "2023-12-01", PrecisionDay, "dated", prepNone},
		{"Istanbul, 21 December 2023", "2023-12-21", PrecisionDay, "", prepNone},
		{"Action: X — due 15 May 2024", "2024-05-15", PrecisionDay, "due", prepStrong},
	} {
		ds := findDates(tc.in, meeting)
		if len(ds) != 1 {
			t.Errorf("%q: %d dates", tc.in, len(ds))
			continue
		}
		d := ds[0]
		if !d.ok || isoDate(d.date) != tc.deadline || d.prec != tc.prec || d.prep != tc.prep || d.kind != tc.kind {
			t.Errorf("%q: got %s %s prep=%q kind=%d ok=%v, want %s %s %q %d", tc.in, isoDate(d.date), d.prec, d.prep, d.kind, d.ok, tc.deadline, tc.prec, tc.prep, tc.kind)
		}
	}
}

func TestFindDatesIgnores(t *testing.T) {
	for _, in := range []string{
		"Strategic Action Plan for 2022-2024", "Turkic World Vision-2040", "since 2019", "Note No: 2023-920",
		"a TRACECA Report from 1993", "by 31 February 2024", "in the 12th meeting", "Annex 2.",
	} {
		for _, d := range findDates(in, dateContext{year: 2023}) {
			if d.ok && d.kind != prepNone {
				t.Errorf("%q: unexpected deadline %s (%q)", in, isoDate(d.date), in[d.start:d.end])
			}
		}
	}
}

func TestFileNameDate(t *testing.T) {
	for name, want := range map[string]string{
		"minutes-2023-12-11.pdf": "2023-12-11", "x/20240520_minutes.docx": "2024-05-20",
		"protocol 11.12.2023.txt": "2023-12-11", "report_2022.txt": "2022", "scan.pdf": "",
	} {
		ctx, ok := fileNameDate(name)
		got := ""
		switch {
		case ok && !ctx.meeting.IsZero():
			got = isoDate(ctx.meeting)
		case ok:
			got = time.Date(ctx.year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006")
		}
		if got != want {
			t.Errorf("fileNameDate(%q) = %q, want %q", name, got, want)
		}
	}
}
