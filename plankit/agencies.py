"""Agency and place names that stopped being valid: which, since when, and what replaced them.

A plan copied forward keeps last year's names: a 2026 draft copied from the January 2025 Cần Thơ
plan still sends a copy to "Sở Thông tin và Truyền thông", a body merged into the Sở Khoa học và
Công nghệ on 2025-03-01. :func:`stale_names` finds such names in a text for a given day, from the
verified changes in :func:`plankit.places.agency_changes` (each with its legal basis and source).
The linter reports them (rule ``stale-agency``); the drafter replaces them.

Matching is on folded text (:func:`plankit.text.fold`), so "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở
Thông tin và  Truyền thông" over a line break and the OCR'd "S6 Thong tin va Truyén thong" are
all found, and every span is a span of the original text.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, NamedTuple

from .places import agency_changes, match_place
from .text import alternation, fold, is_upper_text

__all__ = ["StaleName", "stale_names", "word_alternation"]


def word_alternation(alternatives: list[str]) -> str:
    r"""A group matching what ``(?<!\w)`` then :func:`plankit.text.alternation` of
    ``alternatives`` match, at the same places, written so the regex engine skips ahead.

    A pattern that starts with a look-behind hides its first letters from the engine, which then
    tries the whole group at every position of a text. Here each alternative checks the word
    boundary after its leading letters (``cua(?<!\wcua)``), and :func:`~plankit.text.alternation`
    groups the alternatives under their first letters: the group starts with a set of letters,
    the engine jumps from one of them to the next, and the look-behind runs only where a whole
    first word matched (two to five times less work on a plan).

    >>> word_alternation([r"cua\s+tinh", r"cho", r"bao"])
    '(?:c(?:ua(?<!\\wcua)\\s+tinh|ho(?<!\\wcho))|bao(?<!\\wbao))'
    >>> text, alts = "abc a xab cd bd", ["ab", "a", "abc", "bd", "c?d"]
    >>> [m.span() for m in re.finditer(word_alternation(alts), text)]
    [(0, 2), (4, 5), (10, 12), (13, 15)]
    >>> [m.span() for m in re.finditer(r"(?<!\w)" + alternation(alts), text)]
    [(0, 2), (4, 5), (10, 12), (13, 15)]
    """
    out = []
    for alt in alternatives:
        n = 0  # the leading letters and digits that no quantifier follows
        while n < len(alt) and alt[n].isalnum() and alt[n + 1 : n + 2] not in ("?", "*", "+", "{"):
            n += 1
        out.append(f"{alt[:n]}(?<!\\w{alt[:n]}){alt[n:]}" if n else r"(?<!\w)" + alt)
    return alternation(out)

# Abbreviations officers write in recipient lists and tables, for the names that changed. The
# full names come from agency_changes.json; these are only other spellings of the same old names.
_ALIASES: dict[str, tuple[str, ...]] = {
    "Sở Thông tin và Truyền thông": (
        "Sở TT&TT",
        "Sở TTTT",
        "Sở TT và TT",
        "Sở Thông tin - Truyền thông",
    ),
    "Sở Kế hoạch và Đầu tư": ("Sở KH&ĐT", "Sở KHĐT", "Sở KH và ĐT", "Sở Kế hoạch - Đầu tư"),
    "Sở Giao thông vận tải": ("Sở GTVT", "Sở Giao thông - Vận tải"),
    "Sở Lao động - Thương binh và Xã hội": (
        "Sở LĐ-TB&XH",
        "Sở LĐTB&XH",
        "Sở LĐTBXH",
        "Sở Lao động, Thương binh và Xã hội",
        "Sở Lao động Thương binh và Xã hội",
    ),
    "Sở Nông nghiệp và Phát triển nông thôn": ("Sở NN&PTNT", "Sở NN và PTNT", "Sở NNPTNT"),
    "Sở Tài nguyên và Môi trường": ("Sở TN&MT", "Sở TNMT", "Sở TN và MT"),
    "Bộ Kế hoạch và Đầu tư": ("Bộ KH&ĐT", "Bộ KHĐT"),
    "Bộ Giao thông vận tải": ("Bộ GTVT",),
    "Bộ Lao động - Thương binh và Xã hội": ("Bộ LĐ-TB&XH", "Bộ LĐTB&XH", "Bộ LĐTBXH"),
    "Bộ Nông nghiệp và Phát triển nông thôn": ("Bộ NN&PTNT", "Bộ NNPTNT"),
    "Bộ Tài nguyên và Môi trường": ("Bộ TN&MT", "Bộ TNMT"),
    "Ban Dân tộc tỉnh": ("Ban Dân tộc",),
}

# Words after an old name that make it another, current body's name (folded): the People's
# Council and the Front have their own "Ban Dân tộc" ("Ban Dân tộc HĐND tỉnh", "Ban Dân tộc và
# Tôn giáo của Ủy ban MTTQ"), which the 2025 reorganisation did not touch.
_NOT_BEFORE: dict[str, re.Pattern[str]] = {
    "Ban Dân tộc tỉnh": re.compile(
        r"[ \t]*(?:va\s+ton\s+giao|(?:cua\s+|thuoc\s+)?(?:hdnd|hoi\s+dong\s+nhan\s+dan|mttq|mat\s+tran"
        r"|uy\s+ban\s+(?:trung\s+uong\s+)?mat\s+tran))(?!\w)"
    ),
}

# The end of the district level is not a renaming: its tasks went to the province or the commune,
# so these phrases get no replacement. Bare "huyện" or "quận" is left alone: it also names places
# ("huyện Bố Trạch (cũ)", an address); the bodies of a district are not ("UBND huyện Bố Trạch",
# "Huyện ủy", "Văn phòng HĐND và UBND huyện"). A "thành phố" or "thị xã" is no body name of its
# own here: "UBND thành phố" is also a centrally-run city's.
_DISTRICT_PHRASES = (
    "Ủy ban nhân dân cấp huyện",
    "UBND cấp huyện",
    "cấp huyện",
    "UBND các huyện, thị xã, thành phố",
    "các huyện, thị xã, thành phố",
    "UBND các huyện, thành phố",
    "các huyện, thành phố",
    *(
        f"{body} {unit}"
        for body in ("Ủy ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND", "HĐND và UBND")
        for unit in ("huyện", "quận", "thị xã")
    ),
    "Huyện ủy",
    "Quận ủy",
    "Thị ủy",
    # The district's police (none since 1/3/2025; flagged from the end of the district level) and
    # its specialised offices (phòng chuyên môn thuộc UBND cấp huyện, Nghị định 37/2014 and
    # 108/2020/NĐ-CP), named with their district: "Phòng Nội vụ huyện", "Công an quận".
    *(
        f"{body} {unit}"
        for body in (
            "Công an",
            "Phòng Nội vụ",
            "Phòng Tư pháp",
            "Phòng Tài chính - Kế hoạch",
            "Phòng Giáo dục và Đào tạo",
            "Phòng Văn hóa và Thông tin",
            "Phòng Văn hóa - Thông tin",
            "Phòng Văn hóa, Khoa học và Thông tin",
            "Phòng Kinh tế và Hạ tầng",
            "Phòng Kinh tế",
            "Phòng Quản lý đô thị",
            "Phòng Y tế",
            "Phòng Tài nguyên và Môi trường",
            "Phòng Nông nghiệp và Phát triển nông thôn",
            "Phòng Lao động - Thương binh và Xã hội",
            "Phòng Dân tộc",
            "Thanh tra",
        )
        for unit in ("huyện", "quận", "thị xã")
    ),
    "Công an cấp huyện",
)


class StaleName(NamedTuple):
    """A name in a text that was no longer valid on the day asked about.

    ``start`` and ``end`` are offsets into the text; ``old`` is the name as the change data
    writes it; ``new`` is what replaced it, in the letter case of the text found (upper case in a
    header), or ``None`` when nothing replaces it one-to-one (the district level); ``change`` is
    the entry of :func:`plankit.places.agency_changes` (kind, effective, basis, source).
    """

    start: int
    end: int
    old: str
    new: str | None
    change: dict[str, Any]


def _strip_kind(name: str) -> str:
    return name.split(" (")[0].strip()


def _norm(folded: str) -> str:
    """The lookup form of a folded name: one space, one dash, an OCR'd "Sở" read as "so"."""
    text = re.sub(r"\s*[-\u2013\u2014]\s*", "-", folded)
    text = " ".join(text.split())
    return re.sub(r"^s[06&\u00a2e](?= )", "so", text)


