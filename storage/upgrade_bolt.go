package storage

import (
	"encoding/binary"
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"
)

// upgradeBolt brings a bbolt file of layout 1 to layout 2: the audit log's
// keys become decimal entry numbers (they were bbolt sequence numbers,
// 8 bytes), and a handled mark holds its expiry time in an envelope (it
// held when the update was handled).
func upgradeBolt(db *bolt.DB, now func() time.Time) error {
	return db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists([]byte(bMeta.name))
		if err != nil {
			return err
		}
		if string(meta.Get([]byte(metaLayout))) == layout {
			return nil
		}
		if audit := tx.Bucket([]byte(bAudit.name)); audit != nil {
			var keys, vals [][]byte
			_ = audit.ForEach(func(k, v []byte) error {
				keys, vals = append(keys, append([]byte(nil), k...)), append(vals, append([]byte(nil), v...))
				return nil
			})
			var n int64
			for i, k := range keys {
				if len(k) != 8 {
					continue // already a number
				}
				n = max(n, int64(binary.BigEndian.Uint64(k)))
				if err := audit.Delete(k); err != nil {
					return err
				}
				if err := audit.Put([]byte(auditKey(int64(binary.BigEndian.Uint64(k)))), vals[i]); err != nil {
					return err
				}
			}
			if n > 0 {
				if err := meta.Put([]byte(metaAuditSeq), []byte(id(n))); err != nil {
					return err
				}
			}
		}
		if handled := tx.Bucket([]byte(bHandled.name)); handled != nil {
			type mark struct{ k, v []byte }
			var marks []mark
			_ = handled.ForEach(func(k, v []byte) error {
				if !json.Valid(v) || v[0] != '{' { // layout 1: unix ms of when handled
					marks = append(marks, mark{append([]byte(nil), k...), append([]byte(nil), v...)})
				}
				return nil
			})
			for _, m := range marks {
				exp := time.UnixMilli(parseID(string(m.v))).Add(handledTTL)
				if !exp.After(now()) {
					if err := handled.Delete(m.k); err != nil {
						return err
					}
					continue
				}
				raw, _ := json.Marshal(boltEnvelope{Exp: exp.UnixMilli(), V: json.RawMessage("1")})
				if err := handled.Put(m.k, raw); err != nil {
					return err
				}
			}
		}
		return meta.Put([]byte(metaLayout), []byte(layout))
	})
}
