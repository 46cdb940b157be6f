package bot

import (
	"context"
	"time"
)

// jobTimeout bounds a background job (an LLM summary): long enough for a
// model to answer, short enough for a shutdown to wait for it.
const jobTimeout = 2 * time.Minute

// runBackground runs job in its own goroutine, outside the update that asked
// for it, so a slow job does not hold the poller. Run waits for running jobs
// before it returns.
func (b *Bot) runBackground(job func(context.Context) error) {
	b.jobs.Add(1)
	go func() {
		defer b.jobs.Done()
		ctx, cancel := context.WithTimeout(context.Background(), jobTimeout)
		defer cancel()
		defer func() {
			if p := recover(); p != nil {
				b.log.Error("background job panicked", "panic", p)
			}
		}()
		if err := job(ctx); err != nil {
			b.log.Warn("background job failed", "err", redactErr(err, b.cfg.Token))
		}
	}()
}
