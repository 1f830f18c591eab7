"""A place name after a place word reads as the known place it matches, for that kind of unit.

Lines are written for these tests in the shape of document headers and basis clauses (invented
agencies); the places are the provincial units of ``plankit/data/provinces.tsv``.
"""

from __future__ import annotations

import pytest

from plankit.restore import restore_text

# (text, ocr, expected text, the words read from the place vocabulary)
PLACES = [
    # an OCR'd header that lost one letter of the last syllable ("Ngãi" read "NGẤT")
    ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGẤT", True, "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI", ["QUẢNG", "NGÃI"]),
    ("SỞ TƯ PHÁP TỈNH HÀ GIÁNG", True, "SỞ TƯ PHÁP TỈNH HÀ GIANG", ["HÀ", "GIANG"]),
    ("cua UBND tinh Quang Ngát ve viec", True, "của UBND tỉnh Quảng Ngãi về việc", ["Quảng", "Ngãi"]),
    # no real syllable ("NINT"), which the model alone keeps as read
    ("TỈNH QUẢNG NINT", True, "TỈNH QUẢNG NINH", ["QUẢNG", "NINH"]),
    # typed without marks: the folded form matches exactly
    ("UBND TINH QUANG NGAI", False, "UBND TỈNH QUẢNG NGÃI", ["QUẢNG", "NGÃI"]),
    ("So Y te tinh Dak Lak", False, "Sở Y tế tỉnh Đắk Lắk", ["Đắk", "Lắk"]),
    ("thanh pho Hai Phong", False, "thành phố Hải Phòng", ["Hải", "Phòng"]),
    ("THANH PHO HO CHI MINH", False, "THÀNH PHỐ HỒ CHÍ MINH", ["HỒ", "CHÍ", "MINH"]),
    # the longest known place that the run of capitalised words starts with
    ("TINH HUNG YEN TO CHUC", False, "TỈNH HƯNG YÊN TỔ CHỨC", ["HƯNG", "YÊN"]),
]


@pytest.mark.parametrize(("text", "ocr", "expected", "placed"), PLACES)
def test_a_place_after_a_place_word_is_a_known_place(text, ocr, expected, placed):
    r = restore_text(text, ocr=ocr)
    assert r.text == expected
    assert [t.output for t in r.tokens if t.how == "place"] == placed


# (text, ocr, expected text): nothing here is read from the place vocabulary
NOT_PLACES = [
    # typed with marks: kept as typed, even a slip ("Ngất"), even a plain word ("Hung")
    ("Ủy ban nhân dân tỉnh Quảng Ngất", False, "Ủy ban nhân dân tỉnh Quảng Ngất"),
    ("Sở Khoa học và Công nghệ tỉnh Hung Yên", False, "Sở Khoa học và Công nghệ tỉnh Hung Yên"),
    # typed text: one letter off is no match (base letters change only in OCR'd text)
    ("tinh Quang Ngat", False, "tỉnh Quảng Ngắt"),
    # the wrong kind: Quảng Ngãi is a tỉnh, Hà Giang no thành phố
    ("THÀNH PHỐ QUẢNG NGẤT", True, "THÀNH PHỐ QUẢNG NGẮT"),
    # no place word before the run
    ("QUẢNG NGẤT", True, "QUẢNG NGẮT"),
    # communes, wards and districts have no vocabulary in plankit: the model decides
    ("xa Tan Phu", False, "xã Tân Phú"),
    # one letter off two places at once (Kiên Giang, Tiền Giang): no single one
    ("TỈNH XIÊN GIANG", True, "TỈNH XIÊN GIANG"),
]


@pytest.mark.parametrize(("text", "ocr", "expected"), NOT_PLACES)
def test_no_place_is_forced(text, ocr, expected):
    r = restore_text(text, ocr=ocr)
    assert r.text == expected
    assert not [t for t in r.tokens if t.how == "place"]
