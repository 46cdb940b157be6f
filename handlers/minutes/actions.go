package minutes

import (
	"regexp"
	"strings"
)

// ownerRe finds the owner field of an action list entry: "Action: John
// Smith — due 15 May 2024" or "Owner: X | Due: 5 April 2024".
var ownerRe = regexp.MustCompile(`(?i)\b(?:action(?:\s+by)?|owners?|responsible(?:\s+(?:party|parties))?|lead|assigned\s+to)\s*:\s*(?P<owner>[^|;—–:]+?)\s*(?:$|[|;—–]|\s-\s|,?\s+(?:due|deadline|by)\b|,)`)

// trackerRe reads an issue tracker's action line, as W3C's trackbot and
// similar bots print it into minutes: "ACTION-647 -- Robin Berjon to draft
// product page ... -- due 2012-06-29 -- OPEN". The owner is the name before
// "to", the task what follows it.
var trackerRe = regexp.MustCompile(`\bACTION-\d+\s*(?:--|[:–—])\s*(?P<owner>\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})\s+to\s+(?P<task>[^\n]+?)\s*--\s*due\b`)

// trackerItem reads a tracker action line with its due date.
func trackerItem(s string, dates []dateMatch) (Item, bool) {
	if !strings.Contains(s, "ACTION-") {
		return Item{}, false // trackerRe's literal: no scan of a long sentence without it
	}
	m := trackerRe.FindStringSubmatchIndex(s)
	if m == nil {
		return Item{}, false
	}
	for _, d := range dates {
		if !d.ok || d.start < m[1] {
			continue
		}
		return Item{
			Parties:      []string{s[m[2]:m[3]]},
			Deadline:     isoDate(d.date),
			Precision:    d.prec,
			DeadlineText: "due " + s[d.start:d.end],
			Text:         normSpace(s[m[4]:m[5]]),
			Quote:        s,
		}, true
	}
	return Item{}, false
}

// dueLabelRe turns a "Due:" label into the phrase "due".
var dueLabelRe = regexp.MustCompile(`(?i)^(?:due(?:\s+date)?|deadline)\s*:\s*`)

// taskLabelRe strips a "Task:" style label from the task text.
var taskLabelRe = regexp.MustCompile(`(?i)^(?:task|action\s+item|item|action|decision|description)\s*:\s*`)

// actionItem reads one action-list entry. It needs an owner field and a
// date introduced by "due", "deadline" or another deadline preposition.
// When the entry is only "Action: X — due D", the task is the sentence
// before it (prev), as in "Prepare the ToR. Action: John Smith — due ...".
func actionItem(s, prev string, dates []dateMatch) (Item, bool) {
	if it, ok := trackerItem(s, dates); ok {
		return it, true
	}
	if strings.IndexByte(s, ':') < 0 {
		return Item{}, false // every owner field has its colon
	}
	m := ownerRe.FindStringSubmatchIndex(s)
	if m == nil {
		return Item{}, false
	}
	owner := strings.Trim(normSpace(s[m[2]:m[3]]), " .,")
	if owner == "" || len(owner) > 80 || ownerTaskRe.MatchString(owner) {
		return Item{}, false
	}
	for _, d := range dates {
		if !d.ok || d.kind != prepStrong || d.start < m[2] {
			continue
		}
		task := strings.Trim(s[:m[0]], " |.;—–-")
		if i := strings.LastIndex(task, "|"); i >= 0 {
			task = strings.Trim(task[i+1:], " |")
		}
		task = taskLabelRe.ReplaceAllString(task, "")
		quote := s
		if task == "" && prev != "" {
			task = strings.TrimRight(prev, " .;:")
			quote = prev + " " + s
		}
		if task == "" {
			task = strings.Trim(s[d.end:], " |.;")
		}
		return Item{
			Parties:      []string{owner},
			Deadline:     isoDate(d.date),
			Precision:    d.prec,
			DeadlineText: dueLabelRe.ReplaceAllString(d.deadlineText(s), "due "),
			Text:         normSpace(task),
			Quote:        quote,
		}, true
	}
	return Item{}, false
}

