package minutes

import (
	"strings"
	"testing"
)

// TestRussianRules: each rule of ru_rules.go and ru_terms.go on sentences
// worded otherwise than in the phrasings table, with the dates next to
// them that are not deadlines.
func TestRussianRules(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []ruWant
	}{
		{"reported own future", "Кыргызская сторона проинформировала, что завершит внутригосударственные процедуры до конца 2024 года.",
			[]ruWant{{"Kyrgyz side", "2024-12-31", PrecisionYear}}},
		{"reported past", "Кыргызская сторона проинформировала, что завершила внутригосударственные процедуры до 1 февраля 2024 года.", nil},
		{"working days", "Секретариату ОТГ в течение 10 рабочих дней разослать Сторонам проект Протокола.",
			[]ruWant{{"the Secretariat", "2024-02-28", PrecisionDay}}},
		{"after entry into force", "Сторонам в течение 30 дней после вступления в силу Соглашения назначить уполномоченные органы.", nil},
		{"after the meeting", "Сторонам в течение 30 дней после заседания назначить контактных лиц.",
			[]ruWant{{"the Parties", "2024-03-15", PrecisionDay}}},
		{"charge introducing a list", "Поручить Секретариату ОТГ:\n\n- до 1 марта 2024 г. подготовить проект доклада;\n- в месячный срок разослать его Сторонам.",
			[]ruWant{{"the Secretariat", "2024-03-01", PrecisionDay}, {"the Secretariat", "2024-03-14", PrecisionDay}}},
		{"noted list is no lead", "Стороны отметили:\n\n- до 1 марта 2024 г. ожидается поступление предложений.", nil},
		{"official, past", "Председатель Рабочей группы сообщил о переносе срока до 1 мая 2024 г.", nil},
		{"object first, parties are the addressees", "Проект Плана мероприятий направить Сторонам до 1 марта 2024 г.", nil},
		{"charge of the EEC", "Поручить Евразийской экономической комиссии до 1 июля 2024 г. подготовить проект решения.",
			[]ruWant{{"Евразийская экономическая комиссия", "2024-07-01", PrecisionDay}}},
		{"national bank, masculine", "Национальному банку обеспечить информационное взаимодействие до 1 сентября 2024 г.",
			[]ruWant{{"Национальный банк", "2024-09-01", PrecisionDay}}},
		{"customs administration, neuter", "Центральному таможенному управлению представить предложения до 1 сентября 2024 г.",
			[]ruWant{{"Центральное таможенное управление", "2024-09-01", PrecisionDay}}},
		{"chair in the dative", "Председателю Рабочей группы направить приглашения до 1 апреля 2024 г.",
			[]ruWant{{"Председатель Рабочей группы", "2024-04-01", PrecisionDay}}},
		{"woman in the dative", "Г-же Петровой А.С. подготовить справку до 1 апреля 2024 г.",
			[]ruWant{{"г-жа Петрова А.С.", "2024-04-01", PrecisionDay}}},
		{"owner line after a plan item", "5. Разработать проект методических рекомендаций.\nОтветственный исполнитель – Казахстанская сторона.\nСрок – до 30 июня 2024 г.",
			[]ruWant{{"Kazakh side", "2024-06-30", PrecisionDay}}},
		{"term line after a past report", "Узбекская сторона провела семинар.\nСрок: 20 января 2024 г.", nil},
		{"owners cell with two sides", "| № | Мероприятие | Срок | Ответственные |\n|---|---|---|---|\n| 1 | Обмен опытом | III квартал 2024 г. | Азербайджанская и Турецкая стороны |",
			[]ruWant{{"Azerbaijani side + Turkish side", "2024-09-30", PrecisionQuarter}}},
		{"owners cell, other body as written", "| № | Мероприятие | Срок | Ответственные |\n|---|---|---|---|\n| 1 | Обмен опытом | до 1 июля 2024 г. | ФТС России |",
			[]ruWant{{"ФТС России", "2024-07-01", PrecisionDay}}},
		{"during a year", "Сторонам в течение 2024 года провести не менее двух совместных семинаров.",
			[]ruWant{{"the Parties", "2024-12-31", PrecisionYear}}},
		{"during a past year", "В течение 2023 года Стороны провели два совместных семинара.", nil},
		{"two parties charged", "Поручить Секретариату ОТГ и Турецкой стороне до 1 марта 2024 г. подготовить программу семинара.",
			[]ruWant{{"the Secretariat + Turkish side", "2024-03-01", PrecisionDay}}},
		{"two parties acting", "Секретариат ОТГ и Кыргызская сторона проведут консультации до 1 апреля 2024 г.",
			[]ruWant{{"the Secretariat + Kyrgyz side", "2024-04-01", PrecisionDay}}},
		{"object after and", "Секретариату ОТГ направить проект Сторонам и Турецкой стороне до 1 марта 2024 г.",
			[]ruWant{{"the Secretariat", "2024-03-01", PrecisionDay}}},
		{"roman half-year", "Узбекской стороне провести семинар в I полугодии 2024 г.",
			[]ruWant{{"Uzbek side", "2024-06-30", PrecisionHalf}}},
		{"abbreviated quarter", "| № | Мероприятие | Срок | Ответственные |\n|---|---|---|---|\n| 1 | Обмен опытом | II кв. 2024 г. | Стороны |",
			[]ruWant{{"the Parties", "2024-06-30", PrecisionQuarter}}},
		{"within a year", "Сторонам в течение года с даты подписания настоящего Протокола завершить согласование.",
			[]ruWant{{"the Parties", "2025-02-14", PrecisionDay}}},
		{"numbered sub-item", "1.1. Таможенным службам Сторон обеспечить обмен информацией до 1 июня 2024 г.",
			[]ruWant{{"Таможенные службы Сторон", "2024-06-01", PrecisionDay}}},
		{"other state's side in the dative", "Российской стороне направить предложения до 1 марта 2024 г.",
			[]ruWant{{"Российская сторона", "2024-03-01", PrecisionDay}}},
		{"other states' sides", "Белорусской и Таджикской сторонам представить информацию до 1 марта 2024 г.",
			[]ruWant{{"Белорусская сторона + Таджикская сторона", "2024-03-01", PrecisionDay}}},
		{"two tasks in one sentence", "Сторонам до 1 марта 2024 г. представить предложения, а Секретариату ОТГ до 1 апреля 2024 г. обобщить их.",
			[]ruWant{{"the Parties", "2024-03-01", PrecisionDay}, {"the Secretariat", "2024-04-01", PrecisionDay}}},
		{"second term of the same actor", "Турецкой стороне до 1 марта 2024 г. направить проект программы, а до 1 апреля 2024 г. – ее окончательный вариант.",
			[]ruWant{{"Turkish side", "2024-03-01", PrecisionDay}, {"Turkish side", "2024-04-01", PrecisionDay}}},
		{"and also is one task", "Сторонам до 1 марта 2024 г. представить предложения, а также информацию о контактных лицах.",
			[]ruWant{{"the Parties", "2024-03-01", PrecisionDay}}},
		{"past clause and a task", "Турецкая сторона провела семинар 20 января 2024 г., а Узбекская сторона проведет семинар до 1 июня 2024 г.",
			[]ruWant{{"Uzbek side", "2024-06-01", PrecisionDay}}},
		{"ask a government", "Просить Правительство Республики Казахстан до 1 марта 2024 г. рассмотреть возможность проведения семинара.",
			[]ruWant{{"Правительство Республики Казахстан", "2024-03-01", PrecisionDay}}},
		{"ask the commission", "Просить Евразийскую экономическую комиссию до 1 июля 2024 г. подготовить обзор практики.",
			[]ruWant{{"Евразийская экономическая комиссия", "2024-07-01", PrecisionDay}}},
		{"governments in the dative", "Правительствам государств – членов до 1 октября 2024 г. проинформировать Комиссию о ходе работы.",
			[]ruWant{{"Правительства государств – членов", "2024-10-01", PrecisionDay}}},
		{"CIS Executive Committee", "Исполнительному комитету СНГ до 1 декабря 2024 г. обобщить предложения государств-участников.",
			[]ruWant{{"Исполнительный комитет СНГ", "2024-12-01", PrecisionDay}}},
		{"ministry in the dative", "Министерству иностранных дел Республики Узбекистан до 1 апреля 2024 г. направить ноту.",
			[]ruWant{{"Министерство иностранных дел Республики Узбекистан", "2024-04-01", PrecisionDay}}},
		{"town abbreviation", "Узбекской стороне провести семинар в г. Самарканде до 1 июня 2024 г.",
			[]ruWant{{"Uzbek side", "2024-06-01", PrecisionDay}}},
		{"year abbreviation ends a sentence", "Кыргызской стороне представить проект до 1 апреля 2024 г. Сторонам рассмотреть его до 1 мая 2024 г.",
			[]ruWant{{"Kyrgyz side", "2024-04-01", PrecisionDay}, {"the Parties", "2024-05-01", PrecisionDay}}},
		{"sub-numbered items under a charge", "Поручить Секретариату ОТГ:\n1.1. до 1 марта 2024 г. подготовить проект доклада;\n1.2. до 1 апреля 2024 г. разослать его Сторонам.",
			[]ruWant{{"the Secretariat", "2024-03-01", PrecisionDay}, {"the Secretariat", "2024-04-01", PrecisionDay}}},
		{"department with a partner", "2. Департаменту таможенной инфраструктуры совместно с Департаментом информационных технологий до 1 марта 2024 г. подготовить проект распоряжения.",
			[]ruWant{{"Департамент таможенной инфраструктуры", "2024-03-01", PrecisionDay}}},
		{"recommendation list", "3. Рекомендовать государствам – членам Евразийского экономического союза:\nв срок до 31 декабря 2024 г. представить в Евразийскую экономическую комиссию информацию;\nежегодно, до 1 февраля, информировать Евразийскую экономическую комиссию о результатах работы.",
			[]ruWant{{"the Member States", "2024-12-31", PrecisionDay}}},
		{"annual report, one task", "Секретариату ОТГ подготовить ежегодный доклад до 1 марта 2024 г.",
			[]ruWant{{"the Secretariat", "2024-03-01", PrecisionDay}}},
		{"standing yearly task", "Сторонам ежегодно, до 1 февраля, представлять в Секретариат ОТГ информацию о ходе работы.", nil},
		{"abbreviated owners label", "4. Подготовить аналитическую записку.\nОтв.: Секретариат ОТГ.\nСрок – 01.06.2024.",
			[]ruWant{{"the Secretariat", "2024-06-01", PrecisionDay}}},
		{"table of tasks, year and standing terms", "| № | Мероприятие | Исполнитель | Срок исполнения |\n|---|---|---|---|\n| 1 | Обмен данными | Казахстанская сторона | в течение 2024 г. |\n| 2 | Консультации | Стороны | по мере необходимости |\n| 3 | Доклад | Секретариат ОТГ | до 01.06.2024 |",
			[]ruWant{{"Kazakh side", "2024-12-31", PrecisionYear}, {"the Secretariat", "2024-06-01", PrecisionDay}}},
		{"a proposal is no commitment", "Кыргызская сторона предложила провести совместный семинар до конца 2024 года.", nil},
		{"an intention is no commitment", "Турецкая сторона сообщила о намерении провести семинар в апреле 2024 г.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := ruHeld + tc.text
			got := Extract(text, Options{})
			if len(got) != len(tc.want) {
				for _, s := range Explain(text, Options{}) {
					t.Logf("%s: %s", s.Reason, s.Sentence)
				}
				t.Fatalf("got %d items %+v, want %d", len(got), got, len(tc.want))
			}
			for i, w := range tc.want {
				if p := strings.Join(got[i].Parties, " + "); !strings.EqualFold(p, w.parties) || got[i].Deadline != w.deadline || got[i].Precision != w.prec {
					t.Errorf("item %d: got %s | %s | %s, want %s | %s | %s", i, p, got[i].Deadline, got[i].Precision, w.parties, w.deadline, w.prec)
				}
				if !strings.Contains(NormalizeText(text), got[i].Quote) {
					t.Errorf("quote %q is not in the text", got[i].Quote)
				}
			}
		})
	}
}

// TestRussianNominative: the actor of a decision, written in the dative,
// is listed in the nominative; the words after its head stay as written.
func TestRussianNominative(t *testing.T) {
	for in, want := range map[string]string{
		"Евразийской экономической комиссии":     "Евразийская экономическая комиссия",
		"Таможенным службам Сторон":              "Таможенные службы Сторон",
		"Министерству финансов":                  "Министерство финансов",
		"Государственному таможенному комитету":  "Государственный таможенный комитет",
		"Департаменту таможенной инфраструктуры": "Департамент таможенной инфраструктуры",
		"уполномоченным органам":                 "уполномоченные органы",
		"ФТС России": "ФТС России",
		"международным организациям":               "международные организации",
		"участникам":                               "участники",
		"Комитету государственных доходов":         "Комитет государственных доходов",
		"Главному управлению таможенного контроля": "Главное управление таможенного контроля",
	} {
		if got := ruNominativePhrase(in, false); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}
