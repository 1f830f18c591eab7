"""Numbering and structure (PK2xx): a blank number, heading numbers that skip or repeat, a
symbol that contradicts the header.

One function per rule; its docstring is the rule's documentation (``docs/lint-rules.md``) and
its examples are doctests showing what :func:`~plankit.lint._context.fires` flags. The codes,
names and lifecycle are in :mod:`plankit.lint.rules.registry`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from ...model import Finding, Section
from ...text import fold
from .._attachment import (
    ATTACHMENT_LINE_RE,
    BLANK_NUMBER_RE,
    SELF_REF_BEFORE_RE,
    SELF_REF_RE,
    names_another_document,
)
from .._context import (
    Context,
    fires,  # noqa: F401 (the docstring examples)
    msg,
)


def blank_number(ctx: Context) -> Iterator[Finding]:
    """Flags the plan's number left blank before its symbol ("Số:        /KH-SKHCN").

    The number is given by the records office (văn thư) when the plan is signed; drafts leave it
    blank, in the header and where the plan refers to itself ("Kèm theo Kế hoạch số:/KH-SKHCN").

    **How "signed" is known.** A plan marked ``draft`` is never signed. Otherwise a plan counts
    as signed when its text carries a signature mark ("(Đã ký)", "[đã ký]", a digital-signature
    stamp "Ký bởi:" or "Thời gian ký:"), or when it names its signer and the period of its date
    (the day, else its month, else its year) is over by ``today``: a plan that names who signs
    it and whose month has passed has gone out. Severity: ``error`` on a signed plan (it went
    out unnumbered), ``info`` on a draft or unsigned plan (a reminder). The same decision sets
    the severity of :func:`blank_date`.

    Fires on: ``Số:        /KH-SKHCN``, ``Số: /KH-SKH-CN``, ``Kế hoạch số:/KH-SKHCN``. Once for
    a draft that leaves its number blank in the header and again on its attachment line ("(Kèm
    theo Kế hoạch số:     /KH-SNV ...)"): one number to fill in, one finding, at the header.

    Does not fire on: ``Số: 137/KH-SKHCN``; ``Nghị quyết số 76/NQ-CP``.

    Message: "Chưa điền số văn bản (điền khi ký ban hành) / The document number is blank (fill
    it in when signing)"; on a signed plan "(văn bản đã ký phải có số / a signed plan must be
    numbered)".

    Examples:
        >>> fires("Số:        /KH-SKHCN\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2022", blank_number)
        ['Số:        /KH-SKHCN']
        >>> fires("Số: 137/KH-SKHCN\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2025", blank_number)
        []
        >>> fires("Số:    /KH-SNV\\nKẾ HOẠCH\\nCCHC năm 2026\\n\\nPHỤ LỤC\\n(Kèm theo Kế hoạch số:    /KH-SNV)",
        ...       blank_number)
        ['Số:    /KH-SNV']
    """
    severity = "error" if ctx.signed else "info"
    state_vi = "văn bản đã ký phải có số" if ctx.signed else "điền khi ký ban hành"
    state_en = "a signed plan must be numbered" if ctx.signed else "fill it in when signing"
    message = msg(
        f"Chưa điền số văn bản ({state_vi})", f"The document number is blank ({state_en})"
    )
    seen = False
    for m in BLANK_NUMBER_RE.finditer(ctx.folded):
        # A symbol is written in capitals ("/KH-UBND", "/TTr-SNV"); "hồ sơ/tháng" (files a
        # month) folds alike. OCR may lose the case: there the folded form decides.
        code = ctx.text[m.end() - len(m.group().rpartition("/")[2].lstrip()) :]
        if not ctx.ocr and not code[:1].isupper():
            continue
        if seen and SELF_REF_BEFORE_RE.search(ctx.folded, max(0, m.start() - 40), m.start()):
            continue  # the attachment line repeating the blank number: one thing to fill in
        seen = True
        yield ctx.finding("blank-number", m.start(), m.end(), message, severity=severity)
    h = ctx.plan.header
    if not seen and h.number is None and h.symbol is not None:
        span = h.span("symbol")
        if span is not None:
            yield ctx.finding("blank-number", span.start, span.end, message, severity=severity)


# A figure left blank for later (folded): dots, an ellipsis or underscores before "%"
# ("đạt ...%", "(năm 2024: …%)"), or after a word of quantity and before a unit ("tăng ... lượt",
# "ít nhất ___ hồ sơ"). An ellipsis ending a list ("các sở, ngành, ...") has neither.
_BLANK = r"(?:\.[ \t]?){2,}\.|\u2026+\.*|_{3,}"
_UNITS = (r"lan|luot|ho\s+so|nguoi|trieu|ty|dong|van\s+ban|thu\s+tuc|don\s+vi|cuoc|lop|tin|bai|xa"
          r"|diem|doanh\s+nghiep|tai\s+khoan|giao\s+dich")
BLANK_FIGURE_RE = re.compile(
    rf"(?<![\w.\u2026_])(?:{_BLANK}|\.\.)[ \t]*%"
    rf"|(?<!\w)(?:dat|tang|giam|it\s+nhat|toi\s+thieu|toi\s+da|bang|con|len|xuong|dat\s+duoc)[ \t]+"
    rf"(?P<blank>{_BLANK})[ \t]*(?=(?:{_UNITS})(?!\w))"
)


# The heading of a form attached to a plan, for the units to fill in and send back (folded, at a
# line's start): "Mẫu số 01", "BIỂU MẪU BÁO CÁO", "ĐỀ CƯƠNG BÁO CÁO", "PHIẾU KHẢO SÁT", "Phụ lục
# II: Mẫu báo cáo". Its blanks are the form's fields.
_FORM_HEADING_RE = re.compile(
    r"^[ \t#*]*(?:phu\s+luc\s+[ivx\d]+\s*[:.\-]?\s*)?(?:mau(?:\s+so)?|bieu\s+mau|bieu\s+so|de\s+cuong|phieu)(?!\w)",
    re.MULTILINE,
)


def blank_figure(ctx: Context) -> Iterator[Finding]:
    """Flags a figure left blank for later: "tỷ lệ hồ sơ trực tuyến đạt ...%", "tăng ...
    lượt truy cập".

    A plan drafted from last year's is often sent round with its targets and results still to
    be filled ("năm 2025 đạt ...%", "phấn đấu đạt ___%"). Dots, an ellipsis or underscores count
    as a blank figure before "%", or after a word of quantity ("đạt", "tăng", "giảm", "ít nhất",
    "tối thiểu" ...) and before a unit ("lượt", "hồ sơ", "người", "triệu", "văn bản" ...). An
    ellipsis ending a list ("các sở, ngành, ...") and a blank day or number (:func:`blank_number`,
    :func:`~plankit.lint.rules.dates.blank_date`) are not figures; nor are the fields of a form
    attached for the units to fill in and send back (everything after a heading "Mẫu số 01",
    "BIỂU MẪU", "ĐỀ CƯƠNG BÁO CÁO", "PHIẾU KHẢO SÁT"). Severity: ``warning`` on a
    signed plan (it went out with the blank), ``info`` on a draft (a reminder), decided as for
    :func:`blank_number`.

    Fires on: ``tỷ lệ hồ sơ trực tuyến toàn trình đạt ...%``; ``tăng … lượt truy cập``.

    Does not fire on: ``đạt 68%``; ``các sở, ngành, ...``; ``ngày ... tháng 01 năm 2026``.

    Message: "Chưa điền số liệu (điền trước khi ký ban hành) / A figure is left blank (fill it in
    before signing)"; on a signed plan "Chưa điền số liệu: văn bản đã ký vẫn để trống / A
    figure is left blank in a signed plan".

    Examples:
        >>> fires("KẾ HOẠCH\\nChuyển đổi số năm 2026\\n\\nPhấn đấu tỷ lệ hồ sơ trực tuyến đạt ...%.",
        ...       blank_figure)
        ['...%']
        >>> fires("KẾ HOẠCH\\nChuyển đổi số năm 2026\\n\\nPhấn đấu tỷ lệ hồ sơ trực tuyến đạt 80%.",
        ...       blank_figure)
        []
    """
    if ctx.signed:
        severity = "warning"
        message = msg("Chưa điền số liệu: văn bản đã ký vẫn để trống", "A figure is left blank in a signed plan")
    else:
        severity = "info"
        message = msg(
            "Chưa điền số liệu (điền trước khi ký ban hành)", "A figure is left blank (fill it in before signing)"
        )
    form = _FORM_HEADING_RE.search(ctx.folded)
    for m in BLANK_FIGURE_RE.finditer(ctx.folded, 0, form.start() if form else len(ctx.folded)):
        start, end = (m.start("blank"), m.end("blank")) if m.group("blank") else m.span()
        yield ctx.finding("blank-figure", start, end, message, severity=severity)


_ROMAN_NUMERALS = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX"
_ROMAN = {r: i for i, r in enumerate(_ROMAN_NUMERALS.split(), start=1)}
_ROMAN_OF = {v: k for k, v in _ROMAN.items()}
# Vietnamese documents letter items a, b, c, d, đ, e, g, h, i, k, ...; some use the Latin order.
_VI_LETTERS = "abcdđeghiklmnopqrstuvxy"
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=1024)
def _numbering(number: str) -> tuple[str | None, int | str | None]:
    n = number.strip().rstrip(".)")
    if n.isdigit():
        return "arabic", int(n)
    if n in _ROMAN:
        return "roman", _ROMAN[n]
    if len(n) == 1 and n.lower() in _VI_LETTERS + _LATIN_LETTERS:
        return "letter", n.lower()
    return None, None


def _successors(kind: str, value: int | str, vietnamese: bool = False) -> set[int | str]:
    """The numbers that may follow ``value``. Letters follow either order (d then đ, or d then
    e) unless the document is ``vietnamese``: it letters an item đ) somewhere, so after d) comes
    đ) only."""
    if kind == "letter":
        if vietnamese and value == "d":
            return {"đ"}
        out = set()
        for alphabet in (_VI_LETTERS, _LATIN_LETTERS):
            i = alphabet.find(str(value))
            if 0 <= i < len(alphabet) - 1:
                out.add(alphabet[i + 1])
        return out
    return {int(value) + 1}


def _uses_vietnamese_letters(ctx: Context) -> bool:
    """Whether the plan letters an item "đ)" at a line's start (after an indent, a list mark or
    Markdown emphasis): it follows the Vietnamese order of Nghị định 30/2020 (a, b, c, d, đ, e)."""
    text = ctx.text
    for mark in ("đ)", "Đ)"):
        at = text.find(mark)
        while at >= 0:
            line_start = text.rfind("\n", 0, at) + 1
            if not text[line_start:at].strip(" \t*_#>-\u00a0"):
                return True
            at = text.find(mark, at + 2)
    return False


def _first(kind: str) -> int | str:
    return "a" if kind == "letter" else 1


def _label(kind: str, value: int | str) -> str:
    return _ROMAN_OF.get(int(value), str(value)) if kind == "roman" else str(value)


def _number_span(ctx: Context, section: Section) -> tuple[int, int]:
    """Where the section's number is written in its heading (``2.`` in ``### **2. Kinh phí``)."""
    heading = ctx.text[section.heading.start : section.heading.end]
    raw = section.raw_number or section.number
    m = re.search(r"(?<!\w)" + re.escape(raw) + r"\s*[.)]?", heading)
    if m is None:
        return section.heading.start, section.heading.end
    return section.heading.start + m.start(), section.heading.start + m.end()


