package storage

import (
	"context"
	"fmt"
)

// bAudit is the audit log: entry number (20 digits, so that keys sort as
// numbers) -> AuditEntry, numbered by the counter metaAuditSeq. Only the
// latest AuditMax are kept.
var bAudit = newBucket(bucket{name: "audit", redis: "audit:log"})

func auditKey(n int64) string { return fmt.Sprintf("%020d", n) }

// appendAudit adds entries to the log in tx and drops the entry that falls
// out of the latest AuditMax.
func appendAudit(tx kvTx, entries ...AuditEntry) error {
	for _, e := range entries {
		n, err := tx.incr(bMeta, metaAuditSeq)
		if err != nil {
			return err
		}
		if err := putJSON(tx, bAudit, auditKey(n), e); err != nil {
			return err
		}
		if n > AuditMax {
			if err := tx.del(bAudit, auditKey(n-AuditMax)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Audit appends an entry to the capped audit log.
func (s *store) Audit(ctx context.Context, e AuditEntry) error {
	return s.kv.update(ctx, "audit", func(tx kvTx) error { return appendAudit(tx, e) })
}

// AuditLog returns the latest n entries, latest first.
func (s *store) AuditLog(ctx context.Context, n int) ([]AuditEntry, error) {
	if n <= 0 {
		return nil, nil
	}
	es, err := all[AuditEntry](ctx, s.kv, bAudit)
	if err != nil {
		return nil, err
	}
	es = es[max(0, len(es)-n):]
	for i, j := 0, len(es)-1; i < j; i, j = i+1, j-1 {
		es[i], es[j] = es[j], es[i]
	}
	return es, nil
}
