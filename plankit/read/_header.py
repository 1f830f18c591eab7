"""Header vocabulary for the structure parser: where a header starts, what is site chrome, and
how an issuing body's cell is read (``ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI`` is ``Ủy ban nhân dân
tỉnh Quảng Ngãi``, ``BỘ Y TẾ`` is ``Bộ Y tế``).

Every pattern runs on folded text (:func:`plankit.text.fold`); names shown to users are built
from the original characters or from the data files.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..model import ReadWarning
from ..places import find_places, match_department, match_place
from ..text import fold
from ..vocab import read_table

# The first cell of a header: an issuing body in capitals, the national motto, a Party motto, or
# the number field. Must match "uy ban nhan dan |", "ubnd tinh hai duong", "bo y te", "thu tuong
# chinh phu", "ban chap hanh trung uong", "so khoa hoc va cong nghe", "cong hoa xa hoi",
# "so: 07/kh-ubnd", "bch doan tinh nghe an", "tinh doan", "uy ban mat tran to quoc", "ban thuong
# vu", "truong dai hoc can tho", "benh vien". Must not match "so hieu | 395/kh-ubnd" (a site's metadata row) nor running
# text ("Sở Khoa học và Công nghệ ban hành ...": the parser also requires capitals).
HEADER_START = re.compile(
    r"^[\s|*#]*(?:uy\s+ban\s+nhan\s+dan|ubnd|hoi\s+dong\s+nhan\s+dan|hdnd|bo\s+\w|thu\s+tuong|van\s+phong|ban\s+chap\s+hanh|"
    r"ban\s+chi\s+dao|tinh\s+uy|thanh\s+uy|huyen\s+uy|dang\s+uy|dang\s+bo|so\s+[a-z]|chi\s+cuc|"
    r"cong\s+hoa\s+xa\s+h|dang\s+cong\s+san|s[o6]\s*:|s[o6]\s+\d+\s*-\s*[a-z]|"
    # the Youth Union, the Fatherland Front, a Party committee's board, a public service unit
    r"(?:tinh|thanh|huyen)\s+doan|bch\s+doan|doan\s+(?:tncs|thanh\s+nien)|uy\s+ban\s+(?:mat\s+tran|mttq)|"
    r"ban\s+(?:thuong\s+vu|tuyen\s+giao|dan\s+van|to\s+chuc|noi\s+chinh)|"
    r"truong\s+(?:dai|cao|trung)|dai\s+hoc|hoc\s+vien|benh\s+vien|vien\s+[a-z]|cuc\s+[a-z]|tong\s+cuc|"
    # a national body named "... Việt Nam" and its branches (see _NATIONAL_STEMS)
    r"bao\s+hiem\s+xa\s+hoi|bhxh\s|ngan\s+hang\s+nha\s+nuoc|thong\s+tan\s+xa|dai\s+tieng\s+noi|"
    r"tong\s+lien\s+doan|lien\s+doan\s+lao\s+dong|(?:bch\s+)?hoi\s+(?:nong\s+dan|lien\s+hiep\s+phu\s+nu|lhpn|cuu\s+chien\s+binh|ccb)\b|"
    r"uy\s+ban\s+trung\s+uong)"
)

# The Youth Union's motto, the right column of its header as "ĐẢNG CỘNG SẢN VIỆT NAM" is the
# Party's (folded): "đoàn tncs hồ chí minh", "đoàn thanh niên cộng sản hồ chí minh". Never a body.
YOUTH_MOTTO = r"doan\s+(?:tncs|thanh\s+nien\s+cong\s+san)\s+ho\s+chi\s+minh"

# A Party document's number field, printed without a colon and with the number joined to the
# type by a dash: "Số 112-KH/HU", "Số 05-KH/BCĐTW", or blank in a draft, "Số       -KH/TU", at a
# line's (or a cell's) start. Groups as in the number field's pattern: ``num`` 112 (``None``
# while blank), ``sym`` "kh/hu". Must not match "số 154-KH/TU" inside a sentence ("Căn cứ Kế
# hoạch số 154-KH/TU ...").
PARTY_NUMBER = re.compile(
    r"(?:^|\n|\|)[ \t*]*s[o6]\s+(?P<num>\d+[a-z]?)?\s*-\s*(?P<sym>[a-z]{1,5}\s*/\s*[a-z0-9&]+(?:-[a-z0-9&]+)*)(?![a-z0-9&])"
)

# A row of a legal portal's metadata table, with or without its cell bars: "Số hiệu | 395/KH-UBND",
# "| Ngày ban hành | 17/12/2025 |", "Loại văn bản | Kế hoạch", "Cơ quan ban hành | ...",
# "Người ký | ...", "Lĩnh vực | ...", "Tình trạng | ...". Must not match "Số: 07/KH-UBND".
CHROME_ROW = re.compile(
    r"^[\s|]*(?:so\s+hieu|ngay\s+ban\s+hanh|ngay\s+co\s+hieu\s+luc|ngay\s+het\s+hieu\s+luc|"
    r"loai\s+van\s+ban|co\s+quan\s+ban\s+hanh|nguoi\s+ky|linh\s+vuc|tinh\s+trang|ngay\s+cong\s+bao|"
    r"so\s+cong\s+bao|nguon|ngay\s+dang|luot\s+xem|tai\s+ve|tin\s+lien\s+quan|van\s+ban\s+lien\s+quan)"
    r"\s*(?:\||:|$)"
)

# A line that is only cell bars or empty cells: "|", "| |".
EMPTY_CELLS = re.compile(r"^[\s|]*$")

# A list entry of a site's "related documents" panel: "- 1Nghị định 63/2010/NĐ-CP ...", the
# running number glued to the document type.
RELATED_ENTRY = re.compile(r"^[\s\-•*]*\d{1,2}(?:nghi|quyet|thong|chi|ke|cong|luat|van|quy|chuong)")

_UNITS = {
    "tinh": "tỉnh", "thanh pho": "thành phố", "tp": "thành phố", "tp.": "thành phố",
    "huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "xa": "xã", "phuong": "phường",
    "thi tran": "thị trấn", "dac khu": "đặc khu",
}
_LOCAL_BODY = re.compile(
    r"^(?P<body>uy\s+ban\s+nhan\s+dan|ubnd|hoi\s+dong\s+nhan\s+dan|hdnd)"
    r"(?:\s+(?P<unit>tinh|thanh\s+pho|tp\.?|huyen|quan|thi\s+xa|xa|phuong|thi\s+tran|dac\s+khu)"
    r"(?:\s+(?P<name>.+?))?)?\s*$"
)
_BODY_NAMES = {"uy ban nhan dan": "Ủy ban nhân dân", "ubnd": "Ủy ban nhân dân",
               "hoi dong nhan dan": "Hội đồng nhân dân", "hdnd": "Hội đồng nhân dân"}
_FIXED = {
    "thu tuong chinh phu": "Thủ tướng Chính phủ",
    "chinh phu": "Chính phủ",
    "van phong chinh phu": "Văn phòng Chính phủ",
    "ban chap hanh trung uong": "Ban Chấp hành Trung ương",
    "ban chap hanh trung uong dang": "Ban Chấp hành Trung ương",
    "quoc hoi": "Quốc hội",
}


# Abbreviations of a department's field in header cells ("SỞ NN&PTNT", "SỞ GD&ĐT", "SỞ TT&TT"),
# folded, with the words they stand for.
_ABBREVIATIONS = (
    (r"nn\s*(?:&|va)\s*ptnt", "nong nghiep va phat trien nong thon"),
    (r"nn\s*(?:&|va)\s*mt", "nong nghiep va moi truong"),
    (r"ptnt", "phat trien nong thon"),
    (r"tt\s*(?:&|va)\s*tt|tttt", "thong tin va truyen thong"),
    (r"gd\s*(?:&|va)\s*dt|gddt", "giao duc va dao tao"),
    (r"kh\s*(?:&|va)\s*cn|khcn", "khoa hoc va cong nghe"),
    (r"kh\s*(?:&|va)\s*dt|khdt", "ke hoach va dau tu"),
    (r"tn\s*(?:&|va)\s*mt|tnmt", "tai nguyen va moi truong"),
    (r"ldtb\s*(?:&|va)\s*xh|ldtbxh", "lao dong - thuong binh va xa hoi"),
    (r"vh\s*,?\s*tt\s*(?:&|va)\s*dl|vhttdl", "van hoa, the thao va du lich"),
    (r"gtvt", "giao thong van tai"),
)
_ABBREVIATION_RE = re.compile("|".join(rf"(?<![a-z])(?:{a})(?![a-z])" for a, _ in _ABBREVIATIONS))


def _expand_abbreviations(key: str) -> str:
    """``so nn&ptnt`` -> ``so nong nghiep va phat trien nong thon`` (folded)."""
    def full(m: re.Match[str]) -> str:
        return next(words for a, words in _ABBREVIATIONS if re.fullmatch(a, m.group()))
    return _ABBREVIATION_RE.sub(full, key)


def _rows(name: str) -> list[list[str]]:
    return [list(row.values()) for row in read_table(name)]


@cache
def _central_names() -> dict[str, str]:
    """Folded name -> name, for the national bodies of issuers.tsv (ministries and others)."""
    names = {" ".join(fold(name).split()): name for _code, name, _level, scope in _rows("issuers.tsv")
             if scope == "national" and "{" not in name}
    # national bodies with no code of their own in a symbol (their boards sign: "KH/ĐCT")
    names["hoi lien hiep phu nu viet nam"] = "Hội Liên hiệp Phụ nữ Việt Nam"
    names["hoi cuu chien binh viet nam"] = "Hội Cựu chiến binh Việt Nam"
    return names


@cache
def _central_codes() -> dict[str, str]:
    return {fold(code): name for code, name, _level, scope in _rows("issuers.tsv") if scope == "national"}


@cache
def _type_names() -> dict[str, str]:
    """Folded type abbreviation -> document type name (the first row naming it wins)."""
    out: dict[str, str] = {}
    for name, abbr, _group, shape, _note in _rows("document_types.tsv"):
        if shape == "type" and abbr:
            out.setdefault(fold(abbr), name)
    return out


def type_codes() -> tuple[str, ...]:
    """The type codes a document's symbol may open with, folded (``kh``, ``qd``, ``ctr``)."""
    return tuple(_type_names())


