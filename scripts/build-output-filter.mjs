// What the build prints that nobody running it needs to read (scripts/build.mjs).
/**
 * Output that is not news to whoever runs the build, dropped so that a real warning stands out:
 * @crxjs/vite-plugin's content-script build passes `inlineDynamicImports`, which Rolldown ignores
 * (and says so, four times) because the same build sets `codeSplitting: false`; and its progress lines.
 */
export const EXPECTED_OUTPUT = [
  /`?inlineDynamicImports`? option is ignored because `?codeSplitting: false`? is set/,
  /^\[crx:content-scripts-iife\] (Building \d+ content script|IIFE build complete)/,
  /^\s*✓ \S+\.ts → \S+\.js\s*$/,
];

/** Drops expected output from `stream` until the returned function is called. */
export function withoutExpectedOutput(stream) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    if (isExpectedOutput(String(chunk))) return true;
    return write(chunk, ...rest);
  };
  return () => {
    stream.write = write;
  };
}

/** True for a blank write or one of the lines above. */
export function isExpectedOutput(text) {
  return text.trim() === '' || EXPECTED_OUTPUT.some((pattern) => pattern.test(text.trim()));
}
