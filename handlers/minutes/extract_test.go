package minutes

import (
	"strings"
	"testing"
	"time"
)

// want describes an expected item loosely: parties exactly, deadline and
// precision exactly, and a fragment of the text.
type want struct {
	parties   string // joined with " + "
	deadline  string
	precision Precision
	text      string // substring of Item.Text
}

func checkItems(t *testing.T, got []Item, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		for _, it := range got {
			t.Logf("got: %s | %s | %s | %s", strings.Join(it.Parties, " + "), it.Deadline, it.DeadlineText, it.Text)
		}
		t.Fatalf("got %d items, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		it := got[i]
		if p := strings.Join(it.Parties, " + "); p != w.parties || it.Deadline != w.deadline || it.Precision != w.precision || !strings.Contains(it.Text, w.text) {
			t.Errorf("item %d = {%s | %s | %s | %q}, want {%s | %s | %s | ~%q}", i, p, it.Deadline, it.Precision, it.Text, w.parties, w.deadline, w.precision, w.text)
		}
		if it.Quote == "" || it.DeadlineText == "" {
			t.Errorf("item %d lacks quote or deadline text: %+v", i, it)
		}
	}
}

// TestExtractTashkent asserts the key items explicitly, so that a wrong
// golden file cannot pass silently.
func TestExtractTashkent(t *testing.T) {
	text := readTestdata(t, "tashkent-2023-12-11.txt")
	got := Extract(text, Options{FileName: "000_c35a03be342f540f.txt"})
	checkItems(t, got, []want{
		{"Turkish side", "2024-03-01", PrecisionDay, "submit the renewed concept of the Silk Road initiative"},
		// "The Parties hosting the activities": the hosts the bullets name.
		{"Azerbaijani side + Turkish side + Uzbek side", "2024-02-01", PrecisionDay, "submit the proposals on the dates of events to the Secretariat"},
		// Issue 14: the host of a dated activity commits to hold it then.
		{"Turkish side", "2024-02-29", PrecisionMonth, "host workshop on GPS tracking devices"},
		{"the Parties", "2024-04-01", PrecisionDay, "proposals and views on the draft Technical Conditions"},
		{"Uzbek side", "2023-12-31", PrecisionYear, "draft Regulation to the Secretariat"},
		{"the Secretariat", "2024-01-31", PrecisionMonth, "convene an online experts’ meeting"},
		{"the Parties", "2024-12-31", PrecisionYear, "organize the following activities"},
	})
	if got[0].DeadlineText != "by 1 March 2024" || got[5].DeadlineText != "in January 2024" || got[4].DeadlineText != "by the end of 2023" {
		t.Errorf("deadline texts: %q %q %q", got[0].DeadlineText, got[5].DeadlineText, got[4].DeadlineText)
	}
	for _, it := range got {
		for _, bad := range []string{"2023-12-11", "2023-03-15", "2022-11-11", "2023-12-01", "2023-12-21"} {
			if it.Deadline == bad {
				t.Errorf("reported a non-deadline date %s: %+v", bad, it)
			}
		}
	}
	title, date := Meeting(text, Options{})
	if title != "12th Meeting of the Working Group on Customs Cooperation" || !date.Equal(time.Date(2023, 12, 11, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Meeting = %q, %v", title, date)
	}
}

func TestExtractWTO(t *testing.T) {
	got := Extract(readTestdata(t, "wto-committee-2002-09-20.txt"), Options{})
	checkItems(t, got, []want{
		{"the Members", "2002-10-31", PrecisionDay, "send comments on the draft guidelines to the Secretariat"},
		{"the Secretariat", "2002-11-30", PrecisionDay, "circulate a revised draft"},
		{"the Members", "2003-03-31", PrecisionQuarter, "submit their notifications"},
	})
}

func TestExtractActionList(t *testing.T) {
	got := Extract(readTestdata(t, "action-list-2024-03-14.txt"), Options{})
	checkItems(t, got, []want{
		{"John Smith", "2024-05-15", PrecisionDay, "Prepare the draft terms of reference"},
		{"Customs Laboratory Network", "2024-04-30", PrecisionDay, "Circulate the revised risk profile template"},
		{"Maria Lopez", "2024-04-05", PrecisionDay, "Update the contact list"},
		{"Ahmed Karimov", "2024-06-30", PrecisionMonth, "Publish the pilot report"},
		{"Li Wei", "2024-05-31", PrecisionDay, "Draft the communication plan"},
	})
}

func TestExtractYearFromFileName(t *testing.T) {
	text := readTestdata(t, "minutes-2024-05-20.txt")
	got := Extract(text, Options{FileName: "uploads/minutes-2024-05-20.txt"})
	checkItems(t, got, []want{
		{"the Secretariat", "2024-05-31", PrecisionDay, "circulate the revised questionnaire"},
		{"Kazakh side", "2025-01-15", PrecisionDay, "submit its comments"}, // before the meeting: next year
		{"the Member States", "2024-09-30", PrecisionMonth, "finalise the statistics annex"},
		{"Azerbaijani side + Uzbek side", "2024-11-01", PrecisionDay, "present the pilot results"},
	})
	// Without the file name no year is known, so nothing can be dated
	// except the explicit 01/11/2024.
	if got := Extract(text, Options{}); len(got) != 1 || got[0].Deadline != "2024-11-01" {
		t.Errorf("without file name: %+v", got)
	}
	if _, d := Meeting(text, Options{FileName: "minutes-2024-05-20.txt"}); !d.Equal(time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("meeting date = %v", d)
	}
}

func TestExtractBulletsInheritLeadIn(t *testing.T) {
	text := "The meeting was held on 3 April 2024 in Baku.\n\nThe Parties agreed on the following:\n- to exchange lists of focal points by 30 April 2024;\n- to hold a workshop in June 2024.\n"
	checkItems(t, Extract(text, Options{}), []want{
		{"the Parties", "2024-04-30", PrecisionDay, "exchange lists of focal points"},
		{"the Parties", "2024-06-30", PrecisionMonth, "hold a workshop"},
	})
}

func TestExtractMergesRepeats(t *testing.T) {
	text := "The meeting was held on 11 December 2023.\n\n" +
		"Uzbek side will submit the draft Regulation to the Secretariat via diplomatic channels until the end of 2023.\n\n" +
		"The Uzbek side will transmit the draft Regulation to the Secretariat by the end of 2023.\n\n" +
		"Uzbek side will submit the statistics report by the end of 2023.\n"
	got := Extract(text, Options{})
	checkItems(t, got, []want{
		{"Uzbek side", "2023-12-31", PrecisionYear, "draft Regulation"},
		{"Uzbek side", "2023-12-31", PrecisionYear, "statistics report"},
	})
	if !strings.Contains(got[0].Quote, "until the end of 2023") {
		t.Errorf("first occurrence not kept: %q", got[0].Quote)
	}
}

func TestExtractNeverPanics(t *testing.T) {
	for _, s := range []string{"", "\x00\xff", "by 31 February 2024", "Q5 2024", "- \n- \n:", strings.Repeat("by 1 May 2024 ", 1000), "The Parties will", "| Owner | Due |\n| x |"} {
		Extract(s, Options{FileName: s})
		Meeting(s, Options{FileName: s})
	}
}

// TestHostileOneLineIsCut: the 5 MB one-line upload of issue 17 is read as
// sentences of bounded length (the rules then cost linear time), and its
// 60,000 identical commitments come out as one.
func TestHostileOneLineIsCut(t *testing.T) {
	text := hostileLine(200 << 10) // the benchmark reads the full 5 MB
	for _, sn := range splitSentences(text) {
		if len(sn.text) > maxSentence {
			t.Fatalf("a sentence of %d bytes (bound %d)", len(sn.text), maxSentence)
		}
	}
	got := Extract(text, Options{FileName: "minutes-2024-01-10.txt"})
	if len(got) != 1 || got[0].Parties[0] != "Turkish side" || got[0].Deadline != "2024-03-01" {
		t.Errorf("got %d items: %+v", len(got), got[:min(len(got), 3)])
	}
}
