package minutes

import (
	"slices"
	"strings"
	"testing"
)

// TestTurkishPhrasings runs sentences, list items and table rows worded as
// Turkish minutes and protocols word them (Karma Ekonomik Komisyon
// protocols, customs working groups, TDT meetings, ministry and university
// boards) through Extract. Each case lists the items the user should see as
// "party | deadline | precision"; no entry means the text sets no dated
// commitment. Parties of the Working Group are named in the extractor's
// English form, other bodies and people as written (in the nominative);
// the owner cell of a table or a "Sorumlu:" label is kept as written.
func TestTurkishPhrasings(t *testing.T) {
	const held = "Toplantı 10 Ekim 2023 tarihinde Taşkent'te yapılmıştır.\n\n"
	const feb = "Toplantı 15-16 Şubat 2024 tarihlerinde Ankara'da yapılmıştır.\n\n"
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		// Finite future: the party in the nominative, the verb last.
		{"side will forward", held + "Türk tarafı, güncellenmiş Risk Yönetimi Konseptini 1 Mart 2024 tarihine kadar Sekretaryaya iletecektir.", []string{"Turkish side | 2024-03-01 | day"}},
		{"side will submit", held + "Türk tarafı, ortak eğitim programına ilişkin önerilerini 1 Mart 2024 tarihine kadar Taraflara sunacaktır.", []string{"Turkish side | 2024-03-01 | day"}},
		{"at the latest", held + "Azerbaycan tarafı, sınır kapılarındaki bekleme sürelerine ilişkin istatistikleri en geç 15 Mart 2024 tarihine kadar iletecektir.", []string{"Azerbaijani side | 2024-03-15 | day"}},
		{"country-name side", held + "Kazakistan tarafı, e-TIR uygulamasına ilişkin deneyimlerini Mart ayı sonuna kadar paylaşacaktır.", []string{"Kazakh side | 2024-03-31 | month"}},
		{"end of month, meeting in February", feb + "Macar tarafı, eğitim modülünü Mart ayı sonuna kadar Sekretaryaya gönderecektir.", []string{"Hungarian side | 2024-03-31 | month"}},
		{"end of month without ayı", held + "Kırgız tarafı, anket sonuçlarını Kasım sonuna kadar paylaşacaktır.", []string{"Kyrgyz side | 2023-11-30 | month"}},
		{"year and month", held + "Özbek tarafı, gümrük değerlerine ilişkin veri setini 2024 yılı Mart ayı sonuna kadar iletecektir.", []string{"Uzbek side | 2024-03-31 | month"}},
		{"yearless day with suffix", held + "Sekretarya, toplantı raporunun taslağını 20 Ekim'e kadar Taraflara dağıtacaktır.", []string{"the Secretariat | 2023-10-20 | day"}},
		{"end of year", held + "Sekretarya, Çalışma Grubunun faaliyet raporunu 2024 yılı sonuna kadar hazırlayacaktır.", []string{"the Secretariat | 2024-12-31 | year"}},
		{"end of year, genitive", held + "Taraflar, ortak denetim sonuçlarını 2024 yılının sonuna kadar değerlendireceklerdir.", []string{"the Parties | 2024-12-31 | year"}},
		{"this year's end", held + "Kırgız tarafı, iç onay süreçlerini bu yılın sonuna kadar tamamlayacaktır.", []string{"Kyrgyz side | 2023-12-31 | year"}},
		{"first half", held + "Türk tarafı, ortak risk göstergeleri listesini 2024 yılının ilk yarısında Taraflarla paylaşacaktır.", []string{"Turkish side | 2024-06-30 | half"}},
		{"first quarter", held + "Özbek tarafı, gümrük laboratuvarları arasında işbirliğine ilişkin mutabakat zaptı taslağını 2024 yılının ilk çeyreğinde sunacaktır.", []string{"Uzbek side | 2024-03-31 | quarter"}},
		{"end of second half", held + "Macar tarafı, eşleştirme projesinin sonuçlarını 2024 yılının ikinci yarısı sonuna kadar raporlayacaktır.", []string{"Hungarian side | 2024-12-31 | half"}},
		{"within two months", held + "Azerbaycan tarafı, tarife sınıflandırması konusundaki görüşlerini iki ay içinde iletecektir.", []string{"Azerbaijani side | 2023-12-10 | day"}},
		{"within a month", held + "Kırgız tarafı, eksik belgeleri bir ay içerisinde Sekretaryaya gönderecektir.", []string{"Kyrgyz side | 2023-11-10 | day"}},
		{"days from the meeting", held + "Sekretarya, toplantı raporunu toplantıdan itibaren 30 gün içinde Taraflara dağıtacaktır.", []string{"the Secretariat | 2023-11-09 | day"}},
		{"days in words and digits", held + "Taraflar, toplantı tarihinden itibaren 30 (otuz) gün içinde ulusal koordinatörlerini belirleyeceklerdir.", []string{"the Parties | 2023-11-09 | day"}},
		{"from signing", held + "Taraflar, işbu Protokolün imzalanmasından itibaren üç ay içinde irtibat noktalarını birbirlerine bildireceklerdir.", []string{"the Parties | 2024-01-10 | day"}},
		{"numeric date", held + "Türk tarafı, eğitim takvimini 30.04.2024 tarihine kadar Sekretaryaya iletecektir.", []string{"Turkish side | 2024-04-30 | day"}},
		{"secretariat of the organisation", held + "TDT Sekretaryası, toplantı tutanağını 1 Kasım 2023 tarihine kadar üye devletlere dağıtacaktır.", []string{"the Secretariat | 2023-11-01 | day"}},
		{"member states", held + "Üye devletler, ulusal raporlarını 31 Ocak 2024 tarihine kadar Sekretaryaya sunacaklardır.", []string{"the Member States | 2024-01-31 | day"}},
		{"customs administrations of the Parties", held + "Tarafların gümrük idareleri, yetkili kişilerin listesini 15 Aralık 2023 tarihine kadar birbirlerine iletecektir.", []string{"Customs Administrations of the Parties | 2023-12-15 | day"}},
		{"other body as written", held + "Gümrükler Genel Müdürlüğü, eşya takip sistemine ilişkin teknik bilgileri 30 Nisan 2024 tarihine kadar Sekretaryaya gönderecektir.", []string{"Gümrükler Genel Müdürlüğü | 2024-04-30 | day"}},
		{"ministry as written", held + "Ticaret Bakanlığı, ikili anlaşma taslağını 2024 yılı Haziran ayı sonuna kadar karşı tarafa iletecektir.", []string{"Ticaret Bakanlığı | 2024-06-30 | month"}},
		{"person", held + "Sn. Ahmet Yılmaz, çalıştay programının taslağını 15 Kasım 2023 tarihine kadar Taraflara iletecektir.", []string{"Sn. Ahmet Yılmaz | 2023-11-15 | day"}},
		{"capitals", held + "TÜRK TARAFI, GÜNCELLENMİŞ KONSEPTİ 1 MART 2024 TARİHİNE KADAR SUNACAKTIR.", []string{"Turkish side | 2024-03-01 | day"}},
		{"capitals, country-name side", held + "ÖZBEKİSTAN TARAFI, PİLOT PROJE RAPORUNU 30 NİSAN 2024 TARİHİNE KADAR İLETECEKTİR.", []string{"Uzbek side | 2024-04-30 | day"}},
		{"capitals, a state", held + "TÜRKİYE CUMHURİYETİ HÜKÜMETİ, ONAY SÜRECİNİ 2024 YILI SONUNA KADAR TAMAMLAYACAKTIR.", []string{"Turkish side | 2024-12-31 | year"}},
		{"capitals, genitive decision", held + "ÖZBEKİSTAN TARAFININ RAPORUNU 15 MART 2024 TARİHİNE KADAR SUNMASI KARARLAŞTIRILMIŞTIR.", []string{"Uzbek side | 2024-03-15 | day"}},
		{"must", held + "Kazak tarafı, ulusal uygulama planını 1 Şubat 2024 tarihine kadar Sekretaryaya sunmalıdır.", []string{"Kazakh side | 2024-02-01 | day"}},
		{"will host in a month", held + "Türk tarafı, GPS takip cihazları konulu çalıştaya Şubat 2024'te ev sahipliği yapacaktır.", []string{"Turkish side | 2024-02-29 | month"}},

		// Agreement: "hususunda mutabık kalmışlardır", "kabul etmişlerdir".
		{"agreed on a verbal noun", held + "Taraflar, ulusal irtibat noktalarının iletişim bilgilerini 1 Nisan 2024 tarihine kadar Sekretaryaya bildirme hususunda mutabık kalmışlardır.", []string{"the Parties | 2024-04-01 | day"}},
		{"agreed on an infinitive", held + "Taraflar, elektronik veri değişimine ilişkin teknik şartnameyi 1 Nisan 2024 tarihine kadar sonuçlandırmak hususunda mutabık kalmışlardır.", []string{"the Parties | 2024-04-01 | day"}},
		{"agreed, impersonal", held + "Kazak tarafının eğitim ihtiyaçlarını 31 Ocak 2024 tarihine kadar bildirmesi hususunda mutabık kalınmıştır.", []string{"Kazakh side | 2024-01-31 | day"}},
		{"agreed, konusunda anlaşmışlardır", held + "Taraflar, ortak kontrol noktası projesinin fizibilite raporunu 2024 yılının ilk yarısı sonuna kadar hazırlamak konusunda anlaşmışlardır.", []string{"the Parties | 2024-06-30 | half"}},
		{"undertook", held + "Özbek tarafı, eksik istatistikleri 15 Kasım 2023 tarihine kadar tamamlamayı taahhüt etmiştir.", []string{"Uzbek side | 2023-11-15 | day"}},

		// Decisions: "-nın ... -ması kararlaştırılmıştır", with the actor in the genitive.
		{"decided, genitive side", held + "Kazak tarafının, transit rejimine ilişkin mevzuat değişikliklerini 15 Mart 2024 tarihine kadar Taraflarla paylaşması kararlaştırılmıştır.", []string{"Kazakh side | 2024-03-15 | day"}},
		{"karar verilmiştir", held + "Özbek tarafının, ortak gümrük kontrolü pilot projesine ilişkin taslak planı 30 Nisan 2024 tarihine kadar hazırlamasına karar verilmiştir.", []string{"Uzbek side | 2024-04-30 | day"}},
		{"talep edilmiştir", held + "Sekretaryanın, toplantı tutanağının taslağını 20 Ekim 2023 tarihine kadar Taraflara dağıtması talep edilmiştir.", []string{"the Secretariat | 2023-10-20 | day"}},
		{"rica edilmiştir", held + "Kırgız tarafının, yetkilendirilmiş yükümlü programına ilişkin bilgileri en geç 15 Mart 2024 tarihine kadar sunması rica edilmiştir.", []string{"Kyrgyz side | 2024-03-15 | day"}},
		{"plural verbal noun", held + "Tarafların, ulusal mevzuatlarındaki değişiklikleri 1 Mart 2024 tarihine kadar Sekretaryaya bildirmeleri kararlaştırılmıştır.", []string{"the Parties | 2024-03-01 | day"}},
		{"member states genitive", held + "Üye devletlerin, görüşlerini 15 Ocak 2024 tarihine kadar Sekretaryaya iletmeleri istenmiştir.", []string{"the Member States | 2024-01-15 | day"}},
		{"genitive after a possessive", held + "Türk tarafının teklifi üzerine, Sekretaryanın çalıştay raporunu 1 Aralık 2023 tarihine kadar dağıtması kararlaştırılmıştır.", []string{"the Secretariat | 2023-12-01 | day"}},
		{"person genitive", held + "Sn. Ahmet Yılmaz'ın, sunumunu 1 Kasım 2023 tarihine kadar Sekretaryaya iletmesi rica edilmiştir.", []string{"Sn. Ahmet Yılmaz | 2023-11-01 | day"}},
		{"ministry genitive", held + "Ticaret Bakanlığının, uygulama yönetmeliği taslağını 2024 yılının ilk çeyreği sonuna kadar hazırlaması uygun görülmüştür.", []string{"Ticaret Bakanlığı | 2024-03-31 | quarter"}},
		{"numbered decision", held + "Karar 3: Sekretarya, bir sonraki toplantının gündem taslağını 1 Şubat 2024 tarihine kadar Taraflara iletecektir.", []string{"the Secretariat | 2024-02-01 | day"}},
		{"numbered decision, verbal noun", held + "Karar 4: Tarafların, ortak eğitim ihtiyaç analizini 31 Mart 2024 tarihine kadar tamamlamaları kararlaştırılmıştır.", []string{"the Parties | 2024-03-31 | day"}},

		// Agents of the passive: "tarafınca", "-ca", "tarafından".
		{"tarafınca", held + "Taslak, Türk tarafınca 15 Aralık 2023 tarihine kadar Taraflara iletilecektir.", []string{"Turkish side | 2023-12-15 | day"}},
		{"passive with tarafınca", held + "Eğitim programı Türk tarafınca 1 Mart 2024 tarihine kadar hazırlanacaktır.", []string{"Turkish side | 2024-03-01 | day"}},
		{"sekretaryaca", held + "Toplantı raporu Sekretaryaca 1 Kasım 2023 tarihine kadar Taraflara dağıtılacaktır.", []string{"the Secretariat | 2023-11-01 | day"}},
		{"ministry -ca", held + "Uygulama rehberi Ticaret Bakanlığınca 2024 yılı sonuna kadar yayımlanacaktır.", []string{"Ticaret Bakanlığı | 2024-12-31 | year"}},
		{"tarafından passive", held + "Anket formu Özbek tarafından 15 Kasım 2023 tarihine kadar Taraflara gönderilecektir.", []string{"Uzbek side | 2023-11-15 | day"}},
		{"body tarafından", held + "Risk analizi raporu Gümrükler Genel Müdürlüğü tarafından 31 Mart 2024 tarihine kadar hazırlanacaktır.", []string{"Gümrükler Genel Müdürlüğü | 2024-03-31 | day"}},

		// Action tables and labelled action lines.
		{"table Sıra | Yapılacak İş | Sorumlu | Termin", held + "| Sıra | Yapılacak İş | Sorumlu | Termin |\n|---|---|---|---|\n| 1 | Risk profillerinin paylaşılması | Kazak tarafı | 31.03.2024 |\n| 2 | Eğitim programının hazırlanması | Türk tarafı | 30.04.2024 |\n| 3 | Toplantı raporunun dağıtılması | Sekretarya | 20.10.2023 |",
			[]string{"Kazak tarafı | 2024-03-31 | day", "Türk tarafı | 2024-04-30 | day", "Sekretarya | 2023-10-20 | day"}},
		{"table Görev | Sorumlu | Son Tarih | Durum", held + "| Görev | Sorumlu | Son Tarih | Durum |\n|---|---|---|---|\n| Mevzuat karşılaştırma tablosunun hazırlanması | Özbek tarafı | 1 Mart 2024 | Devam ediyor |\n| Tutanağın imzaya sunulması | Sekretarya | 15.10.2023 | Tamamlandı |\n| Pilot uygulamanın başlatılması | Taraflar | Haziran 2024 | Planlandı |",
			[]string{"Özbek tarafı | 2024-03-01 | day", "Taraflar | 2024-06-30 | month"}},
		{"task then Sorumlu and Termin", held + "Ortak eğitim takviminin hazırlanması\nSorumlu: Türk tarafı\nTermin: 30.04.2024", []string{"Türk tarafı | 2024-04-30 | day"}},
		{"labels on one line", held + "- Eşya takip sistemi pilot uygulamasının başlatılması. Sorumlu: Kazak tarafı. Termin: 31.05.2024", []string{"Kazak tarafı | 2024-05-31 | day"}},

		// Round 4 (after the corpus documents of round 4): impersonal decisions of a meeting of
		// states, a task due before a dated event, group inflection, states named as such, ordinals.
		{"impersonal decision of states", held + "Taraflar arasında yapılan görüşmelerde, risk profillerinin 15 Mart 2024 tarihine kadar paylaşılması kararı alınmıştır.", []string{"the Parties | 2024-03-15 | day"}},
		{"before a dated event", held + "Taraflar, 15 Mart 2024 tarihinde yapılacak toplantıdan önce görüşlerini Sekretaryaya iletecektir.", []string{"the Parties | 2024-03-15 | day"}},
		{"before a dated forum, impersonal", held + "Taraflar arasında, 24 Mayıs 2024 tarihinde Bakü’de düzenlenecek Gümrük Forumu öncesinde ortak bir bildiri hazırlanması kararı alındı.", []string{"the Parties | 2024-05-24 | day"}},
		{"attributive future participle", held + "Türk tarafı, 2024 yılında düzenlenecek Foruma ilişkin bilgileri 1 Mart 2024 tarihine kadar iletecektir.", []string{"Turkish side | 2024-03-01 | day"}},
		{"one case ending for two", held + "Ortak rapor, Sekretarya ve Ticaret Bakanlığınca 1 Mart 2024 tarihine kadar hazırlanacaktır.", []string{"the Secretariat + Ticaret Bakanlığı | 2024-03-01 | day"}},
		{"state named", held + "Özbekistan, ulusal eylem planını 1 Mart 2024 tarihine kadar Sekretaryaya sunacaktır.", []string{"Uzbek side | 2024-03-01 | day"}},
		{"government named", held + "Türkiye Cumhuriyeti Hükümeti, onay sürecini 2024 yılı sonuna kadar tamamlayacaktır.", []string{"Turkish side | 2024-12-31 | year"}},
		{"other state as written", held + "Anlaşmaya göre, Kuzey Kıbrıs Türk Cumhuriyeti ekonomik programını en geç 31 Ekim 2024 tarihine kadar hazırlamayı taahhüt etmiştir.", []string{"Kuzey Kıbrıs Türk Cumhuriyeti | 2024-10-31 | day"}},
		{"ordinal with a dot", held + "Sekretarya, 13. Toplantının tutanağını 1 Kasım 2023 tarihine kadar Taraflara iletecektir.", []string{"the Secretariat | 2023-11-01 | day"}},
		{"year of the heading's agreement", "Ankara’da 3 Mart’ta imzalanan 2021 Yılı İşbirliği Anlaşması\n\nKazak tarafı, raporunu bu yılın sonuna kadar sunacaktır.", []string{"Kazakh side | 2021-12-31 | year"}},
		{"dated act of a relative clause", held + "Taraflar, Sekretaryanın 1 Mart 2024 tarihine kadar hazırlayacağı taslağı değerlendirecektir.", []string{"the Secretariat | 2024-03-01 | day"}},
		{"dated act of a side in a relative clause", held + "Türk tarafı, Özbek tarafının 15 Nisan 2024 tarihine kadar sunacağı bilgileri değerlendirecektir.", []string{"Uzbek side | 2024-04-15 | day"}},
		{"past act of a relative clause", held + "Taraflar, Sekretaryanın 1 Eylül 2023 tarihinde dağıttığı taslağı görüşmüştür.", nil},
		{"until the month", held + "Türk Tarafı, transit rejimine ilişkin mevzuatını 2024 yılı Haziran ayına kadar Özbek Tarafına iletecektir.", []string{"Turkish side | 2024-06-30 | month"}},
		{"until the month and year", held + "Kazak Tarafı, risk profillerini Mart 2024'e kadar paylaşacaktır.", []string{"Kazakh side | 2024-03-31 | month"}},
		{"month of a year, within", held + "Azerbaycan Tarafı, taslağı diplomatik kanallar aracılığıyla 2024 yılı Mart ayı içerisinde iletecektir.", []string{"Azerbaijani side | 2024-03-31 | month"}},
		{"at the latest in a quarter", held + "Sekretarya, anket sonuçlarını en geç 2024 yılının ilk çeyreğinde Taraflara iletecektir.", []string{"the Secretariat | 2024-03-31 | quarter"}},
		{"months in words and digits after signing", held + "Taraflar, Protokolün imzalanmasını müteakip 3 (üç) ay içinde yetkili makamlarını birbirlerine bildireceklerdir.", []string{"the Parties | 2024-01-10 | day"}},
		{"customs administrations of both countries", held + "İki ülke gümrük idareleri, Mutabakat Zaptının 2024 yılı sonuna kadar imzalanması için çalışmalara devam edeceklerdir.", []string{"Customs Administrations of the Parties | 2024-12-31 | year"}},
		{"both countries", held + "Her iki ülke, ortak sınır kapısının modernizasyonuna ilişkin fizibilite çalışmasını 2024 yılı sonuna kadar tamamlayacaktır.", []string{"the Parties | 2024-12-31 | year"}},
		{"period of years is no date", held + "Taraflar, 2024-2026 dönemine ilişkin Eylem Planını 31 Mart 2024 tarihine kadar onaylayacaklardır.", []string{"the Parties | 2024-03-31 | day"}},
		{"early in the year", held + "Türk Tarafı, bilgi notunu 2024 yılının başında iletecektir.", nil},
		{"impersonal decision of a senate", "Senato Kararı\n\nToplantı Tarihi : 10 Ekim 2023\n\nDers programlarının 15 Kasım 2023 tarihine kadar Rektörlüğe gönderilmesine karar verildi.", nil},
		{"impersonal decision for the Parties", held + "Taslağın 1 Mart 2024 tarihine kadar Taraflara iletilmesi kararlaştırılmıştır.", nil},
		{"at a dated event", held + "Taraflar, 15 Mart 2024 tarihinde yapılacak toplantıda raporlarını sunacaklardır.", nil},
		{"hosted by a state", held + "Taraflar, Kırgızistan ev sahipliğinde 15 Mart 2024 tarihinde yapılacak Foruma katılacaklardır.", nil},
		{"a state's dated proposal", held + "Türkiye’nin 1 Mart 2023 tarihli önerisi görüşülmüştür.", nil},
		{"two years in the heading", "3 Mart’ta imzalanan 2020-2021 Eylem Planı\n\nKazak tarafı, raporunu bu yılın sonuna kadar sunacaktır.", nil},

		// Dates that are not deadlines.
		{"next meeting decided", held + "Bir sonraki toplantının 15 Mart 2024 tarihinde Bakü'de yapılması kararlaştırılmıştır.", nil},
		{"next meeting, half year", held + "Taraflar, Çalışma Grubunun bir sonraki toplantısının 2024 yılının ilk yarısında Budapeşte'de yapılmasını kararlaştırmışlardır.", nil},
		{"next meeting, will be held", held + "Çalışma Grubunun 13. Toplantısı Mart 2024'te Bakü'de yapılacaktır.", nil},
		{"meeting dates", "Toplantı 15-16 Şubat 2024 tarihlerinde Ankara'da yapılmıştır.", nil},
		{"entry into force on publication", held + "Bu Yönetmelik yayımı tarihinde yürürlüğe girer.", nil},
		{"entry into force on a date", held + "İşbu Protokol 1 Ocak 2024 tarihinde yürürlüğe girecektir.", nil},
		{"entry into force from a date", held + "Bu Karar 1 Mart 2024 tarihinden itibaren yürürlüğe girer.", nil},
		{"remains in force until", held + "Taraflar, Anlaşmanın 31 Aralık 2025 tarihine kadar yürürlükte kalacağını teyit etmişlerdir.", nil},
		{"valid until", held + "Özbek tarafı, mevcut sertifikaların 31 Aralık 2024 tarihine kadar geçerli olacağını bildirmiştir.", nil},
		{"past submission", held + "Kazak tarafı 1 Mart 2023 tarihinde ulusal raporunu Sekretaryaya sunmuştur.", nil},
		{"past by a date", held + "Taraflar, görüşlerini 1 Eylül 2023 tarihine kadar Sekretaryaya iletmiştir.", nil},
		{"past reported", held + "Özbek tarafı, iç onay süreçlerini 2023 yılı Eylül ayı sonuna kadar tamamladığını bildirmiştir.", nil},
		{"past deadline kept", held + "Kırgız tarafı, 1 Ekim 2023 tarihine kadar iletilmesi gereken bilgileri henüz göndermediğini belirtmiştir.", nil},
		{"descriptive year", held + "Taraflar, 2023 yılında düzenlenen ortak eğitimlerin sonuçlarını değerlendirmiştir.", nil},
		{"descriptive future year", held + "Türk tarafı, 2024 yılında düzenlenecek Gümrük Forumuna ev sahipliği yapacaktır.", nil},
		{"dated letter", held + "Türk tarafının 12.02.2024 tarihli ve 123 sayılı yazısı ile iletilen teklif görüşülmüştür.", nil},
		{"dated letter, future verb", held + "Sekretarya, Kazak tarafının 12.02.2024 tarihli ve 123 sayılı yazısını Taraflara iletecektir.", nil},
		{"since a date", held + "Özbek tarafı, 1 Ocak 2024 tarihinden itibaren elektronik beyanname uygulamasına geçileceğini bildirmiştir.", nil},
		{"after a date", held + "Sekretarya, başvuruları 1 Mart 2024 tarihinden sonra değerlendirecektir.", nil},
		{"dated minutes reviewed", held + "Taraflar, 11 Aralık 2023 tarihli Taşkent Toplantısı Tutanağının uygulanmasını gözden geçirecektir.", nil},
		{"until the next meeting", held + "Sekretarya, güncellenmiş taslağı bir sonraki toplantıya kadar Taraflara iletecektir.", nil},
		{"as soon as possible", held + "Kazak tarafı, eksik bilgileri en kısa sürede iletecektir.", nil},
		{"date of a period reported", held + "Macar tarafı, 2023 yılının ilk yarısında gerçekleştirilen denetimlere ilişkin bilgi vermiştir.", nil},
		{"event in a month, held", held + "Taraflar, Kasım 2023'te İstanbul'da düzenlenecek zirveye katılacaklardır.", nil},
		{"law's own deadline", held + "Kanunun 5 inci maddesi uyarınca başvurular yayım tarihinden itibaren 30 gün içinde yapılır.", nil},
		{"dative party only", held + "Sekretaryaya 15 Ocak 2024 tarihine kadar ulaşan görüşler değerlendirilecektir.", nil},
		{"table of done rows", held + "| Görev | Sorumlu | Son Tarih | Durum |\n|---|---|---|---|\n| Listenin gönderilmesi | Sekretarya | 01.11.2023 | Tamamlandı |\n| Notun hazırlanması | Kazak tarafı | 30.09.2023 | Devam ediyor |", nil},
		{"thanks with a date", held + "Taraflar, Türk tarafına 5-6 Eylül 2023 tarihlerinde düzenlenen çalıştay için teşekkür etmiştir.", nil},
		{"capitals heading", "TÜRKİYE CUMHURİYETİ İLE ÖZBEKİSTAN CUMHURİYETİ ARASINDA KARMA EKONOMİK KOMİSYON VIII. DÖNEM TOPLANTISI PROTOKOLÜ\n\nANKARA, 12 ARALIK 2023", nil},
		{"agent of a past act", held + "Türk tarafınca hazırlanan ve 1 Eylül 2023 tarihinde dağıtılan taslak görüşülmüştür.", nil},
		{"capitals past", held + "KAZAK TARAFI, RAPORUNU 1 EYLÜL 2023 TARİHİNDE SUNMUŞTUR.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			items := Extract(tc.text, Options{})
			for _, it := range items {
				got = append(got, strings.Join(it.Parties, " + ")+" | "+it.Deadline+" | "+string(it.Precision))
			}
			if !slices.Equal(got, tc.want) {
				for _, s := range Explain(tc.text, Options{}) {
					t.Logf("%s: %s", s.Reason, s.Sentence)
				}
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			norm := NormalizeText(tc.text)
			for _, it := range items {
				if !strings.Contains(norm, it.Quote) || strings.Contains(it.Quote, "yapılmıştır") {
					t.Errorf("quote %q is not one sentence of the text", it.Quote)
				}
			}
		})
	}
}

