package storage

import (
	"unicode"
	"unicode/utf8"
)

// NoVisible is the problem of a text that shows nothing on a screen: only
// spaces, zero-width characters or other invisible marks.
const NoVisible Problem = "nothing visible"

// CheckText is the one rule for every text a user can type into a stored
// record (task titles and texts, references, contact fields): it returns
// BadChars for invalid UTF-8 or a control character (NUL, BEL, ESC...; line
// breaks, tabs and page breaks only when multiline), NoVisible when nothing in s would show,
// and "" when s is fine. An empty s is fine: whether a field may be empty is
// the record's own rule.
func CheckText(s string, multiline bool) Problem {
	visible := s == ""
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			return BadChars
		case multiline && (r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f' || r == '\u0085'):
		case unicode.IsControl(r), unicode.In(r, unicode.Co, unicode.Cs), r == '\u2028', r == '\u2029':
			return BadChars
		case unicode.IsSpace(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Mn, r) && !visible,
			unicode.In(r, unicode.Variation_Selector), r == '\u3164', r == '\uFFA0', r == '\u115F', r == '\u1160', r == '\u2800':
			// spaces, format marks (zero-width space, joiners, direction marks),
			// a leading combining mark, variation selectors and the Hangul and
			// Braille blanks people use to post "empty" names.
		default:
			visible = true
		}
	}
	if !visible {
		return NoVisible
	}
	return ""
}
