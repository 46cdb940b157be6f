package minutes

import (
	"strings"
	"testing"
)

func TestCommitmentParties(t *testing.T) {
	for _, tc := range []struct{ in, parties, verb string }{
		{"Turkish side to submit the renewed concept", "Turkish side", "submit"},
		{"The Uzbek side will transmit the draft Regulation", "Uzbek side", "transmit"},
		{"Hungarian side will submit the proposals", "Hungarian side", "submit"},
		{"Azerbaijani and Uzbek sides will present the results", "Azerbaijani side + Uzbek side", "present"},
		{"The Secretariat also asked Kazakh and Kyrgyz sides to expedite the procedures", "Kazakh side + Kyrgyz side", "expedite"},
		{"The Parties will submit their proposals", "the Parties", "submit"},
		{"all Parties to nominate their members", "all Parties", "nominate"},
		{"The OTS Secretariat will coordinate the implementation", "the Secretariat", "coordinate"},
		{"Secretariat will convene online experts’ meeting", "the Secretariat", "convene"},
		{"the Customs Administrations of the Member States will submit to the Secretariat", "Customs Administrations of the Member States", "submit"},
		{"The Parties hosting the activities will submit the proposals", "The Parties hosting the activities", "submit"},
		{"The Parties hosting the following activities to submit the proposals", "The Parties hosting the activities", "submit"},
		{"Instructs the Members to send comments", "the Members", "send"},
		{"Members are invited to submit notifications", "the Members", "submit"},
		{"The Member States agreed to finalise the annex", "the Member States", "finalise"},
		{"they instructed the Working Group to discuss a Regulation", "the Working Group", "discuss"},
		{"Turkish side in consultation with the Secretariat will renovate the concept", "Turkish side", "renovate"},
		{"The Parties are requested to support the work", "the Parties", "support"},
		{"Each Member State shall notify the Committee", "each Member State", "notify"},
	} {
		cms := findCommitments(tc.in, nil)
		if len(cms) == 0 {
			t.Errorf("%q: no commitment", tc.in)
			continue
		}
		c := cms[0]
		if p := strings.Join(c.parties, " + "); p != tc.parties || c.verb != tc.verb {
			t.Errorf("%q: got %q %q, want %q %q", tc.in, p, c.verb, tc.parties, tc.verb)
		}
	}
}

func TestNotCommitments(t *testing.T) {
	for _, in := range []string{
		"The Parties welcomed the proposal of Hungarian side to host the Conference",
		"workshop on GPS tracking devices to be hosted by Turkish side in February 2024",
		"the 10th meeting will be convened in 2024 in Azerbaijan",
		"Turkish side expressed readiness to engage in customs cooperation",
		"The Parties will be informed in due course",
		"all Parties to the Secretariat",
		"The other side will submit it",
	} {
		if cms := findCommitments(in, nil); len(cms) != 0 {
			t.Errorf("%q: unexpected commitment %+v", in, cms)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	text := "H.E. Mr. Baghirov, Chairman, spoke. Note No. 5 was read. The Parties are requested to support the\n\nwork of the Group.\n\n" +
		"The Secretariat kindly requests the following:\n\n- Turkish side to submit the concept, by 1 March 2024;\n- all Parties to nominate members;\n" +
		"1. The Parties agreed. J. Smith (Dr.) agreed too.\n| a | b |\n"
	var got []string
	for _, s := range splitSentences(text) {
		got = append(got, s.text)
	}
	want := []string{
		"H.E. Mr. Baghirov, Chairman, spoke.", "Note No. 5 was read.",
		"The Parties are requested to support the work of the Group.",
		"The Secretariat kindly requests the following:",
		"Turkish side to submit the concept, by 1 March 2024;", "all Parties to nominate members;",
		"The Parties agreed.", "J. Smith (Dr.) agreed too.", "| a | b |",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
