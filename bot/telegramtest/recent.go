package telegramtest

import "sync"

// recent is a small cache of results by their input, emptied when full.
type recent[V any] struct {
	mu sync.Mutex
	m  map[string]V
}

// maxRecent bounds a recent cache.
const maxRecent = 256

func (c *recent[V]) get(k string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *recent[V]) put(k string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxRecent {
		c.m = map[string]V{}
	}
	c.m[k] = v
}
