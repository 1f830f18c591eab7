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
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from ..dates import find_date
from ..errors import InvalidCitation
from ..facts import basis_spans, plan_facts
from ..model import Citation, Plan, Span
from ..places import Province
from ..text import fold
from . import patterns as P
from .issuers import Issuer, issuer_at, issuer_of_codes
from .vocabulary import LOOKALIKE_KEYS, Vocab, scan_text, vocab

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


# -- the number itself ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Core:
    """A document number found in the text, before its context is read."""

    start: int
    end: int
    prefix: int  # start of the type word or "số" before the number, else ``start``
    key: str
    doc_type: str | None
    number: str
    year: int | None
    symbol: str
    codes: tuple[str, ...]
    notes: tuple[str, ...]


def _canonical_code(original: str, folded: str, spellings: dict[str, list[str]]) -> str:
    """The standard spelling of a type or issuer code (QD -> QĐ, ttg -> TTg, unknown -> upper)."""
    known = spellings.get(folded)
    if not known:
        return original.upper()
    if len(known) == 1:
        return known[0]
    upper = original.upper()
    return next((k for k in known if k.upper() == upper), known[0])


def read_core(
    m: re.Match[str], text: str, scan: str, voc: Vocab, word: str | None, prefix: int,
    letter_ok: bool | None = None,
) -> Core | None:
    """Build the key of one number match from the original characters; ``None`` if it is not one.

    A công văn number (1234/UBND-VP) counts only after the words "công văn" or "văn bản", unless
    ``letter_ok`` says otherwise.
    """
    notes: list[str] = []
    codes: list[tuple[int, int]] = []  # spans of the codes whose first letter must be a capital
    g = m.group
    if g("ptype") is not None:
        shape, type_g, year = "party", "ptype", None
        codes = [m.span("ptype"), m.span("pissuer")]
        issuer_spans = [m.span("pissuer")]
    elif g("lterm") is not None:
        shape, type_g, year = "law", None, int(g("lyear"))
        codes = [m.span("lterm")]
        issuer_spans = [m.span("lterm")]
    elif g("type") is not None:
        shape, type_g = "document", "type"
        year = int(g("year")) if g("year") else None
        s, e = m.span("issuer")
        issuer_spans, pos = [], s
        for part in scan[s:e].split("-"):
            issuer_spans.append((pos, pos + len(part)))
            pos += len(part) + 1
        codes = [m.span("type"), *issuer_spans]
        if g("islash") is not None:
            notes.append(f"OCR: {text[m.start('islash'):m.end('islash')].strip()!r} read as '/'")
    else:
        if not (word in ("cong van", "van ban") if letter_ok is None else letter_ok):
            return None
        shape, type_g, year = "letter", None, None
        issuer_spans = [m.span("cissuer"), m.span("cunit")]
        codes = list(issuer_spans)

    for s, _e in codes:
        first = text[s].translate(LOOKALIKE_KEYS)
        if first.islower():
            return None

    number = text[m.start("num") : m.end("num")].lower()
    issuers = []
    for s, e in issuer_spans:
        original = text[s:e].translate(LOOKALIKE_KEYS)
        canon = _canonical_code(original, scan[s:e], voc.issuer_spellings)
        if canon != original.upper() and canon.upper() != original.upper():
            notes.append(f"{original} read as {canon}")
        issuers.append(canon)

    if shape == "law":
        term = issuers[0]
        symbol = term
        key = f"{number}/{year}/{term}"
        base = term.rstrip("0123456789")
        doc_type = voc.word_names.get(word) if word else None
        doc_type = doc_type or voc.term_types.get(base)
        issuers = [term]
    elif shape == "letter":
        symbol = "-".join(issuers)
        key = f"{number}/{symbol}"
        doc_type = "Công văn"
        issuers = issuers[:1]  # the second code is the drafting unit, not a second issuer
    else:
        s, e = m.span(type_g)
        original = text[s:e].translate(LOOKALIKE_KEYS)
        abbr = _canonical_code(original, scan[s:e], voc.type_spellings)
        if abbr.upper() != original.upper():
            notes.append(f"{original} read as {abbr}")
        doc_type = voc.type_names.get(abbr)
        if shape == "party":
            symbol = f"{abbr}/{issuers[0]}"
            key = f"{number}-{symbol}"
        else:
            symbol = f"{abbr}-{'-'.join(issuers)}"
            key = f"{number}/{year}/{symbol}" if year else f"{number}/{symbol}"
        written = voc.word_names.get(word) if word else None
        if written and doc_type and written != doc_type and written not in ("Công văn",):
            notes.append(f"written '{written}' but the number is a {doc_type}")

    raw = text[m.start() : m.end()]
    swapped = sorted({c for c in raw if c in P.KEY_LOOKALIKES})
    if swapped:
        pairs = ", ".join(f"{c} (U+{ord(c):04X}) as {P.KEY_LOOKALIKES[c]}" for c in swapped)
        notes.append(f"look-alike letters normalised: {pairs}")
    if "\n" in raw:
        notes.append("line break inside the number removed")
    if P.SPACED.search(scan, m.start(), m.end()):
        notes.append("spaces inside the number removed")
    return Core(m.start(), m.end(), prefix, key, doc_type, number, year, symbol, tuple(issuers), tuple(notes))


def _prefix(scan: str, start: int, voc: Vocab) -> tuple[str | None, int]:
    """The type word and "số" right before ``start``: (folded word or None, where they start)."""
    m = voc.prefix_re.search(scan, max(0, start - 48), start)
    if m is None or m.start() == start:
        return None, start
    return (" ".join(m.group("word").split()) if m.group("word") else None), m.start()


