package bot

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A form streamed through a pipe, as the library sends every request,
// arrives whole and with its length; one too big to hold arrives intact,
// streamed.
func TestWholeBodies(t *testing.T) {
	t.Parallel()
	type got struct {
		length int64
		body   string
	}
	seen := make(chan got, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		seen <- got{r.ContentLength, string(b)}
	}))
	defer srv.Close()
	client := wholeBodies{srv.Client()}
	for _, size := range []int{3000, maxWholeBody, maxWholeBody + 1, 3 * maxWholeBody} {
		want := strings.Repeat("x", size)
		pr, pw := io.Pipe()
		go func() {
			for chunk := range slicesOf(want, 100) {
				pw.Write([]byte(chunk))
			}
			pw.Close()
		}()
		req, _ := http.NewRequest(http.MethodPost, srv.URL, pr)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%d bytes: %v", size, err)
		}
		resp.Body.Close()
		g := <-seen
		if g.body != want {
			t.Errorf("%d bytes: the server got %d bytes", size, len(g.body))
		}
		wantLength := int64(size)
		if size > maxWholeBody {
			wantLength = -1 // streamed, chunked
		}
		if g.length != wantLength {
			t.Errorf("%d bytes: Content-Length %d, want %d", size, g.length, wantLength)
		}
	}
	// A body with a length already passes as it is.
	req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader([]byte("ok")))
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if g := <-seen; g.body != "ok" || g.length != 2 {
		t.Errorf("got %+v", g)
	}
}

// slicesOf cuts s into pieces of n bytes, as a form writer writes it.
func slicesOf(s string, n int) func(func(string) bool) {
	return func(yield func(string) bool) {
		for len(s) > 0 {
			k := min(n, len(s))
			if !yield(s[:k]) {
				return
			}
			s = s[k:]
		}
	}
}
