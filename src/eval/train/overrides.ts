/**
 * overrides — settings of the trained signals changed for one evaluation run, read from the command line:
 * `--style-lr vocabSize=100,order=3` and `--style-profile l2=0.1,l1=0.1` (`npm run eval -- --protocol loso`,
 * `npx tsx scripts/signal-auroc.ts --by-source --cross-fit`).
 *
 * `parseOverride(id, spec)`: "key=value,key=value" -> a partial config of that trainer, each key checked against
 * the trainer's defaults (STYLE_LR_DEFAULTS, STYLE_PROFILE_DEFAULTS) and each value against the default's type (a
 * number, true/false, or one of the documented words); throws an Error with a one-line message otherwise.
 * `OVERRIDE_OPTIONS`: the option name of each trainer.
 * When: to choose a default under the protocol, one setting at a time; the winner becomes the default in the
 * signal's model file, never an override (the shipped tables and `npm run calibrate` use the defaults only).
 * Limits: `dropMarks` (a list) cannot be set here.
 */
import { STYLE_LR_DEFAULTS, type StyleLrConfig } from '../../engine/signals/_lib/style-lr-model';
import { STYLE_PROFILE_DEFAULTS, type StyleProfileConfig } from '../../engine/signals/_lib/style-profile-model';

export interface TrainerOverrides {
  'style-lr'?: Partial<StyleLrConfig>;
  'style-profile'?: Partial<StyleProfileConfig>;
}

type Id = keyof TrainerOverrides;

/** Command-line option -> trainer id. */
export const OVERRIDE_OPTIONS: Readonly<Record<string, Id>> = { '--style-lr': 'style-lr', '--style-profile': 'style-profile' };

const DEFAULTS: Record<Id, object> = { 'style-lr': STYLE_LR_DEFAULTS, 'style-profile': STYLE_PROFILE_DEFAULTS };
/** Settings that take one of a few words. */
const WORDS: Record<string, readonly string[]> = { mode: ['paired', 'all'] };

export function parseOverride<K extends Id>(id: K, spec: string): NonNullable<TrainerOverrides[K]> {
  const defaults = DEFAULTS[id] as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const part of spec.split(',').filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq > 0 ? part.slice(0, eq) : part;
    const value = eq > 0 ? part.slice(eq + 1) : '';
    if (!Object.hasOwn(defaults, key)) throw new Error(`${id}: unknown setting ${key} (settings: ${Object.keys(defaults).join(', ')})`);
    const d = defaults[key];
    if (typeof d === 'number') {
      if (!/^-?\d+(\.\d+)?([eE]-?\d+)?$/.test(value)) throw new Error(`${id}: ${key} needs a number, not "${value}"`);
      out[key] = Number(value);
    } else if (typeof d === 'boolean') {
      if (value !== 'true' && value !== 'false') throw new Error(`${id}: ${key} needs true or false, not "${value}"`);
      out[key] = value === 'true';
    } else if (WORDS[key]) {
      if (!WORDS[key].includes(value)) throw new Error(`${id}: ${key} needs one of ${WORDS[key].join(', ')}, not "${value}"`);
      out[key] = value;
    } else throw new Error(`${id}: ${key} cannot be set from the command line`);
  }
  if (Object.keys(out).length === 0) throw new Error(`${id}: no setting given (key=value,...)`);
  return out;
}
