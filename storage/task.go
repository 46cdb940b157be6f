package storage

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Precision says how exactly the minutes fix a deadline.
type Precision string

// The precisions a deadline can have. A month or a year falls due on its last day.
const (
	PrecisionDay     Precision = "day"
	PrecisionMonth   Precision = "month"
	PrecisionQuarter Precision = "quarter"
	PrecisionYear    Precision = "year"
)

// Deadline is when a task falls due, kept as the minutes wrote it.
type Deadline struct {
	Due       Date      `json:"due"`       // the last day on which the task is on time
	Precision Precision `json:"precision"` // how exactly the text fixes it
	Text      string    `json:"text"`      // as written: "by 1 March 2024", "by the end of 2023"
}

// IsZero reports whether the task has no deadline.
func (d Deadline) IsZero() bool { return d.Due.IsZero() }

// State is how far one Party is with its part of a task.
type State string

// The states of a Party's part of a task.
const (
	StateOpen      State = "open"      // not yet submitted
	StateSubmitted State = "submitted" // the Party says it is done
	StateConfirmed State = "confirmed" // the Secretariat confirmed it
)

// PartyStatus is one responsible Party's progress on a task.
type PartyStatus struct {
	State State     `json:"state"`
	Ref   string    `json:"ref,omitempty"` // a note number or link given when submitting
	By    int64     `json:"by,omitempty"`  // Telegram user id of who changed it last
	At    time.Time `json:"at,omitzero"`
	// FileID is Telegram's id of the file sent with the submission, so that
	// the Secretariat can open it from /task; FileName is its name.
	FileID   string `json:"file_id,omitempty"`
	FileName string `json:"file_name,omitempty"`
}

// Task is a decision of the minutes that gives work to one or more Parties.
type Task struct {
	ID        int64    `json:"id"`
	MeetingID string   `json:"meeting_id"`
	Title     string   `json:"title"`          // one line: "Submit the renewed Silk Road concept"
	Text      string   `json:"text,omitempty"` // the decision as the minutes word it
	Parties   []Party  `json:"parties"`        // who must act; "the Parties" is all six
	Deadline  Deadline `json:"deadline,omitzero"`
	Source    string   `json:"source,omitempty"` // where it stands: "WG minutes, item 3"
	// Status holds every responsible Party's progress; a Party missing from it is open.
	Status  map[Party]PartyStatus `json:"status,omitempty"`
	Created time.Time             `json:"created,omitzero"`
}

// Validation limits of a task.
const (
	MaxTitleLen = 300
	MaxTextLen  = 3000
	// MinYear and MaxYear bound a deadline: a year outside is a typing slip.
	MinYear, MaxYear = 2000, 2100
)

// PlausibleYear reports whether y can be the year of a deadline.
func PlausibleYear(y int) bool { return y >= MinYear && y <= MaxYear }

// ErrInvalid is wrapped by every validation error; its message says what is wrong.
var ErrInvalid = errors.New("invalid")

// Validate checks a task before it is stored. The error wraps ErrInvalid.
func (t *Task) Validate() error {
	switch {
	case strings.TrimSpace(t.Title) == "":
		return fmt.Errorf("%w: task has no title", ErrInvalid)
	case utf8.RuneCountInString(t.Title) > MaxTitleLen:
		return fmt.Errorf("%w: task title longer than %d characters", ErrInvalid, MaxTitleLen)
	case utf8.RuneCountInString(t.Text) > MaxTextLen:
		return fmt.Errorf("%w: task text longer than %d characters", ErrInvalid, MaxTextLen)
	case len(t.Parties) == 0:
		return fmt.Errorf("%w: task has no responsible Party", ErrInvalid)
	case !t.Deadline.Due.IsZero() && !PlausibleYear(t.Deadline.Due.Year),
		t.Deadline.Due.IsZero() && (t.Deadline.Due.Month != 0 || t.Deadline.Due.Day != 0):
		// Year 0 would read as "no deadline": a typed "0000-03-01" must not
		// quietly erase one.
		return fmt.Errorf("%w: deadline outside the years %d to %d", ErrInvalid, MinYear, MaxYear)
	}
	for _, f := range []struct {
		field     Field
		value     string
		multiline bool
	}{{FieldTitle, t.Title, false}, {FieldText, t.Text, true}, {FieldSource, t.Source, false}} {
		if p := CheckText(f.value, f.multiline); p != "" {
			return fmt.Errorf("%w: task %s: %w", ErrInvalid, f.field, &FieldError{Field: f.field, Problem: p})
		}
	}
	for p, st := range t.Status {
		if pr := CheckText(st.Ref, false); pr != "" {
			return fmt.Errorf("%w: reference of %s: %w", ErrInvalid, p, &FieldError{Field: FieldRef, Problem: pr})
		}
	}
	for _, p := range t.Parties {
		if !p.Valid() {
			return fmt.Errorf("%w: unknown Party %q", ErrInvalid, p)
		}
	}
	return nil
}

