package handlers

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// The digest's schedule and content.
const (
	digestHorizon = 30             // days ahead a digest looks
	digestStale   = 24 * time.Hour // a slot missed by more is skipped, not sent late
	digestLease   = 10 * time.Minute
	// digestSendBound bounds a digest's send and bookkeeping, which go on
	// through a stop (a 429 is waited out for at most a minute).
	digestSendBound = 90 * time.Second
	digestDefault   = 9 // hour a digest gets when only the day was chosen
	digestMaxList   = 15
)

// digestTimes are the times offered as buttons (hours).
var digestTimes = []int{8, 9, 12, 17}

// digestCmd handles /digest, /digest off and /digest monday 09:00.
func (b *Bot) digestCmd(ctx context.Context, r *Request) error {
	if !r.Chat.Private {
		return b.reply(ctx, r, r.Lang.T(txtDigestPrivate))
	}
	if r.Role != Admin && (r.Member == nil || !r.Member.Party.Valid()) {
		return b.reply(ctx, r, r.Lang.T(txtNeedParty), partyButtons(r.Lang, "iam:")...)
	}
	arg := storage.Fold(strings.TrimSpace(r.Args))
	userID := r.User.ID
	switch arg {
	case "":
		d, err := b.Store.Digest(ctx, userID)
		if err != nil && !errors.Is(err, storage.ErrNotFound) {
			return err
		}
		text, rows, err := b.digestView(ctx, r, d, err == nil)
		if err != nil {
			return err
		}
		return b.reply(ctx, r, text, rows...)
	case "off", "stop", "none":
		return b.reply(ctx, r, b.digestOff(ctx, r.Lang, userID))
	}
	day, hour, minute, problem := parseDigestTime(r.Lang, strings.Fields(arg))
	if problem != "" {
		return b.reply(ctx, r, problem+"\n"+r.Lang.T(txtDigestExample))
	}
	text, err := b.setDigest(ctx, r.Lang, userID, r.Member, day, hour, minute)
	if err != nil {
		return err
	}
	return b.reply(ctx, r, text)
}

// digestButton handles dg:d:<weekday>, dg:t:<hour> and dg:off.
func (b *Bot) digestButton(ctx context.Context, r *Request) (Answer, error) {
	if !r.Chat.Private {
		return alert(r.Lang.T(txtDigestPrivate)), nil
	}
	if r.Role != Admin && (r.Member == nil || !r.Member.Party.Valid()) {
		return alert(r.Lang.T(txtNeedPartyShort)), nil
	}
	userID := r.User.ID
	parts := strings.Split(strings.TrimPrefix(r.Callback.Data, "dg:"), ":")
	d, err := b.Store.Digest(ctx, userID)
	had := err == nil
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return Answer{}, err
	}
	if !had {
		d = storage.Digest{Weekday: time.Monday, Hour: digestDefault}
	}
	var text string
	switch {
	case len(parts) == 1 && parts[0] == "off":
		text = b.digestOff(ctx, r.Lang, userID)
	case len(parts) == 2 && parts[0] == "d":
		n, err := strconv.Atoi(parts[1])
		if err != nil || n < 0 || n > 6 {
			return stale(r.Lang), nil
		}
		text, err = b.setDigest(ctx, r.Lang, userID, r.Member, time.Weekday(n), d.Hour, d.Minute)
		if err != nil {
			return Answer{}, err
		}
	case len(parts) == 2 && parts[0] == "t":
		n, err := strconv.Atoi(parts[1])
		if err != nil || n < 0 || n > 23 {
			return stale(r.Lang), nil
		}
		text, err = b.setDigest(ctx, r.Lang, userID, r.Member, d.Weekday, n, 0)
		if err != nil {
			return Answer{}, err
		}
	default:
		return stale(r.Lang), nil
	}
	now, err := b.Store.Digest(ctx, userID)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return Answer{}, err
	}
	view, rows, err := b.digestView(ctx, r, now, err == nil)
	if err != nil {
		return Answer{}, err
	}
	return Answer{Text: r.Lang.T(txtDigestSaved), Edit: &Message{Text: text + "\n\n" + view, Buttons: rows}}, nil
}

func (b *Bot) digestOff(ctx context.Context, l i18n.Lang, userID int64) string {
	had, err := b.Store.DeleteDigest(ctx, userID)
	if err != nil {
		return l.T(txtDigestNotSaved)
	}
	if !had {
		return l.T(txtDigestWasOff)
	}
	return l.T(txtDigestOff)
}

