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

func id(n int64) string { return strconv.FormatInt(n, 10) }
