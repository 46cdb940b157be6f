package storage

// The layout of the key space. Layout 1 is the release before the key-value
// layer, where each backend kept some kinds its own way; layout 2 is one key
// space for both (kv.go). A store is upgraded in place, once, in one
// transaction: bbolt when it opens, Redis by Upgrade (wgbot calls it at
// start): upgrade_bolt.go, upgrade_redis.go. testdata/layout-v1 holds a store
// of each backend written by layout 1.
const layout = "2"
