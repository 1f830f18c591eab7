"""The plans of one issuer over the years: which to compare, which to roll forward.

A folder of plans holds several issuers, each with one plan a year or fewer. The notebooks (and
``plankit report`` on any folder) need three answers without being told file names: the
year-on-year pairs (same issuer and place, consecutive years or the nearest earlier one), the
plan to draft from (the latest of each issuer) and its clean reference (the latest earlier plan
of the same issuer that was not scanned, the restorer's spelling reference).

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

from collections.abc import Iterable

from .model import Plan
from .text import fold

__all__ = ["clean_reference", "issuer_key", "latest_plans", "year_pairs"]


def issuer_key(plan: Plan) -> tuple[str, str] | None:
    """Who issues ``plan``, as a comparable key: folded issuer and place; ``None`` when unknown.

    >>> from plankit.read import read_text
    >>> issuer_key(read_text("SỞ CÔNG THƯƠNG\\nSố: 181/KH-SCT\\nHải Dương, ngày 07 tháng 02 năm 2022\\nKẾ HOẠCH"))
    ('so cong thuong', 'hai duong')
    """
    issuer = plan.header.issuer
    if not issuer:
        return None
    return fold(issuer), fold(plan.header.place or "")


def _series(plans: Iterable[Plan]) -> dict[tuple[str, str], list[Plan]]:
    """Dated plans grouped by issuer, each group in year order (then name, for a stable order)."""
    groups: dict[tuple[str, str], list[Plan]] = {}
    for plan in plans:
        key = issuer_key(plan)
        if key is not None and plan.year:
            groups.setdefault(key, []).append(plan)
    return {k: sorted(v, key=lambda p: (p.year, p.name)) for k, v in sorted(groups.items())}


def year_pairs(plans: Iterable[Plan]) -> list[tuple[Plan, Plan]]:
    """``(earlier, later)`` plans of the same issuer, each plan with the nearest earlier year.

    Two plans of the same year are not a pair (a plan and its amendment are not year on year).
    """
    pairs: list[tuple[Plan, Plan]] = []
    for group in _series(plans).values():
        for later in group:
            earlier = [p for p in group if p.year < later.year]
            if earlier:
                pairs.append((earlier[-1], later))
    return sorted(pairs, key=lambda pair: (pair[1].name, pair[0].name))


def latest_plans(plans: Iterable[Plan]) -> list[Plan]:
    """The latest plan of each issuer (the one to roll forward), by name."""
    return sorted((group[-1] for group in _series(plans).values()), key=lambda p: p.name)


def clean_reference(plan: Plan, plans: Iterable[Plan]) -> Plan | None:
    """The latest earlier plan of ``plan``'s issuer that was not scanned, else ``None``."""
    key = issuer_key(plan)
    if key is None:
        return None
    earlier = [
        p for p in _series(plans).get(key, [])
        if p is not plan and p.name != plan.name and not p.source.ocr and p.year <= (plan.year or 0)
    ]
    return earlier[-1] if earlier else None
