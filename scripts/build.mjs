// Builds dist/chrome and dist/firefox from the one manifest, then zips each for the stores.
import { build } from 'vite';
import { zipSync } from 'fflate';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const { version } = JSON.parse(readFileSync('manifest.json', 'utf8'));

/**
 * Output that is not news to whoever runs the build, dropped so that a real warning stands out:
 * @crxjs/vite-plugin's content-script build passes `inlineDynamicImports`, which Rolldown ignores
 * (and says so, four times) because the same build sets `codeSplitting: false`; and its progress lines.
 */
const EXPECTED_OUTPUT = [
  /`?inlineDynamicImports`? option is ignored because `?codeSplitting: false`? is set/,
  /^\[crx:content-scripts-iife\] (Building \d+ content script|IIFE build complete)/,
  /^\s*✓ \S+\.ts → \S+\.js\s*$/,
];

function withoutExpectedOutput(stream) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    const text = String(chunk);
    if (text.trim() === '' || EXPECTED_OUTPUT.some((pattern) => pattern.test(text.trim()))) return true;
    return write(chunk, ...rest);
  };
  return () => {
    stream.write = write;
  };
}

for (const target of ['chrome', 'firefox']) {
  process.env.TARGET = target;
  const restore = [withoutExpectedOutput(process.stdout), withoutExpectedOutput(process.stderr)];
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  } finally {
    for (const undo of restore) undo();
  }
  const outDir = join('dist', target);
  const entries = Object.fromEntries(
    // crxjs leaves its own bookkeeping in .vite; the stores do not want it.
    filesUnder(outDir).filter((path) => !path.includes(`${join(outDir, '.vite')}`)).map((path) => [relative(outDir, path).split('\\').join('/'), readFileSync(path)]),
  );
  const zipPath = join('dist', `school-post-guard-${version}-${target}.zip`);
  writeFileSync(zipPath, zipSync(entries, { level: 9 }));
  console.log(`built ${outDir} and ${zipPath}`);
}
