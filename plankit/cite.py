"""Citations: every legal reference in a plan, with canonical keys, issuers, levels and roles.

Three entry points:

* :func:`extract_citations` finds every citation of a :class:`~plankit.model.Plan` or a string,
  in text order. It is lenient and never raises: OCR'd text without diacritics, numbers broken
  over a line, spaces around the dash and look-alike letters are all read.
* :func:`parse_citation` reads one citation strictly and raises
  :class:`~plankit.errors.InvalidCitation` with a caret under the part it could not read.
* :func:`canonical_key` turns any written form into the key (``Nghị quyết số 76/NQ- CP`` is
  ``76/NQ-CP``); ``canonical_key(canonical_key(x)) == canonical_key(x)``.

Every regular expression lives in :mod:`plankit._patterns`; vocabulary (document types, issuer
codes, named programmes) lives in ``plankit/data``. Matching runs on the folded text (see
:func:`plankit.text.fold`), so a match is a span of the original text, and keys are built from
the original characters.

Standards (``TCVN ISO 9001:2015``) are not legal documents and are never reported: they have no
document-number shape, and nothing here invents one for them, so they cannot reach the graph.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from . import _patterns as P
from ._issuers import _Issuer, _issuer_at, _issuer_of_codes
from .errors import InvalidCitation
from .model import Citation, Plan, Span
from .places import Province, departments, provinces
from .text import fold

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["CitationList", "canonical_key", "citations_frame", "extract_citations", "parse_citation"]

_LOOKALIKE_KEYS = str.maketrans(P.KEY_LOOKALIKES)
_X = re.VERBOSE


# -- the scan text -----------------------------------------------------------------------------


class _ScanTable(dict):
    """``str.translate`` table: fold, then look-alikes to Latin, dash and slash variants to ASCII."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = P.SCAN_EXTRA.get(ch) or fold(ch)
        out = P.LOOKALIKES.get(out, out)
        self[code] = out
        return out


_SCAN = _ScanTable()


def _scan(text: str) -> str:
    """The text the patterns run on: same length as ``text``, one character for one."""
    return text.translate(_SCAN)


# -- vocabulary --------------------------------------------------------------------------------


