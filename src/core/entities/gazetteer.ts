// World knowledge: countries, capitals, continents and major regions (all places), the
// well-known alternate names of a few states and bodies, and demonyms. Compact on purpose.
import type { EntityType } from '../types';
import * as normalizeModule from './normalize';
// Read once (see lexicon.ts on why).
const { plainKey } = normalizeModule;

const list = (names: string): string[] => names.split(',').map((n) => n.trim()).filter(Boolean);

const COUNTRIES = list(`
Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria, Azerbaijan, Bahamas,
Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan, Bolivia, Bosnia and Herzegovina,
Botswana, Brazil, Brunei, Bulgaria, Burkina Faso, Burundi, Cambodia, Cameroon, Canada, Cape Verde, Chad,
Chile, China, Colombia, Comoros, Congo, Costa Rica, Croatia, Cuba, Cyprus, Czech Republic, Denmark, Djibouti,
Dominica, Dominican Republic, East Timor, Ecuador, Egypt, El Salvador, Equatorial Guinea, Eritrea, Estonia,
Eswatini, Ethiopia, Fiji, Finland, France, Gabon, Gambia, Georgia, Germany, Ghana, Greece, Grenada, Guatemala,
Guinea, Guinea-Bissau, Guyana, Haiti, Honduras, Hungary, Iceland, India, Indonesia, Iran, Iraq, Ireland,
Israel, Italy, Ivory Coast, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Kiribati, Kosovo, Kuwait, Kyrgyzstan,
Laos, Latvia, Lebanon, Lesotho, Liberia, Libya, Liechtenstein, Lithuania, Luxembourg, Madagascar, Malawi,
Malaysia, Maldives, Mali, Malta, Mauritania, Mauritius, Mexico, Micronesia, Moldova, Monaco, Mongolia,
Montenegro, Morocco, Mozambique, Myanmar, Namibia, Nauru, Nepal, Netherlands, New Zealand, Nicaragua, Niger,
Nigeria, North Korea, North Macedonia, Norway, Oman, Pakistan, Palau, Palestine, Panama, Papua New Guinea,
Paraguay, Peru, Philippines, Poland, Portugal, Qatar, Romania, Russia, Rwanda, Samoa, San Marino,
Saudi Arabia, Senegal, Serbia, Seychelles, Sierra Leone, Singapore, Slovakia, Slovenia, Somalia,
South Africa, South Korea, South Sudan, Spain, Sri Lanka, Sudan, Suriname, Sweden, Switzerland, Syria,
Taiwan, Tajikistan, Tanzania, Thailand, Togo, Tonga, Tunisia, Turkey, Turkmenistan, Tuvalu, Uganda, Ukraine,
United Arab Emirates, United Kingdom, United States, Uruguay, Uzbekistan, Vanuatu, Vatican City, Venezuela,
Vietnam, Yemen, Zambia, Zimbabwe,
Soviet Union, Yugoslavia, Czechoslovakia, East Germany, West Germany, North Vietnam, South Vietnam,
Austria-Hungary, Ottoman Empire, Prussia, Persia, Burma, Ceylon, Rhodesia, Zaire, Siam, Manchukuo,
Bavaria, Saxony, Carthage, Sparta, Athens, Macedonia, Rome, Byzantium, Assyria, Babylon, Mesopotamia,
England, Scotland, Wales, Britain, Great Britain, Korea, Tibet, Manchuria, Kurdistan
`);

