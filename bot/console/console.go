// Package console is `wgbot console`: a chat with the real bot in a
// terminal. The bot runs as it does in production, against a Bot API server
// on loopback (bot/telegramtest); the console plays the people who write to
// it and shows its answers as a Telegram client would.
package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/peterh/liner"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

// Config is what a console session needs; cmd/wgbot fills it.
type Config struct {
	Server  *telegramtest.Server // the Bot API the bot polls
	Handled *Handled             // from Watch, around the bot's store
	Clock   *Clock               // the bot's clock
	// Admins are ADMIN_IDS; the first is who the console speaks as at start.
	// Empty: a made-up administrator (madeUpAdmin), which the bot must know too.
	Admins   []int64
	Location *time.Location
	In       io.Reader
	Out      io.Writer
	// Terminal: In and Out are a terminal, so lines are read with a line
	// editor and history (HistoryFile). Otherwise lines are read plainly and
	// echoed after the prompt, so that a transcript reads like a session.
	Terminal    bool
	HistoryFile string
	Color       bool   // ANSI styles for bold, italic, code and links
	FilesDir    string // where the files the bot sends are saved
	// Wait bounds how long one answer is waited for; default 30 s.
	Wait time.Duration
}

// MadeUpAdmin is the administrator id to give the bot when ADMIN_IDS is unset.
const MadeUpAdmin = madeUpAdmin

// Console is one session.
type Console struct {
	cfg    Config
	people *people
	me     telegramtest.User
	chat   telegramtest.Chat

	mu        sync.Mutex // guards the output and what follows
	seen      int        // records of the server already shown
	keyboards map[int64]keyboard
	prompt    string // shown while waiting for a line in a terminal; "" otherwise
}

// keyboard is the latest message with buttons in a chat: what a number presses.
type keyboard struct {
	messageID int
	buttons   []button
}

type button struct {
	text, data, url string
	reply           bool // a reply keyboard button: pressing it sends its text
}

