package storage

import (
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// Redis is the Store on a Redis server: the records in its key space
// (kv_redis.go), the queues in sorted sets and Lua scripts (queues_redis.go).
type Redis struct {
	*store
	rdb   *redis.Client
	trips *roundTrips
}

var (
	_ Store    = (*Redis)(nil)
	_ Inbox    = (*Redis)(nil)
	_ Migrator = (*Redis)(nil)
)

// RedisOptions tune the connection; zero values take the defaults.
type RedisOptions struct {
	Prefix  string        // every key starts with it; default "wgbot:"
	Timeout time.Duration // bound on dialing and on each command; default 2s
}

// OpenRedis connects to the Redis at url ("redis://host:port/db", "rediss://...").
// It does not fail when Redis is down: the first command does, and the client
// reconnects by itself when Redis is back. The error never contains the URL's password.
func OpenRedis(url string, opt RedisOptions) (*Redis, error) {
	o, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("storage: REDIS_URL is not a redis:// or rediss:// URL")
	}
	if opt.Prefix == "" {
		opt.Prefix = "wgbot:"
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 2 * time.Second
	}
	o.DialTimeout = opt.Timeout
	// One dial per attempt: go-redis otherwise dials five times, each bounded by
	// DialTimeout, 100 ms apart, so a down Redis took five Timeouts per attempt
	// to report instead of one.
	o.DialerRetries = 1
	o.ReadTimeout = opt.Timeout
	o.WriteTimeout = opt.Timeout
	o.PoolTimeout = opt.Timeout
	o.ContextTimeoutEnabled = true
	// One retry: a command that is not idempotent (a script) should not run
	// three times behind the user's back when a reply is lost.
	o.MaxRetries = 1
	rdb := redis.NewClient(o)
	r := &Redis{rdb: rdb, trips: &roundTrips{}}
	r.store = &store{
		kv:     &redisKV{rdb: rdb, prefix: opt.Prefix, group: &txGroup{rdb: rdb, timeout: 4 * opt.Timeout}},
		queues: &redisQueues{rdb: rdb, k: queueKeys{opt.Prefix}},
		now:    time.Now,
	}
	rdb.AddHook(r.trips)
	return r, nil
}

// Close closes the connections.
func (r *Redis) Close() error { return r.rdb.Close() }
