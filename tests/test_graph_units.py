"""A district's or commune's document cited without its name (``của UBND xã``), in the graph.

Every commune has its own ``05/KH-UBND``. Cited from a commune's own plan, a bare "UBND xã" is
that commune (the cascade: a commune cites its own documents so); cited from anywhere else it
could be any commune of the province, so the graph keeps it out of identity merging: a node of
its own per citing plan, matched to no corpus plan, and never the province's plan of the same
number. Invented plans in a real layout, read through the whole chain.
"""

from __future__ import annotations

import pytest

from plankit.graph import build_graph
from plankit.graph.identity import Identities, bare_unit, own_units
from plankit.model import Citation

PROVINCE = """\
ỦY BAN NHÂN DÂN TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 05/KH-UBND | Độc lập - Tự do - Hạnh phúc
Lào Cai, ngày 06 tháng 01 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
"""
# a department checks "the commune's" plan 05: which commune, it does not say
DEPARTMENT = """\
UBND TỈNH LÀO CAI
SỞ NỘI VỤ
Số: 40/KH-SNV
Lào Cai, ngày 20 tháng 4 năm 2025
KẾ HOẠCH
Kiểm tra cải cách hành chính năm 2025
Căn cứ Kế hoạch số 05/KH-UBND ngày 06/01/2025 của UBND tỉnh Lào Cai;
I. MỤC ĐÍCH
Kiểm tra việc thực hiện Kế hoạch số 05/KH-UBND ngày 12/3/2025 của Ủy ban nhân dân xã.
"""
# the commune's own plan 05, and its later plan citing it as "của UBND xã"
COMMUNE_05 = """\
ỦY BAN NHÂN DÂN XÃ BẢO HÀ
Số: 05/KH-UBND
Bảo Hà, ngày 12 tháng 3 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
Căn cứ Kế hoạch số 05/KH-UBND ngày 06/01/2025 của UBND tỉnh Lào Cai;
Ủy ban nhân dân xã ban hành Kế hoạch như sau:
"""
COMMUNE_11 = """\
ỦY BAN NHÂN DÂN XÃ BẢO HÀ
Số: 11/KH-UBND
Bảo Hà, ngày 02 tháng 4 năm 2025
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025
Căn cứ Kế hoạch số 05/KH-UBND ngày 12/3/2025 của UBND xã về chuyển đổi số năm 2025;
Căn cứ Kế hoạch số 05/KH-UBND ngày 06/01/2025 của UBND tỉnh Lào Cai;
Ủy ban nhân dân xã ban hành Kế hoạch như sau:
"""
# a district citing "UBND xã": not its own level, so not identifiable either
DISTRICT = """\
ỦY BAN NHÂN DÂN HUYỆN BẢO YÊN
Số: 70/KH-UBND
Bảo Yên, ngày 15 tháng 4 năm 2025
KẾ HOẠCH
Kiểm tra cải cách hành chính năm 2025
Căn cứ Kế hoạch số 05/KH-UBND ngày 06/01/2025 của UBND tỉnh Lào Cai;
Căn cứ Kế hoạch số 05/KH-UBND ngày 12/3/2025 của UBND xã;
Ủy ban nhân dân huyện ban hành Kế hoạch như sau:
"""
FOLDER = {"tinh.txt": PROVINCE, "so.txt": DEPARTMENT, "xa-05.txt": COMMUNE_05, "xa-11.txt": COMMUNE_11,
          "huyen.txt": DISTRICT}

