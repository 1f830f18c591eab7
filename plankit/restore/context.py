"""The wider-context model: naive Bayes over the folded words two to six places away.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from ..text import fold

# ("so": số, sở; "ban": ban, bản; "tinh": tỉnh, tính; "dat": đạt, đất), naive Bayes over the
# folded words two to six places to its left and right (sided bags). The trigram sees one
# word to the right and two to the left; this sees "Giám đốc ... Sở" or "số ... ngày".
_CTX_FAR = 6
_CTX_MIN_TOTAL = 50  # sightings of the folded form in running text
_CTX_MIN_SHARE = 0.1  # a real form rarer than this share of its folded form is left out
_CTX_ALPHA = 0.5  # add-alpha smoothing of the feature counts


def context_features(folded: Sequence[str], i: int) -> list[str]:
    """The features of position ``i`` in a line of folded keys: sided words 2 to 6 away.

    >>> context_features(["giam", "doc", "so", "tu", "phap"], 2)
    ['L:giam', 'R:phap']
    >>> context_features(["can", "cu", "quyet", "dinh", "so", "<d>", "ngay"], 4)[:3]
    ['L:quyet', 'L:cu', 'L:can']
    """
    n = len(folded)
    out = [f"L:{folded[i - d]}" for d in range(2, _CTX_FAR + 1) if i - d >= 0]
    out += [f"R:{folded[i + d]}" for d in range(2, _CTX_FAR + 1) if i + d < n]
    return out


def _context_model(lines: Iterable[tuple[str, ...]], text_uni: Counter) -> dict:
    groups: dict[str, list[tuple[str, int]]] = {}
    for w, c in text_uni.items():
        if not w.startswith("<") and w.isalpha():
            groups.setdefault(fold(w), []).append((w, c))
    wanted: dict[str, str] = {}
    for f, ws in groups.items():
        total = sum(c for _, c in ws)
        common = [w for w, c in ws if c >= _CTX_MIN_SHARE * total and c >= 3]
        if total >= _CTX_MIN_TOTAL and len(common) >= 2:
            wanted.update((w, f) for w in common)
    if not wanted:
        return {}
    counts: dict[str, Counter] = {w: Counter() for w in wanted}
    folds: dict[str, str] = {}
    for keys in lines:
        if not any(k in wanted for k in keys):
            continue
        folded = [folds.get(k) or folds.setdefault(k, k if k.startswith("<") else fold(k)) for k in keys]
        for i, k in enumerate(keys):
            if k in wanted:
                counts[k].update(context_features(folded, i))
    by_group: dict[str, list[str]] = {}
    for w, f in wanted.items():
        by_group.setdefault(f, []).append(w)
    out: dict[str, tuple[tuple[str, ...], dict[str, tuple[float, ...]], dict[str, tuple[float, ...]]]] = {}
    for f, forms in by_group.items():
        logs: list[tuple[dict[str, float], float]] = []
        for w in forms:
            c = counts[w]
            denom = sum(c.values()) + _CTX_ALPHA * (len(c) + 1)
            logs.append(({feat: math.log(n + _CTX_ALPHA) - math.log(denom) for feat, n in c.items()}, math.log(_CTX_ALPHA / denom)))
        # one row per feature seen twice or more with some form: its log likelihood under each
        # form (a form that never saw it gets its smoothed unseen mass)
        feats = {feat for w in forms for feat, n in counts[w].items() if n >= 2}
        left: dict[str, tuple[float, ...]] = {}
        right: dict[str, tuple[float, ...]] = {}
        for feat in feats:
            # keyed by the folded word itself, one table per side: decoding builds no strings
            (left if feat[0] == "L" else right)[feat[2:]] = tuple(table.get(feat, unseen) for table, unseen in logs)
        out[f] = (tuple(forms), left, right)
    return out