def doc_type_of_symbol(symbol: str | None) -> str | None:
    """The document type a symbol's type code names: ``KH-UBND`` Kế hoạch, ``QĐ-TTg`` Quyết
    định, ``KH/BCĐTW`` Kế hoạch, ``2019/QĐ-UBND`` (a number that carries its year) Quyết định;
    ``None`` for a letter's symbol (``STP-PBGDPL``: :func:`letter_of_symbol`)."""
    if not symbol:
        return None
    code = re.split(r"[-/]", re.sub(r"^(?:19|20)\d\d/", "", symbol), maxsplit=1)[0]
    return _type_names().get(fold(code))


def letter_of_symbol(symbol: str | None) -> str | None:
    """``Công văn`` for a letter's symbol: the issuer's code and its unit's, no type code first
    (Nghị định 30/2020, Phụ lục III: ``VPCP-KSTT``, ``SNV-CCHC``, ``UBND-VX``); ``None`` for any
    other (``KH-UBND``, a joint plan's ``KHLT-SYT-SGDĐT``, a law's ``2019/UBTVQH14``).

    >>> letter_of_symbol("VPCP-KSTT"), letter_of_symbol("KH-UBND"), letter_of_symbol("KHLT-SYT-SGDĐT")
    ('Công văn', None, None)
    """
    m = re.match(r"^([^\W\d_]+)-[^\W_]", symbol or "")
    if m is None:
        return None
    code = fold(m.group(1))
    if code in _type_names() or (code.endswith("lt") and code[:-2] in _type_names()):
        return None
    return "Công văn"


