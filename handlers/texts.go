package handlers

import "github.com/ots-customs/wgbot/storage"

// Every sentence the bot says is here, so that a translation is one file.
// Texts are Telegram HTML; the %s they take must be escaped with esc.
const (
	txtDefaultBotName = "wgbot"
	txtBotIntro       = "<b>%s</b> keeps the agenda, decisions and deadlines of the Working Group on Customs Cooperation of the Organization of Turkic States."

	txtStrangerIntro = "This bot serves the members of the Working Group on Customs Cooperation of the OTS. Its data is not public.\nIf you are a member, request access and the Secretariat will review it."
	txtStrangerOnly  = "This is for Working Group members only.\nRequest access below, or ask the OTS Secretariat."
	txtNotInGroup    = "Members and administrators use this in a private chat with me, where I can check who you are."

	txtBtnRequestAccess = "Request access"
	txtChooseParty      = "Which Party do you represent?"
	txtRequestSent      = "Thank you. Your request to join for %s was sent to the Secretariat.\nI will write to you in our private chat when it is decided."
	txtRequestPending   = "Your request for %s is already with the Secretariat. I will write to you when it is decided."
	txtAlreadyMember    = "You are already a member for %s. Try /help."

	txtAdminNewRequest  = "<b>Access request</b>\n%s\nParty: %s"
	txtAdminPartyChange = "<b>Change of Party</b>\n%s\nnow: %s\nasks for: %s"
	txtYouPartyChanged  = "✅ The Secretariat approved: you now represent %s."
	txtYouPartyKept     = "The Secretariat did not approve the change of Party. You still represent %s; if you think this is a mistake, please contact the OTS Secretariat."
	txtBtnApprove       = "✅ Approve"
	txtBtnReject        = "❌ Reject"
	txtRequestApproved  = "✅ Approved by %s"
	txtRequestRejected  = "❌ Rejected by %s"
	txtAlreadyDecided   = "This request was already decided: %s by %s."
	txtRequestGone      = "There is no such request any more. See /requests for the pending ones."
	txtYouApproved      = "✅ Your access was approved. You represent %s.\nTry /deadlines or /mytasks; /help lists everything."
	txtYouRejected      = "Your request for access was not approved. If you think this is a mistake, please contact the OTS Secretariat; you can ask again from %s."
	txtRejectedWait     = "Your last request for access was not approved. You can ask again from %s, or contact the OTS Secretariat meanwhile."
	txtNoPending        = "No access requests are pending."
	txtPendingHeader    = "<b>Pending requests</b> (access, and changes of Party)"

	txtAdminOnly    = "Only the Secretariat's administrators can do this. Nothing was changed; if you need it done, ask the OTS Secretariat."
	txtStaleButton  = "This button is out of date or not meant for you. Nothing was changed."
	txtOldButton    = "This message is too old for its buttons. Nothing was changed. Send the command again for fresh ones."
	txtNotYourParty = "Only members for %s or the Secretariat can change its part. Nothing was changed."
	txtUnknownCmd   = "I don't know /%s.\nHere is what you can use:"
	txtBtnGoPrivate = "💬 Open my private chat (%s)"
	txtForOtherBot  = "%s is addressed to another bot, so I did not run it.\nTo ask me, send /%s without the @ part."
	txtDidYouMean   = "I don't know /%s. Did you mean /%s?"
	txtBtnRunCmd    = "▶️ /%s"
	txtPlainText    = "I answer commands. Send /help to see them."
	txtStorageDown  = "⚠️ The bot's storage is unavailable, try again shortly."
	txtInternal     = "Sorry, something went wrong on my side and nothing was changed. Please try again; if it keeps happening, tell the OTS Secretariat."
	txtPanicApology = "Sorry, I could not finish that because of an error on my side. Please try again later."
	txtHelpHeader   = "<b>Commands</b>"
	txtHelpGroup    = "In this group everyone may use /agenda, /deadlines and /task."

	txtAgendaHeader = "<b>Agenda: %s</b>\n%s, %s"
	txtNoMeetings   = "No meetings are recorded yet."
	txtUnknownMtg   = "I don't know the meeting “%s”. Pick one below."

	txtDeadlinesHeader = "<b>Open deadlines</b>, as of %s"
	txtAllHeader       = "<b>All deadlines</b>, as of %s"
	txtNoDeadlines     = "No open tasks have a deadline. 🎉"
	txtLongOverdue     = "<b>Long overdue</b> (over %d days)"
	txtOverdue         = "<b>Overdue</b>"
	txtUpcoming        = "<b>Coming up</b>"
	txtDoneSection     = "<b>Done</b>"
	txtDeadlinesArgs   = "/deadlines takes no argument or <code>all</code> (to include done tasks)."
	txtMoreUndated     = "%d more open tasks have no deadline; see /mytasks."

	txtMyTasksHeader   = "<b>Open tasks of %s</b>"
	txtNoMyTasks       = "%s has no open tasks. 🎉"
	txtNoDeadline      = "no deadline set"
	txtNoDeadlineGroup = "📅 <b>No deadline set</b>"
	txtPageOf          = "(page %d of %d)"
	txtBtnPrevious     = "◀️ Previous"
	txtBtnNext         = "Next ▶️"
	txtBtnSubmitted    = "📨 Submitted: %s %s"
	txtBtnOpenTaskN    = "%s %s"
	txtWhichParty      = "Tell me which Party you represent, and I will show its tasks."
	txtTogetherWith    = "Parties: "

	txtIamSet       = "Noted: you represent %s."
	txtIamUnknown   = "I don't recognise “%s” as a Party. Pick one below:"
	txtIamRequested = "Your request to represent %s was sent to the Secretariat. Until it is approved you represent %s.\nI will write to you in our private chat when it is decided."
	txtIamPending   = "Your request to represent %s is already with the Secretariat. Until it is decided you represent %s."
	txtIamSame      = "You already represent %s."
	txtIamStrangers = "Only members have a Party. Request access first."
	txtIamCancelled = "Cancelled. You still represent %s."
	txtIamNoChange  = "Cancelled. Nothing was changed."

	txtGroupEnabled     = "✅ %s is enabled in this group. Everyone here may use /agenda, /deadlines and /task."
	txtGroupDisabled    = "%s is disabled in this group. An administrator can /enable it again."
	txtEnableInGroup    = "Send /enable in the group chat where the bot should answer."
	txtAlreadyEnabled   = "%s is already enabled in this group."
	txtMembersHeader    = "<b>Members</b> (%d)"
	txtNoMembers        = "No members yet. Strangers who write to me can request access."
	txtRemoveAsk        = "Remove %s from the members? They will lose access at once."
	txtBtnRemove        = "Remove"
	txtBtnCancel        = "Cancel"
	txtRemoved          = "%s was removed from the members."
	txtNotAMember       = "User %d is not a member."
	txtRemoveUsage      = "Use /remove followed by a user id from /members, or press a button there."
	txtCancelled        = "Cancelled. Nothing was changed."
	txtYouWereRemoved   = "Your access to %s was removed by the Secretariat."
	txtMeetingButton    = "📋 %s"
	txtPartyOverdueDays = "overdue by %s"
)

