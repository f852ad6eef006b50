/**
 * Does the post begin with a class name? As DESIGN.md defines it: after any leading white space,
 * emoji and punctuation, the first words are a known class name or alias (any case, accents
 * ignored), optionally followed by the word "Class", then a boundary (":", "-", "–", ",", a space,
 * a new line or the end). "Year 6" also answers to "Y6" and "Yr 6". A joint post names every class
 * it is for ("Owls and Badgers:", "Owls & Badgers –", "Year 3 and 4:"): each one counts.
 */
import { foldText, originalRange, type NormalisedText } from './normalise';
import type { PolicySnapshot } from './snapshot';

interface PrefixForm {
  /** Folded, single spaces. */
  folded: string;
  /** The class (or extra prefix) as the ICT lead wrote it. */
  name: string;
  isClass: boolean;
}

export interface ClassPrefixMatcher {
  /** Longest first, so "Year 10" is tried before "Year 1". */
  forms: PrefixForm[];
  /** By folded spelling, for the bare numbers of "Year 3 and 4". */
  formsByFolded: ReadonlyMap<string, PrefixForm>;
}

/** One class (or extra prefix) named in the opening. */
export interface OpeningPart {
  /** The class as the roster or settings name it (an alias resolves to its class), or the extra prefix. */
  name: string;
  /** False for an extra prefix such as "Whole School". */
  isClass: boolean;
  /** Where it is written in the original text (with "Class" if written). */
  start: number;
  end: number;
}

export interface ClassPrefixMatch {
  /** Every class and extra prefix the opening names, in order ("Owls and Badgers:" → Owls, Badgers). */
  parts: OpeningPart[];
  /** The classes named, each once, in order. */
  classNames: string[];
  /** The opening names an extra prefix ("Whole School", "PTA"): the post may show any pupil of the school. */
  wholeSchool: boolean;
  /** The opening as staff read it ("Oak", "Owls and Badgers", "Whole School"), for messages and the activity log. */
  label: string;
  /** Range of the whole opening in the original text. */
  start: number;
  end: number;
  /** Where the opening ends in the folded text. */
  foldedEnd: number;
}

export function compileClassPrefixes(snapshot: PolicySnapshot): ClassPrefixMatcher {
  const forms: PrefixForm[] = [];
  const add = (text: string, name: string, isClass: boolean) => {
    for (const folded of spellings(text)) if (folded !== '') forms.push({ folded, name, isClass });
  };
  for (const entry of snapshot.classes) for (const text of [entry.name, ...entry.aliases]) add(text, entry.name, true);
  for (const prefix of snapshot.extraPrefixes) add(prefix, prefix, false);
  forms.sort((a, b) => b.folded.length - a.folded.length);
  const formsByFolded = new Map<string, PrefixForm>();
  for (const form of forms) if (!formsByFolded.has(form.folded)) formsByFolded.set(form.folded, form);
  return { forms, formsByFolded };
}

/**
 * The one key of a class name, for telling whether two names are the same class: folded (lower
 * case, accents and look-alikes as plain letters, invisible characters gone), runs of white space
 * as one space, no space at either end, and no trailing word "class". "Willow Class", " willow "
 * and "WILLOW" → "willow"; "Year  6" → "year 6"; "Class" alone stays "class". The snapshot groups
 * pupils into classes by it, and class prefixes are matched by it.
 */
export function classNameKey(name: string): string {
  return foldText(name).replace(/\s+/g, ' ').trim().replace(/ class$/, '');
}

const YEAR_WORDS = ['year', 'years', 'yr', 'yrs', 'y'];
const YEAR_FORM = /^(?:years?|yrs?|y) ?(\d{1,2})$/;

/** The folded ways to write a class name: "Year 6" → year 6, year6, yr 6, yr6, y6, y 6 (and "years 6" for "Years 5 and 6"). */
function spellings(name: string): string[] {
  const folded = classNameKey(name);
  const year = YEAR_FORM.exec(folded);
  if (!year) return [folded];
  const number = year[1] as string;
  return YEAR_WORDS.flatMap((word) => [`${word} ${number}`, `${word}${number}`]);
}

/** After a class name; "/", "&" and "+" join two classes ("Y5/6", "Oak&Ash"). */
const BOUNDARY = /[\s:,\-/&+]/;

