package handlers

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/handlers/minutes"
	"github.com/ots-customs/wgbot/storage"
)

// MaxDownload is the Bot API's limit on a file a bot may download (getFile):
// larger files are refused before any download.
const MaxDownload = 20 << 20

// Bounds of a reply to an upload and of what an upload may import.
const (
	maxShownItems  = 60                 // items listed in the reply; the rest are counted
	maxImportTasks = 100                // proposed tasks kept for import
	uploadTTL      = 7 * 24 * time.Hour // how long an upload waits for its Import button
	maxSummaryWait = 45 * time.Second   // the summary never takes longer than this
	summaryMargin  = 10 * time.Second   // left of the handler's time for the replies after it
)

// ErrFileTooLarge is wrapped by a FileGetter's error when the file is larger
// than the limit it was given.
var ErrFileTooLarge = errors.New("file larger than the download limit")

// FileGetter downloads files sent to the bot.
type FileGetter interface {
	// Download returns the content of fileID, reading at most max bytes, and
	// the file's name at Telegram (may be ""). A larger file gives an error
	// wrapping ErrFileTooLarge. Errors never contain the bot token.
	Download(ctx context.Context, fileID string, max int64) (data []byte, name string, err error)
}

// SummaryUsage counts what a summary cost: requests made (retries included)
// and the tokens of the successful ones.
type SummaryUsage struct{ Calls, PromptTokens, CompletionTokens int }

// Errors a Summarizer wraps so that the user can be told plainly what failed;
// any other error is reported as "the summary could not be made".
var (
	// ErrSummaryBusy: the service answered 429 or 5xx, timed out or could not be reached, also after a retry.
	ErrSummaryBusy = errors.New("the summary service is busy or unreachable")
	// ErrSummaryRefused: the service refused the API key (401, 403).
	ErrSummaryRefused = errors.New("the summary service refused the API key")
)

// Summarizer summarizes the text of minutes through a language model. The
// document is data, never instructions; the summary is shown escaped and
// never acted on.
type Summarizer interface {
	Summarize(ctx context.Context, title, text string) (string, SummaryUsage, error)
}

// upload handles a document sent in a private chat without a command.
func (b *Bot) upload(ctx context.Context, r *Request) error {
	if r.Role == Stranger {
		return b.strangerReply(ctx, r, r.Lang.T(txtStrangerIntro))
	}
	return b.readMinutes(ctx, r, r.Document)
}

// minutesCmd is /minutes: as the caption of a file, or as a reply to one.
func (b *Bot) minutesCmd(ctx context.Context, r *Request) error {
	doc := r.Document
	if doc == nil {
		doc = r.Reply
	}
	if doc == nil {
		return b.reply(ctx, r, r.Lang.T(txtMinUsage))
	}
	return b.readMinutes(ctx, r, doc)
}

// readMinutes downloads a document, lists the decisions with deadlines it
// finds, offers administrators to import them, and adds a summary when a
// Summarizer is configured.
func (b *Bot) readMinutes(ctx context.Context, r *Request, doc *Document) error {
	name := strings.TrimSpace(doc.Name)
	if name == "" {
		name = r.Lang.T(txtMinDocument)
	}
	if doc.Size > MaxDownload {
		return b.reply(ctx, r, r.Lang.T(txtMinFileTooBig, esc(name), megabytes(doc.Size)))
	}
	if b.Files == nil {
		return b.reply(ctx, r, r.Lang.T(txtMinUploadsOff))
	}
	note := Message{ChatID: r.Chat.ID, Text: r.Lang.T(txtMinReading, esc(name))}
	if !r.Chat.Private {
		note.ReplyTo = r.MessageID
	}
	noteID, err := b.sendID(ctx, note)
	if err != nil {
		return err
	}
	// The "Reading…" note becomes the answer, whatever it is.
	answer := func(text string, buttons ...[]Button) error {
		if noteID == 0 {
			return b.reply(ctx, r, text, buttons...)
		}
		return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: noteID, Text: text, Buttons: buttons})
	}
	data, _, err := b.Files.Download(ctx, doc.FileID, MaxDownload)
	if errors.Is(err, ErrFileTooLarge) {
		return answer(r.Lang.T(txtMinFileTooBig, esc(name), megabytes(MaxDownload+1)))
	}
	if err != nil {
		// Not the file's name: the error is logged, and names of files often
		// name people ("Passport Ivanov.pdf").
		return fmt.Errorf("download a document: %w", err)
	}
	text, err := minutes.ReadText(name, data)
	data = nil // the text is all that is needed from here on
	if err != nil {
		return answer(readError(r.Lang, err, name))
	}
	opts := minutes.Options{FileName: name}
	title, date := minutes.Meeting(text, opts)
	items := b.withModelItems(ctx, title, text, opts, minutes.Extract(text, opts))
	up := storage.Upload{FileName: name, Title: title, By: r.User.ID, At: b.Now()}
	if !date.IsZero() {
		up.Date = storage.DateOf(date)
	}
	tasks := make([]proposal, 0, min(len(items), maxImportTasks))
	for i, it := range items {
		if i == maxImportTasks {
			break
		}
		tasks = append(tasks, propose(it, name, b.Now()))
	}

	msg := resultText(r.Lang, up, items, tasks)
	var buttons [][]Button
	if r.Role == Admin && len(tasks) > 0 {
		up.ID = newUploadID()
		for i, p := range tasks {
			up.Tasks = append(up.Tasks, p.Task)
			if p.Loose {
				up.Guessed = append(up.Guessed, i)
			}
		}
		if err := b.Store.PutUpload(ctx, up, uploadTTL); err != nil {
			return err
		}
		buttons = append(buttons, []Button{{Text: r.Lang.T(txtMinBtnImport, count(r.Lang, len(tasks), unitTask)), Data: "imp:" + up.ID}})
	}
	if b.Summarizer == nil {
		msg += "\n\n" + r.Lang.T(txtMinSummaryOff)
	}
	if err := answer(msg, buttons...); err != nil {
		return err
	}
	if b.Summarizer == nil {
		return nil
	}
	// A summary can take most of a minute: it runs outside the handler, so the
	// bot goes on answering everyone else meanwhile.
	reply := Message{ChatID: r.Chat.ID}
	if !r.Chat.Private {
		reply.ReplyTo = r.MessageID
	}
	b.background(ctx, func(ctx context.Context) error {
		reply.Text = b.summary(ctx, r.Lang, title, name, text)
		return b.Sender.Send(ctx, reply)
	})
	return nil
}

