"""Who issues a plan and how its header is written, for drafting and rendering alike.

* :func:`party_layout`: a state body's layout (Nghị định 30/2020/NĐ-CP, Phụ lục I) or a Party
  body's (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW), decided by the plan's facts;
* :func:`number_line`: ``Số: 137/KH-SKHCN`` or a Party body's ``Số 12-KH/TU``, blank or not;
* :func:`with_place`, :func:`own_place`, :func:`fallback_symbol`: the parent body with its
  province, the place of a commune's plan that printed none, the symbol when none was read;
* :func:`signer_hint`: the signature block a body's documents carry
  (``plankit/data/signer_titles.tsv``);
* :func:`party_renames`: the Party committee of a province merged on 2025-07-01 becomes that of
  its successor (the linter's agency changes name state bodies only);
* :func:`name_lines`: a people's council or committee written on two lines, the body over its
  unit (``ỦY BAN NHÂN DÂN`` / ``TỈNH BẮC GIANG``), as the header prints it;
* :func:`seat_of` and :func:`provincial_parent`: Hà Nội for a central body, the UBND of the
  province above a Sở whose header lost it.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re

from .model import Plan
from .text import fold, nfc, one_line

__all__ = [
    "became_city",
    "city_renames",
    "doc_type_of_symbol",
    "fallback_symbol",
    "header_bodies",
    "is_letter",
    "name_lines",
    "number_line",
    "own_place",
    "party_layout",
    "party_renames",
    "party_title",
    "printed_bodies",
    "printed_issuer",
    "provincial_parent",
    "seat_of",
    "signer_hint",
    "signer_titles_table",
    "with_place",
    "youth_layout",
]


def printed_issuer(plan: Plan) -> str | None:
    """The issuer's cell as the plan printed it (``SỞ CÔNG THƯƠNG``), for
    :func:`plankit.places.cell_name`; ``None`` when the reader found no printed issuer."""
    span = plan.header.span("issuer")
    return plan.text[span.start : span.end] if span is not None else None


def party_layout(plan: Plan) -> bool:
    """Whether ``plan`` is laid out as a Party document (Quy định 66-QĐ/TW, Hướng dẫn
    36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM" instead of the national motto, a star under the
    issuing body, ``Số 12-KH/TU``. Decided by the plan's facts: its issuer is a Party body
    (``plan.facts.level == "party"``: Tỉnh ủy, Đảng ủy xã, Ban Thường vụ, a Party steering
    committee), unless its symbol is in the state form (``KH-BCĐ``: a state steering committee).

    >>> from plankit.read import read_text
    >>> party_layout(read_text("TỈNH ỦY BẮC NINH\\tĐẢNG CỘNG SẢN VIỆT NAM\\n*\\n"
    ...                        "Số 12-KH/TU\\tBắc Ninh, ngày 15 tháng 01 năm 2025\\nKẾ HOẠCH\\nTuyên truyền năm 2025"))
    True
    >>> party_layout(read_text("UBND TỈNH BẮC NINH\\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n"
    ...                        "Số: 12/KH-UBND\\tBắc Ninh, ngày 15 tháng 01 năm 2025\\nKẾ HOẠCH\\nTuyên truyền năm 2025"))
    False
    """
    symbol = plan.header.symbol or ""
    return plan.facts.level == "party" and ("/" in symbol or not symbol)


# The Youth Union's codes and names: "KH/TWĐTN-CTTN", "KH/TĐTN", "BCH ĐOÀN TỈNH QUẢNG NAM",
# "TỈNH ĐOÀN NGHỆ AN", its title "ĐOÀN TNCS HỒ CHÍ MINH" in the header's right column.
_YOUTH_SYMBOL = re.compile(r"(?:^|[/-])[A-ZĐ]*ĐTN(?:$|[-/])")
_YOUTH_NAME = re.compile(r"\b(?:doan tncs|(?:tinh|thanh|huyen|trung uong) doan|(?:bch|ban chap hanh|ban thuong vu|ban bi thu) "
                         r"(?:trung uong )?doan|doan thanh nien)\b")
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
YOUTH_TITLE = "ĐOÀN TNCS HỒ CHÍ MINH"


def youth_layout(plan: Plan) -> bool:
    """Whether ``plan`` is a Youth Union document laid out as the Đoàn's own rules ask
    (Hướng dẫn 29-HD/TWĐTN-VP): the Party layout (a star under the issuing body, a number with a
    dash ``Số: 55-KH/TĐTN``) under the title "ĐOÀN TNCS HỒ CHÍ MINH", never "ĐẢNG CỘNG SẢN VIỆT
    NAM". Told by the symbol's code (``TWĐTN``, ``TĐTN``), the issuer's name, or that title printed
    in the header.

    >>> from plankit.read import read_text
    >>> youth_layout(read_text("TỈNH ĐOÀN NGHỆ AN\\tĐOÀN TNCS HỒ CHÍ MINH\\n***\\n"
    ...                        "Số: 55-KH/TĐTN\\tNghệ An, ngày 15 tháng 01 năm 2025\\nKẾ HOẠCH\\nTuyên truyền năm 2025"))
    True
    >>> youth_layout(read_text("TỈNH ỦY BẮC NINH\\tĐẢNG CỘNG SẢN VIỆT NAM\\n*\\n"
    ...                        "Số 12-KH/TU\\tBắc Ninh, ngày 15 tháng 01 năm 2025\\nKẾ HOẠCH\\nTuyên truyền năm 2025"))
    False
    """
    h = plan.header
    if _YOUTH_SYMBOL.search(h.symbol or ""):
        return True
    if re.search(r"/[^/\s]", h.symbol or ""):  # another Party number: "KH/TU", "KH/ĐU"
        return False
    names = " ".join(fold(x or "") for x in (h.issuer, h.parent, plan.facts.issuer))
    if _YOUTH_NAME.search(names):
        return True
    head = " ".join(fold(b.text) for b in plan.blocks[:4] if b.kind == "header")
    return "doan tncs ho chi minh" in head


def party_title(plan: Plan) -> str:
    """The title a Party-layout header prints on the right: "ĐOÀN TNCS HỒ CHÍ MINH" for the Youth
    Union (:func:`youth_layout`), else "ĐẢNG CỘNG SẢN VIỆT NAM"."""
    return YOUTH_TITLE if youth_layout(plan) else PARTY_TITLE


def is_letter(doc_type: str | None) -> bool:
    """Whether a document of type ``doc_type`` is a Công văn, the one type Nghị định 30/2020
    (Phụ lục I) lays out without a type line: its subject ("V/v hướng dẫn ...") sits under the
    number, in the left column of the header.

    >>> is_letter("Công văn"), is_letter("CÔNG VĂN"), is_letter("Hướng dẫn"), is_letter(None)
    (True, True, False, False)
    """
    return fold(doc_type or "").strip() == "cong van"


def number_line(number: str | None, symbol: str | None, *, party: bool = False, youth: bool = False) -> str:
    """The number field as the layout writes it, blank while the number is: a state document's
    ``Số: 137/KH-SKHCN`` (Nghị định 30/2020, Phụ lục I), a Party document's ``Số 12-KH/TU``, no
    colon and a dash before the symbol (Hướng dẫn 36-HD/VPTW).

    >>> number_line("137", "KH-SKHCN"), number_line(None, "KH-SKHCN")
    ('Số: 137/KH-SKHCN', 'Số:       /KH-SKHCN')
    >>> number_line("12", "KH/TU", party=True), number_line(None, "KH/TU", party=True)
    ('Số 12-KH/TU', 'Số       -KH/TU')
    >>> number_line("55", "KH/TĐTN", party=True, youth=True)  # the Youth Union keeps the colon
    'Số: 55-KH/TĐTN'
    """
    blank = " " * 6
    if party:
        return f"Số{':' if youth else ''} {number or blank}-{symbol or 'KH/'}"
    return f"Số: {number or blank}/{symbol or 'KH-'}"


_BARE_COUNCIL = re.compile(r"^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)$")
_PLACE_LINE = re.compile(r"^(?:tinh|thanh pho|tp\.?)\s+\w")
_UNIT_LINE = re.compile(r"^(?:tinh|thanh pho|tp\.?|xa|phuong|thi tran|dac khu|huyen|quan|thi xa)\s+\w")


def with_place(plan: Plan, parent: str | None) -> str | None:
    """The parent body with its province: a header laid out as ``ỦY BAN NHÂN DÂN`` over
    ``TỈNH HẢI DƯƠNG`` (two lines, or two paragraphs of a table cell) is one body.

    >>> from plankit.read import read_text
    >>> plan = read_text("ỦY BAN NHÂN DÂN\\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n"
    ...                  "TỈNH HẢI DƯƠNG\\tĐộc lập - Tự do - Hạnh phúc\\nSố: 2/KH-UBND\\nKẾ HOẠCH")
    >>> with_place(plan, "ỦY BAN NHÂN DÂN")
    'ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG'
    """
    if not parent or not _BARE_COUNCIL.match(" ".join(fold(parent).split())):
        return parent
    span = plan.header.span("parent")
    for block in plan.blocks_of("header"):
        if span is not None and block.span.end <= span.end:
            continue
        left = one_line(block.text.split("\t")[0])
        if _PLACE_LINE.match(fold(left)):
            return f"{parent} {left}"
    return parent


@functools.cache
def signer_titles_table() -> tuple[tuple[str, str, str], ...]:
    """Rows of ``plankit/data/signer_titles.tsv``: (folded body prefix, deputy block, head)."""
    from importlib import resources

    text = resources.files("plankit.data").joinpath("signer_titles.tsv").read_text(encoding="utf-8")
    rows = [tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(sorted(rows[1:], key=lambda r: len(r[0]), reverse=True))


def signer_hint(body: str | None) -> str:
    """The signature block a document of ``body`` carries, as a hint for a missing title.

    >>> signer_hint("Sở Công Thương")
    'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC hoặc GIÁM ĐỐC'
    >>> signer_hint("UBND tỉnh Hải Dương")
    'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH hoặc TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH'
    >>> signer_hint("Bộ Nội vụ")
    'KT. BỘ TRƯỞNG / THỨ TRƯỞNG hoặc BỘ TRƯỞNG'
    >>> signer_hint("Văn phòng UBND thành phố Cần Thơ")
    'KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG hoặc CHÁNH VĂN PHÒNG'
    """
    folded = " ".join(fold(body or "").split())
    for prefix, deputy, head in signer_titles_table():
        if folded == prefix or folded.startswith(prefix + " "):
            return f"{deputy} hoặc {head}"
    return "KT. THỦ TRƯỞNG CƠ QUAN / CẤP PHÓ hoặc THỦ TRƯỞNG CƠ QUAN"


_COMMUNE_BODY = re.compile(r"^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|đảng ủy|đảng uỷ)\s+(?:xã|phường|thị trấn|đặc khu)\s+(?P<name>\S.*)$",
                           re.I)


def own_place(issuer: str | None) -> str | None:
    """A commune's place line names the commune itself (Nghị định 30/2020: the unit where the
    body sits): the place of a plan that printed none.

    >>> own_place("Ủy ban nhân dân xã Long Phụng"), own_place("Đảng ủy xã Tân Hưng"), own_place("Sở Tư pháp")
    ('Long Phụng', 'Tân Hưng', None)
    """
    m = _COMMUNE_BODY.match(nfc(issuer or "").strip())
    return m.group("name") if m else None


@functools.cache
def _party_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """A folded pattern for the Party committee or organisation of any province that merged or
    was renamed, and each such province's successor by its folded name."""
    from .places import match_place, provinces

    gone = {fold(p.name): p.successor for p in provinces() if p.successor and match_place(p.successor, cutoff=1.0)}
    names = "|".join(re.escape(n) for n in sorted(gone, key=len, reverse=True))
    pattern = re.compile(rf"\b(?P<head>(?:tinh|thanh)\s+uy|dang\s+bo\s+(?:tinh|thanh\s+pho))\s+(?P<name>{names})\b")
    return pattern, gone


