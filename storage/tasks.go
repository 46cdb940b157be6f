package storage

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
)

// The tasks and their status histories.

var (
	bTasks = newBucket(bucket{name: "tasks", redis: "tasks"}) // task id -> Task
	// bHistory holds each task's status changes, latest first, at most maxHistory.
	bHistory = newBucket(bucket{name: "history", redis: "history"}) // task id -> []StatusChange
)

// maxHistory bounds a task's status history.
const maxHistory = 200

// Tasks returns every task, soonest deadline first. While the tasks version
// is unchanged it costs at most one small read and no decoding: the
// commands that list tasks are the most frequent ones.
func (s *store) Tasks(ctx context.Context) ([]Task, error) {
	hint := tasksVersion(ctx)
	if ts, ok := s.cache.get(hint); ok {
		return ts, nil // the session of this request saw this version
	}
	// Without a session's version, a small read first may spare the transfer;
	// with one that is not cached, the tasks changed: read them at once.
	if hint == "" {
		ver := getOf(bMeta, metaTasksVer)
		if err := s.kv.view(ctx, "tasks version", ver); err != nil {
			return nil, err
		}
		if ts, ok := s.cache.get(string(ver.val)); ok {
			return ts, nil
		}
	}
	ver, list := getOf(bMeta, metaTasksVer), scanOf(bTasks, "")
	if err := s.kv.view(ctx, "list tasks", ver, list); err != nil {
		return nil, err
	}
	ts, err := decodePairs[Task](list.pairs, bTasks)
	if err != nil {
		return nil, err
	}
	SortByDeadline(ts)
	s.cache.put(string(ver.val), ts)
	return ts, nil
}

// Task returns one task.
func (s *store) Task(ctx context.Context, taskID int64) (Task, error) {
	return one[Task](ctx, s.kv, bTasks, id(taskID))
}

// putTask writes a task and raises the tasks version in the same transaction,
// so that every instance's cache lets it go.
func putTask(tx kvTx, t Task) error {
	if err := putJSON(tx, bTasks, id(t.ID), t); err != nil {
		return err
	}
	_, err := tx.incr(bMeta, metaTasksVer)
	return err
}

// AddTask stores t under the next task id.
func (s *store) AddTask(ctx context.Context, t Task) (Task, error) {
	if err := t.Validate(); err != nil {
		return t, err
	}
	err := s.kv.update(ctx, "add task", func(tx kvTx) error {
		n, err := tx.incr(bMeta, metaTaskSeq)
		if err != nil {
			return err
		}
		t.ID = n
		return putTask(tx, t)
	})
	s.cache.invalidate()
	return t, err
}

// UpdateTask changes one task in one transaction, run again when another
// writer changed the task meanwhile.
func (s *store) UpdateTask(ctx context.Context, taskID int64, change func(*Task) error) (Task, error) {
	op := "update task " + id(taskID)
	var out Task
	err := s.kv.update(ctx, op, func(tx kvTx) error {
		t, found, err := getJSON[Task](tx, bTasks, id(taskID))
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("storage: %s: %w", op, ErrNotFound)
		}
		if err := change(&t); err != nil {
			return err
		}
		if err := t.Validate(); err != nil {
			return err
		}
		t.ID = taskID
		out = t
		return putTask(tx, t)
	})
	s.cache.invalidate()
	return out, err
}

// DeleteTask removes a task, its history and the records of its alerts sent.
func (s *store) DeleteTask(ctx context.Context, taskID int64) (bool, error) {
	var was bool
	err := s.kv.update(ctx, "delete task "+id(taskID), func(tx kvTx) error {
		_, found, err := tx.get(bTasks, id(taskID))
		if err != nil {
			return err
		}
		was = found
		if err := tx.del(bTasks, id(taskID)); err != nil {
			return err
		}
		if err := tx.del(bHistory, id(taskID)); err != nil {
			return err
		}
		_, err = tx.incr(bMeta, metaTasksVer)
		return err
	})
	s.cache.invalidate()
	if err != nil {
		return false, err
	}
	// The task's sent records go too (the task is gone; a retry finds none).
	if err := s.queues.forgetTaskAlerts(ctx, taskID); err != nil {
		return true, err
	}
	return was, nil
}

// RecordStatus prepends to a task's history, keeping the latest maxHistory.
func (s *store) RecordStatus(ctx context.Context, taskID int64, c StatusChange) error {
	return s.kv.update(ctx, "record status of task "+id(taskID), func(tx kvTx) error {
		h, _, err := getJSON[[]StatusChange](tx, bHistory, id(taskID))
		if err != nil {
			return err
		}
		h = append([]StatusChange{c}, h...)
		return putJSON(tx, bHistory, id(taskID), h[:min(len(h), maxHistory)])
	})
}

// History returns up to n status changes, latest first.
func (s *store) History(ctx context.Context, taskID int64, n int) ([]StatusChange, error) {
	r := getOf(bHistory, id(taskID))
	if err := s.kv.view(ctx, "history of task "+id(taskID), r); err != nil {
		return nil, err
	}
	h := []StatusChange{}
	if r.val != nil {
		var err error
		if h, err = decode[[]StatusChange](r.val, "history of task "+id(taskID)); err != nil {
			return nil, err
		}
	}
	return h[:min(max(n, 0), len(h))], nil
}

// taskCache keeps the decoded tasks of one tasks version. Every task write of
// this instance invalidates it, so a handler that changes a task and then
// lists the tasks sees its change even with its session's older version.
type taskCache struct {
	mu    sync.Mutex
	ver   string
	tasks []Task
}

// get returns a copy of the tasks when ver is the cached version ("" never is).
func (c *taskCache) get(ver string) ([]Task, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ver == "" || ver != c.ver {
		return nil, false
	}
	return cloneTasks(c.tasks), true
}

func (c *taskCache) put(ver string, tasks []Task) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ver, c.tasks = ver, cloneTasks(tasks)
}

func (c *taskCache) invalidate() { c.put("", nil) }

// cloneTasks copies tasks deeply enough that a caller changing a task's
// Parties or Status cannot change the cached ones (nor the cache its).
func cloneTasks(tasks []Task) []Task {
	out := slices.Clone(tasks)
	for i := range out {
		out[i].Parties = slices.Clone(out[i].Parties)
		out[i].Status = maps.Clone(out[i].Status)
	}
	return out
}
