"""The 10,000-plan pipeline's plumbing (benchmarks/bench_scale.py, plankit.graph.build): what
travels between the pool's processes arrives whole, and the graph's node merging gives the
attributes it always gave.

Timings are not tested here (docs/scale.md gives them); what is tested is that the cheaper ways
change no value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import sys
from pathlib import Path

import pytest

from plankit.graph.build import _doc_attrs, _merge_doc
from plankit.model import Citation, PartialDate, Span

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    sys.path.insert(0, str(ROOT))
    try:
        import benchmarks.bench_scale as bench
    finally:
        sys.path.remove(str(ROOT))
    return bench


def _differ(a, b, path: str = "") -> str | None:
    """Where two object graphs differ: every dataclass field (also those left out of ``==``),
    instance dict and slot, recursively; ``None`` when they are alike."""
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, dict):
        if list(a) != list(b):
            return f"{path}: keys {list(a)} != {list(b)}"
        return next((d for k in a if (d := _differ(a[k], b[k], f"{path}[{k!r}]"))), None)
    if isinstance(a, (list, tuple)):
        if len(a) != len(b):
            return f"{path}: {len(a)} != {len(b)} items"
        return next((d for i, (x, y) in enumerate(zip(a, b, strict=True)) if (d := _differ(x, y, f"{path}[{i}]"))), None)
    names = [f.name for f in dataclasses.fields(a)] if dataclasses.is_dataclass(a) else []
    names += [n for c in type(a).__mro__ for n in getattr(c, "__slots__", ()) if not n.startswith("__")]
    if hasattr(a, "__dict__") and not isinstance(a, type):
        names += list(vars(a))
    if names and not isinstance(a, (str, int, float)):
        return next((d for n in dict.fromkeys(names)
                     if (d := _differ(getattr(a, n, None), getattr(b, n, None), f"{path}.{n}"))), None)
    return None if a == b else f"{path}: {a!r} != {b!r}"


def test_the_constructor_pickling_covers_the_slotted_dataclasses():
    from plankit.facts import BasisClause
    from plankit.model import Block, Cell, SourceRef

    for cls in (Span, PartialDate, BasisClause, Block, Cell, SourceRef):
        assert "__reduce__" in vars(cls), cls
    # a slotted object travels as Class(*fields): the same value, by the constructor
    assert Span(3, 9).__reduce__() == (Span, (3, 9))
    assert pickle.loads(pickle.dumps(PartialDate(None, 1, 2022))) == PartialDate(None, 1, 2022)


def test_plans_and_slim_records_arrive_whole_with_the_cheaper_pickling(seed_paths):
    """What the slim and plans designs send back arrives as the same object graph (every
    field, cache and slot) as was sent."""
    from plankit.read import read_plan

    bench = _bench()
    sent = []
    for path in seed_paths.values():
        plan = read_plan(path)
        plan.citations  # noqa: B018 - cached on the plan, as the workers send it
        plan.facts  # noqa: B018
        sent += [plan, bench._work_slim(str(path))]
    fast = [pickle.loads(pickle.dumps(x)) for x in sent]
    assert len(sent) == 10
    assert [_differ(a, b) for a, b in zip(sent, fast, strict=True)] == [None] * 10


def _cite(**fields) -> Citation:
    base = {"key": "76/NQ-CP", "doc_type": None, "number": "76", "year": 2021, "symbol": "NQ-CP"}
    return Citation(**{**base, **fields})


@pytest.mark.parametrize(
    ("first", "others", "expected"),
    [
        # blanks of the first citation are filled by the next one that has them
        (
            _cite(implicit=True),
            [_cite(doc_type="Nghị quyết", issuer="Chính phủ", level="central", date=dt.date(2021, 7, 15),
                   implicit=True),
             _cite(issuer="Quốc hội", subject="về cải cách hành chính")],
            {"doc_type": "Nghị quyết", "issuer": "Chính phủ", "level": "central", "date": dt.date(2021, 7, 15),
             "subject": "về cải cách hành chính", "implicit": False},
        ),
        # what the first one says stays; "other" gives way to a level; implicit only while all are
        (
            _cite(doc_type="Nghị quyết", issuer="Chính phủ", level="other", implicit=True),
            [_cite(doc_type="Quyết định", level="party", implicit=True), _cite(level="central", implicit=True)],
            {"doc_type": "Nghị quyết", "issuer": "Chính phủ", "level": "party", "implicit": True},
        ),
        # a local number: no register title, scope and year filled
        (
            _cite(key="261/KH-UBND", symbol="KH-UBND", number="261", year=None, scope="Cần Thơ",
                  level="province"),
            [_cite(key="261/KH-UBND", symbol="KH-UBND", number="261", year=2021, scope="Cần Thơ",
                   level="province", issuer="UBND thành phố Cần Thơ")],
            {"year": 2021, "issuer": "UBND thành phố Cần Thơ", "title": None, "scope": "Cần Thơ"},
        ),
    ],
)
def test_a_document_node_takes_its_blanks_from_later_citations(first, others, expected):
    attrs = _doc_attrs(first, first.doc_id)
    for cite in [first, *others]:
        _merge_doc(attrs, cite, cite.doc_id)
    assert {k: attrs[k] for k in expected} == expected
    assert list(attrs) == list(_doc_attrs(first, first.doc_id))  # no attribute added or dropped