def undouble_type_code(symbol: str) -> str:
    """A symbol whose type code has a letter doubled by OCR or a slip (``QĐĐ-BYT``, ``KHH-UBND``)
    with the letter once, when the code is no known type and the code with the letter once is
    (data/document_types.tsv); any other symbol unchanged (``STP-PBGDPL``, ``QĐ-BYT``).

    >>> undouble_type_code("QĐĐ-BYT"), undouble_type_code("KH-UBND"), undouble_type_code("STTTT-VP")
    ('QĐ-BYT', 'KH-UBND', 'STTTT-VP')
    """
    m = re.match(r"([^\W\d_]+)(?=[-/])", symbol)
    if m is None or fold(m.group(1)) in _type_names():
        return symbol
    code = m.group(1)
    for i in range(1, len(code)):
        if code[i] == code[i - 1] and fold(code[:i] + code[i + 1:]) in _type_names():
            return code[:i] + code[i + 1:] + symbol[m.end():]
    return symbol


def split_glued_symbol(symbol: str) -> str:
    """A symbol whose dash was lost in extraction: ``QĐBYT`` -> ``QĐ-BYT`` when it starts with a
    known type code followed by two or more capitals; otherwise unchanged."""
    if "-" in symbol or "/" in symbol:
        return symbol
    folded = fold(symbol)
    for abbr in sorted(_type_names(), key=len, reverse=True):
        if folded.startswith(abbr) and len(folded) - len(abbr) >= 2 and symbol[len(abbr):].isupper():
            return f"{symbol[:len(abbr)]}-{symbol[len(abbr):]}"
    return symbol


def _unit_and_name(clean: str, m: re.Match[str]) -> str:
    """``tỉnh Nghệ An``, ``thành phố Hà Nội``, ``xã Tân Hòa``: a unit word and its name from the
    groups ``unit`` and ``name`` of a match on the folded ``clean``; a province's name as the
    registry writes it."""
    unit = _UNITS[" ".join(m.group("unit").split())]
    original = clean[m.start("name"):]
    prov = match_place(original, cutoff=0.9) if unit in ("tỉnh", "thành phố") else None
    return f"{unit} {prov.name if prov else _title_words(original)}"


def _title_words(raw: str) -> str:
    """``LONG PHỤNG`` -> ``Long Phụng``, ``RANG-THÁP`` -> ``Rang-Tháp``; ``Đăk Ngọk`` kept."""
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) if w.isupper() else w
                    for w in raw.split())


def _ministry_case(raw: str) -> str:
    """``BỘ THÔNG TIN VÀ TRUYỀN THÔNG`` -> ``Bộ Thông tin và Truyền thông`` (capital after ``Bộ``,
    ``và`` and a dash)."""
    words = raw.lower().split()
    out = []
    cap = False
    for w in words:
        if cap and w not in ("và", "-"):
            w = w[:1].upper() + w[1:]
            cap = False
        out.append(w)
        if w in ("bộ", "và", "-") or w.endswith(","):
            cap = True
    text = " ".join(out)
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=4096)  # the same header cells recur from plan to plan
def _national_alone(part: str) -> bool:
    """Whether ``part`` names a national body on its own (``BỘ NỘI VỤ``, ``VĂN PHÒNG CHÍNH PHỦ``)."""
    key = " ".join(fold(part).split())
    return key in _FIXED or key in _central_names() or bool(re.match(r"^bo\s+\w", key))


