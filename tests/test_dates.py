"""One reading of Vietnamese dates (plankit.dates) for the header, citation and tracked-draft
readers: a table of written forms with their exact parts, and a property over all dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plankit.dates import find_date, find_dates, numeric_dates
from plankit.text import fold

CASES = [
    # (text, day, month, year, date)
    ("Quảng Ngãi, ngày 17 tháng 01 năm 2024", 17, 1, 2024, dt.date(2024, 1, 17)),
    ("Hà Nội, ngày 01\ntháng 3 năm 2025 |", 1, 3, 2025, dt.date(2025, 3, 1)),
    ("Cần Thơ, ngày    tháng 01 năm 2022", None, 1, 2022, None),
    ("Số: /CT-UBND Quảng Nam, ngày tháng năm 2022", None, None, 2022, None),
    ("Cần Thơ, ngay 21thdng 01 nam 2025", 21, 1, 2025, dt.date(2025, 1, 21)),
    ("ngày 31 tháng 12, năm 2021", 31, 12, 2021, dt.date(2021, 12, 31)),
    ("Ngày 13/8/2019, UBND tỉnh ban hành", 13, 8, 2019, dt.date(2019, 8, 13)),
    ("ngày 15.7.2021 của Chính phủ", 15, 7, 2021, dt.date(2021, 7, 15)),
    ("Kế hoạch số 29/KH-SKHCN ngày 06/01-2022", 6, 1, 2022, dt.date(2022, 1, 6)),
    ("ngày 31/02/2021", 31, 2, 2021, None),  # no such day
    # a draft's blanks written with dots, an ellipsis or underscores
    ("Quảng Nam, ngày ... tháng ... năm 2025", None, None, 2025, None),
    ("Hà Nội, ngày …… tháng 3 năm 2025", None, 3, 2025, None),
    ("ngày ___ tháng ___ năm 2024", None, None, 2024, None),
    ("Kế hoạch số: /KH-UBND ngày /01/2022", None, 1, 2022, None),
    ("ngày …/01/2022", None, 1, 2022, None),
    # OCR'd "tháng" and "năm"
    ("Cần Thơ, ngay 05 th¡ng 02 nim 2024", 5, 2, 2024, dt.date(2024, 2, 5)),
]


@pytest.mark.parametrize("text, day, month, year, date", CASES, ids=[c[0][:30] for c in CASES])
def test_date_forms(text, day, month, year, date):
    found = find_date(fold(text))
    assert (found.day, found.month, found.year, found.date) == (day, month, year, date)
    assert text[found.year_span[0] : found.year_span[1]] == str(year)


@pytest.mark.parametrize("text", ["trong năm 2021", "ngày 2021", "ngày 17/01 hằng năm", "Ngày hội 2024"])
def test_no_date(text):
    assert find_date(fold(text)) is None


@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), st.sampled_from(["spelled", "slash", "wrapped"]))
def test_every_date_reads_back(day, form):
    text = {
        "spelled": f"Hà Nội, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
        "slash": f"ngày {day.day}/{day.month}/{day.year}",
        "wrapped": f"Hà Nội, ngày {day.day}\ntháng {day.month} năm {day.year}",
    }[form]
    assert find_date(fold(text)).date == day


# (text, the separators of each date found)
SEPARATORS = [
    ("ngày 06/01-2022", ["/-"]),
    ("ngày 06/01/2022 và ngày 07 tháng 02 năm 2022", ["//", ""]),
    ("ngày 15.7.2021; ngày /01/2022", ["..", "//"]),
]


@pytest.mark.parametrize("text, expected", SEPARATORS)
def test_separators(text, expected):
    assert [d.separators for d in find_dates(fold(text))] == expected


def test_numeric_dates_without_ngay():
    text = "Quyết định 118/2021/QĐ-UBND (24/12/2024), 31/02/2021 và 2021/2022"
    assert [(d.day, d.month, d.year, d.date) for d in numeric_dates(fold(text))] == [
        (24, 12, 2024, dt.date(2024, 12, 24)),
        (31, 2, 2021, None),
    ]


@given(st.text(alphabet=st.sampled_from(list("ngày tháng năm 0123456789/.-…_\n,")), max_size=80))
def test_every_date_found_reads_back_from_its_spans(text):
    folded = fold(text)
    for d in find_dates(folded):
        assert folded[d.year_span[0] : d.year_span[1]] == str(d.year)
        if d.day_span is not None:
            assert int(folded[d.day_span[0] : d.day_span[1]]) == d.day
        if d.month_span is not None:
            assert int(folded[d.month_span[0] : d.month_span[1]]) == d.month
        assert d.start <= d.blank_at <= d.end
