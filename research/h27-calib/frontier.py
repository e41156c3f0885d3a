"""H27 (issue 9, item 2): the frontier of placement rules (P) and held-out checks (C), replayed from the dump.

Usage (from the repository root):
  npx tsx scripts/research-h27-calib-dump.ts 150        # .cache/h27/dump-150.jsonl, about 40 s
  python3 research/h27-calib/frontier.py .cache/h27/dump-150.jsonl [--grid]
The replay of P = lowest of the 7 nearest kinds and C = global lowest (the shipped rule) gives exactly the figures
of `npm run eval -- --protocol loso --gate 150`; every other row changes only P and C.
"""
import io, contextlib, math, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np
from lib import load, logit, tailp
from ev import run, P_min

def regd(a, b, scale): return float((((np.asarray(a) - np.asarray(b)) / scale) ** 2).sum())
def nearest(kinds, m): return sorted(range(len(kinds)), key=lambda i: (kinds[i]['d'], i))[:m]

# ---- placements P(kinds) -> stated
def P_kth(m=7, k=1):
    def P(kinds):
        ps = sorted(kinds[i]['p'] for i in nearest(kinds, m)); return ps[min(k, len(ps)) - 1]
    return P
def P_mean(m=7):
    return lambda kinds: float(np.mean([kinds[i]['p'] for i in nearest(kinds, m)]))
def P_wmix(h):
    def P(kinds):
        ks = nearest(kinds, 99); d0 = kinds[ks[0]]['d']
        w = np.array([math.exp(-(kinds[i]['d'] - d0) / h) for i in ks]); p = np.array([kinds[i]['p'] for i in ks])
        return float(w @ p / w.sum())
    return P

# ---- checks C(text, stated, ctx) -> shown; ctx['groups'] = held-out groups of the fold (ev.make_ctx), one per source and
# language as shipped, or per kind (source and domain, Brown genre: rows marked 'kind')
def C_groups(m=None, k=1, delta=0.0, rho=0.0):
    """k-th lowest percentile among the held-out groups (all, or the m register-nearest), plus an absolute (delta) or
    relative (rho) tolerance, never above the stated percentile."""
    def C(o, st, ctx):
        if not (0 < st < 1): return st
        c = logit(st); gs = ctx['groups']
        if m is not None: gs = sorted(gs, key=lambda g: regd(o['reg'], g['reg'], ctx['scale']))[:m]
        ps = sorted(tailp(c, g['v'], g['sd']) for g in gs)
        v = ps[min(k, len(ps)) - 1]
        v = 1 - (1 - v) / (1 + rho) if rho else v + delta
        return min(st, v)
    return C
def C_mix(h, lower_only=False, same_lang=False):
    """Register-conditional PIT: the held-out groups' percentiles averaged with weights exp(-distance/h)."""
    def C(o, st, ctx):
        if not (0 < st < 1): return st
        c = logit(st); ws = []; ps = []
        for g in ctx['groups']:
            if same_lang and g['lang'] != o['lang']: continue
            ws.append(math.exp(-regd(o['reg'], g['reg'], ctx['scale']) / h)); ps.append(tailp(c, g['v'], g['sd']))
        ws = np.array(ws)
        if ws.sum() == 0: ws = np.ones_like(ws)
        sh = float(ws @ np.array(ps) / ws.sum())
        return min(st, sh) if lower_only else sh
    return C
def C_knn(K):
    """PIT among the K register-nearest held-out texts (all groups pooled)."""
    def C(o, st, ctx):
        if not (0 < st < 1): return st
        d = np.array([regd(o['reg'], p[1], ctx['scale']) for p in ctx['pts']])
        v = np.sort(np.array([ctx['pts'][i][0] for i in np.argsort(d, kind='stable')[:K]]))
        return tailp(logit(st), v, float(np.std(v)))
    return C

