package handlers

import (
	"errors"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

func errorsIs(err, target error) bool { return errors.Is(err, target) }

// ReplyForError is what a user is told when a handler failed with err: that
// storage is down when it is, otherwise a short apology. The detail is for the log.
func ReplyForError(l i18n.Lang, err error) string {
	if errors.Is(err, storage.ErrUnavailable) {
		return l.T(txtStorageDown)
	}
	return l.T(txtInternal)
}

// PanicReply is what a user is told when a handler panicked.
func PanicReply(l i18n.Lang) string { return l.T(txtPanicApology) }
