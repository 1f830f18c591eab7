"""Decoding a line: wider-context evidence, Viterbi over syllable trigrams, confidences."""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence

from ..text import fold
from .context import _CTX_FAR
from .lm import _BOS, Model
from .tokens import _Tok

_BEAM = 8  # Viterbi states kept per token
_BEAM_MARGIN = 10.0  # ... none further than this (log) behind the best: it never catches up

# -- wider context ---------------------------------------------------------------------------

_CONTEXT_WEIGHT = 0.1  # weight of the wider-context log likelihoods against the trigram's
_CONTEXT_CLIP = 3.0  # no wider context outweighs the trigram by more than this (log)


def _apply_context(
    model: Model, toks: list[_Tok], folded: str | None = None, offset: int = 0, ocr: bool = False
) -> None:
    """Add the wider-context model's evidence to the channel score of ambiguous tokens.

    In OCR'd text a token whose candidates fold to several forms (``vé``: ``về``, ``và``)
    is weighed with the OCR tables (:attr:`Model.ocr_context`), which hold them all.

    The features are those of :func:`~plankit.restore.context.context_features`: the folded
    words two to six places to the left and to the right, sliced from one list per line.
    ``folded`` is the line folded (:func:`~plankit.text.fold` keeps offsets), ``offset`` where
    the line starts: each word's key is sliced from it instead of folded on its own.
    """
    tables = model.context
    ocr_tables = model.ocr_context if ocr else {}
    if not tables and not ocr_tables:
        return
    keys: list[str] = []
    append = keys.append
    targets: list[tuple[int, _Tok, tuple]] = []  # (place in keys, token, its table)
    # the line is lowered once: a slice of it is the word lowered, unless a letter lowers to two
    # (İ) or by its place (Σ, final or not)
    lowered = False
    if folded is not None and "Σ" not in folded:
        low = folded.lower()
        if len(low) == len(folded):
            folded, lowered = low, True
    for tok in toks:
        kind = tok.kind
        if kind == "word":
            s = tok.surface
            if s.isdigit():
                append("<n>")
                continue
            if lowered:
                k = folded[tok.start - offset : tok.end - offset]
            else:
                k = (fold(s) if folded is None else folded[tok.start - offset : tok.end - offset]).lower()
            if tok.fixed_output is None and len(cands := tok.cands) > 1:
                table = None
                if ocr_tables and k in ocr_tables:
                    # a candidate that folds otherwise than the word as read (an OCR repair):
                    # the folded forms of a word's candidates are worked out once per word
                    folds = getattr(cands, "folds", None)
                    if folds is None:
                        folds = {fold(c[1]) for c in cands}
                    if len(folds) > 1 or k not in folds:
                        table = ocr_tables[k]
                    elif tables:
                        table = tables.get(k)
                elif tables:
                    table = tables.get(k)
                if table is not None:
                    targets.append((len(keys), tok, table))
            append(k)
        elif kind in ("doc", "keep", "slash"):
            append("<d>")
        elif kind == "lead":
            append("<n>")
        elif k := tok.cands[0][0]:
            append(k)
    far = _CTX_FAR
    clip, low, cw = _CONTEXT_CLIP, -_CONTEXT_CLIP, _CONTEXT_WEIGHT
    # plain loops, no comprehensions: each would be a call of its own, several per token
    for pos, tok, (forms, left, right) in targets:
        # only what some real form was seen with: an unseen feature says nothing, and would
        # favour the rarer form (its smoothed mass is larger). The features' rows in order,
        # left then right (map and filter: no loop of bytecode per feature)
        hits = list(filter(None, map(left.get, keys[max(0, pos - far) : max(0, pos - 1)])))
        hits += filter(None, map(right.get, keys[pos + 2 : pos + far + 1]))
        if not hits:
            continue
        # each form's sum in the order of the features, as sum() over a column adds
        sums = list(map(sum, zip(*hits, strict=True))) if len(hits) > 1 else hits[0]
        mean = sum(sums) / len(sums)
        bonus = {}
        for form, sc in zip(forms, sums, strict=True):
            x = cw * (sc - mean)  # clipped to [-clip, clip], as max(low, min(clip, x))
            bonus[form] = clip if x > clip else (low if x < low else x)
        cands = []
        for c in tok.cands:
            b = bonus.get(c[0])
            cands.append(c if b is None else (c[0], c[1], c[2] + b, c[3]))
        tok.cands = cands


# -- decoding ----------------------------------------------------------------------------------


_MASK = (1 << 20) - 1
_NEG = -math.inf  # below every score: the first path into a state always takes it


