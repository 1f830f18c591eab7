"""The layout of a template against Nghị định 30/2020/NĐ-CP, Phụ lục I.

Page size and orientation, margins, the font in all four slots, and the size and weight of each
element. An element is recognised by what it prints: ``{{ issuer }}`` is the issuing body,
``{{ r }}`` inside ``{%p for r in recipients %}`` a recipient, ``Độc lập - Tự do`` the tiêu ngữ.
"""

from __future__ import annotations

import re

from .finding import RULES, Finding

FONT = "Times New Roman"
A4 = (210.0, 297.0)
#: Margins in mm (Phụ lục I).
MARGINS = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
_MARGIN_VI = {"top": "lề trên", "bottom": "lề dưới", "left": "lề trái", "right": "lề phải"}

# (element, Vietnamese name, sizes in pt, bold, italic); bold/italic None: not prescribed.
ELEMENTS = {
    "parent": ("cơ quan chủ quản / parent body", (12, 13), None, None),
    "issuer": ("cơ quan ban hành / issuing body", (12, 13), True, None),
    "quoc-hieu": ("quốc hiệu / national title", (12, 13), True, None),
    "tieu-ngu": ("tiêu ngữ / motto", (13, 14), True, None),
    "number": ("số, ký hiệu / number and symbol", (13, 13), None, None),
    "place-date": ("địa danh, ngày tháng / place and date", (13, 14), None, True),
    "doc-type": ("tên loại văn bản / type of document", (13, 14), True, None),
    "subject": ("trích yếu / subject", (13, 14), True, None),
    "body": ("nội dung / body", (13, 14), None, None),
    "recipients-label": ("Nơi nhận", (12, 12), True, True),
    "recipients": ("nơi nhận / recipients", (11, 11), None, None),
    "signature": ("chữ ký / signature", (13, 14), True, None),
}

# A Party document's header and type (Hướng dẫn 36-HD/VPTW, Phụ lục 3), for the paragraphs of a
# template's ``{%p if party %}`` branch: the rest as ELEMENTS.
PARTY_ELEMENTS = {
    "parent": ("cơ quan cấp trên / body above", (14, 14), None, None),
    "issuer": ("cơ quan ban hành / issuing body", (14, 14), True, None),
    "tieu-de": ("tiêu đề Đảng / Party title", (15, 15), True, None),
    "number": ("số, ký hiệu / number and symbol", (14, 14), None, None),
    "place-date": ("địa danh, ngày tháng / place and date", (14, 14), None, True),
    "doc-type": ("tên loại văn bản / type of document", (15, 16), True, None),
    "subject": ("trích yếu / subject", (14, 15), True, None),
    "body": ("nội dung / body", (14, 15), None, None),
}

# A Công văn's subject ("V/v ...") under its number (Nghị định 30/2020, Phụ lục I: 12-13, upright,
# not bold), for the paragraphs of a template's ``{%p if letter %}`` branch.
LETTER_ELEMENTS = {
    "subject": ("trích yếu công văn / a letter's subject", (12, 13), None, None),
}

