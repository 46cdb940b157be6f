package storage

// partyNames are the names and adjectives of each Party in the bot's
// languages, as officials write them, for reading what a user types (the
// names the bot shows are in handlers/i18n). The words for "side" and
// "republic" need not be listed ("Türk tarafı" is read as "Türk"), nor
// the forms without accents or Uzbek apostrophes ("Ozbekiston"): partyKey
// drops those. Russian adjectives are given in the feminine of "сторона"
// and the masculine.
var partyNames = map[Party][]string{
	Azerbaijan: {
		"Azerbaijani Republic", "Republic of Azerbaijan", // en
		"Азербайджан", "Азербайджанская", "Азербайджанский", // ru
		"Azerbaycan", "Azeri", // tr
		"Azərbaycan", "Azərbaycanlı", // az
		"Әзірбайжан", "Әзербайжан", // kk
		"Азербайжан",               // ky
		"Ozarbayjon", "Озарбайжон", // uz
		"Azerbajdzsán", "Azerbajdzsáni", "azeri", // hu
	},
	Kazakhstan: {
		"Казахстан", "Казахстанская", "Казахская", "Казахстанский", "Казахский", // ru
		"Kazakistan", "Kazak", // tr
		"Qazaxıstan", "Qazax", // az
		"Қазақстан", "Қазақ", "Qazaqstan", // kk
		"Казакстан", "Казак", // ky
		"Qozogʻiston", "Qozoq", "Қозоғистон", "Қозоқ", // uz
		"Kazahsztán", "Kazah", // hu
	},
	Kyrgyzstan: {
		"Kirghizia", "Kyrgyzstani", // en
		"Кыргызстан", "Киргизия", "Кыргызская", "Киргизская", "Кыргызский", "Киргизский", // ru
		"Kırgızistan", "Kırgız", // tr
		"Qırğızıstan", "Qırğız", // az
		"Қырғызстан", "Қырғыз", // kk
		"Кыргыз",                                           // ky
		"Qirgʻiziston", "Qirgʻiz", "Қирғизистон", "Қирғиз", // uz
		"Kirgizisztán", "Kirgiz", // hu
	},
	Turkiye: {
		"Turkey", "Turkish", "Republic of Türkiye", // en
		"Турция", "Турецкая", "Турецкий", "Тюркийе", // ru
		"Türkiye", "Türk", // tr
		"Türkiyə",         // az (Türk as tr)
		"Түркия", "Түрік", // kk
		"Түрк",                              // ky (Түркия as kk)
		"Turkiya", "Turk", "Туркия", "Турк", // uz
		"Törökország", "Török", // hu
	},
	Uzbekistan: {
		"Узбекистан", "Узбекская", "Узбекистанская", "Узбекский", // ru
		"Özbekistan", "Özbek", // tr
		"Özbəkistan", "Özbək", // az
		"Өзбекстан", "Өзбек", // kk, ky
		"Oʻzbekiston", "Oʻzbek", "Ўзбекистон", "Ўзбек", // uz
		"Üzbegisztán", "Üzbég", "Üzbek", // hu
	},
	Hungary: {
		"Венгрия", "Венгерская", "Венгерский", // ru
		"Macaristan", "Macar", // tr
		"Macarıstan",                  // az (Macar as tr)
		"Мажарстан", "Мажар", "Венгр", // kk, ky
		"Vengriya", "Venger", "Венгер", // uz
		"Magyarország", "Magyar", // hu
	},
	Secretariat: {
		"Секретариат ОТГ",                                                           // ru
		"Sekretarya", "Sekreterlik", "Genel Sekreterlik", "TDT Sekretaryası", "TDT", // tr
		"Katiblik", "TDT Katibliyi", // az
		"Хатшылық", "ТМҰ Хатшылығы", // kk
		"Катчылык", "ТМУ Катчылыгы", // ky
		"Kotibiyat", "TDT Kotibiyati", "Котибият", "ТДТ Котибияти", // uz
		"Titkárság", "TÁSZ Titkárság", // hu
	},
}