// Deadline alerts and task status (issue 4).
const (
	txtAlertInDays      = "⏰ <b>Deadline in %d days</b>"
	txtAlertTomorrow    = "⏰ <b>Deadline tomorrow</b>"
	txtAlertToday       = "⏰ <b>Deadline today</b>"
	txtAlertMissed      = "🔴 <b>Deadline missed yesterday</b>"
	txtWaitingFor       = "Waiting for %s"
	txtBtnOpenTask      = "Open task"
	txtSubscriptionGone = "ℹ️ I was removed from %s or can no longer write there, so its deadline alerts have stopped. Send /subscribe there to restart them."

	txtSubscribedGroup   = "🔔 This group will receive deadline alerts %s, at %02d:%02d (%s), and the day after a missed one."
	txtSubscribedPrivate = "🔔 You will receive alerts for the tasks of %s here, %s, at %02d:%02d (%s)."
	txtSubscribedAll     = "🔔 You will receive alerts for every task here, %s, at %02d:%02d (%s)."
	txtAlreadySubscribed = "🔔 Alerts are already on in this chat: %s, at %02d:%02d (%s). Nothing changed; /unsubscribe stops them."
	txtLeadsBefore       = "%s before each deadline"
	txtLeadsAndOnTheDay  = ", and on the day itself"
	txtLeadsOnlyOnTheDay = "on the day of each deadline"
	txtUnsubscribed      = "🔕 Deadline alerts are off in this chat."
	txtNotSubscribed     = "This chat does not receive deadline alerts. Send /subscribe to start them."
	txtNeedParty         = "Tell me your Party first (/iam), so I know which tasks are yours."

	txtTaskUsage      = "Use /task followed by a task number, for example /task 3. Numbers are shown in /mytasks."
	txtDoneAdminUsage = "Name the Party whose part you record, for example /done 3 KZ Note 45/2024 (it is recorded as yours). Or open the task with /task 3 and press its button."
	txtDoneUsage      = "Use /done followed by a task number and, if you like, a reference, for example /done 3 Note 45/2024. Send /done alone to pick from your Party's open tasks."
	txtNoSuchTask     = "There is no task %s. /deadlines and /mytasks list the tasks."
	txtTaskHeader     = "<b>Task %d</b>: %s"
	txtTaskDeadline   = "📅 %s (%s)"
	txtTaskNoDate     = "📅 no deadline set"
	txtTaskSource     = "Source: %s"
	txtTaskStatus     = "<b>Status</b>"
	txtTaskHistory    = "<b>Latest changes</b>"
	txtStateOpen      = "⏳ %s: not yet submitted"
	txtStateSub       = "📨 %s: submitted%s%s"
	txtStateConf      = "✅ %s: confirmed by the Secretariat%s%s"
	txtStateOn        = " on %s"
	txtSubmittedOn    = "submitted on %s"
	txtAllSubmitted   = "submitted"
	txtBtnConfirm     = "✅ Confirm %s"
	txtBtnReopen      = "↩️ Reopen %s"
	txtDoneHint       = "When your Party has submitted a task, press its 📨 button (I ask before recording it), or send /done N with a note number or link. /task N shows a task."
	txtDoneNothing    = "%s has no open tasks left. 🎉"
	txtDoneOK         = "📨 Noted: %s submitted its part of task %d, “%s”.%s"
	txtDoneAlready    = "%s had already submitted its part of task %d."
	txtDoneNotYours   = "Task %d is not a task of %s, so I did not change it."
	txtDoneAllIn      = "\nEvery responsible Party has now submitted; the alerts for this task stop."
	txtStatusChanged  = "%s for %s on task %d."
	txtConfirmed      = "Confirmed"
	txtReopened       = "Reopened"

	txtAddUsage   = "Use: /addtask PARTIES DATE TEXT, for example\n/addtask TR 2024-03-01 Submit the renewed concept\nPARTIES: codes such as TR or TR,UZ, or ALL. DATE: 2024-03-01, 1 March 2024, March 2024 or end of 2024."
	txtAddBadDate = "I could not read a date there. Write it as 2024-03-01, 1.3.2024, 1 March 2024, March 2024 or end of 2024 (or none, with /edittask, to remove a deadline)."
	txtAddBadPty  = "I don't recognise “%s” as a Party. Use codes such as TR, UZ, KZ, KG, AZ, HU, SEC or ALL."
	txtAddNoText  = "Please add the text of the task after the date."
	txtAdded      = "✅ Added task %d: %s\n%s · %s"
	txtEditUsage  = "Use: /edittask ID date DATE, /edittask ID date none, /edittask ID title TEXT or /edittask ID parties TR,UZ"
	txtEdited     = "✅ Task %d changed: %s"
	txtDelAsk     = "Delete task %d, “%s”? Its alerts stop."
	txtDeleted    = "🗑 Task %d was deleted."
	txtBtnDelete  = "Delete"
	txtInvalid    = "That does not work: %s. Nothing was changed."

	txtDateOutOfRange    = "That date is not one I can use: deadlines fall between the years %d and %d. Nothing was changed.\nWrite it as 2024-03-01, 1.3.2024, 1 March 2024, March 2024 or end of 2024."
	txtDateNoSuchDay     = "That day does not exist in the calendar. Nothing was changed.\nWrite it as 2024-03-01, 1.3.2024, 1 March 2024, March 2024 or end of 2024."
	txtChangedNoDeadline = "no deadline any more (its alerts stop)"
	txtFldTitle          = "The title"
	txtFldText           = "The text"
	txtFldRef            = "The reference"
	txtTextBadChars      = "%s holds control characters (invisible codes such as NUL or BEL), which I can't store. Please type it again as plain text. Nothing was changed."
	txtTextInvisible     = "%s shows nothing: it has only spaces or invisible characters. Please type words people can read. Nothing was changed."
)

