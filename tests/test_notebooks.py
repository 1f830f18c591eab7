"""The notebooks: clean when committed, runnable as `make lab` opens them, and `plankit report` on any
folder gives pages a manager can read (no code, no absolute path, a summarising index)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import nbformat
import pytest

from plankit.cli import main
from plankit.places import find_places
from plankit.report import notebook_parameters, run_report

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"  # a symlink to plankit/notebooks, as `make lab` opens it
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
EXPECTED = [
    "01-corpus.ipynb",
    "02-legal-basis-graph.ipynb",
    "03-year-on-year.ipynb",
    "04-stale-copy-check.ipynb",
    "05-draft-next-year.ipynb",
    "06-template-authoring.ipynb",
]
PAGES = [name.replace(".ipynb", ".html") for name in EXPECTED]


def test_the_five_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebooks_carry_no_outputs(path):
    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_parameters_cell_and_no_year_or_place_in_markdown(path):
    nb = nbformat.read(str(path), as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and "plans_dir" in tagged[0].source
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            assert not re.search(r"\b(19|20)\d\d\b", cell.source), cell.source
            assert find_places(cell.source) == [], cell.source


def test_notebook_parameters_are_read_from_the_tagged_cell():
    assert notebook_parameters(NOTEBOOK_DIR / "03-year-on-year.ipynb") == {
        "plans_dir": "../plans", "old_plan": None, "new_plan": None,
    }
    assert set(notebook_parameters(NOTEBOOK_DIR / "05-draft-next-year.ipynb")) == {
        "plans_dir", "previous_plan", "reference_plan", "draft_year", "basis", "out_dir",
    }


# -- as `make lab` opens them: notebooks/ is the working directory, default parameters -------------


# caches other tests and tools write meanwhile (the suite runs on several workers): not outputs
_CACHES = {".ipynb_checkpoints", "__pycache__", ".venv", ".git", ".hypothesis", ".pytest_cache", ".ruff_cache"}


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if _CACHES.isdisjoint(p.relative_to(folder).parts)}


@pytest.fixture(scope="module")
def lab_run():
    """Every notebook executed with its own defaults from notebooks/, outputs by notebook."""
    from nbclient import NotebookClient

    before = _tree(ROOT)
    executed = {}
    for path in NOTEBOOKS:
        nb = nbformat.read(str(path), as_version=4)
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOK_DIR)}}).execute(stderr=subprocess.DEVNULL)
        executed[path.name] = nb
    return executed, before, _tree(ROOT)


def _outputs(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts += [str(v) for v in out.get("data", {}).values()] + [out.get("text", "")]
    return "\n".join(parts)


@pytest.mark.slow
def test_notebooks_run_with_their_defaults_from_the_notebooks_folder(lab_run):
    executed, before, after = lab_run
    assert sorted(executed) == EXPECTED
    out = {name: _outputs(nb) for name, nb in executed.items()}
    assert "5 kế hoạch đọc được, 0 tệp không đọc được" in out["01-corpus.ipynb"]
    # the scan's subject ("Cong tac thong tin, tuyén truyén ... nim 2025" as OCR read it) restored, and marked so
    assert ("Công tác thông tin, tuyên truyền cải cách hành chính năm 2025 (bản quét, đã khôi phục dấu / scan, "
            "diacritics restored)") in out["01-corpus.ipynb"]
    assert "76/NQ-CP" in out["02-legal-basis-graph.ipynb"] and "image/png" in str(executed["02-legal-basis-graph.ipynb"])
    # the pair is found by itself: same issuer, 2022 and 2025; the bases added between them
    assert "Sở Khoa học và Công nghệ thành phố Cần Thơ: 2022 → 2025" in out["03-year-on-year.ipynb"]
    assert "258/KH-UBND" in out["03-year-on-year.ipynb"] and "4168/QĐ-UBND" in out["03-year-on-year.ipynb"]
    assert "stale-year" in out["04-stale-copy-check.ipynb"] and "nam 2024" in out["04-stale-copy-check.ipynb"]
    # every issuer drafted from its own latest plan, with its own basis (never Cần Thơ's for another)
    drafts = out["05-draft-next-year.ipynb"]
    assert "Sở Công Thương tỉnh Hải Dương: 2022 → 2023" in drafts
    hai_duong = drafts[drafts.index("Sở Công Thương tỉnh Hải Dương: 2022 → 2023"):]
    hai_duong = hai_duong[: hai_duong.find("Hưng Yên: 2022 → 2023")]
    assert "Cần Thơ" not in hai_duong
    assert after == before  # nothing written: no ../drafts, no stray files


# -- plankit report on a folder of plans written for this test -----------------------------------

HEAD = """UBND TỈNH {province_upper}
{issuer_upper}
Số: {number}/KH-{symbol}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{province}, ngày {day} tháng 01 năm {year}
KẾ HOẠCH
Thông tin, tuyên truyền cải cách hành chính năm {year}
Căn cứ Kế hoạch số {basis}/KH-UBND ngày 20/12/{prev} của Ủy ban nhân dân tỉnh {province} về cải cách hành chính năm {year};
{issuer} xây dựng Kế hoạch thông tin, tuyên truyền cải cách hành chính năm {year} như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của cán bộ, công chức, viên chức và người dân về cải cách hành chính.
2. Yêu cầu
Công tác tuyên truyền phải thiết thực, đúng đối tượng, bám sát nhiệm vụ của đơn vị.
II. NỘI DUNG TUYÊN TRUYỀN
1. Tuyên truyền các văn bản chỉ đạo của Trung ương và của tỉnh về cải cách hành chính năm {body_year}.
2. Tuyên truyền kết quả thực hiện cơ chế một cửa, một cửa liên thông.
III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở căn cứ Kế hoạch này triển khai thực hiện.
Trên đây là Kế hoạch thông tin, tuyên truyền cải cách hành chính năm {year} của {issuer}./.
GIÁM ĐỐC
Trần Văn Bình
"""


def _plan(issuer: str, province: str, year: int, *, number: int, symbol: str, body_year: int | None = None) -> str:
    return HEAD.format(
        issuer=issuer, issuer_upper=issuer.upper(), province=province, province_upper=province.upper(),
        number=number, symbol=symbol, day=12, year=year, prev=year - 1, basis=300 + year % 100,
        body_year=body_year or year,
    )


def _strip_marks(text: str) -> str:
    """What a poor scan's OCR gives: Vietnamese without its marks."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


