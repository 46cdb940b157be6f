package handlers

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// Alert delivery: how many alerts one round claims, how long a claim holds
// before another instance may take it over, and when a failed one is retried.
const (
	alertBatch = 1000
	alertLease = 5 * time.Minute
	alertRetry = time.Minute
)

// ScheduleTask (re)schedules the next alert of t in every subscribed chat, or
// removes it where the task needs no more alerts (done, no deadline, deleted).
func (b *Bot) ScheduleTask(ctx context.Context, t storage.Task) error {
	subs, err := b.Store.Subscriptions(ctx)
	if err != nil {
		return err
	}
	for _, s := range subs {
		loc, err := b.subscriptionZone(ctx, s)
		if err != nil {
			return err
		}
		if err := b.scheduleOne(ctx, &t, s, loc); err != nil {
			return err
		}
	}
	return nil
}

// ScheduleChat schedules the alerts of every open task for one subscription.
func (b *Bot) ScheduleChat(ctx context.Context, s storage.Subscription) error {
	tasks, err := b.Store.Tasks(ctx)
	if err != nil {
		return err
	}
	loc, err := b.subscriptionZone(ctx, s)
	if err != nil {
		return err
	}
	for i := range tasks {
		if err := b.scheduleOne(ctx, &tasks[i], s, loc); err != nil {
			return err
		}
	}
	return nil
}

// UnscheduleTask removes a task's alerts from every subscribed chat.
func (b *Bot) UnscheduleTask(ctx context.Context, taskID int64) error {
	subs, err := b.Store.Subscriptions(ctx)
	if err != nil {
		return err
	}
	for _, s := range subs {
		if err := b.Store.UnscheduleAlert(ctx, taskID, s.ChatID); err != nil {
			return err
		}
	}
	return nil
}

// needsAlerts reports whether t should alert s's chat at all.
func needsAlerts(t *storage.Task, s storage.Subscription) bool {
	if t.Deadline.IsZero() || !s.Covers(t) || t.Done() {
		return false
	}
	return s.Party == "" || t.StatusOf(s.Party).State == storage.StateOpen
}

// scheduleOne schedules t's next alert in s's chat, timed in loc (the chat's zone).
func (b *Bot) scheduleOne(ctx context.Context, t *storage.Task, s storage.Subscription, loc *time.Location) error {
	if !needsAlerts(t, s) {
		return b.Store.UnscheduleAlert(ctx, t.ID, s.ChatID)
	}
	// Only alerts still ahead are scheduled: a task created after its deadline
	// (or after some lead times) sends no stale reminders.
	f, ok, err := b.nextUnsent(ctx, t, s.ChatID, loc, b.Now())
	if err != nil {
		return err
	}
	if !ok {
		return b.Store.UnscheduleAlert(ctx, t.ID, s.ChatID)
	}
	return b.Store.ScheduleAlert(ctx, t.ID, s.ChatID, f.At)
}

// nextUnsent is t's next alert in chatID, timed in loc, after now and not
// sent yet.
func (b *Bot) nextUnsent(ctx context.Context, t *storage.Task, chatID int64, loc *time.Location, now time.Time) (fire, bool, error) {
	var lookupErr error
	sent := func(lead int) bool {
		ok, err := b.Store.AlertSent(ctx, t.ID, chatID, fireKey(lead, t.Deadline))
		if err != nil {
			lookupErr = err
		}
		return ok
	}
	f, ok := b.Alerts.nextFire(t.Deadline, loc, now, sent)
	return f, ok, lookupErr
}