// Minutes upload (issue 5).
const (
	txtMinUsage       = "Send me the minutes as a PDF, DOCX or plain-text file and I will list their decisions and deadlines.\nIn a group, send the file with the caption /minutes, or reply /minutes to a file."
	txtMinReading     = "📄 Reading %s…"
	txtMinUploadsOff  = "Reading files is not available on this bot."
	txtMinFileTooBig  = "%s is %s; bots can download files of at most 20 MB from Telegram. Please send a smaller file, for example the minutes without their annexes."
	txtMinUnsupported = "I can't read %s. Please send the minutes as a PDF (with a text layer), a Word file (.docx) or a plain-text file (.txt)."
	txtMinEmptyDoc    = "%s is empty: there is no text in it."
	txtMinNoTextLayer = "%s has pages but no text layer: it looks like a scan. Please send a PDF with text (or the .docx), or run it through OCR first."
	txtMinEncrypted   = "%s is protected with a password. Please send an unprotected copy."
	txtMinCorruptDoc  = "%s seems damaged: I could not read it. Please export it again and send the new file."
	txtMinDocTooLarge = "%s holds more text than I can read at once (it unpacks to too much data). Please send the minutes alone, without annexes."

	txtMinFoundHeader    = "<b>Decisions with deadlines in %s</b>"
	txtMinFoundCount     = "%s found, in the order of the document:"
	txtMinNoItemsFound   = "I found no decisions with a deadline in it."
	txtMinMoreItems      = "…and %d more."
	txtMinSummaryOff     = "<i>Summaries are off (no OPENAI_API_KEY).</i>"
	txtMinFromModel      = "<i>🤖 found by the AI model; its quote, Party and date are checked against the text</i>"
	txtMinSummaryHeader  = "<b>Summary</b> <i>(written by an AI model from the document; check it against the minutes)</i>"
	txtMinSummaryFailed  = "⚠️ The summary failed: %s. The decisions above were found without it and are complete."
	txtMinSummaryNotMade = "the summary could not be made"

	txtMinBtnImport          = "📥 Import %s"
	txtMinBtnConfirm         = "✅ Import"
	txtMinImportAsk          = "Import %s from %s as the meeting “%s”? They will appear in /deadlines, /mytasks and the alerts. Tasks already in the list are skipped."
	txtMinUploadExpired      = "This upload is no longer kept (uploads wait 7 days). Send the file again to import it. Nothing was changed."
	txtMinAlreadyImported    = "These minutes were already imported on %s. Nothing was changed; see /imports."
	txtMinImportWasUndone    = "These minutes were imported and the import was undone. Send the file again to import it anew. Nothing was changed."
	txtMinImported           = "✅ Imported %s from %s as the meeting “%s”."
	txtMinSkippedHeader      = "%s already in the task list, so I skipped:"
	txtMinSkippedLine        = "%s (same as task %d)"
	txtMinAlertsNotScheduled = "⚠️ The alerts of some tasks could not be scheduled now; they will be when the tasks are next changed."
	txtMinImportedFooter     = "See /deadlines. To review or undo the import, use /imports."

	txtMinImportsHeader  = "<b>Imports of minutes</b>, latest first"
	txtMinNoImports      = "No minutes were imported yet. Send a file to the bot to start."
	txtMinImportLine     = "📥 <b>%s</b>\n%s · %s added, %d skipped · %s%s"
	txtMinMoreImports    = "…and %d older imports."
	txtMinUndoneMark     = "undone"
	txtMinBtnUndo        = "Undo: %s"
	txtMinUndoAsk        = "Undo the import of “%s”? This deletes its %s (with any progress recorded on them) and its meeting record."
	txtMinBtnUndoConfirm = "🗑 Undo import"
	txtMinAlreadyUndone  = "This import was already undone. Nothing was changed."
	txtMinUndone         = "↩️ Import of “%s” undone: removed the meeting and %s."
)

