"""Lint stays linear: the work on a text 4 times larger is well under 16 times the work.

Each case repeats, on ONE long line, a pattern that once made the linter rescan the line per
occurrence (issue 22): "ký" (the signature search), "1/a " (the clause-end search), years (the
clause start of each year), findings (the sentence shown with each finding), citations (pairs of
citations), spacing slips and truncated symbols. Generous bound: a ratio below 6 for 4 times the
size (linear work gives about 4, quadratic about 16). The best of three runs is compared, and
the smaller size is large enough (a few tenths of a second) that a busy machine's noise does
not decide.
"""

from __future__ import annotations

import datetime as dt
import gc
import time

import pytest

from plankit.lint import lint_plan
from plankit.read import read_text

HEAD = "Cần Thơ, ngày 21 tháng 01 năm 2025\nKẾ HOẠCH\nTuyên truyền CCHC năm 2025\n\n"

CASES = {
    "signature hints": lambda n: "đã ký kết " * n,
    "numbers without clause end": lambda n: "Căn cứ 1/a " * n,
    "years on one line": lambda n: "Kế hoạch năm 2024 " * n,
    "findings on one line": lambda n: "chế chế một " * n,
    "citations": lambda n: "".join(
        f"Quyết định số {i}/QĐ-TTg ngày 01/01/2021 về việc phê duyệt đề án; " for i in range(n)
    ),
    "punctuation slips": lambda n: "công vụ ,dân(Chỉ " * n,
    # unknown issuer codes: each is looked at (the text after it once was copied per symbol)
    "symbols with unknown codes": lambda n: "Quyết định 12/QĐ-XYZ x " * n,
}


def _work(text: str) -> float:
    """CPU seconds of this process for one lint (best of three, garbage collector paused):
    other processes on a shared machine do not count."""
    plan = read_text(text, name="long-line.txt")
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            lint_plan(plan, today=dt.date(2025, 6, 1))
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize("name", sorted(CASES))
def test_lint_work_grows_linearly(name):
    make = CASES[name]
    # Measured twice before failing: one burst of load on a shared machine is not a trend.
    for _ in range(2):
        small = _work(HEAD + make(2000))
        large = _work(HEAD + make(8000))
        if large / small < 6:
            break
    assert large / small < 6, f"{name}: {small:.3f}s at n, {large:.3f}s at 4n"
