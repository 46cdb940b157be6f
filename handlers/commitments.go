package handlers

import (
	"context"
	"time"

	"github.com/ots-customs/wgbot/handlers/minutes"
)

// CommitmentFinder is a Summarizer that can also propose the dated
// commitments of minutes (a language model's second pass). Its proposals
// are never shown as they come: minutes.Confirm keeps only those whose
// quote, date and party the document bears out.
type CommitmentFinder interface {
	Commitments(ctx context.Context, title, text string) ([]minutes.Proposal, SummaryUsage, error)
}

// maxCommitmentsWait bounds the second pass: the list is answered after it,
// so a slow model must not keep the uploader waiting long.
const maxCommitmentsWait = 25 * time.Second

// withModelItems adds to the rules' items the model's proposals that the
// document confirms, when the Summarizer can propose them. Any failure of
// the model leaves the rules' items as they are: the list is never worse
// for having a model.
func (b *Bot) withModelItems(ctx context.Context, title, text string, opts minutes.Options, items []minutes.Item) []minutes.Item {
	f, ok := b.Summarizer.(CommitmentFinder)
	if !ok {
		return items
	}
	wait := maxCommitmentsWait
	if dl, ok := ctx.Deadline(); ok {
		wait = min(wait, time.Until(dl)-summaryMargin)
	}
	if wait <= 0 {
		return items
	}
	cctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	props, _, err := f.Commitments(cctx, title, text)
	if err != nil || len(props) == 0 {
		return items
	}
	return minutes.MergeItems(items, minutes.Confirm(text, opts, props))
}
