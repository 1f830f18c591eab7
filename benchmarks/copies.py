"""The artefacts a copy of a plan carries (a PDF's re-wrapped lines and page furniture, a
portal's title and controls, the header's columns swapped, tabs, NFD, zero-width characters ...):
functions ``(text, rng, gold) -> text`` in :data:`ARTEFACTS`.

The reader is tested under each (``tests/test_read_perturb.py``), and so are lint, the graph
and the diff; :mod:`benchmarks.bench_corpus_diff` counts the diff's phantoms under each. They
need only plankit (no pytest or hypothesis), so the benchmark runs outside the development
environment.

>>> rewrap("Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018", 30)
'Căn cứ Nghị định số\\n61/2018/NĐ-CP ngày 23 tháng 4\\nnăm 2018'
"""

from __future__ import annotations

import random
import re
import textwrap
import unicodedata
from collections.abc import Callable

from plankit.text import fold

__all__ = ["ARTEFACTS", "page_breaks", "portal_top", "rewrap", "right_column_first", "tabs", "tones_apart"]


_HEAD_END = re.compile(
    r"^[\s#*]*(?:ke\s+hoach|quyet\s+dinh|chi\s+thi|chuong\s+trinh|thong\s+bao|bao\s+cao|cong\s+van)[\s*]*$"
    r"|^[\s*\-]*(?:can\s+cu|thuc\s+hien|trien\s+khai)\b")


def _header_end(lines: list[str]) -> int:
    """The index of the line that ends the header (the type line or the first clause, else the
    line after the place and date), 0 when the document has no header (a news post)."""
    folded = [fold(line) for line in lines[:30]]
    end = next((k for k, line in enumerate(folded) if _HEAD_END.match(line)), None)
    if end is None:
        dated = [k for k, line in enumerate(folded) if re.search(r",\s*ngay\b|thang\s+\d+\s+nam\s+\d{4}", line)]
        end = dated[-1] + 1 if dated else 0
    return end


def rewrap(text: str, width: int, hyphens: bool = False) -> str:
    """Every line longer than ``width`` wrapped as a PDF or a portal does; with ``hyphens``
    also at a hyphen inside a word (``NĐ-`` / ``CP``, ``Việt-`` / ``Lào``)."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=hyphens))
    return "\n".join(out)


_MARKS = (
    "Trang {p}/{n}", "Trang {p}", "- {p} -", "{p}", "{p}/{n}", "Page {p} of {n}",
    "https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Ke-hoach-tuyen-truyen-cai-cach-597123.aspx",
    "https://luatvietnam.vn/hanh-chinh/ke-hoach-123-ubnd.html {p}/{n}",
    "Thư viện Pháp luật - thuvienphapluat.vn",
    "Cổng Thông tin điện tử tỉnh - www.tinh.gov.vn",
    "LuatVietnam.vn",
    "17/01/2024, 09:15 Kế hoạch tuyên truyền cải cách hành chính - Thư viện pháp luật",
)


_BODY_START = re.compile(r"[\s*\-]*(?:can\s+cu|thuc\s+hien|trien\s+khai|theo|[ivx]+\.|\d\.|ngay\s+\d)")


def page_breaks(text: str, rng: random.Random) -> str:
    """A PDF copy's page breaks after the header: one to three lines of page furniture (a page
    number, a browser's running header and footer, the site's name and address) between two
    lines, also inside a sentence; and a browser's print header above the document."""
    lines = text.split("\n")
    head = max(_header_end(lines), 2)
    # the first page holds the header and the subject: breaks come from the first clause on
    k = next((j for j in range(head, len(lines)) if _BODY_START.match(fold(lines[j]))), head + 3)
    out = [rng.choice(_MARKS[-1:] + _MARKS[6:8]).format(p=1, n=5), *lines[:k]]
    page = 1
    for line in lines[k:]:
        if rng.random() < 0.3:
            page += 1
            out.extend(m.format(p=page, n=9) for m in rng.sample(_MARKS, rng.randint(1, 3)))
        out.append(line)
    return "\n".join(out)


def right_column_first(text: str, rng: random.Random) -> str:
    """The header's two columns flattened right column first: a site's bars swapped per row
    (``CỘNG HÒA ... | ỦY BAN NHÂN DÂN |``), or the motto, the place and date and their rules
    above the issuer's lines and the number."""
    lines = text.split("\n")
    k = _header_end(lines)
    head = lines[:k]
    if any(len([c for c in line.split("|") if c.strip()]) == 2 for line in head):
        swapped = []
        for line in head:
            cells = [c.strip() for c in line.split("|") if c.strip()]
            swapped.append(" | ".join(cells[::-1]) + " |" if len(cells) == 2 else line)
        return "\n".join(swapped + lines[k:])
    # the cells: a site's bar ends one (on its line or alone on the next), else each line is one
    cells: list[list[str]] = [[]]
    for line in head:
        cells[-1].append(line)
        if line.rstrip().endswith("|"):
            cells.append([])
    if len(cells) < 3:
        cells = [[line] for line in head]
    right: list[str] = []
    left: list[str] = []
    prev_right = False
    for cell in cells:
        f = fold(" ".join(cell)).strip(" \t|")
        if not f or re.fullmatch(r"[-–_*=]+", f):
            is_right = prev_right  # a blank, a bar or a rule stays with its cell
        elif re.match(r"(?:chu\s+nghia|hanh\s+phuc|\d{1,2}\s+thang|thang\s+\d)", f):
            is_right = prev_right  # the motto or the date wrapped onto a line of its own
        else:
            is_right = bool(re.match(r"(?:cong\s+hoa|doc\s+lap|dang\s+cong\s+san)", f) or re.search(r",\s*ngay\b", f))
        (right if is_right else left).extend(cell)
        prev_right = is_right
    return "\n".join(right + left + lines[k:])


