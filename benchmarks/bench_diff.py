"""How fast :func:`plankit.diff_plans` plus ``PlanDiff.to_html`` compares the Cần Thơ pair, against
the tool a user would reach for first: ``difflib.HtmlDiff().make_file`` on the same two files'
lines.

The two plans are read before the clock starts (reading is benchmarked in ``bench_read``). Each
round times, interleaved so that machine noise hits both alike:

* ours: ``diff_plans(old, new)`` then ``.to_html()`` on fresh copies of the plans (no derived
  cache carried over, so the citations of both plans are extracted inside the clock). The page
  shows the OCR'd 2025 plan restored (the default), and the restored reading is computed inside
  the clock every round (its cache cleared; the language model stays loaded, as in any session
  after the first call);
* ours, scan as read: the same with ``.to_html(restore=False)``, which does what difflib does
  (shows both texts as they are): the like-for-like figure;
* difflib: ``HtmlDiff().make_file(old_lines, new_lines)``.

The medians are reported with their ratios. Target: ours no slower than difflib (ratio <= 1.0)
like for like, while it also pairs sections, aligns table rows and classifies every change;
``ratio_restored`` says what the restoration adds. Single-threaded.

Run: ``.venv/bin/python -m benchmarks diff`` (writes results.json) or
``.venv/bin/python -m benchmarks.bench_diff``.
"""

from __future__ import annotations

import difflib
import gc
import os
import platform
import statistics
import time
from pathlib import Path

PLANS = Path(__file__).resolve().parent.parent / "plans"
OLD = PLANS / "can-tho" / "2022-so-khcn.txt"
NEW = PLANS / "can-tho" / "2025-so-khcn.ocr.txt"
TARGET_RATIO = 1.0


def run(quick: bool = False) -> dict:
    """Time both tools on the Cần Thơ pair; report medians, their ratio and the target."""
    from plankit.diff import diff_plans
    from plankit.diff.shown import _restored
    from plankit.read import read_plan

    old, new = read_plan(OLD), read_plan(NEW)
    old_lines = OLD.read_text(encoding="utf-8").splitlines()
    new_lines = NEW.read_text(encoding="utf-8").splitlines()
    # warm up: imports, regex compilation, data files, the typo and confusion tables
    diff_plans(old.with_(), new.with_()).to_html()
    difflib.HtmlDiff().make_file(old_lines, new_lines)

    rounds = 3 if quick else 15
    ours, restored, theirs = [], [], []
    changes = page = 0
    for _ in range(rounds):
        a, b = old.with_(), new.with_()  # fresh copies: no cached citations
        gc.collect()
        start = time.perf_counter()
        d = diff_plans(a, b)
        html = d.to_html(restore=False)
        ours.append(time.perf_counter() - start)
        changes, page = len(d.changes), len(html)
        a, b = old.with_(), new.with_()
        _restored.cache_clear()
        gc.collect()
        start = time.perf_counter()
        diff_plans(a, b).to_html()
        restored.append(time.perf_counter() - start)
        gc.collect()
        start = time.perf_counter()
        difflib.HtmlDiff().make_file(old_lines, new_lines)
        theirs.append(time.perf_counter() - start)
    ours_s, theirs_s = statistics.median(ours), statistics.median(theirs)
    restored_s = statistics.median(restored)
    ratio = ours_s / theirs_s
    return {
        "pair": f"{OLD.relative_to(PLANS)} -> {NEW.relative_to(PLANS)}",
        "rounds": rounds,
        "ours_seconds": round(ours_s, 4),
        "ours_min_seconds": round(min(ours), 4),
        "htmldiff_seconds": round(theirs_s, 4),
        "htmldiff_min_seconds": round(min(theirs), 4),
        "ratio": round(ratio, 3),
        "restored_seconds": round(restored_s, 4),
        "ratio_restored": round(restored_s / theirs_s, 3),
        "target_ratio": TARGET_RATIO,
        "meets_target": ratio <= TARGET_RATIO,
        "changes": changes,
        "html_chars": page,
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
    }


if __name__ == "__main__":  # pragma: no cover
    for key, value in run().items():
        print(f"{key}: {value}")
