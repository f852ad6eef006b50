/**
 * Names written with digits for letters ("0liver", "M4son", "N00r", "K41"). A word that mixes
 * letters and digits is read again with each digit as the letter it passes for, and the name
 * matcher judges that reading as it judges any text (same ranges: a digit becomes one letter, so
 * every offset into the original stays exact), and a name it finds blocks: the digits are the
 * evidence ("M4son" is not the word "mason"). Words that are numbers in use are
 * never read so: amounts, ordinals, times, units, scores and formats ("4v4"), prices, year groups
 * ("Y6"); a plain number has no letters and is never a candidate ("4 teams", "10:30", "£5").
 */
import { messageText } from './message-text';
import type { NameMatcher } from './names/compile';
import { findPupilNames, type FindNamesOptions, type NameMatch } from './names/find-pupil-names';
import type { NormalisedText } from './normalise';

/** Two readings, for the digits that pass for two letters: 1 as i or l, 6 as g or b. */
const READINGS: readonly Readonly<Record<string, string>>[] = [
  { 0: 'o', 1: 'i', 2: 'z', 3: 'e', 4: 'a', 5: 's', 6: 'g', 7: 't', 8: 'b', 9: 'g' },
  { 0: 'o', 1: 'l', 2: 'z', 3: 'e', 4: 'a', 5: 's', 6: 'b', 7: 't', 8: 'b', 9: 'g' },
];

/** A number with its unit or ordinal ("3rd", "10am", "5km", "2x"), a score or format ("4v4", "3x3"), a year group or class ("Y6", "Yr10", "P4"). */
const NUMBER_IN_USE = /^(?:\d+(?:st|nd|rd|th|am|pm|k|km|m|cm|mm|kg|g|mg|ml|l|p|s|x|h|hr|hrs|min|mins|yr|yrs|d)|\d+[vx]\d+|(?:y|yr|year|p|r)\d+)$/;
const CURRENCY = /\p{Sc}/u;
const WORD_CHARACTER = /[\p{L}0-9]/u;

interface DisguisedWord {
  /** Range in the folded text. */
  start: number;
  end: number;
}

/**
 * `plain` (the names found in the text as written) with the names spelled with digits for letters
 * added, ranges in the original text. Where both readings find something in the same place, a
 * block in the plain reading stands ("Kai5"); otherwise the digit reading replaces it ("0liver" is
 * Oliver, not a slip for "liver").
 */
export function withDigitDisguisedNames(matcher: NameMatcher, normalised: NormalisedText, options: FindNamesOptions, plain: readonly NameMatch[]): NameMatch[] {
  const words = disguisedWords(normalised.text, options.from ?? 0);
  if (words.length === 0) return [...plain];
  // Which original characters are in a disguised word, in a plain block, in a name found so: marks
  // looked up by range, so the work stays linear however many words and names the text holds.
  const length = (normalised.sourceEnd[normalised.sourceEnd.length - 1] ?? 0) + 1;
  const inWord = new RangeMarks(length);
  for (const word of words) inWord.mark(normalised.sourceStart[word.start] ?? 0, normalised.sourceEnd[word.end - 1] ?? 0);
  const plainBlock = new RangeMarks(length);
  for (const match of plain) if (match.severity === 'block') plainBlock.mark(match.start, match.end);
  const taken = new RangeMarks(length);
  const disguised: NameMatch[] = [];
  for (const reading of READINGS) {
    const read = { ...normalised, text: readDigits(normalised.text, words, reading) };
    for (const match of findPupilNames(matcher, read, options)) {
      if (!inWord.any(match.start, match.end) || taken.any(match.start, match.end) || plainBlock.any(match.start, match.end)) continue;
      taken.mark(match.start, match.end);
      // Nobody writes a word with digits by chance: a name read so is a name, not an ordinary word.
      disguised.push({ ...match, severity: match.kind === 'name' ? 'block' : match.severity, reason: messageText('name_reason_digits_for_letters') });
    }
  }
  const kept = plain.filter((match) => !taken.any(match.start, match.end));
  return [...kept, ...disguised].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Marked ranges of a text; `any` scans only the range asked about (a name: a few characters). */
class RangeMarks {
  private readonly marks: Uint8Array;

  constructor(length: number) {
    this.marks = new Uint8Array(length);
  }

  mark(start: number, end: number): void {
    this.marks.fill(1, start, end);
  }

  any(start: number, end: number): boolean {
    for (let index = start; index < end; index += 1) if (this.marks[index] === 1) return true;
    return false;
  }
}

/** Words of letters and digits, with both, that are not numbers in use. */
function disguisedWords(text: string, from: number): DisguisedWord[] {
  const words: DisguisedWord[] = [];
  let index = from;
  while (index < text.length) {
    if (!isWordCharacter(text, index)) {
      index += 1;
      continue;
    }
    const start = index;
    let digits = 0;
    while (index < text.length && isWordCharacter(text, index)) {
      if (isDigit(text.charCodeAt(index))) digits += 1;
      index += 1;
    }
    // Most words have no digit: no substring for them.
    if (digits === 0 || digits === index - start || NUMBER_IN_USE.test(text.slice(start, index))) continue;
    // A price ("£5k") or a percentage ("5%s") is a number whatever follows it.
    if (CURRENCY.test(text[start - 1] ?? '') || text[index] === '%') continue;
    words.push({ start, end: index });
  }
  return words;
}

function isDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}

/**
 * Whether code unit `index` is a letter or a digit (WORD_CHARACTER). This runs on every character
 * of every draft: ASCII, nearly all of them, is decided from the code, not by the Unicode regex.
 */
function isWordCharacter(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0x80) return isDigit(unit) || (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a);
  return WORD_CHARACTER.test(text[index] as string);
}

/** `text` with the digits of `words` as letters: the same length, so ranges carry over. */
function readDigits(text: string, words: readonly DisguisedWord[], reading: Readonly<Record<string, string>>): string {
  let read = '';
  let copied = 0;
  for (const word of words) {
    read += text.slice(copied, word.start) + text.slice(word.start, word.end).replace(/[0-9]/g, (digit) => reading[digit] as string);
    copied = word.end;
  }
  return read + text.slice(copied);
}
