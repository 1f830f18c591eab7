"""Building the legal-basis graph from the citations of a corpus of plans (:func:`build_graph`).

A node per corpus plan and per cited document, an edge per (plan, cited document) with its role,
evidence and validity; see :mod:`plankit.graph` for the whole picture.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .. import validity
from ..places import slug
from ..register import document_title
from ..text import fold
from .identity import (
    LOWER_TIERS,
    Identities,
    bare_unit,
    locality,
    lookup,
    ocr_key,
    own_units,
    place_of,
)
from .result import BasisGraph
from .schema import UNKNOWN

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Citation, Plan

__all__ = ["build_graph", "plan_node"]

# A document number's type part, the label's prefix: "KH" in 261/KH-UBND, "NĐ" in 45/2020/NĐ-CP,
# "CTr" in 26-CTr/TU (party numbers put the type before the slash). Must not match a bare number.
_PARTY_TYPE = re.compile(r"^\d+[a-zA-Z]?-([^/]+)/")
_ADMIN_TYPE = re.compile(r"/([^/-]+)-[^/]+$")


# The provinces' slugs, and the titles of cited numbers, asked for once per citation of a corpus
_slug = lru_cache(maxsize=1 << 12)(slug)
_title = lru_cache(maxsize=1 << 16)(document_title)


def _type_abbr(key: str | None) -> str | None:
    if not key:
        return None
    m = _PARTY_TYPE.match(key) or _ADMIN_TYPE.search(key)
    return m.group(1) if m else None


def _plan_scope(plan: Plan) -> str | None:
    """The province a plan belongs to (:attr:`plankit.facts.PlanFacts.province`); ``None`` for a
    central body, whose numbers are national."""
    facts = plan.facts
    return facts.province.name if facts.province is not None and facts.level != "central" else None


def _issue_year(header: Any) -> int | None:
    """The year the plan was signed (its number's year), which may precede the plan year."""
    if header.date is not None:
        return header.date.year
    return header.date_parts.year or header.year


_ABBREVIATIONS = (
    (re.compile(r"\bỦy ban nhân dân\b", re.IGNORECASE), "UBND"),
    (re.compile(r"\bHội đồng nhân dân\b", re.IGNORECASE), "HĐND"),
    (re.compile(r"\bBan Chỉ đạo Trung ương\b", re.IGNORECASE), "BCĐTW"),
    (re.compile(r"\bBan Chỉ đạo\b", re.IGNORECASE), "BCĐ"),
    (re.compile(r"\bThành phố\b", re.IGNORECASE), "TP."),
    (re.compile(r"\bVăn phòng\b", re.IGNORECASE), "VP"),
)
DOC_TYPE_ABBR = {"Kế hoạch": "KH", "Quyết định": "QĐ", "Chỉ thị": "CT", "Chương trình": "CTr",
                  "Công văn": "CV", "Nghị quyết": "NQ", "Thông báo": "TB", "Báo cáo": "BC"}
_ISSUER_CHARS = 32


def short_issuer(issuer: str) -> str:
    """An issuer's name short enough for a label: 'Ủy ban nhân dân' as 'UBND', the body without
    its remit, at most 32 characters."""
    for pattern, short in _ABBREVIATIONS:
        issuer = pattern.sub(short, issuer)
    # "BCĐTW về phát triển khoa học, …": the body, not its remit
    issuer = re.split(r"\s+(?:về|của)\s+", issuer, maxsplit=1)[0]
    return issuer if len(issuer) <= _ISSUER_CHARS else issuer[:_ISSUER_CHARS - 1].rstrip() + "…"


_NAME_CHARS = 28


def cut_at_word(text: str, limit: int = _NAME_CHARS) -> str:
    """``text`` in at most ``limit`` characters, cut after a whole word and marked ``…``.

    >>> cut_at_word("Bản scan 150dpi kế hoạch cải cách hành chính"), cut_at_word("kh-07")
    ('Bản scan 150dpi kế hoạch…', 'kh-07')
    """
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2 and not text[limit - 1].isspace():
        cut = cut[:space]
    return cut.rstrip(" -_,.;") + "…"


def file_names(names: list[str]) -> list[str]:
    """The shortest part of each file's name that tells the files apart, for labels: the name
    without its folders and extension, then with its extension, then with as many folders as
    needed; cut at a word (:func:`cut_at_word`) when the cut names still differ.

    >>> file_names(["kế hoạch của tôi/Bản scan 150dpi kế hoạch 128.pdf",
    ...             "kế hoạch của tôi/Bản scan 200dpi kế hoạch 128.pdf"])
    ['Bản scan 150dpi kế hoạch 128', 'Bản scan 200dpi kế hoạch 128']
    >>> file_names(["a/kh-07.txt", "b/kh-07.txt", "scan/kh-07.png"])
    ['a/kh-07.txt', 'b/kh-07.txt', 'scan/kh-07.png']
    """
    if not names:
        return []
    parts = [name.replace("\\", "/").split("/") for name in names]
    tries = [[p[-1].rpartition(".")[0] or p[-1] for p in parts], [p[-1] for p in parts]]
    tries += [["/".join(p[-k:]) for p in parts] for k in range(2, max(map(len, parts)) + 1)]
    for found in tries:
        if len(set(found)) == len(found):
            cut = [cut_at_word(x) for x in found]
            return cut if len(set(cut)) == len(cut) else found
    return list(names)


def _plan_label(header: Any, scope: str | None, name: str) -> str:
    """``KH 137/KH-SKHCN (Cần Thơ 2025)``; a plan without a number is named by its issuer, never
    by its file's path (``KH Bộ Y tế (2024)``), and without an issuer by its file's name without
    folder or extension, cut at a word (``QĐ Bản scan kế hoạch 128``)."""
    if header.reference:
        ref = header.reference
        abbr = _type_abbr(ref) or "KH"
    else:
        ref = short_issuer(header.issuer) if header.issuer else file_names([name])[0]
        abbr = _type_abbr(f"1/{header.symbol}") if header.symbol else None
        abbr = abbr or DOC_TYPE_ABBR.get(header.doc_type or "", "KH")
    place = scope or header.place
    where = " ".join(str(x) for x in (place if place and place not in ref else None, header.year) if x)
    return f"{abbr} {ref} ({where})" if where else f"{abbr} {ref}"


# The label's prefix of a National Assembly number, whose symbol names no type (72/2025/QH15 is a
# law, 202/2025/QH15 a resolution): from the citation's document type.
_TERM_TYPES = {"Luật": "Luật", "Nghị quyết": "NQ", "Pháp lệnh": "PL", "Bộ luật": "BL"}


def _doc_label(key: str, doc_id: str, scope: str | None, year: int | None, doc_type: str | None = None) -> str:
    abbr = _type_abbr(key) or _TERM_TYPES.get(doc_type or "")
    text = f"{abbr} {key}" if abbr else key
    if "@" in doc_id:  # a local number: say whose, and when unless the number says it
        year = None if key.count("/") >= 2 else year
        where = " ".join(str(x) for x in (scope, year) if x)
        text = f"{text} ({where})"
    return text


def _id_parts(doc_id: str) -> tuple[str, str | None, int | None]:
    """``261/KH-UBND@can-tho/2021`` -> ``('261/KH-UBND', 'can-tho', 2021)`` (a document whose
    commune is not said carries ``#`` and its citing plan's id after the year: left out)."""
    key, _, where = doc_id.partition("@")
    where = where.partition("#")[0]
    if not where:
        return key, None, None
    place, _, year = where.partition("/")
    return key, place, int(year) if year.isdigit() else None


def plan_node(plan: Plan, scope: str | None = None) -> str:
    """The node id of a corpus plan: ``<number>/<symbol>@<province>/<year of issue>``, the same
    form as :attr:`Citation.doc_id`, or ``plan:<source name>`` while the number is blank.

    >>> import datetime as dt
    >>> from plankit.model import Header, PartialDate, Plan, Source
    >>> h = Header(number="137", symbol="KH-SKHCN", place="Cần Thơ", year=2025,
    ...            date=dt.date(2025, 1, 21), date_parts=PartialDate(21, 1, 2025))
    >>> plan_node(Plan("", h, (), (), (), Source("can-tho/2025.txt")))
    '137/KH-SKHCN@can-tho/2025'
    >>> plan_node(Plan("", Header(symbol="KH-SKHCN", year=2022), (), (), (), Source("x.txt")))
    'plan:x.txt'
    """
    header = plan.header
    scope = scope or _plan_scope(plan)
    year = _issue_year(header)
    level = plan.facts.level
    if header.number and header.symbol and (level == "central" or (level == "party" and not scope)):
        # a national number (a ministry's, or the Party centre's, which has no province): the
        # same id as its citations' doc_id
        return header.reference
    place = place_of(scope, header.issuer, level)
    if header.number and header.symbol and place and year:
        # as Citation.doc_id: the number as printed ('95-KH/TU' for a Party committee's), and
        # the year only when the number has none of its own; a district's or a commune's
        # number also names the district or commune ('05/KH-UBND@lao-cai.xa-bao-ha/2025')
        where = f"{header.reference}@{place}"
        return where if header.reference.count("/") >= 2 else f"{where}/{year}"
    return f"plan:{plan.name}"


def _plan_attrs(plan: Plan, scope: str | None) -> dict[str, Any]:
    h = plan.header
    below = locality(h.issuer) if plan.facts.level in LOWER_TIERS else None
    return {
        "kind": "plan",
        "label": _plan_label(h, below[1] if below else scope, plan.name),
        "key": h.reference,
        "doc_type": h.doc_type or "Kế hoạch",
        "level": plan.facts.level,
        "issuer": h.issuer,
        "scope": scope,
        "date": h.date,
        "year": h.year,
        "in_corpus": True,
        "implicit": False,
        "name": plan.name,
        "number": h.number,
        "symbol": h.symbol,
        "parent": h.parent,
        "place": h.place,
        "title": h.title,
        "copies": (),
    }


def _doc_attrs(cite: Citation, doc_id: str, level: str | None = None,
               names: dict[str, str] | None = None) -> dict[str, Any]:
    """A document node's attributes from one citation of it (``doc_id`` and ``level`` as
    :meth:`Identities.resolve` gives them, ``level`` by default the citation's; ``names``:
    province slug -> name)."""
    level = level or cite.level or "other"
    names = names or {}
    key, place, year = _id_parts(doc_id)
    scope = cite.scope or (names.get(place.partition(".")[0]) if place else None)
    year = cite.year if cite.year is not None else year
    where = scope
    if level in LOWER_TIERS:
        below = locality(cite.issuer)
        if below is not None:
            where = below[1]
        elif place in names:  # "UBND xã" in a commune's own plan: that commune
            where = names[place]
        elif bare_unit(cite.issuer, level):  # "UBND xã" elsewhere: which one is not said
            where = ", ".join(x for x in (short_issuer(cite.issuer), scope) if x)
    return {
        "kind": "document",
        "label": _doc_label(key, doc_id, where, year, cite.doc_type),
        # a national number the register knows: its full title (type, date, issuer, subject)
        "title": None if "@" in doc_id else _title(key),
        "key": key,
        "doc_type": cite.doc_type,
        "level": level,
        "issuer": cite.issuer,
        "scope": scope,
        "date": cite.date,
        "year": year,
        "in_corpus": False,
        "implicit": cite.implicit,
        "subject": cite.subject,
    }


# The attributes of a document node that another citation of it may fill when blank: those of
# _doc_attrs but kind, label, key and in_corpus (never blank), title, level and implicit (below).
_FILLABLE = ("doc_type", "issuer", "scope", "date", "year", "subject")


def _merge_doc(attrs: dict[str, Any], cite: Citation, doc_id: str, level: str | None = None) -> None:
    """Fill blanks of a document node (made by :func:`_doc_attrs`) from another citation of the
    same document: what ``_doc_attrs(cite, doc_id)`` would give for each blank attribute, ``level``
    when it is ``other``, ``implicit`` only while every citation is implicit."""
    attrs["implicit"] = attrs["implicit"] and cite.implicit
    level = level or cite.level or "other"
    if attrs["level"] == "other" and level != "other":
        attrs["level"] = level
    for name in _FILLABLE:
        if attrs[name] is None:
            value = getattr(cite, name)
            if value is not None:
                attrs[name] = value
    if attrs["title"] is None and "@" not in doc_id:
        attrs["title"] = _title(attrs["key"])


_KEY_YEAR = re.compile(r"^[^/]+/((?:19|20)\d\d)/")


class _Judge:
    """:func:`plankit.validity.status` and the successor for a document id (the graph's, which
    may know a date or province its citation did not say), each id looked up in the data once."""

    __slots__ = ("_ever", "_issued")

    def __init__(self) -> None:
        self._issued: dict[str, dt.date | None] = {}
        self._ever: dict[str, bool] = {}

    def __call__(self, doc_id: str, issued: dt.date | None, year: int | None,
                 on: dt.date) -> tuple[str, str | None]:
        if issued is None:
            if doc_id not in self._issued:
                self._issued[doc_id] = validity.issue_date(doc_id)
            issued = self._issued[doc_id]
        if issued is None:
            m = _KEY_YEAR.match(doc_id)
            year = int(m.group(1)) if m else year
            issued = dt.date(year, 1, 1) if year else None
        if issued is not None and issued > on:
            return validity.NOT_YET_ISSUED, None
        ever = self._ever.get(doc_id)
        if ever is None:  # replaced at all, some day: most documents never are
            ever = self._ever[doc_id] = validity.replaced_by(doc_id, dt.date.max) is not None
        found = validity.replaced_by(doc_id, on) if ever else None
        if found is None:
            return validity.VALID, None
        return (validity.PARTLY_REPLACED if found.partial else validity.REPLACED), found.replaced_by

    def successor(self, doc_id: str) -> validity.Replacement | None:
        """The last replacement the data lists for a document, whatever the day."""
        if self._ever.get(doc_id) is False:
            return None
        found = validity.replaced_by(doc_id, dt.date.max)
        self._ever[doc_id] = found is not None
        return found


_WORD = re.compile(r"\w+")


def _copy_keys(plan: Plan, node: str, words_of: dict[str, bytes], shared: bool) -> tuple[tuple[Any, ...], ...]:
    """What two copies of one plan (its .docx, its PDF, a text export) share, either of which
    makes them one document: the same words in the same order (folded: a PDF's line breaks,
    tabs and Unicode forms aside), or the same number (the node id), type, issuer, date,
    subject, level and province as read.

    ``words_of``: the words' digest of each text already seen (each text is folded once);
    ``shared``: whether another plan has the node id, without which no plan shares the second
    key (it starts with the id), so it is not made."""
    keys: list[tuple[Any, ...]] = []
    text = getattr(plan, "text", None)
    if text:
        digest = words_of.get(text)
        if digest is None:
            words = " ".join(_WORD.findall(fold(text)))
            digest = words_of[text] = hashlib.blake2b(words.encode("utf-8"), digest_size=16).digest()
        keys.append(("text", digest))
    if shared and not node.startswith("plan:"):
        h, f = plan.header, plan.facts

        def flat(value: str | None) -> str:
            return "".join(fold(value or "").split())

        keys.append((node, flat(h.doc_type), flat(h.issuer), h.date, flat(h.title), f.level,
                     f.province.name if f.province else None))
    return tuple(keys)


def _completeness(plan: Plan) -> tuple[int, int, int]:
    """How much of a plan was read: header fields, basis citations, citations. Of the copies of
    one plan the most complete reading speaks for it (a PDF whose header lines ran together
    reads no number)."""
    h = plan.header
    head = sum(bool(x) for x in (h.number, h.symbol, h.date, h.issuer, h.title, h.doc_type, h.year))
    cites = [c for c in plan.citations if c.role != "self"]
    return head, sum(c.role == "basis" for c in cites), len(cites)


def _is_ocr(plan: Plan) -> bool:
    """Whether a plan was read by OCR (a record without a source, as the scale benchmark's slim
    ones, was not)."""
    return bool(getattr(getattr(plan, "source", None), "ocr", False))


# The years a document of the Vietnamese state can carry (1945 on, not beyond this century): a
# scan's year outside them is OCR's (2025 read 2925 or 2625), never a date.
_PLAUSIBLE_YEARS = range(1945, 2101)


def _year_unsure(plan: Plan) -> bool:
    """Whether a scan's year of issue (the year in its node id) may be OCR's: its date was not
    read whole (the year then comes from a partial date or the plan year of its title), or its
    year is one no plan carries (2925)."""
    date = plan.header.date
    return date is None or date.year not in _PLAUSIBLE_YEARS


def _same_dates(a: Plan, b: Plan) -> bool:
    """Whether two readings agree on when the plan was signed, all but the year of issue: the
    day and month when both read them, else the plan year (the title's ``năm 2026``) when both
    read a plausible one."""
    da, db = a.header.date_parts, b.header.date_parts
    if da.day and da.month and db.day and db.month:
        return (da.day, da.month) == (db.day, db.month)
    ya, yb = a.header.year, b.header.year
    return ya is not None and ya == yb and ya in _PLAUSIBLE_YEARS


_ID_YEAR = re.compile(r"/\d+$")


def _yearless(node: str) -> str | None:
    """A local node id without its year of issue (``167/KH-UBND@bac-ninh``), OCR's look-alikes
    made one; ``None`` when the id has no such year (a national number, or one carrying its year:
    ``22/2020/QĐ-UBND@hung-yen``)."""
    ref, at, where = node.partition("@")
    if not at or "#" in where or not _ID_YEAR.search(where):
        return None
    return ocr_key(f"{ref}@{_ID_YEAR.sub('', where)}")


def _dated_alike(a: Plan, b: Plan) -> bool:
    """Whether two readings with one node id may be one plan as far as their dates go: always,
    unless one is a scan whose year is unsure, which then must agree with the other's date but
    for the year (a scan whose date was lost takes the plan year 2026 of its title, which a plan
    signed in 2026 also has)."""
    return not any(_is_ocr(x) and _year_unsure(x) for x in (a, b)) or _same_dates(a, b)


def _misdated_copy(a: Plan, b: Plan) -> bool:
    """Whether two readings of one number, symbol and place in two years may be one plan: one
    is a scan whose year is unsure and their dates agree but for the year."""
    return any(_is_ocr(x) and _year_unsure(x) for x in (a, b)) and _same_dates(a, b)


# A scan that read no number at all (a 100-dpi page whose header OCR could not place) is a copy
# of the one document whose text holds nearly all its runs of three words; another plan built on
# the same template (last year's decision of the same ministry) held at most 71 % of them on the
# corpus, a scan of a typed copy at least 98 %.
_SHINGLE_WORDS = 3
_HEADLESS_SHARE = 0.9
_OTHER_SHARE = 0.75
_HEADLESS_MIN = 50  # runs of three words below which a text says too little to tell


# a year a text names (OCR's impossible years, 2925, say nothing and are left out)
_NAMED_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")


def _years(plan: Plan) -> frozenset[str]:
    return frozenset(_NAMED_YEAR.findall(getattr(plan, "text", "") or ""))


def _shingles(plan: Plan) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(fold(getattr(plan, "text", "") or ""))
    return frozenset(tuple(words[k:k + _SHINGLE_WORDS]) for k in range(len(words) - _SHINGLE_WORDS + 1))


def _join_headless_scans(plans: list[Plan], nodes: list[str], groups: list[list[int]]) -> None:
    """Move each scan that read no number and is a document of its own into the one group of
    typed readings whose text holds at least 90 % of its runs of three words (folded), when no
    other group holds 75 % and the scan names no year the typed text does not; a scan that could
    be two documents stays alone."""
    typed_groups = [g for g, members in enumerate(groups) if any(not _is_ocr(plans[i]) for i in members)]
    alone = [g for g, members in enumerate(groups)
             if len(members) == 1 and _is_ocr(plans[members[0]]) and nodes[members[0]].startswith("plan:")]
    if not alone or not typed_groups:
        return
    texts: dict[int, frozenset[tuple[str, ...]]] = {}

    def shingles(i: int) -> frozenset[tuple[str, ...]]:
        if i not in texts:
            texts[i] = _shingles(plans[i])
        return texts[i]

    for g in alone:
        (i,) = groups[g]
        mine = shingles(i)
        if len(mine) < _HEADLESS_MIN:
            continue
        shares = sorted(
            ((max(len(mine & shingles(j)) for j in groups[t] if not _is_ocr(plans[j])) / len(mine), t)
             for t in typed_groups), reverse=True)
        best = shares[0][1]
        # next year's plan copied from this one holds nearly all its words too, but names a
        # year the typed text never names ("năm 2026"): a scan naming such a year stays alone
        if shares[0][0] < _HEADLESS_SHARE or (len(shares) > 1 and shares[1][0] >= _OTHER_SHARE):
            continue
        named = frozenset().union(*(_years(plans[j]) for j in groups[best] if not _is_ocr(plans[j])))
        if _years(plans[i]) <= named:
            groups[best].append(i)
            groups[g] = []


def _copies_of(plans: list[Plan], nodes: list[str]) -> list[int]:
    """For each plan, the index of the copy that speaks for its document (itself when it is
    the only copy, or the most complete reading not OCR'd, the first of equals).

    A scan read by OCR (:attr:`~plankit.model.Source.ocr`) keeps a plan's number, symbol,
    province and year but seldom its words, and may misread its title, issuer or date: it is a
    copy of the one other reading with that number, symbol, place and year (its node id, OCR's
    look-alikes made one: :func:`~plankit.graph.identity.ocr_key`). Two readings with the same
    id that are not OCR'd and differ in their header stay two documents (a number slip): a
    reading not OCR'd joins by number only a group of scans, and a scan matching two groups
    joins neither.

    OCR also misreads the year of the date (``2025`` as ``2925``), or loses the date so that the
    id takes the plan year of the title (``NĂM 2026``): a scan whose year is unsure
    (:func:`_year_unsure`) is also a copy of the one reading with its number, symbol and place
    in another year whose date agrees but for the year (:func:`_same_dates`). A plausible year
    read whole is never overridden: ``167/KH-UBND`` of 2024 and of 2025 stay two documents."""
    group_of: dict[tuple[Any, ...], int] = {}
    groups: list[list[int]] = []
    numbered: list[str | None] = []  # the number a group's copies were read with, if any
    typed: list[bool] = []  # whether a group holds a copy not read by OCR
    by_number: dict[str, set[int]] = defaultdict(set)  # ocr_key(node id) -> groups
    by_yearless: dict[str, set[int]] = defaultdict(set)  # _yearless(node id) -> groups
    words_of: dict[str, bytes] = {}
    ids = Counter(nodes)
    # without a scan in the folder no plan joins a group by its number alone
    scans = any(_is_ocr(plan) for plan in plans)
    for i, (plan, node) in enumerate(zip(plans, nodes, strict=True)):
        keys = _copy_keys(plan, node, words_of, ids[node] > 1)
        mine = None if node.startswith("plan:") else node
        ocr = _is_ocr(plan)
        # the same words under two numbers are two documents built alike, never two copies
        found = next((group_of[k] for k in keys
                      if k in group_of and mine in (None, numbered[group_of[k]] or mine)), None)
        number = ocr_key(mine) if scans and mine is not None else None
        if found is None and number is not None:
            # a scan and another reading of the same number: one document, if only one has it
            candidates = [g for g in by_number.get(number, ())
                          if (ocr or not typed[g]) and any(_dated_alike(plans[i], plans[j]) for j in groups[g])]
            if len(candidates) == 1:
                found = candidates[0]
        yearless = _yearless(mine) if number is not None else None
        if found is None and yearless is not None:
            # a scan whose year OCR may have misread and a reading of that number another year
            candidates = [g for g in by_yearless.get(yearless, ())
                          if (ocr or not typed[g]) and any(_misdated_copy(plans[i], plans[j]) for j in groups[g])]
            if len(candidates) == 1:
                found = candidates[0]
        if found is None:
            found = len(groups)
            groups.append([])
            numbered.append(None)
            typed.append(False)
        groups[found].append(i)
        numbered[found] = numbered[found] or mine
        typed[found] = typed[found] or not ocr
        if number is not None:
            by_number[number].add(found)
        if yearless is not None:
            by_yearless[yearless].add(found)
        for k in keys:
            group_of.setdefault(k, found)
    if scans:
        _join_headless_scans(plans, nodes, groups)
    speaker = list(range(len(plans)))
    for members in groups:
        if len(members) > 1:
            # a typed copy's header over a scan's guess at it, then the most complete reading
            best = max(members, key=lambda i: (not _is_ocr(plans[i]), _completeness(plans[i]), -i))
            for i in members:
                speaker[i] = best
    return speaker


def _rank(cite: Citation) -> tuple[int, int, int]:
    """Which occurrence of a document in one plan speaks for the edge: basis, explicit, first."""
    return (cite.role != "basis", cite.implicit, cite.span.start)


def build_graph(plans: Iterable[Plan | str | os.PathLike[str]]) -> BasisGraph:
    """The legal-basis graph of a corpus of plans (or their files).

    Returns a :class:`BasisGraph`: a :class:`networkx.DiGraph` with a short repr, an HTML view
    and :meth:`~BasisGraph.to_frame`.

    Each plan contributes a ``plan`` node and one edge per cited document (several citations of
    one document in one plan make one edge: its ``role`` is ``basis`` if any is, its evidence is
    the first basis citation, ``occurrences`` counts them). Standards (``kind="standard"``) and
    the plan's own number (``role="self"``) make no edges; programme citations (``implicit``)
    do, marked ``implicit=True``. Paths are read with :func:`~plankit.read.read_plan`; no plan
    is changed.

    ``plans`` may hold any objects with ``header``, ``citations``, ``name`` and
    ``sentence_at(span)`` like :class:`~plankit.model.Plan`.

    Example (the bundled corpus; Cần Thơ 2025 rests on the city's plan 258/KH-UBND):

    >>> import datetime as dt
    >>> from plankit.model import Citation, Header, PartialDate, Plan, Source, Span
    >>> text = "Căn cứ Kế hoạch số 258/KH-UBND ngày 24/12/2024 của UBND thành phố Cần Thơ."
    >>> plan = Plan(text, Header(number="137", symbol="KH-SKHCN", place="Cần Thơ",
    ...             issuer="Sở Khoa học và Công nghệ", year=2025, date=dt.date(2025, 1, 21)),
    ...             (), (), (), Source("can-tho/2025.txt"))
    >>> plan.__dict__["citations"] = [Citation("258/KH-UBND", "Kế hoạch", "258", 2024, "KH-UBND",
    ...     date=dt.date(2024, 12, 24), scope="Cần Thơ", level="province", role="basis",
    ...     span=Span(7, 30))]
    >>> g = build_graph([plan])
    >>> list(g.edges(data="role"))
    [('137/KH-SKHCN@can-tho/2025', '258/KH-UBND@can-tho/2024', 'basis')]
    >>> g.nodes["258/KH-UBND@can-tho/2024"]["label"], g.nodes["137/KH-SKHCN@can-tho/2025"]["label"]
    ('KH 258/KH-UBND (Cần Thơ 2024)', 'KH 137/KH-SKHCN (Cần Thơ 2025)')
    """
    from ..read import as_plan

    plans = [as_plan(p) for p in plans]
    graph = BasisGraph(name="plankit legal-basis graph")

    # 1. corpus plans, and an index to find them when another plan cites them
    ids = Identities()
    names: dict[str, str] = {}  # province (and unit) slug -> name, for the labels of local documents
    by_lookup: dict[tuple[str, str | None, int | None], str] = {}
    plan_ids: list[str] = []
    firsts: list[bool] = []  # False for a further copy of a plan already read (its PDF ...)
    owns: list[tuple[tuple[str, str], ...]] = []  # the district and commune each plan belongs to
    scopes = [_plan_scope(plan) for plan in plans]
    own_ids = [plan_node(plan, scope) for plan, scope in zip(plans, scopes, strict=True)]
    speaker = _copies_of(plans, own_ids)
    for i, plan in enumerate(plans):
        h, level = plan.header, plan.facts.level
        owns.append(own_units(level, h.issuer, h.parent) if level in LOWER_TIERS else ())
        scope, node = scopes[i], own_ids[i]
        if speaker[i] != i:  # a further copy of a document: the speaking copy's node, later
            plan_ids.append("")
            firsts.append(False)
            continue
        firsts.append(True)
        if node in graph:  # two plans under one id (a number slip): keep both, cite the first
            node = f"plan:{plan.name}"
            suffix = 2
            while node in graph:
                node, suffix = f"plan:{plan.name}#{suffix}", suffix + 1
        graph.add_node(node, **_plan_attrs(plan, scope))
        plan_ids.append(node)
        for tier, unit in owns[-1]:  # the names of its units, for the labels of "UBND xã" documents
            found = locality(h.issuer if tier == level else h.parent)
            names.setdefault(f"{_slug(scope)}.{unit}" if scope else unit, found[1] if found else unit)
        if h.number and h.symbol:
            place = place_of(scope, h.issuer, level)
            if scope:
                names.setdefault(_slug(scope), scope)
            year = _issue_year(h)
            national = not place and level in ("central", "party")
            if not national:
                ids.add_known(h.reference, place, year)
            by_lookup.setdefault(lookup(h.reference, place, year, national), node)

    for i, k in enumerate(speaker):
        if k != i:
            plan_ids[i] = plan_ids[k]
            graph.nodes[plan_ids[k]]["copies"] += (plans[i].name,)

    # 2. what the whole folder says of each cited document (a date here, a province there); a
    # further copy of a plan says nothing the first did not
    kept: list[list[Citation]] = []
    for plan, first, own in zip(plans, firsts, owns, strict=True):
        cites = [c for c in plan.citations if c.kind != "standard" and c.role != "self"] if first else []
        kept.append(cites)
        for cite in cites:
            ids.add(cite, own)
            if cite.scope is not None:
                names.setdefault(_slug(cite.scope), cite.scope)

    # 3. one edge per (plan, cited document)
    judge = _Judge()
    nodes = graph.nodes
    for plan, source, cites_of_plan, own in zip(plans, plan_ids, kept, owns, strict=True):
        on = plan.facts.latest
        groups: dict[str, list[Citation]] = defaultdict(list)
        resolved: dict[int, tuple[str, str]] = {}  # id(cite) -> (document id, level)
        for cite in cites_of_plan:
            doc_id, level, where = ids.resolve(cite, own, source)
            resolved[id(cite)] = (doc_id, level)
            target = by_lookup.get(where, doc_id)
            if target == source:  # "Kế hoạch này" and other ways a plan names itself
                continue
            groups[target].append(cite)
        for target, cites in groups.items():
            best = min(cites, key=_rank)
            if target not in graph:
                graph.add_node(target, **_doc_attrs(best, *resolved[id(best)], names))
            attrs = nodes[target]
            if attrs["kind"] == "document":
                for cite in cites:
                    _merge_doc(attrs, cite, *resolved[id(cite)])
            issued = next((c.date for c in cites if c.date is not None), None)
            if on is None:
                state, repl = UNKNOWN, None
            else:
                doc_id = resolved[id(best)][0]
                state, repl = judge(doc_id, issued, best.year or _id_parts(doc_id)[2], on)
            graph.add_edge(
                source,
                target,
                role="basis" if best.role == "basis" else "mention",
                implicit=all(c.implicit for c in cites),
                validity=state,
                replaced_by=repl,
                raw=best.raw,
                span_start=best.span.start,
                span_end=best.span.end,
                sentence=plan.sentence_at(best.span),
                occurrences=len(cites),
            )

    # 4. what replaces each document, according to the register, whatever the plans' dates
    for node, attrs in nodes.items():
        found = judge.successor(node)
        attrs["successor"] = found.replaced_by if found else None
        attrs["successor_from"] = found.effective if found else None
        attrs["successor_part"] = found.part if found else None
    _distinct_labels(graph)
    return graph


def _distinct_labels(graph: BasisGraph) -> None:
    """Two nodes never share a label (the table and the drawing name them by it): a plan read
    twice under one number that is not one document (a number slip, or a scan that matched two
    readings) adds as much of its file's name as tells them apart (:func:`file_names`),
    ``KH 07/KH-UBND (Quảng Ngãi 2024) [scan/07.pdf]``; a
    commune's document whose commune is not said, the plan citing it, ``KH 05/KH-UBND (UBND xã,
    Lào Cai 2025) [in 40/KH-SNV]``; any other document, its id."""
    nodes = graph.nodes
    seen: dict[str, list[str]] = defaultdict(list)
    for node, label in nodes(data="label"):
        seen[label].append(node)
    for label, alike in seen.items():
        if len(alike) == 1:
            continue
        plans = [node for node in alike if nodes[node]["kind"] == "plan"]
        files = dict(zip(plans, file_names([str(nodes[node]["name"]) for node in plans]), strict=True))
        for node in alike:
            attrs = nodes[node]
            citing = node.partition("#")[2]
            if node in files:
                which = files[node]
            elif citing in nodes:
                which = f"in {nodes[citing]['key'] or nodes[citing]['label']}"
            else:
                which = node
            attrs["label"] = f"{label} [{which}]"

