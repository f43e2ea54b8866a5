// Closed word lists the extractor reasons with. All lookups are on lower-cased words.
// These are properties of English (and of name formation), not of any one article.
//
// The extractor's modules read these lists, and the functions of the other modules without
// imports of their own (gazetteer, normalize, tokens), into module constants once
// (`const { … } = lexicon`): under the CommonJS transform of the test and bench runner (tsx), every
// use of an imported binding is a call of two getters, and the extractor makes millions of
// lookups per megabyte.

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Function words proper: never inside a name, wherever they stand ("Egypt And Syria" is two names). */
export const CORE_FUNCTION_WORDS = set(`
the a an and or but nor of in on at to by for from with as if when while he she it they we you this that
these those his her its their who which what than then against about after before during under over
between into through without within toward towards upon among
`);

/** Capitalised only because they open a sentence or a heading: never names, never the first word of one. */
export const FUNCTION_WORDS = set(`
a an the this that these those it its he she they we i you his her their our my your him them us me
who whom whose what which when where why how whether while whilst whereas although though because since
unless until till upon once if as at by for from in into of on onto over under with within without
after before during despite following according against among amongst between through throughout
toward towards around about above across along alongside behind below beneath beside besides beyond near
off out outside inside past per regarding via not no nor or and but so yet then thus therefore hence
however meanwhile nevertheless nonetheless moreover furthermore also instead later eventually finally
initially subsequently consequently indeed still now soon today afterwards afterward ultimately similarly
additionally overall elsewhere here there many most some several few both all each every other another
such much more less either neither any anyone everyone nobody none something nothing everything
being having having having while only even just again already always never often sometimes perhaps
likely unlike like including excluding given considering concerning throughout amid amidst
first second third last next early late earlier further whatever whenever wherever although
yes let see see also note notes references sources external links bibliography further reading
following preceding according despite again altogether anyway around
`);

/** Months, their abbreviations and weekdays: dates, not entities. */
export const CALENDAR_WORDS = set(`
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
`);

/**
 * Words that head a title before a person's name ("President Sadat", "General Giap").
 * Titles are not part of the name.
 */
export const TITLE_HEADS = set(`
president vice-president premier chancellor minister secretary secretary-general king queen emperor empress
prince princess duke duchess tsar czar tsarina kaiser sultan shah emir amir caliph khan pope cardinal bishop
archbishop general lieutenant colonel captain admiral marshal field-marshal commander brigadier sergeant
corporal governor senator congressman congresswoman ambassador chairman chairwoman director mayor judge
mr mrs ms dr sir lord lady dame chief leader generalissimo comrade ayatollah imam sheikh sheik mullah
rabbi reverend professor consul proconsul dictator tribune praetor pharaoh regent viceroy count countess
baron marquis vizier grand-vizier madame monsieur mme mlle comte abbe herr frau senor general-in-chief commander-in-chief presidents generals admirals marshals
colonels ministers kings emperors commissar rear-admiral vice-admiral lieutenant-general major-general
lieutenant-colonel brigadier-general
`);

/** Abbreviated titles: titles only with their period ("Gen. Lee"; "Sen" alone may be a name, "Sun Yat Sen"). */
export const TITLE_ABBREVIATIONS = set('gen lt col capt adm sgt gov sen rep pres prof maj brig cmdr rev hon');

/** Words that may come before a title head and belong to the title ("Defense Minister", "Prime Minister"). */
export const TITLE_MODIFIERS = set(`
prime vice deputy acting chief supreme grand lieutenant field rear major brigadier crown first
defense defence foreign interior war navy naval finance home economy justice state colonial army air
sergeant staff executive general secretary commander assistant under high lord former late
`);

/** Multi-word titles whose inner words would otherwise look like names. */
export const MULTIWORD_TITLES: readonly string[] = [
  'chief of staff', 'chief of the general staff', 'chief of general staff', 'chiefs of staff',
  'secretary of state', 'secretary of defense', 'secretary of war', 'secretary of the navy',
  'minister of defense', 'minister of defence', 'minister of war', 'minister of foreign affairs',
  'minister of the interior', 'commander-in-chief', 'commander in chief', 'head of state',
  'prime minister', 'supreme leader', 'field marshal', 'general secretary', 'secretary general',
];

/** Name particles glued by a hyphen to the next part of a personal name ("Saad el-Shazly", "ad-Din"). */
export const NAME_PARTICLES = set(`
al el ad as ash at az ar an ud ul ur bin ibn bint ben abu de del di da du la le
`);

/** Name particles written as words between the parts of a name ("Charles de Gaulle", "Osama bin Laden"). */
export const STANDALONE_PARTICLES = set(`
al el bin ibn bint ben abu de del della dei di da dos das du des la le van von der den ter ten zu y
`);

