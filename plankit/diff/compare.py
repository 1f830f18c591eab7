"""``diff_plans``: pair the parts of two plans, diff their words, classify every difference.

The comparison runs top down:

1. each plan is cut into an opening (header, subject, legal basis), its level-1 sections and an
   ending (closing, recipients, signature); tables are taken out and compared on their own
   (:mod:`plankit.diff.tables`);
2. sections are paired by number, title and content (:func:`.align.match_pairs`), level by
   level, so an inserted section does not shift every later pair;
3. inside a pair of level-1 sections all paragraphs (subsection headings included) are aligned
   in order (:func:`.align.align_units`), so a subsection the reader missed on one side still
   finds its text; the words of each aligned group are diffed on folded tokens;
4. each difference gets its kind (:func:`.classify.classify_op`); text kept from the old plan is
   searched for known typos and stale years (carried errors).
"""

from __future__ import annotations

import bisect
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..model import Plan, Section, Span
from ..text import fold
from .align import align_units, match_pairs, moved
from .classify import Years
from .header import compare_headers, field_at
from .moves import swap_moved
from .parts import ENDING, OPENING, Side, TitleSimilarity, Unit
from .pieces import Mark, Part, Piece, Segment
from .result import Change, PlanDiff, RowPair, SectionPair, TablePair
from .tokens import Alignment, Bag, Fuzzy, align_words, diff_keys, looks_ocr
from .words import Local, WordChanges

__all__ = ["diff_plans"]

# Pairing thresholds, tuned on the bundled plans (tests/test_diff.py pins the outcome).
SECTION_THRESHOLD = 0.4
UNIT_THRESHOLD = 0.3
# Paragraphs left unpaired by the in-order alignment pair up as moved from this similarity on
# (the same Cần Thơ paragraph, clean against OCR, scores 0.49; unrelated ones stay under 0.3).
UNIT_MOVED = 0.4
# Sections are all scored against each other up to this many pairs; beyond, only those near
# the same place (this many either side) or sharing a number or a title.
SECTION_CELLS = 2_500
SECTION_WINDOW = 8
# Paragraphs between two anchors are aligned by similarity up to this many (old x new) pairs.
GAP_CELLS = 2_500
# Lone paragraphs are searched for moves only up to this many (removed x added) candidates.
MOVED_CANDIDATES = 10_000
# A paired group sharing fewer words than this is shown as one rewrite, not as confetti.
REWRITE_BELOW = 0.3

# --- the engine --------------------------------------------------------------------------------

@dataclass
class _Pending:
    """A segment before its changes are numbered in reading order."""

    part: int
    anchor: int
    seq: int
    segment: Segment
    changes: list[Change]


@dataclass
class _RawPair:
    old: Section | None
    new: Section | None
    score: float
    moved: bool
    children: list[_RawPair]



