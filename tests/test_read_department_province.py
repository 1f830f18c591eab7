"""A province's department read with its province, as the corpus gold reads it
("Sở Tư pháp tỉnh Bắc Kạn", "Văn phòng Ủy ban nhân dân tỉnh Lai Châu"), on header layouts the
corpus does not show; and, as a last resort, the province the file's name or folder names.

Every fixture is invented (agencies, numbers, dates) in a real layout.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import plankit
from plankit.places import cell_name, lacks_province, parent_province, province_in_path, province_on
from plankit.read import read_text
from plankit.series import issuer_key

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO2 = "Độc lập - Tự do - Hạnh phúc"
BODY = "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm {y}\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"


def _doc(left: tuple[str, ...], number: str, place: str, year: int = 2023, shape: str = "tabs") -> str:
    """A header with ``left`` (the committee's and the department's lines) in the given shape."""
    date = f"{place}, ngày 14 tháng 3 năm {year}"
    body = BODY.format(y=year)
    if shape == "tabs":  # Word's text export: the two columns side by side
        rows = [f"{left[0]}\t{MOTTO}", f"{left[1]}\t{MOTTO2}", *left[2:]]
        return "\n".join(rows) + f"\nSố: {number}\t{date}\n" + body
    if shape == "right-first":  # a copy that gives the right column first, line by line
        return f"{MOTTO}\n{MOTTO2}\n" + "\n".join(left) + f"\nSố: {number}\n{date}\n" + body
    if shape == "tabs-right-first":  # Word's text export of a table whose right column comes first
        rows = [f"{MOTTO}\t{left[0]}", f"{MOTTO2}\t{left[1]}", *(f"\t{x}" for x in left[2:])]
        return "\n".join(rows) + f"\nSố: {number}\t{date}\n" + body
    if shape == "spaced-right-first":  # a PDF's text layer of the same: the columns apart by a gap
        rows = [f"{MOTTO}      {left[0]}", f"{MOTTO2}             {left[1]}", *(f"{' ' * 40}{x}" for x in left[2:])]
        return "\n".join(rows) + f"\nSố: {number}          {date}\n" + body
    if shape == "piped":  # a portal's table flattened with bars, row by row
        return f"{left[0]} | {MOTTO}\n{left[1]} | {MOTTO2}\nSố: {number} | {date}\n" + body
    if shape == "piped-right-first":  # the right column's cells first, the number row without bars
        return f"{MOTTO} | {left[0]}\n{MOTTO2} | {left[1]}\nSố: {number}   {date}\n" + body
    if shape == "one-line":  # the committee and its department run into one line by a portal
        return f"{' '.join(left)} {MOTTO} {MOTTO2}\nSố: {number}\n{date}\n" + body
    raise AssertionError(shape)


SHAPES = ("tabs", "right-first", "piped", "piped-right-first", "one-line", "tabs-right-first", "spaced-right-first")

# (committee's lines, number, place, year, issuer, parent)
UNDER_COMMITTEE = [
    (("UBND TỈNH HẢI DƯƠNG", "SỞ CÔNG THƯƠNG"), "41/KH-SCT", "Hải Dương", 2023,
     "Sở Công Thương tỉnh Hải Dương", "UBND tỉnh Hải Dương"),
    (("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "SỞ NỘI VỤ"), "77/KH-SNV", "Nghệ An", 2022,
     "Sở Nội vụ tỉnh Nghệ An", "UBND tỉnh Nghệ An"),
    # a centrally-run city: "thành phố", never "tỉnh"
    (("UBND THÀNH PHỐ HÀ NỘI", "SỞ TƯ PHÁP"), "205/KH-STP", "Hà Nội", 2024,
     "Sở Tư pháp thành phố Hà Nội", "UBND thành phố Hà Nội"),
    (("UBND TP. CẦN THƠ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"), "12/KH-SGDĐT", "Cần Thơ", 2021,
     "Sở Giáo dục và Đào tạo thành phố Cần Thơ", "UBND thành phố Cần Thơ"),
    # a committee's office: its name already says whose office it is
    (("UBND TỈNH LAI CHÂU", "VĂN PHÒNG"), "1888/KH-VPUBND", "Lai Châu", 2023,
     "Văn phòng Ủy ban nhân dân tỉnh Lai Châu", "UBND tỉnh Lai Châu"),
    (("UBND TỈNH BẮC NINH", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"), "9/KH-BQL", "Bắc Ninh", 2022,
     "Ban quản lý các khu công nghiệp tỉnh Bắc Ninh", "UBND tỉnh Bắc Ninh"),
    # after 1 July 2025: the merged city's department
    (("UBND THÀNH PHỐ HẢI PHÒNG", "SỞ NỘI VỤ"), "310/KH-SNV", "Hải Phòng", 2026,
     "Sở Nội vụ thành phố Hải Phòng", "UBND thành phố Hải Phòng"),
]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(("left", "number", "place", "year", "issuer", "parent"), UNDER_COMMITTEE)
def test_department_under_its_committee_reads_with_its_province(shape, left, number, place, year, issuer, parent):
    plan = read_text(_doc(left, number, place, year, shape), "ke-hoach.txt")
    assert (plan.header.issuer, plan.header.parent) == (issuer, parent)
    assert plan.facts.level == "department"
    # printed under its committee: nothing inferred, nothing to warn about
    assert not [w for w in plan.warnings if "Tỉnh của cơ quan" in w.message]


# Layouts read the same in every shape above, and some only in a few.
OTHER_LAYOUTS = [
    # the committee wrapped over two lines above the department
    ("ỦY BAN NHÂN DÂN\t" + MOTTO + "\nTỈNH QUẢNG NINH\t" + MOTTO2 + "\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\n"
     "Số: 66/KH-STTTT\tQuảng Ninh, ngày 02 tháng 3 năm 2023\n" + BODY.format(y=2023),
     "Sở Thông tin và Truyền thông tỉnh Quảng Ninh", "UBND tỉnh Quảng Ninh"),
    # Thành phố Hồ Chí Minh is written with its capital T
    ("UBND THÀNH PHỐ HỒ CHÍ MINH\t" + MOTTO + "\nSỞ TƯ PHÁP\t" + MOTTO2 + "\n"
     "Số: 5/KH-STP\tThành phố Hồ Chí Minh, ngày 02 tháng 3 năm 2023\n" + BODY.format(y=2023),
     "Sở Tư pháp Thành phố Hồ Chí Minh", "UBND Thành phố Hồ Chí Minh"),
    # a council's office
    ("HĐND TỈNH HÀ TĨNH\t" + MOTTO + "\nVĂN PHÒNG\t" + MOTTO2 + "\n"
     "Số: 31/KH-VP\tHà Tĩnh, ngày 02 tháng 3 năm 2023\n" + BODY.format(y=2023),
     "Văn phòng Hội đồng nhân dân tỉnh Hà Tĩnh", "HĐND tỉnh Hà Tĩnh"),
    # a steering committee of the province
    ("UBND TỈNH QUẢNG TRỊ\t" + MOTTO + "\nBAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH\t" + MOTTO2 + "\n"
     "Số: 3/KH-BCĐ\tQuảng Trị, ngày 02 tháng 3 năm 2023\n" + BODY.format(y=2023),
     "Ban Chỉ đạo cải cách hành chính tỉnh Quảng Trị", "UBND tỉnh Quảng Trị"),
    # a sub-department under its department, which names the province
    ("SỞ NÔNG NGHIỆP VÀ PTNT TỈNH NAM ĐỊNH\t" + MOTTO + "\nCHI CỤC THỦY LỢI\t" + MOTTO2 + "\n"
     "Số: 14/KH-CCTL\tNam Định, ngày 02 tháng 3 năm 2023\n" + BODY.format(y=2023),
     "Chi cục thủy lợi tỉnh Nam Định", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Nam Định"),
    # the province already in the department's name: not doubled
    ("UBND TỈNH NGHỆ AN\t" + MOTTO + "\nSỞ Y TẾ TỈNH NGHỆ AN\t" + MOTTO2 + "\n"
     "Số: 8/KH-SYT\tNghệ An, ngày 02 tháng 3 năm 2023\n" + BODY.format(y=2023),
     "Sở Y tế tỉnh Nghệ An", "UBND tỉnh Nghệ An"),
    # Hà Nội's departments print the city in their own name: read as printed
    ("SỞ Y TẾ HÀ NỘI\t" + MOTTO + "\n\t" + MOTTO2 + "\n"
     "Số: 8/KH-SYT\tHà Nội, ngày 02 tháng 3 năm 2023\n" + BODY.format(y=2023),
     "Sở Y tế Hà Nội", None),
    # a district's office and a city's office inside a province: no province added
    ("UBND HUYỆN CẨM GIÀNG\t" + MOTTO + "\nPHÒNG NỘI VỤ\t" + MOTTO2 + "\n"
     "Số: 8/KH-PNV\tCẩm Giàng, ngày 02 tháng 3 năm 2023\n" + BODY.format(y=2023),
     "Phòng Nội vụ", "UBND huyện Cẩm Giàng"),
    ("UBND THÀNH PHỐ BẮC NINH\t" + MOTTO + "\nPHÒNG NỘI VỤ\t" + MOTTO2 + "\n"
     "Số: 8/KH-PNV\tBắc Ninh, ngày 02 tháng 3 năm 2023\n" + BODY.format(y=2023),
     "Phòng Nội vụ", "UBND thành phố Bắc Ninh"),
    # the committee itself
    ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\t" + MOTTO + "\n\t" + MOTTO2 + "\n"
     "Số: 8/KH-UBND\tNghệ An, ngày 02 tháng 3 năm 2023\n" + BODY.format(y=2023),
     "Ủy ban nhân dân tỉnh Nghệ An", None),
]


@pytest.mark.parametrize(("text", "issuer", "parent"), OTHER_LAYOUTS)
def test_other_department_layouts(text, issuer, parent):
    plan = read_text(text, "ke-hoach.txt")
    assert (plan.header.issuer, plan.header.parent) == (issuer, parent)


# -- the header a draft and a render print ------------------------------------------------------

CELLS = [
    ("Sở Công Thương tỉnh Hải Dương", "UBND tỉnh Hải Dương", None, "Sở Công Thương"),
    ("Sở Nội vụ thành phố Hà Nội", "UBND thành phố Hà Nội", None, "Sở Nội vụ"),
    ("Sở Tư pháp Thành phố Hồ Chí Minh", "UBND Thành phố Hồ Chí Minh", None, "Sở Tư pháp"),
    ("Văn phòng Ủy ban nhân dân tỉnh Lai Châu", "UBND tỉnh Lai Châu", None, "Văn phòng"),
    ("Văn phòng Hội đồng nhân dân tỉnh Hà Tĩnh", "HĐND tỉnh Hà Tĩnh", None, "Văn phòng"),
    ("Chi cục thủy lợi tỉnh Nam Định", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Nam Định", None, "Chi cục thủy lợi"),
    ("Sở Y tế Hà Nội", "UBND thành phố Hà Nội", None, "Sở Y tế Hà Nội"),  # the body's own name
    ("Sở Y tế tỉnh Nghệ An", None, "SỞ Y TẾ TỈNH NGHỆ AN", "Sở Y tế tỉnh Nghệ An"),  # printed so
    ("Sở Tư pháp tỉnh Bắc Kạn", None, "SỞ TƯ PHÁP", "Sở Tư pháp"),  # the province was inferred
    ("Sở Tư pháp tỉnh Bắc Kạn", None, None, "Sở Tư pháp tỉnh Bắc Kạn"),
    ("Sở Công Thương tỉnh Hải Dương", "UBND tỉnh Nam Định", None, "Sở Công Thương tỉnh Hải Dương"),
    ("Ủy ban nhân dân tỉnh Nghệ An", None, None, "Ủy ban nhân dân tỉnh Nghệ An"),
]


@pytest.mark.parametrize(("issuer", "parent", "printed", "cell"), CELLS)
def test_cell_name(issuer, parent, printed, cell):
    assert cell_name(issuer, parent, printed) == cell


def test_draft_prints_the_committee_over_the_department(tmp_path):
    path = tmp_path / "ke-hoach-41.txt"
    path.write_text(_doc(("UBND TỈNH HẢI DƯƠNG", "SỞ CÔNG THƯƠNG"), "41/KH-SCT", "Hải Dương"), encoding="utf-8")
    draft = plankit.draft_plan(path, year=2024)
    assert draft.text.splitlines()[:2] == [f"UBND TỈNH HẢI DƯƠNG\t{MOTTO}", f"SỞ CÔNG THƯƠNG\t{MOTTO2}"]
    assert (draft.header.issuer, draft.header.parent) == ("Sở Công Thương tỉnh Hải Dương", "UBND tỉnh Hải Dương")
    assert "issuer" not in {t.kind for t in draft.todo}
    md = plankit.render_markdown(read_text(path.read_text(encoding="utf-8"), path.name))
    assert md.splitlines()[0] == f"| UBND TỈNH HẢI DƯƠNG | **{MOTTO}** |"
    assert md.splitlines()[2] == f"| **SỞ CÔNG THƯƠNG** | **{MOTTO2}** |"


@pytest.mark.parametrize("shape", SHAPES)
def test_series_key_is_one_department_in_every_layout(shape):
    under = read_text(_doc(("UBND TỈNH HẢI DƯƠNG", "SỞ CÔNG THƯƠNG"), "41/KH-SCT", "Hải Dương", 2023, shape))
    alone = read_text("SỞ CÔNG THƯƠNG\nSố: 12/KH-SCT\nHải Dương, ngày 07 tháng 02 năm 2022\nKẾ HOẠCH\nTuyên truyền năm 2022\n")
    assert issuer_key(under) == issuer_key(alone) == ("so cong thuong", "hai duong")


def test_series_key_of_a_city_department_printed_with_its_city():
    printed = read_text(OTHER_LAYOUTS[6][0])  # "SỞ Y TẾ HÀ NỘI"
    under = read_text(_doc(("UBND THÀNH PHỐ HÀ NỘI", "SỞ Y TẾ"), "9/KH-SYT", "Hà Nội"))
    assert issuer_key(printed) == issuer_key(under) == ("so y te", "ha noi")


# -- the last resort: the province the path names -----------------------------------------------

# A portal's copy of a department's letter: no header, the body never names its province.
PORTAL = ("Hướng dẫn công tác phổ biến pháp luật năm {y}\n"
          "Ngày 12/3/{y}, Sở Tư pháp ban hành Văn bản số 215/STP-PBGDPL về việc hướng dẫn công tác "
          "phổ biến, giáo dục pháp luật năm {y}, cụ thể như sau:\n\n"
          "Thực hiện Văn bản số 880/BTP-PBGDPL ngày 02/3/{y} của Bộ Tư pháp, Sở Tư pháp hướng dẫn như sau:\n\n"
          "I. CÔNG TÁC PHỔ BIẾN PHÁP LUẬT\n\n1. Các sở, ban, ngành tiếp tục thực hiện.\n")

PATHS = [
    # (name, year, issuer, the part of the path the warning names or None)
    ("backan_stp_2020_215.txt", 2020, "Sở Tư pháp tỉnh Bắc Kạn", "backan_stp_2020_215.txt"),
    ("Bắc Kạn/2020/cv-215.txt", 2020, "Sở Tư pháp tỉnh Bắc Kạn", "Bắc Kạn"),
    ("ho-so/lang-son/stp-215.docx.txt", 2021, "Sở Tư pháp tỉnh Lạng Sơn", "lang-son"),
    ("HaNoi.STP.215.txt", 2022, "Sở Tư pháp thành phố Hà Nội", "HaNoi.STP.215.txt"),
    ("tp-ho-chi-minh/215.txt", 2022, "Sở Tư pháp Thành phố Hồ Chí Minh", "tp-ho-chi-minh"),
    # "hue" inside "thua-thien-hue" is the longer name
    ("thua-thien-hue/stp_215.txt", 2022, "Sở Tư pháp tỉnh Thừa Thiên Huế", "thua-thien-hue"),
    # Huế's name before 2025 was Thừa Thiên Huế; Bắc Kạn's department after the merger is Thái Nguyên's
    ("hue/stp_215.txt", 2022, "Sở Tư pháp tỉnh Thừa Thiên Huế", "hue"),
    ("backan/stp_215.txt", 2026, "Sở Tư pháp tỉnh Thái Nguyên", "backan"),
    # two provinces, or none: nothing taken
    ("ha-noi/ha-nam/stp_215.txt", 2022, "Sở Tư pháp", None),
    ("cong-van/2020/stp_215.txt", 2020, "Sở Tư pháp", None),
    # a token that only contains a province's name ("longanh" is no Long An)
    ("longanh_215.txt", 2020, "Sở Tư pháp", None),
]


@pytest.mark.parametrize(("name", "year", "issuer", "part"), PATHS)
def test_province_from_the_path(name, year, issuer, part):
    plan = read_text(PORTAL.format(y=year), name)
    assert plan.header.issuer == issuer
    said = [w.message for w in plan.warnings if "tên tệp" in w.message]
    if part is None:
        assert said == []
    else:
        assert said == [
            "Tỉnh của cơ quan ban hành lấy từ tên tệp / the issuer's province taken from the file's name or "
            f"folder ({part}): {issuer}"
        ]


def test_province_from_the_folder_of_a_file(tmp_path):
    folder = tmp_path / "Bắc Kạn" / "2020"
    folder.mkdir(parents=True)
    (folder / "cv-215.txt").write_text(PORTAL.format(y=2020), encoding="utf-8")
    plan = plankit.read_plan(folder / "cv-215.txt")
    assert plan.header.issuer == "Sở Tư pháp tỉnh Bắc Kạn"
    assert plan.facts.province is not None and plan.facts.province.name == "Bắc Kạn"


def test_path_never_overrides_the_text():
    # the text names another province: the path is only how an officer filed it
    other = PORTAL.format(y=2020).replace("của Bộ Tư pháp", "của UBND tỉnh Cao Bằng")
    assert read_text(other, "backan_stp_2020_215.txt").header.issuer == "Sở Tư pháp"
    # a body that names its province keeps it, whatever the folder
    ubnd = _doc(("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", ""), "8/KH-UBND", "Nghệ An")
    assert read_text(ubnd, "ha-tinh/8.txt").header.issuer == "Ủy ban nhân dân tỉnh Nghệ An"
    # printed under its committee: the committee's province, not the folder's
    under = _doc(("UBND TỈNH HẢI DƯƠNG", "SỞ CÔNG THƯƠNG"), "41/KH-SCT", "Hải Dương")
    assert read_text(under, "nam-dinh/41.txt").header.issuer == "Sở Công Thương tỉnh Hải Dương"


# -- the helpers ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "lacks"), [
    ("Sở Tư pháp", True), ("Văn phòng", True), ("Chi cục Kiểm lâm", True), ("Ban Dân tộc", True),
    ("Thanh tra tỉnh", False), ("Sở Y tế Hà Nội", False), ("Sở Y tế tỉnh Nghệ An", False),
    ("Phòng Nội vụ", False), ("Bệnh viện Đa khoa tỉnh", False), ("Bộ Tư pháp", False),
    ("Ủy ban nhân dân tỉnh Nghệ An", False), (None, False),
])
def test_lacks_province(name, lacks):
    assert lacks_province(name) is lacks


@pytest.mark.parametrize(("parent", "province"), [
    ("UBND tỉnh Hải Dương", "Hải Dương"), ("UBND THÀNH PHỐ HÀ NỘI", "Hà Nội"), ("HĐND tỉnh Hà Tĩnh", "Hà Tĩnh"),
    ("Ủy ban nhân dân Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("Sở Nông nghiệp và Phát triển nông thôn tỉnh Nam Định", "Nam Định"),
    ("UBND thành phố Bắc Ninh", None), ("UBND tỉnh Hà Nội", None), ("UBND huyện Cẩm Giàng", None),
    ("Bộ Y tế", None), (None, None),
])
def test_parent_province(parent, province):
    found = parent_province(parent)
    assert (found.name if found else None) == province


def test_province_on_merger_day():
    bac_kan = province_in_path("backan.txt")[0]
    assert province_on(bac_kan, dt.date(2025, 6, 30)).name == "Bắc Kạn"
    assert province_on(bac_kan, dt.date(2025, 7, 1)).name == "Thái Nguyên"
    assert province_on(bac_kan, None).name == "Bắc Kạn"


_SEPARATORS = st.sampled_from(["_", "-", ".", " ", "/"])


@given(st.lists(st.sampled_from(["ke", "hoach", "stp", "2020", "cv", "so", "tu", "phap"]), max_size=5),
       _SEPARATORS, st.sampled_from(["bac-kan", "backan", "Bắc Kạn", "BAC_KAN"]))
def test_province_in_path_finds_the_one_province_among_other_tokens(words, sep, province):
    found = province_in_path(sep.join([*words, province, "473"]) + ".txt")
    assert found is not None and found[0].name == "Bắc Kạn"
