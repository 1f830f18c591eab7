"""One node per document however it is cited, the right level for each, on real layouts.

Invented plans (real layout: stacked or flattened header, "Căn cứ" preamble) read through the
whole chain read_plan -> extract_citations -> build_graph, one identity trap each; then the
development corpus (../shared/corpus, skipped when absent) against its gold annotations.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit import read_corpus
from plankit.graph import LEVEL_NAMES, NODE_FIELDS, build_graph, draw_graph, portable, write_graph
from plankit.graph.identity import Identities, document_level, is_national, locality, norm_key
from plankit.model import Citation
from plankit.text import fold

# ---------------------------------------------------------------------------------------------
# invented folders, one trap per citation
# ---------------------------------------------------------------------------------------------
PROVINCE_2024 = """\
ỦY BAN NHÂN DÂN TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 88/KH-UBND | Độc lập - Tự do - Hạnh phúc
Lào Cai, ngày 15 tháng 01 năm 2024
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải \
cách hành chính nhà nước giai đoạn 2021-2030;
Thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương Đảng;
Ủy ban nhân dân tỉnh ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024 như sau:
"""
# the province's plan cited with its date, then bare ("của UBND tỉnh"); OCR's ND-CP; "27 - NQ/TW"
DEPARTMENT_2024 = """\
UBND TỈNH LÀO CAI
SỞ NỘI VỤ
Số: 12/KH-SNV
Lào Cai, ngày 20 tháng 02 năm 2024
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024
Căn cứ Nghị định 61/2018/ND-CP ngày 23/4/2018 của Chính phủ;
Căn cứ Nghị quyết 27 - NQ/TW của Ban Chấp hành Trung ương;
Thực hiện Kế hoạch số 88/KH-UBND ngày 15/01/2024 của Ủy ban nhân dân tỉnh Lào Cai về tuyên \
truyền cải cách hành chính năm 2024, Sở Nội vụ xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH
Triển khai đầy đủ các nội dung theo Kế hoạch 88/KH-UBND của UBND tỉnh và Nghị định số \
61/2018/NĐ-CP.
"""
# another province's 88/KH-UBND of the same year: another document
OTHER_PROVINCE_2024 = """\
ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
SỞ TƯ PHÁP
Số: 31/KH-STP
Yên Bái, ngày 01 tháng 3 năm 2024
KẾ HOẠCH
Phổ biến giáo dục pháp luật năm 2024
Căn cứ Kế hoạch số 88/KH-UBND ngày 10/01/2024 của UBND tỉnh Yên Bái;
Sở Tư pháp xây dựng Kế hoạch như sau:
"""
PROVINCE_2025 = """\
ỦY BAN NHÂN DÂN TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 05/KH-UBND | Độc lập - Tự do - Hạnh phúc
Lào Cai, ngày 06 tháng 01 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
Căn cứ Quyết định số 17/QĐ-UBQGCĐS ngày 10/01/2025 của Ủy ban Quốc gia về chuyển đổi số;
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
"""
# a commune's own 05/KH-UBND of the same year as the province's; a district's plan; national
# numbers whose issuer the text does not name (a central steering board's, a national committee's)
COMMUNE_2025 = """\
ỦY BAN NHÂN DÂN XÃ BẢO HÀ
Số: 05/KH-UBND
Bảo Hà, ngày 12 tháng 3 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
Căn cứ Kế hoạch số 278/KH-UBND ngày 10/3/2025 của UBND huyện Bảo Yên;
Căn cứ Thông báo số 02-TB/BCĐTW ngày 28/02/2025;
Căn cứ Quyết định số 17/QĐ-UBQGCĐS ngày 10/01/2025;
Căn cứ Kế hoạch số 12/KH-SNV ngày 20/02/2024 của Sở Nội vụ tỉnh Lào Cai;
Ủy ban nhân dân xã ban hành Kế hoạch như sau:
"""
# another commune citing both 05/KH-UBND: the province's and the commune's
OTHER_COMMUNE_2025 = """\
ỦY BAN NHÂN DÂN
XÃ PHONG HẢI
Số: 09/KH-UBND
Phong Hải, ngày 20 tháng 3 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
Căn cứ Kế hoạch số 05/KH-UBND ngày 06/01/2025 của UBND tỉnh Lào Cai;
Căn cứ Kế hoạch số 05/KH-UBND ngày 12/3/2025 của UBND xã Bảo Hà;
Ủy ban nhân dân xã ban hành Kế hoạch như sau:
"""
FOLDER = {"tinh-2024.txt": PROVINCE_2024, "so-2024.txt": DEPARTMENT_2024,
          "yen-bai-2024.txt": OTHER_PROVINCE_2024, "tinh-2025.txt": PROVINCE_2025,
          "xa-bao-ha-2025.txt": COMMUNE_2025, "xa-phong-hai-2025.txt": OTHER_COMMUNE_2025}

SO, TINH24, TINH25 = "12/KH-SNV@lao-cai/2024", "88/KH-UBND@lao-cai/2024", "05/KH-UBND@lao-cai/2025"
BAO_HA, PHONG_HAI = "05/KH-UBND@lao-cai.xa-bao-ha/2025", "09/KH-UBND@lao-cai.xa-phong-hai/2025"
YEN_BAI = "31/KH-STP@yen-bai/2024"

# (node, kind, level, label) of every node
NODES = {
    (TINH24, "plan", "province", "KH 88/KH-UBND (Lào Cai 2024)"),
    (SO, "plan", "department", "KH 12/KH-SNV (Lào Cai 2024)"),
    (YEN_BAI, "plan", "department", "KH 31/KH-STP (Yên Bái 2024)"),
    (TINH25, "plan", "province", "KH 05/KH-UBND (Lào Cai 2025)"),
    (BAO_HA, "plan", "commune", "KH 05/KH-UBND (xã Bảo Hà 2025)"),
    (PHONG_HAI, "plan", "commune", "KH 09/KH-UBND (xã Phong Hải 2025)"),
    ("76/NQ-CP", "document", "central", "NQ 76/NQ-CP"),
    ("27-NQ/TW", "document", "party", "NQ 27-NQ/TW"),
    ("61/2018/NĐ-CP", "document", "central", "NĐ 61/2018/NĐ-CP"),
    ("88/KH-UBND@yen-bai/2024", "document", "province", "KH 88/KH-UBND (Yên Bái 2024)"),
    ("17/QĐ-UBQGCĐS", "document", "central", "QĐ 17/QĐ-UBQGCĐS"),
    ("278/KH-UBND@lao-cai.huyen-bao-yen/2025", "document", "district",
     "KH 278/KH-UBND (huyện Bảo Yên 2025)"),
    ("02-TB/BCĐTW", "document", "party", "TB 02-TB/BCĐTW"),
}
# (source, target, role, occurrences) of every edge
EDGES = {
    (TINH24, "76/NQ-CP", "basis", 1),
    (TINH24, "27-NQ/TW", "basis", 1),
    (SO, "61/2018/NĐ-CP", "basis", 2),  # "ND-CP" (OCR) and "số ... NĐ-CP": one document
    (SO, "27-NQ/TW", "basis", 1),  # "27 - NQ/TW" without its date: the province's 27-NQ/TW
    (SO, TINH24, "basis", 2),  # dated, then "Kế hoạch 88/KH-UBND của UBND tỉnh": the plan's node
    (YEN_BAI, "88/KH-UBND@yen-bai/2024", "basis", 1),  # same number, other province
    (TINH25, "17/QĐ-UBQGCĐS", "basis", 1),
    (BAO_HA, "278/KH-UBND@lao-cai.huyen-bao-yen/2025", "basis", 1),
    (BAO_HA, "02-TB/BCĐTW", "basis", 1),  # national, though the commune is in Lào Cai
    (BAO_HA, "17/QĐ-UBQGCĐS", "basis", 1),  # cited without its issuer: the province's node
    (BAO_HA, SO, "basis", 1),
    (PHONG_HAI, TINH25, "basis", 1),  # the province's 05/KH-UBND ...
    (PHONG_HAI, BAO_HA, "basis", 1),  # ... and the commune's: two plans
}


@pytest.fixture(scope="module")
def folder_graph(tmp_path_factory):
    root = tmp_path_factory.mktemp("folder")
    for name, text in FOLDER.items():
        (root / name).write_text(text, encoding="utf-8")
    return build_graph(sorted(root.iterdir()))


def test_every_node_of_the_invented_folder(folder_graph):
    got = {(n, a["kind"], a["level"], a["label"]) for n, a in folder_graph.nodes(data=True)}
    assert got == NODES


def test_every_edge_of_the_invented_folder(folder_graph):
    got = {(s, t, d["role"], d["occurrences"]) for s, t, d in folder_graph.edges(data=True)}
    assert got == EDGES


def test_the_folder_order_changes_no_node_and_no_edge(folder_graph, tmp_path):
    for name, text in FOLDER.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    backwards = build_graph(sorted(tmp_path.iterdir(), reverse=True))
    assert set(backwards.nodes) == set(folder_graph.nodes)
    assert set(backwards.edges) == set(folder_graph.edges)


# ---------------------------------------------------------------------------------------------
# the rules one at a time
# ---------------------------------------------------------------------------------------------
def _cite(key, *, level="other", issuer=None, scope=None, year=None):
    return Citation(key, None, key.split("/")[0], year, key.rpartition("/")[2], issuer=issuer,
                    scope=scope, level=level)


@pytest.mark.parametrize(("key", "level", "issuer", "expected"), [
    ("02-TB/BCĐTW", "other", None, "party"),
    ("06-NQ/TU", "other", None, "party"),
    ("17/QĐ-UBQGCĐS", "other", None, "central"),
    ("1284/BTTTT-CĐS", "other", None, "central"),
    ("15/2020/TT-BTTTT", "other", None, "central"),
    ("12/KH-SNV", "other", None, "department"),
    ("45/KH-UBND", "other", None, "province"),
    ("5/BC-BCĐ", "other", None, "other"),  # a steering board: any province has one
    ("3/KH-BQL", "other", None, "other"),
    ("3/KH-BHXH", "other", None, "other"),  # the province's social insurance, or the nation's
    ("3/KH-BCH", "other", None, "other"),  # a province's military command
    ("3/KH-BDT", "other", None, "other"),  # a province's ethnic affairs board
    ("3/KH-BYT", "other", None, "central"),
    ("3/KH-BCH", "other", "Bộ Chỉ huy Quân sự tỉnh Lào Cai", "other"),
    ("3/KH-BYT", "other", "Bộ Y tế", "central"),
    ("278/KH-UBND", "other", "UBND huyện Đăk Hà", "district"),
    ("278/KH-UBND", "other", "Chủ tịch UBND thị xã Sa Pa", "district"),
    ("10/KH-UBND", "other", "Ủy ban nhân dân phường Hải Châu", "commune"),
    ("10/KH-UBND", "other", "UBND thị trấn Phố Ràng", "commune"),
    ("10/KH-UBND", "other", "Sở Nội vụ", "department"),
    ("10/QĐ-UBND", "other", "Ủy ban nhân dân tỉnh Lào Cai", "province"),
    ("01-QC/BCĐTW", "other", "Ban Chỉ đạo Trung ương về phát triển khoa học", "party"),
    ("10/KH-UBND", "province", "UBND huyện Đăk Hà", "province"),  # the extractor's level stands
])
def test_document_level(key, level, issuer, expected):
    assert document_level(_cite(key, level=level, issuer=issuer)) == expected


@pytest.mark.parametrize(("key", "level", "expected"), [
    ("57-NQ/TW", "party", True), ("01-QC/BCĐTW", "party", True), ("229-QĐ/BCĐ", "party", False),
    ("06-NQ/TU", "party", False), ("76/NQ-CP", "central", True), ("45/KH-UBND", "province", False),
])
def test_is_national(key, level, expected):
    assert is_national(key, level) is expected


@pytest.mark.parametrize(("issuer", "expected"), [
    ("Ủy ban nhân dân xã Bảo Hà, tỉnh Lào Cai", ("xa-bao-ha", "xã Bảo Hà")),
    ("UBND Huyện Bảo Yên tỉnh Lào Cai", ("huyen-bao-yen", "huyện Bảo Yên")),
    ("UBND thành phố Lào Cai", ("thanh-pho-lao-cai", "thành phố Lào Cai")),
    ("Ủy ban nhân dân thị xã Sa Pa", ("thi-xa-sa-pa", "thị xã Sa Pa")),
    ("Ủy ban nhân dân tỉnh Lào Cai", None),
    ("UBND xã", None),
    (None, None),
])
def test_locality(issuer, expected):
    assert locality(issuer) == expected


def test_a_number_in_two_years_of_one_province_leaves_a_bare_citation_alone():
    ids = Identities()
    cites = [_cite("45/KH-UBND", level="province", scope="Lào Cai", year=y) for y in (2023, 2024, None)]
    for c in cites:
        ids.add(c)
    assert [ids.resolve(c)[0] for c in cites] == [
        "45/KH-UBND@lao-cai/2023", "45/KH-UBND@lao-cai/2024", "45/KH-UBND@lao-cai"]


def test_a_citation_without_province_takes_the_only_one_the_folder_knows():
    ids = Identities()
    bare, placed = (_cite("45/KH-UBND", level="province", scope=s, year=2024) for s in (None, "Lào Cai"))
    ids.add(bare)
    ids.add(placed)
    assert ids.resolve(bare)[0] == "45/KH-UBND@lao-cai/2024"
    ids.add(_cite("45/KH-UBND", level="province", scope="Yên Bái", year=2024))
    assert ids.resolve(bare)[0] == "45/KH-UBND"  # two provinces: no guess


_KEYS = st.sampled_from(["45/KH-UBND", "7/QĐ-UBND", "61/2018/ND-CP", "61/2018/NĐ-CP", "57-NQ/TW",
                         "06-NQ/TU", "12/KH-SNV"])
_CITES = st.builds(
    _cite, _KEYS,
    level=st.sampled_from(["other", "province", "central", "party"]),
    issuer=st.sampled_from([None, "UBND huyện Bảo Yên", "UBND xã Bảo Hà", "Sở Nội vụ"]),
    scope=st.sampled_from([None, "Lào Cai", "Yên Bái"]),
    year=st.sampled_from([None, 2023, 2024]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_CITES, max_size=12), st.randoms(use_true_random=False))
def test_identities_do_not_depend_on_the_order_of_citations(cites, rng):
    """Which citations share a node is the same in any order; variants of a spelling share it."""
    def partition(order):
        ids = Identities()
        for c in order:
            ids.add(c)
        found = [ids.resolve(c)[0] for c in order]
        groups = {}
        for c, doc in zip(order, found, strict=True):
            groups.setdefault(norm_key(doc), set()).add(id(c))
        return {frozenset(g) for g in groups.values()}, found

    first, found = partition(cites)
    shuffled = list(cites)
    rng.shuffle(shuffled)
    assert partition(shuffled)[0] == first
    for c, doc in zip(cites, found, strict=True):
        assert norm_key(doc.partition("@")[0]) == norm_key(c.key)


# ---------------------------------------------------------------------------------------------
# the development corpus against its gold annotations
# ---------------------------------------------------------------------------------------------
CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def _norm(key: str) -> str:
    return "".join(fold(key).split())


def _gold_key(c: dict) -> str:
    if "/" in c["symbol"]:  # a Party number: 57-NQ/TW
        return _norm(f"{c['number']}-{c['symbol']}")
    return _norm("/".join(str(x) for x in (c["number"], c.get("year"), c["symbol"]) if x))


@pytest.fixture(scope="module")
def corpus_graph():
    if not (CORPUS / "gold.json").is_file():
        pytest.skip("the development corpus (../shared/corpus) is absent")
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    plans = read_corpus([CORPUS])
    return build_graph(plans), gold


def test_corpus_counts(corpus_graph):
    graph, _ = corpus_graph
    # session 8: + 63/2025/QH15, "Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025" of the Prime
    # Minister's 1589/QĐ-TTg, a law cited by name and date only (an implicit basis edge); + the
    # laws on IT, network information security and e-transactions, registered in s8-register
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (110, 99)
    assert [(u, v) for u, v, i in graph.edges(data="implicit") if i] == [
        ("1589/QĐ-TTg", "63/2025/QH15"), ("0155/KH-UBND@dak-lak/2025", "67/2006/QH11"),
        ("0155/KH-UBND@dak-lak/2025", "86/2015/QH13"), ("14084/KH-UBND@khanh-hoa/2024", "20/2023/QH15")]
    levels = Counter(level for _, level in graph.nodes(data="level"))
    assert levels == {"central": 53, "province": 28, "party": 22, "department": 4, "commune": 2,
                      "district": 1}
    roles = Counter(role for _, _, role in graph.edges(data="role"))
    # + 63/2025/QH15 by name; 1589/QĐ-TTg -> 72/2025/QH15 a basis by name (its title cites it)
    assert roles == {"basis": 91, "mention": 8}


# Documents the gold counts as mentions (it annotates numbers) that a plan also rests on by name in
# its Căn cứ clauses: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025" of the
# decision whose title cites 72/2025/QH15 by number. Their edge is a basis.
BASIS_BY_NAME = {("chinhphu_ttg_2025_1589.txt", "72/2025/qh15")}


def test_corpus_every_gold_citation_is_one_edge_with_its_role_and_level(corpus_graph):
    graph, gold = corpus_graph
    node_of = {Path(a["name"]).name: n for n, a in graph.nodes(data=True) if a["kind"] == "plan"}
    assert sorted(node_of) == sorted(gold)
    wrong = []
    for name, entry in sorted(gold.items()):
        source = node_of[name]
        got = {}
        for _, target, d in graph.out_edges(source, data=True):
            if d["implicit"]:
                continue  # a programme or a law cited by name only: the gold counts numbers
            role = d["role"]
            got.setdefault(_norm(graph.nodes[target]["key"]), []).append((role, graph.nodes[target]["level"]))
        want = {}
        for c in entry["citations"]:
            key = _gold_key(c)
            if key not in got:  # "Nghị quyết 06/TU": read as 06-NQ/TU, the type from the words
                loose = [k for k in got if re.fullmatch(re.escape(key.split("/")[0]) + r"-\w+/"
                                                        + re.escape(key.split("/")[-1]), k)]
                key = loose[0] if len(loose) == 1 else key
            roles, levels = want.setdefault(key, (set(), set()))
            roles.add(c["role"])
            levels.add(c["level"])
        for key, (roles, levels) in want.items():
            role = "basis" if "basis" in roles or (name, key) in BASIS_BY_NAME else "mention"
            if key not in got or len(got[key]) != 1 or got[key][0][0] != role or got[key][0][1] not in levels:
                wrong.append((name, key, role, sorted(levels), got.get(key)))
        wrong.extend((name, key, "extra", [], found) for key, found in got.items() if key not in want)
    assert wrong == []


def test_corpus_one_node_per_number(corpus_graph):
    graph, _ = corpus_graph
    by_key = Counter((_norm(a["key"] or n), a.get("scope"), a.get("year") if "@" in n else None)
                     for n, a in graph.nodes(data=True) if a["kind"] == "document")
    assert [k for k, count in by_key.items() if count > 1] == []


def test_corpus_documents_the_register_says_are_replaced_name_their_successor(corpus_graph):
    graph, _ = corpus_graph
    got = {n: (a["successor"], a["successor_from"]) for n, a in graph.nodes(data=True) if a["successor"]}
    assert got == {"61/2018/NĐ-CP": ("118/2025/NĐ-CP", dt.date(2025, 7, 1)),
                   "107/2021/NĐ-CP": ("118/2025/NĐ-CP", dt.date(2025, 7, 1)),
                   "86/2015/QH13": ("116/2025/QH15", dt.date(2026, 7, 1))}


def _label_boxes(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    bands = set(LEVEL_NAMES.values())
    return [(t.get_text(), t.get_bbox_patch().get_window_extent(renderer))
            for t in fig.axes[0].texts if t.get_text() not in bands]


@pytest.mark.parametrize("labels", ["auto", "all"])
def test_corpus_drawing_is_legible(corpus_graph, labels):
    graph, _ = corpus_graph
    fig = draw_graph(graph, labels=labels)
    boxes = _label_boxes(fig)
    overlapping = [(a, b) for (a, ba), (b, bb) in combinations(boxes, 2)
                   if ba.x0 < bb.x1 and bb.x0 < ba.x1 and ba.y0 < bb.y1 and bb.y0 < ba.y1]
    assert overlapping == []
    texts = {t for t, _ in boxes}
    assert {"NĐ 61/2018/NĐ-CP\n→ 118/2025/NĐ-CP", "NĐ 107/2021/NĐ-CP\n→ 118/2025/NĐ-CP"} <= texts
    assert len(boxes) == (110 if labels == "all" else 47)  # auto: 31 plans, 16 documents
    # the cascade top to bottom: the band names' heights in the order of the levels
    bands = {t.get_text(): t.xy[1] for t in fig.axes[0].texts if t.get_text() in set(LEVEL_NAMES.values())}
    order = [LEVEL_NAMES[lv] for lv in ("central", "party", "province", "department", "district", "commune")]
    assert sorted(bands, key=bands.get, reverse=True) == order


@pytest.mark.parametrize("ext", [".graphml", ".gexf", ".json"])
def test_corpus_exports_open_back_with_the_same_nodes_and_edges(corpus_graph, tmp_path, ext):
    graph, _ = corpus_graph
    path = write_graph(graph, tmp_path / f"corpus{ext}")
    if ext == ".graphml":
        got = nx.read_graphml(path)
    elif ext == ".gexf":
        got = nx.read_gexf(path)
    else:
        got = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    expected = portable(graph)
    assert sorted(got.nodes) == sorted(expected.nodes)
    assert sorted(got.edges) == sorted(expected.edges)
    assert {n: a for n, a in got.nodes(data=True)} == dict(expected.nodes(data=True))
    drop = ("id",) if ext == ".gexf" else ()  # GEXF numbers its edges
    assert {(s, t): {k: v for k, v in a.items() if k not in drop} for s, t, a in got.edges(data=True)} == {
        (s, t): a for s, t, a in expected.edges(data=True)}
    assert got.nodes["61/2018/NĐ-CP"]["successor_from"] == "2025-07-01"


def test_corpus_frames_and_notebook_view(corpus_graph):
    graph, _ = corpus_graph
    edges, nodes = graph.to_frame(), graph.to_frame("nodes")
    assert (len(edges), len(nodes)) == (99, 110)
    assert list(nodes.columns[:15]) == ["id", *NODE_FIELDS, "in_degree", "out_degree"][:15]
    html = graph._repr_html_()
    assert "31 kế hoạch / plans, 79 văn bản được dẫn / cited documents, 99 trích dẫn" in html
