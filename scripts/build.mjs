// Builds dist/chrome and dist/firefox from the one manifest, then zips each for the stores.
import { build } from 'vite';
import { zipSync } from 'fflate';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { withoutExpectedOutput } from './build-output-filter.mjs';

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const { version } = JSON.parse(readFileSync('manifest.json', 'utf8'));

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
