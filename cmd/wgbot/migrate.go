package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/ots-customs/wgbot/storage"
)

// migrate copies every record between the embedded store (DATA_DIR/wgbot.db)
// and a Redis (under REDIS_PREFIX), then reads the copy back and checks it:
//
//	wgbot migrate --to-redis redis://host:6379/0    embedded store -> Redis
//	wgbot migrate --from-redis redis://host:6379/0  Redis -> embedded store
//
// The target must be empty. Stop the bot first: the embedded store's file is
// locked while the bot runs, and Redis is read key by key.
func migrate(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("wgbot migrate", flag.ContinueOnError)
	fs.SetOutput(stdout)
	to := fs.String("to-redis", "", "copy the embedded store to the Redis at this URL")
	from := fs.String("from-redis", "", "copy the Redis at this URL to the embedded store")
	if err := fs.Parse(args); err != nil {
		return &configError{"migrate", err.Error()}
	}
	if (*to == "") == (*from == "") || fs.NArg() > 0 {
		return &configError{"migrate", "give exactly one of --to-redis URL or --from-redis URL"}
	}
	get := func(k, def string) string {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return v
		}
		return def
	}
	path := filepath.Join(filepath.Clean(get("DATA_DIR", "./data")), "wgbot.db")
	url := *to + *from
	rdb, err := storage.OpenRedis(url, storage.RedisOptions{Prefix: get("REDIS_PREFIX", "wgbot:")})
	if err != nil {
		return &configError{"migrate", err.Error()}
	}
	defer rdb.Close()
	if err := rdb.Ping(ctx); err != nil {
		return fmt.Errorf("redis does not answer: %w", err)
	}
	if err := rdb.Upgrade(ctx); err != nil {
		return fmt.Errorf("upgrade the keys in Redis: %w", err)
	}
	db, err := storage.OpenBolt(path, storage.BoltOptions{})
	if err != nil {
		if errors.Is(err, storage.ErrLocked) {
			return fmt.Errorf("%w; stop the bot before migrating", err)
		}
		return err
	}
	defer db.Close()
	var src, dst storage.Migrator = db, rdb
	what := fmt.Sprintf("%s to Redis", path)
	if *from != "" {
		src, dst = rdb, db
		what = fmt.Sprintf("Redis to %s", path)
	}
	snap, err := storage.Copy(ctx, src, dst)
	if errors.Is(err, storage.ErrNotEmpty) {
		return fmt.Errorf("%w: the target already holds data; nothing was copied", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "copied %s and checked the copy: %s\n", what, snap.Counts())
	return nil
}
