package handlers

import (
	"errors"

	"github.com/ots-customs/wgbot/storage"
)

func errorsIs(err, target error) bool { return errors.Is(err, target) }

// ReplyForError is what a user is told when a handler failed with err: that
// storage is down when it is, otherwise a short apology. The detail is for the log.
func ReplyForError(err error) string {
	if errors.Is(err, storage.ErrUnavailable) {
		return txtStorageDown
	}
	return txtInternal
}

// PanicReply is what a user is told when a handler panicked.
const PanicReply = txtPanicApology