// Contacts (issue 3).
const (
	txtNomPrivate     = "Nominations are made in a private chat with me, where personal data stays between us."
	txtNomNeedParty   = "First tell me which Party you represent: send /iam."
	txtNomWhichParty  = "For which Party do you nominate someone? (You can also send /nominate KZ.)"
	txtNomStart       = "<b>New nomination for %s</b>\nI will ask for six things, one at a time. You can cancel at any step."
	txtNomResume      = "You have a nomination in progress; let us continue."
	txtNomUsage       = "Use /nominate on its own for a guided form, or give the fields in one message:\n<code>/nominate Full Name; Position; e-mail; phone</code>\n(optionally <code>; @username</code> at the end). The organization is your Party's customs administration; you can change it before confirming."
	txtNomOneMsgBad   = "I could not take this nomination:"
	txtNomUseButtons  = "Please use the buttons below to confirm, correct or cancel."
	txtNomStep        = "<b>Step %d of %d.</b>"
	txtNomAskName     = "What is the nominee's full name? (letters in any alphabet, spaces, . - ')"
	txtNomAskPosition = "What is their position?"
	txtNomAskOrg      = "Which organization do they work for? Press the button for your customs administration or type another."
	txtNomAskEmail    = "What is their e-mail address? For example %s."
	txtNomAskPhone    = "What is their phone number, in international form? For example %s.\nIf it is your own number, press 📱 Share my phone below; you can also share their contact card."
	txtNomAskUsername = "What is their Telegram username, if they have one? Press Skip if not."
	txtNomCurrent     = "Now: %s"
	txtNomSummary     = "<b>Please check the nomination</b>"
	txtNomSummaryHint = "Confirm to send it to the Secretariat, or correct a field."
	txtNomCancelled   = "The nomination was cancelled. Nothing was sent."
	txtNomDuplicate   = "⚠️ %s is already nominated (#%d, %s). Correct the e-mail, or cancel."
	txtNomSent        = "✅ Nomination #%d was sent to the Secretariat. I will tell you when it is decided; /mynominations lists yours."
	txtNomAdminNew    = "<b>Nomination #%d</b> for %s\nfrom %s"
	txtNomExpired     = "Your nomination was not finished and has been cancelled after a day; send /nominate to start again."
	txtEditExpired    = "Your edit of contact #%d was not finished and has been cancelled after a day."
	txtBtnNomCancel   = "✖️ Cancel"
	txtBtnSharePhone  = "📱 Share my phone"

	txtNoForm           = "There is no form open, so there is nothing to cancel."
	txtEditCancelled    = "The edit of contact #%d was cancelled. Nothing was changed."
	txtLeftNomination   = "You left the nomination form; nothing was sent. Send /nominate to start again."
	txtLeftEdit         = "You left the edit of contact #%d; nothing was changed."
	txtNomPhoneFromCard = "📱 I took the phone from the card: %s. I will not ask for it again."
	txtNomPhoneNoted    = "📱 Phone: %s"
	txtNomBackToSummary = "Back to the summary."
	txtContactNoForm    = "Thank you. I use a shared contact card only inside a form, to fill in a phone number: send /nominate to nominate someone."
	txtBtnNomSkip       = "Skip"
	txtBtnNomBack       = "↩️ Back to the summary"
	txtBtnNomConfirm    = "✅ Confirm"

	txtFldName     = "Name"
	txtFldPosition = "Position"
	txtFldOrg      = "Organization"
	txtFldEmail    = "E-mail"
	txtFldPhone    = "Phone"
	txtFldUsername = "Telegram"

	txtBadValue       = "That value is not valid."
	txtBadNameChars   = "A name may hold only letters (of any alphabet), spaces, dots, hyphens and apostrophes."
	txtBadLength      = "%s must be %d to %d characters long."
	txtBadTextChars   = "%s must be one line of text."
	txtBadEmail       = "That is not an e-mail address I can use; it should look like %s."
	txtBadPhoneIntl   = "Please give the phone number in international form, starting with + (or 00) and the country code."
	txtBadPhoneChars  = "A phone number may hold only digits, spaces, dashes and brackets after the +."
	txtBadPhoneDigits = "A phone number in international form has %d to %d digits."
	txtBadUsername    = "A Telegram username has %d to %d letters, digits or underscores."

	txtStatusPending   = "pending"
	txtStatusApproved  = "approved"
	txtStatusRejected  = "rejected"
	txtStatusWithdrawn = "withdrawn"

	txtContactsPrivate      = "Contacts are given in a private chat with me, to members only. Write to me directly and send /contacts."
	txtContactsUnknownParty = "I don't recognise “%s” as a Party. Pick one below:"
	txtContactsHeader       = "<b>Working Group contacts</b> (%d)"
	txtContactsPartyHeader  = "<b>Working Group contacts of %s</b> (%d)"
	txtNoContacts           = "No contacts have been approved yet. Members can propose them with /nominate."
	txtNoContactsParty      = "No contacts of %s have been approved yet."

	txtNomGone           = "There is no such nomination any more."
	txtNomAlreadyDecided = "This nomination was already decided: %s by %s."
	txtNomWasWithdrawn   = "This nomination was withdrawn by its nominator."
	txtNomDecidedHead    = "<b>Nomination #%d</b> for %s"
	txtNomYouApproved    = "✅ Your nomination of %s (#%d) was approved; it is now in /contacts."
	txtNomYouRejected    = "Your nomination of %s (#%d) was not approved. If you think this is a mistake, please contact the OTS Secretariat."
	txtNomWithdrawnAdmin = "ℹ️ Nomination #%d for %s was withdrawn by its nominator."

	txtMyNomsHeader    = "<b>Your nominations</b>"
	txtMyNomsNone      = "You have made no nominations. Send /nominate to propose a contact."
	txtBtnWithdraw     = "Withdraw #%s %s"
	txtWithdrawn       = "Nomination #%d (%s) was withdrawn."
	txtWithdrawTooLate = "Nomination #%d can no longer be withdrawn: it is %s."

	txtEditContactUsage   = "Use: /editcontact ID field value, for example\n<code>/editcontact 12 phone +998 71 234 56 78</code>\nFields: name, position, organization, email, phone, telegram."
	txtNoSuchContact      = "There is no approved contact #%d."
	txtContactNotApproved = "Contact #%d is not approved, so it cannot be edited."
	txtNothingChanged     = "Nothing was changed."
	txtContactEdited      = "✅ Contact #%d: %s changed."
	txtEditWhich          = "Which field of contact #%d should change?"
	txtEditAsk            = "Send the new %s of contact #%d. Now: %s"
	txtEditAgain          = "Send the new %s again, or cancel."
	txtRemoveContactUsage = "Use /removecontact followed by a contact number from /contacts."
	txtRemoveContactAsk   = "Remove contact #%d? This cannot be undone."
	txtContactRemoved     = "🗑 Contact #%d (%s) was removed."

	txtExportNone  = "There are no approved contacts to export."
	txtExportXLSX  = "%d contacts, for Excel (opens the same in every language setting)."
	txtExportCSV   = "%d contacts, as CSV (UTF-8, comma-separated) for other programs."
	txtExportVCard = "%d contacts, as vCards for phones and address books."

	txtForgetPrivate      = "Send /forgetme in a private chat with me."
	txtForgetAsk          = "Delete everything I hold about you? That is your membership, a nomination form in progress, your access request, your deadline alerts here, any contact entry about you and your pending nominations. You would have to request access again."
	txtBtnForget          = "🗑 Delete my data"
	txtForgetNothing      = "I hold no data about you. Nothing was deleted."
	txtForgetDone         = "Deleted:"
	txtForgotMember       = "your membership"
	txtForgotRequest      = "your access request"
	txtForgotConversation = "your nomination form in progress"
	txtForgotAlerts       = "your deadline alerts in this chat"
	txtForgotContacts     = "the contact entries about you: %s"
	txtForgotNominations  = "your pending nominations: %s"
	txtForgotUnlinked     = "your name as nominator of approved contacts %s (the contacts stay: they are about other people)"
	txtForgetAdmin        = "You remain an administrator while your id is in ADMIN_IDS."

	txtAuditUsage    = "Use /audit or /audit N, with N from 1 to %d."
	txtAuditNone     = "The audit log is empty."
	txtAuditHeader   = "<b>Latest changes</b> (%d)"
	txtAuditFormer   = "a former member"
	txtAuditOwnParty = "%s changed their own Party"
)

