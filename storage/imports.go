package storage

import (
	"context"
	"time"
)

// Upload is what the bot read from an uploaded file, kept for a while so that
// an administrator can import it with a button pressed later. The proposed
// tasks are complete but for their id; they are not in the task list yet.
type Upload struct {
	ID       string `json:"id"`        // short, random; travels in callback data
	FileName string `json:"file_name"` // as sent, for messages
	Title    string `json:"title"`     // the meeting's title as the document gives it ("" if none)
	Date     Date   `json:"date"`      // the meeting's date (zero if the document gives none)
	Tasks    []Task `json:"tasks"`     // proposed tasks, in document order
	// Guessed lists the indexes of Tasks whose Parties are a guess (all
	// Parties for "the Parties hosting ..." that names none).
	Guessed []int     `json:"guessed,omitempty"`
	By      int64     `json:"by"` // who uploaded
	At      time.Time `json:"at"`
}

// Import records tasks imported from an Upload, so that it can be reviewed and
// undone. Its ID is the Upload's: an upload is imported at most once.
type Import struct {
	ID        string    `json:"id"`
	MeetingID string    `json:"meeting_id"` // the meeting record created for it
	Title     string    `json:"title"`      // the meeting's title, for /imports
	FileName  string    `json:"file_name"`
	TaskIDs   []int64   `json:"task_ids"` // the tasks it added (duplicates skipped are not here)
	Skipped   int       `json:"skipped"`  // proposed tasks skipped as duplicates of existing ones
	By        int64     `json:"by"`
	At        time.Time `json:"at"`
	Undone    bool      `json:"undone,omitempty"`
	UndoneBy  int64     `json:"undone_by,omitempty"`
	UndoneAt  time.Time `json:"undone_at,omitzero"`
	// Claim is random, set by the store that wrote the import (see AccessRequest.Claim).
	Claim string `json:"claim,omitempty"`
}

// ImportStore keeps uploaded minutes waiting for import, the imports made, and
// the meetings they create. Every method is bounded by ctx and returns an
// error wrapping ErrUnavailable when the backend cannot be reached.
type ImportStore interface {
	// PutUpload keeps u for ttl, replacing an upload with the same id.
	PutUpload(ctx context.Context, u Upload, ttl time.Duration) error
	// GetUpload returns a kept upload, or an error wrapping ErrNotFound when
	// there is none (never made, or expired).
	GetUpload(ctx context.Context, id string) (Upload, error)

	// AddMeeting stores a meeting; an existing meeting with the same id is replaced.
	AddMeeting(ctx context.Context, m Meeting) error
	// DeleteMeeting removes a meeting; it reports whether there was one.
	DeleteMeeting(ctx context.Context, id string) (bool, error)

	// ClaimImport stores imp unless an import with its ID exists; it returns
	// the stored import and whether it was created now. Two administrators
	// confirming the same upload at once: exactly one gets created == true.
	ClaimImport(ctx context.Context, imp Import) (stored Import, created bool, err error)
	// PutImport creates or replaces an import record.
	PutImport(ctx context.Context, imp Import) error
	// GetImport returns one import, or an error wrapping ErrNotFound.
	GetImport(ctx context.Context, id string) (Import, error)
	// ListImports returns every import, latest first.
	ListImports(ctx context.Context) ([]Import, error)
}

var (
	// bUploads holds uploads waiting for import, each until its ttl passed.
	bUploads = newBucket(bucket{name: "uploads", redis: "upload:", strings: true, expiring: true}) // upload id -> Upload
	bImports = newBucket(bucket{name: "imports", redis: "imports"})                                // import id -> Import
)

// PutUpload keeps u until ttl has passed.
func (s *store) PutUpload(ctx context.Context, u Upload, ttl time.Duration) error {
	return s.kv.update(ctx, "put upload "+u.ID, func(tx kvTx) error {
		raw, err := encode(u, "upload")
		if err != nil {
			return err
		}
		return tx.putUntil(bUploads, u.ID, raw, s.now().Add(ttl))
	})
}

// GetUpload returns a kept upload unless it expired.
func (s *store) GetUpload(ctx context.Context, uploadID string) (Upload, error) {
	return one[Upload](ctx, s.kv, bUploads, uploadID)
}

// ClaimImport creates imp unless an import with its id exists. The import
// carries a random Claim: a transaction whose reply was lost, run again,
// finds its own import and still says created.
func (s *store) ClaimImport(ctx context.Context, imp Import) (Import, bool, error) {
	imp.Claim = newClaim()
	got, created := imp, false
	err := twice(func() error {
		return s.kv.update(ctx, "claim import "+imp.ID, func(tx kvTx) error {
			cur, found, err := getJSON[Import](tx, bImports, imp.ID)
			switch {
			case err != nil:
				return err
			case found:
				got, created = cur, cur.Claim == imp.Claim
				return nil
			}
			got, created = imp, true
			return putJSON(tx, bImports, imp.ID, imp)
		})
	})
	return got, created && err == nil, err
}

// PutImport creates or replaces an import record.
func (s *store) PutImport(ctx context.Context, imp Import) error {
	return putOne(ctx, s.kv, bImports, imp.ID, imp)
}

// GetImport returns one import record.
func (s *store) GetImport(ctx context.Context, importID string) (Import, error) {
	return one[Import](ctx, s.kv, bImports, importID)
}

// ListImports returns every import, latest first.
func (s *store) ListImports(ctx context.Context) ([]Import, error) {
	imps, err := all[Import](ctx, s.kv, bImports)
	if err != nil {
		return nil, err
	}
	sortImports(imps)
	return imps, nil
}
