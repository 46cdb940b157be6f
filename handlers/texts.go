package handlers

import (
	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// The ids of every sentence the bot says: the words are in the catalog,
// i18n/locales/en.toml (English, the source) and its translations. An id is
// typed (i18n.ID), so it cannot be sent as a text by mistake: it goes
// through Lang.T or Lang.N. The %s a message takes must be escaped with esc.
const (
	txtDefaultBotName i18n.ID = "DefaultBotName"
	txtBotIntro       i18n.ID = "BotIntro"

	txtStrangerIntro i18n.ID = "StrangerIntro"
	txtStrangerOnly  i18n.ID = "StrangerOnly"
	txtNotInGroup    i18n.ID = "NotInGroup"

	txtBtnRequestAccess i18n.ID = "BtnRequestAccess"
	txtChooseParty      i18n.ID = "ChooseParty"
	txtRequestSent      i18n.ID = "RequestSent"
	txtRequestPending   i18n.ID = "RequestPending"
	txtAlreadyMember    i18n.ID = "AlreadyMember"

	txtAdminNewRequest  i18n.ID = "AdminNewRequest"
	txtAdminPartyChange i18n.ID = "AdminPartyChange"
	txtYouPartyChanged  i18n.ID = "YouPartyChanged"
	txtYouPartyKept     i18n.ID = "YouPartyKept"
	txtBtnApprove       i18n.ID = "BtnApprove"
	txtBtnReject        i18n.ID = "BtnReject"
	txtRequestApproved  i18n.ID = "RequestApproved"
	txtRequestRejected  i18n.ID = "RequestRejected"
	txtAlreadyDecided   i18n.ID = "AlreadyDecided"
	txtRequestGone      i18n.ID = "RequestGone"
	txtYouApproved      i18n.ID = "YouApproved"
	txtYouRejected      i18n.ID = "YouRejected"
	txtRejectedWait     i18n.ID = "RejectedWait"
	txtNoPending        i18n.ID = "NoPending"
	txtPendingHeader    i18n.ID = "PendingHeader"

	txtAdminOnly    i18n.ID = "AdminOnly"
	txtStaleButton  i18n.ID = "StaleButton"
	txtOldButton    i18n.ID = "OldButton"
	txtNotYourParty i18n.ID = "NotYourParty"
	txtUnknownCmd   i18n.ID = "UnknownCmd"
	txtBtnGoPrivate i18n.ID = "BtnGoPrivate"
	txtForOtherBot  i18n.ID = "ForOtherBot"
	txtDidYouMean   i18n.ID = "DidYouMean"
	txtBtnRunCmd    i18n.ID = "BtnRunCmd"
	txtPlainText    i18n.ID = "PlainText"
	txtStorageDown  i18n.ID = "StorageDown"
	txtInternal     i18n.ID = "Internal"
	txtPanicApology i18n.ID = "PanicApology"
	txtHelpHeader   i18n.ID = "HelpHeader"
	txtHelpGroup    i18n.ID = "HelpGroup"

	txtAgendaHeader i18n.ID = "AgendaHeader"
	txtNoMeetings   i18n.ID = "NoMeetings"
	txtUnknownMtg   i18n.ID = "UnknownMtg"

	txtDeadlinesHeader i18n.ID = "DeadlinesHeader"
	txtAllHeader       i18n.ID = "AllHeader"
	txtNoDeadlines     i18n.ID = "NoDeadlines"
	txtLongOverdue     i18n.ID = "LongOverdue"
	txtOverdue         i18n.ID = "Overdue"
	txtUpcoming        i18n.ID = "Upcoming"
	txtDoneSection     i18n.ID = "DoneSection"
	txtDeadlinesArgs   i18n.ID = "DeadlinesArgs"
	txtMoreUndated     i18n.ID = "MoreUndated"

	txtMyTasksHeader   i18n.ID = "MyTasksHeader"
	txtNoMyTasks       i18n.ID = "NoMyTasks"
	txtNoDeadline      i18n.ID = "NoDeadline"
	txtNoDeadlineGroup i18n.ID = "NoDeadlineGroup"
	txtPageOf          i18n.ID = "PageOf"
	txtBtnPrevious     i18n.ID = "BtnPrevious"
	txtBtnNext         i18n.ID = "BtnNext"
	txtBtnSubmitted    i18n.ID = "BtnSubmitted"
	txtBtnOpenTaskN    i18n.ID = "BtnOpenTaskN"
	txtWhichParty      i18n.ID = "WhichParty"
	txtTogetherWith    i18n.ID = "TogetherWith"

	txtIamSet       i18n.ID = "IamSet"
	txtIamUnknown   i18n.ID = "IamUnknown"
	txtIamRequested i18n.ID = "IamRequested"
	txtIamPending   i18n.ID = "IamPending"
	txtIamSame      i18n.ID = "IamSame"
	txtIamStrangers i18n.ID = "IamStrangers"
	txtIamCancelled i18n.ID = "IamCancelled"
	txtIamNoChange  i18n.ID = "IamNoChange"

	txtGroupEnabled     i18n.ID = "GroupEnabled"
	txtGroupDisabled    i18n.ID = "GroupDisabled"
	txtEnableInGroup    i18n.ID = "EnableInGroup"
	txtAlreadyEnabled   i18n.ID = "AlreadyEnabled"
	txtMembersHeader    i18n.ID = "MembersHeader"
	txtNoMembers        i18n.ID = "NoMembers"
	txtRemoveAsk        i18n.ID = "RemoveAsk"
	txtBtnRemove        i18n.ID = "BtnRemove"
	txtBtnCancel        i18n.ID = "BtnCancel"
	txtRemoved          i18n.ID = "Removed"
	txtNotAMember       i18n.ID = "NotAMember"
	txtRemoveUsage      i18n.ID = "RemoveUsage"
	txtCancelled        i18n.ID = "Cancelled"
	txtYouWereRemoved   i18n.ID = "YouWereRemoved"
	txtMeetingButton    i18n.ID = "MeetingButton"
	txtPartyOverdueDays i18n.ID = "PartyOverdueDays"
)

// Deadline alerts and task status (issue 4).
const (
	txtAlertInDays      i18n.ID = "AlertInDays"
	txtAlertTomorrow    i18n.ID = "AlertTomorrow"
	txtAlertToday       i18n.ID = "AlertToday"
	txtAlertMissed      i18n.ID = "AlertMissed"
	txtWaitingFor       i18n.ID = "WaitingFor"
	txtBtnOpenTask      i18n.ID = "BtnOpenTask"
	txtSubscriptionGone i18n.ID = "SubscriptionGone"

	txtSubscribedGroup   i18n.ID = "SubscribedGroup"
	txtSubscribedPrivate i18n.ID = "SubscribedPrivate"
	txtSubscribedAll     i18n.ID = "SubscribedAll"
	txtAlreadySubscribed i18n.ID = "AlreadySubscribed"
	txtLeadsBefore       i18n.ID = "LeadsBefore"
	txtLeadsAndOnTheDay  i18n.ID = "LeadsAndOnTheDay"
	txtLeadsOnlyOnTheDay i18n.ID = "LeadsOnlyOnTheDay"
	txtUnsubscribed      i18n.ID = "Unsubscribed"
	txtNotSubscribed     i18n.ID = "NotSubscribed"
	txtNeedParty         i18n.ID = "NeedParty"

	txtTaskUsage      i18n.ID = "TaskUsage"
	txtDoneAdminUsage i18n.ID = "DoneAdminUsage"
	txtDoneUsage      i18n.ID = "DoneUsage"
	txtNoSuchTask     i18n.ID = "NoSuchTask"
	txtTaskHeader     i18n.ID = "TaskHeader"
	txtTaskDeadline   i18n.ID = "TaskDeadline"
	txtTaskNoDate     i18n.ID = "TaskNoDate"
	txtTaskSource     i18n.ID = "TaskSource"
	txtTaskStatus     i18n.ID = "TaskStatus"
	txtTaskHistory    i18n.ID = "TaskHistory"
	txtStateOpen      i18n.ID = "StateOpen"
	txtStateSub       i18n.ID = "StateSub"
	txtStateConf      i18n.ID = "StateConf"
	txtStateOn        i18n.ID = "StateOn"
	txtSubmittedOn    i18n.ID = "SubmittedOn"
	txtAllSubmitted   i18n.ID = "AllSubmitted"
	txtBtnConfirm     i18n.ID = "BtnConfirm"
	txtBtnReopen      i18n.ID = "BtnReopen"
	txtDoneHint       i18n.ID = "DoneHint"
	txtDoneNothing    i18n.ID = "DoneNothing"
	txtDoneOK         i18n.ID = "DoneOK"
	txtDoneAlready    i18n.ID = "DoneAlready"
	txtDoneNotYours   i18n.ID = "DoneNotYours"
	txtDoneAllIn      i18n.ID = "DoneAllIn"
	txtStatusChanged  i18n.ID = "StatusChanged"
	txtConfirmed      i18n.ID = "Confirmed"
	txtReopened       i18n.ID = "Reopened"

	txtAddUsage   i18n.ID = "AddUsage"
	txtAddBadDate i18n.ID = "AddBadDate"
	txtAddBadPty  i18n.ID = "AddBadPty"
	txtAddNoText  i18n.ID = "AddNoText"
	txtAdded      i18n.ID = "Added"
	txtEditUsage  i18n.ID = "EditUsage"
	txtEdited     i18n.ID = "Edited"
	txtDelAsk     i18n.ID = "DelAsk"
	txtDeleted    i18n.ID = "Deleted"
	txtBtnDelete  i18n.ID = "BtnDelete"
	txtInvalid    i18n.ID = "Invalid"

	txtDateOutOfRange    i18n.ID = "DateOutOfRange"
	txtDateNoSuchDay     i18n.ID = "DateNoSuchDay"
	txtChangedNoDeadline i18n.ID = "ChangedNoDeadline"
	txtFldTitle          i18n.ID = "FldTitle"
	txtFldText           i18n.ID = "FldText"
	txtFldRef            i18n.ID = "FldRef"
	txtTextBadChars      i18n.ID = "TextBadChars"
	txtTextInvisible     i18n.ID = "TextInvisible"
)

// Minutes upload (issue 5).
const (
	txtMinUsage       i18n.ID = "MinUsage"
	txtMinReading     i18n.ID = "MinReading"
	txtMinUploadsOff  i18n.ID = "MinUploadsOff"
	txtMinFileTooBig  i18n.ID = "MinFileTooBig"
	txtMinUnsupported i18n.ID = "MinUnsupported"
	txtMinEmptyDoc    i18n.ID = "MinEmptyDoc"
	txtMinNoTextLayer i18n.ID = "MinNoTextLayer"
	txtMinEncrypted   i18n.ID = "MinEncrypted"
	txtMinCorruptDoc  i18n.ID = "MinCorruptDoc"
	txtMinDocTooLarge i18n.ID = "MinDocTooLarge"

	txtMinFoundHeader    i18n.ID = "MinFoundHeader"
	txtMinFoundCount     i18n.ID = "MinFoundCount"
	txtMinNoItemsFound   i18n.ID = "MinNoItemsFound"
	txtMinMoreItems      i18n.ID = "MinMoreItems"
	txtMinSummaryOff     i18n.ID = "MinSummaryOff"
	txtMinFromModel      i18n.ID = "MinFromModel"
	txtMinSummaryHeader  i18n.ID = "MinSummaryHeader"
	txtMinSummaryFailed  i18n.ID = "MinSummaryFailed"
	txtMinSummaryNotMade i18n.ID = "MinSummaryNotMade"

	txtMinBtnImport          i18n.ID = "MinBtnImport"
	txtMinBtnConfirm         i18n.ID = "MinBtnConfirm"
	txtMinImportAsk          i18n.ID = "MinImportAsk"
	txtMinUploadExpired      i18n.ID = "MinUploadExpired"
	txtMinAlreadyImported    i18n.ID = "MinAlreadyImported"
	txtMinImportWasUndone    i18n.ID = "MinImportWasUndone"
	txtMinImported           i18n.ID = "MinImported"
	txtMinSkippedHeader      i18n.ID = "MinSkippedHeader"
	txtMinSkippedLine        i18n.ID = "MinSkippedLine"
	txtMinAlertsNotScheduled i18n.ID = "MinAlertsNotScheduled"
	txtMinImportedFooter     i18n.ID = "MinImportedFooter"

	txtMinImportsHeader  i18n.ID = "MinImportsHeader"
	txtMinNoImports      i18n.ID = "MinNoImports"
	txtMinImportLine     i18n.ID = "MinImportLine"
	txtMinMoreImports    i18n.ID = "MinMoreImports"
	txtMinUndoneMark     i18n.ID = "MinUndoneMark"
	txtMinBtnUndo        i18n.ID = "MinBtnUndo"
	txtMinUndoAsk        i18n.ID = "MinUndoAsk"
	txtMinBtnUndoConfirm i18n.ID = "MinBtnUndoConfirm"
	txtMinAlreadyUndone  i18n.ID = "MinAlreadyUndone"
	txtMinUndone         i18n.ID = "MinUndone"
)

// Contacts (issue 3).
const (
	txtNomPrivate     i18n.ID = "NomPrivate"
	txtNomNeedParty   i18n.ID = "NomNeedParty"
	txtNomWhichParty  i18n.ID = "NomWhichParty"
	txtNomStart       i18n.ID = "NomStart"
	txtNomResume      i18n.ID = "NomResume"
	txtNomUsage       i18n.ID = "NomUsage"
	txtNomOneMsgBad   i18n.ID = "NomOneMsgBad"
	txtNomUseButtons  i18n.ID = "NomUseButtons"
	txtNomStep        i18n.ID = "NomStep"
	txtNomAskName     i18n.ID = "NomAskName"
	txtNomAskPosition i18n.ID = "NomAskPosition"
	txtNomAskOrg      i18n.ID = "NomAskOrg"
	txtNomAskEmail    i18n.ID = "NomAskEmail"
	txtNomAskPhone    i18n.ID = "NomAskPhone"
	txtNomAskUsername i18n.ID = "NomAskUsername"
	txtNomCurrent     i18n.ID = "NomCurrent"
	txtNomSummary     i18n.ID = "NomSummary"
	txtNomSummaryHint i18n.ID = "NomSummaryHint"
	txtNomCancelled   i18n.ID = "NomCancelled"
	txtNomDuplicate   i18n.ID = "NomDuplicate"
	txtNomSent        i18n.ID = "NomSent"
	txtNomAdminNew    i18n.ID = "NomAdminNew"
	txtNomExpired     i18n.ID = "NomExpired"
	txtEditExpired    i18n.ID = "EditExpired"
	txtBtnNomCancel   i18n.ID = "BtnNomCancel"
	txtBtnSharePhone  i18n.ID = "BtnSharePhone"

	txtNoForm           i18n.ID = "NoForm"
	txtEditCancelled    i18n.ID = "EditCancelled"
	txtLeftNomination   i18n.ID = "LeftNomination"
	txtLeftEdit         i18n.ID = "LeftEdit"
	txtNomPhoneFromCard i18n.ID = "NomPhoneFromCard"
	txtNomPhoneNoted    i18n.ID = "NomPhoneNoted"
	txtNomBackToSummary i18n.ID = "NomBackToSummary"
	txtContactNoForm    i18n.ID = "ContactNoForm"
	txtBtnNomSkip       i18n.ID = "BtnNomSkip"
	txtBtnNomBack       i18n.ID = "BtnNomBack"
	txtBtnNomConfirm    i18n.ID = "BtnNomConfirm"

	txtFldName     i18n.ID = "FldName"
	txtFldPosition i18n.ID = "FldPosition"
	txtFldOrg      i18n.ID = "FldOrg"
	txtFldEmail    i18n.ID = "FldEmail"
	txtFldPhone    i18n.ID = "FldPhone"
	txtFldUsername i18n.ID = "FldUsername"

	txtBadValue       i18n.ID = "BadValue"
	txtBadNameChars   i18n.ID = "BadNameChars"
	txtBadLength      i18n.ID = "BadLength"
	txtBadTextChars   i18n.ID = "BadTextChars"
	txtBadEmail       i18n.ID = "BadEmail"
	txtBadPhoneIntl   i18n.ID = "BadPhoneIntl"
	txtBadPhoneChars  i18n.ID = "BadPhoneChars"
	txtBadPhoneDigits i18n.ID = "BadPhoneDigits"
	txtBadUsername    i18n.ID = "BadUsername"

	txtStatusPending   i18n.ID = "StatusPending"
	txtStatusApproved  i18n.ID = "StatusApproved"
	txtStatusRejected  i18n.ID = "StatusRejected"
	txtStatusWithdrawn i18n.ID = "StatusWithdrawn"

	txtContactsPrivate      i18n.ID = "ContactsPrivate"
	txtContactsUnknownParty i18n.ID = "ContactsUnknownParty"
	txtContactsHeader       i18n.ID = "ContactsHeader"
	txtContactsPartyHeader  i18n.ID = "ContactsPartyHeader"
	txtNoContacts           i18n.ID = "NoContacts"
	txtNoContactsParty      i18n.ID = "NoContactsParty"

	txtNomGone           i18n.ID = "NomGone"
	txtNomAlreadyDecided i18n.ID = "NomAlreadyDecided"
	txtNomWasWithdrawn   i18n.ID = "NomWasWithdrawn"
	txtNomDecidedHead    i18n.ID = "NomDecidedHead"
	txtNomYouApproved    i18n.ID = "NomYouApproved"
	txtNomYouRejected    i18n.ID = "NomYouRejected"
	txtNomWithdrawnAdmin i18n.ID = "NomWithdrawnAdmin"

	txtMyNomsHeader    i18n.ID = "MyNomsHeader"
	txtMyNomsNone      i18n.ID = "MyNomsNone"
	txtBtnWithdraw     i18n.ID = "BtnWithdraw"
	txtWithdrawn       i18n.ID = "Withdrawn"
	txtWithdrawTooLate i18n.ID = "WithdrawTooLate"

	txtEditContactUsage   i18n.ID = "EditContactUsage"
	txtNoSuchContact      i18n.ID = "NoSuchContact"
	txtContactNotApproved i18n.ID = "ContactNotApproved"
	txtNothingChanged     i18n.ID = "NothingChanged"
	txtContactEdited      i18n.ID = "ContactEdited"
	txtEditWhich          i18n.ID = "EditWhich"
	txtEditAsk            i18n.ID = "EditAsk"
	txtEditAgain          i18n.ID = "EditAgain"
	txtRemoveContactUsage i18n.ID = "RemoveContactUsage"
	txtRemoveContactAsk   i18n.ID = "RemoveContactAsk"
	txtContactRemoved     i18n.ID = "ContactRemoved"

	txtExportNone  i18n.ID = "ExportNone"
	txtExportXLSX  i18n.ID = "ExportXLSX"
	txtExportCSV   i18n.ID = "ExportCSV"
	txtExportVCard i18n.ID = "ExportVCard"

	txtForgetPrivate      i18n.ID = "ForgetPrivate"
	txtForgetAsk          i18n.ID = "ForgetAsk"
	txtBtnForget          i18n.ID = "BtnForget"
	txtForgetNothing      i18n.ID = "ForgetNothing"
	txtForgetDone         i18n.ID = "ForgetDone"
	txtForgotMember       i18n.ID = "ForgotMember"
	txtForgotRequest      i18n.ID = "ForgotRequest"
	txtForgotConversation i18n.ID = "ForgotConversation"
	txtForgotAlerts       i18n.ID = "ForgotAlerts"
	txtForgotContacts     i18n.ID = "ForgotContacts"
	txtForgotNominations  i18n.ID = "ForgotNominations"
	txtForgotUnlinked     i18n.ID = "ForgotUnlinked"
	txtForgetAdmin        i18n.ID = "ForgetAdmin"

	txtAuditUsage    i18n.ID = "AuditUsage"
	txtAuditNone     i18n.ID = "AuditNone"
	txtAuditHeader   i18n.ID = "AuditHeader"
	txtAuditFormer   i18n.ID = "AuditFormer"
	txtAuditOwnParty i18n.ID = "AuditOwnParty"
)

// Words that replies are composed of. A translation replaces them too.
const (
	txtNoName          i18n.ID = "NoName"
	txtNoParty         i18n.ID = "NoParty"
	txtAdminTag        i18n.ID = "AdminTag"
	txtAnAdmin         i18n.ID = "AnAdmin"
	txtBtnRemoveName   i18n.ID = "BtnRemoveName"
	txtDueToday        i18n.ID = "DueToday"
	txtDueTomorrow     i18n.ID = "DueTomorrow"
	txtDueIn           i18n.ID = "DueIn"
	txtAllParties      i18n.ID = "AllParties"
	txtByDate          i18n.ID = "ByDate"
	txtByEndOf         i18n.ID = "ByEndOf"
	txtInMonth         i18n.ID = "InMonth"
	txtLeadsMany       i18n.ID = "LeadsMany"
	txtAnd             i18n.ID = "And"
	txtAddedByAdmin    i18n.ID = "AddedByAdmin"
	txtChangedDeadline i18n.ID = "ChangedDeadline"
	txtChangedTitle    i18n.ID = "ChangedTitle"
	txtChangedParties  i18n.ID = "ChangedParties"
	txtMinAsWritten    i18n.ID = "MinAsWritten"
	txtMinImportedFrom i18n.ID = "MinImportedFrom"
	txtMinUntitled     i18n.ID = "MinUntitled"
	txtMinDocument     i18n.ID = "MinDocument"
)

// Units, each a count-dependent message ("1 day", "3 days").
const (
	unitDay      i18n.ID = "unit.Day"
	unitMonth    i18n.ID = "unit.Month"
	unitYear     i18n.ID = "unit.Year"
	unitDecision i18n.ID = "unit.Decision"
	unitTask     i18n.ID = "unit.Task"
	unitTaskWas  i18n.ID = "unit.TaskWas"
)

// commandHelp is the one-line help of a command in l, shown by /help and in
// Telegram's command menu (at most 256 characters): message help.<name>.
func commandHelp(l i18n.Lang, name string) string { return l.T(i18n.ID("help." + name)) }

// Pending nominations, for administrators.
const (
	txtNoPendingNominations i18n.ID = "NoPendingNominations"
	txtPendingNominations   i18n.ID = "PendingNominations"
)

// Examples shown to a member of each Party, in the form of its own country.
var (
	phoneExamples = map[storage.Party]string{
		storage.Azerbaijan: "+994 12 404 00 00", storage.Kazakhstan: "+7 7172 71 80 00",
		storage.Kyrgyzstan: "+996 312 51 20 00", storage.Turkiye: "+90 312 449 10 00",
		storage.Uzbekistan: "+998 71 120 76 00", storage.Hungary: "+36 1 456 9500",
		storage.Secretariat: "+90 212 279 26 26",
	}
	emailExamples = map[storage.Party]string{
		storage.Azerbaijan: "name@customs.gov.az", storage.Kazakhstan: "name@kgd.gov.kz",
		storage.Kyrgyzstan: "name@customs.gov.kg", storage.Turkiye: "name@ticaret.gov.tr",
		storage.Uzbekistan: "name@customs.uz", storage.Hungary: "name@nav.gov.hu",
		storage.Secretariat: "name@turkicstates.org",
	}
)

// auditWords says each action of the audit log in words: who did it (and to
// whom), or which contact.
var auditWords = map[string]i18n.ID{
	storage.AuditNominated:       "audit.AuditNominated",
	storage.AuditApproved:        "audit.AuditApproved",
	storage.AuditRejected:        "audit.AuditRejected",
	storage.AuditWithdrawn:       "audit.AuditWithdrawn",
	storage.AuditEdited:          "audit.AuditEdited",
	storage.AuditRemoved:         "audit.AuditRemoved",
	storage.AuditForgotten:       "audit.AuditForgotten",
	storage.AuditMemberApproved:  "audit.AuditMemberApproved",
	storage.AuditMemberRejected:  "audit.AuditMemberRejected",
	storage.AuditMemberRemoved:   "audit.AuditMemberRemoved",
	storage.AuditMemberParty:     "audit.AuditMemberParty",
	storage.AuditMemberForgotten: "audit.AuditMemberForgotten",
	storage.AuditTaskEdited:      "audit.AuditTaskEdited",
}

// Submitting a Party's part (issue 10, item 1).
const (
	txtSubmitAsk         i18n.ID = "SubmitAsk"
	txtSubmitAskGroup    i18n.ID = "SubmitAskGroup"
	txtBtnSubmitYes      i18n.ID = "BtnSubmitYes"
	txtSubmitCancelled   i18n.ID = "SubmitCancelled"
	txtSubmitExpired     i18n.ID = "SubmitExpired"
	txtSubmitRef         i18n.ID = "SubmitRef"
	txtSubmitUndoHint    i18n.ID = "SubmitUndoHint"
	txtBtnUndo           i18n.ID = "BtnUndo"
	txtSubmitNotice      i18n.ID = "SubmitNotice"
	txtSubmitFileCaption i18n.ID = "SubmitFileCaption"
	txtUndoNotSubmitted  i18n.ID = "UndoNotSubmitted"
	txtUndoNotYours      i18n.ID = "UndoNotYours"
	txtUndoTooLate       i18n.ID = "UndoTooLate"
	txtUndoneToast       i18n.ID = "UndoneToast"
	txtUndone            i18n.ID = "Undone"
	txtUndoAdmins        i18n.ID = "UndoAdmins"
	txtYourPartConfirmed i18n.ID = "YourPartConfirmed"
	txtYourPartReopened  i18n.ID = "YourPartReopened"
	txtSubmissionDecided i18n.ID = "SubmissionDecided"
	txtStatusAlready     i18n.ID = "StatusAlready"
	txtBtnOpenFile       i18n.ID = "BtnOpenFile"
	txtNoFile            i18n.ID = "NoFile"
	txtTaskAddedForYou   i18n.ID = "TaskAddedForYou"
	txtDeadlineMoved     i18n.ID = "DeadlineMoved"
)

// The Secretariat's report, calendars, board and digest (issue 15).
// reportCaption is the caption of the report's file in format (docx, xlsx, pdf).
func reportCaption(format string) i18n.ID { return i18n.ID("ReportCaption." + format) }

const (
	txtBtnOpenPrivately i18n.ID = "BtnOpenPrivately"

	txtForgotCalendar     i18n.ID = "ForgotCalendar"
	txtForgotDigest       i18n.ID = "ForgotDigest"
	txtCalendarPrivate    i18n.ID = "CalendarPrivate"
	txtCalendarAll        i18n.ID = "CalendarAll"
	txtCalendarParty      i18n.ID = "CalendarParty"
	txtCalendarCaption    i18n.ID = "CalendarCaption"
	txtCalendarCaptionAll i18n.ID = "CalendarCaptionAll"
	txtCalendarArgs       i18n.ID = "CalendarArgs"
	txtCalendarLink       i18n.ID = "CalendarLink"
	txtCalendarReset      i18n.ID = "CalendarReset"
	txtCalendarHaveLink   i18n.ID = "CalendarHaveLink"
	txtCalendarNoFeed     i18n.ID = "CalendarNoFeed"

	txtReportNoMeeting i18n.ID = "ReportNoMeeting"
	txtReportEmpty     i18n.ID = "ReportEmpty"
)

// The live status board (issue 15).
const (
	txtBoardTitle      i18n.ID = "BoardTitle"
	txtBoardNone       i18n.ID = "BoardNone"
	txtBoardMore       i18n.ID = "BoardMore"
	txtBoardNoDate     i18n.ID = "BoardNoDate"
	txtBoardLegend     i18n.ID = "BoardLegend"
	txtBoardGroupOnly  i18n.ID = "BoardGroupOnly"
	txtBoardNotEnabled i18n.ID = "BoardNotEnabled"
	txtBoardNoPin      i18n.ID = "BoardNoPin"
)

// The weekly digest (/digest).
const (
	txtDigestPrivate     i18n.ID = "DigestPrivate"
	txtDigestNone        i18n.ID = "DigestNone"
	txtDigestPick        i18n.ID = "DigestPick"
	txtDigestZone        i18n.ID = "DigestZone"
	txtDigestEvery       i18n.ID = "DigestEvery"
	txtDigestParty       i18n.ID = "DigestParty"
	txtDigestAll         i18n.ID = "DigestAll"
	txtDigestFirst       i18n.ID = "DigestFirst"
	txtDigestExample     i18n.ID = "DigestExample"
	txtDigestBadWord     i18n.ID = "DigestBadWord"
	txtDigestNeedDay     i18n.ID = "DigestNeedDay"
	txtDigestNeedTime    i18n.ID = "DigestNeedTime"
	txtDigestOff         i18n.ID = "DigestOff"
	txtDigestWasOff      i18n.ID = "DigestWasOff"
	txtDigestNotSaved    i18n.ID = "DigestNotSaved"
	txtDigestSaved       i18n.ID = "DigestSaved"
	txtBtnDigestOff      i18n.ID = "BtnDigestOff"
	txtBtnDigestOpen     i18n.ID = "BtnDigestOpen"
	txtNeedPartyShort    i18n.ID = "NeedPartyShort"
	txtDigestHeader      i18n.ID = "DigestHeader"
	txtDigestEveryParty  i18n.ID = "DigestEveryParty"
	txtDigestOverdue     i18n.ID = "DigestOverdue"
	txtDigestSoon        i18n.ID = "DigestSoon"
	txtDigestNothingSoon i18n.ID = "DigestNothingSoon"
	txtDigestLater       i18n.ID = "DigestLater"
	txtDigestMore        i18n.ID = "DigestMore"
	txtDigestMoreAll     i18n.ID = "DigestMoreAll"
	txtDigestNoOpen      i18n.ID = "DigestNoOpen"
	txtDigestFooter      i18n.ID = "DigestFooter"
)

// The Mini App (issue 16). Its pages are plain text (shown with textContent,
// never as HTML), so these carry no tags. AppTexts is served to the page as
// one JSON object; the keys are what app.js looks up.
const (
	txtBtnOpenApp     i18n.ID = "BtnOpenApp"
	txtMenuApp        i18n.ID = "MenuApp"
	txtAppNotAllowed  i18n.ID = "AppNotAllowed"
	txtAppAdminOnly   i18n.ID = "AppAdminOnly"
	txtAppNoTask      i18n.ID = "AppNoTask"
	txtAppNotParty    i18n.ID = "AppNotParty"
	txtAppNoChange    i18n.ID = "AppNoChange"
	txtAppInvalid     i18n.ID = "AppInvalid"
	txtAppBadDate     i18n.ID = "AppBadDate"
	txtAppBadParties  i18n.ID = "AppBadParties"
	txtAppBadRequest  i18n.ID = "AppBadRequest"
	txtAppUnavailable i18n.ID = "AppUnavailable"
	txtAppNoMeeting   i18n.ID = "AppNoMeeting"
	// TxtAppReportAdminOnly refuses the report to a member.
	TxtAppReportAdminOnly i18n.ID = "AppReportAdminOnly"
)

// AppTexts are the words of the Mini App's page in l, by key: the messages
// app.<key> of the catalog (a count-dependent one in its "other" form, with
// its %d for the page to fill).
func AppTexts(l i18n.Lang) map[string]string { return l.Prefixed("app.") }

// Languages (issue 13, branch i18n-core).
const (
	txtLanguageAsk            i18n.ID = "LanguageAsk"
	txtLanguageSet            i18n.ID = "LanguageSet"
	txtLanguageGroupSet       i18n.ID = "LanguageGroupSet"
	txtLanguageGroupAdminOnly i18n.ID = "LanguageGroupAdminOnly"
	txtForgotSettings         i18n.ID = "ForgotSettings"
)