// setDigest saves a day and time and says in words what will happen.
func (b *Bot) setDigest(ctx context.Context, l i18n.Lang, userID int64, m *storage.Member, day time.Weekday, hour, minute int) (string, error) {
	d := storage.Digest{UserID: userID, Weekday: day, Hour: hour, Minute: minute, Since: b.Now()}
	if m != nil && m.Party.Valid() {
		d.Party = m.Party
	}
	if err := b.Store.PutDigest(ctx, d); err != nil {
		return "", err
	}
	loc, err := b.digestZone(ctx, d)
	if err != nil {
		return "", err
	}
	return b.digestSentence(l, d, loc) + "\n" + l.T(txtDigestFirst, l.WeekdayDateTime(b.nextDigest(d, b.Now(), loc).In(loc))), nil
}

// digestZone is the zone of d's day and time: its member's (see personZone),
// so that a member's digest moves with their /timezone.
func (b *Bot) digestZone(ctx context.Context, d storage.Digest) (*time.Location, error) {
	st, err := b.Store.UserSettings(ctx, d.UserID)
	if err != nil {
		return nil, err
	}
	return b.personZone(st, d.Party), nil
}

// digestSentence is "Every Monday at 09:00 (Europe/Istanbul) you will get ...".
func (b *Bot) digestSentence(l i18n.Lang, d storage.Digest, loc *time.Location) string {
	what := l.T(txtDigestAll)
	if d.Party != "" {
		what = l.T(txtDigestParty, partyLabel(l, d.Party))
	}
	return l.T(txtDigestEvery, l.Weekday(d.Weekday), fmt.Sprintf("%02d:%02d", d.Hour, d.Minute), esc(loc.String()), what)
}

// digestView shows the current setting and the buttons that change it.
func (b *Bot) digestView(ctx context.Context, r *Request, d storage.Digest, on bool) (string, [][]Button, error) {
	l := r.Lang
	d.UserID = r.User.ID
	if !on && r.Member != nil { // the zone a digest set now would have
		d.Party = r.Member.Party
	}
	loc, err := b.digestZone(ctx, d)
	if err != nil {
		return "", nil, err
	}
	text := l.T(txtDigestNone)
	if on {
		text = b.digestSentence(l, d, loc)
	}
	text += "\n" + l.T(txtDigestPick) + "\n" + l.T(txtDigestZoneOwn, esc(loc.String()))
	var days1, days2, times []Button
	for i := range 7 {
		wd := time.Weekday((i + 1) % 7) // Monday first
		label := l.Weekday(wd)
		if on && wd == d.Weekday {
			label = "✅ " + label
		}
		btn := Button{Text: label, Data: "dg:d:" + strconv.Itoa(int(wd))}
		if i < 4 {
			days1 = append(days1, btn)
		} else {
			days2 = append(days2, btn)
		}
	}
	for _, h := range digestTimes {
		label := fmt.Sprintf("%02d:00", h)
		if on && d.Hour == h && d.Minute == 0 {
			label = "✅ " + label
		}
		times = append(times, Button{Text: label, Data: "dg:t:" + strconv.Itoa(h)})
	}
	rows := [][]Button{days1, days2, times}
	if on {
		rows = append(rows, []Button{{Text: l.T(txtBtnDigestOff), Data: "dg:off"}})
	}
	return text, rows, nil
}

// parseDigestTime reads "monday 09:00" (either order; "mon", "9", "9:30",
// "0930" too) or says what is wrong.
func parseDigestTime(l i18n.Lang, words []string) (time.Weekday, int, int, string) {
	day, hour, minute := time.Weekday(-1), -1, 0
	for i := 0; i < len(words); i++ {
		w := words[i]
		// Some languages name a day in two words, the first of which may be
		// a day itself: Azerbaijani "bazar ertəsi" is Monday, "bazar" Sunday.
		if i+1 < len(words) && day < 0 {
			if wd, ok := weekdayOf(w + " " + words[i+1]); ok {
				day, i = wd, i+1
				continue
			}
		}
		if wd, ok := weekdayOf(w); ok && day < 0 {
			day = wd
			continue
		}
		if h, m, ok := clockOf(w); ok && hour < 0 {
			hour, minute = h, m
			continue
		}
		return 0, 0, 0, l.T(txtDigestBadWord, echo(w))
	}
	switch {
	case day < 0:
		return 0, 0, 0, l.T(txtDigestNeedDay)
	case hour < 0:
		return 0, 0, 0, l.T(txtDigestNeedTime)
	}
	return day, hour, minute, ""
}

