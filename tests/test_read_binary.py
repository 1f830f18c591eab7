"""Binary and encoding side of the readers: .docx, PDF, byte encodings, and hostile files.

Fixtures are built at test time by tests/fixtures/make_fixtures.py (no binaries in git).
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import io
import json
import shutil
import subprocess
import unicodedata
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plankit.errors import ReadError
from plankit.read._decode import decode_bytes, is_vietnamese_syllable
from plankit.read._docx import read_docx
from plankit.read._layout import Line, RawTable
from plankit.read._limits import MAX_FILE_BYTES, check_size
from plankit.read._pdf import NoTextLayer, read_pdf

_SPEC = importlib.util.spec_from_file_location(
    "make_fixtures", Path(__file__).parent / "fixtures" / "make_fixtures.py"
)
fx = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fx)

PLANS = sorted((Path(__file__).parent.parent / "plans").glob("*/*.*"))


_PLAN_DOCX = fx.header_two_columns_docx()


@pytest.fixture(scope="module")
def plan_docx() -> bytes:
    return _PLAN_DOCX


@pytest.fixture(scope="module")
def plan_layout(plan_docx):
    return read_docx(plan_docx, "header-two-columns.docx")


def _tables(layout) -> list[RawTable]:
    return [item for item in layout.items if isinstance(item, RawTable)]


def _cell_texts(layout, table: RawTable) -> list[list[str]]:
    return [[c.span.slice(layout.text) for c in row] for row in table.rows]


# -- .docx: text, tables, tracked changes ------------------------------------------------------


def test_docx_header_table_cells(plan_layout):
    header = _tables(plan_layout)[0]
    assert _cell_texts(plan_layout, header) == [
        [
            "UBND TỈNH HẢI DƯƠNG\nSỞ CÔNG THƯƠNG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        ],
        ["Số: 181/KH-SCT", "Hải Dương, ngày 07 tháng 02 năm 2022"],
    ]
    assert str(header.rows[1][1].source) == "table 1, row 2, cell 2"
    # rows are lines, cells are separated by tabs
    assert plan_layout.text.startswith(
        "UBND TỈNH HẢI DƯƠNG\nSỞ CÔNG THƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 181/KH-SCT\tHải Dương, ngày 07 tháng 02 năm 2022\nKẾ HOẠCH\n"
    )


def test_docx_lines_in_reading_order(plan_layout):
    lines = [
        item.span.slice(plan_layout.text) for item in plan_layout.items if isinstance(item, Line)
    ]
    assert lines[:5] == [
        "KẾ HOẠCH",
        fx.SUBJECT,
        fx.BASIS,
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
    ]
    assert lines[-2:] == ["GIÁM ĐỐC", "Trần Văn Hảo"]
    assert plan_layout.form == "docx"


def test_docx_tracked_changes_are_accepted(plan_docx, plan_layout):
    import docx

    assert plan_layout.revisions is True
    assert fx.INSERTED in plan_layout.text
    assert fx.DELETED not in plan_layout.text
    assert (
        "- Đẩy mạnh tuyên truyền trên mạng xã hội, qua zalo, fanpage để lan tỏa kết quả công tác CCHC."
        in plan_layout.text
    )
    assert any("tracked changes" in w.message for w in plan_layout.warnings)
    # the trap this reader avoids: python-docx's Paragraph.text drops the inserted words
    assert not any(fx.INSERTED in p.text for p in docx.Document(io.BytesIO(plan_docx)).paragraphs)


def test_docx_without_revisions(plan_layout):
    layout = read_docx(fx.numbered_sections_docx(), "numbered-sections.docx")
    assert layout.revisions is False
    assert layout.warnings == ()


def test_docx_paragraph_sources_match_python_docx(plan_docx, plan_layout):
    import docx

    paragraphs = docx.Document(io.BytesIO(plan_docx)).paragraphs
    for item in plan_layout.items:
        if isinstance(item, Line):
            assert item.source.kind == "paragraph"
            text = item.span.slice(plan_layout.text)
            if fx.INSERTED not in text:
                assert paragraphs[item.source.paragraph].text == text


def test_docx_activity_table_with_vertical_merge(plan_layout):
    table = _tables(plan_layout)[1]
    assert _cell_texts(plan_layout, table) == [
        list(fx.ACTIVITY_COLUMNS),
        *[list(row) for row in fx.ACTIVITIES],
    ]
    # the merged "Cơ quan chủ trì" cell is written once; its continuation points at it
    top, below = table.rows[1][2], table.rows[2][2]
    assert below.span == top.span
    assert str(below.source) == "table 2, row 3, cell 3"
    assert table.span.slice(plan_layout.text).count("Văn phòng Sở") == 1
    assert (
        "2\tNiêm yết công khai thủ tục hành chính\t\tTrung tâm Phục vụ hành chính công\tQuý I/2022"
        in plan_layout.text
    )
    assert table.span.slice(plan_layout.text).split("\n")[0] == "\t".join(fx.ACTIVITY_COLUMNS)


def test_docx_spans_are_offsets_into_the_text(plan_layout):
    text = plan_layout.text
    assert unicodedata.is_normalized("NFC", text)
    for item in plan_layout.items:
        assert 0 <= item.span.start <= item.span.end <= len(text)
        if isinstance(item, Line):
            assert "\n" not in item.span.slice(text) and item.span.slice(text).strip()
        else:
            for row in item.rows:
                for cell in row:
                    assert item.span.contains(cell.span) or cell.span.start == item.span.end


def test_docx_automatic_numbering_is_written_out():
    layout = read_docx(fx.numbered_sections_docx(), "numbered-sections.docx")
    assert layout.text.split("\n") == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Đẩy mạnh công tác thông tin, tuyên truyền.",
        "2. Yêu cầu",
        "II. KINH PHÍ THỰC HIỆN",
        "1. Kinh phí",
    ]


def test_docx_legacy_fonts_are_converted():
    layout = read_docx(fx.legacy_fonts_docx(), "legacy-fonts.docx")
    assert layout.text.split("\n") == [
        "KẾ HOẠCH",
        "Căn cứ Kế hoạch số 261/KH-UBND",
        "Ủy ban nhân dân thành phố Cần Thơ",
    ]
    assert layout.encoding == "tcvn3+vni"
    assert any("legacy" in w.message for w in layout.warnings)


def test_docx_soft_line_break_makes_lines_of_one_paragraph():
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    p = d.add_paragraph("Nơi nhận:")
    for recipient in ("- Sở Nội vụ (để b/c);", "- Lưu: VT, VP."):
        run = p.add_run()
        run.add_break(WD_BREAK.LINE)
        run.add_text(recipient)
    buf = io.BytesIO()
    d.save(buf)
    layout = read_docx(buf.getvalue(), "recipients.docx")
    assert [i.span.slice(layout.text) for i in layout.items] == [
        "Nơi nhận:",
        "- Sở Nội vụ (để b/c);",
        "- Lưu: VT, VP.",
    ]
    assert {i.source.paragraph for i in layout.items} == {0}


def test_docx_deleted_paragraph_mark_joins_the_next_paragraph():
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    p = d.add_paragraph("Kinh phí được bố trí ")
    p._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:rPr xmlns:w="{fx.W_NS}"><w:del w:id="7" w:author="A" w:date="2022-02-05T08:00:00Z"/></w:rPr>'
        )
    )
    d.add_paragraph("từ nguồn kinh phí CCHC năm 2022.")
    buf = io.BytesIO()
    d.save(buf)
    layout = read_docx(buf.getvalue(), "joined.docx")
    assert layout.text == "Kinh phí được bố trí từ nguồn kinh phí CCHC năm 2022."
    assert layout.revisions is True


def _p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _tc(inner: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>"


DOCX_BODIES = [
    # content controls around a block and inside a paragraph
    (
        "<w:sdt><w:sdtPr><w:alias w:val='Số'/></w:sdtPr><w:sdtContent>"
        + _p("Số: 181/KH-SCT")
        + "</w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t>Hải Dương, </w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>ngày 07 tháng 02</w:t></w:r>"
        "</w:sdtContent></w:sdt><w:r><w:t xml:space='preserve'> năm 2022</w:t></w:r></w:p>",
        "Số: 181/KH-SCT\nHải Dương, ngày 07 tháng 02 năm 2022",
    ),
    # a field: its result is read, its instruction is not
    (
        "<w:p><w:r><w:t xml:space='preserve'>Trang </w:t></w:r><w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType='separate'/></w:r>"
        "<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>",
        "Trang 2",
    ),
    # a moved sentence is read once, where it went; a hyperlink's text is read
    (
        "<w:p><w:moveFrom w:id='1' w:author='A'><w:r><w:t>Kinh phí CCHC.</w:t></w:r></w:moveFrom></w:p>"
        "<w:p><w:hyperlink r:id='rId9' xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships'>"
        "<w:r><w:t>sokhcn.cantho.gov.vn</w:t></w:r></w:hyperlink></w:p>"
        "<w:p><w:moveTo w:id='2' w:author='A'><w:r><w:t>Kinh phí CCHC.</w:t></w:r></w:moveTo></w:p>",
        "\nsokhcn.cantho.gov.vn\nKinh phí CCHC.",
    ),
    # a text box: its lines follow the anchoring paragraph, the VML fallback is not read twice
    (
        "<w:p><w:r><w:t>GIÁM ĐỐC</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing>"
        "<wps:txbx><w:txbxContent>"
        + _p("Nơi nhận:")
        + _p("- Sở Nội vụ;")
        + "</w:txbxContent></wps:txbx>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>"
        + _p("Nơi nhận:")
        + _p("- Sở Nội vụ;")
        + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        "GIÁM ĐỐC\nNơi nhận:\n- Sở Nội vụ;",
    ),
    # a horizontal merge is one cell; a nested table is flattened into its cell; a deleted row goes
    (
        "<w:tbl><w:tr>" + _tc(_p("TT")) + _tc(_p("Nội dung"), "<w:gridSpan w:val='2'/>") + "</w:tr>"
        "<w:tr><w:trPr><w:del w:id='3' w:author='A'/></w:trPr>"
        + _tc(_p("0"))
        + _tc(_p("Bỏ"))
        + _tc(_p("x"))
        + "</w:tr>"
        "<w:tr>"
        + _tc(_p("1"))
        + _tc("<w:tbl><w:tr>" + _tc(_p("a")) + _tc(_p("b")) + "</w:tr></w:tbl>" + _p("c"))
        + _tc(_p("Quý I"))
        + "</w:tr>"
        "</w:tbl>",
        "TT\tNội dung\n1\ta\nb\nc\tQuý I",
    ),
]


@pytest.mark.parametrize(
    ("body", "text"),
    DOCX_BODIES,
    ids=["sdt", "field", "move-hyperlink", "text-box", "table-shapes"],
)
def test_docx_body_structures(body, text):
    assert read_docx(fx.docx_with_body(body), "x.docx").text == text


def test_docx_table_shapes_cells():
    layout = read_docx(fx.docx_with_body(DOCX_BODIES[-1][0]), "x.docx")
    (table,) = _tables(layout)
    assert _cell_texts(layout, table) == [["TT", "Nội dung"], ["1", "a\nb\nc", "Quý I"]]
    assert [str(c.source) for c in table.rows[1]] == [
        "table 1, row 2, cell 1",
        "table 1, row 2, cell 2",
        "table 1, row 2, cell 3",
    ]
    assert layout.revisions is True


@pytest.mark.parametrize(
    "content_type",
    [
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ],
    ids=["docm", "dotx"],
)
def test_docx_macro_and_template_files_are_read(content_type):
    assert read_docx(fx.docx_with_body(_p("KẾ HOẠCH"), content_type), "x.docm").text == "KẾ HOẠCH"


def test_docx_spreadsheet_renamed_is_refused():
    data = fx.docx_with_body(
        _p("x"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    )
    with pytest.raises(ReadError, match="not a Word document"):
        read_docx(data, "bang-tinh.docx")


# -- .docx: hostile and broken files -------------------------------------------------------------

MALFORMED = [
    ("not-a-zip.docx", fx.not_a_zip_docx, "not a .docx file (not a zip archive)"),
    ("truncated.docx", fx.truncated_docx, "truncated"),
    ("no-document-xml.docx", fx.no_document_xml_docx, "no word/document.xml"),
    (
        "old-binary.doc",
        fx.old_binary_doc,
        "old binary .doc format: open it in Word or LibreOffice and save as .docx",
    ),
    ("password-protected.docx", fx.password_protected_docx, "password-protected"),
    ("billion-laughs.docx", fx.billion_laughs_docx, "DOCTYPE"),
    ("external-entity.docx", fx.external_entity_docx, "DOCTYPE"),
    ("zip-bomb-ratio.docx", fx.zip_bomb_ratio_docx, "refused: word/document.xml would expand"),
    (
        "zip-bomb-declared.docx",
        fx.zip_bomb_declared_docx,
        "refused: the archive would expand to 300 MB, more than 200 MB",
    ),
    ("encrypted-zip.docx", fx.encrypted_zip_docx, "password-protected"),
    ("malformed-xml.docx", fx.malformed_xml_docx, "not well-formed XML"),
    ("no-body.docx", fx.no_body_docx, "no body"),
]


@pytest.mark.parametrize(("name", "build", "reason"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_docx_malformed_files_raise_read_error(name, build, reason):
    path = f"plans/x/{name}"
    with pytest.raises(ReadError) as info:
        read_docx(build(), path)
    assert str(info.value).startswith(f"{path}: ")
    assert reason in info.value.reason


@pytest.mark.parametrize("build", [fx.billion_laughs_docx, fx.external_entity_docx])
def test_docx_parser_expands_no_entity_even_without_the_doctype_check(build, monkeypatch):
    # defence in depth: with the DOCTYPE refusal switched off, the parser itself neither expands
    # entities nor reads files
    import plankit.read._docx as reader

    monkeypatch.setattr(reader, "_has_doctype", lambda raw: False)
    try:
        layout = read_docx(build(), "hostile.docx")
    except ReadError:
        return
    assert len(layout.text) < 100
    assert "lollol" not in layout.text and "root:" not in layout.text


_MUTATIONS = st.lists(
    st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=12
)


def _mutate(data: bytes, changes: list[tuple[float, int]], cut: float) -> bytes:
    out = bytearray(data)
    for where, value in changes:
        out[int(where * len(out))] = value
    return bytes(out[: max(1, int(cut * len(out)))])


@settings(max_examples=60, deadline=None)
@given(_MUTATIONS, st.sampled_from([1.0, 1.0, 0.9, 0.5]))
def test_docx_damaged_bytes_give_a_layout_or_read_error(changes, cut):
    data = _mutate(_PLAN_DOCX, changes, cut)
    try:
        layout = read_docx(data, "damaged.docx")
    except ReadError as exc:
        assert str(exc).startswith("damaged.docx: ")
        return
    assert all(0 <= item.span.start <= item.span.end <= len(layout.text) for item in layout.items)


def test_docx_empty_document_is_an_error():
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    with pytest.raises(ReadError, match="no text"):
        read_docx(buf.getvalue(), "empty.docx")


# -- byte encodings ------------------------------------------------------------------------------

ENCODINGS = [
    ("tcvn3", fx.encode_tcvn3),
    ("vni", fx.encode_vni),
    ("cp1258", fx.encode_cp1258),
    ("utf-16-le", lambda s: b"\xff\xfe" + s.encode("utf-16-le")),
    ("utf-16-be", lambda s: b"\xfe\xff" + s.encode("utf-16-be")),
    ("utf-16-le", lambda s: s.encode("utf-16-le")),  # no byte-order mark: found by the NULs
    ("utf-16-be", lambda s: s.encode("utf-16-be")),
    ("utf-8-sig", lambda s: s.encode("utf-8-sig")),
    ("utf-8", lambda s: s.encode("utf-8")),
]


@pytest.mark.parametrize(
    ("name", "encode"), ENCODINGS, ids=[f"{e[0]}-{i}" for i, e in enumerate(ENCODINGS)]
)
def test_decode_sentence_from_the_plans(name, encode):
    assert decode_bytes(encode(fx.SENTENCE), "x.txt") == (fx.SENTENCE, name)


def test_legacy_bytes_differ_from_utf8():
    # the fixtures really are the legacy encodings, not UTF-8 in disguise
    assert fx.encode_tcvn3("Căn cứ Kế hoạch") == b"C\xa8n c\xf8 K\xd5 ho\xb9ch"
    assert fx.encode_vni("Căn cứ Kế hoạch") == b"Ca\xean c\xf6\xf9 Ke\xe1 hoa\xefch"
    assert fx.encode_cp1258("cứ") == b"c\xfd\xec"


@pytest.mark.parametrize("plan", PLANS, ids=[p.name for p in PLANS])
@pytest.mark.parametrize("name", ["tcvn3", "vni", "cp1258"])
def test_decode_bundled_plans_in_legacy_encodings(plan, name):
    text = unicodedata.normalize("NFC", plan.read_text(encoding="utf-8")).replace("\r\n", "\n")
    if name == "tcvn3":  # TCVN3 has no “ ” – …: they become "?"
        letters = set(
            json.loads(
                resources.files("plankit.data").joinpath("legacy_encodings.json").read_text("utf-8")
            )["tcvn3"]["bytes"].values()
        )
        text = "".join(c if ord(c) < 128 or c in letters else "?" for c in text)
    encode = {"tcvn3": fx.encode_tcvn3, "vni": fx.encode_vni, "cp1258": fx.encode_cp1258}[name]
    assert decode_bytes(encode(text), str(plan)) == (text, name)


def test_decode_line_ends_and_normal_form():
    assert decode_bytes("Ho\u0300a\r\nbi\u0300nh\r".encode(), "x.txt") == ("Hòa\nbình\n", "utf-8")


def test_decode_mostly_utf8_with_a_stray_byte():
    data = fx.SENTENCE.encode("utf-8") + b" \xff " + "Sở Khoa học và Công nghệ".encode()
    text, name = decode_bytes(data, "x.txt")
    assert name == "utf-8-replace"
    assert text == fx.SENTENCE + " \ufffd Sở Khoa học và Công nghệ"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "tệp rỗng / empty file"),
        (b"\xef\xbb\xbf", "tệp rỗng / empty file"),
        (b"\x00" * 64, "dữ liệu nhị phân, không phải kế hoạch dạng chữ / binary data, not a text plan"),
        (bytes(range(256)) * 8, "dữ liệu nhị phân, không phải kế hoạch dạng chữ / binary data, not a text plan"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x03R\x00\x00\x04L\x08\x00\x00\x00\x00"
            * 4,
            "dữ liệu nhị phân, không phải kế hoạch dạng chữ / binary data, not a text plan",
        ),
    ],
    ids=["empty", "bom-only", "nuls", "all-bytes", "png"],
)
def test_decode_refuses_empty_and_binary(data, reason):
    with pytest.raises(ReadError) as info:
        decode_bytes(data, "plans/x/ke-hoach.txt")
    assert str(info.value) == f"plans/x/ke-hoach.txt: {reason}"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_decode_any_bytes_gives_nfc_text_or_read_error(data):
    try:
        text, name = decode_bytes(data, "x.txt")
    except ReadError:
        return
    assert isinstance(text, str) and isinstance(name, str)
    assert unicodedata.is_normalized("NFC", text)
    assert "\r" not in text


# Syllables of the plans that carry diacritics: a legacy file always has many of them.
_PLAN_WORDS = (
    "Căn cứ Kế hoạch số ngày tháng năm của Ủy ban nhân dân thành phố Cần Thơ Sở Công Thương "
    "tuyên truyền cải cách hành chính nhà nước Hải Dương Độc lập Tự do Hạnh phúc Mục đích yêu cầu "
    "Kinh phí thực hiện Trưởng phòng đơn vị trực thuộc quyền hạn văn bản hướng dẫn chỉ đạo người "
    "doanh nghiệp lĩnh vực Nội vụ Lãnh đạo Khoa học Công nghệ Thừa Thiên Huế Hưng Yên"
)
_WORDS = sorted({w for w in _PLAN_WORDS.split() if not w.isascii()})


@settings(max_examples=150)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=8, max_size=30),
    st.sampled_from(["tcvn3", "vni", "cp1258"]),
)
def test_decode_round_trips_vietnamese_text(words, name):
    text = " ".join(words)
    encode = {"tcvn3": fx.encode_tcvn3, "vni": fx.encode_vni, "cp1258": fx.encode_cp1258}[name]
    assert decode_bytes(encode(text), "x.txt") == (text, name)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("nghiêng", True),
        ("khuyến", True),
        ("thường", True),
        ("Quốc", True),
        ("giữa", True),
        ("ĐỘC", True),
        ("oẳn", True),
        ("hoà", True),
        ("C¨n", False),
        ("caên", False),
        ("cöù", False),
        ("hoaïch", False),
        ("cýỡ", False),
        ("café", False),
    ],
)
def test_vietnamese_syllable_check(word, expected):
    assert is_vietnamese_syllable(word) is expected


def test_legacy_tables_cover_every_vietnamese_letter():
    data = json.loads(
        resources.files("plankit.data").joinpath("legacy_encodings.json").read_text("utf-8")
    )
    letters = {
        unicodedata.normalize("NFC", case(base) + mark)
        for base in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
        for mark in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
        for case in (str.lower, str.upper)
    } | {"đ", "Đ"}
    letters -= set("aeiouyAEIOUY")
    assert len(letters) == 134
    tcvn = data["tcvn3"]["bytes"]
    assert letters <= set(tcvn.values())
    assert all(len(code) == 2 and int(code, 16) < 256 for code in tcvn)
    vni = data["vni"]["letters"]
    assert set(vni) == letters
    assert len(set(vni.values())) == 134  # no two letters share a spelling
    assert all(1 <= len(s) <= 2 and s.encode("cp1252") for s in vni.values())
    assert data["_sources"]


def test_check_size_limits(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ReadError, match="empty file"):
        check_size(empty)
    with pytest.raises(ReadError, match="file not found"):
        check_size(tmp_path / "missing.txt")
    with pytest.raises(ReadError, match="is a folder"):
        check_size(tmp_path)
    assert check_size(MAX_FILE_BYTES) == MAX_FILE_BYTES
    with pytest.raises(ReadError, match="too large"):
        check_size(MAX_FILE_BYTES + 1, path="big.txt")


# -- PDF -----------------------------------------------------------------------------------------


def _text_pdf(lines: list[str]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context({"pdf.fonttype": 42}):
        fig = plt.figure(figsize=(8.27, 11.69))
        for k, line in enumerate(lines):
            fig.text(0.1, 0.9 - 0.04 * k, line, fontsize=12)
        buf = io.BytesIO()
        fig.savefig(buf, format="pdf")
        plt.close(fig)
    return buf.getvalue()


def test_pdf_text_lines_with_page_sources():
    lines = ["UBND TỈNH HẢI DƯƠNG", "SỞ CÔNG THƯƠNG", "Số: 181/KH-SCT", "KẾ HOẠCH", fx.SUBJECT]
    layout = read_pdf(_text_pdf(lines), "ke-hoach.pdf")
    assert [i.span.slice(layout.text) for i in layout.items] == lines
    assert all(i.source.kind == "page" and i.source.page == 1 for i in layout.items)
    assert [i.source.line for i in layout.items] == sorted(i.source.line for i in layout.items)
    assert layout.form == "pdf"


def test_pdf_image_only_has_no_text_layer():
    with pytest.raises(NoTextLayer) as info:
        read_pdf(fx.image_only_pdf(), "plans/x/scan.pdf")
    assert str(info.value) == (
        "plans/x/scan.pdf: không có lớp chữ (tệp PDF quét): cần OCR, cài tesseract-ocr và tesseract-ocr-vie / "
        "no text layer (a scanned PDF): OCR needed — install tesseract-ocr and tesseract-ocr-vie"
    )
    assert isinstance(info.value, ReadError)


def _encrypted(data: bytes, user: str, algorithm: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password="chu-so-huu", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_pdf_password_protected():
    data = _encrypted(_text_pdf(["KẾ HOẠCH", fx.SUBJECT]), "mat-khau", "RC4-128")
    with pytest.raises(ReadError, match="password-protected PDF") as info:
        read_pdf(data, "locked.pdf")
    assert str(info.value).startswith("locked.pdf: ")


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_encrypted_with_empty_user_password_is_read(algorithm):
    # AES needs the cryptography package, a dependency (pypdf[crypto]): never a skip
    data = _encrypted(_text_pdf(["KẾ HOẠCH", fx.SUBJECT]), "", algorithm)
    assert fx.SUBJECT in read_pdf(data, "owner-only.pdf").text


@functools.lru_cache(maxsize=1)
def _sample_pdf() -> bytes:
    return _text_pdf(["KẾ HOẠCH", fx.SUBJECT, "Số: 181/KH-SCT"])


@settings(max_examples=40, deadline=None)
@given(_MUTATIONS, st.sampled_from([1.0, 1.0, 0.9, 0.5]))
def test_pdf_damaged_bytes_give_a_layout_or_read_error(changes, cut):
    try:
        layout = read_pdf(_mutate(_sample_pdf(), changes, cut), "damaged.pdf")
    except ReadError as exc:  # NoTextLayer included
        assert str(exc).startswith("damaged.pdf: ")
        return
    assert all(0 <= item.span.start <= item.span.end <= len(layout.text) for item in layout.items)


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"%PDF-1.4\nnot really a pdf", "damaged PDF"), (b"KE HOACH", "not a PDF file")],
)
def test_pdf_corrupt(data, reason):
    with pytest.raises(ReadError, match=reason):
        read_pdf(data, "broken.pdf")


@pytest.mark.slow
def test_pdf_made_by_libreoffice_from_docx(tmp_path, plan_docx):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed")
    src = tmp_path / "header-two-columns.docx"
    src.write_bytes(plan_docx)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    layout = read_pdf((tmp_path / "header-two-columns.pdf").read_bytes(), "header-two-columns.pdf")
    lines = [i.span.slice(layout.text) for i in layout.items]
    assert fx.SUBJECT in lines
    assert "KẾ HOẠCH" in lines
    assert any(line.startswith("Số: 181/KH-SCT") for line in lines)
    assert {i.source.page for i in layout.items} >= {1}


# -- end to end through read_plan ----------------------------------------------------------------


def test_read_plan_docx_end_to_end(tmp_path, plan_docx):
    from plankit.read import read_plan

    path = tmp_path / "header-two-columns.docx"
    path.write_bytes(plan_docx)
    plan = read_plan(path)
    h = plan.header
    assert (h.number, h.symbol, h.place, h.issuer, h.date) == (
        "181",
        "KH-SCT",
        "Hải Dương",
        "Sở Công Thương tỉnh Hải Dương",
        dt.date(2022, 2, 7),
    )
    assert h.title == fx.SUBJECT
    assert [s.number for s in plan.sections] == ["I", "II", "III", "IV"]
    assert len(plan.tables) == 1
    table = plan.tables[0]
    assert table.columns == fx.ACTIVITY_COLUMNS
    assert [[c.text for c in row] for row in table.rows] == [list(r) for r in fx.ACTIVITIES]
    assert plan.source.form == "docx" and plan.source.revisions is True
    assert fx.DELETED not in plan.text


def test_read_plan_refuses_old_doc(tmp_path):
    from plankit.read import read_plan

    path = tmp_path / "ke-hoach.doc"
    path.write_bytes(fx.old_binary_doc())
    # LibreOffice cannot convert this shell of a .doc; without LibreOffice the error says so
    with pytest.raises(ReadError, match=r"LibreOffice .*\.doc"):
        read_plan(path)
