package handlers

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"

	"github.com/ots-customs/wgbot/handlers/calendar"
	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// CalendarFile is the name of the .ics file /calendar sends.
const CalendarFile = "wgbot-deadlines.ics"

// CalendarPath is where the feed is served: CalendarPath + token + ".ics".
const CalendarPath = "/calendar/"

// calendarFor returns the calendar of a user: the open deadlines of their
// Party, or every open deadline for an administrator without one.
func (b *Bot) calendarFor(ctx context.Context, l i18n.Lang, party storage.Party) ([]byte, error) {
	tasks, err := b.Store.Tasks(ctx)
	if err != nil {
		return nil, err
	}
	var chosen []storage.Task
	fps := map[int64]string{}
	for _, t := range tasks {
		if t.Deadline.IsZero() || t.Done() {
			continue
		}
		if party != "" && (!t.Involves(party) || t.StatusOf(party).State != storage.StateOpen) {
			continue
		}
		chosen = append(chosen, t)
		fps[t.ID] = calendar.Fingerprint(t)
	}
	versions, err := b.Store.SyncCalendarEvents(ctx, fps, b.Now())
	if err != nil {
		return nil, err
	}
	events := make([]calendar.Event, len(chosen))
	for i, t := range chosen {
		events[i] = calendar.Event{Task: t, Version: versions[t.ID]}
	}
	name := l.T(txtCalendarAll)
	if party != "" {
		name = l.T(txtCalendarParty, l.PartyName(string(party)))
	}
	return calendar.ICS(l, name, events), nil
}

// calendarCmd handles /calendar [reset]: the .ics file of the user's
// deadlines and, where the bot serves HTTP, a private subscription link.
func (b *Bot) calendarCmd(ctx context.Context, r *Request) error {
	if !r.Chat.Private {
		return b.reply(ctx, r, r.Lang.T(txtCalendarPrivate))
	}
	arg := storage.Fold(strings.TrimSpace(r.Args))
	if arg != "" && arg != "reset" {
		return b.reply(ctx, r, r.Lang.T(txtCalendarArgs))
	}
	var party storage.Party
	switch {
	case r.Member != nil && r.Member.Party.Valid():
		party = r.Member.Party
	case r.Role != Admin:
		return b.reply(ctx, r, r.Lang.T(txtNeedParty), partyButtons(r.Lang, "iam:")...)
	}
	if arg == "reset" {
		return b.calendarLink(ctx, r, true)
	}
	data, err := b.calendarFor(ctx, r.Lang, party)
	if err != nil {
		return err
	}
	caption := r.Lang.T(txtCalendarCaptionAll)
	if party != "" {
		caption = r.Lang.T(txtCalendarCaption, partyLabel(r.Lang, party))
	}
	if err := b.Sender.SendDocument(ctx, r.Chat.ID, CalendarFile, data, caption); err != nil {
		return err
	}
	return b.calendarLink(ctx, r, false)
}

// calendarLink gives a subscription link the first time (or on reset) and
// otherwise says one exists: the token is stored only as a hash, so it can
// be shown only when it is made.
func (b *Bot) calendarLink(ctx context.Context, r *Request, reset bool) error {
	if b.PublicURL == "" {
		if reset {
			return b.reply(ctx, r, r.Lang.T(txtCalendarNoFeed))
		}
		return nil
	}
	if !reset {
		had, err := b.Store.HasCalendarToken(ctx, r.User.ID)
		if err != nil {
			return err
		}
		if had {
			return b.reply(ctx, r, r.Lang.T(txtCalendarHaveLink))
		}
	}
	token, err := NewCalendarToken()
	if err != nil {
		return err
	}
	if err := b.Store.SetCalendarToken(ctx, r.User.ID, HashCalendarToken(token)); err != nil {
		return err
	}
	link := strings.TrimSuffix(b.PublicURL, "/") + CalendarPath + token + ".ics"
	text := txtCalendarLink
	if reset {
		text = txtCalendarReset
	}
	return b.reply(ctx, r, r.Lang.T(text, esc(link)))
}

// forgetCalendarAndDigest ends a user's calendar link and weekly digest for
// /forgetme, and says what it deleted.
func (b *Bot) forgetCalendarAndDigest(ctx context.Context, l i18n.Lang, userID int64) ([]string, error) {
	var lines []string
	if had, err := b.Store.DeleteCalendarToken(ctx, userID); err != nil {
		return nil, err
	} else if had {
		lines = append(lines, l.T(txtForgotCalendar))
	}
	if had, err := b.Store.DeleteDigest(ctx, userID); err != nil {
		return nil, err
	} else if had {
		lines = append(lines, l.T(txtForgotDigest))
	}
	return lines, nil
}

// NewCalendarToken returns a random 128-bit token, URL-safe.
func NewCalendarToken() (string, error) {
	var raw [16]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(raw[:]), nil
}

// HashCalendarToken is what the store keeps of a token: its SHA-256, in hex.
func HashCalendarToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// CalendarFeed serves GET CalendarPath + token + ".ics": the calendar of the
// token's owner, as they are now (a member who left, or whose token was
// reset, gets 404 like a wrong token). It answers If-None-Match with 304.
func (b *Bot) CalendarFeed() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		name := strings.TrimPrefix(req.URL.Path, CalendarPath)
		token, ok := strings.CutSuffix(name, ".ics")
		if !ok || len(token) != 22 || strings.Contains(token, "/") {
			http.NotFound(w, req)
			return
		}
		ctx := req.Context()
		user, err := b.Store.CalendarTokenUser(ctx, HashCalendarToken(token))
		if errors.Is(err, storage.ErrNotFound) {
			http.NotFound(w, req)
			return
		}
		if err != nil {
			http.Error(w, "storage unavailable", http.StatusServiceUnavailable)
			return
		}
		var party storage.Party
		m, err := b.Store.Member(ctx, user)
		switch {
		case err == nil && m.Party.Valid():
			party = m.Party
		case b.IsAdmin(user):
		case err == nil || errors.Is(err, storage.ErrNotFound):
			http.NotFound(w, req) // no longer a member
			return
		default:
			http.Error(w, "storage unavailable", http.StatusServiceUnavailable)
			return
		}
		data, err := b.calendarFor(ctx, b.langOf(ctx, user), party)
		if err != nil {
			http.Error(w, "storage unavailable", http.StatusServiceUnavailable)
			return
		}
		sum := sha256.Sum256(data)
		etag := `"` + hex.EncodeToString(sum[:16]) + `"`
		w.Header().Set("ETag", etag)
		w.Header().Set("Cache-Control", "private, no-cache")
		if match := req.Header.Get("If-None-Match"); match != "" && (match == etag || match == "*" || strings.Contains(match, etag)) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		_, _ = w.Write(data)
	})
}
