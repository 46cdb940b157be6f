package minutes

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is one unit of text that can carry a commitment.
type sentence struct {
	text   string // whitespace-normalised
	bullet bool   // started by a list marker ("- ", "(a)", "1.")
	colon  bool   // ends with ':' and so introduces a list
	table  bool   // a table row ("| a | b |")
}

// bulletRe recognises list markers at the start of a line. Numbered
// paragraphs ("1. The Parties ...") are treated like bullets so that each
// numbered decision starts a new block.
var bulletRe = regexp.MustCompile(`^(?:[-•●▪◦·*–—]\s+|\(?[a-zA-Z]\)\s+|\(?\d{1,2}(?:\.\d{1,2}){0,2}[.)]\s+|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)\s+)`)

// abbrev lists lower-cased tokens (without their final dot) after which a
// period does not end a sentence.
var abbrev = map[string]bool{
	"h.e": true, "mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "amb": true,
	"no": true, "nos": true, "nr": true, "art": true, "arts": true, "para": true, "paras": true,
	"p": true, "pp": true, "vol": true, "ref": true, "encl": true, "e.g": true, "i.e": true,
	"vs": true, "approx": true, "incl": true, "jr": true, "sr": true, "st": true, "gen": true,
	"col": true, "lt": true, "capt": true, "gov": true, "inc": true, "ltd": true, "co": true,
	"corp": true, "dept": true, "doc": true, "rev": true, "fig": true, "cf": true, "viz": true,
	"ca": true, "messrs": true, "mme": true, "h.h": true, "h.r.h": true, "op": true, "cit": true,
	"u.s": true, "u.k": true, "conf": true, "res": true, "decl": true, "u.n": true, "ibid": true, "att": true, "tel": true,
	"sn": true, "doç": true, "yrd": true, "öğr": true, "gör": true, "av": true, // Turkish titles: "Sn. Ahmet Yılmaz"
}

// functionWords end a paragraph only when a layout break (page break,
// blank line in an extracted PDF) cut a sentence in two.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "and": true, "or": true,
	"in": true, "on": true, "for": true, "with": true, "by": true, "from": true, "at": true,
	"as": true, "that": true, "its": true, "their": true, "this": true,
}

// maxJoin caps how long a sentence re-joined across blank lines may grow;
// real sentences are far shorter, and the cap keeps pathological input
// (thousands of unpunctuated fragments) from costing quadratic time.
const maxJoin = 3000

// splitSentences splits minutes text into sentences. Lines are grouped into
// blocks (paragraphs, bullets, table rows); blocks broken by layout are
// re-joined; blocks are then cut at sentence-final punctuation.
func splitSentences(text string) []sentence {
	type block struct {
		b           strings.Builder
		bullet, tbl bool
	}
	var blocks []*block
	var cur *block
	flush := func() { cur = nil }
	text = textReplacer.Replace(text)
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			flush()
			continue
		}
		isTable := strings.HasPrefix(t, "|")
		loc := bulletRe.FindStringIndex(t)
		if isTable || loc != nil || cur == nil || cur.tbl {
			cur = &block{bullet: loc != nil, tbl: isTable}
			blocks = append(blocks, cur)
			if loc != nil {
				t = t[loc[1]:]
			}
		} else {
			cur.b.WriteByte(' ')
		}
		cur.b.WriteString(t)
	}
	var out []sentence
	var prev string // text of the previous block, for re-joining
	for i, bl := range blocks {
		s := normSpace(bl.b.String())
		if i > 0 && !bl.bullet && !bl.tbl && len(out) > 0 && continues(prev, s) && !out[len(out)-1].table && len(out[len(out)-1].text) < maxJoin {
			// Re-join a sentence cut by a blank line or page break.
			last := &out[len(out)-1]
			joined := last.text + " " + s
			bulletWas := last.bullet
			out = out[:len(out)-1]
			parts := cutSentences(joined)
			for j, p := range parts {
				out = append(out, p.sentence(bulletWas && j == 0))
			}
			prev = joined
			continue
		}
		prev = s
		if bl.tbl {
			out = append(out, mkSentence(s, false, true))
			continue
		}
		for j, p := range cutSentences(s) {
			out = append(out, p.sentence(bl.bullet && j == 0))
		}
	}
	return out
}

// maxSentence bounds one sentence: real sentences are far shorter, and
// every rule reads a sentence in time proportional to its length times the
// number of dates and parties in it, so a bound keeps the whole document
// linear. Longer runs are cut at a clause boundary.
const maxSentence = 1500