export function matchClassPrefix(matcher: ClassPrefixMatcher, normalised: NormalisedText): ClassPrefixMatch | null {
  const text = normalised.text;
  const start = firstWordStart(text);
  if (start < 0) return null;
  const first = formAt(matcher, text, start);
  if (!first) return null;
  const found = [first];
  for (let next = joinedFormAfter(matcher, text, first); next; next = joinedFormAfter(matcher, text, next)) found.push(next);
  // A class name after a direction control may be shown elsewhere ("‮Oak: …" ends with "Oak").
  const control = normalised.firstDirectionControl;
  while (control >= 0 && found.length > 0 && (normalised.sourceEnd[(found[found.length - 1] as FormFound).end - 1] ?? 0) > control) found.pop();
  if (found.length === 0) return null;
  const parts = found.map(({ form, start: partStart, end }): OpeningPart => ({ name: form.name, isClass: form.isClass, ...originalRange(normalised, partStart, end) }));
  const classNames = [...new Set(parts.filter((part) => part.isClass).map((part) => part.name))];
  const foldedEnd = (found[found.length - 1] as FormFound).end;
  return {
    parts,
    classNames,
    wholeSchool: parts.some((part) => !part.isClass),
    label: listOfNames([...new Set(parts.map((part) => part.name))]),
    ...originalRange(normalised, start, foldedEnd),
    foldedEnd,
  };
}

/** "Owls and Badgers" (en-GB list words), for naming every class of a joint post. */
export function listOfNames(names: readonly string[]): string {
  return new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(names);
}

interface FormFound {
  form: PrefixForm;
  /** In the folded text, from the name to after "Class" if written. */
  start: number;
  end: number;
}

/** The class name (or extra prefix) written at `start`, with "Class" or "classes" if written, followed by a boundary. */
function formAt(matcher: ClassPrefixMatcher, text: string, start: number): FormFound | null {
  for (const form of matcher.forms) {
    const found = withClassWord(form, text, start, matchFolded(text, start, form.folded));
    if (found) return found;
  }
  return null;
}

function withClassWord(form: PrefixForm, text: string, start: number, nameEnd: number): FormFound | null {
  if (nameEnd < 0) return null;
  const afterSpaces = skipSpaces(text, nameEnd);
  for (const word of ['classes', 'class']) {
    const classWordEnd = matchFolded(text, afterSpaces, word);
    if (classWordEnd >= 0 && isBoundary(text, classWordEnd)) return { form, start, end: classWordEnd };
  }
  return isBoundary(text, nameEnd) ? { form, start, end: nameEnd } : null;
}

/** "and", "&", "+", "/" or a comma (", and" too) between two classes of a joint opening. */
const JOINER = /^\s*(?:,\s*(?:(?:and|&)\s+)?|(?:&|\+|\/)\s*|and\s+)/;

/**
 * The next class of a joint opening after `previous` ("Owls and Badgers", "Oak, Ash & Elm"), or null.
 * After a year group, a bare number is the next year ("Year 3 and 4", "Y5/6").
 */
function joinedFormAfter(matcher: ClassPrefixMatcher, text: string, previous: FormFound): FormFound | null {
  const joiner = JOINER.exec(text.slice(previous.end, previous.end + 12));
  if (!joiner) return null;
  const start = previous.end + joiner[0].length;
  const year = YEAR_FORM.exec(previous.form.folded) && /^\d{1,2}/.exec(text.slice(start, start + 3));
  if (year) {
    const form = matcher.formsByFolded.get(`year ${Number(year[0])}`) ?? matcher.formsByFolded.get(`year ${year[0]}`);
    const found = form ? withClassWord(form, text, start, start + year[0].length) : null;
    if (found) return found;
  }
  return formAt(matcher, text, start);
}

/** The class name closest to how the post begins ("Hedgehog:" → "Hedgehogs"), for the fix; null if none is close. */
export function closestClassName(matcher: ClassPrefixMatcher, normalised: NormalisedText): string | null {
  const start = firstWordStart(normalised.text);
  if (start < 0) return null;
  let best: { name: string; distance: number } | null = null;
  for (const form of matcher.forms) {
    const written = normalised.text.slice(start, start + form.folded.length + 2).split(/[:,\n-]/)[0]?.trim() ?? '';
    const distance = editDistance(written, form.folded);
    const allowed = form.folded.length >= 5 ? 2 : 1;
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: form.name, distance };
  }
  return best?.name ?? null;
}

/** Where the first word (letters and digits) of a folded text starts, after any spaces, emoji and punctuation; -1 if none. */
export function firstWordStart(text: string): number {
  return text.search(/[\p{L}\p{N}]/u);
}

/** Where the word starting at `start` ends. */
export function wordEnd(text: string, start: number): number {
  const end = text.slice(start).search(/[^\p{L}\p{N}]/u);
  return end < 0 ? text.length : start + end;
}

function skipSpaces(text: string, index: number): number {
  let at = index;
  while (at < text.length && /\s/.test(text[at] as string)) at += 1;
  return at;
}

function isBoundary(text: string, index: number): boolean {
  return index >= text.length || BOUNDARY.test(text[index] as string);
}

/** Where `folded` ends if it is written at `start` (any run of white space for each space), else -1. */
function matchFolded(text: string, start: number, folded: string): number {
  let at = start;
  for (const character of folded) {
    if (character === ' ') {
      if (!/\s/.test(text[at] ?? '')) return -1;
      at = skipSpaces(text, at);
    } else {
      if (text[at] !== character) return -1;
      at += 1;
    }
  }
  return at;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