def body_name(raw: str) -> tuple[str, str] | None:
    """The issuing body a header cell names, as it should be read, and its kind: ``local``
    (Ủy ban nhân dân of a province, city, district or commune; ``unit`` may be missing when the
    site cut the cell), ``central``, ``party`` or ``department``. ``None`` when the cell names no
    body.

    >>> body_name("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"), body_name("UBND XÃ LONG PHỤNG")
    (('Ủy ban nhân dân tỉnh Quảng Ngãi', 'local'), ('Ủy ban nhân dân xã Long Phụng', 'local'))
    >>> body_name("ỦY BAN NHÂN DÂN"), body_name("BỘ Y TẾ"), body_name("THỦ TƯỚNG CHÍNH PHỦ")
    (('Ủy ban nhân dân', 'local'), ('Bộ Y tế', 'central'), ('Thủ tướng Chính phủ', 'central'))
    >>> body_name("TỈNH ỦY LÀO CAI"), body_name("VỤ CẢI CÁCH HÀNH CHÍNH")
    (('Tỉnh ủy Lào Cai', 'party'), ('Vụ Cải cách hành chính', 'department'))
    """
    clean = " ".join(raw.replace("|", " ").replace("*", " ").split()).strip(" ,.;:-")
    if not clean:
        return None
    key = " ".join(fold(clean).split())
    if key in _FIXED:
        kind = "party" if key.startswith("ban chap hanh") else "central"
        return _FIXED[key], kind
    joint = re.split(r"\s[-\u2013]\s", clean)
    if len(joint) > 1 and all(clean.isupper() and _national_alone(p) for p in joint):
        # a joint document's bodies on one line ("VĂN PHÒNG CHÍNH PHỦ - BỘ NỘI VỤ"): the first,
        # whose code leads the symbol (01/2011/TTLT-VPCP-BNV), issues it
        return body_name(joint[0])
    m = re.match(r"^(?P<board>bch|ban\s+chap\s+hanh|ban\s+thuong\s+vu)\s+(?P<committee>tinh|thanh|huyen)\s+doan\s+\S", key)
    if m:  # "BAN CHẤP HÀNH TỈNH ĐOÀN PHÚ YÊN": the board of a Youth Union's committee
        inner = body_name(clean.split(None, len(m.group("board").split()))[-1])
        board = "Ban Thường vụ" if m.group("board").startswith("ban thuong") else "Ban Chấp hành"
        if inner is not None:
            return f"{board} {inner[0]}", "party"
    m = _LOCAL_BODY.match(key)
    if m:
        body = _BODY_NAMES[" ".join(m.group("body").split())]
        if not m.group("unit"):
            return body, "local"
        unit = _UNITS[" ".join(m.group("unit").split())]
        if not m.group("name"):
            return f"{body} {unit}", "local"
        original = clean[m.start("name"):]
        prov = match_place(original, cutoff=0.9) if unit in ("tỉnh", "thành phố") else None
        if prov is not None:
            if unit == "thành phố" and prov.kind != "thành phố":
                return f"{body} thành phố {_title_words(original)}", "local"  # a city inside a province
            return f"{body} {prov.full_name}", "local"
        return f"{body} {unit} {_title_words(original)}", "local"
    if re.fullmatch(YOUTH_MOTTO, key):
        return None  # the Youth Union's motto, the right column of its header
    m = re.match(r"^(?:bch|ban\s+chap\s+hanh)\s+doan\s+(?P<unit>tinh|thanh\s+pho|tp\.?|huyen|quan|thi\s+xa|xa|phuong)\s+(?P<name>\S.*)$", key)
    if m:  # "BCH ĐOÀN TỈNH NGHỆ AN": the executive committee of a unit's Youth Union
        return f"Ban Chấp hành Đoàn {_unit_and_name(clean, m)}", "party"
    m = re.match(r"^(?P<committee>tinh|thanh|huyen|quan)\s+doan\s+(?P<name>\S.*)$", key)
    if m:  # "TỈNH ĐOÀN NGHỆ AN", "THÀNH ĐOÀN HÀ NỘI"
        original = clean[m.start("name"):]
        prov = match_place(original, cutoff=0.9) if m.group("committee") in ("tinh", "thanh") else None
        return f"{clean.split()[0].capitalize()} Đoàn {prov.name if prov else _title_words(original)}", "party"
    if key in _central_names():  # "BẢO HIỂM XÃ HỘI VIỆT NAM", "ỦY BAN TRUNG ƯƠNG MẶT TRẬN ..."
        name = _central_names()[key]
        return name, "party" if name.startswith("Ủy ban Trung ương Mặt trận") else "central"
    branch = _national_branch(clean, key)
    if branch is not None:
        return branch, "department"
    m = _EXECUTIVE.match(key)
    if m and (branch := _national_branch(clean.split(None, len(m.group(0).split()))[-1], key[m.end():])):
        return f"Ban Chấp hành {branch}", "department"  # "BCH HỘI NÔNG DÂN XÃ TÂN PHÚ"
    m = re.match(r"^uy\s+ban\s+(?:mat\s+tran\s+to\s+quoc|mttq)(?:\s+viet\s+nam)?"
                 r"(?:\s+(?P<unit>tinh|thanh\s+pho|tp\.?|huyen|quan|thi\s+xa|xa|phuong)\s+(?P<name>\S.*))?$", key)
    if m:  # "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH LONG AN", "ỦY BAN MTTQ VIỆT NAM XÃ TÂN HÒA"
        where = f" {_unit_and_name(clean, m)}" if m.group("unit") else ""
        return f"Ủy ban Mặt trận Tổ quốc Việt Nam{where}", "party"
    if key in _central_names():
        return _central_names()[key], "central"
    if re.match(r"^bo\s+\w", key) and not key.startswith(("bo chi huy", "bo phan")):
        return _ministry_case(clean), "central"
    m = re.match(r"^(?P<committee>tinh|thanh|huyen)\s+uy\s+(?P<name>\S.*)$", key)
    if m:  # "TỈNH ỦY LÀO CAI": the committee of a named unit
        original = clean[m.start("name"):]
        prov = match_place(original, cutoff=0.9) if m.group("committee") != "huyen" else None
        name = prov.name if prov is not None else _title_words(original)
        return f"{clean[: m.start('name')].strip().capitalize()} {name}", "party"
    m = re.match(r"^dang\s+bo\s+(?P<unit>tinh|thanh\s+pho|huyen|quan|thi\s+xa|xa|phuong)\s+(?P<name>\S.*)$", key)
    if m:  # "ĐẢNG BỘ TỈNH THÁI BÌNH": the Party organisation of a unit
        original = clean[m.start("name"):]
        prov = match_place(original, cutoff=0.9) if m.group("unit") in ("tinh", "thanh pho") else None
        return f"Đảng bộ {_UNITS[' '.join(m.group('unit').split())]} {prov.name if prov else _title_words(original)}", "party"
    m = re.match(r"^dang\s+uy\s+(?P<unit>xa|phuong|thi\s+tran|dac\s+khu|huyen|quan|thi\s+xa|thanh\s+pho)\s+(?P<name>\S.*)$", key)
    if m:  # "ĐẢNG ỦY XÃ ĐĂK HÀ": the Party committee of a unit
        return f"Đảng ủy {_UNITS[' '.join(m.group('unit').split())]} {_title_words(clean[m.start('name'):])}", "party"
    if re.match(r"^(tinh|thanh|huyen|dang)\s+uy\b|^ban\s+(chap\s+hanh|thuong\s+vu|chi\s+dao|tuyen\s+giao|dan\s+van|to\s+chuc|noi\s+chinh)", key):
        name = _ministry_case(clean) if clean.isupper() else clean
        if key.startswith("ban chi dao"):  # "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH": Ban Chỉ đạo ...
            name = "Ban Chỉ đạo" + name[len("Ban chỉ đạo"):]
        elif clean.isupper() and re.match(r"ban (thuong vu|tuyen giao|dan van|to chuc|noi chinh)", key):
            name = "Ban " + name[4:5].upper() + name[5:]  # "BAN THƯỜNG VỤ": Ban Thường vụ
        return name, "party"
    m = _PUBLIC_UNIT.match(key)
    if m:  # "TRƯỜNG ĐẠI HỌC SƯ PHẠM HÀ NỘI", "BỆNH VIỆN ĐA KHOA TỈNH": a public service unit
        return _unit_case(clean, m.end("kind")), "department"
    if key == "van phong":  # "VĂN PHÒNG" under "UBND TỈNH X": the office of that committee
        return "Văn phòng", "department"
    m = re.match(r"^(?:tong\s+cuc|cuc|vu)\s+(?P<name>\S.*)$", key)
    if m:  # "VỤ CẢI CÁCH HÀNH CHÍNH", "CỤC QUẢN LÝ DƯỢC": a unit of a ministry
        head, name = clean[: m.start("name")].strip(), clean[m.start("name"):]
        if clean.isupper():
            head, name = head.capitalize(), name.capitalize()
        return f"{head} {name}", "department"
    if re.match(r"^(so|van\s+phong|ban|chi\s+cuc|thanh\s+tra|trung\s+tam|phong)\s+[^\W\d]", key):  # not "Số 112-KH/HU"
        dep = match_department(clean)
        if dep is None and key.startswith("so "):  # "SỞ NN&PTNT", "SỞ TT&TT": the registry's name
            dep = match_department(_expand_abbreviations(key), cutoff=1.0)
        if dep is not None:
            return dep.name, "department"
        m = re.match(r"^(?P<dep>so\s.+?)\s+(?P<unit>tinh|thanh\s+pho)\s+(?P<name>\S.*)$", key)
        if m:  # "SỞ Y TẾ TỈNH NGHỆ AN": the department and its province
            dep = match_department(_expand_abbreviations(m.group("dep")), cutoff=1.0)
            prov = match_place(clean[m.start("name"):], cutoff=1.0)
            if dep is not None and prov is not None:
                return f"{dep.name} {_UNITS[' '.join(m.group('unit').split())]} {prov.name}", "department"
        words = clean.split()
        for n in range(min(4, len(words) - 2), 0, -1):  # "SỞ Y TẾ HÀ NỘI": the province without its unit word
            prov = match_place(" ".join(words[-n:]), cutoff=1.0)
            dep = match_department(_expand_abbreviations(" ".join(fold(" ".join(words[:-n])).split())), cutoff=1.0)
            if prov is not None and dep is not None and key.startswith("so "):
                return f"{dep.name} {prov.name}", "department"
        if key.startswith("phong "):  # a district's office in its field's spelling: "Phòng Nội vụ"
            field = match_department(_expand_abbreviations("so " + key[len("phong "):]), cutoff=1.0)
            if field is not None:
                return "Phòng" + field.name[len("Sở"):], "department"
        if re.match(r"^van\s+phong\s+(uy\s+ban\s+nhan\s+dan|ubnd)", key):
            rest = body_name(clean.split(None, 2)[2] if len(clean.split()) > 2 else "")
            return f"Văn phòng {rest[0] if rest else 'Ủy ban nhân dân'}", "department"
        return (clean[:1] + clean[1:].lower()) if clean.isupper() else clean, "department"
    return None


