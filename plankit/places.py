"""Provinces and provincial bodies: names, spellings, slugs, and which were valid when.

Data lives in ``plankit/data/provinces.tsv``, ``departments.tsv`` and ``agency_changes.json``
(with the legal basis and source of every change). Lookups compare folded text, so "Can Tho",
"CẦN THƠ" and "Cần Thơ" are one place; OCR damage is tolerated by :func:`match_place`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .text import alternation, fold
from .vocab import read_table

__all__ = [
    "Department",
    "Province",
    "agency_changes",
    "departments",
    "find_places",
    "match_department",
    "match_place",
    "provinces",
    "provinces_on",
    "slug",
]

MERGER_DAY = dt.date(2025, 7, 1)
HUE_DAY = dt.date(2025, 1, 1)


def _data_lines(name: str) -> list[list[str]]:
    return [list(row.values()) for row in read_table(name)]


def slug(name: str) -> str:
    """A folded, dash-joined identifier for a place or body.

    >>> slug("Cần Thơ"), slug("Thừa Thiên Huế"), slug("Bà Rịa - Vũng Tàu")
    ('can-tho', 'thua-thien-hue', 'ba-ria-vung-tau')
    """
    return "-".join(re.findall(r"[a-z0-9]+", fold(name)))


@dataclass(frozen=True)
class Province:
    """A provincial unit: ``status`` is ``kept`` (exists after 2025-07-01), ``merged`` or
    ``renamed``; ``successor`` is the unit it became part of, if any."""

    name: str
    kind: str
    status: str
    aliases: tuple[str, ...]
    successor: str | None

    def valid_on(self, day: dt.date) -> bool:
        """Whether this unit existed under this name on ``day``."""
        if self.name == "Huế":
            return day >= HUE_DAY
        if self.status == "renamed":
            return day < HUE_DAY
        if self.status == "merged":
            return day < MERGER_DAY
        return True

    @property
    def full_name(self) -> str:
        """``thành phố Cần Thơ``, ``tỉnh Hải Dương`` (Thành phố Hồ Chí Minh stays as it is)."""
        return self.name if self.name.lower().startswith("thành phố") else f"{self.kind} {self.name}"


@cache
def agency_changes() -> tuple[dict, ...]:
    """The verified agency and unit changes of 2021-2025, each with ``basis`` and ``source``."""
    raw = resources.files("plankit.data").joinpath("agency_changes.json").read_text(encoding="utf-8")
    return tuple(json.loads(raw)["changes"])


def _successors() -> dict[str, str]:
    out: dict[str, str] = {}
    for change in agency_changes():
        if change["kind"] not in ("province_merge", "province_rename"):
            continue
        new = re.sub(r"^(tỉnh|thành phố)\s+", "", change["new"]).split(" (")[0]
        if new.lower() == "huế":
            new = "Huế"
        for old in change["old"]:
            old_name = re.sub(r"^(tỉnh|thành phố)\s+", "", old)
            if fold(old_name) != fold(new):
                out[fold(old_name)] = new
    return out


@cache
def provinces() -> tuple[Province, ...]:
    """All 64 names: the 63 units before 2025 and thành phố Huế."""
    succ = _successors()
    out = []
    for name, kind, status, aliases in _data_lines("provinces.tsv"):
        alias = tuple(a for a in aliases.split("|") if a)
        out.append(Province(name, kind, status, alias, succ.get(fold(name))))
    return tuple(out)


def provinces_on(day: dt.date) -> list[Province]:
    """The provincial units that existed on ``day``.

    >>> len(provinces_on(dt.date(2024, 6, 1))), len(provinces_on(dt.date(2025, 8, 1)))
    (63, 34)
    """
    return [p for p in provinces() if p.valid_on(day)]


@cache
def _index() -> tuple[dict[str, Province], re.Pattern[str]]:
    table: dict[str, Province] = {}
    for p in provinces():
        for spelling in (p.name, *p.aliases):
            table[" ".join(fold(spelling).split())] = p
    # Longest names first so "thua thien hue" wins over "hue".
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + alternation([re.escape(n).replace(r"\ ", r"\s+") for n in names]) + r")(?!\w)")
    return table, pattern


@cache
def _capitals() -> dict[str, tuple[bool, ...]]:
    """Folded spelling -> for each of its words, whether the spelling writes it with a capital
    (``Hà Nam``: both; ``thành phố Huế``: the last only)."""
    out: dict[str, tuple[bool, ...]] = {}
    for p in provinces():
        for spelling in (p.name, *p.aliases):
            out.setdefault(" ".join(fold(spelling).split()), tuple(w[:1].isupper() for w in spelling.split()))
    return out


def _written_as_name(raw: str, key: str) -> bool:
    """Whether ``raw`` (the original text of a match) is written as a name: every word the
    spelling capitalises starts with a capital or is not a letter. Folding makes "huyện Đăk Hà
    năm 2023" read "ha nam" and "hòa bình" (peace) read "hoa binh": neither is a province."""
    caps = _capitals().get(key)
    words = raw.split()
    if caps is None or len(caps) != len(words):
        return True
    return all(not cap or not w[:1].isalpha() or w[:1].isupper() for cap, w in zip(caps, words, strict=True))


