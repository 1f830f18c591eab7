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
    "cell_name",
    "departments",
    "find_places",
    "lacks_province",
    "match_department",
    "match_place",
    "parent_province",
    "province_in_path",
    "province_on",
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


# A province's own bodies that its name carries the province of (folded, at the start): a
# department (Sở), a committee's or council's office, a board (Ban quản lý, Ban Chỉ đạo, Ban Dân
# tộc), a sub-department (Chi cục) and the provincial inspectorate. Not a district's Phòng, nor a
# hospital or a school (named as printed).
_PROVINCIAL_BODY = re.compile(r"(?:so|van phong|ban|chi cuc|thanh tra)\s")


def _provincial_body(name: str | None) -> bool:
    """Whether ``name`` opens with a province's own body (:data:`_PROVINCIAL_BODY`)."""
    return bool(_PROVINCIAL_BODY.match(" ".join(fold(name or "").split()) + " "))

# A province's committee or council as a parent: "UBND tỉnh Hải Dương", "HĐND TỈNH HÀ TĨNH",
# "Ủy ban nhân dân thành phố Hà Nội" (folded).
_PROVINCE_COMMITTEE = re.compile(
    r"(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\s+(?P<unit>tinh|thanh pho|tp\.?)\s+(?P<name>.+)"
)
# A department above a sub-department: "Sở Nông nghiệp và Phát triển nông thôn tỉnh Nam Định".
_DEPARTMENT_OF = re.compile(r"so\s.+\s(?P<unit>tinh|thanh pho)\s+(?P<name>.+)")


def lacks_province(issuer: str | None) -> bool:
    """Whether ``issuer`` is a province's own body (:data:`_PROVINCIAL_BODY`) whose name does
    not say which province: ``Sở Công Thương``, ``Văn phòng``, ``Chi cục Thủy lợi``; not ``Sở Y
    tế Hà Nội`` nor ``Sở Y tế tỉnh Nghệ An``.

    >>> lacks_province("Sở Tư pháp"), lacks_province("Sở Y tế Hà Nội"), lacks_province("Phòng Nội vụ")
    (True, False, False)
    """
    if not _provincial_body(issuer):
        return False
    key = " ".join(fold(issuer or "").split())
    return not re.search(r"\b(?:tinh|thanh pho|tp)\b", key) and not find_places(issuer or "")


def parent_province(parent: str | None) -> Province | None:
    """The province whose committee, council or department ``parent`` is: ``UBND tỉnh Hải
    Dương``, ``UBND THÀNH PHỐ HÀ NỘI``, ``Sở Nông nghiệp ... tỉnh Nam Định``; ``None`` for any
    other body, and for a city inside a province (``UBND thành phố Bắc Ninh`` names no
    centrally-run city).

    >>> parent_province("UBND tỉnh Hải Dương").name, parent_province("UBND THÀNH PHỐ HÀ NỘI").name
    ('Hải Dương', 'Hà Nội')
    >>> parent_province("UBND thành phố Bắc Ninh") is None, parent_province("UBND huyện Cẩm Giàng") is None
    (True, True)
    """
    key = " ".join(fold(parent or "").split())
    m = _PROVINCE_COMMITTEE.fullmatch(key) or _DEPARTMENT_OF.fullmatch(key)
    if m is None:
        return None
    prov = match_place(m.group("name"), cutoff=1.0)
    if prov is None or (prov.kind == "tỉnh") != (m.group("unit") == "tinh"):
        return None
    return prov


def cell_name(issuer: str, parent: str | None, printed: str | None = None) -> str:
    """The issuer as its header cell prints it: the province its name ends with is left out
    when the parent above it names that province (Nghị định 30/2020 prints ``UBND TỈNH HẢI
    DƯƠNG`` over ``SỞ CÔNG THƯƠNG``, and ``UBND TỈNH LAI CHÂU`` over ``VĂN PHÒNG``), or when
    the cell as ``printed`` did not name it (the reader took it from the place line, the
    citations or the file's name). Any other issuer as it is.

    >>> cell_name("Sở Công Thương tỉnh Hải Dương", "UBND tỉnh Hải Dương")
    'Sở Công Thương'
    >>> cell_name("Văn phòng Ủy ban nhân dân tỉnh Lai Châu", "UBND tỉnh Lai Châu")
    'Văn phòng'
    >>> cell_name("Sở Tư pháp tỉnh Bắc Kạn", None, "SỞ TƯ PHÁP"), cell_name("Sở Y tế tỉnh Nghệ An", None, "SỞ Y TẾ TỈNH NGHỆ AN")
    ('Sở Tư pháp', 'Sở Y tế tỉnh Nghệ An')
    >>> cell_name("Sở Y tế Hà Nội", "UBND thành phố Hà Nội"), cell_name("Sở Tư pháp tỉnh Bắc Kạn", None)
    ('Sở Y tế Hà Nội', 'Sở Tư pháp tỉnh Bắc Kạn')

    Only a province's own bodies (:data:`_PROVINCIAL_BODY`) are cut; the committee itself keeps
    its province even when a portal copy printed no header:

    >>> cell_name("Ủy ban nhân dân tỉnh Lạng Sơn", None, "UBND tỉnh ban hành Kế hoạch")
    'Ủy ban nhân dân tỉnh Lạng Sơn'
    >>> cell_name("Ban Thường vụ Hội Nông dân tỉnh Phú Yên", "Hội Nông dân tỉnh Phú Yên")
    'Ban Thường vụ'
    """
    if parent and fold(issuer).endswith(" " + fold(parent)) and re.match(r"ban\s", fold(issuer)):
        # a board named after the organisation printed above it ("HỘI NÔNG DÂN TỈNH PHÚ YÊN" over
        # "BAN THƯỜNG VỤ"): the cell prints the board alone
        return issuer[: len(issuer) - len(parent)].rstrip()
    if not _provincial_body(issuer):
        return issuer
    found = find_places(issuer)
    if not found or issuer[found[-1][1]:].strip():
        return issuer
    prov = found[-1][2]
    above = parent_province(parent)
    if not ((above is not None and above.name == prov.name)
            or (printed is not None and all(p.name != prov.name for _s, _e, p in find_places(printed)))):
        return issuer
    # only the province as the reader adds it ("tỉnh Hải Dương", "Thành phố Hồ Chí Minh"): a
    # name that carries it bare is the body's own ("SỞ Y TẾ HÀ NỘI")
    head = issuer[: found[-1][0]]
    m = re.search(r"\s+(?:tỉnh|thành phố)\s+$", head, flags=re.I)
    if m is None and not (fold(issuer[found[-1][0]:]).startswith("thanh pho") and head.endswith(" ")):
        return issuer
    cut = head[: m.start()] if m else head.rstrip()
    if not cut.strip():
        return issuer
    if fold(cut).startswith("van phong "):  # the office of the committee above: "Văn phòng"
        cut = re.sub(r"\s+(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND)$", "", cut, flags=re.I)
    return cut