# The national bodies whose names end in "Việt Nam" (issuers.tsv) and whose branches in a
# province, a region, a district or a commune are named after them without it, folded stem ->
# stem as written: "Bảo hiểm xã hội tỉnh Nghệ An", "Bảo hiểm xã hội khu vực XII", "Ngân hàng Nhà
# nước chi nhánh tỉnh X", "Liên đoàn Lao động tỉnh X" (the Tổng Liên đoàn's branch), and the mass
# organisations at every level: "Hội Nông dân xã X", "Hội Liên hiệp Phụ nữ huyện X", "Hội Cựu
# chiến binh phường X", "Đoàn Thanh niên xã X". Abbreviations in header cells: "BHXH", "NHNN",
# "HỘI CCB", "HỘI LHPN", "LĐLĐ".
_STEM_ABBREVIATIONS = {"bhxh": "bao hiem xa hoi", "nhnn": "ngan hang nha nuoc", "hoi ccb": "hoi cuu chien binh",
                       "hoi lhpn": "hoi lien hiep phu nu", "ldld": "lien doan lao dong", "hoi nd": "hoi nong dan"}
_BRANCH = re.compile(
    r"(?:chi\s+nhanh\s+)?(?P<unit>tinh|thanh\s+pho|tp\.?|khu\s+vuc|huyen|quan|thi\s+xa|xa|phuong|thi\s+tran|dac\s+khu)\s+(?P<name>\S.*)$"
)
# "BCH HỘI NÔNG DÂN XÃ X": the executive committee that signs for a mass organisation's branch.
_EXECUTIVE = re.compile(r"^(?:bch|ban\s+chap\s+hanh)\s+")