@pytest.fixture(scope="module")
def own_folder(tmp_path_factory):
    """Plans of issuers, places, names and years the bundled plans do not have."""
    base = tmp_path_factory.mktemp("officer")
    plans = base / "ke-hoach cua toi"
    (plans / "noi-vu").mkdir(parents=True)
    (plans / "tu-phap").mkdir()
    (plans / "noi-vu" / "kh-tuyen-truyen-cu.txt").write_text(
        _plan("Sở Nội vụ", "Quảng Nam", 2023, number=15, symbol="SNV"), encoding="utf-8")
    # the same issuer a year later, with last year's year left in the body
    (plans / "noi-vu" / "kh-tuyen-truyen-moi.txt").write_text(
        _plan("Sở Nội vụ", "Quảng Nam", 2024, number=9, symbol="SNV", body_year=2023), encoding="utf-8")
    # a scanned plan of another issuer: OCR text with the marks lost
    (plans / "tu-phap" / "ban-scan.txt").write_text(
        _strip_marks(_plan("Sở Tư pháp", "Bình Định", 2024, number=31, symbol="STP")), encoding="utf-8")
    (plans / "tu-phap" / "rong.txt").write_text("", encoding="utf-8")  # unreadable: empty
    # folders by province and year, the same file name in each, spaces and Vietnamese letters
    for province, issuer, symbol, body_year in (("Quảng Ninh", "Sở Y tế", "SYT", 2024),
                                                ("Lạng Sơn", "Sở Tài chính", "STC", 2023)):
        (plans / province / "năm 2024").mkdir(parents=True)
        (plans / province / "năm 2024" / "kế hoạch.txt").write_text(
            _plan(issuer, province, 2024, number=7, symbol=symbol, body_year=body_year), encoding="utf-8")
    return base, plans


