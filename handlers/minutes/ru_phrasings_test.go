package minutes

import (
	"strings"
	"testing"
)

// ruHeld dates the meeting as Russian protocols of intergovernmental
// bodies do: the place and the date under the title.
const ruHeld = "ПРОТОКОЛ\nвосьмого заседания Рабочей группы по таможенному сотрудничеству\n\nг. Ташкент 14 февраля 2024 г.\n\n"

// ruWant is one expected commitment: parties joined by " + ", as the user
// sees them (the Working Group's Parties in English, other bodies as
// written, in the nominative).
type ruWant struct {
	parties, deadline string
	prec              Precision
}

// TestRussianPhrasings reads the sentences, list items, label lines and
// table rows that protocols of the EEC, the CIS, intergovernmental
// commissions and customs working groups are written in. Every text is
// read after ruHeld (a meeting of 14 February 2024) unless it dates its
// own meeting. A case with no want must give no item.
func TestRussianPhrasings(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []ruWant
		quoteHas   string // a word the quote must hold, when the item spans lines
	}{
		// Sections of decisions.
		{name: "РЕШИЛИ charge", text: "РЕШИЛИ:\n\n1. Поручить Секретариату ОТГ подготовить проект Плана мероприятий на 2024–2025 годы в срок до 1 марта 2024 г.",
			want: []ruWant{{"the Secretariat", "2024-03-01", PrecisionDay}}},
		{name: "ПОСТАНОВИЛИ charge a department", text: "ПОСТАНОВИЛИ:\n\n1. Поручить Департаменту таможенного законодательства и правоприменительной практики подготовить проект решения до 1 марта 2024 г.",
			want: []ruWant{{"Департамент таможенного законодательства и правоприменительной практики", "2024-03-01", PrecisionDay}}},
		{name: "Договорились dative side", text: "Договорились:\n\n- Турецкой стороне представить обновленную концепцию проекта до 1 марта 2024 г.;",
			want: []ruWant{{"Turkish side", "2024-03-01", PrecisionDay}}},
		{name: "Стороны договорились inline", text: "Стороны договорились: Азербайджанская сторона направит проект Меморандума не позднее 15 апреля 2024 года.",
			want: []ruWant{{"Azerbaijani side", "2024-04-15", PrecisionDay}}},
		{name: "Стороны договорились date first", text: "Стороны договорились до 1 апреля 2024 г. обменяться контактными данными ответственных лиц.",
			want: []ruWant{{"the Parties", "2024-04-01", PrecisionDay}}},
		{name: "Стороны договорились list, date first", text: "Стороны договорились:\n\n- до 1 апреля 2024 г. обменяться контактными данными ответственных лиц;\n- продолжить работу по согласованию проекта Соглашения.",
			want: []ruWant{{"the Parties", "2024-04-01", PrecisionDay}}},
		{name: "договорились, что side", text: "Стороны договорились, что Узбекская сторона представит проект Регламента до 1 марта 2024 г.",
			want: []ruWant{{"Uzbek side", "2024-03-01", PrecisionDay}}},
		{name: "Поручить сторонам two months", text: "3. Поручить сторонам в двухмесячный срок представить в Секретариат ОТГ предложения по проекту Соглашения.",
			want: []ruWant{{"the Parties", "2024-04-14", PrecisionDay}}},
		{name: "Поручить Секретариату with partner", text: "4. Поручить Секретариату ОТГ совместно с Турецкой стороной подготовить программу семинара в срок до 30 апреля 2024 года.",
			want: []ruWant{{"the Secretariat", "2024-04-30", PrecisionDay}}},
		{name: "Рекомендовать member states", text: "5. Рекомендовать государствам – членам ОТГ до 31 декабря 2024 г. завершить внутригосударственные процедуры.",
			want: []ruWant{{"the Member States", "2024-12-31", PrecisionDay}}},

		// Dative actors with an infinitive, the form of most decisions.
		{name: "dative Uzbek side", text: "2. Узбекской стороне обеспечить подготовку площадки для проведения семинара до 1 марта 2024 г.",
			want: []ruWant{{"Uzbek side", "2024-03-01", PrecisionDay}}},
		{name: "dative Kazakh side", text: "Казахстанской стороне представить информацию о ходе реализации пилотного проекта до 1 марта 2024 г.",
			want: []ruWant{{"Kazakh side", "2024-03-01", PrecisionDay}}},
		{name: "dative Kyrgyz side, no later than", text: "Кыргызской стороне не позднее 15 апреля 2024 года направить Сторонам перечень контактных лиц.",
			want: []ruWant{{"Kyrgyz side", "2024-04-15", PrecisionDay}}},
		{name: "dative Azerbaijani side, to present", text: "Азербайджанской стороне представить проект Программы до 1 марта 2024 г.",
			want: []ruWant{{"Azerbaijani side", "2024-03-01", PrecisionDay}}},
		{name: "two sides in the dative", text: "Азербайджанской и Казахстанской сторонам представить предложения по маршрутам до 1 марта 2024 г.",
			want: []ruWant{{"Azerbaijani side + Kazakh side", "2024-03-01", PrecisionDay}}},
		{name: "Parties two months", text: "Сторонам в двухмесячный срок представить в Секретариат ОТГ предложения по проекту Соглашения.",
			want: []ruWant{{"the Parties", "2024-04-14", PrecisionDay}}},
		{name: "Secretariat a month", text: "Секретариату ОТГ в месячный срок разослать Сторонам проект Протокола.",
			want: []ruWant{{"the Secretariat", "2024-03-14", PrecisionDay}}},
		{name: "30 calendar days from signing", text: "Сторонам в течение 30 календарных дней с даты подписания настоящего Протокола определить контактных лиц.",
			want: []ruWant{{"the Parties", "2024-03-15", PrecisionDay}}},
		{name: "10-day term", text: "Секретариату ОТГ в 10-дневный срок направить Сторонам итоговый документ.",
			want: []ruWant{{"the Secretariat", "2024-02-24", PrecisionDay}}},
		{name: "within a month", text: "Сторонам в течение месяца направить в Секретариат ОТГ кандидатуры экспертов.",
			want: []ruWant{{"the Parties", "2024-03-14", PrecisionDay}}},
		{name: "within two weeks", text: "Турецкой стороне в течение двух недель разослать приглашения участникам семинара.",
			want: []ruWant{{"Turkish side", "2024-02-28", PrecisionDay}}},
		{name: "Secretariat then parties as object", text: "Секретариату ОТГ обобщить полученные предложения и направить их Сторонам до 1 апреля 2024 г.",
			want: []ruWant{{"the Secretariat", "2024-04-01", PrecisionDay}}},
		{name: "dative member states with dash", text: "Государствам – членам ОТГ представить в Секретариат ОТГ информацию до 1 апреля 2024 г.",
			want: []ruWant{{"the Member States", "2024-04-01", PrecisionDay}}},
		{name: "dative customs services", text: "Таможенным службам Сторон обеспечить обмен предварительной информацией до 1 июня 2024 г.",
			want: []ruWant{{"Таможенные службы Сторон", "2024-06-01", PrecisionDay}}},
		{name: "charge customs services", text: "Поручить таможенным службам Сторон до 1 июня 2024 г. обеспечить обмен предварительной информацией.",
			want: []ruWant{{"таможенные службы Сторон", "2024-06-01", PrecisionDay}}},
		{name: "dative EEC", text: "Евразийской экономической комиссии до 1 июля 2024 г. подготовить проект изменений в Порядок.",
			want: []ruWant{{"Евразийская экономическая комиссия", "2024-07-01", PrecisionDay}}},
		{name: "dative department of the EEC", text: "Департаменту таможенной инфраструктуры обеспечить проведение консультаций до 1 июля 2024 г.",
			want: []ruWant{{"Департамент таможенной инфраструктуры", "2024-07-01", PrecisionDay}}},
		{name: "dative revenue committee", text: "Комитету государственных доходов Министерства финансов Республики Казахстан направить предложения до 1 мая 2024 г.",
			want: []ruWant{{"Комитет государственных доходов Министерства финансов Республики Казахстан", "2024-05-01", PrecisionDay}}},
		{name: "abbreviation, infinitive", text: "ФТС России представить Сторонам сведения о применяемых системах управления рисками до 1 мая 2024 г.",
			want: []ruWant{{"ФТС России", "2024-05-01", PrecisionDay}}},
		{name: "person in the dative", text: "Г-ну Иванову И.И. подготовить справочную информацию до 1 марта 2024 г.",
			want: []ruWant{{"г-н Иванов И.И.", "2024-03-01", PrecisionDay}}},

		// Nominative actors with a future verb.
		{name: "Kyrgyz side future", text: "Кыргызская сторона представит проект Программы до 1 марта 2024 г.",
			want: []ruWant{{"Kyrgyz side", "2024-03-01", PrecisionDay}}},
		{name: "Parties future", text: "Стороны представят предложения по проекту Соглашения до 1 апреля 2024 года.",
			want: []ruWant{{"the Parties", "2024-04-01", PrecisionDay}}},
		{name: "Secretariat future, date first", text: "Секретариат ОТГ до 1 марта 2024 г. разошлет Сторонам проект доклада.",
			want: []ruWant{{"the Secretariat", "2024-03-01", PrecisionDay}}},
		{name: "Hungarian side end of quarter", text: "Венгерская сторона представит информацию о своем опыте до конца I квартала 2024 г.",
			want: []ruWant{{"Hungarian side", "2024-03-31", PrecisionQuarter}}},
		{name: "Turkish side first half", text: "Турецкая сторона проведет семинар по управлению рисками в первом полугодии 2024 года.",
			want: []ruWant{{"Turkish side", "2024-06-30", PrecisionHalf}}},
		{name: "member states future", text: "Государства – члены ОТГ проинформируют Секретариат о результатах до 1 апреля 2024 г.",
			want: []ruWant{{"the Member States", "2024-04-01", PrecisionDay}}},
		{name: "FCS future", text: "ФТС России направит Сторонам проект технических условий до 1 мая 2024 г.",
			want: []ruWant{{"ФТС России", "2024-05-01", PrecisionDay}}},
		{name: "revenue committee future", text: "Комитет государственных доходов Министерства финансов Республики Казахстан представит предложения до 1 мая 2024 г.",
			want: []ruWant{{"Комитет государственных доходов Министерства финансов Республики Казахстан", "2024-05-01", PrecisionDay}}},
		{name: "person future", text: "Г-н Иванов И.И. представит Сторонам справочную информацию до 1 марта 2024 г.",
			want: []ruWant{{"г-н Иванов И.И.", "2024-03-01", PrecisionDay}}},
		{name: "two sides future", text: "Казахстанская и Узбекская стороны проведут совместный мониторинг до 1 июня 2024 г.",
			want: []ruWant{{"Kazakh side + Uzbek side", "2024-06-01", PrecisionDay}}},
		{name: "by date with к", text: "Сторонам к 1 апреля 2024 г. определить национальных координаторов.",
			want: []ruWant{{"the Parties", "2024-04-01", PrecisionDay}}},
		{name: "numeric date", text: "Турецкой стороне до 01.04.2024 направить Сторонам проект программы.",
			want: []ruWant{{"Turkish side", "2024-04-01", PrecisionDay}}},
		{name: "agreed to hold in a month", text: "Стороны договорились провести совместный семинар в апреле 2024 г.",
			want: []ruWant{{"the Parties", "2024-04-30", PrecisionMonth}}},
		{name: "agreed by year end", text: "Стороны согласились до конца 2024 года завершить согласование проекта Соглашения.",
			want: []ruWant{{"the Parties", "2024-12-31", PrecisionYear}}},

		// Dates read against the meeting's.
		{name: "yearless day", text: "Узбекской стороне до 15 марта направить Сторонам проект повестки дня.",
			want: []ruWant{{"Uzbek side", "2024-03-15", PrecisionDay}}},
		{name: "yearless day after new year", text: "ПРОТОКОЛ\n\nг. Баку 11 декабря 2023 г.\n\nСекретариат ОТГ направит Сторонам проект доклада до 15 января.",
			want: []ruWant{{"the Secretariat", "2024-01-15", PrecisionDay}}},
		{name: "end of this year", text: "Сторонам завершить внутригосударственные процедуры до конца текущего года.",
			want: []ruWant{{"the Parties", "2024-12-31", PrecisionYear}}},

		// Tasks with their term and owners on lines of their own.
		{name: "term line", text: "1. Поручить Секретариату ОТГ подготовить проект Плана мероприятий.\nСрок: до 1 марта 2024 г.",
			want: []ruWant{{"the Secretariat", "2024-03-01", PrecisionDay}}, quoteHas: "Плана мероприятий"},
		{name: "owners and term lines", text: "2. Подготовить предложения по гармонизации форм документов.\nОтветственные: Узбекская сторона.\nСрок исполнения – IV квартал 2024 г.",
			want: []ruWant{{"Uzbek side", "2024-12-31", PrecisionQuarter}}, quoteHas: "гармонизации"},
		{name: "term then owners", text: "3. Организовать обмен опытом по применению электронных пломб.\nСрок: до 1 июня 2024 г.\nОтветственные: Секретариат ОТГ, Турецкая сторона.",
			want: []ruWant{{"the Secretariat + Turkish side", "2024-06-01", PrecisionDay}}, quoteHas: "электронных пломб"},
		{name: "term after the sentence", text: "Кыргызской стороне подготовить обзор практики. Срок исполнения: II квартал 2024 г.",
			want: []ruWant{{"Kyrgyz side", "2024-06-30", PrecisionQuarter}}},
		{name: "plan table", text: "| № п/п | Наименование мероприятия | Срок исполнения | Ответственные исполнители |\n|---|---|---|---|\n| 1. | Проведение семинара по управлению рисками | II квартал 2024 г. | Турецкая сторона |\n| 2. | Обмен контактными данными | до 1 июня 2024 г. | Стороны |\n| 3. | Мониторинг реализации Плана | постоянно | Секретариат ОТГ |",
			want: []ruWant{{"Turkish side", "2024-06-30", PrecisionQuarter}, {"the Parties", "2024-06-01", PrecisionDay}}},

		// Negatives: dates that are not deadlines.
		{name: "next meeting to hold", text: "Очередное заседание Рабочей группы провести 15 марта 2024 г. в г. Баку."},
		{name: "next meeting will take place", text: "Очередное (девятое) заседание Рабочей группы состоится 15 марта 2024 г. в г. Баку."},
		{name: "next meeting in a quarter", text: "Следующее заседание Рабочей группы провести во втором квартале 2024 года в Турецкой Республике."},
		{name: "next meeting by a date", text: "Очередное заседание провести до конца II квартала 2024 г. в г. Анкаре."},
		{name: "entry into force, days", text: "Настоящее Решение вступает в силу по истечении 30 календарных дней с даты его официального опубликования."},
		{name: "entry into force, date", text: "Настоящий Протокол вступает в силу с 1 июля 2024 г."},
		{name: "term from entry into force", text: "Сторонам в течение 6 месяцев с даты вступления в силу настоящего Соглашения привести национальное законодательство в соответствие с его положениями."},
		{name: "term from a request", text: "Запрашиваемая сторона направляет ответ в течение 30 дней с даты получения запроса."},
		{name: "past event of a side", text: "Казахстанская сторона представила информацию о ходе реализации пилотного проекта 1 марта 2023 г."},
		{name: "past report", text: "Кыргызская сторона сообщила, что проект был направлен на согласование 10 января 2024 г."},
		{name: "past by a date", text: "Узбекская сторона завершила внутригосударственные процедуры до 1 февраля 2024 г."},
		{name: "noted, past", text: "Стороны отметили, что Турецкая сторона провела семинар 20 января 2024 г. в г. Анкаре."},
		{name: "descriptive year", text: "В 2023 году было проведено три совместных семинара."},
		{name: "descriptive period", text: "Стороны отметили, что в период с 1 по 15 ноября 2023 г. проведена совместная операция."},
		{name: "continue in a year", text: "Сторонам продолжить работу по обмену опытом в 2024 году."},
		{name: "plan for a year", text: "Сторонам обеспечить реализацию Плана мероприятий на 2024 год."},
		{name: "plan approved", text: "Утвердить План мероприятий Рабочей группы на 2024–2025 годы (прилагается)."},
		{name: "letter's date", text: "Сторонам рассмотреть проект, направленный письмом Секретариата ОТГ от 12.02.2024 № 01-123."},
		{name: "letter reported", text: "Секретариат ОТГ проинформировал о письме Кыргызской стороны от 12.02.2024 № 123."},
		{name: "decision's date", text: "Стороны руководствуются Решением Коллегии Евразийской экономической комиссии от 12 мая 2015 г. № 50."},
		{name: "previous meeting taken note", text: "Информацию Секретариата ОТГ о выполнении решений седьмого заседания, состоявшегося 11 декабря 2023 г., принять к сведению."},
		{name: "taken note of a seminar", text: "Принять к сведению информацию Турецкой стороны о проведении 5–7 декабря 2023 г. семинара в г. Анкаре."},
		{name: "validity", text: "Срок действия Меморандума – до 31 декабря 2025 г."},
		{name: "by the next meeting", text: "Секретариату ОТГ подготовить проект доклада к следующему заседанию Рабочей группы."},
		{name: "no date", text: "Сторонам продолжить работу по данному направлению."},
		{name: "return at next meeting", text: "Стороны договорились вернуться к рассмотрению данного вопроса на очередном заседании."},
		{name: "meeting dates", text: "Заседание проходило 13–14 февраля 2024 г. в г. Ташкенте."},
		{name: "standing term", text: "4. Обеспечить мониторинг выполнения Плана.\nСрок: постоянно.\nОтветственные: Секретариат ОТГ."},
		{name: "done row", text: "| № п/п | Наименование мероприятия | Срок исполнения | Ответственные исполнители | Отметка об исполнении |\n|---|---|---|---|---|\n| 1. | Подготовка доклада | до 1 марта 2024 г. | Секретариат ОТГ | исполнено |"},
		{name: "readiness", text: "Венгерская сторона выразила готовность поделиться опытом в первом квартале 2024 года."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.text
			if !strings.HasPrefix(text, "ПРОТОКОЛ") {
				text = ruHeld + text
			}
			got := Extract(text, Options{})
			logWhy := func() {
				for _, s := range Explain(text, Options{}) {
					t.Logf("%s: %s", s.Reason, s.Sentence)
				}
			}
			if len(got) != len(tc.want) {
				logWhy()
				t.Fatalf("got %d items %+v, want %d", len(got), got, len(tc.want))
			}
			for i, w := range tc.want {
				it := got[i]
				if p := strings.Join(it.Parties, " + "); !strings.EqualFold(p, w.parties) || it.Deadline != w.deadline || it.Precision != w.prec {
					t.Errorf("item %d: got %s | %s | %s (%q), want %s | %s | %s", i, p, it.Deadline, it.Precision, it.DeadlineText, w.parties, w.deadline, w.prec)
				}
				if !strings.Contains(NormalizeText(text), it.Quote) || strings.Contains(it.Quote, "Ташкент 14") {
					t.Errorf("quote %q is not one item of the text", it.Quote)
				}
				if tc.quoteHas != "" && !strings.Contains(it.Quote, tc.quoteHas) {
					t.Errorf("quote %q does not hold the task (%q)", it.Quote, tc.quoteHas)
				}
			}
		})
	}
}