@cache
def _compact_index() -> dict[str, Province]:
    """A province's name folded with no spaces or marks (``backan``, ``haiduong``,
    ``hochiminh``), as officers name files and folders; aliases of five letters or more."""
    out: dict[str, Province] = {}
    for p in provinces():
        for spelling in (p.name, *p.aliases):
            key = re.sub(r"[^a-z0-9]", "", fold(spelling))
            if len(key) >= 5 or spelling == p.name:
                out.setdefault(key, p)
            if key.startswith("thanhpho") and len(key) > len("thanhpho"):
                out.setdefault(key[len("thanhpho"):], p)
    return out


def province_in_path(path: str, *, folders: int = 3) -> tuple[Province, str] | None:
    """The one province a file's name or its folders name (the file and up to ``folders``
    folders above it), with the part of the path that names it; ``None`` when none or two do.

    The path is split into tokens on ``_ - .``, spaces and ``/``; a run of tokens of one part
    names a province when, joined, it is exactly the province's name without spaces or
    diacritics (``backan_stp_2020_473.txt``, ``Bắc Kạn/473.txt``, ``hai-duong/...``). A name
    inside a longer one (``hue`` in ``thua-thien-hue``) is the longer one.

    >>> [(p.name, part) for p, part in [province_in_path("ho-so/backan_stp_2020_473.txt")]]
    [('Bắc Kạn', 'backan_stp_2020_473.txt')]
    >>> province_in_path("Bắc Kạn/2020/473.txt")[0].name, province_in_path("plans/thua-thien-hue/a.txt")[0].name
    ('Bắc Kạn', 'Thừa Thiên Huế')
    >>> province_in_path("ke-hoach/2020-so-tu-phap.txt") is None, province_in_path("ha-noi/ha-nam/a.txt") is None
    (True, True)
    """
    parts = [c for c in re.split(r"[\\/]", path) if c and c not in (".", "..")][-(folders + 1):]
    index = _compact_index()
    found: list[tuple[int, int, int, Province, str]] = []
    for k, part in enumerate(parts):
        tokens = [t for t in re.split(r"[_\-.\s]+", fold(part)) if t]
        for i in range(len(tokens)):
            for j in range(i + 1, min(len(tokens), i + 6) + 1):
                prov = index.get("".join(tokens[i:j]))
                if prov is not None:
                    found.append((k, i, j, prov, part))
    kept = [f for f in found if not any(g is not f and g[0] == f[0] and g[1] <= f[1] and f[2] <= g[2]
                                            and (g[1], g[2]) != (f[1], f[2]) for g in found)]
    names = {f[3].name for f in kept}
    if len(names) != 1:
        return None
    return kept[-1][3], kept[-1][4]


def province_on(prov: Province, day: dt.date | None) -> Province:
    """The unit ``prov`` was on ``day``: itself while it existed; after a merger the province
    it became part of (Bắc Kạn in 2026: Thái Nguyên); ``Huế`` before 2025: Thừa Thiên Huế.

    >>> province_on(match_place("Bắc Kạn"), dt.date(2020, 3, 25)).name
    'Bắc Kạn'
    >>> province_on(match_place("Bắc Kạn"), dt.date(2026, 1, 5)).name, province_on(match_place("Huế"), dt.date(2022, 5, 1)).name
    ('Thái Nguyên', 'Thừa Thiên Huế')
    """
    if day is None or prov.valid_on(day):
        return prov
    if prov.successor:
        succ = match_place(prov.successor, cutoff=1.0)
        if succ is not None and succ.valid_on(day):
            return succ
    for other in provinces():
        if other.status == "renamed" and other.successor == prov.name and other.valid_on(day):
            return other
    return prov