def _decode(model: Model, toks: Sequence[_Tok], bonus: dict[int, str], weight: float = 0.0) -> list[int]:
    """Viterbi over (previous id, id) states, pruned to the best ``_BEAM``; returns choices.

    A state is ``v << 20 | w``; trigram and bigram keys are built by shifting (see
    :class:`~plankit.restore_model.Model`), so the inner loop allocates no tuples. A token
    with one candidate (punctuation, a number, an unambiguous syllable) takes a shorter path.
    The shortcuts are exact: the choices are those of scoring every state and candidate in
    order, ties included (``tests/test_restore_decode.py`` holds that plain search).

    The way back is kept per step as cheaply as the step allows: the one state before (one
    state, one candidate), a dict next state -> state before (one candidate), or, for several
    candidates, the first state ending in each ``v`` (it reached every ``(v, w)`` first) with
    a dict of the next states a later state took from it.
    """
    bi_get, uni, bow_bi_get = model.bi.get, model.uni_by_id, model.bow_bi.get
    follow_get = model.follow.get
    mask = _MASK
    neg = _NEG
    beam = _BEAM
    margin = _BEAM_MARGIN
    score = _score
    steps = [i for i, t in enumerate(toks) if t.cands[0][0]]
    choice = [0] * len(toks)
    if not steps:
        return choice
    bos = model.ids[_BOS]
    states: dict[int, float] = {bos << 20 | bos: 0.0}
    # per step: an int (the one state before), a dict (next state -> state before, one
    # candidate), or (first state by v, next state -> state << 8 | candidate, candidates)
    back: list = []
    append = back.append
    for i in steps:
        cands = toks[i].cands
        pref = bonus.get(i) if bonus else None
        if len(cands) == 1:
            # one candidate: each state moves to (v, w); states sharing v compete
            key, _out, ch, w = cands[0]
            if pref is not None and key == pref:
                ch += weight
            if len(states) == 1:
                # one state moves to one state: no competition
                for st, sc in states.items():
                    v = st & mask
                    ns = (v << 20) | w
                    seen = follow_get(st)
                    if seen is None:
                        b = bi_get(ns)
                        lp = bow_bi_get(v, 0.0) + uni[w] if b is None else b
                    elif (lp := seen[2].get(w)) is None:
                        b = bi_get(ns)
                        lp = seen[0] + b if b is not None else seen[1] + uni[w]
                    states = {ns: sc + ch + lp}
                    append(st)
                continue
            uw = uni[w]
            new: dict[int, float] = {}
            new_get = new.get
            bp: dict[int, int] = {}
            for st, sc in states.items():
                v = st & mask
                ns = (v << 20) | w
                seen = follow_get(st)
                if seen is None:
                    b = bi_get(ns)
                    lp = bow_bi_get(v, 0.0) + uw if b is None else b
                elif (lp := seen[2].get(w)) is None:
                    b = bi_get(ns)
                    lp = seen[0] + b if b is not None else seen[1] + uw
                sc += ch + lp
                if sc > new_get(ns, neg):
                    new[ns] = sc
                    bp[ns] = st
            states = new
            append(bp)
            continue
        new = {}
        new_get = new.get
        bp = {}
        # a candidate the reference added (reference._reference_bonus) may share its id with
        # another (both unknown to the model): then every state competes, as below
        direct = pref is None or len({c[3] for c in cands}) == len(cands)
        if pref is not None:
            cands = [(c[0], c[1], c[2] + weight, c[3]) if c[0] == pref else c for c in cands]
        # Several candidates. The first state ending in v is the first to reach each (v, w):
        # its scores are written as they are (when the candidate ids are distinct, as
        # _word_candidates makes them), and it is kept once in ``firsts`` as the way back of
        # them all. A later state ending in the same v competes; for it the bigram part of
        # the step (v, then each candidate) is looked up once per v, in ``rows``.
        # A state whose context no trigram has scores each (v, w) as its score plus the same
        # sum: after another such state ending in v with a score as high, it wins nothing.
        firsts: dict[int, int] = {}
        rows: dict[int, list[tuple[int, int, float, float | None, float, float, int]]] = {}
        plain: dict[int, float] = {}  # v -> the best score of such a state ending in v
        for st, sc in states.items():
            v = st & mask
            seen = follow_get(st)
            if direct and v not in firsts:
                firsts[v] = st
                bctx = v << 20
                if seen is None:  # no trigram has this context: skip their lookups
                    plain[v] = sc
                    bo = bow_bi_get(v, 0.0)
                    for _key, _out, ch, w in cands:
                        ns = bctx | w
                        b = bi_get(ns)
                        new[ns] = sc + (ch + bo + uni[w] if b is None else ch + b)
                    continue
                # what an unseen trigram after this state keeps of the bigram (unigram)
                bo1, bo2, fol = seen
                fol_get = fol.get
                for _key, _out, ch, w in cands:
                    ns = bctx | w
                    lp = fol_get(w)
                    if lp is not None:
                        new[ns] = sc + ch + lp
                    elif (b := bi_get(ns)) is not None:
                        new[ns] = sc + bo1 + (ch + b)
                    else:
                        new[ns] = sc + bo2 + (ch + uni[w])
                continue
            if seen is None:
                if sc <= plain.get(v, neg):
                    continue
                plain[v] = sc
            packed = st << 8
            row = rows.get(v)
            if row is None:
                # per candidate: id, next state, channel score, channel + bigram log prob
                # (None: unseen), channel + its log prob after a context never seen as a
                # trigram context, channel + unigram log prob (the sums made as above)
                bctx = v << 20
                bo = bow_bi_get(v, 0.0)
                row = rows[v] = []
                for j, (_key, _out, ch, w) in enumerate(cands):
                    ns = bctx | w
                    b = bi_get(ns)
                    if b is None:
                        row.append((w, ns, ch, None, ch + bo + uni[w], ch + uni[w], j))
                    else:
                        row.append((w, ns, ch, ch + b, ch + b, ch + uni[w], j))
            if seen is None:
                for _w, ns, _ch, _b, lp, _u, j in row:
                    sc2 = sc + lp
                    if sc2 > new_get(ns, neg):
                        new[ns] = sc2
                        bp[ns] = packed | j
                continue
            bo1, bo2, fol = seen
            fol_get = fol.get
            for w, ns, ch, b, _lp, u, j in row:
                lp = fol_get(w)
                if lp is not None:
                    sc2 = sc + ch + lp
                elif b is not None:
                    sc2 = sc + bo1 + b
                else:
                    sc2 = sc + bo2 + u
                if sc2 > new_get(ns, neg):
                    new[ns] = sc2
                    bp[ns] = packed | j
        append((firsts, bp, cands))
        # the beam: the best ``_BEAM`` states (sorted is stable: ties keep their order, as
        # nlargest), none more than ``_BEAM_MARGIN`` behind the best
        if len(new) > 1:
            ranked = sorted(new.items(), key=score, reverse=True)
            del ranked[beam:]
            floor = ranked[0][1] - margin
            if ranked[-1][1] >= floor:
                new = dict(ranked)
            else:
                new = {k: sc for k, sc in ranked if sc >= floor}
        states = new
    state = max(states, key=states.__getitem__)
    for n in range(len(steps) - 1, -1, -1):
        way = back[n]
        if way.__class__ is int:  # one state before, one candidate
            state = way
        elif way.__class__ is dict:  # one candidate
            state = way[state]
        else:
            firsts, bp, cands = way
            packed = bp.get(state)
            if packed is None:  # reached first by the first state ending in its v
                w = state & mask
                j = 0
                while cands[j][3] != w:
                    j += 1
                choice[steps[n]] = j
                state = firsts[state >> 20]
            else:
                choice[steps[n]] = packed & 0xFF
                state = packed >> 8
    return choice


