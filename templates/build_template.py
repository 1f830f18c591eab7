"""Build ``templates/ke-hoach.docx``, the default Word template of ``plankit draft``.

The template follows Nghị định 30/2020/NĐ-CP, Phụ lục I (see ``templates/README.md`` for the
design and every variable): A4 portrait, margins 20 / 20 / 30 / 15 mm, Times New Roman
everywhere, the two-column header without borders, KẾ HOẠCH and the subject, the basis, the body
with the I / 1 / a) hierarchy, the activity table, the closing, "Nơi nhận:" beside the
signature, an optional appendix, and page numbers centred in the top margin from page 2.

Its tags are docxtpl (Jinja) tags: ``{{ var }}`` in a run, ``{%p ... %}`` alone in a paragraph,
``{%tr ... %}`` alone in a table row, ``{%tc ... %}`` alone in a table cell. A province that wants
its own layout opens the built file in Word, moves and restyles things, keeps the tags, and passes
``--template`` to ``plankit draft``.

Run ``python templates/build_template.py`` (or ``python templates/build_template.py OUT.docx``)
after changing this script; a test checks that the committed template matches the script.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "ke-hoach.docx"

# Page (Nghị định 30/2020, Phụ lục I: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm).
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
TEXT_WIDTH_MM = 210 - 30 - 15

# The header table is wider than the text block (it starts 10 mm into the left margin) so that
# the quốc hiệu, 95 mm wide at 13 pt bold, stays on one line.
HEADER_LEFT_MM, HEADER_RIGHT_MM, HEADER_INDENT_MM = 74, 101, -10
CELL_MARGIN_MM = 1
# "Độc lập - Tự do - Hạnh phúc" at 14 pt bold is 60.4 mm wide: its rule is 62 mm, centred.
MOTTO_RULE_MM = 62
# Default short rules; plankit.render.render_docx resizes the issuer's to 1/3-1/2 of the name.
ISSUER_RULE_MM = 25
SUBJECT_RULE_MM = 30

# Styles the renderer recognises (paragraph styles, so a province's template can keep them).
RULE_STYLE_ISSUER = "PK Issuer Rule"
RULE_STYLE_SUBJECT = "PK Subject Rule"

BODY_SIZE = 14
# A letter's "Kính gửi:" block: where it starts, and the width of "Kính gửi" at 14 pt (17.5 mm),
# so that the addressees' dashes stand under its colon.
ADDRESSEE_INDENT_MM, KINH_GUI_MM = 35, 17.5
INDENT_FIRST = Mm(12.7)
# A Party document's header (Hướng dẫn 36-HD/VPTW, Phụ lục 3): bodies, number, place and date 14;
# the title "ĐẢNG CỘNG SẢN VIỆT NAM" and the type of document 15.
PARTY_SIZE = 14
PARTY_TITLE_SIZE = 15
# The Party header's title (80 mm at 15 pt bold) needs less room than the quốc hiệu: its left
# column is wider, so that "BAN CHẤP HÀNH TRUNG ƯƠNG" at 14 pt stays on one line.
PARTY_LEFT_MM, PARTY_RIGHT_MM = 88, 87


# -- low-level helpers -----------------------------------------------------------------------

def _set_fonts(rpr) -> None:
    """Times New Roman in all four slots (ascii, hAnsi, eastAsia, cs); no theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _rpr_props(rpr, *, size: float | None = None, bold: bool = False, italic: bool = False) -> None:
    _set_fonts(rpr)
    for tag in ("w:b", "w:bCs", "w:i", "w:iCs", "w:sz", "w:szCs", "w:color"):
        old = rpr.find(qn(tag))
        if old is not None:
            rpr.remove(old)
    # Children in schema order: rFonts, b, bCs, i, iCs, ..., color, ..., sz, szCs, ..., lang.
    def add(tag: str, val: str | None = None):
        el = OxmlElement(tag)
        if val is not None:
            el.set(qn("w:val"), val)
        lang = rpr.find(qn("w:lang"))
        if lang is not None:
            lang.addprevious(el)
        else:
            rpr.append(el)

    if bold:
        add("w:b")
        add("w:bCs")
    if italic:
        add("w:i")
        add("w:iCs")
    add("w:color", "000000")
    if size is not None:
        add("w:sz", str(int(size * 2)))
        add("w:szCs", str(int(size * 2)))