# What a paragraph prints -> the element it is (the first match wins).
_BY_TEXT = (
    (re.compile(r"\{\{\s*parent\b"), "parent"),
    (re.compile(r"\{\{\s*issuer\b"), "issuer"),
    (re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI", re.I), "quoc-hieu"),
    (re.compile(r"Độc\s+lập\s*-\s*Tự\s+do", re.I), "tieu-ngu"),
    (re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|\{\{\s*party_title\b", re.I), "tieu-de"),
    (re.compile(r"^\s*Số\s*:|\{\{\s*number_line\b"), "number"),
    (re.compile(r"\{\{\s*place_date\b"), "place-date"),
    (re.compile(r"\{\{\s*doc_type\b"), "doc-type"),
    (re.compile(r"\{\{\s*title\b"), "subject"),
    (re.compile(r"^\s*Nơi\s+nhận\s*:", re.I), "recipients-label"),
    (re.compile(r"\{\{\s*signer\b"), "signature"),
)
_FOR = re.compile(r"\{%-?\s*(?:p\s+)?for\s+(\w+)\s+in\s+(\w+)")
_PRINTS = re.compile(r"\{\{\s*(\w+)")
_LOOP_ELEMENT = {"basis": "body", "body": "body", "closing": "body", "appendix": "body",
                 "recipients": "recipients", "signer_title": "signature",
                 "parent_lines": "parent", "issuer_lines": "issuer"}


def _f(rule: str, where: str, context: str, message: str) -> Finding:
    return Finding(rule, RULES[rule][0], where, context, message)


def _mm(twips: int) -> float:
    return round(twips * 25.4 / 1440, 1)


def _pt(size: float) -> str:
    return f"{size:g}"


def check_page(document) -> list[Finding]:
    """Page size, orientation and margins of every section."""
    out: list[Finding] = []
    for s in document.sections:
        if s.width and s.height:
            w, h = _mm(s.width), _mm(s.height)
            if s.orient == "landscape" or w > h:
                out.append(_f("page-size", s.where, f"{w:g} × {h:g} mm",
                              "trang nằm ngang / landscape page: Nghị định 30/2020 asks for A4 portrait"))
            elif abs(w - A4[0]) > 1 or abs(h - A4[1]) > 1:
                out.append(_f("page-size", s.where, f"{w:g} × {h:g} mm",
                              f"khổ giấy {w:g} × {h:g} mm, không phải A4 / page {w:g} × {h:g} mm: "
                              "Nghị định 30/2020 asks for A4 (210 × 297 mm)"))
        for side, (low, high) in MARGINS.items():
            value = s.margins.get(side)
            if value is None:
                continue
            mm = _mm(abs(value))
            if not low <= mm <= high:
                out.append(_f("margin", s.where, f"{side} {mm:g} mm",
                              f"{_MARGIN_VI[side]} {mm:g} mm / {side} margin {mm:g} mm: Nghị định 30/2020 asks "
                              f"for {low}-{high} mm"))
    return out


# The statements that open, turn and close a branch: "{%p if party %}", "{%p else %}", "{%p endif %}".
_IF = re.compile(r"\{%-?\s*(?:p\s+)?if\s+(not\s+)?(\w+)\s*-?%\}|\{%-?\s*(?:p\s+)?if\b")
_ELSE = re.compile(r"\{%-?\s*(?:p\s+)?else\b")
_ELIF = re.compile(r"\{%-?\s*(?:p\s+)?elif\b")
_ENDIF = re.compile(r"\{%-?\s*(?:p\s+)?endif\b")


def _branches(text: str, stack: list[bool | None], name: str = "party") -> None:
    """Follow the ``if`` statements of a paragraph. ``stack`` holds, for each open branch, True
    inside ``{%p if party %}`` (or the ``else`` of ``if not party``), False inside its ``else``
    (or ``if not party``), None under any other condition.

    >>> stack = []
    >>> _branches("{%p if party %}", stack); stack
    [True]
    >>> _branches("{%p else %}", stack); stack
    [False]
    >>> _branches("{%p if parent %}", stack); _branches("{%p endif %}", stack); _branches("{%p endif %}", stack); stack
    []
    """
    for m in re.finditer(r"\{%.*?%\}", text):
        tag = m.group(0)
        if (i := _IF.match(tag)) is not None:
            stack.append(None if i.group(2) != name else not i.group(1))
        elif _ELSE.match(tag) and stack:
            stack[-1] = None if stack[-1] is None else not stack[-1]
        elif _ELIF.match(tag) and stack:
            stack[-1] = None
        elif _ENDIF.match(tag) and stack:
            stack.pop()


def _element(para, loops) -> str | None:
    for pattern, name in _BY_TEXT:
        if pattern.search(para.text):
            return name
    m = _PRINTS.search(para.text)
    if m and m.group(1) in loops:
        return _LOOP_ELEMENT.get(loops[m.group(1)])
    return None


def check_text(document) -> list[Finding]:
    """Fonts in all four slots, and the size and weight of each element it recognises."""
    out: list[Finding] = []
    for slot, font in document.default_fonts:
        if font != FONT:
            shown = font or "không đặt / not set"
            out.append(_f("font", "document defaults", f"{slot}: {shown}",
                          f"phông mặc định ô {slot} là {shown} / default font in slot {slot} is {shown}: "
                          f"Nghị định 30/2020 asks for {FONT}"))
    loops: dict[str, str] = {}
    branches: list[bool | None] = []
    letters: list[bool | None] = []
    for para in document.paragraphs:
        m = _FOR.search(para.text)
        if m:
            loops[m.group(1)] = m.group(2)
        if para.part == "word/document.xml":
            _branches(para.text, branches)
            _branches(para.text, letters, "letter")
        party = True in branches
        runs = [r for r in para.runs if r.text.strip()]
        if not runs:
            continue
        reported: set[tuple[str, str]] = set()
        for run in runs:
            for slot, font, where in run.fonts:
                if font != FONT and (slot, font) not in reported:
                    reported.add((slot, font))
                    out.append(_f("font", para.where, para.text[:60],
                                  f"phông {font} ở ô {slot} ({where}) / font slot {slot} is {font}: "
                                  f"Nghị định 30/2020 asks for {FONT}"))
        element = _element(para, loops)
        if element is None or para.part != "word/document.xml" or (element == "tieu-de" and not party):
            continue
        rule = "Hướng dẫn 36-HD/VPTW" if party else "Nghị định 30/2020"
        label, (low, high), bold, italic = PARTY_ELEMENTS.get(element, ELEMENTS.get(element)) if party else ELEMENTS[element]
        if True in letters and element in LETTER_ELEMENTS:
            label, (low, high), bold, italic = LETTER_ELEMENTS[element]
        sizes = sorted({r.size for r in runs if r.size is not None})
        wrong = [s for s in sizes if not low <= s <= high]
        want = f"{low}" if low == high else f"{low}-{high}"
        if wrong:
            out.append(_f("font-size", para.where, para.text[:60],
                          f"{label}: cỡ chữ {_pt(wrong[0])} / size {_pt(wrong[0])} pt: "
                          f"{rule} asks for {want} pt"))
        for flag, wanted, vi, en in (("bold", bold, "đậm", "bold"), ("italic", italic, "nghiêng", "italic")):
            if wanted and not all(getattr(r, flag) for r in runs):
                out.append(_f("font-style", para.where, para.text[:60],
                              f"{label}: chữ không {vi} / not {en}: {rule} asks for {en}"))
    return out
