package handlers

import (
	"fmt"
	"github.com/ots-customs/wgbot/handlers/i18n"
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/handlers/minutes"
)

func TestReadErrorReplies(t *testing.T) {
	for err, want := range map[error]string{
		minutes.ErrUnsupported:                          "PDF (with a text layer), a Word file (.docx) or a plain-text file (.txt)",
		minutes.ErrEmpty:                                "is empty",
		minutes.ErrNoTextLayer:                          "looks like a scan",
		minutes.ErrEncrypted:                            "protected with a password",
		minutes.ErrCorrupt:                              "seems damaged",
		minutes.ErrTooLarge:                             "more text than I can read",
		fmt.Errorf("wrapped: %w", minutes.ErrEncrypted): "protected with a password",
	} {
		got := readError(i18n.English, err, "<b>x</b>.pdf")
		if !strings.Contains(got, want) || !strings.Contains(got, "&lt;b&gt;x&lt;/b&gt;.pdf") {
			t.Errorf("%v: %q", err, got)
		}
	}
}