def _pattern(name: str) -> str:
    """A regex for ``name`` over folded text: any white space between words, any dash."""
    folded = fold(name)
    out = []
    for token in re.split(r"(\s*[-\u2013\u2014]\s*|\s+)", folded):
        if not token:
            continue
        if token.strip() in ("-", "\u2013", "\u2014"):
            out.append(r"\s*[-\u2013\u2014]\s*")
        elif token.isspace():
            out.append(r"\s+")
        else:
            out.append(re.escape(token))
    if folded.startswith("so "):
        out[0] = "s[o06&\u00a2e]"  # OCR reads Sở as S6, S&, S¢, Sé
    return "".join(out)


@lru_cache(maxsize=256)
def _scoped(province: str | None) -> tuple[tuple[tuple[dt.date, int], ...], frozenset[str]]:
    """The changes that apply to ``province`` as (effective day, change index), and the folded
    old names its own changes cover."""
    changes = agency_changes()
    own = match_place(province) if province else None
    scoped_olds: set[str] = set()
    dated: list[tuple[dt.date, int]] = []
    for index, change in enumerate(changes):
        scope = change.get("scope", "national")
        if scope != "national":
            place = match_place(scope)
            if own is None or place is None or place.name != own.name:
                continue
            # The province's own change replaces the national one for these names, whenever
            # it took effect (Thành phố Hồ Chí Minh kept Sở Tài nguyên và Môi trường until May).
            scoped_olds.update(fold(o) for o in change["old"])
        dated.append((dt.date.fromisoformat(change["effective"]), index))
    return tuple(dated), frozenset(scoped_olds)


