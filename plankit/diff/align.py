"""Pairing things up: sections by number, title and content; paragraphs in order; table rows.

Three small algorithms, each on a similarity the caller computes:

* :func:`match_pairs` pairs two lists greedily by descending score (sections, tables, rows):
  order may change, so an inserted or reordered section still finds its counterpart;
* :func:`moved` says which of those pairs left their relative order (the complement of the
  longest increasing run of new positions);
* :func:`align_units` aligns two lists of paragraphs in order, allowing one paragraph to stand
  for two (a paragraph split or merged from one year to the next).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence
from operator import itemgetter

from ..text import fold

__all__ = ["align_units", "match_pairs", "moved", "text_similarity"]


def text_similarity(a: str, b: str) -> float:
    """Similarity of two short texts (titles, task names) on their folded form: the Dice
    coefficient of their character trigrams. Linear time and symmetric, and tolerant of the odd
    OCR letter (``MUC PiCH`` against ``MỤC ĐÍCH`` keeps most trigrams).

    >>> text_similarity("KINH PHÍ THỰC HIỆN", "KINH PHi THUC HIEN")
    1.0
    >>> round(text_similarity("MỤC ĐÍCH, YÊU CẦU", "MUC PiCH, YEU CAU"), 2)
    0.82
    """
    fa, fb = " ".join(fold(a).split()), " ".join(fold(b).split())
    if fa == fb:
        return 1.0
    ta, tb = _trigrams(fa), _trigrams(fb)
    total = sum(ta.values()) + sum(tb.values())
    if not total:
        return 0.0
    small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return 2 * sum(min(v, big.get(k, 0)) for k, v in small.items()) / total


def _trigrams(text: str) -> Counter:
    padded = f" {text} "
    # each character with the two after it, joined (no Python loop over the positions)
    return Counter(map("".join, zip(padded, padded[1:], padded[2:], strict=False)))


def match_pairs(scores: Sequence[Sequence[float]], threshold: float) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` chosen greedily by descending ``scores[i][j]``, each index used once.

    Ties go to the pair whose positions are closest, then to the earlier pair (by ``i + j``),
    so equal scores keep the order and swapping the two lists swaps the pairs.

    >>> match_pairs([[0.9, 0.1], [0.2, 0.8]], 0.5)
    [(0, 0), (1, 1)]
    >>> match_pairs([[0.1, 0.7], [0.6, 0.2]], 0.5)
    [(0, 1), (1, 0)]
    """
    cands = [
        (-s, abs(i - j), i + j, i, j)
        for i, row in enumerate(scores)
        for j, s in enumerate(row)
        if s >= threshold
    ]
    cands.sort()
    used_i: set[int] = set()
    used_j: set[int] = set()
    out = []
    for _s, _d, _sum, i, j in cands:
        if i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        out.append((i, j))
    return sorted(out)


def increasing_run(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (ordered by ``i``) whose ``j`` increase too (patience sorting).

    >>> increasing_run([(0, 0), (1, 2), (2, 1), (3, 3)])
    [(0, 0), (2, 1), (3, 3)]
    """
    if not pairs:
        return []
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_i, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    run = []
    k = tail_idx[-1]
    while k != -1:
        run.append(pairs[k])
        k = prev[k]
    run.reverse()
    return run


def moved(pairs: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The pairs that are out of order: not on a longest increasing run of ``j`` by ``i``.

    >>> sorted(moved([(0, 0), (1, 2), (2, 1), (3, 3)]))
    [(1, 2)]
    >>> moved([(0, 1), (1, 2)])
    set()
    """
    ordered = sorted(pairs)
    return set(ordered) - set(increasing_run(ordered))


Group = tuple[tuple[int, ...], tuple[int, ...]]
_first = itemgetter(0)


def align_units(
    n: int,
    m: int,
    sim: Callable[[Sequence[int], Sequence[int]], float],
    threshold: float,
) -> list[Group]:
    """Align ``n`` old and ``m`` new paragraphs in order; returns groups ``(old idxs, new idxs)``.

    A group pairs one old and one new paragraph, or one with two (split or merged), or stands
    alone (removed: no new index; added: no old index). ``sim(old_idxs, new_idxs)`` scores a
    candidate group in [0, 1]; groups below ``threshold`` are not formed. Needleman-Wunsch with
    gain ``sim - threshold``, so a weak match never beats leaving both sides unpaired.

    >>> table = {((0,), (0,)): 0.9, ((1,), (1,)): 0.1, ((1,), (2,)): 0.8}
    >>> align_units(2, 3, lambda a, b: table.get((tuple(a), tuple(b)), 0.0), 0.4)
    [((0,), (0,)), ((), (1,)), ((1,), (2,))]
    >>> align_units(1, 1, lambda a, b: 0.0, 0.4)
    [((0,), ()), ((), (0,))]
    """
    cache: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}

    def gain(a: tuple[int, ...], b: tuple[int, ...], penalty: float = 0.0) -> float | None:
        key = (a, b)
        if key not in cache:
            cache[key] = sim(a, b)
        s = cache[key]
        return s - threshold - penalty if s >= threshold else None

    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            # on a tie the added paragraph is the later step, so a removed one reads first
            cands: list[tuple[float, tuple[int, int]]] = []
            if j:
                cands.append((best[i][j - 1], (0, 1)))
            if i:
                cands.append((best[i - 1][j], (1, 0)))
            if i and j:
                g = gain((i - 1,), (j - 1,))
                if g is not None:
                    cands.append((best[i - 1][j - 1] + g, (1, 1)))
                if i >= 2:
                    g = gain((i - 2, i - 1), (j - 1,), 0.05)
                    if g is not None:
                        cands.append((best[i - 2][j - 1] + g, (2, 1)))
                if j >= 2:
                    g = gain((i - 1,), (j - 2, j - 1), 0.05)
                    if g is not None:
                        cands.append((best[i - 1][j - 2] + g, (1, 2)))
            score, step = max(cands, key=_first)  # the first of the best: the order above decides ties
            best[i][j] = score
            back[i][j] = step
    groups: list[Group] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]  # type: ignore[misc]
        groups.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    groups.reverse()
    return groups
