"""The ``lint`` section of :mod:`benchmarks.bench_corpus`: the gold defects found, and the
errors reported where the gold has none.

The documents of ``../shared/corpus`` are linted as one folder (:func:`plankit.lint.lint_corpus`,
so the cross-plan rule takes part) on a fixed reference day. A gold defect (``gold.json``,
``defects``, every kind but ``other``) is found when a finding's span overlaps the defect's
``offset`` and ``surface``. An error finding that overlaps no gold defect (of any kind) is a
false error: the target is none. Warnings and info findings outside the gold are counted too
(they are style findings the gold does not list, or false ones: read them with
``python -m benchmarks.bench_corpus --failures``).

Targets (issue 17): recall >= 0.80, no error outside the gold.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

#: The reference day: after every corpus document, fixed so the figures repeat.
TODAY = dt.date(2026, 12, 31)

TARGETS = {"lint_recall": 0.80, "lint_errors_outside_gold": 0}

#: Before issue 17 (main at ef1f231): 4 of 20 defects found, 12 false errors.
BASELINE = {"lint_recall": 0.20, "lint_errors_outside_gold": 12}


def _overlaps(finding, defect: dict) -> bool:
    start = defect["offset"]
    end = start + max(1, len(defect["surface"]))
    return finding.span.start < end and start < finding.span.end


def score_lint(docs: list) -> dict[str, Any]:
    """Recall of the gold defects and findings outside the gold, over ``docs`` (objects with
    ``name``, ``gold``, ``plan`` and a ``failures`` list, as :func:`bench_corpus.load_corpus`
    gives them)."""
    from plankit.lint import lint_corpus

    plans = [d.plan for d in docs]
    findings = lint_corpus(plans, today=TODAY)
    by_plan: dict[int, list] = {}
    for plan, d in zip(plans, docs, strict=True):
        by_plan[id(d)] = [f for f in findings if f.file == (plan.source.path or plan.source.name)]
    found = total = 0
    by_kind: Counter[str] = Counter()
    found_kind: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for d in docs:
        mine = by_plan[id(d)]
        defects = d.gold.get("defects", [])
        for defect in defects:
            if defect["kind"] == "other":
                continue
            total += 1
            by_kind[defect["kind"]] += 1
            if any(_overlaps(f, defect) for f in mine):
                found += 1
                found_kind[defect["kind"]] += 1
            else:
                d.failures.append(f"lint missed {defect['kind']} {defect['surface']!r}")
        for f in mine:
            if any(_overlaps(f, defect) for defect in defects):
                continue
            outside[f.severity] += 1
            if f.severity == "error":
                d.failures.append(f"lint error outside the gold: {f.code} {f.surface!r}")
    recall = found / total if total else None
    return {
        "lint_recall": round(recall, 4) if recall is not None else None,
        "defects_found": f"{found}/{total}",
        "per_kind": {k: f"{found_kind[k]}/{n}" for k, n in sorted(by_kind.items())},
        "lint_errors_outside_gold": outside["error"],
        "warnings_outside_gold": outside["warning"],
        "info_outside_gold": outside["info"],
        "targets": TARGETS,
        "baseline": BASELINE,
        "meets_targets": recall is not None
        and recall >= TARGETS["lint_recall"]
        and outside["error"] <= TARGETS["lint_errors_outside_gold"],
    }
