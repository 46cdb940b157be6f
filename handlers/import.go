package handlers

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/handlers/minutes"
	"github.com/ots-customs/wgbot/storage"
)

// Import of the tasks of uploaded minutes: "imp:<upload>" asks, "imp:y:<upload>"
// imports, "imp:n:<upload>" cancels; /imports lists the imports, and
// "impu:<import>" asks to undo one, "impu:y:<import>" undoes it, "impu:n:" cancels.

const (
	maxTitleRunes  = 120 // of a task title made from a commitment
	maxListImports = 20  // imports shown by /imports
	dedupeOverlap  = 0.5 // share of a proposal's words found in an existing task
)

// proposal is a task made from an extracted item, before import. Loose is
// set when its Parties are a guess ("the Parties hosting ..." with none named):
// a task of a subset of them then counts as the same task.
type proposal struct {
	storage.Task
	Loose bool
}

// memberStates are the Customs Administrations of the Member States: the five
// member states, not the observer.
var memberStates = []storage.Party{storage.Azerbaijan, storage.Kazakhstan, storage.Kyrgyzstan, storage.Turkiye, storage.Uzbekistan}

// partyWordRe finds Parties named in a sentence: "Turkish", "Azerbaijani
// and Uzbek sides", "Hungary", in English, Turkish and Russian. Go's (?i)
// does not fold the Turkish İ and ı, so "TÜRKİYE" in uploaded minutes would
// be missed: the words are spelt with minutes.TurkishWords. \b knows only
// ASCII letters, hence the explicit edges.
var partyWordRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(` + minutes.TurkishWords(
	"azerbaijani", "azerbaijan", "azerbaycan", "kazakh", "kazakhstan", "kazakistan", "kyrgyz", "kyrgyzstan",
	"kırgızistan", "turkish", "türkiye", "turkiye", "turkey", "türk", "uzbek", "uzbekistan", "özbekistan",
	"hungarian", "hungary", "азербайджан", "казахстан", "кыргызстан", "киргизия", "турция", "узбекистан", "венгрия") +
	`)(?:[^\p{L}]|$)`)

// mapParties turns the parties as the minutes write them into Party codes.
// Names it cannot read are returned in unknown (the task goes to the Secretariat).
func mapParties(names []string, quote string) (ps []storage.Party, unknown []string, loose bool) {
	add := func(more ...storage.Party) {
		for _, p := range more {
			if !slices.Contains(ps, p) {
				ps = append(ps, p)
			}
		}
	}
	for _, name := range names {
		key := strings.ToLower(strings.Join(strings.Fields(name), " "))
		key = strings.TrimPrefix(key, "the ")
		switch {
		case strings.Contains(key, "hosting") || strings.Contains(key, "host "):
			named := namedParties(quote)
			if len(named) == 0 {
				named, loose = storage.StateParties, true
			}
			add(named...)
			continue
		case (strings.Contains(key, "member states") || strings.Contains(key, "member countries")) && ourMembers(key):
			add(memberStates...)
			continue
		case key == "parties" || key == "all parties" || key == "customs administrations of the parties" || key == "all the parties" || key == "both parties" ||
			key == "all sides" || key == "parties concerned" || key == "all members" || key == "members":
			add(storage.StateParties...)
			continue
		}
		if p, ok := storage.ParseParty(name); ok {
			add(p)
			continue
		}
		if got := sideList(key); len(got) > 0 {
			add(got...)
			continue
		}
		unknown = append(unknown, name)
	}
	if len(ps) == 0 {
		add(storage.Secretariat)
	}
	return ps, unknown, loose
}

// ourMembers tells whether "member states" are the OTS's: unqualified or
// "of the OTS", not "the member states of EurAsEC", which stay as written.
func ourMembers(key string) bool {
	i := strings.Index(key, " of ")
	if i < 0 || !strings.Contains(key[:i], "member") {
		return true
	}
	rest := key[i+4:]
	return strings.Contains(rest, "ots") || strings.Contains(rest, "organization of turkic states") || strings.Contains(rest, "organisation of turkic states")
}

// sideList reads "azerbaijani and uzbek sides", "kazakh, kyrgyz sides".
func sideList(key string) []storage.Party {
	key = strings.TrimSuffix(strings.TrimSuffix(key, " sides"), " side")
	var out []storage.Party
	for _, f := range strings.FieldsFunc(key, func(r rune) bool { return r == ',' || r == '&' }) {
		for _, w := range strings.Split(f, " and ") {
			p, ok := storage.ParseParty(w)
			if !ok {
				return nil
			}
			out = append(out, p)
		}
	}
	return out
}

// namedParties lists the Parties named in a sentence, in the order of storage.Parties.
func namedParties(s string) []storage.Party {
	var out []storage.Party
	for pos := 0; pos < len(s); {
		m := partyWordRe.FindStringSubmatchIndex(s[pos:])
		if m == nil {
			break
		}
		if p, ok := storage.ParseParty(s[pos+m[2] : pos+m[3]]); ok && !slices.Contains(out, p) {
			out = append(out, p)
		}
		pos += m[3] // the next name may start right after this one: "Kazakh,Kyrgyz"
	}
	return out
}

// propose makes the task an item would become.
func propose(it minutes.Item, fileName string, now time.Time) proposal {
	l := i18n.English // a task's words are stored data, in the minutes' language
	ps, unknown, loose := mapParties(it.Parties, it.Quote)
	text := it.Quote
	if len(unknown) > 0 {
		text = l.T(txtMinAsWritten, strings.Join(unknown, "; ")) + " " + text
	}
	t := storage.Task{
		Title:   taskTitle(l, it.Text),
		Text:    clip(text, storage.MaxTextLen),
		Parties: ps,
		Source:  clip(l.T(txtMinImportedFrom, fileName), 200),
		Created: now,
	}
	if d, err := storage.ParseDate(it.Deadline); err == nil {
		prec := storage.Precision(it.Precision)
		if it.Precision == minutes.PrecisionHalf {
			prec = storage.PrecisionQuarter // a half-year ends with its second quarter; the text says which
		}
		t.Deadline = storage.Deadline{Due: d, Precision: prec, Text: it.DeadlineText}
	}
	return proposal{Task: t, Loose: loose}
}

// taskTitle is the commitment as a one-line title: capitalised and shortened at a word.
func taskTitle(l i18n.Lang, s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return l.T(txtMinUntitled)
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if utf8.RuneCountInString(s) <= maxTitleRunes {
		return s
	}
	cut := string([]rune(s)[:maxTitleRunes])
	if i := strings.LastIndexByte(cut, ' '); i > maxTitleRunes/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// duplicateOf returns the existing task that p repeats: same deadline, same
// Parties (or, for a loose guess, a subset of them) and a similar wording.
func duplicateOf(p proposal, existing []storage.Task) (storage.Task, bool) {
	words := wordSet(p.Title + " " + p.Text)
	for _, t := range existing {
		if t.Deadline.Due != p.Deadline.Due {
			continue
		}
		if !sameSet(t.Parties, p.Parties) && !(p.Loose && subset(t.Parties, p.Parties)) {
			continue
		}
		if similar(words, wordSet(t.Title+" "+t.Text)) {
			return t, true
		}
	}
	return storage.Task{}, false
}

func sameSet(a, b []storage.Party) bool { return subset(a, b) && subset(b, a) }

func subset(a, b []storage.Party) bool {
	for _, p := range a {
		if !slices.Contains(b, p) {
			return false
		}
	}
	return len(a) > 0
}

// dedupeStop are words that say nothing about what a task is.
var dedupeStop = map[string]bool{"the": true, "a": true, "an": true, "of": true, "to": true, "and": true,
	"or": true, "in": true, "on": true, "for": true, "with": true, "by": true, "its": true, "their": true,
	"will": true, "shall": true, "side": true, "parties": true, "party": true, "until": true, "be": true}

// wordSet is the set of crude stems (first five letters) of the content words.
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if dedupeStop[w] || len(w) < 2 {
			continue
		}
		if r := []rune(w); len(r) > 5 {
			w = string(r[:5])
		}
		set[w] = true
	}
	return set
}

// similar: most words of the shorter text are in the other.
func similar(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n)/float64(len(a)) >= dedupeOverlap
}

// importButton handles the "imp:" buttons.
func (b *Bot) importButton(ctx context.Context, r *Request) error {
	id, v, ok := parseButton(r.Callback.Data)
	if r.Role != Admin || !ok {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true)
	}
	if v == verbNo {
		if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
			return err
		}
		return b.cancelled(ctx, r)
	}
	up, err := b.Store.GetUpload(ctx, id)
	if isNotFound(err) {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtMinUploadExpired), true)
	}
	if err != nil {
		return err
	}
	if imp, err := b.Store.GetImport(ctx, id); err == nil {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, alreadyImported(r.Lang, imp), true)
	} else if !isNotFound(err) {
		return err
	}
	if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
		return err
	}
	if v == verbAsk {
		return b.reply(ctx, r, r.Lang.T(txtMinImportAsk, count(r.Lang, len(up.Tasks), unitTask), esc(up.FileName), esc(meetingTitle(r.Lang, up))),
			[]Button{{Text: r.Lang.T(txtMinBtnConfirm), Data: "imp:y:" + id}, {Text: r.Lang.T(txtBtnCancel), Data: "imp:n:" + id}})
	}
	return b.runImport(ctx, r, up)
}

// runImport turns an upload's proposals into tasks of a new meeting,
// skipping those already in the task list.
func (b *Bot) runImport(ctx context.Context, r *Request, up storage.Upload) error {
	imp := storage.Import{ID: up.ID, MeetingID: "imp-" + up.ID, Title: meetingTitle(r.Lang, up), FileName: up.FileName,
		By: r.User.ID, At: b.Now()}
	stored, created, err := b.Store.ClaimImport(ctx, imp)
	if err != nil {
		return err
	}
	if !created {
		return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: alreadyImported(r.Lang, stored)})
	}
	existing, err := b.Store.Tasks(ctx)
	if err != nil {
		return err
	}
	existing = slices.Clone(existing) // the store's slice is shared; new tasks are appended to this one
	m := storage.Meeting{ID: imp.MeetingID, Title: imp.Title, Short: clip(imp.Title, 40), Date: up.Date,
		Place: "imported from " + up.FileName}
	var skipped []string
	scheduleFailed := false
	for i, t := range up.Tasks {
		p := proposal{Task: t, Loose: slices.Contains(up.Guessed, i)}
		if dup, ok := duplicateOf(p, existing); ok {
			skipped = append(skipped, r.Lang.T(txtMinSkippedLine, esc(t.Title), dup.ID))
			continue
		}
		if len(imp.TaskIDs) == 0 { // the meeting comes with its first new task, not for duplicates only
			if err := b.Store.AddMeeting(ctx, m); err != nil {
				return err
			}
		}
		t.MeetingID = m.ID
		added, err := b.Store.AddTask(ctx, t)
		if err != nil {
			imp.Skipped = len(skipped)
			_ = b.Store.PutImport(ctx, imp) // keep what was added undoable
			return err
		}
		imp.TaskIDs = append(imp.TaskIDs, added.ID)
		existing = append(existing, added)
		if err := b.ScheduleTask(ctx, added); err != nil {
			scheduleFailed = true
		}
	}
	imp.Skipped = len(skipped)
	if err := b.Store.PutImport(ctx, imp); err != nil {
		return err
	}
	var sb strings.Builder
	sb.WriteString(r.Lang.T(txtMinImported, count(r.Lang, len(imp.TaskIDs), unitTask), esc(up.FileName), esc(imp.Title)))
	if len(skipped) > 0 {
		sb.WriteString("\n\n" + r.Lang.T(txtMinSkippedHeader, count(r.Lang, len(skipped), unitTaskWas)))
		for _, s := range skipped {
			sb.WriteString("\n• " + s)
		}
	}
	if scheduleFailed {
		sb.WriteString("\n\n" + r.Lang.T(txtMinAlertsNotScheduled))
	}
	sb.WriteString("\n\n" + r.Lang.T(txtMinImportedFooter))
	return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: sb.String()})
}

func meetingTitle(l i18n.Lang, up storage.Upload) string {
	t := strings.TrimSpace(up.Title)
	if t == "" {
		t = "Minutes " + up.FileName
	}
	if !up.Date.IsZero() {
		t += ", " + longDate(l, up.Date)
	}
	return clip(t, 200)
}

func alreadyImported(l i18n.Lang, imp storage.Import) string {
	if imp.Undone {
		return l.T(txtMinImportWasUndone)
	}
	return l.T(txtMinAlreadyImported, imp.At.Format(time.DateOnly))
}

// imports is /imports: the imports, latest first, with Undo buttons.
func (b *Bot) imports(ctx context.Context, r *Request) error {
	all, err := b.Store.ListImports(ctx)
	if err != nil {
		return err
	}
	if len(all) == 0 {
		return b.reply(ctx, r, r.Lang.T(txtMinNoImports))
	}
	lines := []string{r.Lang.T(txtMinImportsHeader)}
	var rows [][]Button
	for i, imp := range all {
		if i == maxListImports {
			lines = append(lines, r.Lang.N(txtMinMoreImports, len(all)-maxListImports))
			break
		}
		state := ""
		if imp.Undone {
			state = " · " + r.Lang.T(txtMinUndoneMark)
		}
		lines = append(lines, r.Lang.T(txtMinImportLine, esc(imp.Title), esc(imp.FileName),
			count(r.Lang, len(imp.TaskIDs), unitTask), imp.Skipped, imp.At.In(b.Location).Format(time.DateOnly), state))
		if !imp.Undone {
			rows = append(rows, []Button{{Text: r.Lang.T(txtMinBtnUndo, clip(imp.Title, 40)), Data: "impu:" + imp.ID}})
		}
	}
	return b.reply(ctx, r, strings.Join(lines, "\n\n"), rows...)
}

// undoButton handles the "impu:" buttons.
func (b *Bot) undoButton(ctx context.Context, r *Request) error {
	id, v, ok := parseButton(r.Callback.Data)
	if !ok {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true)
	}
	if v == verbNo {
		if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
			return err
		}
		return b.cancelled(ctx, r)
	}
	imp, err := b.Store.GetImport(ctx, id)
	if isNotFound(err) {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true)
	}
	if err != nil {
		return err
	}
	if imp.Undone {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtMinAlreadyUndone), true)
	}
	if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
		return err
	}
	if v == verbAsk {
		return b.reply(ctx, r, r.Lang.T(txtMinUndoAsk, esc(imp.Title), count(r.Lang, len(imp.TaskIDs), unitTask)),
			[]Button{{Text: r.Lang.T(txtMinBtnUndoConfirm), Data: "impu:y:" + id}, {Text: r.Lang.T(txtBtnCancel), Data: "impu:n:" + id}})
	}
	return b.undoImport(ctx, r, imp)
}

// undoImport deletes the tasks of an import (and any task of its meeting,
// in case an import was cut short) and the meeting record.
func (b *Bot) undoImport(ctx context.Context, r *Request, imp storage.Import) error {
	ids := slices.Clone(imp.TaskIDs)
	tasks, err := b.Store.Tasks(ctx)
	if err != nil {
		return err
	}
	titles := map[int64]string{}
	for _, t := range tasks {
		if t.MeetingID == imp.MeetingID && !slices.Contains(ids, t.ID) {
			ids = append(ids, t.ID)
		}
		titles[t.ID] = t.Title
	}
	var removed []string
	for _, id := range ids {
		ok, err := b.Store.DeleteTask(ctx, id)
		if err != nil {
			return err
		}
		_ = b.UnscheduleTask(ctx, id) // a stale alert finds no task and is dropped
		if ok {
			removed = append(removed, "• "+esc(titles[id]))
		}
	}
	if _, err := b.Store.DeleteMeeting(ctx, imp.MeetingID); err != nil {
		return err
	}
	imp.Undone, imp.UndoneBy, imp.UndoneAt = true, r.User.ID, b.Now()
	if err := b.Store.PutImport(ctx, imp); err != nil {
		return err
	}
	text := r.Lang.T(txtMinUndone, esc(imp.Title), count(r.Lang, len(removed), unitTask))
	if len(removed) > 0 {
		text += "\n" + strings.Join(removed, "\n")
	}
	return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: text})
}