// StatusOf returns p's progress on t (open when nothing was recorded).
func (t *Task) StatusOf(p Party) PartyStatus {
	if s, ok := t.Status[p]; ok && s.State != "" {
		return s
	}
	return PartyStatus{State: StateOpen}
}

// Outstanding lists the responsible Parties that have not submitted, in t.Parties order.
func (t *Task) Outstanding() []Party {
	var out []Party
	for _, p := range t.Parties {
		if t.StatusOf(p).State == StateOpen {
			out = append(out, p)
		}
	}
	return out
}

// Done reports whether every responsible Party has submitted its part.
func (t *Task) Done() bool { return len(t.Outstanding()) == 0 }

// Involves reports whether p is responsible for t.
func (t *Task) Involves(p Party) bool { return slices.Contains(t.Parties, p) }

// AllStates reports whether t binds every state Party ("the Parties").
func (t *Task) AllStates() bool {
	for _, p := range StateParties {
		if !t.Involves(p) {
			return false
		}
	}
	return true
}

// SortByDeadline orders tasks soonest deadline first; tasks without one go last, by id.
func SortByDeadline(tasks []Task) {
	slices.SortStableFunc(tasks, func(a, b Task) int {
		switch {
		case a.Deadline.IsZero() && b.Deadline.IsZero():
			return int(a.ID - b.ID)
		case a.Deadline.IsZero():
			return 1
		case b.Deadline.IsZero():
			return -1
		}
		if d := b.Deadline.Due.DaysUntil(a.Deadline.Due); d != 0 {
			return d
		}
		return int(a.ID - b.ID)
	})
}

// StatusChange is one entry of a task's history.
type StatusChange struct {
	Party Party     `json:"party"`
	From  State     `json:"from"`
	To    State     `json:"to"`
	Ref   string    `json:"ref,omitempty"`
	By    int64     `json:"by"`
	At    time.Time `json:"at"`
}

// TaskStore changes tasks. Every change is atomic and visible to every
// instance of the bot at once.
type TaskStore interface {
	// AddTask stores a new task under a fresh id and returns it.
	AddTask(ctx context.Context, t Task) (Task, error)
	// UpdateTask applies change to the task atomically (retrying on a
	// concurrent change) and returns the stored result. An error from change
	// is returned as is, and nothing is stored. ErrNotFound for no such task.
	UpdateTask(ctx context.Context, id int64, change func(*Task) error) (Task, error)
	// DeleteTask removes a task; it reports whether there was one.
	DeleteTask(ctx context.Context, id int64) (bool, error)
	// RecordStatus appends to a task's history.
	RecordStatus(ctx context.Context, taskID int64, c StatusChange) error
	// History returns a task's status changes, latest first.
	History(ctx context.Context, taskID int64, n int) ([]StatusChange, error)
}

// The tasks and their status histories.

var (
	bTasks = newBucket(bucket{name: "tasks", redis: "tasks"}) // task id -> Task
	// bHistory holds each task's status changes, latest first, at most maxHistory.
	bHistory = newBucket(bucket{name: "history", redis: "history"}) // task id -> []StatusChange
)

// maxHistory bounds a task's status history.
const maxHistory = 200

// Tasks returns every task, soonest deadline first. While the tasks version
// is unchanged it costs at most one small read and no decoding: the
// commands that list tasks are the most frequent ones.
func (s *store) Tasks(ctx context.Context) ([]Task, error) {
	_, ts, err := s.sharedTasks(ctx)
	return cloneTasks(ts), err
}

// ReadTasks calls read with every task, soonest deadline first, and the
// tasks version they are of, without copying them: read must neither change
// nor keep them. The version names the tasks' content, so what is drawn from
// them can be kept under it (handlers/lists.go).
func (s *store) ReadTasks(ctx context.Context, read func(version string, tasks []Task) error) error {
	ver, ts, err := s.sharedTasks(ctx)
	if err != nil {
		return err
	}
	return read(ver, ts)
}

// sharedTasks returns the cached tasks themselves, and their version.
func (s *store) sharedTasks(ctx context.Context) (string, []Task, error) {
	hint := tasksVersion(ctx)
	if ts, ok := s.cache.get(hint); ok {
		return hint, ts, nil // the session of this request saw this version
	}
	// Without a session's version, a small read first may spare the transfer;
	// with one that is not cached, the tasks changed: read them at once.
	if hint == "" {
		ver := getOf(bMeta, metaTasksVer)
		if err := s.kv.view(ctx, "tasks version", ver); err != nil {
			return "", nil, err
		}
		if ts, ok := s.cache.get(string(ver.val)); ok {
			return string(ver.val), ts, nil
		}
	}
	ver, list := getOf(bMeta, metaTasksVer), scanOf(bTasks, "")
	if err := s.kv.view(ctx, "list tasks", ver, list); err != nil {
		return "", nil, err
	}
	ts, err := decodePairs[Task](list.pairs, bTasks)
	if err != nil {
		return "", nil, err
	}
	SortByDeadline(ts)
	s.cache.put(string(ver.val), ts)
	return string(ver.val), ts, nil
}