def heading_numbering(ctx: Context) -> Iterator[Finding]:
    """Flags section numbers that skip, repeat, go backwards, or use the wrong level.

    Sections are numbered I, II, III (Roman, level 1), then 1, 2, 3, then a), b), c) (d, đ, e
    in the Vietnamese order of Nghị định 30/2020; the Latin order d, e is accepted too, unless
    the document letters an item đ) somewhere: it then writes the Vietnamese order, and an e)
    right after d) has lost its đ). Editing a copied plan leaves
    holes: the 2022 Hưng Yên plan goes from section II to "2. Kinh phí thực hiện" and then to
    IV. A number typed wrong between two right ones (I, II, II, IV; I, III, III) is reported
    once, at the wrong number, with the right one as the suggestion.
    When a level-1 number is missing (II to IV) and the section before it ends with a
    subsection numbered out of order, that subsection is reported once as the missing Roman
    section, with the Roman number as the suggestion; other gaps, repeats and backward numbers
    are reported where they occur. The appendix (PHỤ LỤC) is not numbered. OCR'd numbers are
    compared after the reader's normalisation ("11." is II).

    Fires on: ``II. ...`` / ``1.`` ``2.`` ``3.`` ``2. Kinh phí thực hiện`` / ``IV. TỔ CHỨC
    THỰC HIỆN`` (at "2.", suggestion "III."); ``I.`` then ``III.`` (III follows I: II is
    missing); ``1.`` then ``1.`` (repeated); ``d)`` then ``e)`` in a plan that letters another
    list ``a) b) c) d) đ)`` (đ is missing).

    Does not fire on: I, II, III with 1, 2, 3 and a), b), c), d), đ), e) inside; a), b), c),
    d), e) in a plan that never writes đ) (the Latin order, kept throughout).

    Message: "Mục '2. Kinh phí thực hiện' đánh số như mục con nhưng nằm giữa mục II và IV: có lẽ
    phải là mục III / '2. Kinh phí thực hiện' is numbered as a subsection but sits between
    sections II and IV: it should probably be section III"; "Sau mục I là mục III: thiếu mục II
    / Section III follows I: II is missing"; "Số mục 1 bị lặp lại / Number 1 is repeated";
    "Sau mục d là mục e: thiếu mục đ (văn bản đánh chữ cái theo thứ tự tiếng Việt a, b, c, d,
    đ, e) / Item e follows d: đ is missing (the document letters its items in the Vietnamese
    order a, b, c, d, đ, e)".

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nI. MỤC ĐÍCH\\n1. Mục đích\\n"
        ...       "II. NỘI DUNG\\n1. Nội dung\\n2. Hình thức\\n1. Kinh phí\\nIV. TỔ CHỨC THỰC HIỆN",
        ...       heading_numbering)
        ['1.']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nI. MỤC ĐÍCH\\nII. NỘI DUNG\\n"
        ...       "III. TỔ CHỨC THỰC HIỆN", heading_numbering)
        []
        >>> latin = "KẾ HOẠCH\\nCCHC năm 2026\\n\\nI. NỘI DUNG\\n1. Một\\na) A.\\nb) B.\\nc) C.\\nd) D.\\ne) E.\\n"
        >>> fires(latin, heading_numbering)
        []
        >>> fires(latin + "2. Hai\\na) A.\\nb) B.\\nc) C.\\nd) D.\\nđ) Đ.\\n", heading_numbering)
        ['e)']
    """
    misplaced: set[int] = set()
    findings: list[Finding] = []
    vietnamese = _uses_vietnamese_letters(ctx)

    def check(siblings: Sequence[Section], level: int) -> None:
        prev_kind, prev_value, prev_section = None, None, None
        numbered = [
            (section, *_numbering(section.number))
            for section in siblings
            if section.number != "PHỤ LỤC" and id(section) not in misplaced
        ]
        numbered = [(section, kind, value) for section, kind, value in numbered if kind is not None]
        for i, (section, kind, value) in enumerate(numbered):
            label = _label(kind, value)
            nxt = numbered[i + 1] if i + 1 < len(numbered) else None
            slip = _slip_for(kind, prev_kind, prev_value, value, nxt, vietnamese)
            if slip is not None:
                # One number typed wrong between two right ones: I, II, II, IV (the second II is
                # III) or I, III, III (the first III is II). One finding, at the wrong number.
                right = _label(kind, slip)
                n_start, n_end = _number_span(ctx, section)
                sep = "." if ctx.text[n_start:n_end].rstrip().endswith(".") else ""
                findings.append(
                    ctx.finding(
                        "heading-numbering",
                        n_start,
                        n_end,
                        msg(
                            f"Mục {label} đánh số sai (sau mục {_label(prev_kind, prev_value)}, trước mục "
                            f"{_label(nxt[1], nxt[2])}): có lẽ phải là mục {right}",
                            f"Section {label} is misnumbered (after {_label(prev_kind, prev_value)}, before "
                            f"{_label(nxt[1], nxt[2])}): it should probably be {right}",
                        ),
                        suggestion=right + sep,
                    )
                )
                prev_kind, prev_value, prev_section = kind, slip, section
                continue
            if prev_kind is None:
                # A lone numbered section says nothing of the numbering: the reader may have
                # taken one numbered line for a heading and its siblings for paragraphs.
                if value != _first(kind) and len(numbered) > 1:
                    findings.append(
                        ctx.finding(
                            "heading-numbering",
                            *_number_span(ctx, section),  # found only for a finding
                            msg(
                                f"Mục đầu tiên đánh số {label}, không phải {_label(kind, _first(kind))}",
                                f"The first section is numbered {label}, not {_label(kind, _first(kind))}",
                            ),
                        )
                    )
            elif kind != prev_kind:
                if level == 1 and kind != "roman" and prev_kind == "roman":
                    findings.append(
                        ctx.finding(
                            "heading-numbering",
                            *_number_span(ctx, section),
                            msg(
                                f"Mục '{section.label}' đánh số {label} nhưng ở cấp mục La Mã",
                                f"'{section.label}' is numbered {label} at the level of Roman sections",
                            ),
                        )
                    )
            elif value == prev_value:
                findings.append(
                    ctx.finding(
                        "heading-numbering",
                        *_number_span(ctx, section),
                        msg(f"Số mục {label} bị lặp lại", f"Number {label} is repeated"),
                    )
                )
            elif value not in _successors(kind, prev_value, vietnamese):
                prev_label = _label(prev_kind, prev_value)
                backwards = (
                    _VI_LETTERS.find(str(value)) < _VI_LETTERS.find(str(prev_value))
                    if kind == "letter"
                    else int(value) < int(prev_value)
                )
                gap_one = (
                    kind == "roman"
                    and level == 1
                    and int(value) == int(prev_value) + 2
                    and prev_section is not None
                )
                culprit = _misplaced_child(prev_section) if gap_one else None
                if culprit is not None:
                    missing = _ROMAN_OF[int(prev_value) + 1]
                    c_start, c_end = _number_span(ctx, culprit)
                    sep = "." if ctx.text[c_start:c_end].rstrip().endswith(".") else ""
                    findings.append(
                        ctx.finding(
                            "heading-numbering",
                            c_start,
                            c_end,
                            msg(
                                f"Mục '{culprit.label}' đánh số như mục con nhưng nằm giữa mục {prev_label} và "
                                f"{label}: có lẽ phải là mục {missing}",
                                f"'{culprit.label}' is numbered as a subsection but sits between sections "
                                f"{prev_label} and {label}: it should probably be section {missing}",
                            ),
                            suggestion=missing + sep,
                        )
                    )
                    misplaced.add(id(culprit))
                elif vietnamese and kind == "letter" and prev_value == "d" and value == "e":
                    findings.append(
                        ctx.finding(
                            "heading-numbering",
                            *_number_span(ctx, section),
                            msg(
                                "Sau mục d là mục e: thiếu mục đ (văn bản đánh chữ cái theo thứ tự "
                                "tiếng Việt a, b, c, d, đ, e)",
                                "Item e follows d: đ is missing (the document letters its items in the "
                                "Vietnamese order a, b, c, d, đ, e)",
                            ),
                        )
                    )
                elif backwards:
                    findings.append(
                        ctx.finding(
                            "heading-numbering",
                            *_number_span(ctx, section),
                            msg(
                                f"Sau mục {prev_label} là mục {label}: đánh số lùi",
                                f"Section {label} follows {prev_label}: the numbering goes back",
                            ),
                        )
                    )
                else:
                    findings.append(
                        ctx.finding(
                            "heading-numbering",
                            *_number_span(ctx, section),
                            msg(
                                f"Sau mục {prev_label} là mục {label}: thiếu mục ở giữa",
                                f"Section {label} follows {prev_label}: a number is missing",
                            ),
                        )
                    )
            prev_kind, prev_value, prev_section = kind, value, section

    def walk(siblings: Sequence[Section], level: int) -> None:
        check(siblings, level)
        for section in siblings:
            if section.children:
                walk(section.children, level + 1)

    walk(ctx.plan.sections, 1)
    findings.extend(_decimal_numbering(ctx))
    yield from findings


