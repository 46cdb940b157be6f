package handlers

import (
	"strings"
	"sync"
	"time"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// writtenDate reads a date written in words in any of the bot's languages,
// in the order that language writes it: "1 марта 2024 г.", "1 Mart 2024",
// "2024. március 1.", "2024 жылғы 1 наурыз", "2024-yil 1-mart",
// "2024-жылдын 1-марты", "март 2024", "Mart 2024". It takes the words at
// the start that are parts of a date (a day, a month's name, a year, and
// the words that go with them, such as "г." or "yil") and reports whether
// they made one: a day needs a month and a year, a month needs a year.
func writtenDate(words []string) (storage.Deadline, int, DateProblem, bool) {
	var day, year int
	var mon time.Month
	taken := 0
	for i, w := range words[:min(6, len(words))] {
		parts := strings.Split(strings.Trim(w, ",."), "-")
		ok := true
		d, y, m := day, year, mon
		for _, p := range parts {
			p = strings.Trim(p, ",.")
			switch n, isNum := number(p); {
			case p == "" || dateFillers[storage.Fold(p)]:
			case isNum && len(p) == 4 && y == 0:
				y = n
			case isNum && len(p) <= 2 && d == 0:
				d = n
			case !isNum && m == 0:
				if mm, found := monthInAnyLanguage(p); found {
					m = mm
				} else {
					ok = false
				}
			default:
				ok = false
			}
		}
		if !ok {
			break
		}
		day, year, mon, taken = d, y, m, i+1
	}
	switch {
	case mon == 0 || year == 0:
		return storage.Deadline{}, 0, DateUnreadable, false
	case day != 0:
		dl, p := dayDeadline(year, mon, day)
		return dl, used(p, taken), p, true
	case !storage.PlausibleYear(year):
		return storage.Deadline{}, 0, DateOutOfRange, true
	}
	return monthDeadline(year, mon), taken, DateOK, true
}

// dateFillers are the words that go with a date's parts in the bot's
// languages: "г."/"года" (Russian), "yılı", "yil", "il" with "-cü"
// (Azerbaijani ordinals), "жылғы"/"жылдын", "évi", "ayı"/"айы" (the month
// of), English "of".
var dateFillers = map[string]bool{
	"г": true, "года": true, "год": true, "гг": true,
	"yıl": true, "yılı": true, "il": true, "ili": true, "ci": true, "cü": true, "cı": true, "cu": true,
	"yil": true, "yili": true, "йил": true, "йили": true,
	"жыл": true, "жылы": true, "жылғы": true, "жылдын": true, "жылдың": true,
	"évi": true, "év": true, "ayı": true, "айы": true, "ай": true, "of": true,
}

var (
	monthFormsOnce sync.Once
	monthForms     map[string]time.Month // folded name -> month, from every catalog
)

// monthInAnyLanguage finds the month a word names in any of the bot's
// languages, in either of the forms the catalogs give ("марта", "март"),
// abbreviated to three letters or more ("мар", "Eki") or with a short
// ending ("martta", "Nisan'a"); a word two months could be is none.
func monthInAnyLanguage(word string) (time.Month, bool) {
	monthFormsOnce.Do(func() {
		monthForms = map[string]time.Month{}
		for _, l := range i18n.Supported {
			for _, id := range []i18n.ID{"date.monthsInDate", "date.monthsAlone"} {
				for i, name := range strings.Split(l.T(id), "|") {
					if i < 12 && name != "" {
						monthForms[storage.Fold(name)] = time.Month(i + 1)
					}
				}
			}
		}
	})
	w := storage.Fold(strings.TrimRight(word, "'’"))
	if m, ok := monthForms[w]; ok {
		return m, true
	}
	if len([]rune(w)) < 3 {
		return 0, false
	}
	var found time.Month
	for form, m := range monthForms {
		short := strings.HasPrefix(form, w)
		inflected := strings.HasPrefix(w, form) && len([]rune(w))-len([]rune(form)) <= 3 && len([]rune(form)) >= 3
		if !short && !inflected {
			continue
		}
		if found != 0 && found != m {
			return 0, false
		}
		found = m
	}
	return found, found != 0
}
