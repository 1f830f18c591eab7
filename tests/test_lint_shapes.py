"""Lint on plans written in the shapes real documents come in (tests/fixtures/shapes, written for
these tests, none copied): a ministry plan, a commune plan after the 2025 reorganisation, a
portal's news post, a decision issuing a plan, a PDF copy with hard-wrapped lines and symbols, a
party committee plan. Each clean file draws no finding; each defect typed into it, as real
documents carry them, draws its finding and nothing else."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plankit.lint import lint_plan
from plankit.read import read_text

SHAPES = Path(__file__).parent / "fixtures" / "shapes"
TODAY = dt.date(2026, 12, 31)


def findings(text: str, name: str) -> list[tuple[str, str]]:
    return [(f.code, f.surface) for f in lint_plan(read_text(text, name=name), today=TODAY)]


@pytest.mark.parametrize("path", sorted(SHAPES.glob("*.txt")), ids=lambda p: p.stem)
def test_clean_shapes_draw_no_finding(path):
    assert findings(path.read_text(encoding="utf-8"), path.name) == []


# (file, [(as written, with the defect)]); EXPECTED: the (code, surface) of each finding, in text order
DEFECTS = [
    (
        "ministry-plan.txt",
        [
            ("ngày 23/4/2018 và", "ngày 23/4/2019 và"),
            ("1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ", "1847/QĐ-TTg ngày 27/12/2018 của Chính phủ"),
            ("Nghị quyết số 76/NQ-CP", "Nghị quyết số 76/NQ- CP"),
            ("giải quyết thủ tục hành chính.", "giải quyết thủ hành chính."),
            ("Nâng cao nhận thức của cán bộ", "Nâng cao nhận thức của của cán bộ"),
            ("cải cách hành chính, chuyển đổi số", "cải cách hành chính,chuyển đổi số"),
            ("dự toán ngân sách năm 2024 của Bộ", "dự toán ngân sách năm 2023 của Bộ"),
            ("(SIPAS).", "(SIPSA)."),
        ],
    ),
    (
        "commune-plan-2025.txt",
        [
            ("ngày 22/12/2024 của Bộ Chính trị", "ngày 22/12/2025 của Bộ Chính trị"),
            ("Sở Khoa học và Công nghệ tỉnh Hưng Yên", "Sở Thông tin và Truyền thông tỉnh Hưng Yên"),
            ("Kế hoạch chuyển đổi số năm 2025 như sau", "Kế hoạch chuyển đổi số năm 2024 như sau"),
            ("Ngày Chuyển đổi số quốc gia", "Ngày Chuyển số quốc gia"),
            ("trực tuyến toàn trình.", "trực tuyến toàn trình ."),
            ("III. TỔ CHỨC THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 05/8/2024 của UBND xã)"),
        ],
    ),
    (
        "portal-news.txt",
        [
            ("cấp tỉnh (PCI)", "cấp tỉnh (PIC)"),
            ("76/NQ-CP ngày 15/7/2021", "76/NQ-CP ngày 15/7/2022"),
            ("nhà nước năm 2024 trên", "nhà nước nămnăm 2024 trên"),
            ("Tỉnh phấn đấu", "Tỉnh phấn đấu đấu"),
        ],
    ),
    (
        "decision-issuing-plan.txt",
        [
            ("Quyết định số 69/QĐ-UBND ngày 15/01/2025 của Chủ tịch", "Quyết định số 69/QĐ-UBND ngày 15/01/2024 của Chủ tịch"),
            ("Tờ trình số 12/TTr-SNV", "Tờ trình số 12/TTr- SNV"),
            ("Điều 3. Chánh", "Điều 3.Chánh"),
        ],
    ),
    (
        "pdf-wrapped.txt",
        [
            ("42/2022/NĐ-CP ngày 24/6/2022", "42/2022/NĐ-CP ngày 26/4/2022"),
            ("chính quyền số; nâng cao", "chính quyền số; nâng cao nâng cao"),
            ("năm 2024, cụ thể như sau", "năm 2023, cụ thể như sau"),
            ("Tuyên truyền sâu rộng", "Tuyên tuyền sâu rộng"),
            ("lòng (SIPAS)", "lòng(SIPAS)"),
        ],
    ),
    (
        "commune-after-merger.txt",
        [("báo cáo Sở Nội vụ tỉnh Quảng Trị", "báo cáo Sở Nội vụ tỉnh Quảng Bình")],
    ),
]
EXPECTED = {
    "ministry-plan.txt": [
        ("PK503", "76/NQ- CP"), ("PK406", "Chính phủ"), ("PK501", "của của"), ("PK505", "h,c"),
        ("PK403", "61/2018/NĐ-CP ngày 23/4/2019"), ("PK404", "61/2018/NĐ-CP ngày 23/4/2019"),
        ("PK510", "thủ hành chính"), ("PK508", "SIPSA"), ("PK101", "năm 2023"),
    ],
    "commune-plan-2025.txt": [
        ("PK404", "57-NQ/TW ngày 22/12/2025"), ("PK101", "năm 2024"), ("PK505", " ."),
        ("PK302", "Sở Thông tin và Truyền thông"), ("PK510", "Chuyển số"),
        ("PK204", "45/KH-UBND ngày 05/8/2024"),
    ],
    "portal-news.txt": [
        ("PK504", "nămnăm"), ("PK404", "76/NQ-CP ngày 15/7/2022"), ("PK508", "PIC"), ("PK501", "đấu đấu"),
    ],
    "decision-issuing-plan.txt": [
        ("PK503", "12/TTr- SNV"), ("PK505", "Điều 3.C"), ("PK204", "69/QĐ-UBND ngày 15/01/2024"),
    ],
    "pdf-wrapped.txt": [
        ("PK404", "42/2022/NĐ-CP ngày 26/4/2022"), ("PK101", "năm 2023"), ("PK502", "Tuyên tuyền"),
        ("PK501", "nâng cao nâng cao"), ("PK505", "g("),
    ],
    "commune-after-merger.txt": [("PK302", "tỉnh Quảng Bình")],
}


@pytest.mark.parametrize(("name", "edits"), DEFECTS, ids=[d[0] for d in DEFECTS])
def test_defects_typed_into_real_shapes_are_found(name, edits):
    text = (SHAPES / name).read_text(encoding="utf-8")
    for before, after in edits:
        assert before in text, before
        text = text.replace(before, after, 1)
    assert findings(text, name) == EXPECTED[name]
