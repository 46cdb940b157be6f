package storage

import (
	"cmp"
	"slices"
	"strings"
)

// The orders the Store contract promises, shared by every backend so that
// they list records the same way; ties fall back to ids, never to map order.

// sortMeetings orders meetings latest first; of two on one day, the higher Order first.
func sortMeetings(ms []Meeting) {
	slices.SortFunc(ms, func(a, b Meeting) int {
		if d := a.Date.DaysUntil(b.Date); d != 0 {
			return d
		}
		if c := cmp.Compare(b.Order, a.Order); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// sortMembers orders members by Party code, then name.
func sortMembers(ms []Member) {
	slices.SortFunc(ms, func(a, b Member) int {
		if c := strings.Compare(string(a.Party), string(b.Party)); c != 0 {
			return c
		}
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.UserID, b.UserID)
	})
}

// pendingOldestFirst keeps the pending requests, oldest first.
func pendingOldestFirst(all []AccessRequest) []AccessRequest {
	pending := slices.DeleteFunc(all, func(a AccessRequest) bool { return a.Status != RequestPending })
	slices.SortFunc(pending, func(a, b AccessRequest) int {
		if c := a.Requested.Compare(b.Requested); c != 0 {
			return c
		}
		return cmp.Compare(a.UserID, b.UserID)
	})
	return pending
}

// sortSubscriptions orders subscriptions by chat id.
func sortSubscriptions(subs []Subscription) {
	slices.SortFunc(subs, func(a, b Subscription) int { return cmp.Compare(a.ChatID, b.ChatID) })
}

// sortImports orders imports latest first.
func sortImports(all []Import) {
	slices.SortFunc(all, func(a, b Import) int {
		if c := b.At.Compare(a.At); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}
