"""Whether a cited document still applied on a given day: valid, replaced or not yet issued.

A plan copied from last year keeps citing what last year's plan cited. Some of those documents
have since been replaced (Nghị định 61/2018/NĐ-CP and 107/2021/NĐ-CP by 118/2025/NĐ-CP from
2025-07-01); a careless edit can also cite a document dated after the plan itself. The facts live
in ``plankit/data/replaced_documents.tsv``, one row per document with its legal basis and a
source; this module answers questions about them. The graph marks its edges with
:func:`status` at the citing plan's date, and the linter uses the same function.

Keys are compared folded and without spaces (``61/2018/NĐ-CP``, ``61/2018/ND-CP`` and
``61/2018/NĐ - CP`` are one key), so OCR that lost the bar of the Đ still matches.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .text import fold, nfc

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .model import Citation

__all__ = [
    "NOT_YET_ISSUED",
    "REPLACED",
    "STATUSES",
    "VALID",
    "Replacement",
    "issue_date",
    "replaced_by",
    "replacements",
    "replacements_frame",
    "status",
]

VALID = "valid"
REPLACED = "replaced"
NOT_YET_ISSUED = "not-yet-issued"
STATUSES = (VALID, REPLACED, NOT_YET_ISSUED)

DATA_FILE = "replaced_documents.tsv"
_COLUMNS = ("key", "issued", "replaced_by", "effective", "basis", "source")

# The year inside a legal normative number: 45/2020/NĐ-CP, 80/2015/QH13. It bounds the issue date
# from below (a document numbered .../2025/... cannot exist before 2025-01-01). Party numbers
# (26-CTr/TU) and administrative numbers (261/KH-UBND) carry no year.
_KEY_YEAR = re.compile(r"^[^/]+/((?:19|20)\d\d)/")


@dataclass(frozen=True)
class Replacement:
    """One document replaced by another from a day on, with the legal basis and a source.

    >>> r = replaced_by("61/2018/NĐ-CP", dt.date(2026, 1, 5))
    >>> r.replaced_by, r.effective
    ('118/2025/NĐ-CP', datetime.date(2025, 7, 1))
    """

    key: str
    replaced_by: str
    effective: dt.date
    basis: str
    source: str

    def __repr__(self) -> str:
        return f"Replacement({self.key} -> {self.replaced_by} from {self.effective.isoformat()})"


@lru_cache(maxsize=1 << 16)
def _norm(key: str) -> str:
    """The comparison form of a key: NFC, folded (no diacritics, đ as d, lower case), no spaces."""
    return "".join(fold(nfc(key)).split())


def _date(value: str, line: int) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{DATA_FILE}, line {line}: bad date {value!r}") from exc


@cache
def _table() -> tuple[dict[str, Replacement], dict[str, dt.date]]:
    text = resources.files("plankit.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    replaced: dict[str, Replacement] = {}
    issued: dict[str, dt.date] = {}
    header_seen = False
    for number, line in enumerate(nfc(text).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header_seen:
            if tuple(cells) != _COLUMNS:
                raise ValueError(f"{DATA_FILE}, line {number}: expected columns {_COLUMNS}")
            header_seen = True
            continue
        if len(cells) != len(_COLUMNS):
            raise ValueError(f"{DATA_FILE}, line {number}: {len(cells)} cells, expected {len(_COLUMNS)}")
        row = dict(zip(_COLUMNS, cells, strict=True))
        norm = _norm(row["key"])
        if norm in replaced or norm in issued:
            raise ValueError(f"{DATA_FILE}, line {number}: {row['key']} listed twice")
        if not row["basis"] or not row["source"]:
            raise ValueError(f"{DATA_FILE}, line {number}: every row needs a basis and a source")
        day = _date(row["issued"], number)
        if day is not None:
            issued[norm] = day
        if bool(row["replaced_by"]) != bool(row["effective"]):
            raise ValueError(f"{DATA_FILE}, line {number}: replaced_by and effective go together")
        if row["replaced_by"]:
            replaced[norm] = Replacement(
                row["key"], row["replaced_by"], _date(row["effective"], number), row["basis"], row["source"]
            )
        elif day is None:
            raise ValueError(f"{DATA_FILE}, line {number}: a row needs a date or a replacement")
    return replaced, issued


def replacements() -> tuple[Replacement, ...]:
    """Every replacement the data file knows, in file order.

    >>> [r.key for r in replacements()]
    ['61/2018/NĐ-CP', '107/2021/NĐ-CP']
    """
    return tuple(_table()[0].values())


def replacements_frame() -> pd.DataFrame:
    """The replacements as a DataFrame: key, replaced_by, effective, basis, source.

    >>> replacements_frame()[["key", "replaced_by"]].iloc[1].tolist()
    ['107/2021/NĐ-CP', '118/2025/NĐ-CP']
    """
    import pandas as pd

    rows = [
        {"key": r.key, "replaced_by": r.replaced_by, "effective": r.effective, "basis": r.basis,
         "source": r.source}
        for r in replacements()
    ]
    return pd.DataFrame(rows, columns=["key", "replaced_by", "effective", "basis", "source"])


def replaced_by(key: str, on: dt.date) -> Replacement | None:
    """The replacement of document ``key`` in force on day ``on``, or ``None``.

    ``None`` also when ``key`` is unknown: the data file lists only what a source confirms, so
    "not listed" means "not known to be replaced", never "known to be valid".

    >>> replaced_by("107/2021/NĐ-CP", dt.date(2025, 7, 1))
    Replacement(107/2021/NĐ-CP -> 118/2025/NĐ-CP from 2025-07-01)
    >>> replaced_by("107/2021/ND-CP", dt.date(2025, 6, 30)) is None
    True
    >>> replaced_by("76/NQ-CP", dt.date(2026, 1, 1)) is None
    True
    """
    found = _table()[0].get(_norm(key))
    if found is None or on < found.effective:
        return None
    return found


def issue_date(key: str) -> dt.date | None:
    """The document's own date where the data file states it, else ``None``.

    The register of central documents (:mod:`plankit.register`) is asked after this module's
    own file.

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
    """Whether the cited document applied on day ``on``: ``valid``, ``replaced`` or ``not-yet-issued``.

    ``not-yet-issued`` wins when the document's date is after ``on``. The date is ``issued`` when
    given, else the citation's own date, else the data file's, else (for a key with a year,
    ``118/2025/NĐ-CP``, or a citation with a year) 1 January of that year, which only proves a
    document "not yet issued" for a day of an earlier year. Then ``replaced`` when the data file
    lists a replacement in force on ``on``; otherwise ``valid``.

    >>> status("61/2018/NĐ-CP", on=dt.date(2026, 1, 15))
    'replaced'
    >>> status("61/2018/NĐ-CP", on=dt.date(2025, 1, 21))
    'valid'
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
    if replaced_by(lookup, on) is not None:
        return REPLACED
    return VALID
