"""Reading stays linear: the work at size 4n is at most about four times the work at size n.

Each case is a shape that once made the reader rescan lines (issue 22): Roman headings (each
section's end searched through every heading), OCR table-header lines without headings (each
one scanning back and forth through the whole text), Word-export table rows, long runs of
combining marks, many basis clauses, hard-wrapped paragraphs and flattened ``|`` rows. The
clock compares two sizes of the same text (best of three runs); a linear reader gives a ratio
near 4, a quadratic one near 16. The bound is generous for a shared machine.
"""

from __future__ import annotations

import time

import pytest

from plankit import read_text

SHAPES = {
    "roman-headings": (None, lambda n: "KẾ HOẠCH\nTuyên truyền năm 2024\n"
                       + "".join(f"I. MỤC {i}\nNội dung số {i}.\n1. Mục {i}\n" for i in range(n))),
    "ocr-table-header-lines": ("ocr", lambda n: "KE HOACH\nCong tac nam 2025\n"
                               + "Hinh thuc tuyen truyen Co quan chu tri Thoi gian thuc hien\nnoi dung mot hai ba\n" * n),
    "word-export-table-rows": (None, lambda n: "KẾ HOẠCH\nTuyên truyền năm 2024\n" + "\tTT\n\tNội dung\n\n" * n),
    "combining-mark-run": (None, lambda n: "KẾ HOẠCH\nTuyên truyền năm 2024\n" + "a" + "\u0301" * (20 * n) + "\n"),
    "basis-clauses": (None, lambda n: "KẾ HOẠCH\nTuyên truyền năm 2024\n"
                      + "".join(f"Căn cứ Quyết định số {i}/QĐ-UBND ngày 01/01/2024;\n" for i in range(n)) + "I. MỤC ĐÍCH\n"),
    "hard-wrapped-lines": (None, lambda n: "KẾ HOẠCH\nTuyên truyền năm 2024\n"
                           + "nội dung của kế hoạch được viết trên nhiều dòng liên tiếp không dừng\n" * n),
    "flattened-pipe-rows": (None, lambda n: "ỦY BAN NHÂN DÂN | CỘNG HÒA |\nSố: 1/KH-UBND | Hà Nội, ngày 01 tháng 01 năm 2024 |\n"
                            + "| a | b |\n" * n),
}


def _work(text: str, form: str | None) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        plan = read_text(text, form=form)
        plan.citations  # noqa: B018 - the citations and the facts they use are part of reading
        plan.facts  # noqa: B018
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_reading_is_linear(shape):
    form, make = SHAPES[shape]
    n = 300
    small, large = make(n), make(4 * n)
    _work(small, form)  # warm caches and compiled patterns
    ratio = _work(large, form) / max(_work(small, form), 1e-4)
    if ratio >= 8:  # the machine is shared: measure once more before calling it quadratic
        ratio = min(ratio, _work(large, form) / max(_work(small, form), 1e-4))
    assert ratio < 8, f"{shape}: 4x the text took {ratio:.1f}x the time"