def _rows(name: str) -> list[list[str]]:
    raw = resources.files("plankit.data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if line and not line.startswith("#")]
    width = len(lines[0].split("\t"))
    return [(line.split("\t") + [""] * width)[:width] for line in lines[1:]]


class _Vocab:
    """Everything the data files say, compiled once."""

    def __init__(self) -> None:
        self.type_spellings: dict[str, list[str]] = {}
        self.type_names: dict[str, str] = {}
        self.word_names: dict[str, str] = {}
        term_types: dict[str, str] = {}
        for name, abbr, _group, shape, _note in _rows("document_types.tsv"):
            self.word_names.setdefault(" ".join(fold(name).split()), name)
            if shape == "term":
                term_types[abbr.upper()] = name
            elif shape == "type" and abbr:
                spellings = self.type_spellings.setdefault(fold(abbr), [])
                if abbr not in spellings:
                    spellings.append(abbr)
                self.type_names.setdefault(abbr, name)
        self.word_names.setdefault("van ban", "Công văn")
        self.term_types = term_types

        # Issuer codes: issuers.tsv first, then departments.tsv for the codes it does not name.
        self.issuers: dict[str, tuple[str, str, str]] = {}
        for code, name, level, scope in _rows("issuers.tsv"):
            self.issuers[code] = (name, level, scope)
        for dep in departments():
            self.issuers.setdefault(dep.code, (dep.name, dep.level, "local"))
        self.issuer_spellings: dict[str, list[str]] = {}
        for code in self.issuers:
            self.issuer_spellings.setdefault(fold(code), []).append(code)

        self.type_by_length = sorted(self.type_spellings, key=len, reverse=True)
        types = P.type_alternation(self.type_spellings)
        self.number_re = re.compile(P.build_number(types), _X)
        self.prefix_re = re.compile(P.build_type_words(self.word_names))
        self.word_re = re.compile(P.build_type_words(self.word_names)[:-1])  # not anchored at the end

        # Names written after "của": ministries and central bodies from issuers.tsv, departments.
        names: dict[str, tuple[str, str]] = {}
        for code, (name, level, _scope) in self.issuers.items():
            if "{" in name or code in ("UBND", "HĐND", "CTUBND"):
                continue
            names[" ".join(fold(name).split())] = (name, level)
        self.names = names
        self.names_re = re.compile(P.build_names(names))

        # Provinces, every spelling, longest first.
        self.places: dict[str, Province] = {}
        for prov in provinces():
            for spelling in (prov.name, *prov.aliases):
                self.places[" ".join(_scan(spelling).split())] = prov
        self.place_re = re.compile(P.build_places(self.places))

        # Programmes, one pattern per first word: each starts with a literal the engine can find fast.
        self.programmes: list[Citation] = []
        by_first: dict[str, list[str]] = {}
        for i, (key, doc_type, date, issuer, level, name) in enumerate(_rows("programmes.tsv")):
            day = dt.date.fromisoformat(date)
            number, symbol = key.split("/", 1)
            self.programmes.append(Citation(
                key, doc_type, number, day.year, symbol, date=day, issuer=issuer, level=level,
                subject=name, implicit=True, notes=(f"named programme: stands for {key}",),
            ))
            first, rest = P.programme_pattern(_scan(name))
            by_first.setdefault(first, []).append(f"(?P<p{i}>{rest})")
        self.programme_res = [re.compile(f"{first}(?:{'|'.join(rests)})") for first, rests in by_first.items()]

    def place_key(self, folded: str) -> Province | None:
        return self.places.get(" ".join(folded.split()))


@cache
def _vocab() -> _Vocab:
    return _Vocab()


# -- the number itself ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Core:
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


def _core(
    m: re.Match[str], text: str, scan: str, voc: _Vocab, word: str | None, prefix: int,
    letter_ok: bool | None = None,
) -> _Core | None:
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
        first = text[s].translate(_LOOKALIKE_KEYS)
        if first.islower():
            return None

    number = text[m.start("num") : m.end("num")].lower()
    issuers = []
    for s, e in issuer_spans:
        original = text[s:e].translate(_LOOKALIKE_KEYS)
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
        original = text[s:e].translate(_LOOKALIKE_KEYS)
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
    return _Core(m.start(), m.end(), prefix, key, doc_type, number, year, symbol, tuple(issuers), tuple(notes))


def _prefix(scan: str, start: int, voc: _Vocab) -> tuple[str | None, int]:
    """The type word and "số" right before ``start``: (folded word or None, where they start)."""
    m = voc.prefix_re.search(scan, max(0, start - 48), start)
    if m is None or m.start() == start:
        return None, start
    return (" ".join(m.group("word").split()) if m.group("word") else None), m.start()


def _numbers(text: str, scan: str, voc: _Vocab) -> list[_Core]:
    found = []
    for m in voc.number_re.finditer(scan):
        word, prefix = _prefix(scan, m.start(), voc)
        letter_ok = None
        if m.group("cunit") is not None and word is None and prefix < m.start():
            # "... số 1284/BTTTT-CĐS": a letter of a body plankit knows, after "số"
            letter_ok = m.group("cissuer") in voc.issuer_spellings and voc.issuers.get(
                _canonical_code(text[m.start("cissuer"):m.end("cissuer")], m.group("cissuer"), voc.issuer_spellings),
                ("", "", ""))[2] == "national"
        core = _core(m, text, scan, voc, word, prefix, letter_ok)
        if core is not None:
            found.append(core)
    return found


# -- context: province, preamble, own number -----------------------------------------------------


class _Context:
    """What a citation's surroundings say: the plan's province, its preamble, its own number."""

    def __init__(self, text: str, scan: str, voc: _Vocab, plan: Plan | None = None):
        self.text, self.scan, self.voc, self.plan = text, scan, voc, plan

    @cached_property
    def province(self) -> Province | None:
        """The plan's province (:attr:`plankit.facts.PlanFacts.province`); for a bare string, the
        first province its opening names, else the one it names most."""
        if self.plan is not None:
            return self.plan.facts.province
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
            return [(c.span.start, c.span.end) for c in self.plan.facts.basis]
        from .facts import basis_spans

        return basis_spans(self.text, self.scan)

    def in_basis(self, offset: int) -> bool:
        spans = self.basis
        i = bisect_right(spans, (offset, len(self.text) + 1)) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]

    def is_self(self, core: _Core, level: str) -> bool:
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

    def header_date(self, core: _Core) -> dt.date | None:
        """The date of the plan's own number: the header's, or the first "ngày ..." after it."""
        if self.plan is not None and self.plan.header.date is not None:
            return self.plan.header.date
        m = P.HEADER_DATE.search(self.scan, core.end, min(len(self.scan), core.end + 160))
        return _date_of(m, self.text)[0] if m else None


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


