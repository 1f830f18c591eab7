"""Finding every citation of a plan or a string: :func:`extract_citations`.

A document number is found in the scan text (:mod:`plankit.cite.vocabulary`) and its key built
from the original characters (:func:`read_core`); then what follows it is read: the date, "của"
and the issuer (:mod:`plankit.cite.issuers`), "về ..." the subject. Its role (basis, mention,
the plan's own number) comes from the plan's facts (:mod:`plankit.facts`). A named programme
stands for its document unless the same sentence cites that document by number.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from ..dates import find_date
from ..errors import InvalidCitation
from ..facts import basis_spans, issuer_level, plan_facts
from ..model import Citation, Plan, Span
from ..places import Province
from ..register import RegisterEntry
from ..text import fold
from . import patterns as P
from .issuers import Issuer, issuer_at, issuer_of_codes
from .numbers import Core, date_of, date_separators, named_laws, numbers, read_core
from .vocabulary import Vocab, scan_text, vocab

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "FRAME_COLUMNS",
    "CitationList",
    "Context",
    "Core",
    "build_citation",
    "citations_frame",
    "compute_citations",
    "extract_citations",
    "programme_citations",
    "read_core",
]


# -- context: province, preamble, own number -----------------------------------------------------


class Context:
    """What a citation's surroundings say: the plan's province, its preamble, its own number."""

    def __init__(self, text: str, scan: str, voc: Vocab, plan: Plan | None = None):
        self.text, self.scan, self.voc, self.plan = text, scan, voc, plan
        self.by_codes: dict[tuple[str, ...], tuple[str | None, str, bool]] = {}  # issuer_of_codes

    @cached_property
    def province(self) -> Province | None:
        """The plan's province (:attr:`plankit.facts.PlanFacts.province`); for a bare string, the
        first province its opening names, else the one it names most."""
        if self.plan is not None:
            return plan_facts(self.plan).province
        head = self.voc.place_re.search(self.scan, 0, min(len(self.scan), 3000))
        if head is not None:
            return self.voc.place_key(head.group())
        counts = Counter(self.voc.place_key(m.group()) for m in self.voc.place_re.finditer(self.scan))
        counts.pop(None, None)
        return counts.most_common(1)[0][0] if counts else None

    @cached_property
    def basis(self) -> list[tuple[int, int]]:
        """Spans of the basis clauses: the plan's (:attr:`plankit.facts.PlanFacts.basis`), or for
        a bare string those :func:`plankit.facts.basis_spans` finds in it."""
        if self.plan is not None:
            return [(c.span.start, c.span.end) for c in plan_facts(self.plan).basis]
        return basis_spans(self.text, self.scan)

    @cached_property
    def title_citations(self) -> list[Citation]:
        """The citations of the plan's title, read alone."""
        title = self.plan.header.span("title") if self.plan is not None else None
        if title is None:
            return []
        return [c for c in _extract(self.text[title.start : title.end], None) if not c.implicit]

    def in_basis(self, offset: int) -> bool:
        spans = self.basis
        i = bisect_right(spans, (offset, len(self.text) + 1)) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]

    def is_self(self, core: Core, level: str, named: Issuer | None = None) -> bool:
        """The plan's own number: its header number, "Số:" in the header, "(Kèm theo Kế hoạch số
        ...)", or "ban hành Kế hoạch số ..." of a department. A document of the same number that
        names another issuer (a commune's 05/KH-UBND citing "Kế hoạch số 05/KH-UBND ... của UBND
        tỉnh") is not the plan."""
        own, issued_by, symbol = self._own
        other = own is not None and own == core.key and self._other_issuer(named)
        if own is not None and own == core.key and not other:
            return True
        if issued_by is not None and issued_by.start <= core.start < issued_by.end:
            return True  # the decision that issues the plan ("ban hành Quyết định số 119/QĐ-UBND")
        scan, lo = self.scan, max(0, core.start - 60)
        if P.HEADER_SO.search(scan, lo, core.start) or P.KEM_THEO.search(scan, lo, core.start):
            return True  # "(Kèm theo Kế hoạch số ... của UBND xã)": the plan its appendix goes with
        if level == "department" and P.BAN_HANH.search(scan, lo, core.start) and not other:
            return symbol is None or symbol == fold(core.symbol)
        return False

    def _other_issuer(self, named: Issuer | None) -> bool:
        """Whether the issuer a citation names (after "của") is not the plan's own: another level
        (the province above a commune), another province, or another department."""
        if named is None or self.plan is None or self.plan.header.issuer is None:
            return False  # a plan that names no issuer: its level is a guess from its symbol
        facts = plan_facts(self.plan)
        level = issuer_level(named.name) if named.name else named.level
        if level not in (facts.level, "other"):
            return True
        if named.province is not None and facts.province is not None and named.province.name != facts.province.name:
            return True
        own = self.plan.header.issuer
        if named.name is None or own is None:
            return False
        # "UBND xã Phong Niên" is not "Ủy ban nhân dân xã Phong Hải"; a bare "UBND xã" may be
        return not _body_key(own).startswith(_body_key(named.name))

    @cached_property
    def _own(self) -> tuple[str | None, Span | None, str | None]:
        """What :meth:`is_self` asks of the plan's header, once per plan: its reference when it
        has a number, the span of the decision that issues it, its symbol folded."""
        if self.plan is None:
            return None, None, None
        header = self.plan.header
        return (
            header.reference if header.number else None,
            header.span("issued_by"),
            fold(header.symbol) if header.symbol is not None else None,
        )

    def header_date(self, core: Core) -> dt.date | None:
        """The date of the plan's own number: the header's, or the first "ngày ..." after it."""
        if self.plan is not None and self.plan.header.date is not None:
            return self.plan.header.date
        found = find_date(self.scan, core.end, min(len(self.scan), core.end + 160))
        return found.date if found else None


