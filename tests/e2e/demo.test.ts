/**
 * `npm start` on a machine without a display: the demo runs headless, says in one sentence that the
 * post was blocked and why, and leaves a screenshot. (`npm start` builds first; the test runs the demo on the
 * build `npm test` has just made.)
 */
import { execFile } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOT = `${ROOT}artifacts/demo-blocked.png`;

describe('the headless demo', () => {
  it('prints that the demo post was blocked and saves a screenshot', async () => {
    rmSync(SCREENSHOT, { force: true });
    const env = { ...process.env };
    delete env.DISPLAY;
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/demo.ts'], { cwd: ROOT, env, timeout: 90_000 });
    // One sentence: what was stopped and why, in the guard's words, with no rule id.
    expect(stdout).toMatch(/^Blocked: “Owls: Well done Kai for a brilliant poem!” was not sent, because “Kai” looks like a pupil’s name[^.\n]*\.$/m);
    expect(stdout).not.toMatch(/pupil-name/);
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  }, 120_000);
});
