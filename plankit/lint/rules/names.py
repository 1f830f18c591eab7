"""Names and agencies (PK3xx): another province where the plan's own belongs, an agency name
no longer valid on the plan's date.

One function per rule; its docstring is the rule's documentation (``docs/lint-rules.md``) and
its examples are doctests showing what :func:`~plankit.lint._context.fires` flags. The codes,
names and lifecycle are in :mod:`plankit.lint.rules.registry`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ...agencies import stale_names
from ...model import Finding
from ...places import cell_name, match_place, provinces
from ...text import fold, is_upper_text
from ...years import PAST_RE
from .._context import (
    KIND_BEFORE_RE,
    OWN_PLACE_BEFORE_RE,
    Context,
    fires,  # noqa: F401 (the docstring examples)
    msg,
)


def foreign_place(ctx: Context) -> Iterator[Finding]:
    """Flags another province's name where the plan's own province belongs.

    A plan copied from another province keeps that province's name in the phrases that speak of
    the plan's own province: "trên địa bàn tỉnh X", "của tỉnh X", "UBND tỉnh X", "Tỉnh ủy X",
    "Báo X". The plan's province comes from the header (place, else parent body, else the
    province the text names most). Its predecessors and successors of the 2025 reorganisation
    count as its own (a 2026 Cần Thơ plan naming "tỉnh Hậu Giang" is reported by
    :func:`stale_agency`, not here). Cited documents' issuers are not checked (reference clauses).

    One slip, one finding: the issuing body (parent body, issuer) decides the plan's province,
    so a place line copied from another plan (``Hưng Yên, ngày ...`` under ``UBND TỈNH HẢI
    DƯƠNG``) is reported once, on the place line, and the correct mentions of Hải Dương are
    not. Without an issuing body, a place line contradicted by every own-province phrase of the
    text (two or more, all naming one other province) is the slip.

    Fires on (a Cần Thơ plan): ``phổ biến trên địa bàn tỉnh Hưng Yên``; a header ``UBND TỈNH HẢI
    DƯƠNG`` over ``Hưng Yên, ngày ...``.

    Another province brought in on purpose is left alone: learning from it, visiting it,
    comparing with it, bordering it or working with it, said earlier in the clause ("học tập
    kinh nghiệm của tỉnh Quảng Ninh", "so với tỉnh Hậu Giang", "hợp tác với Thành phố Hồ Chí
    Minh").

    Does not fire on (a Cần Thơ plan): ``trên địa bàn thành phố Cần Thơ``; ``học tập kinh
    nghiệm của Hưng Yên``; ``học tập kinh nghiệm của tỉnh Quảng Ninh``.

    Message: "'tỉnh Hưng Yên' không phải tỉnh, thành phố của kế hoạch (Cần Thơ) / 'tỉnh Hưng
    Yên' is not the plan's province (Cần Thơ)". Suggestion: the plan's province, with its kind
    when the text wrote one ("thành phố Cần Thơ").

    Examples:
        >>> fires("Cần Thơ, ngày 21 tháng 01 năm 2025\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2025\\n\\n"
        ...       "Tuyên truyền sâu rộng trên địa bàn tỉnh Hưng Yên.", foreign_place)
        ['tỉnh Hưng Yên']
        >>> fires("Cần Thơ, ngày 21 tháng 01 năm 2025\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2025\\n\\n"
        ...       "Tuyên truyền sâu rộng trên địa bàn thành phố Cần Thơ.", foreign_place)
        []
    """
    own = ctx.province
    if own is None:
        return
    own_names = ctx.own_places
    current = own
    if ctx.on is not None and not own.valid_on(ctx.on) and own.successor:
        current = next((p for p in provinces() if p.name == own.successor), own)
    folded = ctx.folded
    h = ctx.plan.header
    header_spans = [s for s in (h.span("place"), h.span("parent")) if s is not None]
    for start, end, place in ctx.own_place_mentions:
        if place.name in own_names or ctx.in_clause(start):
            continue
        if any(s.contains(start) for s in header_spans):
            continue
        left = folded[max(0, start - 60) : start]
        if not OWN_PLACE_BEFORE_RE.search(left):
            continue
        seg = ctx.segment_start(start)
        if _ELSEWHERE_RE.search(folded, max(seg, start - 50), start) or _COMPARED_RE.search(
            folded, max(seg, start - 24), start
        ):
            continue  # "học tập kinh nghiệm của tỉnh Quảng Ninh": another province on purpose
        kind = KIND_BEFORE_RE.search(left)
        if kind:
            s = start - (len(left) - kind.start())
            suggestion = current.full_name
            if ctx.text[s : s + 1].isupper() and suggestion[:1].islower():
                suggestion = suggestion[:1].upper() + suggestion[1:]
        else:
            s, suggestion = start, current.name
        surface = ctx.text[s:end]
        if is_upper_text(surface, threshold=0.95):
            suggestion = suggestion.upper()
        yield ctx.finding(
            "foreign-place",
            s,
            end,
            msg(
                f"'{surface}' không phải tỉnh, thành phố của kế hoạch ({current.name})",
                f"'{surface}' is not the plan's province ({current.name})",
            ),
            suggestion=suggestion,
        )
    place_span = h.span("place")
    if h.place and place_span is not None and ctx.place_slip:
        body = h.parent or h.issuer
        if body and match_place(body) is not None:
            vi = f"Địa danh '{h.place}' khác tỉnh, thành phố của cơ quan ban hành '{body}'"
            en = f"The place '{h.place}' is not the province of the issuing body '{body}'"
        else:
            vi = f"Địa danh '{h.place}' khác tỉnh, thành phố mà kế hoạch nói đến ({current.name})"
            en = f"The place '{h.place}' is not the province the plan speaks of ({current.name})"
        yield ctx.finding(
            "foreign-place",
            place_span.start,
            place_span.end,
            msg(vi, en),
            suggestion=current.name,
        )


# Words that bring in another province on purpose, close before its name in the same clause
# (50 characters): learning from it, visiting it, bordering it, working with it (folded).
# "Đẩy mạnh hợp tác công tư, thu hút đầu tư trên địa bàn tỉnh X" is too far to count.
_ELSEWHERE_RE = re.compile(
    r"(?<!\w)(?:kinh\s+nghiem|hoc\s+tap|hoc\s+hoi|tham\s+quan|khao\s+sat|trao\s+doi"
    r"|giap\s+ranh|tiep\s+giap|lien\s+ket\s+voi|hop\s+tac\s+voi|ket\s+nghia)(?!\w)"
)
# Compared with it, right before the name: "so với tỉnh Hậu Giang" (not "tăng 5% so với năm
# 2024 trên địa bàn tỉnh X", a copied sentence).
_COMPARED_RE = re.compile(r"(?<!\w)so\s+(?:voi|sanh\s+voi)\s+(?:[^\W\d]+\s+){0,2}$")


def _basis_short(change: dict) -> str:
    m = re.match(
        r"\s*((?:Nghị định|Nghị quyết|Quyết định|Luật|Công văn)[^;,(]*?\d+/(?:\d{4}/)?[\wĐđ-]+)",
        change["basis"],
    )
    return m.group(1) if m else change["basis"].split(";")[0]


# A name marked as the former one: "tỉnh Quảng Bình (cũ)", "huyện Bố Trạch cũ", "Sở Thông tin và
# Truyền thông (trước sắp xếp)", "... trước đây", "(trước khi hợp nhất vào ...)", "(nay là tỉnh
# Quảng Trị)", "(nay thuộc xã ...)", "(đã giải thể)" (folded, right after the name).
# The mark may close a list of former names: "ba tỉnh Hà Nam, Nam Định, Ninh Bình trước sắp xếp"
# (at most four more names of at most four words, after a comma or "và").
_FORMER_AFTER_RE = re.compile(
    r"(?:\s*(?:,|va(?!\w))\s*[a-z]+(?:\s+[a-z]+){0,3}){0,4}?"
    r"\s*\(?[ \t]*(?:cu|truoc\s+(?:day|(?:khi\s+)?(?:sap\s+xep|hop\s+nhat|sap\s+nhap|sat\s+nhap))"
    r"|nay\s+(?:la|thuoc|da)|da\s+(?:hop\s+nhat|sap\s+xep|sap\s+nhap|giai\s+the|ket\s+thuc))(?!\w)"
)
# A name introduced as the former one: "Sở Khoa học và Công nghệ (trước đây là Sở Thông tin và
# Truyền thông)", "Trung tâm ... (trước đây thuộc Sở Thông tin và Truyền thông)", "nguyên là",
# "tiền thân là", "hợp nhất với" (folded, right before the name; at most four more former names
# before it: "trước đây là Sở A và Sở B", "hợp nhất tỉnh Hà Nam, tỉnh Nam Định và tỉnh Ninh Bình").
_FORMER_BEFORE_RE = re.compile(
    r"(?:truoc\s+day(?:\s+(?:la|thuoc|cua|do))?|nguyen\s+la|tien\s+than\s+(?:la|cua)"
    r"|(?:hop\s+nhat|sap\s+nhap|sat\s+nhap)(?:\s+(?:tu|cua|voi))?)"
    r"(?:[ \t]+[^\W\d]+(?:[ \t]+[^\W\d]+){0,7}?(?:[ \t]*,|[ \t]+va)){0,4}[ \t:]*$"
)


def _former(ctx: Context, start: int, end: int, since: dt.date) -> bool:
    """Whether an old name at ``[start, end)`` speaks of the past on purpose: marked as the
    former one after it or after the place it names ("UBND huyện Yên Lập (cũ)"), introduced as
    the former one ("trước đây là", "hợp nhất"), or in a clause about a year before the change
    (``since``): "kết quả CCHC năm 2024 của tỉnh Quảng Bình" (a word of PAST_RE and an earlier
    year in the 80 characters of the same clause before the name; "báo cáo UBND tỉnh và Sở
    Thông tin và Truyền thông", a report still to send, has no year), "Năm 2024, Huyện ủy Yên
    Lập đã lãnh đạo" (an earlier year before it, "đã" after it)."""
    named = _name_end(ctx, end)  # "UBND huyện" + "Yên Lập": the place the phrase names
    if _FORMER_AFTER_RE.match(ctx.folded, end) or _FORMER_AFTER_RE.match(ctx.folded, named):
        return True
    lo = max(ctx.segment_start(start), start - 80)
    if _FORMER_BEFORE_RE.search(ctx.folded[lo:start]):
        return True
    hi = min(ctx.segment_end(end), end + 160)
    if _dated_before(ctx, lo, hi, since):
        return True
    clause_lo = max(ctx.segment_start(start), start - 160)
    if _TRANSITION_RE.search(ctx.folded, clause_lo, hi):
        return True
    if _DONE_BY_RE.search(ctx.folded, max(lo, start - 12), start) and any(
        int(y) < since.year for y in _YEAR_RE.findall(ctx.folded, end, min(hi, end + 60))
    ):
        return True  # "phần mềm do Sở Thông tin và Truyền thông xây dựng năm 2023"
    if not any(int(y) < since.year for y in _YEAR_RE.findall(ctx.folded, lo, start)):
        return False
    return PAST_RE.search(ctx.folded, lo, start) is not None or bool(_DID_AFTER_RE.match(ctx.folded, named))


# Words of the reorganisation itself, in the clause of an old name: the clause tells of the change
# ("sau khi kết thúc hoạt động của chính quyền cấp huyện", "chuyển giao nhiệm vụ của UBND cấp
# huyện cho cấp xã", "không tổ chức cấp huyện", "trước đây thuộc thẩm quyền cấp huyện nay do cấp
# xã giải quyết", "bãi bỏ các văn bản do UBND huyện ban hành"), not of a body still at work
# (folded). "sắp xếp" alone is not one: communes were merged before 2025 too.
_TRANSITION_RE = re.compile(
    r"(?<!\w)(?:ket\s+thuc\s+hoat\s+dong|chuyen\s+giao|ban\s+giao|khong\s+(?:to\s+chuc|con)"
    r"|bai\s+bo|giai\s+the|nay\s+(?:do|la|thuoc)|truoc\s+day|(?:hai|2)\s+cap|tu\s+cap\s+huyen"
    r"|phan\s+dinh\s+tham\s+quyen|truoc\s+(?:khi\s+)?(?:hop\s+nhat|sap\s+xep|sap\s+nhap))(?!\w)"
)
# "do" (by) right before a name: the name is the agent of what follows ("do Sở ... xây dựng").
_DONE_BY_RE = re.compile(r"(?<!\w)do\s*$")


# A date written in the plan's words (not a cited document's): "trước ngày 01/3/2025",
# "ngày 15 tháng 02 năm 2025" (folded).
_DATE_RE = re.compile(
    r"(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)(?!\d)"
    r"|(?<!\w)ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d\d)(?!\d)"
)


def _dated_before(ctx: Context, lo: int, hi: int, since: dt.date) -> bool:
    """Whether the clause ``[lo, hi)`` dates what it says before ``since`` with a full date of
    its own (outside reference clauses): "các dự án do Sở Kế hoạch và Đầu tư thẩm định trước
    ngày 01/3/2025" speaks of the former body; "báo cáo Sở Kế hoạch và Đầu tư trước ngày
    15/12/2026" does not."""
    for m in _DATE_RE.finditer(ctx.folded, lo, hi):
        if ctx.in_clause(m.start()):
            continue
        d, mo, y = (int(g) for g in (m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)))
        try:
            day = dt.date(y, mo, d)
        except ValueError:
            continue
        # "trước ngày 01/3/2025": the day before the change is still the old body's
        if day < since or (day == since and _UNTIL_RE.search(ctx.folded, max(lo, m.start() - 12), m.start())):
            return True
    return False


_UNTIL_RE = re.compile(r"(?:truoc|den\s+het)(?:\s+ngay)?\s*$")


# After a name, its verb in the past: "Năm 2024, Huyện ủy Yên Lập đã lãnh đạo ..." (folded).
_DID_AFTER_RE = re.compile(r"[ \t,]*(?:[^\W\d]+[ \t]+){0,2}?da(?!\w)")


def _name_end(ctx: Context, end: int) -> int:
    """The end of the proper name right after ``end`` (at most four capitalised words: "UBND
    huyện" then "Yên Lập"), or ``end`` when none follows. A wrapped line may fall inside the
    name ("UBND huyện Kiến" / "Xương (cũ)"); a paragraph's end may not."""
    text = ctx.text
    pos = end
    kind = _PLACE_KIND_RE.match(text, pos)  # "Sở Kế hoạch và Đầu tư" + "tỉnh" + "Vĩnh Phúc"
    if kind and text[kind.end() + 1 : kind.end() + 2].isupper():
        pos = kind.end()
    for _ in range(4):
        m = re.match(r"[ \t\n]+([^\W\d_]+)", text[pos : pos + 40])
        if m is None or not m.group(1)[0].isupper():
            break
        brk = text.find("\n", pos, pos + m.start(1))
        if brk != -1 and ctx.is_break(brk):
            break
        pos += m.end()
    return pos


# The kind of a place after a body's name: "Sở Kế hoạch và Đầu tư tỉnh Vĩnh Phúc".
_PLACE_KIND_RE = re.compile(r"[ \t]+(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường)(?=[ \t])", re.IGNORECASE)


_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def stale_agency(ctx: Context) -> Iterator[Finding]:
    """Flags an agency or administrative-unit name no longer valid on the plan's date.

    The 2025 reorganisation (see DOMAIN.md and ``plankit.places.agency_changes()``) merged
    departments on 2025-03-01 (Sở Thông tin và Truyền thông into Sở Khoa học và Công nghệ, Sở Kế
    hoạch và Đầu tư into Sở Tài chính, ...), renamed Thừa Thiên Huế thành phố Huế on 2025-01-01,
    merged provinces and ended the district level on 2025-07-01 (with it the bodies of a
    district: "UBND huyện", "HĐND huyện", "Huyện ủy", "UBND các huyện, thị xã, thành phố"). A
    plan copied forward keeps the old names, most often in "Nơi nhận". Names are compared on the
    plan's date (its month when the day is blank), so the same text is right in January 2025 and
    stale in 2026. Abbreviations ("Sở TT&TT") and OCR'd forms ("S6 Thong tin va Truyén thong")
    are found; names inside reference clauses (a cited document's issuer or title), names marked
    as the former ones ("tỉnh Quảng Bình (cũ)", "UBND huyện Yên Lập trước sắp xếp", "trước đây
    là Sở Thông tin và Truyền thông", "trên cơ sở hợp nhất Sở Kế hoạch và Đầu tư và Sở Tài
    chính", "(trước khi hợp nhất vào ...)", "(nay là ...)"), names in a clause about a year
    before the change ("kết quả CCHC năm 2024 của tỉnh Quảng Bình", "Năm 2024, Huyện ủy ... đã
    lãnh đạo", "phần mềm do Sở Thông tin và Truyền thông xây dựng năm 2023") or dated before it
    ("các dự án do Sở Kế hoạch và Đầu tư thẩm định trước ngày 01/3/2025"), names in a clause
    that tells of the change itself ("sau khi kết thúc hoạt động của chính quyền cấp huyện",
    "chuyển giao nhiệm vụ của UBND cấp huyện cho cấp xã", "bãi bỏ các văn bản do UBND huyện ban
    hành") and names inside quotation marks (the title of an award or a book) are left alone. When the body that
    absorbed the old one is the plan's own issuer, the message says to remove the recipient.

    Fires on (a plan of January 2026): ``Nơi nhận: - Sở Thông tin và Truyền thông;``

    Does not fire on: the same line in the plan of 21 January 2025.

    Message: "'Sở Thông tin và Truyền thông' không còn từ 01/03/2025 (nay là Sở Khoa học và Công
    nghệ, theo Nghị định 45/2025/NĐ-CP) / 'Sở Thông tin và Truyền thông' no longer exists since
    2025-03-01 (now Sở Khoa học và Công nghệ)". Suggestion: the new name, in the case of the
    text; none for the district level, whose tasks were redistributed.

    Examples:
        >>> text = "Cần Thơ, ngày 15 tháng 01 năm {}\\nKẾ HOẠCH\\nTuyên truyền CCHC năm {}\\n\\nNơi nhận:\\n- Sở Thông tin và Truyền thông;"
        >>> fires(text.format(2026, 2026), stale_agency), fires(text.format(2025, 2025), stale_agency)
        (['Sở Thông tin và Truyền thông'], [])
    """
    if not ctx.dated:
        return
    own = ctx.province
    issuer = ctx.plan.header.issuer
    for found in stale_names(
        ctx.text, ctx.on, province=own.name if own else None, folded=ctx.folded
    ):
        change = found.change
        since = dt.date.fromisoformat(change["effective"])
        if ctx.in_clause(found.start) or _former(ctx, found.start, found.end, since) or ctx.in_quotes(found.start):
            continue
        since_vi = since.strftime("%d/%m/%Y")
        basis = _basis_short(change)
        surface = ctx.text[found.start : found.end]
        suggestion = found.new
        if found.new is None:
            vi = f"'{surface}' không còn từ {since_vi}: chính quyền địa phương hai cấp, không còn cấp huyện ({basis})"
            en = f"'{surface}' no longer exists since {since.isoformat()}: two-tier local government, no district level"
        elif issuer and fold(found.new) in (fold(issuer), fold(cell_name(issuer, ctx.plan.header.parent))):
            vi = f"'{surface}' không còn từ {since_vi}: đã hợp nhất vào chính {issuer} ({basis}), bỏ khỏi danh sách"
            en = f"'{surface}' no longer exists since {since.isoformat()}: merged into this {issuer}; remove it"
            suggestion = None
        else:
            vi = f"'{surface}' không còn từ {since_vi} (nay là {found.new}, theo {basis})"
            en = f"'{surface}' no longer exists since {since.isoformat()} (now {found.new})"
        yield ctx.finding(
            "stale-agency", found.start, found.end, msg(vi, en), suggestion=suggestion, safe=True
        )
