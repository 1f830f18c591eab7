"""What kind of change each difference is: expected, basis, substantive, form, renumbering or
carried-error.

* ``expected``: what every yearly copy changes without anyone deciding anything: the plan year
  (``năm 2022`` → ``năm 2025``, ``Trong năm 2022`` → ``Trong năm 2025``), dates and periods moved
  by the same number of years, the number and day left blank until signing, a section renumbered
  because another was inserted before it;
* ``basis``: the legal basis (Căn cứ ... paragraphs, citations of role ``basis``);
* ``substantive``: everything else: what a reader must look at;
* ``form``: the same words written differently: punctuation, spacing, upper or lower case, a
  diacritic (``; đồng thời,`` → ``. Đồng thời,``); shown, never substantive;
* ``renumbering``: the number of a list item or of a table row (its TT) that changed and
  nothing else, as when an item is inserted or removed before it (``(2)`` → ``(3)``,
  ``2.1.`` → ``3.1.``); shown, never substantive (the inserted item is the change);
* ``carried-error``: text the same in both plans that is wrong in the new one: a known typo kept
  from last year (``plankit/data/typos.tsv``), or a year in a sentence about the plan itself
  ("Kế hoạch ... năm 2024") that is not the new plan year: kept unchanged from the old plan, or
  moved to neither year (the Cần Thơ 2025 closing says ``năm 2024`` where 2022 said ``năm 2022``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..text import fold, tone_key
from ..typos import Typo, known_typos
from ..years import NAM_TOKENS
from .tokens import Tok, ocr_clean

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Plan

__all__ = [
    "KINDS", "Typo", "Years", "classify_op", "find_typos", "is_renumbering", "is_self_reference", "join_own_clause",
    "load_typos", "year_of",
]

KINDS = ("expected", "basis", "substantive", "form", "renumbering", "carried-error")

# What may stand before an item number on its line (or in its table cell): "(2)", "[2]", "- 2."
_MARKER_BEFORE = re.compile(r"[\s(\[]*$")
# ... or a list label before it, on folded text: "Nhiệm vụ 2:", "Giải pháp 3.", "Bước 1)".
_LABELLED_BEFORE = re.compile(
    r"[\s(\[\-+*•]*(?:nhiem\s+vu|giai\s+phap|hoat\s+dong|noi\s+dung|muc\s+tieu|muc|phan|dieu|khoan|chuong|"
    r"buoc|phu\s+luc)\s+$")
# What follows an item number: "2.", "2)", "2/", "2:", "(2)", "2.1.", or the tab of a table row.
_MARKER_AFTER = re.compile(r"[.):/\]]|\t")

# A year as a token: 1900-2099. Not a count ("1.000") or a document number ("45/2020/NĐ-CP").
_YEAR = re.compile(r"^(19|20)\d\d$")
# A date in one token: 15/7/2021, 06/01-2022 is two tokens and handled as numbers.
_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)$")
# The words that name the district level alone, folded: "và cấp huyện", "các huyện, thị xã,
# thành phố", "UBND cấp huyện", "quận, huyện".
_DISTRICT_WORDS = frozenset({"va", "cap", "huyen", "cac", "thi", "xa", "thanh", "pho", "quan", "ubnd", "uy", "ban",
                             "nhan", "dan"})
# The day the district level ended (two-level local government).
_REFORM = dt.date(2025, 7, 1)
# Words that lead into a year or a date and read well with it: "Trong năm 2022", "ngày 15 tháng".
_YEAR_LEAD = frozenset({"trong", "nam", "thang", "ngay", "giai", "doan", "tu", "den", "cuoi", "dau"})


def year_of(tok: Tok) -> int | None:
    """The year a number token stands for, or ``None``.

    >>> year_of(Tok("2025", 0, 4, "number")), year_of(Tok("137", 0, 3, "number"))
    (2025, None)
    """
    if tok.kind == "number" and _YEAR.match(tok.key):
        return int(tok.key)
    return None


@dataclass(frozen=True)
class Years:
    """The two plan years and whether year bumps count as expected; ``own`` the token keys of
    each plan's own number and date (``45/qd-ubnd``, ``05/12/2023``), which the plan cites
    where an attached plan names the document that issues it (``Kèm theo Quyết định số
    45/QĐ-UBND ngày 05/12/2023``): they move with the plan, as its header does."""

    old: int | None
    new: int | None
    shift: bool = True
    own: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    #: the old plan is dated before 1 July 2025 and the new one from it: the district level
    #: (cấp huyện) was abolished in between (Luật Tổ chức chính quyền địa phương 2025)
    district_gone: bool = False

    @classmethod
    def of(cls, old: Plan, new: Plan, shift: bool = True) -> Years:
        """The years of two plans (their headers' plan years) and their own numbers and dates.

        >>> from plankit.read import read_text
        >>> p = read_text("UBND TỈNH GIA LAI\\nSố: 45/QĐ-UBND\\nGia Lai, ngày 05 tháng 12 năm 2023\\nQUYẾT ĐỊNH\\n"
        ...               "Ban hành Kế hoạch cải cách hành chính năm 2024")
        >>> y = Years.of(p, p)
        >>> y.old, sorted(y.own[0])
        (2024, ['05/12/2023', '45/qd-ubnd', '5/12/2023'])
        """
        return cls(old.header.year, new.header.year, shift, (_own_keys(old), _own_keys(new)),
                   _before_reform(old) is True and _before_reform(new) is False)

    @property
    def delta(self) -> int | None:
        """How many years the new plan moved on (``None`` when a year is unknown)."""
        if self.old is None or self.new is None:
            return None
        return self.new - self.old


def _before_reform(plan: Plan) -> bool | None:
    """Whether the plan is dated before 1 July 2025, when the district level ended (``None``:
    no date; a plan year alone says it only for years before or after 2025)."""
    date = plan.header.date
    if date is not None:
        return date < _REFORM
    year = plan.header.year
    return None if year is None or year == 2025 else year < 2025


def _own_keys(plan: Plan) -> frozenset[str]:
    """The token keys of the plan's own number (each place it cites itself) and its date."""
    from .tokens import tokens_of

    keys = {t.key for c in plan.citations if c.role == "self"
            for t in tokens_of(c.span.slice(plan.text), punct=False) if t.kind == "docnum"}
    date = plan.header.date
    day, month, year = (getattr(date, name, None) for name in ("day", "month", "year"))
    if day and month and year:
        keys |= {f"{d}/{m}/{year}" for d in (str(day), f"{day:02d}") for m in (str(month), f"{month:02d}")}
    return frozenset(keys)


OWN_REASON = "số, ngày của chính văn bản này (the document's own number and date)"
# The words of a date written out ("ngày 05 tháng 12 năm 2023") and what may stand between a
# document's number and its date ("số 45/QĐ-UBND ngày ..."), folded.
_DATE_WORDS = frozenset({"ngay", "thang", "nam", *NAM_TOKENS})


def _own_parts(own: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The plan's own document numbers, and the day, month and year of its own date as tokens
    (``05``, ``5``, ``12``, ``2023``), from :attr:`Years.own`."""
    numbers, parts = set(), set()
    for key in own:
        m = _DATE.match(key)
        if m:
            parts.update(m.groups())
        else:
            numbers.add(key)
    return frozenset(numbers), frozenset(parts)


def _own_piece(toks: list[Tok], numbers: frozenset[str], parts: frozenset[str], own: frozenset[str]) -> bool:
    """Whether every word of ``toks`` is the plan's own number, its own date or a date's word."""
    return all(t.kind == "punct" or t.key in own or t.key in numbers or t.key in _DATE_WORDS
               or (t.kind == "number" and t.key in parts) for t in toks)


def join_own_clause(items: list[list], a: list[Tok], b: list[Tok], pairs: dict[int, int], years: Years) -> list[list]:
    """Join the changes of one clause that names the plan's own number and date (``Quyết định
    số 45/QĐ-UBND ngày 05 tháng 12 năm 2023`` → ``số 51/QĐ-UBND ngày 10 tháng 12 năm 2024``,
    as an attached plan's caption or closing cites the document that issues it) into one
    ``expected`` change: the number, then the day, then the year are one thing that moved with
    the plan, not three. ``items`` are ``[i1, i2, j1, j2, kind, why]`` in order; two join when
    the tokens between them correspond one to one and are date words, punctuation or a part of
    the own date the same on both sides (``ngày``, ``tháng 12 năm``), every word of both is the own number or date of its side, and the
    joined change holds an own number on each side.

    >>> from plankit.diff.tokens import tokens_of
    >>> a, b = tokens_of("số 45/QĐ-UBND ngày 05/12/2023"), tokens_of("số 51/QĐ-UBND ngày 10/12/2024")
    >>> y = Years(2024, 2025, own=(frozenset({"45/qd-ubnd", "05/12/2023"}), frozenset({"51/qd-ubnd", "10/12/2024"})))
    >>> join_own_clause([[1, 2, 1, 2, "expected", ""], [3, 4, 3, 4, "expected", ""]], a, b, {0: 0, 2: 2}, y)
    [[1, 4, 1, 4, 'expected', "số, ngày của chính văn bản này (the document's own number and date)"]]
    """
    own_old, own_new = years.own
    if not years.shift or not own_old or not own_new or len(items) < 2:
        return items  # (without year shifts the own date is a change of its own: classify_op)
    num_a, parts_a = _own_parts(own_old)
    num_b, parts_b = _own_parts(own_new)

    def own(i1: int, i2: int, j1: int, j2: int) -> bool:
        return _own_piece(a[i1:i2], num_a, parts_a, own_old) and _own_piece(b[j1:j2], num_b, parts_b, own_new)

    def numbered(it: list) -> bool:
        return any(t.key in num_a for t in a[it[0]:it[1]]) and any(t.key in num_b for t in b[it[2]:it[3]])

    out: list[list] = []
    for it in items:
        p = out[-1] if out else None
        if p is not None and own(*p[:4]) and own(*it[:4]):
            gap_a, gap_b = it[0] - p[1], it[2] - p[3]
            if 0 <= gap_a == gap_b <= 3 and all(pairs.get(p[1] + d) == p[3] + d for d in range(gap_a)) \
                    and _own_piece(a[p[1]:it[0]], frozenset(), parts_a, frozenset()):
                out[-1] = [p[0], it[1], p[2], it[3], "joined", ""]
                continue
        out.append(it)
    # a joined run is the own number and date when it names the number on both sides; else
    # (a date alone, the number being the same) its pieces stay as they were classified
    final: list[list] = []
    for it in out:
        if it[4] != "joined":
            final.append(it)
        elif numbered(it):
            final.append([*it[:4], "expected", OWN_REASON])
        else:
            final.extend(x for x in items if it[0] <= x[0] and x[1] <= it[1] and it[2] <= x[2] and x[3] <= it[3])
    return final


def is_self_reference(before: list[Tok]) -> bool:
    """Whether a year that follows ``before`` (the tokens in front of it) dates the plan itself.

    True for "Kế hoạch công tác thông tin, tuyên truyền CCHC năm": the words "kế hoạch" lead,
    then no document number, no "số" and no date ("ngày 29 tháng 12 năm" is a date).

    >>> from plankit.diff.tokens import tokens_of
    >>> is_self_reference(tokens_of("Trên đây là Kế hoạch công tác thông tin, tuyên truyền CCHC năm", punct=False))
    True
    >>> is_self_reference(tokens_of("Kế hoạch số 261/KH-UBND ngày 29 tháng 12 năm", punct=False))
    False
    """
    # The token form of plankit.years.PLAN_BEFORE_RE, kept apart on purpose: a difference comes
    # as tokens with the words before it, not as a span of text. The window is 16 words (not 160
    # characters), a number or document number stops it (the text form stops at a digit or
    # "số"/"ngày"), and only "Kế hoạch ... năm" counts: "Trong năm X" and "CCHC năm X" (own years
    # for lint and draft) are year bumps here, classified as expected or substantive by
    # classify_op, and a year that is not the new plan year in them is a carried error only when
    # it moved to neither year.
    words = [t for t in before if t.kind != "punct"][-16:]
    if len(words) < 3 or words[-1].key not in NAM_TOKENS or words[-2].kind == "number":
        return False
    for k in range(len(words) - 2, 0, -1):
        if words[k - 1].key == "ke" and words[k].key == "hoach":
            tail = words[k + 1 :]
            return not any(t.kind in ("docnum", "number") or t.key == "so" for t in tail)
    return False


def _marker(text: str, toks: list[Tok]) -> bool:
    words = [t for t in toks if t.kind != "punct"]
    if len(words) != 1 or words[0].kind != "number" or not re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*", words[0].key):
        return False
    t = words[0]
    line = max(text.rfind("\n", 0, t.start), text.rfind("|", 0, t.start)) + 1
    if not _MARKER_AFTER.match(text, t.end):
        return False
    return bool(_MARKER_BEFORE.fullmatch(text, line, t.start)) or (
        t.start - line <= 24 and _LABELLED_BEFORE.fullmatch(fold(text[line : t.start])) is not None)


def is_renumbering(a: list[Tok], b: list[Tok], a_text: str, b_text: str) -> bool:
    """Whether old tokens ``a`` and new tokens ``b`` (offsets into ``a_text``/``b_text``) are the
    numbers of a list item or table row and nothing else: ``(2)`` → ``(3)`` at the start of a
    line, ``2.1.`` → ``3.1.``, a TT cell (``2<tab>`` → ``3<tab>``), a labelled item at the start of
    a line (``Nhiệm vụ 2:`` → ``Nhiệm vụ 3:``, ``Giải pháp``, ``Hoạt động``, ``Bước`` ...). Not a
    number inside a sentence.

    >>> from plankit.diff.tokens import tokens_of
    >>> old, new = "(2) Tổ chức hội nghị.", "(3) Tổ chức hội nghị."
    >>> is_renumbering(tokens_of(old)[1:2], tokens_of(new)[1:2], old, new)
    True
    >>> old, new = "Tổ chức 2 hội nghị.", "Tổ chức 3 hội nghị."
    >>> is_renumbering(tokens_of(old)[2:3], tokens_of(new)[2:3], old, new)
    False
    >>> old, new = "Nhiệm vụ 2: Tổ chức hội nghị.", "Nhiệm vụ 3: Tổ chức hội nghị."
    >>> is_renumbering(tokens_of(old)[2:3], tokens_of(new)[2:3], old, new)
    True
    """
    return _marker(a_text, a) and _marker(b_text, b)


def _shifted(a: Tok, b: Tok, delta: int) -> bool:
    ya, yb = year_of(a), year_of(b)
    if ya is not None and yb is not None:
        return yb - ya == delta
    ma, mb = _DATE.match(a.key), _DATE.match(b.key)
    if ma and mb:
        return ma.group(1, 2) == mb.group(1, 2) and int(mb.group(3)) - int(ma.group(3)) == delta
    return False


def classify_op(
    a: list[Tok],
    b: list[Tok],
    *,
    years: Years,
    region: str,
    before_new: list[Tok],
    before_old: list[Tok],
    basis: str | None,
) -> tuple[str, str]:
    """The kind of one difference and the reason, from its old tokens ``a`` and new tokens ``b``.

    ``region`` is ``header`` (the two-column block), ``heading``, ``text`` or ``table``;
    ``before_new``/``before_old`` are the tokens in front of the difference (for "Kế hoạch ...
    năm"); ``basis`` is ``None`` outside the legal basis, else a description of the citations
    involved (the difference is then ``basis``).

    >>> from plankit.diff.tokens import tokens_of
    >>> y = Years(2022, 2025)
    >>> classify_op(tokens_of("2022"), tokens_of("2025"), years=y, region="table",
    ...             before_new=tokens_of("Trong năm"), before_old=tokens_of("Trong năm"), basis=None)
    ('expected', 'năm 2022 → 2025 theo năm kế hoạch (year bump)')
    >>> classify_op(tokens_of("2022"), tokens_of("2024"), years=y, region="text", basis=None,
    ...             before_new=tokens_of("Trên đây là Kế hoạch công tác CCHC năm"),
    ...             before_old=tokens_of("Trên đây là Kế hoạch công tác CCHC năm"))[0]
    'carried-error'
    """
    nums_a = [t for t in a if t.kind != "punct"]
    nums_b = [t for t in b if t.kind != "punct"]
    if (a or b) and "".join(t.key for t in nums_a) == "".join(t.key for t in nums_b):
        if nums_a or nums_b:
            return "form", "cách viết: dấu câu, khoảng trắng (punctuation or spacing only)"
        return "form", "dấu câu (punctuation only)"
    # A year that moved, but not to the new plan year: in a sentence about the plan itself
    # ("Kế hoạch ... năm 2024" in a 2025 plan), or from the old plan year to neither year.
    if nums_a and len(nums_a) == len(nums_b) and all(year_of(t) for t in nums_a + nums_b) and years.new \
            and basis is None:
        wrong = [year_of(t) for t in nums_b if year_of(t) != years.new]
        neither = [y for y in wrong if y != years.old]
        if (wrong and is_self_reference(before_new)) or (
            neither and all(year_of(t) == years.old for t in nums_a)
        ):
            return (
                "carried-error",
                f"năm {wrong[0]} trong câu nói về chính kế hoạch này, nhưng kế hoạch là năm "
                f"{years.new} (stale year: not the plan year)",
            )
    if basis is not None:
        return "basis", basis
    if years.district_gone and nums_a and not nums_b and _district_only(nums_a):
        return "expected", ("bỏ cấp huyện: chính quyền địa phương hai cấp từ 01/7/2025 "
                            "(the district level ended on 1 July 2025)")
    # the plan's own number and date where it cites itself: they moved with the plan, as the
    # header's number (always) and date (when year bumps are expected) do
    own_old, own_new = years.own
    if nums_a and nums_b and all(t.key in own_old for t in nums_a) and all(t.key in own_new for t in nums_b) \
            and (years.shift or all(t.kind == "docnum" for t in nums_a + nums_b)):
        return "expected", OWN_REASON
    if (
        years.shift and years.delta is not None and nums_a and len(nums_a) == len(nums_b)
        and all(_shifted(x, y, years.delta) for x, y in zip(nums_a, nums_b, strict=True))
    ):
        ya = " ".join(t.key for t in nums_a)
        yb = " ".join(t.key for t in nums_b)
        if all(year_of(t) for t in nums_a):
            return "expected", f"năm {ya} → {yb} theo năm kế hoạch (year bump)"
        return "expected", f"ngày {ya} → {yb} dời theo năm kế hoạch (date moved with the year)"
    if region == "header" and (nums_a or nums_b) and all(
        t.kind == "number" and year_of(t) is None for t in nums_a + nums_b
    ):
        lead = (before_new or before_old)[-1:] if (before_new or before_old) else []
        lead_key = lead[0].key if lead else ""
        if lead_key == "so":
            return "expected", "số văn bản để trống hoặc điền khi ký (number filled in at signing)"
        if lead_key == "ngay":
            return "expected", "ngày ký để trống hoặc điền khi ký (day filled in at signing)"
        return "expected", "số trong phần đầu văn bản (header number)"
    if not nums_a:
        return "substantive", "thêm nội dung (added)"
    if not nums_b:
        return "substantive", "bỏ nội dung (removed)"
    return "substantive", "sửa nội dung (changed)"


def _district_only(words: list[Tok]) -> bool:
    """Whether removed words only name the district level: ``và cấp huyện``, ``UBND các huyện,
    thị xã, thành phố``, ``Phòng ... cấp huyện`` is not (a body that does the work: its removal
    is decided, not mandated)."""
    keys = [t.key for t in words]
    return "huyen" in keys and all(k in _DISTRICT_WORDS for k in keys)


def widen_lead(toks: list[Tok], i: int) -> int:
    """Index to start a year-bump change from, taking in the words that lead into the year.

    >>> from plankit.diff.tokens import tokens_of
    >>> widen_lead(tokens_of("hoạt động Trong năm 2022"), 4)
    2
    """
    k = i
    while k > 0 and i - k < 4:
        prev = toks[k - 1]
        if prev.key in _YEAR_LEAD or (prev.kind == "number" and prev.key.isdigit() and int(prev.key) <= 31):
            k -= 1
        else:
            break
    return k


# --- known typos ------------------------------------------------------------------------------

def load_typos() -> tuple[Typo, ...]:
    """The known typos (:func:`plankit.typos.known_typos`).

    >>> any(t.typo == "tuyên tuyền" and t.ocr for t in load_typos())
    True
    """
    return known_typos()


def _same_words(a: str, b: str) -> bool:
    return tone_key(" ".join(a.split())).lower() == tone_key(" ".join(b.split())).lower()


@lru_cache(maxsize=256)
def _lead(typo: Typo) -> str:
    """The folded first word of ``typo`` when its pattern opens with it (after a word boundary),
    as :func:`plankit.typos.Typo.pattern` builds it: every match then starts where that word
    does, so only those places need the regex (whose look-behind is otherwise tried at every
    offset). ``""``: the pattern is built otherwise and is searched as it is."""
    found = re.findall(r"\w+|[^\w\s]", fold(typo.typo))
    if found and typo.pattern.pattern.startswith(r"(?<!\w)" + re.escape(found[0])):
        return found[0]
    return ""


def _matches(typo: Typo, piece: str) -> list[re.Match[str]]:
    """What ``typo.pattern.finditer(piece)`` finds, tried only where its first word stands."""
    lead = _lead(typo)
    if not lead:
        return list(typo.pattern.finditer(piece))
    pattern, out, last = typo.pattern, [], 0
    p = piece.find(lead)
    while p != -1:
        if p >= last and (m := pattern.match(piece, p)) is not None:
            out.append(m)
            last = m.end()
        p = piece.find(lead, p + 1)
    return out


def find_typos(text: str, start: int, end: int, *, ocr: bool) -> list[tuple[int, int, Typo]]:
    """Known typos in ``text[start:end]``: ``(start, end, typo)`` with offsets into ``text``.

    On OCR'd text (``ocr=True``) only typos marked ``ocr`` can be told from the correct words.

    >>> [(s, e, t.correction) for s, e, t in find_typos("sinh hoạt tuyên tuyền, phổ biến", 0, 31, ocr=False)]
    [(10, 21, 'tuyên truyền')]
    >>> find_typos("sinh hoat tuyen\\ntuyen", 0, 21, ocr=True)[0][:2]
    (10, 21)
    """
    piece = fold(text[start:end])
    if ocr:
        piece = ocr_clean(piece)
    out = []
    for typo in load_typos():
        if ocr and not typo.ocr:
            continue
        for m in _matches(typo, piece):
            s, e = start + m.start(), start + m.end()
            if not ocr and not _same_words(text[s:e], typo.typo):
                continue
            out.append((s, e, typo))
    return sorted(out, key=lambda x: x[0])
