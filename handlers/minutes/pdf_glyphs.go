package minutes

import (
	"strings"

	"github.com/ledongthuc/pdf"
)

// pageGlyphs places every glyph a page's content stream shows. The
// library's own Content decodes a newline after each TJ array through the
// font, which in a word processor's subset font is a letter ("Iteme",
// "Secretariatn"), so the text state is followed here instead: text and
// line matrices, font, size, character and word spacing, scaling, rise
// and leading, with q/Q and cm for the page matrix (PDF 32000-1, 9.4).
func pageGlyphs(p pdf.Page) (out []pdf.Text) {
	strm := p.V.Key("Contents")
	if strm.Kind() == pdf.Null {
		return nil
	}
	type textState struct {
		ctm              mat3
		font             pdf.Font
		enc              pdf.TextEncoding
		size, tc, tw, th float64
		tl, rise         float64
	}
	g := textState{ctm: identity3, th: 1, enc: &nopDecoder{}}
	var stack []textState
	tm, tlm := identity3, identity3
	fonts := map[string]pdf.Font{}
	show := func(raw string) {
		decoded := []rune(g.enc.Decode(raw))
		for i, ch := range decoded {
			var w0 float64
			if len(decoded) == len(raw) {
				w0 = g.font.Width(int(raw[i])) // a simple font: one byte a glyph
			}
			trm := mat3{{g.size * g.th, 0, 0}, {0, g.size, 0}, {0, g.rise, 1}}.mul(tm).mul(g.ctm)
			out = append(out, pdf.Text{Font: g.font.BaseFont(), FontSize: trm[0][0], X: trm[2][0], Y: trm[2][1], W: w0 / 1000 * trm[0][0], S: string(ch)})
			tx := w0/1000*g.size + g.tc
			if ch == ' ' {
				tx += g.tw
			}
			tm = mat3{{1, 0, 0}, {0, 1, 0}, {tx * g.th, 0, 1}}.mul(tm)
		}
	}
	nextLine := func() {
		tlm = mat3{{1, 0, 0}, {0, 1, 0}, {0, -g.tl, 1}}.mul(tlm)
		tm = tlm
	}
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			stack = append(stack, g)
		case "Q":
			if n := len(stack); n > 0 {
				g, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = mat3{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity3, identity3
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := fonts[name]
				if !ok {
					f = p.Font(name)
					fonts[name] = f
				}
				g.font, g.size = f, num(1)
				if g.enc = f.Encoder(); g.enc == nil {
					g.enc = &nopDecoder{}
				}
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.rise = num(0)
		case "TD", "Td":
			if op == "TD" {
				g.tl = -num(1)
			}
			tlm = mat3{{1, 0, 0}, {0, 1, 0}, {num(0), num(1), 1}}.mul(tlm)
			tm = tlm
		case "Tm":
			if len(args) == 6 {
				tlm = mat3{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}
				tm = tlm
			}
		case "T*":
			nextLine()
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				g.tw, g.tc, args = num(0), num(1), args[2:]
			}
			nextLine()
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			for i, a := 0, args[0]; i < a.Len(); i++ {
				if x := a.Index(i); x.Kind() == pdf.String {
					show(x.RawString())
				} else {
					tm = mat3{{1, 0, 0}, {0, 1, 0}, {-x.Float64() / 1000 * g.size * g.th, 0, 1}}.mul(tm)
				}
			}
		}
		if len(out) > maxLayoutGlyphs {
			panic("minutes: too many glyphs on a page") // safeTableText recovers and keeps the plain text
		}
	})
	return out
}

// mat3 is an affine matrix as PDF writes them, [a b 0; c d 0; e f 1].
type mat3 [3][3]float64

var identity3 = mat3{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}

func (x mat3) mul(y mat3) mat3 {
	var z mat3
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			for k := 0; k < 3; k++ {
				z[i][j] += x[i][k] * y[k][j]
			}
		}
	}
	return z
}

// nopDecoder reads bytes as they are when a font has no encoding.
type nopDecoder struct{}

func (nopDecoder) Decode(raw string) string { return strings.ToValidUTF8(raw, "") }