def _numbers(text: str, scan: str, voc: Vocab) -> list[Core]:
    found = []
    for m in voc.number_re.finditer(scan):
        word, prefix = _prefix(scan, m.start(), voc)
        letter_ok = None
        if m.group("cunit") is not None and word is None and prefix < m.start():
            # "... số 1284/BTTTT-CĐS": a letter of a body plankit knows, after "số"
            letter_ok = m.group("cissuer") in voc.issuer_spellings and voc.issuers.get(
                _canonical_code(text[m.start("cissuer"):m.end("cissuer")], m.group("cissuer"), voc.issuer_spellings),
                ("", "", ""))[2] == "national"
        core = read_core(m, text, scan, voc, word, prefix, letter_ok)
        if core is not None:
            found.append(core)
    return found


# -- context: province, preamble, own number -----------------------------------------------------


class Context:
    """What a citation's surroundings say: the plan's province, its preamble, its own number."""

    def __init__(self, text: str, scan: str, voc: Vocab, plan: Plan | None = None):
        self.text, self.scan, self.voc, self.plan = text, scan, voc, plan

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

    def in_basis(self, offset: int) -> bool:
        spans = self.basis
        i = bisect_right(spans, (offset, len(self.text) + 1)) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]

    def is_self(self, core: Core, level: str) -> bool:
        """The plan's own number: its header number, "Số:" in the header, "(Kèm theo Kế hoạch số
        ...)", or "ban hành Kế hoạch số ..." of a department."""
        header = self.plan.header if self.plan is not None else None
        if header is not None and header.number and header.reference == core.key:
            return True
        issued_by = header.span("issued_by") if header is not None else None
        if issued_by is not None and issued_by.start <= core.start < issued_by.end:
            return True  # the decision that issues the plan ("ban hành Quyết định số 119/QĐ-UBND")
        scan, lo = self.scan, max(0, core.start - 60)
        if P.HEADER_SO.search(scan, lo, core.start) or P.KEM_THEO.search(scan, lo, core.start):
            return True
        if level == "department" and P.BAN_HANH.search(scan, lo, core.start):
            return header is None or header.symbol is None or fold(header.symbol) == fold(core.symbol)
        return False

    def header_date(self, core: Core) -> dt.date | None:
        """The date of the plan's own number: the header's, or the first "ngày ..." after it."""
        if self.plan is not None and self.plan.header.date is not None:
            return self.plan.header.date
        found = find_date(self.scan, core.end, min(len(self.scan), core.end + 160))
        return found.date if found else None


# -- what follows a number: date, issuer, subject --------------------------------------------------


def _date_of(m: re.Match[str], text: str) -> tuple[dt.date | None, str | None]:
    """The date a date match names, or ``None`` and why not (31/02/2021 is no date)."""
    for d, mo, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d3", "m3", "y3")):
        if d in m.re.groupindex and m.group(d) is not None:
            try:
                return dt.date(int(m.group(y)), int(m.group(mo)), int(m.group(d))), None
            except ValueError:
                return None, f"no such date: {' '.join(text[m.start(d) : m.end(y)].split())}"
    return None, None  # pragma: no cover - the patterns always set one triple


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
    text, scan = ctx.text, ctx.scan
    notes = list(core.notes)
    pos = core.end

    date = None
    dm = P.DATE_AFTER.match(scan, pos)
    if dm is not None:
        date, problem = _date_of(dm, text)
        if problem:
            if strict:
                day = next(g for g in ("d1", "d2", "d3") if dm.group(g) is not None)
                raise InvalidCitation(text, dm.start(day), problem)
            notes.append(problem)
        if dm.group("sep1") and dm.group("sep1") != dm.group("sep2"):
            notes.append(f"malformed date {text[dm.start('d1') : dm.end('y1')]} read as {date}")
        pos = dm.end()
    elif strict:
        bad = P.NGAY.match(scan, pos)
        if bad is not None:
            raise InvalidCitation(
                text, bad.end(), "expected a date after 'ngày' (15/7/2021 or 15 tháng 7 năm 2021)"
            )

    code_name, code_level, code_national = issuer_of_codes(core.codes, ctx)
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

    subject = None
    sm = P.SUBJECT_START.match(scan, pos)
    if sm is not None:
        subject, end = _subject(text, sm.end(), limit)
        if subject:
            pos = end

    role = "mention"
    if ctx.is_self(core, level):
        role = "self"
        if date is None:
            date = ctx.header_date(core)
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
    return cite, pos


def _sentence(text: str, offset: int) -> tuple[int, int]:
    """The sentence around ``offset`` (see ``SENTENCE_END``), searched within 3000 characters."""
    lo, hi = max(0, offset - 3000), min(len(text), offset + 3000)
    start = lo
    for m in P.SENTENCE_END.finditer(text, lo, offset):
        start = m.end()
    m = P.SENTENCE_END.search(text, offset, hi)
    return start, (m.start() if m else hi)


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


def _extract(text: str, plan: Plan | None) -> CitationList:
    voc = vocab()
    scan = scan_text(text)
    ctx = Context(text, scan, voc, plan)
    cores = _numbers(text, scan, voc)
    chrome = plan_facts(plan).chrome if plan is not None else ()
    if chrome:  # a web page's chrome is not the plan's text
        starts = [span.start for span in chrome]
        cores = [c for c in cores if not ((i := bisect_right(starts, c.start) - 1) >= 0 and c.start < chrome[i].end)]
    explicit = []
    for i, core in enumerate(cores):
        limit = cores[i + 1].prefix if i + 1 < len(cores) else len(text)
        explicit.append(build_citation(core, ctx, limit)[0])
    implicit = programme_citations(ctx, explicit)
    if not implicit:
        return CitationList(explicit)
    return CitationList(sorted(explicit + implicit, key=lambda c: c.span.start))
