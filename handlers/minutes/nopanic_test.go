package minutes

import (
	"math/rand"
	"strings"
	"testing"
	"time"
)

// TestRulesNeverPanic feeds the rules random sentences built from the words
// they look for, calling them below Extract: Extract recovers from a panic
// and returns nothing, which would hide a broken rule as a silent miss (a
// Turkish pattern once did exactly that).
func TestRulesNeverPanic(t *testing.T) {
	words := strings.Fields("Turkish side Türk tarafı Kazak tarafının Taraflar Tarafların Стороны Коллегии Евразийской экономической комиссии провести до 1 марта 2024 года к концу первого квартала во втором квартале 15.03.2024 tarihine kadar en geç 2024 yılının ilk çeyreğinde sonuna by Friday EOB-US Tuesday I'll I will - – : ; . , ( by me ) Deadline for input from assignees | Aksiyon | Sorumlu | Termin | Durum | Tamamlandı 2025-05-28 08-31-06 informed that it will finalize agreed that the Parties submit договорились обменяться обязалась iletmeyi kabul etmişlerdir tamamlayacağını bildirmiştir Şubat 2024'te düzenleyecektir проведет семинар в феврале Part Annex within two months в двухмесячный срок iki ay içinde ’ll ' \n \n\n")
	r := rand.New(rand.NewSource(1))
	ctx := docContext{dateContext: dateContext{meeting: time.Date(2023, 10, 10, 0, 0, 0, 0, time.UTC), year: 2023}}
	for i := 0; i < 5000; i++ {
		n := 1 + r.Intn(25)
		var sb strings.Builder
		for j := 0; j < n; j++ {
			sb.WriteString(words[r.Intn(len(words))])
			if r.Intn(4) > 0 {
				sb.WriteByte(' ')
			}
		}
		s := sb.String()
		func() {
			defer func() {
				if e := recover(); e != nil {
					t.Fatalf("panic %v on %q", e, s)
				}
			}()
			for _, sn := range splitSentences(s) {
				commitmentsIn(sn, "", ctx, nil)
				if sn.table {
					if h, ok := parseHeader(sn.text); ok {
						tableRowItem(sn.text, h, ctx.dateContext)
						tableCellItem(sn.text, h, ctx.dateContext)
					}
				}
			}
			Meeting(s, Options{})
		}()
	}
}
