"""The register of central and party documents plans cite: what each document really is.

Plans cite the same few hundred central documents (Nghị quyết 76/NQ-CP, Chỉ thị 23/CT-TTg,
Nghị định 61/2018/NĐ-CP, Nghị quyết 57-NQ/TW ...), and copy their numbers, dates and issuers from
each other, slips included. ``plankit/data/register.tsv`` records, for each document, its
number and symbol (the canonical key), document type, date, issuer, subject, what replaced it and
from when, and the public page where these facts were checked (``source``; every row has one).

The linter checks citations against it, the graph can put titles on nodes
(:func:`document_title`), and :mod:`plankit.validity` takes issue dates from it. Keys are
compared folded and without spaces, so ``76/NQ- CP`` and ``76/NQ-CP`` find the same row.

>>> entry = lookup("42/2022/NĐ-CP")
>>> entry.doc_type, entry.date.isoformat(), entry.issuer
('Nghị định', '2022-06-24', 'Chính phủ')
>>> lookup("57-NQ/ TW").date.isoformat()
'2024-12-22'
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

__all__ = [
    "RegisterEntry",
    "document_title",
    "laws_named",
    "lookup",
    "parse_register",
    "register",
    "register_frame",
    "register_key",
    "same_day_entries",
]

DATA_FILE = "register.tsv"
_COLUMNS = (
    "key",
    "doc_type",
    "date",
    "issuer",
    "subject",
    "replaced_by",
    "effective",
    "source",
)
# An optional last column (files without it still load): the part of the document the
# replacement covers, as the source words it ("cán bộ, công chức" of a decree on "cán bộ, công
# chức, viên chức"); blank: the replacement covers all of it.
_PART = "replaced_part"

# The number part of a key: "76" in 76/NQ-CP, "57" in 57-NQ/TW, "61" in 61/2018/NĐ-CP.
_NUMBER_RE = re.compile(r"^(\d+[a-zA-Z]?)[/-]")
# The year in a normative number: 2018 in 61/2018/NĐ-CP.
_KEY_YEAR_RE = re.compile(r"^[^/]+/((?:19|20)\d\d)/")
# Zeros written before a document number ("07/CT-TTg", "049/QĐ-BNV"): not part of the number.
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


@lru_cache(maxsize=1 << 14)
def register_key(key: str) -> str:
    """The comparison form of a key: NFC, folded (no diacritics, đ as d), no spaces, and no
    leading zero on the number (``07/CT-TTg`` and ``7/CT-TTg`` are one document).

    >>> register_key("57- NQ/TW"), register_key("61/2018/NĐ-CP")
    ('57-nq/tw', '61/2018/nd-cp')
    >>> register_key("07/CT-TTg") == register_key("7/CT-TTg")
    True
    """
    return _LEADING_ZEROS.sub("", "".join(fold(nfc(key)).split()))


@dataclass(frozen=True)
class RegisterEntry:
    """One document of the register.

    Attributes:
        key: the canonical key (``76/NQ-CP``, ``57-NQ/TW``, ``61/2018/NĐ-CP``).
        doc_type: ``Nghị quyết``, ``Quyết định``, ``Chỉ thị`` ...
        date: the date the document bears.
        issuer: the body that issued it, as its signature block names it (``Chính phủ``,
            ``Thủ tướng Chính phủ``, ``Bộ Chính trị``).
        subject: the subject line (trích yếu).
        replaced_by: the key of the document that replaced it, if any.
        effective: the first day the replacement applies.
        source: the public page where the facts were checked.
        replaced_part: the part the replacement covers when it covers only part of the
            document (``cán bộ, công chức`` of 112/2020/NĐ-CP, on cán bộ, công chức, viên
            chức), else ``None``: the document was replaced as a whole.
    """

    key: str
    doc_type: str
    date: dt.date
    issuer: str
    subject: str
    replaced_by: str | None
    effective: dt.date | None
    source: str
    replaced_part: str | None = None

    @property
    def partly_replaced(self) -> bool:
        """Whether the register says another document replaced only part of this one."""
        return bool(self.replaced_by and self.replaced_part)

    @property
    def number(self) -> str:
        """The number part of the key: ``76`` for 76/NQ-CP."""
        m = _NUMBER_RE.match(self.key)
        return m.group(1) if m else self.key

    @property
    def symbol(self) -> str:
        """The symbol after the number: ``NQ-CP``, ``NQ/TW``, ``2018/NĐ-CP``."""
        return self.key[len(self.number) + 1 :]

    @property
    def key_year(self) -> int | None:
        """The year a normative number carries (2018 in 61/2018/NĐ-CP), else ``None``."""
        m = _KEY_YEAR_RE.match(self.key)
        return int(m.group(1)) if m else None

    @property
    def title(self) -> str:
        """``Nghị quyết 76/NQ-CP ngày 15/07/2021 của Chính phủ ...`` (see :func:`document_title`)."""
        subject = f" {self.subject}" if self.subject else ""
        return (
            f"{self.doc_type} {self.key} ngày {self.date.strftime('%d/%m/%Y')} của {self.issuer}"
            f"{subject}"
        )

    def __repr__(self) -> str:
        return f"RegisterEntry({self.key}, {self.doc_type}, {self.date.isoformat()}, {self.issuer})"


def _date(value: str, line: int, column: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{DATA_FILE}, line {line}: bad {column} {value!r}") from None


@cache
def _table() -> dict[str, RegisterEntry]:
    raw = resources.files("plankit.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_register(raw)


def parse_register(raw: str) -> dict[str, RegisterEntry]:
    """Rows of a register file (the format of ``register.tsv``) by comparison key.

    Raises ``ValueError`` naming the line for a missing column, an empty required cell, a bad
    date, a source that is not a web address, a part replaced without a replacement, or a key
    listed twice. The last column, ``replaced_part``, is optional: a file without it, or a row
    that leaves it out, states whole replacements only.

    >>> head = "\\t".join(_COLUMNS)
    >>> row = "76/NQ-CP\\tNghị quyết\\t2021-07-15\\tChính phủ\\t\\t\\t\\thttps://x.vn/76"
    >>> list(parse_register(f"{head}\\n{row}\\n"))
    ['76/nq-cp']
    >>> parse_register(f"{head}\\n{row}\\n{row}\\n")
    Traceback (most recent call last):
    ...
    ValueError: register.tsv, line 3: 76/NQ-CP listed twice
    """
    out: dict[str, RegisterEntry] = {}
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
            raise ValueError(
                f"{DATA_FILE}, line {number}: {len(cells)} cells, expected {len(header)}"
            )
        row = dict(zip(header, cells, strict=True))
        part = row.get(_PART) or None
        if part and not row["replaced_by"]:
            raise ValueError(f"{DATA_FILE}, line {number}: {_PART} needs replaced_by")
        for required in ("key", "doc_type", "date", "issuer", "source"):
            if not row[required]:
                raise ValueError(f"{DATA_FILE}, line {number}: {required} is empty")
        if not row["source"].startswith(("https://", "http://")):
            raise ValueError(f"{DATA_FILE}, line {number}: source must be a web address")
        if bool(row["replaced_by"]) != bool(row["effective"]):
            raise ValueError(f"{DATA_FILE}, line {number}: replaced_by and effective go together")
        norm = register_key(row["key"])
        if norm in out:
            raise ValueError(f"{DATA_FILE}, line {number}: {row['key']} listed twice")
        out[norm] = RegisterEntry(
            key=row["key"],
            doc_type=row["doc_type"],
            date=_date(row["date"], number, "date"),
            issuer=row["issuer"],
            subject=row["subject"],
            replaced_by=row["replaced_by"] or None,
            effective=_date(row["effective"], number, "effective"),
            source=row["source"],
            replaced_part=part,
        )
    return out


def register() -> tuple[RegisterEntry, ...]:
    """Every document of the register, in file order.

    >>> len(register()) >= 15
    True
    """
    return tuple(_table().values())


def lookup(key: str) -> RegisterEntry | None:
    """The register's entry for ``key`` (any spacing, with or without diacritics), or ``None``.

    ``None`` means "not in the register", never "no such document".

    >>> lookup("42/2022/ND-CP").date
    datetime.date(2022, 6, 24)
    >>> lookup("261/KH-UBND") is None
    True
    """
    return _table().get(register_key(key))


@cache
def _by_day() -> dict[dt.date, tuple[RegisterEntry, ...]]:
    out: dict[dt.date, list[RegisterEntry]] = {}
    for e in _table().values():
        out.setdefault(e.date, []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def same_day_entries(day: dt.date) -> tuple[RegisterEntry, ...]:
    """The register's documents dated ``day`` (to recognise a document cited with a wrong
    number or symbol but its right date).

    >>> [e.key for e in same_day_entries(dt.date(2022, 6, 24))]
    ['42/2022/NĐ-CP']
    """
    return _by_day().get(day, ())


@cache
def _laws() -> dict[str, tuple[RegisterEntry, ...]]:
    out: dict[str, list[RegisterEntry]] = {}
    for e in _table().values():
        if e.doc_type == "Luật" and fold(e.subject).startswith("luat "):
            out.setdefault(" ".join(fold(e.subject).split()), []).append(e)
    return {name: tuple(sorted(v, key=lambda e: e.date)) for name, v in out.items()}


def laws_named(name: str | None = None) -> dict[str, tuple[RegisterEntry, ...]]:
    """The register's laws by their name, folded (``luat to chuc chinh quyen dia phuong``):
    every law whose subject is its name ("Luật ..."), oldest first. A plan often cites a law by
    name and date only ("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"); the
    date picks the one meant. With ``name``, only the laws of that name (any spelling).

    >>> [e.key for e in laws_named("Luật Tổ chức chính quyền địa phương")["luat to chuc chinh quyen dia phuong"]]
    ['77/2015/QH13', '65/2025/QH15', '72/2025/QH15']
    """
    laws = _laws()
    if name is None:
        return dict(laws)
    key = " ".join(fold(nfc(name)).split())
    return {key: laws[key]} if key in laws else {}


def document_title(key: str) -> str | None:
    """A one-line title for a node or a tooltip: type, key, date, issuer and subject.

    >>> document_title("749/QĐ-TTg")[:62]
    'Quyết định 749/QĐ-TTg ngày 03/06/2020 của Thủ tướng Chính phủ '
    >>> document_title("137/KH-SKHCN") is None
    True
    """
    entry = lookup(key)
    return entry.title if entry else None


def register_frame() -> pd.DataFrame:
    """The register as a DataFrame, one row per document, with its source.

    >>> register_frame().columns.tolist()[:4]
    ['key', 'doc_type', 'date', 'issuer']
    """
    import pandas as pd

    rows = [
        {
            "key": e.key,
            "doc_type": e.doc_type,
            "date": e.date,
            "issuer": e.issuer,
            "subject": e.subject,
            "replaced_by": e.replaced_by,
            "effective": e.effective,
            "source": e.source,
            _PART: e.replaced_part,
        }
        for e in register()
    ]
    return pd.DataFrame(rows, columns=[*_COLUMNS, _PART])
