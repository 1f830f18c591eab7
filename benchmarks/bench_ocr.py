"""OCR speed and accuracy: scanned plans read by Tesseract, today's method against the old one.

**Speed.** A 4-page plan (a header in two columns, the body of the bundled Hải Dương plan, a
signature block) is written as .docx with python-docx, rendered to PDF by LibreOffice and
rasterised at 300 dpi into an image-only PDF (a scan). In one run, on the same file:

* ``before``: the method before issue 21: all pages rendered as PNG by one ``pdftoppm -png``,
  then Tesseract on each page in turn with its default OpenMP threads;
* ``after``: :func:`plankit.read._ocr.ocr_pdf`: pages rendered one by one as greyscale images
  and read in parallel, one single-threaded Tesseract per core (``OMP_THREAD_LIMIT=1``), at
  200 and at 300 dpi.

Pages per second and the ratio (target >= 4x on two cores) are reported with the load average,
since the machine is shared, and the CPU seconds per page (this process, where pages are
straightened, and its children pdftoppm and Tesseract), which load does not inflate.

**Accuracy.** The first page is degraded as scans come: rasterised at 150, 200 and 300 dpi,
turned by 1.5 degrees, a red round stamp over the signature, a little salt-and-pepper noise,
saved as an image-only PDF. Each is read with :func:`plankit.read_plan`; character accuracy is
``difflib`` similarity of the recognised text and the text of the original PDF (white space
removed, NFC; target >= 99 %), and the header fields and citation keys must equal those of the
original .docx read directly.

**OCRmyPDF.** The hardest degraded scan is also read by OCRmyPDF with its own preprocessing
(``--deskew --rotate-pages``; ``--clean`` when unpaper is installed), against ``ocr_pdf``: CPU
seconds per page and accuracy (``ocrmypdf`` in the results; needs ``pip install ocrmypdf``, part
of the ``bench`` extra). It lost on both (docs/scale.md), so it is no engine of plankit.

Run: ``.venv/bin/python -m benchmarks ocr`` (``--quick``: the 300 dpi scan only) or
``.venv/bin/python -m benchmarks.bench_ocr``.
"""

from __future__ import annotations

import difflib
import json
import math
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TARGET_SPEEDUP = 4.0
TARGET_ACCURACY = 0.99
HEADER_FIELDS = ("doc_type", "number", "symbol", "issuer", "parent", "place", "date", "year", "signer")

# -- the plan -----------------------------------------------------------------------------------
LEFT = ("UBND TỈNH HẢI DƯƠNG", "SỞ CÔNG THƯƠNG", "Số: 181/KH-SCT")
RIGHT = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hải Dương, ngày 07 tháng 02 năm 2022")
TITLE = ("KẾ HOẠCH", "Tuyên truyền cải cách hành chính nhà nước năm 2022")
BASIS = (
    "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể "
    "cải cách hành chính nhà nước giai đoạn 2021-2030; Kế hoạch số 4707/KH-UBND ngày 24/12/2021 "
    "của UBND tỉnh về cải cách hành chính nhà nước tỉnh Hải Dương năm 2022, Sở Công Thương xây "
    "dựng Kế hoạch tuyên truyền cải cách hành chính năm 2022, cụ thể như sau:"
)
BODY_ONE_PAGE = (
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "- Đẩy mạnh công tác thông tin, tuyên truyền kịp thời các chủ trương, chính sách của Trung "
    "ương, của tỉnh về công tác cải cách hành chính.",
    "2. Yêu cầu",
    "- Tuyên truyền gắn với lộ trình thực hiện các mục tiêu của Chương trình tổng thể.",
    "II. TỔ CHỨC THỰC HIỆN",
    "Văn phòng Sở chủ trì, phối hợp với các phòng triển khai thực hiện Kế hoạch này.",
)
SIGNATURE = ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "", "Trần Văn Hảo")
RECEIVERS = ("Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.")


def body_four_pages() -> list[str]:
    """The body of the bundled Hải Dương plan after its header: about four pages at 13 pt."""
    text = unicodedata.normalize("NFC", (REPO / "plans" / "hai-duong" / "2022-so-cong-thuong.txt").read_text("utf-8"))
    lines = [line.strip() for line in text.splitlines()]
    start = next(k for k, line in enumerate(lines) if line.startswith("I. MỤC ĐÍCH"))
    stop = next((k for k, line in enumerate(lines) if line.startswith("Nơi nhận")), len(lines))
    return [line for line in lines[start:stop] if line and not line.startswith(("KT.", "PHÓ GIÁM", "GIÁM ĐỐC"))]


