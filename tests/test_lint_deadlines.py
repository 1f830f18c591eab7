"""PK107 past-deadline: a task's deadline already past when the plan was issued, the copy of
last year's plan whose times were not moved on. Written for these tests (invented province Lam
Sơn, invented numbers; the layouts are the real ones): a provincial plan whose tasks carry
labelled times, a department plan with a table of tasks (tab-separated as Word exports it, and
as a Markdown table), a ministry's plan with 1.1. items and "Thời hạn:", deadlines inside a
task's sentence. Each defect is found once, on its line, with its message; history, results,
cited documents, open-ended times and reports are not findings.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plankit.lint import lint_plan
from plankit.lint._deadlines import time_end
from plankit.read import read_text
from plankit.text import fold

TODAY = dt.date(2026, 12, 31)

HEADER = (
    "ỦY BAN NHÂN DÂN\n"  # 1
    "TỈNH LAM SƠN\n"  # 2
    "Số: 45/KH-UBND\n"  # 3
    "Lam Sơn, ngày 16 tháng 3 năm 2026\n"  # 4
    "KẾ HOẠCH\n"  # 5
    "Tuyên truyền cải cách hành chính năm 2026\n"  # 6
    "Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND tỉnh về tổ chức hội nghị trong quý II/2025;\n"  # 7
    "UBND tỉnh ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026 như sau:\n"  # 8
    "I. MỤC ĐÍCH, YÊU CẦU\n"  # 9
    "Nâng cao nhận thức của cán bộ, công chức và Nhân dân.\n"  # 10
    "II. NỘI DUNG\n"  # 11
)
CLOSING = "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2026 của UBND tỉnh Lam Sơn./.\n"


def pk107(text: str, name: str = "plan.txt") -> list[tuple[int, str]]:
    plan = read_text(text, name=name)
    return [(f.line, f.surface) for f in lint_plan(plan, rules=["PK107"], today=TODAY)]


#: (the plan's tasks after line 11, the findings expected: line, surface)
FIRES = [
    pytest.param(
        "1. Tuyên truyền trên Cổng thông tin điện tử\n- Cơ quan chủ trì: Sở Nội vụ.\n"
        "- Thời gian thực hiện: Quý II/2025.\n",
        [(14, "Quý II/2025")], id="label-thoi-gian-thuc-hien-quarter"),
    pytest.param(
        "1. Tổ chức cuộc thi tìm hiểu\n- Thời gian hoàn thành: trong tháng 10/2025.\n",
        [(13, "tháng 10/2025")], id="label-thoi-gian-hoan-thanh-month"),
    pytest.param(
        "1. Tổ chức hội nghị\n- Thời gian: Quý III/2025\n",
        [(13, "Quý III/2025")], id="label-thoi-gian-roman-quarter"),
    pytest.param(
        "1. Hội nghị tập huấn\n+ Thời hạn hoàn thành: trước ngày 30/6/2025;\n",
        [(13, "30/6/2025")], id="label-thoi-han-day"),
    pytest.param(
        "1. Tuyên truyền\n- Thời gian thực hiện: Năm 2025.\n",
        [(13, "Năm 2025")], id="label-bare-year"),
    pytest.param(
        "1. Tuyên truyền\n- Thời gian: Từ tháng 3/2025 đến tháng 12/2025.\n",
        [(13, "tháng 3/2025 đến tháng 12/2025")], id="label-range-ended"),
    pytest.param(
        "1. Tổ chức hội nghị sơ kết trong quý III năm 2025.\n",
        [(12, "quý III năm 2025")], id="inline-quarter-words"),
    pytest.param(
        "1. Các phòng gửi báo cáo về Văn phòng Sở trước ngày 30/6/2025.\n",
        [(12, "30/6/2025")], id="inline-before-day"),
    pytest.param(
        "1. Sở Tư pháp hoàn thành rà soát văn bản trong tháng 10/2025.\n",
        [(12, "tháng 10/2025")], id="inline-within-month"),
    pytest.param(
        "1. Các sở báo cáo kết quả sơ kết chậm nhất ngày 15 tháng 6 năm 2025.\n",
        [(12, "ngày 15 tháng 6 năm 2025")], id="inline-at-the-latest-words"),
    pytest.param(
        "1. Tổ chức tập huấn trong 6 tháng đầu năm 2025.\n",
        [(12, "6 tháng đầu năm 2025")], id="inline-half-year"),
    pytest.param(
        "1. Tổ chức hội nghị\n- Thời gian thực hiện: Quý II/2025.\n"
        "2. Phát hành tờ gấp\n- Thời gian thực hiện: Quý II/2026.\n"
        "3. Gửi báo cáo trước ngày 15/12/2025.\n",
        [(13, "Quý II/2025"), (16, "15/12/2025")], id="two-of-three-stale"),
]


@pytest.mark.parametrize(("tasks", "expected"), FIRES)
def test_a_past_deadline_is_found_once_on_its_line(tasks, expected):
    assert pk107(HEADER + tasks + CLOSING) == expected


#: (the plan's tasks after line 11): times that are right, or not the plan's own tasks
QUIET = [
    pytest.param("1. Tuyên truyền\n- Thời gian thực hiện: Quý II/2026.\n", id="this-year"),
    pytest.param("1. Tuyên truyền\n- Thời gian thực hiện: Quý I/2026.\n", id="this-year-quarter-before-the-date"),
    pytest.param("1. Tuyên truyền\n- Thời gian: từ năm 2025 đến nay.\n", id="up-to-now"),
    pytest.param("1. Tuyên truyền\n- Thời gian: Thường xuyên.\n", id="ongoing"),
    pytest.param("1. Tuyên truyền\n- Thời gian: Hằng năm.\n", id="yearly"),
    pytest.param("1. Tuyên truyền\n- Thời gian: Từ năm 2025 đến năm 2030.\n", id="range-still-open"),
    pytest.param("Năm 2025, Sở đã hoàn thành trước ngày 30/6/2025 việc rà soát thủ tục.\n", id="done-last-year"),
    pytest.param("Kết quả thực hiện trong quý IV/2025 cho thấy nhiều chuyển biến.\n", id="results-of-last-year"),
    pytest.param("Trong quý II/2025, UBND tỉnh đã tổ chức 3 hội nghị.\n", id="history-no-task-verb"),
    pytest.param(
        "Thực hiện Công văn số 345/UBND-NC ngày 05/5/2025 của UBND tỉnh về việc báo cáo kết quả trước ngày "
        "15/6/2025, Sở tiếp tục triển khai.\n", id="cited-document-subject"),
    pytest.param(
        "Các dự án do Sở Kế hoạch và Đầu tư thẩm định trước ngày 01/3/2025 tiếp tục thực hiện.\n",
        id="appraised-before-the-change"),
    pytest.param("1. Tuyên truyền\n- Thời gian thực hiện: 30/6 hằng năm.\n", id="no-year"),
    pytest.param("1. Tổ chức hội nghị\n- Thời gian thực hiện: tháng 4/2026.\n", id="month-after-the-date"),
    pytest.param("1. Tổ chức hội nghị\n- Thời gian thực hiện: đã hoàn thành tháng 10/2025.\n", id="done-in-the-time"),
]


@pytest.mark.parametrize("tasks", QUIET)
def test_times_that_are_not_a_past_deadline_of_the_plan_are_left_alone(tasks):
    assert pk107(HEADER + tasks + CLOSING) == []


def test_the_message_names_the_time_and_the_plan_date_vietnamese_first():
    plan = read_text(HEADER + "1. Tuyên truyền\n- Thời gian thực hiện: Quý II/2025.\n" + CLOSING, name="plan.txt")
    (f,) = lint_plan(plan, rules=["past-deadline"], today=TODAY)
    assert (f.code, f.rule, f.severity, f.line, f.column) == ("PK107", "past-deadline", "warning", 13, 24)
    assert f.message == (
        "Thời hạn 'Quý II/2025' đã qua khi ban hành kế hoạch (ngày 16/03/2026): có lẽ còn sót lại từ "
        "kế hoạch năm trước / The deadline 'Quý II/2025' had passed when the plan was issued "
        "(16/03/2026): probably left over from last year's plan"
    )
    assert f.suggestion == "Quý II/2026"
    assert not f.fix.safe


def test_a_plan_without_its_day_is_judged_by_its_month_and_says_the_plan_year():
    text = HEADER.replace("ngày 16 tháng 3 năm 2026", "ngày      tháng 3 năm 2026")
    plan = read_text(text + "1. Hội nghị\n- Thời gian: tháng 12/2025.\n" + CLOSING, name="draft.txt")
    (f,) = lint_plan(plan, rules=["PK107"], today=TODAY)
    assert f.message.startswith("Thời hạn 'tháng 12/2025' đã qua trước năm kế hoạch (2026): ")


@pytest.mark.parametrize(("date", "time", "expected"), [
    ("ngày 20 tháng 12 năm 2025", "tháng 11/2025", [(13, "tháng 11/2025")]),
    ("ngày 20 tháng 12 năm 2025", "tháng 12/2025", []),
    ("ngày 20 tháng 12 năm 2025", "Quý IV/2025", []),
    ("ngày 16 tháng 3 năm 2026", "tháng 01/2026", []),
], ids=["december-plan-november-deadline", "december-plan-december", "december-plan-q4", "same-year-january"])
def test_a_plan_signed_in_december_for_next_year(date, time, expected):
    text = HEADER.replace("ngày 16 tháng 3 năm 2026", date)
    assert pk107(text + f"1. Hội nghị\n- Thời gian: {time}.\n" + CLOSING) == expected


def test_a_results_section_tells_of_last_years_times():
    text = HEADER.replace("II. NỘI DUNG\n", "II. KẾT QUẢ THỰC HIỆN NĂM 2025\n") + (
        "1. Tổ chức hội nghị\n- Thời gian thực hiện: Quý II/2025.\n"  # 12-13: results
        "III. NỘI DUNG\n"  # 14
        "1. Tổ chức hội nghị\n- Thời gian thực hiện: Quý II/2025.\n"  # 15-16: copied
    ) + CLOSING
    assert pk107(text) == [(16, "Quý II/2025")]


def test_a_report_on_last_year_is_not_a_plan():
    text = HEADER.replace("KẾ HOẠCH\n", "BÁO CÁO\n").replace("Tuyên truyền cải cách", "Kết quả tuyên truyền cải cách")
    assert pk107(text.replace("năm 2026\n", "năm 2025\n", 1) + "1. Hội nghị\n- Thời gian thực hiện: Quý II/2025.\n") == []


# -- tables of tasks -----------------------------------------------------------------------------
TABLE = (
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LAM SƠN\n"  # 1
    "Số: 30/KH-SKHCN\n"  # 2
    "Lam Sơn, ngày 05 tháng 02 năm 2026\n"  # 3
    "KẾ HOẠCH\n"  # 4
    "Thông tin, tuyên truyền cải cách hành chính năm 2026\n"  # 5
    "I. MỤC ĐÍCH, YÊU CẦU\n"  # 6
    "Nâng cao nhận thức về cải cách hành chính.\n"  # 7
    "II. NỘI DUNG\n"  # 8
    "\n"  # 9
    "STT\tNhiệm vụ\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"  # 10
    "1\tĐăng tin trên Cổng thông tin\tTin, bài\tVăn phòng Sở\tCác phòng\t{t1}\n"  # 11
    "2\tPhát hành tờ gấp\tTờ gấp\tVăn phòng Sở\tCác phòng\t{t2}\n"  # 12
    "3\tTổ chức hội thi\tHội thi\tVăn phòng Sở\tCác phòng\t{t3}\n"  # 13
    "\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "Văn phòng Sở theo dõi, đôn đốc.\n"
)


@pytest.mark.parametrize(("times", "expected"), [
    (("Quý II/2026", "Tháng 10/2026", "Thường xuyên"), []),
    (("Quý II/2025", "Tháng 10/2026", "Thường xuyên"), [(11, "Quý II/2025")]),
    (("Quý I/2026", "Tháng 10/2025", "Trước 30/6/2025"), [(12, "Tháng 10/2025"), (13, "30/6/2025")]),
    (("10/2025", "Năm 2025", "Quý II - Quý IV/2026"), [(11, "10/2025"), (12, "Năm 2025")]),
    (("Quý I - Quý II/2025", "Tháng 3, 4/2025", "2025-2026"), [(11, "Quý I - Quý II/2025"), (12, "Tháng 3, 4/2025")]),
], ids=["all-current", "one-quarter", "month-and-day", "bare-month-and-year", "ranges"])
def test_the_time_column_of_a_table_of_tasks(times, expected):
    text = TABLE.format(t1=times[0], t2=times[1], t3=times[2])
    assert pk107(text) == expected


def test_the_time_column_of_a_markdown_table():
    text = TABLE.replace(
        "STT\tNhiệm vụ\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n",
        "| STT | Nhiệm vụ | Sản phẩm | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |\n"
        "|---|---|---|---|---|---|\n",
    )
    rows = text.splitlines(keepends=True)
    for i in (11, 12, 13):  # the rows, one line down
        rows[i] = "| " + rows[i].rstrip("\n").replace("\t", " | ") + " |\n"
    text = "".join(rows).format(t1="Quý III/2025", t2="Quý III/2026", t3="Tháng 5/2026")
    assert pk107(text, "plan.md") == [(12, "Quý III/2025")]


@pytest.mark.parametrize("columns", [
    "STT\tNội dung\tThời gian\tKết quả",
    "STT\tNhiệm vụ\tThời gian thực hiện\tKết quả thực hiện",
    "STT\tTên văn bản\tSố, ký hiệu\tThời gian ban hành",
], ids=["results", "results-of-tasks", "documents-issued"])
def test_a_table_of_results_or_of_documents_issued_is_history(columns):
    text = TABLE.replace(
        "STT\tNhiệm vụ\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành", columns
    ).replace("\tTin, bài\tVăn phòng Sở\tCác phòng\t{t1}", "\t{t1}\tĐạt").replace(
        "\tTờ gấp\tVăn phòng Sở\tCác phòng\t{t2}", "\t{t2}\tĐạt").replace(
        "\tHội thi\tVăn phòng Sở\tCác phòng\t{t3}", "\t{t3}\tĐạt")
    assert pk107(text.format(t1="Quý II/2025", t2="Tháng 10/2025", t3="Năm 2025")) == []


# -- a ministry's plan: 1.1. items and "Thời hạn:" -------------------------------------------
MINISTRY = (
    "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n"  # 1
    "Số: 512/KH-BNNMT\n"  # 2
    "Hà Nội, ngày 20 tháng 01 năm 2026\n"  # 3
    "KẾ HOẠCH\n"  # 4
    "Cải cách hành chính năm 2026\n"  # 5
    "I. NHIỆM VỤ\n"  # 6
    "1. Cải cách thể chế\n"  # 7
    "1.1. Xây dựng, trình Chính phủ Nghị định sửa đổi quy định về thủ tục hành chính.\n"  # 8
    "Đơn vị chủ trì: Vụ Pháp chế. Thời hạn: {deadline}.\n"  # 9
    "1.2. Rà soát văn bản quy phạm pháp luật.\n"  # 10
    "Thời hạn: tháng 12/2026.\n"  # 11
)


@pytest.mark.parametrize(("deadline", "expected"), [
    ("tháng 6/2026", []),
    ("tháng 6/2025", []),  # mid-line label after a sentence: not read (a label starts its line)
], ids=["current", "mid-line-label"])
def test_a_ministry_plan_mid_line_label(deadline, expected):
    assert pk107(MINISTRY.format(deadline=deadline)) == expected


def test_a_ministry_plan_line_label():
    text = MINISTRY.format(deadline="tháng 6/2026").replace("Thời hạn: tháng 12/2026", "Thời hạn: tháng 12/2025")
    assert pk107(text) == [(11, "tháng 12/2025")]


# -- reading a time ------------------------------------------------------------------------------
@pytest.mark.parametrize(("written", "bare", "last"), [
    ("Quý II/2025", False, dt.date(2025, 6, 30)),
    ("quý III năm 2025", False, dt.date(2025, 9, 30)),
    ("Quý IV/2025", False, dt.date(2025, 12, 31)),
    ("quý I, II/2025", False, dt.date(2025, 6, 30)),
    ("Quý II - Quý IV/2025", False, dt.date(2025, 12, 31)),
    ("tháng 10/2025", False, dt.date(2025, 10, 31)),
    ("tháng 2 năm 2024", False, dt.date(2024, 2, 29)),
    ("Tháng 3-4/2025", False, dt.date(2025, 4, 30)),
    ("trước ngày 30/6/2025", False, dt.date(2025, 6, 30)),
    ("ngày 15 tháng 6 năm 2025", False, dt.date(2025, 6, 15)),
    ("6 tháng đầu năm 2025", False, dt.date(2025, 6, 30)),
    ("6 tháng cuối năm 2025", False, dt.date(2025, 12, 31)),
    ("Từ tháng 3/2025 đến tháng 12/2026", False, dt.date(2026, 12, 31)),
    ("Năm 2025", True, dt.date(2025, 12, 31)),
    ("Năm 2025", False, None),
    ("10/2025", True, dt.date(2025, 10, 31)),
    ("Theo Nghị định 45/2025/NĐ-CP", True, None),
    ("Từ năm 2025 đến nay", True, None),
    ("Thường xuyên", True, None),
    ("tháng 13/2025", False, None),
])
def test_time_end(written, bare, last):
    found = time_end(fold(written), 0, len(written), bare_years=bare)
    assert (found and found[0]) == last


@given(st.integers(2000, 2099), st.integers(1, 4), st.sampled_from(["Quý {q}/{y}", "quý {q} năm {y}"]))
def test_a_quarter_ends_on_its_last_month_end(year, quarter, form):
    written = form.format(q=["I", "II", "III", "IV"][quarter - 1], y=year)
    last, start, end = time_end(fold(written), 0, len(written), bare_years=False)
    assert (last.month, last.year, last.day in (30, 31), start, end) == (3 * quarter, year, True, 0, len(written))


# -- a law cited by name: the message shows the name as written, its number in parentheses -------
LAW_PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH LAM SƠN\nSố: 45/KH-UBND\nLam Sơn, ngày 16 tháng 3 năm 2026\n"
    "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2026\n{basis}\nI. MỤC ĐÍCH\nNâng cao nhận thức.\n"
)


@pytest.mark.parametrize(("basis", "named"), [
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
     "'Luật Tổ chức chính quyền địa phương' (77/2015/QH13)"),
    ("Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;",
     "'Luật Tổ chức chính quyền địa phương năm 2015' (77/2015/QH13)"),
    ("Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13;", "'77/2015/QH13'"),
], ids=["name-and-date", "name-and-year", "number"])
def test_a_law_cited_by_name_is_named_as_written(basis, named):
    plan = read_text(LAW_PLAN.format(basis=basis), name="plan.txt")
    (f,) = lint_plan(plan, rules=["PK401"], today=TODAY)
    assert (f.line, f.message) == (
        7,
        f"{named} đã được thay thế bởi 72/2025/QH15 từ 16/06/2025 / {named} was replaced by 72/2025/QH15 "
        "from 2025-06-16",
    )
