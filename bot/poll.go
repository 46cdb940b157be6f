package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/ots-customs/wgbot/storage"
)

// pollGate is the HTTP client of the bot. In polling mode it keeps every
// batch getUpdates returns in the store's inbox before the library sees it,
// as the webhook does with each update before it answers 200. The library
// asks for the next batch at once, and that request tells Telegram to forget
// this one: safe, because it is kept. When the inbox cannot keep a batch, the
// answer becomes an error: the library asks again after a pause with the
// same offset, so Telegram forgets nothing. Other methods pass straight through.
type pollGate struct {
	next    tgbot.HttpClient
	inbox   storage.Inbox // nil until Run starts polling
	now     func() time.Time
	log     *slog.Logger
	metrics *Metrics
	// kept is the highest update id kept in the inbox; Run records it as the
	// offset at a clean stop (a hint for the next start: after a crash
	// Telegram sends the unconfirmed batch again, and the inbox drops it).
	kept atomic.Int64
	// claimed holds the ids InboxPutBatch claimed for this poller, until
	// their handling starts (takeClaim).
	claimed sync.Map
	// unkept hears of a batch the inbox could not keep, to tell the people
	// waiting in private chats (unkept.go); nil: nobody is told.
	unkept func(ctx context.Context, updates []json.RawMessage)
}

func (g *pollGate) Do(req *http.Request) (*http.Response, error) {
	if !strings.HasSuffix(req.URL.Path, "/getUpdates") {
		return g.next.Do(req)
	}
	resp, err := g.next.Do(req)
	if err != nil {
		return resp, err
	}
	body, err := readAll(resp)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if err := g.keep(req.Context(), body); err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

// errNoInbox is a getUpdates before Run set the inbox up.
var errNoInbox = errors.New("polling before the inbox was set up")

// keep puts the updates of a getUpdates answer in the inbox.
func (g *pollGate) keep(ctx context.Context, body []byte) error {
	items, raws := batchUpdates(body)
	if len(raws) == 0 {
		return nil // an error answer or an empty batch: the library deals with it
	}
	if g.inbox == nil {
		return errNoInbox
	}
	var maxID int64
	for _, it := range items {
		maxID = max(maxID, it.UpdateID)
	}
	if err := g.put(ctx, items); err != nil {
		g.metrics.storageError("inbox", err)
		if g.unkept != nil {
			g.unkept(ctx, raws)
		}
		return errors.New("could not keep updates in the inbox; asking Telegram again: " + err.Error())
	}
	if maxID > g.kept.Load() {
		g.kept.Store(maxID)
	}
	return nil
}

// batchUpdates reads the updates of a getUpdates answer: each as it came
// (raws), and those with an update id as inbox items. The library decodes
// the whole answer after us; here one check that it is JSON and one pass
// that follows only strings and nesting take the place of decoding it twice
// more, a batch and then each update (a share of the bot's CPU at hundreds
// of updates a second). An answer laid out in a way the pass does not
// expect is read by encoding/json, as before.
func batchUpdates(body []byte) (items []storage.InboxItem, raws []json.RawMessage) {
	if !json.Valid(body) {
		return nil, nil
	}
	raws, ok := resultElements(body) // jsonpass.go
	if !ok {
		var batch struct {
			Result []json.RawMessage `json:"result"`
		}
		_ = json.Unmarshal(body, &batch) // valid JSON: at worst not an object
		raws = batch.Result
	}
	items = make([]storage.InboxItem, 0, len(raws))
	for _, raw := range raws {
		if id := updateID(raw); id > 0 {
			items = append(items, storage.InboxItem{UpdateID: id, Raw: raw})
		}
	}
	return items, raws
}

// updateID is the update_id of one update: read off its head, where Telegram
// writes it, or else decoded; 0 if it has none. Where the update holds the
// name more than once (in any case, as encoding/json matches it) it is
// decoded, so that the id kept is the one the library reads.
func updateID(raw []byte) int64 {
	if rest, ok := bytes.CutPrefix(raw, []byte(`{"update_id":`)); ok && countFold(raw, "update_id") == 1 {
		var id int64
		n := 0
		for ; n < len(rest) && n < 19 && '0' <= rest[n] && rest[n] <= '9'; n++ {
			id = id*10 + int64(rest[n]-'0')
		}
		if n > 0 && n < len(rest) && (rest[n] == ',' || rest[n] == '}') {
			return id
		}
	}
	var head struct {
		UpdateID int64 `json:"update_id"`
	}
	if json.Unmarshal(raw, &head) != nil {
		return 0
	}
	return head.UpdateID
}

// put keeps items in the inbox: the whole batch in one call, claimed for
// this poller in the same step, when the store can (storage.InboxBatch);
// one by one otherwise.
func (g *pollGate) put(ctx context.Context, items []storage.InboxItem) error {
	now := g.now()
	batch, ok := g.inbox.(storage.InboxBatch)
	if !ok {
		for _, it := range items {
			if _, err := g.inbox.InboxPut(ctx, it.UpdateID, it.Raw, now, now.Add(inboxVisibility)); err != nil {
				return err
			}
		}
		return nil
	}
	kept, err := batch.InboxPutBatch(ctx, items, now, now.Add(inboxVisibility), pollingInstance, claimTTL)
	if err != nil {
		return err
	}
	for i, k := range kept {
		if k {
			g.claimed.Store(items[i].UpdateID, struct{}{})
		}
	}
	return nil
}

// takeClaim reports whether the batch put already claimed updateID for this
// poller, and forgets it: the claim serves one handling only. Redeliveries
// and updates offered by the sweep are claimed as before.
func (g *pollGate) takeClaim(updateID int64) bool {
	_, ok := g.claimed.LoadAndDelete(updateID)
	return ok
}