def _body_key(name: str) -> str:
    """A body's name folded with its abbreviations spelt out, to compare two spellings; its
    chair's name is the body's ("Chủ tịch UBND tỉnh" signs the committee's decisions)."""
    key = " ".join(fold(name).replace(".", ". ").split())
    key = re.sub(r"^(?:ct|chu tich)\s+", "", key)
    key = re.sub(r"\bubnd\b", "uy ban nhan dan", key)
    key = re.sub(r"\bhdnd\b", "hoi dong nhan dan", key)
    return re.sub(r"\btp\. ?", "thanh pho ", key)


# -- what follows a number: date, issuer, subject --------------------------------------------------


def _subject(text: str, start: int, limit: int) -> tuple[str | None, int]:
    """The trích yếu from ``start`` to the end of its clause (never past ``limit``), and that end."""
    limit = min(limit, start + 400, len(text))
    end = limit
    m = P.SUBJECT_END.search(text, start, limit)
    if m is not None:
        end = m.start() + (1 if m.group().startswith(("”", '"')) else 0)
    for c in P.COMMA_WORD.finditer(text, start, end):
        if c.group(1).isupper() and c.group(2).islower():
            end = c.start()
            break
    subject = " ".join(text[start:end].split())
    subject = P.SUBJECT_TAIL.sub("", subject)
    return subject or None, end


# -- putting a citation together -------------------------------------------------------------------


def build_citation(core: Core, ctx: Context, limit: int, *, strict: bool = False) -> tuple[Citation, int]:
    """The citation of ``core`` with its context read; also where the citation's clause ends."""
    cite, _head, end, _stated = _build(core, ctx, limit, strict=strict)
    return cite, end