// weekdayOf reads a day of the week in English ("mon", "Mondays") or by its
// name in any language of the bot ("понедельник", "Pazartesi").
func weekdayOf(w string) (time.Weekday, bool) {
	w = strings.TrimSuffix(storage.Fold(w), ",")
	if len([]rune(w)) < 3 {
		return 0, false
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := storage.Fold(d.String())
		if strings.HasPrefix(name, w) || w == name+"s" {
			return d, true
		}
	}
	for _, l := range i18n.Supported {
		for d := time.Sunday; d <= time.Saturday; d++ {
			if w == storage.Fold(l.Weekday(d)) {
				return d, true
			}
		}
	}
	return 0, false
}

func clockOf(w string) (int, int, bool) {
	w = strings.ReplaceAll(strings.ReplaceAll(w, ".", ":"), "h", ":")
	w = strings.TrimSuffix(w, ":")
	hs, ms, found := strings.Cut(w, ":")
	if !found && len(w) == 4 {
		hs, ms = w[:2], w[2:]
	}
	if ms == "" {
		ms = "0"
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || len(hs) > 2 || len(ms) > 2 || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, 0, false
	}
	return h, m, true
}

// lastDigest is d's latest slot at or before now; nextDigest the first after now.
func (b *Bot) lastDigest(d storage.Digest, now time.Time, loc *time.Location) time.Time {
	local := now.In(loc)
	for i := 0; i < 8; i++ {
		day := local.AddDate(0, 0, -i)
		slot := time.Date(day.Year(), day.Month(), day.Day(), d.Hour, d.Minute, 0, 0, loc)
		if slot.Weekday() == d.Weekday && !slot.After(now) {
			return slot
		}
	}
	return time.Time{}
}

func (b *Bot) nextDigest(d storage.Digest, now time.Time, loc *time.Location) time.Time {
	last := b.lastDigest(d, now, loc)
	return time.Date(last.Year(), last.Month(), last.Day()+7, d.Hour, d.Minute, 0, 0, loc)
}

// NextDigest is when the next digest of anyone falls due (zero: none set).
func (b *Bot) NextDigest(ctx context.Context) (time.Time, error) {
	ds, err := b.Store.Digests(ctx)
	if err != nil {
		return time.Time{}, err
	}
	zones, err := b.allZones(ctx)
	if err != nil {
		return time.Time{}, err
	}
	var next time.Time
	now := b.Now()
	for _, d := range ds {
		if n := b.nextDigest(d, now, zones.ofDigest(d)); next.IsZero() || n.Before(next) {
			next = n
		}
	}
	return next, nil
}

// DeliverDueDigests sends each digest whose slot has come, once a week per
// member across instances and restarts: the week is claimed in the store
// with a token first. A slot missed by more than a day is skipped.
func (b *Bot) DeliverDueDigests(ctx context.Context) (int, error) {
	ds, err := b.Store.Digests(ctx)
	if err != nil || len(ds) == 0 {
		return 0, err
	}
	zones, err := b.allZones(ctx)
	if err != nil {
		return 0, err
	}
	now := b.Now()
	var tasks []storage.Task
	token := newDigestToken()
	sent := 0
	var firstErr error
	for _, d := range ds {
		slot := b.lastDigest(d, now, zones.ofDigest(d))
		if slot.IsZero() || now.Sub(slot) > digestStale || slot.Before(d.Since) {
			continue
		}
		// The ISO week, not the date: a member who moves the day after this
		// week's digest went out does not get a second one this week.
		y, w := slot.ISOWeek()
		week := fmt.Sprintf("%04d-W%02d", y, w)
		ok, err := b.Store.ClaimDigest(ctx, d.UserID, week, token, now, digestLease)
		if err != nil {
			return sent, err
		}
		if !ok {
			continue
		}
		party, allowed, err := b.digestAudience(ctx, d.UserID)
		if err != nil {
			_ = b.Store.ReleaseDigest(ctx, d.UserID, week, token)
			return sent, err
		}
		if !allowed { // removed: no digest, and none again
			if _, err := b.Store.DeleteDigest(ctx, d.UserID); err != nil {
				return sent, err
			}
			continue
		}
		if tasks == nil {
			if tasks, err = b.Store.Tasks(ctx); err != nil {
				_ = b.Store.ReleaseDigest(ctx, d.UserID, week, token)
				return sent, err
			}
		}
		text, rows := b.digestText(b.langOf(ctx, d.UserID), tasks, party, storage.DateOf(slot))
		// A stop must not cut a send in half: a send cancelled after Telegram
		// took the message would release the week, and the digest would go out
		// again at the next start. The send and its bookkeeping finish on a
		// context of their own, bounded in time.
		keep, cancel := context.WithTimeout(context.WithoutCancel(ctx), digestSendBound)
		sendErr := b.Sender.Send(keep, Message{ChatID: d.UserID, Text: text, Buttons: rows})
		switch {
		case sendErr == nil:
			sent++
			if err := b.Store.CompleteDigest(keep, d.UserID, week, token); err != nil && firstErr == nil {
				firstErr = err
			}
		case errors.Is(sendErr, ErrChatGone):
			_, _ = b.Store.DeleteDigest(keep, d.UserID)
		default:
			_ = b.Store.ReleaseDigest(keep, d.UserID, week, token)
			if firstErr == nil {
				firstErr = fmt.Errorf("digest for a member: %w", sendErr)
			}
		}
		cancel()
	}
	return sent, firstErr
}

