/**
 * Builds one target per run: TARGET=chrome (default) or TARGET=firefox, into dist/<target>.
 * Both come from the one manifest.json; the Firefox differences are derived here, not hand-kept.
 */
import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';
const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

/** Firefox's gecko id: stable, so managed policy (3rdparty) and updates find the add-on. */
export const GECKO_ID = 'school-post-guard@schoolpostguard.org.uk';

function manifestFor(browser: Target): ManifestV3Export {
  if (browser === 'chrome') return baseManifest as ManifestV3Export;
  const { options_page: optionsPage, minimum_chrome_version: _chromeOnly, ...rest } = baseManifest;
  return {
    ...rest,
    // crxjs turns service_worker into background.scripts for Firefox (event page).
    options_ui: { page: optionsPage, open_in_tab: true },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // 140: the first release that reads data_collection_permissions; MAIN-world content scripts need 128.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as ManifestV3Export;
}

export default defineConfig({
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    // Readable stack traces in bug reports from schools matter more than a few KB.
    sourcemap: false,
    minify: true,
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
  ],
});
