"""Paragraphs that changed places: the order of a list changed, not its words.

The in-order paragraph alignment (:meth:`plankit.diff.compare.Engine._align`) pairs each
paragraph with one at the same place in the other plan. When an officer reorders a list (the
basis clauses sorted by rank, two tasks swapped), the paragraphs at the same place are different
ones, and pairing them shows every word of both as changed, while each paragraph is still there,
word for word, at another place. This module re-pairs such paragraphs with their counterparts
and says which groups moved.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["swap_moved"]

# At most this many one-to-one groups are searched for swaps (the search is quadratic in them).
MAX_GROUPS = 60
# A swap must gain this much similarity over the pairs it replaces: a small gain is noise.
MIN_GAIN = 0.2


def swap_moved(
    groups: list[list[tuple[int, ...]]],
    sim: Callable[[tuple[int, ...], tuple[int, ...]], float],
    threshold: float,
    movable: Callable[[int, int], bool] = lambda x, y: True,
) -> tuple[list[list[tuple[int, ...]]], set[int]]:
    """Groups of one old and one new paragraph whose paragraphs belong with each other's: the
    old paragraphs swapped, and the indexes of the groups that now hold a moved paragraph.

    ``groups`` are ``[old indexes, new indexes]`` in new order; ``sim`` scores two groups'
    paragraphs; a swap needs each new pair to score at least ``threshold`` and both together to
    gain :data:`MIN_GAIN` over the pairs they replace; ``movable(x, y)`` says whether old
    paragraph ``x`` and new ``y`` may pair at all (a section's heading follows its section).
    Swaps repeat, best first, so a list reversed or rotated finds every paragraph.

    >>> words = {0: "a", 1: "b", 2: "c"}
    >>> def sim(ia, ib):
    ...     return 1.0 if words[ia[0]] == "abc"[ib[0]] else 0.3
    >>> swap_moved([[(0,), (2,)], [(1,), (1,)], [(2,), (0,)]], sim, 0.4)
    ([[(2,), (2,)], [(1,), (1,)], [(0,), (0,)]], {0})
    """
    groups = [list(g) for g in groups]
    ones = [k for k, (ia, ib) in enumerate(groups) if len(ia) == 1 and len(ib) == 1]
    if len(ones) < 2 or len(ones) > MAX_GROUPS:
        return groups, set()
    touched: set[int] = set()
    own = {k: sim(*groups[k]) for k in ones}
    while True:
        best = None
        for p, k in enumerate(ones):
            if own[k] >= 1.0:
                continue
            for m in ones[p + 1 :]:
                (xk,), (yk,) = groups[k]
                (xm,), (ym,) = groups[m]
                if not (movable(xm, yk) and movable(xk, ym)):
                    continue
                s1, s2 = sim((xm,), (yk,)), sim((xk,), (ym,))
                gain = s1 + s2 - own[k] - own[m]
                if s1 >= threshold and s2 >= threshold and gain >= MIN_GAIN and (best is None or gain > best[0]):
                    best = (gain, k, m, s1, s2)
        if best is None:
            break
        _gain, k, m, s1, s2 = best
        (xk,), (yk,) = groups[k]
        (xm,), (ym,) = groups[m]
        groups[k], groups[m] = [(xm,), (yk,)], [(xk,), (ym,)]
        own[k], own[m] = s1, s2
        touched |= {k, m}
    # the groups kept in order are the longest run of old paragraphs in increasing order; a
    # re-paired group outside it is a moved paragraph
    return groups, touched - _in_order(groups)


def _in_order(groups: list[list[tuple[int, ...]]]) -> set[int]:
    """The indexes of the groups on a longest increasing run of their first old paragraphs."""
    keyed = [(k, g[0][0]) for k, g in enumerate(groups) if g[0]]
    tails: list[int] = []  # tails[n]: index into keyed ending a run of length n + 1
    back: list[int] = [-1] * len(keyed)
    for n, (_k, x) in enumerate(keyed):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if keyed[tails[mid]][1] < x:
                lo = mid + 1
            else:
                hi = mid
        back[n] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(n)
        else:
            tails[lo] = n
    out: set[int] = set()
    n = tails[-1] if tails else -1
    while n != -1:
        out.add(keyed[n][0])
        n = back[n]
    return out