/** Lower-case prefixes glued to a name by a hyphen that are not part of it ("pro-DPRK", "anti-Soviet"). */
export const NON_NAME_PREFIXES = set(`
pro anti non pre post ex neo mid sub trans pan inter ultra semi quasi counter post-war pre-war
`);

/** Lower-case words that may link capitalised words into one name ("Battle of Britain"). */
export const CONNECTORS = set('of for the');

/** Possessive words that continue a name rather than end it ("People's Republic", "Workers' Party"). */
export const POSSESSIVE_NAME_WORDS = set(`people's peoples' workers' women's men's king's queen's children's soldiers' farmers' nations'`);

/**
 * A name whose last word is one of these is an event ("Suez Crisis", "Six-Day War", "Camp David Accords").
 * "Battle of X", "Siege of X" are caught by EVENT_FIRST_WORDS.
 */
export const EVENT_LAST_WORDS = set(`
war wars crisis crises accords accord agreement agreements revolution revolutions battle treaty offensive campaign
uprising rebellion revolt insurrection massacre massacres invasion conference summit incident armistice pact
protocol coup putsch blockade siege raid raids landing landings evacuation affair expedition mutiny riots riot
games olympics election elections referendum crusade genocide holocaust famine airlift operation occupation
ceasefire cease-fire truce initiative declaration convention resolution purge purges charter
retreat bombing offensives crossing battles march proclamation oath spring
`);

/** A name whose last word is one of these is some other named thing: a law, plan or policy ("Neutrality Act"). */
export const OTHER_LAST_WORDS = set(`
act acts law laws code policy plan doctrine program programme project bill constitution manifesto
theory decree decrees edict ordinance
`);

/** "Battle of Britain", "Treaty of Versailles", "Operation Barbarossa": event names that open with their kind. */
export const EVENT_FIRST_WORDS = set(`
battle battles siege treaty peace sack fall capture liberation invasion operation raid massacre war wars
congress conference declaration armistice revolt siege partition annexation relief bombing
`);

/** A name whose last word is one of these is an organisation ("Non-Aligned Movement", "United Nations"). */
export const ORG_LAST_WORDS = set(`
company companies corporation corp inc ltd llc organization organisation movement party army armies navy
force forces council nations assembly league committee commission congress parliament senate government
ministry department agency bank university institute association federation union group alliance coalition
church court office bureau service services police cabinet directorate command legion guard guards society
foundation airlines airways corps brigade brigades division divisions regiment battalion fleet junta
tribunal authority administration agency network telecom telecommunications communications media press
times post herald news broadcasting industries holdings enterprises systems group academy school college
council militia militias rebels mujahideen taliban brotherhood order dynasty cartel club team regime
allies powers power axis communists nationalists bolsheviks mensheviks republicans royalists loyalists confederates
federals patriots insurgents guerrillas battalions regiments fleets groups parties headquarters
newspapers cossacks revolutionaries embassy consulate mission
`);

/** "Ministry of Defence", "University of Cairo": organisations that open with their kind. */
export const ORG_FIRST_WORDS = set(`
ministry department university bank army league council organization organisation office house
institute academy commission committee board court federation union division ejercito partido
embassy consulate agence compagnie societe banque parti armee
`);

/** A name whose last word is one of these is a place ("Suez Canal", "Yalu River", "Sinai Peninsula"). */
export const PLACE_LAST_WORDS = set(`
river rivers canal mountains mountain mount sea ocean island islands isles bay gulf lake strait straits
peninsula desert valley plain plains plateau heights hills hill ridge pass forest coast province region
district county city town village harbor harbour square street avenue road palace castle fortress fort
bridge airport airfield base station port delta basin highlands lowlands steppe territory territories
oblast prefecture governorate empire kingdom republic emirate caliphate khanate sultanate
principality duchy colony colonies protectorate peninsula archipelago channel sound falls line wall
zone front cape creek park reservoir dam gate quarter camp seas corridor indies lands salient pocket
provinces states state arsenal armory shipyard
`);

/** After a possessive, these still belong to the name ("Marye's Heights", "Sayler's Creek"). */
export const POSSESSIVE_PLACE_HEADS = set(`
heights creek island hill hills bay ferry bluff crossroads station landing mill gap point inn church
tavern farm run river lake island islands valley
`);

/** Prefixes of ship names ("USS Monitor", "HMS Hood"): the name is some other thing. */
export const SHIP_PREFIXES = set('uss hms css hmas hmcs rms ss ijn sms frs');

