/**
 * warm — the engine's first run, cut into small steps (issue 12: a warm engine without a cost).
 *
 * What: `warmSteps()` returns the work of a first analysis as a list of functions, each a small part of it: the
 * sentence segmenter and a document (language detection, segmentation), then each signal on its own (each builds
 * its tables on first use: the word-rank and n-gram maps, the style models), then the ranking and the words. Run
 * one step per task, a caller (the background) keeps its event loop free between them, so that a page's answers
 * are never kept waiting behind the warm-up; a one-piece warm-up held the service worker for 60-80 ms, during which
 * the first injection's answer waited, and the first real scoring was still cold.
 * In English, then French: a first French page is no colder than an English one.
 * Cost: measured by `npm run bench:page` (the service worker's heap before and after, and the first request after a
 * worker restart). Nothing is kept but what any first analysis builds anyway; the browser stops an idle worker
 * after 30 s, and its memory with it.
 * Texts: written for this file (no data set text).
 */
import { analyse } from './score/analyse';
import { measure } from './score/measure';
import { SIGNALS } from './signals/index';
import { buildDoc } from './text/doc';
import { explain } from './explain/index';
import type { Doc } from './types';

const WARM_EN =
  'The river rose slowly through the night, and by morning the lower road was under water. Nobody in the village ' +
  'had seen it this high since the winter of the big storm, when the bridge went and the school closed for a week. ' +
  'Children stood at the edge of the field and threw sticks into the brown current to watch them spin away. ' +
  "My grandmother said the water always knows where it used to go, and that we had only borrowed the meadow. " +
  'By noon the farmers had moved the sheep to the churchyard, which sits on the only hill for miles, and the ' +
  'baker was handing out bread from an upstairs window. It is important to note that nobody was hurt. ' +
  'In the evening the rain stopped, the clouds broke up over the ridge, and we could hear the frogs again. ' +
  'The next day the road came back, covered in a fine grey silt that smelled of mint and diesel, and the men ' +
  'swept it into piles while the dogs ran in circles and barked at the gulls that had followed the flood inland.';

const WARM_FR =
  "La rivière a monté lentement pendant la nuit, et au matin la route du bas était sous l'eau. Personne au " +
  "village ne l'avait vue si haute depuis l'hiver de la grande tempête, quand le pont était parti et que l'école " +
  'avait fermé une semaine. Les enfants se tenaient au bord du champ et jetaient des bâtons dans le courant brun ' +
  'pour les regarder tourner. Ma grand-mère disait que l’eau sait toujours où elle passait autrefois, et que nous ' +
  "n'avions fait qu'emprunter le pré. À midi, les fermiers avaient mené les moutons au cimetière, qui est sur la " +
  "seule colline à des lieues, et le boulanger distribuait du pain par une fenêtre de l'étage. Il est important " +
  "de noter que personne n'a été blessé. Le soir, la pluie a cessé, les nuages se sont déchirés au-dessus de la " +
  "crête, et nous avons entendu de nouveau les grenouilles. Le lendemain, la route est revenue, couverte d'un limon " +
  'gris et fin qui sentait la menthe et le gazole, et les hommes le balayaient en tas pendant que les chiens ' +
  'couraient en rond.';

/** The texts the warm-up analyses (scripts/bench-cold.ts times the same first run). */
export const WARM_TEXTS = { en: WARM_EN, fr: WARM_FR } as const;

/** The first analysis in small steps, English then French; run one per task. Steps never throw. `repeat`: the
 * texts read that many times over, as paragraphs of one document (about 250 words each time): the same tables, but
 * code run long enough to be optimised as a real page's analysis would leave it — at launch, with no page waiting,
 * 6 took the article's first score step from 58 to 36 ms (bench:page, fresh browser, 7 runs each) for about 0.1 s
 * more of the worker's time; when a request is already on its way, the steps stay short (1). */
export function warmSteps(options: { repeat?: number } = {}): (() => void)[] {
  const repeat = Math.max(1, Math.floor(options.repeat ?? 1));
  const steps: (() => void)[] = [];
  for (const [one, lang] of [[WARM_EN, 'en'], [WARM_FR, 'fr']] as const) {
    const text = Array.from({ length: repeat }, () => one).join('\n\n');
    let doc: Doc | undefined;
    steps.push(() => {
      doc = buildDoc(text);
    });
    for (const s of SIGNALS) steps.push(() => void (doc && measure(doc, [s])));
    steps.push(() => void explain(analyse(text), lang));
  }
  return steps.map((step) => () => {
    try {
      step();
    } catch {
      // warming is best effort: a real analysis reports its own errors
    }
  });
}
