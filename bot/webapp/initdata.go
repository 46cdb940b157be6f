// Package webapp serves wgbot's Telegram Mini App: the decisions x Parties
// matrix, a calendar of deadlines and the Secretariat's desk, as static
// pages embedded in the binary and a small JSON API. Every API call carries
// the Mini App's initData, validated here as Telegram specifies; what a user
// may see and change is decided by the handlers' rules, the same as in chat.
package webapp

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Errors of Validate. None of them holds the data or the token.
var (
	// ErrNoInitData: the request carried no initData (the page was not opened from Telegram).
	ErrNoInitData = errors.New("webapp: no initData")
	// ErrBadInitData: initData is malformed, or its hash does not match (tampered, or signed for another bot).
	ErrBadInitData = errors.New("webapp: initData does not validate")
	// ErrExpired: auth_date is older than the allowed age (or in the future).
	ErrExpired = errors.New("webapp: initData expired")
)

// clockSkew is how far in the future an auth_date may lie (clocks differ).
const clockSkew = time.Minute

// WebAppUser is the user initData names.
type WebAppUser struct {
	ID        int64  `json:"id"`
	FirstName string `json:"first_name"`
	// LanguageCode is the language of the user's Telegram, the first guess of theirs.
	LanguageCode string `json:"language_code,omitempty"`
	LastName     string `json:"last_name,omitempty"`
	Username     string `json:"username,omitempty"`
}

// InitData is validated initData.
type InitData struct {
	User       WebAppUser
	AuthDate   time.Time
	StartParam string
}

// secretKey is HMAC-SHA256 of the bot token keyed with "WebAppData".
func secretKey(token string) []byte {
	m := hmac.New(sha256.New, []byte("WebAppData"))
	m.Write([]byte(token))
	return m.Sum(nil)
}

// checkString is the data-check-string: every field but hash, sorted by
// key, as key=value lines joined by "\n", with values unescaped once.
func checkString(fields map[string]string) string {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		if k != "hash" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(k + "=" + fields[k])
	}
	return b.String()
}

// parse splits raw (a query string) into its fields, unescaping each key and
// value exactly once. A repeated key is malformed: Telegram never sends one.
func parse(raw string) (map[string]string, error) {
	fields := map[string]string{}
	for _, pair := range strings.Split(raw, "&") {
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		key, err1 := url.QueryUnescape(k)
		val, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			return nil, ErrBadInitData
		}
		if _, dup := fields[key]; dup {
			return nil, ErrBadInitData
		}
		fields[key] = val
	}
	return fields, nil
}

// Validate checks raw initData against the bot token: the hash (compared in
// constant time), then auth_date no older than maxAge at now. It returns
// ErrNoInitData, ErrBadInitData or ErrExpired.
func Validate(raw, token string, maxAge time.Duration, now time.Time) (InitData, error) {
	if raw == "" {
		return InitData{}, ErrNoInitData
	}
	fields, err := parse(raw)
	if err != nil {
		return InitData{}, err
	}
	got, err := hex.DecodeString(fields["hash"])
	if err != nil || len(got) != sha256.Size {
		return InitData{}, ErrBadInitData
	}
	m := hmac.New(sha256.New, secretKey(token))
	m.Write([]byte(checkString(fields)))
	if !hmac.Equal(m.Sum(nil), got) {
		return InitData{}, ErrBadInitData
	}
	sec, err := strconv.ParseInt(fields["auth_date"], 10, 64)
	if err != nil || sec <= 0 {
		return InitData{}, ErrBadInitData
	}
	auth := time.Unix(sec, 0)
	if now.Sub(auth) > maxAge || auth.Sub(now) > clockSkew {
		return InitData{}, ErrExpired
	}
	var d InitData
	if err := json.Unmarshal([]byte(fields["user"]), &d.User); err != nil || d.User.ID <= 0 {
		return InitData{}, ErrBadInitData
	}
	d.AuthDate, d.StartParam = auth, fields["start_param"]
	return d, nil
}

// Sign returns initData for fields signed with token, as Telegram would
// send it (hash added, values escaped once). It is for tests and tools: a
// page opened with it passes Validate with the same token.
func Sign(fields url.Values, token string) string {
	flat := map[string]string{}
	for k, v := range fields {
		if k != "hash" && len(v) > 0 {
			flat[k] = v[0]
		}
	}
	m := hmac.New(sha256.New, secretKey(token))
	m.Write([]byte(checkString(flat)))
	out := url.Values{}
	for k, v := range flat {
		out.Set(k, v)
	}
	out.Set("hash", hex.EncodeToString(m.Sum(nil)))
	// Telegram escapes spaces as %20; url.Values.Encode writes "+". Both
	// unescape to a space; %20 keeps our test data like Telegram's.
	return strings.ReplaceAll(out.Encode(), "+", "%20")
}

// SignUser is Sign for a user (as JSON) and an auth_date.
func SignUser(u WebAppUser, authDate time.Time, token string, extra url.Values) string {
	js, _ := json.Marshal(u)
	f := url.Values{"user": {string(js)}, "auth_date": {strconv.FormatInt(authDate.Unix(), 10)}, "query_id": {"AAHdF6IQAAAAAN0XohDhrOrc"}}
	for k, v := range extra {
		f[k] = v
	}
	return Sign(f, token)
}