@lru_cache(maxsize=1024)
def _entries(
    applicable: tuple[int, ...], scoped_olds: frozenset[str]
) -> tuple[tuple[str, str, str | None, int], ...]:
    """(old spelling, canonical old name, new name or None, change index) of the changes
    ``applicable``."""
    changes = agency_changes()
    out: list[tuple[str, str, str | None, int]] = []
    for index in applicable:
        change = changes[index]
        kind = change["kind"]
        if kind == "district_abolished":
            out.extend((phrase, phrase, None, index) for phrase in _DISTRICT_PHRASES)
            continue
        new = _strip_kind(change["new"])
        for old in change["old"]:
            if fold(_strip_kind(old)) == fold(new):
                continue  # the body that absorbed the others keeps its name
            if change.get("scope", "national") == "national" and fold(old) in scoped_olds:
                continue  # this province did it differently: its own entry applies
            for spelling in (old, *_ALIASES.get(old, ())):
                out.append((spelling, old, new, index))
    return tuple(out)


@lru_cache(maxsize=1024)
def _applicable(on: dt.date, province: str | None) -> tuple[tuple[str, str, str | None, int], ...]:
    """The entries valid to flag on ``on`` (plans of many days share a few sets, built once)."""
    dated, scoped_olds = _scoped(province)
    return _entries(tuple(index for day, index in dated if day <= on), scoped_olds)


@lru_cache(maxsize=64)
def _compiled(
    entries: tuple[tuple[str, str, str | None, int], ...],
) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, str | None, int]]]:
    """One regex for the names in ``entries``, cached: plans of many dates share a few sets."""
    if not entries:
        return None, {}
    table: dict[str, tuple[str, str | None, int]] = {}
    for spelling, old, new, index in entries:
        table.setdefault(_norm(fold(spelling)), (old, new, index))
    spellings = sorted({e[0] for e in entries}, key=lambda s: len(fold(s)), reverse=True)
    pattern = re.compile(word_alternation([_pattern(s) for s in spellings]) + r"(?!\w)")
    return pattern, table


def _fit_case(new: str, old: str, surface: str) -> str:
    """``new`` written like ``surface``: all capitals in a header, a capital at a sentence start.

    A capital is added only where the text capitalised a word the old name writes in lower case
    ("Tỉnh Thừa Thiên Huế" at the start of a line): a proper name keeps ``new`` as it is.
    """
    if is_upper_text(surface, threshold=0.95):
        return new.upper()
    if surface[:1].isupper() and old[:1].islower() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def stale_names(
    text: str, on: dt.date, *, province: str | None = None, folded: str | None = None
) -> list[StaleName]:
    """Every agency or place name in ``text`` that was no longer valid on day ``on``.

    National changes always apply; a change scoped to one province (Thành phố Hồ Chí Minh merged
    its departments on its own calendar) applies only when ``province`` names it. A name is
    stale from the change's ``effective`` day on, so the same text is right in January 2025 and
    stale in 2026.

    Args:
        text: plan text (any spans returned are offsets into it).
        on: the day the text speaks for, normally the plan's date.
        province: the plan's own province, for province-scoped changes.
        folded: ``fold(text)`` when the caller has it already (saves folding it again).

    Returns:
        The stale names in text order, longest match first where names overlap.

    >>> text = "Nơi nhận:\\n- Sở Thông tin và Truyền thông;\\n- UBND tỉnh Thừa Thiên Huế;"
    >>> [(text[s.start:s.end], s.new) for s in stale_names(text, dt.date(2026, 1, 15))]
    [('Sở Thông tin và Truyền thông', 'Sở Khoa học và Công nghệ'), ('tỉnh Thừa Thiên Huế', 'thành phố Huế')]
    >>> stale_names(text, dt.date(2024, 12, 20))
    []
    >>> [s.new for s in stale_names("S6 Thong tin va Truyén thong", dt.date(2026, 1, 15))]
    ['Sở Khoa học và Công nghệ']
    """
    pattern, table = _compiled(_applicable(on, province))
    if pattern is None:
        return []
    folded = folded if folded is not None else fold(text)
    changes = agency_changes()
    found: list[StaleName] = []
    for m in pattern.finditer(folded):
        entry = table.get(_norm(m.group()))
        if entry is None:  # pragma: no cover - every alternative comes from the table
            continue
        old, new, index = entry
        not_before = _NOT_BEFORE.get(old)
        if not_before is not None and not_before.match(folded, m.end()):
            continue  # another body of the same words ("Ban Dân tộc HĐND tỉnh")
        surface = text[m.start() : m.end()]
        found.append(
            StaleName(
                m.start(),
                m.end(),
                old,
                _fit_case(new, old, surface) if new else None,
                changes[index],
            )
        )
    return found