TINH, SO, HUYEN = "05/KH-UBND@lao-cai/2025", "40/KH-SNV@lao-cai/2025", "70/KH-UBND@lao-cai.huyen-bao-yen/2025"
XA05, XA11 = "05/KH-UBND@lao-cai.xa-bao-ha/2025", "11/KH-UBND@lao-cai.xa-bao-ha/2025"
NODES = {
    (TINH, "plan", "province", "KH 05/KH-UBND (Lào Cai 2025)"),
    (SO, "plan", "department", "KH 40/KH-SNV (Lào Cai 2025)"),
    (HUYEN, "plan", "district", "KH 70/KH-UBND (huyện Bảo Yên 2025)"),
    (XA05, "plan", "commune", "KH 05/KH-UBND (xã Bảo Hà 2025)"),
    (XA11, "plan", "commune", "KH 11/KH-UBND (xã Bảo Hà 2025)"),
    ("76/NQ-CP", "document", "central", "NQ 76/NQ-CP"),
    # two communes' plans 05, which ones is not said: each label names the plan citing it
    (f"05/KH-UBND@lao-cai.xa/2025#{SO}", "document", "commune",
     "KH 05/KH-UBND (UBND xã, Lào Cai 2025) [in 40/KH-SNV]"),
    (f"05/KH-UBND@lao-cai.xa/2025#{HUYEN}", "document", "commune",
     "KH 05/KH-UBND (UBND xã, Lào Cai 2025) [in 70/KH-UBND]"),
}
EDGES = {
    (TINH, "76/NQ-CP", "basis"),
    (SO, TINH, "basis"),
    (SO, f"05/KH-UBND@lao-cai.xa/2025#{SO}", "mention"),  # not the province's 05, not Bảo Hà's
    (HUYEN, TINH, "basis"),
    (HUYEN, f"05/KH-UBND@lao-cai.xa/2025#{HUYEN}", "basis"),  # nor the department's guess
    (XA05, TINH, "basis"),
    (XA11, XA05, "basis"),  # "của UBND xã" in Bảo Hà's own plan: Bảo Hà's plan 05
    (XA11, TINH, "basis"),
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    root = tmp_path_factory.mktemp("units")
    for name, text in FOLDER.items():
        (root / name).write_text(text, encoding="utf-8")
    return build_graph(sorted(root.iterdir()))


def test_every_node(graph):
    assert {(n, a["kind"], a["level"], a["label"]) for n, a in graph.nodes(data=True)} == NODES


def test_every_edge(graph):
    assert {(s, t, d["role"]) for s, t, d in graph.edges(data=True)} == EDGES


@pytest.mark.parametrize(("issuer", "level", "expected"), [
    ("UBND xã", "commune", "xa"),
    ("Ủy ban nhân dân xã", "commune", "xa"),
    ("UBND phường", "commune", "phuong"),
    ("Ủy ban nhân dân thị trấn", "commune", "thi-tran"),
    ("UBND huyện", "district", "huyen"),
    ("UBND thị xã", "district", "thi-xa"),
    ("UBND xã Bảo Hà", "commune", None),
    ("UBND huyện Đăk Hà", "district", None),
    ("UBND tỉnh", "province", None),
    (None, "commune", None),
])
def test_bare_unit(issuer, level, expected):
    assert bare_unit(issuer, level) == expected


@pytest.mark.parametrize(("level", "issuer", "parent", "expected"), [
    ("commune", "Ủy ban nhân dân xã Bảo Hà", None, (("commune", "xa-bao-ha"),)),
    ("commune", "Ủy ban nhân dân xã Đăk Ngọk", "UBND HUYỆN ĐĂK HÀ",
     (("commune", "xa-dak-ngok"), ("district", "huyen-dak-ha"))),
    ("district", "Ủy ban nhân dân huyện Bảo Yên", "UBND TỈNH LÀO CAI", (("district", "huyen-bao-yen"),)),
    ("commune", "Ủy ban nhân dân xã", None, ()),
    ("province", "Ủy ban nhân dân tỉnh Lào Cai", None, ()),
])
def test_own_units(level, issuer, parent, expected):
    assert own_units(level, issuer, parent) == expected


def _bare(key: str = "05/KH-UBND", issuer: str = "UBND xã") -> Citation:
    return Citation(key, "Kế hoạch", key.split("/")[0], 2025, key.split("/")[1], issuer=issuer,
                    scope="Lào Cai", level="other")


@pytest.mark.parametrize(("own", "citing", "expected"), [
    # a commune's own plan: its commune, an id the folder shares
    ((("commune", "xa-bao-ha"),), "11/KH-UBND@lao-cai.xa-bao-ha/2025", "05/KH-UBND@lao-cai.xa-bao-ha/2025"),
    # a commune's plan citing a bare "UBND huyện": the district its header names above it
    ((("commune", "xa-dak-ngok"), ("district", "huyen-dak-ha")), "x", "05/KH-UBND@lao-cai.huyen-dak-ha/2025"),
    # a province's or a department's: not said, an id of the citing plan's own
    ((), "40/KH-SNV@lao-cai/2025", "05/KH-UBND@lao-cai.xa/2025#40/KH-SNV@lao-cai/2025"),
])
def test_resolve_a_bare_unit(own, citing, expected):
    ids = Identities()
    issuer = "UBND huyện" if expected.count("huyen") else "UBND xã"
    cite = _bare(issuer=issuer)
    ids.add(cite, own)
    assert ids.resolve(cite, own, citing)[0] == expected


def test_an_unidentified_citation_teaches_the_folder_nothing():
    """Kept out of identity merging: a bare "UBND xã" with a date does not give a bare
    province citation of the same number its year."""
    ids = Identities()
    ids.add(_bare())
    province = Citation("05/KH-UBND", "Kế hoạch", "05", None, "KH-UBND", issuer="UBND tỉnh Lào Cai",
                        scope="Lào Cai", level="province")
    ids.add(province)
    assert ids.resolve(province)[0] == "05/KH-UBND@lao-cai"


@pytest.mark.parametrize(("clause", "target"), [
    ("Thực hiện Kế hoạch số 278/KH-UBND ngày 15/12/2022 của UBND huyện Đăk Hà về cải cách hành chính;",
     "278/KH-UBND@kon-tum.huyen-dak-ha/2022"),
    # a PDF's or a portal's line break inside the district's name: the same district
    ("Thực hiện Kế hoạch số 278/KH-UBND ngày 15/12/2022 của UBND huyện Đăk\nHà về cải cách hành chính;",
     "278/KH-UBND@kon-tum.huyen-dak-ha/2022"),
    ("Thực hiện Kế hoạch số 278/KH-UBND ngày 15/12/2022 của UBND huyện\nĐăk Hà về cải cách hành chính;",
     "278/KH-UBND@kon-tum.huyen-dak-ha/2022"),
])
def test_a_district_named_across_a_line_break(clause, target):
    from plankit import read_text

    text = ("ỦY BAN NHÂN DÂN XÃ ĐĂK NGỌK\nSố: 30/KH-UBND\nĐăk Ngọk, ngày 10 tháng 01 năm 2023\nKẾ HOẠCH\n"
            f"Cải cách hành chính năm 2023 trên địa bàn tỉnh Kon Tum\n{clause}\n"
            "Ủy ban nhân dân xã ban hành Kế hoạch như sau:\n")
    graph = build_graph([read_text(text, "xa.txt")])
    assert [t for _, t in graph.edges] == [target]