def write_plan_docx(path: Path, body: list[str] | tuple[str, ...]) -> Path:
    """A plan as an officer types it: header table, title, basis, body, signature table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(13)

    def cell_lines(cell, lines, bold=(), width=None):
        cell.width = width or Cm(8)
        cell.paragraphs[0].text = ""
        for k, line in enumerate(lines):
            para = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            run = para.add_run(line)
            run.bold = line in bold
            run.font.size = Pt(12)
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER

    section = document.sections[0]
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    header = document.add_table(rows=1, cols=2)
    header.autofit = False
    cell_lines(header.cell(0, 0), LEFT, bold=(LEFT[1],), width=Cm(6))
    cell_lines(header.cell(0, 1), RIGHT, bold=RIGHT[:2], width=Cm(10))
    header.columns[0].width, header.columns[1].width = Cm(6), Cm(10)
    document.add_paragraph()
    for line in TITLE:
        para = document.add_paragraph()
        para.add_run(line).bold = True
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(BASIS)
    for line in body:
        document.add_paragraph(line)
    sign = document.add_table(rows=1, cols=2)
    sign.autofit = False
    cell_lines(sign.cell(0, 0), RECEIVERS, width=Cm(8))
    cell_lines(sign.cell(0, 1), SIGNATURE, bold=SIGNATURE, width=Cm(8))
    sign.columns[0].width, sign.columns[1].width = Cm(8), Cm(8)
    document.save(path)
    return path


def to_pdf(docx_path: Path) -> Path:
    """The .docx rendered to PDF by LibreOffice (a private profile, so parallel runs coexist)."""
    folder = docx_path.parent
    profile = (folder / ".lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(docx_path)],
        check=True, capture_output=True, timeout=300,
    )
    return docx_path.with_suffix(".pdf")


def scan(pdf: Path, out: Path, *, dpi: int, tilt: float = 0.0, stamp: bool = False,
         noise: float = 0.0, first_page_only: bool = False, seed: int = 0) -> Path:
    """An image-only PDF of ``pdf`` as a scanner makes it: ``dpi``, turned by ``tilt`` degrees,
    a red round stamp over the signature (the last page's), ``noise`` share of flipped pixels."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        command = ["pdftoppm", "-r", str(dpi), "-png"]
        if first_page_only:
            command += ["-f", "1", "-l", "1"]
        subprocess.run([*command, str(pdf), f"{tmp}/p"], check=True, capture_output=True, timeout=300)
        files = sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        rng = random.Random(seed)
        pages = []
        for k, file in enumerate(files):
            page = Image.open(file).convert("RGB")
            if stamp and k == len(files) - 1:
                _stamp(page, _signer_box(page, dpi), dpi)
            if noise:
                px = page.load()
                w, h = page.size
                for _ in range(int(w * h * noise)):
                    x, y = rng.randrange(w), rng.randrange(h)
                    px[x, y] = (0, 0, 0) if rng.random() < 0.5 else (255, 255, 255)
            if tilt:
                page = page.rotate(tilt, resample=Image.BICUBIC, expand=False, fillcolor=(255, 255, 255))
            pages.append(page)
        pages[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:])
    return out


