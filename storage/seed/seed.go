// Package seed holds the data that ships with the bot: the meetings, agendas,
// participants and tasks of the Agreed Minutes of Tashkent, 11 December 2023,
// read by hand from the Secretariat's Note-2023-1071 and reviewed in
// tashkent.json. It is loaded into an empty store on first start.
package seed

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/ots-customs/wgbot/storage"
)

//go:embed tashkent.json
var tashkentJSON []byte

// Tashkent returns the built-in data, checked: every task valid, every id
// unique, every task's meeting known. The error names the first bad record.
func Tashkent() (storage.Seed, error) {
	var s storage.Seed
	dec := json.NewDecoder(bytes.NewReader(tashkentJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return s, fmt.Errorf("seed: decode tashkent.json: %w", err)
	}
	meetings := map[string]bool{}
	for _, m := range s.Meetings {
		if m.ID == "" || m.Date.IsZero() || len(m.Agenda) == 0 {
			return s, fmt.Errorf("seed: meeting %q lacks an id, a date or an agenda", m.ID)
		}
		meetings[m.ID] = true
	}
	ids := map[int64]bool{}
	for _, t := range s.Tasks {
		if err := t.Validate(); err != nil {
			return s, fmt.Errorf("seed: task %d: %w", t.ID, err)
		}
		if t.ID <= 0 || ids[t.ID] {
			return s, fmt.Errorf("seed: task id %d is not positive or not unique", t.ID)
		}
		ids[t.ID] = true
		if !meetings[t.MeetingID] {
			return s, fmt.Errorf("seed: task %d names unknown meeting %q", t.ID, t.MeetingID)
		}
	}
	return s, nil
}