def _run(paragraph, text: str, *, size: float = BODY_SIZE, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(text)
    _rpr_props(run._element.get_or_add_rPr(), size=size, bold=bold, italic=italic)
    return run


def _underline(paragraph) -> None:
    """Underline the paragraph's runs: a line exactly as long as the text (``w:u`` goes after
    ``w:sz``/``w:szCs`` and before ``w:lang`` in a run's properties, as the schema orders them)."""
    for run in paragraph.runs:
        rpr = run._element.get_or_add_rPr()
        u = OxmlElement("w:u")
        u.set(qn("w:val"), "single")
        rpr.find(qn("w:szCs")).addnext(u)


def _mark_props(paragraph, *, size: float) -> None:
    """Font and size of the paragraph mark (what an empty paragraph's height follows)."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    _rpr_props(rpr, size=size)


def _paragraph(
    container,
    text: str = "",
    *,
    size: float = BODY_SIZE,
    bold: bool = False,
    italic: bool = False,
    align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    first_line=None,
    before: float = 0,
    after: float = 0,
    keep_next: bool = False,
    style: str | None = None,
):
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0
    if first_line is not None:
        fmt.first_line_indent = first_line
    if keep_next:
        fmt.keep_with_next = True
    fmt.widow_control = True
    _mark_props(p, size=size)
    if text:
        _run(p, text, size=size, bold=bold, italic=italic)
    return p


def _tag(container, tag: str):
    """A paragraph holding only a ``{%p ... %}`` tag (docxtpl removes the paragraph)."""
    return _paragraph(container, tag, size=BODY_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT)


def _rule(container, width_mm: float, column_mm: float, *, style: str | None = None, before: float = 3):
    """An empty centred paragraph whose bottom border is a rule ``width_mm`` long."""
    p = _paragraph(container, "", size=2, align=WD_ALIGN_PARAGRAPH.CENTER, before=before, style=style)
    side = max(0.0, (column_mm - width_mm) / 2)
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    p.paragraph_format.line_spacing = Pt(2)
    _bottom_border(p)
    return p


def _bottom_border(paragraph, space: int = 1) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")
    bottom.set(qn("w:space"), str(space))
    bottom.set(qn("w:color"), "000000")
    bdr.append(bottom)
    # pBdr goes after keepNext/keepLines/pageBreakBefore/framePr/widowControl/numPr/suppressLineNumbers.
    anchor = None
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc", "w:rPr"):
        anchor = ppr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(bdr)
    else:
        ppr.append(bdr)


def _table_borders(table, val: str) -> None:
    tblpr = table._tbl.tblPr
    old = tblpr.find(qn("w:tblBorders"))
    if old is not None:
        tblpr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), val)
        if val != "nil":
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    _insert_tblpr(tblpr, borders)


_TBLPR_ORDER = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
                "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")


def _insert_tblpr(tblpr, element) -> None:
    """Insert ``element`` into ``w:tblPr`` at its schema position."""
    tag = element.tag
    names = [qn(t) for t in _TBLPR_ORDER]
    rank = names.index(tag)
    for child in tblpr:
        if child.tag in names and names.index(child.tag) > rank:
            child.addprevious(element)
            return
    tblpr.append(element)


def _table_geometry(table, widths_mm: list[float], *, indent_mm: float = 0, cell_margin_mm: float = CELL_MARGIN_MM) -> None:
    tblpr = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblInd", "w:tblLayout", "w:tblCellMar"):
        old = tblpr.find(qn(tag))
        if old is not None:
            tblpr.remove(old)
    tblw = OxmlElement("w:tblW")
    tblw.set(qn("w:w"), str(int(Mm(sum(widths_mm)).twips)))
    tblw.set(qn("w:type"), "dxa")
    _insert_tblpr(tblpr, tblw)
    if indent_mm:
        ind = OxmlElement("w:tblInd")
        ind.set(qn("w:w"), str(int(Mm(indent_mm).twips)) if indent_mm > 0 else str(-int(Mm(-indent_mm).twips)))
        ind.set(qn("w:type"), "dxa")
        _insert_tblpr(tblpr, ind)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _insert_tblpr(tblpr, layout)
    mar = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(Mm(cell_margin_mm).twips)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    _insert_tblpr(tblpr, mar)
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)


def _clear_cell(cell):
    """A new cell holds one empty paragraph: remove it so content starts at the top."""
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)
    return cell


def _header_row(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    trpr.append(el)


def _cant_split(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def _page_field(paragraph, size: float) -> None:
    """A PAGE field: begin, instruction, separate, a placeholder result, end."""
    def run_with(child):
        run = paragraph.add_run()
        _rpr_props(run._element.get_or_add_rPr(), size=size)
        run._element.append(child)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    _run(paragraph, "2", size=size)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


# -- document-wide settings ------------------------------------------------------------------

def _fix_styles(doc) -> None:
    """Times New Roman 14 in the defaults and in every style; Vietnamese as the language."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _rpr_props(rpr, size=BODY_SIZE)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    for fonts in styles.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONT)
    # Styles that set colours or sizes of their own (headings, titles) would leak into a
    # province's edits: make them black Times New Roman too.
    for style in doc.styles:
        if style.type != 1:  # paragraph styles only
            continue
        style.font.name = FONT
        style.font.color.rgb = None
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_SIZE)
    _set_fonts(normal.element.get_or_add_rPr())
    for name in (RULE_STYLE_ISSUER, RULE_STYLE_SUBJECT):
        style = doc.styles.add_style(name, 1)
        style.base_style = normal
        style.hidden = False
        style.quick_style = False


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    section.gutter = Mm(0)
    # Page numbers from page 2: the first page has its own, empty header.
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _mark_props(p, size=BODY_SIZE)
    _page_field(p, BODY_SIZE)
    first = section.first_page_header
    first.is_linked_to_previous = False
    _mark_props(first.paragraphs[0], size=BODY_SIZE)
    for footer in (section.footer, section.first_page_footer):
        footer.is_linked_to_previous = False
        _mark_props(footer.paragraphs[0], size=BODY_SIZE)


