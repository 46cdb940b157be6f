package handlers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// timezoneCmd handles /timezone (the zone alerts come in, with buttons for
// the capitals) and /timezone NAME (an IANA zone, a capital, a Party, or
// "default"). In a private chat it sets the member's own zone; in a group an
// administrator sets the group's.
func (b *Bot) timezoneCmd(ctx context.Context, r *Request) error {
	arg := strings.TrimSpace(r.Args)
	if arg == "" {
		text, rows, err := b.zoneView(ctx, r, "")
		if err != nil {
			return err
		}
		return b.reply(ctx, r, text, rows...)
	}
	name, ok := zoneNamed(arg)
	if !ok {
		_, rows, err := b.zoneView(ctx, r, "")
		if err != nil {
			return err
		}
		return b.reply(ctx, r, r.Lang.T(txtTimezoneUnknown, echo(arg)), rows...)
	}
	if err := b.setZone(ctx, r, name); err != nil {
		return err
	}
	text, rows, err := b.zoneView(ctx, r, txtTimezoneSet)
	if err != nil {
		return err
	}
	return b.reply(ctx, r, text, rows...)
}

// zoneDefault is the button data (after "tz:") and the word for "back to the default".
const zoneDefault = "-"

// timezoneButton handles tz:<IANA name> and tz:- (the default): it sets the
// zone and redraws the picker with the new one.
func (b *Bot) timezoneButton(ctx context.Context, r *Request) (Answer, error) {
	name := strings.TrimPrefix(r.Callback.Data, "tz:")
	if name != zoneDefault && loadZone(name) == nil {
		return stale(r.Lang), nil
	}
	if name == zoneDefault {
		name = ""
	}
	if err := b.setZone(ctx, r, name); err != nil {
		return Answer{}, err
	}
	text, rows, err := b.zoneView(ctx, r, txtTimezoneSet)
	if err != nil {
		return Answer{}, err
	}
	return Answer{Edit: &Message{Text: text, Buttons: rows}}, nil
}

// setZone stores the zone of r's chat ("" for the default) and times the
// chat's alerts in it.
func (b *Bot) setZone(ctx context.Context, r *Request, name string) error {
	subs, err := b.Store.Subscriptions(ctx)
	if err != nil {
		return err
	}
	var mine []storage.Subscription
	before := map[int64]*time.Location{}
	for _, s := range subs {
		if s.ChatID == r.Chat.ID {
			mine = append(mine, s)
			if before[s.ChatID], err = b.subscriptionZone(ctx, s); err != nil {
				return err
			}
		}
	}
	set := func(st *storage.Settings) { st.TimeZone = name }
	if r.Chat.Private {
		_, err = b.Store.UpdateUserSettings(ctx, r.User.ID, set)
	} else {
		_, err = b.Store.UpdateChatSettings(ctx, r.Chat.ID, set)
	}
	if err != nil {
		return err
	}
	for _, s := range mine {
		if err := b.rescheduleZone(ctx, s, before[s.ChatID]); err != nil {
			return err
		}
	}
	return nil
}

// rescheduleZone times s's alerts in its chat's new zone. An alert that was
// still ahead in the old zone but whose time has passed in the new one (a
// member moving east on the morning of an alert) goes out at once rather
// than never; one already sent is not sent again (its record names the
// deadline and the lead, not the hour).
func (b *Bot) rescheduleZone(ctx context.Context, s storage.Subscription, old *time.Location) error {
	loc, err := b.subscriptionZone(ctx, s)
	if err != nil {
		return err
	}
	tasks, err := b.Store.Tasks(ctx)
	if err != nil {
		return err
	}
	now := b.Now()
	for i := range tasks {
		t := &tasks[i]
		if !needsAlerts(t, s) {
			continue
		}
		pending, ok, err := b.nextUnsent(ctx, t, s.ChatID, old, now)
		if err != nil {
			return err
		}
		if ok && b.Alerts.fireOf(t.Deadline, loc, pending.Lead).At.Before(now) {
			if err := b.Store.ScheduleAlert(ctx, t.ID, s.ChatID, now); err != nil {
				return err
			}
			continue
		}
		if err := b.scheduleOne(ctx, t, s, loc); err != nil {
			return err
		}
	}
	return nil
}

