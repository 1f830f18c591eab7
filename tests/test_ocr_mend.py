"""OCR's confusions mended where the shape of a document number, a date or the motto says what
was printed (``plankit.read._ocr.mend_ocr``), and nowhere else. Agencies and numbers invented."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from plankit.read._ocr import mend_ocr

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO2 = "Độc lập - Tự do - Hạnh phúc"


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        # letters for digits in a document number
        ("Số: O7/KH-UBND", "Số: 07/KH-UBND"),
        ("Số: 1l5/QĐ-TTg", "Số: 115/QĐ-TTg"),
        ("Số: I2/KH-SNV", "Số: 12/KH-SNV"),
        ("Nghị định số 61/2O18/NĐ-CP", "Nghị định số 61/2018/NĐ-CP"),
        ("Quyết định 9O4/QĐ-UBND", "Quyết định 904/QĐ-UBND"),
        # the slash read as a letter, or dropped, before a document kind
        ("Số: 07IKH-UBND", "Số: 07/KH-UBND"),
        ("Số: 318lQĐ-UBND", "Số: 318/QĐ-UBND"),
        ("Số: 44|KH-STTTT", "Số: 44/KH-STTTT"),
        ("Số: 07KH-UBND", "Số: 07/KH-UBND"),
        ("Kế hoạch 1203NQ-HĐND", "Kế hoạch 1203/NQ-HĐND"),
        # a quote inside a symbol; Icelandic eth for Đ
        ("Chỉ thị số 23/CT-T'Tg", "Chỉ thị số 23/CT-TTg"),
        ("Số: 56/QÐ-BYT", "Số: 56/QĐ-BYT"),
        # dates
        ("Gia Lai, ngày l7 tháng O1 năm 2O24", "Gia Lai, ngày 17 tháng 01 năm 2024"),
        ("ngày 1O/O2/2O23 của UBND tỉnh", "ngày 10/02/2023 của UBND tỉnh"),
        ("Năm 2O25", "Năm 2025"),
        # a 0 read as 6 in a year, a month, a day; a 6 too many in a year
        ("Khánh Hòa, ngày 09 tháng 12 năm 2624", "Khánh Hòa, ngày 09 tháng 12 năm 2024"),
        ("ngày 30/7/2621 của UBND tỉnh", "ngày 30/7/2021 của UBND tỉnh"),
        ("GIAI ĐOẠN 2019 - 2930", "GIAI ĐOẠN 2019 - 2030"),
        ("Hà Nội, ngày 08 tháng 4 năm 20622", "Hà Nội, ngày 08 tháng 4 năm 2022"),
        ("ĐỊNH HƯỚNG ĐẾN NĂM 26360", "ĐỊNH HƯỚNG ĐẾN NĂM 2030"),
        ("ngày 20 tháng 62 năm 2024", "ngày 20 tháng 02 năm 2024"),
        ("ngày 67 tháng 3", "ngày 07 tháng 3"),
        # the rule under the issuer read as a dash glued to a line, or with a stray bar
        ("ỦY BAN NHÂN    CỘNG HÒA XÃ\nDÂN -    HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN    CỘNG HÒA XÃ\nDÂN    HỘI CHỦ NGHĨA VIỆT NAM"),
        ("SỞ NỘI VỤ —\nSố: 12/KH-SNV", "SỞ NỘI VỤ\nSố: 12/KH-SNV"),
        ("năm 2024\nl—\nKẾ HOẠCH", "năm 2024\n\nKẾ HOẠCH"),
        # a title in capitals that Tesseract read as paragraphs apart
        ("KẾ HOẠCH\n\nTRIỂN\n\nKHAI DỊCH VỤ CÔNG\n\nCăn cứ", "KẾ HOẠCH\nTRIỂN\nKHAI DỊCH VỤ CÔNG\n\nCăn cứ"),
        # the motto a letter or two off, in the header
        ("CỘNG HOA XÃ HỘI CHU NGHỈA VIÊT NAN", MOTTO),
        ("ỦY BAN NHÂN DÂN    CỘNG HÒA XÃ HỘI CHỦ NGHIA VIỆT NAN", f"ỦY BAN NHÂN DÂN    {MOTTO}"),
        ("TỈNH ĐĂK HÀ    Độc lập - Tự do - Hạnh phủe", f"TỈNH ĐĂK HÀ    {MOTTO2}"),
        ("SỞ NỘI VỤ CỘNG HÒA XÂ HỘI CHỦ NGHĨA VIỆT NAN", f"SỞ NỘI VỤ {MOTTO}"),
    ],
)
def test_mended(read, printed):
    assert mend_ocr(read) == printed


@pytest.mark.parametrize(
    "text",
    [
        "Mục I. Nội dung",  # a Roman numeral
        "Olympic Tin học 2024",
        "ngày l tháng",  # no digit: not a date's number
        "Số: 181/KH-SCT",
        "năm 2024 là năm bản lề",
        "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam",  # the motto's words in a sentence
        "Hiến pháp nước Cộng hoa xa hôi chu nghia Viêt Nan",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHÌA VIỆT NAM",  # right but for its marks: the reader knows it
        "Độc lập – Tự do – Hạnh phúc",
        "COVID-19 và IOT",
        "Điều lO. Hiệu lực",  # not a number's shape the mending knows
        "UBND TỈNH LO",
        "năm 2100",  # no digit read wrong here to say so
        "ngày 60 tháng",
        "năm 1862 và năm 2039",
        "Số lượng 2624 người",  # not a year's place
        "Căn cứ\n\nKẾ HOẠCH",
        "KẾ HOẠCH\n\nCăn cứ Luật",
        "GIAI ĐOẠN 2021 -  2025",  # a period's dash
        "Số: 12/KH-",
    ],
)
def test_left_as_read(text):
    assert mend_ocr(text) == text


def test_header_read_whole_once_mended():
    """The issuer's cell wrapped, the rule under it glued as a dash, a title read as paragraphs
    apart: read as printed once mended."""
    from plankit import read_text

    read = ("ỦY BAN NHÂN    CỘNG HÒA XÃ\nDÂN -    HỘI CHỦ NGHĨA VIỆT NAM\n"
            "TỈNH ĐĂK HÀ    Độc lập - Tự do - Hạnh phúc\nSố: 3O7IKH-UBND    Đăk Hà, ngày\n"
            "24 tháng 12 năm 2624\nl—\nKẾ HOẠCH\nCẢI CÁCH\n\nHÀNH CHÍNH NĂM 2025\n\n"
            "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;")
    header = read_text(mend_ocr(read)).header
    assert (header.issuer, header.number, header.symbol, str(header.date), header.title) == (
        "Ủy ban nhân dân tỉnh Đăk Hà", "307", "KH-UBND", "2024-12-24", "CẢI CÁCH HÀNH CHÍNH NĂM 2025")


def test_motto_only_in_the_first_lines():
    body = "\n".join(f"Dòng {k} của thân văn bản." for k in range(12))
    text = f"{body}\nCỘNG HOA XÃ HỘI CHU NGHỈA VIÊT NAN"
    assert mend_ocr(text) == text
    assert mend_ocr("CỘNG HOA XÃ HỘI CHU NGHỈA VIÊT NAN\n" + body) == f"{MOTTO}\n{body}"


# no dash: a dash alone on one of a page's first lines, or after a word at a line's end, is the
# rule under the issuer and is taken away (the table above); CI's derandomized run found "-"
_LETTERS = st.text(alphabet=st.sampled_from("abcdeghiklmnopqrstuvxyĐđÔôƠơƯưÂâĂăÊêÁàảãạ ABCDEGHIKLMNOPQRSTUVXY.,;:/()\n"),
                   max_size=200)


@given(_LETTERS)
@example("Kế hoạch số KH/UBND: (dự thảo)")
def test_text_without_digits_or_rules_is_left_as_read(text):
    assert mend_ocr(text) == text


@pytest.mark.parametrize("text", ["-", "ỦY BAN NHÂN DÂN\n-\nSỞ NỘI VỤ", "SỞ NỘI VỤ -"])
def test_a_dash_where_the_rule_is_printed_is_taken_away(text):
    assert "-" not in mend_ocr(text)


@st.composite
def references(draw):
    """(as printed, as OCR read it): a number whose 0s and 1s OCR may read as O and l/I, fewer
    than half of them, a slash maybe read as ``l`` or dropped, a year maybe, a symbol."""
    digits = draw(st.text(alphabet="0123456789", min_size=1, max_size=5))
    kind = draw(st.sampled_from(["KH", "QĐ", "NQ", "CT", "TB", "BC"]))
    agency = draw(st.sampled_from(["UBND", "TTg", "CP", "SNV", "BCĐ", "HĐND"]))
    year = draw(st.one_of(st.none(), st.integers(1990, 2039).map(str)))
    slash = "/" if year else draw(st.sampled_from(["/", "l", "I", ""]))
    budget = (len(digits) - 1) // 2
    read = []
    for k, c in enumerate(digits):
        # a last digit read as a letter with the slash lost cannot be told from the slash read so
        last = k == len(digits) - 1 and slash != "/"
        if budget and c in "01" and not last and draw(st.booleans()):
            read.append(draw(st.sampled_from("Oo")) if c == "0" else draw(st.sampled_from("lI|")))
            budget -= 1
        else:
            read.append(c)
    printed = f"{digits}/{year + '/' if year else ''}{kind}-{agency}"
    seen = f"{''.join(read)}{slash}{year + '/' if year else ''}{kind}-{agency}"
    return printed, seen


@given(references(), st.sampled_from(["Số: ", "Kế hoạch số ", "theo "]), st.sampled_from(["", " ngày 12/3/2024", ";"]))
def test_reference_read_back(pair, before, after):
    printed, seen = pair
    assert mend_ocr(before + seen + after) == before + printed + after


@given(st.text(max_size=300))
def test_idempotent(text):
    once = mend_ocr(text)
    assert mend_ocr(once) == once
