package minutes

import "testing"

// Call notes write the next day as "tomorrow" and put an action's owner in
// brackets after it. Each rule needs a deadline preposition: "tomorrow"
// alone or a bracketed remark is no commitment.
var enRound6 = []enPhrasing{
	// "by tomorrow", counted from the meeting's date (10 October 2023).
	{"to-infinitive by tomorrow morning", enHeld + "Neil and Adam to review the contract and provide feedback by tomorrow morning.",
		[]string{"Neil + Adam|2023-10-11|day"}},
	{"will, no later than tomorrow", enHeld + "The Secretariat will circulate the revised draft no later than tomorrow.",
		[]string{"the Secretariat|2023-10-11|day"}},
	{"by the end of the day tomorrow", enHeld + "The Turkish side will send the list of crossing points by the end of the day tomorrow.",
		[]string{"Turkish side|2023-10-11|day"}},
	{"before tomorrow noon", enHeld + "The Kazakh side agreed to confirm the venue before tomorrow noon.",
		[]string{"Kazakh side|2023-10-11|day"}},

	// Owner in brackets on an action line.
	{"action item, owner all", enHeld + "Action item: Provide input to public comment forum by 22 October 2023 (all)",
		[]string{"all|2023-10-22|day"}},
	{"action item, one named owner", enHeld + "Action item: Forward the letter to the co-chairs by 20 October 2023 (Lise)",
		[]string{"Lise|2023-10-20|day"}},
	{"action, two owners", enHeld + "ACTION: Circulate the revised work plan no later than 1 November 2023 (Marika, Grace Abuhamad)",
		[]string{"Marika + Grace Abuhamad|2023-11-01|day"}},

	// Not commitments.
	{"tomorrow is a meeting", enHeld + "The Working Group will meet again tomorrow at 10.00.", nil},
	{"tomorrow's event", enHeld + "The vote will be held tomorrow morning.", nil},
	{"tomorrow without a meeting date", "Neil and Adam to review the contract and provide feedback by tomorrow morning.", nil},
	{"action item on a meeting day", enHeld + "Action item: Participate in the next meeting of the CWG on 30 October 2023 at 14.00 UTC (all)", nil},
	{"bracket is a remark", enHeld + "Action item: Review the comments received by 22 October 2023 (tbc)", nil},
	{"bracket is a time", enHeld + "Action item: Join the call on 24 October 2023 (14.00 UTC)", nil},
	{"owner, no date", enHeld + "Action item: Forward GAC letter concerning principles (Lise)", nil},
	{"owner, past date", enHeld + "Action item: Circulate the agenda by 1 October 2023 (Marika)", nil},
	{"not an action line", enHeld + "Comments were received by 1 October 2023 (all Parties).", nil},
}

func TestEnglishRound6(t *testing.T) {
	t.Parallel()
	if neg := runEnPhrasings(t, enRound6); neg < len(enRound6)/3 {
		t.Errorf("%d negatives of %d cases: want at least a third", neg, len(enRound6))
	}
}

// A team's notes may title themselves with a two-digit year ("# 22nd Jan
// 25"); without it "by tomorrow" has no day.
var enShortYearTitles = []enPhrasing{
	{"ordinal day, month, two-digit year", "# 22nd Jan 25\n\nNeil and Adam to review the contract and provide feedback by tomorrow morning.",
		[]string{"Neil + Adam|2025-01-23|day"}},
	{"notes of, day month year", "Notes of 3 March 24\n\nThe Secretariat will circulate the draft by tomorrow.",
		[]string{"the Secretariat|2024-03-04|day"}},
	{"month day comma year", "Jan 22, 25\n\nNeil to send the slides by tomorrow.",
		[]string{"Neil|2025-01-23|day"}},

	// No meeting date, so nothing.
	{"month and day only", "# Jan 25\n\nNeil to send the slides by tomorrow.", nil},
	{"no such day", "# 31st Feb 25\n\nNeil to send the slides by tomorrow.", nil},
	{"a date in the body, not a title", "Notes\n\nThe report covers the period up to 22nd Jan 25 and more.\n\nNeil to send the slides by tomorrow.", nil},
}

func TestEnglishShortYearTitles(t *testing.T) {
	t.Parallel()
	runEnPhrasings(t, enShortYearTitles)
}
