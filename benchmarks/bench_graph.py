"""How fast :func:`plankit.graph.build_graph` is on large synthetic corpora.

The inputs are lightweight plan-like objects (a real :class:`~plankit.model.Header`, a list of
real :class:`~plankit.model.Citation` values, a name and ``sentence_at``), generated before the
clock starts: the benchmark times the graph, not the citation extractor. Each synthetic plan is
a department plan of one of the 63 provinces, with the shape of the bundled plans: a basis on
its province's plan of the year (and on a provincial decision), mentions of central documents
drawn from a pool (``76/NQ-CP``, ``61/2018/NĐ-CP`` which lets validity checks fire, ...), one
programme (implicit) citation, its own number (``self``, skipped), an ISO standard (skipped) and,
for one plan in five, last year's plan of the same department (which is then a corpus plan).

Target: 10,000 plans in under 5 s.

Run: ``.venv/bin/python -m benchmarks.bench_graph`` (or ``run(quick=True)`` for 10,000 only).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import random
import time
from dataclasses import dataclass, field
from functools import cached_property

from plankit.model import Citation, Header, PartialDate, Span

TARGET_SECONDS_10K = 5.0

_CENTRAL = [
    ("76/NQ-CP", "Nghị quyết", "76", 2021, "NQ-CP", dt.date(2021, 7, 15)),
    ("23/CT-TTg", "Chỉ thị", "23", 2021, "CT-TTg", dt.date(2021, 9, 2)),
    ("45/2020/NĐ-CP", "Nghị định", "45", 2020, "NĐ-CP", dt.date(2020, 4, 8)),
    ("61/2018/NĐ-CP", "Nghị định", "61", 2018, "NĐ-CP", None),
    ("107/2021/NĐ-CP", "Nghị định", "107", 2021, "NĐ-CP", None),
    ("118/2025/NĐ-CP", "Nghị định", "118", 2025, "NĐ-CP", None),
    ("468/QĐ-TTg", "Quyết định", "468", 2021, "QĐ-TTg", dt.date(2021, 3, 27)),
    ("45/2016/QĐ-TTg", "Quyết định", "45", 2016, "QĐ-TTg", dt.date(2016, 10, 19)),
] + [(f"{n}/QĐ-TTg", "Quyết định", str(n), 2021, "QĐ-TTg", dt.date(2021, 8, 1 + n % 28))
     for n in range(100, 140)]

_DEPARTMENTS = [("Sở Khoa học và Công nghệ", "SKHCN"), ("Sở Công Thương", "SCT"),
                ("Sở Nội vụ", "SNV"), ("Sở Tư pháp", "STP"), ("Sở Tài chính", "STC"),
                ("Sở Y tế", "SYT"), ("Sở Xây dựng", "SXD")]

_SENTENCE = ("Căn cứ Kế hoạch số {n}/KH-UBND ngày 24 tháng 12 năm {y} của Ủy ban nhân dân tỉnh về "
             "công tác thông tin, tuyên truyền cải cách hành chính.\n")


@dataclass(frozen=True)
class _Source:
    name: str


@dataclass(frozen=True)
class SyntheticPlan:
    """What :func:`build_graph` reads of a plan, and nothing else."""

    header: Header
    citations: list[Citation]
    source: _Source
    text: str = field(default=_SENTENCE, repr=False)

    blocks: tuple = ()
    sections: tuple = ()

    @property
    def name(self) -> str:
        return self.source.name

    @cached_property
    def facts(self):
        from plankit.facts import plan_facts

        return plan_facts(self)

    def sentence_at(self, span: Span) -> str:
        start = self.text.rfind("\n", 0, span.start) + 1
        end = self.text.find("\n", span.end)
        return self.text[start:end if end != -1 else len(self.text)].strip()


def synthetic_plans(count: int, seed: int = 0) -> list[SyntheticPlan]:
    """``count`` synthetic department plans (deterministic for a seed)."""
    from plankit.places import provinces

    rng = random.Random(seed)
    places = [p.name for p in provinces()][:63]
    span = Span(7, 30)
    plans = []
    for i in range(count):
        place = places[i % len(places)]
        issuer, code = _DEPARTMENTS[(i // len(places)) % len(_DEPARTMENTS)]
        year = 2022 + (i // (len(places) * len(_DEPARTMENTS))) % 5
        number = str(100 + i // (len(places) * len(_DEPARTMENTS) * 5))
        day = dt.date(year, 1, 1 + rng.randrange(27))
        header = Header(doc_type="Kế hoạch", number=number, symbol=f"KH-{code}", issuer=issuer,
                        parent=f"UBND tỉnh {place}", place=place, date=day,
                        date_parts=PartialDate(day.day, day.month, day.year), year=year,
                        title=f"Kế hoạch tuyên truyền cải cách hành chính năm {year}")
        prov = str(200 + (i % len(places)) + year % 7)
        cites = [
            Citation(f"{number}/KH-{code}", "Kế hoạch", number, year, f"KH-{code}", date=day,
                     scope=place, level="department", role="self", span=span),
            Citation(f"{prov}/KH-UBND", "Kế hoạch", prov, year - 1, "KH-UBND",
                     date=dt.date(year - 1, 12, 24), issuer="UBND tỉnh", scope=place,
                     level="province", role="basis", span=span),
            Citation(f"{4000 + year}/QĐ-UBND", "Quyết định", str(4000 + year), year - 1, "QĐ-UBND",
                     date=dt.date(year - 1, 12, 27), scope=place, level="province", role="basis",
                     span=span),
            Citation("76/NQ-CP", "Nghị quyết", "76", 2021, "NQ-CP", level="central", implicit=True,
                     span=span),
            Citation("TCVN ISO 9001:2015", None, None, 2015, None, kind="standard", span=span),
        ]
        for key, doc_type, num, y, sym, date in rng.sample(_CENTRAL, 3):
            cites.append(Citation(key, doc_type, num, y, sym, date=date, issuer="Chính phủ",
                                  level="central", span=span))
        if year > 2022 and rng.random() < 0.2:  # last year's plan of the same department
            cites.append(Citation(f"{number}/KH-{code}", "Kế hoạch", number, year - 1, f"KH-{code}",
                                  scope=place, level="department", span=span))
        plans.append(SyntheticPlan(header, cites, _Source(f"synthetic/{i:06d}.txt")))
    return plans


def _time_build(count: int) -> dict:
    from plankit.graph import build_graph

    plans = synthetic_plans(count)
    citations = sum(len(p.citations) for p in plans)
    gc.collect()
    start = time.perf_counter()
    graph = build_graph(plans)
    seconds = time.perf_counter() - start
    return {
        "plans": count,
        "citations": citations,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "seconds": round(seconds, 3),
        "plans_per_second": round(count / seconds),
    }


def run(quick: bool = False) -> dict:
    """Time ``build_graph`` on 10,000 synthetic plans (and 100,000 unless ``quick``)."""
    sizes = (10_000,) if quick else (10_000, 100_000)
    results = {f"build_graph_{n}": _time_build(n) for n in sizes}
    ten = results["build_graph_10000"]["seconds"]
    return {
        "area": "graph",
        "target": f"build_graph over 10,000 plans in under {TARGET_SECONDS_10K:g} s",
        "target_met": ten < TARGET_SECONDS_10K,
        **results,
    }


if __name__ == "__main__":  # pragma: no cover
    print(json.dumps(run(), indent=2, ensure_ascii=False))
