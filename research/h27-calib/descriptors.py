"""H27: the register-conditional checks with a richer "what the text is" than register: + log length, + the shown-only
signals' raw values, + every signal's raw value. Usage: python3 research/h27-calib/descriptors.py .cache/h27/dump-150.jsonl
(the dump must come from scripts/research-h27-calib-dump.ts, which records raw values). Prints pooled figures and, per
human source of 50+ texts, observed - claimed at 80/90/95%."""
import sys, io, contextlib, math, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import load
from frontier import P_min, C_groups, C_mix, C_knn
from ev import run

ALL = ['burstiness', 'compression', 'formulaic', 'function-words', 'lexical-diversity', 'repetition', 'style-lr', 'style-profile', 'word-predictability', 'writer-slips']
SETS = {'register + log words': 'len', 'register + 5 shown signals': ['function-words', 'lexical-diversity', 'formulaic', 'repetition', 'word-predictability'],
        'register + function words': ['function-words'], 'register + every signal': ALL}
outer, inner = load(sys.argv[1] if len(sys.argv) > 1 else '.cache/h27/dump-150.jsonl')
base = {id(o): list(o['reg']) for o in outer + inner}
for sname, extra in SETS.items():
    for o in outer + inner:
        raw = o.get('raw', {})
        o['reg'] = base[id(o)] + ([math.log(o['words'])] if extra == 'len' else [raw.get(k, 0.0) for k in extra])
    for name, C in [('near-3 min', C_groups(m=3)), ('mix h=1', C_mix(1)), ('kNN 150', C_knn(150))]:
        f = io.StringIO()
        with contextlib.redirect_stdout(f): r = run(outer, inner, P=P_min, C=C, name=name)
        big = {s: v for s, v in r['persrc'].items() if v['nh'] >= 50}; A = r['pooled']
        print(f"{sname:28s} {name:11s} pooled {A['all']['cal'][1]:+.1f}/{A['all']['cal'][2]:+.1f}/{A['all']['cal'][3]:+.1f} "
              f"AUROC {A['all']['auroc']:.3f}/{A['en']['auroc']:.3f}/{A['fr']['auroc']:.3f} TPR5 {A['all']['tpr5']:.1f} | "
              + ' '.join(f"{s[:5]}:{v['cal'][1]:+.0f}/{v['cal'][2]:+.0f}/{v['cal'][3]:+.0f}" for s, v in big.items()), flush=True)