// digestAudience says whose tasks a user's digest shows now (their Party,
// or "" for every task) and whether they may still get one.
func (b *Bot) digestAudience(ctx context.Context, userID int64) (storage.Party, bool, error) {
	m, err := b.Store.Member(ctx, userID)
	switch {
	case err == nil && m.Party.Valid():
		return m.Party, true, nil
	case err != nil && !errors.Is(err, storage.ErrNotFound):
		return "", false, err
	}
	return "", b.IsAdmin(userID), nil
}

// digestText is the digest of party ("": every Party) as of today.
func (b *Bot) digestText(l i18n.Lang, tasks []storage.Task, party storage.Party, today storage.Date) (string, [][]Button) {
	var open []*storage.Task
	for i := range tasks {
		t := &tasks[i]
		if t.Done() || (party != "" && (!t.Involves(party) || t.StatusOf(party).State != storage.StateOpen)) {
			continue
		}
		open = append(open, t)
	}
	slices.SortStableFunc(open, func(x, y *storage.Task) int {
		switch {
		case x.Deadline.IsZero() && y.Deadline.IsZero():
			return 0
		case x.Deadline.IsZero():
			return 1
		case y.Deadline.IsZero():
			return -1
		}
		return today.DaysUntil(x.Deadline.Due) - today.DaysUntil(y.Deadline.Due)
	})
	var overdue, soon, later []*storage.Task
	for _, t := range open {
		switch days := today.DaysUntil(t.Deadline.Due); {
		case t.Deadline.IsZero() || days > digestHorizon:
			later = append(later, t)
		case days < 0:
			overdue = append(overdue, t)
		default:
			soon = append(soon, t)
		}
	}
	who := l.T(txtDigestEveryParty)
	if party != "" {
		who = partyLabel(l, party)
	}
	lines := []string{l.T(txtDigestHeader, longDate(l, today), who)}
	var rows [][]Button
	shown := 0
	block := func(title string, ts []*storage.Task) {
		if len(ts) == 0 {
			return
		}
		lines = append(lines, "", title)
		for _, t := range ts {
			if shown == digestMaxList {
				more := txtDigestMore
				if party == "" {
					more = txtDigestMoreAll
				}
				lines = append(lines, l.T(more, len(open)-shown))
				shown++
				return
			}
			if shown > digestMaxList {
				return
			}
			shown++
			line := "• " + taskRef(t) + " " + esc(t.Title)
			if !t.Deadline.IsZero() {
				line += "\n  📅 " + esc(deadlineText(l, t.Deadline)) + " (" + relative(l, t.Deadline.Due, today) + ")"
			}
			if party == "" || len(t.Parties) > 1 {
				line += "\n  " + partyList(l, t)
			}
			lines = append(lines, line)
			rows = append(rows, []Button{{Text: l.T(txtBtnDigestOpen, taskRef(t), shorten(t.Title, 40)), Data: "task:" + strconv.FormatInt(t.ID, 10)}})
		}
	}
	block(l.T(txtDigestOverdue), overdue)
	if len(soon) == 0 {
		lines = append(lines, "", l.N(txtDigestNothingSoon, digestHorizon))
	} else {
		block(l.N(txtDigestSoon, digestHorizon), soon)
	}
	block(l.T(txtDigestLater), later)
	if len(open) == 0 {
		lines = append(lines, "", l.T(txtDigestNoOpen))
	}
	lines = append(lines, "", l.T(txtDigestFooter))
	return strings.Join(lines, "\n"), rows
}

func newDigestToken() string {
	var raw [12]byte
	_, _ = rand.Read(raw[:])
	return hex.EncodeToString(raw[:])
}
