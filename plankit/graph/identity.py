"""One node per cited document, however it is written: the identity of a citation in the graph.

:attr:`plankit.model.Citation.doc_id` names a document as one citation sees it. Real folders
cite one document in several ways: with and without its date (``45/KH-UBND`` of Hưng Yên cited
once "ngày 02/02/2023" and once bare), with and without the issuer's province, with OCR's
``ND-CP`` for ``NĐ-CP``, and a document whose issuer the extractor could not place
(``level="other"``) gets the citing plan's province although its number is national
(``02-TB/BCĐTW``, ``17/QĐ-UBQGCĐS``). :func:`document_level` places such a citation from its
issuer's name or its number, :func:`is_national` says whose numbers need no province, and
:class:`Identities` gives every citation of a folder one id per document.

>>> ids = Identities()
>>> from plankit.model import Citation
>>> dated = Citation("45/KH-UBND", "Kế hoạch", "45", 2023, "KH-UBND", scope="Hưng Yên",
...                  level="province")
>>> bare = Citation("45/KH-UBND", "Kế hoạch", "45", None, "KH-UBND", scope="Hưng Yên",
...                 level="province")
>>> ids.add(dated); ids.add(bare)
>>> ids.resolve(bare)[:2]
('45/KH-UBND@hung-yen/2023', 'province')
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from ..places import slug
from ..text import fold

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Citation

__all__ = ["LOWER_TIERS", "Identities", "bare_unit", "document_level", "is_national", "locality", "lookup",
           "norm_key", "ocr_key", "own_units", "place_of"]


@lru_cache(maxsize=1 << 16)
def norm_key(key: str) -> str:
    """A number compared as OCR and typists vary it: folded (``Đ`` is ``d``), spaces dropped.

    >>> norm_key("61/2018/ND-CP") == norm_key("61/2018/NĐ-CP"), norm_key("57 - NQ/TW")
    (True, '57-nq/tw')
    """
    return "".join(fold(key).split())


_slug = lru_cache(maxsize=1 << 12)(slug)

# OCR's confusions in a number as printed (Số: 07/KH-UBND): in the digits, letters of the same
# shape (O for 0, l and I for 1, S for 5); in the symbol, the digits plankit.diff.tokens.ocr_clean
# reads as letters (0 o, 1 l, 4 a, 5 s, 6 o), I for l, and D (Đ) for O.
_NUMBER_PART = re.compile(r"^[0-9olis]+(?=[a-z]?[-/])")
_NUMBER_DIGITS = str.maketrans("olis", "0115")
_SYMBOL_LETTERS = str.maketrans("01456id", "olasolo")


@lru_cache(maxsize=1 << 14)
def ocr_key(key: str) -> str:
    """A number (or a node id that starts with one) compared as a scan may read it: folded and
    without spaces (:func:`norm_key`), its digits and its symbol's letters each with OCR's
    look-alikes made one. Only what OCR confuses: the number, symbol, province and year stay.

    >>> ocr_key("07/KH-UBND@quang-ngai/2024") == ocr_key("O7/KH-UBNĐ@quang-ngai/2024")
    True
    >>> ocr_key("1S/KH-UBN0") == ocr_key("15/KH-UBND"), ocr_key("15a/2025/NĐ-CP") == ocr_key("15a/2025/ND-CP")
    (True, True)
    >>> ocr_key("07/KH-UBND@quang-ngai/2024") == ocr_key("07/KH-UBND@quang-ngai/2023")
    False
    """
    norm = norm_key(key)
    ref, at, where = norm.partition("@")
    m = _NUMBER_PART.match(ref)
    digits, rest = (m.group().translate(_NUMBER_DIGITS), ref[m.end():]) if m else ("", ref)
    # the year inside a number (45/2020/NĐ-CP) is digits too; the rest is the symbol
    head, slash, symbol = rest.rpartition("/")
    return f"{digits}{head}{slash}{symbol.translate(_SYMBOL_LETTERS)}{at}{where}"


# The issuer's name (folded) -> level, first match wins: the lower tiers before the province.
_ISSUER_LEVELS = tuple((re.compile(p), level) for p, level in (
    (r"\b(?:tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy|bo chinh tri|ban bi thu|"
     r"ban chap hanh trung uong|trung uong dang|ban chi dao trung uong|ban thuong vu)\b", "party"),
    (r"\b(?:thu tuong|chinh phu|quoc hoi|chu tich nuoc|uy ban quoc gia|ban chi dao quoc gia|"
     r"bo (?!chi huy)[a-z]|van phong chinh phu)", "central"),
    (r"\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|chu tich)\s+(?:cac\s+)?"
     r"(?:huyen|quan|thi xa)\b", "district"),
    (r"\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|chu tich)\s+(?:cac\s+)?"
     r"(?:xa|phuong|thi tran|dac khu)\b", "commune"),
    (r"^so\s|\bso [a-z]", "department"),
    (r"\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\s+(?:tinh|thanh pho)\b", "province"),
))

# A number's issuing body: after the slash of a Party number (57-NQ/TW), after the type of an
# administrative one (QĐ-UBQGCĐS), or before the unit of an official letter (1284/BTTTT-CĐS).
_PARTY_NUMBER = re.compile(r"^\d+[a-z]?-[^/]+/(.+)$")
_ADMIN_NUMBER = re.compile(r"^\d+(?:/\d{4})?/([^/]+)$")
# Bodies (folded) whose numbers are national. Ministries are "b" + their initials (byt, bttttt,
# bkhcn); steering boards (bcd), management boards (bql), the military command (bch), the ethnic
# affairs board (bdt), social insurance (bhxh) and the emulation board (btdkt) exist in every
# province.
_NATIONAL_PARTY = re.compile(r"(?:tw|bct|bbt)$|^(?:tw|bct|bbt)")
_CENTRAL_BODY = re.compile(r"^(?:cp|ttg|qh|ubtvqh\d*|vpcp|ubqg\w*|bcdqg\w*|tandtc|vksndtc|ktnn|"
                           r"b(?!cd|ql|ch|dt$|hxh|tdkt)[a-z]{1,7})$")
_DEPARTMENT_BODY = re.compile(r"^s[a-z]{1,8}$")
_PROVINCE_BODY = re.compile(r"^(?:ubnd|hdnd)$")
_ADMIN_TYPES = frozenset(("qd", "kh", "ct", "ctr", "nq", "tb", "cv", "bc", "hd", "tt", "nd", "ttlt",
                          "qc", "qdi", "kl", "da"))


def _body(folded_key: str) -> tuple[str | None, bool]:
    """The issuing body of a folded number and whether the number is a Party one."""
    m = _PARTY_NUMBER.match(folded_key)
    if m:
        return m.group(1), True
    m = _ADMIN_NUMBER.match(folded_key)
    if not m:
        return None, False
    parts = m.group(1).split("-")
    if len(parts) >= 2 and parts[0] in _ADMIN_TYPES:
        return parts[1], False
    return parts[0], False  # an official letter: BODY-UNIT


@lru_cache(maxsize=1 << 14)
def _key_level(key: str) -> str | None:
    body, party = _body(norm_key(key))
    if party:
        return "party"
    if body is None:
        return None
    if _CENTRAL_BODY.match(body):
        return "central"
    if _DEPARTMENT_BODY.match(body):
        return "department"
    if _PROVINCE_BODY.match(body):
        return "province"
    return None


@lru_cache(maxsize=1 << 12)
def _issuer_level(issuer: str) -> str | None:
    folded = fold(issuer)
    for pattern, level in _ISSUER_LEVELS:
        if pattern.search(folded):
            return level
    return None


_LOCALITY = re.compile(
    r"(?i)(?<!\w)(thị trấn|thị xã|thành phố|đặc khu|xã|phường|huyện|quận)\s+"
    r"(\w[^,;.()\n]*?)(?=\s*[,;.()\n]|\s+-\s|\s+(?:tỉnh|thành phố)\s|\s*$)")
LOWER_TIERS = ("district", "commune")


@lru_cache(maxsize=1 << 12)
def locality(issuer: str | None) -> tuple[str, str] | None:
    """The district or commune an issuer's name names, as ``(slug, name)``: local numbers
    below the province repeat in every district and commune (each ``UBND xã`` has its own
    ``05/KH-UBND``), so their ids carry it. ``None`` when the name has none.

    >>> locality("Ủy ban nhân dân xã Bảo Hà, tỉnh Lào Cai")
    ('xa-bao-ha', 'xã Bảo Hà')
    >>> locality("UBND huyện Đăk Hà"), locality("Ủy ban nhân dân tỉnh Lào Cai")
    (('huyen-dak-ha', 'huyện Đăk Hà'), None)
    """
    if not issuer:
        return None
    m = _LOCALITY.search(issuer)
    if not m:
        return None
    name = f"{m.group(1).lower()} {m.group(2).strip()}"
    return slug(name), name


def place_of(province: str | None, issuer: str | None, level: str) -> str | None:
    """The place part of a local id: the province's slug, and for a district's or commune's
    number the locality too (``lao-cai.xa-bao-ha``).

    >>> place_of("Lào Cai", "UBND xã Bảo Hà", "commune"), place_of("Lào Cai", None, "commune")
    ('lao-cai.xa-bao-ha', 'lao-cai')
    """
    where = _slug(province) if province else None
    if level in LOWER_TIERS:
        found = locality(issuer)
        if found is not None:
            return f"{where}.{found[0]}" if where else found[0]
    return where


# The unit a lower-tier issuer names, folded, longest first at one place ("thị xã" before "xã").
_UNIT_WORD = re.compile(r"\b(thi tran|thi xa|dac khu|xa|phuong|huyen|quan)\b")


@lru_cache(maxsize=1 << 12)
def bare_unit(issuer: str | None, level: str) -> str | None:
    """The unit a district's or commune's body is cited by when the citation names no district
    or commune (``UBND xã``, ``Ủy ban nhân dân huyện``), as a slug (``xa``, ``huyen``); ``None``
    when the issuer names one (``UBND xã Bảo Hà``) or is not of a lower tier.

    >>> bare_unit("Ủy ban nhân dân xã", "commune"), bare_unit("UBND xã Bảo Hà", "commune")
    ('xa', None)
    >>> bare_unit("UBND huyện", "district"), bare_unit("UBND tỉnh", "province")
    ('huyen', None)
    """
    if level not in LOWER_TIERS or not issuer or locality(issuer) is not None:
        return None
    m = _UNIT_WORD.search(fold(issuer))
    return m.group(1).replace(" ", "-") if m else None


def own_units(level: str | None, issuer: str | None, parent: str | None) -> tuple[tuple[str, str], ...]:
    """The district and commune a plan belongs to, as ``(level, slug)`` pairs: its issuer's own
    (a commune's plan, ``Ủy ban nhân dân xã Bảo Hà``) and the one its header names above the
    issuer (``UBND HUYỆN ĐĂK HÀ`` above a commune). A bare ``UBND xã`` cited in a commune's own
    plan is that commune; cited anywhere else it could be any commune.

    >>> own_units("commune", "Ủy ban nhân dân xã Bảo Hà", "UBND huyện Bảo Thắng")
    (('commune', 'xa-bao-ha'), ('district', 'huyen-bao-thang'))
    >>> own_units("province", "UBND tỉnh Lào Cai", None)
    ()
    """
    out: list[tuple[str, str]] = []
    for name, tier in ((issuer, level), (parent, _issuer_level(parent) if parent else None)):
        found = locality(name) if tier in LOWER_TIERS else None
        if found is not None and all(t != tier for t, _ in out):
            out.append((tier, found[0]))
    return tuple(out)


def document_level(cite: Citation) -> str:
    """The level of a cited document: the citation's, or, when the extractor left it ``other``,
    the level its issuer's name or its number shows.

    >>> from plankit.model import Citation
    >>> def c(key, issuer=None):
    ...     return Citation(key, None, None, None, None, issuer=issuer, level="other")
    >>> [document_level(c(k)) for k in ("02-TB/BCĐTW", "17/QĐ-UBQGCĐS", "1284/BTTTT-CĐS",
    ...                                 "12/KH-SNV", "5/BC-BCĐ")]
    ['party', 'central', 'central', 'department', 'other']
    >>> document_level(c("278/KH-UBND", "UBND huyện Đăk Hà"))
    'district'
    """
    level = cite.level or "other"
    if level != "other":
        return level
    if cite.issuer:
        found = _issuer_level(cite.issuer)
        if found is not None:
            return found
    return _key_level(cite.key) or "other"


@lru_cache(maxsize=1 << 14)
def is_national(key: str, level: str) -> bool:
    """Whether a number is unique nationwide, so that its id needs no province: a central
    document's, or a Party centre's (``57-NQ/TW``, ``01-QC/BCĐTW``; not a provincial committee's
    ``06-NQ/TU``).

    >>> is_national("57-NQ/TW", "party"), is_national("06-NQ/TU", "party")
    (True, False)
    """
    if level == "central":
        return True
    if level != "party":
        return False
    body, party = _body(norm_key(key))
    return bool(party and body and _NATIONAL_PARTY.search(body))


class Identities:
    """The citations of one folder, indexed so that each resolves to one id per document.

    :meth:`add` every citation (and every corpus plan's number, :meth:`add_known`) first, then
    :meth:`resolve` each: a local citation without a year takes the year when the folder knows
    exactly one for that number and province; one without a province takes the province when
    the folder knows exactly one for that number and year. OCR's and typists' variants of a
    number (``ND-CP``, ``57 - NQ/TW``) share the id of its first diacritic spelling.

    A district's or commune's number cited without the district's or commune's name (``Kế
    hoạch 05/KH-UBND của UBND xã``) is that of the citing plan's own unit (``own``, from
    :func:`own_units`) when the plan has one of that level; otherwise every commune has its
    own ``05/KH-UBND``, so the citation is kept out of the folder's identities: it takes an id
    of its own, suffixed with the citing plan's (``05/KH-UBND@lao-cai.xa/2025#12/KH-UBND@lao-cai/2025``),
    and matches no corpus plan.
    """

    __slots__ = ("_display", "_scopes", "_years")

    def __init__(self) -> None:
        self._years: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._scopes: dict[tuple[str, int | None], set[str]] = defaultdict(set)
        self._display: dict[str, str] = {}

    def _spelling(self, key: str, norm: str) -> None:
        # the spelling the id shows: the first with diacritics (NĐ-CP over OCR's ND-CP)
        shown = self._display.get(norm)
        if shown is None or (shown.isascii() and not key.isascii()):
            self._display[norm] = key

    def add_known(self, key: str, place: str | None, year: int | None) -> None:
        """A local number the folder knows for certain (a corpus plan's own)."""
        norm = norm_key(key)
        self._spelling(key, norm)
        if place:
            if year is not None:
                self._years[(norm, place)].add(year)
            self._scopes[(norm, year)].add(place)

    def add(self, cite: Citation, own: tuple[tuple[str, str], ...] = ()) -> None:
        """Learn what one citation (of a plan belonging to the units ``own``) says of its document."""
        level = document_level(cite)
        norm = norm_key(cite.key)
        self._spelling(cite.key, norm)
        if is_national(cite.key, level):
            return
        place, known = _place(cite, level, own)
        if not known:  # "UBND xã" outside a commune's own plan: which commune is not said
            return
        year = cite.year if norm.count("/") < 2 else None
        if place and year is not None:
            self._years[(norm, place)].add(year)
        if place:
            self._scopes[(norm, year)].add(place)

    def resolve(self, cite: Citation, own: tuple[tuple[str, str], ...] = (),
                citing: str = "") -> tuple[str, str, tuple[str, str | None, int | None]]:
        """The citation's document id (in :attr:`Citation.doc_id`'s form), its level, and the
        key :func:`lookup` gives the corpus plan with that number. ``own``: the units of the
        citing plan (:func:`own_units`), ``citing``: its node id, which names a document whose
        district or commune is not said."""
        level = document_level(cite)
        norm = norm_key(cite.key)
        key = self._display.get(norm, cite.key)
        if is_national(cite.key, level):
            return key, level, (norm, None, None)
        own_year = norm.count("/") >= 2  # 22/2020/QĐ-UBND: the number carries its year
        year = None if own_year else cite.year
        place, known = _place(cite, level, own)
        if not known:
            where = f"{key}@{place}/{year}" if year is not None else f"{key}@{place}"
            # an id of its own, and a lookup key no corpus plan has: never merged, never matched
            return f"{where}#{citing}", level, (norm, f"#{citing}", year)
        if place is None:
            scopes = self._scopes.get((norm, year), ())
            if len(scopes) == 1:
                place = next(iter(scopes))
        if place is not None and year is None and not own_year:
            years = self._years.get((norm, place), ())
            if len(years) == 1:
                year = next(iter(years))
        if place is None:
            return key, level, (norm, None, year)
        doc_id = f"{key}@{place}/{year}" if year is not None else f"{key}@{place}"
        return doc_id, level, (norm, place, year)


def _place(cite: Citation, level: str, own: tuple[tuple[str, str], ...]) -> tuple[str | None, bool]:
    """The place part of a citation's id and whether it names one document: a bare ``UBND xã``
    is the citing plan's own commune when it has one (``own``), else ``(province.xa, False)``."""
    unit = bare_unit(cite.issuer, level)
    if unit is None:
        return place_of(cite.scope, cite.issuer, level), True
    where = _slug(cite.scope) if cite.scope else None
    mine = next((slug_ for tier, slug_ in own if tier == level), None)
    if mine is not None:
        return (f"{where}.{mine}" if where else mine), True
    return (f"{where}.{unit}" if where else unit), False


def lookup(key: str, place: str | None, year: int | None, national: bool) -> tuple[str, str | None, int | None]:
    """The index key of a corpus plan numbered ``key`` (of province ``place``, issued in
    ``year``), as :meth:`Identities.resolve` gives it for its citations."""
    norm = norm_key(key)
    if national:
        return norm, None, None
    return norm, place, None if norm.count("/") >= 2 else year