# -- the parts of the plan -------------------------------------------------------------------

def _header_table(doc) -> None:
    """The state header (Nghị định 30/2020), or a Party body's (Hướng dẫn 36-HD/VPTW) when the
    plan is a Party document (``party``, see plankit.issuing.party_layout)."""
    _tag(doc, "{%p if party %}")
    _party_header_table(doc)
    _tag(doc, "{%p else %}")
    _state_header_table(doc)
    _tag(doc, "{%p endif %}")


def _party_header_table(doc) -> None:
    """Hướng dẫn 36-HD/VPTW, Phụ lục 3: the body above (14, capitals) and the issuing body (14,
    bold, capitals) with a star under it, ``Số 12-KH/TU`` (14); on the right ``party_title``,
    "ĐẢNG CỘNG SẢN VIỆT NAM" (the Youth Union's "ĐOÀN TNCS HỒ CHÍ MINH"; 15, bold, capitals) with a
    line as long as the title, the place and date (14, italic)."""
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    _table_borders(table, "nil")
    _table_geometry(table, [PARTY_LEFT_MM, PARTY_RIGHT_MM], indent_mm=HEADER_INDENT_MM)
    center = WD_ALIGN_PARAGRAPH.CENTER
    left = _clear_cell(table.cell(0, 0))
    _tag(left, "{%p for line in parent_lines %}")
    _paragraph(left, "{{ line|upper }}", size=PARTY_SIZE, align=center)
    _tag(left, "{%p endfor %}")
    _tag(left, "{%p for line in issuer_lines %}")
    _paragraph(left, "{{ line|upper }}", size=PARTY_SIZE, bold=True, align=center)
    _tag(left, "{%p endfor %}")
    _paragraph(left, "*", size=PARTY_SIZE, align=center)
    right = _clear_cell(table.cell(0, 1))
    _underline(_paragraph(right, "{{ party_title }}", size=PARTY_TITLE_SIZE, bold=True, align=center))
    number = _clear_cell(table.cell(1, 0))
    _paragraph(number, "{{ number_line }}", size=PARTY_SIZE, align=center, before=6)
    date = _clear_cell(table.cell(1, 1))
    _paragraph(date, "{{ place_date }}", size=PARTY_SIZE, italic=True, align=center, before=6)


