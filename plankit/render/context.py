"""The variables a Word template sees (:func:`template_context`), documented one by one in
``templates/README.md``."""

from __future__ import annotations

import re
from typing import Any

from ..issuing import (
    header_bodies,
    is_letter,
    name_lines,
    number_line,
    party_layout,
    party_title,
    printed_issuer,
    youth_layout,
)
from ..model import Plan
from ..parts import (
    clean_recipient,
    place_date,
    plan_parts,
    signature_titles,
    written_day,
    written_month,
)
from ..places import cell_name
from ..text import one_line

__all__ = ["template_context"]


def template_context(plan: Plan) -> dict[str, Any]:
    """The variables a Word template sees, built from ``plan`` (see ``templates/README.md``).

    >>> from plankit.read import read_text
    >>> plan = read_text("UBND TỈNH HẢI DƯƠNG\\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n"
    ...     "SỞ CÔNG THƯƠNG\\tĐộc lập - Tự do - Hạnh phúc\\n"
    ...     "Số:    /KH-SCT\\tHải Dương, ngày    tháng 01 năm 2023\\nKẾ HOẠCH\\n"
    ...     "Tuyên truyền cải cách hành chính nhà nước năm 2023\\nI. MỤC ĐÍCH, YÊU CẦU\\n1. Mục đích")
    >>> ctx = template_context(plan)
    >>> ctx["number"], ctx["symbol"], ctx["place_date"]
    (None, 'KH-SCT', 'Hải Dương, ngày      tháng 01 năm 2023')
    >>> ctx["party"], ctx["number_line"]
    (False, 'Số:       /KH-SCT')
    >>> [(b["kind"], b["level"], b["text"]) for b in ctx["body"]]
    [('heading', 1, 'I. MỤC ĐÍCH, YÊU CẦU'), ('heading', 2, '1. Mục đích')]
    >>> ctx["parent_lines"], ctx["issuer_lines"]
    (['UBND tỉnh Hải Dương'], ['Sở Công Thương'])
    """
    h = plan.header
    parts = plan_parts(plan)
    date_parts = h.date_parts
    party = party_layout(plan)
    parent, issuer = header_bodies(plan, h.parent if h.issuer else None, h.issuer or h.parent)
    issuer = issuer or ""
    if h.issuer:  # the issuer as its cell prints it under its parent ("SỞ CÔNG THƯƠNG" under
        # "UBND TỈNH HẢI DƯƠNG"): the reader names it with its province (plankit.places.cell_name)
        issuer = cell_name(issuer, parent, printed_issuer(plan))
    return {
        # a Party body's plan is laid out as Hướng dẫn 36-HD/VPTW asks (plankit.issuing.party_layout)
        "party": party,
        # the title over a Party-layout header: the Youth Union's own (plankit.issuing.party_title)
        "party_title": party_title(plan),
        # a body with no parent (UBND tỉnh, a ministry) is itself the issuing body, in bold
        "parent": parent,
        "issuer": issuer,
        # the header's lines: a people's committee over its unit ("ỦY BAN NHÂN DÂN" / "TỈNH BẮC GIANG")
        "parent_lines": name_lines(parent),
        # a long name in two lines where it breaks itself: the bold 13 pt capitals of the
        # state header's 74 mm column hold about 25 characters, the Party header's 14 pt in 88 mm 28
        "issuer_lines": name_lines(issuer, 28 if party else 25),
        "number": h.number,
        "symbol": h.symbol or "",
        "reference": h.reference or "",
        "number_line": number_line(h.number, h.symbol, party=party, youth=party and youth_layout(plan)),
        "place": h.place or "",
        "day": written_day(date_parts.day),
        "month": written_month(date_parts.month),
        "date_year": date_parts.year,
        "place_date": place_date(h.place, date_parts),
        "doc_type": h.doc_type or "Kế hoạch",
        "letter": is_letter(h.doc_type),  # a Công văn: no type line, "V/v ..." under the number
        "title": one_line(h.title or ""),
        "year": h.year,
        "basis": [i.text for i in parts.basis],
        "body": _body_items([i.to_dict() for i in parts.body], addressed=True),
        "closing": [i.text for i in parts.closing],
        "recipients": [r for r in (clean_recipient(x) for x in h.recipients) if r],
        "signer_title": signature_titles(plan),
        "signer": h.signer,
        "appendix": _body_items([i.to_dict() for i in parts.appendix]),
        "draft": plan.draft,
        "todo": [{"kind": t.kind, "message": t.message} for t in plan.todo],
    }


# A line written in capitals alone in the body, a heading of the document's own form: a
# decision's authority ("BỘ TRƯỞNG BỘ Y TẾ") and its "QUYẾT ĐỊNH:", the type and subject of a plan
# attached to a decision ("KẾ HOẠCH" / "TRIỂN KHAI THI HÀNH ..."). Nghị định 30/2020 prints
# them centred in bold; a numbered heading ("I. MỤC ĐÍCH") is a heading, not one of these.
_CAPITALS_LINE = re.compile(r"^[^\W\d_].{1,160}$")


def _as_title(item: dict[str, Any]) -> dict[str, Any]:
    """A body paragraph in capitals alone on its line is a ``title`` (centred, bold).

    >>> _as_title({"kind": "paragraph", "level": 0, "text": "QUYẾT ĐỊNH:"})["kind"]
    'title'
    >>> _as_title({"kind": "paragraph", "level": 0, "text": "Điều 1. Ban hành kèm theo ..."})["kind"]
    'paragraph'
    """
    text = item["text"]
    if item["kind"] == "paragraph" and _CAPITALS_LINE.match(text) and text == text.upper() \
            and not text.endswith((".", ";", ",")) and sum(c.isalpha() for c in text) >= 4:
        return {**item, "kind": "title", "level": 1}
    return item