def party_renames(text: str, on: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, new name) for each Party committee or organisation of a province merged
    before ``on``: that of the province it merged into, a centrally run city's a Thành ủy. The
    linter's agency changes name state bodies only; capitals stay capitals.

    >>> import datetime as dt
    >>> on = dt.date(2026, 1, 1)
    >>> [n for *_, n in party_renames("Tỉnh ủy Thái Bình; TỈNH ỦY HẢI DƯƠNG; Đảng bộ tỉnh Hải Dương", on)]
    ['Tỉnh ủy Hưng Yên', 'THÀNH ỦY HẢI PHÒNG', 'Đảng bộ thành phố Hải Phòng']
    >>> party_renames("Tỉnh ủy Thái Bình", dt.date(2025, 1, 1)), party_renames("Tỉnh ủy Bắc Ninh", on)
    ([], [])
    """
    from .places import MERGER_DAY, match_place

    if on < MERGER_DAY:
        return []
    pattern, gone = _party_pattern()
    folded = fold(text)
    out = []
    for m in pattern.finditer(folded):
        new = match_place(gone[m.group("name")], cutoff=1.0)
        if new is None or len(folded) != len(text):
            continue
        city = new.kind == "thành phố"
        name = (f"Đảng bộ {'thành phố' if city else 'tỉnh'} {new.name}" if m.group("head").startswith("dang")
                else f"{'Thành ủy' if city else 'Tỉnh ủy'} {new.name}")
        old = text[m.start() : m.end()]
        out.append((m.start(), m.end(), name.upper() if old.isupper() else name))
    return out


def became_city(old_place: str | None, new_place: str | None) -> bool:
    """Whether the plan's province became (part of) a centrally run city (Hải Dương in Hải Phòng,
    Sóc Trăng in Cần Thơ, Thừa Thiên Huế as Huế): its own bodies named without their place
    ("UBND tỉnh", "Tỉnh ủy") are then the city's.

    >>> became_city("Hải Dương", "Hải Phòng"), became_city("Thừa Thiên Huế", "Huế"), became_city("Hòa Bình", "Phú Thọ")
    (True, True, False)
    >>> became_city("Cần Thơ", "Cần Thơ"), became_city(None, "Cần Thơ")
    (False, False)
    """
    from .places import match_place

    old = match_place(old_place, cutoff=1.0) if old_place else None
    new = match_place(new_place, cutoff=1.0) if new_place else None
    return old is not None and new is not None and old.kind == "tỉnh" and new.kind == "thành phố"


# A province's own body named without its place: "UBND tỉnh", "Ủy ban nhân dân tỉnh", "HĐND tỉnh",
# "Tỉnh ủy", "trên địa bàn tỉnh", "các sở, ban, ngành tỉnh"; followed by a name ("UBND tỉnh Hải
# Dương") it is another province's or the agency changes' (see city_renames).
_BARE_PROVINCE = re.compile(
    r"(?<!\w)(?:(?P<head>UBND|(?:Ủy|Uỷ|ủy|uỷ) ban nhân dân|HĐND|Hội đồng nhân dân|địa bàn|ngành|toàn|cấp)\s+(?P<unit>tỉnh)"
    r"|(?P<party>Tỉnh (?:ủy|uỷ)|TỈNH (?:ỦY|UỶ)))(?!\w)")


def city_renames(text: str) -> list[tuple[int, int, str]]:
    """(start, end, new) for each of the province's own bodies named without its place, when the
    province became a centrally run city (:func:`became_city`): "tỉnh" becomes "thành phố",
    "Tỉnh ủy" "Thành ủy"; a name with its place after it is left to the agency changes.

    >>> [n for *_, n in city_renames("Ban Thường vụ Tỉnh ủy; UBND tỉnh; trên địa bàn tỉnh; UBND tỉnh Hải Dương")]
    ['Thành ủy', 'UBND thành phố', 'địa bàn thành phố']
    """
    out = []
    for m in _BARE_PROVINCE.finditer(text):
        after = text[m.end() :].lstrip()
        if after[:1].isupper() and text[m.end() : m.end() + 1].isspace():  # "UBND tỉnh Hải Dương": named
            continue
        if m.group("party"):
            old = m.group("party")
            out.append((m.start(), m.end(), "THÀNH ỦY" if old.isupper() else "Thành ủy"))
        else:
            out.append((m.start(), m.end(), f"{m.group('head')} thành phố"))
    return out


def fallback_symbol(issuer: str | None, party: bool, doc_type: str | None = None, plan: Plan | None = None) -> str:
    """The symbol of a plan whose own was not read (a portal's summary): the type's abbreviation
    (Nghị định 30/2020, Phụ lục III: ``KH``, ``QĐ``) and the issuer's code, taken from a document
    of the same issuer the plan cites (``56/QĐ-BYT ... của Bộ Y tế``), else from the national
    bodies' codes, ``UBND`` for a people's committee; else the type alone, for the officer to
    complete.

    >>> fallback_symbol("Ủy ban nhân dân xã Long Phụng", False), fallback_symbol("Sở Tư pháp", False)
    ('KH-UBND', 'KH-')
    >>> fallback_symbol("Bộ Y tế", False, "Quyết định"), fallback_symbol("Tỉnh ủy Bắc Ninh", True)
    ('QĐ-BYT', 'KH/')
    """
    abbr = _type_abbreviation(doc_type) or "KH"
    if party:
        return f"{abbr}/"
    key = " ".join(fold(issuer or "").split())
    code = None
    if plan is not None and key:
        for c in plan.citations:
            m = re.match(r"^[^/]+/(?:\d{4}/)?([^-/\s]+)-(\S+)$", c.key or "")
            if m and c.role != "self" and " ".join(fold(c.issuer or "").split()) == key:
                code = m.group(2)
                break
    if code is None:
        code = _national_codes().get(key)
    if code is None and re.match(r"(?:uy ban nhan dan|ubnd)\b", key):
        code = "UBND"
    return f"{abbr}-{code or ''}"


@functools.cache
def _national_codes() -> dict[str, str]:
    """Folded name -> issuer code, for the national bodies of ``plankit/data/issuers.tsv``."""
    from .vocab import read_table

    return {" ".join(fold(r["name"]).split()): r["code"] for r in read_table("issuers.tsv")
            if r["scope"] == "national" and "{" not in r["name"]}


@functools.cache
def _type_abbreviations() -> dict[str, str]:
    from .vocab import read_table

    out: dict[str, str] = {}
    for r in read_table("document_types.tsv"):
        if r["shape"] == "type" and r["abbreviation"]:
            out.setdefault(fold(r["name"]), r["abbreviation"])
    return out


def _type_abbreviation(doc_type: str | None) -> str | None:
    return _type_abbreviations().get(fold(" ".join((doc_type or "").split())))


@functools.cache
def _types_by_abbreviation() -> dict[str, str]:
    """Abbreviation -> type name (the first row of an abbreviation names it)."""
    return {abbr: name for name, abbr in reversed(list(_type_names().items()))}


@functools.cache
def _type_names() -> dict[str, str]:
    from .vocab import read_table

    return {r["name"]: r["abbreviation"] for r in read_table("document_types.tsv")
            if r["shape"] == "type" and r["abbreviation"]}


def doc_type_of_symbol(symbol: str | None) -> str | None:
    """The type a document's symbol says (Nghị định 30/2020, Phụ lục III): its first code when
    that is a type's abbreviation (``KH-UBND`` Kế hoạch, ``2018/QĐ-UBND`` Quyết định, ``KH/TU``);
    a Công văn's symbol has none, only the issuer's and its unit's codes (``VPCP-TCCV``,
    ``SNV-CCHC``); else ``None`` (no symbol, a law's term code ``UBTVQH14``).

    >>> doc_type_of_symbol("KH-UBND"), doc_type_of_symbol("2018/QĐ-UBND"), doc_type_of_symbol("KH/TU")
    ('Kế hoạch', 'Quyết định', 'Kế hoạch')
    >>> doc_type_of_symbol("VPCP-TCCV"), doc_type_of_symbol("UBTVQH14"), doc_type_of_symbol(None)
    ('Công văn', None, None)
    """
    m = re.match(r"^(?:(?:19|20)\d\d/)?([^-/\s]+)([-/])", symbol or "")
    if m is None:
        return None
    name = _types_by_abbreviation().get(m.group(1))
    if name is not None:
        return name
    return "Công văn" if m.group(2) == "-" else None


# A people's council or committee and its unit: "ỦY BAN NHÂN DÂN" over "TỈNH BẮC GIANG".
_COUNCIL_UNIT = re.compile(
    r"^(?P<body>(?:ủy|uỷ) ban nhân dân|hội đồng nhân dân)\s+"
    r"(?P<unit>(?:tỉnh|thành phố|tp\.|xã|phường|thị trấn|thị xã|đặc khu|huyện|quận)\s*\S.*)$", re.I)


def name_lines(name: str | None, width: int | None = None) -> list[str]:
    """A body's name as the header writes it: a people's council or committee on two lines, the
    body over its unit (Nghị định 30/2020, Phụ lục I, the models of a UBND's documents); any other
    name, an abbreviated one included, on one line, unless it is longer than ``width`` characters:
    then on two, broken where the name breaks itself (before "và", after a comma, around a dash),
    not where the cell happens to wrap it ("BỘ VĂN HÓA, THỂ THAO VÀ DU" over "LỊCH").

    >>> name_lines("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG"), name_lines("UBND TỈNH QUẢNG NGÃI")
    (['ỦY BAN NHÂN DÂN', 'TỈNH BẮC GIANG'], ['UBND TỈNH QUẢNG NGÃI'])
    >>> name_lines("SỞ CÔNG THƯƠNG"), name_lines(None)
    (['SỞ CÔNG THƯƠNG'], [])
    >>> name_lines("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", 25), name_lines("SỞ KHOA HỌC VÀ CÔNG NGHỆ", 25)
    (['BỘ VĂN HÓA, THỂ THAO', 'VÀ DU LỊCH'], ['SỞ KHOA HỌC VÀ CÔNG NGHỆ'])
    """
    text = one_line(name or "")
    if not text:
        return []
    m = _COUNCIL_UNIT.match(text)
    if m is not None:
        return [m.group("body"), m.group("unit")]
    if width is None or len(text) <= width:
        return [text]
    return _broken(text, width)


# Where a long name breaks itself, best first: before "và", after a comma, around a dash, before
# a word that opens a phrase ("về", "của", "các", "thuộc", a unit: "BAN CHỈ ĐẠO TRUNG ƯƠNG" over
# "VỀ CHUYỂN ĐỔI SỐ", never "TRUNG" over "ƯƠNG").
_NAME_BREAKS = (re.compile(r"\s+(?=(?:và|VÀ)\s)"), re.compile(r"(?<=,)\s+"), re.compile(r"\s+(?=[-\u2013]\s)|(?<=[-\u2013])\s+"),
                re.compile(r"\s+(?=(?:về|VỀ|của|CỦA|các|CÁC|thuộc|THUỘC|tỉnh|TỈNH|thành phố|THÀNH PHỐ|xã|XÃ|phường|PHƯỜNG)\s)"))


def _broken(text: str, width: int) -> list[str]:
    """``text`` on two lines at its best break whose lines both fit ``width``, the most even one
    of a kind; else at the space that makes the lines most even."""
    for pattern in _NAME_BREAKS:
        fits = [(max(m.start(), len(text) - m.end()), m) for m in pattern.finditer(text)
                if m.start() <= width and len(text) - m.end() <= width]
        if fits:
            m = min(fits, key=lambda f: f[0])[1]
            return [text[: m.start()], text[m.end() :]]
    spaces = [m for m in re.finditer(r"\s+", text)]
    if not spaces:
        return [text]
    m = min(spaces, key=lambda m: max(m.start(), len(text) - m.end()))
    return [text[: m.start()], text[m.end() :]]


def seat_of(issuer: str | None, level: str | None = None) -> str | None:
    """Where a body that printed no place sits, when that follows from the body itself: Hà Nội
    for a central body (a ministry, the Government, a central Party committee), a commune's own
    name for a commune (:func:`own_place`), the province's for its people's committee or council.

    >>> seat_of("Bộ Y tế", "central"), seat_of("Ban Chỉ đạo Trung ương về chuyển đổi số", "party")
    ('Hà Nội', 'Hà Nội')
    >>> seat_of("Ủy ban nhân dân xã Long Phụng", "commune"), seat_of("Sở Tư pháp", "department")
    ('Long Phụng', None)
    >>> seat_of("Ủy ban nhân dân tỉnh Vĩnh Phúc", "province"), seat_of("UBND thành phố Cần Thơ", "province")
    ('Vĩnh Phúc', 'Cần Thơ')
    """
    if level == "central" or re.search(r"\btrung uong\b", fold(issuer or "")):
        return "Hà Nội"
    m = _PROVINCE_BODY.match(nfc(one_line(issuer or "")))
    if m:
        from .places import match_place

        province = match_place(m.group("name"), cutoff=1.0)
        if province is not None:
            return province.name
    return own_place(issuer)


_PROVINCE_BODY = re.compile(r"^(?:(?:ủy|uỷ) ban nhân dân|ubnd|hội đồng nhân dân|hđnd)\s+(?:tỉnh|thành phố|tp\.?)\s+(?P<name>\S.*)$",
                            re.I)


def provincial_parent(issuer: str | None, place: str | None) -> str | None:
    """The body above a Sở (a department of a province's people's committee) whose header lost
    it (a portal's copy, a Markdown export): the UBND of the province the plan is dated in.

    >>> provincial_parent("Sở Khoa học và Công nghệ", "Hưng Yên"), provincial_parent("Sở Tư pháp", "Cần Thơ")
    ('UBND TỈNH HƯNG YÊN', 'UBND THÀNH PHỐ CẦN THƠ')
    >>> provincial_parent("Sở Tư pháp", None), provincial_parent("Bộ Y tế", "Hà Nội")
    (None, None)
    """
    from .places import match_place

    if not place or not re.match(r"^so\s+\S", fold(one_line(issuer or ""))):
        return None
    province = match_place(place, cutoff=1.0)
    if province is None:
        return None
    return f"UBND {province.full_name}".upper()


_MOTTO = re.compile(r"^(?:cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc|dang cong san viet nam)$")


def printed_bodies(plan: Plan) -> list[str]:
    """The left column of a header printed as text beside the national motto (``ĐẠI HỌC HUẾ``
    tab ``CỘNG HÒA ...``, ``TRƯỜNG ĐẠI HỌC ...`` tab ``Độc lập ...``), line by line, as printed:
    what the draft falls back on when the reader named no issuer or cut its name short.

    >>> from plankit.read import read_text
    >>> printed_bodies(read_text("ĐẠI HỌC HUẾ\\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n"
    ...                          "TRƯỜNG ĐẠI HỌC MẪU\\tĐộc lập - Tự do - Hạnh phúc\\nSố: 12/KH-ĐHM\\nKẾ HOẠCH"))
    ['ĐẠI HỌC HUẾ', 'TRƯỜNG ĐẠI HỌC MẪU']
    """
    out = []
    for line in plan.text[:2000].splitlines():
        left, tab, right = line.partition("\t")
        if tab and _is_motto(right) and one_line(left):
            out.append(one_line(left))
    if out:
        return out[:3]
    # A portal that put every cell on a line of its own, row by row: the body's line, the motto's
    # line, the next body's line, the motto's second line ("HỘI LIÊN HIỆP PHỤ NỮ HÀ NỘI" /
    # "CỘNG HOÀ ..." / "BAN THƯỜNG VỤ" / "Độc lập – Tự do – Hạnh phúc").
    lines = [one_line(x) for x in plan.text[:2000].splitlines() if one_line(x)]
    for here, after in itertools.pairwise(lines):
        if fold(here).startswith(("so ", "so:")):
            break
        if _is_motto(after) and not _is_motto(here) and here.isupper():
            out.append(here)
    return out[:3] if len(out) > 1 else []


def _is_motto(text: str) -> bool:
    return bool(_MOTTO.match(" ".join(fold(text).replace("\u2013", "-").replace("\u2014", "-").split())))


def header_bodies(plan: Plan, parent: str | None, issuer: str | None) -> tuple[str | None, str | None]:
    """The parent and issuing body of ``plan``'s header: the reader's (``parent``, ``issuer``),
    unless the header printed its bodies beside the motto and the reader named no issuer or cut
    its name short ("ĐẠI HỌC MẪU HỌC" of "TRƯỜNG ĐẠI HỌC MẪU HỌC" under "ĐẠI HỌC HUẾ"): then the
    printed lines (:func:`printed_bodies`).

    >>> from plankit.read import read_text
    >>> plan = read_text("ĐẠI HỌC HUẾ\\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n"
    ...                  "TRƯỜNG ĐẠI HỌC MẪU\\tĐộc lập - Tự do - Hạnh phúc\\nSố: 12/KH-ĐHM\\nKẾ HOẠCH")
    >>> header_bodies(plan, None, "ĐẠI HỌC MẪU"), header_bodies(plan, "Bộ Y tế", "Trường Đại học Mẫu")
    (('ĐẠI HỌC HUẾ', 'TRƯỜNG ĐẠI HỌC MẪU'), ('Bộ Y tế', 'Trường Đại học Mẫu'))
    """
    printed = printed_bodies(plan)
    if len(printed) > 1 and _UNIT_LINE.match(fold(printed[-1])):  # "ỦY BAN NHÂN DÂN" over "TỈNH HẢI DƯƠNG": one body
        printed = [*printed[:-2], f"{printed[-2]} {printed[-1]}"]
    if issuer and not parent and len(printed) > 1 and fold(printed[-1]) == fold(issuer):
        return printed[-2], issuer  # the body above a bare "BAN THƯỜNG VỤ" the reader left out
    if not printed or (issuer and not (fold(printed[-1]).endswith(" " + fold(issuer)) and not parent)):
        return parent, issuer
    return (printed[-2] if len(printed) > 1 else parent), printed[-1]
