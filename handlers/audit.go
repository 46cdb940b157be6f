package handlers

import (
	"context"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
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
			return b.reply(ctx, r, r.Lang.T(txtAuditUsage, auditMax))
		}
		n = min(v, auditMax)
	}
	entries, err := b.Store.AuditLog(ctx, n)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return b.reply(ctx, r, r.Lang.T(txtAuditNone))
	}
	members, err := b.Store.Members(ctx)
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, m := range members {
		names[m.UserID] = m.Name
	}
	who := func(id int64) string {
		switch {
		case names[id] != "":
			return esc(names[id])
		case id == r.User.ID && r.User.Name != "":
			return esc(r.User.Name)
		case b.IsAdmin(id):
			return r.Lang.T(txtAnAdmin)
		}
		if req, err := b.Store.AccessRequest(ctx, id); err == nil && req.Name != "" {
			names[id] = req.Name // someone who asked for access
			return esc(req.Name)
		}
		return r.Lang.T(txtAuditFormer)
	}
	lines := []string{r.Lang.T(txtAuditHeader, len(entries))}
	for _, e := range entries {
		lines = append(lines, "• "+r.Lang.DateTime(e.At.In(b.Location))+" · "+auditSentence(r.Lang, e, who)+
			" <i>("+auditDetail(e)+")</i>")
	}
	return b.reply(ctx, r, strings.Join(lines, "\n"))
}

// auditSentence says what happened in words, naming people by name.
func auditSentence(l i18n.Lang, e storage.AuditEntry, who func(int64) string) string {
	by, member := who(e.By), who(e.Member)
	text, ok := auditWords[e.Action]
	switch {
	case !ok:
		return esc(e.Action)
	case e.Action == storage.AuditMemberParty && e.By == e.Member:
		return l.T(txtAuditOwnParty, by)
	case e.Action == storage.AuditEdited:
		return l.T(text, by, strings.ToLower(fieldLabel(l, e.Field)), e.Contact)
	case e.Action == storage.AuditTaskEdited:
		return l.T(text, by, e.Task)
	case e.Contact != 0 && e.Action == storage.AuditForgotten:
		return l.T(text, e.Contact)
	case e.Contact != 0:
		return l.T(text, by, e.Contact)
	case e.Action == storage.AuditMemberForgotten:
		return l.T(text, member)
	}
	return l.T(text, by, member)
}

// auditDetail is the record as stored, ids included, for whoever must trace it.
func auditDetail(e storage.AuditEntry) string {
	parts := []string{esc(e.Action)}
	if e.Contact != 0 {
		parts = append(parts, "contact "+strconv.FormatInt(e.Contact, 10))
	}
	if e.Member != 0 {
		parts = append(parts, "member "+strconv.FormatInt(e.Member, 10))
	}
	if e.Task != 0 {
		parts = append(parts, "task "+strconv.FormatInt(e.Task, 10))
	}
	if e.Field != "" {
		parts = append(parts, esc(string(e.Field)))
	}
	return strings.Join(append(parts, "by "+strconv.FormatInt(e.By, 10)), " · ")
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
