package storage_test

import (
	"context"
	"os"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/ots-customs/wgbot/storage/redistest"
)

// quiet drops go-redis's own log lines; the tests that take Redis down on
// purpose would otherwise print a dial failure for every command.
type quiet struct{}

func (quiet) Printf(context.Context, string, ...any) {}

func TestMain(m *testing.M) {
	redis.SetLogger(quiet{})
	code := m.Run()
	redistest.Stop()
	os.Exit(code)
}
