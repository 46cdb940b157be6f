package llm

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestCommitmentsAsksForSchemaAndParses(t *testing.T) {
	f := newFakeAPI(t, func(n int, s seen, w http.ResponseWriter, r *http.Request) {
		writeReply(w, "```json\n"+`{"commitments":[{"party":"Turkish side","task":"submit the concept","deadline":"2024-03-01","quote":"Turkish side will submit the concept by 1 March 2024."}]}`+"\n```")
	})
	got, u, err := f.summarizer(secretKey, nil).Commitments(context.Background(), "12th Meeting", "Turkish side will submit the concept by 1 March 2024.")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Party != "Turkish side" || got[0].Deadline != "2024-03-01" || u.Calls != 1 {
		t.Fatalf("got %+v, usage %+v", got, u)
	}
	req := f.requests()[0]
	rf, _ := req.JSON["response_format"].(map[string]any)
	js, _ := rf["json_schema"].(map[string]any)
	schema, _ := js["schema"].(map[string]any)
	if rf["type"] != "json_schema" || js["name"] != "commitments" || js["strict"] != true || schema == nil {
		t.Fatalf("response_format %v", req.JSON["response_format"])
	}
	for _, w := range []string{`"commitments"`, `"quote"`, `"deadline"`, `"party"`} {
		if !strings.Contains(string(req.Raw), w) {
			t.Errorf("schema lacks %s", w)
		}
	}
	if !strings.Contains(req.System, "Never invent") || !strings.Contains(req.User, "<document>") || strings.Contains(req.System, "Turkish side") {
		t.Errorf("prompt: system %q", req.System)
	}
}

func TestCommitmentsRejectsWhatIsNotJSON(t *testing.T) {
	f := newFakeAPI(t, func(n int, s seen, w http.ResponseWriter, r *http.Request) {
		writeReply(w, "Here are the commitments: Turkish side, 1 March.")
	})
	_, _, err := f.summarizer(secretKey, nil).Commitments(context.Background(), "", "Turkish side will submit the concept by 1 March 2024.")
	if !errors.Is(err, ErrFailed) || strings.Contains(err.Error(), secretKey) {
		t.Fatalf("err %v", err)
	}
}

func TestCommitmentsBusyServer(t *testing.T) {
	f := newFakeAPI(t, func(n int, s seen, w http.ResponseWriter, r *http.Request) {
		writeAPIError(w, http.StatusServiceUnavailable, "overloaded")
	})
	_, u, err := f.summarizer(secretKey, nil).Commitments(context.Background(), "", "text")
	if !errors.Is(err, ErrUnavailable) || u.Calls != 2 {
		t.Fatalf("err %v, calls %d", err, u.Calls)
	}
}
