package handlers

import (
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage"
)

// A system zone database older than 2024a keeps Astana at UTC+6: such a
// zone is replaced by UTC+5, and a current one is kept as it is.
func TestCheckedZoneFixesAnOldKazakhZone(t *testing.T) {
	t.Parallel()
	old := time.FixedZone("Asia/Almaty", 6*3600)
	_, off := kazakhSwitch.In(checkedZone("Asia/Almaty", old)).Zone()
	if off != 5*3600 {
		t.Errorf("an old Asia/Almaty stays UTC%+d", off/3600)
	}
	current := loadZone("Asia/Almaty")
	if got := checkedZone("Asia/Almaty", current); got != current {
		t.Error("a current Asia/Almaty was replaced")
	}
	other := time.FixedZone("Asia/Bishkek", 6*3600)
	if got := checkedZone("Asia/Bishkek", other); got != other {
		t.Error("Bishkek (UTC+6) was changed")
	}
}

func TestZoneNamed(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"Europe/Budapest", "Europe/Budapest", true},
		{"europe/budapest", "Europe/Budapest", true},
		{"AMERICA/NEW_YORK", "America/New_York", true},
		{"Astana", "Asia/Almaty", true},
		{"НУР-СУЛТАН", "Asia/Almaty", true},
		{"Ташкент", "Asia/Tashkent", true},
		{"İSTANBUL", "Europe/Istanbul", true},
		{"Ankara", "Europe/Istanbul", true},
		{"KG", "Asia/Bishkek", true},
		{"Magyarország", "Europe/Budapest", true},
		{"Secretariat", "Europe/Istanbul", true},
		{"UTC", "UTC", true},
		{"default", "", true},
		{"UTC+5", "", false},
		{"Local", "", false},
		{"../../etc/passwd", "", false},
		{"Mars/Olympus", "", false},
		{"", "", false},
	} {
		got, ok := zoneNamed(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("zoneNamed(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCapitalZonesAndOffsets(t *testing.T) {
	t.Parallel()
	march := time.Date(2024, 3, 2, 12, 0, 0, 0, time.UTC)
	want := map[storage.Party]string{storage.Azerbaijan: "UTC+4", storage.Kazakhstan: "UTC+5", storage.Kyrgyzstan: "UTC+6",
		storage.Turkiye: "UTC+3", storage.Uzbekistan: "UTC+5", storage.Hungary: "UTC+1", storage.Secretariat: "UTC+3", "": "UTC+3"}
	for p, off := range want {
		loc := loadZone(CapitalZone(p))
		if loc == nil {
			t.Fatalf("%s: zone %q does not load", p, CapitalZone(p))
		}
		if got := zoneOffset(loc, march); got != off {
			t.Errorf("%s (%s): %s on 2 March 2024, want %s", p, loc, got, off)
		}
	}
	if got := zoneOffset(loadZone("Asia/Kolkata"), march); got != "UTC+5:30" {
		t.Errorf("Asia/Kolkata: %s", got)
	}
	if got := zoneOffset(loadZone("America/New_York"), march); got != "UTC-5" {
		t.Errorf("America/New_York: %s", got)
	}
}
