/**
 * Builds the X stand-in (tests/fixtures/x) into tests/fixtures/x/dist with its own vite config,
 * unless dist is already newer than every source file. Call it from a test file's beforeAll (or the
 * demo) before startXServer().
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const X_FIXTURE_ROOT = fileURLToPath(new URL('../../fixtures/x/', import.meta.url));
export const X_FIXTURE_CONFIG = join(X_FIXTURE_ROOT, 'vite.config.ts');
const DIST_INDEX = join(X_FIXTURE_ROOT, 'dist', 'index.html');

/** Newest modification time among the files vite reads: src/, index.html, the config. */
async function newestSourceTime(): Promise<number> {
  let newest = 0;
  const visit = async (path: string): Promise<void> => {
    const info = await stat(path);
    if (info.isDirectory()) {
      for (const entry of await readdir(path)) await visit(join(path, entry));
    } else {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  for (const path of ['src', 'index.html', 'vite.config.ts']) await visit(join(X_FIXTURE_ROOT, path));
  return newest;
}

export interface BuildXFixtureResult {
  outDir: string;
  /** false when dist was up to date and nothing was built. */
  built: boolean;
  milliseconds: number;
}

export async function buildXFixture({ force = false }: { force?: boolean } = {}): Promise<BuildXFixtureResult> {
  const started = Date.now();
  const outDir = join(X_FIXTURE_ROOT, 'dist');
  if (!force && existsSync(DIST_INDEX) && (await stat(DIST_INDEX)).mtimeMs > (await newestSourceTime())) {
    return { outDir, built: false, milliseconds: Date.now() - started };
  }
  // Imported only when a build is due: vite is heavy to load and most runs find dist up to date.
  const { build } = await import('vite');
  await build({ configFile: X_FIXTURE_CONFIG, logLevel: 'warn' });
  return { outDir, built: true, milliseconds: Date.now() - started };
}
