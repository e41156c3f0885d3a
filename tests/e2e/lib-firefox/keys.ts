/**
 * keys — typing into Firefox's browser window (chrome scope, which BiDi reaches with --remote-allow-system-access).
 * API: `typeShortcutInChrome("Alt+Shift+L")` -> an expression to evaluate in the browser window's context.
 */
/**
 * Types a manifest shortcut ("Alt+Shift+L") into the browser window (chrome scope) with nsITextInputProcessor,
 * so that Firefox's own key handling matches it against the extension's <key> and fires commands.onCommand.
 */
export function typeShortcutInChrome(shortcut: string): string {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const mods: Record<string, [string, string, number]> = {
    Alt: ['Alt', 'AltLeft', 18],
    Shift: ['Shift', 'ShiftLeft', 16],
    Ctrl: ['Control', 'ControlLeft', 17],
    MacCtrl: ['Control', 'ControlLeft', 17],
    Command: ['Meta', 'MetaLeft', 224],
  };
  const downs = parts.map((p) => mods[p]).filter(Boolean);
  const main: [string, string, number] = /^[A-Z]$/.test(key) ? [key, `Key${key}`, key.charCodeAt(0)] : /^[0-9]$/.test(key) ? [key, `Digit${key}`, key.charCodeAt(0)] : [key, key, 0];
  return `(() => {
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
    const ev = ([key, code, keyCode]) => new window.KeyboardEvent('', { key, code, keyCode });
    const keys = ${JSON.stringify([...downs, main])}.map(ev);
    for (const k of keys) tip.keydown(k);
    for (const k of [...keys].reverse()) tip.keyup(k);
    return true;
  })()`;
}
