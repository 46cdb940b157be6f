package minutes

import "testing"

// TestConfirmKeepsOnlyWhatTheDocumentSays: a model that invents a quote, a
// date or an owner gets none of them through.
func TestConfirmKeepsOnlyWhatTheDocumentSays(t *testing.T) {
	text := readTestdata(t, "tashkent-2023-12-11.txt")
	opts := Options{FileName: "tashkent-2023-12-11.txt"}
	real := "Uzbek side informed that the draft “Technical Conditions for Information Interaction between the Customs Administrations of the Organization of Turkic States” was prepared under the said Agreement."
	props := []Proposal{
		// True, and already found by the rules.
		{Party: "Turkish side", Task: "renovate the concept", Deadline: "2024-03-01", Quote: "To that end, Turkish side agreed to renovate the concept of the project in consultation with the Secretariat and to submit it to the Parties for consideration by 1 March 2024."},
		// An invented quote.
		{Party: "Kazakh side", Task: "ratify the Agreement", Deadline: "2024-06-30", Quote: "Kazakh side will ratify the Agreement by 30 June 2024."},
		// A real quote with an invented date.
		{Party: "the Parties", Task: "submit views", Deadline: "2024-05-01", Quote: "The Parties will submit their proposals and views on the draft Technical Conditions to the OTS Secretariat until 1 April 2024."},
		// A real quote and date with an invented owner.
		{Party: "Kyrgyz side", Task: "submit views", Deadline: "2024-04-01", Quote: "The Parties will submit their proposals and views on the draft Technical Conditions to the OTS Secretariat until 1 April 2024."},
		// A real quote without any date.
		{Party: "Uzbek side", Task: "prepare the draft", Deadline: "2024-01-01", Quote: real},
		// A real date of the past (the Baku meeting).
		{Party: "the Parties", Task: "commend", Deadline: "2023-03-15", Quote: "1. The Parties commended the outcomes"},
		// True and new to the rules: an invented task is replaced by the quote's words.
		{Party: "Hungarian side", Task: "fly to the moon", Deadline: "2024-12-31", Quote: "The Parties welcomed the proposal of Hungarian side to host the Conference of Heads of Customs Administrations of the OTS in 2024 in Budapest."},
	}
	got := Confirm(text, opts, props)
	if len(got) != 2 {
		t.Fatalf("kept %d: %+v", len(got), got)
	}
	if got[0].Parties[0] != "Turkish side" || got[0].DeadlineText != "by 1 March 2024" || got[0].Source != SourceModel {
		t.Errorf("first %+v", got[0])
	}
	if h := got[1]; h.Parties[0] != "Hungarian side" || h.Precision != PrecisionYear || h.Text == "fly to the moon" {
		t.Errorf("second %+v", h)
	}
	merged := MergeItems(Extract(text, opts), got)
	if len(merged) != 8 {
		t.Fatalf("merged %d items", len(merged))
	}
	if merged[0].Source != SourceBoth || merged[1].Source != SourceRules || merged[7].Source != SourceModel {
		t.Errorf("sources %s %s %s", merged[0].Source, merged[1].Source, merged[7].Source)
	}
}
