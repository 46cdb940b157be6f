package storage

import "strconv"

// keys builds every Redis key of the bot from one prefix, so two bots can share
// one Redis and tests can run side by side under their own prefixes.
type keys struct{ prefix string }

func (k keys) members() string  { return k.prefix + "members" }  // hash: user id -> Member JSON
func (k keys) requests() string { return k.prefix + "requests" } // hash: user id -> AccessRequest JSON
func (k keys) groups() string   { return k.prefix + "groups" }   // set: enabled group chat ids
func (k keys) meetings() string { return k.prefix + "meetings" } // hash: meeting id -> Meeting JSON
func (k keys) tasks() string    { return k.prefix + "tasks" }    // hash: task id -> Task JSON
func (k keys) taskSeq() string  { return k.prefix + "task:seq" } // counter: last task id given
// tasksVer is raised by every write to the tasks hash, in the same atomic
// step, so an instance may keep decoded tasks while the version holds.
func (k keys) tasksVer() string { return k.prefix + "tasks:ver" }
func (k keys) seed() string     { return k.prefix + "seed" }   // string: version of the loaded seed
func (k keys) offset() string   { return k.prefix + "offset" } // string: last update id of a handled batch
func (k keys) handled(updateID int64) string { // string with TTL: update was handled
	return k.prefix + "upd:" + strconv.FormatInt(updateID, 10)
}

func (k keys) subs() string { return k.prefix + "subs" } // hash: chat id -> Subscription JSON
// alertsDue is the queue: member "task:chat", score the unix time it falls due.
func (k keys) alertsDue() string { return k.prefix + "alerts:due" }

// alertsLease holds claimed alerts: member "task:chat", score when the lease ends.
func (k keys) alertsLease() string { return k.prefix + "alerts:lease" }

// alertsToken maps a claimed member to the token of its claim.
func (k keys) alertsToken() string { return k.prefix + "alerts:token" }

// alertsSent is a set of "task:chat:lead" delivered or skipped.
func (k keys) alertsSent() string { return k.prefix + "alerts:sent" }
func (k keys) history(taskID int64) string { // list of StatusChange JSON, latest first
	return k.prefix + "task:" + id(taskID) + ":history"
}

// Minutes upload (issue 5).
func (k keys) upload(uploadID string) string { // string with TTL: Upload JSON awaiting import
	return k.prefix + "upload:" + uploadID
}
func (k keys) imports() string { return k.prefix + "imports" } // hash: import id -> Import JSON

// Contacts (issue 3).
func (k keys) contacts() string         { return k.prefix + "contacts" }           // hash: contact id -> Contact JSON
func (k keys) contactSeq() string       { return k.prefix + "contact:seq" }        // counter: last contact id given
func (k keys) contactEmails() string    { return k.prefix + "contact:emails" }     // hash: EmailKey -> id of the pending or approved contact
func (k keys) convIdle() string         { return k.prefix + "conv:idle" }          // zset: user id, score last activity (unix ms)
func (k keys) audit() string            { return k.prefix + "audit" }              // list of AuditEntry JSON, latest first, capped
func (k keys) conv(userID int64) string { return k.prefix + "conv:" + id(userID) } // string with TTL: Conversation JSON

// Calendars, boards and digests (issue 15): one hash per kind of record (records.go).
func (k keys) record(kind string) string { return k.prefix + "rec:" + kind }

// Webhook inbox (issue 6).
func (k keys) inbox() string      { return k.prefix + "inbox" }      // hash: update id -> raw update JSON
func (k keys) inboxQueue() string { return k.prefix + "inbox:q" }    // zset: update id, score when offered again (unix ms)
func (k keys) inboxBorn() string  { return k.prefix + "inbox:born" } // zset: update id, score when first put (unix ms)
func (k keys) claim(updateID int64) string { // string with TTL: token of the instance handling the update
	return k.prefix + "claim:" + id(updateID)
}

// notices is a list with TTL of NoticeCopy JSON (issue 10).
func (k keys) notices(key string) string { return k.prefix + "notice:" + key }

func id(n int64) string { return strconv.FormatInt(n, 10) }
