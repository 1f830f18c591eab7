"""How a plan is cut for comparison: opening, sections, ending; paragraphs; legal basis.

The opening is everything before the first level-1 heading (the two-column header, the document
type, the subject, the Căn cứ paragraphs); the ending starts at the closing ("Trên đây là Kế
hoạch ...", also as OCR reads it), the recipients or the signature. Paragraphs are the reader's
blocks (:attr:`plankit.model.Plan.blocks`); a plan built by hand without blocks is cut into
lines (blank-line paragraphs when OCR'd). Tables are left out: they are compared on their own
(:mod:`plankit.diff.tables`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..model import Block, Plan, Section, SourceRef, Span
from ..text import fold, is_upper_text
from .align import _trigrams, text_similarity
from .tokens import Tok, TokenStream, looks_ocr, ocr_clean

__all__ = ["COLUMN_MARKS", "ENDING", "OPENING", "Side", "TitleSimilarity", "Unit", "title_similarity"]

OPENING = "Phần mở đầu"
ENDING = "Phần kết thúc"

_SKIP_BLOCKS = frozenset({"table", "boilerplate"})
# A portal's title line, folded: one to four words of a document type, a number, "năm" and a
# year ("cong van 473/stp-pbgdpl nam 2020 ve viec ..."); the number must be the document's own.
_PORTAL_TITLE = re.compile(r"[^\w]*(?:[^\W\d_]+[ \t]+){1,4}(?P<number>\d)\S*[ \t]+nam[ \t]+\d{4}\b")
# A list marker of one letter: "a) ", "đ. ".
_LETTER_MARKER = re.compile(r"[^\W\d_][.)][ \t]")
# A possible end of a basis clause: "." or ":" before white space or the end of the text.
_CLAUSE_END = re.compile(r"[.:](?=\s|$)")
# A line opening a list item or a heading: "a) ", "1. ", "II. ", "- ", "+ ".
_MARKER = re.compile(r"^(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*|[IVXLC]+)[.)]\s|^[-+*•–]\s?")
_ENDING_BLOCKS = frozenset({"closing", "recipients", "signature"})
# The closing as OCR reads it ("Trén day 1a K& hoach"), after ocr_clean: "tren day la ke hoach".
_CLOSING = re.compile(r"^\W*tren\s+day\s+la\b")


def _clean_title(text: str) -> str:
    return " ".join(ocr_clean(fold(text)).split())


def title_similarity(a: str, b: str) -> float:
    """Similarity of two titles, compared over the length of the shorter one (at least 12
    characters, at most 80): a heading that is a whole paragraph on one side and its first line
    on the other still matches. Symmetric.

    >>> title_similarity("KINH PHÍ THỰC HIỆN", "KINH PHi THUC HIEN")
    1.0
    """
    fa, fb = _clean_title(a), _clean_title(b)
    n = min(max(min(len(fa), len(fb)), 12), 80)
    fa, fb = sorted((fa[:n], fb[:n]))
    return text_similarity(fa, fb)


class TitleSimilarity:
    """:func:`title_similarity` for one comparison, each title cleaned and each trigram count
    made once: a section title is scored against every title of the other plan, a row's task
    against every task. The same value, to the last bit.

    >>> same = TitleSimilarity()
    >>> same("KINH PHÍ THỰC HIỆN", "KINH PHi THUC HIEN"), same("MỤC ĐÍCH", "KINH PHÍ")
    (1.0, 0.0)
    """

    __slots__ = ("_clean", "_grams")

    def __init__(self) -> None:
        self._clean: dict[str, str] = {}
        self._grams: dict[str, tuple[str, dict[str, int], int]] = {}

    def _gram(self, text: str) -> tuple[str, dict[str, int], int]:
        got = self._grams.get(text)
        if got is None:
            key = " ".join(fold(text).split())  # as text_similarity reads it
            grams = _trigrams(key)
            got = self._grams[text] = (key, grams, sum(grams.values()))
        return got

    def __call__(self, a: str, b: str) -> float:
        clean = self._clean
        fa = clean.get(a)
        if fa is None:
            fa = clean[a] = _clean_title(a)
        fb = clean.get(b)
        if fb is None:
            fb = clean[b] = _clean_title(b)
        n = min(max(min(len(fa), len(fb)), 12), 80)
        fa, fb = sorted((fa[:n], fb[:n]))
        (ka, ta, na), (kb, tb, nb) = self._gram(fa), self._gram(fb)
        if ka == kb:
            return 1.0
        total = na + nb
        if not total:
            return 0.0
        return 2 * sum([min(ta[k], tb[k]) for k in ta.keys() & tb.keys()]) / total


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph to align: ``span`` is shown; tokens come from ``toks`` (a heading's title);
    ``section`` is the section it heads and ``number`` where that number is written."""

    span: Span
    toks: Span
    section: Section | None = None
    number: Span | None = None
    chrome: bool = False