const CAPITALS_AND_CITIES = list(`
Kabul, Tirana, Algiers, Luanda, Buenos Aires, Yerevan, Canberra, Vienna, Baku, Manama, Dhaka, Minsk,
Brussels, Sarajevo, Brasilia, Sofia, Phnom Penh, Ottawa, Santiago, Beijing, Peking, Bogota, Havana, Nicosia,
Prague, Copenhagen, Quito, Cairo, Addis Ababa, Helsinki, Paris, Tbilisi, Berlin, Accra, Budapest, Reykjavik,
New Delhi, Delhi, Jakarta, Tehran, Baghdad, Dublin, Jerusalem, Tel Aviv, Rome, Tokyo, Amman, Nairobi,
Kuwait City, Vientiane, Riga, Beirut, Tripoli, Vilnius, Kuala Lumpur, Mexico City, Chisinau, Ulaanbaatar,
Rabat, Kathmandu, Amsterdam, The Hague, Wellington, Managua, Abuja, Pyongyang, Oslo, Muscat, Islamabad,
Lima, Manila, Warsaw, Lisbon, Doha, Bucharest, Moscow, Riyadh, Dakar, Belgrade, Mogadishu, Pretoria, Seoul,
Madrid, Colombo, Khartoum, Stockholm, Bern, Geneva, Damascus, Taipei, Bangkok, Tunis, Ankara, Istanbul,
Constantinople, Kampala, Kyiv, Kiev, Abu Dhabi, Dubai, London, Washington, Montevideo, Tashkent, Caracas,
Hanoi, Saigon, Ho Chi Minh City, Sanaa, Aden, Lusaka, Harare, New York, Los Angeles, Chicago, Boston,
Philadelphia, San Francisco, St. Petersburg, Saint Petersburg, Petrograd, Leningrad, Stalingrad, Volgograd,
Shanghai, Nanjing, Nanking, Chongqing, Canton, Guangzhou, Hong Kong, Macau, Mumbai, Bombay, Calcutta,
Karachi, Alexandria, Port Said, Suez, Gaza, Basra, Mosul, Kirkuk, Fallujah, Tikrit, Haifa, Bethlehem,
Mecca, Medina, Munich, Hamburg, Frankfurt, Dresden, Cologne, Stuttgart, Marseille, Lyon, Toulouse, Milan,
Naples, Venice, Florence, Barcelona, Seville, Valencia, Manchester, Liverpool, Birmingham, Edinburgh,
Glasgow, Belfast, Vladivostok, Odessa, Kharkov, Sevastopol, Smolensk, Kursk, Minsk, Busan, Pusan, Incheon,
Inchon, Osaka, Hiroshima, Nagasaki, Okinawa, Singapore, Jeddah, Tabriz, Isfahan, Shiraz, Herat, Kandahar,
Lahore, Dacca, Rangoon, Yangon, Mandalay, Hue, Da Nang, Haiphong, Dien Bien Phu, Thebes, Memphis,
Troy, Sardis, Susa, Persepolis, Corinth, Syracuse, Veracruz, Guadalajara, Monterrey, Acapulco
`);

const CONTINENTS_AND_REGIONS = list(`
Africa, Asia, Europe, North America, South America, Latin America, Central America, America, Antarctica,
Oceania, Australasia, Eurasia, Middle East, Near East, Far East, East Asia, Southeast Asia, South Asia,
Central Asia, Western Europe, Eastern Europe, Central Europe, Northern Europe, Southern Europe,
North Africa, West Africa, East Africa, Southern Africa, Sub-Saharan Africa, Horn of Africa, Balkans,
Caucasus, Siberia, Scandinavia, Indochina, Levant, Maghreb, Arabia, Arabian Peninsula, Persian Gulf,
Mediterranean, Caribbean, Pacific, Atlantic, Indian Ocean, Arctic, Sahara, Sinai Peninsula, Kashmir,
Anatolia, Asia Minor, Crimea, Ukraine, Baltic, Baltics, Gaza Strip, West Bank, Golan Heights, Manchuria,
Korean Peninsula, Iberia, Iberian Peninsula, Gaul, Galicia, Silesia, Alsace, Lorraine, Flanders, Normandy,
Brittany, Burgundy, Provence, Catalonia, Andalusia, Bohemia, Moravia, Transylvania, Bessarabia, Ukraine,
Anatolia, Thrace, Ionia, Attica, Peloponnese, Sicily, Sardinia, Corsica, Crete, Cyprus, Tonkin, Annam,
Cochinchina, Mekong Delta, Yucatan, Texas, California, Virginia, Maryland, Pennsylvania, Massachusetts,
Connecticut, New Jersey, Delaware, New Hampshire, Rhode Island, North Carolina, South Carolina, Kentucky,
Tennessee, Ohio, Indiana, Illinois, Michigan, Missouri, Kansas, Louisiana, Mississippi, Alabama, Florida,
Arkansas, West Virginia, Vermont, Maine, Wisconsin, Minnesota, Iowa, Nebraska, Oregon, Washington State,
Nevada, Arizona, New Mexico, Colorado, Utah, Oklahoma, Montana, Idaho, Wyoming, Dakota, Alaska, Hawaii,
Kurdistan, Khuzestan, Punjab, Bengal, Tibet, Xinjiang, Mongolia, Hokkaido, Taiwan, Formosa, Hainan
`);

