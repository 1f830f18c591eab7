"""How fast :func:`plankit.diff_plans` plus ``PlanDiff.to_html`` compares the Cần Thơ pair, against
the tool a user would reach for first: ``difflib.HtmlDiff().make_file`` on the same two files'
lines.

The two plans are read before the clock starts (reading is benchmarked in ``bench_read``). The
clock is the process's CPU time (``time.process_time``: on a shared machine wall time counts the
other processes too). Each round times, interleaved so that machine noise hits all alike:

* ours, the default: ``diff_plans(old, new)`` then ``.to_html()`` on fresh copies of the plans
  (no derived cache carried over, so the citations of both plans are extracted inside the
  clock). The page shows the OCR'd 2025 plan restored, and the restored reading is computed
  inside the clock every round (the caches keyed by these texts are cleared: the restored
  reading, the table cells' tokens; the language model stays loaded, as in any session after
  the first call): words the word diff pairs with the clean 2022 plan take its spelling, the
  rest goes through the model (:mod:`plankit.diff.shown`);
* ours, scan as read: the same with ``.to_html(restore=False)``, which does what difflib does
  (shows both texts as they are): the like-for-like figure;
* difflib: ``HtmlDiff().make_file(old_lines, new_lines)``.

The medians are reported with their ratios: ``ratio`` like for like, ``ratio_restored`` the
default page. Target: both no slower than difflib (ratio <= 1.0), while ours also pairs sections,
aligns table rows and classifies every change. ``restore_seconds`` is the restored reading on
its own (the part of the default page the model costs). Single-threaded.

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
    from plankit.diff.shown import _restored, shown_texts
    from plankit.diff.tables import _cell_tokens
    from plankit.read import read_plan

    old, new = read_plan(OLD), read_plan(NEW)
    old_lines = OLD.read_text(encoding="utf-8").splitlines()
    new_lines = NEW.read_text(encoding="utf-8").splitlines()
    # warm up: imports, regex compilation, data files, the typo and confusion tables
    diff_plans(old.with_(), new.with_()).to_html()
    difflib.HtmlDiff().make_file(old_lines, new_lines)

    def clear() -> None:
        _restored.cache_clear()
        _cell_tokens.cache_clear()

    clock = time.process_time
    rounds = 3 if quick else 15
    ours, restored, restoring, theirs = [], [], [], []
    changes = page = 0
    for _ in range(rounds):
        a, b = old.with_(), new.with_()  # fresh copies: no cached citations
        clear()
        gc.collect()
        start = clock()
        d = diff_plans(a, b)
        html = d.to_html(restore=False)
        ours.append(clock() - start)
        changes, page = len(d.changes), len(html)
        a, b = old.with_(), new.with_()
        clear()
        gc.collect()
        start = clock()
        diff_plans(a, b).to_html()
        restored.append(clock() - start)
        clear()
        gc.collect()
        start = clock()
        shown_texts(d)
        restoring.append(clock() - start)
        gc.collect()
        start = clock()
        difflib.HtmlDiff().make_file(old_lines, new_lines)
        theirs.append(clock() - start)
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
        "restore_seconds": round(statistics.median(restoring), 4),
        "clock": "process CPU time",
        "target_ratio": TARGET_RATIO,
        "meets_target": ratio <= TARGET_RATIO,
        "meets_target_restored": restored_s / theirs_s <= TARGET_RATIO,
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
