package minutes

import "testing"

// Agreed Minutes of the Working Group often give the task first and the
// Party last, in the passive: "... will be launched by Kazakh side in
// September 2024". The agent is who must act; a date of an event, a past
// passive, or "by" a date or a means names no one.
var enAgentPassives = []enPhrasing{
	{"will be launched by a side", enHeld + "The pilot project on electronic exchange of transit data will be launched by Kazakh side in March 2024.",
		[]string{"Kazakh side|2024-03-31|month"}},
	{"will be circulated by the Secretariat", enHeld + "The draft Memorandum will be circulated by the Secretariat among the Parties by 1 December 2023.",
		[]string{"the Secretariat|2023-12-01|day"}},
	{"is to be prepared by a side", enHeld + "The draft Technical Conditions are to be prepared by the Uzbek side until 15 January 2024.",
		[]string{"Uzbek side|2024-01-15|day"}},
	{"shall be submitted by the Parties", enHeld + "Comments on the draft Protocol shall be submitted by the Parties no later than 30 November 2023.",
		[]string{"the Parties|2023-11-30|day"}},
	{"to be drawn up by, with a particle", enHeld + "A list of authorised economic operators to be drawn up by the Turkish side by the end of 2023.",
		[]string{"Turkish side|2023-12-31|year"}},
	{"will be further developed by", enHeld + "The concept will be further developed by the Azerbaijani and Kyrgyz sides by 1 February 2024.",
		[]string{"Azerbaijani side + Kyrgyz side|2024-02-01|day"}},
	{"hosted activity still reads as before", enHeld + "A workshop on GPS tracking devices to be hosted by Turkish side in February 2024.",
		[]string{"Turkish side|2024-02-29|month"}},

	// Not commitments.
	{"by a date, no agent", enHeld + "The report will be finalized by 1 December 2023.", nil},
	{"by a means", enHeld + "The documents will be sent by e-mail in November 2023.", nil},
	{"past passive", enHeld + "The draft was prepared by the Secretariat on 2 October 2023.", nil},
	{"past passive with a later date", enHeld + "The study was launched by Kazakh side in March 2023 and completed in 2024.", nil},
	{"a year of an activity", enHeld + "The training will be organized by the Uzbek side in 2024.", nil},
	{"the next meeting", enHeld + "The next meeting of the Working Group will be hosted by Hungary in May 2024.", nil},
	{"a signing", enHeld + "The Agreement will be signed by the Heads of State in December 2023.", nil},
	{"considered at a session", enHeld + "The report will be considered by the Council at its session in December 2023.", nil},
}

func TestEnglishAgentPassives(t *testing.T) {
	t.Parallel()
	runEnPhrasings(t, enAgentPassives)
}