// TestTurkishUndatedExplained: "bir sonraki toplantıya kadar" and "en kısa
// sürede" set no date a reminder could be given; --explain says so.
func TestTurkishUndatedExplained(t *testing.T) {
	for _, s := range []string{
		"Sekretarya, güncellenmiş taslağı bir sonraki toplantıya kadar Taraflara iletecektir.",
		"Kazak tarafı, eksik bilgileri en kısa sürede iletecektir.",
		"Taraflar, görüşlerini önümüzdeki toplantıdan önce Sekretaryaya sunacaklardır.",
	} {
		checkUndated(t, "Toplantı 10 Ekim 2023 tarihinde yapılmıştır.\n\n", s)
	}
}

// TestTurkishNoticePhrasings runs the obligations of notices to members
// (chambers, associations, universities): the genitive addressee of a
// verbal noun with "gerekmektedir", "gerekmekte olup", "gerekir",
// "gerekecektir" or "rica olunur", and deadlines closed by the end of a
// working day ("Cuma günü mesai bitimine kadar", "saat 17.00'ye kadar").
// Negatives: a "-mAsI gereken" that qualifies a noun (an election period
// moved by a decision), a standing rule, a meeting's hour, a past act.
func TestTurkishNoticePhrasings(t *testing.T) {
	const held = "Toplantı 10 Ekim 2023 tarihinde Taşkent'te yapılmıştır.\n\n"
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"our members must pay", held + "Üyelerimizin aidat borçlarını 31 Ocak 2024 tarihine kadar ödemeleri gerekmektedir.", []string{"üyelerimiz | 2024-01-31 | day"}},
		{"gerekmekte olup", held + "Firmalarımızın başvurularını 15.02.2024 tarihine kadar Odamıza iletmeleri gerekmekte olup, süresinde yapılmayan başvurular değerlendirmeye alınmayacaktır.", []string{"firmalarımız | 2024-02-15 | day"}},
		{"weekday and close of business", held + "İhracatçılarımızın belgelerini 1 Mart 2024 Cuma günü mesai bitimine kadar Birliğimize göndermeleri gerekir.", []string{"ihracatçılarımız | 2024-03-01 | day"}},
		{"weekday without günü", held + "Üyelerimizin ise 29 Ocak 2024 Pazartesi mesai bitimine kadar aidat borçlarını ödemeleri gerekmektedir.", []string{"üyelerimiz | 2024-01-29 | day"}},
		{"hour and rica olunur", held + "Üyelerimizin anket formunu 20 Şubat 2024 Salı günü saat 17.00'ye kadar doldurmaları önemle rica olunur.", []string{"üyelerimiz | 2024-02-20 | day"}},
		{"weekday before tarihine", held + "Katılımcıların kayıt formlarını 5 Nisan 2024 Cuma tarihine kadar Sekretaryaya göndermeleri gerekecektir.", []string{"katılımcılar | 2024-04-05 | day"}},
		{"bare weekday, close of business", held + "Üyelerimizin görüşlerini Cuma günü mesai bitimine kadar Odamıza bildirmeleri rica olunur.", []string{"üyelerimiz | 2023-10-13 | day"}},
		{"date, tarihinde and hour", held + "Taraflar, yorumlarını 15 Mart 2024 tarihinde saat 17.00'ye kadar Sekretaryaya ileteceklerdir.", []string{"the Parties | 2024-03-15 | day"}},
		{"weekday gününe", held + "Sekretarya, taslak raporu 12 Ocak 2024 Cuma gününe kadar Taraflara dağıtacaktır.", []string{"the Secretariat | 2024-01-12 | day"}},
		{"our member, singular", held + "Üyemizin eksik belgelerini 10.01.2024 tarihine kadar tamamlaması gerekmektedir.", []string{"üyemiz | 2024-01-10 | day"}},
		{"hususu önemle duyurulur", held + "Öğrencilerimizin ders kayıtlarını 15 Şubat 2024 tarihine kadar yenilemeleri hususu önemle duyurulur.", []string{"öğrencilerimiz | 2024-02-15 | day"}},
		{"comma after the addressee", held + "Aidat borcu bulunan üyelerimizin, 26 Ocak 2024 Cuma günü mesai bitimine kadar borçlarını ödemeleri, adresi değişen üyelerimizin de Odamıza bildirmeleri gerekmektedir.", []string{"üyelerimiz | 2024-01-26 | day"}},

		{"election period moved", held + "2024 yılının Mart ayında tamamlanması gereken seçimler, Bakanlar Kurulu Kararı ile 2024 yılının Mayıs ayında başlayıp Haziran ayında tamamlanır.", nil},
		{"a meeting that had to be held, postponed", held + "Mart ayında yapılması gereken genel kurul toplantısı 15 Nisan 2024 tarihine kadar ertelenmiştir.", nil},
		{"standing rule", held + "Yönetim Kurulu Kararı uyarınca seçimler 2024 yılının Mayıs ayında başlayıp Haziran ayında tamamlanır.", nil},
		{"paid already", held + "Üyelerimizin büyük bölümü aidat borçlarını 5 Ekim 2023 tarihine kadar ödemiştir.", nil},
		{"window closes", held + "Başvurular 15 Şubat 2024 Perşembe günü mesai bitiminde sona erer.", nil},
		{"general assembly at an hour", held + "Genel Kurul toplantısı 20 Şubat 2024 Salı günü saat 14.00'te Oda Meclis Salonunda yapılacaktır.", nil},
		{"suspension on a date", held + "Başvurmayan üyelerimizin kayıtları 07.01.2024 tarihinde askıya alınacaktır.", nil},
		{"dues that are to be paid, may", held + "Ödenmesi gereken aidatlar 31 Ocak 2024 tarihine kadar Oda hesabına yatırılabilir.", nil},
		{"extended window", held + "Ders kayıtları 15.09.2023 tarihine kadar uzatılmıştır.", nil},
		{"a weekday and an hour to meet at", held + "Türk tarafı, çalıştaya 1 Mart 2024 Cuma günü saat 10.00'da ev sahipliği yapacaktır.", nil},
		{"our country is no addressee", held + "Ülkemizin ihracatı 2024 yılı sonuna kadar artmaya devam edecektir.", nil},
		{"our members as those served", held + "Odamız, üyelerimize 1 Mart 2024 tarihine kadar eğitim verilmesi için çalışmaktadır.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) { checkItemLines(t, tc.text, tc.want) })
	}
}

