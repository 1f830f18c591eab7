"""The plans of one issuer over the years: which to compare, which to roll forward.

A folder of plans holds several issuers, each with one or more series of plans (its yearly
administrative-reform plan, its digital-government plan for a period, a communication plan ...).
The notebooks (and ``plankit report`` on any folder) need three answers without being told file
names: the year-on-year pairs (same issuer and place, the same kind of subject, consecutive years
or the nearest earlier one), the plan to draft from (the latest of each series) and its clean
reference (the latest earlier plan of the same series, else of the same issuer, that was not
scanned: the restorer's spelling reference).

Two plans are of the same kind of subject (:func:`same_subject`) when their folded subjects,
without years, places and the words every plan has ("ban hành Kế hoạch", "trên địa bàn"), share
most of their word pairs, and both are yearly plans or both plans for a period ("giai đoạn
2021-2025"). A plan whose subject could not be read is a series of its own.

>>> from plankit.corpus import read_corpus
>>> corpus = read_corpus(["plans"])
>>> [(old.name, new.name) for old, new in year_pairs(corpus)]
[('can-tho/2022-so-khcn.txt', 'can-tho/2025-so-khcn.ocr.txt')]
>>> latest = latest_plans(corpus)
>>> [p.name for p in latest]
['can-tho/2025-so-khcn.ocr.txt', 'hai-duong/2022-so-cong-thuong.txt', 'hung-yen/2022-so-khcn.md', 'thua-thien-hue/2022-so-khcn.news.txt']
>>> clean_reference(latest[0], corpus).name
'can-tho/2022-so-khcn.txt'
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from .model import Plan
from .places import agency_changes
from .text import fold

__all__ = ["IssuerChange", "clean_reference", "issuer_change", "issuer_key", "latest_plans", "pair_note",
           "same_subject", "subject_key", "year_pairs"]


def issuer_key(plan: Plan) -> tuple[str, str] | None:
    """Who issues ``plan``, as a comparable key: folded issuer and place; ``None`` when unknown.

    The place tells apart the Sở Công Thương of two provinces; a central or party body is one
    body wherever its plan was signed or whether the place line survived a copy, so its key has
    no place (a ministry's plans of 2024 and 2025 are one series).

    >>> from plankit.read import read_text
    >>> issuer_key(read_text("SỞ CÔNG THƯƠNG\\nSố: 181/KH-SCT\\nHải Dương, ngày 07 tháng 02 năm 2022\\nKẾ HOẠCH"))
    ('so cong thuong', 'hai duong')
    >>> issuer_key(read_text("BỘ Y TẾ\\nSố: 288/QĐ-BYT\\nHà Nội, ngày 23 tháng 01 năm 2025\\nQUYẾT ĐỊNH"))
    ('bo y te', '')
    """
    issuer = plan.header.issuer
    if not issuer:
        return None
    name = " ".join(_UBND.sub(lambda m: _SPELLED[m.group(0)], fold(issuer)).split())
    if plan.facts.level in ("central", "party"):
        return name, ""
    # the province the plan belongs to (read from the issuer, the parent body or the place), so
    # that a copy that lost its place line still joins its series
    province = plan.facts.province
    place = fold(province.name if province is not None else plan.header.place or "")
    if place and plan.facts.level == "department":
        # a department is read with its province ("Sở Tư pháp tỉnh Bắc Kạn", "Sở Tư pháp Thành
        # phố Hồ Chí Minh"), or prints it in its own name ("Sở Y tế Hà Nội"): one department
        # however its header was laid out; the place tells the provinces apart
        name = re.sub(rf"\s+(?:(?:tinh|thanh pho)\s+)?{re.escape(place)}$", "", name)
    return name, place


_UBND = re.compile(r"\b(?:ubnd|hdnd)\b")
_SPELLED = {"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan"}


class IssuerChange(NamedTuple):
    """An issuer renamed or merged (``old`` -> ``new``, from ``effective``), from the verified
    changes of :func:`plankit.places.agency_changes`."""

    old: str
    new: str
    effective: dt.date
    basis: str


def _bare(name: str) -> str:
    return re.sub(r"^(?:tinh|thanh pho)\s+", "", fold(name)).split(" (")[0].strip()


@cache
def _changes() -> tuple[dict[str, tuple[IssuerChange, str]], dict[str, IssuerChange]]:
    """Folded old body name -> (change, scope: "" for national or the folded province), and
    folded old province name -> change."""
    bodies: dict[str, tuple[IssuerChange, str]] = {}
    places: dict[str, IssuerChange] = {}
    for change in agency_changes():
        kind, new = change["kind"], change["new"]
        effective = dt.date.fromisoformat(change["effective"])
        for old in change["old"]:
            if kind in ("department_merge", "department_rename") and fold(old) != fold(new):
                scope = "" if change["scope"] == "national" else fold(change["scope"])
                bodies[fold(old)] = (IssuerChange(old, new, effective, change["basis"]), scope)
            elif kind in ("province_merge", "province_rename") and _bare(old) != _bare(new):
                places[_bare(old)] = IssuerChange(old, new.split(" (")[0], effective, change["basis"])
    return bodies, places


def issuer_change(plan: Plan) -> tuple[tuple[str, str], list[IssuerChange]] | None:
    """The issuer key of ``plan`` under today's names (a body merged in the 2025 reorganisation
    under the body it joined, a province merged on 1 July 2025 under the province it joined),
    and the changes that took it there; ``None`` when the issuer is unknown.

    >>> from plankit.read import read_text
    >>> key, changes = issuer_change(read_text("UBND TỈNH BẮC GIANG\\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\\n"
    ...                                         "Số: 5/KH-STTTT\\nKẾ HOẠCH\\n"))
    >>> key, [(c.old, c.new) for c in changes]
    (('so khoa hoc va cong nghe', 'bac ninh'), [('Sở Thông tin và Truyền thông', 'Sở Khoa học và Công nghệ'), ('tỉnh Bắc Giang', 'tỉnh Bắc Ninh')])
    """
    key = issuer_key(plan)
    if key is None:
        return None
    name, province = key
    bodies, places = _changes()
    changes: list[IssuerChange] = []
    for old, (change, scope) in bodies.items():
        if (not scope or scope == province) and (name == old or name.startswith(old + " ")
                                                   or name.startswith(old + ",")):
            name = fold(change.new) + name[len(old):]
            changes.append(change)
            break
    moved = places.get(province)
    if moved is not None:
        new = _bare(moved.new)
        name = re.sub(rf"\b{re.escape(province)}\b", new, name)
        province = new
        changes.append(moved)
    return (name, province), changes


def _day(plan: Plan) -> dt.date | None:
    """The day a plan speaks from: its date, else the last day of its year."""
    if plan.header.date is not None:
        return plan.header.date
    return dt.date(plan.year, 12, 31) if plan.year else None


def _follows(earlier: Plan, later: Plan) -> bool:
    """Whether ``later`` can continue ``earlier``'s series: the same issuer as printed, or an
    issuer that ``earlier``'s became by ``later``'s date (a 2024 plan of a body merged in March
    2025 is followed by the merged body's 2026 plan, not by its partner's 2024 plan)."""
    if issuer_key(earlier) == issuer_key(later):
        return True
    found = issuer_change(earlier)
    day = _day(later)
    return bool(found and found[1] and day is not None
                and all(day >= change.effective for change in found[1])
                and found[0] == (issuer_change(later) or ((), []))[0])


def pair_note(earlier: Plan, later: Plan) -> str | None:
    """What an officer should know about a year-on-year pair whose issuer changed between the
    two plans (Vietnamese, then an English gloss); ``None`` when it did not.

    >>> from plankit.read import read_text
    >>> old = read_text("UBND TỈNH BẮC GIANG\\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\\nSố: 5/KH-STTTT\\n"
    ...                 "Bắc Giang, ngày 10 tháng 01 năm 2024\\nKẾ HOẠCH\\nChuyển đổi số năm 2024\\n")
    >>> new = read_text("UBND TỈNH BẮC NINH\\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\\nSố: 9/KH-SKHCN\\n"
    ...                 "Bắc Ninh, ngày 10 tháng 01 năm 2026\\nKẾ HOẠCH\\nChuyển đổi số năm 2026\\n")
    >>> print(pair_note(old, new))
    Cơ quan ban hành đã thay đổi: Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ (từ 01/03/2025); tỉnh Bắc Giang → tỉnh Bắc Ninh (từ 01/07/2025). / The issuer changed: Sở Thông tin và Truyền thông became Sở Khoa học và Công nghệ on 2025-03-01; tỉnh Bắc Giang became tỉnh Bắc Ninh on 2025-07-01.
    """
    if issuer_key(earlier) == issuer_key(later):
        return None
    found = issuer_change(earlier)
    if not found or not found[1]:
        return None
    changes = found[1]
    vi = "; ".join(f"{c.old} → {c.new} (từ {c.effective:%d/%m/%Y})" for c in changes)
    en = "; ".join(f"{c.old} became {c.new} on {c.effective.isoformat()}" for c in changes)
    return f"Cơ quan ban hành đã thay đổi: {vi}. / The issuer changed: {en}."


# A period: "giai đoạn 2021-2025", "2026 - 2030", "20212025" (a copy that lost the dash).
_PERIOD = re.compile(r"(?:\bgiai\s+doan\s+)?\b(?:19|20)\d\d\s*[-\u2013\u2014/]?\s*(?:19|20)\d\d\b")
# A year with the word before it ("năm 2024", OCR'd "nim 2025"), or alone.
_YEAR = re.compile(r"(?:\b\w{1,4}\s+)?\b(?:19|20)\d\d\b")
# Abbreviations subjects use for their topic, spelled out so that both spellings compare equal.
_ABBREVIATIONS = {
    "cchc": "cai cach hanh chinh", "tthc": "thu tuc hanh chinh", "cds": "chuyen doi so",
    "khcn": "khoa hoc cong nghe", "cntt": "cong nghe thong tin", "pbgdpl": "pho bien giao duc phap luat",
}
# Words every plan's subject may carry whatever it is about: what the document does ("ban hành",
# "phê duyệt", "Kế hoạch", "triển khai thực hiện", "công tác"), where ("trên địa bàn tỉnh"), and
# small words. Removed (as phrases: "hành" alone belongs to "hành chính") before comparing, with
# the plan's own place names.
_FILLER = re.compile(
    r"\b(?:ban\s+hanh|phe\s+duyet|ve\s+viec|ke\s+hoach(?:\s+hanh\s+dong)?|trien\s+khai|thuc\s+hien"
    r"|cong\s+tac|tren\s+dia\s+ban|doi\s+voi|thanh\s+pho|thi\s+xa|tinh|cac|va|cua|ve|tai|trong|cho"
    r"|nhung|nam)\b"
)
# How many word pairs two subjects must share (Jaccard) to be one series. Between a subject and
# itself reworded ("Tuyên truyền cải cách hành chính nhà nước" / "Tuyên truyền CCHC") 0.6 and
# more; between two topics of one issuer ("cải cách hành chính" / "chính quyền số") under 0.2.
SUBJECT_SIMILARITY = 0.5


def subject_key(plan: Plan) -> tuple[str, frozenset[str]] | None:
    """What ``plan`` is about, comparable across years: ``("year" | "period", word pairs)`` of
    its folded subject without years, places and filler words; ``None`` with no subject.

    >>> from plankit.read import read_text
    >>> kind, pairs = subject_key(read_text("UBND TỈNH BẮC NINH\\nSố: 5/KH-UBND\\nKẾ HOẠCH\\n"
    ...                                     "Cải cách hành chính tỉnh Bắc Ninh năm 2026\\n"))
    >>> kind, sorted(pairs)
    ('year', ['cach hanh', 'cai cach', 'hanh chinh'])
    """
    title = plan.header.title
    if not title:
        return None
    folded = re.sub(r"\(.*?\)", " ", fold(title))
    kind = "period" if _PERIOD.search(folded) else "year"
    folded = _YEAR.sub(" ", _PERIOD.sub(" ", folded))
    folded = " ".join(_ABBREVIATIONS.get(w, w) for w in re.findall(r"[^\W\d_]+", folded))
    folded = _FILLER.sub(" ", folded)
    places = set()
    province = plan.facts.province
    for name in (plan.header.place, province.name if province else None):
        places.update(re.findall(r"\w+", fold(name or "")))
    words = [w for w in folded.split() if w not in places]
    if len(words) < 2:
        return (kind, frozenset(words)) if words else None
    return kind, frozenset(f"{a} {b}" for a, b in itertools.pairwise(words))


def same_subject(a: Plan, b: Plan) -> bool:
    """Whether two plans are of the same kind of subject (see the module's docstring).

    >>> from plankit.read import read_text
    >>> def plan(title):
    ...     return read_text(f"SỞ NỘI VỤ\\nSố: 1/KH-SNV\\nKẾ HOẠCH\\n{title}\\n")
    >>> same_subject(plan("Tuyên truyền cải cách hành chính nhà nước năm 2022"),
    ...              plan("Tuyên truyền CCHC năm 2023"))
    True
    >>> same_subject(plan("Cải cách hành chính năm 2021"), plan("Phát triển chính quyền số năm 2022"))
    False
    >>> same_subject(plan("Cải cách hành chính năm 2021"), plan("Cải cách hành chính giai đoạn 2021-2025"))
    False
    """
    ka, kb = subject_key(a), subject_key(b)
    if ka is None or kb is None or ka[0] != kb[0]:
        return False
    union = ka[1] | kb[1]
    return bool(union) and len(ka[1] & kb[1]) / len(union) >= SUBJECT_SIMILARITY


def _by_issuer(plans: Iterable[Plan], *, today: bool = False) -> dict[tuple[str, str], list[Plan]]:
    """Dated plans grouped by issuer (``today``: under today's names, see :func:`issuer_change`),
    each group in year order (then name, for a stable order)."""
    groups: dict[tuple[str, str], list[Plan]] = {}
    for plan in plans:
        found = issuer_change(plan) if today else None
        key = found[0] if found else issuer_key(plan)
        if key is not None and plan.year:
            groups.setdefault(key, []).append(plan)
    return {k: sorted(v, key=lambda p: (p.year, p.name)) for k, v in sorted(groups.items())}


def _series(plans: Iterable[Plan]) -> list[list[Plan]]:
    """Each issuer's plans split into series of the same kind of subject, each in year order: a
    plan joins the series whose latest plan so far is of its subject (a subject reworded a little
    each year still follows its series), else starts one."""
    out: list[list[Plan]] = []
    for group in _by_issuer(plans, today=True).values():
        series: list[list[Plan]] = []
        for plan in group:
            # the series whose latest plan is of its subject and its issuer (or of an issuer
            # that became its issuer by its date), those of its issuer as printed first
            fits = [s for s in series if same_subject(s[-1], plan) and _follows(s[-1], plan)]
            home = next((s for s in reversed(fits) if issuer_key(s[-1]) == issuer_key(plan)),
                        fits[-1] if fits else None)
            if home is None:
                series.append([plan])
            else:
                home.append(plan)
        out.extend(series)
    return out


def year_pairs(plans: Iterable[Plan]) -> list[tuple[Plan, Plan]]:
    """``(earlier, later)`` plans of the same issuer and kind of subject, each plan with the
    nearest earlier year of its series.

    Two plans of the same year are not a pair (a plan and its amendment are not year on year).
    An issuer renamed or merged in the 2025 reorganisation (a Sở Thông tin và Truyền thông into
    the Sở Khoa học và Công nghệ, a province into its neighbour) continues its series under the
    new name for plans dated after the change; :func:`pair_note` says so for the pair.
    """
    pairs: list[tuple[Plan, Plan]] = []
    for group in _series(plans):
        for later in group:
            earlier = [p for p in group if p.year < later.year and _follows(p, later)]
            if earlier:
                # the nearest year; within it the same issuer as printed first
                best = max(earlier, key=lambda p: (p.year, issuer_key(p) == issuer_key(later)))
                pairs.append((best, later))
    return sorted(pairs, key=lambda pair: (pair[1].name, pair[0].name))


def latest_plans(plans: Iterable[Plan]) -> list[Plan]:
    """The latest plan of each series (of each issuer and kind of subject: the one to roll
    forward), by name. A series of an issuer that was merged away (Yên Bái's 2024 reform plan)
    is left out when the issuer it joined has a plan of the same subject dated after the change
    (Lào Cai's 2026 reform plan): that one is rolled forward."""
    lasts = [group[-1] for group in _series(plans)]

    def superseded(plan: Plan) -> bool:
        found = issuer_change(plan)
        if not found or not found[1]:
            return False
        since = max(change.effective for change in found[1])
        return any(other is not plan and (issuer_change(other) or (None, []))[0] == found[0]
                   and (_day(other) or dt.date.min) >= since and same_subject(other, plan)
                   for other in lasts)

    return sorted((p for p in lasts if not superseded(p)), key=lambda p: p.name)


def clean_reference(plan: Plan, plans: Iterable[Plan]) -> Plan | None:
    """The latest earlier plan of ``plan``'s series that was not scanned; else the latest of
    its issuer (a plan of another subject still spells the issuer's names); else ``None``."""
    key = issuer_key(plan)
    if key is None:
        return None
    earlier = [
        p for p in _by_issuer(plans).get(key, [])
        if p is not plan and p.name != plan.name and not p.source.ocr and p.year <= (plan.year or 0)
    ]
    same = [p for p in earlier if same_subject(p, plan)]
    return (same or earlier)[-1] if earlier else None
