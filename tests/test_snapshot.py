"""Behaviour is unchanged unless changed on purpose (issue 20).

``benchmarks/snapshot.py`` records the lint findings, citations, diffs, drafts and graph of
``plans/`` (in full) and of ``../shared/corpus`` (digests, codes and keys only) into
``tests/snapshots/``; these tests compare the code as it is with the record. When a change is
deliberate, regenerate with ``.venv/bin/python -m benchmarks.snapshot --update`` and name the
changed behaviour in the commit message.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HINT = (
    "behaviour changed; if on purpose, run `.venv/bin/python -m benchmarks.snapshot --update` and "
    "name the change in the commit message:\n"
)


@pytest.fixture(scope="module")
def snapshot():
    """benchmarks/snapshot.py, loaded by path (the tests do not import benchmarks/ as a package)."""
    name = "_plankit_benchmarks_snapshot"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "snapshot.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


def test_bundled_plans_behave_as_recorded(snapshot):
    expected = snapshot.load("plans")
    assert expected is not None, "tests/snapshots/plans.json is missing: run benchmarks.snapshot --update"
    diff = snapshot.differences(expected, snapshot.plans_snapshot())
    assert not diff, HINT + "\n".join(diff)


def test_corpus_behaves_as_recorded(snapshot):
    if not (snapshot.CORPUS / "gold.json").is_file():
        pytest.skip("../shared/corpus is absent (the development corpus is not part of the repository)")
    expected = snapshot.load("corpus")
    assert expected is not None, "tests/snapshots/corpus.json is missing: run benchmarks.snapshot --update"
    diff = snapshot.differences(expected, snapshot.corpus_snapshot())
    assert not diff, HINT + "\n".join(diff)


def test_the_record_covers_every_kind_of_behaviour(snapshot):
    plans = snapshot.load("plans")
    assert sorted(plans) == ["diffs", "documents", "graph"]
    assert sorted(plans["documents"]) == [
        "can-tho/2022-so-khcn.txt",
        "can-tho/2025-so-khcn.ocr.txt",
        "hai-duong/2022-so-cong-thuong.txt",
        "hung-yen/2022-so-khcn.md",
        "thua-thien-hue/2022-so-khcn.news.txt",
    ]
    # the one issuer with two years among the bundled plans
    assert list(plans["diffs"]) == ["can-tho/2022-so-khcn.txt -> can-tho/2025-so-khcn.ocr.txt"]
    for entry in plans["documents"].values():
        assert sorted(entry) == ["citations", "draft", "lint"]
        assert f"năm {entry['draft']['year']}" in entry["draft"]["text"]  # the text, not a digest


def test_the_corpus_record_holds_no_corpus_text(snapshot):
    """Only digests, codes and keys of ../shared/corpus may enter the repository."""
    if not (snapshot.CORPUS / "gold.json").is_file():
        pytest.skip("../shared/corpus is absent: nothing to compare the record with")
    stored = (ROOT / "tests" / "snapshots" / "corpus.json").read_text(encoding="utf-8")
    texts = [p.read_text(encoding="utf-8") for p in sorted(snapshot.CORPUS.glob("*.txt"))]
    leaked = [
        t[i : i + 40]
        for t in texts
        for i in range(0, max(0, len(t) - 40), 20)
        if len(t[i : i + 40].split()) > 4 and t[i : i + 40] in stored
    ]
    assert not leaked, f"corpus text in tests/snapshots/corpus.json: {leaked[:3]}"


@pytest.mark.parametrize(
    ("expected", "actual", "lines"),
    [
        ({"a": 1}, {"a": 1}, []),
        ({"a": 1}, {"a": 2}, ["/a: 1 -> 2"]),
        ({"a": 1}, {}, ["/a: gone (was 1)"]),
        ({}, {"b": [1]}, ["/b: new [1]"]),
        ({"l": ["x", "y"]}, {"l": ["x"]}, ["/l: - \"y\""]),
        ({"l": [{"c": 1}]}, {"l": [{"c": 1}, {"c": 2}]}, ["/l: 1 items -> 2", '/l: + {"c": 2}']),
        ({"t": "a\nb"}, {"t": "a\nc"}, ["/t: text changed", "    @@ -2 +2 @@", "    -b", "    +c"]),
    ],
)
def test_differences_are_readable(snapshot, expected, actual, lines):
    assert snapshot.differences(expected, actual) == lines


def test_canonical_json_is_sorted_and_dates_are_iso(snapshot):
    import datetime as dt

    value = {"b": (1, 2), "a": {dt.date(2025, 1, 21)}, "c": 0.1234567}
    assert snapshot.canonical(value) == '{"a":["2025-01-21"],"b":[1,2],"c":0.123457}'
    assert snapshot.digest(value) == snapshot.digest(json.loads(snapshot.canonical(value)))
