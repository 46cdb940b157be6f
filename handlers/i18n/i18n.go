// Package i18n holds the bot's words in every language it speaks, as
// go-i18n message files embedded in the binary (locales/*.toml), and the
// forms that differ by language: dates, weekdays and the Parties' names.
//
// English (locales/en.toml) is the source. A message missing from a
// language falls back to English, and the catalog tests name what is
// missing. Messages are Telegram HTML with fmt verbs (%s, %d, %[2]s), never
// Go templates: the code fills them with escaped data, so a translation
// cannot run code or change what is escaped.
package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

//go:embed locales/*.toml
var files embed.FS

// Lang is a language the bot speaks, as its BCP 47 tag ("ru", "uz-Cyrl").
type Lang string

// The languages, English first: it is the source and the fallback.
const (
	English       Lang = "en"
	Russian       Lang = "ru"
	Turkish       Lang = "tr"
	Azerbaijani   Lang = "az"
	Kazakh        Lang = "kk"
	Kyrgyz        Lang = "ky"
	Uzbek         Lang = "uz"
	UzbekCyrillic Lang = "uz-Cyrl"
	Hungarian     Lang = "hu"
)

// Supported lists every language, in the order the /language buttons show them.
var Supported = []Lang{English, Russian, Turkish, Azerbaijani, Kazakh, Kyrgyz, Uzbek, UzbekCyrillic, Hungarian}

// nativeNames are each language in its own name, for the /language buttons.
var nativeNames = map[Lang]string{
	English: "English", Russian: "Русский", Turkish: "Türkçe", Azerbaijani: "Azərbaycan dili",
	Kazakh: "Қазақ тілі", Kyrgyz: "Кыргыз тили", Uzbek: "Oʻzbekcha", UzbekCyrillic: "Ўзбекча",
	Hungarian: "Magyar",
}

// Name is the language in its own name: "Русский".
func (l Lang) Name() string { return nativeNames[l.orEnglish()] }

// Valid reports whether the bot speaks l.
func (l Lang) Valid() bool { _, ok := nativeNames[l]; return ok }

func (l Lang) orEnglish() Lang {
	if l.Valid() {
		return l
	}
	return English
}

// Parse reads a language tag as Telegram gives it (a user's language_code:
// "ru", "en-US", "uz", "tr-TR") or as stored, and says which of ours it is.
// An Uzbek tag in Cyrillic script ("uz-Cyrl", "uz-Cyrl-UZ") is Uzbek in
// Cyrillic; other Uzbek is Latin, as Uzbekistan writes it officially.
func Parse(code string) (Lang, bool) {
	code = strings.TrimSpace(code)
	if code == "" {
		return "", false
	}
	tag, err := language.Parse(code)
	if err != nil {
		return "", false
	}
	base, _ := tag.Base()
	script, conf := tag.Script()
	if base.String() == "uz" && conf == language.Exact && script.String() == "Cyrl" {
		return UzbekCyrillic, true
	}
	l := Lang(base.String())
	if l == UzbekCyrillic || !l.Valid() {
		return "", false
	}
	return l, true
}

type catalog struct {
	bundle     *i18n.Bundle
	localizers map[Lang]*i18n.Localizer
	ids        map[Lang]map[string]bool
}

var (
	loadOnce sync.Once
	loaded   *catalog
	loadErr  error
)

// load reads the embedded message files once. A broken file is a build
// defect, which the catalog tests catch; at run time it panics at first use.
func load() *catalog {
	loadOnce.Do(func() { loaded, loadErr = parseFS(files) })
	if loadErr != nil {
		panic("i18n: " + loadErr.Error())
	}
	return loaded
}

func parseFS(fsys fs.FS) (*catalog, error) {
	c := &catalog{bundle: i18n.NewBundle(language.English), localizers: map[Lang]*i18n.Localizer{}, ids: map[Lang]map[string]bool{}}
	c.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, l := range Supported {
		name := path.Join("locales", string(l)+".toml")
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			if l == English {
				return nil, err
			}
			continue // not translated yet: English is used
		}
		mf, err := c.bundle.ParseMessageFileBytes(data, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		c.ids[l] = map[string]bool{}
		for _, m := range mf.Messages {
			c.ids[l][m.ID] = true
		}
	}
	for _, l := range Supported {
		c.localizers[l] = i18n.NewLocalizer(c.bundle, string(l), string(English))
	}
	return c, nil
}

// ID names a message of the catalog. It is a type of its own so that an id
// cannot be sent to a user as if it were a text: it becomes one through T or N.
type ID string

// identity keeps messages as they are written: they are fmt formats, not
// templates.
var identity = template.IdentityParser{}

// T is message id in l, filled with args as by fmt.Sprintf. An id that no
// language has comes back as the id itself, so a missing text shows rather
// than vanishes (the catalog tests keep that from shipping).
func (l Lang) T(id ID, args ...any) string {
	return l.format(id, nil, args)
}

