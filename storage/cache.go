package storage

import (
	"maps"
	"slices"
	"sync"
)

// taskCache keeps the decoded tasks of one version of the tasks hash. Every
// write of this instance invalidates it, so a handler that changes a task and
// then lists the tasks sees its change even with its session's older version.
type taskCache struct {
	mu    sync.Mutex
	ver   string
	tasks []Task
}

// get returns a copy of the slice when ver is the cached version ("" never is).
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

func (c *taskCache) invalidate() { c.put("", nil) }
