package minutes

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
)

// buildDOCX writes a minimal DOCX holding document.xml.
func buildDOCX(t *testing.T, documentXML string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   documentXML,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const docxTemplate = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>`

func wp(s string) string { return `<w:p><w:r><w:t xml:space="preserve">` + s + `</w:t></w:r></w:p>` }

func wrow(cells ...string) string {
	var b strings.Builder
	b.WriteString("<w:tr>")
	for _, c := range cells {
		b.WriteString("<w:tc>" + wp(c) + "</w:tc>")
	}
	return b.String() + "</w:tr>"
}

func TestReadTextDOCX(t *testing.T) {
	body := wp("Minutes of the 3rd Meeting of the Working Group held on 14 March 2024.") +
		`<w:p><w:r><w:t>The Secretariat will circulate </w:t></w:r><w:r><w:t>the draft by 1 May 2024.</w:t></w:r></w:p>` +
		`<w:p><w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del></w:p>` +
		"<w:tbl>" + wrow("Action", "Owner", "Due") + wrow("Update the contact list", "Maria Lopez", "05.04.2024") + "</w:tbl>"
	text, err := ReadText("m.docx", buildDOCX(t, fmt.Sprintf(docxTemplate, body)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"held on 14 March 2024.", "The Secretariat will circulate the draft by 1 May 2024.", "| Update the contact list | Maria Lopez | 05.04.2024 |"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "deleted") {
		t.Errorf("deleted text leaked: %s", text)
	}
	items := Extract(text, Options{})
	if len(items) != 2 || items[0].Parties[0] != "the Secretariat" || items[1].Parties[0] != "Maria Lopez" || items[1].Deadline != "2024-04-05" {
		t.Errorf("Extract(docx text) = %+v", items)
	}
}

// bitWriter writes a DEFLATE bit stream (LSB first).
type bitWriter struct {
	buf []byte
	acc uint64
	n   uint
}

func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.n
	w.n += n
	for w.n >= 8 {
		w.buf = append(w.buf, byte(w.acc))
		w.acc >>= 8
		w.n -= 8
	}
}

// code writes a Huffman code, which DEFLATE stores most significant bit first.
func (w *bitWriter) code(c uint64, n uint) {
	var r uint64
	for i := uint(0); i < n; i++ {
		r = r<<1 | (c>>i)&1
	}
	w.bits(r, n)
}

// zeroDeflate hand-writes a fixed-Huffman DEFLATE stream of size zero
// bytes: one literal and then back-references of 258 bytes. It is ~1/1300
// of size and takes milliseconds, where compressing 200 MB would not.
func zeroDeflate(size int) []byte {
	w := &bitWriter{}
	w.bits(1, 1) // BFINAL
	w.bits(1, 2) // BTYPE=01, fixed Huffman
	w.code(0x30, 8)
	left := size - 1
	for ; left >= 258; left -= 258 {
		w.code(0xC5, 8) // length code 285 = 258 bytes
		w.code(0, 5)    // distance code 0 = 1 byte back
	}
	for ; left > 0; left-- {
		w.code(0x30, 8) // literal 0
	}
	w.code(0, 7) // end of block
	w.bits(0, 7)
	return w.buf
}

func zipBomb(t *testing.T, size int, declared uint64) []byte {
	t.Helper()
	raw := zeroDeflate(size)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(len(raw)), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw)
	zw.Close()
	return buf.Bytes()
}

func TestReadTextZipBomb(t *testing.T) {
	const size = 200 << 20
	for _, tc := range []struct {
		name     string
		declared uint64
		want     []error
	}{
		{"honest header", size, []error{ErrTooLarge}},
		// A header that lies small is caught by archive/zip (corrupt) or by
		// our LimitReader (too large); either way memory stays bounded.
		{"lying header", 1000, []error{ErrTooLarge, ErrCorrupt}},
		{"just over the limit, lying", maxDocXMLBytes, []error{ErrTooLarge, ErrCorrupt}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := zipBomb(t, size, tc.declared)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := ReadText("bomb.docx", data)
			runtime.ReadMemStats(&after)
			ok := false
			for _, w := range tc.want {
				ok = ok || errors.Is(err, w)
			}
			if !ok {
				t.Errorf("err = %v, want one of %v", err, tc.want)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
				t.Errorf("allocated %d MB reading a zip bomb", alloc>>20)
			}
		})
	}
}

func TestReadTextPlain(t *testing.T) {
	const s = "Turkish side will submit the concept by 1 March 2024. Türkiye"
	u := utf16.Encode([]rune(s))
	le := []byte{0xff, 0xfe}
	be := []byte{0xfe, 0xff}
	for _, r := range u {
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	for name, data := range map[string][]byte{"le.txt": le, "be.txt": be, "bom8.txt": append([]byte("\xef\xbb\xbf"), s...), "plain": []byte(s)} {
		got, err := ReadText(name, data)
		if err != nil || got != s {
			t.Errorf("ReadText(%s) = %q, %v", name, got, err)
		}
	}
	if got, err := ReadText("latin1.txt", []byte("Caf\xe9 by 1 May 2024")); err != nil || got != "Café by 1 May 2024" {
		t.Errorf("latin-1: %q, %v", got, err)
	}
}

func TestReadTextErrors(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"image.png", png, ErrUnsupported},
		{"x.bin", []byte{0x01, 0x02, 0x00, 0x10, 0x05, 'a', 'b'}, ErrUnsupported},
		{"empty.txt", nil, ErrEmpty},
		{"blank.txt", []byte(" \n\t\n"), ErrEmpty},
		{"bom-only.txt", []byte("\xff\xfe"), ErrEmpty},
		{"bad.pdf", []byte("%PDF-1.4 garbage"), ErrCorrupt},
		{"fake.pdf", []byte("hello, not a pdf"), ErrCorrupt},
		{"fake.docx", []byte("PK\x03\x04 broken zip"), ErrCorrupt},
		{"other.zip", buildZip(t, "a.txt", "hello"), ErrUnsupported},
		{"empty.docx", buildDOCX(t, fmt.Sprintf(docxTemplate, "")), ErrEmpty},
		{"badxml.docx", buildDOCX(t, "<w:document><w:body><w:p>"), ErrCorrupt},
	} {
		if _, err := ReadText(tc.name, tc.data); !errors.Is(err, tc.want) {
			t.Errorf("ReadText(%s) err = %v, want %v", tc.name, err, tc.want)
		}
	}
}

func buildZip(t *testing.T, name, body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create(name)
	w.Write([]byte(body))
	zw.Close()
	return buf.Bytes()
}
