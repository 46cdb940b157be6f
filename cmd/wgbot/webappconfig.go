package main

import (
	"regexp"
	"time"
)

// webAppConfig is the Mini App's settings (issue 16); the app itself is
// served at PUBLIC_URL/app/ whenever PUBLIC_URL is set.
type webAppConfig struct {
	ShortName string        // WEBAPP_SHORT_NAME: the app's short name at @BotFather, for t.me links in groups
	MaxAge    time.Duration // WEBAPP_MAX_AGE: how old the app's initData may be
}

var shortName = regexp.MustCompile(`^[A-Za-z0-9_]{3,30}$`)

// loadWebApp reads WEBAPP_SHORT_NAME and WEBAPP_MAX_AGE.
func (c *config) loadWebApp(get func(k, def string) string) error {
	w := webAppConfig{ShortName: get("WEBAPP_SHORT_NAME", "")}
	if w.ShortName != "" && !shortName.MatchString(w.ShortName) {
		return &configError{"WEBAPP_SHORT_NAME", "must be the app's short name at @BotFather: 3 to 30 letters, digits or _"}
	}
	age, err := time.ParseDuration(get("WEBAPP_MAX_AGE", "1h"))
	if err != nil || age < time.Minute || age > 24*time.Hour {
		return &configError{"WEBAPP_MAX_AGE", "must be a duration from 1m to 24h, such as 1h"}
	}
	w.MaxAge = age
	c.WebApp = w
	return nil
}