class Engine(WordChanges):
    """Runs one comparison; :func:`diff_plans` is its public face. The table module reuses its
    word-level helpers (:meth:`word_changes`, :meth:`emit`)."""

    def __init__(self, old: Plan, new: Plan, year_shift: bool):
        self.old_plan, self.new_plan = old, new
        old_ocr, new_ocr = looks_ocr(old), looks_ocr(new)
        self.tolerant = old_ocr or new_ocr
        clean = None if (old_ocr and new_ocr) else ("old" if new_ocr else "new")
        self.fuzzy = Fuzzy(clean) if self.tolerant else None
        self.a = Side(old, ocr=old_ocr, punct=not self.tolerant)
        self.b = Side(new, ocr=new_ocr, punct=not self.tolerant)
        self.years = Years.of(old, new, year_shift)
        self.identical = old.text == new.text
        self.titles = TitleSimilarity()  # section titles and table tasks, scored many times
        self._typos: list | None = None
        self._typo_starts: list[int] = []
        self.pending: list[_Pending] = []
        self.matched = 0
        self.total_a = 0
        self.total_b = 0
        self.part_labels: list[str] = []
        # (side "a"/"b", id(section)) -> (label, part)
        self.where: dict[tuple[str, int], tuple[str, int]] = {}
        # (side, id(section)) -> the section it is paired with
        self.mates: dict[tuple[str, int], Section] = {}
        keys_a = {c.key for c in self.a.basis}
        keys_b = {c.key for c in self.b.basis}
        # the issuer as the plan facts read it (a truncated header cell completed from the place line)
        self.header_fields = compare_headers(replace(old.header, issuer=old.facts.issuer or old.header.issuer),
                                             replace(new.header, issuer=new.facts.issuer or new.header.issuer),
                                             self.years)
        self.basis_replaced = _replaced_pairs(keys_a - keys_b, keys_b - keys_a)
        self.basis_added = frozenset(keys_b - keys_a - {n for _o, n in self.basis_replaced})
        self.basis_removed = frozenset(keys_a - keys_b - {o for o, _n in self.basis_replaced})

    # -- entry ---------------------------------------------------------------------------------
    def run(self) -> PlanDiff:
        from .tables import diff_tables, tables_as_text

        tables_as_text(self)
        self._opening()
        raw_pairs = self._pair_sections(list(self.old_plan.sections), list(self.new_plan.sections))
        for rp in raw_pairs:
            self._register(rp, self._new_part(self._label(rp.old, rp.new)), "")
        for part, rp in enumerate(raw_pairs, start=1):
            self._top_section(rp, part)
        self._ending()
        tables = diff_tables(self)
        return self._finish(raw_pairs, tables)

    def _new_part(self, label: str) -> int:
        self.part_labels.append(label)
        return len(self.part_labels) - 1

    def emit(self, part: int, anchor: int, segment: Segment, changes: list[Change]) -> None:
        """Queue a segment; segments are ordered by part, then by their place in the new plan."""
        self.pending.append(_Pending(part, anchor, len(self.pending), segment, changes))

    # -- labels --------------------------------------------------------------------------------
    def _title(self, old: Section | None, new: Section | None) -> str:
        """The title to show: the clean side's when the new plan is OCR'd and the pair matched."""
        if new is None:
            return old.title if old else ""
        if old is not None and self.b.ocr and not self.a.ocr:
            return old.title
        return new.title

    def _label(self, old: Section | None, new: Section | None, path: str = "") -> str:
        s = new or old
        if s is None:
            return ""
        sep = "" if s.number == "PHỤ LỤC" else ("." if s.level < 3 else ")")
        title = " ".join(self._title(old, new).split())
        width = 70 if s.level < 3 else 40
        if len(title) > width:
            title = title[: width - 1] + "…"
        return f"{path}{s.number}{sep} {title}".strip()

    def _register(self, rp: _RawPair, part: int, path: str) -> None:
        label = self._label(rp.old, rp.new, path)
        if rp.old is not None and rp.new is not None:
            self.mates[("a", id(rp.old))] = rp.new
            self.mates[("b", id(rp.new))] = rp.old
        if rp.old is not None:
            self.where[("a", id(rp.old))] = (label, part)
        if rp.new is not None:
            self.where[("b", id(rp.new))] = (label, part)
        s = rp.new or rp.old
        child_path = f"{path}{s.number}." if s is not None else path
        for child in rp.children:
            self._register(child, part, child_path)
        for side, sec in (("a", rp.old), ("b", rp.new)):
            if sec is not None and not rp.children:
                for child in sec.children:
                    pair = _RawPair(child if side == "a" else None, child if side == "b" else None, 0.0, False, [])
                    self._register(pair, part, child_path)

    def label_at(self, side: str, pos: int) -> tuple[str, int]:
        """The label of the deepest section holding ``pos`` and the part it is drawn in."""
        s = self.b if side == "b" else self.a
        if pos >= s.ending:
            return ENDING, (len(self.part_labels) - 1 if self.part_labels[-1] == ENDING else 0)
        sec = s.plan.section_at(pos)
        if sec is None:
            return OPENING, 0
        return self.where.get((side, id(sec)), (sec.label, 0))

    # -- sections ------------------------------------------------------------------------------
    def _pair_sections(self, olds: list[Section], news: list[Section]) -> list[_RawPair]:
        keys_o = [Bag(self.a.content_keys(s)) for s in olds]
        keys_n = [Bag(self.b.content_keys(s)) for s in news]
        near = _candidates(olds, news)
        scores = []
        for i, o in enumerate(olds):
            row = []
            for j, n in enumerate(news):
                if near is not None and (i, j) not in near:
                    row.append(0.0)
                    continue
                t = self.titles(o.title, n.title)
                num = 1.0 if o.number == n.number else 0.0
                ko, kn = keys_o[i], keys_n[j]
                if ko.n and kn.n:
                    s = 0.45 * t + 0.4 * ko.similarity(kn) + 0.15 * num
                elif not ko.n and not kn.n:
                    s = (0.45 * t + 0.15 * num) / 0.6
                else:
                    s = 0.45 * t + 0.15 * num
                row.append(s)
            scores.append(row)
        pairs = match_pairs(scores, SECTION_THRESHOLD)
        out_of_order = moved(pairs)
        by_new = {j: i for i, j in pairs}
        by_old = {i: j for i, j in pairs}
        ordered: list[tuple[float, int, _RawPair]] = []
        for j, n in enumerate(news):
            i = by_new.get(j)
            o = olds[i] if i is not None else None
            children = self._pair_sections(list(o.children), list(n.children)) if o is not None else []
            ordered.append((j, 0, _RawPair(o, n, scores[i][j] if i is not None else 0.0,
                                           (i, j) in out_of_order, children)))
        for i, o in enumerate(olds):
            if i not in by_old:
                before = [by_old[k] for k in range(i) if k in by_old]
                ordered.append(((max(before) + 0.5) if before else -0.5, i, _RawPair(o, None, 0.0, False, [])))
        ordered.sort(key=lambda x: (x[0], x[1]))
        return [rp for _p, _i, rp in ordered]

    def _top_section(self, rp: _RawPair, part: int) -> None:
        o, n = rp.old, rp.new
        if o is not None and n is not None:
            # the heading is aligned with the text: a title wrapped over two lines on one side
            # finds its second line in the first paragraph of the other
            self._align(self.a.section_units(o, own_heading=True), self.b.section_units(n, own_heading=True),
                        part=part, anchor_a=o.span.start, anchor_b=n.span.start)
        elif n is not None:
            for u in (u for u in self.b.section_units(n, own_heading=True) if not u.chrome):
                self._group([], [u], part=part, region="text", anchor_a=0, anchor_b=u.span.start,
                            reason="thêm mục (section added)")
        elif o is not None:
            for u in (u for u in self.a.section_units(o, own_heading=True) if not u.chrome):
                self._group([u], [], part=part, region="text", anchor_a=u.span.start, anchor_b=0,
                            reason="bỏ mục (section removed)")

    # -- paragraphs ----------------------------------------------------------------------------------
    def _align(self, ua: list[Unit], ub: list[Unit], *, part: int, anchor_a: int, anchor_b: int) -> None:
        """Align two lists of paragraphs and diff each group."""
        words_a = [self.a.words(u.toks) for u in ua]
        words_b = [self.b.words(u.toks) for u in ub]
        ka = [Bag(w) for w in words_a]
        kb = [Bag(w) for w in words_b]
        # paragraphs without a word ("-", a stray mark) compare on their folded text
        ra = [" ".join(fold(u.toks.slice(self.a.text)).split()) if not ka[k].n else "" for k, u in enumerate(ua)]
        rb = [" ".join(fold(u.toks.slice(self.b.text)).split()) if not kb[k].n else "" for k, u in enumerate(ub)]

        def bag(bags: list[Bag], idx) -> Bag:
            out = bags[idx[0]]
            for k in idx[1:]:
                out = out + bags[k]
            return out

        singles: dict[tuple[int, int], float] = {}

        def sim(ia, ib) -> float:
            if len(ia) == len(ib) == 1:
                key = (ia[0], ib[0])
                if key not in singles:
                    hint = self._paired_headings(ua[ia[0]], ub[ib[0]])
                    if hint is None and not ka[ia[0]].n and not kb[ib[0]].n:
                        hint = 1.0 if ra[ia[0]] == rb[ib[0]] else 0.0
                    singles[key] = hint if hint is not None else ka[ia[0]].similarity(kb[ib[0]])
                return singles[key]
            # a split or merged paragraph shares words with each of its pieces
            if any(sim((i,), (j,)) < 0.1 for i in ia for j in ib):
                return 0.0
            wa, wb = bag(ka, ia), bag(kb, ib)
            if not wa.n and not wb.n:
                return 1.0
            return wa.similarity(wb)

        groups = self._stream_groups(ua, ub, ka, kb, sim, _stream(self.a, ua, words_a), _stream(self.b, ub, words_b))
        groups = _pair_by_position(groups, ua, ub)
        groups, moved_new = swap_moved(groups, sim, UNIT_MOVED, lambda x, y: ua[x].section is None and ub[y].section is None)
        lone_a = [k for k, (ia, ib) in enumerate(groups) if ia and not ib]
        lone_b = [k for k, (ia, ib) in enumerate(groups) if ib and not ia]
        if len(lone_a) * len(lone_b) > MOVED_CANDIDATES:  # bounded work: no search for moves
            lone_a = lone_b = []
        cand = sorted(((sim(groups[x][0], groups[y][1]), x, y) for x in lone_a for y in lone_b), reverse=True)
        used: set[int] = set()
        for s, x, y in cand:
            if s < UNIT_MOVED or x in used or y in used:
                continue
            used |= {x, y}
            groups[y] = [groups[x][0], groups[y][1]]
            groups[x] = [(), ()]
            moved_new.add(y)
        ao, an = anchor_a, anchor_b
        for k, (ia, ib) in enumerate(groups):
            if not ia and not ib:
                continue
            if all(ua[i].chrome for i in ia) and all(ub[j].chrome for j in ib):
                # web-page chrome (menus, "Tin liên quan") on its own is left out; chrome the
                # other side reads as text (a re-wrapped copy read differently) is compared
                continue
            sa, sb = [ua[i] for i in ia], [ub[j] for j in ib]
            self._group(sa, sb, part=part, region="text", anchor_a=ao, anchor_b=an, is_moved=k in moved_new)
            if sa and k not in moved_new:
                ao = sa[-1].span.end
            if sb:
                an = sb[-1].span.end

    def _stream_groups(self, ua: list[Unit], ub: list[Unit], ka: list[Bag], kb: list[Bag],
                       sim: Callable[[tuple[int, ...], tuple[int, ...]], float],
                       stream_a: tuple[list[str], list[int]], stream_b: tuple[list[str], list[int]],
                       ) -> list[list[tuple[int, ...]]]:
        """Align paragraphs in order: anchors from one word diff of the whole stretch, then the
        paragraph alignment (:func:`.align.align_units`) between anchors.

        The words of all paragraphs of each side are diffed as one stream (white space, line
        breaks and paragraph ends are no tokens), so a paragraph re-wrapped into ten lines, or
        two paragraphs joined, still find each other. An old and a new paragraph that share
        aligned words covering at least half of the shorter one are anchored together (with
        every paragraph linked to them, so a paragraph and its re-wrapped lines form one group).
        What lies between anchors is few paragraphs, aligned by similarity as before. Near
        linear: :func:`.tokens.diff_keys` anchors long streams on unique words, and the
        paragraph alignment only runs on the short stretches between anchors.
        """
        keys_a, own_a = stream_a
        keys_b, own_b = stream_b
        shared: Counter = Counter()  # (old paragraph, new paragraph) -> words aligned between them
        for tag, i1, i2, j1, j2 in diff_keys(keys_a, keys_b):
            if tag == "equal":
                shared.update(zip(own_a[i1:i2], own_b[j1:j2], strict=True))
        boxes: list[list[int]] = []  # [a_lo, a_hi, b_lo, b_hi], inclusive
        weak: list[tuple[int, int]] = []  # links sharing too few words to anchor on their own
        for (x, y), n in sorted(shared.items()):
            if n < 0.5 * min(ka[x].n, kb[y].n):
                if ua[x].section is None and ub[y].section is None:
                    weak.append((x, y))
                continue
            hx, hy = ua[x].section is not None, ub[y].section is not None
            if hx and hy and self._paired_headings(ua[x], ub[y]) == 0.0:
                continue
            # a heading links to a plain paragraph only when that is a piece of it (the wrapped
            # rest of a long heading title)
            if hx != hy and n < (kb[y].n if hx else ka[x].n):
                continue
            if boxes and (x <= boxes[-1][1] or y <= boxes[-1][3]):
                box = boxes[-1]
                box[1], box[3] = max(box[1], x), max(box[3], y)
            else:
                boxes.append([x, x, y, y])
        groups: list[list[tuple[int, ...]]] = []
        na = nb = 0

        def gap(a_hi: int, b_hi: int) -> None:
            """Align the paragraphs between the last anchor and ``(a_hi, b_hi)``."""
            n, m = a_hi - na, b_hi - nb
            if n and m and n * m <= GAP_CELLS:
                for ga, gb in align_units(n, m, lambda ia, ib: sim(tuple(na + i for i in ia),
                                                                   tuple(nb + j for j in ib)), UNIT_THRESHOLD):
                    groups.append([tuple(na + i for i in ga), tuple(nb + j for j in gb)])
            else:
                groups.extend([[(i,), ()] for i in range(na, a_hi)] + [[(), (j,)] for j in range(nb, b_hi)])

        def merged(ia: range, ib: range) -> float:
            wa, wb = Bag(), Bag()
            for i in ia:
                wa = wa + ka[i]
            for j in ib:
                wb = wb + kb[j]
            return wa.similarity(wb)

        kept: list[list[int]] = []
        for box in boxes:
            if kept and (box[0] <= kept[-1][1] or box[2] <= kept[-1][3]):
                continue  # crossing links (a word matched out of order): no anchor
            kept.append(box)
        kept = _join_split(kept, weak, merged)
        # A paragraph found only on one side next to an anchor joins it when that makes the two
        # sides more alike (an old paragraph split in two, one half rewritten under OCR noise).
        for k, box in enumerate(kept):
            lo_a = kept[k - 1][1] + 1 if k else 0
            lo_b = kept[k - 1][3] + 1 if k else 0
            if box[0] == lo_a:
                while box[2] > lo_b and merged(range(box[0], box[1] + 1), range(box[2] - 1, box[3] + 1)) > \
                        merged(range(box[0], box[1] + 1), range(box[2], box[3] + 1)):
                    box[2] -= 1
            elif box[2] == lo_b:
                while box[0] > lo_a and merged(range(box[0] - 1, box[1] + 1), range(box[2], box[3] + 1)) > \
                        merged(range(box[0], box[1] + 1), range(box[2], box[3] + 1)):
                    box[0] -= 1
        for a_lo, a_hi, b_lo, b_hi in kept:
            gap(a_lo, b_lo)
            groups.append([tuple(range(a_lo, a_hi + 1)), tuple(range(b_lo, b_hi + 1))])
            na, nb = a_hi + 1, b_hi + 1
        gap(len(ua), len(ub))
        return groups

    def _paired_headings(self, x: Unit, y: Unit) -> float | None:
        """Headings follow the section pairing: 0.9 for the headings of two paired sections, 0 for
        a heading and one whose section is paired with another; ``None`` when no pairing applies."""
        if x.section is None or y.section is None:
            return None
        mate_x = self.mates.get(("a", id(x.section)))
        mate_y = self.mates.get(("b", id(y.section)))
        if mate_x is y.section:
            return 0.9
        if mate_x is not None or mate_y is not None:
            return 0.0
        return None

    # -- opening and ending ----------------------------------------------------------------------
    def _opening(self) -> None:
        part = self._new_part(OPENING)
        ha, ra = self.a.opening_units()
        hb, rb = self.b.opening_units()
        if ha or hb:
            self._header(ha, hb, part)
        self._align(ra, rb, part=part, anchor_a=ha[-1].end if ha else 0, anchor_b=hb[-1].end if hb else 0)

    def _ending(self) -> None:
        ua, ub = self.a.ending_units(), self.b.ending_units()
        if ua or ub:
            part = self._new_part(ENDING)
            self._align(ua, ub, part=part, anchor_a=self.a.ending, anchor_b=self.b.ending)

    def _header(self, ha: list[Span], hb: list[Span], part: int) -> None:
        """The two-column header: its columns interleave differently in every export and scan,
        so its words are aligned order-free."""
        a, b = self.a.tokens(ha), self.b.tokens(hb)
        span_a = Span(ha[0].start, ha[-1].end) if ha else None
        span_b = Span(hb[0].start, hb[-1].end) if hb else None
        al = align_words(a, b, fuzzy=self.fuzzy, a_text=self.a.text, b_text=self.b.text, scrambled=True)
        self.count(a, b, al)
        found = self.word_changes(
            a, b, al, a_text=self.a.text, b_text=self.b.text, region="header",
            label=lambda side, pos: OPENING, whole_a=span_a, whole_b=span_b,
        )
        fields = {f.name: f for f in self.header_fields}
        changes = []
        for c, _la, _lb in found:
            name = (field_at(self.new_plan.header, c.new_span, self.new_plan.text)
                    or field_at(self.old_plan.header, c.old_span, self.old_plan.text))
            f = fields.get(name) if name else None
            if f is not None and f.kind == "expected" and c.kind != "expected":
                c = replace(c, kind="expected", reason=f.reason)
            changes.append(c)
        self._emit_text(part, span_a, span_b, changes, kind="header",
                        breaks_a=[s.start for s in ha[1:]], breaks_b=[s.start for s in hb[1:]],
                        anchor=span_b.start if span_b else 0)

    # -- one aligned group of paragraphs -----------------------------------------------------------
    def _group(self, ua: list[Unit], ub: list[Unit], *, part: int, region: str, anchor_a: int, anchor_b: int,
               reason: str | None = None, is_moved: bool = False) -> None:
        headings = bool(ua and ub and len(ua) == len(ub) == 1 and ua[0].section and ub[0].section)
        if region == "heading" or headings:
            region = "heading"
            tok_a, tok_b = [u.toks for u in ua], [u.toks for u in ub]
        else:
            tok_a, tok_b = [u.span for u in ua], [u.span for u in ub]
        a, b = self.a.tokens(tok_a), self.b.tokens(tok_b)
        span_a = Span(ua[0].span.start, ua[-1].span.end) if ua else None
        span_b = Span(ub[0].span.start, ub[-1].span.end) if ub else None
        if ua and ub:
            al = align_words(a, b, fuzzy=self.fuzzy, a_text=self.a.text, b_text=self.b.text,
                             rewrite_below=0.0 if region == "heading" else REWRITE_BELOW)
        elif ua:
            al = Alignment([(0, len(a), 0, 0)], {})
        else:
            al = Alignment([(0, 0, 0, len(b))], {})
        self.count(a, b, al)
        changes: list[Change] = []
        if region == "heading" and ua and ub:
            changes += self._renumbered(ua[0], ub[0])
            na = self.a.words(ua[0].number) if ua[0].number else []
            nb = self.b.words(ub[0].number) if ub[0].number else []
            self.total_a += len(na)
            self.total_b += len(nb)
            if na and nb and ua[0].section.number == ub[0].section.number:  # type: ignore[union-attr]
                self.matched += min(len(na), len(nb))
        desc = self._basis_desc([u.span for u in ua], [u.span for u in ub])
        found = self.word_changes(
            a, b, al, a_text=self.a.text, b_text=self.b.text, region=region,
            label=self._label_of, whole_a=span_a if region != "heading" else None,
            whole_b=span_b if region != "heading" else None, anchor_a=anchor_a, anchor_b=anchor_b,
            reason=reason, basis=lambda ta, tb: self._op_basis(ta, tb, desc),
        )
        changes += [c for c, _la, _lb in found]
        if ua and ub and not self.identical and not al.rewritten:
            changes += [c for c, _la, _lb in self.carried(a, b, al, a_text=self.a.text, b_text=self.b.text,
                                                           label=self._label_of, in_plan=True)]
        lone = (ua or ub)[0] if len(ua) + len(ub) == 1 else None
        heading = region == "heading" or (lone is not None and lone.section is not None)
        self._emit_text(part, span_a, span_b, changes, kind="heading" if heading else "text",
                        breaks_a=[u.span.start for u in ua[1:]], breaks_b=[u.span.start for u in ub[1:]],
                        anchor=span_b.start if span_b else anchor_b, is_moved=is_moved)

    def _label_of(self, side: str, pos: int) -> str:
        return self.label_at(side, pos)[0]

    def _renumbered(self, ua: Unit, ub: Unit) -> list[Change]:
        o, n = ua.section, ub.section
        if o is None or n is None or o.number == n.number or ua.number is None or ub.number is None:
            return []
        return [Change(
            "expected", self._label_of("b", ub.span.start), ua.number.slice(self.a.text),
            ub.number.slice(self.b.text), ua.number, ub.number,
            f"đánh số lại {o.number} → {n.number} (section renumbered)",
        )]

    def _emit_text(self, part: int, span_a: Span | None, span_b: Span | None, changes: list[Change], *,
                   kind: str, breaks_a: list[int], breaks_b: list[int], anchor: int, is_moved: bool = False) -> None:
        base_a = span_a.start if span_a else 0
        base_b = span_b.start if span_b else 0
        marks = tuple(
            Mark(k, c.kind, _clip(c.old_span, span_a, base_a), _clip(c.new_span, span_b, base_b))
            for k, c in enumerate(changes)
        )
        if span_a is None:
            status = "added"
        elif span_b is None:
            status = "removed"
        elif is_moved:
            status = "moved"
        else:
            status = "changed" if any(c.kind != "carried-error" for c in changes) else "same"
        piece = Piece(
            span_a.slice(self.a.text) if span_a else None,
            span_b.slice(self.b.text) if span_b else None,
            marks,
            tuple(x - base_a for x in breaks_a),
            tuple(x - base_b for x in breaks_b),
        )
        self.emit(part, anchor, Segment(part, kind, status, (piece,), span_a, span_b), changes)

    # -- the result --------------------------------------------------------------------------------
    def _finish(self, raw_pairs: list[_RawPair], table_pairs: list[TablePair]) -> PlanDiff:
        self.pending.sort(key=lambda p: (p.part, p.anchor, p.seq))
        changes: list[Change] = []
        segments: list[Segment] = []
        ids_of_row: dict[int, tuple[int, ...]] = {}
        for p in self.pending:
            base = len(changes)
            changes.extend(p.changes)
            seg = p.segment
            pieces = tuple(
                Piece(pc.old, pc.new, tuple(Mark(m.change + base, m.kind, m.old, m.new) for m in pc.marks),
                      pc.breaks_old, pc.breaks_new)
                for pc in seg.pieces
            )
            row = seg.row
            if row is not None:
                ids = tuple(range(base, base + len(p.changes)))
                ids_of_row[id(row)] = ids
                row = RowPair(row.old, row.new, row.status, row.score, row.task_old, row.task_new, ids)
            segments.append(Segment(seg.part, seg.kind, seg.status, pieces, seg.old_span, seg.new_span, seg.table, row))
        tables = tuple(
            TablePair(t.old, t.new,
                      tuple(RowPair(r.old, r.new, r.status, r.score, r.task_old, r.task_new, ids_of_row.get(id(r), ()))
                            for r in t.rows),
                      t.columns, t.labels, t.task_column, t.old_section, t.new_section, t.shown)
            for t in table_pairs
        )
        index = _ChangeIndex(changes)
        sections = tuple(self._final_pair(rp, index) for rp in raw_pairs)
        parts = []
        for p, label in enumerate(self.part_labels):
            ids = {m.change for s in segments if s.part == p for pc in s.pieces for m in pc.marks}
            kinds = tuple(sorted(Counter(changes[i].kind for i in ids).items()))
            if (label == OPENING and p == 0) or (label == ENDING and p == len(self.part_labels) - 1):
                parts.append(Part(label, "changed" if ids else "same", None, kinds))
            else:
                pair = sections[p - 1]
                parts.append(Part(label, pair.status, pair, kinds))
        n_a, n_b = self.total_a, self.total_b
        matched = min(self.matched, n_a, n_b)
        return PlanDiff(
            old=self.old_plan,
            new=self.new_plan,
            sections=sections,
            changes=tuple(changes),
            basis_added=self.basis_added,
            basis_removed=self.basis_removed,
            basis_replaced=self.basis_replaced,
            header=self.header_fields,
            carried_over=round(matched / n_b, 4) if n_b else 1.0,
            similarity=round(2 * matched / (n_a + n_b), 4) if n_a + n_b else 1.0,
            tables=tables,
            year_shift=self.years.shift,
            ocr=self.tolerant,
            parts=tuple(parts),
            segments=tuple(segments),
        )

    def _final_pair(self, rp: _RawPair, index: _ChangeIndex) -> SectionPair:
        children = tuple(self._final_pair(c, index) for c in rp.children)
        o, n = rp.old, rp.new
        found = index.inside(o.span if o is not None else None, n.span if n is not None else None)
        kinds = tuple(sorted(Counter(c.kind for c in found).items()))
        if o is None:
            status = "added"
        elif n is None:
            status = "removed"
        elif rp.moved:
            status = "moved"
        else:
            status = "changed" if any(c.kind != "carried-error" for c in found) else "same"
        title = " ".join(self._title(o, n).split())
        return SectionPair(o, n, status, round(rp.score, 3), children, len(found), kinds, title)