// DeliverDueAlerts sends every alert due now and returns how many it sent.
// The runtime calls it from its alert loop; it holds no state between calls.
func (b *Bot) DeliverDueAlerts(ctx context.Context) (int, error) {
	now := b.Now()
	claimed, err := b.Store.ClaimDueAlerts(ctx, now, alertLease, alertBatch)
	if err != nil || len(claimed) == 0 {
		return 0, err
	}
	tasks, err := b.Store.Tasks(ctx)
	if err != nil {
		return 0, err
	}
	subs, err := b.Store.Subscriptions(ctx)
	if err != nil {
		return 0, err
	}
	langs := b.allLanguages(ctx) // each chat's alerts in its language (issue 13)
	byID := map[int64]*storage.Task{}
	for i := range tasks {
		byID[tasks[i].ID] = &tasks[i]
	}
	zones, err := b.allZones(ctx)
	if err != nil {
		return 0, err
	}
	subOf := map[int64]storage.Subscription{}
	for _, s := range subs {
		subOf[s.ChatID] = s
	}

	type pending struct {
		alert   storage.DueAlert
		lead    int
		skipped []int
		task    *storage.Task
		loc     *time.Location
	}
	var out []pending
	var msgs []Message
	perChat := map[int64]int{}
	allowed := map[int64]bool{}
	for _, a := range claimed {
		t, s := byID[a.TaskID], subOf[a.ChatID]
		// A round must end well within the lease, or another instance would
		// claim the same alerts again: what a chat cannot receive in time at
		// Telegram's pace goes back to the queue for the next round.
		if perChat[a.ChatID] >= roundCap(a.ChatID) {
			if err := b.Store.ReleaseAlert(ctx, a, now); err != nil && !errors.Is(err, storage.ErrLeaseLost) {
				return 0, err
			}
			continue
		}
		if s.ChatID > 0 {
			ok, seen := allowed[s.ChatID]
			if !seen {
				if ok, err = b.mayReceive(ctx, s); err != nil {
					return 0, err
				}
				allowed[s.ChatID] = ok
			}
			if !ok { // a private subscriber who is no longer a member
				if _, err := b.Store.Unsubscribe(ctx, s.ChatID); err != nil {
					return 0, err
				}
				s = storage.Subscription{}
			}
		}
		if t == nil || s.ChatID == 0 || !needsAlerts(t, s) {
			// Deleted task, ended subscription or a task done meanwhile.
			if err := b.Store.CompleteAlert(ctx, a, nil, time.Time{}); err != nil && !errors.Is(err, storage.ErrLeaseLost) {
				return 0, err
			}
			continue
		}
		loc := zones.of(s)
		f, skipped, ok := b.Alerts.dueFires(t.Deadline, loc, a.At.Add(-time.Second), now, nil)
		if !ok {
			// An alert given back after a failed send, or moved to a migrated
			// chat, is queued after its fire time: look back for the fires not
			// yet delivered before concluding that the deadline moved.
			var lookupErr error
			f, skipped, ok = b.Alerts.dueFires(t.Deadline, loc, time.Time{}, now, func(lead int) bool {
				sent, err := b.Store.AlertSent(ctx, t.ID, a.ChatID, fireKey(lead, t.Deadline))
				if err != nil {
					lookupErr = err
				}
				return sent
			})
			if lookupErr != nil {
				return 0, lookupErr
			}
		}
		if !ok { // the deadline moved: schedule afresh
			if err := b.completeAndReschedule(ctx, a, t, nil, loc); err != nil {
				return 0, err
			}
			continue
		}
		perChat[a.ChatID]++
		out = append(out, pending{alert: a, lead: f.Lead, skipped: skipped, task: t, loc: loc})
		l := langs.of(a.ChatID)
		msgs = append(msgs, Message{ChatID: a.ChatID, ThreadID: s.ThreadID, Text: alertText(l, t, storage.DateOf(now.In(loc))),
			Buttons: [][]Button{{b.openTaskButton(l, a.ChatID, t.ID)}}})
	}
	sent, failed := 0, 0
	var firstErr error
	// What was sent must be recorded even when a stop (SIGTERM) cancels ctx
	// mid-round: else the alert would go out again after its lease.
	keep := context.WithoutCancel(ctx)
	b.Sender.SendBulk(ctx, msgs, func(i int, sendErr error) {
		p := out[i]
		bctx, cancel := context.WithTimeout(keep, bookkeepingTimeout)
		defer cancel()
		if err := b.afterSend(bctx, p.alert, p.task, append(p.skipped, p.lead), p.loc, sendErr); err != nil && firstErr == nil {
			firstErr = fmt.Errorf("alert bookkeeping for task %d: %w", p.task.ID, err)
		}
		var migrated *ChatMigratedError
		switch {
		case sendErr == nil:
			sent++
			return
		case errors.Is(sendErr, ErrChatGone), errors.As(sendErr, &migrated):
			return // handled: the subscription ended or moved
		}
		failed++
		if firstErr == nil {
			firstErr = fmt.Errorf("alert for task %d: %w", p.task.ID, sendErr)
		}
	})
	if firstErr != nil {
		return sent, fmt.Errorf("%d of %d alerts not delivered or not recorded (retried later): %w", failed, len(msgs), firstErr)
	}
	return sent, nil
}

// bookkeepingTimeout bounds recording one alert's outcome after a stop.
const bookkeepingTimeout = 5 * time.Second

// fireKey identifies one alert of a task in a chat: its lead time and the
// deadline it was for, so that a deadline moved later gets its alerts afresh.
func fireKey(lead int, d storage.Deadline) string {
	return strconv.Itoa(lead) + "@" + d.Due.String()
}

// roundCap is how many alerts one round sends to a chat: three minutes' worth
// at Telegram's pace (20 a minute in a group, one a second in a private chat),
// well inside alertLease.
func roundCap(chatID int64) int {
	if chatID < 0 {
		return 60
	}
	return 180
}

