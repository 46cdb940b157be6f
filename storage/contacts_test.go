package storage_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage"
)

var t0 = time.Date(2024, 1, 20, 10, 0, 0, 0, time.UTC)

func TestNormalize(t *testing.T) {
	t.Parallel()
	ok := []struct {
		f        storage.Field
		in, want string
	}{
		{storage.FieldName, "  Ahmet   Yılmaz ", "Ahmet Yılmaz"},
		{storage.FieldName, "Ерлан Әбілов", "Ерлан Әбілов"},
		{storage.FieldName, "Szőke Gábor-Ödön", "Szőke Gábor-Ödön"},
		{storage.FieldName, "O'Neil J. Şahin", "O'Neil J. Şahin"},
		{storage.FieldName, "Oʻktam Gʻulomov", "Oʻktam Gʻulomov"},
		{storage.FieldName, "דוד כהן", "דוד כהן"},
		{storage.FieldPosition, "Head of <b>Unit</b> & Co 🚀", "Head of <b>Unit</b> & Co 🚀"},
		{storage.FieldOrganization, "Customs", "Customs"},
		{storage.FieldEmail, "A.Person@Customs.GOV.UZ", "A.Person@customs.gov.uz"},
		{storage.FieldPhone, "+998 (71) 234-56-78", "+998712345678"},
		{storage.FieldPhone, "0090 312 123 45 67", "+903121234567"},
		{storage.FieldUsername, "@ahmet_y", "ahmet_y"},
	}
	for _, c := range ok {
		got, err := storage.Normalize(c.f, c.in)
		if err != nil || got != c.want {
			t.Errorf("Normalize(%s, %q) = %q, %v; want %q", c.f, c.in, got, err, c.want)
		}
	}
	bad := []struct {
		f  storage.Field
		in string
		p  storage.Problem
	}{
		{storage.FieldName, "A", storage.TooShort},
		{storage.FieldName, "Bob <b>", storage.BadChars},
		{storage.FieldName, "R2D2", storage.BadChars},
		{storage.FieldName, "Bob 🚀", storage.BadChars},
		{storage.FieldPosition, "x", storage.TooShort},
		{storage.FieldEmail, "not-an-email", storage.BadFormat},
		{storage.FieldEmail, "a@localhost", storage.BadFormat},
		{storage.FieldEmail, "Bob <a@b.com>", storage.BadFormat},
		{storage.FieldEmail, "a@b..com", storage.BadFormat},
		{storage.FieldPhone, "71 234 56 78", storage.NoIntl},
		{storage.FieldPhone, "+998 71 ABC", storage.BadChars},
		{storage.FieldPhone, "+12 345", storage.BadDigits},
		{storage.FieldPhone, "+1234567890123456", storage.BadDigits},
		{storage.FieldUsername, "abc", storage.TooShort},
		{storage.FieldUsername, "bad-name", storage.BadChars},
	}
	for _, c := range bad {
		_, err := storage.Normalize(c.f, c.in)
		var fe *storage.FieldError
		if !errors.As(err, &fe) || fe.Field != c.f {
			t.Errorf("Normalize(%s, %q): %v, want a FieldError", c.f, c.in, err)
			continue
		}
		if fe.Problem != c.p {
			t.Errorf("Normalize(%s, %q): %s, want %s", c.f, c.in, fe.Problem, c.p)
		}
	}
	long := ""
	for range 101 {
		long += "a"
	}
	if _, err := storage.Normalize(storage.FieldName, long); err == nil {
		t.Error("a 101-letter name was accepted")
	}
}

func nominee(email string) storage.Contact {
	return storage.Contact{Party: storage.Uzbekistan, FullName: "Oʻktam Gʻulomov", Position: "Head of Unit",
		Organization: "Customs Committee", Email: email, Phone: "+998712345678", NominatedBy: 2001, Nominated: t0}
}

