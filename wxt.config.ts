import { defineConfig } from 'wxt';

// Build configuration. The shipped build asks for no host permission at install; the e2e test build
// (MIRAGE_E2E=1) adds http://127.0.0.1/* so that Playwright can drive it without a user gesture.
const e2e = process.env.MIRAGE_E2E === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: e2e ? '.output-e2e' : '.output',
  // __MIRAGE_E2E__: test-only hooks in the content script (debug counters, forced failures); false in shipped builds.
  // Workers as ES modules, so that a worker can load parts on demand (the file worker imports pdf.js only when a PDF
  // arrives); both workers are started with { type: 'module' }.
  vite: () => ({ define: { __MIRAGE_E2E__: JSON.stringify(e2e) }, worker: { format: 'es' } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus'],
    // Per-site "always analyse here": one origin at a time, requested from the popup. MV2 (Firefox) spells it
    // optional_permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    ...(e2e ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Toolbar icon (WXT fills `icons` from public/icon/; the button gets its own sizes; MV2 -> browser_action).
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } },
    commands: {
      'toggle-analysis': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_cmd_toggle__' },
    },
    // No network from any extension page: connect-src 'none' (the engine and its tables are bundled).
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'self'; connect-src 'none'"
        : { extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'mirage-lens@example.org',
              strict_min_version: '142.0', // data_collection_permissions (and the Custom Highlight API) need recent Firefox
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
