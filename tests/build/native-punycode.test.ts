/**
 * The extension's bundles give twitter-text the browser's own IDNA encoding instead of the
 * `punycode` package (build/native-punycode.js): it must give labels the same ASCII length, which
 * is all twitter-text reads, so URLs — and the hashtags inside them — are found as X finds them.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import nativePunycode from '../../build/native-punycode.js';

const punycode = createRequire(import.meta.url)('../../node_modules/twitter-text/node_modules/punycode/punycode.js') as { toASCII(label: string): string };

describe('the browser stand-in for punycode', () => {
  it.each(['example', 'bücher', 'münchen', 'пример', '例え', 'xn--bcher-kva', 'a'.repeat(63), `${'é'.repeat(40)}x`, 'straße', 'ドメイン名例'])('encodes %s to the same length', (label) => {
    expect(nativePunycode.toASCII(label).length).toBe(punycode.toASCII(label.toLowerCase()).length);
  });
});
