package telegramtest

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"mime/multipart"
	"net/textproto"
	"testing"
)

// readForm reads what multipart.Writer writes exactly as mime/multipart
// does, and leaves any other layout to it.
func TestReadFormAgreesWithMimeMultipart(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, f := range [][2]string{
		{"chat_id", "-1001234"},
		{"text", "<b>Open deadlines</b>\r\n\r\n📅 by 1 March 2024 — «Шёлковый путь» \"quoted\" \\ back"},
		{"empty", ""},
		{"reply_markup", `{"inline_keyboard":[[{"text":"#1","callback_data":"task:1"}]]}`},
	} {
		fw, _ := w.CreateFormField(f[0])
		io.WriteString(fw, f[1])
	}
	fw, _ := w.CreateFormFile("document", `report "final" \ 2024.pdf`)
	data := append([]byte("%PDF-1.7\r\n--"+w.Boundary()[:10]+"\r\n"), 0, 1, 2, 255)
	fw.Write(data)
	w.Close()

	fields, files := map[string]string{}, map[string]upload{}
	if !readForm(buf.Bytes(), w.Boundary(), fields, files) {
		t.Fatal("a form written by multipart.Writer was left to mime/multipart")
	}
	wantFields, wantFiles := slowForm(t, buf.Bytes(), w.Boundary())
	if !maps.Equal(fields, wantFields) {
		t.Errorf("fields:\n got %q\nwant %q", fields, wantFields)
	}
	if len(files) != 1 || files["document"].name != wantFiles["document"].name || !bytes.Equal(files["document"].data, data) {
		t.Errorf("files: got %+v, want %+v", files, wantFiles)
	}

	// A part with a transfer encoding, and a cut-off form, are not read here.
	buf.Reset()
	w = multipart.NewWriter(&buf)
	pw, _ := w.CreatePart(textproto.MIMEHeader{"Content-Disposition": {`form-data; name="text"`}, "Content-Transfer-Encoding": {"base64"}})
	io.WriteString(pw, "b2s=")
	w.Close()
	if readForm(buf.Bytes(), w.Boundary(), map[string]string{}, map[string]upload{}) {
		t.Error("a part with a transfer encoding was read as plain")
	}
	if readForm(buf.Bytes()[:buf.Len()-10], w.Boundary(), map[string]string{}, map[string]upload{}) {
		t.Error("a form without its closing boundary was read")
	}
}

func slowForm(t *testing.T, body []byte, boundary string) (map[string]string, map[string]upload) {
	fields, files := map[string]string{}, map[string]upload{}
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return fields, files
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		if p.FileName() != "" {
			files[p.FormName()] = upload{name: p.FileName(), data: b}
			fields[p.FormName()] = p.FileName()
		} else {
			fields[p.FormName()] = string(b)
		}
	}
}
