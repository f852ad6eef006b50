import { describe, expect, it } from 'vitest';
import { isExpectedOutput } from '../../scripts/build-output-filter.mjs';

describe('the build prints only what is news', () => {
  it.each([
    ['\n WARN  `inlineDynamicImports` option is ignored because `codeSplitting: false` is set.\n'],
    [' WARN  inlineDynamicImports option is ignored because codeSplitting: false is set.'],
    ['[crx:content-scripts-iife] Building 2 content script(s) as IIFE...\n'],
    ['[crx:content-scripts-iife] IIFE build complete\n'],
    ['  ✓ main-world.ts → src/content/main-world.js\n'],
    ['\n'],
  ])('drops %j', (text) => {
    expect(isExpectedOutput(text)).toBe(true);
  });

  it.each([
    ['(!) Some chunks are larger than 2048 kB after minification.'],
    [' WARN  `advancedChunks` option is ignored because `codeSplitting` is set to `false`.'],
    ['error during build: RollupError: Could not resolve "./missing"'],
    ['built dist/chrome and dist/school-post-guard-0.1.0-chrome.zip\n'],
  ])('keeps %j', (text) => {
    expect(isExpectedOutput(text)).toBe(false);
  });
});
