/**
 * Short forms of given names that a roster may not record: "Freddie" for Frederick, "Kuba" for
 * Jakub, "Zosia" for Zofia. Two sources: a reviewed derivation of a public name → nickname table
 * (short-forms-derived.json, from carltonnorthern/nicknames, Apache-2.0: licence in
 * short-forms-LICENSE, derivation in scripts/derive-short-forms.ts), and below the short forms a
 * UK primary school meets that the table lacks (Polish, Russian and Ukrainian diminutives, and
 * British ones: Alfie, Evie, Lottie).
 *
 * Read in the background and the CLI when the snapshot is built: the snapshot carries the short
 * forms of the roster's names only.
 */
import derived from './short-forms-derived.json';
import { foldText } from '../normalise';

/** Name → its short forms, in addition to the derived table. Folded (no accents: "Małgorzata" → "malgorzata"). */
const SCHOOL_SHORT_FORMS: Record<string, string[]> = {
  // Polish
  jakub: ['kuba', 'kubus'],
  zofia: ['zosia', 'zosienka'],
  zuzanna: ['zuzia', 'zuza'],
  aleksandra: ['ola', 'olka', 'sasha', 'sasza'],
  aleksander: ['olek', 'alek'],
  malgorzata: ['gosia', 'malgosia'],
  katarzyna: ['kasia', 'kaska'],
  agnieszka: ['aga', 'agusia'],
  wojciech: ['wojtek'],
  szymon: ['szymek'],
  mateusz: ['mati', 'matek'],
  michal: ['michas', 'misiek'],
  krzysztof: ['krzys', 'krzysiek'],
  tomasz: ['tomek'],
  piotr: ['piotrek'],
  pawel: ['pawelek'],
  antoni: ['antek', 'antos'],
  stanislaw: ['stas', 'stasiek'],
  jozef: ['jozek'],
  jan: ['janek', 'jas'],
  julia: ['julka', 'jula'],
  natalia: ['natka', 'natasha'],
  wiktoria: ['wika', 'wiki'],
  weronika: ['wera', 'nika'],
  joanna: ['asia', 'joasia'],
  anna: ['ania', 'anka', 'anusia'],
  magdalena: ['magda'],
  barbara: ['basia'],
  elzbieta: ['ela'],
  franciszek: ['franek'],
  bartosz: ['bartek'],
  lukasz: ['lukaszek'],
  oliwia: ['oliwka'],
  amelia: ['amelka', 'millie', 'milly', 'mia'],
  hanna: ['hania'],
  alicja: ['ala'],
  nikola: ['nika'],
  gabriela: ['gabi', 'gabrysia'],
  maria: ['marysia', 'masha'],
  // Russian and Ukrainian
  aleksandr: ['sasha', 'sasza'],
  alexandra: ['sasha', 'lexi', 'alex'],
  dmitri: ['dima'],
  dmytro: ['dima'],
  mikhail: ['misha'],
  yekaterina: ['katya'],
  ekaterina: ['katya'],
  anastasia: ['nastya', 'stacey'],
  ivan: ['vanya'],
  tatiana: ['tanya'],
  olga: ['olya'],
  yelena: ['lena'],
  sofia: ['sonya', 'sofi'],
  // British
  alfred: ['alfie', 'alf', 'freddie', 'fred'],
  evelyn: ['evie', 'eve'],
  charlotte: ['lottie', 'charlie'],
  isabella: ['izzy', 'issy', 'bella'],
  isabelle: ['izzy', 'issy', 'bella'],
  theodore: ['theo', 'teddy', 'ted'],
  harrison: ['harry'],
  jackson: ['jack'],
  maximilian: ['max'],
  sebastian: ['seb', 'sebby'],
  tobias: ['toby'],
  mohammed: ['mo'],
  muhammad: ['mo'],
  ibrahim: ['ibby'],
  rebecca: ['becky', 'becca'],
  abigail: ['abi', 'abby'],
  jessica: ['jess', 'jessie'],
  francesca: ['frankie', 'fran'],
  finlay: ['finn', 'fin'],
  angus: ['gus'],
  augustus: ['gus'],
  nicholas: ['nick', 'nico'],
  dominic: ['dom'],
  florence: ['flo', 'florrie'],
  penelope: ['penny'],
  josephine: ['josie', 'jo'],
  phoebe: ['phoebs'],
  // British, reviewed for England and Wales's most given names and for this kind of roster: what the
  // table lacks (Livvy, Stan, Gracie, Tom, Maddie…), of three letters or more ("Oz" and "Ty" are
  // too often something else).
  olivia: ['liv', 'livvy'],
  stanley: ['stan'],
  isaac: ['zac', 'zak', 'ike'],
  jasmine: ['jas', 'jaz', 'jazzy'],
  ottilie: ['tilly', 'otti'],
  jayden: ['jay'],
  harriet: ['hatty'],
  georgia: ['georgie'],
  georgina: ['georgie', 'gina'],
  grace: ['gracie'],
  imogen: ['immy', 'imi'],
  sophie: ['soph'],
  sophia: ['soph'],
  thomas: ['tom', 'tommy'],
  tomas: ['tom', 'tommy'],
  oscar: ['ossie'],
  arthur: ['artie'],
  archibald: ['archy'],
  raphael: ['raff', 'rafi', 'rafe'],
  reuben: ['reub', 'rube'],
  lukas: ['luke'],
  mateo: ['teo'],
  matteo: ['teo'],
  andrei: ['andy'],
  elena: ['ellie', 'lena'],
  eleanor: ['elle'],
  elizabeth: ['ellie'],
  annabel: ['annie', 'bella'],
  annabelle: ['annie', 'bella'],
  cecilia: ['cece', 'cissy'],
  clementine: ['clemmie'],
  henrietta: ['hettie'],
  ophelia: ['effie'],
  euphemia: ['effie'],
  evangeline: ['evie'],
  finley: ['finn', 'fin'],
  dylan: ['dyl'],
  alexander: ['alfie'],
  benjamin: ['benji'],
  katherine: ['kat'],
  madeleine: ['maddie', 'maddy'],
  madison: ['maddie'],
  emily: ['millie'],
  emilia: ['millie'],
  matilda: ['tilda'],
  lillian: ['lily'],
  rosalind: ['roz', 'rosie'],
  rosamund: ['roz', 'rosie'],
  rhiannon: ['rhi'],
  dafydd: ['dai', 'dewi'],
  padraig: ['paddy'],
  siobhan: ['shiv'],
};

