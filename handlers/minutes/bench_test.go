package minutes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func BenchmarkExtractTashkent(b *testing.B) {
	text := readTestdata(b, "tashkent-2023-12-11.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(text, Options{})
	}
}

// FuzzExtract only checks that Extract and Meeting never panic. Without
// -fuzz it runs the seed corpus, so it stays cheap in normal test runs.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(testdataDir, "*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) < 8000 {
			f.Add(string(b), filepath.Base(p))
		}
	}
	f.Add("Turkish side will submit the concept by 1 March 2024.", "minutes-2024-01-10.txt")
	f.Add("- to submit by 31 February\n| Owner | Due |\n| X | Q5 2024 |", "")
	f.Add("The Parties agreed on the following:\n- to meet by end of the year", "2023.txt")
	f.Fuzz(func(t *testing.T, text, name string) {
		for _, it := range Extract(text, Options{FileName: name}) {
			if it.Deadline == "" || len(it.Parties) == 0 {
				t.Fatalf("incomplete item %+v", it)
			}
		}
		Meeting(text, Options{FileName: name})
	})
}

// FuzzReadText checks that hostile bytes never panic the readers.
func FuzzReadText(f *testing.F) {
	f.Add("m.pdf", []byte("%PDF-1.4 garbage"))
	f.Add("m.pdf", buildPDF("BT /F1 12 Tf 72 720 Td (x by 1 May 2024) Tj ET", ""))
	f.Add("m.txt", []byte("\xff\xfeA\x00"))
	f.Add("m.docx", []byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		ReadText(name, data)
	})
}

// adversarial is the hostile upload of issue 17: one 5 MB line holding
// 60,000 "by 1 March 2024" phrases and no sentence end.
func adversarial() string { return hostileLine(5 << 20) }

// hostileLine is one line of at least size bytes of dated commitments.
func hostileLine(size int) string {
	const unit = "Turkish side will submit the report by 1 March 2024 and the Parties agree to act "
	var sb strings.Builder
	for sb.Len() < size {
		sb.WriteString(unit)
	}
	return sb.String()
}

// BenchmarkExtractAdversarial must stay linear: run it with -cpu 1 and
// compare with BenchmarkExtractTashkent per byte (goal: under 1 s).
func BenchmarkExtractAdversarial(b *testing.B) {
	text := adversarial()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text, Options{FileName: "minutes-2024-01-10.txt"})
	}
}