// tableHeader remembers the columns of an action table:
// "| Action | Owner | Due |", "| Aksiyon | Sorumlu | Termin | Durum |",
// "| Мероприятие | Ответственный | Срок |". status is -1 without one.
type tableHeader struct {
	task, owner, due, status int
}

// The column names of action tables in English, Turkish and Russian. A
// plain "Date" is a due date only next to a task column: in a log of
// meetings ("Date | Status | Agenda | Owner | Decisions") it is the
// meeting's.
var (
	ownerColRe    = regexp.MustCompile(`(?i)^(?:owners?|responsible(?:\s+(?:part(?:y|ies)|team|unit|body))?|action\s+by|lead|who|assigned\s+to|by\s+whom|` + foldI("sorumlu", "sorumlusu", "sorumlular", "sorumlu ekip", "sorumlu birim", "sorumlu kurum", "ilgili", "yetkili") + `|ответственн\p{L}*(?:\s+исполнител\p{L}*)?|исполнител\p{L}*|кто)$`)
	dueColRe      = regexp.MustCompile(`(?i)^(?:due(?:\s+date)?|deadline|by\s+when|target\s+date|timeline|` + foldI("termin", "son tarih", "bitiş tarihi", "süre") + `|срок\p{L}*(?:\s+(?:исполнения|выполнения))?)$`)
	plainDateRe   = regexp.MustCompile(`(?i)^(?:date|when|` + foldI("tarih", "zaman") + `|дата)$`)
	taskColRe     = regexp.MustCompile(`(?i)^(?:actions?|tasks?|action\s+items?|items?|decisions?|descriptions?|what|follow-up|` + foldI("aksiyon", "aksiyonlar", "görev", "görevler", "eylem", "iş", "yapılacak", "karar") + `|(?:наименование\s+)?мероприяти\p{L}*|задач\p{L}*|поручени\p{L}*|действи\p{L}*|что)$`)
	decisionColRe = regexp.MustCompile(`(?i)^(?:decisions?|` + foldI("karar") + `)$`)
	agendaColRe   = regexp.MustCompile(`(?i)^(?:agenda(?:\s+items?)?|topics?|subjects?|` + foldI("gündem", "gündem başlıkları", "konu", "konular") + `|повестка(?:\s+дня)?|вопросы?)$`)
	statusColRe   = regexp.MustCompile(`(?i)^(?:status|state|` + foldI("durum", "durumu") + `|статус|состояние|отметк\p{L}*\s+об?\s+(?:исполнении|выполнении)|ход\s+исполнения)$`)
	// doneRe is a status cell saying the action is already done: the row
	// reports it, it is nobody's commitment any more.
	doneRe = regexp.MustCompile(`(?i)^(?:done|completed?|closed|finished|resolved|` + foldI("tamamlandı", "yapıldı", "kapandı", "kapatıldı") + `|выполнено|исполнено|закрыто|сделано)\.?$`)
)

