package minutes

import (
	"strings"
	"testing"
)

// TestIssueSentences runs the kinds of sentence issue 14 lists, each after
// a line that dates the meeting, through Extract.
func TestIssueSentences(t *testing.T) {
	const held = "The meeting was held on 10 October 2023.\n\n"
	for _, tc := range []struct {
		name, text, parties, deadline string
		prec                          Precision
	}{
		{"initials", "The Technical Committee (TC) reported to the Steering Committee (SC).\n\nACTION – The TC to inform the SC by September 2024.", "the TC", "2024-09-30", PrecisionMonth},
		{"action point", held + "AP 3: Secretariat to circulate the draft by 15 May 2024.", "the Secretariat", "2024-05-15", PrecisionDay},
		{"list of parties", held + "The Conference invites parties and observers to submit to the Secretariat, by 1 March 2024, their views.", "the Parties + observers", "2024-03-01", PrecisionDay},
		{"qualified party", held + "The member states of EurAsEC will ratify the agreement by 1 October 2024.", "the Member States of EurAsEC", "2024-10-01", PrecisionDay},
		{"date first in a dash list", held + "The Member States agreed:\n– by October 1, 2024, carry out the consultations;", "the Member States", "2024-10-01", PrecisionDay},
		{"yearless end of month", held + "The Secretariat will circulate the report by end of January.", "the Secretariat", "2024-01-31", PrecisionMonth},
		{"yearless day", held + "Kazakh side will send the data by 1 March.", "Kazakh side", "2024-03-01", PrecisionDay},
		{"ordinal day", held + "Mr Smith expected to have the answer ready by 9th November.", "Mr Smith", "2023-11-09", PrecisionDay},
		{"within months", held + "The Parties will submit comments within two months.", "the Parties", "2023-12-10", PrecisionDay},
		{"a month from now", held + "Uzbek side agreed to send the list a month from now.", "Uzbek side", "2023-11-10", PrecisionDay},
		{"end of quarter", held + "Uzbek side will submit the report by the end of Q2 2024.", "Uzbek side", "2024-06-30", PrecisionQuarter},
		{"mid-year", held + "The Secretariat will publish the study by mid-2024.", "the Secretariat", "2024-06-30", PrecisionHalf},
		{"first half", held + "The Working Group will finish the glossary in the first half of 2024.", "the Working Group", "2024-06-30", PrecisionHalf},
		{"numeric", held + "Hungarian side will send the invitation no later than 30.04.2024.", "Hungarian side", "2024-04-30", PrecisionDay},
		{"iso", held + "Turkish side will confirm the venue by 2024-04-30.", "Turkish side", "2024-04-30", PrecisionDay},
		{"ru parties", "Заседание состоялось 10 октября 2023 года.\n\nСтороны представят предложения до 1 апреля 2024 года.", "the Parties", "2024-04-01", PrecisionDay},
		{"ru side end of year", "Заседание состоялось 10 октября 2023 года.\n\nУзбекская сторона представит проект Регламента до конца 2023 года.", "Uzbek side", "2023-12-31", PrecisionYear},
		{"ru member states", "Заседание состоялось 10 октября 2023 года.\n\nГосударствам-членам проинформировать Комиссию о результатах до 1 октября 2024 года.", "the Member States", "2024-10-01", PrecisionDay},
		{"ru relative", "Заседание состоялось 10 октября 2023 года.\n\nСекретариату в двухмесячный срок подготовить доклад.", "the Secretariat", "2023-12-10", PrecisionDay},
		{"tr side", "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nTürk tarafı yenilenmiş konsepti 1 Mart 2024 tarihine kadar sunacaktır.", "Turkish side", "2024-03-01", PrecisionDay},
		{"tr capitals", "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nTÜRK TARAFI YENİLENMİŞ KONSEPTİ 1 MART 2024 TARİHİNE KADAR SUNACAKTIR.", "Turkish side", "2024-03-01", PrecisionDay},
		{"tr parties at the latest", "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nTaraflar görüşlerini en geç 15 Mayıs 2024 tarihine kadar Sekretaryaya iletecektir.", "the Parties", "2024-05-15", PrecisionDay},
		{"tr end of year", "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nÖzbek tarafı taslak Yönetmeliği 2023 yılı sonuna kadar Sekretaryaya iletecektir.", "Uzbek side", "2023-12-31", PrecisionYear},
		{"ru charge by decision", "Заседание состоялось 10 октября 2023 года.\n\nРешили: 1.Поручить таможенным органам государств-членов совместно с Секретариатом в месячный срок представить предложения.", "таможенные органы государств-членов", "2023-11-10", PrecisionDay},
		{"ru nominative dateline", "10:00 10 Октябрь 2023\n\nЭкспертная группа должна до 1 марта представить доклад.", "Экспертная группа", "2024-03-01", PrecisionDay},
		{"tr agent of a requirement", "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nRaporların fakülteler tarafından en geç 15 Kasım 2023 tarihine kadar gönderilmesi gerekmektedir.", "fakülteler", "2023-11-15", PrecisionDay},
		{"tracker action", held + "<trackbot> ACTION-12 -- Jane Doe to review the test suite -- due 2023-11-01 -- OPEN", "Jane Doe", "2023-11-01", PrecisionDay},
		{"ru body in the dative", "Заседание состоялось 10 октября 2023 года.\n\n2. Коллегии Евразийской экономической комиссии провести до 1 декабря 2023 г. консультации.", "Коллегия Евразийской экономической комиссии", "2023-12-01", PrecisionDay},
		{"ru numeric", "Заседание состоялось 10 октября 2023 года.\n\nРабочая группа рассмотрит предложения до 30.04.2024.", "Рабочая группа", "2024-04-30", PrecisionDay},
		{"ru end of quarter", "Заседание состоялось 10 октября 2023 года.\n\nКазахстанской стороне до конца первого квартала 2024 года представить информацию.", "Kazakh side", "2024-03-31", PrecisionQuarter},
		{"tr numeric at the latest", "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nAzerbaycan tarafı görüşlerini en geç 15.03.2024 tarihine kadar bildirecektir.", "Azerbaijani side", "2024-03-15", PrecisionDay},
		{"tr genitive actor", "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nKazak tarafının 2024 yılının ilk çeyreği sonuna kadar bilgi sunması kararlaştırıldı.", "Kazakh side", "2024-03-31", PrecisionQuarter},
		{"delegation", held + "Hungarian delegation expected to confirm participation by 9th November.", "Hungarian side", "2023-11-09", PrecisionDay},
		{"tr action table", "- **Tarih:** 2023-10-10\n\n| Aksiyon | Sorumlu | Termin | Durum |\n|---|---|---|---|\n| Raporun hazırlanması | Kazak tarafı | 2023-10-01 | Beklemede |\n| Taslağın gönderilmesi | Sekretarya | 2023-11-20 | Tamamlandı |\n| Listenin paylaşılması | Özbek tarafı | 2023-11-30 | Beklemede |", "Özbek tarafı", "2023-11-30", PrecisionDay},
		{"ru action table", "Заседание состоялось 10 октября 2023 года.\n\n| Мероприятие | Ответственный | Срок |\n|---|---|---|\n| Подготовить доклад | Секретариат | 01.12.2023 |", "Секретариат", "2023-12-01", PrecisionDay},
		{"weekday", held + "John Smith's note was discussed.\n\nThe Secretariat to circulate the paper by Friday.", "the Secretariat", "2023-10-13", PrecisionDay},
		{"end of business weekday", held + "I'll send my changes by EOB Tuesday.", "I", "2023-10-17", PrecisionDay},
		{"weekday schedule", held + "Process:\n- Input from the Parties by Friday.\n- Final version (by the Secretariat) by Friday.", "the Secretariat", "2023-10-20", PrecisionDay},
		{"inline dash list", held + "Process: - Deadline for input from assignees EOB-US Friday. - The call closes on Monday.", "assignees", "2023-10-13", PrecisionDay},
		{"two-digit year", "TSC 08-31-06 minutes\n\nThe Secretariat will report by 15-09-06.", "the Secretariat", "2006-09-15", PrecisionDay},
		{"ru activity in a month", "Заседание состоялось 10 октября 2023 года.\n\nУзбекская сторона проведет семинар в феврале 2024 года.", "Uzbek side", "2024-02-29", PrecisionMonth},
		{"tr activity in a month", "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nÖzbek tarafı Şubat 2024'te bir çalıştay düzenleyecektir.", "Uzbek side", "2024-02-29", PrecisionMonth},
		{"action bullet", held + "- The Chair opened the meeting.\n- Action: Uzbek side - due 15 February 2024", "Uzbek side", "2024-02-15", PrecisionDay},
		{"decision in a table cell", "| Date | Status | Agenda | Responsible team | Decisions |\n|---|---|---|---|---|\n| 2024-07-05 | Held | Model update | AI team, Legal team | Model 1.2 approved; the rules will be revised by 15 July. |", "AI team + Legal team", "2024-07-15", PrecisionDay},
		{"reported own commitment", held + "Kyrgyz side informed that it will finalize internal procedures by the end of 2024.", "Kyrgyz side", "2024-12-31", PrecisionYear},
		{"agreed that, subjunctive", held + "It was agreed that the Parties submit their comments by 15 January 2024.", "the Parties", "2024-01-15", PrecisionDay},
		{"party dash date", held + "The following sides will submit their proposals:\n\nTurkish side – by 1 March 2024", "Turkish side", "2024-03-01", PrecisionDay},
		{"ru agreed to", "Заседание состоялось 10 октября 2023 года.\n\nСтороны договорились обменяться информацией до 1 марта 2024 года.", "the Parties", "2024-03-01", PrecisionDay},
		{"ru undertook to", "Заседание состоялось 10 октября 2023 года.\n\nАзербайджанская сторона обязалась представить предложения к 1 февраля 2024 года.", "Azerbaijani side", "2024-02-01", PrecisionDay},
		{"ru quarter prepositional", "Заседание состоялось 10 октября 2023 года.\n\nКазахстанская сторона организует семинар во втором квартале 2024 года.", "Kazakh side", "2024-06-30", PrecisionQuarter},
		{"tr agreed to", "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nTaraflar, görüşlerini 15 Ocak 2024 tarihine kadar Sekretaryaya iletmeyi kabul etmişlerdir.", "the Parties", "2024-01-15", PrecisionDay},
		{"tr reported future", "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nKırgız tarafı iç prosedürleri 2024 yılı sonuna kadar tamamlayacağını bildirmiştir.", "Kyrgyz side", "2024-12-31", PrecisionYear},
		{"ru weekday", "Заседание состоялось 10 октября 2023 года.\n\nСекретариат направит проект до пятницы.", "the Secretariat", "2023-10-13", PrecisionDay},
		{"tr weekday", "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nTürk tarafı listeyi Pazartesiye kadar gönderecektir.", "Turkish side", "2023-10-16", PrecisionDay},
		{"tr weekday saturday", "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nSekretarya taslağı Cumartesi gününe kadar iletecektir.", "the Secretariat", "2023-10-14", PrecisionDay},
		{"tr relative", "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nAzerbaycan tarafı programı iki ay içinde sunacaktır.", "Azerbaijani side", "2023-12-10", PrecisionDay},
		// Round 3: governance minutes name people and use periods.
		{"people", held + "Terence, Olivier, and Bernard will compile the report by mid-August.", "Terence + Olivier + Bernard", "2024-08-31", PrecisionMonth},
		{"member group", held + "Committee members to review the Charter and provide feedback by Dec 12.", "Committee members", "2023-12-12", PrecisionDay},
		{"owner in brackets", held + "Publish the monthly report by the end of the day (Terence McCutcheon).", "Terence McCutcheon", "2023-10-10", PrecisionDay},
		{"owner label", held + "**Committee Members:** Reach out to contacts before the October 24th deadline.", "Committee Members", "2023-10-24", PrecisionDay},
		{"owner in a label's brackets", held + "**Review Applications (All Members):** The committee needs to actively approve applications before the September 1, 2024 contract deadline.", "All Members", "2024-09-01", PrecisionDay},
		{"end of the month", held + "Christian to ensure the policies are reflected in the repositories by the end of the month.", "Christian", "2023-10-31", PrecisionMonth},
		{"over the next weeks", held + "**Terence, Dominik, and Sebastian:** Coordinate interview slots over the next two weeks.", "Terence + Dominik + Sebastian", "2023-10-24", PrecisionDay},
		{"before a month", held + "Terence will perform an audit of the budgets before September.", "Terence", "2024-08-31", PrecisionMonth},
		{"later that day or by", held + "Terence will provide more information later that day or by Monday.", "Terence", "2023-10-16", PrecisionDay},
		{"us heading", "# (09/20/2024) Meeting Minutes\n\nTerence to inform the members by September 27th.", "Terence", "2024-09-27", PrecisionDay},
		{"us heading, ambiguous", "# (06/07/2024) Meeting Minutes\n\nAdam Dean will complete the pilot by June 21.", "Adam Dean", "2024-06-21", PrecisionDay},
		{"active host", held + "Turkish side will host a workshop on risk management in February 2024.", "Turkish side", "2024-02-29", PrecisionMonth},
		{"cell of a notes table", held + "| Topic | Notes | Actions |\n|---|---|---|\n| Elections | Three applicants are running. | Terence to encourage more applicants by September 27th. |", "Terence", "2024-09-27", PrecisionDay},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Extract(tc.text, Options{})
			if len(got) != 1 {
				for _, s := range Explain(tc.text, Options{}) {
					t.Logf("%s: %s", s.Reason, s.Sentence)
				}
				t.Fatalf("got %d items %+v, want 1", len(got), got)
			}
			it := got[0]
			if p := strings.Join(it.Parties, " + "); p != tc.parties || it.Deadline != tc.deadline || it.Precision != tc.prec {
				t.Errorf("got %s | %s | %s (%q), want %s | %s | %s", p, it.Deadline, it.Precision, it.DeadlineText, tc.parties, tc.deadline, tc.prec)
			}
			if !strings.Contains(NormalizeText(tc.text), it.Quote) || strings.Contains(it.Quote, "meeting was held") || strings.Contains(it.Quote, "opened the meeting") {
				t.Errorf("quote %q is not one sentence of the text", it.Quote)
			}
		})
	}
}

