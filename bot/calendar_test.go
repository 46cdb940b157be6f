package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/handlers/i18n"
)

var linkRE = regexp.MustCompile(`https://wg\.example\.org/calendar/[A-Za-z0-9_-]{22}\.ics`)

// TestCalendarFileAndFeed: /calendar sends the member's deadlines as .ics
// and, once, a private link; the feed answers ETag/304, a wrong or reset
// token 404, and a change raises the event's SEQUENCE.
func TestCalendarFileAndFeed(t *testing.T) {
	t.Parallel()
	h := newHarness(t, func(c *Config) { c.PublicURL = "https://wg.example.org" })
	feed := httptest.NewServer(h.bot.opsMux("", nil)) // the mux the HTTP_ADDR server serves
	defer feed.Close()
	chat := telegramtest.Private(memberTR)

	before := len(h.tg.Messages(chat.ID))
	h.tg.SendText(chat, memberTR, "/calendar")
	msgs := h.tg.WaitMessages(t, chat.ID, before+2)[before:]
	file, linkMsg := msgs[0], msgs[1]
	if file.DocumentName != "wgbot-deadlines.ics" {
		t.Fatalf("got %q %q", file.DocumentName, file.PlainText())
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(file.Document))
	if err != nil {
		t.Fatal(err)
	}
	// Türkiye's open dated tasks in Tashkent: 1, 2, 4 and 6.
	var uids []string
	for _, e := range cal.Events() {
		uids = append(uids, e.Id())
	}
	if strings.Join(uids, " ") != "task-4@wgbot.ots-customs task-6@wgbot.ots-customs task-1@wgbot.ots-customs task-2@wgbot.ots-customs" {
		t.Errorf("events %q", uids)
	}
	link := linkRE.FindString(linkMsg.PlainText())
	if link == "" {
		t.Fatalf("no subscription link in %q", linkMsg.PlainText())
	}
	token := strings.TrimSuffix(link[strings.LastIndex(link, "/")+1:], ".ics")
	url := feed.URL + "/calendar/" + token + ".ics"

	// The store keeps only the token's hash.
	if u, err := h.store.CalendarTokenUser(context.Background(), handlers.HashCalendarToken(token)); err != nil || u != memberTR.ID {
		t.Errorf("hash lookup: %d %v", u, err)
	}
	snap, err := h.store.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if raw, _ := json.Marshal(snap); bytes.Contains(raw, []byte(token)) {
		t.Error("the token itself is in the store")
	}

	get := func(url, etag string) (int, string, []byte) {
		req, _ := http.NewRequest(http.MethodGet, url, nil)
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("ETag"), body
	}
	code, etag, body := get(url, "")
	if code != 200 || etag == "" || !bytes.Equal(body, file.Document) {
		t.Fatalf("feed: %d %q, same as the file: %v", code, etag, bytes.Equal(body, file.Document))
	}
	if code, _, _ := get(url, etag); code != http.StatusNotModified {
		t.Errorf("If-None-Match: %d, want 304", code)
	}
	if code, _, _ := get(feed.URL+"/calendar/AAAAAAAAAAAAAAAAAAAAAA.ics", ""); code != 404 {
		t.Errorf("wrong token: %d, want 404", code)
	}

	// A second /calendar does not show the link again.
	before = len(h.tg.Messages(chat.ID))
	h.tg.SendText(chat, memberTR, "/calendar")
	msgs = h.tg.WaitMessages(t, chat.ID, before+2)[before:]
	if linkRE.MatchString(msgs[1].PlainText()) || !strings.Contains(msgs[1].PlainText(), "/calendar reset") {
		t.Errorf("second /calendar: %q", msgs[1].PlainText())
	}

	// A change to a task shown raises its SEQUENCE and the ETag.
	// Waited until handled: the edit's notice to the TR member must not pass for /calendar reset's reply.
	h.waitHandled(t, h.tg.SendText(telegramtest.Private(admin), admin, "/edittask 2 date 2024-04-15"))
	code, etag2, body := get(url, etag)
	if code != 200 || etag2 == etag {
		t.Fatalf("after an edit: %d, ETag %q then %q", code, etag, etag2)
	}
	cal, _ = ics.ParseCalendar(bytes.NewReader(body))
	for _, e := range cal.Events() {
		seq := e.GetProperty(ics.ComponentPropertySequence).Value
		start := e.GetProperty(ics.ComponentPropertyDtStart).Value
		switch e.Id() {
		case "task-2@wgbot.ots-customs":
			if seq != "1" || start != "20240415" {
				t.Errorf("task 2 after the edit: SEQUENCE %s, start %s", seq, start)
			}
		default:
			if seq != "0" {
				t.Errorf("%s SEQUENCE %s, want 0 (unchanged)", e.Id(), seq)
			}
		}
	}

	// Reset: the old link ends, the new one works.
	got := h.ask(chat, memberTR, "/calendar reset").PlainText()
	newLink := linkRE.FindString(got)
	if newLink == "" || newLink == link {
		t.Fatalf("reset: %q", got)
	}
	if code, _, _ := get(url, ""); code != 404 {
		t.Errorf("the old link after reset: %d, want 404", code)
	}
	newToken := strings.TrimSuffix(newLink[strings.LastIndex(newLink, "/")+1:], ".ics")
	if code, _, _ := get(feed.URL+"/calendar/"+newToken+".ics", ""); code != 200 {
		t.Errorf("the new link: %d", code)
	}

	// In a group the calendar is refused with where to ask instead.
	h.ask(wgGroup, admin, "/enable")
	if got := h.ask(wgGroup, memberTR, "/calendar").PlainText(); !strings.Contains(got, "private chat") {
		t.Errorf("in a group: %q", got)
	}
}

