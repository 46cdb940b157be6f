package handlers

import (
	"context"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // the zones of the capitals, also where the system has none (a bare container, a test)

	"github.com/ots-customs/wgbot/storage"
)

// Time zones (issue 13): each member's private alerts come at ALERT_TIME in
// their own zone: the one they chose with /timezone, else their Party's
// capital's; the Secretariat (an administrator without a Party) is in
// Istanbul. A group keeps the deployment's TIMEZONE unless an administrator
// there chose another.

// capitalZones are the IANA zones of the Parties' capitals: Baku, Astana
// (which IANA keeps as Asia/Almaty: all of Kazakhstan is UTC+5 since
// 1 March 2024), Bishkek, Ankara (Europe/Istanbul is all of Türkiye),
// Tashkent and Budapest; the OTS Secretariat is in Istanbul.
var capitalZones = map[storage.Party]string{
	storage.Azerbaijan:  "Asia/Baku",
	storage.Kazakhstan:  "Asia/Almaty",
	storage.Kyrgyzstan:  "Asia/Bishkek",
	storage.Turkiye:     "Europe/Istanbul",
	storage.Uzbekistan:  "Asia/Tashkent",
	storage.Hungary:     "Europe/Budapest",
	storage.Secretariat: "Europe/Istanbul",
}

// CapitalZone is the zone of p's capital ("Asia/Almaty" for KZ); the
// Secretariat's for "" or an unknown Party.
func CapitalZone(p storage.Party) string {
	if z, ok := capitalZones[p]; ok {
		return z
	}
	return capitalZones[storage.Secretariat]
}

var (
	zonesMu sync.Mutex
	zones   = map[string]*time.Location{}
)

// loadZone is the zone called name, or nil for "" or a name that is not an
// IANA zone. It refuses "Local" (the server's own zone, which says nothing
// to a member). Zones are read once.
func loadZone(name string) *time.Location {
	if name == "" || strings.EqualFold(name, "local") {
		return nil
	}
	zonesMu.Lock()
	defer zonesMu.Unlock()
	if loc, ok := zones[name]; ok {
		return loc
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = nil
	}
	zones[name] = checkedZone(name, loc)
	return zones[name]
}

// kazakhZones are the zones of Kazakhstan, all UTC+5 since 1 March 2024.
var kazakhZones = map[string]bool{"Asia/Almaty": true, "Asia/Qostanay": true, "Asia/Qyzylorda": true,
	"Asia/Aqtobe": true, "Asia/Aqtau": true, "Asia/Atyrau": true, "Asia/Oral": true}

// kazakhSwitch is a moment after Kazakhstan moved to UTC+5.
var kazakhSwitch = time.Date(2024, 3, 2, 12, 0, 0, 0, time.UTC)

// checkedZone guards against a system time zone database older than
// tzdata 2024a: time.LoadLocation prefers the system's files to the copy
// embedded with time/tzdata, and an old one keeps Astana at UTC+6, so every
// alert in Kazakhstan would come an hour early. Such a zone is replaced by
// UTC+5 under the same name, which is right for every date from the switch on.
func checkedZone(name string, loc *time.Location) *time.Location {
	if loc == nil || !kazakhZones[name] {
		return loc
	}
	if _, off := kazakhSwitch.In(loc).Zone(); off != 5*3600 {
		return time.FixedZone(name, 5*3600)
	}
	return loc
}

// personZone is the zone of a person's private chat: their choice, else
// their Party's capital's (the Secretariat's for no Party).
func (b *Bot) personZone(s storage.Settings, p storage.Party) *time.Location {
	if loc := loadZone(s.TimeZone); loc != nil {
		return loc
	}
	if loc := loadZone(CapitalZone(p)); loc != nil {
		return loc
	}
	return b.Location
}

// groupZone is the zone of a group: its administrators' choice, else TIMEZONE.
func (b *Bot) groupZone(s storage.Settings) *time.Location {
	if loc := loadZone(s.TimeZone); loc != nil {
		return loc
	}
	return b.Location
}

// subscriptionZone is the zone alerts of s are timed in.
func (b *Bot) subscriptionZone(ctx context.Context, s storage.Subscription) (*time.Location, error) {
	if s.ChatID < 0 {
		st, err := b.Store.ChatSettings(ctx, s.ChatID)
		if err != nil {
			return nil, err
		}
		return b.groupZone(st), nil
	}
	st, err := b.Store.UserSettings(ctx, s.ChatID)
	if err != nil {
		return nil, err
	}
	return b.personZone(st, s.Party), nil
}

// alertZones knows the zone of every subscribed chat at once, for a round of
// alerts: two reads instead of one per alert.
type alertZones struct {
	b            *Bot
	users, chats map[int64]storage.Settings
}

func (b *Bot) allZones(ctx context.Context) (alertZones, error) {
	z := alertZones{b: b}
	var err error
	if z.users, err = b.Store.AllUserSettings(ctx); err != nil {
		return z, err
	}
	z.chats, err = b.Store.AllChatSettings(ctx)
	return z, err
}

func (z alertZones) of(s storage.Subscription) *time.Location {
	if s.ChatID < 0 {
		return z.b.groupZone(z.chats[s.ChatID])
	}
	return z.b.personZone(z.users[s.ChatID], s.Party)
}

// ofDigest is the zone of a member's weekly digest.
func (z alertZones) ofDigest(d storage.Digest) *time.Location {
	return z.b.personZone(z.users[d.UserID], d.Party)
}
