package handlers

import (
	"context"
	"slices"
	"sync"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// The pages of /deadlines and /mytasks are the bot's most frequent replies,
// and on a given day every member who asks in the same language, for the same
// Party, is shown the same page. They are drawn once per tasks version and
// day and kept until either changes: the tasks version is raised by every
// task write (of any instance), so a kept page is never older than the tasks.

// listKey names one page of one list, as some reader sees it.
type listKey struct {
	list  byte // 'd' /deadlines, 'a' /deadlines all, 'm' /mytasks
	lang  i18n.Lang
	party storage.Party // /mytasks only
	page  int
}

type listPage struct {
	text string
	rows [][]Button
}

// maxListPages bounds the pages kept: nine languages, seven Parties and a
// few pages each fit well below it; beyond it the pages are drawn again.
const maxListPages = 512

// listPages holds the pages of one tasks version and one day.
type listPages struct {
	mu      sync.Mutex
	version string
	day     storage.Date
	pages   map[listKey]listPage
}

func (c *listPages) get(version string, day storage.Date, k listKey) (listPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.version || day != c.day {
		return listPage{}, false
	}
	p, ok := c.pages[k]
	return p, ok
}

func (c *listPages) put(version string, day storage.Date, k listKey, p listPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.version || day != c.day || len(c.pages) >= maxListPages {
		c.version, c.day, c.pages = version, day, map[listKey]listPage{}
	}
	c.pages[k] = p
}

// listPage returns the page k, drawn by draw from the current tasks when it
// is not kept. The rows are clipped: a caller that appends buttons of its
// own (the Mini App's) gets a new slice instead of writing into the kept one.
func (b *Bot) listPage(ctx context.Context, k listKey, draw func(tasks []storage.Task) (string, [][]Button)) (string, [][]Button, error) {
	var p listPage
	err := b.Store.ReadTasks(ctx, func(version string, tasks []storage.Task) error {
		day := b.today()
		var ok bool
		if p, ok = b.lists.get(version, day, k); !ok {
			p.text, p.rows = draw(tasks)
			b.lists.put(version, day, k, p)
		}
		return nil
	})
	return p.text, slices.Clip(p.rows), err
}

// deadlinesList is a page of /deadlines (all: with the finished tasks).
func (b *Bot) deadlinesList(ctx context.Context, l i18n.Lang, all bool, page int) (string, [][]Button, error) {
	k := listKey{list: 'd', lang: l, page: page}
	if all {
		k.list = 'a'
	}
	return b.listPage(ctx, k, func(tasks []storage.Task) (string, [][]Button) {
		return b.deadlinesPage(l, tasks, all, page)
	})
}

// myTasksList is a page of /mytasks for Party p.
func (b *Bot) myTasksList(ctx context.Context, l i18n.Lang, p storage.Party, page int) (string, [][]Button, error) {
	return b.listPage(ctx, listKey{list: 'm', lang: l, party: p, page: page}, func(tasks []storage.Task) (string, [][]Button) {
		return b.myTasksPage(l, tasks, p, page)
	})
}
