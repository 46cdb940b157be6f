package bot

import (
	"errors"
	"strings"
)

// redact removes the bot token from s; the library puts it in request URLs,
// which end up in network errors.
func redact(s, token string) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, token, "<token>")
}

func redactErr(err error, token string) error {
	if err == nil {
		return nil
	}
	return errors.New(redact(err.Error(), token))
}