def _state_header_table(doc) -> None:
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    _table_borders(table, "nil")
    _table_geometry(table, [HEADER_LEFT_MM, HEADER_RIGHT_MM], indent_mm=HEADER_INDENT_MM)
    left_w = HEADER_LEFT_MM - 2 * CELL_MARGIN_MM
    right_w = HEADER_RIGHT_MM - 2 * CELL_MARGIN_MM
    center = WD_ALIGN_PARAGRAPH.CENTER

    left = _clear_cell(table.cell(0, 0))
    # a people's committee over its unit, on two lines ("ỦY BAN NHÂN DÂN" / "TỈNH BẮC GIANG")
    _tag(left, "{%p for line in parent_lines %}")
    _paragraph(left, "{{ line|upper }}", size=13, align=center)
    _tag(left, "{%p endfor %}")
    _tag(left, "{%p for line in issuer_lines %}")
    _paragraph(left, "{{ line|upper }}", size=13, bold=True, align=center)
    _tag(left, "{%p endfor %}")
    _rule(left, ISSUER_RULE_MM, left_w, style=RULE_STYLE_ISSUER)

    right = _clear_cell(table.cell(0, 1))
    _paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True, align=center)
    motto = _paragraph(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, align=center)
    side = (right_w - MOTTO_RULE_MM) / 2
    motto.paragraph_format.left_indent = Mm(side)
    motto.paragraph_format.right_indent = Mm(side)
    _bottom_border(motto, space=1)

    number = _clear_cell(table.cell(1, 0))
    _paragraph(number, "Số: {{ number or '    ' }}/{{ symbol }}", size=13, align=center, before=6)
    # a Công văn's subject ("V/v ...") under its number, 12-13, not bold (Nghị định 30/2020, Phụ lục I)
    _tag(number, "{%p if letter %}")
    _paragraph(number, "{{ title }}", size=12, align=center)
    _tag(number, "{%p endif %}")
    date = _clear_cell(table.cell(1, 1))
    _paragraph(date, "{{ place_date }}", size=14, italic=True, align=center, before=6)


def _title(doc) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    _tag(doc, "{%p if not letter %}")  # a Công văn has no type line, its subject is in the header
    _tag(doc, "{%p if party %}")  # Hướng dẫn 36-HD/VPTW: the type of document 15-16
    _paragraph(doc, "{{ doc_type|upper }}", size=PARTY_TITLE_SIZE, bold=True, align=center, before=18, keep_next=True)
    _tag(doc, "{%p else %}")
    _paragraph(doc, "{{ doc_type|upper }}", size=14, bold=True, align=center, before=18, keep_next=True)
    _tag(doc, "{%p endif %}")
    _paragraph(doc, "{{ title }}", size=14, bold=True, align=center, keep_next=True)
    _rule(doc, SUBJECT_RULE_MM, TEXT_WIDTH_MM, style=RULE_STYLE_SUBJECT)
    _tag(doc, "{%p endif %}")
    _paragraph(doc, "", size=BODY_SIZE, align=center, after=6)


def _body_text(container, text: str, **kw):
    return _paragraph(container, text, first_line=INDENT_FIRST, before=6, **kw)


