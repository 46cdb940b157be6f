package storage_test

import (
	"testing"

	"github.com/ots-customs/wgbot/storage"
)

func TestParseParty(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want storage.Party
		ok   bool
	}{
		{"TR", storage.Turkiye, true},
		{"tr", storage.Turkiye, true},
		{"  TR  ", storage.Turkiye, true},
		{"Türkiye", storage.Turkiye, true},
		{"TÜRKİYE", storage.Turkiye, true},       // Turkish capital dotted İ
		{"Tu\u0308rkiye", storage.Turkiye, true}, // decomposed ü
		{"Turkey", storage.Turkiye, true},
		{"Turkish side", storage.Turkiye, true},
		{"the Turkish side", storage.Turkiye, true},
		{"TURKISH SIDE", storage.Turkiye, true},
		{"the Turkish side.", storage.Turkiye, true},
		{"Republic of Türkiye", storage.Turkiye, true},
		{"Uzbek side", storage.Uzbekistan, true},
		{"O'zbekiston", storage.Uzbekistan, true},
		{"Oʻzbekiston", storage.Uzbekistan, true},
		{"UZ", storage.Uzbekistan, true},
		{"Kyrgyz Republic", storage.Kyrgyzstan, true},
		{"Kyrgyzstan", storage.Kyrgyzstan, true},
		{"Hungary", storage.Hungary, true},
		{"HU", storage.Hungary, true},
		{"Magyarország", storage.Hungary, true},
		{"Hungarian side", storage.Hungary, true},
		{"Secretariat", storage.Secretariat, true},
		{"the Secretariat", storage.Secretariat, true},
		{"OTS", storage.Secretariat, true},
		{"SEC", storage.Secretariat, true},
		{"Казахстан", storage.Kazakhstan, true},
		{"КАЗАХСТАН", storage.Kazakhstan, true},
		{"Kazakh side", storage.Kazakhstan, true},
		{"Azerbaijan", storage.Azerbaijan, true},
		{"Azərbaycan", storage.Azerbaijan, true},
		{"Narnia", "", false},
		{"", "", false},
		{"   ", "", false},
		{"the side", "", false},
		{"Turkish Uzbek", "", false},
		{"T", "", false},
	} {
		got, ok := storage.ParseParty(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseParty(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestPartyInfo(t *testing.T) {
	t.Parallel()
	for _, info := range storage.Parties() {
		if !info.Code.Valid() {
			t.Errorf("%s not Valid", info.Code)
		}
		// Every Party is found by its own code, name and side.
		for _, s := range []string{string(info.Code), info.Name, info.Side} {
			if got, ok := storage.ParseParty(s); !ok || got != info.Code {
				t.Errorf("ParseParty(%q) = %q, %v; want %q", s, got, ok, info.Code)
			}
		}
	}
	if storage.Party("XX").Valid() {
		t.Error("unknown Party XX is Valid")
	}
	if got := storage.Turkiye.Label(); got != "🇹🇷 Türkiye" {
		t.Errorf("Label %q", got)
	}
	if got := storage.Party("XX").Label(); got != "XX" {
		t.Errorf("Label of an unknown Party %q", got)
	}
	if len(storage.StateParties) != 6 {
		t.Errorf("%d state Parties, want 6", len(storage.StateParties))
	}
	for _, p := range storage.StateParties {
		if p == storage.Secretariat {
			t.Error("the Secretariat is listed among the state Parties")
		}
	}
}
