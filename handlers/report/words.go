package report

import "github.com/ots-customs/wgbot/storage"

// Words are the words of a report in one language. The report is a document
// of the Secretariat, not a chat message, so its words live with it; a
// translation is one more entry in words.
type Words struct {
	Title        string // %s the meetings, %s the date
	And          string
	CountsStatus string
	CountsParty  string
	PartI        string
	PartII       string
	Matrix       string
	Annex        string
	NoneYet      string
	Decision     string
	Deadline     string
	Party        string
	Total        string
	When         string
	Change       string
	Reference    string
	NoDeadline   string
	NotConcerned string
	Legend       string
	LogSheet     string
	Status       map[Status]string
	State        map[storage.State]string
	DropTitle    string
	DropError    string
}

var words = map[string]Words{
	"en": {
		Title:        "Implementation of the decisions of %s, as of %s",
		And:          " and ",
		CountsStatus: "Summary by status",
		CountsParty:  "Summary by Party",
		PartI:        "Part I. Decisions outstanding",
		PartII:       "Part II. Decisions implemented",
		Matrix:       "Decisions and Parties",
		Annex:        "Annex. Log of submissions",
		NoneYet:      "None.",
		Decision:     "Decision",
		Deadline:     "Deadline",
		Party:        "Party",
		Total:        "Total",
		When:         "Date",
		Change:       "Change",
		Reference:    "Reference",
		NoDeadline:   "no deadline set",
		NotConcerned: "–",
		Legend:       "Each cell: the Party's status, the date and the reference it gave. “–”: the decision does not concern the Party.",
		LogSheet:     "Log",
		Status: map[Status]string{
			Open: "open", Overdue: "overdue", Submitted: "submitted", Confirmed: "confirmed",
		},
		State: map[storage.State]string{
			storage.StateOpen: "open", storage.StateSubmitted: "submitted", storage.StateConfirmed: "confirmed",
		},
		DropTitle: "Status",
		DropError: "Choose open, overdue, submitted or confirmed.",
	},
}
