package bot

import (
	"context"
	"time"
)

// digestRound sends the weekly digests due now and returns how long the
// alert loop may sleep before the next one falls due. It runs inside the
// alert loop, so digests follow the same injected clock and timer; claiming
// each week in the store keeps them to one per member across instances.
func (b *Bot) digestRound(ctx context.Context, wait time.Duration) time.Duration {
	if n, err := b.h.DeliverDueDigests(ctx); err != nil {
		b.log.Warn("digest delivery failed; will retry", "err", redactErr(err, b.cfg.Token))
		b.metrics.storageError("digests", err)
	} else if n > 0 {
		b.log.Info("digests sent", "count", n)
	}
	if next, err := b.h.NextDigest(ctx); err == nil && !next.IsZero() {
		wait = min(wait, max(next.Sub(b.cfg.Now()), 10*time.Millisecond))
	}
	return wait
}
