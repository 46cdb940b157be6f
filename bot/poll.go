package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"

	tgbot "github.com/go-telegram/bot"
)

// pollGate is the HTTP client of the bot. The library asks for the next batch
// of updates as soon as it has read one, and that request tells Telegram to
// forget the batch; so the gate holds each getUpdates until the dispatcher has
// handled every update of the previous batch, and records the offset first.
// Other methods pass straight through.
type pollGate struct {
	next     tgbot.HttpClient
	d        *dispatcher
	offsets  offsetStore
	log      *slog.Logger
	lastSave int64
	// acked is the offset of the last getUpdates let through: every update up
	// to it was handled. Only the library's polling goroutine touches it.
	acked int64
}

type offsetStore interface {
	SetOffset(ctx context.Context, id int64) error
}

func (g *pollGate) Do(req *http.Request) (*http.Response, error) {
	if !strings.HasSuffix(req.URL.Path, "/getUpdates") {
		return g.next.Do(req)
	}
	ctx := req.Context()
	maxID, all := g.d.waitIdle(ctx)
	if all {
		g.acked = max(g.acked, maxID)
	}
	if all && maxID > g.lastSave {
		if err := g.offsets.SetOffset(ctx, maxID); err != nil {
			// The handled marks still drop redelivered updates; carry on.
			g.log.Warn("could not record the polling offset", "err", err)
		} else {
			g.lastSave = maxID
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	resp, err := g.next.Do(req)
	if err != nil {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	var batch struct {
		Result []struct {
			UpdateID int64 `json:"update_id"`
		} `json:"result"`
	}
	if json.Unmarshal(body, &batch) == nil && len(batch.Result) > 0 {
		var maxID int64
		for _, u := range batch.Result {
			maxID = max(maxID, u.UpdateID)
		}
		g.d.expect(len(batch.Result), maxID)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}
