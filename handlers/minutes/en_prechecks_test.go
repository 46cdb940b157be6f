package minutes

import "testing"

// The prechecks may only skip a regexp that cannot match: every sentence
// the regexp reads, in any case the (?i) flag folds, passes its precheck.
func TestPrechecksKeepEveryMatch(t *testing.T) {
	asks := []string{
		"Requests the lead country to prepare a draft by 1 May 2024.",
		"The meeting INSTRUCTED the Secretary General to report back.",
		"It urges all parties to contribute by June.",
		"The Council reqUeſts the secretariat to circulate it.", // long s folds to s
		"The Board tas\u212aed the editors to publish it.",      // Kelvin sign folds to k
		"The Forum calls upon the Expert Group on Risk to act.",
	}
	for _, s := range asks {
		if !(askedRe.MatchString(s) || bodyAfterRe.MatchString(s)) {
			t.Errorf("%q: test sentence matches neither regexp", s)
		}
		if !mayAsk(s) {
			t.Errorf("mayAsk(%q) = false, but a regexp reads it", s)
		}
	}
	done := []string{"Circulate the draft (DONE)", "Report by May. Status: Closed", "Send the list – completed", "Send the list – ſtatus: done"}
	for _, s := range done {
		if !markedDone(s, "") || !doneMarkRe.MatchString(s) {
			t.Errorf("markedDone(%q) = false, want true", s)
		}
	}
	// A sentence with none of the words is skipped: the point of the checks.
	plain := "Turkish side will submit the report by 1 March 2024 and the Parties agree to act."
	if mayAsk(plain) || mayFold(plain, doneWords) {
		t.Errorf("%q passes a precheck it has no word for", plain)
	}
}