# An item numbered with its section's number, "1.2. Hoàn thành ..." at a line's start (after an
# indent, a list mark or Markdown emphasis): two numbers of one or two digits, a capital after
# them. "1.200 lượt" (a thousands dot) and "2.5 lần" (a decimal, then a small letter) are not.
_DECIMAL_ITEM_RE = re.compile(r"^[ \t#*]*((\d{1,2})\.(\d{1,2})\.?)[ \t]+[*_]*(?=[^\W\d_])", re.MULTILINE)


def _decimal_numbering(ctx: Context) -> list[Finding]:
    """Findings for items numbered "1.1.", "1.2." (the number of their section, then their
    own): within one Roman section and one parent number they count 1, 2, 3 with no gap, repeat
    or step back, and the parent number is the number of the section they sit in ("2.1." under
    "2. Yêu cầu", not "1.1."; one finding for a group copied under the wrong section). Rows of
    a table (a line with tabs or bars) number themselves and are left alone. One
    number typed wrong before a right one ("1.2.", "1.2." for 1.1, 1.2) is one finding, with
    the right number as the suggestion."""
    items = []  # (match, level-1 section, enclosing arabic section or None)
    for m in _DECIMAL_ITEM_RE.finditer(ctx.text):
        start = m.start(1)
        if not ctx.text[m.end() : m.end() + 1].isupper():
            continue  # "2.5 lần": a figure, not an item
        line_end = ctx.text.find("\n", m.end())
        cells = ctx.text[m.end() : line_end if line_end != -1 else len(ctx.text)].strip()
        if "\t" in cells or "|" in cells:
            continue  # a table's row: its "TT" column numbers rows its own way
        level1 = next((s for s in ctx.plan.sections if s.span.start <= start < s.span.end), None)
        enclosing = None
        if level1 is not None:
            enclosing = next(
                (c for c in level1.children
                 if c.span.start <= start < c.span.end and _numbering(c.number)[0] == "arabic"),
                None,
            )
        items.append((m, level1, enclosing))
    findings: list[Finding] = []
    last: dict[int, int] = {}
    top = None
    wrong_parent: set[tuple[int, int]] = set()
    for k, (m, level1, enclosing) in enumerate(items):
        start, end = m.start(1), m.end(1)
        parent, child = int(m.group(2)), int(m.group(3))
        dot = "." if m.group(1).endswith(".") else ""
        if level1 is not top:
            top, last = level1, {}
        label = f"{parent}.{child}"
        if enclosing is not None and int(enclosing.number) != parent:
            right = int(enclosing.number)
            if (id(enclosing), parent) not in wrong_parent:
                wrong_parent.add((id(enclosing), parent))
                findings.append(
                    ctx.finding(
                        "heading-numbering",
                        start,
                        end,
                        msg(
                            f"Mục {label} nằm trong mục {right}: có lẽ phải là {right}.{child}",
                            f"Item {label} sits in section {right}: it should probably be {right}.{child}",
                        ),
                        suggestion=f"{right}.{child}{dot}",
                    )
                )
            last[parent] = child
            continue
        prev = last.get(parent)
        expected = 1 if prev is None else prev + 1
        last[parent] = child
        if child == expected:
            continue
        nxt = items[k + 1][0] if k + 1 < len(items) and items[k + 1][1] is level1 else None
        if nxt is not None and int(nxt.group(2)) == parent and int(nxt.group(3)) == expected + 1:
            # this number alone is wrong: the next one follows the number it should carry
            last[parent] = expected
            right = f"{parent}.{expected}"
            findings.append(
                ctx.finding(
                    "heading-numbering",
                    start,
                    end,
                    msg(f"Mục {label} đánh số sai: có lẽ phải là mục {right}",
                        f"Item {label} is misnumbered: it should probably be {right}"),
                    suggestion=right + dot,
                )
            )
            continue
        if prev is None:
            vi = f"Mục con đầu tiên của mục {parent} đánh số {label}, không phải {parent}.1"
            en = f"The first item of section {parent} is numbered {label}, not {parent}.1"
        elif child == prev:
            vi, en = f"Số mục {label} bị lặp lại", f"Number {label} is repeated"
        elif child < prev:
            vi = f"Sau mục {parent}.{prev} là mục {label}: đánh số lùi"
            en = f"Item {label} follows {parent}.{prev}: the numbering goes back"
        else:
            vi = f"Sau mục {parent}.{prev} là mục {label}: thiếu mục ở giữa"
            en = f"Item {label} follows {parent}.{prev}: a number is missing"
        findings.append(ctx.finding("heading-numbering", start, end, msg(vi, en)))
    return findings


