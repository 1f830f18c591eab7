"""PlanFacts shown as every result is: a short repr, an HTML table for notebooks and a
DataFrame (one row a plan, so a folder's facts stack)."""

from __future__ import annotations

import pandas as pd
import pytest

from plankit import read_text

COLUMNS = ["issuer", "level", "province", "province_2025", "place_province", "date", "year", "dated",
           "earliest", "latest", "basis", "closing", "parts", "issued_plan", "issued_plan_year"]

DATED = ("UBND TỈNH QUẢNG BÌNH\nSỞ NỘI VỤ\nSố: 64/KH-SNV\nQuảng Bình, ngày 11 tháng 03 năm 2023\nKẾ HOẠCH\n"
         "Cải cách hành chính năm 2023\nCăn cứ Kế hoạch số 9/KH-UBND ngày 05/01/2023 của UBND tỉnh;\n"
         "Căn cứ Quyết định số 40/QĐ-UBND ngày 06/01/2023 của UBND tỉnh;\n"
         "I. MỤC ĐÍCH\nTrên đây là Kế hoạch năm 2023 của Sở.")
UNDATED = "KẾ HOẠCH\nTuyên truyền <pháp luật> & hòa giải năm 2021\nI. MỤC ĐÍCH\nBảo đảm."

# (text, repr, frame row)
CASES = [
    (DATED, "PlanFacts('Sở Nội vụ tỉnh Quảng Bình', department, 'Quảng Bình', 2023-03-11, 2 basis clauses)",
     {"issuer": "Sở Nội vụ tỉnh Quảng Bình", "level": "department", "province": "Quảng Bình",
      "province_2025": "Quảng Trị", "place_province": "Quảng Bình", "date": "2023-03-11", "year": 2023,
      "dated": True, "earliest": "2023-03-11", "latest": "2023-03-11", "basis": 2,
      "parts": "opening body closing", "issued_plan": None, "issued_plan_year": None}),
    (UNDATED, "PlanFacts(None, other, None, year 2021 (undated), 0 basis clauses)",
     {"issuer": None, "level": "other", "province": None, "province_2025": None, "place_province": None,
      "date": None, "year": 2021, "dated": False, "earliest": "2021-01-01", "latest": "2021-12-31", "basis": 0,
      "closing": None, "issued_plan": None, "issued_plan_year": None}),
]


@pytest.mark.parametrize(("text", "shown", "row"), CASES)
def test_repr_and_frame(text, shown, row):
    facts = read_text(text, "kh.txt").facts
    assert repr(facts) == shown
    frame = facts.to_frame()
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == COLUMNS and len(frame) == 1
    got = frame.iloc[0].to_dict()
    assert {k: (None if pd.isna(v) else v) if not isinstance(v, str) else v for k, v in got.items() if k in row} == row


def test_closing_column_is_where_the_closing_sentence_starts():
    plan = read_text(DATED, "kh.txt")
    assert plan.facts.to_frame().loc[0, "closing"] == plan.text.index("Trên đây")


def test_frames_of_several_plans_stack():
    frames = [read_text(t, f"{i}.txt").facts.to_frame() for i, t in enumerate((DATED, UNDATED))]
    both = pd.concat(frames, ignore_index=True)
    assert list(both["year"]) == [2023, 2021] and list(both["level"]) == ["department", "other"]


def test_html_lists_every_fact_escaped():
    shown = read_text(UNDATED, "kh.txt").facts._repr_html_()
    assert shown.startswith("<table>") and shown.endswith("</table>")
    assert [f"<th style='text-align:left'>{c}</th>" in shown for c in COLUMNS] == [True] * len(COLUMNS)
    dated = read_text(DATED, "kh.txt").facts._repr_html_()
    assert "<td style='text-align:left'>Sở Nội vụ tỉnh Quảng Bình</td>" in dated
    assert "<td style='text-align:left'>2023-03-11</td>" in dated


def test_html_escapes_the_issued_plan():
    text = ("ỦY BAN NHÂN DÂN TỈNH NINH THUẬN\nSố: 5/QĐ-UBND\nNinh Thuận, ngày 2 tháng 1 năm 2024\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch phòng chống thiên tai & cứu nạn năm 2024\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng chống thiên tai & cứu nạn năm 2024.\n")
    facts = read_text(text, "qd.txt").facts
    assert (facts.issued_plan, facts.issued_plan_year) == ("phòng chống thiên tai & cứu nạn năm 2024", 2024)
    shown = facts._repr_html_()
    assert "<td style='text-align:left'>phòng chống thiên tai &amp; cứu nạn năm 2024</td>" in shown
    assert " & " not in shown
