package storage

import (
	"errors"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Errors of the ContactStore contract, next to those of store.go.
var (
	// ErrDuplicateEmail: a pending or approved contact already has this e-mail.
	ErrDuplicateEmail = errors.New("e-mail already nominated")
	// ErrNotYours: the contact was nominated by someone else.
	ErrNotYours = errors.New("not the nominator")
)

// ContactStatus is where a contact stands. Only a pending one can be decided
// or withdrawn; only an approved one is listed, exported, edited.
type ContactStatus string

// The states of a contact.
const (
	ContactPending   ContactStatus = "pending"
	ContactApproved  ContactStatus = "approved"
	ContactRejected  ContactStatus = "rejected"
	ContactWithdrawn ContactStatus = "withdrawn"
)

// Active reports whether the contact holds its e-mail (pending or approved).
func (s ContactStatus) Active() bool { return s == ContactPending || s == ContactApproved }

// Contact is a person a Party nominated to the Working Group.
type Contact struct {
	ID           int64  `json:"id"`
	Party        Party  `json:"party"`
	FullName     string `json:"full_name"`
	Position     string `json:"position"`
	Organization string `json:"organization"`
	Email        string `json:"email"`              // domain lower-cased
	Phone        string `json:"phone"`              // E.164: "+998712345678"
	Username     string `json:"username,omitempty"` // Telegram, without "@"
	// TelegramUserID is the nominee's Telegram user id when known: set when a
	// member nominates themselves (same username), so /forgetme finds it.
	TelegramUserID int64         `json:"tg_user_id,omitempty"`
	NominatedBy    int64         `json:"nominated_by,omitempty"`
	Nominated      time.Time     `json:"nominated"`
	Status         ContactStatus `json:"status"`
	DecidedBy      int64         `json:"decided_by,omitempty"`
	Decided        time.Time     `json:"decided,omitzero"`
	EditedBy       int64         `json:"edited_by,omitempty"`
	Edited         time.Time     `json:"edited,omitzero"`
}

// About reports whether the contact is about the Telegram user userID/username.
func (c Contact) About(userID int64, username string) bool {
	if c.TelegramUserID != 0 && c.TelegramUserID == userID {
		return true
	}
	return username != "" && c.Username != "" && strings.EqualFold(c.Username, username)
}

// Field names a field of a Contact that users type.
type Field string

// The fields of a nomination, in the order the conversation asks them.
const (
	FieldName         Field = "name"
	FieldPosition     Field = "position"
	FieldOrganization Field = "org"
	FieldEmail        Field = "email"
	FieldPhone        Field = "phone"
	FieldUsername     Field = "username"
)

// The typed fields of other records, named in a *FieldError like a contact's.
const (
	FieldTitle  Field = "title"     // of a task
	FieldText   Field = "text"      // of a task
	FieldSource Field = "source"    // of a task
	FieldRef    Field = "reference" // given when a Party submits its part
)

// Fields lists the fields in the order they are asked.
var Fields = []Field{FieldName, FieldPosition, FieldOrganization, FieldEmail, FieldPhone, FieldUsername}

// Get returns the value of field f of c.
func (c *Contact) Get(f Field) string {
	switch f {
	case FieldName:
		return c.FullName
	case FieldPosition:
		return c.Position
	case FieldOrganization:
		return c.Organization
	case FieldEmail:
		return c.Email
	case FieldPhone:
		return c.Phone
	case FieldUsername:
		return c.Username
	}
	return ""
}

// Set validates value for field f and stores its canonical form in c.
// The error is a *FieldError.
func (c *Contact) Set(f Field, value string) error {
	v, err := Normalize(f, value)
	if err != nil {
		return err
	}
	switch f {
	case FieldName:
		c.FullName = v
	case FieldPosition:
		c.Position = v
	case FieldOrganization:
		c.Organization = v
	case FieldEmail:
		c.Email = v
	case FieldPhone:
		c.Phone = v
	case FieldUsername:
		c.Username = v
	}
	return nil
}

// Problem is what is wrong with a value.
type Problem string

// The problems a value can have.
const (
	TooShort   Problem = "too short"
	TooLong    Problem = "too long"
	BadChars   Problem = "characters not allowed"
	BadFormat  Problem = "malformed"
	BadDigits  Problem = "wrong number of digits"
	NoIntl     Problem = "not in international form"
	UnknownFld Problem = "unknown field"
)

// FieldError says which field is wrong and how. It holds no user text, so it
// may be logged.
type FieldError struct {
	Field   Field
	Problem Problem
}

func (e *FieldError) Error() string { return "storage: " + string(e.Field) + ": " + string(e.Problem) }

// Limits of the fields, in characters (runes).
const (
	NameMin, NameMax         = 2, 100
	TextMin, TextMax         = 2, 200 // position and organization
	PhoneMinDigits, PhoneMax = 8, 15
	UsernameMin, UsernameMax = 5, 32
	emailMax                 = 254
)

// Normalize validates value for field f and returns its canonical form:
// trimmed, inner spaces collapsed; e-mail with its domain lower-cased; phone
// as E.164 ("+998712345678"); username without "@". The error is a *FieldError.
func Normalize(f Field, value string) (string, error) {
	v := strings.Join(strings.Fields(value), " ")
	bad := func(p Problem) (string, error) { return "", &FieldError{Field: f, Problem: p} }
	switch f {
	case FieldName:
		if p := length(v, NameMin, NameMax); p != "" {
			return bad(p)
		}
		if p := CheckText(v, false); p != "" {
			return bad(p)
		}
		for _, r := range v {
			if !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) && !strings.ContainsRune(" .-'’", r) {
				return bad(BadChars)
			}
		}
		return v, nil
	case FieldPosition, FieldOrganization:
		if p := length(v, TextMin, TextMax); p != "" {
			return bad(p)
		}
		if p := CheckText(v, false); p != "" {
			return bad(p)
		}
		return v, nil
	case FieldEmail:
		return normalizeEmail(strings.TrimSpace(value))
	case FieldPhone:
		return normalizePhone(strings.TrimSpace(value))
	case FieldUsername:
		u := strings.TrimPrefix(strings.TrimSpace(value), "@")
		if p := length(u, UsernameMin, UsernameMax); p != "" {
			return bad(p)
		}
		for _, r := range u {
			if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return bad(BadChars)
			}
		}
		return u, nil
	}
	return bad(UnknownFld)
}

