"""The text a view shows for each plan: its own, or, for an OCR'd plan, its restored reading.

Both the redline (:mod:`plankit.diff.redline`) and the HTML page (:mod:`plankit.diff.render`)
show an OCR'd side restored (:func:`plankit.restore_text`, the other plan as reference when it
is clean), and keep the scan's own text where the officer can see it. :class:`Shown` maps
offsets of the plan text to offsets of the shown text.
"""

from __future__ import annotations

import bisect
import functools
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
            return self.shown_starts[k] + min(offset - self.starts[k], self.shown_ends[k] - self.shown_starts[k])
        return self.shown_ends[k] + offset - self.ends[k]


def _shown(plan: Plan, other: Plan) -> Shown:
    if not looks_ocr(plan):
        return Shown(plan.text, plan.text, False)
    return _restored(plan.text, other.text if not looks_ocr(other) else None)


# Words (runs of letters and digits) on folded text; a document number splits into its parts.
_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_BREAK = re.compile("\n")
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


def _counterparts(text: str, reference: str) -> list[tuple[int, int, str | None]]:
    """Each word of the scan ``text`` with the clean plan's spelling of it (in the scan's case),
    or ``None`` when the in-order word diff of the two texts pairs it with no word."""
    scan = list(_WORD.finditer(ocr_clean(fold(text))))
    ref = list(_WORD.finditer(fold(reference)))
    form: list[str | None] = [None] * len(scan)
    done: dict[tuple[str, str], str] = {}  # the same word pairs recur ("của", "và", "năm")
    ops = diff_keys([m.group() for m in ref], [m.group() for m in scan])
    for tag, i1, _i2, j1, j2 in ops:
        if tag != "equal":
            continue
        for j, m_ref, m in zip(range(j1, j2), ref[i1 : i1 + j2 - j1], scan[j1:j2], strict=True):
            pair = (reference[m_ref.start() : m_ref.end()], text[m.start() : m.end()])
            found = done.get(pair)
            if found is None:
                found = done[pair] = _with_case(*pair)
            form[j] = found
    return [(*m.span(), f) for m, f in zip(scan, form, strict=True)]


# A page and a redline of the same pair (d.to_html(), then d.to_docx()) restore the scan once.
@functools.lru_cache(maxsize=4)
def _restored(text: str, reference: str | None) -> Shown:
    """The restored reading of the scan ``text``, with the clean plan ``reference`` (or ``None``).

    A word of the scan that the in-order word diff of the two texts (folded, OCR symbols
    undone) pairs with a word of the clean plan is that word: it takes the clean plan's spelling, in the scan's case. Only the
    passages without a counterpart (what was added or rewritten) go through the model
    (:func:`plankit.restore_text`), each with two words of context either side; a scan compared
    with another scan is restored whole.
    """
    from ..restore import restore_text

    if reference is None:
        restored = restore_text(text, ocr=True)
        return _mapped(text, list(restored.spans))
    words = _counterparts(text, reference)
    breaks = [m.start() for m in _BREAK.finditer(text)]
    # line breaks before each word
    line_of = list(map(functools.partial(bisect.bisect_left, breaks), [w[0] for w in words]))
    # the first and the last word of each word's line (a line's words are consecutive: a dict
    # built in order keeps a key's last value, built backwards its first)
    n_words = len(words)
    last_of = dict(zip(line_of, range(n_words), strict=True))
    first_of = dict(zip(reversed(line_of), range(n_words - 1, -1, -1), strict=True))
    first = list(map(first_of.__getitem__, line_of))
    last = list(map(last_of.__getitem__, line_of))
    # the words without a counterpart that the model must read: those with a letter, and a
    # number opening a line (a heading's roman numeral read as digits: "11." for "II.")
    needy = [k for k, (s, e, f) in enumerate(words) if f is None and (first[k] == k or _LETTER.search(text, s, e))]
    windows: list[list[int]] = []  # [first word, last word], inclusive, on one line
    for k in needy:
        lo, hi = max(k - CONTEXT, first[k]), min(k + CONTEXT, last[k])
        if windows and first[windows[-1][1]] == first[k] and lo <= windows[-1][1] + 1:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    reps: list[tuple[int, int, str]] = []
    if windows:
        # each passage is one line of the model's input, with the context words paired with
        # the clean plan read as its words (the model decides only the words without a
        # counterpart). The model reads each line on its own: a passage that recurs with the
        # same words known ("của Sở", a repeated heading) is read once.
        lines: dict[tuple[str, tuple[tuple[int, int, str], ...]], int] = {}
        line_of_window = []
        for lo, hi in windows:
            base = words[lo][0]
            key = (text[base : words[hi][1]], tuple((s - base, e - base, f) for s, e, f in words[lo : hi + 1] if f is not None))
            line_of_window.append(lines.setdefault(key, len(lines)))
        offsets, known, pos = [], {}, 0
        for passage, known_words in lines:
            offsets.append(pos)
            for s, e, f in known_words:
                known[(s + pos, e + pos)] = f
            pos += len(passage) + 1
        restored = restore_text("\n".join(passage for passage, _known in lines), ocr=True, known=known)
        # line n of the input is [offsets[n], offsets[n + 1]); the model's spans run in text
        # order, so a line's spans are a slice of them
        offsets.append(pos)
        spans = restored.spans
        span_starts = [s for s, _e, _o in spans]
        need_starts = [words[k][0] for k in needy]
        need_ends = [words[k][1] for k in needy]
        for (lo, _hi), n in zip(windows, line_of_window, strict=True):
            shift = words[lo][0] - offsets[n]
            first_span = bisect.bisect_left(span_starts, offsets[n])
            for t_start, t_end, output in spans[first_span : bisect.bisect_left(span_starts, offsets[n + 1])]:
                s, e = t_start + shift, t_end + shift
                k = bisect.bisect_left(need_starts, s)  # a needy word inside the token: the model reads it
                if (k < len(needy) and need_starts[k] < e) or (k and need_ends[k - 1] > s):
                    reps.append((s, e, output))
    starts = [s for s, _e, _o in reps]
    for s, e, f in words:
        if f is None:
            continue
        n = bisect.bisect_right(starts, s) - 1
        if (n >= 0 and reps[n][1] > s) or (n + 1 < len(reps) and reps[n + 1][0] < e):
            continue  # inside a token the model read
        reps.append((s, e, f))
    return _mapped(text, sorted(reps))


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
