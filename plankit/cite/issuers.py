"""Who issued a cited document: the body named after "của", or the one its number's codes imply.

Part of :mod:`plankit.cite`, which reads a citation's date and subject and calls these for its
issuer, level (``central``, ``party``, ``province``, ...) and scope. ``của UBND tỉnh`` without a
name, a party committee without its province and a provincial code (``KH-UBND``) take the
plan's own province, which :class:`plankit.cite.extraction.Context` works out; names of bodies and
provinces are matched with the patterns of :mod:`plankit.cite.patterns` and the vocabulary compiled
in :class:`plankit.cite.vocabulary.Vocab`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..places import Province
from . import patterns as P

if TYPE_CHECKING:  # pragma: no cover - annotations only; extraction imports this module, not back
    from .extraction import Context
    from .vocabulary import Vocab

__all__ = ["Issuer", "issuer_at", "issuer_of_codes"]


@dataclass(frozen=True, slots=True)
class Issuer:
    """An issuer read from the text: its name, level, whether it is national, its province, and
    where its name ends."""

    name: str | None
    level: str
    national: bool
    province: Province | None
    end: int


_FIXED_NAMES = {
    "ttg": ("Thủ tướng Chính phủ", "central"),
    "cp": ("Chính phủ", "central"),
    "qh": ("Quốc hội", "central"),
    "ubtvqh": ("Ủy ban Thường vụ Quốc hội", "central"),
    "tw": ("Ban Chấp hành Trung ương", "party"),
    "bct": ("Bộ Chính trị", "party"),
    "bbt": ("Ban Bí thư", "party"),
}
_BODIES = {"ubnd": "UBND", "hdnd": "HĐND", "ctubnd": "Chủ tịch UBND"}
# After "Ban Bí thư" / "Ban Chấp hành Trung ương": the Youth Union's centre, not the Party's.
_YOUTH_CENTRE = re.compile(r"(?:[ \t\n]+trung[ \t\n]+uong)?[ \t\n]+doan(?![a-z])")


def _committee(province: Province) -> str:
    return "Thành ủy" if province.kind == "thành phố" else "Tỉnh ủy"


def _place_at(scan: str, pos: int, voc: Vocab) -> tuple[Province | None, int]:
    """A province name starting at ``pos`` (after spaces); a repeated first word is skipped
    ("Thừa Thừa Thiên Huế")."""
    p = pos
    while p < len(scan) and scan[p] in " \t\n":
        p += 1
    m = voc.place_re.match(scan, p)
    if m is None:
        w = P.WORD_AHEAD.match(scan, p)
        if w is not None:
            m = voc.place_re.match(scan, w.end())
            if m is not None and not m.group().startswith(w.group(1)):
                m = None
    if m is None:
        return None, pos
    return voc.place_key(m.group()), m.end()


def issuer_at(text: str, scan: str, pos: int, ctx: Context) -> Issuer | None:
    """The issuer named at ``pos`` (right after "của"), normalised, or ``None``."""
    voc = ctx.voc
    m = P.ISSUER_FIXED.match(scan, pos)
    if m is None:
        n = voc.names_re.match(scan, pos)
        if n is None:
            return None
        name, level = voc.names[" ".join(n.group("name").replace("ubnd", "uy ban nhan dan").split())]
        national = level == "central"
        end, province = n.end(), None
        if not national:
            u = P.UNIT.match(scan, end)
            if u is not None and (u.group("tinh") or u.group("tp")):
                province, at = _place_at(scan, u.end(), voc)
                end = at if province else end
        return Issuer(name, level, national, province, end)
    kind = m.lastgroup
    if kind in ("tw", "bbt") and (y := _YOUTH_CENTRE.match(scan, m.end())) is not None and not m.group().endswith("dang"):
        # "Ban Bí thư Trung ương Đoàn", "Ban Chấp hành Trung ương Đoàn": the Youth Union's centre
        name = "Ban Bí thư Trung ương Đoàn" if kind == "bbt" else "Ban Chấp hành Trung ương Đoàn"
        return Issuer(name, "party", True, None, y.end())
    if kind in _FIXED_NAMES:
        name, level = _FIXED_NAMES[kind]
        return Issuer(name, level, True, None, m.end())

    end = m.end()
    if kind in ("tu", "bch"):
        # "Thành ủy Cần Thơ", "Ban chấp hành Đảng bộ tỉnh [name] [khóa XVI]": the province's committee.
        unit = P.UNIT.match(scan, end) if kind == "bch" else None
        if unit is not None and not unit.group("district"):
            end = unit.end()
        city = scan.startswith("thanh", m.start()) or bool(unit and unit.group("tp"))
        province, end = _place_at(scan, end, voc)
        term = P.TERM_WORDS.match(scan, end)
        end = term.end() if term else end
        province = province or ctx.province
        name = f"{_committee(province)} {province.name}" if province else ("Thành ủy" if city else "Tỉnh ủy")
        return Issuer(name, "party", False, province, end)

    body = _BODIES[kind]
    u = P.UNIT.match(scan, end)
    if u is not None and u.group("district"):
        unit = " ".join(text[u.start("district") : u.end("district")].split())
        end, words = u.end(), []
        for w in P.NAME_WORD.finditer(text, u.end()):
            if w.start() != end or len(words) == 4 or not w.group(1)[0].isupper():
                break
            words.append(w.group(1))
            end = w.end()
        name = " ".join([body, unit, *words])
        return Issuer(name, "other", False, ctx.province, end)
    if u is not None:
        end = u.end()
    province, end = _place_at(scan, end, voc)
    if province is None:
        province = ctx.province
        if u is not None and u.group("tp") and province is not None and province.kind == "tỉnh":
            # "UBND thành phố" inside a tỉnh: the provincial city, a district-level body.
            return Issuer(f"{body} thành phố", "other", False, province, end)
    if province is None:
        unit = "" if u is None else (" tỉnh" if u.group("tinh") else " thành phố")
        return Issuer(f"{body}{unit}", "province", False, None, end)
    return Issuer(f"{body} {province.full_name}", "province", False, province, end)


def issuer_of_codes(codes: tuple[str, ...], ctx: Context) -> tuple[str | None, str, bool]:
    """(name, level, national) from the issuer codes of the number alone."""
    voc = ctx.voc
    names, levels, national = [], [], True
    for code in codes:
        info = voc.issuers.get(code) or voc.issuers.get(code.rstrip("0123456789"))
        if info is None:
            return None, "other", False
        name, level, scope = info
        if scope != "national":
            national = False
            province = ctx.province
            if province is not None:
                name = name.format(unit=province.full_name, uy=_committee(province), place=province.name)
            else:
                name = name.format(unit="", uy="Tỉnh ủy", place="").strip()
        names.append(name)
        levels.append(level)
    level = "central" if all(lv == "central" for lv in levels) else levels[0]
    return ", ".join(names), level, national