// summary asks the Summarizer within what is left of the handler's time and
// renders the answer (escaped) or a plain note that it failed.
func (b *Bot) summary(ctx context.Context, l i18n.Lang, title, name, text string) string {
	wait := maxSummaryWait
	if dl, ok := ctx.Deadline(); ok {
		wait = min(wait, time.Until(dl)-summaryMargin)
	}
	if wait <= 0 {
		return l.T(txtMinSummaryFailed, esc(ErrSummaryBusy.Error()))
	}
	sctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	if title == "" {
		title = name
	}
	sum, _, err := b.Summarizer.Summarize(sctx, title, text)
	switch {
	case errors.Is(err, ErrSummaryBusy):
		return l.T(txtMinSummaryFailed, esc(ErrSummaryBusy.Error()))
	case errors.Is(err, ErrSummaryRefused):
		return l.T(txtMinSummaryFailed, esc(ErrSummaryRefused.Error()))
	case err != nil || strings.TrimSpace(sum) == "":
		return l.T(txtMinSummaryFailed, l.T(txtMinSummaryNotMade))
	}
	return l.T(txtMinSummaryHeader) + "\n\n" + esc(strings.TrimSpace(sum))
}

// readError is the reply to a document ReadText could not read.
func readError(l i18n.Lang, err error, name string) string {
	n := esc(name)
	switch {
	case errors.Is(err, minutes.ErrUnsupported):
		return l.T(txtMinUnsupported, n)
	case errors.Is(err, minutes.ErrEmpty):
		return l.T(txtMinEmptyDoc, n)
	case errors.Is(err, minutes.ErrNoTextLayer):
		return l.T(txtMinNoTextLayer, n)
	case errors.Is(err, minutes.ErrEncrypted):
		return l.T(txtMinEncrypted, n)
	case errors.Is(err, minutes.ErrTooLarge):
		return l.T(txtMinDocTooLarge, n)
	}
	return l.T(txtMinCorruptDoc, n) // ErrCorrupt and anything unforeseen
}

// resultText lists the items found, in document order.
func resultText(l i18n.Lang, up storage.Upload, items []minutes.Item, tasks []proposal) string {
	var sb strings.Builder
	sb.WriteString(l.T(txtMinFoundHeader, esc(up.FileName)))
	if up.Title != "" || !up.Date.IsZero() {
		sb.WriteString("\n" + esc(strings.TrimSpace(up.Title+" "+dateInParens(l, up.Date))))
	}
	if len(items) == 0 {
		sb.WriteString("\n\n" + l.T(txtMinNoItemsFound))
		return sb.String()
	}
	sb.WriteString("\n" + l.T(txtMinFoundCount, count(l, len(items), unitDecision)))
	for i, it := range items {
		if i == maxShownItems {
			sb.WriteString("\n\n" + l.T(txtMinMoreItems, len(items)-maxShownItems))
			break
		}
		sb.WriteString(fmt.Sprintf("\n\n<b>%d.</b> 📅 <b>%s</b> (%s)", i+1, esc(it.DeadlineText), esc(it.Deadline)))
		who := esc(strings.Join(it.Parties, "; "))
		if i < len(tasks) {
			who += " → " + partyCodes(l, tasks[i].Parties)
		}
		sb.WriteString("\n👥 " + who)
		sb.WriteString("\n" + esc(it.Text))
		if it.Source == minutes.SourceModel {
			sb.WriteString("\n" + l.T(txtMinFromModel))
		}
	}
	return sb.String()
}

func dateInParens(l i18n.Lang, d storage.Date) string {
	if d.IsZero() {
		return ""
	}
	return "(" + longDate(l, d) + ")"
}

// partyCodes is "🇹🇷 TR, 🇺🇿 UZ" or "all Parties".
func partyCodes(l i18n.Lang, ps []storage.Party) string {
	t := storage.Task{Parties: ps}
	return partyList(l, &t)
}

// megabytes says a size the way people read it: "25 MB".
func megabytes(n int64) string {
	return fmt.Sprintf("%d MB", (n+(1<<20)-1)>>20)
}

// newUploadID is 16 random hex digits: unguessable, and short enough for
// callback data (64 bytes).
func newUploadID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b[:])
}
