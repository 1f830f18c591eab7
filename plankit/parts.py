"""A plan in the order Nghị định 30/2020 writes it: basis, body, closing, appendix, and the
lines between them (the place and date, the recipients, the signer's title).

Drafting next year's plan (:mod:`plankit.draft`) and rendering any plan (:mod:`plankit.render`)
both write a plan in this order, so both ask here: :func:`plan_parts` sorts the plan's blocks
into :class:`Parts`, :func:`signature_titles` finds the signer's title lines,
:func:`place_date` writes the place and date line.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .model import PartialDate, Plan, Section, Span, Table
from .text import fold, is_upper_text, one_line

__all__ = [
    "Item",
    "Parts",
    "clean_recipient",
    "continues",
    "place_date",
    "plan_parts",
    "signature_titles",
    "written_day",
    "written_month",
]


def written_day(day: int | None) -> str | None:
    """The day as Nghị định 30/2020 writes it: days below 10 take a leading zero.

    >>> written_day(5), written_day(15), written_day(None)
    ('05', '15', None)
    """
    return None if day is None else f"{day:02d}"


def written_month(month: int | None) -> str | None:
    """The month as Nghị định 30/2020 writes it: months 1 and 2 take a leading zero, the others
    do not.

    >>> written_month(1), written_month(3), written_month(None)
    ('01', '3', None)
    """
    if month is None:
        return None
    return f"{month:02d}" if month <= 2 else str(month)


def place_date(place: str | None, parts: PartialDate) -> str:
    """The place and date line, with blanks where the day (or month) is not decided yet.

    >>> place_date("Cần Thơ", PartialDate(5, 1, 2026))
    'Cần Thơ, ngày 05 tháng 01 năm 2026'
    >>> place_date("Cần Thơ", PartialDate(None, 1, 2026))
    'Cần Thơ, ngày      tháng 01 năm 2026'
    >>> place_date("Hải Dương", PartialDate(15, 3, 2023))
    'Hải Dương, ngày 15 tháng 3 năm 2023'
    """
    blank = "     "
    day = written_day(parts.day) or blank
    month = written_month(parts.month) or blank
    year = str(parts.year) if parts.year else blank
    return f"{place or '.........'}, ngày {day} tháng {month} năm {year}"


def _is_title(text: str, limit: int = 110) -> bool:
    """A heading that reads as a title (short, no closing punctuation), not a numbered paragraph."""
    return len(text) <= limit and not text.rstrip().endswith((".", ";", ":", ","))


def _signer_lines(title: str | None) -> list[str]:
    """``KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC`` (or on one line) -> the two lines."""
    if not title:
        return []
    lines: list[str] = []
    for line in title.split("\n"):
        lines.extend(p.strip() for p in re.split(r"(?<=\S)\s+(?=PHÓ\s)", one_line(line)) if p.strip())
    return lines


# A line of the signature block above the name: an authority prefix (thay mặt, ký thay, quyền,
# thừa lệnh, thừa ủy quyền) or the upper-case title under it ("PHÓ CHỦ TỊCH", "GIÁM ĐỐC").
_SIGN_PREFIX = re.compile(r"^(?:TM|KT|Q|TL|TUQ)\.\s*\S")


def _signature_blocks(plan: Plan) -> list:
    """The blocks of the signer's title lines as written above the name: ``TM. ỦY BAN NHÂN
    DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``, even when the reader left the ``TM.`` line out of
    the signature (a paragraph between the recipients and the title)."""
    span = plan.header.span("signer")
    if span is None:
        return []
    blocks = list(plan.blocks)
    at = next((i for i, b in enumerate(blocks) if b.span.start <= span.start < max(b.span.end, b.span.start + 1)), None)
    if at is None:
        return []
    found = []
    for block in reversed(blocks[:at]):
        text = one_line(block.text)
        if block.kind not in ("signature", "paragraph", "other", "heading") or "\t" in block.text:
            break
        if not text or len(text) > 60 or not (is_upper_text(text) or _SIGN_PREFIX.match(text)):
            break
        found.append(block)
    return found[::-1]


def signature_titles(plan: Plan) -> list[str]:
    """The signer's title lines as written above the name, else the header's signer title.

    The lines are found even when the reader left the ``TM.`` line out of the signature (a
    paragraph between the recipients and the title).

    >>> from plankit.read import read_text
    >>> plan = read_text("Nơi nhận:\\n- Bộ Nội vụ;\\n- Lưu: VT.\\nTM. ỦY BAN NHÂN DÂN\\nKT. CHỦ TỊCH\\n"
    ...                  "PHÓ CHỦ TỊCH\\nLưu Văn Bản")
    >>> signature_titles(plan)
    ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']
    """
    lines = [one_line(b.text) for b in _signature_blocks(plan)]
    given = _signer_lines(plan.header.signer_title)
    folded = {fold(x) for x in lines}
    if lines and all(fold(x) in folded for x in given):
        return lines
    return given


def clean_recipient(raw: str) -> str:
    """A recipient line without its bullet and closing punctuation.

    >>> clean_recipient("- Sở Nội vụ tỉnh;")
    'Sở Nội vụ tỉnh'
    """
    return one_line(raw).lstrip("-–• ").rstrip(";,. ").strip()


@dataclasses.dataclass(frozen=True)
class Item:
    """A piece of a plan in template order: a heading, paragraph, item, title, basis clause,
    closing paragraph or table (``kind``), with its span in :attr:`Plan.text` and its text on
    one line; ``fix`` holds a heading's number as read and as written (``("11.", "II.")``)."""

    kind: str
    level: int
    span: Span | None
    text: str
    table: Table | None = None  # for kind "table"
    fix: tuple[str, str] | None = None  # a heading's raw number and its normalised form

    def to_dict(self) -> dict[str, Any]:
        """Plain values, as a template sees a piece of the body (``templates/README.md``)."""
        if self.kind == "table":
            t = self.table
            assert t is not None
            width = max([len(t.columns), *(len(r) for r in t.rows)])
            columns = [one_line(c) for c in t.columns] + [""] * (width - len(t.columns))
            rows = [[one_line(c.text) for c in r] + [""] * (width - len(r)) for r in t.rows]
            return {"kind": "table", "level": 0, "text": "", "columns": columns, "rows": rows}
        return {"kind": self.kind, "level": self.level, "text": self.text}


