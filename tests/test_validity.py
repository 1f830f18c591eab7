"""plankit.validity on the register's replacements of 2025: the laws on legal documents (2015 ->
64/2025), on cadres and civil servants (2008 -> 80/2025) and on local government (2015 -> 65/2025
-> 72/2025), as the linter, the graph and the diff see them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit import validity
from plankit.register import lookup, register
from plankit.validity import (
    NOT_YET_ISSUED,
    PARTLY_REPLACED,
    REPLACED,
    VALID,
    replaced_by,
    replacements,
    status,
)


# -- the chains, day by day -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("key", "on", "successor", "since"),
    [
        ("80/2015/QH13", dt.date(2025, 3, 31), None, None),
        ("80/2015/QH13", dt.date(2025, 4, 1), "64/2025/QH15", dt.date(2025, 4, 1)),
        ("22/2008/QH12", dt.date(2025, 6, 30), None, None),
        ("22/2008/QH12", dt.date(2025, 7, 1), "80/2025/QH15", dt.date(2025, 7, 1)),
        ("77/2015/QH13", dt.date(2025, 2, 28), None, None),
        ("77/2015/QH13", dt.date(2025, 3, 1), "65/2025/QH15", dt.date(2025, 3, 1)),
        ("77/2015/QH13", dt.date(2025, 6, 15), "65/2025/QH15", dt.date(2025, 3, 1)),
        ("77/2015/QH13", dt.date(2025, 6, 16), "72/2025/QH15", dt.date(2025, 6, 16)),
        ("77/2015/QH13", dt.date(2026, 1, 15), "72/2025/QH15", dt.date(2025, 6, 16)),
        ("65/2025/QH15", dt.date(2025, 6, 15), None, None),
        ("65/2025/QH15", dt.date(2025, 6, 16), "72/2025/QH15", dt.date(2025, 6, 16)),
        # left alone: no page names their replacement by number
        ("63/2020/QH14", dt.date(2026, 1, 15), None, None),
        ("52/2019/QH14", dt.date(2026, 1, 15), None, None),
        # the successors themselves are in force
        ("64/2025/QH15", dt.date(2026, 1, 15), None, None),
        ("72/2025/QH15", dt.date(2026, 1, 15), None, None),
        ("80/2025/QH15", dt.date(2026, 1, 15), None, None),
    ],
)
def test_replaced_by_on_a_day(key, on, successor, since):
    found = replaced_by(key, on)
    assert (found.replaced_by if found else None, found.effective if found else None) == (successor, since)


def test_the_chains_give_the_first_law_its_last_successor():
    pairs = {(r.key, r.replaced_by, r.effective) for r in replacements()}
    assert {
        ("80/2015/QH13", "64/2025/QH15", dt.date(2025, 4, 1)),
        ("22/2008/QH12", "80/2025/QH15", dt.date(2025, 7, 1)),
        ("77/2015/QH13", "65/2025/QH15", dt.date(2025, 3, 1)),
        ("65/2025/QH15", "72/2025/QH15", dt.date(2025, 6, 16)),
        ("77/2015/QH13", "72/2025/QH15", dt.date(2025, 6, 16)),  # the chain's pair
    } <= pairs
    assert [r.basis for r in replacements() if (r.key, r.replaced_by) == ("77/2015/QH13", "72/2025/QH15")] == [
        "Luật 72/2025/QH15 ngày 16/06/2025 của Quốc hội Luật Tổ chức chính quyền địa phương"
        " (qua / via 65/2025/QH15)"
    ]


@pytest.mark.parametrize(
    ("key", "on", "expected"),
    [
        ("77/2015/QH13", dt.date(2025, 2, 28), VALID),
        ("77/2015/QH13", dt.date(2025, 3, 1), REPLACED),
        ("65/2025/QH15", dt.date(2025, 2, 18), NOT_YET_ISSUED),  # passed 19/02/2025
        ("65/2025/QH15", dt.date(2025, 2, 19), VALID),
        ("65/2025/QH15", dt.date(2025, 6, 16), REPLACED),
        ("63/2025/QH15", dt.date(2025, 2, 17), NOT_YET_ISSUED),  # passed 18/02/2025
        ("63/2025/QH15", dt.date(2025, 2, 18), VALID),
        ("87/2025/QH15", dt.date(2025, 6, 24), NOT_YET_ISSUED),  # passed 25/06/2025
        ("87/2025/QH15", dt.date(2025, 6, 25), VALID),
        ("66/NQ-CP", dt.date(2025, 3, 25), NOT_YET_ISSUED),  # of 26/03/2025
        ("66/NQ-CP", dt.date(2026, 1, 15), VALID),
        ("22/2008/QH12", dt.date(2026, 1, 15), REPLACED),
        ("80/2015/QH13", dt.date(2026, 1, 15), REPLACED),
    ],
)
def test_status_table(key, on, expected):
    assert status(key, on) == expected


_REPLACED_KEYS = sorted(e.key for e in register() if e.replaced_by)


@settings(max_examples=200, deadline=None)
@given(key=st.sampled_from(_REPLACED_KEYS),
       first=st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
       days=st.integers(0, 4000))
def test_once_replaced_a_document_stays_replaced_and_the_answer_never_postdates_the_day(key, first, days):
    later = first + dt.timedelta(days=days)
    early, late = replaced_by(key, first), replaced_by(key, later)
    if early is not None:
        assert late is not None and late.effective >= early.effective
        assert early.effective <= first
    if late is not None:
        assert late.effective <= later
        assert lookup(late.replaced_by) is not None  # every successor is a row
        assert replaced_by(late.replaced_by, later) is None  # the answer is the one in force


# -- the linter: a 2026 plan that copied the basis of an old one ---------------------------------
def _plan(day: str, year: int, bases: list[str]) -> str:
    # Written for these tests: an invented district's plan, in the layout of a real one.
    clauses = "\n".join(f"Căn cứ {b};" for b in bases)
    return (
        "ỦY BAN NHÂN DÂN XÃ AN THẠNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        f"Số: 12/KH-UBND | An Thạnh, ngày {day} năm {year} |\n"
        "KẾ HOẠCH\n"
        f"Thông tin, tuyên truyền cải cách hành chính năm {year}\n"
        f"{clauses}\n"
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình "
        "tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;\n"
        f"Ủy ban nhân dân xã ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm {year}:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Nâng cao nhận thức của cán bộ, công chức và Nhân dân về cải cách hành chính.\n"
    )


OLD_LAWS = [
    "Luật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19 tháng 6 năm 2015",
    "Luật Cán bộ, công chức số 22/2008/QH12 ngày 13 tháng 11 năm 2008",
    "Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 ngày 22 tháng 6 năm 2015",
]


def _stale(text: str) -> list[tuple[str, str, str]]:
    from plankit.lint import lint_plan
    from plankit.read import read_text

    plan = read_text(text, name="kh-12.txt")
    found = lint_plan(plan, rules=["stale-basis"], today=dt.date(2026, 12, 7))
    return [(f.code, f.severity, f.message) for f in found]


def test_a_2026_plan_citing_the_replaced_laws_draws_one_error_each():
    assert _stale(_plan("12 tháng 01", 2026, OLD_LAWS)) == [
        ("PK401", "error", "'77/2015/QH13' đã được thay thế bởi 72/2025/QH15 từ 16/06/2025 / "
                           "'77/2015/QH13' was replaced by 72/2025/QH15 from 2025-06-16"),
        ("PK401", "error", "'22/2008/QH12' đã được thay thế bởi 80/2025/QH15 từ 01/07/2025 / "
                           "'22/2008/QH12' was replaced by 80/2025/QH15 from 2025-07-01"),
        ("PK401", "error", "'80/2015/QH13' đã được thay thế bởi 64/2025/QH15 từ 01/04/2025 / "
                           "'80/2015/QH13' was replaced by 64/2025/QH15 from 2025-04-01"),
    ]


def test_a_plan_of_early_2025_citing_the_same_laws_draws_nothing():
    assert _stale(_plan("10 tháng 02", 2025, OLD_LAWS)) == []


def test_a_plan_of_april_2025_sees_the_law_of_local_government_replaced_once():
    found = _stale(_plan("15 tháng 4", 2025, OLD_LAWS[:1]))
    assert [m.split(" / ")[1] for _, _, m in found] == [
        "'77/2015/QH13' was replaced by 65/2025/QH15 from 2025-03-01"
    ]


def test_the_new_laws_draw_no_stale_basis():
    new_laws = [
        "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025",
        "Luật Cán bộ, công chức số 80/2025/QH15 ngày 24 tháng 6 năm 2025",
        "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 ngày 19 tháng 02 năm 2025, được "
        "sửa đổi, bổ sung bởi Luật số 87/2025/QH15 ngày 25 tháng 6 năm 2025",
        "Luật Tổ chức Chính phủ số 63/2025/QH15 ngày 18 tháng 02 năm 2025",
    ]
    assert _stale(_plan("12 tháng 01", 2026, new_laws)) == []


# -- the graph and the diff ----------------------------------------------------------------------
def test_the_graph_labels_the_edge_to_a_replaced_law_with_its_successor():
    from plankit.graph import build_graph
    from plankit.read import read_text

    graph = build_graph([read_text(_plan("12 tháng 01", 2026, OLD_LAWS), name="kh-12.txt")])
    edges = {target: data for _, target, data in graph.edges(data=True)}
    got = {k: (d["validity"], d["replaced_by"], d["role"])
           for k, d in edges.items() if k in {"77/2015/QH13", "22/2008/QH12", "80/2015/QH13", "76/NQ-CP"}}
    assert got == {
        "77/2015/QH13": ("replaced", "72/2025/QH15", "basis"),
        "22/2008/QH12": ("replaced", "80/2025/QH15", "basis"),
        "80/2015/QH13": ("replaced", "64/2025/QH15", "basis"),
        "76/NQ-CP": ("valid", None, "basis"),
    }
    assert graph.nodes["22/2008/QH12"]["title"] == "Luật 22/2008/QH12 ngày 13/11/2008 của Quốc hội Luật Cán bộ, công chức"


def test_a_diff_across_the_law_on_legal_documents_reports_one_replaced_basis():
    from plankit.diff import diff_plans
    from plankit.read import read_text

    old = read_text(_plan("10 tháng 01", 2025, [OLD_LAWS[2]]), name="a.txt")
    new = read_text(_plan("12 tháng 01", 2026, [
        "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 ngày 19 tháng 02 năm 2025"]), name="b.txt")
    d = diff_plans(old, new)
    assert d.basis_replaced == (("80/2015/QH13", "64/2025/QH15"),)
    assert d.basis_added == frozenset() and d.basis_removed == frozenset()


# -- replaced in part -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "on", "expected", "successor"),
    [
        ("112/2020/NĐ-CP", dt.date(2025, 6, 30), VALID, None),
        ("112/2020/NĐ-CP", dt.date(2025, 7, 1), PARTLY_REPLACED, "172/2025/NĐ-CP"),
        ("112/2020/ND-CP", dt.date(2026, 1, 15), PARTLY_REPLACED, "172/2025/NĐ-CP"),
        ("61/2018/NĐ-CP", dt.date(2026, 1, 15), REPLACED, "118/2025/NĐ-CP"),
        ("172/2025/NĐ-CP", dt.date(2026, 1, 15), VALID, None),
    ],
)
def test_a_partial_replacement_is_its_own_status(key, on, expected, successor):
    assert status(key, on) == expected
    found = replaced_by(key, on)
    assert (found.replaced_by if found else None) == successor
    assert (found.partial if found else False) is (expected == PARTLY_REPLACED)


def test_a_partial_replacement_says_which_part():
    found = replaced_by("112/2020/NĐ-CP", dt.date(2026, 1, 15))
    assert (found.part, found.effective) == ("cán bộ, công chức", dt.date(2025, 7, 1))
    assert repr(found) == ("Replacement(112/2020/NĐ-CP -> 172/2025/NĐ-CP from 2025-07-01, "
                           "in part: cán bộ, công chức)")
    frame = validity.replacements_frame()
    assert frame.loc[frame.key == "112/2020/NĐ-CP", "part"].tolist() == ["cán bộ, công chức"]
    assert frame.loc[frame.key == "61/2018/NĐ-CP", "part"].isna().tolist() == [True]


def test_the_linter_warns_of_a_partly_replaced_decree_and_errs_on_a_replaced_one():
    """A partly replaced basis is a warning naming the part, not an error: the decree still
    applies to viên chức (the linter's full table: tests/test_lint_layouts.py). A wholly
    replaced one is an error."""
    decrees = ["Nghị định số 112/2020/NĐ-CP ngày 18 tháng 9 năm 2020 của Chính phủ về xử lý kỷ luật "
               "cán bộ, công chức, viên chức"]
    assert [(code, severity) for code, severity, _ in _stale(_plan("12 tháng 01", 2026, decrees))] == [
        ("PK401", "warning")]
    assert [(code, severity) for code, severity, _ in _stale(_plan("12 tháng 01", 2026, decrees + OLD_LAWS[1:2]))] == [
        ("PK401", "warning"), ("PK401", "error")]


def test_the_graph_marks_a_partly_replaced_basis():
    from plankit.graph import build_graph
    from plankit.read import read_text

    decree = ("Nghị định số 112/2020/NĐ-CP ngày 18 tháng 9 năm 2020 của Chính phủ về xử lý kỷ luật cán bộ, "
              "công chức, viên chức")
    graph = build_graph([read_text(_plan("12 tháng 01", 2026, [decree]), name="kh-12.txt")])
    (source,) = [n for n, k in graph.nodes(data="kind") if k == "plan"]
    edge = graph.edges[source, "112/2020/NĐ-CP"]
    assert (edge["validity"], edge["replaced_by"]) == (PARTLY_REPLACED, "172/2025/NĐ-CP")
    node = graph.nodes["112/2020/NĐ-CP"]
    assert (node["successor"], node["successor_from"], node["successor_part"]) == (
        "172/2025/NĐ-CP", dt.date(2025, 7, 1), "cán bộ, công chức")
    assert "1 to partly replaced documents" in repr(graph)
    assert "bị thay thế một phần / partly replaced" in graph._repr_html_()
