"""diff_plans grows linearly with the plans: four times the paragraphs, under six times the work.

No absolute timings: each case diffs a pair of generated plans of ``n`` and of ``4n``
paragraphs (the best of three runs, two for the large one) and compares the two times. A quadratic step (the
paragraph alignment of every old against every new paragraph, section pairing of every section
against every other) makes the ratio about 16.
"""

from __future__ import annotations

import random
import time

import pytest

from plankit.diff import diff_plans
from plankit.read import read_text

SENTENCE = ("tuyên truyền cải cách hành chính công chức viên chức người dân doanh nghiệp Sở Khoa học và "
            "Công nghệ thủ tục kịp thời đầy đủ hiệu quả Cổng thông tin điện tử năm Trong kế hoạch số Văn "
            "phòng chủ trì phối hợp ngân sách nhà nước kinh phí thường xuyên")
WORDS = SENTENCE.split()
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def plan_text(paragraphs: int, *, sections: int, edited: bool) -> str:
    """A plan of ``paragraphs`` paragraphs in ``sections`` numbered sections; ``edited`` changes a
    word in one paragraph of ten and drops one of thirty, as next year's copy would."""
    words, edits = random.Random(7), random.Random(8)
    lines = ["SỞ CÔNG THƯƠNG", "Số: 12/KH-SCT", "Hải Dương, ngày 07 tháng 02 năm 2024", "KẾ HOẠCH",
             "Tuyên truyền cải cách hành chính năm 2024"]
    per = max(paragraphs // sections, 1)
    for s in range(sections):
        number = ROMAN[s] if sections <= len(ROMAN) else f"{s + 1}"
        lines.append(f"{number}. NHIỆM VỤ {s + 1} TUYÊN TRUYỀN")
        for p in range(per):
            text = [words.choice(WORDS) for _ in range(words.randint(15, 40))]
            text.insert(words.randint(0, len(text)), f"việc{s}x{p}")
            if edited and edits.random() < 0.1:
                text[edits.randrange(len(text))] = "sửa"
            if edited and edits.random() < 1 / 30:
                continue
            lines.append(" ".join(text) + ".")
    return "\n".join(lines) + "\n"


def best_time(paragraphs: int, sections: int, runs: int = 3) -> float:
    old = read_text(plan_text(paragraphs, sections=sections, edited=False))
    new = read_text(plan_text(paragraphs, sections=sections, edited=True))
    _ = old.citations, new.citations  # reading and citations are not the diff's work
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        diff_plans(old, new)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize(
    ("paragraphs", "sections"),
    [
        (100, 4),  # long sections: the paragraph alignment
        (80, 40),  # many short sections (numbered 1., 2., ...): the section pairing
    ],
)
def test_four_times_the_paragraphs_is_under_six_times_the_time(paragraphs, sections):
    # Measured twice before failing: one burst of load on a shared machine is not a trend.
    for _ in range(2):
        small = best_time(paragraphs, sections)
        large = best_time(4 * paragraphs, sections if sections <= len(ROMAN) else 4 * sections, runs=2)
        if large / small < 6:
            break
    assert large / small < 6, (small, large)
