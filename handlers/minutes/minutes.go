// Package minutes reads intergovernmental meeting minutes ("Agreed Minutes",
// protocols, committee reports, action lists) and finds every dated
// commitment together with its responsible party and deadline.
//
// The package is pure: text (or document bytes) in, items out. It imports
// no Telegram, storage or network code so that it can be tested and fuzzed
// in isolation. Extraction is deterministic and rule based.
package minutes

import "errors"

// Precision tells how precisely a deadline was stated in the minutes.
type Precision string

// Deadline precisions. A deadline stated only as a month, quarter or year is
// reported as the last day of that period, and the precision says so.
const (
	PrecisionDay     Precision = "day"
	PrecisionMonth   Precision = "month"
	PrecisionQuarter Precision = "quarter"
	PrecisionHalf    Precision = "half" // "first half of 2024", "mid-2024": the end of June or December
	PrecisionYear    Precision = "year"
)

// Item is one commitment found in minutes.
type Item struct {
	Parties      []string  `json:"parties"`          // responsible parties, e.g. "Turkish side", "the Parties", "the Secretariat"
	Deadline     string    `json:"deadline"`         // ISO date YYYY-MM-DD; last day of month/quarter/year when only that is given
	Precision    Precision `json:"precision"`        // how precise Deadline is
	DeadlineText string    `json:"deadline_text"`    // as written: "by 1 March 2024", "until the end of 2023"
	Text         string    `json:"text"`             // the commitment clause, short
	Quote        string    `json:"quote"`            // the sentence it stands in, whitespace-normalised
	Source       string    `json:"source,omitempty"` // SourceRules, SourceModel or SourceBoth
}

// Item sources: the rules of this package, a language model's proposal
// that the document bears out (see Confirm), or both.
const (
	SourceRules = "rules"
	SourceModel = "model"
	SourceBoth  = "rules+model"
)

// Options tune extraction.
type Options struct {
	// FileName (may be "") is used to find the meeting date or year when the
	// text has none, e.g. "minutes-2023-12-11.pdf".
	FileName string
}

// Sentinel errors returned by ReadText; test them with errors.Is.
var (
	// ErrUnsupported means the content type is unknown or not a text
	// document (images, archives, executables, other binary data).
	ErrUnsupported = errors.New("minutes: unsupported document type")
	// ErrEmpty means the document holds no text at all.
	ErrEmpty = errors.New("minutes: document has no text")
	// ErrNoTextLayer means a PDF has pages but no extractable text,
	// typically a scan that would need OCR.
	ErrNoTextLayer = errors.New("minutes: PDF has no text layer (scanned?)")
	// ErrEncrypted means a PDF is password protected.
	ErrEncrypted = errors.New("minutes: PDF is encrypted")
	// ErrCorrupt means the document claims a known type but cannot be parsed.
	ErrCorrupt = errors.New("minutes: document is corrupt")
	// ErrTooLarge means the document (or a part of it once uncompressed)
	// exceeds the size bounds, e.g. a zip bomb disguised as DOCX.
	ErrTooLarge = errors.New("minutes: document too large")
)