/** Political adjectives that may stand before a person's name like a nationality ("Communist Ho Chi Minh"). */
export const POLITICAL_ADJECTIVES = set('communist nationalist royalist republican democratic socialist fascist nazi loyalist confederate union federal jesuit franciscan dominican');

/** Number words: a name that opens with one is rarely a person's ("Seven Pines", "Three Principles"). */
export const NUMBER_WORDS = set('one two three four five six seven eight nine ten eleven twelve twenty hundred thousand first second third fourth fifth sixth seventh eighth ninth tenth');

/** "Port Said", "Mount Everest", "Lake Victoria", "Fort Sumter": places that open with their kind. */
export const PLACE_FIRST_WORDS = set(`
port mount mt lake cape fort ft isle gulf bay saint st sankt san santa são sao porto rio
kingdom republic empire duchy principality province state hotel champ rue pont palais chateau ile quai
ciudad puerto nueva nuevo bahia cabo sierra monte punta isla lago
`);

/** "Plan de Ayala": named plans and laws that open with their kind. */
export const OTHER_FIRST_WORDS = set('plan project law act');

/** Lower-case nouns right before a name that tell its kind ("the company Orascom", "the city of Hue"). */
export const ORG_NOUNS_BEFORE = set(`
company firm corporation party group organization organisation agency movement militia network operator
carrier airline bank newspaper manufacturer conglomerate broadcaster union alliance faction
`);
export const PLACE_NOUNS_BEFORE = set(`
city town village province region capital port island country state district river mountain base garrison
north south east west northeast northwest southeast southwest outskirts
`);

/** Lone direction words: "the West", "the North" are not entities of ours; "North Korea" is. */
export const DIRECTIONS = set(`
north south east west central western eastern northern southern northeast northwest southeast southwest
upper lower middle inner outer greater
`);

/** Capture and siege words: "Battle of X", "Siege of X" tell that X is a place. */
export const PLACE_EVENT_HEADS = set('battle siege fall capture sack liberation relief bombing invasion occupation defense defence evacuation');

/** Prepositions after which a bare unknown name is most often a place ("in Hanoi", "to Egypt"). */
export const PLACE_PREPOSITIONS = set(`
in into at near towards toward across through outside inside around via reach reached captured
occupied entered invaded besieged capture capturing seize seized seizing take took taking retake retook
isolate isolated bombed liberated liberate evacuated abandoned defend defended surrounded encircled
garrisoned
`);

/** "to X", "from X": often a place, as often a person ("a letter to Stalin"); a weaker cue. */
export const WEAK_PLACE_PREPOSITIONS = set('to from');

/** Common nouns right after a name that make it a thing: a weapon or vehicle model ("Scud missiles", "R-17 Elbrus missiles"). */
export const THING_NOUNS_AFTER = set(`
missile missiles rocket rockets tank tanks rifle rifles aircraft airplane airplanes fighter fighters bomber bombers
jet jets submarine submarines ship ships gun guns helicopter helicopters destroyer destroyers cruiser cruisers
frigate frigates battleship battleships carrier carriers vehicle vehicles locomotive engine engines
`);

/** Verbs right after a bare unknown name that mark a person ("Shazly visited", "Giap refused"). */
export const PERSON_VERBS = set(`
said says told wrote declared announced ordered decided refused argued believed wanted resigned visited
met married died fled returned replaced succeeded commanded insisted agreed promised hoped feared
thought knew asked urged demanded claimed stated admitted denied offered proposed appointed dismissed
personally himself herself sent called responded cancelled canceled chose tried planned wished won
proclaimed bombarded launched named wrote
`);

/** Lower-case words before "for"/"of" that make what follows a place ("the battle for Guadalcanal"). */
export const STRUGGLE_NOUNS = set('battle battles fight struggle campaign race siege fall capture defense defence garrison');

/** Suffixes typical of company and brand names ("Orascom", "Koryolink", "Vodafone" is not caught, fine). */
export const COMPANY_SUFFIXES: readonly string[] = ['com', 'tel', 'link', 'net', 'soft', 'tech', 'corp', 'tron'];

/** Words that alone name no entity of ours: creeds as adjectives ("Muslim"; "Muslim Brotherhood" is one), era markers. */
export const NOT_ENTITIES = set(`
muslim muslims christian christians catholic catholics protestant protestants jewish islamic buddhist hindu
sunni shia shiite god allah internet web bc bce ad ce
`);

/**
 * Common given names (several cultures). A name that opens with one is a person's
 * ("Anwar Sadat", "Winston Churchill"). Deliberately compact: other person cues exist.
 */