// Words that replies are composed of. A translation replaces them too.
const (
	txtNoName          = "(no name)"
	txtNoParty         = "no Party"
	txtAdminTag        = " · administrator"
	txtAnAdmin         = "an administrator"
	txtBtnRemoveName   = "Remove %s"
	txtDueToday        = "due today"
	txtDueTomorrow     = "due tomorrow"
	txtDueIn           = "in %s"
	txtAllParties      = "all Parties"
	txtByDate          = "by %s"
	txtByEndOf         = "by the end of %s"
	txtInMonth         = "in %s"
	txtLeadsMany       = "%s and %s days"
	txtAnd             = " and "
	txtFileRef         = "file: %s"
	txtAddedByAdmin    = "added by an administrator"
	txtChangedDeadline = "deadline %s"
	txtChangedTitle    = "title “%s”"
	txtChangedParties  = "Parties %s"
	txtMinAsWritten    = "Responsible as written: %s."
	txtMinImportedFrom = "Imported from %s"
	txtMinUntitled     = "Decision of the minutes"
	txtMinDocument     = "document"
)

// Units, with their singular and plural.
var (
	unitDay      = unit{"day", "days"}
	unitMonth    = unit{"month", "months"}
	unitYear     = unit{"year", "years"}
	unitDecision = unit{"decision", "decisions"}
	unitTask     = unit{"task", "tasks"}
	unitTaskWas  = unit{"task was", "tasks were"}
)

