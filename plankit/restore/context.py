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


_OCR_CTX_MAX_COST = 2.0  # OCR rewrites as cheap as this join two folded forms in one table


def _one_rewrite(folded: str, rules: Iterable[tuple[str, str, float]]) -> set[str]:
    """The folded forms one character rewrite of the OCR table (``ocr`` -> ``real``) makes of ``folded``."""
    out: set[str] = set()
    for ocr, real, cost in rules:
        if cost > _OCR_CTX_MAX_COST:
            continue
        if ocr[0] == "^":
            if folded.startswith(ocr[1:]):
                out.add(real + folded[len(ocr) - 1 :])
            continue
        p = folded.find(ocr)
        while p != -1:
            out.add(folded[:p] + real + folded[p + len(ocr) :])
            p = folded.find(ocr, p + 1)
    out.discard(folded)
    return out


_Tables = dict[str, tuple[tuple[str, ...], dict[str, tuple[float, ...]], dict[str, tuple[float, ...]]]]


def _context_model(lines: Iterable[tuple[str, ...]], text_uni: Counter) -> _Tables:
    """Folded syllable -> (its common real forms, the left and right feature tables)."""
    return _context_models(lines, text_uni, ())[0]


def _context_models(
    lines: Iterable[tuple[str, ...]], text_uni: Counter, rules: Iterable[tuple[str, str, float]]
) -> tuple[_Tables, _Tables]:
    """The wider-context tables by folded form, and those of OCR'd tokens.

    The second is keyed by a folded form as OCR read it: its common real forms with those of
    each common folded form that one cheap OCR rewrite makes of it ("vé": về, and và by
    e -> a), so that the words around an OCR'd "vé" decide between "về" and "và" as they
    decide between "số" and "sở".
    """
    groups: dict[str, list[tuple[str, int]]] = {}
    for w, c in text_uni.items():
        if not w.startswith("<") and w.isalpha():
            groups.setdefault(fold(w), []).append((w, c))
    common: dict[str, list[str]] = {}
    wanted: dict[str, str] = {}
    for f, ws in groups.items():
        total = sum(c for _, c in ws)
        if total < _CTX_MIN_TOTAL:
            continue
        common[f] = [w for w, c in ws if c >= _CTX_MIN_SHARE * total and c >= 3]
        if len(common[f]) >= 2:
            wanted.update((w, f) for w in common[f])
    by_group: dict[str, list[str]] = {}
    for w, f in wanted.items():
        by_group.setdefault(f, []).append(w)
    rules = tuple(rules)
    ocr_groups: dict[str, list[str]] = {}
    for f in common if rules else ():
        others = sorted(g for g in _one_rewrite(f, rules) if g in common)
        if others:
            forms = [*by_group.get(f, common[f])]
            forms += [w for g in others for w in by_group.get(g, common[g]) if w not in forms]
            if len(forms) >= 2:
                ocr_groups[f] = forms
    counted = set(wanted).union(*ocr_groups.values())
    if not counted:
        return {}, {}
    counts: dict[str, Counter] = {w: Counter() for w in counted}
    folds: dict[str, str] = {}
    for keys in lines:
        if not any(k in counted for k in keys):
            continue
        folded = [folds.get(k) or folds.setdefault(k, k if k.startswith("<") else fold(k)) for k in keys]
        for i, k in enumerate(keys):
            if k in counted:
                counts[k].update(context_features(folded, i))
    return _tables(by_group, counts), _tables(ocr_groups, counts)


def _tables(groups: dict[str, list[str]], counts: dict[str, Counter]) -> _Tables:
    out: _Tables = {}
    for f, forms in groups.items():
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
