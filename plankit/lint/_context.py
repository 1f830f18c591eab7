"""What the lint rules share: the patterns they match on folded text and the per-plan context.

:class:`Context` computes once per plan what several rules need (the folded text, the plan's
dates, whether it counts as signed, its province, the reference clauses of cited documents, the
closing sentence) and makes findings with their line, column and sentence. The regular
expressions run on folded text (:func:`plankit.text.fold`: no diacritics, one character for one
character); each comment says what it must and must not match.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cache, cached_property
from importlib import resources
from itertools import accumulate, compress, repeat
from operator import add, eq

from ..agencies import word_alternation
from ..cite.patterns import LOOSE_NUMBER
from ..model import Citation, Finding, Fix, Plan, Span
from ..places import Province, find_places, match_place, provinces
from ..text import fold
from ..years import CLOSING_RE, YearMention, year_mentions

# The year patterns (YEAR_RE, DATE_BEFORE_RE, RANGE_BEFORE_RE, PAST_RE, PERIOD_RE, CLOSING_RE and
# the self-referential phrases) live in plankit/years.py, shared with draft and diff.

__all__ = ["Context", "fires", "metadata", "msg"]


def msg(vi: str, en: str) -> str:
    """A finding message: the Vietnamese text, then " / " and the English gloss."""
    return f"{vi} / {en}"


@cache
def metadata() -> dict[str, tuple[str, str, str, str]]:
    """``lint_rules.tsv`` as ``{name: (code, name, severity, summary)}``, in file order."""
    text = resources.files("plankit.data").joinpath("lint_rules.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    if rows[0] != ["code", "name", "severity", "summary"]:
        raise ValueError(f"lint_rules.tsv: unexpected columns {rows[0]}")
    out = {}
    for row in rows[1:]:
        if len(row) != 4:
            raise ValueError(f"lint_rules.tsv: row {row[0]!r} has {len(row)} cells, expected 4")
        if row[2] not in Finding.SEVERITIES:
            raise ValueError(f"lint_rules.tsv: rule {row[0]} has unknown severity {row[2]!r}")
        out[row[1]] = (row[0], row[1], row[2], row[3])
    return out


# Patterns that scan the whole text start with a literal ("ngay(?<!\wngay)" rather than
# "(?<!\w)ngay"): the regex engine then jumps from one occurrence of the literal to the next,
# about twenty times faster on a plan. The lookbehind after the literal keeps the word boundary.
# A number starts with a digit, then looks behind: "\d(?<![\w/]\d)" (digits are rare).

# -- patterns (folded text) --------------------------------------------------------------------

# A document number: 261/KH-UBND, 45/2020/NĐ-CP (folded: nd-cp), 26-CTr/TU (plankit.cite.patterns).
DOCNUM_RE = LOOSE_NUMBER

# The words that name a document before its number or subject. "k\S{0,2} hoach" takes the OCR
# forms "Ké hoach", "K& hoach".
DOCWORD_RE = re.compile(
    word_alternation(
        [r"k\S{0,2}\s+hoach", r"quy\S{0,2}t\s+dinh", r"nghi\s+quy\S{0,2}t", r"nghi\s+dinh", r"chi\s+thi",
         r"chuong\s+trinh", r"thong\s+tu", "luat", r"cong\s+van", r"van\s+ban", r"de\s+an", r"huong\s+dan",
         r"thong\s+bao", r"ket\s+luan", r"bao\s+cao", r"quy\s+dinh", r"quy\s+che"]
    )
    + r"(?!\w)"
)

# Where a reference clause ends: a semicolon, a sentence end, the closing "./.", "như sau", or
# ", Sở ... xây dựng" (the plan introducing itself after citing its basis). Newlines are handled
# separately (they end a clause except inside OCR'd paragraphs).
_CLAUSE_END_DOT = r"\.(?:/\.|\s)"
_CLAUSE_END_COMMA = (
    r",\s*(?=(?:so|s[06&\u00a2e]|uy\s+ban|ubnd|ban|van\s+phong|trung\s+tam|chi\s+cuc)"
    r"\b[^;\n]{0,80}?\bxay\s+dung\b)"
)
_CLAUSE_END_WORDS = r"nhu\s+sau"
CLAUSE_END_RE = re.compile(f";|{_CLAUSE_END_DOT}|{_CLAUSE_END_COMMA}|{_CLAUSE_END_WORDS}")
# The same as semicolons and three patterns, each starting with a literal, for scanning a whole
# text (a literal lets the engine jump to the next occurrence; no match of one overlaps a match
# of another, so together they find the same ends).
_CLAUSE_END_SCANS = (re.compile(_CLAUSE_END_DOT), re.compile(_CLAUSE_END_COMMA), re.compile(_CLAUSE_END_WORDS))

# A signature mark: "(Đã ký)", "[đã ký]", a line "Đã ký", a digital-signature stamp ("Ký bởi:",
# "Thời gian ký:"). Must not match "đã ký kết" in the body.
# Where a signature mark may be: "ky" ends or starts every one of them.
SIGNED_HINT_RE = re.compile(r"ky(?![a-z])")
SIGNED_RE = re.compile(
    r"[(\[][ \t]*da[ \t]+ky[ \t]*[)\]]|^[ \t]*da[ \t]+ky[ \t]*$|ky[ \t]+boi[ \t]*:|thoi[ \t]+gian[ \t]+ky[ \t]*:",
    re.M,
)

# Dates (blank, in words, numeric, with mixed separators) are read by plankit.dates: find_dates
# and numeric_dates, the one date reader the header and citation readers use too.

# A heading that opens a section telling of results, not of tasks (folded): "KẾT QUẢ THỰC HIỆN
# ...", "ĐÁNH GIÁ KẾT QUẢ ...", "TỔNG KẾT ...", "TÌNH HÌNH THỰC HIỆN ...", "THỰC TRẠNG ...". Only at
# the heading's start: "KIỂM TRA, ĐÁNH GIÁ, BÁO CÁO" is the plan's own reporting, to come.
REVIEW_HEADING_RE = re.compile(
    r"\W*(?:phan\s+thu\s+\w+\W+)?(?:nhung\s+)?(?:ket\s+qua|danh\s+gia\s+(?:ket\s+qua|tinh\s+hinh|viec)"
    r"|tong\s+ket|so\s+ket|tinh\s+hinh(?:\s+va\s+ket\s+qua)?\s+thuc\s+hien|thuc\s+trang)(?!\w)"
)

# Phrases after which the plan's own province belongs: "trên địa bàn tỉnh X", "của tỉnh X",
# "UBND tỉnh X", "Tỉnh ủy X", "Báo X". The place must follow directly.
OWN_PLACE_BEFORE_RE = re.compile(
    r"(?:(?:tren\s+dia\s+ban|cua|cho|toan|nhan\s+dan|nguoi\s+dan)\s+(?:tinh|thanh\s+pho|tp\.?)"
    r"|(?:ubnd|uy\s+ban\s+nhan\s+dan|hdnd|hoi\s+dong\s+nhan\s+dan|tinh\s+uy|thanh\s+uy|dang\s+bo)"
    r"(?:\s+(?:tinh|thanh\s+pho|tp\.?))?"
    r"|(?:bao|dai\s+phat\s+thanh\s+va\s+truyen\s+hinh|dai\s+ptth))\s*$"
)
KIND_BEFORE_RE = re.compile(r"(?:tinh|thanh\s+pho|tp\.?)\s*$")
# The same phrases read forwards, to find where a province name may follow: the alternatives of
# OWN_PLACE_BEFORE_RE one by one, grouped under their first letter (word_alternation), so the
# engine jumps from letter to letter instead of trying every phrase at every position.
_OWN_KIND = r"(?:tinh|thanh\s+pho|tp\.?)"
OWN_PLACE_TRIGGER_RE = re.compile(
    word_alternation(
        [
            *(rf"{w}\s+{_OWN_KIND}" for w in (r"tren\s+dia\s+ban", "cua", "cho", "toan", r"nhan\s+dan", r"nguoi\s+dan")),
            *(
                rf"{w}(?:\s+{_OWN_KIND})?"
                for w in ("ubnd", r"uy\s+ban\s+nhan\s+dan", "hdnd", r"hoi\s+dong\s+nhan\s+dan", r"tinh\s+uy",
                          r"thanh\s+uy", r"dang\s+bo")
            ),
            "bao", r"dai\s+phat\s+thanh\s+va\s+truyen\s+hinh", r"dai\s+ptth",
        ]
    )
    + r"\s*"
)
# What OWN_PLACE_TRIGGER_RE matches, written as one phrase (tests/test_lint_speed.py checks the two
# find the same matches).
_OWN_PLACE_TRIGGER_PLAIN = r"(?<!\w)" + OWN_PLACE_BEFORE_RE.pattern.removesuffix(r"\s*$") + r"\s*"

WORD_RE = re.compile(r"[^\W\d_]+")

# The gap between a word and its double: spaces, or a line break (OCR'd text, wrapped lines).
DOUBLE_OCR_GAP = r"(?:[ \u00a0]+|[ \u00a0]*\n[ \u00a0]*)"
# Punctuation stripped from tokens, so "chế," and "chế" compare equal ("chế, chế" is then a
# candidate that the rule's regex, which wants only spaces between the two, turns down).
_TOKEN_PUNCT = ".,;:()[]*\"'\u201c\u201d-"


def doubled_phrases(folded: str) -> set[str]:
    """Folded one- to three-word phrases that some white space repeats ("che", "mot cua"):
    candidates for the duplicated-word rule, found with ``str.split`` (fast) before any regex.

    >>> sorted(doubled_phrases("co che che mot cua, mot cua mot cua lien thong"))
    ['che', 'cua mot', 'mot cua']
    >>> sorted(doubled_phrases("(co co phu luc kem theo theo)"))
    ['co', 'theo']
    """
    # Clause punctuation becomes a space (str.replace is fast; a translate table is not), so
    # "chế chế," splits into equal tokens; the rule's regex turns down "chế, chế" later.
    # Brackets and quotes are stripped before comparing, so "(có có" is a double too.
    spaced = folded.replace(",", " ").replace(";", " ").replace(".", " ").replace(":", " ")
    toks = list(map(str.strip, spaced.split(), repeat(_TOKEN_PUNCT)))
    found: set[str] = set()
    # Equal tokens ``size`` apart are compared in C (map, compress): a plan has thousands of
    # tokens and a few dozen such pairs.
    for size in (1, 2, 3):
        for i in compress(range(len(toks)), map(eq, toks, toks[size:])):
            first = toks[i : i + size]
            if first == toks[i + size : i + 2 * size] and all(t.isalpha() for t in first):
                found.add(" ".join(first))
    return found


# A horizon before a year: "đến năm 2030", "tầm nhìn 2045", "định hướng đến năm 2030".
_HORIZON_BEFORE_RE = re.compile(r"(?:den|tam\s+nhin)\s+(?:n[aid]m\s*)?$")


def _own_year(plan: Plan, folded: str) -> int | None:
    """The plan's own year, for date-dependent rules: the plan facts' year
    (:attr:`plankit.facts.PlanFacts.year`), unless it was taken from a horizon ("... đến năm
    2025, định hướng đến năm 2030"), which is not the plan's year. A dated plan keeps its year
    (the date decides)."""
    facts = plan.facts
    h = plan.header
    span = h.span("year")
    if facts.year is None or span is None or facts.date is not None or facts.year != h.year:
        return facts.year
    if _HORIZON_BEFORE_RE.search(folded[max(0, span.start - 20) : span.start]):
        return None
    return facts.year


_ALNUM_RUN_RE = re.compile(r"[^\W_]+")


@cache
def _place_first_words() -> frozenset[str]:
    """The first word (run of letters and digits) of every province name and alias, folded: a
    name can start only where one of them stands."""
    words = set()
    for p in provinces():
        for spelling in (p.name, *p.aliases):
            word = _ALNUM_RUN_RE.match(fold(spelling).lstrip())
            if word is None:
                raise ValueError(f"province name {spelling!r} does not start with a letter")
            words.add(word.group())
    return frozenset(words)


def _related(place: Province, name: str) -> bool:
    """Whether ``place`` is province ``name``, its successor or its predecessor (2025 map)."""
    if place.name == name or place.successor == name:
        return True
    return any(p.name == name and p.successor == place.name for p in provinces())


# Paragraph breaks (line ends, blank lines in OCR'd text, tabs) and clause marks (";", ":", ". "),
# each pattern starting with a set of characters, so the engine jumps from one to the next.
# (Outside OCR'd text both are found with str.split, see offsets(): a regex starting with a set
# of characters tests every character of the text, str.split does not.)
_OCR_BREAK_RE = re.compile(r"\n[ \t]*\n|\t")


def offsets(text: str, sep: str) -> list[int]:
    """The offsets of every (non-overlapping) ``sep`` in ``text``, from the lengths of the parts
    :meth:`str.split` cuts: several times faster than a regex or a loop of :meth:`str.find`.

    >>> offsets("a;b;;c", ";"), offsets("x. y. z", ". ")
    ([1, 3, 4], [1, 4])
    """
    parts = text.split(sep)
    parts.pop()
    step = len(sep)
    return list(accumulate(map(add, map(len, parts), repeat(step)), initial=-step))[1:]


def line_starts(first: re.Pattern[str], after_break: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """What ``first.finditer(text)`` finds, for a pattern ``^X`` (multi-line), with ``after_break``
    the pattern ``\nX``: the same groups, found from line break to line break."""
    found = [m for m in (first.match(text),) if m is not None]
    found.extend(after_break.finditer(text))
    return found


def merged_matches(patterns: Iterable[re.Pattern[str]], text: str) -> list[re.Match[str]]:
    """The matches of several patterns in text order (patterns whose matches never overlap)."""
    return sorted((m for p in patterns for m in p.finditer(text)), key=re.Match.start)


# Quoted words: straight quotes paired from the left, curly and angle quotes with their own
# closing mark; no paragraph's worth of text (300 characters) between.
_QUOTED_RE = re.compile(r'"[^"]{1,300}"|“[^“”]{1,300}”|«[^«»]{1,300}»')


# Blocks of running text whose line ends are wrapped lines (see Context._paragraph_breaks).
_WRAPPED_KINDS = frozenset({"subject", "basis", "heading", "paragraph", "item", "closing"})


def break_offsets(text: str, *, ocr: bool = False) -> list[int]:
    """Offsets of paragraph breaks: line ends and tabs; in OCR'd text, blank lines and tabs."""
    if ocr:
        return [m.start() for m in _OCR_BREAK_RE.finditer(text)]
    return offsets(text.replace("\t", "\n"), "\n")


# A line that starts an item ("a) Tuyên truyền", "b. Hình thức", "đ) ..."): never a wrapped line.
_ITEM_MARK_RE = re.compile(r"[^\W\d_][ \t]*[).]")


def soft_wrap(text: str, pos: int) -> bool:
    """Whether the line end (or the indent after it) at ``pos`` wraps a sentence (a PDF or
    portal copy) rather than ends a paragraph: the line does not end with a mark that closes a
    clause (``.;:!?``) and the next line goes on with a small letter ("... trên địa bàn trong
    năm 2022 do Bộ Thông tin và" / "nền tảng số ..."). The white space between may hold blank
    lines and an indent (a double-spaced copy, a first-line tab): no paragraph of a plan starts
    with a small letter, so it is still one sentence.

    >>> soft_wrap("do Bộ Thông tin và\\nnền tảng số", 18), soft_wrap("như sau:\\nnền tảng", 8)
    (True, False)
    >>> soft_wrap("do Bộ Thông tin và\\n\\n\\tnền tảng số", 19), soft_wrap("Tuyên truyền\\tnền tảng", 12)
    (True, False)
    >>> soft_wrap("1. Mục đích\\na) Tuyên truyền", 11)
    False
    """
    if text[pos] not in "\n\t":
        return False
    start, end = pos, pos + 1
    while start > 0 and text[start - 1] in _WRAP_SPACE:
        start -= 1
    while end < len(text) and text[end] in _WRAP_SPACE:
        end += 1
    if "\n" not in text[start:end]:
        return False  # a tab inside a line separates table cells
    nxt = text[end : end + 1]
    if not nxt.isalpha() or not nxt.islower() or _ITEM_MARK_RE.match(text, end):
        return False
    return start > 0 and text[start - 1] not in ".;:!?"


#: The white space a wrapped line's end may carry: spaces, tabs, line ends (blank lines).
_WRAP_SPACE = frozenset(" \t\n")


def segment_mark_offsets(folded: str) -> list[int]:
    """Offsets of ``;``, ``:`` and of ``.`` before a space: where a clause may start."""
    return sorted(offsets(folded.replace(":", ";"), ";") + offsets(folded, ". "))


def clause_end_offsets(folded: str) -> list[int]:
    """The starts of what ``CLAUSE_END_RE.finditer(folded)`` finds: where a reference clause
    may end."""
    ends = offsets(folded, ";")
    ends.extend(m.start() for p in _CLAUSE_END_SCANS for m in p.finditer(folded))
    return sorted(ends)


def folded_text(plan: Plan) -> str:
    """``fold(plan.text)``: the reader's, when the plan carries it (``plan.folded``, the text
    the reader folded to find the header and structure), else folded here."""
    folded = getattr(plan, "folded", None)
    if isinstance(folded, str) and len(folded) == len(plan.text):
        return folded
    return fold(plan.text)


# -- the context a rule sees --------------------------------------------------------------------
class Context:
    """What every rule needs about one plan, computed once and only when asked for.

    Args:
        plan: the plan to lint.
        today: the reference day for "signed" and "in the future" decisions.
        corpus: other plans (last year's plans, the province's plans) for cross-plan rules.
        on: the day to judge the plan on instead of its own date (see :attr:`on`).
    """

    def __init__(self, plan: Plan, *, today: dt.date, corpus: Sequence[Plan] = (), on: dt.date | None = None):
        self.plan = plan
        self.text = plan.text
        self.folded = folded_text(plan)
        self.today = today
        self.corpus_source = corpus
        self.year = _own_year(plan, self.folded)
        self.ocr = plan.source.ocr
        if on is not None:
            self.on = on  # the cached_property below, given

    @cached_property
    def corpus(self) -> tuple[Plan, ...]:
        """The other plans (without this one)."""
        return tuple(p for p in self.corpus_source if p is not self.plan)

    # dates ---------------------------------------------------------------------------------
    @cached_property
    def on(self) -> dt.date | None:
        """The earliest day the plan can speak for: its date; else the 1st of its month, else
        1 January of its own year; ``None`` when neither a date nor a year is known. Never
        ``today``: a plan whose date cannot be read is not judged as if written today."""
        facts = self.plan.facts
        if facts.date is not None:
            return facts.date
        parts = facts.date_parts
        year = parts.year or self.year
        if year and parts.month and 1 <= parts.month <= 12:
            return dt.date(year, parts.month, 1)
        if year:
            return dt.date(year, 1, 1)
        return None

    @cached_property
    def latest(self) -> dt.date | None:
        """The latest day the plan can bear: its date; else the end of its month or year;
        ``None`` when neither a date nor a year is known."""
        facts = self.plan.facts
        if facts.date is not None:
            return facts.date
        parts = facts.date_parts
        year = parts.year or self.year
        if year and parts.month and 1 <= parts.month <= 12:
            return dt.date(year, parts.month, calendar.monthrange(year, parts.month)[1])
        if year:
            return dt.date(year, 12, 31)
        return None

    @property
    def dated(self) -> bool:
        """Whether the plan has a date or a year to judge date-dependent rules by."""
        return self.on is not None

    @cached_property
    def signed(self) -> bool:
        """Whether the plan counts as signed (see :func:`blank_number`)."""
        if self.plan.draft:
            return False
        folded = self.folded
        # Each line that holds a hint is searched once, however many hints it holds (a line
        # repeating "đã ký kết" must not be rescanned per occurrence).
        searched_to = -1
        for hint in SIGNED_HINT_RE.finditer(folded):
            if hint.start() < searched_to:
                continue
            lo = folded.rfind("\n", 0, max(0, hint.start() - 20)) + 1
            lo = max(lo, searched_to)
            hi = folded.find("\n", hint.end())
            hi = hi if hi != -1 else len(folded)
            if SIGNED_RE.search(folded, lo, hi):
                return True
            searched_to = hi
        latest = self.latest
        return bool(self.plan.header.signer) and latest is not None and latest < self.today

    # places --------------------------------------------------------------------------------
    @cached_property
    def province(self) -> Province | None:
        """The plan's own province: the plan facts' (:attr:`plankit.facts.PlanFacts.province`),
        unless the place line it comes from is contradicted.

        The issuing body outranks the place line: a place line copied from another province's
        plan (``Hưng Yên, ngày ...`` under ``UBND TỈNH HẢI DƯƠNG``) is one slip, reported once
        on that line (:attr:`place_slip`), not a reason to call every correct mention foreign.
        Without an issuing body that names a province, a place line is also outranked when
        every own-province phrase of the text ("trên địa bàn tỉnh X", "UBND tỉnh X", at least
        two) names one other province.
        """
        h = self.plan.header
        own = self.plan.facts.province
        place = self.plan.facts.place_province  # exact: 'Đăk La' is a commune, not Đắk Lắk
        if place is None or own is None or own.name != place.name:
            return own
        body = None
        for raw in (h.parent, h.issuer):
            if raw:
                body = match_place(raw)
                if body is not None:
                    break
        if body is not None:
            return body if not _related(place, body.name) else own
        mentioned = self._own_phrase_provinces()
        if len(mentioned) == 1:
            ((name, n),) = mentioned.items()
            if n >= 2 and not _related(place, name):
                return next(p for p in provinces() if p.name == name)
        return own

    def _own_phrase_provinces(self) -> Counter[str]:
        """Provinces named right after the phrases that speak of the plan's own province."""
        counts: Counter[str] = Counter()
        for start, _, place in self.own_place_mentions:
            if not self.in_clause(start):
                counts[place.name] += 1
        return counts

    @cached_property
    def own_place_mentions(self) -> list[tuple[int, int, Province]]:
        """Provinces named right after a phrase that speaks of the plan's own province ("trên
        địa bàn tỉnh X", "UBND tỉnh X", "Báo X"), as ``(start, end, province)``: found once for
        :attr:`province` and ``foreign-place``."""
        found = []
        first_words = _place_first_words()
        for trigger in OWN_PLACE_TRIGGER_RE.finditer(self.folded):
            at = trigger.end()
            word = _ALNUM_RUN_RE.match(self.folded, at)
            if word is None or word.group() not in first_words:
                continue  # no province name starts here ("báo cáo", "của tỉnh về ...")
            found.extend(
                (at + s, at + e, p) for s, e, p in find_places(self.text[at : at + 40]) if s == 0
            )
        return found

    @cached_property
    def place_slip(self) -> bool:
        """Whether the header's place line names another province than the plan's own (see
        :attr:`province`)."""
        own = self.province
        place = self.plan.facts.place_province  # exact: 'Đăk La' is a commune, not Đắk Lắk
        return own is not None and place is not None and not _related(place, own.name)

    @cached_property
    def own_places(self) -> frozenset[str]:
        """Names that count as the plan's own province on the plan's date.

        The province itself; under a new name (Thừa Thiên Huế and thành phố Huế, which was also
        a city inside the province before); and, once the 2025 mergers took effect on the plan's
        date, the unit it merged into and the units merged into it. Before 2025-07-01 Sóc Trăng
        is another province for a Cần Thơ plan; after, it is part of Cần Thơ.
        """
        own = self.province
        if own is None:
            return frozenset()
        on = self.on or dt.date(1990, 1, 1)
        names = {own.name}
        every = provinces()
        if own.successor and (own.status == "renamed" or not own.valid_on(on)):
            names.add(own.successor)
        for p in every:
            if p.successor in names and (p.status == "renamed" or not p.valid_on(on)):
                names.add(p.name)
        return frozenset(names)

    # structure -----------------------------------------------------------------------------
    @cached_property
    def _paragraph_breaks(self) -> list[int]:
        """Offsets where a clause or sentence cannot continue: line ends (blank lines in OCR'd
        text, whose lines are wrapped inside paragraphs) and tabs (table cells)."""
        breaks = break_offsets(self.text, ocr=self.ocr)
        if self.ocr:
            return breaks
        # A line end inside one block of running text the reader joined (a basis clause, a
        # paragraph, a heading, an item, the subject or the closing sentence wrapped over
        # lines), or one that goes on with a small letter mid-sentence (soft_wrap), is a
        # wrapped line, not a break: a clause read across it is the clause of the unwrapped
        # text, so a year or a name in a cited document's subject stays inside its reference
        # clause however the copy was wrapped.
        inner = {pos for pos in breaks if soft_wrap(self.text, pos)}
        for block in self.plan.blocks:
            if block.kind not in _WRAPPED_KINDS:
                continue
            start, end = block.span.start, block.span.end
            pos = self.text.find("\n", start, end)
            while pos != -1:
                inner.add(pos)
                pos = self.text.find("\n", pos + 1, end)
        return [pos for pos in breaks if pos not in inner] if inner else breaks

    def is_break(self, pos: int) -> bool:
        """Whether the line end or tab at ``pos`` ends a paragraph (not a wrapped line)."""
        breaks = self._paragraph_breaks
        i = bisect.bisect_left(breaks, pos)
        return i < len(breaks) and breaks[i] == pos

    def _next_break(self, pos: int) -> int:
        breaks = self._paragraph_breaks
        i = bisect.bisect_right(breaks, pos)
        return breaks[i] if i < len(breaks) else len(self.text)

    def _prev_break(self, pos: int) -> int:
        breaks = self._paragraph_breaks
        i = bisect.bisect_left(breaks, pos)
        return breaks[i - 1] + 1 if i > 0 else 0

    @cached_property
    def _segment_marks(self) -> list[int]:
        """Offsets of ``;``, ``:`` and sentence ends (``. ``), where a clause may start."""
        return segment_mark_offsets(self.folded)

    def segment_start(self, pos: int) -> int:
        """Where the clause holding ``pos`` starts: after the last ``;``, ``:``, sentence end or
        paragraph break before it. (A bisection in offsets found once: a line with many years
        is not rescanned per year.)"""
        start = self._prev_break(pos)
        marks = self._segment_marks
        i = bisect.bisect_right(marks, pos - 1) - 1
        # a ". " mark must end before pos, like the rfind on folded[start:pos] it replaces
        while i >= 0 and marks[i] >= start and self.folded[marks[i]] == "." and marks[i] + 2 > pos:
            i -= 1
        if i >= 0 and marks[i] >= start:
            return marks[i] + 1
        return start

    def segment_end(self, pos: int) -> int:
        """Where the clause holding ``pos`` ends: at the first ``;``, ``:``, sentence end
        (``. ``) or paragraph break at or after it (the counterpart of :meth:`segment_start`)."""
        end = self._next_break(pos)
        marks = self._segment_marks
        i = bisect.bisect_left(marks, pos)
        return min(marks[i], end) if i < len(marks) else end

    @cached_property
    def _quoted(self) -> list[tuple[int, int]]:
        """Spans of quoted words (between ``"``, ``“ ”`` or ``« »`` in one paragraph, at most
        300 characters): the title of an award, a book, a column or a theme, quoted as written."""
        spans = []
        for m in _QUOTED_RE.finditer(self.text):
            brk = self.text.find("\n", m.start(), m.end())
            while brk != -1 and not self.is_break(brk):
                brk = self.text.find("\n", brk + 1, m.end())
            if brk == -1:
                spans.append((m.start() + 1, m.end() - 1))
        return spans

    def in_quotes(self, pos: int) -> bool:
        """Whether offset ``pos`` lies inside quotation marks (see :attr:`_quoted`)."""
        spans = self._quoted
        i = bisect.bisect_right(spans, (pos, len(self.text) + 1)) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        """Spans of reference clauses: a cited document from its type word through its number,
        date, issuer and subject, up to the end of the clause. Years, periods and names inside
        them belong to the cited document, not to the plan."""
        spans: list[tuple[int, int]] = []
        prev_end = 0
        for m in DOCNUM_RE.finditer(self.folded):
            seg = max(self.segment_start(m.start()), prev_end)
            words = list(DOCWORD_RE.finditer(self.folded, seg, m.start()))
            start = words[-1].start() if words else m.start()
            limit = self._next_break(m.end())
            end = self._clause_end(m.end(), limit)
            spans.append((start, end))
            prev_end = m.end()
        merged: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        return merged

    @cached_property
    def _clause_ends(self) -> list[int]:
        """Offsets where a reference clause may end (:data:`CLAUSE_END_RE`), found once."""
        return clause_end_offsets(self.folded)

    def _clause_end(self, pos: int, limit: int) -> int:
        """The first clause end at or after ``pos`` and before ``limit``, else ``limit``: a
        bisection, so "1/a " repeated on one long line is not a scan to its end per number."""
        ends = self._clause_ends
        i = bisect.bisect_left(ends, pos)
        if i < len(ends) and ends[i] < limit:
            return ends[i]
        m = CLAUSE_END_RE.search(self.folded, pos, min(limit, pos + 200))
        return m.start() if m else limit

    def in_clause(self, pos: int) -> bool:
        """Whether offset ``pos`` lies inside a reference clause (see :attr:`clauses`)."""
        spans = self.clauses
        i = bisect.bisect_right(spans, (pos, len(self.text) + 1)) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    def clause_at(self, pos: int) -> tuple[int, int] | None:
        """The reference clause holding ``pos``, if any."""
        spans = self.clauses
        i = bisect.bisect_right(spans, (pos, len(self.text) + 1)) - 1
        if i >= 0 and spans[i][0] <= pos < spans[i][1]:
            return spans[i]
        return None

    @cached_property
    def _review_sections(self) -> list[tuple[int, int]]:
        spans = [
            (sec.span.start, sec.span.end)
            for top in self.plan.sections
            for sec in top.walk()
            if REVIEW_HEADING_RE.match(fold(sec.title))
        ]
        return sorted(spans)

    def in_review(self, pos: int) -> bool:
        """Whether offset ``pos`` lies in a section that tells of results ("I. KẾT QUẢ THỰC HIỆN
        GIAI ĐOẠN 2021-2025", "Phần thứ nhất. ĐÁNH GIÁ TÌNH HÌNH ..."): its past years and periods
        are the subject of the section, not last year's words left in a copy."""
        return any(s <= pos < e for s, e in self._review_sections)

    def reference_text(self, start: int, end: int) -> str:
        """The folded words of one cited document, its number at ``[start, end)``: from the
        document word before it ("Kế hoạch tuyên truyền ... năm 2025 số 390/KH-UBND") to the end
        of its clause or the next cited document, whichever comes first."""
        clause = self.clause_at(start)
        if clause is None:
            return ""
        words = list(DOCWORD_RE.finditer(self.folded, clause[0], start))
        first = words[-1].start() if words else start
        stop = clause[1]
        nxt = DOCNUM_RE.search(self.folded, end, stop)
        if nxt is not None:
            before_next = list(DOCWORD_RE.finditer(self.folded, end, nxt.start()))
            stop = before_next[-1].start() if before_next else nxt.start()
        return self.folded[first:stop]

    @cached_property
    def closing(self) -> list[tuple[int, int]]:
        """Spans of the closing sentence "Trên đây là Kế hoạch ..." (to "./." or its paragraph end):
        the plan facts' closing (:attr:`plankit.facts.PlanFacts.closing`) when the reader found
        one, else every such sentence in the text (a plan read without structure)."""
        facts_closing = self.plan.facts.closing
        if facts_closing is not None:
            return [(facts_closing.start, facts_closing.end)]
        out = []
        for m in CLOSING_RE.finditer(self.folded):
            limit = min(self._next_break(m.end()), m.end() + 400)
            end = self.folded.find("./.", m.end(), limit)
            out.append((m.start(), end if end != -1 else limit))
        return out

    @cached_property
    def own_years(self) -> list[YearMention]:
        """Years in phrases where the plan speaks of itself: the mentions of kind ``own``
        (:func:`plankit.years.year_mentions`), with the linter's clauses (OCR'd paragraphs),
        reference clauses and closing sentence. ``stale-year`` and ``title-date-mismatch``
        share them. A year inside quotation marks outside the closing sentence is left out: a
        quoted title names another document or campaign ('Kế hoạch "Cải cách hành chính năm
        2024"' in a plan reviewing it), not the plan."""
        return [
            m
            for m in year_mentions(
                self.folded,
                text=self.text,
                segment_start=self.segment_start,
                in_citation=self.in_clause,
                closing=self.closing,
            )
            if m.kind == "own"
            and not (self.in_quotes(m.start) and not any(s <= m.start < e for s, e in self.closing))
        ]

    @cached_property
    def citations(self) -> list[Citation]:
        """The plan's citations (:attr:`Plan.citations`)."""
        return list(self.plan.citations)

    # findings ------------------------------------------------------------------------------
    def context_of(self, start: int, end: int) -> tuple[str, int]:
        """The sentence (or line, or table cell) around ``[start, end)`` and its offset."""
        text = self.text
        # Bounded windows: a finding on a very long line does not scan the whole line.
        lo = max(self._prev_break(start), start - 400)
        hi = min(self._next_break(end), end + 400)
        dot = text.rfind(". ", lo, start)
        lo = dot + 2 if dot != -1 else lo
        dot = text.find(". ", end, hi)
        hi = dot + 1 if dot != -1 else hi
        if start - lo > 160:
            lo = text.rfind(" ", lo, start - 140) + 1 or start - 140
        if hi - end > 160:
            cut = text.find(" ", end + 140, hi)
            hi = cut if cut != -1 else end + 160
        while lo < start and text[lo] in " \t\n":
            lo += 1
        while hi > end and text[hi - 1] in " \t\n":
            hi -= 1
        return text[lo:hi], lo

    def finding(
        self,
        rule: str,
        start: int,
        end: int,
        message: str,
        *,
        severity: str | None = None,
        suggestion: str | None = None,
        safe: bool = False,
    ) -> Finding:
        """A finding of rule ``rule`` on ``plan.text[start:end]``; a ``suggestion`` becomes its
        :class:`~plankit.model.Fix` (replace the span), ``safe`` when the rule is sure of it."""
        code, name, default, _ = metadata()[rule]
        line, column = self.plan.position(start)
        context, context_start = self.context_of(start, end)
        return Finding(
            code=code,
            rule=name,
            severity=severity or default,
            message=message,
            span=Span(start, end),
            line=line,
            column=column,
            surface=self.text[start:end],
            suggestion=suggestion,
            file=self.plan.source.path or self.plan.source.name,
            context=context,
            context_start=context_start,
            fix=None if suggestion is None else Fix.replace(Span(start, end), suggestion, safe=safe),
        )


# -- year phrases, shared by stale-year and title-date-mismatch ---------------------------------
def self_years(ctx: Context) -> list[YearMention]:
    """Years in phrases where the plan speaks of itself (see :func:`stale_year`): the mentions
    of kind ``own`` (:attr:`Context.own_years`, found once per plan)."""
    return ctx.own_years


def fires(
    text: str, check: Callable[[Context], Iterable[Finding]], *, today: dt.date | None = None
) -> list[str]:
    """The surfaces the rule function ``check`` flags in the plan read from ``text``, in text
    order (for the rules' doctests; ``today`` defaults to 1 January 2030).

    >>> from plankit.lint.rules import duplicated_word
    >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nNội dung của của kế hoạch.", duplicated_word)
    ['của của']
    """
    from ..read import read_text

    plan = read_text(text, name="example.txt")
    ctx = Context(plan, today=today or dt.date(2030, 1, 1))
    found = sorted(check(ctx), key=lambda f: (f.span.start, f.span.end, f.code))
    return [f.surface for f in found]