@pytest.fixture(scope="module")
def own_report(own_folder):
    base, plans = own_folder
    before = _tree(base)
    out = base / "bao-cao"
    code = main(["report", "--plans", str(plans), "--out", str(out), "-p", "today=2026-01-15"])
    return code, base, plans, out, before


@pytest.mark.slow
def test_report_on_an_officers_folder(own_report):
    code, base, _, out, before = own_report
    assert code == 1  # tu-phap/rong.txt could not be read: as read/lint say it
    pages = {name: (out / name).read_text(encoding="utf-8") for name in PAGES}
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in PAGES:
        assert f"href='{name}'" in index
    # the index summarises the folder
    assert "Kế hoạch đọc được" in index and "<td>5</td>" in index
    assert "Tệp không đọc được" in index and "<td>1: tu-phap/rong.txt (tệp rỗng / empty file)</td>" in index
    # the corpus page's table has the file in one column and only the reason in the other
    assert "<td>tu-phap/rong.txt</td><td>tệp rỗng / empty file</td>" in pages["01-corpus.html"]
    assert "noi-vu/kh-tuyen-truyen-cu.txt → noi-vu/kh-tuyen-truyen-moi.txt" in index
    assert "lỗi / errors" in index and "drafts/noi-vu-kh-tuyen-truyen-moi-2025.docx" in index
    # the notebooks found their own inputs
    assert "Sở Nội vụ tỉnh Quảng Nam: 2023 → 2024" in pages["03-year-on-year.html"]
    assert "Sở Nội vụ tỉnh Quảng Nam: 2024 → 2025" in pages["05-draft-next-year.html"]
    assert "Sở Tư pháp tỉnh Bình Định: 2024 → 2025" in pages["05-draft-next-year.html"]
    assert "Cần Thơ" not in pages["05-draft-next-year.html"]
    assert "stale-year" in pages["04-stale-copy-check.html"]
    for name, page in {**pages, "index.html": index}.items():
        assert str(base) not in page and str(ROOT) not in page and "site-packages" not in page, name
        assert "hl-ipython3" not in page and "import plankit" not in page, name  # no code cell
        assert "\x1b[" not in page and ">None<" not in page and ">nan<" not in page, name
    # nothing outside --out; the drafts inside it
    assert {p for p in _tree(base) - before if not p.startswith("bao-cao")} == set()
    assert sorted(p.name for p in (out / "drafts").glob("*.docx")) == [
        "Lạng Sơn-năm 2024-kế hoạch-2025.docx", "Quảng Ninh-năm 2024-kế hoạch-2025.docx",
        "noi-vu-kh-tuyen-truyen-moi-2025.docx", "tu-phap-ban-scan-2025.docx",
    ]
    # every level of a nested folder is named: the two "năm 2024/kế hoạch.txt" are two plans, each with
    # its findings (the Lạng Sơn one keeps last year's year in its body), its draft and a working link
    lint = pages["04-stale-copy-check.html"]
    assert "Lạng Sơn/năm 2024/kế hoạch.txt" in lint and "Quảng Ninh/năm 2024/kế hoạch.txt" not in lint
    drafts = pages["05-draft-next-year.html"]
    assert "drafted from Quảng Ninh/năm 2024/kế hoạch.txt" in drafts
    assert 'href="drafts/L%E1%BA%A1ng%20S%C6%A1n-n%C4%83m%202024-k%E1%BA%BF%20ho%E1%BA%A1ch-2025.docx"' in drafts
    assert "](drafts/" not in drafts  # no Markdown link left unrendered
    # the year-on-year counts: every kind in its fixed order, named in both languages, zeros shown
    year = pages["03-year-on-year.html"]
    kinds = ["Đổi năm / expected", "Căn cứ / basis", "Nội dung / substantive",
             "Cách viết / form (case, spacing, punctuation)", "Lỗi bị chép lại / carried error"]
    assert [year.index(f"<td>{k}</td>") for k in kinds] == sorted(year.index(f"<td>{k}</td>") for k in kinds)
    assert "<td>form</td>" not in year
    # the index names each page in both languages
    assert "Soát lỗi sao chép</a><span class='pk-en'>Stale copy-paste check</span>" in index
    assert "Mẫu văn bản của tỉnh</a><span class='pk-en'>Authoring a Word template</span>" in index
    # the template notebook checks a faulty template and names the nearest variable
    assert "unknown-variable" in pages["06-template-authoring.html"] and "titel" in pages["06-template-authoring.html"]
    assert "mau-co-loi.docx: 2 lỗi, 3 cảnh báo, 10 lưu ý" in pages["06-template-authoring.html"]


