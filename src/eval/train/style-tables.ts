/**
 * style-tables — the shipped tables of the style-lr and style-profile signals, fitted on everything available:
 * assets/style-lr-{en,fr}.json and assets/style-profile-{en,fr}.json (`npm run build:style`, scripts/build-style.ts),
 * and word-predictability's French successor table, assets/lm-fr-next.json (fitted on French HUMAN texts only,
 * src/eval/train/word-predictability.ts).
 *
 * `buildStyleTables(dataDir?)` reads ../shared/data/dev.jsonl and dev2.jsonl (labelled.ts), builds each text's Doc
 * with its labelled language, fits both signals per language (style-lr.ts, style-profile.ts: paired sources only)
 * and returns file name -> JSON text. Each table names what it was fitted on (`source`, `licence`, `trainedOn`:
 * texts per source and label), when (`generated`: the SHA-256 of the two data files, so a re-run on the same data
 * writes the same bytes), and its configuration. Derived figures only: n-gram log-probabilities, coefficients,
 * means, medians, the 50 function words — never text.
 * Limits: the team's current-assistant texts and Brown have one label each, so paired training does not use them
 * (they are not read). French has two paired sources (iu, dissertation), so its tables are thin.
 */
import { MIN_WORDS as PROFILE_MIN_WORDS } from '../../engine/signals/_lib/style-profile-model';
import { buildDoc } from '../../engine/text/doc';
import { fitStyleLr } from './style-lr';
import { fitStyleProfile } from './style-profile';
import { DATA_DIR } from '../sources';
import { loadTrainingTexts, type TrainingText } from './labelled';
import { pairedRows, type TrainRow } from './rows';
import { fitWordPredictability, WORD_PREDICTABILITY_DEFAULTS } from './word-predictability';

const LANGS = ['en', 'fr'] as const;

/** What each data set's texts may be used for, as far as its publishers say (../shared/data/README.md). */
const LICENCES: Record<string, string> = {
  cdb: 'Weixin-Liang/ChatGPT-Detector-Bias (Liang et al. 2023): no licence stated',
  m4: 'mbzuai-nlp/M4 (Wang et al., EACL 2024): no licence stated for the texts',
  fastdetect: 'baoguangsheng/fast-detect-gpt (Bao et al., ICLR 2024): no licence stated for the texts',
  iu: 'iu-ai-research/human-AI-generatedTextCorpus (Schaaff, Schlippe, Mindner): no licence stated',
  l2r: 'ranhli/l2r_data: CC BY 3.0',
  dissertation: 'valentinefleith/plagiarism-checker: repository MIT, human texts scraped from a homework site (rights unclear)',
  orangesum: 'Tixierae/OrangeSum (French news 2011-2020): CC BY-SA 4.0',
};

function describe(rows: readonly TrainRow[], texts: readonly TrainingText[], lang: string, what: string, files: string): { source: string; licence: string; trainedOn: Record<string, Record<string, number>> } {
  const trainedOn: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const s = (trainedOn[r.source] ??= {});
    s[r.label] = (s[r.label] ?? 0) + 1;
  }
  const names = [...new Set(texts.filter((t) => t.lang === lang && trainedOn[t.source]).map((t) => `${t.sourceName} (${t.source})`))].sort();
  return {
    source: `Derived figures only (${what}), fitted by scripts/build-style.ts on the ${lang === 'en' ? 'English' : 'French'} texts of the sources of ${files} that have both human and machine texts (paired training): ${names.join('; ')}. No text is included.`,
    licence: `Derived figures distributed with Mirage Lens. Sources: ${Object.keys(trainedOn).sort().map((s) => LICENCES[s] ?? `${s}: see ../shared/data/README.md`).join('; ')}.`,
    trainedOn,
  };
}

/** The French successor table of word-predictability (assets/lm-fr-next.json): fitted on every French HUMAN text of
 * the data files (human-only sources included: it models human prose, it contrasts nothing). */
function wordPredictabilityTable(rows: readonly TrainRow[], texts: readonly TrainingText[], generated: string, files: string): string {
  const human = rows.filter((r) => r.doc.lang === 'fr' && r.label === 'human');
  const trainedOn: Record<string, Record<string, number>> = {};
  for (const r of human) {
    const s = (trainedOn[r.source] ??= {});
    s[r.label] = (s[r.label] ?? 0) + 1;
  }
  const words = human.reduce((n, r) => n + r.doc.words.length, 0);
  const names = [...new Set(texts.filter((t) => t.lang === 'fr' && t.label === 'human').map((t) => `${t.sourceName} (${t.source})`))].sort();
  const model = fitWordPredictability(human, 'fr');
  const c = WORD_PREDICTABILITY_DEFAULTS;
  return `${JSON.stringify({
    id: 'word-predictability',
    lang: 'fr',
    source: `Derived figures only (successor lists as vocabulary ranks of assets/lm-fr.json, and shares of held-out words per frequency cell), fitted by scripts/build-style.ts on the ${human.length} French human texts (${words} words) of ${files}: ${names.join('; ')}. For the ${c.prevWords} most frequent words of the French unigram list, the successors seen at least ${c.minBigram} time(s) inside a sentence (at most ${c.maxSucc}, likeliest first); one-letter words the list lacks (à, a, y) inserted at their frequency rank in these texts; expected share of words in the top 10/100/1000 after the previous word per (previous-word bin, word bin), ${c.folds}-fold cross-validated over the texts. No text is included.`,
    licence: `Derived figures distributed with Mirage Lens. Sources: ${Object.keys(trainedOn).sort().map((s) => LICENCES[s] ?? `${s}: see ../shared/data/README.md`).join('; ')}.`,
    trainedOn,
    generated,
    config: c,
    ...(model.insert ? { insert: model.insert } : {}),
    next: model.next,
    expect: model.expect,
  })}\n`;
}

/** File name -> JSON text of the four style tables and word-predictability's French table. */
export function buildStyleTables(dataDir = DATA_DIR): Record<string, string> {
  const { texts, files } = loadTrainingTexts(dataDir);
  const generated = `scripts/build-style.ts from ${files.map((f) => `${f.file} (sha256 ${f.sha256.slice(0, 16)}, ${f.texts} texts)`).join(' + ')}`;
  const fileNames = files.map((f) => f.file).join(' + ');
  const rows: TrainRow[] = texts.map((t) => ({ doc: buildDoc(t.text, { lang: t.lang }), label: t.label, source: t.source }));
  const out: Record<string, string> = {};
  for (const lang of LANGS) {
    const own = rows.filter((r) => r.doc.lang === lang);
    const lr = fitStyleLr(own, lang);
    const lrMeta = describe(pairedRows(own), texts, lang, 'quantised n-gram log-probabilities of style tokens', fileNames);
    const { lang: _l1, config: lrConfig, ...lrModel } = lr;
    out[`style-lr-${lang}.json`] = `${JSON.stringify({ id: 'style-lr', lang, ...lrMeta, generated, config: lrConfig, ...lrModel })}\n`;
    const sp = fitStyleProfile(own, lang);
    const spMeta = describe(pairedRows(own.filter((r) => r.doc.words.length >= PROFILE_MIN_WORDS)), texts, lang, 'logistic coefficients, feature means, sds and human medians', fileNames);
    const { lang: _l2, config: spConfig, ...spModel } = sp;
    out[`style-profile-${lang}.json`] = `${JSON.stringify({ id: 'style-profile', lang, ...spMeta, generated, config: spConfig, ...spModel })}\n`;
  }
  out['lm-fr-next.json'] = wordPredictabilityTable(rows, texts, generated, fileNames);
  return out;
}
