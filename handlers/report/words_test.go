package report

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/handlers/i18n"
)

// TestWordsAreInTheCatalog: every word of the report is a message of
// en.toml (a missing one would show as its id, "report.Title").
func TestWordsAreInTheCatalog(t *testing.T) {
	w := wordsIn(i18n.English)
	v := reflect.ValueOf(w)
	for i := range v.NumField() {
		var texts []string
		switch f := v.Field(i).Interface().(type) {
		case string:
			texts = []string{f}
		case map[Status]string:
			for _, s := range f {
				texts = append(texts, s)
			}
		default:
			for _, k := range v.Field(i).MapKeys() {
				texts = append(texts, v.Field(i).MapIndex(k).String())
			}
		}
		for _, s := range texts {
			if s == "" || strings.HasPrefix(s, "report.") {
				t.Errorf("%s: %q is not in locales/en.toml", v.Type().Field(i).Name, s)
			}
		}
	}
}