@pytest.mark.slow
def test_report_refuses_to_overwrite(own_report, capsys):
    _, _, plans, out, _ = own_report
    assert main(["report", "--plans", str(plans), "--out", str(out)]) == 2
    assert "01-corpus.html" in capsys.readouterr().err


def test_unknown_parameter_is_refused_before_any_kernel_starts(tmp_path, capsys):
    code = main(["report", "--plans", str(ROOT / "plans"), "--out", str(tmp_path / "r"), "-p", "new_year=2025"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "unknown parameter 'new_year'" in err and "previous_plan" in err
    assert not (tmp_path / "r").exists()


def test_missing_report_extra_is_one_line_and_exit_2(monkeypatch, tmp_path, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "nbclient" else real(name, *a))
    for argv in (["report", "--out", str(tmp_path / "r")], ["demo", "--out", str(tmp_path / "r")]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err == "plankit: lỗi / error: thiếu gói phụ 'report' / missing the 'report' extra: " \
                      "pip install 'plankit[report]' (nbclient)\n"


@pytest.mark.slow
def test_draft_notebook_takes_one_basis_clause_as_a_string(own_folder, tmp_path):
    _, plans = own_folder
    nb_dir = tmp_path / "nb"
    nb_dir.mkdir()
    shutil.copy(NOTEBOOK_DIR / "05-draft-next-year.ipynb", nb_dir)
    clause = "Quyết định số 5/QĐ-UBND ngày 05/01/2025 của Ủy ban nhân dân tỉnh Quảng Nam"
    report = run_report(plans, tmp_path / "out", notebooks=nb_dir, progress=False, parameters={
        "previous_plan": Path("noi-vu/kh-tuyen-truyen-moi.txt"), "basis": clause,
    })
    page = Path(report.notebooks[0].html_path).read_text(encoding="utf-8")
    assert page.count("Căn cứ Quyết định số 5/QĐ-UBND") == 1
    assert "Căn cứ Q;" not in page and "Căn cứ u;" not in page


@pytest.mark.slow
def test_a_failing_notebook_is_saved_next_to_its_page(tmp_path):
    from plankit.errors import ReportError

    nb_dir = tmp_path / "nb"
    nb_dir.mkdir()
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Hỏng"),
        nbformat.v4.new_code_cell('plans_dir = "."', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("raise ValueError('không có dữ liệu')"),
    ])
    nbformat.write(nb, str(nb_dir / "09-broken.ipynb"))
    with pytest.raises(ReportError) as info:
        run_report(ROOT / "plans", tmp_path / "out", notebooks=nb_dir, progress=False)
    assert str(info.value) == "09-broken.ipynb: ValueError: không có dữ liệu (saved as 09-broken.failed.ipynb)"
    assert (tmp_path / "out" / "09-broken.failed.ipynb").is_file()
    assert "lỗi / failed" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


# -- what a browser shows ------------------------------------------------------------------------


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


CHROME_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--hide-scrollbars",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.mark.slow
def test_every_page_renders_in_headless_chromium(own_report, tmp_path):
    chromium = _chromium()
    if chromium is None:
        pytest.skip("chromium is not installed")
    _, _, _, out, _ = own_report
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [chromium, *CHROME_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom",
         (out / "03-year-on-year.html").as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    ).stdout
    assert "pk-table" in dom and "Sở Nội vụ" in dom
    import matplotlib.image as mpimg

    for name in ["index.html", *PAGES]:
        shot = tmp_path / f"{name}.png"
        subprocess.run(
            [chromium, *CHROME_FLAGS, f"--user-data-dir={profile}", "--window-size=1200,1600",
             f"--screenshot={shot}", (out / name).as_uri()],
            capture_output=True, timeout=120, check=False,
        )
        image = mpimg.imread(str(shot))
        assert image.shape[:2] == (1600, 1200), name
        assert image.std() > 0.05, name  # not a blank page