def _activity_table(doc, var: str) -> None:
    """The activity table of a body item ``var``: a header row and one row per activity."""
    table = doc.add_table(rows=4, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _table_borders(table, "single")
    _table_geometry(table, [1, TEXT_WIDTH_MM - 2, 1], cell_margin_mm=1.5)
    center = WD_ALIGN_PARAGRAPH.CENTER
    head = table.rows[0]
    _header_row(head)
    _paragraph(_clear_cell(head.cells[0]), f"{{%tc for c in {var}.columns %}}", size=12, align=center)
    _paragraph(_clear_cell(head.cells[1]), "{{ c }}", size=12, bold=True, align=center)
    _paragraph(_clear_cell(head.cells[2]), "{%tc endfor %}", size=12, align=center)
    loop = table.rows[1]
    _paragraph(_clear_cell(loop.cells[0]), f"{{%tr for row in {var}.rows %}}", size=12)
    for cell in loop.cells[1:]:
        _paragraph(_clear_cell(cell), "", size=12)
    body = table.rows[2]
    _cant_split(body)
    _paragraph(_clear_cell(body.cells[0]), "{%tc for cell in row %}", size=12)
    _paragraph(_clear_cell(body.cells[1]), "{{ cell }}", size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(_clear_cell(body.cells[2]), "{%tc endfor %}", size=12)
    end = table.rows[3]
    _paragraph(_clear_cell(end.cells[0]), "{%tr endfor %}", size=12)
    for cell in end.cells[1:]:
        _paragraph(_clear_cell(cell), "", size=12)


def _items(doc, var: str) -> None:
    """The loop over a list of body items (``body`` or ``appendix``)."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    _tag(doc, f"{{%p for b in {var} %}}")
    _tag(doc, "{%p if b.kind == 'heading' and b.level == 1 %}")
    _body_text(doc, "{{ b.text }}", bold=True, keep_next=True)
    _tag(doc, "{%p elif b.kind == 'heading' and b.level == 2 %}")
    _body_text(doc, "{{ b.text }}", bold=True, keep_next=True)
    _tag(doc, "{%p elif b.kind == 'heading' %}")
    _body_text(doc, "{{ b.text }}", italic=True, keep_next=True)
    # a letter's "Kính gửi:" block (Nghị định 30/2020, Phụ lục I, mục II.8: 14, upright; one
    # addressee on the same line, several each on its own line from "-", the dashes aligned under
    # the colon): "Kính gửi:" starts ADDRESSEE_INDENT_MM in, the addressees the width of
    # "Kính gửi" (14 pt) further
    _tag(doc, "{%p elif b.kind == 'to' and b.level == 0 %}")
    to = _paragraph(doc, "{{ b.text }}", align=WD_ALIGN_PARAGRAPH.LEFT, before=6, keep_next=True)
    to.paragraph_format.left_indent = Mm(ADDRESSEE_INDENT_MM)
    _tag(doc, "{%p elif b.kind == 'to' %}")
    listed = _paragraph(doc, "{{ b.text }}", align=WD_ALIGN_PARAGRAPH.LEFT, keep_next=True)
    listed.paragraph_format.left_indent = Mm(ADDRESSEE_INDENT_MM + KINH_GUI_MM)
    _tag(doc, "{%p elif b.kind == 'title' %}")
    _paragraph(doc, "{{ b.text }}", bold=True, align=center, before=6, after=6, keep_next=True)
    _tag(doc, "{%p elif b.kind == 'table' %}")
    _paragraph(doc, "", size=6)
    _activity_table(doc, "b")
    _paragraph(doc, "", size=6)
    _tag(doc, "{%p else %}")
    _body_text(doc, "{{ b.text }}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")


def _signature(doc) -> None:
    left_mm, right_mm = 85, TEXT_WIDTH_MM - 85
    table = doc.add_table(rows=1, cols=2)
    _table_borders(table, "nil")
    _table_geometry(table, [left_mm, right_mm])
    _cant_split(table.rows[0])
    left = _clear_cell(table.cell(0, 0))
    _paragraph(left, "Nơi nhận:", size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    _tag(left, "{%p for r in recipients %}")
    _paragraph(left, "- {{ r }}{{ '.' if loop.last else ';' }}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _tag(left, "{%p endfor %}")
    right = _clear_cell(table.cell(0, 1))
    center = WD_ALIGN_PARAGRAPH.CENTER
    _tag(right, "{%p for t in signer_title %}")
    _paragraph(right, "{{ t|upper }}", size=14, bold=True, align=center)
    _tag(right, "{%p endfor %}")
    for _ in range(4):  # room for the signature and the seal
        _paragraph(right, "", size=14, align=center)
    _paragraph(right, "{{ signer or '' }}", size=14, bold=True, align=center)


def _appendix(doc) -> None:
    _tag(doc, "{%p if appendix %}")
    p = _paragraph(doc, "", size=BODY_SIZE)
    p.add_run().add_break(WD_BREAK.PAGE)
    _items(doc, "appendix")
    _tag(doc, "{%p endif %}")


def build(out: str | Path = DEFAULT_OUT) -> Path:
    """Write the template to ``out`` and return its path."""
    doc = Document()
    # The default document holds one empty paragraph: start from an empty body.
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    _fix_styles(doc)
    _page_setup(doc)
    _header_table(doc)
    _title(doc)
    _tag(doc, "{%p for p in basis %}")
    _body_text(doc, "{{ p }}")
    _tag(doc, "{%p endfor %}")
    _items(doc, "body")
    _tag(doc, "{%p for p in closing %}")
    _body_text(doc, "{{ p }}")
    _tag(doc, "{%p endfor %}")
    _paragraph(doc, "", size=BODY_SIZE, after=6)
    _signature(doc)
    _appendix(doc)

    _prune_styles(doc)
    for fonts in doc.styles.element.iter(qn("w:rFonts")):  # styles given a font above: all four slots
        _set_fonts(fonts.getparent())
    props = doc.core_properties
    fixed = dt.datetime(2026, 1, 1, 0, 0, 0)
    props.author = "plankit"
    props.last_modified_by = "plankit"
    props.title = "Kế hoạch (mẫu Nghị định 30/2020/NĐ-CP)"
    props.subject = ""
    props.comments = "Built by templates/build_template.py; variables in templates/README.md"
    props.language = "vi-VN"
    props.created = fixed
    props.modified = fixed
    props.revision = 1

    buffer = io.BytesIO()
    doc.save(buffer)
    out = Path(out)
    out.write_bytes(_normalise_zip(buffer.getvalue()))
    return out


# Parts of python-docx's default document that a plan never uses: dropping them makes every
# render parse and write less (stylesWithEffects.xml alone is 400 kB).
_DROP_PARTS = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "customXml/", "word/webSettings.xml")
_KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid", "Header",
                "HeaderChar", "Footer", "FooterChar"}


def _prune_styles(doc) -> None:
    """Keep the styles the template uses; drop latent-style declarations and the rest."""
    styles = doc.styles.element
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    keep = _KEEP_STYLES | {RULE_STYLE_ISSUER.replace(" ", ""), RULE_STYLE_SUBJECT.replace(" ", "")}
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in keep:
            styles.remove(style)


def _normalise_zip(data: bytes) -> bytes:
    """The archive without unused parts and with fixed member timestamps, so a rebuild gives
    identical bytes."""
    import re

    src = zipfile.ZipFile(io.BytesIO(data))
    dropped = [n for n in src.namelist() if n.startswith(_DROP_PARTS)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in dropped:
                continue
            payload = src.read(info.filename)
            if info.filename.endswith(".rels") or info.filename == "[Content_Types].xml":
                text = payload.decode("utf-8")
                for name in dropped:
                    target = re.escape(name.split("/", 1)[1] if name.startswith("word/") else name)
                    text = re.sub(r"<Relationship [^>]*Target=\"(?:/|\.\./)?(?:word/)?" + target + r"\"[^>]*/>", "", text)
                    text = re.sub(r"<Override [^>]*PartName=\"/" + re.escape(name) + r"\"[^>]*/>", "", text)
                payload = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, payload)
    return out.getvalue()


if __name__ == "__main__":
    print(build(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT))