class Side:
    """One plan cut into what the comparison needs: tokens, paragraphs, regions, legal basis.

    >>> from plankit.read import read_text
    >>> side = Side(read_text("KẾ HOẠCH\\nCăn cứ Kế hoạch số 12/KH-UBND;\\nI. KINH PHÍ\\nNgân sách.\\n"
    ...                       "Trên đây là Kế hoạch năm 2025./."), ocr=False, punct=True)
    >>> [u.span.slice(side.text) for u in side.opening_units()[1]]
    ['KẾ HOẠCH', 'Căn cứ Kế hoạch số 12/KH-UBND;']
    >>> side.ending_units()[0].span.slice(side.text)
    'Trên đây là Kế hoạch năm 2025./.'
    """

    def __init__(self, plan: Plan, *, ocr: bool, punct: bool):
        self.plan = plan
        self.text = plan.text
        self.ocr = ocr
        self.scanned = looks_ocr(plan)
        self.stream = _Stream(plan.text, ocr=ocr, punct=punct, scanned=looks_ocr(plan))
        # a block without a character to show (a reader's empty paragraph), or with only the
        # marks of a layout (a header table's column marks, a rule line: no tokens, see _Stream),
        # is nothing to compare
        self.blocks: list[Block] = sorted((b for b in plan.blocks or _fallback_blocks(plan)
                                           if b.span.end > b.span.start and not _LAYOUT_ONLY.fullmatch(
                                               plan.text, b.span.start, b.span.end)),
                                          key=lambda b: b.span.start)
        self._join_broken_words()
        # web-page chrome is left out, unless the reader found nothing else (no "KẾ HOẠCH" line):
        # then the whole text is compared rather than nothing
        plan_like = any(b.kind not in _SKIP_BLOCKS for b in self.blocks)
        self.skip = _SKIP_BLOCKS if plan_like else frozenset({"table"})
        # tables compared as running text (:meth:`as_text`), by index into plan.tables
        self.text_tables: frozenset[int] = frozenset()
        self._table_runs()
        self.ending = self._ending_start()
        heads = [s.heading.start for s in plan.sections if s.heading.start < self.ending]
        self.opening_end = min(heads) if heads else self.ending
        # a level-1 section's paragraphs run on to the next one's heading (the last one's to the
        # ending): a line the reader left out of every section (a stray last line it took for
        # web chrome) is still compared and shown
        tops = sorted(plan.sections, key=lambda s: s.span.start)
        self._region_end = {id(s): (tops[k + 1].span.start if k + 1 < len(tops) else self.ending)
                            for k, s in enumerate(tops)}
        self.basis_blocks = basis_clauses(plan, self.opening_end)
        # a citation is legal basis when a basis clause holds it, whatever line it sits on
        self.basis = [c for c in plan.citations
                      if c.role == "basis" or (c.role != "self" and any(cl.contains(c.span.start)
                                                                         for cl in self.basis_blocks))]

    def _join_broken_words(self) -> None:
        """A paragraph the reader cut where a word or document number breaks after its hyphen
        (``Nghị quyết số 57-`` / ``NQ/TW ngày ...``: the next line opens in capitals) is one
        paragraph: the word is one token (:class:`_Stream`), and a token on two paragraphs would
        belong to neither."""
        starts = [b.span.start for b in self.blocks]
        join: set[int] = set()  # k: block k runs on into block k + 1
        for t in self.stream.tokens:
            if "-" not in t.key or "\n" not in self.text[t.start : t.end]:
                continue
            k = bisect.bisect_right(starts, t.start) - 1
            if 0 <= k < len(self.blocks) - 1 and self.blocks[k].span.end <= t.end and t.end > starts[k + 1] \
                    and "table" not in (self.blocks[k].kind, self.blocks[k + 1].kind):
                join.add(k)
        if not join:
            return
        out: list[Block] = []
        for k, b in enumerate(self.blocks):
            if k - 1 in join and out:
                out[-1] = replace(out[-1], span=Span(out[-1].span.start, max(out[-1].span.end, b.span.end)))
            else:
                out.append(b)
        self.blocks = out

    def _table_runs(self) -> None:
        self.table_spans = [t.span for k, t in enumerate(self.plan.tables) if k not in self.text_tables]
        # the tables' spans as disjoint runs, for in_table by bisection
        runs: list[list[int]] = []
        for t in sorted((t.start, t.end) for t in self.table_spans if t.end > t.start):
            if runs and t[0] <= runs[-1][1]:
                runs[-1][1] = max(runs[-1][1], t[1])
            else:
                runs.append([t[0], t[1]])
        self._run_starts = [r[0] for r in runs]
        self._run_ends = [r[1] for r in runs]
        self._content: tuple[list[Tok], list[int], list[str]] | None = None

    def as_text(self, tables: frozenset[int]) -> None:
        """Compare the tables ``tables`` (indexes into ``plan.tables``) as running text: their
        blocks are paragraphs, their words are the section's words (the other plan holds the
        same table as lines of text: :func:`plankit.diff.tables.tables_as_text`)."""
        if not tables:
            return
        self.text_tables = frozenset(tables)
        spans = [self.plan.tables[k].span for k in tables]
        self.blocks = [replace(b, kind="paragraph") if b.kind == "table" and any(t.contains(b.span.start) for t in spans)
                       else b for b in self.blocks]
        self._table_runs()

    def leave_out(self, starts: set[int]) -> None:
        """Leave the tokens starting at ``starts`` out of the comparison (layout the other copy
        does not hold: :func:`plankit.diff.tables.tables_as_text`)."""
        if not starts:
            return
        self.stream.tokens = [t for t in self.stream.tokens if t.start not in starts]
        self.stream._index()
        self._content = None

    def _ending_start(self) -> int:
        """Where the closing, recipients and signature begin: after the last heading and after
        the last clause of legal basis (a signer's title above the basis clauses, "BỘ TRƯỞNG BỘ
        Y TẾ" of a decision, is the issuing authority, even where a re-wrap made the reader take
        it for a signature)."""
        last_heading = max([s.heading.end for s in self.plan.sections] or [0])
        last_basis = max([b.span.end for b in self.blocks if b.kind == "basis"] or [0])
        for b in self.blocks:
            if b.span.start < last_heading or b.span.start < last_basis:
                continue
            if b.kind in _ENDING_BLOCKS:
                return b.span.start
            if b.kind == "paragraph" and _CLOSING.match(ocr_clean(fold(b.span.slice(self.text)))):
                return b.span.start
        return len(self.text)

    def in_table(self, pos: int) -> bool:
        """Whether offset ``pos`` lies in one of the plan's tables."""
        k = bisect.bisect_right(self._run_starts, pos) - 1
        return k >= 0 and pos < self._run_ends[k]

    def words(self, span: Span) -> list[str]:
        """The folded word keys inside ``span`` (no punctuation)."""
        return [t.key for t in self.stream.within(span.start, span.end) if t.kind != "punct"]

    def tokens(self, spans: list[Span]) -> list[Tok]:
        """The comparison tokens inside ``spans``, in order."""
        return [t for s in spans for t in self.stream.within(s.start, s.end)]

    def heading_unit(self, section: Section) -> Unit:
        """The paragraph holding the heading, with its number and title told apart."""
        k = next((k for k, b in enumerate(self.blocks) if b.span.contains(section.heading.start)), None)
        block = self._without_column_head(self._continued(k) if k is not None else section.heading)
        raw = block.slice(self.text)
        number = section.raw_number or section.number
        m = None
        if number and section.number != "PHỤ LỤC":
            m = re.match(r"[\s#*]*(" + re.escape(number) + r")\s*[.):]?\s*", raw)
        if not m:
            return Unit(block, block, section, None)
        return Unit(block, Span(block.start + m.end(), block.end), section,
                    Span(block.start + m.start(1), block.start + m.end(1)))

    def _without_column_head(self, span: Span) -> Span:
        """A heading's block without a last line that is the number column's head of the table
        under it (``TT``, ``STT``): a reader that found no table there (a .docx or PDF copy of a
        table written as lines) joins it to the heading, one that found the table does not, and
        a title never ends with it. :meth:`units` compares that line with the paragraphs after."""
        text = span.slice(self.text).rstrip()
        cut = text.rfind("\n")
        if cut > 0 and _COLUMN_HEAD.fullmatch(text[cut + 1 :].strip()) and text[:cut].strip():
            return Span(span.start, span.start + len(text[:cut].rstrip()))
        return span

    def _continued(self, k: int) -> Span:
        """Block ``k``, with the rest of its title when a scan's table was read from the line
        after the heading: that first line of the table, upper case like the title and in no cell
        or column head of the table, belongs to the title. (Other wrapped title lines are plain
        paragraphs, which the stream alignment pairs: :meth:`compare.Engine._stream_groups`.)"""
        span = self.blocks[k].span
        nxt = self.blocks[k + 1] if k + 1 < len(self.blocks) else None
        if nxt is None or nxt.kind != "table":
            return span
        first = nxt.span.slice(self.text).lstrip("\n")
        line = first.split("\n", 1)[0]
        start = nxt.span.start + len(nxt.span.slice(self.text)) - len(first)
        end = start + len(line)
        heads = [" ".join(fold(c).split()) for t in self.plan.tables if t.span.overlaps(nxt.span) for c in t.columns]
        key = " ".join(fold(line).split())
        if (key and is_upper_text(span.slice(self.text)) and is_upper_text(line) and not _MARKER.match(line.strip())
                and not self._in_cell(start, end) and not any(key in h or h in key for h in heads if h)):
            return Span(span.start, end)
        return span

    def _in_cell(self, start: int, end: int) -> bool:
        probe = Span(start, max(end, start + 1))
        return any(c.span.overlaps(probe) for t in self.plan.tables for row in t.rows for c in row)

    def units(self, start: int, end: int, sections: list[Section] = ()) -> list[Unit]:
        """The paragraphs starting in ``[start, end)`` outside tables; a paragraph holding the
        heading of one of ``sections`` is that section's heading unit."""
        heads: dict[int, Unit] = {}
        for s in sections:
            hu = self.heading_unit(s)
            heads.setdefault(hu.span.start, hu)
        out: list[Unit] = []
        for b in self.blocks:
            s = b.span
            if s.start < start or s.start >= end or self.in_table(s.start) or b.kind == "table":
                continue
            if out and out[-1].section is not None and out[-1].span.contains(s.start):
                continue  # a continuation line of the heading before
            clipped = Span(s.start, min(s.end, end))
            if (out and out[-1].section is not None and s.start not in heads and b.kind not in self.skip
                    and not self.scanned and _goes_on(self.text, out[-1].span.end, s.start)):
                # the rest of a sentence the heading's line began (``1. Siết chặt ... công vụ;`` /
                # ``đồng thời, báo cáo ...``), cut where a copy wrapped it: one paragraph with it
                # (not in a scan: OCR drops capitals and markers, a lower-case line proves nothing)
                h = out[-1]
                out[-1] = Unit(Span(h.span.start, clipped.end), Span(h.toks.start, clipped.end), h.section, h.number)
                continue
            out.append(heads.get(s.start) or Unit(clipped, clipped, chrome=b.kind in self.skip))
            rest = out[-1].span.end
            if out[-1].section is not None and rest < clipped.end and _COLUMN_HEAD.fullmatch(
                    self.text[rest : clipped.end].strip()):
                # the table's number column head the reader joined to the heading
                at = rest + len(self.text[rest : clipped.end]) - len(self.text[rest : clipped.end].lstrip())
                out.append(Unit(Span(at, clipped.end), Span(at, clipped.end)))
        return out

    def section_units(self, section: Section, *, own_heading: bool) -> list[Unit]:
        """Every paragraph of ``section`` and its subsections, in order."""
        inner = list(section.walk())[0 if own_heading else 1 :]
        units = self.units(section.span.start, self._end_of(section), inner)
        if own_heading:
            return units
        own = self.heading_unit(section).span
        return [u for u in units if not u.span.overlaps(own)]

    def text_words(self) -> tuple[list[Tok], list[int], list[str]]:
        """The words outside tables (no punctuation), their starts and their keys."""
        if self._content is None:  # listed once: sections nest
            in_table = self.in_table
            words = [t for t in self.stream.tokens if t.kind != "punct" and not in_table(t.start)]
            self._content = (words, [t.start for t in words], [t.key for t in words])
        return self._content

    def content_keys(self, section: Section) -> list[str]:
        """The folded words of a section and its subsections, tables left out."""
        words, starts, _keys = self.text_words()
        end = self._end_of(section)
        i = bisect.bisect_left(starts, section.span.start)
        j = bisect.bisect_left(starts, end)
        return [t.key for t in words[i:j] if t.end <= end]

    def _end_of(self, section: Section) -> int:
        """Where the paragraphs of ``section`` end: a level-1 section's run on to the next
        level-1 heading or the ending, a subsection's end with it."""
        end = max(section.span.end, self._region_end.get(id(section), 0))
        return min(end, self.ending)

    def opening_units(self) -> tuple[list[Span], list[Unit]]:
        """The header blocks, and the other paragraphs before the first section. A line inside
        the header, from the first header block or the first header field read (the issuer at
        the top) to the last header block, belongs to it whatever the reader called it (an
        issuer's name cut over two lines, the motto read as boilerplate, a rule of dashes): the
        header is compared order-free as one block, and left out such a line would be shown
        nowhere. A web page's summary above the header (``| Số hiệu | ...``) and a page number
        above the issuer are not in it.

        Web chrome above the header (a portal's title line ``Kế hoạch 59/KH-UBND năm 2020 ...``
        that repeats the document's own type, number and title, a print header) is no part of
        the document: it is left out, on whichever side it is, rather than aligned with the
        document type and subject it repeats. A chrome block running on into the header's
        first line (the title line read together with ``ỦY BAN NHÂN DÂN``) is cut there."""
        header, rest = [], []
        blocks = [b.span for b in self.blocks if b.kind == "header" and b.span.start < self.opening_end]
        top = min([b.start for b in blocks[:1]] + [s.start for name, s in self.plan.header.spans
                                                   if name not in ("title", "year", "signer")], default=0)
        bottom = blocks[-1].end if blocks else -1
        first = True  # no block of the document yet
        title_end = -1  # the end of a portal's title line left out
        for b in self.blocks:
            if b.span.start >= self.opening_end or b.kind == "table" or self.in_table(b.span.start):
                continue
            chrome = b.kind in self.skip
            if first and not chrome and (self._portal_title(b.span)
                                         or (title_end >= 0 and _goes_on(self.text, title_end, b.span.start))):
                title_end = b.span.end  # above the document (the title, and its wrapped rest)
                continue
            first = first and chrome
            span = b.span
            if chrome and span.start < top:
                cut = min(top, self._header_tail(span))
                if span.end <= cut:
                    continue  # above the document
                header.append(Span(cut, span.end))  # the header's first lines, read with the chrome
                continue
            if b.kind == "header" or top <= span.start < span.end <= bottom:
                header.append(span)
            else:
                rest.append(Unit(span, span, chrome=chrome))
        return header, rest

    def _header_tail(self, span: Span) -> int:
        """Where the lines at the end of a chrome block that open in capitals begin (an issuer and
        the motto, ``BỘ Y TẾ CỘNG HÒA XÃ HỘI ...``, read with a portal's title and controls
        above them, which open in lower case: ``Quyết định 5556/QĐ-BYT năm ...``, ``Lưu``,
        ``VB gốc``); the block's end when its last line does not."""
        found = span.end
        for m in reversed(list(re.finditer(r"[^\n]+", self.text[span.start : span.end]))):
            words = m.group().split()[:2]
            if not any(c.isalpha() for c in m.group()) or m.group().lstrip()[:1].islower():
                continue  # a rule or a bar under the issuer, a wrapped line's rest ("phúc")
            if len(words) < 2 or not all(is_upper_text(w) for w in words):
                break
            found = span.start + m.start()
        return found

    def _portal_title(self, span: Span) -> bool:
        """Whether ``span``, the first line of a copy, is a portal's name for the document (its
        type, its own number and year: ``Công văn 473/STP-PBGDPL năm 2020 về việc ...``): no
        official document opens by citing itself, and a copy without a header (a letter, a
        news page) gets no header for the reader to tell the title line from."""
        m = _PORTAL_TITLE.match(fold(span.slice(self.text)))
        if m is None:
            return False
        at = span.start + m.start("number")
        return any(c.role == "self" and c.span.start == at for c in self.plan.citations)

    def ending_units(self) -> list[Unit]:
        """The paragraphs from the closing on."""
        return self.units(self.ending, len(self.text) + 1)

    def citations_in(self, spans: list[Span]) -> list:
        """The legal-basis citations inside ``spans``."""
        return [c for c in self.basis if any(s.overlaps(c.span) or s.contains(c.span.start) for s in spans)]

    def in_basis_block(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` touches a Căn cứ / Thực hiện / Theo paragraph."""
        probe = Span(start, max(end, start + 1))
        return any(b.overlaps(probe) for b in self.basis_blocks)


class _Stream(TokenStream):
    """The plan's comparison tokens, a word or document number broken after its hyphen at a
    line end (``685/QĐ-`` / ``UBND``, ``Việt-`` / ``Lào``, as a PDF copy wraps) one token, as
    it is on one line: where a copy breaks its lines is never a change. A hyphen followed by a
    space (``57- NQ/TW``, ``kinh tế- xã hội``, as officers type it) is one token too: a copy
    wraps at that space, and the hyphen then ends a line.

    The marks of a page's layout are no tokens: a column mark ``|`` of a header table flattened
    into text (a portal's copy, a .txt export; between cells on one line, or alone on a line
    between cells read one a line; ``│``, ``¦``, ``｜`` as some portals draw it) and a rule line
    (``--------``, ``_____``, ``────``) under the issuer or the motto. A .docx holds the same header as a real table with borders, and
    where the copy puts them is never a change (the redline still shows them: it diffs the
    texts themselves)."""

    __slots__ = ()

    def __init__(self, text: str, *, ocr: bool, punct: bool, scanned: bool = False):
        super().__init__(text, ocr=ocr, punct=punct)
        if punct and (_BAR.search(text) or _RULE.search(text)):
            rules = [(m.start(), m.end()) for m in _RULE.finditer(text)]
            starts = [s for s, _e in rules]

            def in_rule(t: Tok) -> bool:
                k = bisect.bisect_right(starts, t.start) - 1
                return k >= 0 and t.end <= rules[k][1]

            self.tokens = [t for t in self.tokens if not (t.kind == "punct" and (t.key in COLUMN_MARKS or in_rule(t)))]
            self._index()
        if not scanned:  # (in a scan a number alone is a table's row number come loose)
            self._drop_page_numbers(text)
        breaks = [m.start() for m in _HYPHEN_BREAK.finditer(text)]  # most texts have none
        if not breaks:
            return
        toks = self.tokens
        out: list[Tok] = []
        k = 0
        for at in breaks:
            i = bisect.bisect_left(self._starts, at)  # the hyphen's token
            if i < k + 1 or i + 1 >= len(toks):
                continue
            t, dash, w = toks[i - 1], toks[i], toks[i + 1]
            if (dash.start != at or dash.key != "-" or t.end != at or t.kind == "punct" or w.kind != "word"
                    or not _HYPHEN_GAP.fullmatch(text, dash.end, w.start)):
                continue
            out += toks[k : i - 1]
            out.append(Tok(f"{t.key}-{w.key}", t.start, w.end, "docnum" if t.kind == "docnum" else "word"))
            k = i + 2
        if k:
            self.tokens = out + toks[k:]
            self._index()

    def _index(self) -> None:
        """Index the tokens again after some were dropped or joined (both lists
        :meth:`TokenStream.within` bisects)."""
        self._starts = [t.start for t in self.tokens]
        self._ends = [t.end for t in self.tokens]

    def _drop_page_numbers(self, text: str) -> None:
        """A page number a copy left alone on its line inside a sentence is no word of the plan:
        the line before ends no sentence, and the line after goes on in lower case where the
        line before takes no number (``... y tế`` / ``6`` / ``năm 2024``), or opens with the
        number the line before takes (``Kế hoạch số 72-KH/TU ngày`` / ``6`` / ``10/01/2023``)."""
        drop = set()
        for m in _BARE_NUMBER.finditer(text):
            before = text[max(0, m.start() - 200) : m.start()].rstrip()
            after = text[m.end() : m.end() + 40].lstrip()
            if before and before[-1] not in ".!?:;" and (
                    (after[:1].islower() and not _TAKES_NUMBER.search(fold(before[-12:])))
                    or after[:1].isdigit()):  # "ngày" / "6" / "10/01/2023": the day is the date's
                drop.add(m.start("n"))
        if drop:
            self.tokens = [t for t in self.tokens if t.start not in drop]
            self._index()


# A number of one to three digits alone on its line.
_BARE_NUMBER = re.compile(r"(?m)^[^\S\n]*(?P<n>\d{1,3})[^\S\n]*$")
# A word a number goes with, folded, at the end of the line before: "tháng 6", "số 12", "Điều 3"
# (not "Chương": a chapter of a plan is numbered in Roman figures, and "Chương" / "trình" is common).
_TAKES_NUMBER = re.compile(r"\b(?:ngay|thang|nam|so|dieu|khoan|muc|diem|phan|quy|dot|lan|khoa|giai doan"
                           r"|phu luc|bieu|bang|trang|tt|stt)\s*$")
# A hyphen right after a word and before a line end or a space and a word (where _Stream looks).
_HYPHEN_BREAK = re.compile(r"(?<=\w)-(?=[^\S\n]*\n|[^\S\n]+\w)")
# What lies between such a hyphen and the next word: one line break, or spaces on the line.
_HYPHEN_GAP = re.compile(r"[^\S\n]*\n[^\S\n]*|[^\S\n]+")
# The head of a table's number column: "TT", "STT", "Số TT".
_COLUMN_HEAD = re.compile(r"(?:S[ốô]\s*)?S?TT\.?", re.IGNORECASE)
# A rule line's dashes, underscores or equals signs (three or more), under a header's issuer or
# motto; not a dotted blank (``Số: ..../KH-UBND``), which is the document's own text.
_RULE = re.compile(r"[-_=\u2012-\u2015\u2500\u2501\u2550]{3,}")
# A column mark between a flattened table's cells: the ASCII bar, or the one a portal or a
# converter draws (broken bar, box-drawing light / heavy / double vertical, fullwidth bar).
COLUMN_MARKS = frozenset("|\u00a6\u2502\u2503\u2551\uff5c")
_BAR = re.compile(f"[{re.escape(''.join(sorted(COLUMN_MARKS)))}]")
# A block of white space, column marks and rule lines only.
_LAYOUT_ONLY = re.compile(rf"(?:\s|{_BAR.pattern}|{_RULE.pattern})*")


def basis_clauses(plan: Plan, opening_end: int) -> list[Span]:
    """The spans of the plan's basis clauses: the one place the comparison learns them.

    The clauses are the plan's facts (:attr:`plankit.model.Plan.facts`); in the opening, a
    clause that does not end its sentence on its first line runs on, across line breaks, to the
    end of its sentence (``;`` between the documents of one Căn cứ goes on; ``.`` after a
    lower-case word or a number ends it, ``TP. Cần Thơ`` does not; ``:`` ends it before a capital
    or a new line, not before ``số ...``), and a line opening with Căn cứ / Thực hiện / Theo right
    after a clause opens the next one. Where the lines break then does not matter.
    """
    from ..facts import BASIS_START

    text = plan.text
    folded = fold(text)
    clauses = sorted(c.span for c in plan.facts.basis)
    starts = sorted({c.start for c in clauses if c.start < opening_end})
    out = [c for c in clauses if c.start >= opening_end]
    k = 0
    while k < len(starts):
        start = starts[k]
        limit = min(starts[k + 1] if k + 1 < len(starts) else opening_end, opening_end)
        facts_end = max((c.end for c in clauses if c.start == start), default=start)
        end = max(len(text[start:limit].rstrip()) + start, facts_end)
        for m in _CLAUSE_END.finditer(text, start, limit):
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end() : m.end() + 40].lstrip(" \t")
            if m.group() == ":":
                if after[:1].islower() or after[:1].isdigit():
                    continue
            elif not (before.islower() or before.isdigit() or before in ")\"”'"):
                continue
            end = max(m.end(), facts_end)
            break
        out.append(Span(start, end))
        nxt = BASIS_START.match(folded, end, opening_end)
        if nxt is not None and nxt.start("word") not in starts:
            starts.insert(k + 1, nxt.start("word"))
        k += 1
    return sorted(out)


def _goes_on(text: str, end: int, start: int) -> bool:
    """Whether the paragraph at ``start`` goes on with the sentence of the one ending at
    ``end``: that one's last line is no title in capitals and ends no sentence (no ``.``, ``!``,
    ``?`` or ``:`` last), and this one opens with a lower-case letter that is no list marker
    (``a)``, ``đ.``)."""
    k = end
    while k > 0 and text[k - 1].isspace():
        k -= 1
    while start < len(text) and text[start] in " \t":
        start += 1
    line = text[text.rfind("\n", 0, k) + 1 : k]
    # a title in capitals (``I. MỤC ĐÍCH, YÊU CẦU``) ends its line, whatever follows it
    return (k > 0 and text[k - 1] not in ".!?:" and any(c.islower() for c in line) and start < len(text)
            and text[start].islower() and _LETTER_MARKER.match(text, start) is None)


def _fallback_blocks(plan: Plan) -> list[Block]:
    """Paragraphs for a plan built by hand without blocks: lines, or blank-line paragraphs (OCR)."""
    text = plan.text
    sep = re.compile(r"\n\s*\n") if plan.source.ocr else re.compile(r"\n")
    out, pos = [], 0
    for m in [*sep.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            s = pos + len(chunk) - len(chunk.lstrip())
            e = pos + len(chunk.rstrip())
            out.append(Block("paragraph", text[s:e], Span(s, e), SourceRef("line", line=plan.position(s)[0])))
        if m:
            pos = m.end()
    return out
