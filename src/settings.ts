/**
 * settings — the reader's preferences, with defaults, kept in `storage.sync`.
 *
 * What: `Settings` (sensitivity, legend on/off, sites analysed automatically), `DEFAULT_SETTINGS`, `sanitise` (any
 * stored value -> valid Settings, unknown keys dropped), `loadSettings`, `saveSettings`, `watchSettings`.
 * Privacy: storage.sync holds these settings only, never page text or results (those live in memory and in
 * storage.session, which the browser never writes to disk or syncs).
 * Defaults and why:
 * - sensitivity 'medium': the engine's default levels (src/engine/score/levels.ts).
 * - showLegend true: a highlight without its legend invites a misreading.
 * - alwaysOrigins []: nothing is analysed without being asked; a site is added only with its host permission.
 */
import { browser } from 'wxt/browser';
import type { Sensitivity } from './engine';

export interface Settings {
  sensitivity: Sensitivity;
  showLegend: boolean;
  /** Origins ('https://example.org') analysed on every visit; each needs its optional host permission. */
  alwaysOrigins: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  sensitivity: 'medium',
  showLegend: true,
  alwaysOrigins: [],
});

export const SENSITIVITIES: readonly Sensitivity[] = ['low', 'medium', 'high'];
const KEY = 'settings';
const MAX_ORIGINS = 500;

export function isSensitivity(x: unknown): x is Sensitivity {
  return x === 'low' || x === 'medium' || x === 'high';
}

/** 'https://example.org' for an http(s) URL, else undefined. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The match pattern that grants one origin ('https://example.org/*'). Firefox's match patterns cannot name a port:
 * 'http://127.0.0.1:8080/*' is accepted and granted there, yet matches no page. So where ports cannot be named
 * (`portsInPatterns` false: the Firefox build) the pattern names the host alone and covers its every port; the list
 * of sites still holds the exact origin, so only that origin is analysed on its own.
 */
export function originPattern(origin: string, portsInPatterns = !import.meta.env.FIREFOX): string {
  if (portsInPatterns) return `${origin}/*`;
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

export function sanitise(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const origins = Array.isArray(r.alwaysOrigins)
    ? [...new Set(r.alwaysOrigins.filter((o): o is string => typeof o === 'string' && originOf(o) === o))]
    : [];
  return {
    sensitivity: isSensitivity(r.sensitivity) ? r.sensitivity : DEFAULT_SETTINGS.sensitivity,
    showLegend: typeof r.showLegend === 'boolean' ? r.showLegend : DEFAULT_SETTINGS.showLegend,
    alwaysOrigins: origins.slice(0, MAX_ORIGINS),
  };
}

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.sync.get(KEY);
  return sanitise(got[KEY]);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = sanitise({ ...(await loadSettings()), ...patch });
  await browser.storage.sync.set({ [KEY]: next });
  return next;
}

/** Calls `listener` with the new settings whenever they change; returns the function that stops listening. */
export function watchSettings(listener: (s: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && KEY in changes) listener(sanitise(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
