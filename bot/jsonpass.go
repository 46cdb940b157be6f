package bot

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// jsonPass walks JSON the bot only needs a few values of (a getUpdates
// batch, the echo of a sent message), without decoding the rest: it follows
// strings and nesting, and nothing else. It never reads past the end of its
// input, and stops (ok false) at the first thing it does not expect; it does
// not check what it skips, so a caller that needs valid JSON checks that
// first (json.Valid), or reads only values it checks itself.
type jsonPass struct {
	b   []byte
	i   int
	bad bool
}

func (p *jsonPass) space() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\t' || p.b[p.i] == '\n' || p.b[p.i] == '\r') {
		p.i++
	}
}

// open enters the object or array ('{' or '[') that comes next.
func (p *jsonPass) open(delim byte) bool {
	p.space()
	if p.bad || p.i >= len(p.b) || p.b[p.i] != delim {
		p.bad = true
		return false
	}
	p.i++
	p.space()
	return true
}

// next reports whether the object or array entered holds another member,
// and steps past the comma before it; at the closing bracket it steps out.
func (p *jsonPass) next(first bool) bool {
	p.space()
	if p.bad || p.i >= len(p.b) {
		p.bad = true
		return false
	}
	switch c := p.b[p.i]; {
	case c == '}' || c == ']':
		p.i++
		return false
	case first:
		return true
	case c == ',':
		p.i++
		p.space()
		return true
	}
	p.bad = true
	return false
}

// key reads a member's key, quotes and escapes as they came, and the colon.
func (p *jsonPass) key() []byte {
	k := p.value()
	p.space()
	if p.bad || len(k) == 0 || k[0] != '"' || p.i >= len(p.b) || p.b[p.i] != ':' {
		p.bad = true
		return nil
	}
	p.i++
	p.space()
	return k
}

// value steps past the value that comes next and returns it as it came.
func (p *jsonPass) value() []byte {
	p.space()
	start, depth := p.i, 0
	for ; !p.bad && p.i < len(p.b); p.i++ {
		switch p.b[p.i] {
		case '"':
			for p.i++; p.i < len(p.b) && p.b[p.i] != '"'; p.i++ {
				if p.b[p.i] == '\\' {
					p.i++
				}
			}
			if p.i >= len(p.b) {
				p.bad = true
			} else if depth == 0 {
				p.i++
				return p.b[start:p.i:p.i]
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 { // the end of what holds a number, true, false or null
				return p.scalar(start)
			}
			if depth--; depth == 0 {
				p.i++
				return p.b[start:p.i:p.i]
			}
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return p.scalar(start)
			}
		}
	}
	if depth == 0 && !p.bad {
		return p.scalar(start) // a number at the very end
	}
	p.bad = true
	return nil
}

func (p *jsonPass) scalar(start int) []byte {
	if p.i == start {
		p.bad = true
		return nil
	}
	return p.b[start:p.i:p.i]
}

// isKey reports whether k, a key as it came, is name (written plainly).
func isKey(k []byte, name string) bool {
	return len(k) == len(name)+2 && string(k[1:len(k)-1]) == name
}

// jsonInt reads an integer value; ok is false for anything else.
func jsonInt(v []byte) (int64, bool) {
	if len(v) == 0 || v[0] == '+' { // ParseInt takes a sign JSON does not
		return 0, false
	}
	n, err := strconv.ParseInt(string(v), 10, 64)
	return n, err == nil
}

// resultElements returns the elements of the top-level "result" array, as
// sub-slices of b; ok is false when the pass finds none, or when
// encoding/json (which the library decodes the answer with) could read
// another array: it also takes "Result", a key spelled with escapes, and
// the last of two. Telegram writes one plain "result".
func resultElements(b []byte) (elems []json.RawMessage, ok bool) {
	p := &jsonPass{b: b}
	if !p.open('{') {
		return nil, false
	}
	found := false
	for first := true; p.next(first); first = false {
		k := p.key()
		if bytes.IndexByte(k, '\\') >= 0 || (!isKey(k, "result") && bytes.EqualFold(k, []byte(`"result"`))) {
			return nil, false
		}
		if !isKey(k, "result") {
			p.value()
			continue
		}
		if found || !p.open('[') {
			return nil, false
		}
		found = true
		for first := true; p.next(first); first = false {
			elems = append(elems, p.value())
		}
	}
	return elems, found && !p.bad
}

// countFold counts the times word occurs in b in any case. word is
// lower-case ASCII without k or s, whose folds (K, ſ) are wider than a byte.
func countFold(b []byte, word string) int {
	n := 0
	for i := 0; i+len(word) <= len(b); i++ {
		if b[i]|0x20 == word[0] && bytes.EqualFold(b[i:i+len(word)], []byte(word)) {
			n++
		}
	}
	return n
}
