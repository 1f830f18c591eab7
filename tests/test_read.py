"""The plan model on the five real plans: exact header values, sections, tables, blocks."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plankit
from plankit import ReadError
from plankit.read import read_plan, read_text

# (seed, field, expected) — values read off the real files.
HEADER = [
    ("can-tho-2022", "doc_type", "Kế hoạch"),
    ("can-tho-2022", "number", None),
    ("can-tho-2022", "symbol", "KH-SKHCN"),
    ("can-tho-2022", "issuer", "Sở Khoa học và Công nghệ thành phố Cần Thơ"),
    ("can-tho-2022", "parent", "UBND thành phố Cần Thơ"),
    ("can-tho-2022", "place", "Cần Thơ"),
    ("can-tho-2022", "date", None),
    ("can-tho-2022", "year", 2022),
    ("can-tho-2022", "title", "Công tác thông tin, tuyên truyền cải cách hành chính năm 2022"),
    ("can-tho-2022", "signer", None),
    ("can-tho-2022", "recipients", ("Sở Thông tin và Truyền thông",)),
    ("can-tho-2025", "doc_type", "Kế hoạch"),
    ("can-tho-2025", "number", "137"),
    ("can-tho-2025", "symbol", "KH-SKHCN"),
    ("can-tho-2025", "issuer", "Sở Khoa học và Công nghệ thành phố Cần Thơ"),
    ("can-tho-2025", "parent", "UBND thành phố Cần Thơ"),
    ("can-tho-2025", "place", "Cần Thơ"),
    ("can-tho-2025", "date", dt.date(2025, 1, 21)),
    ("can-tho-2025", "year", 2025),
    ("can-tho-2025", "title", "Cong tac thong tin, tuyén truyén cai cach hanh chinh nim 2025"),
    ("can-tho-2025", "signer", "Ng6 Anh Tin"),
    (
        "can-tho-2025",
        "recipients",
        ("S6 Thong tin va Truyén thong", "S6 Noi vy", "BGDb S6 KH&CN", "Cac phong, don vi truc thudc S¢", "Luu: VT, VP"),
    ),
    ("hung-yen-2022", "doc_type", "Kế hoạch"),
    ("hung-yen-2022", "number", None),
    ("hung-yen-2022", "symbol", "KH-SKH-CN"),
    ("hung-yen-2022", "issuer", "Sở Khoa học và Công nghệ tỉnh Hưng Yên"),
    ("hung-yen-2022", "parent", None),
    ("hung-yen-2022", "place", "Hưng Yên"),
    ("hung-yen-2022", "date", None),
    ("hung-yen-2022", "year", 2022),
    (
        "hung-yen-2022",
        "title",
        "Truyền thông về hoạt động kiểm soát TTHC, triển khai cơ chế chế một cửa, một cửa liên thông "
        "và thực hiện TTHC trên môi trường điện tử năm 2022",
    ),
    ("hung-yen-2022", "signer", "Nguyễn Xuân Hải"),
    ("hung-yen-2022", "signer_title", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"),
    (
        "hung-yen-2022",
        "recipients",
        (
            "UBND tỉnh (thay báo cáo)",
            "Sở Nội vụ (để theo dõi)",
            "Giám đốc, các PGĐ Sở",
            "Các phòng, đơn vị thuộc Sở (để t/hiện)",
            "Công TTĐT Sở (để đăng tải)",
            "Lưu: VT, VPXT",
        ),
    ),
    ("hue-2022", "doc_type", None),
    ("hue-2022", "number", "29"),
    ("hue-2022", "symbol", "KH-SKHCN"),
    ("hue-2022", "issuer", "Sở Khoa học và Công nghệ tỉnh Thừa Thiên Huế"),
    ("hue-2022", "place", "Thừa Thiên Huế"),
    ("hue-2022", "date", dt.date(2022, 1, 6)),
    ("hue-2022", "year", 2022),
    ("hue-2022", "title", "Tuyên truyền cải cách hành chính năm 2022"),
    ("hai-duong-2022", "doc_type", "Kế hoạch"),
    ("hai-duong-2022", "number", "181"),
    ("hai-duong-2022", "symbol", "KH-SCT"),
    ("hai-duong-2022", "issuer", "Sở Công Thương tỉnh Hải Dương"),
    ("hai-duong-2022", "parent", "UBND tỉnh Hải Dương"),
    ("hai-duong-2022", "place", "Hải Dương"),
    ("hai-duong-2022", "date", dt.date(2022, 2, 7)),
    ("hai-duong-2022", "year", 2022),
    ("hai-duong-2022", "title", "Tuyên truyền cải cách hành chính nhà nước năm 2022"),
    ("hai-duong-2022", "signer", "Trần Văn Hảo"),
    ("hai-duong-2022", "signer_title", "GIÁM ĐỐC"),
    (
        "hai-duong-2022",
        "recipients",
        ("Sở Nội vụ (để b/c)", "Lãnh đạo sở", "Các phòng, đơn vị thuộc Sở", "Website sở", "Lưu: VT, VP"),
    ),
]


@pytest.mark.parametrize(("seed", "field", "expected"), HEADER)
def test_header_fields(seeds, seed, field, expected):
    assert getattr(seeds[seed].header, field) == expected


@pytest.mark.parametrize(
    ("seed", "day", "month", "year"),
    [
        ("can-tho-2022", None, 1, 2022),
        ("can-tho-2025", 21, 1, 2025),
        ("hung-yen-2022", None, 1, 2022),
        ("hue-2022", 6, 1, 2022),
        ("hai-duong-2022", 7, 2, 2022),
    ],
)
def test_date_parts_keep_month_and_year_when_day_is_blank(seeds, seed, day, month, year):
    parts = seeds[seed].header.date_parts
    assert (parts.day, parts.month, parts.year) == (day, month, year)


TOP_SECTIONS = {
    "can-tho-2022": [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "NỘI DUNG TUYÊN TRUYỀN"),
        ("III", "HÌNH THỨC TUYÊN TRUYỀN"),
        ("IV", "KINH PHÍ THỰC HIỆN"),
        ("V", "TỔ CHỨC THỰC HIỆN"),
    ],
    "can-tho-2025": [
        ("I", "MUC PiCH, YEU CAU"),
        ("II", "NQI DUNG TUYEN TRUYEN"),
        ("III", "HINH THU'C TUYEN TRUYEN"),
        ("IV", "MOT SO HOAT PONG TUYEN TRUYEN TRONG TAM"),
        ("V", "KINH PHi THUC HIEN"),
        ("VI", "TO CHUC THUC HIEN"),
    ],
    "hung-yen-2022": [
        ("I", "MỤC TIÊU, YÊU CẦU"),
        ("II", "ĐỐI TƯỢNG, NỘI DUNG TUYÊN TRUYỀN"),
        ("IV", "TỔ CHỨC THỰC HIỆN"),
        ("PHỤ LỤC", "CÁC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2022"),
    ],
    "hue-2022": [],
    "hai-duong-2022": [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "ĐỐI TƯỢNG, NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN"),
        ("III", "KINH PHÍ THỰC HIỆN"),
        ("IV", "TỔ CHỨC THỰC HIỆN"),
    ],
}


@pytest.mark.parametrize("seed", sorted(TOP_SECTIONS))
def test_top_level_sections(seeds, seed):
    assert [(s.number, s.title) for s in seeds[seed].sections] == TOP_SECTIONS[seed]


@pytest.mark.parametrize(
    ("seed", "children"),
    [
        ("can-tho-2022", [["1", "2"], ["1", "2", "3", "4", "5", "6"], [], [], ["1", "2", "3"]]),
        ("can-tho-2025", [["1", "2"], ["1", "2", "3", "4", "5", "6"], ["1", "2", "3", "4"], [], [], ["1", "2", "3"]]),
        # Hưng Yên's broken numbering is kept as written: "2. Kinh phí" follows "3." inside II.
        ("hung-yen-2022", [["1", "2"], ["1", "2", "3", "2"], ["1", "2", "3", "4", "5", "6"][:5], []]),
        ("hai-duong-2022", [["1", "2"], ["1", "2", "3"], [], ["1", "2", "3", "4", "5", "6"]]),
    ],
)
def test_numbered_children(seeds, seed, children):
    assert [[c.number for c in s.children] for s in seeds[seed].sections] == children


def test_lettered_items_and_raw_numbers(seeds):
    purpose = seeds["can-tho-2022"].sections[0].children[0]
    assert (purpose.title, [c.number for c in purpose.children]) == ("Mục đích", ["a", "b"])
    assert [s.raw_number for s in seeds["can-tho-2025"].sections] == ["I", "11", "I11", "IV", "V", "VI"]


@pytest.mark.parametrize(("seed", "rows"), [("can-tho-2022", 4), ("hung-yen-2022", 9), ("can-tho-2025", 4)])
def test_activity_tables(seeds, seed, rows):
    (table,) = seeds[seed].tables
    assert len(table) == rows
    assert table.to_frame().shape[0] == rows


def test_word_export_table_cells(seeds):
    table = seeds["can-tho-2022"].tables[0]
    assert table.columns == ("TT", "Hình thức tuyên truyền", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện")
    assert table.column("TT") == ["1", "2", "3", "4"]
    assert table.column("Thời gian") == ["Trong năm 2022"] * 4
    assert table.rows[1][1].text == "Phát tờ gấp tuyên truyền CCHC và TTHC (do Sở Tư pháp, Sở Thông tin và Truyền thông cung cấp)"


def test_markdown_table_drops_repeated_headers_and_joins_split_rows(seeds):
    table = seeds["hung-yen-2022"].tables[0]
    assert table.column("STT") == [str(i) for i in range(1, 10)]
    assert table.rows[2][4].text == "Trung tâm Thông tin, thống kê, ứng dụng KHCN; các phòng chuyên môn, đơn vị trực thuộc"
    assert table.rows[5][1].text.endswith("đối với sự phục vụ hành chính;")


def test_ocr_table_rows_and_warnings(seeds):
    plan = seeds["can-tho-2025"]
    table = plan.tables[0]
    assert [r[0].text for r in table.rows] == ["1", "2", "", ""]
    assert table.rows[2][1].text == "Dan 4p phich vé CCHC (do S¢ Van hoa, Thé thao va Du lich cung cép)"
    assert table.rows[3][4].text == "Trong nam 2025"
    assert any("OCR table rebuilt" in w.message for w in plan.warnings)
    assert sum("could not be placed" in w.message for w in plan.warnings) == 4


@pytest.mark.parametrize(
    ("seed", "form", "ocr"),
    [
        ("can-tho-2022", "docx-export", False),
        ("can-tho-2025", "ocr", True),
        ("hung-yen-2022", "markdown", False),
        ("hue-2022", "news", False),
        ("hai-duong-2022", "docx-export", False),
    ],
)
def test_forms_are_sniffed(seeds, seed, form, ocr):
    assert (seeds[seed].source.form, seeds[seed].source.ocr) == (form, ocr)


def test_basis_blocks(seeds):
    basis = {name: [" ".join(b.text.split()[:6]) for b in plan.blocks_of("basis")] for name, plan in seeds.items()}
    assert basis == {
        "can-tho-2022": ["Căn cứ Kế hoạch số 261/KH-UBND"],
        "can-tho-2025": ["Can ctr Quyét dinh s6 4168/QD-UBND", "Can ctt Ké hoach sb 258/KH-UBND"],
        "hung-yen-2022": ["Thực hiện Quyết định 161/QĐ-UBND ngày"],
        "hue-2022": ["Căn cứ Kế hoạch số 405/KH-UBND"],
        "hai-duong-2022": ["Căn cứ Kế hoạch số 4707/KH-UBND"],
    }


def test_closing_blocks(seeds):
    closing = {n: [" ".join(b.text.split()[:14]) for b in p.blocks_of("closing")] for n, p in seeds.items()}
    assert closing["can-tho-2025"] == ["Trén day 1a K& hoach cong tac thong tin, tuyén truyén CCHC nam 2024"]
    assert closing["hai-duong-2022"] == ["Trên đây là Kế hoạch tuyên truyền cải cách hành chính nhà nước năm"]
    assert closing["can-tho-2022"] == ["Trên đây là Kế hoạch công tác thông tin, tuyên truyền CCHC năm 2022"]
    assert closing["hung-yen-2022"] == []


def test_every_span_slices_the_text(corpus):
    for plan in corpus:
        for block in plan.blocks:
            assert block.span.slice(plan.text) == block.text
        for section in plan.walk():
            assert plan.text[section.heading.start : section.heading.end].strip()
            assert section.span.contains(section.heading.start)
        for name, span in plan.header.spans:
            assert 0 <= span.start <= span.end <= len(plan.text), name


# SHA-256 of the founding seeds (shared/seeds/, named in plans/README.md), pinned here so that the
# check runs on every checkout: the bundled plans are the seeds byte for byte, never edited.
SEED_SHA256 = {
    "can-tho-2022": "9c586c50b24a4eacd782c9e8a7250fb9482982fde9130b287227c4190634c3db",  # 000_be19d383a0c5c931.txt
    "hue-2022": "51f1c3636d354142b98c1363e9aa939b62cd48626e08367cc5e640e19e07aa26",  # 001_dddc27f8271e1bf1.txt
    "hung-yen-2022": "a6ccd2df2b5123dfcb44bd6390254b58332d71516818d2ca365f39bff0aa0d89",  # 002_cbc571be24d74814.txt
    "hai-duong-2022": "9f5f859396e2e52d3dbecdb9a44b49aae43b4556fedc865372b2ca1aca1bc49a",  # 003_a6ed8a7f6cb62c08.txt
    "can-tho-2025": "2b1283977893f5c2f1258eb173600047658e568dacc857adfeb262600a8d7717",  # 004_69ae573593b80b50.txt
}


def test_bundled_plans_are_the_seeds_byte_for_byte(seed_paths):
    assert set(SEED_SHA256) == set(seed_paths)
    for key, digest in SEED_SHA256.items():
        assert hashlib.sha256(seed_paths[key].read_bytes()).hexdigest() == digest, key


def test_reading_never_changes_the_input(seed_paths, tmp_path):
    src = seed_paths["hung-yen-2022"]
    before = (src.read_bytes(), os.stat(src).st_mtime_ns)
    read_plan(src)
    assert (src.read_bytes(), os.stat(src).st_mtime_ns) == before


def test_read_plan_is_cached(seed_paths):
    assert read_plan(seed_paths["hai-duong-2022"]) is read_plan(seed_paths["hai-duong-2022"])


def test_repr_and_html(seeds):
    plan = seeds["hai-duong-2022"]
    assert repr(plan) == (
        "<Plan hai-duong/2022-so-cong-thuong.txt: 181/KH-SCT, Sở Công Thương tỉnh Hải Dương, Hải Dương, year 2022, "
        "4 sections, 0 tables>"
    )
    html = plan._repr_html_()
    assert "Trần Văn Hảo" in html and "II. ĐỐI TƯỢNG, NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN" in html


def test_public_verbs_are_exported():
    assert plankit.read_plan is read_plan
    for name in plankit.__all__:
        assert getattr(plankit, name) is not None


# -- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n", "empty file"),
        ("garbage.txt", bytes(range(256)) * 8, ""),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".doc"),
        ("broken.docx", b"PK\x03\x04not really a zip", ""),
    ],
)
def test_bad_files_raise_read_error_naming_the_file(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read_plan(path)
    assert str(path) in str(err.value)
    assert reason in str(err.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReadError, match="file not found"):
        read_plan(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="is a folder"):
        read_plan(tmp_path)


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    from plankit.read import _limits

    monkeypatch.setattr(_limits, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("KẾ HOẠCH\n" * 50, encoding="utf-8")
    with pytest.raises(ReadError, match="too large"):
        read_plan(path)


# -- properties -----------------------------------------------------------------------------

_VI = st.sampled_from(
    ["KẾ HOẠCH", "I. MỤC ĐÍCH", "1. Mục đích", "a) Nâng cao", "Căn cứ Kế hoạch số 261/KH-UBND", "\t", "\n",
     "Số: /KH-SKHCN", "Cần Thơ, ngày   tháng 01 năm 2022", "- Sở Nội vụ;", "Nơi nhận:", "TT", "1 | a | b",
     "PHỤ LỤC", "GIÁM ĐỐC", "Trần Văn Hảo", "Trên đây là Kế hoạch năm 2024", " "]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_VI, st.text(max_size=30)), max_size=40), st.sampled_from([None, "docx-export", "markdown", "news", "ocr", "text"]))
def test_read_text_never_raises_and_spans_slice_the_text(parts, form):
    plan = read_text("".join(parts), form=form)
    for block in plan.blocks:
        assert block.span.slice(plan.text) == block.text
    for table in plan.tables:
        for row in table.rows:
            for cell in row:
                assert 0 <= cell.span.start <= cell.span.end <= len(plan.text)
    for section in plan.walk():
        assert 0 <= section.span.start <= section.span.end <= len(plan.text)
