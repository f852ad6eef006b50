/**
 * The optional settings PIN of an unmanaged install: kept only as a salted PBKDF2 hash (WebCrypto),
 * never in clear. It stops a curious member of staff from loosening the rules in the options
 * page; it is not a defence against someone with the browser's developer tools.
 */
import { t } from './i18n';

export interface PinHash {
  /** Base64. */
  salt: string;
  iterations: number;
  /** Base64 of the derived bits. */
  hash: string;
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PIN_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

/** Why `pin` cannot be a PIN, or null when it can. */
export function pinProblem(pin: string): string | null {
  return /^\d{4,12}$/.test(pin) ? null : t('settings_pin_format');
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return { salt: toBase64(salt), iterations, hash: toBase64(await derive(pin, salt, iterations)) };
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const derived = await derive(pin, fromBase64(stored.salt), stored.iterations);
  const expected = fromBase64(stored.hash);
  // Compares every byte whatever the first difference, so timing says nothing about the PIN.
  let difference = derived.length ^ expected.length;
  for (let index = 0; index < derived.length; index += 1) difference |= (derived[index] ?? 0) ^ (expected[index] ?? 0);
  return difference === 0;
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
}