@cache
def _national_stems() -> dict[str, str]:
    stems = {k[: -len(" viet nam")]: name[: -len(" Việt Nam")] for k, name in _central_names().items()
             if k.endswith(" viet nam") and not k.startswith("uy ban trung uong")}
    stems["lien doan lao dong"] = "Liên đoàn Lao động"
    stems["hoi lien hiep phu nu"] = "Hội Liên hiệp Phụ nữ"
    stems["hoi cuu chien binh"] = "Hội Cựu chiến binh"
    stems["doan thanh nien"] = "Đoàn Thanh niên"
    stems["doan tncs ho chi minh"] = "Đoàn TNCS Hồ Chí Minh"
    return stems


@cache
def _stem_keys() -> tuple[str, ...]:
    """The stems and their abbreviations, longest first (``bao hiem xa hoi`` before any shorter)."""
    return tuple(sorted([*_national_stems(), *_STEM_ABBREVIATIONS], key=len, reverse=True))


def _national_branch(clean: str, key: str) -> str | None:
    """``BẢO HIỂM XÃ HỘI TỈNH NGHỆ AN`` -> ``Bảo hiểm xã hội tỉnh Nghệ An``, ``BHXH KHU VỰC XII``
    -> ``Bảo hiểm xã hội khu vực XII``, ``HỘI NÔNG DÂN XÃ TÂN PHÚ`` -> ``Hội Nông dân xã Tân
    Phú``: a national body's branch named after a province, a region, a district or a commune;
    ``None`` for any other cell. The stem is matched whole, so the ``xã`` of ``BẢO HIỂM XÃ HỘI``
    is never read as a commune.

    >>> _national_branch("BHXH XÃ HÒA AN", "bhxh xa hoa an"), _national_branch("BẢO HIỂM XÃ HỘI", "bao hiem xa hoi")
    ('Bảo hiểm xã hội xã Hòa An', None)
    """
    for stem_key in _stem_keys():
        if not key.startswith(stem_key + " "):
            continue
        m = _BRANCH.match(key, len(stem_key) + 1)
        if m is None:
            # "HỘI LIÊN HIỆP PHỤ NỮ HÀ NỘI": a province's branch named without "tỉnh" / "thành
            # phố", kept as printed (as "SỞ Y TẾ HÀ NỘI" is)
            prov = match_place(clean[len(stem_key) + 1:], cutoff=1.0)
            if prov is not None and fold(prov.name) == key[len(stem_key) + 1:]:
                return f"{_national_stems()[_STEM_ABBREVIATIONS.get(stem_key, stem_key)]} {prov.name}"
            continue
        written = _national_stems()[_STEM_ABBREVIATIONS.get(stem_key, stem_key)]
        branch = " chi nhánh" if m.group(0).startswith("chi") else ""
        unit_key = " ".join(m.group("unit").split())
        original = clean[m.start("name"):]
        if unit_key == "khu vuc":  # a region's number, Roman or Arabic, as written: "khu vực XII"
            region = original if re.fullmatch(r"[IVXLC\d]+", original) else _title_words(original)
            return f"{written}{branch} khu vực {region}"
        prov = match_place(original, cutoff=0.9) if unit_key in ("tinh", "thanh pho", "tp", "tp.") else None
        if prov is not None:
            return f"{written}{branch} {prov.full_name}"
        return f"{written}{branch} {_UNITS[unit_key]} {_title_words(original)}"
    return None


