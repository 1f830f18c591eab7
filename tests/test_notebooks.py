"""The notebooks: clean when committed, parameterised, and executed end to end into HTML reports."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from plankit.places import find_places
from plankit.report import run_report

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXPECTED = [
    "01-corpus.ipynb",
    "02-legal-basis-graph.ipynb",
    "03-can-tho-2022-vs-2025.ipynb",
    "04-stale-copy-check.ipynb",
    "05-draft-2026.ipynb",
    "06-template-authoring.ipynb",
]


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


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return run_report(ROOT / "plans", out, progress=False, parameters={"drafts_dir": str(out / "drafts")})


@pytest.mark.slow
def test_every_notebook_runs_and_exports_key_results(report):
    pages = {Path(n.html_path).name: Path(n.html_path).read_text(encoding="utf-8") for n in report.notebooks}
    assert sorted(pages) == [name.replace(".ipynb", ".html") for name in EXPECTED]
    index = Path(report.index).read_text(encoding="utf-8")
    for name in pages:
        assert f"href='{name}'" in index
    # the shared central basis, the bases added between 2022 and 2025, the stale closing year
    assert "76/NQ-CP" in pages["02-legal-basis-graph.html"]
    assert "4168/QĐ-UBND" in pages["03-can-tho-2022-vs-2025.html"]
    assert "258/KH-UBND" in pages["03-can-tho-2022-vs-2025.html"]
    stale = pages["04-stale-copy-check.html"]
    assert "stale-year" in stale and "nam 2024" in stale
    assert "data:image/png;base64" in pages["02-legal-basis-graph.html"]
    assert list((Path(report.index).parent / "drafts").glob("*.docx"))
    assert "unknown-variable" in pages["06-template-authoring.html"] and "titel" in pages["06-template-authoring.html"]


@pytest.mark.slow
def test_report_refuses_to_overwrite(report):
    from plankit import OutputExists

    with pytest.raises(OutputExists):
        run_report(ROOT / "plans", Path(report.index).parent, progress=False)


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


CHROME_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.mark.slow
def test_reports_render_in_headless_chromium(report, tmp_path):
    chromium = _chromium()
    if chromium is None:
        pytest.skip("chromium is not installed")
    page = Path(report.index).parent / "03-can-tho-2022-vs-2025.html"
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [chromium, *CHROME_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    ).stdout
    assert "<table" in dom and "258/KH-UBND" in dom
    shot = tmp_path / "graph.png"
    subprocess.run(
        [chromium, *CHROME_FLAGS, f"--user-data-dir={profile}", "--window-size=1280,2000",
         f"--screenshot={shot}", (Path(report.index).parent / "02-legal-basis-graph.html").as_uri()],
        capture_output=True, timeout=120, check=False,
    )
    import matplotlib.image as mpimg

    image = mpimg.imread(str(shot))
    assert image.shape[:2] == (2000, 1280)
    assert image.std() > 0.05  # not a blank page
