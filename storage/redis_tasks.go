package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// maxHistory bounds a task's status history.
const maxHistory = 200

// AddTask stores t under the next task id.
func (r *Redis) AddTask(ctx context.Context, t Task) (Task, error) {
	if err := t.Validate(); err != nil {
		return t, err
	}
	n, err := r.rdb.Incr(ctx, r.keys.taskSeq()).Result()
	if err != nil {
		return t, fail("new task id", err)
	}
	t.ID = n
	b, err := json.Marshal(t)
	if err != nil {
		return t, fmt.Errorf("storage: encode task: %w", err)
	}
	_, err = r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, r.keys.tasks(), id(t.ID), b)
		p.Incr(ctx, r.keys.tasksVer())
		return nil
	})
	r.cache.invalidate()
	if err != nil {
		return t, fail("add task", err)
	}
	return t, nil
}

// UpdateTask changes one task under WATCH, retrying when another writer got
// there first.
func (r *Redis) UpdateTask(ctx context.Context, taskID int64, change func(*Task) error) (Task, error) {
	op := "update task " + id(taskID)
	var out Task
	for attempt := 0; attempt < 10; attempt++ {
		err := r.rdb.Watch(ctx, func(tx *redis.Tx) error {
			raw, err := tx.HGet(ctx, r.keys.tasks(), id(taskID)).Bytes()
			if err != nil {
				return err
			}
			var t Task
			if err := json.Unmarshal(raw, &t); err != nil {
				return fmt.Errorf("storage: decode task %d: %w", taskID, err)
			}
			if err := change(&t); err != nil {
				return errChange{err}
			}
			if err := t.Validate(); err != nil {
				return errChange{err}
			}
			t.ID = taskID
			b, err := json.Marshal(t)
			if err != nil {
				return fmt.Errorf("storage: encode task: %w", err)
			}
			_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
				p.HSet(ctx, r.keys.tasks(), id(taskID), b)
				p.Incr(ctx, r.keys.tasksVer())
				return nil
			})
			out = t
			return err
		}, r.keys.tasks())
		r.cache.invalidate()
		var ce errChange
		switch {
		case err == nil:
			return out, nil
		case errors.Is(err, redis.TxFailedErr):
			continue
		case errors.As(err, &ce):
			return out, ce.err
		}
		return out, fail(op, err)
	}
	return out, fmt.Errorf("storage: %s: %w: too many concurrent changes", op, ErrUnavailable)
}

// errChange carries the caller's own error out of the WATCH function untouched.
type errChange struct{ err error }

func (e errChange) Error() string { return e.err.Error() }

// DeleteTask removes a task and its history.
func (r *Redis) DeleteTask(ctx context.Context, taskID int64) (bool, error) {
	var del *redis.IntCmd
	_, err := r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		del = p.HDel(ctx, r.keys.tasks(), id(taskID))
		p.Del(ctx, r.keys.history(taskID))
		p.Incr(ctx, r.keys.tasksVer())
		return nil
	})
	r.cache.invalidate()
	if err != nil {
		return false, fail("delete task "+id(taskID), err)
	}
	// The task's sent records go too (the task is gone; a retry finds none).
	if _, err := r.forgetSent(ctx, id(taskID)+":*"); err != nil {
		return true, err
	}
	return del.Val() == 1, nil
}

// RecordStatus appends to a task's history, keeping the latest maxHistory.
func (r *Redis) RecordStatus(ctx context.Context, taskID int64, c StatusChange) error {
	b, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("storage: encode status change: %w", err)
	}
	_, err = r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.LPush(ctx, r.keys.history(taskID), b)
		p.LTrim(ctx, r.keys.history(taskID), 0, maxHistory-1)
		return nil
	})
	if err != nil {
		return fail("record status of task "+id(taskID), err)
	}
	return nil
}

// History returns up to n status changes, latest first.
func (r *Redis) History(ctx context.Context, taskID int64, n int) ([]StatusChange, error) {
	raw, err := r.rdb.LRange(ctx, r.keys.history(taskID), 0, int64(n-1)).Result()
	if err != nil {
		return nil, fail("history of task "+id(taskID), err)
	}
	out := make([]StatusChange, 0, len(raw))
	for _, s := range raw {
		var c StatusChange
		if err := json.Unmarshal([]byte(s), &c); err != nil {
			return nil, fmt.Errorf("storage: decode status change: %w", err)
		}
		out = append(out, c)
	}
	return out, nil
}