# "Kính gửi:" opening a letter's body (a Công văn, a Tờ trình): the addressees' block.
_ADDRESSED = re.compile(r"^\s*k[íi]nh\s+g[ửu]i\s*:?\s*", re.I)
# A listed addressee: "- Ủy ban nhân dân các xã, phường;".
_LISTED = re.compile(r"^\s*[-\u2013+•]\s*\S")
# A heading without a number: a short line that starts with a capital and ends with no mark
# (Nghị định 30/2020 ends every sentence of the body with one: ".", ";", ":" or ","), followed
# by the text it heads ("Mục đích" over "Nâng cao nhận thức ..."). At most 80 characters and 12
# words: a longer line without its full stop is a sentence a scan or a portal cut short.
_UNNUMBERED_HEADING = re.compile(r"^[^\W\d_][^.;:,!?…]{0,78}[^\W_]\)?$")


def _addressees(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A body that opens with "Kính gửi:" (a letter, Nghị định 30/2020, Phụ lục I): that line
    and the ``-`` lines listed under it become items of kind ``to``: level 0 the "Kính gửi:" line
    (with its one addressee on the same line), level 1 each addressee listed under it.

    >>> [(b["kind"], b["level"], b["text"]) for b in _addressees([
    ...     {"kind": "paragraph", "level": 0, "text": "Kính gửi: - Sở Tư pháp;"},
    ...     {"kind": "item", "level": 0, "text": "- Sở Nội vụ."},
    ...     {"kind": "paragraph", "level": 0, "text": "Thực hiện Kế hoạch số 5/KH-UBND ..."}])]
    [('to', 0, 'Kính gửi:'), ('to', 1, '- Sở Tư pháp;'), ('to', 1, '- Sở Nội vụ.'), ('paragraph', 0, 'Thực hiện Kế hoạch số 5/KH-UBND ...')]
    """
    if not items or items[0]["kind"] not in ("paragraph", "item") or not (m := _ADDRESSED.match(items[0]["text"])):
        return items
    head, rest = items[0]["text"][: m.end()].rstrip(), items[0]["text"][m.end() :].strip()
    out = []
    if rest and _LISTED.match(rest):  # "Kính gửi: - Sở Tư pháp;": the first addressee under it too
        out = [{"kind": "to", "level": 0, "text": head}, {"kind": "to", "level": 1, "text": rest}]
    else:
        out = [{"kind": "to", "level": 0, "text": f"{head} {rest}".strip()}]
    k = 1
    while k < len(items) and items[k]["kind"] in ("paragraph", "item") and _LISTED.match(items[k]["text"]):
        out.append({"kind": "to", "level": 1, "text": items[k]["text"].strip()})
        k += 1
    return out + items[k:]


def _body_items(items: list[dict[str, Any]], *, addressed: bool = False) -> list[dict[str, Any]]:
    """The body's items as a template sees them: a letter's addressees (:func:`_addressees`),
    lines in capitals as titles (:func:`_as_title`), and a heading without a number as a
    heading: level 1 before any numbered heading, else 2, so that it prints in bold as the
    plan printed it.

    >>> [(b["kind"], b["level"]) for b in _body_items([
    ...     {"kind": "paragraph", "level": 0, "text": "Mục đích"},
    ...     {"kind": "paragraph", "level": 0, "text": "Nâng cao nhận thức pháp luật."},
    ...     {"kind": "heading", "level": 1, "text": "II. NHIỆM VỤ"},
    ...     {"kind": "paragraph", "level": 0, "text": "Nhiệm vụ trọng tâm"},
    ...     {"kind": "item", "level": 0, "text": "- Tuyên truyền trên Cổng thông tin."},
    ...     {"kind": "paragraph", "level": 0, "text": "Kinh phí do ngân sách bảo đảm"}])]
    [('heading', 1), ('paragraph', 0), ('heading', 1), ('heading', 2), ('item', 0), ('paragraph', 0)]
    """
    if addressed:
        items = _addressees(items)
    out: list[dict[str, Any]] = []
    numbered = False
    for k, item in enumerate(items):
        item = _as_title(item)
        if item["kind"] == "heading":
            numbered = True
        nxt = items[k + 1] if k + 1 < len(items) else None
        text = item["text"]
        if (item["kind"] == "paragraph" and nxt is not None and nxt["kind"] in ("paragraph", "item", "table")
                and _UNNUMBERED_HEADING.match(text) and len(text.split()) <= 12 and not _opens_intro(text, nxt["text"])):
            item = {**item, "kind": "heading", "level": 2 if numbered else 1}
        out.append(item)
    return out


def _opens_intro(text: str, after: str) -> bool:
    """Whether ``text`` begins the sentence that says who issues the plan, broken over lines
    ("Ủy ban nhân dân tỉnh ban hành" over "Kế hoạch ... như sau:"): no heading.

    >>> _opens_intro("Ủy ban nhân dân tỉnh ban hành", "Kế hoạch thực hiện Chiến lược, như sau:")
    True
    >>> _opens_intro("Mục đích", "Nâng cao nhận thức pháp luật.")
    False
    """
    from ..draft import INTRO_RE
    from ..text import fold

    m = INTRO_RE.search(fold(f". {text} {after}"))
    return m is not None and m.start("intro") == 2