/** [canonical name, type, alternate forms...]: the same entity under well-known other names. */
const ALTERNATES: ReadonlyArray<readonly [string, EntityType, ...string[]]> = [
  ['United States', 'place', 'United States of America', 'US', 'U.S.', 'USA', 'U.S.A.', 'the States'],
  ['United Kingdom', 'place', 'UK', 'U.K.', 'Great Britain', 'Britain', 'United Kingdom of Great Britain and Northern Ireland'],
  ['Soviet Union', 'place', 'USSR', 'U.S.S.R.', 'Union of Soviet Socialist Republics'],
  ['North Korea', 'place', 'DPRK', "Democratic People's Republic of Korea"],
  ['South Korea', 'place', 'Republic of Korea', 'ROK'],
  ['China', 'place', "People's Republic of China", 'PRC'],
  ['Republic of China', 'place', 'ROC'],
  ['North Vietnam', 'place', 'Democratic Republic of Vietnam', 'DRV'],
  ['South Vietnam', 'place', 'Republic of Vietnam', 'RVN'],
  ['Vietnam', 'place', 'Viet Nam', 'Socialist Republic of Vietnam'],
  ['East Germany', 'place', 'German Democratic Republic', 'GDR'],
  ['West Germany', 'place', 'Federal Republic of Germany', 'FRG'],
  ['United Arab Emirates', 'place', 'UAE'],
  ['Czech Republic', 'place', 'Czechia'],
  ['Ivory Coast', 'place', "Côte d'Ivoire"],
  ['Netherlands', 'place', 'Holland', 'the Netherlands'],
  ['Myanmar', 'place', 'Burma'],
  ['Democratic Republic of the Congo', 'place', 'DRC', 'Zaire'],
  ['United Nations', 'organization', 'UN', 'U.N.'],
  ['North Atlantic Treaty Organization', 'organization', 'NATO'],
  ['European Union', 'organization', 'EU'],
  ['Arab League', 'organization', 'League of Arab States'],
  ['Non-Aligned Movement', 'organization', 'NAM'],
  ['Warsaw Pact', 'organization', 'Warsaw Treaty Organization'],
  ['World War II', 'event', 'Second World War', 'WWII', 'WW2', 'WW II'],
  ['World War I', 'event', 'First World War', 'WWI', 'WW1', 'Great War'],
  ['Kuomintang', 'organization', 'KMT', 'Guomindang', 'Chinese Nationalist Party'],
  ['Chinese Communist Party', 'organization', 'CCP', 'CPC', 'Communist Party of China'],
  ['Viet Cong', 'organization', 'VC', 'National Liberation Front', 'NLF'],
  ['Viet Minh', 'organization', 'Việt Minh', 'League for the Independence of Vietnam'],
  ["People's Army of Vietnam", 'organization', 'PAVN', 'North Vietnamese Army', 'NVA'],
  ['Army of the Republic of Vietnam', 'organization', 'ARVN'],
  ["People's Liberation Army", 'organization', 'PLA'],
  ['Nazi Party', 'organization', 'NSDAP'],
  ['Wehrmacht', 'organization'],
  ['Luftwaffe', 'organization'],
  ['Kriegsmarine', 'organization'],
  ['Red Army', 'organization'],
  ['Bolsheviks', 'organization', 'Bolshevik Party'],
  ['Khmer Rouge', 'organization'],
  ['Palestine Liberation Organization', 'organization', 'PLO'],
  ['Islamic Revolutionary Guard Corps', 'organization', 'IRGC', 'Revolutionary Guards'],
  ['Baath Party', 'organization', "Ba'ath Party"],
  ['al-Qaeda', 'organization', 'al-Qaida', 'Al Qaeda'],
  ['Taliban', 'organization'],
  // Peoples without one state: named things, but nobody's surname or short name.
  ['Arab', 'other', 'Arabs'],
];

