package report

import (
	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// Words are the words of a report in one language, from the catalog
// (report.* in i18n/locales), so that a translation of the bot is one of
// its reports too.
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

// wordsIn reads the report's words in l from the catalog (report.* messages).
func wordsIn(l i18n.Lang) Words {
	t := func(id string) string { return l.T(i18n.ID("report." + id)) }
	// Words the Mini App and the chat already have are theirs, so that the
	// report and the app say the same.
	a := func(id i18n.ID) string { return l.T(id) }
	return Words{
		Title: t("Title"), And: a("And"), CountsStatus: t("CountsStatus"), CountsParty: t("CountsParty"),
		PartI: t("PartI"), PartII: t("PartII"), Matrix: a("app.title"), Annex: t("Annex"), NoneYet: t("NoneYet"),
		Decision: t("Decision"), Deadline: a("app.deadline"), Party: t("Party"), Total: t("Total"), When: t("When"),
		Change: t("Change"), Reference: t("Reference"), NoDeadline: a("app.noDeadline"), NotConcerned: "–",
		Legend: t("Legend"), LogSheet: t("LogSheet"),
		Status: map[Status]string{
			Open: a("app.open"), Overdue: a("app.overdue"), Submitted: a("app.submitted"), Confirmed: a("app.confirmed"),
		},
		State: map[storage.State]string{
			storage.StateOpen: a("app.open"), storage.StateSubmitted: a("app.submitted"), storage.StateConfirmed: a("app.confirmed"),
		},
		DropTitle: a("app.status"), DropError: t("DropError"),
	}
}