def _build(core: Core, ctx: Context, limit: int, *, strict: bool = False) -> tuple[Citation, int, int, bool]:
    """:func:`build_citation`, and also where the number, its date and its issuer end (its head:
    what follows is the description), and whether the text names its issuer ("của ...")."""
    text, scan = ctx.text, ctx.scan
    notes = list(core.notes)
    pos = core.end

    date = None
    dm = P.DATE_AFTER.match(scan, pos)
    if dm is not None:
        date, problem, day_at = date_of(dm, text)
        if day_at is None:
            dm = None  # a blank date: none
    if dm is not None:
        if problem:
            if strict:
                # the note keeps its wording; the error gives the reason in Vietnamese first
                raise InvalidCitation(text, day_at, f"ngày không có thật: {problem.partition(': ')[2]} / {problem}")
            notes.append(problem)
        seps = date_separators(dm, text)
        if seps is not None and seps[0] != seps[1]:
            notes.append(f"malformed date {text[dm.start('day') : dm.end('year')]} read as {date}")
        pos = dm.end()
    elif strict:
        bad = P.NGAY.match(scan, pos)
        if bad is not None:
            raise InvalidCitation(
                text, bad.end(), "sau 'ngày' phải là ngày tháng năm (15/7/2021 hoặc 15 tháng 7 năm 2021) / "
                "expected a date after 'ngày' (15/7/2021 or 15 tháng 7 năm 2021)"
            )

    by_codes = ctx.by_codes.get(core.codes)
    if by_codes is None:
        by_codes = ctx.by_codes[core.codes] = issuer_of_codes(core.codes, ctx)
    code_name, code_level, code_national = by_codes
    found: Issuer | None = None
    cm = P.CUA.match(scan, pos)
    if cm is not None:
        found = issuer_at(text, scan, cm.end(), ctx)
        if found is None and strict:
            # Strict reading keeps an issuer it does not know, as written.
            stop = P.ISSUER_STOP.search(scan, cm.end())
            end = stop.start() if stop else len(scan)
            written = " ".join(text[cm.end() : end].split())
            if written:
                found = Issuer(written, code_level, code_national, None, end)
        if found is not None:
            pos = found.end
    if found is not None:
        issuer, level, national = found.name, found.level, found.national
        province = found.province or (None if national else ctx.province)
    else:
        issuer, level, national = code_name, code_level, code_national
        province = None if national else ctx.province
    scope = None if national else (province.name if province else None)

    head = pos
    subject = None
    sm = P.SUBJECT_START.match(scan, pos)
    if sm is not None:
        subject, end = _subject(text, sm.end(), limit)
        if subject:
            pos = end

    role = "mention"
    if ctx.is_self(core, level, found):
        role = "self"
        if date is None:
            date = ctx.header_date(core)
        if ctx.plan is not None:
            # the plan's own number (or the decision issuing it): its level and issuer are the
            # plan's, read from the whole header (a commune's KH-UBND is not the province's)
            level = plan_facts(ctx.plan).level
            if found is None:
                issuer = ctx.plan.header.issuer or issuer
    elif ctx.in_basis(core.start):
        role = "basis"

    year = core.year or (date.year if date else None)
    cite = Citation(
        key=core.key,
        doc_type=core.doc_type,
        number=core.number,
        year=year,
        symbol=core.symbol,
        date=date,
        issuer=issuer,
        scope=scope,
        level=level,
        role=role,
        subject=subject,
        span=Span(core.start, core.end),
        raw=text[core.start : core.end],
        notes=tuple(notes),
    )
    return cite, head, pos, found is not None


def _sentence(text: str, offset: int) -> tuple[int, int]:
    """The sentence around ``offset`` (see ``SENTENCE_END``), searched within 3000 characters."""
    lo, hi = max(0, offset - 3000), min(len(text), offset + 3000)
    near = _near(text, lo, offset - 300)
    start = _last_sentence_end(text, near, offset)
    if start is None and near > lo:
        start = _last_sentence_end(text, lo, offset)
    m = P.SENTENCE_END.search(text, offset, hi)
    return (lo if start is None else start), (m.start() if m else hi)


def _near(text: str, lo: int, at: int) -> int:
    """A position from ``at`` on where no sentence end can be under way (the character before it
    is none of white space and ``.!?``), so that searching from there finds what searching from
    ``lo`` finds; ``lo`` when there is none before ``at + 40``."""
    if at <= lo:
        return lo
    for pos in range(at, min(len(text), at + 40)):
        if text[pos - 1] not in " \t\n.!?":
            return pos
    return lo


def _last_sentence_end(text: str, lo: int, hi: int) -> int | None:
    end = None
    for m in P.SENTENCE_END.finditer(text, lo, hi):
        end = m.end()
    return end


def programme_citations(ctx: Context, explicit: list[Citation]) -> list[Citation]:
    """Named programmes, except where the same sentence cites the document by number."""
    voc, out = ctx.voc, []
    starts = [c.span.start for c in explicit]
    matches = [m for r in voc.programme_res for m in r.finditer(ctx.scan)]
    for m in sorted(matches, key=lambda m: m.start()):
        prog = voc.programmes[int(m.lastgroup[1:])]
        lo, hi = _sentence(ctx.text, m.start())
        # the explicit citations inside the sentence only (scanning all the later ones was
        # quadratic on a long line: tests/test_scaling.py)
        i, j = bisect_right(starts, lo - 1), bisect_left(starts, hi)
        if any(c.key == prog.key for c in explicit[i:j]):
            continue
        out.append(replace(prog, span=Span(m.start(), m.end()), raw=ctx.text[m.start() : m.end()]))
    return out


# -- public API ------------------------------------------------------------------------------------


