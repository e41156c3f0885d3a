import sys, math, numpy as np
from collections import defaultdict
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from lib import *
FLAGS = [0.95,0.97,0.98,0.99,0.995,0.997,0.998,0.999]

def P_min(kinds, m=7):
    ks = sorted(range(len(kinds)), key=lambda i: (kinds[i]['d'], i))[:m]
    return min(kinds[i]['p'] for i in ks)

def choose_threshold(inner_stated_by_source):
    for t in FLAGS:
        if all(len(xs) < 30 or np.mean(np.array(xs) >= t) <= 0.025 for xs in inner_stated_by_source.values()): return t
    return FLAGS[-1]

GROUP_BY = 'source'  # held-out groups: 'source' (as shipped) or 'kind' (source and domain, Brown genre)

def run(outer, inner, P=P_min, C=None, name='', verbose=False, flagrule='stated'):
    """C(text, stated, ctx) -> shown; ctx built per fold from inner texts with their P-stated."""
    byfold_inner = defaultdict(list)
    for o in inner: byfold_inner[o['fold']].append(o)
    res = []
    for fold in sorted(set(o['fold'] for o in outer)):
        inn = byfold_inner[fold]
        for o in inn: o['_st'] = P(o['kinds'])
        bysrc = defaultdict(list)
        for o in inn: bysrc[o['source']].append(o['_st'])
        thr = choose_threshold(bysrc)
        ctx = make_ctx(inn) if C else None
        for o in outer:
            if o['fold'] != fold: continue
            st = P(o['kinds'])
            sh = C(o, st, ctx) if C else st
            res.append(dict(source=o['source'], lang=o['lang'], label=o['label'], stated=st, shown=sh, flag=st >= thr))
    return figures(res, name, verbose)

# default ctx: held-out groups (source, lang) >= 30 with logit values and register centroid
def make_ctx(inn):
    g = defaultdict(list)
    for o in inn:
        s = o['_st']
        if 0 < s < 1: g[(o[GROUP_BY] if GROUP_BY in o else o['source'], o['lang'])].append(o)
    groups = []
    for (src, lang), xs in sorted(g.items()):
        if len(xs) < 30: continue
        v = np.sort(np.array([round(logit(x['_st']),4) for x in xs]))
        regs = np.array([x['reg'] for x in xs])
        groups.append(dict(source=src, lang=lang, v=v, sd=float(np.std(v)), reg=regs.mean(0), regs=regs, n=len(xs)))
    allregs = np.array([o['reg'] for o in inn])
    scale = allregs.std(0); scale[scale==0] = 1
    pts = [(round(logit(o['_st']),4), np.array(o['reg']), o['source'], o['lang']) for o in inn if 0 < o['_st'] < 1]
    return dict(groups=groups, scale=scale, pts=pts)

def C_global_min(o, st, ctx):
    if not (0 < st < 1): return st
    c = logit(st); sh = st
    for g in ctx['groups']:
        p = tailp(c, g['v'], g['sd'])
        sh = min(sh, p)
    return sh

def figures(res, name, verbose):
    srcs = sorted(set(r['source'] for r in res))
    out = {}
    PS = [0.5, 0.8, 0.9, 0.95, 0.99]
    def calib(rs):
        h = [r for r in rs if r['label']=='human']
        if not h: return None, 0
        return [100*np.mean([disp(r['shown']) >= p-1e-9 for r in h]) - 100*(1-p) for p in PS], len(h)
    lines = []
    worst_over = [(-99,None)]*5; worst_abs=[(0,None)]*5
    persrc = {}
    for s in srcs:
        rs = [r for r in res if r['source']==s]
        cal, nh = calib(rs)
        # auroc
        h = [r for r in rs if r['label']=='human']; m = [r for r in rs if r['label']=='machine']
        langs = set(r['lang'] for r in rs)
        if len(h)>=10 and len(m)>=10: pos, neg, kind = m, h, 'w'
        else:
            others = [r for r in res if r['source']!=s and r['lang'] in langs]
            if len(h) >= len(m): pos, neg, kind = [r for r in others if r['label']=='machine'], h, 'x'
            else: pos, neg, kind = m, [r for r in others if r['label']=='human'], 'x'
        num=den=0
        for L in langs:
            p=[r for r in pos if r['lang']==L]; n=[r for r in neg if r['lang']==L]
            if not p or not n: continue
            a = auroc([r['shown'] for r in p+n], [True]*len(p)+[False]*len(n)); num += a*len(p)*len(n); den += len(p)*len(n)
        au = num/den if den else float('nan')
        ffpr = 100*np.mean([r['flag'] for r in h]) if h else float('nan')
        persrc[s] = dict(cal=cal, nh=nh, auroc=au, ffpr=ffpr)
        if cal and nh >= 50:
            for i in range(5):
                if cal[i] > worst_over[i][0]: worst_over[i] = (cal[i], s)
                if abs(cal[i]) > abs(worst_abs[i][0]): worst_abs[i] = (cal[i], s)
    pooled = {}
    for L in ['all','en','fr']:
        rs = [r for r in res if L=='all' or r['lang']==L]
        sc = [r['shown'] for r in rs]; pos = [r['label']=='machine' for r in rs]
        cal,_ = calib(rs)
        top = max(sc); ties = np.mean([x==top for x in sc])
        pooled[L] = dict(auroc=auroc(sc,pos), tpr5=100*tpr_at(sc,pos,0.05), tpr1=100*tpr_at(sc,pos,0.01), cal=cal, ties=100*ties)
    summ = f"{name:34s} AUROC {pooled['all']['auroc']:.3f}/{pooled['en']['auroc']:.3f}/{pooled['fr']['auroc']:.3f} " \
           f"worst {min((v['auroc'],k) for k,v in persrc.items())[0]:.3f} TPR5 {pooled['all']['tpr5']:.1f}/{pooled['en']['tpr5']:.1f}/{pooled['fr']['tpr5']:.1f} " \
           f"TPR1 {pooled['all']['tpr1']:.1f} ties {pooled['all']['ties']:.1f} maxFPR {max(v['ffpr'] for v in persrc.values() if v['ffpr']==v['ffpr']):.1f}\n" \
           f"{'':34s} pooled diff 50/80/90/95/99 " + ' '.join(f"{x:+.1f}" for x in pooled['all']['cal']) + \
           " | worst over 80/90/95 " + ' '.join(f"{worst_over[i][1]}{worst_over[i][0]:+.1f}" for i in (1,2,3)) + \
           " | worst |d| 80/90/95 " + ' '.join(f"{worst_abs[i][1]}{worst_abs[i][0]:+.1f}" for i in (1,2,3))
    print(summ)
    if verbose:
        for s,v in persrc.items():
            if v['cal']: print(f"   {s:13s} n{v['nh']:4d} " + ' '.join(f"{x:+6.1f}" for x in v['cal']) + f"  auroc {v['auroc']:.3f} fpr {v['ffpr']:.1f}")
        print(f"   {'en':13s}       " + ' '.join(f"{x:+6.1f}" for x in pooled['en']['cal']))
        print(f"   {'fr':13s}       " + ' '.join(f"{x:+6.1f}" for x in pooled['fr']['cal']))
    return dict(persrc=persrc, pooled=pooled, res=res)
