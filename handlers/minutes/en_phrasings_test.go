package minutes

import (
	"slices"
	"strings"
	"testing"
)

// English phrasings of dated commitments as the secretaries of UN bodies,
// the Eurasian Economic Commission, standards bodies and bilateral
// commissions write them, with dates that are not deadlines next to them.
// Each case is a short document: a line that dates the meeting, then the
// passage. want lists the items the user should see, "parties|deadline|
// precision" (parties joined by " + ", compared as a reader would: case and
// a leading "the" aside); an empty want means nothing may be reported.

const (
	enHeld     = "Minutes of the 5th meeting of the Working Group, held in Tashkent on 10 October 2023.\n\n" // a Tuesday
	enHeld2006 = "Minsk, 15 June 2006\n\n"
	enHeldApr  = "Date: 9 April 2024 (Tuesday)\n\n"
)

type enPhrasing struct {
	name, text string
	want       []string
}

var enPhrasings = []enPhrasing{
	// Parties given as initials, lists, qualified bodies.
	{"initials defined elsewhere", "The Technical Committee (TC) reports to the Steering Committee (SC) twice a year.\n\nACTION – The TC to inform the SC by September 2021.",
		[]string{"the TC|2021-09-30|month"}},
	{"initials defined after", "Meeting of 3 March 2021.\n\nThe WP (Working Party on Facilitation) met in the morning.\n\nACTION: The WP to circulate its workplan by 30 April 2021.",
		[]string{"the WP|2021-04-30|day"}},
	{"parties and observers", "Decision adopted on 10 December 2015.\n\nThe Conference of the Parties invites parties and observers to submit to the Secretariat, by 1 March 2016, their views on the elements of the guidance.",
		[]string{"the Parties + observers|2016-03-01|day"}},
	{"qualified member states", enHeld2006 + "The member states of EurAsEC will complete their domestic procedures by 1 October 2006.",
		[]string{"the Member States of EurAsEC|2006-10-01|day"}},
	{"two sides named", enHeld + "The Azerbaijani and Turkish sides agreed to exchange the statistics by 31 January 2024.",
		[]string{"Azerbaijani side + Turkish side|2024-01-31|day"}},

	// Dash lists with the date before the verb, under a lead-in naming the actor.
	{"dash list, date first", enHeld2006 + "The Parties agreed:\n– by October 1, 2006, carry out consultations on the draft Agreement;\n– by December 31, 2006, submit their proposals to the Council.",
		[]string{"the Parties|2006-10-01|day", "the Parties|2006-12-31|day"}},
	{"dash list under a side", enHeld + "The Kazakh side will:\n– by 1 December 2023, submit the list of border crossing points;\n– by 15 January 2024, host the expert meeting.",
		[]string{"Kazakh side|2023-12-01|day", "Kazakh side|2024-01-15|day"}},

	// Yearless dates, read against the meeting's date.
	{"by end of January", enHeld + "The Secretariat will circulate the consolidated report by end of January.",
		[]string{"the Secretariat|2024-01-31|month"}},
	{"by 1 March", enHeld + "Turkish side will submit the renewed concept by 1 March.",
		[]string{"Turkish side|2024-03-01|day"}},
	{"by 9th November", enHeld + "The Kyrgyz delegation will provide the statistics by 9th November.",
		[]string{"Kyrgyz side|2023-11-09|day"}},

	// Relative deadlines.
	{"within two months", enHeld + "The Parties will submit their comments on the draft Regulation within two months.",
		[]string{"the Parties|2023-12-10|day"}},
	{"a month from now", enHeld + "Uzbek side agreed to send the list of experts a month from now.",
		[]string{"Uzbek side|2023-11-10|day"}},
	{"within 30 days of the meeting", enHeld + "The Secretariat shall circulate the draft minutes within 30 days of the meeting.",
		[]string{"the Secretariat|2023-11-09|day"}},

	// People.
	{"person expected", enHeld + "Mr Karimov expected to have the answer ready by 9th November.",
		[]string{"Mr Karimov|2023-11-09|day"}},
	{"person by name", enHeld + "Olga Petrova to send the revised terms of reference by 20 October.",
		[]string{"Olga Petrova|2023-10-20|day"}},

	// Action markers and lists.
	{"ACTION colon", enHeld + "ACTION: Secretariat to circulate the revised draft by 15 November 2023.",
		[]string{"the Secretariat|2023-11-15|day"}},
	{"AP colon", enHeld + "AP: Kazakh delegation to provide the contact list by 1 December 2023.",
		[]string{"Kazakh side|2023-12-01|day"}},
	{"Action items list", enHeld + "Action items:\n- Uzbek side to share the risk profiles by 20 November 2023.\n- Secretariat to prepare the summary by 30 November 2023.",
		[]string{"Uzbek side|2023-11-20|day", "the Secretariat|2023-11-30|day"}},
	{"Action Owner Due table", enHeld + "| Action | Owner | Due |\n|---|---|---|\n| Circulate the draft Regulation | Secretariat | 15 November 2023 |\n| Nominate the experts | Turkish side | 1 December 2023 |",
		[]string{"the Secretariat|2023-11-15|day", "Turkish side|2023-12-01|day"}},
	{"numbered table with status", enHeld + "| # | Item | Responsible | Deadline | Status |\n|---|---|---|---|---|\n| 1 | Circulate the draft | Secretariat | 15.11.2023 | Open |\n| 2 | Nominate experts | Kyrgyz side | 01.12.2023 | In progress |\n| 3 | Update the contact list | Secretariat | 01.10.2023 | Completed |\n| 4 | Publish the glossary | Secretariat | ongoing | Open |",
		[]string{"the Secretariat|2023-11-15|day", "Kyrgyz side|2023-12-01|day"}},
	{"W3C action", enHeld + "ACTION: Jane Doe to update the test suite by 2023-11-01",
		[]string{"Jane Doe|2023-11-01|day"}},

	// Date forms.
	{"end of Q2", enHeld + "Uzbek side will submit the report by the end of Q2 2024.",
		[]string{"Uzbek side|2024-06-30|quarter"}},
	{"mid-year", enHeld + "The Secretariat will publish the comparative study by mid-2024.",
		[]string{"the Secretariat|2024-06-30|half"}},
	{"H1", enHeld + "The Working Group will finalise the glossary in H1 2025.",
		[]string{"the Working Group|2025-06-30|half"}},
	{"dotted numeric", enHeld + "Hungarian side will send the invitation no later than 30.04.2024.",
		[]string{"Hungarian side|2024-04-30|day"}},
	{"iso date", enHeld + "Turkish side will confirm the venue by 2024-04-30.",
		[]string{"Turkish side|2024-04-30|day"}},
	{"no later than", enHeld + "The Parties will submit their nominations no later than 15 May 2024.",
		[]string{"the Parties|2024-05-15|day"}},
	{"end of year", enHeld + "Kyrgyz side will finalise the internal procedures by the end of 2024.",
		[]string{"Kyrgyz side|2024-12-31|year"}},

	// UN decision verbs.
	{"requests the Secretariat", "Decision adopted on 10 December 2023.\n\n3. Requests the Secretariat to prepare a synthesis report by 31 March 2024;",
		[]string{"the Secretariat|2024-03-31|day"}},
	{"urges Parties", "Decision adopted on 10 December 2023.\n\n4. Urges Parties to submit their national reports no later than 30 June 2024;",
		[]string{"the Parties|2024-06-30|day"}},
	{"decides that each Party shall", "Decision adopted on 10 December 2023.\n\n5. Decides that each Party shall submit its fifth national report by 31 August 2024;",
		[]string{"each Party|2024-08-31|day"}},
	{"invites Member States", "Decision adopted on 10 December 2023.\n\n6. Invites Member States to nominate experts by 15 February 2024;",
		[]string{"the Member States|2024-02-15|day"}},
	{"ISO resolution", "Resolution 12/2023 (Berlin, 10 October 2023)\n\nISO/TC 46 requests its secretariat to launch the DIS ballot by 30 November 2023.",
		[]string{"the Secretariat|2023-11-30|day"}},

	// Times of day and named days.
	{"close of business on Friday", enHeld + "The Secretariat will circulate the list of participants by close of business on Friday.",
		[]string{"the Secretariat|2023-10-13|day"}},
	{"5 pm on a named day", enHeldApr + "Delegations to send their nominations to the Chair by 5 pm on Friday 12 April.",
		[]string{"the delegations|2024-04-12|day"}},

	// The Working Group's Parties, and other bodies kept as written.
	{"the Kazakh delegation", enHeld + "The Kazakh delegation will present the results of the pilot by 15 December 2023.",
		[]string{"Kazakh side|2023-12-15|day"}},
	{"the OTS Secretariat", enHeld + "The OTS Secretariat will circulate the draft Action Plan by 1 February 2024.",
		[]string{"the Secretariat|2024-02-01|day"}},
	{"Member States shall", enHeld + "Member States shall inform the Commission of the measures taken by 1 March 2024.",
		[]string{"the Member States|2024-03-01|day"}},
	{"the Parties agreed", enHeld + "The Parties agreed to exchange the lists of authorised economic operators by 31 January 2024.",
		[]string{"the Parties|2024-01-31|day"}},
	{"Turkish side hosting", enHeld + "A workshop on GPS tracking devices will be hosted by Turkish side in February 2024.",
		[]string{"Turkish side|2024-02-29|month"}},
	{"the Bureau", enHeld + "The Bureau will prepare the draft agenda of the next session by 15 January 2024.",
		[]string{"the Bureau|2024-01-15|day"}},
	{"a named expert group", enHeld + "The Expert Group on Risk Management will present its recommendations by 1 March 2024.",
		[]string{"the Expert Group on Risk Management|2024-03-01|day"}},
	{"a department of the Commission", enHeld + "The Customs Legislation Department of the Commission shall prepare the draft decision by 1 February 2024.",
		[]string{"the Customs Legislation Department of the Commission|2024-02-01|day"}},
	{"the editors", enHeld + "The editors will publish the revised Internet-Draft by 20 November 2023.",
		[]string{"the editors|2023-11-20|day"}},
	{"a date in a decision and a deadline", enHeld + "In accordance with the decision of 5 May 2022, the Parties will submit their reports by 1 March 2024.",
		[]string{"the Parties|2024-03-01|day"}},
	{"a regulation number and a deadline", enHeld + "The Secretariat will report on the application of Regulation (EU) 2019/1020 by 16 July 2024.",
		[]string{"the Secretariat|2024-07-16|day"}},

	// Dates that are not deadlines.
	{"next meeting", enHeld + "The next meeting will be held on 12 March 2024.", nil},
	{"next meeting in a month", enHeld + "The 6th meeting of the Working Group will take place in Baku in March 2024.", nil},
	{"parties will meet again", enHeld + "The Parties will meet again in the first half of 2024.", nil},
	{"entry into force", enHeld + "The Agreement entered into force on 1 January 2024.", nil},
	{"will enter into force", enHeld + "The amendments will enter into force on 1 July 2024.", nil},
	{"decision of a date", enHeld + "The Secretariat presented the report prepared in accordance with the decision of 5 May 2022.", nil},
	{"annual report", enHeld + "The Secretariat presented the 2023 annual report.", nil},
	{"regulation number", enHeld + "The Parties discussed market surveillance under Regulation (EU) 2019/1020.", nil},
	{"had submitted", "The meeting was held on 20 June 2015.\n\nTen Parties had submitted their reports by 8 June 2015.", nil},
	{"workshops remaining", enHeld + "The Secretariat will report on the workshops remaining in 2015.", nil},
	{"past workshop", enHeld + "The Secretariat informed that the workshop was held on 5 September 2023 in Astana.", nil},
	{"past completion", enHeld + "The Kazakh side informed that it had completed the pilot by 1 September 2023.", nil},
	{"earlier request fulfilled", enHeld + "At its previous meeting the Secretariat was requested to circulate the report by 1 September 2023, which it did.", nil},
	{"signed and ratified", enHeld + "The Chair recalled that the Protocol was signed on 12 May 2021 and ratified by the Kyrgyz side in 2022.", nil},
	{"programme years", enHeld + "The Programme of Action for 2024–2026 was approved.", nil},
	{"reporting period", enHeld + "The report covers the period from 1 January to 30 June 2023.", nil},
	{"document symbol", enHeld + "Document ECE/TRANS/WP.30/2023/5 of 12 June 2023 was considered.", nil},
	{"thanked for hosting", enHeld + "The Chair thanked Turkish side for hosting the workshop on 14 November 2023.", nil},
	{"launched system", enHeld + "Turkish side presented its experience with the e-TIR system launched on 1 June 2023.", nil},
	{"since a date", enHeld + "Since 1 January 2024 the Uzbek side applies the new tariff.", nil},
	{"mandate runs until", enHeld + "The mandate of the Working Group runs until 31 December 2025.", nil},
	{"standard years", enHeld + "The Secretariat referred to ISO 9001:2015 and ISO/IEC 27001:2022.", nil},
	{"decision number and date", enHeld + "The Parties welcomed the adoption of Decision No. 45 of 15 March 2023.", nil},
	{"readiness, not a commitment", enHeld + "Hungarian side expressed readiness to share its experience in the first quarter of 2024.", nil},
	{"undated: next meeting", enHeld + "The Secretariat will circulate the revised draft by the next meeting.", nil},
	{"undated: ASAP", enHeld + "ACTION: Turkish side to confirm the dates of the study visit ASAP.", nil},
	{"undated: ongoing", enHeld + "| Action | Owner | Due |\n|---|---|---|\n| Update the glossary | Secretariat | ongoing |", nil},
	{"done action", enHeld + "Action items:\n- Secretariat to circulate the agenda by 15 October 2023 (done).", nil},
	{"status completed", enHeld + "ACTION: Uzbek side to send the list by 1 November 2023. Status: completed.", nil},
	{"done table", enHeld + "| Action | Owner | Due | Status |\n|---|---|---|---|\n| Send the list | Secretariat | 2023-11-01 | Done |", nil},
	{"time of a session", enHeldApr + "The session will open at 10 am on Friday 12 April.", nil},
	{"deadline passed", enHeld + "The Working Group noted that the deadline of 1 March 2023 for comments had passed.", nil},
	{"no actor", enHeld + "Comments on the draft are welcome by 1 December 2023.", nil},

	// Added with the rules of this pass (after the first run): each rule
	// with a positive and a negative.
	{"party qualified by a participle", enHeld + "Parties wishing to host the next meeting should inform the Secretariat by 1 March 2024.",
		[]string{"the Parties|2024-03-01|day"}},
	{"participle, past report", enHeld + "Parties wishing to host the next meeting informed the Secretariat on 1 March 2023.", nil},
	{"interested member states", "Decision adopted on 10 December 2023.\n\nMember States interested in the pilot are invited to inform the Secretariat by 31 January 2024.",
		[]string{"the Member States|2024-01-31|day"}},
	{"time before its day", enHeld + "Delegations arriving on Sunday must register before 6 pm to avoid queues on Monday.",
		[]string{"the delegations|2023-10-15|day"}},
	{"time of a session on a day", enHeld + "The Chair will open the session on Monday at 10 am.", nil},
	{"weekday at a time", enHeld + "The Secretariat will send the link by 5 pm on Thursday.",
		[]string{"the Secretariat|2023-10-12|day"}},
	{"label owners, qualified group", enHeld + "**Register (Summit Participants):** Participants must complete the online form by 20 October 2023.",
		[]string{"Summit Participants|2023-10-20|day"}},
	{"body that met", enHeld + "The Customs Committee met on 5 May 2023 and adopted its report.", nil},
	{"body with a deadline", enHeld + "The Customs Committee will review the draft by 15 December 2023.",
		[]string{"the Customs Committee|2023-12-15|day"}},
	{"hosted activity, organised", enHeld + "The seminar on authorised economic operators will be organised by the Secretariat in April 2024.",
		[]string{"the Secretariat|2024-04-30|month"}},
	{"next meeting hosted", enHeld + "The next meeting will be hosted by Kazakh side in March 2024.", nil},
	{"numbered meeting of a group hosted", enHeld + "The 3rd AEO Working Group will be hosted by Kazakh side in September 2024 in Astana.", nil},
	{"active host of a numbered meeting", enHeld + "Turkish side will host the 10th meeting of the Working Group in March 2024.", nil},
	{"initials of a thing", enHeld + "GDP is to grow by 2 per cent by 2025.", nil},
	{"checked box", enHeld + "- [x] Secretariat to circulate the agenda by 15 November 2023", nil},
	{"done after a dash", enHeld + "ACTION: Turkish side to send the nominations by 1 November 2023 – done.", nil},
	{"owner field with the task", enHeld + "Action: Kazakh delegation to circulate the study by 1 December 2023.",
		[]string{"Kazakh side|2023-12-01|day"}},
	{"owner field alone", enHeld + "Prepare the terms of reference. Action: John Smith — due 15 December 2023",
		[]string{"John Smith|2023-12-15|day"}},
	{"official asked to act", "1090th meeting – 7 July 2010\n\n3. instructed the Secretary General to begin talks and to report back to the Committee of Ministers by 31 October 2010.",
		[]string{"the Secretary General|2010-10-31|day"}},
	{"official thanked for a dated report", enHeld + "The Chair thanked the Secretary General for the report of 31 October 2023.", nil},
	{"those interested", "1111th meeting – 6-7 April 2011\n\n1. noted that those interested in the position of Chair of the Group should inform the Chair in writing, before Thursday 21 April 2011 (at 12 noon);",
		[]string{"those interested in the position of Chair of the Group|2011-04-21|day"}},
	{"those interested, past", enHeld + "Those interested in the position informed the Chair on 5 October 2023.", nil},
	{"jointly with", enHeld + "The heads of state instructed the governments jointly with the Commission to work out new proposals within two months.",
		[]string{"the governments + the Commission|2023-12-10|day"}},
	{"in consultation with", enHeld + "Kazakh side, in consultation with the Secretariat, will prepare the draft by 1 March 2024.",
		[]string{"Kazakh side|2024-03-01|day"}},
	{"meeting without its year", "The Council met in Astana on 19 March.\n\nA decision was made at the previous session on 19 December 2023.\n\nThe Secretariat will prepare the report within two months.",
		[]string{"the Secretariat|2024-05-19|day"}},
	{"meeting without its year, nothing earlier", "The Council met in Astana on 19 March.\n\nThe Secretariat will prepare the report within two months.", nil},
	{"country of the Working Group", enHeld + "Kazakhstan will submit the list of border crossing points by 1 March 2024.",
		[]string{"Kazakh side|2024-03-01|day"}},
	{"delegation of a country", enHeld + "The delegation of Türkiye undertook to provide the statistics by 15 January 2024.",
		[]string{"Turkish side|2024-01-15|day"}},
	{"country by its full name", enHeld + "The Kyrgyz Republic will provide its comments by 1 December 2023.",
		[]string{"Kyrgyz side|2023-12-01|day"}},
	{"two countries", enHeld + "Azerbaijan and Uzbekistan agreed to exchange experts by the end of March 2024.",
		[]string{"Azerbaijani side + Uzbek side|2024-03-31|month"}},
	{"another country, as written", enHeld + "The Russian Federation will provide its comments by 1 December 2023.",
		[]string{"the Russian Federation|2023-12-01|day"}},
	{"his country would", enHeld + "The representative of Uzbekistan informed that his country would submit the draft by 1 February 2024.",
		[]string{"Uzbek side|2024-02-01|day"}},
	{"a place, not a party", enHeld + "The workshop in Kazakhstan was held on 5 September 2023.", nil},
	{"a country's past act", enHeld + "Kazakhstan ratified the Agreement on 1 March 2023.", nil},
	{"a country thanks", enHeld + "The delegation of Türkiye thanked the Secretariat for the report of 1 October 2023.", nil},
	{"undefined initials acting", enHeld + "UNECE and IRU to prepare a joint paper by 31 January 2024.",
		[]string{"the UNECE + the IRU|2024-01-31|day"}},
	{"initials will", enHeld + "The EEC will prepare the draft decision by the end of November.",
		[]string{"the EEC|2023-11-30|month"}},
	{"initials reporting the past", enHeld + "WCO reported that the tool had been launched by 1 September 2023.", nil},
	{"a group in lower case", enHeld + "The Committee agreed that the informal group would submit its final proposal by the end of the first quarter of 2024.",
		[]string{"the informal group|2024-03-31|quarter"}},
	{"a group that met", enHeld + "The informal group met on 5 October 2023.", nil},
	{"a week after the meeting", enHeld + "The Chair will inform delegations of the outcome no later than one week after the meeting.",
		[]string{"the Chair|2023-10-17|day"}},
	{"working days", enHeld + "The Secretariat will circulate the summary within 10 working days.",
		[]string{"the Secretariat|2023-10-24|day"}},
	{"weeks before the next session", enHeld + "The Secretariat will circulate the documents no later than six weeks before the next session.", nil},
	{"asked in lower case", "Decision adopted on 10 December 2023.\n\n3. Requests the lead country to prepare revised technical guidelines by 15 April 2024;",
		[]string{"the lead country|2024-04-15|day"}},
	{"asked one or the other", "Decision adopted on 10 December 2023.\n\n3. Requests the lead country, if one is selected, or the Secretariat, if one is not, to prepare revised guidelines by 15 April 2024;",
		[]string{"the lead country + the Secretariat|2024-04-15|day"}},
	{"welcomed offer, not asked", "Decision adopted on 10 December 2023.\n\n4. Welcomes the offer of the host country to hold the meeting on 15 April 2024;", nil},
	{"States Parties", "Decision adopted on 10 December 2023.\n\n5. Invites States Parties to submit their views before 1st July 2024;",
		[]string{"States Parties|2024-07-01|day"}},
	{"States Parties thanked", "Decision adopted on 10 December 2023.\n\n4. Thanks the States Parties that submitted reports by 15 November 2023;", nil},
	{"parties and all stakeholders", "Decision adopted on 10 December 2023.\n\n4. Invites parties and all stakeholders to provide comments by 15 June 2024;",
		[]string{"the Parties + all stakeholders|2024-06-15|day"}},
	{"heading body undertakes", "1112th meeting – 19 April 2023\n\nThe Deputies\n\n1. approved the new structure and agreed to review it for the first time by the end of March 2025;\n\n2. took note of the report submitted by the Secretariat on 1 April 2023.",
		[]string{"the Deputies|2025-03-31|month"}},
	{"deadline label, owner in brackets", enHeld + "Deadline for submission of comments: 15 February 2024 (all Parties).",
		[]string{"all Parties|2024-02-15|day"}},
	{"deadline label, reference in brackets", enHeld + "Deadline for submission of comments: 15 February 2024 (see Annex 2).", nil},
	{"action as fields", enHeld + "ACTION 23-05: Secretariat – circulate the revised ToR – 31/10/2023",
		[]string{"the Secretariat|2023-10-31|day"}},
	{"event as fields", enHeld + "- Workshop on risk management – Baku – 14/11/2023", nil},
	{"two clauses, two parties", enHeld + "Comments are due by 15 November 2023; the editors will then prepare a revised draft by 1 December 2023.",
		[]string{"the editors|2023-12-01|day"}},
	{"close of business on a date", enHeld + "Delegates were asked to confirm their participation by COB 20 October 2023.",
		[]string{"Delegates|2023-10-20|day"}},
	{"closed at close of business", enHeld + "The registration closed at COB on 5 October 2023.", nil},
	{"heading body, another's act", "1112th meeting – 19 April 2023\n\nThe Deputies\n\n1. took note of the report to be issued by 1 June 2023.", nil},
}

