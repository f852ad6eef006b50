/**
 * What `npm run build` ships: both browsers' folders and store zips from the one manifest, the
 * Firefox manifest derived correctly, and Mozilla's add-on linter finding no errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import webExt from 'web-ext';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD, requireBuild } from './support/guarded-browser';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const { version } = JSON.parse(readFileSync(fileURLToPath(new URL('../../manifest.json', import.meta.url)), 'utf8')) as { version: string };

function manifestOf(dir: string): Record<string, unknown> & { background: Record<string, unknown> } {
  return JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as Record<string, unknown> & { background: Record<string, unknown> };
}

/** The isolated-world content script, which loads on every X page (issue 8: ≤ 40 KB gzipped). */
const CONTENT_SCRIPT_BUDGET = 40 * 1024;

describe('the build', () => {
  it('keeps the content script that loads on every X page within 40 KB gzipped, in both builds', () => {
    for (const dir of [CHROME_BUILD, FIREFOX_BUILD]) {
      requireBuild(dir);
      const scripts = (manifestOf(dir).content_scripts as { js: string[]; world?: string }[]).filter((entry) => entry.world !== 'MAIN').flatMap((entry) => entry.js);
      expect(scripts).toHaveLength(1);
      const gzipped = gzipSync(readFileSync(`${dir}/${scripts[0]}`), { level: 9 }).length;
      expect(gzipped, `${dir}/${scripts[0]}: ${(gzipped / 1024).toFixed(1)} KB gzipped`).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
    }
  });

  it('lets no web page load a script of the extension (the watches the background injects included): only the frames X pages show', () => {
    for (const dir of [CHROME_BUILD, FIREFOX_BUILD]) {
      const resources = (manifestOf(dir).web_accessible_resources as { resources: string[]; matches: string[] }[]);
      expect(resources.flatMap((entry) => entry.resources).sort()).toEqual(['src/consent/index.html', 'src/panel/index.html', 'src/panel/marks.html', 'src/reply-panel/index.html']);
      expect(resources.flatMap((entry) => entry.matches).every((match) => /^https:\/\/(\*\.)?(x|twitter)\.com\/\*$/.test(match))).toBe(true);
      expect(existsSync(`${dir}/src/content/moderation-main.js`)).toBe(true);
    }
    // Chrome loads the frames only at a per-session address; Firefox does not know the key (its add-on address is random per install).
    expect((manifestOf(CHROME_BUILD).web_accessible_resources as { use_dynamic_url?: boolean }[]).every((entry) => entry.use_dynamic_url === true)).toBe(true);
    expect((manifestOf(FIREFOX_BUILD).web_accessible_resources as object[]).some((entry) => 'use_dynamic_url' in entry)).toBe(false);
  });

  it('writes dist/chrome and dist/firefox, and a store zip of each holding the same manifest', () => {
    requireBuild(CHROME_BUILD);
    requireBuild(FIREFOX_BUILD);
    for (const target of ['chrome', 'firefox']) {
      const zip = `${DIST}school-post-guard-${version}-${target}.zip`;
      expect(existsSync(zip)).toBe(true);
      const files = unzipSync(readFileSync(zip));
      expect(JSON.parse(new TextDecoder().decode(files['manifest.json']))).toEqual(manifestOf(`${DIST}${target}`));
      expect(Object.keys(files).some((name) => name.startsWith('.vite/'))).toBe(false);
    }
  });

  it('gives Chrome a service worker and Firefox an event page, gecko id, no data collection and options_ui', () => {
    const chrome = manifestOf(CHROME_BUILD);
    const firefox = manifestOf(FIREFOX_BUILD);
    expect(chrome.background.service_worker).toBeTypeOf('string');
    expect(chrome.options_page).toBe('src/options/index.html');
    expect(existsSync(`${CHROME_BUILD}/managed_schema.json`)).toBe(true);
    expect(firefox.background.scripts).toEqual([expect.any(String)]);
    expect(firefox.background.service_worker).toBeUndefined();
    expect(firefox.options_ui).toEqual({ page: 'src/options/index.html', open_in_tab: true });
    expect(firefox.options_page).toBeUndefined();
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: { id: 'school-post-guard@schoolpostguard.org.uk', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    });
  });

  it('ships the photo models inside a store zip of at most 35 MB, with only the WebAssembly permission photo reading needs', () => {
    const zip = readFileSync(`${DIST}school-post-guard-${version}-chrome.zip`);
    // onnxruntime's default build would add WebGPU's 28 MB (vite.config.ts aliases the WebAssembly one).
    expect(zip.byteLength).toBeLessThanOrEqual(35 * 1024 * 1024);
    const names = Object.keys(unzipSync(zip));
    expect(names.filter((name) => name.endsWith('.onnx'))).toHaveLength(2);
    expect(names.some((name) => /tiny_face_detector.*\.bin$/.test(name))).toBe(true);
    for (const manifest of [manifestOf(CHROME_BUILD), manifestOf(FIREFOX_BUILD)]) {
      expect(manifest.content_security_policy).toEqual({ extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" });
    }
    // Chrome reads photos in an offscreen document; Firefox has none (its event page reads them).
    expect(manifestOf(CHROME_BUILD).permissions).toContain('offscreen');
    expect(manifestOf(FIREFOX_BUILD).permissions).not.toContain('offscreen');
    // Chrome's extension pages are cross-origin isolated, so onnxruntime gets threads; the glue
    // script its thread workers start from ships as a file (MV3 refuses the blob: copy).
    expect(manifestOf(CHROME_BUILD)).toMatchObject({ cross_origin_embedder_policy: { value: 'require-corp' }, cross_origin_opener_policy: { value: 'same-origin' } });
    expect(manifestOf(FIREFOX_BUILD).cross_origin_embedder_policy).toBeUndefined();
    expect(names.some((name) => /ort-wasm-simd-threaded.*\.mjs$/.test(name))).toBe(true);
  });

  it('passes web-ext lint on dist/firefox with no errors', async () => {
    requireBuild(FIREFOX_BUILD);
    const result = (await webExt.cmd.lint(
      { sourceDir: FIREFOX_BUILD, output: 'json', selfHosted: false, boring: true, warningsAsErrors: false, pretty: false, metadata: false },
      { shouldExitProgram: false },
    )) as { summary: { errors: number; warnings: number }; errors: { code: string; message: string }[] };
    expect(result.errors.map((error) => `${error.code}: ${error.message}`)).toEqual([]);
    expect(result.summary.errors).toBe(0);
  }, 60_000);
});
