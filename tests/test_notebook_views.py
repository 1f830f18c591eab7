"""What a notebook shows: the headings of the year-on-year and draft pages name the issuer and
its place once (a provincial People's Committee already carries its province in its name); a
draft's to-do list quotes the plan's words in the page's font, cut at a word."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

import plankit
from plankit import show

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("issuer", "place", "fallback", "heading"),
    [
        ("Sở Công Thương", "Hải Dương", "", "Sở Công Thương, Hải Dương"),
        ("Ủy ban nhân dân tỉnh Hải Dương", "Hải Dương", "", "Ủy ban nhân dân tỉnh Hải Dương"),
        ("Ủy ban nhân dân thành phố Hà Nội", "Hà Nội", "", "Ủy ban nhân dân thành phố Hà Nội"),
        ("UBND TỈNH QUẢNG NGÃI", "Quảng Ngãi", "", "UBND TỈNH QUẢNG NGÃI"),  # folded: case and marks
        ("UBND tinh Quang Ngai", "Quảng Ngãi", "", "UBND tinh Quang Ngai"),  # an OCR'd name without marks
        ("Sở Khoa học và Công nghệ", "Cần Thơ", "", "Sở Khoa học và Công nghệ, Cần Thơ"),
        ("Bộ Nội vụ", None, "", "Bộ Nội vụ"),
        (None, "Cần Thơ", "", "Cần Thơ"),
        (None, None, "can-tho/2025.txt", "can-tho/2025.txt"),
        ("Ủy ban nhân dân tỉnh Hà Nam", "Nam Định", "", "Ủy ban nhân dân tỉnh Hà Nam, Nam Định"),
    ],
)
def test_issuer_names_the_place_once(issuer, place, fallback, heading):
    assert show.issuer(SimpleNamespace(issuer=issuer, place=place), fallback) == heading


@pytest.mark.parametrize("name", ["03-year-on-year.ipynb", "05-draft-next-year.ipynb"])
def test_pair_and_draft_headings_use_the_one_helper(name):
    nb = nbformat.read(str(ROOT / "notebooks" / name), as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert source.count("who = show.issuer(") == 1
    assert "header.place) if x)" not in source  # the old join that said "UBND tỉnh Hải Dương, Hải Dương"


def test_a_drafts_to_dos_quote_the_plans_words_cut_at_a_word():
    import re

    draft = plankit.draft_plan(ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt", year=2023)
    quoted = re.findall(r"\(dòng (\d+): <q>(.*?)</q>\)", draft._repr_html_())
    assert quoted == [
        ("3", "…"), ("3", "…"),
        ("8", "Kế hoạch số 4707/KH-UBND ngày 24/12/2021 của UBND tỉnh về cải cách hành chính…"),
        ("8", "Kế hoạch tuyên truyền cải cách hành chính nhà nước năm 2022 số 276/KH-UBND ngày…"),
    ]
    assert "<code>" not in draft._repr_html_()


@pytest.mark.slow
def test_year_on_year_says_the_basis_is_unchanged_instead_of_an_empty_table(tmp_path):
    import shutil

    from plankit.report import run_report

    notebooks, plans = tmp_path / "so-tay", tmp_path / "ke-hoach"
    notebooks.mkdir()
    plans.mkdir()
    shutil.copy(ROOT / "notebooks" / "03-year-on-year.ipynb", notebooks)
    old = (ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt").read_text(encoding="utf-8")
    (plans / "2022.txt").write_text(old, encoding="utf-8")
    (plans / "2023.txt").write_text(old.replace("2022", "2023"), encoding="utf-8")  # same basis documents
    run_report(plans, tmp_path / "bao-cao", notebooks=notebooks, progress=False)
    page = (tmp_path / "bao-cao" / "03-year-on-year.html").read_text(encoding="utf-8")
    assert "Sở Công Thương tỉnh Hải Dương: 2022 → 2023" in page
    assert "Căn cứ giữ nguyên." in page and "The basis is unchanged." in page
    assert "Căn cứ bỏ đi / basis removed" not in page