# --- helpers -----------------------------------------------------------------------------------

class _ChangeIndex:
    """The changes by where they lie in each plan, for the changes inside a section pair: a
    change inside the old section (its old text, not empty, within the section) or inside the
    new one. Found by bisection over the changes sorted by start, not by testing every change
    against every section."""

    __slots__ = ("_changes", "_new", "_new_starts", "_old", "_old_starts")

    def __init__(self, changes: list[Change]):
        self._changes = changes
        self._old = sorted((c.old_span.start, c.old_span.end, k) for k, c in enumerate(changes)
                           if c.old_span.end > c.old_span.start)
        self._new = sorted((c.new_span.start, c.new_span.end, k) for k, c in enumerate(changes)
                           if c.new_span.end > c.new_span.start)
        self._old_starts = [s for s, _e, _k in self._old]
        self._new_starts = [s for s, _e, _k in self._new]

    def inside(self, old: Span | None, new: Span | None) -> list[Change]:
        """The changes inside ``old`` (a span of the old plan) or ``new``, in their order."""
        ids: set[int] = set()
        for span, spans, starts in ((old, self._old, self._old_starts), (new, self._new, self._new_starts)):
            if span is None:
                continue
            lo = bisect.bisect_left(starts, span.start)
            hi = bisect.bisect_left(starts, span.end)
            ids.update(k for _s, e, k in spans[lo:hi] if e <= span.end)
        return [self._changes[k] for k in sorted(ids)]