// N is T for a message whose form depends on n (CLDR plural rules: Russian
// has one, few and many). n is the first argument of the format; args follow.
func (l Lang) N(id ID, n int, args ...any) string {
	return l.format(id, n, append([]any{n}, args...))
}

func (l Lang) format(id ID, count any, args []any) string {
	s := l.resolve(id, count)
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// formatKey names a resolved message: a language, an id and, for a
// count-dependent one, the count.
type formatKey struct {
	l      Lang
	id     ID
	n      int
	plural bool
}

// resolved keeps the messages already looked up: the catalog does not
// change while the bot runs, and a look-up through go-i18n costs about a
// microsecond and a half, dozens of times per reply.
var resolved sync.Map // formatKey -> string

// resolve is message id in l (its form for count, when count is an int).
func (l Lang) resolve(id ID, count any) string {
	l = l.orEnglish()
	key := formatKey{l: l, id: id}
	n, plural := count.(int)
	if plural {
		key.n, key.plural = n, true
	}
	cacheable := !plural || (n >= -1000 && n <= 1000) // counts beyond are rare: not kept
	if cacheable {
		if s, ok := resolved.Load(key); ok {
			return s.(string)
		}
	}
	s, err := load().localizers[l].Localize(&i18n.LocalizeConfig{MessageID: string(id), PluralCount: count, TemplateParser: identity})
	if err != nil && s == "" {
		s = string(id)
	}
	if cacheable {
		resolved.Store(key, s)
	}
	return s
}

// Translated reports whether l has a message file of its own (English
// always has): a language whose file has not landed yet speaks English.
func (l Lang) Translated() bool { return load().ids[l] != nil }

// Has reports whether l itself (not its English fallback) has message id.
func (l Lang) Has(id ID) bool { return load().ids[l][string(id)] }

// IDs lists the message ids that l's own file holds.
func (l Lang) IDs() []string {
	var ids []string
	for id := range load().ids[l] {
		ids = append(ids, id)
	}
	return ids
}

// Date is t's calendar day as people write it in l: "1 March 2024",
// "1 марта 2024 г.", "2024. március 1.".
func (l Lang) Date(t time.Time) string {
	return l.T("date.full", t.Day(), l.month("date.monthsInDate", t.Month()), t.Year())
}

// MonthYear is "March 2024" in l.
func (l Lang) MonthYear(m time.Month, year int) string {
	return l.T("date.monthYear", l.month("date.monthsAlone", m), year)
}

// Deadline is a deadline typed by a user, said in l from its last day and
// how exactly it was given ("day", "month", "quarter", "year"): "by 1 March
// 2024", "by the end of March 2024", "by the end of 2024". A deadline quoted
// from minutes keeps the minutes' words instead.
func (l Lang) Deadline(t time.Time, precision string) string {
	switch precision {
	case "month":
		return l.T("ByEndOfMonth", l.month("date.monthsInDate", t.Month()), t.Year())
	case "year":
		return l.T("ByEndOfYear", t.Year())
	}
	return l.T("ByDate", l.Date(t))
}

// DateTime is the date and the time of day "15:04" of t.
func (l Lang) DateTime(t time.Time) string {
	return l.T("date.withTime", l.Date(t), t.Format("15:04"))
}

// WeekdayDateTime is the weekday, the date and the time of day "15:04" of t,
// in the order l writes them: "Monday 1 March 2024, 09:00", "понедельник,
// 1 марта 2024 г., 09:00", "2024. március 4., hétfő 09:00".
func (l Lang) WeekdayDateTime(t time.Time) string {
	return l.T("date.withTime", l.T("date.weekdayDate", l.Weekday(t.Weekday()), l.Date(t)), t.Format("15:04"))
}

// Weekday is the name of d in l.
func (l Lang) Weekday(d time.Weekday) string {
	names := strings.Split(l.T("date.weekdays"), "|")
	i := (int(d) + 6) % 7 // Monday first
	if len(names) != 7 {
		return d.String()
	}
	return names[i]
}

func (l Lang) month(id ID, m time.Month) string {
	names := strings.Split(l.T(id), "|")
	if len(names) != 12 || m < time.January || m > time.December {
		return m.String()
	}
	return names[m-1]
}

// PartyName is the name of the Party with code ("TR") in l: "Türkiye", "Турция".
func (l Lang) PartyName(code string) string { return l.T(ID("party." + code + ".name")) }

// PartySide is how minutes in l speak of the Party: "Turkish side", "Турецкая сторона".
func (l Lang) PartySide(code string) string { return l.T(ID("party." + code + ".side")) }

// Prefixed returns every message whose id starts with prefix, in l (English
// where l lacks one), keyed by the rest of the id: the words of the Mini
// App's page. A count-dependent message is given in its "other" form.
func (l Lang) Prefixed(prefix string) map[string]string {
	out := map[string]string{}
	for id := range load().ids[English] {
		if key, ok := strings.CutPrefix(id, prefix); ok {
			out[key] = l.format(ID(id), 2, nil)
		}
	}
	return out
}
