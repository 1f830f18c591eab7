"""Model values cross processes whole: ``pickle.loads(pickle.dumps(x))`` gives back ``x``, every
field alike (also the fields left out of ``==``, such as a citation's span), for records built
by hypothesis and for every bundled plan with its citations and facts.

The slotted records pickle as ``Class(*fields)`` (``plankit.text.pickle_by_fields``): the
worker processes of ``map_corpus`` and ``read_corpus`` send plans to the parent, which unpickles
some four hundred of them per plan; ``dataclasses``' own way costs three times as much.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plankit.facts
import plankit.model
from plankit.facts import BasisClause
from plankit.model import (
    Block,
    Cell,
    Citation,
    Edit,
    Finding,
    Fix,
    Header,
    PartialDate,
    Plan,
    ReadWarning,
    Section,
    Source,
    SourceRef,
    Span,
    Table,
    Todo,
)
from plankit.read import read_plan, read_text
from plankit.text import pickle_by_fields

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted((ROOT / "plans").glob("*/*.*"))
PROTOCOLS = sorted({2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL})


def same(a, b, where: str = "") -> str | None:
    """Where ``a`` and ``b`` differ, field by field (``==`` skips some of a citation's), or None."""
    if type(a) is not type(b):
        return f"{where}: {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, tuple):
        if len(a) != len(b):
            return f"{where}: {len(a)} != {len(b)} items"
        return next((d for i, (x, y) in enumerate(zip(a, b, strict=True)) if (d := same(x, y, f"{where}[{i}]"))), None)
    if dataclasses.is_dataclass(a):
        return next((d for f in dataclasses.fields(a)
                     if (d := same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}"))), None)
    return None if a == b else f"{where}: {a!r} != {b!r}"


def optional(strategy):
    return st.none() | strategy


texts = st.text(max_size=12)
ints = st.integers(-(2**40), 2**40)
# One strategy for each field type of the model's records, by the type as written. A field of
# a new type fails the test below (KeyError) until it is given one here.
FIELD_TYPES: dict[str, st.SearchStrategy] = {
    "str": texts,
    "str | None": optional(texts),
    "bool": st.booleans(),
    "int": ints,
    "int | None": optional(ints),
    "dt.date | None": optional(st.dates()),
    "tuple[str, ...]": st.lists(texts, max_size=3).map(tuple),
    "tuple[str, int | None] | None": optional(st.tuples(texts, optional(ints))),
    "Span": st.deferred(lambda: records(Span)),
    "Span | None": optional(st.deferred(lambda: records(Span))),
    "SourceRef": st.deferred(lambda: records(SourceRef)),
    "SourceRef | None": optional(st.deferred(lambda: records(SourceRef))),
    "PartialDate": st.deferred(lambda: records(PartialDate)),
    "tuple[tuple[str, Span], ...]": st.lists(st.tuples(texts, st.deferred(lambda: records(Span))), max_size=3).map(tuple),
    "tuple[tuple[Cell, ...], ...]": st.lists(st.lists(st.deferred(lambda: records(Cell)), max_size=3).map(tuple),
                                             max_size=2).map(tuple),
    "tuple[Section, ...]": st.lists(st.deferred(lambda: records(Section)), max_size=2).map(tuple),
    "tuple[Edit, ...]": st.lists(st.deferred(lambda: records(Edit)), max_size=3).map(tuple),
    "Fix | None": optional(st.deferred(lambda: records(Fix))),
}


def records(cls) -> st.SearchStrategy:
    """Any value of the record class ``cls``, every field drawn."""
    return st.builds(cls, **{f.name: FIELD_TYPES[f.type] for f in dataclasses.fields(cls)})


RECORDS = [Span, SourceRef, PartialDate, ReadWarning, Source, Block, Cell, Table, Section, Header,
           Citation, Edit, Fix, Finding, Todo, BasisClause]
SLOTTED = [cls for module in (plankit.model, plankit.facts) for cls in vars(module).values()
           if isinstance(cls, type) and cls.__module__ == module.__name__ and dataclasses.is_dataclass(cls)
           and "__slots__" in vars(cls)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
@pytest.mark.parametrize("cls", RECORDS, ids=[c.__name__ for c in RECORDS])
def test_a_record_comes_back_from_pickle_the_same_in_every_field(cls, data):
    value = data.draw(records(cls))
    for protocol in PROTOCOLS:
        back = pickle.loads(pickle.dumps(value, protocol))
        assert back == value
        assert same(value, back) is None, same(value, back)


def test_every_slotted_record_pickles_by_its_constructor():
    names = sorted(cls.__name__ for cls in SLOTTED)
    assert names == ["BasisClause", "Block", "Cell", "PartialDate", "ReadWarning", "Source", "SourceRef", "Span"]
    for cls in SLOTTED:
        assert "__reduce__" in vars(cls), cls.__name__
    assert Span(3, 9).__reduce__() == (Span, (3, 9))
    assert Cell("Sở Y tế", Span(1, 8), SourceRef("cell", table=0, row=1, column=2)).__reduce__() == (
        Cell, ("Sở Y tế", Span(1, 8), SourceRef("cell", table=0, row=1, column=2)))
    # one Span in a pickle: the class once, then two small integers (no field names, no dict)
    assert b"start" not in pickle.dumps(Span(3, 9)) and b"__setstate__" not in pickle.dumps(Span(3, 9))


@pytest.mark.parametrize("path", BUNDLED, ids=[f"{p.parent.name}/{p.name}" for p in BUNDLED])
def test_every_bundled_plan_comes_back_from_pickle_whole_with_its_analyses(path):
    plan = read_plan(path)
    citations, facts = plan.citations, plan.facts  # computed once, kept with the plan
    for protocol in PROTOCOLS:
        back = pickle.loads(pickle.dumps(plan, protocol))
        assert isinstance(back, Plan) and back == plan
        assert same(plan, back) is None, same(plan, back)
        # the analyses travel with the plan, not computed again on the other side
        assert "citations" in vars(back) and "facts" in vars(back)
        assert same(tuple(back.citations), tuple(citations)) is None
        assert back.facts == facts
        assert "folded" not in vars(back)  # recomputed where it is asked, never sent


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "Số: 181/KH-SCT", "Hải Dương, ngày 07 tháng 02 năm 2022", "KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU",
    "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;", "TT\tNội dung\tThời gian",
    "1\tTuyên truyền\tQuý I", "ngày    tháng 01 năm 2022",
]) | st.text(max_size=30), max_size=12).map("\n".join))
def test_a_plan_read_from_any_text_comes_back_from_pickle_whole(text):
    plan = read_text(text)
    back = pickle.loads(pickle.dumps(plan))
    assert same(plan, back) is None, same(plan, back)


def test_only_a_constructor_that_stores_may_pickle_by_fields():
    @dataclasses.dataclass(frozen=True, slots=True)
    class Computed:
        value: int

        def __post_init__(self):
            pass

    @dataclasses.dataclass(frozen=True, slots=True)
    class Derived:
        value: int
        double: int = dataclasses.field(init=False, default=0)

    for cls in (Computed, Derived):
        with pytest.raises(TypeError, match=f"pickle_by_fields: {cls.__name__}'s constructor computes fields"):
            pickle_by_fields(cls)


def test_a_date_field_keeps_its_type():
    cited = Citation("76/NQ-CP", "Nghị quyết", "76", 2021, "NQ-CP", date=dt.date(2021, 7, 15), span=Span(7, 29))
    header = Header(date=dt.date(2022, 2, 7), date_parts=PartialDate(7, 2, 2022), spans=(("date", Span(0, 9)),))
    for value in (cited, header, Finding("PK101", "stale-year", "error", "Năm 2024 sai / Year 2024 is wrong",
                                         Span(0, 8), 1, 1, "năm 2024", fix=Fix((Edit(4, 8, "2025"),), safe=True))):
        back = pickle.loads(pickle.dumps(value))
        assert same(value, back) is None