let table: Map<string, string[]> | null = null;

/**
 * The short forms of a folded given name ("frederick" → fred, freddie, freddy, fritz), or none,
 * each with its other spellings of a final -y / -ie / -i ("benjy" → benjie, benji): families spell
 * them every way.
 */
export function shortFormsOf(foldedName: string): readonly string[] {
  if (!table) {
    table = new Map();
    const add = (name: string, shorts: string[]) => table?.set(name, [...new Set([...(table.get(name) ?? []), ...shorts.flatMap(withEndingSpellings)])]);
    for (const [name, shorts] of Object.entries(derived.names)) add(name, shorts);
    for (const [name, shorts] of Object.entries(SCHOOL_SHORT_FORMS)) add(name, shorts.map(foldText));
  }
  return [...(table.get(foldedName) ?? []), ...clippedFromFullForm(table, foldedName)];
}

/** The shortest short form kept: "Al", "Ed" are words and initials as often as names. */
const SHORTEST_CLIPPED = 3;

/**
 * "Alf" for a pupil recorded as Alfie, "Fred" for Freddie, "Jess" for Jessie: a roster name that is
 * itself a short form (Alfie of Alfred) is called by that name's shorter forms that it begins with.
 */
function clippedFromFullForm(shortForms: ReadonlyMap<string, string[]>, foldedName: string): string[] {
  const clipped = new Set<string>();
  for (const shorts of shortForms.values()) {
    if (!shorts.includes(foldedName)) continue;
    for (const short of shorts) if (short.length >= SHORTEST_CLIPPED && short.length < foldedName.length && foldedName.startsWith(short) && !(shortForms.get(foldedName) ?? []).includes(short)) clipped.add(short);
  }
  return [...clipped];
}

/** "benjy" → benjy, benjie, benji; "katie" → katie, katy, kati. Only after a consonant, in forms of four letters or more. */
function withEndingSpellings(short: string): string[] {
  const ending = /^(.{2,}[^aeiouy])(?:y|ie|i)$/.exec(short);
  return ending ? [short, ...['y', 'ie', 'i'].map((end) => `${ending[1]}${end}`)] : [short];
}