// New prepares a session.
func New(cfg Config) *Console {
	if cfg.Wait <= 0 {
		cfg.Wait = 30 * time.Second
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	admins := cfg.Admins
	if len(admins) == 0 {
		admins = []int64{madeUpAdmin}
	}
	c := &Console{cfg: cfg, people: newPeople(admins), keyboards: map[int64]keyboard{}}
	c.me, _ = c.people.person("Admin", "")
	c.chat = telegramtest.Private(c.me)
	return c
}

// Run reads lines until the input ends (Ctrl-D), :quit or ctx ends.
func (c *Console) Run(ctx context.Context) error {
	c.mu.Lock()
	c.seen = len(c.recordsSince(0)) // what the bot did before the session (its menu)
	c.mu.Unlock()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	followed := make(chan struct{})
	go func() { defer close(followed); c.follow(ctx) }()
	defer func() { cancel(); <-followed }()

	who := fmt.Sprintf("an administrator (ADMIN_IDS, id %d)", c.me.ID)
	if len(c.cfg.Admins) == 0 {
		who = fmt.Sprintf("a made-up administrator (id %d): set ADMIN_IDS to use your own", c.me.ID)
	}
	c.printf("You are %s, %s.\nWrite to the bot as in a chat (/start, /help, /deadlines); :help lists the console's commands; Ctrl-D leaves.\n", c.me.FirstName, who)

	read, closeRead := c.reader()
	defer closeRead()
	for ctx.Err() == nil {
		line, err := read(c.promptText())
		if errors.Is(err, io.EOF) {
			c.printf("\nBye.\n")
			return nil
		}
		if err != nil {
			return err
		}
		if quit := c.do(ctx, strings.TrimSpace(line)); quit {
			c.printf("Bye.\n")
			return nil
		}
	}
	return nil
}

func (c *Console) promptText() string {
	where := "private"
	if c.chat.Type != "private" {
		where = "group " + c.chat.Title
	}
	return fmt.Sprintf("%s in %s> ", c.me.FirstName, where)
}

// reader returns how lines are read: a line editor on a terminal, plain
// lines (echoed) otherwise.
func (c *Console) reader() (read func(prompt string) (string, error), done func()) {
	if !c.cfg.Terminal {
		sc := bufio.NewScanner(c.cfg.In)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		return func(prompt string) (string, error) {
			if !sc.Scan() {
				if err := sc.Err(); err != nil {
					return "", err
				}
				return "", io.EOF
			}
			c.printf("%s%s\n", prompt, sc.Text())
			return sc.Text(), nil
		}, func() {}
	}
	l := liner.NewLiner()
	l.SetCtrlCAborts(true)
	if f, err := os.Open(c.cfg.HistoryFile); err == nil {
		_, _ = l.ReadHistory(f)
		f.Close()
	}
	return func(prompt string) (string, error) {
			for {
				c.setPrompt(prompt)
				line, err := l.Prompt(prompt)
				c.setPrompt("")
				if errors.Is(err, liner.ErrPromptAborted) { // Ctrl-C clears the line, as in a shell
					continue
				}
				if err == nil && strings.TrimSpace(line) != "" {
					l.AppendHistory(line)
				}
				return line, err
			}
		}, func() {
			if f, err := os.Create(c.cfg.HistoryFile); err == nil {
				_, _ = l.WriteHistory(f)
				f.Close()
			}
			l.Close()
		}
}

func (c *Console) setPrompt(p string) {
	c.mu.Lock()
	c.prompt = p
	c.mu.Unlock()
}

// do runs one line; it reports whether the session ends.
func (c *Console) do(ctx context.Context, line string) (quit bool) {
	cmd, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	switch {
	case line == "":
	case cmd == ":quit" || cmd == ":exit":
		return true
	case cmd == ":help":
		c.printf("%s", helpText)
	case cmd == ":time":
		c.moveClock(ctx, arg)
	case cmd == ":send":
		c.sendFile(ctx, arg)
	case cmd == "/as":
		c.switchPerson(arg)
	case cmd == "/in":
		c.switchChat(arg)
	case isNumber(line):
		c.press(ctx, line)
	case strings.HasPrefix(cmd, ":"):
		c.printf("%s is not a console command; :help lists them.\n", cmd)
	default:
		c.await(ctx, c.cfg.Server.SendText(c.chat, c.me, line))
	}
	return false
}

const helpText = `The console's own commands:
  /as NAME [LANG]     write as NAME (created on first use; LANG such as en, ru, tr: their language)
  /in group NAME      write in the group chat NAME (created on first use)
  /in private         write in your private chat with the bot
  1, 2, ...           press that button of the latest message with buttons here
  :send PATH [TEXT]   send a file (minutes: PDF, DOCX, TXT), TEXT as its caption
  :time +14d          move the bot's clock: +3h, +30m, -1d, 2024-03-01, "2024-03-01 09:00", now
  :time               show the bot's clock
  :help               this list
  :quit or Ctrl-D     leave
Anything else goes to the bot as a message from you.
`

func (c *Console) switchPerson(arg string) {
	fields := strings.Fields(arg)
	if len(fields) == 0 {
		c.printf("Write /as NAME, or /as NAME LANG (such as /as Erlan kk).\n")
		return
	}
	name, lang := fields[0], ""
	if len(fields) > 1 {
		name, lang = strings.Join(fields[:len(fields)-1], " "), fields[len(fields)-1]
		if len(lang) < 2 || len(lang) > 3 { // a name of several words, no language
			name, lang = strings.Join(fields, " "), ""
		}
	}
	c.mu.Lock() // flush reads the people and the chat
	u, created := c.people.person(name, lang)
	c.me = u
	if c.chat.Type == "private" {
		c.chat = telegramtest.Private(u)
	}
	c.mu.Unlock()
	if created {
		c.printf("You are now %s, someone new (id %d, language %s).\n", u.FirstName, u.ID, u.LanguageCode)
	} else {
		c.printf("You are now %s (id %d, language %s).\n", u.FirstName, u.ID, u.LanguageCode)
	}
}

func (c *Console) switchChat(arg string) {
	kind, name, _ := strings.Cut(arg, " ")
	switch {
	case kind == "private":
		c.mu.Lock() // flush reads the people and the chat
		c.chat = telegramtest.Private(c.me)
		c.mu.Unlock()
		c.printf("You are in your private chat with the bot.\n")
	case kind == "group" && strings.TrimSpace(name) != "":
		c.mu.Lock()
		c.chat = c.people.group(strings.TrimSpace(name))
		c.mu.Unlock()
		c.printf("You are in the group %s (chat id %d).\n", c.chat.Title, c.chat.ID)
	default:
		c.printf("Write /in group NAME or /in private.\n")
	}
}

func (c *Console) press(ctx context.Context, n string) {
	i, _ := strconv.Atoi(n)
	c.mu.Lock()
	kb, ok := c.keyboards[c.chat.ID]
	c.mu.Unlock()
	switch {
	case !ok:
		c.printf("No message here has buttons; a number presses a button of the latest one that has.\n")
	case i < 1 || i > len(kb.buttons):
		c.printf("The latest message with buttons has %d; write a number from 1 to %d.\n", len(kb.buttons), len(kb.buttons))
	case kb.buttons[i-1].url != "":
		c.printf("That button opens %s\n", kb.buttons[i-1].url)
	case kb.buttons[i-1].reply:
		c.await(ctx, c.cfg.Server.SendText(c.chat, c.me, kb.buttons[i-1].text))
	default:
		c.await(ctx, c.cfg.Server.SendCallback(c.chat, c.me, kb.messageID, kb.buttons[i-1].data))
	}
}

func (c *Console) sendFile(ctx context.Context, arg string) {
	path, caption, _ := strings.Cut(arg, " ")
	if path == "" {
		c.printf("Write :send PATH, such as :send testdata/minutes/tashkent-2023-12-11.txt\n")
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		c.printf("Cannot read %s: %v\n", path, errors.Unwrap(err))
		return
	}
	name := filepath.Base(path)
	kind := mime.TypeByExtension(filepath.Ext(name))
	if kind == "" {
		kind = "application/octet-stream"
	}
	c.printf("(you send %s, %d bytes)\n", name, len(data))
	c.await(ctx, c.cfg.Server.SendDocument(c.chat, c.me, name, kind, data, strings.TrimSpace(caption)))
}

func (c *Console) moveClock(ctx context.Context, arg string) {
	if arg != "" {
		to, err := parseWhen(arg, c.cfg.Clock.Now(), time.Now(), c.cfg.Location)
		if err != nil {
			c.printf("%v\n", err)
			return
		}
		round := c.cfg.Clock.Set(to)
		c.printf("The bot's clock is now %s.\n", c.cfg.Clock.Now().In(c.cfg.Location).Format("Mon 2 January 2006 15:04 MST"))
		// What the jump made due goes out in the alert loop's next round.
		wait, cancel := context.WithTimeout(ctx, c.cfg.Wait)
		defer cancel()
		select {
		case <-round:
		case <-wait.Done():
		}
		c.flush()
		return
	}
	c.printf("The bot's clock: %s.\n", c.cfg.Clock.Now().In(c.cfg.Location).Format("Mon 2 January 2006 15:04 MST"))
}

// await waits until the bot has handled updateID, then shows what it did.
func (c *Console) await(ctx context.Context, updateID int64) {
	wait, cancel := context.WithTimeout(ctx, c.cfg.Wait)
	defer cancel()
	if !c.cfg.Handled.Wait(wait, updateID) && ctx.Err() == nil {
		c.printf("(no answer within %v; it is shown when it comes)\n", c.cfg.Wait)
	}
	c.flush()
}

func isNumber(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// printf writes a line of the console's own.
func (c *Console) printf(format string, a ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintf(c.cfg.Out, format, a...)
}