def _signer_box(page, dpi: int) -> tuple[int, int]:
    """Where the seal goes (Nghị định 30/2020: over about a third of the signature, on its
    left): above the lowest dark line of the right half (the signer's name), left of its centre."""
    grey = page.convert("L")
    w, h = grey.size
    data = grey.load()
    last = h // 2
    for y in range(h - 1, h // 3, -1):
        if any(data[x, y] < 100 for x in range(w // 2, w - w // 10, 3)):
            last = y
            break
    return (w * 3 // 4 - dpi // 2, last - dpi * 6 // 10)


def _stamp(page, centre: tuple[int, int], dpi: int) -> None:
    """A red round seal, two rings and a star, inked over ``centre``: ink multiplies with what
    is under it (print stays black, paper turns red), as on paper."""
    from PIL import Image, ImageChops, ImageDraw

    r = int(dpi * 0.75)  # a seal about 38 mm across
    layer = Image.new("RGB", page.size, (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    cx, cy = centre
    red = (215, 40, 50)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=max(3, r // 18))
    inner = r * 3 // 4
    draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), outline=red, width=max(2, r // 30))
    star = []
    for k in range(10):  # a five-pointed star: outer and inner points in turn
        radius = r / 4 * (1 if k % 2 == 0 else 0.4)
        angle = math.pi / 2 + k * math.pi / 5
        star.append((cx + int(radius * math.cos(angle)), cy - int(radius * math.sin(angle))))
    draw.polygon(star, fill=red)
    page.paste(ImageChops.multiply(page, layer))


# -- measures -----------------------------------------------------------------------------------
def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def char_accuracy(expected: str, got: str) -> float:
    return difflib.SequenceMatcher(None, squash(expected), squash(got), autojunk=False).ratio()


def facts(plan) -> dict:
    """What must survive the scan: header fields and citation keys."""
    h = plan.header
    out = {f: getattr(h, f) for f in HEADER_FIELDS}
    out["date"] = h.date.isoformat() if h.date else None
    out["citations"] = sorted({c.key for c in plan.citations})
    return out


def ocr_before(pdf: Path, dpi: int = 300) -> str:
    """The method before issue 21: PNG pages from one pdftoppm, Tesseract page after page."""
    with tempfile.TemporaryDirectory(prefix="plankit-ocr-old-") as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), f"{tmp}/page"], check=True, capture_output=True)
        pages = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        texts = []
        for page in pages:
            done = subprocess.run(["tesseract", str(page), "stdout", "-l", "vie", "--psm", "4"], capture_output=True, check=True)
            texts.append(done.stdout.decode("utf-8", "replace").rstrip("\n"))
        return "\n\f\n".join(texts)


def _child_cpu() -> float:
    """CPU seconds of this process and its finished children (pdftoppm, Tesseract): a figure
    load does not inflate, unlike wall time on a shared machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def ocrmypdf_available() -> bool:
    """Whether OCRmyPDF (``pip install ocrmypdf``, in the ``bench`` extra) can run here."""
    import importlib.util

    return importlib.util.find_spec("ocrmypdf") is not None


def ocr_ocrmypdf(pdf: Path, *, jobs: int = 2) -> str:
    """OCRmyPDF on the scan with its own preprocessing: ``--deskew`` and ``--rotate-pages``
    (Tesseract's orientation model), Tesseract ``--psm 4`` like ``ocr_pdf``, one job per core,
    a plain PDF (no PDF/A, so no Ghostscript) and the text as a sidecar file. ``--clean``
    (unpaper) is left out: it only changes the image given to Tesseract when unpaper is
    installed, which Debian's ``unpaper`` package provides."""
    with tempfile.TemporaryDirectory(prefix="plankit-ocrmypdf-") as tmp:
        sidecar = Path(tmp) / "text.txt"
        command = [sys.executable, "-m", "ocrmypdf", "--force-ocr", "-l", "vie", "--deskew", "--rotate-pages",
                   "--tesseract-pagesegmode", "4", "--jobs", str(jobs), "--output-type", "pdf",
                   "--sidecar", str(sidecar), "--quiet", str(pdf), str(Path(tmp) / "out.pdf")]
        if shutil.which("unpaper"):
            command.insert(3, "--clean")
        subprocess.run(command, check=True, capture_output=True,
                       env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        return sidecar.read_text(encoding="utf-8")


def compare_ocrmypdf(pdf: Path, truth: str) -> dict:
    """``ocr_pdf`` against OCRmyPDF on one scan: CPU seconds per page and character accuracy
    (CPU seconds, which load does not inflate, decide: both run the same Tesseract)."""
    from plankit.read._ocr import ocr_pdf

    if not ocrmypdf_available():
        return {"skipped": "OCRmyPDF is not installed: pip install 'plankit[bench]'"}
    pages = _pages(pdf)
    out: dict = {"pages": pages}
    for name, ocr in (("ocr_pdf", ocr_pdf), ("ocrmypdf", ocr_ocrmypdf)):
        t0, c0 = time.perf_counter(), _child_cpu()
        text = ocr(pdf)
        out[f"{name}_seconds"] = round(time.perf_counter() - t0, 2)
        out[f"{name}_cpu_s_per_page"] = round((_child_cpu() - c0) / pages, 2)
        out[f"{name}_accuracy"] = round(char_accuracy(truth, text), 4)
    out["ocrmypdf_wins"] = (out["ocrmypdf_cpu_s_per_page"] < out["ocr_pdf_cpu_s_per_page"]
                            and out["ocrmypdf_accuracy"] >= out["ocr_pdf_accuracy"])
    return out


def run(quick: bool = False) -> dict:
    from plankit.read import read_plan
    from plankit.read._ocr import ocr_pdf

    if not (shutil.which("soffice") and shutil.which("tesseract") and shutil.which("pdftoppm")):
        return {"skipped": "needs LibreOffice, Tesseract (vie) and poppler-utils"}
    load_before = os.getloadavg()[0]
    out: dict = {"cores": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp:
        folder = Path(tmp)
        # speed: a 4-page plan
        four = to_pdf(write_plan_docx(folder / "four.docx", body_four_pages()))
        scanned = scan(four, folder / "four-scan.pdf", dpi=300)
        pages = _pages(scanned)
        t0, c0 = time.perf_counter(), _child_cpu()
        before = ocr_before(scanned)
        t_before, c_before = time.perf_counter() - t0, _child_cpu() - c0
        speed = {
            "pages": pages, "before_seconds": round(t_before, 2), "before_pages_per_s": round(pages / t_before, 3),
            "before_cpu_s_per_page": round(c_before / pages, 2),
        }
        truth = subprocess.run(["pdftotext", str(four), "-"], capture_output=True, check=True).stdout.decode("utf-8")
        speed["before_accuracy"] = round(char_accuracy(truth, before), 4)
        for dpi in (200, 300):
            t0, c0 = time.perf_counter(), _child_cpu()
            text = ocr_pdf(scanned, dpi=dpi)
            took = time.perf_counter() - t0
            speed[f"after_{dpi}dpi_cpu_s_per_page"] = round((_child_cpu() - c0) / pages, 2)
            speed[f"after_{dpi}dpi_seconds"] = round(took, 2)
            speed[f"after_{dpi}dpi_pages_per_s"] = round(pages / took, 3)
            speed[f"after_{dpi}dpi_speedup"] = round(t_before / took, 2)
            speed[f"after_{dpi}dpi_accuracy"] = round(char_accuracy(truth, text), 4)
        speed["speedup"] = speed[f"after_{300}dpi_speedup"]
        speed["target_speedup"] = TARGET_SPEEDUP
        speed["meets_target"] = speed["speedup"] >= TARGET_SPEEDUP
        out["speed"] = speed

        # accuracy: one page, degraded as scans come
        one_docx = write_plan_docx(folder / "one.docx", BODY_ONE_PAGE)
        one = to_pdf(one_docx)
        truth = subprocess.run(["pdftotext", str(one), "-"], capture_output=True, check=True).stdout.decode("utf-8")
        expected = facts(read_plan(one_docx))
        scans = {}
        for dpi in ((300,) if quick else (150, 200, 300)):
            degraded = scan(one, folder / f"one-{dpi}.pdf", dpi=dpi, tilt=1.5, stamp=True, noise=0.001, seed=dpi)
            t0 = time.perf_counter()
            plan = read_plan(degraded)
            took = time.perf_counter() - t0
            got = facts(plan)
            scans[f"{dpi}dpi"] = {
                "seconds": round(took, 2),
                "accuracy": round(char_accuracy(truth, plan.text), 4),
                "header_exact": all(got[f] == expected[f] for f in (*HEADER_FIELDS, "date")),
                "citations_exact": got["citations"] == expected["citations"],
                "differences": {k: [expected[k], got[k]] for k in expected if expected[k] != got[k]},
            }
        out["degraded"] = scans
        # OCRmyPDF's preprocessing against ours, on the hardest of the degraded scans
        hardest = folder / f"one-{150 if not quick else 300}.pdf"
        out["ocrmypdf"] = compare_ocrmypdf(hardest, truth)
        out["expected"] = expected
        out["min_accuracy"] = min(s["accuracy"] for s in scans.values())
        out["target_accuracy"] = TARGET_ACCURACY
        out["meets_accuracy_target"] = out["min_accuracy"] >= TARGET_ACCURACY and all(
            s["header_exact"] and s["citations_exact"] for s in scans.values()
        )
    out["load_average_before_after"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    return out


def main(argv: list[str] | None = None) -> int:
    quick = "--quick" in (argv if argv is not None else sys.argv[1:])
    print(json.dumps(run(quick=quick), ensure_ascii=False, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