// commandHelp is the one-line help of each command, shown by /help and in
// Telegram's command menu (at most 256 characters each).
var commandHelp = map[string]string{
	"start":         "What this bot is",
	"help":          "The commands you can use",
	"agenda":        "Agenda of the latest meeting",
	"deadlines":     "Open tasks by deadline",
	"mytasks":       "Open tasks of your Party",
	"iam":           "Set the Party you represent",
	"task":          "One task: its Parties, status and history",
	"done":          "Mark your Party's part of a task submitted",
	"subscribe":     "Receive deadline alerts in this chat",
	"unsubscribe":   "Stop deadline alerts in this chat",
	"addtask":       "Add a task",
	"edittask":      "Change a task",
	"deltask":       "Delete a task",
	"minutes":       "Read minutes: send a file with this caption",
	"imports":       "Review and undo imports of minutes",
	"requests":      "Pending requests for access or a change of Party",
	"nominations":   "Pending nominations of contacts",
	"members":       "List and remove members",
	"remove":        "Remove a member",
	"enable":        "Let this group use the bot",
	"disable":       "Stop answering in this group",
	"nominate":      "Nominate a Working Group contact",
	"mynominations": "Your nominations, to withdraw a pending one",
	"contacts":      "Working Group contacts (private chat)",
	"export":        "Contacts as CSV and vCard files",
	"editcontact":   "Change a field of a contact",
	"removecontact": "Remove a contact",
	"audit":         "Latest changes to contacts, members and tasks",
	"forgetme":      "Delete what the bot holds about you",
	"report":        "Implementation report: Word, Excel and PDF",
	"calendar":      "Your deadlines for your calendar app",
	"board":         "Pin a live status board of open tasks here",
	"digest":        "A weekly digest of your tasks, on the day and time you choose",
	"cancel":        "Leave the form you are filling in",
}