// TestNotDeadlines: dates that are not deadlines stay out.
func TestNotDeadlines(t *testing.T) {
	for _, text := range []string{
		"The meeting was held on 20 June 2015.\n\nTen Parties had submitted their reports by 8 June 2015.",
		"The Secretariat had circulated the draft by 8 June 2015 and the Parties welcomed it.",
		"The Secretariat will report on the workshops remaining in 2015.",
		"Hungarian side will host the Conference in 2024 in Budapest.",
		"The next meeting of the Working Group will be held on 5 March 2024.",
		"The 10th meeting will be convened in February 2024 in Baku.",
		"The Secretariat will circulate the report after 1 March 2024.",
		"Стороны представили предложения до 1 апреля 2016 года.",
		"Заседание Комиссии состоится 5 марта 2024 года в Москве.",
		"Taraflar raporlarını 8 Haziran 2015 tarihine kadar sunmuştur.",
		"Toplantı 5 Mart 2024 tarihinde Ankara'da yapılacaktır.",
		"Faaliyetlerin yapılması 5/2/2021 tarihine kadar yasaklanmıştır.",
		"At its fifth session the Committee invited Parties to submit views by 1 March 2024. The secretariat has received three such submissions.",
		"Поручение Сторонам было выполнено до 1 апреля 2016 года.",
		"Raporlar komisyon tarafından 8 Haziran 2015 tarihine kadar incelenmiştir.",
		"The meeting was held on 10 October 2023.\n\nThe Working Group will meet on Friday.",
		"The meeting was held on 10 October 2023.\n\nPart I will cover the tariffs by 1 March 2024.",
		"| Date | Agenda | Owner | Notes |\n|---|---|---|---|\n| 2024-07-05 | Report | Secretariat | Report submitted by 15 July 2024. |",
		"The meeting was held on 10 October 2023.\n\nKyrgyz side informed that it had finalized the procedures by 1 November 2023.",
		"The meeting was held on 10 October 2023.\n\nHungarian side expressed readiness to share its experience in the first quarter of 2024.",
		"Заседание состоялось 10 октября 2023 года.\n\nСтороны обменялись информацией до 1 ноября 2023 года.",
		"Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nMacar tarafı deneyimlerini 2024 yılının ilk çeyreğinde paylaşmaya hazır olduğunu ifade etmiştir.",
		"| Date | Status | Agenda | Owner |\n|---|---|---|---|\n| 2024-07-05 | Held | Model update | AI team |\n| 2024-08-09 | Planned | Alarm analysis | Security team |",
		"Заседание состоялось 10 октября 2023 года.\n\nСтороны проведут следующее заседание в марте 2024 года.",
		"Заседание состоялось 10 октября 2023 года.\n\nУзбекская сторона продолжит работу в 2024 году.",
		"Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\nTaraflar bir sonraki toplantıyı Mart 2024'te yapacaktır.",
		"The meeting was held on 10 October 2023.\n\nThe Secretariat reported on Friday's call.",
		"The Secretariat will circulate the paper by Friday.", // no meeting date to count from
		"The meeting was held on 10 October 2023.\n\nThe Chair thanked the Parties.\n\nA paper (by the Secretariat) was presented on 12 October 2023.",
		"The meeting was held on 10 October 2023.\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n| Send the list | Secretariat | 2023-11-01 | Done |\n| Draft the note | Kazakh side | 2023-09-30 | Open |",
		"Заседание состоялось 10 октября 2023 года.\n\n| Мероприятие | Ответственный | Срок | Статус |\n|---|---|---|---|\n| Подготовить доклад | Секретариат | 01.12.2023 | Выполнено |",
		"The meeting was held on 10 October 2023.\n\nAgreement to hold the meeting unless all business is resolved by Dec 12.",
		"The meeting was held on 10 October 2023.\n\nConsensus to focus on openness by the end of the month.",
		"The meeting was held on 10 October 2023.\n\nMost projects are expected to comply with the policy by the end of October.",
		"The meeting was held on 10 October 2023.\n\nCommittee members must review the applications by early next week.",
		"The meeting was held on 10 October 2023.\n\nThis will be finalised by 1 March 2024.",
		"The meeting was held on 10 October 2023.\n\nThe Chair welcomed the proposal (see Annex 2) to publish the study by 1 March 2024 (M2.2, M2.3).",
		"The meeting was held on 10 October 2023.\n\nThe members of the Board may apply by 1 March 2024.",
	} {
		if got := Extract(text, Options{}); len(got) != 0 {
			t.Errorf("%q: got %+v, want nothing", text, got)
		}
	}
}

// TestUndatedExplained: a task with a time no reminder can be set for is
// left out, and --explain says why, not just "no date".
func TestUndatedExplained(t *testing.T) {
	for _, s := range []string{
		"Committee members must review the applications by early next week.",
		"Joint sessions with the Product Committee to be held in mid november.",
		"The Secretariat will circulate the revised draft by the next meeting.",
	} {
		steps := Explain("The meeting was held on 10 October 2023.\n\n"+s, Options{})
		last := steps[len(steps)-1]
		if last.Reason != whyUndated || len(last.Items) != 0 {
			t.Errorf("%q: %q %v, want %q and no item", s, last.Reason, last.Items, whyUndated)
		}
	}
}
