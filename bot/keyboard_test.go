package bot

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/handlers"
)

// The keyboard written by hand is the one the library's model would send,
// button for button, whatever the labels hold; only the empty copy_text the
// model adds to each button is gone.
func TestInlineKeyboardJSON(t *testing.T) {
	t.Parallel()
	labels := []string{"#1 Submit the concept", `"quoted" \ back`, "line\nbreak\ttab\r\x01\x1f",
		"🇹🇷 Türkiye · Қазақстан", "bad \xff utf-8", "sep \u2028 \u2029", "<b>&amp;</b>", ""}
	var rows [][]handlers.Button
	for i, l := range labels {
		rows = append(rows, []handlers.Button{{Text: l, Data: "task:" + l}, {Text: "x", URL: "https://example.org/?q=" + l}})
		if i == 0 {
			rows[0] = append(rows[0], handlers.Button{Text: "App", WebApp: "https://example.org/app"})
		}
	}
	raw := []byte(inlineKeyboardJSON(rows)) // the library sends it as it is
	var got, want models.InlineKeyboardMarkup
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	for _, row := range rows {
		var r []models.InlineKeyboardButton
		for _, b := range row {
			btn := models.InlineKeyboardButton{Text: b.Text, CallbackData: b.Data, URL: b.URL}
			if b.WebApp != "" {
				btn.WebApp = &models.WebAppInfo{URL: b.WebApp}
			}
			r = append(r, btn)
		}
		want.InlineKeyboard = append(want.InlineKeyboard, r)
	}
	model, _ := json.Marshal(&want)
	if err := json.Unmarshal(model, &want); err != nil { // the model's own round trip: invalid UTF-8 becomes U+FFFD
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the keyboard reads back as\n%+v\nwant\n%+v", got, want)
	}
	var generic struct {
		InlineKeyboard [][]map[string]any `json:"inline_keyboard"`
	}
	if err := json.Unmarshal(raw, &generic); err != nil {
		t.Fatal(err)
	}
	if b := generic.InlineKeyboard[0][0]; len(b) != 2 || b["copy_text"] != nil {
		t.Errorf("a callback button carries %v, want text and callback_data only", b)
	}
}