// chunks cuts a sentence longer than maxSentence at "; " or ", " (else at a
// space) so that no piece exceeds it.
func chunks(s string) []string {
	var out []string
	for len(s) > maxSentence {
		cut := strings.LastIndex(s[:maxSentence], "; ")
		if cut < maxSentence/3 {
			cut = strings.LastIndex(s[:maxSentence], ", ")
		}
		if cut < maxSentence/3 {
			cut = strings.LastIndexByte(s[:maxSentence], ' ')
		}
		if cut <= 0 {
			cut = maxSentence
			for cut > 0 && !utf8.RuneStart(s[cut]) {
				cut--
			}
		}
		out = append(out, strings.TrimSpace(s[:cut+1]))
		s = strings.TrimSpace(s[cut+1:])
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// inlineRe finds a numbered paragraph or lettered item run into the text
// ("...by 31 December 2007; 3. Encourages ...", "the Secretariat: (a) To
// prepare ...; (b) To develop ..."), as decision texts copied from the web
// often are. Each such item is read as a list item of its own.
// The number may be glued to the item ("решили: 1.Поручить"), as in texts
// whose line breaks were lost.
var inlineRe = regexp.MustCompile(`[;:] (?:\d{1,2}\. ?|\(?[a-z]{1,4}\) )\p{Lu}`)

// piece is one sentence cut from a block; item is set when it starts an
// inline list item, whose marker is then dropped.
type piece struct {
	text string
	item bool
}

func (p piece) sentence(bullet bool) sentence {
	if p.item {
		if loc := bulletRe.FindStringIndex(p.text); loc != nil {
			return mkSentence(p.text[loc[1]:], true, false)
		}
	}
	return mkSentence(p.text, bullet, false)
}

func mkSentence(s string, bullet, table bool) sentence {
	return sentence{text: s, bullet: bullet, table: table, colon: strings.HasSuffix(s, ":")}
}

// continues reports whether block b continues the sentence left open by a.
func continues(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	if strings.ContainsRune(".!?;:”\")", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(b)
	if unicode.IsLower(first) {
		return true
	}
	w := a[strings.LastIndexByte(a, ' ')+1:]
	return functionWords[strings.ToLower(w)]
}

// cutSentences cuts one block at '.', '!' or '?' followed by space and a
// capital letter, digit or opening quote, unless the dot ends an
// abbreviation ("H.E.", "No.") or an initial ("J. Smith").
func cutSentences(s string) []piece {
	var out []piece
	start, item := 0, false
	add := func(t string) {
		for k, c := range chunks(t) {
			out = append(out, piece{c, item && k == 0})
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c == ';' || c == ':') && i+3 < len(s) && s[i+1] == ' ' {
			if m := inlineRe.FindStringIndex(s[i:min(len(s), i+12)]); m != nil && m[0] == 0 {
				add(strings.TrimSpace(s[start : i+1]))
				start, item = i+2, true
				i++
				continue
			}
		}
		if strings.IndexByte(".:;!?", c) >= 0 && i+3 < len(s) && s[i+1] == ' ' && inlineDash(s[i+2:]) {
			// "Process: - Deadline for input Friday. - I'll do my changes
			// by Tuesday.": a dash list whose line breaks were lost.
			add(strings.TrimSpace(s[start : i+1]))
			start, item = i+2, true
			i++
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '"' || s[j] == ')' || s[j] == '\'') {
			j++ // closing quote or bracket belongs to the sentence
		}
		if j >= len(s) || s[j] != ' ' {
			continue
		}
		k := j + 1
		r, _ := utf8.DecodeRuneInString(s[k:])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“\"'(‘«", r)) {
			continue
		}
		if c == '.' {
			w := s[start:i]
			if sp := strings.LastIndexAny(w, " ("); sp >= 0 {
				w = w[sp+1:]
			}
			lw := strings.ToLower(w)
			if abbrev[lw] || (utf8.RuneCountInString(w) == 1 && unicode.IsUpper(firstRune(w))) || ruAbbrevDot(lw, s[start:i]) || trOrdinal(w, s[start:min(len(s), i+40)]) {
				continue
			}
		}
		add(strings.TrimSpace(s[start:j]))
		start, item = k, false
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		add(rest)
	}
	return out
}

// inlineDash tells a dash or bullet list item run into the text: the
// marker, a space and a capital letter or digit.
func inlineDash(s string) bool {
	for _, m := range []string{"- ", "– ", "— ", "• "} {
		if strings.HasPrefix(s, m) {
			r := firstRune(s[len(m):])
			return unicode.IsUpper(r) || unicode.IsDigit(r)
		}
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// normSpace collapses runs of white space into single spaces.
func normSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// textReplacer is how splitSentences sees the text: line breaks unified,
// bold markers, no-break spaces and form feeds turned into plain layout.
var textReplacer = strings.NewReplacer("\r\n", "\n", "\r", "\n", "**", "", "\u00a0", " ", "\u2028", "\n", "\f", "\n\n")

// NormalizeText returns text as the extractor quotes it: the same
// characters with every run of white space made one space. Every Item.Quote
// is a substring of NormalizeText of its document.
func NormalizeText(text string) string {
	return normSpace(textReplacer.Replace(text))
}
