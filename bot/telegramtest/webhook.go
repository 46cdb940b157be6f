package telegramtest

import "encoding/json"

// RawUpdate returns the JSON of a pushed update that no getUpdates confirmed
// yet (nil if none), so that a test can deliver it to a bot in webhook mode
// by POSTing it, as Telegram would. While a webhook is set, getUpdates fails
// with 409 and updates stay pending, as with Telegram.
func (s *Server) RawUpdate(updateID int64) json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.updates {
		if u.id == updateID {
			return append(json.RawMessage(nil), u.raw...)
		}
	}
	return nil
}

// Webhook returns the URL set by setWebhook ("" when none).
func (s *Server) Webhook() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhook
}
