"""Word differences into classified changes: the part of a comparison that looks at words.

:class:`WordChanges` turns the leftovers of a word alignment (:func:`.tokens.align_words`) into
:class:`~plankit.diff.result.Change` values, each with its kind (:func:`.classify.classify_op`),
and finds the errors carried over in the words kept (known typos, stale years). The comparison
engine (:class:`.compare.Engine`) runs it on paragraph groups, :mod:`.tables` on table rows.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..model import Span
from ..text import tone_key
from .classify import (
    classify_op,
    find_typos,
    is_renumbering,
    is_self_reference,
    join_own_clause,
    widen_lead,
    year_of,
)
from .result import Change
from .tokens import Alignment, Tok

if TYPE_CHECKING:  # pragma: no cover
    from .classify import Years
    from .parts import Side

__all__ = ["Local", "WordChanges"]

# A range of offsets local to the texts a change was found in (a plan's, or a table row's).
Local = tuple[int, int]


class WordChanges:
    """Word-level changes of one comparison. The engine provides the two sides (``a``, ``b``),
    the plan years (``years``), whether either side is OCR'd (``tolerant``) and the counters
    of compared and matched words."""

    a: Side
    b: Side
    years: Years
    tolerant: bool
    matched: int
    total_a: int
    total_b: int
    _typos: list | None
    _typo_starts: list[int]

    def count(self, a: list[Tok], b: list[Tok], al: Alignment) -> None:
        """Count the words compared and those that found a counterpart (for the similarity)."""
        self.matched += sum(1 for i in al.pairs if a[i].kind != "punct")
        self.total_a += sum(1 for t in a if t.kind != "punct")
        self.total_b += sum(1 for t in b if t.kind != "punct")

    def word_changes(
        self, a: list[Tok], b: list[Tok], al: Alignment, *, a_text: str, b_text: str, region: str,
        label: Callable[[str, int], str], whole_a: Span | None = None, whole_b: Span | None = None,
        anchor_a: int = 0, anchor_b: int = 0, reason: str | None = None,
        basis: Callable[[list[Tok], list[Tok]], str | None] | None = None,
        to_a: Callable[[int, int], Span] | None = None, to_b: Callable[[int, int], Span] | None = None,
        location: Callable[[str, int], str] | None = None,
    ) -> list[tuple[Change, Local, Local]]:
        """Classify the leftovers of an alignment and turn them into changes.

        Token offsets point into ``a_text``/``b_text`` (the plans, or a table row's string);
        ``to_a``/``to_b`` map a local range to a span of the plan, ``location`` names a table
        cell. Returns each change with its local ranges, for drawing.
        """
        to_a = to_a or Span
        to_b = to_b or Span
        items = []
        for i1, i2, j1, j2 in (piece for op in al.ops for piece in self._split_years(a, b, op)):
            ta, tb = a[i1:i2], b[j1:j2]
            cite = basis(ta, tb) if basis else None
            kind, why = classify_op(ta, tb, years=self.years, region=region,
                                    before_new=b[:j1], before_old=a[:i1], basis=cite)
            if kind == "substantive" and is_renumbering(ta, tb, a_text, b_text):
                kind, why = "renumbering", (f"đánh số lại {a_text[ta[0].start:ta[-1].end]} → "
                                            f"{b_text[tb[0].start:tb[-1].end]} (list item renumbered)")
            elif reason and kind == "substantive":
                why = reason
            items.append([i1, i2, j1, j2, kind, why])
        items = _merge_close(items, al)
        items = join_own_clause(items, a, b, al.pairs, self.years)
        out = []
        for i1, i2, j1, j2, kind, why in items:
            if kind != "renumbering":
                i1, j1 = _widen(a, b, i1, i2, j1, j2, al.equal_before(i1, j1))
            la = _local(a, i1, i2, whole_a, anchor_a, whole=i1 == 0 and i2 == len(a) and i2 > 0)
            lb = _local(b, j1, j2, whole_b, anchor_b, whole=j1 == 0 and j2 == len(b) and j2 > 0)
            loc = ""
            if location is not None:
                loc = location("b", lb[0]) if b else location("a", la[0])
            lab = label("b", to_b(*lb).start) if (b or not a) else label("a", to_a(*la).start)
            out.append((Change(kind, lab, a_text[la[0]:la[1]], b_text[lb[0]:lb[1]], to_a(*la), to_b(*lb), why, loc),
                        la, lb))
        if not self.tolerant and al.pairs:
            out += self._written_differently(a, b, al, a_text, b_text, label, to_a, to_b, location)
            out.sort(key=lambda x: (x[2][0], x[1][0]))
        return out

    def _written_differently(self, a: list[Tok], b: list[Tok], al: Alignment, a_text: str, b_text: str,
                             label, to_a, to_b, location) -> list[tuple[Change, Local, Local]]:
        """Words paired as equal whose case or diacritics differ (``quyết`` → ``Quyết``), tone
        placement aside (``hòa``/``hoà``): ``form`` changes, runs of neighbours joined."""
        runs: list[list[int]] = []
        for i in sorted(al.pairs):
            j = al.pairs[i]
            x, y = a[i], b[j]
            if x.kind == "punct":
                continue
            ra, rb = a_text[x.start:x.end], b_text[y.start:y.end]
            if ra == rb or tone_key("".join(ra.split())) == tone_key("".join(rb.split())):
                continue  # (a word broken over two lines at its hyphen is one token: parts._Stream)
            if runs and runs[-1][1] == i - 1 and al.pairs.get(i - 1) == j - 1:
                runs[-1][1] = i
            else:
                runs.append([i, i])
        out = []
        for i1, i2 in runs:
            la = (a[i1].start, a[i2].end)
            lb = (b[al.pairs[i1]].start, b[al.pairs[i2]].end)
            ra, rb = a_text[la[0]:la[1]], b_text[lb[0]:lb[1]]
            why = ("chữ hoa, chữ thường (case only)" if ra.lower() == rb.lower()
                   else "dấu tiếng Việt (diacritics only)")
            loc = location("b", lb[0]) if location is not None else ""
            out.append((Change("form", label("b", to_b(*lb).start), ra, rb, to_a(*la), to_b(*lb), why, loc), la, lb))
        return out

    def _split_years(self, a: list[Tok], b: list[Tok], op: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
        """Peel year bumps off the edges of a larger replacement: "2022 do ngân sách ..." →
        "2025 trong nguồn ..." is a year bump and a separate substantive change."""
        i1, i2, j1, j2 = op
        delta = self.years.delta if self.years.shift else None
        if delta is None or (i2 - i1 < 2 and j2 - j1 < 2):
            return [op]

        def bump(i: int, j: int) -> bool:
            ya, yb = year_of(a[i]), year_of(b[j])
            return ya is not None and yb is not None and yb - ya == delta

        head, tail = [], []
        while i2 - i1 > 1 and j2 - j1 > 1 and bump(i1, j1):
            head.append((i1, i1 + 1, j1, j1 + 1))
            i1, j1 = i1 + 1, j1 + 1
        while i2 - i1 > 1 and j2 - j1 > 1 and bump(i2 - 1, j2 - 1):
            tail.insert(0, (i2 - 1, i2, j2 - 1, j2))
            i2, j2 = i2 - 1, j2 - 1
        return [*head, (i1, i2, j1, j2), *tail]

    def _basis_desc(self, sa: list[Span], sb: list[Span]) -> str | None:
        """How the legal basis of this group changed, or ``None`` if its citations did not."""
        ka = {c.key for c in self.a.citations_in(sa)}
        kb = {c.key for c in self.b.citations_in(sb)}
        if ka == kb:
            return None
        bits = []
        if ka - kb:
            bits.append("bỏ " + ", ".join(sorted(ka - kb)))
        if kb - ka:
            bits.append("thêm " + ", ".join(sorted(kb - ka)))
        return "căn cứ: " + "; ".join(bits) + " (legal basis changed)"

    def _op_basis(self, ta: list[Tok], tb: list[Tok], desc: str | None) -> str | None:
        """The basis description when this difference lies in the legal basis, else ``None``."""
        for side, toks in ((self.a, ta), (self.b, tb)):
            if not toks:
                continue
            probe = Span(toks[0].start, toks[-1].end)
            for c in side.basis:
                if c.span.overlaps(probe):
                    return desc or f"căn cứ {c.key}: cách ghi thay đổi (legal basis citation rewritten)"
        in_a = bool(ta) and self.a.in_basis_block(ta[0].start, ta[-1].end)
        in_b = bool(tb) and self.b.in_basis_block(tb[0].start, tb[-1].end)
        if not ((in_a or not ta) and (in_b or not tb) and (in_a or in_b)):
            return None
        if desc is not None:
            return desc
        # the wording of a basis clause changed, its documents did not (a wrapped line of a
        # replaced decree's title); a moved date or year stays a year bump
        words = [t for t in (*ta, *tb) if t.kind != "punct"]
        if words and not all(t.kind == "number" for t in words):
            return "căn cứ: lời văn thay đổi (legal basis wording changed)"
        return None

    def carried(self, a: list[Tok], b: list[Tok], al: Alignment, *, a_text: str, b_text: str,
                label: Callable[[str, int], str], in_plan: bool,
                to_a: Callable[[int, int], Span] | None = None, to_b: Callable[[int, int], Span] | None = None,
                location: Callable[[str, int], str] | None = None) -> list[tuple[Change, Local, Local]]:
        """Errors in text kept from the old plan: known typos and stale years.

        Offsets are those of the tokens: into the plans (``in_plan``) or into a row string.
        """
        to_a = to_a or Span
        to_b = to_b or Span
        j_to_i = {j: i for i, j in al.pairs.items()}
        if not j_to_i:
            return []
        out = []

        def add(la: Local, lb: Local, why: str) -> None:
            loc = location("b", lb[0]) if location else ""
            out.append((Change("carried-error", label("b", to_b(*lb).start), a_text[la[0]:la[1]],
                               b_text[lb[0]:lb[1]], to_a(*la), to_b(*lb), why, loc), la, lb))

        lo, hi = b[min(j_to_i)].start, b[max(j_to_i)].end
        for s, e, typo in (self._plan_typos(lo, hi) if in_plan else find_typos(b_text, lo, hi, ocr=self.b.ocr)):
            js = [j for j in range(len(b)) if b[j].start >= s and b[j].end <= e]
            if not js or any(j not in j_to_i for j in js):
                continue
            is_ = [j_to_i[j] for j in js]
            if is_ != list(range(is_[0], is_[0] + len(is_))):
                continue
            os_, oe = a[is_[0]].start, a[is_[-1]].end
            if not any(t.typo == typo.typo for _s, _e, t in find_typos(a_text, os_, oe, ocr=self.a.ocr)):
                continue
            add((os_, oe), (s, e),
                f"lỗi chính tả giữ nguyên từ bản cũ: «{typo.typo}» → «{typo.correction}» (typo carried over)")
        if self.years.new is None:
            return out
        for j, i in sorted(j_to_i.items()):
            y = year_of(b[j])
            if y is None or y == self.years.new or not is_self_reference(b[:j]):
                continue
            if in_plan and self.b.in_basis_block(b[j].start, b[j].end):
                continue
            d = min(j - widen_lead(b, j), i)
            add((a[i - d].start, a[i].end), (b[j - d].start, b[j].end),
                f"năm {y} trong câu nói về chính kế hoạch này, giữ nguyên từ bản cũ, nhưng kế hoạch "
                f"là năm {self.years.new} (stale year carried over)")
        return out

    def _plan_typos(self, lo: int, hi: int) -> list:
        """The known typos of the new plan inside ``[lo, hi)``, found once for the whole text."""
        if self._typos is None:
            self._typos = find_typos(self.b.text, 0, len(self.b.text), ocr=self.b.ocr)
            self._typo_starts = [s for s, _e, _t in self._typos]
        k = bisect.bisect_left(self._typo_starts, lo)
        out = []
        for s, e, typo in self._typos[k:]:
            if s >= hi:
                break
            if e <= hi:
                out.append((s, e, typo))
        return out


def _merge_close(items: list[list], al: Alignment) -> list[list]:
    """Join two substantive changes separated by at most two corresponding words."""
    out: list[list] = []
    for it in items:
        if out and it[4] == "substantive" and out[-1][4] == "substantive" and not al.rewritten:
            p = out[-1]
            gap_a, gap_b = it[0] - p[1], it[2] - p[3]
            if 0 <= gap_a <= 2 and 0 <= gap_b <= 2 and all(al.pairs.get(p[1] + d) == p[3] + d for d in range(gap_a)) \
                    and gap_a == gap_b:
                out[-1] = [p[0], it[1], p[2], it[3], "substantive", "sửa nội dung (changed)"]
                continue
        out.append(it)
    return out


def _widen(a: list[Tok], b: list[Tok], i1: int, i2: int, j1: int, j2: int, equal_before: int) -> tuple[int, int]:
    """Start a numbers-only change (a year, a date) at the words leading into it ("Trong năm"),
    taken from the corresponding words just before it."""
    words = [t for t in (*a[i1:i2], *b[j1:j2]) if t.kind != "punct"]
    if not a[i1:i2] or not b[j1:j2] or not words or not all(t.kind == "number" for t in words):
        return i1, j1
    d = min(i1 - widen_lead(a, i1), equal_before)
    return i1 - d, j1 - d


def _local(toks: list[Tok], i1: int, i2: int, whole_span: Span | None, anchor: int, whole: bool) -> Local:
    """The range a stretch of tokens covers; an empty stretch is placed after the token before."""
    if whole and whole_span is not None:
        return (whole_span.start, whole_span.end)
    if i2 > i1:
        return (toks[i1].start, toks[i2 - 1].end)
    if i1 > 0:
        return (toks[i1 - 1].end, toks[i1 - 1].end)
    if toks:
        return (toks[0].start, toks[0].start)
    pos = whole_span.start if whole_span is not None else anchor
    return (pos, pos)