// TestTurkishNoticeTerms runs the terms of a notice that the commitment
// rules alone misread: a list under a line naming its addressee in the
// genitive ("talep eden üyelerimizin;"), the day an act falls due inside
// an obligation ("tarihinde ödemek suretiyle": one item per dated act),
// and, as negatives, an offer's closing date ("... tarihine kadar peşin
// ödeyen üyelerimiz ... ödemiş sayılacaklardır"), an event's day in an
// obligation and a law's date of entry into force.
func TestTurkishNoticeTerms(t *testing.T) {
	const held = "Sayın Üyemiz,\n\n"
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"lead line and bullet", held + "Taksitli ödeme seçeneğini talep eden firmalarımızın;\n\n• Başvuru formunu 15 Mart 2022 tarihine kadar Odamıza iletmesi gerekmektedir.", []string{"firmalarımız | 2022-03-15 | day"}},
		{"lead line with a colon", held + "Kursa katılmak isteyen üyelerimizin:\n\n- Kayıt ücretini 1 Nisan 2022 tarihine kadar yatırmaları gerekmektedir.", []string{"üyelerimiz | 2022-04-01 | day"}},
		{"first instalment and the last", held + "Üyelerimizin ilk taksiti 31/10/2022 tarihinde ödemek suretiyle kalan borcu 30/04/2023 tarihine kadar ödemesi gerekmektedir.", []string{"üyelerimiz | 2022-10-31 | day", "üyelerimiz | 2023-04-30 | day"}},
		{"act on a day, a verbal noun", held + "Firmalarımızın belgelerini 12.05.2022 tarihinde teslim etmeleri gerekmektedir.", []string{"firmalarımız | 2022-05-12 | day"}},

		{"offer deemed paid", held + "31/12/2022 tarihine kadar 24 aylık aidatını peşin ödeyen üyelerimiz, 36 aylık aidatını ödemiş sayılacaklardır.", nil},
		{"discount one may use", held + "30 Haziran 2022 tarihine kadar başvuran üyelerimiz yüzde 20 indirimden yararlanabilecektir.", nil},
		{"deemed, singular", held + "15.06.2022 tarihine kadar kayıt yaptıran üye, yıllık aidatını ödemiş sayılır.", nil},
		{"event's day in an obligation", held + "Üyelerimizin 20 Mayıs 2022 tarihinde yapılacak genel kurula katılmaları gerekmektedir.", nil},
		{"law in force on a day", held + "1 Temmuz 2022 tarihinde yürürlüğe giren Kanun kapsamında üyelerimizin başvuru yapması gerekmektedir.", nil},
		{"lead line, no obligation under it", held + "Yapılandırmaya başvuran üyelerimizin;\n\n• Borçları 30/06/2022 tarihinde yeniden hesaplanmıştır.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) { checkItemLines(t, tc.text, tc.want) })
	}
}

// checkItemLines asserts the items a text gives, as "party | deadline |
// precision" lines, and logs why each sentence was or was not taken.
func checkItemLines(t *testing.T, text string, want []string) {
	t.Helper()
	var got []string
	for _, it := range Extract(text, Options{}) {
		got = append(got, strings.Join(it.Parties, " + ")+" | "+it.Deadline+" | "+string(it.Precision))
	}
	if !slices.Equal(got, want) {
		for _, s := range Explain(text, Options{}) {
			t.Logf("%s: %s", s.Reason, s.Sentence)
		}
		t.Fatalf("got %q, want %q", got, want)
	}
}