export const GIVEN_NAMES = set(`
aaron abdel abdul abd abdullah abraham adam adolf adolph ahmed ahmad akbar alan albert alexander alexandre
alexei alfred ali alice amin andre andrew andrei angela anna anne anthony antoine anton anwar archibald
arthur ayman benito benjamin bernard boris carl carlos catherine charles charlotte chester christopher
claude constantine daniel david dean dmitri dmitry donald douglas dwight edward edwin eleanor elizabeth
emile emiliano erich ernest ernesto erwin eugene fahd faisal fatima felix ferdinand fidel francis francisco
franklin franz frederick friedrich gamal george georges georgy gerald gerhard gustav hafez harold harry
hassan heinrich helmut henri henry herbert hermann hosni hussein hugo ibrahim ivan jack jacques james jan
jean jimmy joachim johann john jose josef joseph juan jules julius karl khaled khalid konrad lavrentiy
leon leonid leopold lev louis ludwig lyndon maria marie mark martin mary michael mikhail mohamed mohammed
mohammad muhammad muammar nikita nicholas nikolai omar otto pablo paul pedro peter philip philippe pierre
pyotr rafael ralph richard robert roger ronald rudolf saad saddam salah salvador samuel sergei simon
stanley stephen theodore thomas ulysses vasily victor vladimir walter wilhelm william winston woodrow
yasser yuri zachary yosef moshe menachem golda yitzhak levi ariel benjamin ehud shimon hafiz
bashar recep mustafa kemal ismail fattah mahmoud mahmud sayed tariq tarek amr hamid
rashid jamal youssef yusuf ahmet mehmet ali-reza ruhollah akbar hashemi mir jose manuel miguel
venustiano porfirio francisco pancho emilio alvaro victoriano fernando federico ramon napoleon maximilien
georges-jacques camille jacques-pierre marquis honore lazare charles-maurice louis-philippe horatio
horatio ulysses robert thomas stonewall braxton jefferson abraham ambrose joseph-joffre douglas omar
matthew
`);

/** Family names that come first in East Asian names ("Kim Il Sung", "Chiang Kai-shek", "Ho Chi Minh"). */
export const EAST_ASIAN_FAMILY_NAMES = set(`
kim lee yi park pak choi choe jung chung kang cho jo yoon yun jang chang lim im han shin seo kwon hwang ahn
song yoo hong jeon moon yang son bae baek roh rhee ri ryu nam
wang li zhang liu chen huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao mao deng chiang jiang peng
xi hua tang feng yuan soong kong lu lin ye
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly
`);

/** Roman numerals that follow a name ("World War II", "Louis XVI"). */
export function isRomanNumeral(word: string): boolean {
  return /^(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/.test(word);
}

/**
 * The lists above that the splitting of name runs asks about every unit (candidates.ts), as bits
 * of wordListsOf: looked up once per word written the same way (units.ts keeps them on its units),
 * not once per rule and unit.
 */
export const enum WordList {
  CoreFunction = 1,
  Function = 2,
  Calendar = 4,
  TitleHead = 8,
  Direction = 16,
  Number = 32,
  NotEntity = 64,
  EventFirst = 128,
  OrgFirst = 256,
  PlaceFirst = 512,
  EventLast = 1024,
  OrgLast = 2048,
  PlaceLast = 4096,
  OtherLast = 8192,
}

/** Each word of the lists, with the bits of those it is in (a list's bit goes with it): one look-up answers for every list. */
export function bitsByWord(lists: ReadonlyArray<readonly [Iterable<string>, number]>): Map<string, number> {
  const bits = new Map<string, number>();
  for (const [words, bit] of lists) for (const w of words) bits.set(w, (bits.get(w) ?? 0) | bit);
  return bits;
}

const WORD_LISTS = bitsByWord([
  [CORE_FUNCTION_WORDS, WordList.CoreFunction], [FUNCTION_WORDS, WordList.Function], [CALENDAR_WORDS, WordList.Calendar],
  [TITLE_HEADS, WordList.TitleHead], [DIRECTIONS, WordList.Direction], [NUMBER_WORDS, WordList.Number], [NOT_ENTITIES, WordList.NotEntity],
  [EVENT_FIRST_WORDS, WordList.EventFirst], [ORG_FIRST_WORDS, WordList.OrgFirst], [PLACE_FIRST_WORDS, WordList.PlaceFirst],
  [EVENT_LAST_WORDS, WordList.EventLast], [ORG_LAST_WORDS, WordList.OrgLast], [PLACE_LAST_WORDS, WordList.PlaceLast], [OTHER_LAST_WORDS, WordList.OtherLast],
]);

/** The WordList bits of a lower-case key. */
export const wordListsOf = (key: string): number => WORD_LISTS.get(key) ?? 0;
