package handlers

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFoldKeepsCharactersWhole(t *testing.T) {
	line := "ORG:" + strings.Repeat("Комитет государственных доходов; ", 5)
	folded := fold(line)
	if !strings.HasSuffix(folded, "\r\n") {
		t.Fatal("no CRLF at the end")
	}
	parts := strings.Split(strings.TrimSuffix(folded, "\r\n"), "\r\n")
	for i, p := range parts {
		if len(p) > 75 || !utf8.ValidString(p) || (i > 0 && !strings.HasPrefix(p, " ")) {
			t.Errorf("bad folded line %d: %q", i, p)
		}
	}
	if got := strings.ReplaceAll(strings.TrimSuffix(folded, "\r\n"), "\r\n ", ""); got != line {
		t.Errorf("unfolded %q, want %q", got, line)
	}
}

func TestVEscapeAndNeutralise(t *testing.T) {
	if got := vEscape("a,b;c\\d\ne"); got != `a\,b\;c\\d\ne` {
		t.Errorf("vEscape = %q", got)
	}
	for in, want := range map[string]string{"=1+1": "'=1+1", "+1": "'+1", "-x": "'-x", "@SUM": "'@SUM", "Ok": "Ok", "": ""} {
		if got := neutralise(in); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitNameReadsFamilyNamesInCapitals(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ full, given, family string }{
		{"András János ZÓLYOM", "András János", "ZÓLYOM"},
		{"ZÓLYOM András János", "András János", "ZÓLYOM"},
		{"Gizem ASMA ŞENEL", "Gizem", "ASMA ŞENEL"},
		{"Ahmet Yılmaz", "Ahmet", "Yılmaz"},
		{"Ерлан", "", "Ерлан"},
		{"Dr. Ömer KOÇ", "Dr. Ömer", "KOÇ"},
	} {
		given, family := splitName(c.full)
		if given != c.given || family != c.family {
			t.Errorf("splitName(%q) = %q, %q; want %q, %q", c.full, given, family, c.given, c.family)
		}
	}
}