/**
 * Demonyms and nationality adjectives → the place they point at. A demonym is a mention of its
 * country ("Egyptian President …" mentions Egypt).
 */
const DEMONYMS: ReadonlyArray<readonly [string, string]> = [
  ['Egypt', 'Egyptian Egyptians'], ['United States', 'American Americans'],
  ['United Kingdom', 'British Briton Britons'], ['England', 'English Englishman Englishmen'],
  ['France', 'French Frenchman Frenchmen'], ['Germany', 'German Germans Germanic'],
  ['Soviet Union', 'Soviet Soviets'], ['Russia', 'Russian Russians'], ['China', 'Chinese'],
  ['Japan', 'Japanese'], ['Korea', 'Korean Koreans'], ['North Korea', 'North Korean North Koreans'],
  ['South Korea', 'South Korean South Koreans'], ['Vietnam', 'Vietnamese'],
  ['North Vietnam', 'North Vietnamese'], ['South Vietnam', 'South Vietnamese'], ['Israel', 'Israeli Israelis'],
  ['Libya', 'Libyan Libyans'], ['Iraq', 'Iraqi Iraqis'], ['Iran', 'Iranian Iranians'],
  ['Italy', 'Italian Italians'], ['Spain', 'Spanish Spaniard Spaniards'],
  ['Mexico', 'Mexican Mexicans'], ['Persia', 'Persian Persians'], ['Greece', 'Greek Greeks'],
  ['Ottoman Empire', 'Ottoman Ottomans'], ['Turkey', 'Turkish Turk Turks'], ['Poland', 'Polish Pole Poles'],
  ['Austria', 'Austrian Austrians'], ['Hungary', 'Hungarian Hungarians'], ['Prussia', 'Prussian Prussians'],
  ['Syria', 'Syrian Syrians'], ['Jordan', 'Jordanian Jordanians'], ['Saudi Arabia', 'Saudi Saudis'],
  ['Lebanon', 'Lebanese'], ['Palestine', 'Palestinian Palestinians'], ['India', 'Indian Indians'],
  ['Pakistan', 'Pakistani Pakistanis'], ['Afghanistan', 'Afghan Afghans'], ['Cuba', 'Cuban Cubans'],
  ['Canada', 'Canadian Canadians'], ['Australia', 'Australian Australians'], ['Belgium', 'Belgian Belgians'],
  ['Netherlands', 'Dutch'], ['Sweden', 'Swedish Swedes'], ['Norway', 'Norwegian Norwegians'],
  ['Denmark', 'Danish Danes'], ['Finland', 'Finnish Finns'], ['Yugoslavia', 'Yugoslav Yugoslavs'],
  ['Serbia', 'Serbian Serbians Serb Serbs'], ['Bulgaria', 'Bulgarian Bulgarians'], ['Romania', 'Romanian Romanians'],
  ['Ukraine', 'Ukrainian Ukrainians'], ['Cambodia', 'Cambodian Cambodians'], ['Laos', 'Laotian Laotians Lao'],
  ['Thailand', 'Thai'], ['Philippines', 'Filipino Filipinos Philippine'], ['Indonesia', 'Indonesian Indonesians'],
  ['Brazil', 'Brazilian Brazilians'], ['Argentina', 'Argentine Argentinian Argentines'], ['Chile', 'Chilean Chileans'],
  ['Ethiopia', 'Ethiopian Ethiopians'], ['Algeria', 'Algerian Algerians'], ['Morocco', 'Moroccan Moroccans'],
  ['Tunisia', 'Tunisian Tunisians'], ['Sudan', 'Sudanese'], ['Kuwait', 'Kuwaiti Kuwaitis'], ['Yemen', 'Yemeni Yemenis'],
  ['Carthage', 'Carthaginian Carthaginians Punic'], ['Rome', 'Roman Romans'], ['Athens', 'Athenian Athenians'],
  ['Sparta', 'Spartan Spartans'], ['Macedonia', 'Macedonian Macedonians'], ['Europe', 'European Europeans'],
  ['Africa', 'African Africans'], ['Asia', 'Asian Asians'], ['Scotland', 'Scottish Scots'], ['Wales', 'Welsh'],
  ['Ireland', 'Irish'], ['Portugal', 'Portuguese'], ['Switzerland', 'Swiss'], ['Czechoslovakia', 'Czechoslovak Czechoslovaks'],
  ['Taiwan', 'Taiwanese'], ['Mongolia', 'Mongolian Mongolians'], ['Tibet', 'Tibetan Tibetans'],
  ['Kurdistan', 'Kurdish Kurds Kurd'], ['Bavaria', 'Bavarian Bavarians'], ['Nicaragua', 'Nicaraguan Nicaraguans'],
];

