package i18n

import (
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// rawMessage is one entry of a message file: a text, or plural forms.
type rawMessage map[string]string

// readRaw reads a locale file as plain TOML, to see exactly what a
// translator wrote (go-i18n would quietly accept some mistakes).
func readRaw(t *testing.T, l Lang) (map[string]rawMessage, bool) {
	t.Helper()
	data, err := fs.ReadFile(files, "locales/"+string(l)+".toml")
	if os.IsNotExist(err) || (err != nil && strings.Contains(err.Error(), "not exist")) {
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]any
	if err := toml.Unmarshal(data, &top); err != nil {
		t.Fatalf("%s.toml: %v", l, err)
	}
	out := map[string]rawMessage{}
	for id, v := range top {
		switch v := v.(type) {
		case string:
			out[id] = rawMessage{"other": v}
		case map[string]any:
			m := rawMessage{}
			for k, s := range v {
				str, ok := s.(string)
				if !ok {
					t.Errorf("%s.toml: %s.%s is not a text", l, id, k)
					continue
				}
				if k != "description" {
					m[k] = str
				}
			}
			out[id] = m
		default:
			t.Errorf("%s.toml: %s is neither a text nor plural forms", l, id)
		}
	}
	return out, true
}

// pluralForms are the CLDR categories an integer count can fall in.
var pluralForms = map[Lang][]string{
	English: {"one", "other"}, Russian: {"one", "few", "many"}, Turkish: {"one", "other"},
	Azerbaijani: {"one", "other"}, Kazakh: {"one", "other"}, Kyrgyz: {"one", "other"},
	Uzbek: {"one", "other"}, UzbekCyrillic: {"one", "other"}, Hungarian: {"one", "other"},
}

var verb = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])`)

// placeholders lists a format's arguments as "index:verb", sorted, so that a
// translation may reorder them with %[2]s but not drop, add or retype one.
func placeholders(s string) []string {
	var out []string
	next := 1
	for _, m := range verb.FindAllStringSubmatch(s, -1) {
		if m[4] == "%" {
			continue
		}
		i := next
		if m[2] != "" {
			fmt.Sscan(m[2], &i)
		}
		out = append(out, fmt.Sprintf("%d:%s", i, m[4]))
		next = i + 1
	}
	sort.Strings(out)
	return out
}

// telegramTags are the tags of Telegram's HTML parse mode.
var telegramTags = map[string]bool{"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true,
	"s": true, "strike": true, "del": true, "a": true, "code": true, "pre": true, "tg-spoiler": true,
	"blockquote": true, "span": true}

var tagRe = regexp.MustCompile(`<(/?)([a-z-]+)([^<>]*)>`)
var entityRe = regexp.MustCompile(`&(lt|gt|amp|quot|#\d+);`)

// htmlProblem says why s is not valid Telegram HTML, or "".
func htmlProblem(s string) string {
	var stack []string
	for _, m := range tagRe.FindAllStringSubmatch(s, -1) {
		name := m[2]
		if !telegramTags[name] {
			return "tag <" + name + "> is not allowed by Telegram"
		}
		if m[1] == "" {
			stack = append(stack, name)
			continue
		}
		if len(stack) == 0 || stack[len(stack)-1] != name {
			return "</" + name + "> does not close the open tag"
		}
		stack = stack[:len(stack)-1]
	}
	if len(stack) > 0 {
		return "<" + stack[len(stack)-1] + "> is not closed"
	}
	rest := entityRe.ReplaceAllString(tagRe.ReplaceAllString(s, ""), "")
	if strings.ContainsAny(rest, "<>&") {
		return "a bare <, > or & must be written &lt; &gt; &amp;"
	}
	return ""
}

func tags(s string) []string {
	var out []string
	for _, m := range tagRe.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1]+m[2])
	}
	sort.Strings(out)
	return out
}