# A public service unit's kind, at a cell's start (folded): schools and universities, hospitals,
# institutes, academies, a province's radio and television, its newspaper. Not "trường hợp" (a
# case), "viện dẫn", "báo cáo".
_PUBLIC_UNIT = re.compile(
    r"^(?P<kind>truong\s+(?:dai\s+hoc|cao\s+dang|trung\s+cap|chinh\s+tri|thpt|thcs|tieu\s+hoc|mam\s+non)|"
    r"dai\s+hoc|hoc\s+vien|benh\s+vien|vien(?!\s+dan\b)|dai\s+phat\s+thanh(?:\s+va\s+truyen\s+hinh)?|bao(?!\s+(?:cao|hiem)))\s+[^\W\d]"
)


def _unit_case(clean: str, kind_end: int) -> str:
    """``TRƯỜNG ĐẠI HỌC SƯ PHẠM HÀ NỘI`` -> ``Trường Đại học Sư phạm Hà Nội``: the kind as the
    registry writes it, the name in sentence case with a province's name restored; a name in
    mixed case kept."""
    if not clean.isupper():
        return clean
    kind, name = clean[:kind_end].lower(), clean[kind_end:].strip()
    kind = kind[:1].upper() + kind[1:]
    if kind.startswith("Trường "):
        kind = "Trường " + kind[len("Trường "):].capitalize()  # Trường Đại học, Trường Cao đẳng
        if kind in ("Trường Thpt", "Trường Thcs"):  # "TRƯỜNG THPT LÝ THÁI TỔ": Trường THPT Lý Thái Tổ
            return f"Trường {kind[len('Trường '):].upper()} {_title_words(name)}"
        if kind in ("Trường Tiểu học", "Trường Mầm non"):  # named after a person or a place
            return f"{kind} {_title_words(name)}"
    m = re.match(r"đa khoa\s+(?P<unit>(?:khu vực|huyện|quận|thị xã|thành phố)\s+)?(?!tỉnh\b)(?P<place>\S.*)$", name.lower())
    if kind == "Bệnh viện" and m:  # "BỆNH VIỆN ĐA KHOA (KHU VỰC) ĐỨC GIANG": named after its place
        return f"Bệnh viện Đa khoa {m.group('unit') or ''}{_title_words(name[m.start('place'):])}"
    words = name.lower().split()
    for n in range(min(4, len(words)), 0, -1):  # "... HÀ NỘI": the province as it is written
        prov = match_place(" ".join(words[-n:]), cutoff=1.0)
        if prov is not None:
            words[-n:] = [prov.name]
            break
    text = " ".join(words)
    return f"{kind} {text[:1].upper()}{text[1:]}"