def _stream(side: Side, units: list[Unit], toks_words: list[list[str]]) -> tuple[list[str], list[int]]:
    """The word keys of ``units`` in order, and the unit each word belongs to. ``toks_words``
    are the words of each unit's ``toks``: those of its whole paragraph but for a heading
    that has a number."""
    keys: list[str] = []
    owner: list[int] = []
    for k, u in enumerate(units):
        words = toks_words[k] if u.toks == u.span else side.words(u.span)
        keys += words
        owner += [k] * len(words)
    return keys, owner


def _candidates(olds: list[Section], news: list[Section]) -> set[tuple[int, int]] | None:
    """The section pairs worth scoring: all of them for a usual plan (``None``); for one with
    very many sections, those near the same relative place, or with the same number or title,
    so pairing stays near linear."""
    n, m = len(olds), len(news)
    if n * m <= SECTION_CELLS:
        return None
    out = {(i, j) for i in range(n) for j in range(max(0, i * m // n - SECTION_WINDOW),
                                                   min(m, i * m // n + SECTION_WINDOW + 1))}
    for key in ("number", "title"):
        where: dict[str, list[int]] = {}
        for j, s in enumerate(news):
            where.setdefault(" ".join(fold(getattr(s, key)).split()), []).append(j)
        for i, s in enumerate(olds):
            found = where.get(" ".join(fold(getattr(s, key)).split()), [])
            if len(found) <= SECTION_WINDOW:
                out.update((i, j) for j in found)
    return out


def _replaced_pairs(removed: set[str], added: set[str]) -> tuple[tuple[str, str], ...]:
    """``(old, new)`` for each removed basis document that an added one replaced
    (the register through :func:`plankit.validity.replacements`), or that replaced it (comparing backwards): one
    change of the basis, not two, so swapping the plans swaps each pair."""
    from ..validity import replacements

    def norm(key: str) -> str:
        return "".join(fold(key).split())

    by_norm = {norm(k): k for k in added}
    out = []
    gone = {norm(k): k for k in removed}
    for r in replacements():
        for before, after in ((r.key, r.replaced_by), (r.replaced_by, r.key)):
            old, new = gone.get(norm(before)), by_norm.get(norm(after))
            if old is not None and new is not None and (old, new) not in out:
                out.append((old, new))
    return tuple(sorted(out))


def _pair_by_position(groups: list[list[tuple[int, ...]]], ua: list[Unit], ub: list[Unit]) -> list[list[tuple[int, ...]]]:
    """Pair a lone removed paragraph with a lone added one between the same neighbours: the
    same slot rewritten (under OCR noise the same paragraph may share few exact words: the Cần
    Thơ "Kinh phí ..." of 2022 and 2025 share a quarter). Headings pair only with headings."""
    out: list[list[tuple[int, ...]]] = []
    k = 0
    while k < len(groups):
        run = []
        while k < len(groups) and not (groups[k][0] and groups[k][1]):
            run.append(groups[k])
            k += 1
        olds = [g for g in run if g[0]]
        news = [g for g in run if g[1]]
        if (len(olds) == 1 and len(news) == 1 and len(olds[0][0]) == len(news[0][1]) == 1
                and (ua[olds[0][0][0]].section is None) == (ub[news[0][1][0]].section is None)):
            out.append([olds[0][0], news[0][1]])
        else:
            out.extend(run)
        if k < len(groups):
            out.append(groups[k])
            k += 1
    return out


def _join_split(boxes: list[list[int]], weak: list[tuple[int, int]],
                merged: Callable[[range, range], float]) -> list[list[int]]:
    """Join two neighbouring anchors when words of one side's paragraph in the first are aligned
    with the other side's paragraph in the second (or the reverse), and the two sides of the
    joined anchor are more alike than those of either anchor: one copy broke its paragraphs at
    another place (a line ending in a document symbol read as a paragraph end), so the words
    around the break belong to neither pair alone. Left apart, a paragraph of repeated words
    pairs with the wrong half and shows a removed run and added runs of the same words."""
    links: dict[int, list[int]] = {}
    for x, y in weak:
        links.setdefault(x, []).append(y)

    def crossed(a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> bool:
        return any(b_lo <= y <= b_hi for x in range(a_lo, a_hi + 1) for y in links.get(x, ()))

    out: list[list[int]] = []
    last: list[int] = []  # the anchor before, as found (out[-1] may have grown by joins)
    for box in boxes:
        prev = out[-1] if out else None
        if (prev is not None and box[0] == last[1] + 1 and box[2] == last[3] + 1
                and (crossed(last[0], last[1], box[2], box[3]) or crossed(box[0], box[1], last[2], last[3]))
                and merged(range(last[0], box[1] + 1), range(last[2], box[3] + 1))
                > max(merged(range(last[0], last[1] + 1), range(last[2], last[3] + 1)),
                      merged(range(box[0], box[1] + 1), range(box[2], box[3] + 1)))):
            prev[1], prev[3] = box[1], box[3]
        else:
            out.append(list(box))
        last = box
    return out


def _clip(span: Span, whole: Span | None, base: int) -> Local:
    if whole is None:
        return (0, 0)
    s = min(max(span.start, whole.start), whole.end) - base
    e = min(max(span.end, whole.start), whole.end) - base
    return (s, max(s, e))


def diff_plans(
    old: Plan | str | os.PathLike[str], new: Plan | str | os.PathLike[str], *, year_shift: bool = True
) -> PlanDiff:
    """Compare two plans (or files), usually last year's and this year's, and classify what changed.

    Sections are paired by number, title and content (an inserted section does not shift the
    rest), paragraphs aligned inside each pair and words diffed on the folded text, so OCR
    without diacritics, NFC/NFD and tone placement (hòa/hoà) are not changes. Every change gets
    a kind: ``expected`` (year bumps and other yearly updates; with ``year_shift=False`` a
    year bump counts as ``substantive``), ``basis``, ``substantive`` or ``carried-error``.

    >>> from plankit.read import read_text
    >>> old = read_text("KẾ HOẠCH\\nTuyên truyền cải cách hành chính năm 2024\\n"
    ...                 "I. KINH PHÍ\\nKinh phí năm 2024 do ngân sách nhà nước bảo đảm.")
    >>> new = read_text("KẾ HOẠCH\\nTuyên truyền cải cách hành chính năm 2025\\n"
    ...                 "I. KINH PHÍ\\nKinh phí năm 2025 từ nguồn kinh phí thường xuyên.")
    >>> for c in diff_plans(old, new).changes:
    ...     print(c.kind, "|", c.old, "|", c.new)
    expected | năm 2024 | năm 2025
    expected | năm 2024 | năm 2025
    substantive | do ngân sách nhà nước bảo đảm | từ nguồn kinh phí thường xuyên
    """
    from ..read import as_plan

    return Engine(as_plan(old), as_plan(new), year_shift).run()