// zoneView says which zone r's chat is in, where that comes from and what
// time it is there, with buttons for the Parties' capitals (and the
// default, once another was chosen). head, when set, is the id of the
// first line ("TimezoneSet" after a change).
func (b *Bot) zoneView(ctx context.Context, r *Request, head i18n.ID) (string, [][]Button, error) {
	var chosen string
	var loc, def *time.Location
	var source string
	if r.Chat.Private {
		st, err := b.Store.UserSettings(ctx, r.User.ID)
		if err != nil {
			return "", nil, err
		}
		p := storage.Party("")
		if r.Member != nil {
			p = r.Member.Party
		}
		chosen, loc, def = st.TimeZone, b.personZone(st, p), b.personZone(storage.Settings{}, p)
		if p.Valid() && p != storage.Secretariat {
			source = r.Lang.T(txtTimezoneOfParty, partyLabel(r.Lang, p))
		} else {
			source = r.Lang.T(txtTimezoneOfSecretariat)
		}
	} else {
		st, err := b.Store.ChatSettings(ctx, r.Chat.ID)
		if err != nil {
			return "", nil, err
		}
		chosen, loc, def = st.TimeZone, b.groupZone(st), b.groupZone(storage.Settings{})
		source = r.Lang.T(txtTimezoneOfBot)
	}
	at := fmt.Sprintf("%02d:%02d", b.Alerts.Hour, b.Alerts.Minute)
	now := b.Now().In(loc).Format("15:04")
	lines := []string{}
	if head != "" {
		lines = append(lines, r.Lang.T(head))
	}
	if r.Chat.Private {
		lines = append(lines, r.Lang.T(txtTimezoneNow, at, esc(loc.String()), zoneOffset(loc, b.Now()), now))
	} else {
		lines = append(lines, r.Lang.T(txtTimezoneGroupNow, at, esc(loc.String()), zoneOffset(loc, b.Now()), now))
	}
	if chosen == "" || loadZone(chosen) == nil {
		lines = append(lines, source)
	} else {
		lines = append(lines, r.Lang.T(txtTimezoneChosen, esc(def.String())))
	}
	lines = append(lines, r.Lang.T(txtTimezoneHow))
	return strings.Join(lines, "\n"), b.zoneButtons(r, chosen != ""), nil
}

// zoneButtons are the capitals of the member states and Hungary (the
// Secretariat's Istanbul is Türkiye's zone), and the default.
func (b *Bot) zoneButtons(r *Request, chosen bool) [][]Button {
	var rows [][]Button
	var row []Button
	for _, p := range storage.StateParties {
		zone := CapitalZone(p)
		row = append(row, Button{Text: partyLabel(r.Lang, p) + " · " + zoneOffset(loadZone(zone), b.Now()), Data: "tz:" + zone})
		if len(row) == 2 {
			rows, row = append(rows, row), nil
		}
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	if chosen {
		rows = append(rows, []Button{{Text: r.Lang.T(txtBtnTimezoneDefault), Data: "tz:" + zoneDefault}})
	}
	return rows
}

// zoneOffset is loc's offset from UTC at t: "UTC+5", "UTC+5:30", "UTC".
func zoneOffset(loc *time.Location, t time.Time) string {
	if loc == nil {
		return "UTC"
	}
	_, off := t.In(loc).Zone()
	if off == 0 {
		return "UTC"
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	h, m := off/3600, off%3600/60
	if m != 0 {
		return fmt.Sprintf("UTC%s%d:%02d", sign, h, m)
	}
	return fmt.Sprintf("UTC%s%d", sign, h)
}

// zoneCities are the capitals (and Istanbul, Almaty) as people type them,
// folded: English, the bot's languages where they differ.
var zoneCities = func() map[string]string {
	m := map[string]string{}
	for zone, names := range map[string][]string{
		"Asia/Baku":       {"Baku", "Bakı", "Bakü", "Баку", "Баку́", "Boku", "Боку"},
		"Asia/Almaty":     {"Astana", "Nur-Sultan", "Almaty", "Астана", "Нур-Султан", "Алматы", "Алма-Ата", "Asia/Astana"},
		"Asia/Bishkek":    {"Bishkek", "Bişkek", "Бишкек", "Бішкек", "Biskek"},
		"Europe/Istanbul": {"Ankara", "Istanbul", "İstanbul", "Анкара", "Стамбул", "Ыстамбул"},
		"Asia/Tashkent":   {"Tashkent", "Taşkent", "Toshkent", "Ташкент", "Тошкент", "Daşkənd", "Taskent"},
		"Europe/Budapest": {"Budapest", "Budapeşte", "Будапешт"},
	} {
		for _, n := range names {
			m[storage.FoldLoose(n)] = zone
		}
	}
	return m
}()

// zoneNamed reads what a user typed for a zone: an IANA name in any case
// ("europe/budapest"), a capital ("Astana"), a Party ("KZ", "Türkiye": its
// capital's zone) or "default" ("" back to the default). ok is false for
// anything else, such as "UTC+5" or a misspelt name.
func zoneNamed(s string) (string, bool) {
	key := storage.FoldLoose(s)
	switch key {
	case "default", "reset", "auto", zoneDefault:
		return "", true
	}
	if zone, ok := zoneCities[key]; ok {
		return zone, true
	}
	if p, ok := storage.ParseParty(s); ok {
		return CapitalZone(p), true
	}
	for _, name := range []string{s, ianaCase(s)} {
		if strings.Contains(name, "/") || name == "UTC" {
			if loc := loadZone(name); loc != nil {
				return loc.String(), true
			}
		}
	}
	return "", false
}

// ianaCase writes a zone name as the database spells it: "america/new_york"
// is "America/New_York".
func ianaCase(s string) string {
	b := []rune(strings.ToLower(strings.TrimSpace(s)))
	up := true
	for i, r := range b {
		if up && r >= 'a' && r <= 'z' {
			b[i] = r - 'a' + 'A'
		}
		up = r == '/' || r == '_' || r == '-'
	}
	return string(b)
}
