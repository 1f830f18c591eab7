"""Whether a cited document still applied on a given day: valid, replaced or not yet issued.

A plan copied from last year keeps citing what last year's plan cited. Some of those documents
have since been replaced (Nghị định 61/2018/NĐ-CP and 107/2021/NĐ-CP by 118/2025/NĐ-CP from
2025-07-01); a careless edit can also cite a document dated after the plan itself. The facts of
central and party documents live in the register (``plankit/data/register.tsv``, read by
:mod:`plankit.register`): each row's date, its ``replaced_by`` and the day the replacement applies
(``effective``), with the page they were read on. Local documents, whose bare number names a
different document in every province and year, would go in ``plankit/data/replaced_documents.tsv``
keyed by their doc_id (``261/KH-UBND@can-tho/2021``); no fact is in both files. This module answers
questions about them. The graph marks its edges with :func:`status` at the citing plan's date,
the linter uses the same function and the diff pairs replaced documents with :func:`replacements`.

Keys are compared folded and without spaces (``61/2018/NĐ-CP``, ``61/2018/ND-CP`` and
``61/2018/NĐ - CP`` are one key), so OCR that lost the bar of the Đ still matches.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from .text import nfc

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .model import Citation

__all__ = [
    "NOT_YET_ISSUED",
    "PARTLY_REPLACED",
    "REPLACED",
    "STATUSES",
    "VALID",
    "Replacement",
    "issue_date",
    "parse_local",
    "replaced_by",
    "replacements",
    "replacements_frame",
    "status",
]

VALID = "valid"
REPLACED = "replaced"
#: Another document replaced part of it (172/2025/NĐ-CP took over 112/2020/NĐ-CP's rules for
#: cán bộ and công chức, not those for viên chức): citing it is not wrong in itself.
PARTLY_REPLACED = "partly-replaced"
NOT_YET_ISSUED = "not-yet-issued"
STATUSES = (VALID, REPLACED, PARTLY_REPLACED, NOT_YET_ISSUED)

DATA_FILE = "replaced_documents.tsv"
_COLUMNS = ("key", "issued", "replaced_by", "effective", "basis", "source")
# optional, as in the register: the part the replacement covers; blank: the whole document
_PART = "replaced_part"

# The year inside a legal normative number: 45/2020/NĐ-CP, 80/2015/QH13. It bounds the issue date
# from below (a document numbered .../2025/... cannot exist before 2025-01-01). Party numbers
# (26-CTr/TU) and administrative numbers (261/KH-UBND) carry no year.
_KEY_YEAR = re.compile(r"^[^/]+/((?:19|20)\d\d)/")


@dataclass(frozen=True)
class Replacement:
    """One document replaced by another from a day on, with the legal basis and a source;
    ``part`` names the part replaced when the new document covers only part of the old one.

    >>> r = replaced_by("61/2018/NĐ-CP", dt.date(2026, 1, 5))
    >>> r.replaced_by, r.effective, r.partial
    ('118/2025/NĐ-CP', datetime.date(2025, 7, 1), False)
    >>> replaced_by("112/2020/NĐ-CP", dt.date(2026, 1, 5))
    Replacement(112/2020/NĐ-CP -> 172/2025/NĐ-CP from 2025-07-01, in part: cán bộ, công chức)
    """

    key: str
    replaced_by: str
    effective: dt.date
    basis: str
    source: str
    part: str | None = None

    @property
    def partial(self) -> bool:
        """Whether the new document replaced only part of the old one."""
        return bool(self.part)

    def __repr__(self) -> str:
        part = f", in part: {self.part}" if self.part else ""
        return f"Replacement({self.key} -> {self.replaced_by} from {self.effective.isoformat()}{part})"


def _norm(key: str) -> str:
    """The comparison form of a key: NFC, folded (no diacritics, đ as d, lower case), no spaces."""
    from .register import register_key

    return register_key(key)


def _date(value: str, line: int) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{DATA_FILE}, line {line}: bad date {value!r}") from exc


def parse_local(raw: str) -> tuple[dict[str, Replacement], dict[str, dt.date]]:
    """Rows of a file of local documents (the format of ``replaced_documents.tsv``): the
    replacements and the issue dates, by comparison key (a doc_id such as
    ``261/KH-UBND@can-tho/2021``).

    Central and party documents belong in the register (``register.tsv``); a row for one of them
    here is refused, so that no fact is kept in two files.

    >>> head = "\\t".join(_COLUMNS)
    >>> row = "261/KH-UBND@can-tho/2021\\t2021-12-29\\t\\t\\tKế hoạch ...\\thttps://x.vn/261"
    >>> parse_local(f"{head}\\n{row}\\n")[1]
    {'261/kh-ubnd@can-tho/2021': datetime.date(2021, 12, 29)}
    >>> parse_local(f"{head}\\n{row.replace('261/KH-UBND@can-tho/2021', '76/NQ-CP')}\\n")
    Traceback (most recent call last):
    ...
    ValueError: replaced_documents.tsv, line 2: 76/NQ-CP is a central document: it belongs in register.tsv
    """
    replaced: dict[str, Replacement] = {}
    issued: dict[str, dt.date] = {}
    header: tuple[str, ...] = ()
    for number, line in enumerate(nfc(raw).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header:
            if tuple(cells) not in (_COLUMNS, (*_COLUMNS, _PART)):
                raise ValueError(f"{DATA_FILE}, line {number}: expected columns {_COLUMNS}")
            header = tuple(cells)
            continue
        if len(cells) == len(_COLUMNS) < len(header):  # the optional last cell left out
            cells.append("")
        if len(cells) != len(header):
            raise ValueError(f"{DATA_FILE}, line {number}: {len(cells)} cells, expected {len(header)}")
        row = dict(zip(header, cells, strict=True))
        part = row.get(_PART) or None
        if part and not row["replaced_by"]:
            raise ValueError(f"{DATA_FILE}, line {number}: {_PART} needs replaced_by")
        if "@" not in row["key"]:
            raise ValueError(
                f"{DATA_FILE}, line {number}: {row['key']} is a central document: it belongs in register.tsv"
            )
        norm = _norm(row["key"])
        if norm in replaced or norm in issued:
            raise ValueError(f"{DATA_FILE}, line {number}: {row['key']} listed twice")
        if not row["basis"] or not row["source"].startswith(("https://", "http://")):
            raise ValueError(f"{DATA_FILE}, line {number}: every row needs a basis and a source (a web address)")
        day = _date(row["issued"], number)
        if day is not None:
            issued[norm] = day
        if bool(row["replaced_by"]) != bool(row["effective"]):
            raise ValueError(f"{DATA_FILE}, line {number}: replaced_by and effective go together")
        if row["replaced_by"]:
            replaced[norm] = Replacement(
                row["key"], row["replaced_by"], _date(row["effective"], number), row["basis"], row["source"],
                part,
            )
        elif day is None:
            raise ValueError(f"{DATA_FILE}, line {number}: a row needs a date or a replacement")
    return replaced, issued


@cache
def _table() -> tuple[dict[str, Replacement], dict[str, dt.date]]:
    """The replacements (register first, then local documents) and the local issue dates."""
    from .register import lookup, register

    replaced: dict[str, Replacement] = {}
    for entry in register():
        if entry.replaced_by and entry.effective:
            successor = lookup(entry.replaced_by)
            basis = successor.title if successor is not None else entry.replaced_by
            replaced[_norm(entry.key)] = Replacement(
                entry.key, entry.replaced_by, entry.effective, basis, entry.source, entry.replaced_part
            )
    raw = resources.files("plankit.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    local_replaced, issued = parse_local(raw)
    replaced.update(local_replaced)
    return replaced, issued


def _walk(first: Replacement) -> Iterator[Replacement]:
    """``first``, then ``first.key`` paired with each later document that replaced its successor
    in turn (34/2017 -> 63/2022 -> 25/2025 gives 34/2017 -> 63/2022, then 34/2017 -> 25/2025
    from the day 25/2025 applies). A cycle in the data stops the walk."""
    table = _table()[0]
    current, seen = first, {_norm(first.key)}
    yield current
    while (step := table.get(_norm(current.replaced_by))) is not None and _norm(step.key) not in seen:
        seen.add(_norm(step.key))
        current = Replacement(
            first.key,
            step.replaced_by,
            step.effective,
            f"{step.basis} (qua / via {current.replaced_by})",
            step.source,
            current.part or step.part,  # replaced in part anywhere along the chain: in part
        )
        yield current


def replacements() -> tuple[Replacement, ...]:
    """Every replacement known: the register's (in its file order) and local documents', then
    for a chain (A replaced by B, B later by C) the pair A -> C from the day C applies, so that a
    plan citing A and a later one citing C see one replacement.

    >>> [r.key for r in replacements() if r.replaced_by == "118/2025/NĐ-CP"]
    ['61/2018/NĐ-CP', '107/2021/NĐ-CP', '09/2015/QĐ-TTg']
    >>> [(r.replaced_by, r.effective.isoformat()) for r in replacements() if r.key == "34/2017/NĐ-CP"]
    [('63/2022/NĐ-CP', '2022-09-15'), ('25/2025/NĐ-CP', '2025-03-01')]
    """
    direct = tuple(_table()[0].values())
    return direct + tuple(step for r in direct for step in itertools.islice(_walk(r), 1, None))


def replacements_frame() -> pd.DataFrame:
    """The replacements as a DataFrame: key, replaced_by, effective, basis, source, part
    (the part replaced, ``None`` for a whole replacement).

    >>> frame = replacements_frame()
    >>> frame.loc[frame.key == "107/2021/NĐ-CP", "replaced_by"].tolist()
    ['118/2025/NĐ-CP']
    """
    import pandas as pd

    rows = [
        {"key": r.key, "replaced_by": r.replaced_by, "effective": r.effective, "basis": r.basis,
         "source": r.source, "part": r.part}
        for r in replacements()
    ]
    return pd.DataFrame(rows, columns=["key", "replaced_by", "effective", "basis", "source", "part"])


def replaced_by(key: str, on: dt.date) -> Replacement | None:
    """The replacement of document ``key`` in force on day ``on``, or ``None``.

    When the successor was itself replaced by ``on``, the answer names the latest document in
    force (34/2017/NĐ-CP was replaced by 63/2022/NĐ-CP, which 25/2025/NĐ-CP replaced).
    ``None`` also when ``key`` is unknown: the data lists only what a source confirms, so
    "not listed" means "not known to be replaced", never "known to be valid".

    >>> replaced_by("107/2021/NĐ-CP", dt.date(2025, 7, 1))
    Replacement(107/2021/NĐ-CP -> 118/2025/NĐ-CP from 2025-07-01)
    >>> replaced_by("107/2021/ND-CP", dt.date(2025, 6, 30)) is None
    True
    >>> replaced_by("76/NQ-CP", dt.date(2026, 1, 1)) is None
    True
    >>> replaced_by("34/2017/NĐ-CP", dt.date(2023, 1, 1)).replaced_by
    '63/2022/NĐ-CP'
    >>> replaced_by("34/2017/NĐ-CP", dt.date(2026, 1, 1))
    Replacement(34/2017/NĐ-CP -> 25/2025/NĐ-CP from 2025-03-01)
    """
    found = _table()[0].get(_norm(key))
    if found is None or on < found.effective:
        return None
    in_force = found
    for step in _walk(found):
        if on < step.effective:
            break
        in_force = step
    return in_force


def issue_date(key: str) -> dt.date | None:
    """The document's own date where the data states it, else ``None``.

    Local documents (by doc_id) are looked up in ``replaced_documents.tsv``, central and party
    documents in the register (:mod:`plankit.register`).

    >>> issue_date("76/NQ-CP"), issue_date("4168/QĐ-UBND")
    (datetime.date(2021, 7, 15), None)
    >>> issue_date("42/2022/NĐ-CP")
    datetime.date(2022, 6, 24)
    """
    found = _table()[1].get(_norm(key))
    if found is not None:
        return found
    from .register import lookup

    entry = lookup(key)
    return entry.date if entry is not None else None


def _earliest_issue(key: str, lookup: str, issued: dt.date | None, year: int | None) -> dt.date | None:
    """The earliest day the document can have been issued, from the best fact available."""
    if issued is not None:
        return issued
    known = issue_date(lookup)
    if known is not None:
        return known
    match = _KEY_YEAR.match(key)
    if match:
        year = int(match.group(1))
    return dt.date(year, 1, 1) if year else None


def status(citation_or_key: Citation | str, on: dt.date, issued: dt.date | None = None) -> str:
    """Whether the cited document applied on day ``on``: ``valid``, ``replaced``,
    ``partly-replaced`` or ``not-yet-issued``.

    ``not-yet-issued`` wins when the document's date is after ``on``. The date is ``issued`` when
    given, else the citation's own date, else the data file's, else (for a key with a year,
    ``118/2025/NĐ-CP``, or a citation with a year) 1 January of that year, which only proves a
    document "not yet issued" for a day of an earlier year. Then ``replaced`` when the data file
    lists a replacement in force on ``on`` (``partly-replaced`` when it covers only part of the
    document); otherwise ``valid``.

    >>> status("61/2018/NĐ-CP", on=dt.date(2026, 1, 15))
    'replaced'
    >>> status("61/2018/NĐ-CP", on=dt.date(2025, 1, 21))
    'valid'
    >>> status("112/2020/NĐ-CP", on=dt.date(2026, 1, 15))
    'partly-replaced'
    >>> status("118/2025/NĐ-CP", on=dt.date(2024, 12, 20))
    'not-yet-issued'
    >>> status("258/KH-UBND", on=dt.date(2024, 12, 20), issued=dt.date(2024, 12, 24))
    'not-yet-issued'
    >>> from plankit.model import Citation
    >>> status(Citation("76/NQ-CP", "Nghị quyết", "76", 2021, "NQ-CP", level="central"),
    ...        on=dt.date(2022, 1, 10))
    'valid'
    """
    if isinstance(citation_or_key, str):
        key, lookup, year = citation_or_key, citation_or_key, None
    else:
        cite = citation_or_key
        key, lookup, year = cite.key, cite.doc_id, cite.year
        if issued is None:
            issued = cite.date
    # A local document's row is keyed by its doc_id (261/KH-UBND@can-tho/2021): its bare number
    # names a different document in every province and year.
    first = _earliest_issue(key, lookup, issued, year)
    if first is not None and first > on:
        return NOT_YET_ISSUED
    found = replaced_by(lookup, on)
    if found is not None:
        return PARTLY_REPLACED if found.partial else REPLACED
    return VALID