_score = operator.itemgetter(1)


def _scores(model: Model, cands: Sequence[tuple[str, str, float, int]], u: int, v: int, x: int, y: int) -> list[float]:
    """Each candidate's channel score plus the log probabilities of ``u v w``, ``v w x``, ``w x y``.

    ``x`` (and ``y``) is -1 at the end of the line. Each term is :meth:`Model.logprob`.
    """
    tri, bi, uni = model.tri, model.bi, model.uni_by_id
    bow_tri, bow_bi = model.bow_tri, model.bow_bi
    # u v w: one context for every candidate
    uv = u << 20 | v
    bo1, bo2 = bow_tri.get(uv) or (0.0, bow_bi.get(v, 0.0))
    tctx, bctx = uv << 20, v << 20
    if y >= 0:  # w x y: the bigram x y is the same for every candidate
        bxy = bi.get(x << 20 | y)
        x_bo = bow_bi.get(x, 0.0)
        uni_y = uni[y]
    scores = []
    for _key, _out, ch, w in cands:
        lp = tri.get(tctx | w)
        if lp is None:
            b = bi.get(bctx | w)
            lp = bo1 + b if b is not None else bo2 + uni[w]
        s = ch + lp
        if x >= 0:
            vw = v << 20 | w
            lp = tri.get(vw << 20 | x)
            if lp is None:
                c1, c2 = bow_tri.get(vw) or (0.0, bow_bi.get(w, 0.0))
                b = bi.get(w << 20 | x)
                lp = c1 + b if b is not None else c2 + uni[x]
            s += lp
            if y >= 0:
                wx = w << 20 | x
                lp = tri.get(wx << 20 | y)
                if lp is None:
                    c1, c2 = bow_tri.get(wx) or (0.0, x_bo)
                    lp = c1 + bxy if bxy is not None else c2 + uni_y
                s += lp
        scores.append(s)
    return scores


def _confidences(
    model: Model, toks: Sequence[_Tok], choice: list[int], bonus: dict[int, str], weight: float = 0.0
) -> list[list[float]]:
    """Per token, the probability of each candidate with the chosen neighbours held fixed."""
    steps = [i for i, t in enumerate(toks) if t.cands[0][0]]
    bos = model.ids[_BOS]
    ids = [bos, bos] + [toks[i].cands[choice[i]][3] for i in steps] + [-1, -1]
    one = [1.0]  # shared, never changed
    out: list[list[float]] = [one] * len(toks)
    for n, i in enumerate(steps):
        cands = toks[i].cands
        if len(cands) == 1:
            continue
        scores = _scores(model, cands, ids[n], ids[n + 1], ids[n + 3], ids[n + 4])
        pref = bonus.get(i) if bonus else None
        if pref is not None:
            scores = [s + weight if c[0] == pref else s for s, c in zip(scores, cands, strict=True)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        out[i] = [e / total for e in exp]
    return out
