package minutes

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxTextBytes bounds the text ReadText returns, whatever the format.
const maxTextBytes = 10 << 20

// ReadText extracts plain text from a document: PDF (text layer), DOCX
// (paragraphs and table cells), or plain text (UTF-8, or UTF-16 with a
// byte order mark). The type is decided by content sniffing first and the
// file name second, because uploads are often misnamed.
func ReadText(name string, data []byte) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return "", ErrEmpty
	case isPDF(data):
		return readPDF(data)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readDOCX(data)
	case hasBinaryMagic(data):
		return "", ErrUnsupported
	case ext == ".pdf" || ext == ".docx":
		// The name promises a format the bytes do not have.
		return "", ErrCorrupt
	case ext == ".doc" || ext == ".xls" || ext == ".xlsx" || ext == ".pptx" || ext == ".png" || ext == ".jpg" || ext == ".jpeg":
		return "", ErrUnsupported
	}
	return decodePlain(data)
}

// isPDF accepts the "%PDF-" header anywhere in the first kilobyte, as
// readers do: some producers put junk before it.
func isPDF(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	return bytes.Contains(head, []byte("%PDF-"))
}

// binaryMagic lists signatures of formats that are certainly not text.
var binaryMagic = [][]byte{
	[]byte("\x89PNG"), []byte("\xff\xd8\xff"), []byte("GIF8"), []byte("II*\x00"), []byte("MM\x00*"),
	[]byte("BM"), []byte("\xd0\xcf\x11\xe0"), []byte("Rar!"), []byte("7z\xbc\xaf"), []byte("\x1f\x8b"),
	[]byte("\x7fELF"), []byte("MZ"), []byte("RIFF"), []byte("OggS"), []byte("ID3"), []byte("\x00\x00\x00"),
}

func hasBinaryMagic(data []byte) bool {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, m) {
			if string(m) == "BM" || string(m) == "MZ" {
				// Two letters can start a text ("MZ ...", "BMW"); demand
				// a control byte soon after as well.
				return bytes.ContainsAny(data[:min(len(data), 64)], "\x00\x01\x02\x03")
			}
			return true
		}
	}
	return false
}

// decodePlain decodes text by its byte order mark, else as UTF-8, else as
// Latin-1 when the bytes still look like text. Binary data is rejected.
func decodePlain(data []byte) (string, error) {
	var s string
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		s = string(data[3:])
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		s = decodeUTF16(data[2:], false)
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		s = decodeUTF16(data[2:], true)
	default:
		if looksBinary(data) {
			return "", ErrUnsupported
		}
		if utf8.Valid(data) {
			s = string(data)
		} else {
			// Legacy 8-bit text: Latin-1 maps every byte to a rune.
			r := make([]rune, len(data))
			for i, b := range data {
				r[i] = rune(b)
			}
			s = string(r)
		}
	}
	if len(s) > maxTextBytes {
		s = strings.ToValidUTF8(s[:maxTextBytes], "")
	}
	if strings.TrimSpace(s) == "" {
		return "", ErrEmpty
	}
	if looksBinary([]byte(s)) {
		return "", ErrUnsupported
	}
	return s, nil
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// looksBinary reports NUL bytes or many control characters in the first
// 8 KB; text documents have neither.
func looksBinary(data []byte) bool {
	if len(data) > 8192 {
		data = data[:8192]
	}
	ctl := 0
	for _, b := range data {
		switch {
		case b == 0:
			return true
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f':
			ctl++
		}
	}
	return ctl*20 > len(data) // more than 5%
}
