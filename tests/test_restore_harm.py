"""restore_text does no harm: typed words, addresses, symbols and names stay; packaging of the model.

Every input is written for these tests in the shape of a real administrative document (none is
copied from the development corpus).
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from plankit.restore import restore_text
from plankit.restore_model import (
    admin_text,
    build_model,
    bundled_texts,
    default_model,
    register_text,
    underthesea_files,
)

ROOT = Path(__file__).resolve().parent.parent

# -- accented words are kept exactly as typed (tone placement included) -------------------------

KEPT = [
    # a word whose folded form has a likelier real form elsewhere stays as typed
    "Căn cứ Luật Tổ chức chính quyền địa phương; Vụ trưởng Vụ Pháp chế, Bộ Y tế",
    "BẢN SAO Y BẢN CHÍNH; BAN CHỈ ĐẠO; Ban hành kèm theo Quyết định này",
    # new-style tone placement is the writer's choice, not an error
    "về việc Hoà giải ở cơ sở và khoá học bồi dưỡng, Uỷ ban nhân dân",
    # plain words in a text typed with its marks: names and codes as written
    "Sở Khoa học và Công nghệ tỉnh Hung Yên thực hiện các thủ tục có mã hồ sơ H01, QT02 theo "
    "hướng dẫn của Bộ Nội vụ về PIC và HDND",
    # document symbols untouched in typed text (the website wrote QD for QĐ)
    "Căn cứ Quyết định số 45/QD-UBND ngày 12/3/2024 của Ủy ban nhân dân tỉnh",
    # numbers glued to words stay glued
    "Kế hoạch năm 2025Sở Nội vụ đã ban hành",
]


@pytest.mark.parametrize("text", KEPT)
def test_typed_text_is_left_alone(text):
    r = restore_text(text)
    assert r.text == text
    assert r.changed == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a marked word that is no real syllable ("tuyén") is restored; the rest stays
        ("Công tác tuyén truyền cải cách hành chính", "Công tác tuyên truyền cải cách hành chính"),
        # marks typed on a few words of an unaccented text stay; the others are restored
        ("Ke hoach tuyên truyền cai cach hanh chinh", "Kế hoạch tuyên truyền cải cách hành chính"),
    ],
)
def test_marked_words_kept_unless_no_syllable(text, expected):
    assert restore_text(text).text == expected


# -- URLs, e-mail addresses, file names, symbols and codes untouched ----------------------------

UNTOUCHED = [
    (
        "Xem chi tiet tai https://vbpl.vn/tw/Pages/chinh-sach/quyet-dinh-749-nam-2020.aspx.",
        "Xem chi tiết tại https://vbpl.vn/tw/Pages/chinh-sach/quyet-dinh-749-nam-2020.aspx.",
    ),
    (
        "Gui ve dia chi thu dien tu vanthu-snv@tinh.gov.vn truoc ngay 15/12/2025",
        "Gửi về địa chỉ thư điện tử vanthu-snv@tinh.gov.vn trước ngày 15/12/2025",
    ),
    (
        "Tep dinh kem: Ke-hoach-tuyen-truyen-CCHC-2025.pdf; Phu-luc-01.docx",
        "Tệp đính kèm: Ke-hoach-tuyen-truyen-CCHC-2025.pdf; Phu-luc-01.docx",
    ),
    (
        "Dang tai tren www.chinhphu.vn/van-ban va congbao.chinhphu.vn",
        "Đăng tải trên www.chinhphu.vn/van-ban và congbao.chinhphu.vn",
    ),
    ("Ky hieu bieu mau H01, quy trinh QT02", "Ký hiệu biểu mẫu H01, quy trình QT02"),
    (
        "Can cu Nghi dinh so 45/2020/ND-CP va Quyet dinh so 4168/QD-UBND",
        "Căn cứ Nghị định số 45/2020/NĐ-CP và Quyết định số 4168/QĐ-UBND",
    ),
]


@pytest.mark.parametrize(("text", "expected"), UNTOUCHED)
def test_addresses_files_symbols_and_codes(text, expected):
    r = restore_text(text)
    assert r.text == expected


# -- personal names: never guessed, only flagged -------------------------------------------------

NAMES = [
    # (text, restored text, the words flagged as a name)
    (
        "Dong chi Nguyen Van Hung, Pho Giam doc So Tu phap",
        "Đồng chí Nguyen Van Hung, Phó Giám đốc Sở Tư pháp",
        ["Nguyen", "Van", "Hung"],
    ),
    ("KT. CHU TICH\nPHO CHU TICH\n\nLe Thi Mai", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLe Thi Mai", ["Le", "Thi", "Mai"]),
    ("Ong Vo Minh Tuan, chuyen vien", "Ông Vo Minh Tuan, chuyên viên", ["Vo", "Minh", "Tuan"]),
    # typed with marks: kept, and still flagged
    ("Đồng chí Trần Thị Hoa, Chánh Văn phòng", "Đồng chí Trần Thị Hoa, Chánh Văn phòng", ["Trần", "Thị", "Hoa"]),
    # bodies and places that start like a family name are no person
    ("Vu Ke hoach - Tai chinh; Vu truong Vu Phap che", "Vụ Kế hoạch - Tài chính; Vụ trưởng Vụ Pháp chế", []),
    ("Thanh pho Ho Chi Minh va tinh Dong Nai", "Thành phố Hồ Chí Minh và tỉnh Đồng Nai", []),
]


@pytest.mark.parametrize(("text", "expected", "names"), NAMES)
def test_names_are_flagged_never_guessed(text, expected, names):
    r = restore_text(text)
    assert r.text == expected
    assert [t.surface for t in r.names] == names
    for t in r.names:
        assert t.output == t.surface and t.how == "name" and t in r.uncertain


@pytest.mark.parametrize(
    ("text", "expected", "names"),
    [
        # OCR read the signer's "Ngô" as "Ng6": a family name under the damage, so kept and flagged
        ("GIAM DOC\n\nNg6 Anh Tin\n", "GIÁM ĐỐC\n\nNg6 Anh Tin\n", ["Ng6", "Anh", "Tin"]),
        # the same damaged word in running text before a lower-case word is no name
        ("Kinh phi nam 2025 la 10 trieu dong, Ng6 nghe\n", "Kinh phí năm 2025 là 10 triệu đồng, Ngộ nghệ\n", []),
    ],
)
def test_an_ocr_damaged_name_is_flagged_never_guessed(text, expected, names):
    r = restore_text(text, ocr=True)
    assert r.text == expected
    assert [t.surface for t in r.names] == names


def test_name_alternatives_are_listed():
    r = restore_text("Ong Tran Van Ba")
    first = r.names[0]
    assert first.candidates[0] == ("Tran", 0.0)
    assert "Trần" in [c for c, _ in first.candidates]
    assert r.marked_text() == "Ông {Tran|Trận|Trần|Trấn} {Van|Văn|Vấn|Vẫn} {Ba|Bà|Bá|Bạ}"
    alternatives = r.to_dict()["uncertain"][0]["alternatives"]
    assert [c for c, _ in alternatives[:3]] == ["Trận", "Trần", "Trấn"]


# -- words joined by / and - are restored part by part -------------------------------------------

JOINED = [
    ("Bao cao dinh ky 6 thang/lan, 01 lan/nam", "Báo cáo định kỳ 6 tháng/lần, 01 lần/năm"),
    ("Lanh dao Phong/Ban chuyen mon", "Lãnh đạo Phòng/Ban chuyên môn"),
    ("cac co quan/don vi co lien quan", "các cơ quan/đơn vị có liên quan"),
    ("Truong/Pho phong", "Trưởng/Phó phòng"),
    ("phat trien kinh te-xa hoi cua tinh", "phát triển kinh tế-xã hội của tỉnh"),
    ("UBND cac huyen/thi xa/thanh pho", "UBND các huyện/thị xã/thành phố"),
    # each part read beside the others, as the model was trained ("xã phường", "kỳ năm")
    ("Bao cao dinh ky/nam gui So Noi vu", "Báo cáo định kỳ/năm gửi Sở Nội vụ"),
    ("UBND cac xa/phuong tren dia ban", "UBND các xã/phường trên địa bàn"),
    ("Cac so/nganh, UBND cac huyen/thanh pho", "Các sở/ngành, UBND các huyện/thành phố"),
    ("Tin/bai tuyen truyen tren Cong thong tin dien tu", "Tin/bài tuyên truyền trên Cổng thông tin điện tử"),
    ("ghi ro ngay/thang/nam sinh", "ghi rõ ngày/tháng/năm sinh"),
    ("Phong Van hoa-Thong tin huyen", "Phòng Văn hóa-Thông tin huyện"),
    ("Can bo/cong chuc cap xa", "Cán bộ/công chức cấp xã"),
    ("To chuc hoi nghi/hoi thao chuyen de", "Tổ chức hội nghị/hội thảo chuyên đề"),
    # a slash separates two phrases as a comma does: "trợ" is not read before "hướng"
    ("Ho tro/huong dan cac don vi", "Hỗ trợ/hướng dẫn các đơn vị"),
    ("tham gia/nam", "tham gia/năm"),
]


@pytest.mark.parametrize(("text", "expected"), JOINED)
def test_slash_and_hyphen_joined_words(text, expected):
    assert restore_text(text).text == expected


# -- stock phrases of administrative documents (the admin source) --------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(sau day viet tat la Ban Chi dao)", "(sau đây viết tắt là Ban Chỉ đạo)"),
        ("Vu truong Vu To chuc can bo", "Vụ trưởng Vụ Tổ chức cán bộ"),
        ("Tep dinh kem", "Tệp đính kèm"),
        ("Cong van so 123/UBND-NC", "Công văn số 123/UBND-NC"),
        # "Cổng" wins only two words later ("thông tin"): a beam of six had dropped it
        ("Xem chi tiet tai Cong thong tin dien tu", "Xem chi tiết tại Cổng thông tin điện tử"),
    ],
)
def test_stock_phrases(text, expected):
    assert restore_text(text).text == expected


# -- the register's citations (plankit:register) ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "with_register", "without"),
    [
        (
            "Nghi quyet so 68-NQ/TW ngay 04/5/2025 cua Bo Chinh tri ve phat trien kinh te tu nhan",
            "Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị về phát triển kinh tế tư nhân",
            "Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị về phát triển kinh tế từ nhân",
        ),
        (
            "Nghi dinh so 99/2016/ND-CP cua Chinh phu ve quan ly va su dung con dau",
            "Nghị định số 99/2016/NĐ-CP của Chính phủ về quản lý và sử dụng con dấu",
            "Nghị định số 99/2016/NĐ-CP của Chính phủ về quản lý và sử dụng con đầu",
        ),
    ],
)
def test_register_citations_teach_subjects(text, with_register, without, model_without_register):
    assert restore_text(text).text == with_register
    assert restore_text(text, model=model_without_register).text == without


@pytest.fixture(scope="module")
def model_without_register():
    return build_model(register=False)


def test_register_text_is_one_citation_a_line():
    lines = register_text().splitlines()
    assert len(lines) >= 150 and len(set(lines)) == len(lines)
    line = next(x for x in lines if " 99/2016/NĐ-CP " in x)
    assert line == "Nghị định số 99/2016/NĐ-CP ngày 01 tháng 07 năm 2016 của Chính phủ về quản lý và sử dụng con dấu"


def test_tokens_are_worked_out_once_on_demand():
    r = restore_text("Ho tro cac doanh nghiep")
    assert r.text == "Hỗ trợ các doanh nghiệp"
    assert r.tokens is r.tokens
    assert [t.output for t in r.tokens] == ["Hỗ", "trợ", "các", "doanh", "nghiệp"]
    assert r.spans == tuple((t.start, t.end, t.output) for t in r.tokens)
    ocr = restore_text("S6:137 IKH-SKHCN ngay 21thdng 01")
    assert ocr.spans == tuple((t.start, t.end, t.output) for t in ocr.tokens)
    assert ocr.spans[-2:] == ((24, 29, " tháng"), (30, 32, "01"))


def test_wider_context_changes_only_ambiguous_words():
    text = "Giam doc So Noi vu va cac phong, don vi thuoc So co trach nhiem thi hanh"
    with_ctx = restore_text(text)
    without = restore_text(text, context=False)
    assert with_ctx.text == "Giám đốc Sở Nội vụ và các phòng, đơn vị thuộc Sở có trách nhiệm thi hành"
    diff = [(a.output, b.output) for a, b in zip(with_ctx.tokens, without.tokens, strict=True) if a.output != b.output]
    assert all(a.lower() in ("sở", "số") for a, _ in diff)


# -- the CLI marks uncertain words ----------------------------------------------------------------


def test_cli_mark_and_uncertain_list(tmp_path):
    src = tmp_path / "ke-hoach.txt"
    src.write_text("Dong chi Nguyen Van Hung\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "plankit", "restore", str(src), "--mark"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout == "Đồng chí {Nguyen|Nguyên|Nguyễn|Nguyện} {Van|Văn|Vấn|Vẫn} {Hung|Hưng|Hùng|Hứng}\n"
    assert out.stderr.count("tên người, name: kept as typed") == 3
    as_json = subprocess.run(
        [sys.executable, "-m", "plankit", "restore", str(src), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    payload = json.loads(as_json.stdout)
    assert [u["surface"] for u in payload["uncertain"]] == ["Nguyen", "Van", "Hung"]
    assert payload["uncertain"][0]["how"] == "name"


# -- packaging: nothing read from beside the package ----------------------------------------------


def test_model_reads_nothing_beside_the_package():
    import plankit.restore as package

    for module in Path(package.__file__).parent.glob("*.py"):
        source = module.read_text("utf-8")
        assert "parent.parent" not in source and '"plans"' not in source, module.name
    assert set(default_model().sources) >= {
        "can-tho/2022-so-khcn.txt",
        "hai-duong/2022-so-cong-thuong.txt",
        "hung-yen/2022-so-khcn.md",
        "thua-thien-hue/2022-so-khcn.news.txt",
        "plankit:admin",
        "plankit:places",
        "plankit:vocabulary",
        "plankit:register",
    }


def test_shipped_plans_match_the_repository():
    """plans.tsv.gz holds the clean plans of plans/ line for line (regenerate it if this fails)."""
    plans = ROOT / "plans"
    if not plans.is_dir():
        pytest.skip("plans/ is not beside the package (installed wheel)")
    shipped = bundled_texts()
    for name, text in shipped.items():
        assert (plans / name).read_text("utf-8").replace("\r", "") == text, name
    expected = sorted(
        p.relative_to(plans).as_posix()
        for p in plans.rglob("*")
        if p.suffix in (".txt", ".md") and p.name != "README.md" and ".ocr." not in p.name
    )
    assert sorted(shipped) == expected


def test_sources_file_names_every_source():
    raw = resources.files("plankit.data").joinpath("restore", "sources.tsv").read_text("utf-8")
    rows = [r.split("\t") for r in raw.splitlines() if r.strip() and not r.startswith("#")]
    assert rows[0] == ["source", "location", "kind", "licence", "origin"]
    named = {r[0] for r in rows[1:]}
    model_sources = {s if "/" not in s else "plans" for s in default_model().sources}
    assert model_sources <= named
    assert all(len(r) == 5 and all(r) for r in rows[1:])


def test_shipped_data_is_small():
    folder = resources.files("plankit.data").joinpath("restore")
    total = sum(f.stat().st_size for f in Path(str(folder)).iterdir())
    assert total < 3_000_000
    gzip.decompress(folder.joinpath("plans.tsv.gz").read_bytes()).decode("utf-8")
    assert "sau đây viết tắt là" in admin_text()


def test_underthesea_files_are_found_and_used():
    """Both files read from underthesea's private paths exist and change the model.

    If underthesea moves them, this fails (instead of accuracy dropping silently).
    """
    files = underthesea_files()
    assert files["Viet74K"] is not None and files["Viet74K"].is_file(), "underthesea moved Viet74K.txt"
    assert files["vlsp2013"] is not None and files["vlsp2013"].is_file(), "underthesea moved the VLSP 2013 test set"
    model = default_model()
    assert "underthesea:Viet74K" in model.sources and "underthesea:vlsp2013" in model.sources
    without = build_model(wordlist=False, corpus=False)
    assert len(model.variants) > len(without.variants) + 1000
    assert len(model.uni) > len(without.uni) + 1000
