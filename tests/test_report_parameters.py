"""A mistyped report parameter costs one line before any kernel starts, not a run of every
notebook ending on the one that stops on it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plankit.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folder(tmp_path, monkeypatch):
    plans = tmp_path / "kế hoạch"
    (plans / "sở nội vụ").mkdir(parents=True)
    shutil.copy(ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt", plans / "sở nội vụ" / "2025.txt")
    monkeypatch.chdir(tmp_path)
    return plans


@pytest.mark.parametrize(
    ("parameter", "line"),
    [
        ("today=2026-13-01", "tham số today: không phải ngày dạng YYYY-MM-DD / parameter today: not a date "
                             "YYYY-MM-DD: '2026-13-01'"),
        ("today=15/01/2026", "tham số today: không phải ngày dạng YYYY-MM-DD / parameter today: not a date "
                             "YYYY-MM-DD: '15/01/2026'"),
        ("draft_year=26", "tham số draft_year: không phải năm kế hoạch như 2026 / parameter draft_year: not a "
                          "plan year such as 2026: 26"),
        ("draft_year=năm sau", "tham số draft_year: không phải năm kế hoạch như 2026 / parameter draft_year: "
                               "not a plan year such as 2026: 'năm sau'"),
        ("previous_plan=sở nội vụ/2024.txt", "tham số previous_plan: không có tệp này trong thư mục kế hoạch "
                                             "kế hoạch / parameter previous_plan: no such file inside the plans "
                                             "folder kế hoạch: 'sở nội vụ/2024.txt'"),
        ("old_plan=sở nội vụ", "tham số old_plan: không có tệp này trong thư mục kế hoạch kế hoạch / parameter "
                               "old_plan: no such file inside the plans folder kế hoạch: 'sở nội vụ'"),
    ],
)
def test_a_bad_parameter_value_is_one_line_before_any_notebook_runs(folder, capsys, parameter, line):
    assert main(["report", "--plans", "kế hoạch", "--out", "báo cáo", "-p", parameter]) == 2
    assert capsys.readouterr().err == f"plankit: lỗi / error: {line}\n"
    assert not Path("báo cáo").exists()


def test_good_values_pass_the_check():
    from plankit.report import check_parameters

    declared = {"04.ipynb": {"today": None}, "05.ipynb": {"previous_plan": None, "draft_year": None}}
    assert check_parameters({"today": "2026-01-15", "draft_year": 2027, "previous_plan": "2022-so-cong-thuong.txt"},
                            declared, ROOT / "plans" / "hai-duong") == {
        "today": "2026-01-15", "draft_year": 2027, "previous_plan": "2022-so-cong-thuong.txt"}
    assert check_parameters({"previous_plan": None}, declared, ROOT / "plans") == {"previous_plan": None}
