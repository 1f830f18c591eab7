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
    printed_issuer,
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
        # a body with no parent (UBND tỉnh, a ministry) is itself the issuing body, in bold
        "parent": parent,
        "issuer": issuer,
        # the header's lines: a people's committee over its unit ("ỦY BAN NHÂN DÂN" / "TỈNH BẮC GIANG")
        "parent_lines": name_lines(parent),
        "issuer_lines": name_lines(issuer),
        "number": h.number,
        "symbol": h.symbol or "",
        "reference": h.reference or "",
        "number_line": number_line(h.number, h.symbol, party=party),
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
        "body": [_as_title(i.to_dict()) for i in parts.body],
        "closing": [i.text for i in parts.closing],
        "recipients": [r for r in (clean_recipient(x) for x in h.recipients) if r],
        "signer_title": signature_titles(plan),
        "signer": h.signer,
        "appendix": [_as_title(i.to_dict()) for i in parts.appendix],
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
