/**
 * Derives src/policy/knowledge/short-forms-derived.json from the public name → nickname table
 * (carltonnorthern/nicknames, Apache-2.0; `../shared/data/nicknames/` beside the project). Run by
 * hand when the table changes: `npx tsx scripts/derive-short-forms.ts PATH/TO/names.csv`.
 *
 * The table is US-centred and noisy ("william → bell", "aaron → erin"). Reviewed by rule: a short
 * form is kept when it begins like its name (Fred/Frederick, Katie/Katherine, Dan/Daniel: the two
 * first letters agree), when it is clipped from inside a name of six letters or more (Tori/
 * Victoria, Zeke/Ezekiel, Tilly/Matilda: its first three letters are in the name after its first,
 * and it is no name of the table itself, as "anna" from Hannah is), or when it is one of the
 * well-known English short forms that do neither (Ted/Edward, Peggy/Margaret). Everything else is
 * dropped; the UK and Polish short forms the table lacks are in short-forms.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Short forms that do not begin like their name but are what English speakers really say. */
const REVIEWED_EXCEPTIONS: Record<string, string[]> = {
  edward: ['ted', 'teddy', 'ned', 'neddy'],
  edmund: ['ted', 'ned'],
  theodore: ['ted', 'teddy'],
  margaret: ['peggy', 'maisie', 'meg', 'molly', 'daisy', 'greta'],
  elizabeth: ['betty', 'bess', 'bessie', 'beth', 'libby', 'lizzie', 'lizzy', 'liz', 'liza', 'elsie'],
  william: ['bill', 'billy', 'liam'],
  robert: ['bob', 'bobby', 'bert'],
  richard: ['dick', 'rick', 'ricky'],
  henry: ['harry', 'hal', 'hank'],
  john: ['jack', 'johnny'],
  mary: ['molly', 'polly', 'mamie'],
  eleanor: ['nell', 'nellie', 'nora'],
  helen: ['nell', 'nellie'],
  james: ['jim', 'jimmy', 'jamie'],
  matilda: ['tilly', 'tillie'],
  charlotte: ['lottie', 'lotte'],
  christopher: ['kit'],
  katherine: ['kit', 'kitty', 'katie'],
  catherine: ['kate', 'katie', 'kitty', 'cathy'],
  katharine: ['kate', 'katie', 'kitty'],
  alexander: ['sandy', 'xander', 'sasha'],
  anne: ['annie', 'nancy'],
  ann: ['annie', 'nancy'],
  isabella: ['bella', 'izzy', 'issy'],
  isabel: ['bella', 'izzy', 'issy'],
  susan: ['sue', 'suzy'],
  patrick: ['paddy'],
  sarah: ['sally', 'sadie'],
  joseph: ['joe', 'joey'],
  amelia: ['millie', 'milly'],
};

const source = process.argv[2] ?? '/work/shared/data/nicknames/names.csv';
const table = new Map<string, Set<string>>();
const add = (name: string, short: string) => {
  if (name === short || short.length < 2) return;
  const list = table.get(name) ?? new Set<string>();
  list.add(short);
  table.set(name, list);
};
const rows = readFileSync(source, 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.trim().split(','));
const names = new Set(rows.map(([name]) => name));
for (const [name, relationship, short] of rows) {
  if (!name || !short || relationship !== 'has_nickname' || !/^[a-z]+$/.test(name + short)) continue;
  const clipped = name.length >= 6 && short.length >= 3 && name.slice(1).includes(short.slice(0, 3)) && !names.has(short);
  if (short.slice(0, 2) === name.slice(0, 2) || clipped || REVIEWED_EXCEPTIONS[name]?.includes(short)) add(name, short);
}
for (const [name, shorts] of Object.entries(REVIEWED_EXCEPTIONS)) for (const short of shorts ?? []) add(name, short);

const entries = [...table].sort(([a], [b]) => a.localeCompare(b)).map(([name, shorts]): [string, string[]] => [name, [...shorts].sort()]);
writeFileSync(
  join(import.meta.dirname, '../src/policy/knowledge/short-forms-derived.json'),
  `${JSON.stringify({ source: 'carltonnorthern/nicknames names.csv (commit 21d7505), Apache-2.0, reviewed by scripts/derive-short-forms.ts', names: Object.fromEntries(entries) }, null, 0)}\n`,
);
console.log(`${entries.length} names, ${entries.reduce((sum, [, shorts]) => sum + shorts.length, 0)} short forms`);