// Task returns one task.
func (s *store) Task(ctx context.Context, taskID int64) (Task, error) {
	return one[Task](ctx, s.kv, bTasks, id(taskID))
}

// putTask writes a task and raises the tasks version in the same transaction,
// so that every instance's cache lets it go.
func putTask(tx kvTx, t Task) error {
	if err := putJSON(tx, bTasks, id(t.ID), t); err != nil {
		return err
	}
	_, err := tx.incr(bMeta, metaTasksVer)
	return err
}

// AddTask stores t under the next task id.
func (s *store) AddTask(ctx context.Context, t Task) (Task, error) {
	if err := t.Validate(); err != nil {
		return t, err
	}
	err := s.kv.update(ctx, "add task", func(tx kvTx) error {
		n, err := tx.incr(bMeta, metaTaskSeq)
		if err != nil {
			return err
		}
		t.ID = n
		return putTask(tx, t)
	})
	s.cache.invalidate()
	return t, err
}

// UpdateTask changes one task in one transaction, run again when another
// writer changed the task meanwhile.
func (s *store) UpdateTask(ctx context.Context, taskID int64, change func(*Task) error) (Task, error) {
	op := "update task " + id(taskID)
	var out Task
	err := s.kv.update(ctx, op, func(tx kvTx) error {
		t, found, err := getJSON[Task](tx, bTasks, id(taskID))
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("storage: %s: %w", op, ErrNotFound)
		}
		if err := change(&t); err != nil {
			return err
		}
		if err := t.Validate(); err != nil {
			return err
		}
		t.ID = taskID
		out = t
		return putTask(tx, t)
	})
	s.cache.invalidate()
	return out, err
}

// DeleteTask removes a task, its history and the records of its alerts sent.
func (s *store) DeleteTask(ctx context.Context, taskID int64) (bool, error) {
	var was bool
	err := s.kv.update(ctx, "delete task "+id(taskID), func(tx kvTx) error {
		_, found, err := tx.get(bTasks, id(taskID))
		if err != nil {
			return err
		}
		was = found
		if err := tx.del(bTasks, id(taskID)); err != nil {
			return err
		}
		if err := tx.del(bHistory, id(taskID)); err != nil {
			return err
		}
		_, err = tx.incr(bMeta, metaTasksVer)
		return err
	})
	s.cache.invalidate()
	if err != nil {
		return false, err
	}
	// The task's sent records go too (the task is gone; a retry finds none).
	if err := s.queues.forgetTaskAlerts(ctx, taskID); err != nil {
		return true, err
	}
	return was, nil
}

// RecordStatus prepends to a task's history, keeping the latest maxHistory.
func (s *store) RecordStatus(ctx context.Context, taskID int64, c StatusChange) error {
	return s.kv.update(ctx, "record status of task "+id(taskID), func(tx kvTx) error {
		h, _, err := getJSON[[]StatusChange](tx, bHistory, id(taskID))
		if err != nil {
			return err
		}
		h = append([]StatusChange{c}, h...)
		return putJSON(tx, bHistory, id(taskID), h[:min(len(h), maxHistory)])
	})
}

// History returns up to n status changes, latest first.
func (s *store) History(ctx context.Context, taskID int64, n int) ([]StatusChange, error) {
	r := getOf(bHistory, id(taskID))
	if err := s.kv.view(ctx, "history of task "+id(taskID), r); err != nil {
		return nil, err
	}
	h := []StatusChange{}
	if r.val != nil {
		var err error
		if h, err = decode[[]StatusChange](r.val, "history of task "+id(taskID)); err != nil {
			return nil, err
		}
	}
	return h[:min(max(n, 0), len(h))], nil
}

// taskCache keeps the decoded tasks of one tasks version. Every task write of
// this instance invalidates it, so a handler that changes a task and then
// lists the tasks sees its change even with its session's older version.
type taskCache struct {
	mu    sync.Mutex
	ver   string
	tasks []Task
}

// get returns the cached tasks when ver is their version ("" never is).
// They are shared: callers copy them before they hand them out to change.
func (c *taskCache) get(ver string) ([]Task, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ver == "" || ver != c.ver {
		return nil, false
	}
	return c.tasks, true
}

// put keeps tasks, which the caller gives up: nobody changes them after.
func (c *taskCache) put(ver string, tasks []Task) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ver, c.tasks = ver, tasks
}

func (c *taskCache) invalidate() { c.put("", nil) }

// cloneTasks copies tasks deeply enough that a caller changing a task's
// Parties or Status cannot change the cached ones.
func cloneTasks(tasks []Task) []Task {
	out := slices.Clone(tasks)
	for i := range out {
		out[i].Parties = slices.Clone(out[i].Parties)
		out[i].Status = maps.Clone(out[i].Status)
	}
	return out
}