def _slip_for(
    kind: str,
    prev_kind: str | None,
    prev_value: int | str | None,
    value: int | str,
    nxt: tuple[Section, str, int | str] | None,
    vietnamese: bool = False,
) -> int | str | None:
    """The number a section should carry when it alone is wrong between two right neighbours:
    it repeats the one before and the one after follows the missing number (II, II, IV), or it
    skips one and the one after repeats it (I, III, III); else ``None``."""
    if prev_kind != kind or prev_value is None or nxt is None or nxt[1] != kind:
        return None
    expected = _successors(kind, prev_value, vietnamese)
    if value in expected:
        return None
    after = nxt[2]
    for right in expected:
        if after in _successors(kind, right, vietnamese) and value in (prev_value, after):
            return right
    return None


def _misplaced_child(section: Section) -> Section | None:
    """The last child of ``section`` when it is numbered out of order (a repeat or a step
    back), the sign of a Roman section demoted by mistake."""
    children = [c for c in section.children if _numbering(c.number)[0] == "arabic"]
    if len(children) < 2:
        return None
    last, before = children[-1], children[-2]
    if section.children[-1] is not last:
        return None
    if _numbering(last.number)[1] <= _numbering(before.number)[1]:
        return last
    return None


def _norm_symbol(symbol: str) -> str:
    return "".join(fold(symbol).split())