func length(v string, lo, hi int) Problem {
	switch n := utf8.RuneCountInString(v); {
	case n < lo:
		return TooShort
	case n > hi:
		return TooLong
	}
	return ""
}

func normalizeEmail(s string) (string, error) {
	bad := &FieldError{Field: FieldEmail, Problem: BadFormat}
	if s == "" || len(s) > emailMax {
		return "", bad
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return "", bad
	}
	at := strings.LastIndexByte(s, '@')
	local, domain := s[:at], strings.ToLower(s[at+1:])
	labels := strings.Split(domain, ".")
	if local == "" || len(labels) < 2 {
		return "", bad
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return "", bad
		}
		for _, r := range l {
			if !(r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return "", bad
			}
		}
	}
	return local + "@" + domain, nil
}

func normalizePhone(s string) (string, error) {
	var rest string
	switch {
	case strings.HasPrefix(s, "+"):
		rest = s[1:]
	case strings.HasPrefix(s, "00"):
		rest = s[2:]
	default:
		return "", &FieldError{Field: FieldPhone, Problem: NoIntl}
	}
	digits := make([]byte, 0, len(rest))
	for _, r := range rest {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, byte(r))
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return "", &FieldError{Field: FieldPhone, Problem: BadChars}
		}
	}
	if len(digits) < PhoneMinDigits || len(digits) > PhoneMax || digits[0] == '0' {
		return "", &FieldError{Field: FieldPhone, Problem: BadDigits}
	}
	return "+" + string(digits), nil
}

// EmailKey is the form under which e-mails are compared for duplicates.
func EmailKey(email string) string { return strings.ToLower(email) }

