package console

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

// madeUpAdmin is the administrator the console speaks as when ADMIN_IDS is unset.
const madeUpAdmin int64 = 1000001

// people are the persons and chats of a console session. A name always gives
// the same Telegram id, so a person approved in one session is still a
// member in the next one (the store keeps them).
type people struct {
	byName map[string]telegramtest.User
	groups map[string]telegramtest.Chat
}

func newPeople(admins []int64) *people {
	p := &people{byName: map[string]telegramtest.User{}, groups: map[string]telegramtest.Chat{}}
	for i, id := range admins {
		name := "Admin"
		if i > 0 {
			name = fmt.Sprintf("Admin%d", i+1)
		}
		p.byName[strings.ToLower(name)] = telegramtest.User{ID: id, FirstName: name, Username: strings.ToLower(name), LanguageCode: "en"}
	}
	return p
}

// person returns the person called name, created on first use with lang
// ("en" when empty); a lang given later changes theirs.
func (p *people) person(name, lang string) (u telegramtest.User, created bool) {
	key := strings.ToLower(name)
	u, ok := p.byName[key]
	if !ok {
		u = telegramtest.User{ID: 2_000_000_000 + int64(hash(key)%1_000_000_000), FirstName: name,
			Username: usernameOf(name), LanguageCode: "en"}
	}
	if lang != "" {
		u.LanguageCode = lang
	}
	p.byName[key] = u
	return u, !ok
}

// group returns the group chat called name; its id is negative, like Telegram's.
func (p *people) group(name string) telegramtest.Chat {
	key := strings.ToLower(name)
	if c, ok := p.groups[key]; ok {
		return c
	}
	c := telegramtest.Group(-int64(hash(key)%1_000_000_000)-1000, name)
	p.groups[key] = c
	return c
}

// nameOf names a chat id for the screen.
func (p *people) nameOf(chatID int64) string {
	for _, u := range p.byName {
		if u.ID == chatID {
			return u.FirstName + " (private)"
		}
	}
	for _, c := range p.groups {
		if c.ID == chatID {
			return "group " + c.Title
		}
	}
	return fmt.Sprintf("chat %d", chatID)
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

func usernameOf(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