func tableCells(s string) []string {
	cells := strings.Split(strings.Trim(strings.TrimSpace(s), "|"), "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// parseHeader recognises a header row with an owner and a due column.
func parseHeader(s string) (*tableHeader, bool) {
	h := tableHeader{task: -1, owner: -1, due: -1, status: -1}
	plain, action, agenda := -1, false, false
	for i, c := range tableCells(s) {
		c = strings.Trim(c, "*: ")
		switch {
		case ownerColRe.MatchString(c):
			h.owner = i
		case dueColRe.MatchString(c):
			h.due = i
		case plainDateRe.MatchString(c) && plain < 0:
			plain = i
		case taskColRe.MatchString(c) && h.task < 0:
			h.task = i
			action = !decisionColRe.MatchString(c)
		case statusColRe.MatchString(c):
			h.status = i
		case agendaColRe.MatchString(c):
			agenda = true
		}
	}
	if h.due < 0 && action && !agenda {
		h.due = plain
	}
	// A table with an owner column but no due date may still hold dated
	// decisions in its cells ("... 15 Temmuz'a kadar takip edilecek").
	return &h, h.owner >= 0
}

// tableRowItem reads one data row of an action table with a known header.
// A row it rules out for a reason of its own (done, due before the
// meeting) returns that reason; other rows return "" and are read as prose.
func tableRowItem(s string, h *tableHeader, ctx dateContext) (Item, string, bool) {
	cells := tableCells(s)
	if h.due < 0 || h.owner >= len(cells) || h.due >= len(cells) {
		return Item{}, "", false
	}
	due := cells[h.due]
	ds := findDates(due, ctx)
	if hasCyrillic(due) {
		ds = allDates(due, ctx, "ru") // "II квартал 2024 г.", "до 1 июня 2024 г."
	} else if len(ds) == 0 {
		ds = append(mlDates(due, ctx), trDates(due, ctx)...) // "1 Mart 2024", "Haziran 2024"
	}
	if len(ds) == 0 || !ds[0].ok {
		return Item{}, "", false
	}
	d := ds[0]
	if !ctx.meeting.IsZero() && d.date.Before(ctx.meeting) {
		return Item{}, whyPast, false // the row reports an earlier action
	}
	if h.status >= 0 && h.status < len(cells) && doneRe.MatchString(cells[h.status]) {
		return Item{}, whyDone, false
	}
	owners := ruTableOwners(splitOwners(cells[h.owner]))
	if len(owners) == 0 {
		return Item{}, "", false
	}
	task := ""
	if h.task >= 0 && h.task < len(cells) {
		task = cells[h.task]
	}
	return Item{
		Parties:      owners,
		Deadline:     isoDate(d.date),
		Precision:    d.prec,
		DeadlineText: normSpace(due[d.pstart:d.end]),
		Text:         task,
		Quote:        normSpace(s),
	}, whyTaken, true
}

// tableCellItem reads a row whose own cell states a dated commitment with
// no party in it ("Model 1.2 approved; the rules will be revised by 15
// July"): the row's owner must act. The quote is that cell.
func tableCellItem(s string, h *tableHeader, ctx dateContext) (Item, bool) {
	cells := tableCells(s)
	if h.owner >= len(cells) {
		return Item{}, false
	}
	owners := ruTableOwners(splitOwners(cells[h.owner]))
	if len(owners) == 0 {
		return Item{}, false
	}
	for i, c := range cells {
		if i == h.owner || i == h.due || !strings.ContainsAny(c, "0123456789") || !strings.Contains(s, c) {
			continue
		}
		lang := language(c)
		ds := allDates(c, ctx, lang)
		if lang == "en" {
			ds = append(ds, weekdayDates(c, ctx)...)
		}
		for _, d := range ds {
			if !d.ok || d.kind != prepStrong || (!ctx.meeting.IsZero() && d.date.Before(ctx.meeting)) {
				continue
			}
			before := c[:d.pstart]
			switch lang {
			case "tr":
				if !trCommitRe.MatchString(c) {
					continue
				}
			case "ru":
				if vm := ruVerbRe.FindStringSubmatchIndex(c); vm == nil || vm[6] >= 0 {
					continue
				}
			default:
				if pastRe.MatchString(c) || reportedDone(before) {
					continue
				}
			}
			return Item{
				Parties:      owners,
				Deadline:     isoDate(d.date),
				Precision:    d.prec,
				DeadlineText: d.deadlineText(c),
				Text:         strings.TrimRight(normSpace(before), " ,;:"),
				Quote:        normSpace(c),
			}, true
		}
	}
	return Item{}, false
}

// splitOwners splits an owner cell naming several ("AI Takımı, KVKK
// Ekibi", "Shikar, Anirudha") into its parties.
func splitOwners(cell string) []string {
	var out []string
	for _, o := range strings.Split(cell, ",") {
		if o = strings.Trim(normSpace(o), " ."); o != "" && !strings.HasPrefix(o, "---") && o != "-" {
			out = append(out, o)
		}
	}
	return out
}

// futureRe marks an English cell as a task to be done: "will", "to", "is
// to", "must", "due".
var futureRe = regexp.MustCompile(`(?i)\b(?:will|shall|must|should|to|needs?|expected|requested|due)\b`)

// reportedDone tells a cell that reports a thing done by a date ("Report
// submitted by 15 May"): a participle just before the date, and nothing
// saying it is still to be done.
func reportedDone(before string) bool {
	f := strings.Fields(before)
	return len(f) > 0 && strings.HasSuffix(strings.ToLower(f[len(f)-1]), "ed") && !futureRe.MatchString(before)
}