// Pending nominations, for administrators.
const (
	txtNoPendingNominations = "No nominations are pending."
	txtPendingNominations   = "<b>Pending nominations</b> (%d), oldest first:"
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
var auditWords = map[string]string{
	storage.AuditNominated:       "%s nominated contact #%d",
	storage.AuditApproved:        "%s approved contact #%d",
	storage.AuditRejected:        "%s rejected contact #%d",
	storage.AuditWithdrawn:       "%s withdrew contact #%d",
	storage.AuditEdited:          "%s changed the %s of contact #%d",
	storage.AuditRemoved:         "%s removed contact #%d",
	storage.AuditForgotten:       "contact #%d was deleted at the request of the person it was about",
	storage.AuditMemberApproved:  "%s approved the access request of %s",
	storage.AuditMemberRejected:  "%s rejected the access request of %s",
	storage.AuditMemberRemoved:   "%s removed %s from the members",
	storage.AuditMemberParty:     "%s changed the Party of %s",
	storage.AuditMemberForgotten: "%s asked to be forgotten; their data was deleted",
	storage.AuditTaskEdited:      "%s edited task %d",
}

// Submitting a Party's part (issue 10, item 1).
const (
	txtSubmitAsk         = "Record that %s has submitted its part of task %d, “%s”?\nIf you like, first send me its reference (a note number or link): sending it records the submission with it."
	txtSubmitAskGroup    = "Record that %s has submitted its part of task %d, “%s”?\nTo record it with a reference (a note number or link), send /done %d and the reference instead."
	txtBtnSubmitYes      = "✅ Yes, submitted"
	txtSubmitCancelled   = "Cancelled. Nothing was recorded."
	txtSubmitExpired     = "The submission of task %d was not confirmed, so nothing was recorded."
	txtSubmitRef         = "Reference: %s"
	txtSubmitUndoHint    = "Pressed by mistake? Undo within %d minutes."
	txtBtnUndo           = "↩️ Undo"
	txtSubmitNotice      = "📨 <b>%s submitted its part of task %d</b>\n“%s”\nReported by %s."
	txtSubmitFileCaption = "📎 The file %s sent with task %d"
	txtUndoNotSubmitted  = "%s's part of task %d is not waiting as submitted any more, so there is nothing to undo."
	txtUndoNotYours      = "Only the member who recorded this submission can undo it. Ask the Secretariat to reopen it."
	txtUndoTooLate       = "Undo is possible for %d minutes. Ask the Secretariat to reopen the task instead."
	txtUndoneToast       = "Undone"
	txtUndone            = "↩️ Undone: %s's part of task %d, “%s”, is open again; the Secretariat was told."
	txtUndoAdmins        = "↩️ %s took back its submission of task %d, “%s”: it was a mistake. The task is open again for them."
	txtYourPartConfirmed = "✅ The Secretariat confirmed %s's part of task %d, “%s” (%s)."
	txtYourPartReopened  = "↩️ The Secretariat reopened %s's part of task %d, “%s” (%s): it is open again, and its alerts resume."
	txtSubmissionDecided = "📨 %s's part of task %d, “%s”: %s by %s."
	txtStatusAlready     = "%s on task %d was decided already; here is where it stands."
	txtBtnOpenFile       = "📎 %s's file: %s"
	txtNoFile            = "No file was sent with this submission."
	txtTaskAddedForYou   = "🆕 <b>A new task for %s</b>\n#%d %s\n📅 %s"
	txtDeadlineMoved     = "📅 <b>The deadline of task %d moved</b>\n%s\nNow: %s"
)

// The Secretariat's report, calendars, board and digest (issue 15).
var (
	txtReportCaption = map[string]string{
		"docx": "📄 %s\nThe document to edit and submit (Word).",
		"xlsx": "📊 The same matrix as a workbook: one sheet per meeting, with a status drop-down in each cell, and the log of submissions.",
		"pdf":  "🖨 A one-look snapshot to post in the group.",
	}
)

const (
	txtBtnOpenPrivately = "Open in a private chat"

	txtForgotCalendar     = "your calendar subscription link (it no longer works)"
	txtForgotDigest       = "your weekly digest"
	txtCalendarPrivate    = "Your calendar and its private link come in a private chat with me: send /calendar there."
	txtCalendarAll        = "OTS Customs WG: all deadlines"
	txtCalendarParty      = "OTS Customs WG: deadlines of %s"
	txtCalendarCaption    = "📅 The open deadlines of %s. Open the file to add them to your calendar."
	txtCalendarCaptionAll = "📅 Every open deadline. Open the file to add them to your calendar."
	txtCalendarArgs       = "/calendar sends your deadlines as a file; <code>/calendar reset</code> makes a new subscription link and stops the old one."
	txtCalendarLink       = "🔗 Your private subscription link (shown only now; keep it to yourself):\n<code>%s</code>\nAdd it in your calendar app as a subscribed calendar (Google: Other calendars, From URL; iPhone: Settings, Calendar, Accounts, Add Subscribed Calendar). It follows every change.\nIf it leaks, send <code>/calendar reset</code>."
	txtCalendarReset      = "🔗 Your new subscription link (the old one no longer works; shown only now):\n<code>%s</code>"
	txtCalendarHaveLink   = "You already have a subscription link; it was shown when it was made and is not kept. Lost it? <code>/calendar reset</code> makes a new one and stops the old."
	txtCalendarNoFeed     = "This bot does not serve calendar links (the operator has not set PUBLIC_URL). The file that /calendar sends works in every calendar app."

	txtReportNoMeeting = "I don't know the meeting “%s”. Send /report alone for the latest meeting, <code>/report all</code>, or one of:\n%s"
	txtReportEmpty     = "%s gave no tasks, so there is nothing to report yet."
)

// The live status board (issue 15).
const (
	txtBoardTitle      = "📋 <b>Open tasks</b> — as of %s"
	txtBoardNone       = "No open tasks."
	txtBoardMore       = "… and %d more: /deadlines all"
	txtBoardNoDate     = "no deadline"
	txtBoardLegend     = "✅ confirmed · 📨 submitted · ⚪ open · 🔴 overdue"
	txtBoardGroupOnly  = "The board is for a group: send /board in the Working Group's chat."
	txtBoardNotEnabled = "This group is not enabled yet, so it gets no board. Send /enable first, then /board."
	txtBoardNoPin      = "I posted the board but may not pin it here. To pin it, make me an administrator with the right to pin messages, then send /board again."
)

// The weekly digest (/digest).
const (
	txtDigestPrivate     = "Your weekly digest is set in a private chat with me: send /digest there."
	txtDigestNone        = "🗞 You get no weekly digest yet."
	txtDigestPick        = "Pick a day and a time below, or type e.g. <code>/digest monday 09:00</code>. <code>/digest off</code> stops it."
	txtDigestZone        = "Times are in %s, the bot's time zone (per-member time zones are not offered yet)."
	txtDigestEvery       = "🗞 Every %s at %s (%s) you will get %s, and what falls due in the next 30 days."
	txtDigestParty       = "the open tasks of %s"
	txtDigestAll         = "every open task of every Party"
	txtDigestFirst       = "The first one: %s."
	txtDigestExample     = "For example: <code>/digest monday 09:00</code>, or <code>/digest off</code> to stop it."
	txtDigestBadWord     = "I did not understand “%s”: I need a day of the week and a time."
	txtDigestNeedDay     = "Which day? Give a day of the week (Monday to Sunday) as well as the time."
	txtDigestNeedTime    = "At what time? Give a time such as 09:00 as well as the day."
	txtDigestOff         = "🗞 Your weekly digest is stopped. /digest starts it again."
	txtDigestWasOff      = "You had no weekly digest; nothing to stop. /digest sets one."
	txtDigestNotSaved    = "I could not change your digest just now; nothing changed. Please try again in a minute."
	txtDigestSaved       = "Saved"
	txtBtnDigestOff      = "Stop the digest"
	txtBtnDigestOpen     = "Open %s %s"
	txtNeedPartyShort    = "Tell me your Party first with /iam."
	txtDigestHeader      = "🗞 <b>Weekly digest, %s</b>\n%s"
	txtDigestEveryParty  = "All Parties"
	txtDigestOverdue     = "⚠️ <b>Overdue</b>"
	txtDigestSoon        = "📅 <b>Due in the next %d days</b>"
	txtDigestNothingSoon = "📅 Nothing due in the next %d days."
	txtDigestLater       = "🗂 <b>Other open tasks</b> (later or without a date)"
	txtDigestMore        = "…and %d more: /mytasks lists them all."
	txtDigestMoreAll     = "…and %d more: <code>/deadlines all</code> lists them all."
	txtDigestNoOpen      = "No open tasks. 🎉"
	txtDigestFooter      = "Change the day or time, or stop it: /digest"
)

// The Mini App (issue 16). Its pages are plain text (shown with textContent,
// never as HTML), so these carry no tags. AppTexts is served to the page as
// one JSON object; the keys are what app.js looks up.
const (
	txtBtnOpenApp     = "📊 Open the matrix"
	txtMenuApp        = "Matrix"
	txtAppNotAllowed  = "Only members for %s or the Secretariat can change its part. Nothing was changed."
	txtAppAdminOnly   = "Only the Secretariat's administrators can do this. Nothing was changed."
	txtAppNoTask      = "There is no task %d any more. The list was refreshed."
	txtAppNotParty    = "%s is not responsible for task %d, so nothing was changed."
	txtAppNoChange    = "%s's part of task %d is already %s. Nothing was changed."
	txtAppInvalid     = "That does not work: %s. Nothing was changed."
	txtAppBadDate     = "Choose a date for the deadline. Nothing was changed."
	txtAppBadParties  = "Choose at least one Party. Nothing was changed."
	txtAppBadRequest  = "The app sent something the bot cannot read. Close it and open it again."
	txtAppUnavailable = "The bot's storage is unavailable. Nothing was saved; try again shortly."
	txtAppNoMeeting   = "I don't know the meeting “%s”. Choose one in the list."
	// TxtAppReportAdminOnly refuses the report to a member.
	TxtAppReportAdminOnly = "Only the Secretariat's administrators can download the implementation report. Ask the Secretariat for a copy."
)

// AppTexts are the words of the Mini App's page, by key.
var AppTexts = map[string]string{
	"title":          "Decisions and Parties",
	"loading":        "Loading…",
	"openInTelegram": "Open this page from the bot in Telegram: it needs to know who you are.",
	"expired":        "This page was open too long. Close it and open it again from the bot.",
	"stranger":       "This app is for members of the Working Group. Send /start to the bot to ask for access.",
	"failed":         "Something went wrong. Nothing was changed. Try again shortly.",
	"matrix":         "Matrix",
	"calendar":       "Calendar",
	"allMeetings":    "All meetings",
	"allParties":     "All Parties",
	"anyStatus":      "Any status",
	"overdueOnly":    "Overdue only",
	"open":           "open",
	"submitted":      "submitted",
	"confirmed":      "confirmed",
	"overdue":        "overdue",
	"notInvolved":    "not responsible",
	"task":           "Task",
	"deadline":       "Deadline",
	"noDeadline":     "no deadline set",
	"quote":          "From the minutes",
	"source":         "Source",
	"status":         "Status",
	"history":        "History",
	"noHistory":      "No changes yet.",
	"reference":      "Reference (note number or link)",
	"markSubmitted":  "Mark %s submitted",
	"confirm":        "Confirm %s",
	"reopen":         "Reopen %s",
	"back":           "‹ Back",
	"edit":           "Edit the task (Secretariat)",
	"text":           "Text",
	"parties":        "Parties",
	"save":           "Save",
	"saved":          "Saved.",
	"selected":       "%d selected",
	"confirmAll":     "Confirm every submitted part",
	"setDeadline":    "Set this deadline",
	"bulkDone":       "%d tasks changed.",
	"noTasks":        "No task matches these filters.",
	"today":          "Today: %s",
	"you":            "You speak for %s.",
	"youAdmin":       "You are an administrator of the Secretariat.",
	"prev":           "‹",
	"next":           "›",
	"report":         "The implementation report of the meeting chosen above (all meetings when none is), as of today:",
	"reportDocx":     "Word",
	"reportXlsx":     "Excel",
	"reportPdf":      "PDF",
	"reportReady":    "The report is downloaded: %s.",
	"selectTask":     "Select task %d",
}
