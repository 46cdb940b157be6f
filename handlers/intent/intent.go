// Package intent reads what a plain message in a private chat asks for:
// the deadlines, one's own tasks or the agenda, in any of the bot's eight
// languages ("Какие у меня сроки?", "Merhaba, benim görevlerim neler?",
// "Gündem nedir?", "Mening vazifalarim", "Milyen határidők vannak?"). It is
// pure: text in, a guess out, so its tables of cases need nothing else.
package intent

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ots-customs/wgbot/storage"
)

// Guess is what a message seems to ask for.
type Guess struct {
	// Command answers it ("deadlines", "mytasks", "agenda"); "" when the
	// message asks for none of them.
	Command string
	// Sure is set when the message clearly asks for Command: it may be
	// answered at once. Otherwise Command is only worth suggesting.
	Sure bool
}

// maxSureWords is the longest message (greetings not counted) that is
// taken as a plain request; a longer one mentioning a topic is more likely
// news about it ("the deadline of the Turkish side moved to May, as agreed
// with ..."), so the command is only suggested.
const maxSureWords = 12

// Classify reads text. It never fails: text that asks for nothing, or
// carries an e-mail address, a link or a phone number (a contact's details
// sent without a form), is Guess{}.
func Classify(text string) Guess {
	if carriesData(text) {
		return Guess{}
	}
	words := wordsOf(text)
	if len(words) == 0 {
		return Guess{}
	}
	question := strings.ContainsAny(text, "?¿؟")
	found, typo := -1, -1
	firstAt := map[int]int{}
	counted, cued, my := 0, question, false
	for i, w := range words {
		switch {
		case inList(w, notRequests):
			return Guess{}
		case inList(w, greetings):
			continue
		}
		counted++
		if inList(w, cues) {
			cued = true
			if w == "my" || w == "mine" || w == "our" {
				my = true
			}
		}
		for ti, tp := range topics {
			if hit, mine := tp.names(words, i); hit {
				if _, seen := firstAt[ti]; !seen {
					firstAt[ti] = i
				}
				my = my || mine
			}
		}
	}
	switch len(firstAt) {
	case 0:
		// No topic named: perhaps one misspelt ("deadlnes"), worth offering.
		for _, w := range words {
			for ti, tp := range topics {
				if typo < 0 && tp.misspelled(w) {
					typo = ti
				}
			}
		}
		if typo >= 0 {
			return Guess{Command: topics[typo].command}
		}
		return Guess{}
	case 1:
		for ti := range firstAt {
			found = ti
		}
	default:
		// Two topics: suggest the one named first, answer neither.
		best := len(words)
		for ti, at := range firstAt {
			if at < best {
				found, best = ti, at
			}
		}
		return Guess{Command: topics[found].command}
	}
	sure := counted <= maxSureWords && (cued || my || counted <= 3)
	return Guess{Command: topics[found].command, Sure: sure}
}

// names reports whether words[i] (with the words after it, for a phrase)
// names the topic, and whether it carries the ending of "my".
func (tp topic) names(words []string, i int) (hit, mine bool) {
	w := words[i]
	for _, pw := range tp.phrases {
		if i+len(pw) <= len(words) && slices.Equal(words[i:i+len(pw)-1], pw[:len(pw)-1]) && strings.HasPrefix(words[i+len(pw)-1], pw[len(pw)-1]) {
			return true, false
		}
	}
	for _, e := range tp.exact {
		if w == e {
			// "due to the weather" is a cause, not a deadline.
			return !(w == "due" && i+1 < len(words) && words[i+1] == "to"), false
		}
	}
	for _, s := range tp.stems {
		if !strings.HasPrefix(w, s) {
			continue
		}
		rest := w[len(s):]
		for _, end := range firstPerson {
			if strings.HasSuffix(rest, end) {
				return true, true
			}
		}
		return true, false
	}
	return false, false
}

// misspelled reports whether w is one slip away from a word of the topic
// ("deadlnes", "agneda", "görevlerm"): worth a suggestion, not an answer.
func (tp topic) misspelled(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 5 {
		return false
	}
	limit := limitFor(w)
	for _, s := range tp.spelled {
		if m := utf8.RuneCountInString(s); m < n-limit || m > n+limit {
			continue // too long or too short to be a slip of it
		}
		if d := Distance(w, s); d >= 1 && d <= limit {
			return true
		}
	}
	return false
}

// limitFor is how many slips a word of that length may carry: one, two
// from nine letters on ("hataridők" for "határidők" is none: accents fold).
func limitFor(w string) int {
	if len([]rune(w)) >= 9 {
		return 2
	}
	return 1
}

// wordsOf splits folded text into words of letters and digits.
func wordsOf(text string) []string {
	return strings.FieldsFunc(storage.FoldLoose(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func inList(w string, list []string) bool { return slices.Contains(list, w) }

// carriesData reports an e-mail address, a link or a phone number: the
// message is about someone, not a question to the bot.
func carriesData(text string) bool {
	lower := strings.ToLower(text)
	if strings.Contains(lower, "http://") || strings.Contains(lower, "https://") || strings.Contains(lower, "www.") || strings.Contains(lower, "t.me/") {
		return true
	}
	for _, f := range strings.Fields(text) {
		if at := strings.Index(f, "@"); at > 0 && strings.Contains(f[at:], ".") {
			return true
		}
	}
	digits := 0
	for _, r := range text {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 7
}

// Distance is the number of slips between a and b, by runes: letters
// inserted, deleted, replaced, or two neighbours swapped ("agneda" is one
// slip from "agenda"; the optimal string alignment distance).
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// d[i][j] is the distance between ra[:i] and rb[:j].
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