class CitationList(tuple):
    """The citations of a plan, in text order: an immutable sequence with a table view.

    It is a value: the citations kept with a plan cannot be changed through it. It compares
    equal to a list or tuple of the same citations.

    >>> cites = extract_citations("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;")
    >>> cites
    <CitationList: 1 citation: 76/NQ-CP>
    >>> cites == [cites[0]]
    True
    >>> del cites[0]  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    TypeError: 'CitationList' object doesn't support item deletion
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, list):
            other = tuple(other)
        return tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    __hash__ = tuple.__hash__

    def to_frame(self) -> pd.DataFrame:
        """One row per citation (see :func:`citations_frame`)."""
        return citations_frame(self)

    @property
    def keys(self) -> list[str]:
        """The canonical keys, in text order."""
        return [c.key for c in self]

    def __repr__(self) -> str:
        n = len(self)
        shown = ", ".join(c.key for c in self[:6]) + (", …" if n > 6 else "")
        return f"<CitationList: {n} citation{'s' if n != 1 else ''}{': ' + shown if n else ''}>"

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{h}</th>" for h in ("key", "doc_type", "date", "issuer", "level", "role", "raw"))
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(v)) if v is not None else ''}</td>"
                for v in (c.key, c.doc_type, c.date, c.issuer, c.level, c.role + (" (implicit)" if c.implicit else ""), c.raw)
            )
            + "</tr>"
            for c in self
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


FRAME_COLUMNS = (
    "key", "doc_type", "number", "year", "symbol", "date", "issuer", "scope", "level", "role",
    "subject", "implicit", "kind", "doc_id", "start", "end", "raw", "notes",
)


def citations_frame(citations: list[Citation]) -> pd.DataFrame:
    """A DataFrame with one row per citation (columns in ``FRAME_COLUMNS``).

    >>> citations_frame(extract_citations("Quyết định 161/QĐ-UBND ngày 19/01/2022")).loc[0, "key"]
    '161/QĐ-UBND'
    """
    import pandas as pd

    rows = [c.to_dict() for c in citations]
    return pd.DataFrame(rows, columns=list(FRAME_COLUMNS))


def extract_citations(plan_or_text: Plan | str | os.PathLike[str]) -> CitationList:
    """Every citation in a plan, a string or a file (a :class:`~pathlib.Path`; a ``str`` is
    text), in text order. Lenient: never raises on any text.

    Spans are offsets into ``plan.text`` (or into the string); ``span.slice(text) == raw``.
    A string should be NFC (:func:`plankit.text.nfc`), as ``Plan.text`` is.

    >>> text = "Căn cứ Kế hoạch số 261/KH-UBND ngày 29 tháng 12 năm 2021 của UBND thành phố Cần Thơ;"
    >>> c = extract_citations(text)[0]
    >>> c.key, c.date, c.issuer, c.level, c.role
    ('261/KH-UBND', datetime.date(2021, 12, 29), 'UBND thành phố Cần Thơ', 'province', 'basis')
    >>> extract_citations("Nghi quyét sb 76/NQ-\\nCP ngay 15 thang 7 nam 2021 cua Chinh phu")[0].key
    '76/NQ-CP'
    """
    if isinstance(plan_or_text, os.PathLike):  # a file; a str is text
        from ..read import as_plan

        plan_or_text = as_plan(plan_or_text)
    if isinstance(plan_or_text, Plan):
        return plan_or_text.analysis("citations")  # computed once per plan (compute_citations)
    if not isinstance(plan_or_text, str):
        raise TypeError(f"extract_citations takes a Plan or a str, not {type(plan_or_text).__name__}")
    return _extract(plan_or_text, None)


def compute_citations(plan: Plan) -> CitationList:
    """The citations of ``plan``, computed afresh: what ``plan.citations`` and
    :func:`extract_citations` compute once per plan and then keep (``import plankit``
    registers this function with :func:`plankit.model.register_analysis`).

    >>> from plankit import read_text
    >>> compute_citations(read_text("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021;")).keys
    ['76/NQ-CP']
    """
    return _extract(plan.text, plan)


def _gap(text: str, scan: str, start: int, end: int) -> str:
    """What joins two citations of the basis (``start``: the end of the first one's number, date
    and issuer; ``end``: the start of the second, its type word included).

    * ``clause``: a new clause starts between them (a semicolon, a new line of a list);
    * ``list``: only "," or "và" ("Căn cứ Nghị định A và Nghị định B"): the second is what the
      first is;
    * ``item``: the first one's description, then "," or "và" before the second ("Quyết định A
      ... phê duyệt Chương trình X, Quyết định B ..."), or the second in brackets ("Nghị định A
      ... (được sửa đổi, bổ sung bởi Nghị định B)"): another document of the basis;
    * ``description``: the first one's description runs into the second ("Nghị định A ... sửa
      đổi, bổ sung một số điều của Nghị định B", "Quyết định A ... phê duyệt Đề án ... theo
      Nghị quyết B"): B is named in A's trích yếu, a mention.
    """
    for m in P.CLAUSE_BREAK.finditer(scan, start, end):
        if m.group("open") is None or text[m.start("open")].isupper():
            return "clause"
    br = P.LINE_BREAK.search(scan, start, end)
    if br is not None and text[end : end + 1].isupper():
        w = P.LAST_WORD.search(scan, start, br.start())
        if w is not None and w.group(1) not in P.LINKS:
            return "clause"  # a line ends a clause's words, the next opens with the type word
    words = P.GAP_WORD.findall(scan, start, end)
    if all(w in P.LIST_WORDS for w in words):
        return "list"
    if P.LIST_TAIL.search(scan, start, end) or scan.rfind("(", start, end) > scan.rfind(")", start, end):
        return "item"
    return "description"


def _in_title(ctx: Context, key: str) -> bool:
    """Whether the plan's title names the document ``key`` (the plan says it implements it)."""
    return any(c.key == key for c in ctx.title_citations)


