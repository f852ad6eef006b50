import { foldText, originalRange, type NormalisedText } from '../normalise';
import { messageText, type MessageKey } from '../message-text';
import { defineRule, type RuleFinding, type TextRange } from '../rule';

/**
 * The built-in phone pattern, used when no phone library is injected (the content script, to stay
 * small). It reads the folded text (full-width digits as ASCII, every dash as "-", invisible
 * characters gone) and its ranges are mapped back to the draft. A UK number (0 then 9–10 digits,
 * or +44/0044), a UK mobile written without its 0 (7 then 9 digits), or any "+" international
 * number, with one space, dot or hyphen allowed between any two digits ("0 7 7 0 0 …"). Errs
 * towards flagging, but a number may not start inside a longer one written with dots or hyphens
 * ("01.03.2024 10.30" is a date and a time), and a number without its 0 must stand alone
 * ("Classes 7 1999 2000").
 */
const PHONE_PATTERN =
  /(?:(?:\+|\b00)\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?(?:\d[\s.-]?){5,12}\d|(?<!\d[.-]?)\b0[\s.-]?(?:\d[\s.-]?){8,9}\d(?![.-]\d)|\(0\d{2,4}\)\s?(?:\d[\s.-]?){5,7}\d|(?<![\d+][\s.-]?)\b7(?:[\s.-]?\d){9}(?![\s.-]?\d))(?!\d)/g;

function findPhoneNumbersByPattern(normalised: NormalisedText): TextRange[] {
  return [...normalised.text.matchAll(PHONE_PATTERN)].map((match) => originalRange(normalised, match.index, match.index + match[0].length));
}

// E-mail addresses are found from each "@" outwards: a Unicode pattern scanning a long draft is slow.
const LOCAL_PART_CHARACTER = /[\p{L}\p{N}._%+'-]/u;
const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
/** RFC 5321's longest local part and domain. */
const LOCAL_PART_MAX = 64;
const DOMAIN_MAX = 255;

function findEmails(text: string): TextRange[] {
  const found: TextRange[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < LOCAL_PART_MAX && LOCAL_PART_CHARACTER.test(text[start - 1] as string)) start -= 1;
    const domain = start < at ? DOMAIN.exec(text.slice(at + 1, at + 1 + DOMAIN_MAX)) : null;
    if (domain) found.push({ start, end: at + 1 + domain[0].length });
  }
  return found;
}

/** Written in capitals, as postcodes are; "ab1 2cd" in lower case is too easily something else. */
const POSTCODE_PATTERN = /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b/g;

const STREET_WORDS = 'Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Court|Gardens|Grove|Place|Terrace|Hill|Square|Mews|Row|Walk|Rise|Parade|Mead|Meadow|Meadows|Chase|Vale|Green';
/** A house number and a capitalised street name: "12 Acacia Avenue", "4a Mill Lane". */
const ADDRESS_PATTERN = new RegExp(String.raw`\b\d{1,4}[a-zA-Z]?,?[ \t]+(?:\p{Lu}[\p{L}'-]*[ \t]+){1,3}(?:${STREET_WORDS})\b`, 'gu');

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*`;
const DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?:,?\s+\d{4})?|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)`;
/**
 * A date after a birth cue: "DOB 3/4/2016", "born on 12th March 2016", "date of birth: …", or a
 * date with a year shortly after "birthday" ("birthday is 12/03/2016"). The cue is found first, the
 * date then read from there: one pattern for both is slow on a long draft.
 */
const BIRTH_CUE = /\b(?:d\.?o\.?b\b\.?|date of birth|born(?:\s+on)?|(birthday))/gi;
const DATE_RIGHT_AFTER = new RegExp(String.raw`^\s*[:-]?\s*(${DATE})`, 'i');
const DATE_WITH_YEAR_SOON_AFTER = new RegExp(String.raw`^[^.!?\n]{0,20}?(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?\s+\d{4})`, 'i');
/** Enough text after a cue to hold the date. */
const BIRTH_DATE_LOOKAHEAD = 60;

const messages = {
  phone: 'rule_personal_info_phone',
  email: 'rule_personal_info_email',
  postcode: 'rule_personal_info_postcode',
  address: 'rule_personal_info_address',
  birthDate: 'rule_personal_info_birth_date',
  fix: 'rule_personal_info_fix',
} satisfies Record<string, MessageKey>;

/** The sentences that say what was found, each filled with the words found. */
type FoundKey = (typeof messages)[Exclude<keyof typeof messages, 'fix'>];

/** "+44 (0)1582 123456", "01582 123456" and "０１５８２ １２３４５６" are one number. */
function phoneKey(written: string): string {
  const phone = foldText(written);
  const digits = phone.replace(/\D/g, '');
  const international = /^\s*(?:\+|00)44/.test(phone) ? digits.replace(/^(?:00)?44/, '') : null;
  return international === null ? digits : `0${international.replace(/^0/, '')}`;
}

export const rule = defineRule({
  meta: {
    id: 'personal-info',
    defaultLevel: 'block',
    levels: ['off', 'warn', 'block'],
    policySentence: 'policy_personal_information',
    messages,
    checksReplies: true,
  },
  check(draft, context) {
    const { text } = draft;
    const { snapshot } = context.policy;
    const schoolPhones = new Set(snapshot.schoolPhones.map(phoneKey));
    const schoolEmails = new Set(snapshot.schoolEmails.map(foldText));
    const normalised = context.normalisedText;
    const findings: RuleFinding[] = [];
    const report = (range: TextRange, message: FoundKey) => {
      if (findings.some((finding) => range.start < finding.end && finding.start < range.end)) return;
      findings.push({ severity: 'block', ...range, target: { kind: 'text' }, message: messageText(message, text.slice(range.start, range.end)), fix: messageText(messages.fix) });
    };

    // In the folded text, so "mum＠ｇｍａｉｌ.com" is read as the address it shows.
    for (const range of findEmails(normalised.text)) {
      if (!schoolEmails.has(normalised.text.slice(range.start, range.end))) report(originalRange(normalised, range.start, range.end), messages.email);
    }
    for (const cue of text.matchAll(BIRTH_CUE)) {
      const cueEnd = cue.index + cue[0].length;
      const date = (cue[1] ? DATE_WITH_YEAR_SOON_AFTER : DATE_RIGHT_AFTER).exec(text.slice(cueEnd, cueEnd + BIRTH_DATE_LOOKAHEAD));
      const written = date?.[1];
      if (date && written) report({ start: cueEnd + date[0].length - written.length, end: cueEnd + date[0].length }, messages.birthDate);
    }
    const { findPhoneNumbers } = context.policy;
    for (const range of findPhoneNumbers ? findPhoneNumbers(text) : findPhoneNumbersByPattern(normalised)) {
      if (!schoolPhones.has(phoneKey(text.slice(range.start, range.end)))) report(range, messages.phone);
    }
    for (const match of text.matchAll(POSTCODE_PATTERN)) report({ start: match.index, end: match.index + match[0].length }, messages.postcode);
    for (const match of text.matchAll(ADDRESS_PATTERN)) report({ start: match.index, end: match.index + match[0].length }, messages.address);
    return findings.sort((a, b) => a.start - b.start);
  },
});