@dataclasses.dataclass(frozen=True)
class Parts:
    """A plan's pieces sorted by :func:`plan_parts`, each in reading order."""

    basis: tuple[Item, ...]
    body: tuple[Item, ...]
    closing: tuple[Item, ...]
    appendix: tuple[Item, ...]


def continues(before: str, text: str) -> bool:
    """Whether paragraph ``text`` continues ``before`` (a scan's page break cut it): it starts in
    lower case without a list marker ("b) ...") and ``before`` has no closing punctuation.

    >>> continues("nếu có khó khăn,", "vướng mắc, các phòng phản ánh")
    True
    >>> continues("a) Nâng cao nhận thức;", "b) Nâng cao nhận thức CCHC")
    False
    """
    return (
        text[:1].islower()
        and not re.match(r"^\w{1,2}\s*[).]\s", text)
        and not before.rstrip().endswith((".", ";", ":", "!", "?"))
    )


def plan_parts(plan: Plan) -> Parts:
    """The plan's blocks sorted into basis, body, closing and appendix, in reading order.

    A paragraph that starts in lower case continues the one before (a page break in a scan); a
    heading whose number was read from OCR damage (``11.``) is written with its number (``II.``);
    a numbered heading that is really a paragraph (long, ends with a full stop) is a paragraph.

    >>> from plankit.read import read_text
    >>> parts = plan_parts(read_text("KẾ HOẠCH\\nCăn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của "
    ...     "Chính phủ;\\nI. MỤC ĐÍCH\\nNâng cao nhận thức.\\nTrên đây là Kế hoạch của Sở."))
    >>> [(i.kind, i.text) for i in (*parts.basis, *parts.body, *parts.closing)]  # doctest: +NORMALIZE_WHITESPACE
    [('basis', 'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;'),
     ('heading', 'I. MỤC ĐÍCH'), ('paragraph', 'Nâng cao nhận thức.'),
     ('closing', 'Trên đây là Kế hoạch của Sở.')]
    """
    heads = {s.heading.start: s for s in plan.walk()}
    signing = {b.span.start for b in _signature_blocks(plan)}
    # The basis clauses are the plan's facts: each clause whole, wrapped over lines or bulleted.
    clauses = [c.span for c in plan.facts.basis]
    basis: list[Item] = []
    body: list[Item] = []
    closing: list[Item] = []
    appendix: list[Item] = []
    stage = "front"  # front -> body -> closing -> tail -> appendix

    def add(target: list[Item], item: Item) -> None:
        last = target[-1] if target else None
        if (last is not None and item.kind in ("paragraph", "item", "closing") and last.kind in ("paragraph", "item", "closing")
                and last.span and item.span and continues(last.text, item.text)):
            target[-1] = dataclasses.replace(last, span=Span(last.span.start, item.span.end), text=f"{last.text} {item.text}")
            return
        target.append(item)

    for block in plan.blocks:
        kind = block.kind
        if kind in ("header", "doc-type", "subject", "boilerplate"):
            continue
        if kind in ("recipients", "signature") or block.span.start in signing:
            stage = "tail" if stage != "appendix" else stage
            continue
        section: Section | None = heads.get(block.span.start)
        is_appendix = kind == "appendix-title" or (section is not None and section.number == "PHỤ LỤC")
        if is_appendix or stage == "tail":
            stage = "appendix"
        target = appendix if stage == "appendix" else body
        if kind == "table":
            table = next((t for t in plan.tables if t.span.overlaps(block.span) or t.span == block.span), None)
            if table is not None:
                target.append(Item("table", 0, table.span, "", table))
            continue
        text = one_line(block.text)
        if not text:
            continue
        clause = next((c for c in clauses if c.overlaps(block.span)), None) if stage == "front" else None
        if clause is not None:
            last = basis[-1] if basis else None
            if last is not None and last.span is not None and last.span.overlaps(clause):
                basis[-1] = dataclasses.replace(last, span=Span(last.span.start, max(last.span.end, block.span.end)),
                                                text=f"{last.text} {text}")
            else:
                basis.append(Item("basis", 0, block.span, text))
            continue
        if kind == "closing" or (stage == "closing" and kind in ("paragraph", "other")):
            add(closing, Item("closing", 0, block.span, text))
            stage = "closing"
            continue
        if stage in ("front", "closing"):
            stage = "body"
        if is_appendix:
            target.append(Item("title", 1, block.span, text))
            continue
        if section is not None and kind in ("heading", "item"):
            fix = None
            raw = section.raw_number
            if raw and raw != section.number and text.startswith(raw):
                fix = (raw, section.number)
                text = section.number + text[len(raw) :]
            level = section.level
            if level == 1 or (level == 2 and _is_title(text)) or (level == 3 and _is_title(text, 80)):
                target.append(Item("heading", level, block.span, text, fix=fix))
            else:
                add(target, Item("paragraph", 0, block.span, text, fix=fix))
            continue
        add(target, Item("item" if kind == "item" else "paragraph", 0, block.span, text))
    return Parts(tuple(basis), tuple(body), tuple(closing), tuple(appendix))