def _build(core: _Core, ctx: _Context, limit: int, *, strict: bool = False) -> tuple[Citation, int]:
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

    code_name, code_level, code_national = _issuer_of_codes(core.codes, ctx)
    found: _Issuer | None = None
    cm = P.CUA.match(scan, pos)
    if cm is not None:
        found = _issuer_at(text, scan, cm.end(), ctx)
        if found is None and strict:
            # Strict reading keeps an issuer it does not know, as written.
            stop = P.ISSUER_STOP.search(scan, cm.end())
            end = stop.start() if stop else len(scan)
            written = " ".join(text[cm.end() : end].split())
            if written:
                found = _Issuer(written, code_level, code_national, None, end)
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


def _programmes(ctx: _Context, explicit: list[Citation]) -> list[Citation]:
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


class CitationList(list):
    """The citations of a plan, in text order: a list with a table view.

    >>> cites = extract_citations("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;")
    >>> cites
    <CitationList: 1 citation: 76/NQ-CP>
    >>> cites == [cites[0]]
    True
    """

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

    rows = [c.as_dict() for c in citations]
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
        from .read import as_plan

        plan_or_text = as_plan(plan_or_text)
    if isinstance(plan_or_text, Plan):
        plan, text = plan_or_text, plan_or_text.text
    elif isinstance(plan_or_text, str):
        plan, text = None, plan_or_text
    else:
        raise TypeError(f"extract_citations takes a Plan or a str, not {type(plan_or_text).__name__}")
    voc = _vocab()
    scan = _scan(text)
    ctx = _Context(text, scan, voc, plan)
    cores = _numbers(text, scan, voc)
    if plan is not None and plan.facts.chrome:  # a web page's chrome is not the plan's text
        chrome = plan.facts.chrome
        starts = [span.start for span in chrome]
        cores = [c for c in cores if not ((i := bisect_right(starts, c.start) - 1) >= 0 and c.start < chrome[i].end)]
    explicit = []
    for i, core in enumerate(cores):
        limit = cores[i + 1].prefix if i + 1 < len(cores) else len(text)
        explicit.append(_build(core, ctx, limit)[0])
    implicit = _programmes(ctx, explicit)
    if not implicit:
        return CitationList(explicit)
    return CitationList(sorted(explicit + implicit, key=lambda c: c.span.start))


def parse_citation(text: str) -> Citation:
    """Read one citation strictly: an optional type word and "số", the number, then optionally
    its date, "của" and the issuer, and "về ..." the subject. Raises
    :class:`~plankit.errors.InvalidCitation` with a caret under the part that failed.

    >>> c = parse_citation("Nghị quyết số 76/NQ- CP ngày 15/7/2021 của Chính phủ")
    >>> c.key, c.date, c.issuer, c.level
    ('76/NQ-CP', datetime.date(2021, 7, 15), 'Chính phủ', 'central')
    >>> parse_citation("Nghị quyết 76/NQ")
    Traceback (most recent call last):
    ...
    plankit.errors.InvalidCitation: Nghị quyết 76/NQ: missing issuer code after the type
        Nghị quyết 76/NQ
                        ^
    """
    return _parse(text, letters=False)


def _parse(text: str, *, letters: bool) -> Citation:
    """:func:`parse_citation`; ``letters`` accepts a công văn number (1234/ABC-VP) without the
    words "công văn" before it, as :func:`canonical_key` must to be idempotent."""
    if not isinstance(text, str):
        raise TypeError(f"parse_citation takes a str, not {type(text).__name__}")
    voc = _vocab()
    scan = _scan(text)
    ctx = _Context(text, scan, voc)
    pos = len(scan) - len(scan.lstrip())
    if pos == len(scan):
        raise InvalidCitation(text, 0, "empty text: expected a document number such as 76/NQ-CP")

    pm = next((m for r in voc.programme_res if (m := r.match(scan, pos))), None)
    if pm is not None:
        cite = _programmes(ctx, [])[0]
        _check_rest(text, scan, pm.end())
        return cite

    wm = voc.word_re.match(scan, pos)
    word = " ".join(wm.group("word").split()) if wm and wm.group("word") else None
    at = wm.end() if wm else pos
    m = voc.number_re.match(scan, at)
    core = None
    if m is not None:
        letter_ok = letters or word in ("cong van", "van ban") or (
            m.group("cunit") is not None and m.group("cissuer") in voc.issuer_spellings
        )
        core = _core(m, text, scan, voc, word, pos, letter_ok)
    if core is None:
        _diagnose(text, scan, at, voc)
    cite, end = _build(core, ctx, len(text), strict=True)
    _check_rest(text, scan, end)
    return cite