// customsAdministrations names each Party's customs administration, offered
// as the default organization of a nomination.
var customsAdministrations = map[Party]string{
	Turkiye:     "Ministry of Trade of the Republic of Türkiye",
	Uzbekistan:  "Customs Committee of the Republic of Uzbekistan",
	Azerbaijan:  "State Customs Committee of the Republic of Azerbaijan",
	Kazakhstan:  "State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan",
	Kyrgyzstan:  "State Customs Service under the Ministry of Finance of the Kyrgyz Republic",
	Hungary:     "National Tax and Customs Administration of Hungary",
	Secretariat: "OTS Secretariat",
}

// CustomsAdministration returns the name of p's customs administration, or "".
func (p Party) CustomsAdministration() string { return customsAdministrations[p] }

// Conversation is a guided nomination (or an administrator's edit of a
// contact) in progress in a user's private chat.
type Conversation struct {
	UserID int64 `json:"user_id"`
	// Step is the field asked now, or StepSummary.
	Step    string  `json:"step"`
	Draft   Contact `json:"draft"`
	Editing bool    `json:"editing,omitempty"` // a correction from the summary: back to it after
	// EditContact is the id of the approved contact an administrator edits; 0
	// for a nomination.
	EditContact int64 `json:"edit_contact,omitempty"`
	// Submit, when set, is a Party's submission waiting for its confirmation
	// (or a typed reference); the other fields are then unused.
	Submit  *SubmitDraft `json:"submit,omitempty"`
	Updated time.Time    `json:"updated"`
}

// SubmitDraft is a submission asked about but not yet recorded.
type SubmitDraft struct {
	Task  int64 `json:"task"`
	Party Party `json:"party"`
	List  int   `json:"list,omitempty"` // the message of the list the button was under
	Ask   int   `json:"ask,omitempty"`  // the message that asks to confirm
}

// StepSummary is the Step of a nomination waiting for Confirm.
const StepSummary = "summary"

// ConversationIdle is how long a conversation may be left alone before it ends.
const ConversationIdle = 24 * time.Hour

// AuditEntry records one change to a contact or a membership. It holds ids
// only, never personal data.
type AuditEntry struct {
	At      time.Time `json:"at"`
	By      int64     `json:"by"`
	Action  string    `json:"action"`
	Contact int64     `json:"contact,omitempty"`
	Member  int64     `json:"member,omitempty"`
	Field   Field     `json:"field,omitempty"`
	Task    int64     `json:"task,omitempty"` // AuditTaskEdited: the task changed
}

// The actions of the audit log.
const (
	AuditNominated       = "contact.nominated"
	AuditApproved        = "contact.approved"
	AuditRejected        = "contact.rejected"
	AuditWithdrawn       = "contact.withdrawn"
	AuditEdited          = "contact.edited"
	AuditRemoved         = "contact.removed"
	AuditForgotten       = "contact.forgotten"
	AuditMemberApproved  = "member.approved"
	AuditMemberRejected  = "member.rejected"
	AuditMemberRemoved   = "member.removed"
	AuditMemberParty     = "member.party_changed"
	AuditMemberForgotten = "member.forgotten"
	AuditTaskEdited      = "task.edited" // deadline, Parties or text, by /edittask or in the app
)

// AuditMax is how many entries the audit log keeps.
const AuditMax = 1000

// Forgotten says what ForgetUser deleted.
type Forgotten struct {
	Member        bool
	Conversation  bool
	AccessRequest bool
	Contacts      []int64 // contacts about the user
	Nominations   []int64 // pending nominations the user made (about someone else)
	// Unlinked are approved contacts the user nominated, which stay (they are
	// about someone else) but no longer name the user as their nominator.
	Unlinked []int64
	// Settings: the language or time zone the user chose (issue 13).
	Settings bool
}

// Empty reports whether nothing was held.
func (f Forgotten) Empty() bool {
	return !f.Member && !f.Settings && !f.Conversation && !f.AccessRequest && len(f.Contacts) == 0 && len(f.Nominations) == 0 && len(f.Unlinked) == 0
}