// mayReceive reports whether a private subscription still belongs to someone
// allowed to see the tasks: an administrator or a member.
func (b *Bot) mayReceive(ctx context.Context, s storage.Subscription) (bool, error) {
	if b.IsAdmin(s.ChatID) {
		return true, nil
	}
	_, err := b.Store.Member(ctx, s.ChatID)
	if errors.Is(err, storage.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// afterSend records the outcome of one alert: delivered (mark its lead and the
// skipped ones, schedule the next), chat gone (end the subscription and tell
// the administrators), or a failure to retry later.
func (b *Bot) afterSend(ctx context.Context, a storage.DueAlert, t *storage.Task, leads []int, loc *time.Location, sendErr error) error {
	var migrated *ChatMigratedError
	switch {
	case sendErr == nil:
		return b.completeAndReschedule(ctx, a, t, leads, loc)
	case errors.As(sendErr, &migrated):
		return b.moveSubscription(ctx, a, migrated.NewChatID)
	case errors.Is(sendErr, ErrChatGone):
		if err := b.Store.CompleteAlert(ctx, a, nil, time.Time{}); err != nil && !errors.Is(err, storage.ErrLeaseLost) {
			return err
		}
		return b.endSubscription(ctx, a.ChatID)
	}
	return b.Store.ReleaseAlert(ctx, a, b.Now().Add(alertRetry))
}

func (b *Bot) completeAndReschedule(ctx context.Context, a storage.DueAlert, t *storage.Task, leads []int, loc *time.Location) error {
	done := map[int]bool{}
	for _, l := range leads {
		done[l] = true
	}
	var lookupErr error
	f, ok := b.Alerts.nextFire(t.Deadline, loc, b.Now(), func(lead int) bool {
		if done[lead] {
			return true
		}
		sent, err := b.Store.AlertSent(ctx, t.ID, a.ChatID, fireKey(lead, t.Deadline))
		if err != nil {
			lookupErr = err
		}
		return sent
	})
	if lookupErr != nil {
		return lookupErr
	}
	var next time.Time
	if ok {
		next = f.At
	}
	keys := make([]string, len(leads))
	for i, l := range leads {
		keys[i] = fireKey(l, t.Deadline)
	}
	if err := b.Store.CompleteAlert(ctx, a, keys, next); err != nil && !errors.Is(err, storage.ErrLeaseLost) {
		return err
	}
	return nil
}

// endSubscription drops a chat the bot can no longer write to and tells the administrators.
func (b *Bot) endSubscription(ctx context.Context, chatID int64) error {
	subs, err := b.Store.Subscriptions(ctx)
	if err != nil {
		return err
	}
	title := strconv.FormatInt(chatID, 10)
	for _, s := range subs {
		if s.ChatID == chatID && s.Title != "" {
			title = s.Title
		}
	}
	removed, err := b.Store.Unsubscribe(ctx, chatID)
	if err != nil || !removed {
		return err
	}
	return b.notifyAdmins(ctx, textNotice(func(l i18n.Lang) string { return l.T(txtSubscriptionGone, esc(title)) }))
}

// moveSubscription follows a group that became a supergroup: every task's
// alerts are scheduled in the new chat (those left under the old id are
// dropped when they fall due), and this alert goes again at once there. A
// later alert of the same round finds the subscription already moved.
func (b *Bot) moveSubscription(ctx context.Context, a storage.DueAlert, newID int64) error {
	if err := b.moveGroupFlag(ctx, a.ChatID, newID); err != nil {
		return err
	}
	subs, err := b.Store.Subscriptions(ctx)
	if err != nil {
		return err
	}
	moved := false
	for _, s := range subs {
		switch s.ChatID {
		case newID:
			moved = true
		case a.ChatID:
			s.ChatID = newID
			if err := b.Store.Subscribe(ctx, s); err != nil {
				return err
			}
			if _, err := b.Store.Unsubscribe(ctx, a.ChatID); err != nil {
				return err
			}
			if err := b.ScheduleChat(ctx, s); err != nil {
				return err
			}
			moved = true
		}
	}
	if !moved {
		return nil
	}
	if err := b.Store.CompleteAlert(ctx, a, nil, time.Time{}); err != nil && !errors.Is(err, storage.ErrLeaseLost) {
		return err
	}
	return b.Store.ScheduleAlert(ctx, a.TaskID, newID, b.Now())
}

// alertText says which task, which Parties, which deadline and how long is
// left. The heading counts the days left today, not the lead time the alert
// was scheduled for: an alert sent late (the bot was down, or its clock
// jumped) must not say "in 14 days" above "in 12 days".
func alertText(l i18n.Lang, t *storage.Task, today storage.Date) string {
	var head string
	switch days := today.DaysUntil(t.Deadline.Due); {
	case days < -1:
		head = l.T("AlertMissedDaysAgo")
	case days == -1:
		head = l.T(txtAlertMissed)
	case days == 0:
		head = l.T(txtAlertToday)
	case days == 1:
		head = l.T(txtAlertTomorrow)
	default:
		head = l.N(txtAlertInDays, days)
	}
	lines := []string{
		head,
		"<b>" + esc(t.Title) + "</b>",
		"📅 " + esc(deadlineText(l, t.Deadline)) + " (" + relative(l, t.Deadline.Due, today) + ")",
		partyList(l, t),
	}
	if p := progress(l, t); p != "" {
		lines = append(lines, p)
	} else if len(t.Parties) > 1 {
		lines = append(lines, l.T(txtWaitingFor, codes(t.Outstanding())))
	}
	return strings.Join(lines, "\n")
}

func codes(ps []storage.Party) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = string(p)
	}
	return strings.Join(out, ", ")
}