def rec(outer, inner, name, P, C, by='source'):
    import ev
    ev.GROUP_BY = by
    f = io.StringIO()
    with contextlib.redirect_stdout(f): r = run(outer, inner, P=P, C=C, name=name)
    ps = r['persrc']; big = {s: v for s, v in ps.items() if v['nh'] >= 50}
    over = [max(v['cal'][i] for v in big.values()) for i in (1, 2, 3)]
    within = sum(abs(v['cal'][i]) <= 5 + 1e-9 for v in big.values() for i in (1, 2, 3))
    ell = max(ps['ellipse']['cal'][1:4]); pool = r['pooled']['all']['cal']; A = r['pooled']
    ok = all(x <= 5 for x in over) and ell <= 2
    print(f"{'OK ' if ok else '   '}{name:30s} over {over[0]:+5.1f} {over[1]:+5.1f} {over[2]:+5.1f} ell {ell:+5.1f} cells±5 {within:2d}/{3*len(big)} | "
          f"pooled {pool[1]:+5.1f} {pool[2]:+5.1f} {pool[3]:+5.1f} | AUROC {A['all']['auroc']:.3f}/{A['en']['auroc']:.3f}/{A['fr']['auroc']:.3f} "
          f"worst {min(v['auroc'] for v in ps.values()):.3f} | TPR5 {A['all']['tpr5']:.1f}/{A['en']['tpr5']:.1f}/{A['fr']['tpr5']:.1f} TPR1 {A['all']['tpr1']:.1f} "
          f"| flagFPR max {max(v['ffpr'] for v in ps.values() if v['ffpr'] == v['ffpr']):.1f} ties {A['all']['ties']:.1f}", flush=True)
    return r

if __name__ == '__main__':
    outer, inner = load(sys.argv[1] if len(sys.argv) > 1 else '.cache/h27/dump-150.jsonl')
    print('columns: over-claim at 80/90/95 (worst human source >= 50 texts), ellipse worst of 80/90/95, source-level cells within 5 points,'
          ' pooled diff at 80/90/95, AUROC all/en/fr and worst source, TPR at 5% FPR all/en/fr, TPR at 1%, worst flag FPR, ties at the top')
    rows = [('P min7 | C none (0.2.1)', P_min, None), ('P min7 | C global min (0.3.0)', P_min, C_groups()),
            ('P min7 | C near-5 min', P_min, C_groups(m=5)), ('P min7 | C near-7 min', P_min, C_groups(m=7)),
            ('P min7 | C 2nd lowest', P_min, C_groups(k=2)), ('P min7 | C global min +0.03', P_min, C_groups(delta=0.03)),
            ('P min7 | C global min x1.2', P_min, C_groups(rho=0.2)), ('P min7 | C mix PIT h=2', P_min, C_mix(2)),
            ('P min7 | C mix PIT h=0.5', P_min, C_mix(0.5)), ('P min7 | C mix PIT equal', P_min, C_mix(1e9)),
            ('P min7 | C kNN PIT K=150', P_min, C_knn(150)), ('P min7 | C mix h=1 lower', P_min, C_mix(1, lower_only=True)),
            ('P mean7 | C global min', P_mean(7), C_groups()), ('P mean7 | C gmin +0.02', P_mean(7), C_groups(delta=0.02)),
            ('P 3rd of 7 | C global min', P_kth(7, 3), C_groups()), ('P min3 | C global min', P_kth(3, 1), C_groups()),
            ('P wmix h=1 | C global min', P_wmix(1.0), C_groups()),
            ('P min7 | C kind: global min', P_min, C_groups(), 'kind'), ('P min7 | C kind: near-8 min', P_min, C_groups(m=8), 'kind'),
            ('P min7 | C kind: near-12 min', P_min, C_groups(m=12), 'kind'), ('P min7 | C kind: 2nd lowest', P_min, C_groups(k=2), 'kind'),
            ('P min7 | C kind: mix PIT h=1', P_min, C_mix(1), 'kind')]
    if '--grid' in sys.argv:
        Ps = {'min7': P_min, 'min5': P_kth(5), 'min3': P_kth(3), 'min1': P_kth(1), '2nd7': P_kth(7, 2), '3rd7': P_kth(7, 3), 'mean7': P_mean(7), 'mean3': P_mean(3), 'wmix1': P_wmix(1.0), 'wmix.3': P_wmix(0.3)}
        Cs = {'none': None, 'gmin': C_groups(), 'g2nd': C_groups(k=2), 'near3': C_groups(m=3), 'near5': C_groups(m=5), 'near7': C_groups(m=7), 'gmin+.02': C_groups(delta=0.02), 'gmin+.04': C_groups(delta=0.04)}
        rows = [(f'P {pn} | C {cn}', P, C) for pn, P in Ps.items() for cn, C in Cs.items()]
    for row in rows: rec(outer, inner, *row)
