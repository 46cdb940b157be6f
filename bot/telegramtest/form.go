package telegramtest

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
)

// readForm reads a multipart/form-data body laid out the way Go's
// multipart.Writer writes it, which is what go-telegram/bot sends: each part
// a Content-Disposition with its name (and a file's name) and maybe a type,
// then its bytes up to the next boundary. Every sendMessage is such a form of
// half a dozen parts; mime/multipart reads it through a buffered reader and a
// header map per part, which made the server the largest allocator of the
// benchmarks. Any other layout is left to mime/multipart (ok false).
func readForm(body []byte, boundary string, fields map[string]string, files map[string]upload) (ok bool) {
	rest, found := bytes.CutPrefix(body, []byte("--"+boundary))
	if !found || boundary == "" {
		return false
	}
	next := []byte("\r\n--" + boundary)
	got := map[string]string{}
	gotFiles := map[string]upload{}
	for {
		if bytes.HasPrefix(rest, []byte("--")) { // the closing boundary
			for k, v := range got {
				fields[k] = v
			}
			for k, v := range gotFiles {
				files[k] = v
			}
			return true
		}
		if rest, found = bytes.CutPrefix(rest, []byte("\r\n")); !found {
			return false
		}
		head, after, found := bytes.Cut(rest, []byte("\r\n\r\n"))
		if !found {
			return false
		}
		value, tail, found := bytes.Cut(after, next)
		if !found {
			return false
		}
		name, file, isFile, err := disposition(string(head))
		if err != nil {
			return false
		}
		if file = filepath.Base(file); isFile && file != "." && file != string(filepath.Separator) {
			// as multipart.Part.FileName gives it
			gotFiles[name] = upload{name: file, data: bytes.Clone(value)}
			got[name] = file
		} else {
			got[name] = string(value)
		}
		rest = tail
	}
}

// disposition reads the part's headers: Content-Disposition: form-data;
// name="..." [; filename="..."], and at most a Content-Type beside it.
func disposition(head string) (name, file string, isFile bool, err error) {
	errLayout := errors.New("not multipart.Writer's layout")
	var cd string
	for line := range strings.SplitSeq(head, "\r\n") {
		key, value, ok := strings.Cut(line, ": ")
		switch {
		case !ok:
			return "", "", false, errLayout
		case strings.EqualFold(key, "Content-Disposition"):
			cd = value
		case !strings.EqualFold(key, "Content-Type"):
			return "", "", false, errLayout // a transfer encoding and the like
		}
	}
	rest, ok := strings.CutPrefix(cd, `form-data; name="`)
	if !ok {
		return "", "", false, errLayout
	}
	if name, rest, ok = quoted(rest); !ok {
		return "", "", false, errLayout
	}
	if rest == "" {
		return name, "", false, nil
	}
	if rest, ok = strings.CutPrefix(rest, `; filename="`); !ok {
		return "", "", false, errLayout
	}
	if file, rest, ok = quoted(rest); !ok || rest != "" {
		return "", "", false, errLayout
	}
	return name, file, true, nil
}

// quoted reads up to the closing quote, undoing multipart.Writer's escapes
// of backslash and quote.
func quoted(s string) (value, rest string, ok bool) {
	if i := strings.IndexAny(s, `"\`); i >= 0 && s[i] == '"' {
		return s[:i], s[i+1:], true // nothing escaped: the usual case
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			return b.String(), s[i+1:], true
		case '\\':
			if i+1 == len(s) {
				return "", "", false
			}
			i++
			b.WriteByte(s[i])
		default:
			b.WriteByte(c)
		}
	}
	return "", "", false
}
