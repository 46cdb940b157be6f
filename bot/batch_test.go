package bot

import (
	"bytes"
	"encoding/json"
	"testing"
)

// The one pass over a getUpdates answer finds the updates and their ids as
// encoding/json does, whatever their texts hold.
func TestBatchUpdates(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, body string
		ids        []int64
	}{
		{"telegram's layout", `{"ok":true,"result":[{"update_id":7,"message":{"text":"a ] } [ { \" \\ , x"}},{"update_id":8,"message":{"text":"b"}}]}`, []int64{7, 8}},
		{"spaces and other keys first", " {\n \"ok\" : true , \"n\": -1.5e3, \"x\": [1, {\"result\": []}, null],\n \"result\" : [ {\"message\":{}, \"update_id\": 9} , {\"update_id\":10} ] } ", []int64{9, 10}},
		{"an update without an id", `{"ok":true,"result":[{"message":{}},{"update_id":0},{"update_id":-3},{"update_id":11}]}`, []int64{11}},
		{"an escaped key", `{"ok":true,"r\u0065sult":[{"update_id":12}]}`, []int64{12}},
		{"an empty batch", `{"ok":true,"result":[]}`, nil},
		{"an error", `{"ok":false,"error_code":409,"description":"Conflict"}`, nil},
		{"not JSON", `{"ok":true,"result":[{"update_id":13}`, nil},
		{"a huge id", `{"ok":true,"result":[{"update_id":1234567890123456789}]}`, []int64{1234567890123456789}},
		// What encoding/json reads in the library decides, where the pass would read otherwise:
		{"a second result", `{"ok":true,"result":[{"update_id":5}],"result":[{"update_id":6}]}`, []int64{6}},
		{"a result in capitals", `{"ok":true,"result":[{"update_id":5}],"Result":[{"update_id":6}]}`, []int64{6}},
		{"a result with a long s", `{"ok":true,"result":[{"update_id":5}],"reſult":[{"update_id":6}]}`, []int64{6}},
		{"a second update_id", `{"ok":true,"result":[{"update_id":5,"message":{},"UPDATE_ID":6}]}`, []int64{6}},
		{"update_id in a text", `{"ok":true,"result":[{"update_id":7,"message":{"text":"update_id 9"}}]}`, []int64{7}},
	} {
		items, raws := batchUpdates([]byte(c.body))
		var ids []int64
		for _, it := range items {
			ids = append(ids, it.UpdateID)
			if !json.Valid(it.Raw) {
				t.Errorf("%s: update %d kept as %s", c.name, it.UpdateID, it.Raw)
			}
		}
		if !equalIDs(ids, c.ids) {
			t.Errorf("%s: ids %v, want %v", c.name, ids, c.ids)
		}
		var want struct{ Result []json.RawMessage }
		if json.Unmarshal([]byte(c.body), &want) == nil && len(raws) != len(want.Result) {
			t.Errorf("%s: %d updates, encoding/json finds %d", c.name, len(raws), len(want.Result))
		}
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzResultElements holds the pass to encoding/json on any valid JSON: the
// same elements, byte for byte once compacted, whenever the pass answers;
// on anything else it must stop without failing hard.
func FuzzResultElements(f *testing.F) {
	f.Add(`{"ok":true,"result":[{"update_id":7,"message":{"text":"a ] } [ \" \\"}}]}`)
	f.Add(`{"result":[1,"2",[3],{"4":null},true,false,-5.5e-3]}`)
	f.Add(`{"a":{"result":1},"result":[ ]}`)
	f.Fuzz(func(t *testing.T, body string) {
		batchUpdates([]byte(body)) // any answer: no panic, no read past its end
		resultElements([]byte(body))
		if !json.Valid([]byte(body)) {
			return
		}
		elems, ok := resultElements([]byte(body))
		var want struct {
			Result []json.RawMessage `json:"result"`
		}
		if json.Unmarshal([]byte(body), &want) != nil {
			if ok {
				t.Fatalf("found %d elements where encoding/json finds no array", len(elems))
			}
			return
		}
		if !ok {
			return // the fallback reads it
		}
		if len(elems) != len(want.Result) {
			t.Fatalf("%d elements, encoding/json %d", len(elems), len(want.Result))
		}
		for i := range elems {
			var a, b bytes.Buffer
			if json.Compact(&a, elems[i]) != nil || json.Compact(&b, want.Result[i]) != nil || a.String() != b.String() {
				t.Fatalf("element %d is %s, encoding/json reads %s", i, elems[i], want.Result[i])
			}
		}
	})
}
