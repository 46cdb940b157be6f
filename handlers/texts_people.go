package handlers

import "github.com/ots-customs/wgbot/handlers/i18n"

// The ids of the sentences about Parties typed in any language, plain
// questions and time zones (issue 13, items 4 to 6); their words are in the
// "i18n-people" section of each catalog.
const (
	txtMyTasksUnknownParty i18n.ID = "MyTasksUnknownParty"
	txtMyTasksOtherParty   i18n.ID = "MyTasksOtherParty"
	txtIntentSuggest       i18n.ID = "IntentSuggest"

	txtTimezoneNow           i18n.ID = "TimezoneNow"
	txtTimezoneGroupNow      i18n.ID = "TimezoneGroupNow"
	txtTimezoneOfParty       i18n.ID = "TimezoneOfParty"
	txtTimezoneOfSecretariat i18n.ID = "TimezoneOfSecretariat"
	txtTimezoneOfBot         i18n.ID = "TimezoneOfBot"
	txtTimezoneChosen        i18n.ID = "TimezoneChosen"
	txtTimezoneHow           i18n.ID = "TimezoneHow"
	txtTimezoneSet           i18n.ID = "TimezoneSet"
	txtTimezoneUnknown       i18n.ID = "TimezoneUnknown"
	txtBtnTimezoneDefault    i18n.ID = "BtnTimezoneDefault"
	txtDigestZoneOwn         i18n.ID = "DigestZoneOwn"
)
