"""OCR of scans as they come: tilted, stamped, noisy, at 150-300 dpi, and searchable PDFs.

The scans are built here: a plan written with python-docx (a header in two columns, a basis
clause with three citations, a signature block), rendered to PDF by LibreOffice, rasterised
and degraded with Pillow (``benchmarks/bench_ocr.py`` holds the builders, so that the benchmark
measures the same scans).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_ocr import BODY_ONE_PAGE, char_accuracy, facts, scan, to_pdf, write_plan_docx  # noqa: E402

needs_tools = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm") and shutil.which("tesseract")),
    reason="needs LibreOffice, poppler-utils and Tesseract",
)


# -- the image preparation, without Tesseract ---------------------------------------------------
@pytest.mark.parametrize("tilt", [-2.0, -1.0, 0.0, 0.6, 1.5, 2.0])
def test_skew_angle_of_lines_of_print(tilt):
    from PIL import Image, ImageDraw

    from plankit.read._ocr import skew_angle

    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    for y in range(150, 1600, 45):  # lines of words: dark runs with gaps
        for x in range(150, 1100, 90):
            draw.rectangle((x, y, x + 70, y + 14), fill=0)
    turned = page.rotate(tilt, resample=Image.BICUBIC, fillcolor=255)
    assert skew_angle(turned) == pytest.approx(tilt, abs=0.1)


def test_despeckle_removes_dust_and_keeps_the_dot_under_a_letter():
    import numpy as np
    from PIL import Image

    from plankit.read._ocr import _despeckle

    page = np.full((200, 300), 255, np.uint8)
    page[50:54, 40:120] = 0  # a stroke
    page[59:66, 59:66] = 160  # the dot under "ạ": a 5 x 5 core in a grey halo
    page[60:65, 60:65] = 0
    page[150, 150] = 0  # dust: one pixel
    page[120:122, 200:202] = 40  # dust: 2 x 2
    clean = np.asarray(_despeckle(Image.fromarray(page)))
    assert clean[150, 150] == 255 and clean[120, 200] == 255
    assert (clean[50:54, 42:118] == 0).all() and (clean[60:65, 60:65] == 0).all()  # corners may go


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        ("KẾ HOẠCH\nTuyên truyền cải cách hành chính nhà nước năm 2022", False),
        ("'. ,- —_ ‘ .. :: |' ~ ., '' ; ., -_ .. : ' ~ ‘ : ., -.", True),  # a sideways page
        ("", True),
    ],
)
def test_looks_unread(text, unread):
    from plankit.read._ocr import _looks_unread

    assert _looks_unread(text) is unread


# -- scans as they come -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def original(tmp_path_factory):
    """The plan as .docx and as the PDF LibreOffice renders from it."""
    if not (shutil.which("soffice") and shutil.which("pdftoppm") and shutil.which("tesseract")):
        pytest.skip("needs LibreOffice, poppler-utils and Tesseract")
    from plankit.read._ocr import ocr_available

    if not ocr_available():
        pytest.skip("Tesseract's Vietnamese model (tesseract-ocr-vie) is not installed")
    folder = tmp_path_factory.mktemp("ocr")
    docx_path = write_plan_docx(folder / "ke-hoach.docx", BODY_ONE_PAGE)
    return docx_path, to_pdf(docx_path)


@pytest.mark.slow
@needs_tools
@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_degraded_scan_reads_to_the_same_header_and_citations(original, tmp_path, dpi):
    from plankit.read import read_plan

    docx_path, pdf = original
    degraded = scan(pdf, tmp_path / f"scan-{dpi}.pdf", dpi=dpi, tilt=1.5 if dpi != 200 else -1.2,
                    stamp=True, noise=0.001, seed=dpi)
    plan = read_plan(degraded)
    assert plan.source.ocr
    expected = facts(read_plan(docx_path))
    assert expected["citations"] == ["181/KH-SCT", "4707/KH-UBND", "76/NQ-CP"]
    assert expected["signer"] == "Trần Văn Hảo"
    assert facts(plan) == expected
    layer = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    assert char_accuracy(layer.stdout.decode("utf-8"), plan.text) >= 0.99


@pytest.mark.slow
@needs_tools
def test_searchable_pdf_beside_the_scan(original, tmp_path):
    from pypdf import PdfReader

    from plankit.errors import OutputError, OutputExists
    from plankit.read._ocr import ocr_pdf

    _, pdf = original
    scanned = scan(pdf, tmp_path / "scan.pdf", dpi=200, tilt=1.0)
    before = hashlib.sha256(scanned.read_bytes()).hexdigest()
    target = tmp_path / "scan.searchable.pdf"
    text = ocr_pdf(scanned, searchable=target)
    assert "181/KH-SCT" in text
    layer = PdfReader(str(target)).pages[0].extract_text()
    assert "181/KH-SCT" in layer and "76/NQ-CP" in layer
    assert hashlib.sha256(scanned.read_bytes()).hexdigest() == before  # the input is untouched
    made = target.stat().st_mtime_ns
    with pytest.raises(OutputExists):
        ocr_pdf(scanned, searchable=target)  # refused before any OCR
    assert target.stat().st_mtime_ns == made
    ocr_pdf(scanned, searchable=target, force=True)
    with pytest.raises(OutputError):
        ocr_pdf(scanned, searchable=scanned, force=True)  # never over the scan itself
    assert hashlib.sha256(scanned.read_bytes()).hexdigest() == before


@pytest.mark.slow
@needs_tools
def test_page_scanned_upside_down_is_turned_upright(original, tmp_path):
    from PIL import Image

    from plankit.read import read_plan

    _, pdf = original
    scanned = scan(pdf, tmp_path / "scan.pdf", dpi=200)
    page = tmp_path / "page.png"
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(scanned), str(tmp_path / "page")], check=True)
    with Image.open(page) as image:
        image.rotate(180).save(tmp_path / "upside-down.png", dpi=(200, 200))
    plan = read_plan(tmp_path / "upside-down.png")
    assert plan.header.reference == "181/KH-SCT"
    assert plan.header.date.isoformat() == "2022-02-07"


@pytest.mark.slow
@needs_tools
def test_cli_read_writes_a_searchable_pdf_and_never_over_one(original, tmp_path, capsys):
    from plankit.cli import main

    _, pdf = original
    scanned = scan(pdf, tmp_path / "scan.pdf", dpi=200)
    assert main(["read", str(scanned), "--searchable", "--format", "csv"]) == 0
    assert (tmp_path / "scan.searchable.pdf").is_file()
    assert "181,KH-SCT" in capsys.readouterr().out
    from plankit.corpus import plan_files

    assert plan_files([tmp_path]) == [scanned]  # the folder holds one plan, not two
    assert main(["read", str(scanned), "--searchable"]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'scan.searchable.pdf'}" in err
