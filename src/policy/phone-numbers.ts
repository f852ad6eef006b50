/**
 * Phone numbers found by libphonenumber-js: what the CLI and the background pass to
 * `compilePolicy(snapshot, { findPhoneNumbers })`. Not imported by the content script: with its
 * metadata it is about 36 KB gzipped, most of the content script's budget; the content script
 * uses personal-info's built-in pattern instead.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js/min';
import type { PhoneNumberFinder } from './rule';

/**
 * UK numbers by default, any number written with "+". `extended` accepts numbers of a possible
 * length even where the ranges in the metadata say unallocated (Ofcom's 07700 900xxx): a number
 * someone wrote is personal information whether or not it is in use.
 */
export const findPhoneNumbersWithLibrary: PhoneNumberFinder = (text) =>
  findPhoneNumbersInText(text, { defaultCountry: 'GB', extended: true }).map((found) => {
    const written = text.slice(found.startsAt, found.endsAt);
    // "01234 567890, 12": the library reads ", 12" as an extension; it is the next thing in the list.
    const extension = found.number.ext ? /[,;]\s*\d+$/.exec(written) : null;
    return { start: found.startsAt, end: found.endsAt - (extension ? extension[0].length : 0) };
  });
