package minutes

import (
	"strings"
	"testing"
)

// Round 5 (held-out set 6 mended): calls for comments and submissions of
// convention secretariats and a team's own notes. Parties qualified or
// negated are kept as written; an invitation's "may" sets a deadline only
// with a date to act by; an order to the reader and a deadline stated as a
// noun belong to whom the document asked earlier; "we" acts in a team's
// notes. Negatives next to each: permissions, meetings, past acts, a
// deadline nobody was asked to meet.
var enAddresseePhrasings = []enPhrasing{
	// A party qualified by another body's initials, or negated.
	{"initials qualify parties", "Decision adopted on 10 January 2023.\n\nUNEP parties and stakeholders are invited to submit comments and input by Friday 17 February 2023 on the draft guidance.",
		[]string{"UNEP parties + stakeholders|2023-02-17|day"}},
	{"initials qualify Parties", enHeld + "OECD Parties are requested to provide their views by 1 March 2024.",
		[]string{"OECD Parties|2024-03-01|day"}},
	{"Parties to a convention stay the Parties", enHeld + "Parties to the Convention are invited to submit their reports by 1 March 2024.",
		[]string{"the Parties|2024-03-01|day"}},
	{"non-parties kept as written", "Decision adopted on 8 May 2020.\n\nNon-parties and others are invited to provide further information on products and processes until 15 May.",
		[]string{"Non-parties + others|2020-05-15|day"}},
	{"non-Parties encouraged", enHeld + "non-Parties are encouraged to submit their national reports by 30 June 2024.",
		[]string{"non-Parties|2024-06-30|day"}},
	{"non-parties attended", enHeld + "Non-parties attended the meeting on 5 November 2023.", nil},
	{"hyphenated compound is no Party", enHeld + "Counter-parties will sign the contracts on 1 March 2024.", nil},
	{"third-parties are no Party", enHeld + "Third-parties will be consulted by 1 March 2024.", nil},

	// An invitation's "may", and the permission it is not.
	{"may submit by", "20 May 2021\n\nParties and stakeholders may submit comments using the comment form available for this purpose and submit it by 28 June 2021.",
		[]string{"the Parties + stakeholders|2021-06-28|day"}},
	{"may wish to send", enHeld + "Delegations may wish to send their comments to the Secretariat no later than 15 November 2023.",
		[]string{"the delegations|2023-11-15|day"}},
	{"may use until: a permission", enHeld + "Parties may use the previous reporting format until 31 December 2024.", nil},
	{"may in a year: a possibility", enHeld + "The Committee may revisit the matter in 2025.", nil},
	{"may not", enHeld + "Parties may not submit reports after 1 March 2024.", nil},
	{"may wish on a meeting day", enHeld + "The Working Party may also wish to provide guidance on the session on 5 June 2024.", nil},

	// An order to the reader restates the invitation, or stands for it.
	{"imperative restates may", "20 May 2021\n\nParties and stakeholders may submit comments by 28 June 2021.\n\nKindly send your comments, using the accompanying comment template, by email to the Secretariat by Monday, 28 June 2021.",
		[]string{"the Parties + stakeholders|2021-06-28|day"}},
	{"imperative restates may, reworded", "20 May 2021\n\nParties and stakeholders may submit comments using the comment form available for this purpose and submit it by 28 June 2021.\n\nKindly send your comments, using the accompanying comment template, by email to the Secretariat by Monday, 28 June 2021.",
		[]string{"the Parties + stakeholders|2021-06-28|day"}},
	{"imperative with another date", "20 May 2021\n\nParties may submit comments by 28 June 2021.\n\nPlease send the nominations of experts by 15 July 2021.",
		[]string{"the Parties|2021-06-28|day", "the Parties|2021-07-15|day"}},
	{"imperative after an undated invitation", enHeld + "Delegations are invited to nominate experts for the drafting group.\n\nPlease send the nominations to the Secretariat by 1 December 2023.",
		[]string{"the delegations|2023-12-01|day"}},
	{"imperative, nobody invited", enHeld + "Please send your comments by 1 December 2023.", nil},
	{"please note a meeting", enHeld + "Delegations are invited to nominate experts.\n\nPlease note that the workshop will be held on 5 December 2023.", nil},

	// A deadline stated as a noun, its addressees named earlier.
	{"deadline is, asked from before", "Call for submissions\n\nThe committee requested the secretariat to seek information from Governments and others in relation to certain articles.\n\nThe deadline for the submission of this information is Friday, 9 December 2016.",
		[]string{"Governments + others|2016-12-09|day"}},
	{"deadline extended to", "Call for submissions\n\nThe committee requests the secretariat to seek information from Governments and others in relation to certain articles.\n\nThe deadline for the submission of this information has now been extended to Sunday, 30 October 2016.",
		[]string{"Governments + others|2016-10-30|day"}},
	{"invited readers before those asked from", "20 May 2021\n\nParties and stakeholders may submit comments on the draft.\n\nThe Conference requested the Secretariat to seek comments from Parties and other stakeholders.\n\nThe deadline for comments is 28 June 2021.",
		[]string{"the Parties + stakeholders|2021-06-28|day"}},
	{"deadline is, nobody asked", "Call for submissions\n\nThe deadline for the submission of this information is Friday, 9 December 2016.", nil},
	{"deadline of a meeting's registration", enHeld + "Delegations are invited to register.\n\nThe deadline for registration for the meeting on 5 December 2023 is set by the host.", nil},
	{"deadline passed", enHeld + "Delegations are invited to submit views.\n\nThe deadline of the previous call, 1 March 2023, has passed.", nil},

	// "We" in a team's own notes.
	{"we, with a reason first", "Meeting notes, 19 February 2023\n\n## Actions\n* Due to KVKK (Turkish data protection law), we will delete all data containing personal information by 22.02.2023 and generate mock data.",
		[]string{"we|2023-02-22|day"}},
	{"We will send", enHeld + "We will send the revised draft to the Secretariat by 15 November 2023.",
		[]string{"we|2023-11-15|day"}},
	{"we met", enHeld + "We met on 5 October 2023 and agreed the agenda.", nil},
	{"we thank", enHeld + "We would like to thank Türkiye for hosting the meeting on 10 October 2023.", nil},
	{"we have submitted", enHeld + "We have submitted the report by 1 October 2023.", nil},
	{"Were is not we", enHeld + "Were the comments received by 1 November 2023?", nil},
}

func TestEnglishAddressees(t *testing.T) {
	negatives := runEnPhrasings(t, enAddresseePhrasings)
	if negatives*3 < len(enAddresseePhrasings) {
		t.Errorf("%d cases, %d negatives: want a third negative", len(enAddresseePhrasings), negatives)
	}
}

// A negated party must never be reported as its opposite, whatever else
// the sentence holds.
func TestNonPartiesNeverTheParties(t *testing.T) {
	for _, s := range []string{
		"Non-parties and others are invited to provide information by 15 May 2024.",
		"non-Parties are encouraged to submit their national reports by 30 June 2024.",
		"NON-PARTIES are requested to send their views by 1 July 2024.",
		"Non-parties may submit comments by 1 August 2024.",
	} {
		for _, it := range Extract(enHeld+s, Options{}) {
			for _, p := range it.Parties {
				if strings.EqualFold(strings.TrimPrefix(p, "the "), "parties") {
					t.Errorf("%q: reported %q", s, it.Parties)
				}
			}
		}
	}
}