// TestRussianUndatedExplained: a term that names no day ("к следующему
// заседанию") gives no item, and --explain says it is undated.
func TestRussianUndatedExplained(t *testing.T) {
	for _, s := range []string{
		"Секретариату ОТГ подготовить проект доклада к следующему заседанию Рабочей группы.",
		"Сторонам представить предложения к очередному заседанию.",
		"Турецкой стороне направить информацию в кратчайшие сроки.",
	} {
		checkUndated(t, ruHeld, s)
	}
}

// checkUndated checks that the last sentence of held+s gives no item, and
// that --explain calls its time undated.
func checkUndated(t *testing.T, held, s string) {
	t.Helper()
	steps := Explain(held+s, Options{})
	last := steps[len(steps)-1]
	if last.Reason != whyUndated || len(last.Items) != 0 {
		t.Errorf("%q: %q %v, want %q and no item", s, last.Reason, last.Items, whyUndated)
	}
}

// TestRussianChargedOfficials runs a decision's charge to an official by
// title and name ("Руководителю экспертной группы ... Лихачеву А.Е.": the
// person acts) and to the Parties' generic bodies ("соответствующим
// министерствам и ведомствам Сторон": the Parties). Negatives: a person
// named after the verb (who receives), one who proposed, and a named
// kind of body that stays as written.
func TestRussianChargedOfficials(t *testing.T) {
	const decided = "Решение Комиссии таможенного союза от 26 февраля 2009 года № 16\n\nКомиссия таможенного союза решила:\n\n"
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"title, body, name", "2. Руководителю рабочей группы по таможенному администрированию Петрову С.В. в срок до 15 марта 2009 года представить проект регламента.", []string{"Петров С.В. | 2009-03-15 | day"}},
		{"woman", "3. Директору департамента Смирновой И.А. до 1 апреля 2009 г. подготовить информацию.", []string{"Смирнова И.А. | 2009-04-01 | day"}},
		{"relevant ministries of the Parties", "4. Просить Стороны:\n- поручить соответствующим министерствам и ведомствам Сторон в месячный срок представить предложения;", []string{"the Parties | 2009-03-26 | day"}},
		{"competent bodies of the member states", "5. Поручить компетентным органам государств-членов до 1 июня 2009 г. обеспечить обмен информацией.", []string{"the Member States | 2009-06-01 | day"}},

		{"person after the verb", "6. Секретариату Комиссии до 1 марта 2009 г. направить Петрову С.В. материалы.", []string{"the Secretariat | 2009-03-01 | day"}},
		{"who proposed", "7. По предложению Иванову И.И. было рассмотрено 20 февраля 2009 г. заявление.", nil},
		{"named kind of body stays", "8. Поручить таможенным службам Сторон до 1 мая 2009 г. представить статистику.", []string{"таможенные службы Сторон | 2009-05-01 | day"}},
		{"a past act of an official", "9. Руководителю экспертной группы Лихачеву А.Е. 20 февраля 2009 года было направлено письмо.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) { checkItemLines(t, decided+tc.text, tc.want) })
	}
}
