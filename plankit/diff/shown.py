"""The text a view shows for each plan: its own, or, for an OCR'd plan, its restored reading.

Both the redline (:mod:`plankit.diff.redline`) and the HTML page (:mod:`plankit.diff.render`)
show an OCR'd side restored (:func:`plankit.restore_text`, the other plan as reference when it
is clean), and keep the scan's own text where the officer can see it. :class:`Shown` maps
offsets of the plan text to offsets of the shown text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..text import fold
from .tokens import diff_keys, looks_ocr, ocr_clean

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Plan
    from .result import PlanDiff

__all__ = ["Shown", "shown_texts"]


@dataclass(frozen=True)
class Shown:
    """The text the redline shows for one plan: the plan's own, or its restored reading.

    ``starts``/``shown_starts`` and the ``ends`` map offsets of the plan text to offsets of
    the shown text (token by token; identical when not restored).
    """

    text: str
    original: str
    restored: bool
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    shown_starts: tuple[int, ...] = ()
    shown_ends: tuple[int, ...] = ()

    def at(self, offset: int) -> int:
        """The shown offset of ``offset`` in the plan text."""
        if not self.restored:
            return offset
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0:
            return offset
        if offset < self.ends[k]:
            into, length = offset - self.starts[k], self.shown_ends[k] - self.shown_starts[k]
            return self.shown_starts[k] + (into if into < length else length)
        return self.shown_ends[k] + offset - self.ends[k]

    def slice(self, start: int, end: int) -> str:
        """The shown text of ``[start, end)`` of the plan text: ``text[at(start) : at(end)]``."""
        if not self.restored:
            return self.text[start:end]
        starts, ends, shown_starts, shown_ends = self.starts, self.ends, self.shown_starts, self.shown_ends
        k = bisect.bisect_right(starts, start) - 1
        if k < 0:
            first = start
        elif start < ends[k]:
            into, length = start - starts[k], shown_ends[k] - shown_starts[k]
            first = shown_starts[k] + (into if into < length else length)
        else:
            first = shown_ends[k] + start - ends[k]
        k = bisect.bisect_right(starts, end, k if k > 0 else 0) - 1  # end >= start: from k on
        if k < 0:
            return self.text[first:end]
        if end < ends[k]:
            into, length = end - starts[k], shown_ends[k] - shown_starts[k]
            return self.text[first : shown_starts[k] + (into if into < length else length)]
        return self.text[first : shown_ends[k] + end - ends[k]]


def _shown(plan: Plan, other: Plan) -> Shown:
    if not looks_ocr(plan):
        return Shown(plan.text, plan.text, False)
    return _restored(plan.text, other.text if not looks_ocr(other) else None)


# Words (runs of letters and digits) on folded text; a document number splits into its parts.
_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_BREAK = re.compile("\n")
_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group
# Words of the scan around a passage sent to the model, for its context (the model decodes line
# by line, on trigrams: two words either side are what it looks at).
CONTEXT = 2


def _with_case(form: str, surface: str) -> str:
    """``form`` (the clean plan's spelling) in the case of ``surface`` (the scan's word)."""
    letters = _LETTER.findall(surface)
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return form.upper()
    if letters and all(c.islower() for c in letters):
        return form.lower()
    if letters and letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return form[:1].upper() + form[1:].lower()
    return form


def _counterparts(text: str, reference: str) -> tuple[list[int], list[int], list[str | None]]:
    """The words of the scan ``text`` (their starts and ends) and, for each, the clean plan's
    spelling of it (in the scan's case), or ``None`` when the in-order word diff of the two texts
    pairs it with no word."""
    scan = list(_WORD.finditer(ocr_clean(fold(text))))
    ref = list(_WORD.finditer(fold(reference)))
    starts = list(map(_START, scan))
    ends = list(map(_END, scan))
    form: list[str | None] = [None] * len(scan)
    done: dict[tuple[str, str], str] = {}  # the same word pairs recur ("của", "và", "năm")
    for tag, i1, _i2, j1, j2 in diff_keys(list(map(_GROUP, ref)), list(map(_GROUP, scan))):
        if tag != "equal":
            continue
        for j, m_ref in zip(range(j1, j2), ref[i1 : i1 + j2 - j1], strict=True):
            pair = (reference[m_ref.start() : m_ref.end()], text[starts[j] : ends[j]])
            found = done.get(pair)
            if found is None:
                found = done[pair] = _with_case(*pair)
            form[j] = found
    return starts, ends, form


# A page and a redline of the same pair (d.to_html(), then d.to_docx()) restore the scan once.
@functools.lru_cache(maxsize=4)
def _restored(text: str, reference: str | None) -> Shown:
    """The restored reading of the scan ``text``, with the clean plan ``reference`` (or ``None``).

    A word of the scan that the in-order word diff of the two texts (folded, OCR symbols
    undone) pairs with a word of the clean plan is that word: it takes the clean plan's
    spelling, in the scan's case. Only the passages without a counterpart (what was added or
    rewritten) go through the model (:func:`plankit.restore_text`), each with two words of
    context either side on its line; a scan compared with another scan is restored whole.
    """
    from ..restore import restore_text

    if reference is None:
        restored = restore_text(text, ocr=True)
        return _mapped(text, list(restored.spans))
    starts, ends, forms = _counterparts(text, reference)
    n_words = len(starts)
    # the first word of each line (a word never spans a line break), and the end of the words
    firsts = [0, *map(functools.partial(bisect.bisect_left, starts), map(_START, _BREAK.finditer(text))), n_words]
    # the words without a counterpart that the model must read: those with a letter, and a
    # number opening a line (a heading's roman numeral read as digits: "11." for "II.");
    # around them, windows [first word, last word, first needy word, end of its needy words]
    # of up to CONTEXT words either side, on one line, joined where they meet or overlap
    letter = _LETTER.search
    needy: list[int] = []
    windows: list[list[int]] = []
    for first, end in itertools.pairwise(firsts):
        last = end - 1
        prev = -2  # the last word of the line's latest window
        for k in range(first, end):
            if forms[k] is not None or (k != first and not letter(text, starts[k], ends[k])):
                continue
            lo = k - CONTEXT if k - CONTEXT > first else first
            hi = k + CONTEXT if k + CONTEXT < last else last
            if lo <= prev + 1:
                window = windows[-1]
                window[1] = hi
                window[3] += 1
            else:
                windows.append([lo, hi, len(needy), len(needy) + 1])
            needy.append(k)
            prev = hi
    model: list[tuple[int, int, str]] = []  # the model's tokens that hold a needy word
    if windows:
        # each passage is one line of the model's input, with the context words paired with
        # the clean plan read as its words (the model decides only the words without a
        # counterpart). The model reads each line on its own: a passage that recurs with the
        # same words known ("của Sở", a repeated heading) is read once.
        lines: dict[tuple[str, tuple[tuple[int, int, str], ...]], int] = {}
        line_of_window = []
        for lo, hi, _p, _q in windows:
            base = starts[lo]
            key = (text[base : ends[hi]],
                   tuple([(starts[k] - base, ends[k] - base, forms[k]) for k in range(lo, hi + 1) if forms[k] is not None]))
            line_of_window.append(lines.setdefault(key, len(lines)))
        offsets, known, pos = [], {}, 0
        for passage, known_words in lines:
            offsets.append(pos)
            for s, e, f in known_words:
                known[(s + pos, e + pos)] = f
            pos += len(passage) + 1
        restored = restore_text("\n".join(passage for passage, _known in lines), ocr=True, known=known)
        # line n of the input is [offsets[n], offsets[n + 1]); the model's spans run in text
        # order, so a line's spans are a slice of them, and so are the window's needy words
        offsets.append(pos)
        spans = restored.spans
        span_starts = [s for s, _e, _o in spans]
        need_starts = [starts[k] for k in needy]
        need_ends = [ends[k] for k in needy]
        for (lo, _hi, p, q), n in zip(windows, line_of_window, strict=True):
            shift = starts[lo] - offsets[n]
            for t_start, t_end, output in spans[bisect.bisect_left(span_starts, offsets[n]) : bisect.bisect_left(span_starts, offsets[n + 1])]:
                s, e = t_start + shift, t_end + shift
                while p < q and need_ends[p] <= s:
                    p += 1
                if p < q and need_starts[p] < e:  # a needy word inside the token: the model reads it
                    model.append((s, e, output))
    # the words paired with the clean plan, each unless inside a token the model read, in
    # order among the model's tokens (a two-pointer walk: both run in text order)
    reps: list[tuple[int, int, str]] = []
    r, n_model = 0, len(model)
    for s, e, f in zip(starts, ends, forms, strict=True):
        if f is None:
            continue
        while r < n_model and model[r][1] <= s:
            reps.append(model[r])
            r += 1
        if r < n_model and model[r][0] < e:
            continue  # inside a token the model read
        reps.append((s, e, f))
    reps += model[r:]
    return _mapped(text, reps)


def _mapped(text: str, reps: list[tuple[int, int, str]]) -> Shown:
    """The text with each ``(start, end, output)`` replaced, and the offset maps of :class:`Shown`."""
    starts, ends, s_starts, s_ends, pieces = [], [], [], [], []
    pos = shift = 0
    for start, end, output in reps:
        if start < pos:
            continue
        pieces.append(text[pos:start])
        pieces.append(output)
        starts.append(start)
        ends.append(end)
        s_starts.append(start + shift)
        shift += len(output) - (end - start)
        s_ends.append(end + shift)
        pos = end
    pieces.append(text[pos:])
    return Shown("".join(pieces), text, True, tuple(starts), tuple(ends), tuple(s_starts), tuple(s_ends))


def shown_texts(d: PlanDiff) -> tuple[Shown, Shown]:
    """The texts the redline shows for the old and the new plan (restored when OCR'd).

    >>> from plankit.diff import diff_plans
    >>> from plankit.read import read_text
    >>> old, new = shown_texts(diff_plans(read_text("KẾ HOẠCH\\nNăm 2024."), read_text("KẾ HOẠCH\\nNăm 2025.")))
    >>> new.text, new.restored
    ('KẾ HOẠCH\\nNăm 2025.', False)
    """
    return _shown(d.old, d.new), _shown(d.new, d.old)