func TestEnglishCatalogIsValid(t *testing.T) {
	en, ok := readRaw(t, English)
	if !ok {
		t.Fatal("locales/en.toml is missing")
	}
	for id, m := range en {
		for form, s := range m {
			if p := htmlProblem(s); p != "" {
				t.Errorf("en %s (%s): %s", id, form, p)
			}
		}
	}
}

// awaitingTranslation are messages English gained after the eight
// translations landed (branch i18n-core: texts that were English in Go, the
// report's and the exports' words, /language's help). Until a language has
// one it is said in English, and the test names them instead of failing;
// TestAwaitingTranslationIsCurrent makes the list shrink as they arrive.
var awaitingTranslation = map[string]bool{}

// TestAwaitingTranslationIsCurrent: an id awaiting translation is an English
// message, and leaves the list once every language has it.
func TestAwaitingTranslationIsCurrent(t *testing.T) {
	en, _ := readRaw(t, English)
	for id := range awaitingTranslation {
		if _, ok := en[id]; !ok {
			t.Errorf("%s awaits translation but is not an English message", id)
			continue
		}
		everywhere := true
		for _, l := range Supported[1:] {
			if tr, ok := readRaw(t, l); ok {
				if _, has := tr[id]; !has {
					everywhere = false
				}
			}
		}
		if everywhere {
			t.Errorf("%s is translated in every language: take it off awaitingTranslation", id)
		}
	}
}

// TestTranslationsMatchEnglish checks each translation against the source:
// every id present, no id English lacks, the same placeholders and tags,
// valid Telegram HTML and the plural forms the language needs.
func TestTranslationsMatchEnglish(t *testing.T) {
	en, _ := readRaw(t, English)
	for _, l := range Supported[1:] {
		t.Run(string(l), func(t *testing.T) {
			tr, ok := readRaw(t, l)
			if !ok {
				t.Fatalf("locales/%s.toml is missing: the bot would speak English to those who chose %s", l, l.Name())
			}
			var missing, pending []string
			for id := range en {
				if _, ok := tr[id]; !ok {
					if awaitingTranslation[id] {
						pending = append(pending, id)
					} else {
						missing = append(missing, id)
					}
				}
			}
			sort.Strings(missing)
			sort.Strings(pending)
			if len(missing) > 0 {
				t.Errorf("%d messages are missing: %s", len(missing), strings.Join(missing, ", "))
			}
			if len(pending) > 0 {
				t.Logf("AWAITING TRANSLATION (%d, said in English meanwhile): %s", len(pending), strings.Join(pending, ", "))
			}
			for id, m := range tr {
				src, ok := en[id]
				if !ok {
					t.Errorf("%s is not an English message (a typo, or English dropped it)", id)
					continue
				}
				want := placeholders(src["other"])
				_, plural := src["one"]
				if plural {
					for _, form := range pluralForms[l] {
						if _, ok := m[form]; !ok {
							t.Errorf("%s lacks the plural form %q", id, form)
						}
					}
				}
				for form, s := range m {
					if p := htmlProblem(s); p != "" {
						t.Errorf("%s (%s): %s", id, form, p)
					}
					if got := placeholders(s); strings.Join(got, " ") != strings.Join(want, " ") {
						t.Errorf("%s (%s): placeholders %v, English has %v", id, form, got, want)
					}
					if got, w := tags(s), tags(src["other"]); strings.Join(got, " ") != strings.Join(w, " ") {
						t.Errorf("%s (%s): tags %v, English has %v", id, form, got, w)
					}
				}
			}
		})
	}
}

func TestRussianPlurals(t *testing.T) {
	for n, want := range map[int]string{1: "1 день", 2: "2 дня", 5: "5 дней", 21: "21 день", 11: "11 дней", 22: "22 дня"} {
		if got := Russian.N("unit.Day", n); got != want {
			t.Errorf("Russian.N(unit.Day, %d) = %q, want %q", n, got, want)
		}
	}
}
