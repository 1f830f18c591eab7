"""Decoding a line: wider-context evidence, Viterbi over syllable trigrams, confidences.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

from ..text import fold
from .context import _CTX_FAR
from .lm import _BOS, Model
from .tokens import _Tok

_BEAM = 6  # Viterbi states kept per token

# -- wider context ---------------------------------------------------------------------------

_CONTEXT_WEIGHT = 0.1  # weight of the wider-context log likelihoods against the trigram's
_CONTEXT_CLIP = 3.0  # no wider context outweighs the trigram by more than this (log)


def _context_key(tok: _Tok) -> str | None:
    if tok.kind == "word":
        return "<n>" if tok.surface.isdigit() else fold(tok.surface).lower()
    if tok.kind in ("doc", "keep", "slash"):
        return "<d>"
    if tok.kind == "lead":
        return "<n>"
    return tok.cands[0][0] or None


def _apply_context(model: Model, toks: list[_Tok]) -> None:
    """Add the wider-context model's evidence to the channel score of ambiguous tokens.

    The features are those of :func:`~plankit.restore_model.context_features`, sliced from
    two lists built once per line.
    """
    contexts = model.context
    keyed = [(i, k) for i, t in enumerate(toks) if (k := _context_key(t)) is not None]
    targets = [
        (pos, i, contexts[k])
        for pos, (i, k) in enumerate(keyed)
        if k in contexts and toks[i].fixed_output is None and len(toks[i].cands) > 1
    ]
    if not targets:
        return
    left = [f"L:{k}" for _, k in keyed]
    right = [f"R:{k}" for _, k in keyed]
    far = _CTX_FAR
    for pos, i, (forms, rows) in targets:
        # only what some real form was seen with: an unseen feature says nothing, and would
        # favour the rarer form (its smoothed mass is larger)
        hits = [row for f in (*left[max(0, pos - far) : max(0, pos - 1)], *right[pos + 2 : pos + far + 1]) if (row := rows.get(f))]
        if not hits:
            continue
        sums = [sum(col) for col in zip(*hits, strict=True)]
        mean = sum(sums) / len(sums)
        bonus = {
            form: max(-_CONTEXT_CLIP, min(_CONTEXT_CLIP, _CONTEXT_WEIGHT * (sc - mean)))
            for form, sc in zip(forms, sums, strict=True)
        }
        tok = toks[i]
        tok.cands = [(c[0], c[1], c[2] + bonus.get(c[0], 0.0), c[3]) for c in tok.cands]


# -- decoding ----------------------------------------------------------------------------------


_MASK = (1 << 20) - 1


def _decode(model: Model, toks: Sequence[_Tok], bonus: dict[int, str], weight: float = 0.0) -> list[int]:
    """Viterbi over (previous id, id) states, pruned to the best ``_BEAM``; returns choices.

    A state is ``v << 20 | w``; trigram and bigram keys are built by shifting (see
    :class:`~plankit.restore_model.Model`), so the inner loop allocates no tuples.
    """
    tri, bi, uni = model.tri, model.bi, model.uni_by_id
    bow_tri, bow_bi = model.bow_tri, model.bow_bi
    mask = _MASK
    beam = _BEAM
    inf = -math.inf
    steps = [i for i, t in enumerate(toks) if t.cands[0][0]]
    choice = [0] * len(toks)
    if not steps:
        return choice
    bos = model.ids[_BOS]
    states: dict[int, float] = {bos << 20 | bos: 0.0}
    back: list[dict[int, int]] = []
    for i in steps:
        cands = toks[i].cands
        pref = bonus.get(i)
        scored = [(c[3], c[2] + weight) if c[0] == pref else (c[3], c[2]) for c in cands]
        new: dict[int, float] = {}
        bp: dict[int, int] = {}
        for st, sc in states.items():
            tctx = st << 20
            v = st & mask
            bctx = v << 20
            # what an unseen trigram (bigram) after this state keeps of the lower order
            bo1, bo2 = bow_tri.get(st) or (0.0, bow_bi.get(v, 0.0))
            for j, (w, ch) in enumerate(scored):
                lp = tri.get(tctx | w)
                if lp is None:
                    lp = bi.get(bctx | w)
                    lp = bo1 + lp if lp is not None else bo2 + uni[w]
                sc2 = sc + ch + lp
                ns = bctx | w
                if sc2 > new.get(ns, inf):
                    new[ns] = sc2
                    bp[ns] = st << 8 | j
        if len(new) > beam:
            new = {k: new[k] for k in heapq.nlargest(beam, new, key=new.__getitem__)}
        states = new
        back.append(bp)
    state = max(states, key=states.__getitem__)
    for n in range(len(steps) - 1, -1, -1):
        packed = back[n][state]
        choice[steps[n]] = packed & 0xFF
        state = packed >> 8
    return choice


def _decode_joined(model: Model, toks: Sequence[_Tok], choice: list[int]) -> list[int]:
    """Restore words joined by ``/`` or ``-`` part by part: each in the slot of the whole.

    "cac xa/phuong" lists two alternatives for one slot: "phường" is decoded after "các" (as
    "xã" is), with the words after the group as its right context, not after "xã".
    """
    n = len(toks)
    i = 0
    out = list(choice)
    while i < n:
        if not (toks[i].kind == "word" and i + 2 < n and toks[i + 1].joiner):
            i += 1
            continue
        members = [i]
        j = i
        while j + 2 < n and toks[j + 1].joiner and toks[j + 2].kind == "word":
            j += 2
            members.append(j)
        for k in members:
            if toks[k].fixed_output is None and len(toks[k].cands) > 1:
                view = [*toks[:i], toks[k], *toks[j + 1 :]]
                out[k] = _decode(model, view, {})[i]
        i = j + 1
    return out


def _confidences(
    model: Model, toks: Sequence[_Tok], choice: list[int], bonus: dict[int, str], weight: float = 0.0
) -> list[list[float]]:
    """Per token, the probability of each candidate with the chosen neighbours held fixed."""
    tri, bi, uni = model.tri, model.bi, model.uni_by_id
    bow_tri, bow_bi = model.bow_tri, model.bow_bi

    def lp(u: int, v: int, w: int) -> float:
        s = tri.get(u << 40 | v << 20 | w)
        if s is None:
            bo1, bo2 = bow_tri.get(u << 20 | v) or (0.0, bow_bi.get(v, 0.0))
            s = bi.get(v << 20 | w)
            s = bo1 + s if s is not None else bo2 + uni[w]
        return s

    steps = [i for i, t in enumerate(toks) if t.cands[0][0]]
    bos = model.ids[_BOS]
    ids = [bos, bos] + [toks[i].cands[choice[i]][3] for i in steps] + [-1, -1]
    out: list[list[float]] = [[1.0] for _ in toks]
    for n, i in enumerate(steps):
        cands = toks[i].cands
        if len(cands) == 1:
            continue
        k = n + 2
        u, v, x, y = ids[k - 2], ids[k - 1], ids[k + 1], ids[k + 2]
        pref = bonus.get(i)
        scores = []
        for key, _out, ch, w in cands:
            s = ch + lp(u, v, w)
            if x >= 0:
                s += lp(v, w, x)
                if y >= 0:
                    s += lp(w, x, y)
            if key == pref:
                s += weight
            scores.append(s)
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        out[i] = [e / total for e in exp]
    return out
