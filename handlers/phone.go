package handlers

import (
	"github.com/nyaruka/phonenumbers"

	"github.com/ots-customs/wgbot/storage"
)

// formatPhone writes an E.164 number ("+903124491234") in the international
// format of its country's numbering plan ("+90 312 449 12 34"), as the
// libphonenumber data has it; a number the plan does not know is shown as
// stored. The stored form stays E.164, so that exports and vCards agree.
func formatPhone(e164 string) string {
	if e164 == "" {
		return ""
	}
	n, err := phonenumbers.Parse(e164, "")
	if err != nil || !phonenumbers.IsPossibleNumber(n) {
		return e164
	}
	return phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
}

// phoneExample and emailExample are the examples a member of p is shown, in
// the form of p's own country.
func phoneExample(p storage.Party) string {
	if ex, ok := phoneExamples[p]; ok {
		return ex
	}
	return phoneExamples[storage.Secretariat]
}

func emailExample(p storage.Party) string {
	if ex, ok := emailExamples[p]; ok {
		return ex
	}
	return emailExamples[storage.Secretariat]
}
