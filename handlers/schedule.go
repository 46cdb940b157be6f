package handlers

import (
	"slices"
	"time"

	"github.com/ots-customs/wgbot/storage"
)

// OverdueLead is the lead time of the one alert sent the day after a missed deadline.
const OverdueLead = -1

// AlertPolicy says when alerts fire: Leads days before each deadline (0 is
// the day itself) and once the day after a missed one, at Hour:Minute local time.
type AlertPolicy struct {
	Leads  []int // e.g. 14, 7, 1, 0
	Hour   int
	Minute int
}

// DefaultAlertPolicy is ALERT_LEAD_DAYS=14,7,1,0 and ALERT_TIME=09:00.
var DefaultAlertPolicy = AlertPolicy{Leads: []int{14, 7, 1, 0}, Hour: 9}

// fire is one alert of a task: lead days before the deadline, at an instant.
type fire struct {
	Lead int
	At   time.Time
}

// fires lists the alerts of a deadline in time order, the overdue one last.
// A month or a year falls due on its last day, which Deadline.Due already is.
func (p AlertPolicy) fires(d storage.Deadline, loc *time.Location) []fire {
	if d.IsZero() {
		return nil
	}
	leads := slices.Clone(p.Leads)
	slices.Sort(leads)
	slices.Reverse(leads) // 14, 7, 1, 0: earliest first
	out := make([]fire, 0, len(leads)+1)
	due := d.Due.In(loc)
	at := func(days int) time.Time {
		day := due.AddDate(0, 0, days)
		return time.Date(day.Year(), day.Month(), day.Day(), p.Hour, p.Minute, 0, 0, loc)
	}
	for _, l := range leads {
		out = append(out, fire{Lead: l, At: at(-l)})
	}
	return append(out, fire{Lead: OverdueLead, At: at(1)})
}

// fireOf is the alert of lead of a deadline, timed in loc.
func (p AlertPolicy) fireOf(d storage.Deadline, loc *time.Location, lead int) fire {
	for _, f := range p.fires(d, loc) {
		if f.Lead == lead {
			return f
		}
	}
	return fire{}
}

// nextFire is the first alert strictly after now that is not in done.
func (p AlertPolicy) nextFire(d storage.Deadline, loc *time.Location, now time.Time, done func(lead int) bool) (fire, bool) {
	for _, f := range p.fires(d, loc) {
		if f.At.After(now) && !done(f.Lead) {
			return f, true
		}
	}
	return fire{}, false
}

// dueFires splits the alerts that fell due in [from, now] and are not in done
// (nil: none is): the latest is to be sent, the earlier ones are skipped, so a
// bot that was stopped sends one catch-up alert per task, not a stream.
func (p AlertPolicy) dueFires(d storage.Deadline, loc *time.Location, from, now time.Time, done func(lead int) bool) (send fire, skipped []int, ok bool) {
	for _, f := range p.fires(d, loc) {
		if f.At.Before(from) || f.At.After(now) || (done != nil && done(f.Lead)) {
			continue
		}
		if ok {
			skipped = append(skipped, send.Lead)
		}
		send, ok = f, true
	}
	return send, skipped, ok
}
