"""The graph of a folder does not depend on the copies it holds: the development corpus
(``../shared/corpus``, skipped when absent) under every artefact of a real copy
(``tests/test_read_perturb.py``) is the same graph, and a folder holding each plan as .txt,
.docx and .pdf has one node per plan. Invented plans check the same without the corpus.
"""

from __future__ import annotations

import importlib.util
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plankit import build_graph, read_corpus, read_text


def _perturb():
    """tests/test_read_perturb.py, loaded by path (tests/ is not a package)."""
    name = "_plankit_test_read_perturb"
    if name not in sys.modules:
        path = Path(__file__).resolve().parent / "test_read_perturb.py"
        spec = importlib.util.spec_from_file_location(name, path)
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


P = _perturb()


def _shape(graph) -> tuple[set, set]:
    """Nodes and edges with roles; a plan known only by its file is named by the file's stem,
    which every copy shares (``plan:x/kh.docx`` and ``plan:y/kh.txt`` are ``plan:kh``)."""
    def name(node: str) -> str:
        return f"plan:{Path(node[5:]).stem}" if node.startswith("plan:") else node

    return ({name(n) for n in graph.nodes},
            {(name(s), name(t), d["role"]) for s, t, d in graph.edges(data=True)})


def _corpus_graph(texts: dict[str, str]):
    return build_graph([read_text(text, name) for name, text in texts.items()])


def _need_corpus() -> None:
    if P.NAMES == ["(no corpus)"]:
        pytest.skip("../shared/corpus is absent (the development corpus is not part of the repository)")


def test_the_corpus_graph():
    _need_corpus()
    graph = _corpus_graph({n: P._text(n) for n in P.NAMES})
    # + 63/2025/QH15, 67/2006/QH11, 86/2015/QH13, 20/2023/QH15, laws cited by name
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (110, 99)


@pytest.mark.parametrize("artefact", list(P.ARTEFACTS))
def test_an_artefact_leaves_the_corpus_graph_unchanged(artefact):
    _need_corpus()
    base = _corpus_graph({n: P._text(n) for n in P.NAMES})
    copied = _corpus_graph({n: P._apply(artefact, n) for n in P.NAMES})
    assert _shape(copied) == _shape(base)


@pytest.mark.parametrize("seed", range(4))
def test_artefacts_together_leave_the_corpus_graph_unchanged(seed):
    """One of each group at random per document, in the order a copy adds them."""
    _need_corpus()
    rng = random.Random(seed)
    texts = {}
    for n in P.NAMES:
        text = P._text(n)
        for group in P.GROUPS:
            if rng.random() < 0.6:
                text = P.ARTEFACTS[rng.choice(group)](text, rng, P._gold()[n])
        texts[n] = text
    assert _shape(_corpus_graph(texts)) == _shape(_corpus_graph({n: P._text(n) for n in P.NAMES}))


# -- the same plans as .txt, .docx and .pdf ------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _convert(files: list[Path], fmt: str, out: Path, profile: Path) -> None:
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--infilter=Text (encoded):UTF8,LF,Liberation Serif,vi", "--convert-to", fmt, "--outdir", str(out),
         *map(str, files)],
        check=True, capture_output=True, timeout=1800,
    )


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_folder_of_txt_docx_and_pdf_copies_of_the_corpus_has_one_node_per_document(tmp_path):
    """LibreOffice makes a .docx and a .pdf of every corpus text (in tmp_path, never in the
    repository); the folder of all three is the graph of the texts alone, every plan once."""
    _need_corpus()
    texts = tmp_path / "txt"
    texts.mkdir()
    for n in P.NAMES:
        (texts / n).write_text(P._text(n), encoding="utf-8")
    mixed = tmp_path / "mixed"
    _convert(sorted(texts.iterdir()), "docx:MS Word 2007 XML", mixed, tmp_path / "lo")
    _convert(sorted(texts.iterdir()), "pdf", mixed, tmp_path / "lo")
    for f in texts.iterdir():
        shutil.copy(f, mixed / f.name)
    assert len(list(mixed.iterdir())) == 3 * len(P.NAMES)
    graph = build_graph(read_corpus([mixed]))
    assert _shape(graph) == _shape(build_graph(read_corpus([texts])))
    plans = [d for _, d in graph.nodes(data=True) if d["kind"] == "plan"]
    assert len(plans) == len(P.NAMES) and all(len(d["copies"]) == 2 for d in plans)


# Written for this test: a department's plan in a real layout.
PLAN = """\
UBND TỈNH THÁI NGUYÊN
SỞ NỘI VỤ
Số: 215/KH-SNV
Thái Nguyên, ngày 02 tháng 02 năm 2024
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
Căn cứ Kế hoạch số 18/KH-UBND ngày 25/01/2024 của Ủy ban nhân dân tỉnh Thái Nguyên;
I. MỤC ĐÍCH, YÊU CẦU
Thực hiện tốt Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ.
"""


def _docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def _pdf(path: Path, text: str) -> None:
    path.write_bytes(P._pdf([text.splitlines()]))


def test_a_plan_as_txt_docx_and_pdf_is_one_node(tmp_path):
    one = tmp_path / "one"
    one.mkdir()
    (one / "kh-215.txt").write_text(PLAN, encoding="utf-8")
    three = tmp_path / "three"
    three.mkdir()
    (three / "kh-215.txt").write_text(PLAN, encoding="utf-8")
    _docx(three / "kh-215.docx", PLAN)
    _pdf(three / "kh-215.pdf", PLAN)
    graph = build_graph(read_corpus([three]))
    assert _shape(graph) == _shape(build_graph(read_corpus([one])))
    node = graph.nodes["215/KH-SNV@thai-nguyen/2024"]
    assert (node["name"], node["copies"]) == ("three/kh-215.docx", ("three/kh-215.pdf", "three/kh-215.txt"))