// TestCalendarWithoutPublicURL: the file alone, and reset explains why there is no link.
func TestCalendarWithoutPublicURL(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(admin)
	before := len(h.tg.Messages(chat.ID))
	h.tg.SendText(chat, admin, "/calendar")
	m := h.tg.WaitMessages(t, chat.ID, before+1)[before]
	cal, err := ics.ParseCalendar(bytes.NewReader(m.Document))
	if err != nil || len(cal.Events()) != 8 {
		t.Fatalf("an administrator's calendar: %v, %d events, want all 8 dated tasks", err, len(cal.Events()))
	}
	if got := h.ask(chat, admin, "/calendar reset").PlainText(); !strings.Contains(got, "PUBLIC_URL") {
		t.Errorf("reset without a feed: %q", got)
	}
}

// TestCalendarSourceInTheReadersLanguage: a task added by an (English)
// administrator is "added by an administrator" in the event's description
// of a member who reads Russian, in their words, as /task shows it.
func TestCalendarSourceInTheReadersLanguage(t *testing.T) {
	needLanguage(t, i18n.Russian)
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	choose(t, h, chat, memberTR, i18n.Russian)
	added := h.ask(telegramtest.Private(admin), admin, "/addtask TR 2024-05-01 Send the list of posts").PlainText()
	id := regexp.MustCompile(`\d+`).FindString(added)
	h.waitHandled(t, h.tg.SendText(chat, memberTR, "/calendar"))
	file := documentTo(t, h, chat.ID) // the .ics
	cal, err := ics.ParseCalendar(bytes.NewReader(file.Document))
	if err != nil {
		t.Fatalf("%v (%q)", err, file.PlainText())
	}
	var desc string
	for _, e := range cal.Events() {
		if e.Id() == "task-"+id+"@wgbot.ots-customs" {
			desc = e.GetProperty(ics.ComponentPropertyDescription).Value
		}
	}
	if desc == "" {
		t.Fatalf("no event of task %s in the file", id)
	}
	mustContain(t, desc, i18n.Russian.T("AddedByAdmin"))
	if strings.Contains(desc, i18n.English.T("AddedByAdmin")) {
		t.Errorf("the source is in English in a Russian feed: %q", desc)
	}
}
