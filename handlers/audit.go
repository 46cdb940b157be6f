package handlers

import (
	"context"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/storage"
)

// Bounds of /audit [n].
const (
	auditDefault = 20
	auditMax     = 100
)

// audit handles /audit [n]: the latest changes to contacts and memberships.
func (b *Bot) audit(ctx context.Context, r *Request) error {
	n := auditDefault
	if a := strings.TrimSpace(r.Args); a != "" {
		v, err := strconv.Atoi(a)
		if err != nil || v < 1 {
			return b.reply(ctx, r, sprintf(txtAuditUsage, auditMax))
		}
		n = min(v, auditMax)
	}
	entries, err := b.Store.AuditLog(ctx, n)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return b.reply(ctx, r, txtAuditNone)
	}
	lines := []string{sprintf(txtAuditHeader, len(entries))}
	for _, e := range entries {
		line := e.At.In(b.Location).Format("2006-01-02 15:04") + " · " + esc(e.Action)
		if e.Contact != 0 {
			line += " · contact #" + strconv.FormatInt(e.Contact, 10)
		}
		if e.Member != 0 {
			line += " · member <code>" + strconv.FormatInt(e.Member, 10) + "</code>"
		}
		if e.Field != "" {
			line += " · " + esc(fieldLabel(e.Field))
		}
		line += " · by <code>" + strconv.FormatInt(e.By, 10) + "</code>"
		lines = append(lines, line)
	}
	return b.reply(ctx, r, strings.Join(lines, "\n"))
}

// record appends a membership change to the audit log. The change was made
// already, so a failure to record it is not reported to the user as a failed
// change: it is returned for the caller to decide.
//
// Callers go on when it fails (the change it records stands), so a failure
// is logged here, with ids only.
func (b *Bot) record(ctx context.Context, by int64, action string, member int64) error {
	err := b.Store.Audit(ctx, storage.AuditEntry{At: b.Now(), By: by, Action: action, Member: member})
	if err != nil {
		b.logger().Error("could not write an audit entry", "action", action, "by", by, "member", member, "err", err)
	}
	return err
}