@lru_cache(maxsize=4096)  # headers and citations name the same places again and again
def match_place(raw: str, *, cutoff: float = 0.8) -> Province | None:
    """The province a written name means, tolerating case, missing diacritics and OCR damage.

    >>> match_place("CẦN THƠ").name, match_place("Hung Yên").name, match_place("Can Tho").name
    ('Cần Thơ', 'Hưng Yên', 'Cần Thơ')
    >>> match_place("TP. CAN THO").name
    'Cần Thơ'
    >>> match_place("TP.HCM").name
    'Thành phố Hồ Chí Minh'
    >>> match_place("Hà Lan") is None
    True
    """
    table, _ = _index()
    whole = " ".join(fold(raw).split())
    if whole in table:  # aliases such as "TP.HCM" are listed with their prefix
        return table[whole]
    key = " ".join(fold(raw).replace(".", ". ").split())
    key = re.sub(r"^(ubnd|uy ban nhan dan)\s+", "", key)
    key = re.sub(r"^(tinh|thanh pho|tp\.?)\s+", "", key).strip()
    if key in table:
        return table[key]
    if cutoff >= 1.0:  # exact spellings only
        return None
    close = difflib.get_close_matches(key, list(table), n=1, cutoff=cutoff)
    return table[close[0]] if close else None


def find_places(text: str) -> list[tuple[int, int, Province]]:
    """Every province name in ``text`` with its offsets, longest match first at each place.

    A name counts only as written as one (capitals where its spelling has them, in any case
    or without diacritics): folded, "Đăk Hà năm 2023" holds "ha nam" and "hòa bình" (peace)
    "hoa binh", which are no provinces. Where the longest name is not so written, a shorter
    one starting at a later word may be ("thành phố Hồ Chí Minh").

    >>> [(text[s:e], p.name) for text in ["tỉnh Thừa Thiên Huế và Cần Thơ"] for s, e, p in find_places(text)]
    [('Thừa Thiên Huế', 'Thừa Thiên Huế'), ('Cần Thơ', 'Cần Thơ')]
    >>> [p.name for _, _, p in find_places("huyện Đăk Hà năm 2023, HÀ NAM, Ha Nam, vì hòa bình")]
    ['Hà Nam', 'Hà Nam']
    """
    table, pattern = _index()
    found = []
    folded = fold(text)
    m = pattern.search(folded)
    while m is not None:
        key = " ".join(m.group(1).split())
        if _written_as_name(text[m.start(1) : m.end(1)], key):
            found.append((m.start(1), m.end(1), table[key]))
            m = pattern.search(folded, m.end(1))
        else:  # try again from the match's second word
            nxt = folded.find(" ", m.start(1), m.end(1))
            m = pattern.search(folded, nxt + 1 if nxt != -1 else m.end(1))
    return found


@dataclass(frozen=True)
class Department:
    """A provincial body: its official name, a commonly used issuer code and its level."""

    name: str
    code: str
    level: str


@cache
def departments() -> tuple[Department, ...]:
    """The known provincial bodies (``departments.tsv``)."""
    return tuple(Department(*row[:3]) for row in _data_lines("departments.tsv"))


@cache
def _department_index() -> dict[str, Department]:
    return {" ".join(fold(d.name).split()): d for d in departments()}


@lru_cache(maxsize=4096)
def match_department(raw: str, *, cutoff: float = 0.85) -> Department | None:
    """The body a written name means, tolerating case, missing diacritics and OCR damage.

    >>> match_department("SỞ KHOA HỌC VÀ CÔNG NGHỆ").name
    'Sở Khoa học và Công nghệ'
    >>> match_department("SO KHOA HQC VA CONG NGHE").name
    'Sở Khoa học và Công nghệ'
    >>> match_department("SỞ CÔNG THƯƠNG").name
    'Sở Công Thương'
    """
    key = " ".join(fold(raw).split())
    table = _department_index()
    if key in table:
        return table[key]
    close = difflib.get_close_matches(key, list(table), n=1, cutoff=cutoff)
    return table[close[0]] if close else None