def _check_rest(text: str, scan: str, end: int) -> None:
    rest = P.TRAILING.match(scan, end).end()
    if rest < len(scan):
        raise InvalidCitation(text, rest, "unexpected text after the citation")


def _diagnose(text: str, scan: str, pos: int, voc: _Vocab) -> None:
    """Raise the :class:`InvalidCitation` that says where a number stopped being one."""

    def fail(at: int, reason: str) -> None:
        raise InvalidCitation(text, at, reason)

    def capital(at: int) -> bool:
        return not text[at].translate(_LOOKALIKE_KEYS).islower()

    if P.DIAG_STANDARD.match(scan, pos):
        fail(pos, "a standard (TCVN, ISO) is not a legal document")
    num = P.DIAG_DIGITS.match(scan, pos)
    if num is None:
        fail(pos, "expected a document number such as 76/NQ-CP")
    q = num.end()
    if P.DIAG_DATE.match(scan, q):
        fail(pos, "a date, not a document number")
    if scan[q : q + 1] == ":":
        fail(q, "a standard or a time, not a document number")
    gap = P.DIAG_SPACES.match(scan, q).end()
    sep = scan[gap : gap + 1]
    if sep not in ("/", "-", "i", "l", "|"):
        fail(q, "expected '/' after the number")
    p = P.DIAG_SPACES.match(scan, gap + 1).end()
    year = P.DIAG_NUMBER.match(scan, p) if sep == "/" else None
    if year is not None:
        if not P.DIAG_YEAR.fullmatch(year.group()):
            fail(p, f"expected a year (1945-2099) or a document type after '/', not {year.group()!r}")
        after_year = P.DIAG_SPACES.match(scan, year.end()).end()
        if scan[after_year : after_year + 1] != "/":
            fail(year.end(), "expected '/' after the year")
        p = P.DIAG_SPACES.match(scan, after_year + 1).end()
    letters = P.DIAG_CODE.match(scan, p)
    if letters is None:
        fail(p, "expected a document type such as NQ, QĐ or KH")
    if P.DIAG_TERM.fullmatch(letters.group()):
        fail(p, "a law number needs a year: 80/2015/QH13")
    known = next((a for a in voc.type_by_length if letters.group().startswith(a)), None)
    if known is None or (sep == "-" and scan[p + len(known) : p + len(known) + 1] not in "/ \t"):
        fail(p, f"unknown document type {text[p : letters.end()]!r} (see plankit/data/document_types.tsv)")
    if not capital(p):
        fail(p, "the document type must be written in capitals")
    after = P.DIAG_SPACES.match(scan, p + len(known)).end()
    want = "/" if sep == "-" else "-"
    if scan[after : after + 1] != want:
        if sep == "-":
            fail(after, "expected '/' and the issuing body after the type (26-CTr/TU)")
        fail(after, "missing issuer code after the type")
    c = P.DIAG_BREAK.match(scan, after + 1).end()
    if P.DIAG_CODE.match(scan, c) is None:
        fail(c, "missing issuer code after '-'" if want == "-" else "missing issuing body after '/'")
    if not capital(c):
        fail(c, "the issuer code must be written in capitals")
    fail(pos, "not a document number")


@lru_cache(maxsize=8192)
def canonical_key(raw: str) -> str:
    """The canonical key of a written citation; ``canonical_key(canonical_key(x)) == canonical_key(x)``.

    Raises :class:`~plankit.errors.InvalidCitation` when ``raw`` is not a citation.

    >>> canonical_key("Nghị quyết số 76/NQ- CP"), canonical_key("Quyết định 22/2020/QD - UBND")
    ('76/NQ-CP', '22/2020/QĐ-UBND')
    >>> canonical_key("Chương trình số 26-CTR/TU"), canonical_key("45/2020/NÐ-CP")
    ('26-CTr/TU', '45/2020/NĐ-CP')
    """
    return _parse(raw, letters=True).key

