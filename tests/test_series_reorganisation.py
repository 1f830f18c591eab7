"""Series across the 2025 reorganisation (plankit.series): a body merged into another (the Sở
Thông tin và Truyền thông into the Sở Khoa học và Công nghệ on 1 March 2025) or a province merged
on 1 July 2025 continues its series under the new name, with a note, for plans dated after the
change, and never pairs with its partner's plans of before. Our own plans, in real layouts; then
the development corpus (../shared/corpus, skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plankit import read_corpus
from plankit.read import read_text
from plankit.series import issuer_change, issuer_key, latest_plans, pair_note, year_pairs

DEPARTMENT = """ỦY BAN NHÂN DÂN TỈNH {province}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
{body}\tĐộc lập - Tự do - Hạnh phúc
Số: {number}/KH-{symbol}\t{place}, ngày 10 tháng 01 năm {year}

KẾ HOẠCH
{title}
"""
PROVINCE = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH {province}\tĐộc lập - Tự do - Hạnh phúc
Số: {number}/KH-UBND\t{place}, ngày 10 tháng 01 năm {year}

KẾ HOẠCH
{title}
"""
# a portal's copy: no header table, no place line
NEWS = """Kế hoạch {title} tỉnh {place}

Cổng TTĐT - Ngày 12/01/{year}, UBND tỉnh ban hành Kế hoạch số {number}/KH-UBND về {title} tỉnh {place}.

Mục tiêu nhằm nâng cao chất lượng, hiệu quả thực hiện nhiệm vụ.
"""
TTTT = ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "STTTT")
KHCN = ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "SKHCN")
CDS = "Chuyển đổi số tỉnh năm {year}"
CCHC = "Cải cách hành chính năm {year}"


def dept(body, year, title=CDS, number=5, province="LÀO CAI", place="Lào Cai"):
    name, symbol = body
    text = DEPARTMENT.format(province=province, body=name, number=number, symbol=symbol, place=place,
                             year=year, title=title.format(year=year))
    return read_text(text, name=f"{symbol.lower()}-{place}-{year}-{number}.txt")


def prov(province, place, year, title=CCHC, number=5, shape=PROVINCE):
    title = title.format(year=year) if shape is PROVINCE else title.format(year=year).lower()
    text = shape.format(province=province, place=place, number=number, year=year, title=title)
    return read_text(text, name=f"ubnd-{place}-{year}-{number}.txt")


def pairs(plans):
    return [(a.name, b.name) for a, b in year_pairs(plans)]


def test_a_merged_department_continues_its_series_with_a_note():
    old, new = dept(TTTT, 2024), dept(KHCN, 2026, number=9)
    assert pairs([new, old]) == [(old.name, new.name)]
    assert pair_note(old, new) == (
        "Cơ quan ban hành đã thay đổi: Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ "
        "(từ 01/03/2025). / The issuer changed: Sở Thông tin và Truyền thông became Sở Khoa học "
        "và Công nghệ on 2025-03-01.")
    assert [p.name for p in latest_plans([old, new])] == [new.name]


def test_the_merged_body_follows_the_series_of_its_subject_not_its_own_other_one():
    tttt, khcn_science, khcn_digital = (
        dept(TTTT, 2024), dept(KHCN, 2024, title="Phát triển khoa học và công nghệ năm {year}", number=7),
        dept(KHCN, 2026, number=9))
    assert pairs([tttt, khcn_science, khcn_digital]) == [(tttt.name, khcn_digital.name)]


def test_before_the_merger_the_two_bodies_are_two_issuers():
    assert pairs([dept(TTTT, 2023), dept(KHCN, 2024, number=9)]) == []
    assert pair_note(dept(KHCN, 2023), dept(KHCN, 2024, number=9)) is None


def test_a_merged_province_continues_its_series_with_a_note():
    old, new = prov("YÊN BÁI", "Yên Bái", 2024), prov("LÀO CAI", "Lào Cai", 2026, number=9)
    assert pairs([old, new]) == [(old.name, new.name)]
    assert pair_note(old, new) == (
        "Cơ quan ban hành đã thay đổi: tỉnh Yên Bái → tỉnh Lào Cai (từ 01/07/2025). / The issuer "
        "changed: tỉnh Yên Bái became tỉnh Lào Cai on 2025-07-01.")


def test_the_province_that_stayed_pairs_with_its_own_plan_first():
    yen_bai, lao_cai, lao_cai_new = (prov("YÊN BÁI", "Yên Bái", 2024), prov("LÀO CAI", "Lào Cai", 2024, number=6),
                                     prov("LÀO CAI", "Lào Cai", 2026, number=9))
    assert pairs([yen_bai, lao_cai_new, lao_cai]) == [(lao_cai.name, lao_cai_new.name)]
    # Yên Bái's series ended with the merger: Lào Cai's 2026 plan is the one to roll forward
    assert [p.name for p in latest_plans([yen_bai, lao_cai_new, lao_cai])] == [lao_cai_new.name]
    assert [p.name for p in latest_plans([yen_bai, lao_cai])] == [lao_cai.name, yen_bai.name]


def test_before_july_2025_neighbouring_provinces_never_pair():
    assert pairs([prov("YÊN BÁI", "Yên Bái", 2023), prov("LÀO CAI", "Lào Cai", 2024, number=9)]) == []


def test_a_copy_without_its_place_line_has_its_issuers_key():
    table, news = prov("LÀO CAI", "Lào Cai", 2023), prov("LÀO CAI", "Lào Cai", 2024, number=9, shape=NEWS)
    assert issuer_key(table) == issuer_key(news) == ("uy ban nhan dan tinh lao cai", "lao cai")


@pytest.mark.parametrize(("plan", "key", "changes"), [
    (lambda: dept(TTTT, 2024), ("so khoa hoc va cong nghe", "lao cai"),
     [("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ")]),
    (lambda: dept(TTTT, 2024, province="YÊN BÁI", place="Yên Bái"), ("so khoa hoc va cong nghe", "lao cai"),
     [("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"), ("tỉnh Yên Bái", "tỉnh Lào Cai")]),
    (lambda: prov("HẢI DƯƠNG", "Hải Dương", 2024), ("uy ban nhan dan tinh hai phong", "hai phong"),
     [("tỉnh Hải Dương", "thành phố Hải Phòng")]),
    (lambda: dept(KHCN, 2024), ("so khoa hoc va cong nghe", "lao cai"), []),
])
def test_issuer_under_todays_names(plan, key, changes):
    got_key, got = issuer_change(plan())
    assert (got_key, [(c.old, c.new) for c in got]) == (key, changes)


CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def test_corpus_pairs():
    if not (CORPUS / "gold.json").is_file():
        pytest.skip("the development corpus (../shared/corpus) is absent")
    plans = read_corpus([CORPUS])
    got = [(Path(a.name).name, Path(b.name).name, pair_note(a, b)) for a, b in year_pairs(plans)]
    # Bắc Ninh's yearly reform plans of 2021 and 2026 (its 2025-2030 reform plan and its
    # digital-government plan are other series); the ministry's health communication plans.
    # Bắc Giang's 2022 one-stop-shop plan is not Bắc Ninh's reform plan, merged province or not.
    assert got == [("bacninh_ubnd_2020_584.txt", "bacninh_ubnd_2025_167.txt", None),
                   ("boyte_byt_2024_128.txt", "boyte_byt_2025_288.txt", None)]
