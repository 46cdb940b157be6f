package minutes

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// buildPDF writes a one-page PDF by hand, computing the xref offsets.
// content is the page's content stream; extraTrailer is appended to the
// trailer dictionary; extraObjs become objects 6, 7, ...
func buildPDF(content, extraTrailer string, extraObjs ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	objs = append(objs, extraObjs...)
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, extraTrailer, xref)
	return b.Bytes()
}

const pdfSentence = "Turkish side will submit the concept by 1 March 2024."

func TestReadTextPDF(t *testing.T) {
	data := buildPDF("BT /F1 12 Tf 72 720 Td ("+pdfSentence+") Tj ET", "")
	text, err := ReadText("minutes.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, pdfSentence) {
		t.Fatalf("text = %q", text)
	}
	items := Extract(text, Options{FileName: "minutes-2024-01-10.pdf"})
	if len(items) != 1 || items[0].Deadline != "2024-03-01" || items[0].Parties[0] != "Turkish side" {
		t.Errorf("Extract(pdf) = %+v", items)
	}
	// Content sniffing wins over a misleading name.
	if _, err := ReadText("minutes.txt", data); err != nil {
		t.Errorf("sniffing: %v", err)
	}
}

func TestReadTextPDFNoTextLayer(t *testing.T) {
	data := buildPDF("0 0 m 100 100 l S", "")
	if _, err := ReadText("scan.pdf", data); !errors.Is(err, ErrNoTextLayer) {
		t.Errorf("err = %v, want ErrNoTextLayer", err)
	}
}

func TestReadTextPDFEncrypted(t *testing.T) {
	pad := strings.Repeat("A", 32)
	data := buildPDF("BT /F1 12 Tf 72 720 Td (secret) Tj ET",
		" /Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
		"<< /Filter /Standard /V 1 /R 2 /O ("+pad+") /U ("+pad+") /P -4 >>")
	if _, err := ReadText("locked.pdf", data); !errors.Is(err, ErrEncrypted) {
		t.Errorf("err = %v, want ErrEncrypted", err)
	}
}

func TestReadTextPDFCorruptNoPanic(t *testing.T) {
	good := buildPDF("BT /F1 12 Tf 72 720 Td ("+pdfSentence+") Tj ET", "")
	// Truncations and byte flips of a valid file exercise the parser's
	// panicking paths; every one must come back as an error or text.
	for i := 0; i < len(good); i += 7 {
		cut := append([]byte(nil), good[:i]...)
		cut = append(cut, "\n%%EOF\n"...)
		ReadText("cut.pdf", cut)
		flip := append([]byte(nil), good...)
		flip[i] ^= 0x5a
		ReadText("flip.pdf", flip)
	}
}
