package minutes

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDocXMLBytes bounds the uncompressed size of word/document.xml. Real
// minutes need a few megabytes; a zip bomb would need gigabytes.
const maxDocXMLBytes = 50 << 20

// readDOCX extracts paragraphs and table cells from a DOCX. Table rows
// come out as "| cell | cell |" lines so that action tables keep their
// columns; paragraphs are separated by blank lines.
func readDOCX(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		return "", ErrUnsupported // some other zip archive (xlsx, odt, plain zip)
	}
	if doc.UncompressedSize64 > maxDocXMLBytes {
		return "", ErrTooLarge
	}
	// The header can lie, so measure by decompressing into io.Discard
	// through a LimitReader: memory stays flat whatever the archive says.
	n, err := copyLimited(doc)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if n > maxDocXMLBytes {
		return "", ErrTooLarge
	}
	rc, err := doc.Open()
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	defer rc.Close()
	text, err := docxText(io.LimitReader(rc, maxDocXMLBytes))
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if strings.TrimSpace(text) == "" {
		return "", ErrEmpty
	}
	return text, nil
}

func copyLimited(f *zip.File) (int64, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	n, err := io.Copy(io.Discard, io.LimitReader(rc, maxDocXMLBytes+1))
	if errors.Is(err, zip.ErrChecksum) && n > maxDocXMLBytes {
		err = nil
	}
	return n, err
}

// docxText walks the WordprocessingML token stream. Only w:t (text),
// w:tab and w:br count; deleted text (w:delText) and field codes
// (w:instrText) are skipped because they are not what the reader sees.
func docxText(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	var out, para strings.Builder
	var row []string
	depth := 0 // table nesting; nested tables are flattened into the cell
	inText := false
	endPara := func() {
		p := normSpace(para.String())
		para.Reset()
		if depth > 0 {
			if len(row) > 0 && p != "" {
				if row[len(row)-1] != "" {
					row[len(row)-1] += " "
				}
				row[len(row)-1] += p
			}
			return
		}
		if p != "" {
			out.WriteString(p)
			out.WriteString("\n\n")
		}
	}
	for out.Len() < maxTextBytes {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				para.WriteByte(' ')
			case "br", "cr":
				para.WriteByte('\n')
			case "tbl":
				depth++
			case "tr":
				if depth == 1 {
					row = row[:0]
				}
			case "tc":
				if depth == 1 {
					row = append(row, "")
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				endPara()
			case "tr":
				if depth == 1 {
					out.WriteString("| " + strings.Join(row, " | ") + " |\n")
				}
			case "tbl":
				depth--
				if depth == 0 {
					out.WriteString("\n")
				}
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	endPara()
	return out.String(), nil
}