func TestEnglishPhrasings(t *testing.T) {
	negatives := runEnPhrasings(t, enPhrasings)
	if len(enPhrasings) < 60 || negatives*3 < len(enPhrasings) {
		t.Errorf("%d cases, %d negatives: want at least 60, a third negative", len(enPhrasings), negatives)
	}
}

// runEnPhrasings checks each case as a subtest and returns how many are
// negatives.
func runEnPhrasings(t *testing.T, cases []enPhrasing) (negatives int) {
	for _, tc := range cases {
		if len(tc.want) == 0 {
			negatives++
		}
		t.Run(tc.name, func(t *testing.T) {
			got := Extract(tc.text, Options{})
			var seen []string
			for _, it := range got {
				seen = append(seen, strings.Join(partyNorm(it.Parties), " + ")+"|"+it.Deadline+"|"+string(it.Precision))
				if !strings.Contains(NormalizeText(tc.text), it.Quote) || enQuotesHeading(it.Quote) {
					t.Errorf("quote %q is not one passage of the text", it.Quote)
				}
			}
			var want []string
			for _, w := range tc.want {
				f := strings.Split(w, "|")
				want = append(want, strings.Join(partyNorm(strings.Split(f[0], " + ")), " + ")+"|"+f[1]+"|"+f[2])
			}
			slices.Sort(seen)
			slices.Sort(want)
			if !slices.Equal(seen, want) {
				for _, s := range Explain(tc.text, Options{}) {
					t.Logf("%s: %s", s.Reason, s.Sentence)
				}
				t.Errorf("got %q, want %q", seen, want)
			}
		})
	}
	return negatives
}

// enQuotesHeading tells a quote that took in the line dating the meeting.
func enQuotesHeading(quote string) bool {
	for _, h := range []string{enHeld, enHeld2006, enHeldApr, "Decision adopted on", "Meeting of 3 March"} {
		if strings.Contains(quote, strings.TrimSpace(h)) {
			return true
		}
	}
	return false
}