_CONTROLS = (
    "Lưu\nChia sẻ\nIn\nTải về",
    "Văn bản\nTiếng Anh\nVB gốc\nLược đồ\nTải về\nLưu\nTheo dõi VB\nGhi chú",
    "Lưu | Ghi chú | Ý kiến | Facebook | Email | In",
)


def portal_top(text: str, rng: random.Random, gold: dict) -> str:
    """A portal's title line (``Kế hoạch 07/KH-UBND năm 2024 tuyên truyền ...``, not above a
    news post, which is its own headline) and its controls (``Lưu``, ``Theo dõi VB`` ...)
    above the document."""
    h = gold["header"]
    top = rng.choice(_CONTROLS)
    if gold["meta"].get("is_news") or not h.get("symbol"):
        return f"{top}\n{text}"
    ref = f"{h.get('number') or ''}{'-' if '/' in h['symbol'] else '/'}{h['symbol']}"
    title = " ".join((h.get("title") or "").split())
    title = title[:1] + title[1:].lower() if title.isupper() else title
    return f"{h.get('doc_type') or 'Kế hoạch'} {ref} năm {h['year']} {title}\n{top}\n{text}"


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def tones_apart(text: str) -> str:
    """The legacy "combining" typing (VNI/Unikey "Unicode tổ hợp", Windows-1258): a vowel with
    its shape mark precomposed and the tone as a combining mark after it."""
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES)) + "".join(c for c in d if c in _TONES))
    return "".join(out)


def _sprinkle(text: str, chars: str, rng: random.Random) -> str:
    """``chars`` between letters of words, as a copy leaves them (one in six letters)."""
    out = []
    for k, ch in enumerate(text):
        out.append(ch)
        if ch.isalpha() and text[k + 1 : k + 2].isalpha() and rng.random() < 0.16:
            out.append(rng.choice(chars))
    return "".join(out)


def _spaces(text: str, rng: random.Random, spaces: tuple[str, ...]) -> str:
    return re.sub(r"(?<=\S) (?=\S)", lambda m: rng.choice(spaces) if rng.random() < 0.3 else " ", text)


def tabs(text: str, rng: random.Random) -> str:
    """Tabs as copies put them: a paragraph's first-line indent, after a list marker
    (``1.<tab>Mục đích``, ``a)<tab>``, ``-<tab>Căn cứ``), in place of a run of spaces between
    a header's columns."""
    out: list[str] = []
    lines = text.split("\n")
    head = _header_end(lines)
    for k, line in enumerate(lines):
        starts = not out or not out[-1].strip()  # a paragraph's first line (after a blank line)
        if k < head:
            line = re.sub(r"(?<=\S) {2,}(?=\S)", "\t", line)
        line = re.sub(r"^((?:[IVX]+|\d{1,2}|[a-dđ])[.)]|[-–+])[ ](?=\S)", "\\1\t", line)
        if starts and line[:1].isalpha() and rng.random() < 0.5:
            line = "\t" + line
        out.append(line)
    return "\n".join(out)


#: name -> artefact(text, rng, gold); each a real copy's, in the order a copy would add them.
ARTEFACTS: dict[str, Callable[[str, random.Random, dict], str]] = {
    "right-column-first": lambda t, r, g: right_column_first(t, r),
    "portal-title-and-controls": portal_top,
    "rewrap-40": lambda t, r, g: rewrap(t, 40),
    "rewrap-72": lambda t, r, g: rewrap(t, 72),
    "rewrap-160": lambda t, r, g: rewrap(t, 160),
    "hyphen-breaks-36": lambda t, r, g: rewrap(t, 36, hyphens=True),
    "hyphen-breaks-64": lambda t, r, g: rewrap(t, 64, hyphens=True),
    "page-breaks": lambda t, r, g: page_breaks(t, r),
    "blank-lines-removed": lambda t, r, g: re.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n", t),
    "blank-lines-doubled": lambda t, r, g: t.replace("\n", "\n\n"),
    "trailing-blanks": lambda t, r, g: "\n".join(line + r.choice(("", " ", "  ", "\t")) for line in t.split("\n")),
    "runs-of-spaces": lambda t, r, g: _spaces(t, r, ("  ", "   ")),
    "tabs": lambda t, r, g: tabs(t, r),
    "no-break-spaces": lambda t, r, g: _spaces(t, r, ("\u00a0", "\u202f", " \u00a0")),
    "zero-width": lambda t, r, g: _sprinkle(t, "\u200b\u200c\u200d\u2060\ufeff", r),
    "soft-hyphens": lambda t, r, g: _sprinkle(t, "\u00ad", r),
    "nfd": lambda t, r, g: unicodedata.normalize("NFD", t),
    "legacy-combining": lambda t, r, g: tones_apart(t),
    "tone-marks-u0340": lambda t, r, g: unicodedata.normalize("NFD", t).replace("\u0300", "\u0340").replace("\u0301", "\u0341"),
    "eth-for-d-bar": lambda t, r, g: t.replace("Đ", "\u00d0").replace("đ", "\u00f0"),
    "crlf": lambda t, r, g: t.replace("\n", "\r\n"),
    "lone-cr": lambda t, r, g: t.replace("\n", "\r"),
}