func TestContactDuplicateEmail(t *testing.T) {
	t.Parallel()
	s := openRedis(t)
	ctx := t.Context()
	a, err := s.Nominate(ctx, nominee("a@customs.uz"))
	if err != nil || a.ID == 0 || a.Status != storage.ContactPending {
		t.Fatalf("Nominate: %+v, %v", a, err)
	}
	dup, err := s.Nominate(ctx, nominee("A@CUSTOMS.UZ"))
	if !errors.Is(err, storage.ErrDuplicateEmail) || dup.ID != a.ID {
		t.Fatalf("second nomination of the same e-mail: %+v, %v", dup, err)
	}
	// Approved still holds it; rejected or withdrawn frees it.
	if _, err := s.DecideContact(ctx, a.ID, true, 1001, t0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Nominate(ctx, nominee("a@customs.uz")); !errors.Is(err, storage.ErrDuplicateEmail) {
		t.Fatalf("duplicate of an approved contact: %v", err)
	}
	b, err := s.Nominate(ctx, nominee("b@customs.uz"))
	if err != nil {
		t.Fatal(err)
	}
	// Editing a's e-mail to b's is caught too.
	if _, err := s.EditContact(ctx, a.ID, storage.FieldEmail, "b@customs.uz", 1001, t0); !errors.Is(err, storage.ErrDuplicateEmail) {
		t.Fatalf("edit to a taken e-mail: %v", err)
	}
	if _, err := s.WithdrawContact(ctx, b.ID, 9999, t0); !errors.Is(err, storage.ErrNotYours) {
		t.Fatalf("withdraw by someone else: %v", err)
	}
	if _, err := s.WithdrawContact(ctx, b.ID, 2001, t0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WithdrawContact(ctx, b.ID, 2001, t0); !errors.Is(err, storage.ErrAlreadyDecided) {
		t.Fatalf("withdraw twice: %v", err)
	}
	if _, err := s.Nominate(ctx, nominee("b@customs.uz")); err != nil {
		t.Fatalf("a withdrawn e-mail is free again: %v", err)
	}
	// Edit frees the old e-mail and validates.
	if _, err := s.EditContact(ctx, a.ID, storage.FieldPhone, "12345", 1001, t0); err == nil {
		t.Fatal("an invalid phone was stored")
	}
	got, err := s.EditContact(ctx, a.ID, storage.FieldEmail, "new@Customs.uz", 1001, t0)
	if err != nil || got.Email != "new@customs.uz" {
		t.Fatalf("edit e-mail: %+v, %v", got, err)
	}
	if _, err := s.Nominate(ctx, nominee("a@customs.uz")); err != nil {
		t.Fatalf("the old e-mail should be free after the edit: %v", err)
	}
	if _, err := s.RemoveContact(ctx, a.ID, 1001, t0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Contact(ctx, a.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("removed contact: %v", err)
	}
	if _, err := s.Nominate(ctx, nominee("new@customs.uz")); err != nil {
		t.Fatalf("a removed contact's e-mail is free: %v", err)
	}
	log, err := s.AuditLog(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{storage.AuditNominated, storage.AuditRemoved, storage.AuditNominated, storage.AuditEdited,
		storage.AuditNominated, storage.AuditWithdrawn, storage.AuditNominated, storage.AuditApproved, storage.AuditNominated}
	if len(log) != len(want) {
		t.Fatalf("audit log has %d entries, want %d: %+v", len(log), len(want), log)
	}
	for i, e := range log {
		if e.Action != want[i] {
			t.Errorf("audit[%d] = %s, want %s", i, e.Action, want[i])
		}
	}
}

func TestContactRacingDecisions(t *testing.T) {
	t.Parallel()
	s := openRedis(t)
	ctx := t.Context()
	for round := range 10 {
		c, err := s.Nominate(ctx, nominee("race"+string(rune('a'+round))+"@customs.uz"))
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Go(func() {
				_, errs[i] = s.DecideContact(ctx, c.ID, i%2 == 0, int64(1001+i), t0)
			})
		}
		wg.Wait()
		won := 0
		for _, err := range errs {
			switch {
			case err == nil:
				won++
			case !errors.Is(err, storage.ErrAlreadyDecided):
				t.Fatalf("decide: %v", err)
			}
		}
		if won != 1 {
			t.Fatalf("round %d: %d decisions stood", round, won)
		}
	}
	log, _ := s.AuditLog(ctx, 1000)
	if len(log) != 20 {
		t.Errorf("audit entries: %d, want 10 nominations + 10 decisions", len(log))
	}
}

func TestForgetUser(t *testing.T) {
	t.Parallel()
	s := openRedis(t)
	ctx := t.Context()
	const me = 2001
	if err := s.PutMember(ctx, storage.Member{UserID: me, Name: "Ahmet", Username: "ahmet", Party: storage.Turkiye}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutConversation(ctx, storage.Conversation{UserID: me, Step: "email", Updated: t0}); err != nil {
		t.Fatal(err)
	}
	self := nominee("me@trade.gov.tr")
	self.Username, self.TelegramUserID = "Ahmet", me
	selfC, _ := s.Nominate(ctx, self)
	_, _ = s.DecideContact(ctx, selfC.ID, true, 1001, t0)
	byName := nominee("byname@trade.gov.tr")
	byName.Username, byName.NominatedBy = "AHMET", 5000
	byNameC, _ := s.Nominate(ctx, byName)
	pending, _ := s.Nominate(ctx, nominee("colleague@trade.gov.tr"))
	kept, _ := s.Nominate(ctx, nominee("kept@trade.gov.tr"))
	_, _ = s.DecideContact(ctx, kept.ID, true, 1001, t0)
	other := nominee("other@trade.gov.tr")
	other.NominatedBy = 5000
	otherC, _ := s.Nominate(ctx, other)

	got, err := s.ForgetUser(ctx, me, "ahmet", t0)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Member || !got.Conversation || got.AccessRequest || len(got.Contacts) != 2 ||
		len(got.Nominations) != 1 || got.Nominations[0] != pending.ID || len(got.Unlinked) != 1 || got.Unlinked[0] != kept.ID {
		t.Fatalf("ForgetUser = %+v", got)
	}
	for _, gone := range []int64{selfC.ID, byNameC.ID, pending.ID} {
		if _, err := s.Contact(ctx, gone); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("contact %d: %v", gone, err)
		}
	}
	if c, err := s.Contact(ctx, kept.ID); err != nil || c.NominatedBy != 0 {
		t.Errorf("kept contact: %+v, %v", c, err)
	}
	if _, err := s.Contact(ctx, otherC.ID); err != nil {
		t.Errorf("someone else's nomination: %v", err)
	}
	if _, err := s.Member(ctx, me); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("member: %v", err)
	}
	if _, err := s.Conversation(ctx, me); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("conversation: %v", err)
	}
	// The e-mails are free again.
	if _, err := s.Nominate(ctx, other2("me@trade.gov.tr")); err != nil {
		t.Errorf("e-mail of a forgotten contact: %v", err)
	}
	again, err := s.ForgetUser(ctx, me, "ahmet", t0)
	if err != nil || !again.Empty() {
		t.Errorf("forget twice: %+v, %v", again, err)
	}
}

func TestConversationsIdle(t *testing.T) {
	t.Parallel()
	s := openRedis(t)
	ctx := t.Context()
	for i, at := range []time.Time{t0, t0.Add(time.Hour), t0.Add(30 * time.Hour)} {
		if err := s.PutConversation(ctx, storage.Conversation{UserID: int64(10 + i), Step: "name", Updated: at}); err != nil {
			t.Fatal(err)
		}
	}
	before := t0.Add(2 * time.Hour)
	ids, err := s.IdleConversations(ctx, before, 10)
	if err != nil || len(ids) != 2 || ids[0] != 10 || ids[1] != 11 {
		t.Fatalf("idle: %v, %v", ids, err)
	}
	// User 11 is active again before the expirer gets to them.
	if err := s.PutConversation(ctx, storage.Conversation{UserID: 11, Step: "email", Updated: t0.Add(3 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	ended := make([]bool, 4)
	for i := range ended {
		wg.Go(func() {
			_, ended[i], _ = s.EndIdleConversation(ctx, 10, before)
		})
	}
	wg.Wait()
	n := 0
	for _, e := range ended {
		if e {
			n++
		}
	}
	if n != 1 {
		t.Errorf("conversation 10 ended %d times", n)
	}
	if _, ok, _ := s.EndIdleConversation(ctx, 11, before); ok {
		t.Error("an active conversation was ended")
	}
	if c, err := s.Conversation(ctx, 11); err != nil || c.Step != "email" {
		t.Errorf("conversation 11: %+v, %v", c, err)
	}
	if ok, err := s.EndConversation(ctx, 12); err != nil || !ok {
		t.Errorf("end: %v, %v", ok, err)
	}
	if ids, _ := s.IdleConversations(ctx, t0.Add(100*time.Hour), 10); len(ids) != 1 || ids[0] != 11 {
		t.Errorf("left: %v", ids)
	}
}

func other2(email string) storage.Contact {
	c := nominee(email)
	c.NominatedBy = 5000
	return c
}