def complete_body(raw: str) -> bool:
    """Whether a header cell surely names a whole body, so that the cell under it cannot go on
    with it: a known ministry or national body (``BỘ Y TẾ``), a committee of a named province
    (``ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH``), a registry department (``SỞ NỘI VỤ``), a provincial
    Party committee (``TỈNH ỦY LÀO CAI``). A commune's, a district's or a steering committee's
    name may go on (``UBND XÃ TÂN`` / ``HÒA``, ``BAN CHỈ ĐẠO CẢI CÁCH`` / ``HÀNH CHÍNH``), as may
    a cut name (``BỘ THÔNG TIN VÀ``, ``ỦY BAN NHÂN DÂN TỈNH BÀ RỊA -``, ``THỦ TƯỚNG CHÍNH``).

    >>> [complete_body(c) for c in ("BỘ Y TẾ", "BỘ KẾ HOẠCH VÀ ĐẦU", "UBND TỈNH THỪA THIÊN", "SỞ NỘI VỤ")]
    [True, False, False, True]
    >>> [complete_body(c) for c in ("UBND XÃ TÂN", "VĂN PHÒNG ỦY BAN", "TỈNH ỦY LÀO CAI")]
    [False, False, True]
    """
    clean = " ".join(raw.replace("|", " ").replace("*", " ").split()).strip(" ,.;:")
    if not clean or raw.rstrip().endswith(("-", ",")) or fold(clean).split()[-1] in ("va", "ve", "cua"):
        return False
    named = body_name(clean)
    if named is None:
        return False
    kind = named[1]
    key = " ".join(fold(clean).split())
    if key in _FIXED or key in _central_names():
        return True
    if kind == "local":
        m = _LOCAL_BODY.match(key)
        return (m is not None and m.group("unit") in ("tinh", "thanh pho") and bool(m.group("name"))
                and match_place(clean[m.start("name"):], cutoff=1.0) is not None)
    if kind == "department":
        dep = match_department(clean, cutoff=1.0)
        return dep is not None
    if kind == "party":
        return bool(re.match(r"^(tinh|thanh)\s+uy\s+\S", key)) and match_place(named[0].split(None, 2)[-1], cutoff=1.0) is not None
    return False


def central_name_of_code(code: str) -> str | None:
    """The national body an issuer code names (``BYT`` Bộ Y tế, ``TTg`` Thủ tướng Chính phủ)."""
    return _central_codes().get(fold(code))


# Completing an issuer the header prints cut short (a department without its province, a
# committee without its unit), each said in a warning: a mixin of the front reader (its
# ``text``, ``folded``, ``spans``, ``warnings`` and ``_issuer_cell``).
# A province's committee right before its name: "của UBND tỉnh ", "Ủy ban nhân dân thành phố ".
_COMMITTEE_CITED = re.compile(r"(?:ubnd|uy\s+ban\s+nhan\s+dan|hdnd|hoi\s+dong\s+nhan\s+dan)\s+(?:tinh|thanh\s+pho|tp\.?)\s")
_COMMITTEE_BEFORE = re.compile(r"(?:ubnd|uy\s+ban\s+nhan\s+dan|hdnd|hoi\s+dong\s+nhan\s+dan)\s+(?:tinh|thanh\s+pho|tp\.?)\s*$")


class IssuerCompletion:
    """The issuer completions of the front reader."""

    def _complete_department(self, fields: dict) -> None:
        """A department's header cell printed without its province and without its committee
        above it (``SỞ TƯ PHÁP`` alone): ``Sở Tư pháp tỉnh Bắc Kạn``, the province from the place line, else from the province's committee the opening
        cites (``... của UBND tỉnh Hưng Yên``), only when every such citation names the same
        province; said in a warning. Nothing is added when the text names no province or names
        two."""
        issuer = fields["issuer"]
        if not self._issuer_cell:
            return  # a portal's "Sở ... ban hành" or a body named in the text: as written
        if re.search(r"\b(?:tinh|thanh pho|tp)\b", fold(issuer)) or match_department(issuer, cutoff=1.0) is None:
            return  # "Sở Y tế tỉnh Nghệ An" names it; "Sở Y tế Hà Nội" is no registry name alone
        place = fields.get("place")
        prov = match_place(place, cutoff=1.0) if isinstance(place, str) else None
        if prov is None:
            named = {}
            for c in _COMMITTEE_CITED.finditer(self.folded):
                # every citation of a province's committee in the whole text (a letter's may come
                # after a long "Kính gửi" list), each read in a short window
                window = self.text[c.start() : c.end() + 40]
                named.update((p.name, p) for s, _e, p in find_places(window)
                             if _COMMITTEE_BEFORE.search(fold(window[max(0, s - 30) : s])))
            if len(named) != 1:
                return
            prov = next(iter(named.values()))
        fields["issuer"] = f"{issuer} {prov.full_name}"
        self.warnings.append(ReadWarning(
            f"Tỉnh của cơ quan ban hành suy ra từ văn bản / the issuer's province inferred from the text: {fields['issuer']}",
            self.spans.get("issuer"),
        ))

    def _complete_bare_issuer(self, fields: dict) -> None:
        """``ỦY BAN NHÂN DÂN`` cut from its province by the site: the place line's province, else
        the one the subject names; said in a warning."""
        prov = match_place(fields["place"], cutoff=0.9) if fields.get("place") else None
        if prov is None and fields.get("title"):
            named = find_places(fields["title"])  # type: ignore[arg-type]
            prov = named[-1][2] if named else None
        if prov is None:
            return
        named = body_name(f"{fields['issuer']} {prov.full_name}")  # "ỦY BAN NHÂN DÂN" + "tỉnh X"
        fields["issuer"] = named[0] if named is not None else f"{fields['issuer']} {prov.full_name}"
        where = self.spans.get("issuer")
        self.warnings.append(ReadWarning(
            f"Cơ quan ban hành suy ra từ địa danh / issuer inferred from the place: {fields['issuer']}", where
        ))
