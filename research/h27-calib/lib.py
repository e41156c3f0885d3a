import json, math, numpy as np
from collections import defaultdict
EPS = np.finfo(float).eps
def load(path):
    outer, inner = [], []
    for line in open(path):
        if not line.strip(): continue
        o = json.loads(line)
        (outer if o['set']=='outer' else inner).append(o)
    return outer, inner

def midrank(v, s):
    b = np.searchsorted(s, v, 'left'); u = np.searchsorted(s, v, 'right')
    return (b + (u-b)/2)/len(s)
def tailp(c, s, spread, minspread=0.5):
    # s sorted numpy array
    n = len(s); sp = max(minspread, spread if np.isfinite(spread) else 0)
    lo, hi = s[0], s[-1]
    if c > hi: return min(1-EPS, 1-(1-midrank(hi,s))*math.exp(-(c-hi)/sp))
    if c < lo: return max(5e-324, midrank(lo,s)*math.exp(-(lo-c)/sp))
    b = np.searchsorted(s, c, 'left'); u = np.searchsorted(s, c, 'right')
    if u > b: return (b + (u-b)/2)/n
    a = s[b-1]; bb = s[b]; pa = midrank(a,s); pb = midrank(bb,s)
    return pa + (pb-pa)*(c-a)/(bb-a)
def logit(p): return math.log(p/(1-p))
def disp(p): return max(0, min(99, math.floor(p*100+1e-9)))/100

def auroc(scores, pos):
    scores = np.asarray(scores); pos = np.asarray(pos, bool)
    from scipy.stats import rankdata
    r = rankdata(scores); n1 = pos.sum(); n0 = (~pos).sum()
    if n1==0 or n0==0: return float('nan')
    return (r[pos].sum() - n1*(n1+1)/2)/(n1*n0)
def tpr_at(scores, pos, fpr):
    scores = np.asarray(scores); pos=np.asarray(pos,bool)
    h = np.sort(scores[~pos])[::-1]; m = scores[pos]
    best = 0.0
    # thresholds at unique scores
    allv = np.unique(scores)[::-1]
    for t in allv:
        f = (scores[~pos] >= t).mean()
        if f <= fpr + 1e-12: best = max(best, (m >= t).mean())
        else: break
    return best
