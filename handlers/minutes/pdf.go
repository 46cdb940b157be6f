package minutes

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"
)

// maxPDFPages bounds the pages read: minutes are short, and a hostile PDF
// with millions of pages must not keep a handler busy.
const maxPDFPages = 500

// readPDF extracts the text layer of a PDF. ledongthuc/pdf panics on some
// malformed input, so the whole parse runs under recover.
func readPDF(data []byte) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
	}()
	encrypted := hasEncryptEntry(data)
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if encrypted || errors.Is(err, pdf.ErrInvalidPassword) {
			return "", ErrEncrypted
		}
		return "", fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	n := r.NumPage()
	if n == 0 {
		if encrypted {
			return "", ErrEncrypted
		}
		return "", ErrEmpty
	}
	if n > maxPDFPages {
		n = maxPDFPages
	}
	var b strings.Builder
	for i := 1; i <= n && b.Len() < maxTextBytes; i++ {
		p := pageAt(r, i)
		if p.V.IsNull() {
			continue
		}
		// Font names are page-local resources, so each page resolves its own.
		t, err := p.GetPlainText(nil)
		if err != nil {
			continue // one bad page should not lose the rest
		}
		if lt := safeTableText(p); lt != "" {
			t = lt // the page holds a table: its rows, laid out by position
		}
		b.WriteString(t)
		b.WriteString("\n\n")
	}
	text = b.String()
	if len(text) > maxTextBytes {
		text = strings.ToValidUTF8(text[:maxTextBytes], "")
	}
	if strings.TrimSpace(text) == "" {
		if encrypted {
			return "", ErrEncrypted
		}
		return "", ErrNoTextLayer
	}
	return text, nil
}

// hasEncryptEntry spots an /Encrypt key in a trailer or cross-reference
// stream dictionary. The library can open PDFs encrypted with an empty
// user password, so this only decides how a failure is reported.
func hasEncryptEntry(data []byte) bool {
	tail := data
	if len(tail) > 64<<10 {
		tail = tail[len(tail)-64<<10:]
	}
	return bytes.Contains(tail, []byte("/Encrypt"))
}

// maxPageTreeSteps bounds the walk down a page tree: a hostile file whose
// /Kids name their own parent would keep the library's Page looping.
const maxPageTreeSteps = 4096

// pageAt is the library's Reader.Page with its walk bounded: the page
// numbered num (from 1), or a null page.
func pageAt(r *pdf.Reader, num int) pdf.Page {
	num--
	node := r.Trailer().Key("Root").Key("Pages")
	for steps := 0; steps < maxPageTreeSteps && node.Key("Type").Name() == "Pages"; steps++ {
		if int(node.Key("Count").Int64()) < num {
			return pdf.Page{}
		}
		kids, next := node.Key("Kids"), pdf.Value{}
		for i := 0; i < kids.Len() && next.IsNull(); i++ {
			kid := kids.Index(i)
			switch kid.Key("Type").Name() {
			case "Pages":
				if c := int(kid.Key("Count").Int64()); num < c {
					next = kid
				} else {
					num -= c
				}
			case "Page":
				if num == 0 {
					return pdf.Page{V: kid}
				}
				num--
			}
		}
		if next.IsNull() {
			break
		}
		node = next
	}
	return pdf.Page{}
}
