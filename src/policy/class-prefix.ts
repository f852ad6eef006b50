/**
 * Does the post begin with a class name? As DESIGN.md defines it: after any leading white space,
 * emoji and punctuation, the first words are a known class name or alias (any case, accents
 * ignored), optionally followed by the word "Class", then a boundary (":", "-", "–", ",", a space,
 * a new line or the end). "Year 6" also answers to "Y6" and "Yr 6".
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
}

export interface ClassPrefixMatch {
  /** The class as the roster or settings name it (an alias resolves to its class). */
  className: string;
  /** False for an extra prefix such as "Whole School". */
  isClass: boolean;
  /** Range of the prefix (with "Class" if written) in the original text. */
  start: number;
  end: number;
  /** Where the prefix ends in the folded text. */
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
  return { forms };
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

/** The folded ways to write a class name: "Year 6" → year 6, year6, yr 6, yr6, y6, y 6. */
function spellings(name: string): string[] {
  const folded = classNameKey(name);
  const year = /^(?:year|yr|y) ?(\d{1,2})$/.exec(folded);
  if (!year) return [folded];
  const number = year[1] as string;
  return ['year', 'yr', 'y'].flatMap((word) => [`${word} ${number}`, `${word}${number}`]);
}

const BOUNDARY = /[\s:,-]/;

export function matchClassPrefix(matcher: ClassPrefixMatcher, normalised: NormalisedText): ClassPrefixMatch | null {
  const text = normalised.text;
  const start = firstWordStart(text);
  if (start < 0) return null;
  for (const form of matcher.forms) {
    const nameEnd = matchFolded(text, start, form.folded);
    if (nameEnd < 0) continue;
    const classWordEnd = matchFolded(text, skipSpaces(text, nameEnd), 'class');
    const end = classWordEnd >= 0 && isBoundary(text, classWordEnd) ? classWordEnd : nameEnd;
    if (!isBoundary(text, end)) continue;
    return { className: form.name, isClass: form.isClass, ...originalRange(normalised, start, end), foldedEnd: end };
  }
  return null;
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