def symbol_mismatch(ctx: Context) -> Iterator[Finding]:
    """Flags a reference of the plan to itself whose symbol differs from the header's.

    The header gives the symbol ("Số: /KH-SKH-CN"); the appendix repeats it ("Kèm theo Kế
    hoạch số:/KH-SKHCN ngày /01/2022") and so may the body. In the 2022 Hưng Yên plan the two
    disagree: one of them is wrong, and a records office will number the document by one of
    them. Compared after folding and removing spaces, so "KH - SKHCN" equals "KH-SKHCN". The
    citations the citation extractor marks as the plan's own (role ``self``) are checked too.
    A "kèm theo" reference counts as the plan's own on the attachment line only, its
    parenthesis opened right before "kèm theo" ("(Kèm theo ...", "(Ban hành kèm theo ..."): a
    body sentence "thực hiện Phụ lục ban hành kèm theo Quyết định số 15/QĐ-UBND" in a plan
    numbered KH-STC names another document.

    Fires on: header ``Số: /KH-SKH-CN`` with appendix ``(Kèm theo Kế hoạch số:/KH-SKHCN ngày
    /01/2022 ...)``.

    Does not fire on: header ``Số: 137/KH-SKHCN`` with ``(Kèm theo Kế hoạch số 137/KH-SKHCN``;
    header ``Số: 45/KH-STC`` with ``Thực hiện Phụ lục ban hành kèm theo Quyết định số
    15/QĐ-UBND``; a plan with its own header ``Số: 45/KH-UBND`` under ``(Ban hành kèm theo
    Quyết định số 123/QĐ-UBND ...)``: the words and the symbol both name a decision, the one
    that issues the plan (a stale one is :func:`self_number_mismatch`'s).

    Message: "Ký hiệu 'KH-SKHCN' khác ký hiệu ở phần đầu văn bản 'KH-SKH-CN' / Symbol 'KH-SKHCN'
    differs from the header's 'KH-SKH-CN'". No suggestion: either may be the wrong one.

    Examples:
        >>> fires("Số: /KH-SKH-CN\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nPHỤ LỤC\\n"
        ...       "(Kèm theo Kế hoạch số:/KH-SKHCN ngày /01/2022 của Sở Khoa học và Công nghệ)",
        ...       symbol_mismatch)
        ['KH-SKHCN']
    """
    h = ctx.plan.header
    if not h.symbol:
        return
    own = _norm_symbol(h.symbol)
    header_span = h.span("symbol")
    places: list[tuple[int, int]] = []
    for m in SELF_REF_RE.finditer(ctx.folded):
        if names_another_document(m, h.symbol):
            continue  # the decision that issues the plan, on the plan's own attachment line
        if ATTACHMENT_LINE_RE.search(ctx.folded, max(0, m.start() - 20), m.start()) is not None:
            places.append((m.start(2), m.end(2)))
    try:
        citations = ctx.citations
    except Exception:
        citations = []
    for c in citations:
        if c.role != "self" or not c.symbol:
            continue
        if header_span is not None and c.span.overlaps(header_span):
            continue
        m = re.search(
            re.escape(fold(c.symbol)).replace(r"\-", r"\s*-\s*"),
            ctx.folded[c.span.start : c.span.end],
        )
        if m:
            places.append((c.span.start + m.start(), c.span.start + m.end()))
    seen: set[int] = set()
    for start, end in sorted(places):
        if start in seen or (header_span is not None and header_span.contains(start)):
            continue
        seen.add(start)
        surface = ctx.text[start:end]
        if _norm_symbol(surface) == own:
            continue
        yield ctx.finding(
            "symbol-mismatch",
            start,
            end,
            msg(
                f"Ký hiệu '{surface}' khác ký hiệu ở phần đầu văn bản '{h.symbol}'",
                f"Symbol '{surface}' differs from the header's '{h.symbol}'",
            ),
        )