/** Combining forms: a country only when glued to another name by a dash ("Sino-Soviet"); "Franco" alone is a man. */
const COMBINING_FORMS: Record<string, string> = {
  anglo: 'United Kingdom', franco: 'France', russo: 'Russia', sino: 'China', irano: 'Iran', italo: 'Italy',
  hispano: 'Spain', greco: 'Greece', graeco: 'Greece', austro: 'Austria', indo: 'India',
};

/** The country a combining form stands for ("Sino" → China), or undefined. */
export function combiningFormOf(word: string): string | undefined {
  return COMBINING_FORMS[plainKey(word)];
}

export interface KnownName {
  /** The entity this name belongs to (a canonical name). */
  canonical: string;
  type: EntityType;
  /** True for demonyms: a mention of the place, though not its name. */
  demonym: boolean;
  /** Countries, continents, alternates, demonyms: never a person's surname. Cities and regions may be. */
  strong: boolean;
  /** Written in capitals ("UN", "US"): matches only a surface in capitals ("Un" in "Kim Jong Un" is no UN). */
  acronym: boolean;
}

const KNOWN = new Map<string, KnownName>();
function addKnown(form: string, canonical: string, type: EntityType, strong: boolean, demonym = false): void {
  const key = plainKey(form);
  const acronym = isCapitals(form);
  if (!KNOWN.has(key)) KNOWN.set(key, { canonical, type, demonym, strong, acronym });
}
for (const [canonical, type, ...forms] of ALTERNATES) {
  addKnown(canonical, canonical, type, true);
  for (const f of forms) addKnown(f, canonical, type, true);
}
for (const name of COUNTRIES) addKnown(name, name, 'place', true);
for (const name of ['Africa', 'Asia', 'Europe', 'North America', 'South America', 'Antarctica', 'Oceania']) addKnown(name, name, 'place', true);
for (const name of [...CAPITALS_AND_CITIES, ...CONTINENTS_AND_REGIONS]) addKnown(name, name, 'place', false);
for (const [place, forms] of DEMONYMS) {
  // Two-word demonyms ("North Korean") are listed as such; split on the plain-key level.
  const words = forms.split(' ');
  for (let i = 0; i < words.length; i++) {
    if ((words[i] === 'North' || words[i] === 'South') && words[i + 1]) {
      addKnown(`${words[i]} ${words[i + 1]}`, place, 'place', true, true);
      i++;
    } else addKnown(words[i], place, 'place', true, true);
  }
}

/** The gazetteer entry for a surface form (case-, diacritic- and punctuation-insensitive). */
export function lookupKnown(surface: string, key = plainKey(surface)): KnownName | undefined {
  const entry = KNOWN.get(key);
  return entry && entry.acronym && !isCapitals(surface) ? undefined : entry;
}

/** The gazetteer entry for a unit, by the key it already has. */
export const lookupKnownUnit = (u: { text: string; key: string }): KnownName | undefined => lookupKnown(u.text, u.key);

function isCapitals(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** Longest number of words in any gazetteer entry: bounds the window when segmenting. */
export const MAX_KNOWN_WORDS = Math.max(...[...KNOWN.keys()].map((k) => k.split(' ').length));