def _cut_short(core: Core, before: list[Core]) -> Core:
    """A number the text ends in may be cut short ("... Quyết định số 2629/QĐ-T" where an excerpt
    ends): when an earlier number of the same type is the same with a longer symbol, it is that one."""
    for other in reversed(before):
        if (other.number == core.number and other.doc_type == core.doc_type and other.key != core.key
                and other.key.startswith(core.key)):
            note = f"the text ends inside the number: {core.key} read as {other.key}"
            return replace(core, key=other.key, year=other.year, symbol=other.symbol, codes=other.codes,
                           notes=(*core.notes, note))
    return core


def _as_named(cite: Citation, law: RegisterEntry) -> Citation:
    """A law cited by name: implicit (no number written), its date and name from the register
    when the text gives only a year."""
    return replace(cite, implicit=True, date=cite.date or law.date, subject=cite.subject or law.subject,
                   issuer=law.issuer if cite.issuer is None else cite.issuer)


def _share_issuer(explicit: list[Citation], unstated: list[int], last: Citation) -> None:
    """A list of numbers of one issuer says the issuer once, after the last ("các Quyết định số
    1/QĐ-UBND, số 2/QĐ-UBND của UBND tỉnh"): the members before it whose symbol names the same
    issuer code and whose issuer the text leaves unsaid take it."""
    code = last.symbol.rsplit("-", 1)[-1].rsplit("/", 1)[-1]
    for i in unstated:
        c = explicit[i]
        if c.symbol.rsplit("-", 1)[-1].rsplit("/", 1)[-1] == code and c.level == last.level:
            explicit[i] = replace(c, issuer=last.issuer, scope=last.scope)


def _extract(text: str, plan: Plan | None) -> CitationList:
    voc = vocab()
    scan = scan_text(text)
    ctx = Context(text, scan, voc, plan)
    cores = numbers(text, scan, voc)
    laws = named_laws(text, scan, voc, cores, plan_facts(plan).date if plan is not None else None)
    if laws:
        cores = sorted(cores + laws, key=lambda c: c.start)
    chrome = plan_facts(plan).chrome if plan is not None else ()
    if chrome:  # a web page's chrome is not the plan's text
        starts = [span.start for span in chrome]
        cores = [c for c in cores if not ((i := bisect_right(starts, c.start) - 1) >= 0 and c.start < chrome[i].end)]
    if cores and not text[cores[-1].end :].strip():
        cores[-1] = _cut_short(cores[-1], cores[:-1])
    explicit: list[Citation] = []
    head, nested = -1, False  # where the previous basis citation's head ends; whether it is nested
    unstated: list[int] = []  # the list members just before, whose issuer the text leaves unsaid
    for i, core in enumerate(cores):
        limit = cores[i + 1].prefix if i + 1 < len(cores) else len(text)
        cite, end_of_head, _end, stated = _build(core, ctx, limit)
        if core.law is not None:
            cite = _as_named(cite, core.law)
        if cite.role == "basis":
            gap = _gap(text, scan, head, core.prefix) if head >= 0 else "clause"
            nested = gap == "description" or (gap == "list" and nested)
            if nested and not _in_title(ctx, cite.key):
                cite = replace(cite, role="mention")
            head = end_of_head
            if gap != "list":
                unstated = []
            if stated:
                _share_issuer(explicit, unstated, cite)
                unstated = []
            else:
                unstated.append(len(explicit))
        else:
            head, nested, unstated = -1, False, []
        explicit.append(cite)
    implicit = programme_citations(ctx, explicit)
    if not implicit:
        return CitationList(explicit)
    return CitationList(sorted(explicit + implicit, key=lambda c: c.span.start))
