"""Results are values: what plankit returns cannot be changed, so a cached plan cannot be poisoned.

``read_plan`` caches the plans it reads, and a plan keeps its citations and facts once computed.
If any of them could be changed in place, one caller's edit would change what the next caller
reads. These tests try every way in (deleting, appending, assigning, editing a field) and walk
every value reachable from a plan for a mutable container.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import plankit
from plankit import extract_citations, read_plan, read_text
from plankit.cite import CitationList
from plankit.facts import plan_facts

PLANS = Path(__file__).resolve().parents[1] / "plans"
HAI_DUONG = PLANS / "hai-duong" / "2022-so-cong-thuong.txt"
BUNDLED = sorted(p for p in PLANS.rglob("*") if p.is_file() and p.name != "README.md")


def _fresh(path: Path) -> plankit.Plan:
    """The plan of ``path`` as a second reader sees it, parsed anew (not from the cache)."""
    return read_text(path.read_text(encoding="utf-8"), name=f"{path.parent.name}/{path.name}")


def test_the_bundled_plans_are_all_here():
    assert [p.relative_to(PLANS).as_posix() for p in BUNDLED] == [
        "can-tho/2022-so-khcn.txt",
        "can-tho/2025-so-khcn.ocr.txt",
        "hai-duong/2022-so-cong-thuong.txt",
        "hung-yen/2022-so-khcn.md",
        "thua-thien-hue/2022-so-khcn.news.txt",
    ]


# -- the example: del plan.citations[1:] --------------------------------------------------


def test_citations_cannot_be_deleted_and_the_next_read_is_unaffected():
    plan = read_plan(HAI_DUONG)
    keys = ["181/KH-SCT", "4707/KH-UBND", "276/KH-UBND", "76/NQ-CP"]
    assert plan.citations.keys == keys
    cites = plan.citations
    with pytest.raises(TypeError):
        del cites[1:]
    with pytest.raises(TypeError):
        cites[0] = cites[1]
    with pytest.raises(AttributeError):
        cites.append(cites[0])  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        cites.clear()  # type: ignore[attr-defined]
    cites += cites  # a new value, bound to the local name only
    assert len(cites) == 8
    again = read_plan(HAI_DUONG)
    assert again is plan  # the cache answered...
    assert again.citations.keys == keys  # ...with the citations it had
    assert extract_citations(again).keys == keys
    assert _fresh(HAI_DUONG).citations == again.citations


def test_lint_is_unaffected_by_a_try_at_changing_citations():
    plan = read_plan(HAI_DUONG)
    before = [(f.code, f.span) for f in plankit.lint_plan(plan)]
    with pytest.raises(TypeError):
        del plan.citations[:]
    assert [(f.code, f.span) for f in plankit.lint_plan(read_plan(HAI_DUONG))] == before


def test_citations_are_computed_once_per_plan():
    plan = read_plan(HAI_DUONG)
    assert extract_citations(plan) is plan.citations is plan.analysis("citations")
    assert plan_facts(plan) is plan.facts
    assert isinstance(plan.citations, CitationList) and isinstance(plan.citations, tuple)
    # a derived plan is analysed afresh (its text may differ)
    other = plan.with_(text=plan.text)
    assert other.citations is not plan.citations and other.citations == plan.citations


def test_citation_list_compares_like_a_sequence():
    cites = read_plan(HAI_DUONG).citations
    assert cites == list(cites) and cites == tuple(cites)
    assert (cites != list(cites)) is False
    assert cites != list(cites)[:1]
    assert extract_citations("không có văn bản nào") == []
    assert hash(cites) == hash(tuple(cites))
    assert cites.to_frame()["key"].tolist() == cites.keys


# -- fields cannot be assigned ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("what", "get", "field"),
    [
        ("plan", lambda p: p, "text"),
        ("plan", lambda p: p, "sections"),
        ("header", lambda p: p.header, "year"),
        ("header", lambda p: p.header, "recipients"),
        ("citation", lambda p: p.citations[0], "key"),
        ("citation", lambda p: p.citations[0], "role"),
        ("facts", lambda p: p.facts, "province"),
        ("facts", lambda p: p.facts, "basis"),
        ("basis clause", lambda p: p.facts.basis[0], "opening"),
        ("section", lambda p: p.sections[0], "title"),
        ("block", lambda p: p.blocks[0], "text"),
        ("source", lambda p: p.source, "ocr"),
        ("span", lambda p: p.citations[0].span, "start"),
    ],
)
def test_fields_cannot_be_assigned(what, get, field):
    plan = read_plan(HAI_DUONG)
    value = get(plan)
    before = getattr(value, field)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, field, None)
    assert getattr(get(read_plan(HAI_DUONG)), field) == before


def test_plain_values_handed_out_are_copies():
    plan = read_plan(HAI_DUONG)
    header, facts = plan.header.to_dict(), plan.facts.to_dict()
    header["recipients"].clear()
    facts["basis"].clear()
    header["year"] = 1999
    keys = plan.citations.keys
    keys.clear()
    assert plan.header.to_dict()["recipients"] == list(plan.header.recipients) != []
    assert plan.header.to_dict()["year"] == 2022
    assert len(plan.facts.to_dict()["basis"]) == len(plan.facts.basis) == 1
    assert plan.citations.keys == ["181/KH-SCT", "4707/KH-UBND", "276/KH-UBND", "76/NQ-CP"]
    assert plan.citations[0].to_dict()["notes"] is not plan.citations[0].notes


# -- nothing reachable from a plan is a mutable container ------------------------------------------

_MUTABLE = (list, dict, set, bytearray)


def _mutable_parts(value, path: str, seen: set[int]):
    """Paths to every list, dict, set or bytearray reachable through dataclass fields and
    tuples (the values a caller can reach without touching a private name)."""
    if id(value) in seen or isinstance(value, str | bytes | int | float | bool | type(None)):
        return
    seen.add(id(value))
    if isinstance(value, _MUTABLE):
        yield path
        return
    if isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _mutable_parts(item, f"{path}[{i}]", seen)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _mutable_parts(getattr(value, f.name), f"{path}.{f.name}", seen)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_nothing_reachable_from_a_plan_is_mutable(path):
    plan = read_plan(path)
    roots = {"plan": plan, "plan.citations": plan.citations, "plan.facts": plan.facts}
    found = [p for name, root in roots.items() for p in _mutable_parts(root, name, set())]
    assert found == []
    assert plan.citations and plan.blocks  # the walk had something to see


def test_the_walk_finds_a_mutable_container():
    @dataclasses.dataclass(frozen=True)
    class Leaky:
        items: tuple
        notes: list

    assert list(_mutable_parts(Leaky(((1, [2]),), []), "x", set())) == ["x.items[0][1]", "x.notes"]


def test_findings_cannot_be_changed_and_the_next_lint_is_unaffected():
    plan = read_plan(HAI_DUONG)
    findings = plankit.lint_plan(plan)
    before = [(f.code, f.span) for f in findings]
    assert isinstance(findings, tuple) and before
    with pytest.raises(TypeError):
        del findings[1:]
    with pytest.raises(AttributeError):
        findings.append(findings[0])  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        findings[0].code = "PK000"  # type: ignore[misc]
    assert [(f.code, f.span) for f in plankit.lint_plan(read_plan(HAI_DUONG))] == before
