"""Scanned copies of real layouts: the development corpus printed as official pages, scanned
badly, and read back by plankit.

Each document of ``../shared/corpus`` (news posts apart: they have no header to print) is laid
out as an official page as Nghị định 30/2020 draws it: a two-column header table (the issuing
body and ``Số: ...`` left; the motto and ``place, ngày ... tháng ... năm ...`` right, or
``ĐẢNG CỘNG SẢN VIỆT NAM`` for a Party body), the title, the body (the corpus text from after
its title, re-flowed into paragraphs), and a signature table. The header is built from
``gold.json`` (the corpus prints it flattened, truncated or not at all). python-docx writes it,
LibreOffice renders it (one ``soffice`` for all documents), ``pdftoppm`` rasterises it, Pillow
degrades the page and wraps it back as an image-only PDF, and :func:`plankit.read_plan` reads it.
Nothing is written outside a temporary folder: no corpus text or image made from one is kept.

Degradations (:data:`DEGRADATIONS`), each alone on the 200 dpi page unless named otherwise:
``clean``; ``150dpi``; ``300dpi``; ``skew+3`` / ``skew-3`` (degrees); ``noise`` (gaussian, sigma
40 grey levels); ``jpeg30`` (quality 30); ``stamp`` (a grey round seal over the signature
block, grey so the red-channel trick cannot remove it); ``rot90`` / ``rot180``; ``contrast``
(ink at grey 150 on paper at 215); ``faded-skew`` (that, turned by 2.5 degrees); ``photocopy`` (all at once, 150 dpi: a faded copy, ink at 110 on
paper at 215, gaussian noise of sigma 15, the stamp, skew 2, JPEG 40).

Figures per degradation: header accuracy against gold (fields number, symbol, date, place,
issuer, year, scored as ``bench_corpus.py`` scores them), the same against reading the clean
page's text layer (``vs_clean``: what OCR loses, apart from what the parser does with the layout),
citation precision/recall/F1 against gold, character accuracy against ``pdftotext`` of the
clean page, and CPU seconds per page (the reading process and its children; load does not
inflate it). ``failures`` lists what differs, per document.

Run: ``.venv/bin/python -m benchmarks scans`` (``--quick``: 6 documents, 5 degradations) or
``.venv/bin/python -m benchmarks.bench_scans [--quick] [--only doc,doc] [--degradations a,b]``.
Skips when the corpus, LibreOffice, poppler-utils or Tesseract (vie) is missing.
"""

from __future__ import annotations

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
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))

BASE_DPI = 200
DEGRADATIONS = ("clean", "150dpi", "300dpi", "skew+3", "skew-3", "noise", "jpeg30", "stamp", "rot90",
                "rot180", "contrast", "faded-skew", "photocopy")
QUICK_DEGRADATIONS = ("clean", "150dpi", "skew+3", "stamp", "photocopy")
QUICK_DOCUMENTS = 6

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PARTY_MOTTO = ("ĐẢNG CỘNG SẢN VIỆT NAM",)


# -- the page -----------------------------------------------------------------------------------
@dataclass
class Page:
    """What is printed: the header's two columns, the title lines, the body paragraphs and the
    signature block (right) beside the receivers (left)."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    title: tuple[str, ...]
    body: tuple[str, ...]
    signature: tuple[str, ...] = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "Nguyễn Văn Bình")
    receivers: tuple[str, ...] = ("Nơi nhận:", "- Như trên;", "- Lưu: VT.")
    bold_left: tuple[str, ...] = ()


def write_page_docx(path: Path, page: Page) -> Path:
    """The page as an officer types it in Word: a borderless two-column header table (6 and 10
    cm, centred lines, 12 pt), the title centred in bold, the body at 13 pt, a signature table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(13)
    style.paragraph_format.space_after = Pt(3)

    def fill(cell, lines, bold, width):
        cell.width = width
        for k, line in enumerate(lines):
            para = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            para.paragraph_format.space_after = Pt(0)
            run = para.add_run(line)
            run.bold = line in bold
            run.font.size = Pt(12)
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER

    section = document.sections[0]
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    for rows, widths, bold in (((page.left, page.right), (6.5, 9.5), (page.bold_left, page.right[:2])),):
        table = document.add_table(rows=1, cols=2)
        table.autofit = False
        for k in range(2):
            fill(table.cell(0, k), rows[k], bold[k], Cm(widths[k]))
            table.columns[k].width = Cm(widths[k])
    document.add_paragraph()
    for line in page.title:
        para = document.add_paragraph()
        para.add_run(line).bold = True
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in page.body:
        para = document.add_paragraph(line)
        para.paragraph_format.first_line_indent = Cm(1)
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    sign = document.add_table(rows=1, cols=2)
    sign.autofit = False
    fill(sign.cell(0, 0), page.receivers, (), Cm(8))
    fill(sign.cell(0, 1), page.signature, page.signature, Cm(8))
    document.save(path)
    return path


def to_pdfs(docx_paths: list[Path]) -> list[Path]:
    """The .docx files rendered to PDF by one LibreOffice (a private profile: parallel runs
    coexist)."""
    if not docx_paths:
        return []
    folder = docx_paths[0].parent
    profile = (folder / ".lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), *map(str, docx_paths)],
        check=True, capture_output=True, timeout=900,
    )
    return [p.with_suffix(".pdf") for p in docx_paths]


_UNITS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")


def _upper(text: str) -> str:
    return unicodedata.normalize("NFC", text.upper())


def issuer_lines(issuer: str | None, parent: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The issuer cell as printed (and which of its lines are bold): ``ỦY BAN NHÂN DÂN`` /
    ``TỈNH QUẢNG NGÃI``; ``UBND TỈNH BẮC KẠN`` / ``SỞ TƯ PHÁP``; a parent above its body."""
    if not issuer:
        return (), ()
    m = re.match(r"(Ủy ban nhân dân) (" + "|".join(_UNITS) + r") (.+)", issuer)
    if m:
        lines = (_upper(m.group(1)), _upper(f"{m.group(2)} {m.group(3)}"))
        return lines, lines
    m = re.match(r"(Sở .+?) (tỉnh|thành phố) (.+)", issuer)
    if m:
        body = _upper(m.group(1))
        return (_upper(f"UBND {m.group(2)} {m.group(3)}"), body), (body,)
    body = _upper(issuer)
    return ((_upper(parent), body) if parent else (body,)), (body,)


def _date_line(place: str | None, date: str | None) -> str | None:
    if not place and not date:
        return None
    day = month = "   "
    year = "   "
    if date:
        parts = date.split("-")
        year = parts[0]
        if len(parts) > 1:
            month = parts[1]
        if len(parts) > 2:
            day = parts[2]
    when = f"ngày {day} tháng {month} năm {year}"
    return f"{place}, {when}" if place else when


def _flow(text: str) -> tuple[str, ...]:
    """Hard-wrapped lines joined into paragraphs: a paragraph starts at a basis clause, a list
    dash, a numbered or Roman heading, an ``Điều``, or after a line ending a sentence."""
    starts = re.compile(r"(Căn cứ|Thực hiện|Triển khai|Theo đề nghị|Điều \d|[IVX]+\.|\d+(\.\d+)*\.|[a-zđ]\)|-|\+|•|QUYẾT ĐỊNH|Kính gửi)")
    paragraphs: list[str] = []
    for raw in text.splitlines():
        line = " ".join(raw.replace("|", " ").split())
        if not line:
            continue
        if paragraphs and not starts.match(line) and not paragraphs[-1].endswith((".", ";", ":")):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return tuple(paragraphs)


def _body_start(text: str, title: str | None) -> int:
    """Where the body starts in a corpus text: after its printed title, else at the line of its
    first basis clause, else at its start."""
    if title:
        words = title.split()
        tail = r"\W*\s*".join(re.escape(w) for w in words[-4:])
        found = list(re.finditer(tail, text, flags=re.IGNORECASE))
        if found:
            return found[0].end()
    m = re.search(r"^.*?(Căn cứ|Thực hiện|Triển khai)", text, flags=re.MULTILINE)
    return m.start() if m else 0


def page_of(gold: dict, text: str) -> Page:
    """A corpus document laid out as its official page."""
    h = gold["header"]
    left, bold_left = issuer_lines(h.get("issuer"), h.get("parent"))
    party = bool(h.get("symbol")) and "/" in h["symbol"]
    if h.get("symbol") or h.get("number"):
        number = h.get("number") or "      "
        joined = f"{number}-{h['symbol']}" if party else f"{number}/{h.get('symbol') or ''}"
        left = (*left, f"Số {joined}" if party else f"Số: {joined}")
    doc_type = h.get("doc_type") or ""
    title_text = h.get("title") or ""
    if doc_type == "Công văn":
        left = (*left, "V/v " + re.sub(r"^về việc ", "", title_text))
        title: tuple[str, ...] = ()
    else:
        title = (_upper(doc_type), title_text) if doc_type else (title_text,)
    right = PARTY_MOTTO if party else MOTTO
    date_line = _date_line(h.get("place"), h.get("date"))
    if date_line:
        right = (*right, date_line)
    body = _flow(text[_body_start(text, title_text):])
    return Page(left=left, right=right, title=tuple(t for t in title if t), body=body, bold_left=bold_left)


# -- degrading ----------------------------------------------------------------------------------
def _signature_centre(grey) -> tuple[int, int]:
    """Over the signature block: above the lowest dark line of the page's right half."""
    import numpy as np

    pixels = np.asarray(grey)
    h, w = pixels.shape
    rows = np.nonzero((pixels[:, w // 2 : w - w // 10] < 100).any(axis=1))[0]
    last = int(rows[-1]) if len(rows) else h * 2 // 3
    return w * 3 // 4 - w // 16, max(h // 4, last - h // 30)


def _grey_stamp(grey, dpi: int):
    """A grey round seal (two rings, a star, a ring of letters' worth of dashes) multiplied over
    the signature block: a photocopied red seal keeps only its grey."""
    from PIL import Image, ImageChops, ImageDraw

    r = int(dpi * 0.7)
    cx, cy = _signature_centre(grey)
    layer = Image.new("L", grey.size, 255)
    draw = ImageDraw.Draw(layer)
    ink = 120
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=ink, width=max(3, r // 16))
    inner = r * 2 // 3
    draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), outline=ink, width=max(2, r // 30))
    for k in range(36):  # the seal's lettering between the rings, as dashes
        a = k * math.pi / 18
        r1, r2 = inner + r // 12, r - r // 12
        draw.line((cx + r1 * math.cos(a), cy + r1 * math.sin(a), cx + r2 * math.cos(a + 0.05), cy + r2 * math.sin(a + 0.05)),
                  fill=ink, width=max(2, r // 40))
    star = []
    for k in range(10):
        radius = r / 4 * (1 if k % 2 == 0 else 0.4)
        angle = math.pi / 2 + k * math.pi / 5
        star.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    draw.polygon(star, fill=ink)
    return ImageChops.multiply(grey, layer)


def _noise(grey, sigma: float, seed: int):
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    pixels = np.asarray(grey).astype(np.float32) + rng.normal(0, sigma, (grey.height, grey.width))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _contrast(grey, ink: int = 150, paper: int = 215):
    return grey.point(lambda v: round(ink + (paper - ink) * v / 255))


def _jpeg(grey, quality: int):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    grey.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


def degrade(grey, name: str, dpi: int, seed: int = 0):
    """The rasterised page (greyscale) as the degradation ``name`` leaves it."""
    from PIL import Image

    def tilt(image, degrees):
        return image.rotate(degrees, resample=Image.BICUBIC, fillcolor=255)

    if name in ("clean", "150dpi", "300dpi"):
        return grey
    if name.startswith("skew"):
        return tilt(grey, float(name[4:]))
    if name == "noise":
        return _noise(grey, 40, seed)
    if name.startswith("jpeg"):
        return _jpeg(grey, int(name[4:]))
    if name == "stamp":
        return _grey_stamp(grey, dpi)
    if name == "rot90":
        return grey.transpose(Image.Transpose.ROTATE_90)
    if name == "rot180":
        return grey.transpose(Image.Transpose.ROTATE_180)
    if name == "contrast":
        return _contrast(grey)
    if name == "faded-skew":
        return tilt(_contrast(grey), 2.5)
    if name == "photocopy":
        page = _contrast(_grey_stamp(grey, dpi), ink=110, paper=215)
        page = tilt(_noise(page, 15, seed), 2.0)
        return _jpeg(page, 40)
    raise ValueError(f"unknown degradation {name!r}")


def dpi_of(name: str) -> int:
    return {"150dpi": 150, "300dpi": 300, "photocopy": 150}.get(name, BASE_DPI)


def scan_pdf(pdf: Path, out: Path, name: str, seed: int = 0, dpi: int | None = None) -> Path:
    """An image-only PDF of every page of ``pdf``, rasterised (at ``dpi``, else the
    degradation's) and degraded by ``name``."""
    from PIL import Image

    dpi = dpi or dpi_of(name)
    with tempfile.TemporaryDirectory(prefix="bench-scans-") as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), f"{tmp}/p"], check=True, capture_output=True, timeout=300)
        files = sorted(Path(tmp).glob("p-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        pages = []
        for k, file in enumerate(files):
            with Image.open(file) as image:
                pages.append(degrade(image.convert("L"), name, dpi, seed + k))
        pages[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:])
    return out


# -- reading and scoring ------------------------------------------------------------------------
def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _read_one(pdf: str) -> tuple[object, float, int]:
    """``read_plan`` on one scan in a worker process: the plan, its CPU seconds and pages."""
    from pypdf import PdfReader

    from plankit.read import read_plan

    c0 = _cpu()
    plan = read_plan(pdf)
    return plan, _cpu() - c0, len(PdfReader(pdf).pages)


def _doc(name: str, text: str, gold: dict, plan):
    from benchmarks.bench_corpus import Doc

    doc = Doc(name, text, gold)
    doc.__dict__["plan"] = plan  # the cached plan: the one read from the scan
    return doc


def _gold_of_plan(plan) -> dict:
    """A plan read from the clean page as a gold entry: the reference ``vs_clean`` scores against."""
    from benchmarks.bench_corpus import HEADER_FIELDS, _header_value

    return {"header": {f: _header_value(plan, f) for f in HEADER_FIELDS}, "citations": []}


def score(entries: list[tuple[str, str, dict, object, object]]) -> dict:
    """Header accuracy (gold and clean), citation figures and the failures of one degradation:
    ``entries`` are (name, text, gold, plan from the scan, plan from the clean page)."""
    from benchmarks.bench_corpus import score_citations, score_header

    docs = [_doc(n, t, g, p) for n, t, g, p, _ in entries]
    header = score_header(docs)
    cites = score_citations(docs)
    clean_docs = [_doc(n, t, _gold_of_plan(c), p) for n, t, _, p, c in entries]
    vs_clean = score_header(clean_docs)
    return {
        "header_accuracy": header["header_accuracy"],
        "per_field": header["per_field"],
        "header_vs_clean": vs_clean["header_accuracy"],
        "citation_precision": cites["citation_precision"],
        "citation_recall": cites["citation_recall"],
        "citation_f1": cites["citation_f1"],
        "failures": {d.name: d.failures for d in docs if d.failures},
        "failures_vs_clean": {d.name: d.failures for d in clean_docs if d.failures},
    }


def _char_accuracy(expected: str, got: str) -> float:
    from benchmarks.bench_ocr import char_accuracy

    return char_accuracy(expected, got)


def run(quick: bool = False, only: list[str] | None = None, degradations: tuple[str, ...] | None = None,
        jobs: int = 2) -> dict:
    from benchmarks.bench_corpus import CORPUS, load_corpus
    from plankit.read import read_plan
    from plankit.read._ocr import ocr_available

    if not (shutil.which("soffice") and shutil.which("pdftoppm") and shutil.which("tesseract") and ocr_available()):
        return {"skipped": "needs LibreOffice, poppler-utils and Tesseract with its Vietnamese model"}
    docs = [d for d in load_corpus(CORPUS) if not d.gold["meta"].get("is_news")]
    if not docs:
        return {"skipped": f"no corpus at {CORPUS}"}
    if only:
        docs = [d for d in docs if any(o in d.name for o in only)]
    elif quick:
        docs = docs[:QUICK_DOCUMENTS]
    names = degradations or (QUICK_DEGRADATIONS if quick else DEGRADATIONS)
    out: dict = {"documents": len(docs), "base_dpi": BASE_DPI, "degradations": {}}
    with tempfile.TemporaryDirectory(prefix="bench-scans-") as tmp:
        folder = Path(tmp)
        docx_paths = [write_page_docx(folder / f"d{k:02d}.docx", page_of(d.gold, d.text)) for k, d in enumerate(docs)]
        pdfs = to_pdfs(docx_paths)
        clean = [read_plan(p) for p in pdfs]
        truths = [subprocess.run(["pdftotext", str(p), "-"], capture_output=True, check=True).stdout.decode("utf-8") for p in pdfs]
        layer = score([(d.name, d.text, d.gold, c, c) for d, c in zip(docs, clean, strict=True)])
        out["text_layer"] = {k: layer[k] for k in ("header_accuracy", "per_field", "citation_f1", "failures")}
        rng = random.Random(7)
        for name in names:
            scans = [str(scan_pdf(p, folder / f"{p.stem}-{name}.pdf", name, seed=rng.randrange(1 << 30))) for p in pdfs]
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                read = list(pool.map(_read_one, scans))
            entries = [(d.name, d.text, d.gold, plan, c) for d, (plan, _, _), c in zip(docs, read, clean, strict=True)]
            figures = score(entries)
            pages = sum(n for _, _, n in read)
            figures["cpu_s_per_page"] = round(sum(s for _, s, _ in read) / pages, 2)
            figures["char_accuracy"] = round(sum(_char_accuracy(t, plan.text) for t, (plan, _, _) in zip(truths, read, strict=True)) / len(read), 4)
            out["degradations"][name] = figures
            print(f"   {name}: header {figures['header_accuracy']} (vs clean {figures['header_vs_clean']}), "
                  f"citation F1 {figures['citation_f1']}, chars {figures['char_accuracy']}, "
                  f"{figures['cpu_s_per_page']} CPU s/page", file=sys.stderr, flush=True)
            for path in scans:
                Path(path).unlink()
    out["summary"] = {n: [f["header_accuracy"], f["header_vs_clean"], f["citation_f1"], f["cpu_s_per_page"]]
                      for n, f in out["degradations"].items()}
    out["summary_columns"] = ["header_accuracy", "header_vs_clean", "citation_f1", "cpu_s_per_page"]
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_scans", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", help="comma-separated parts of corpus file names")
    parser.add_argument("--degradations", help=f"comma-separated, of {', '.join(DEGRADATIONS)}")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("PLANKIT_OCR_JOBS", "2") or 2))
    args = parser.parse_args(argv)
    result = run(quick=args.quick, only=args.only.split(",") if args.only else None,
                 degradations=tuple(args.degradations.split(",")) if args.degradations else None, jobs=args.jobs)
    print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())


# == every layout of the corpus, as printed from its text, scanned =================================
#
# The benchmark above prints each document as one official page built from gold. This one keeps
# each text's own layout: the .txt printed by LibreOffice as ``benchmarks/bench_formats.py`` prints
# it (``pdf``: one line one paragraph, a flattened header table with its bars, hard-wrapped lines,
# a portal body; ``table.pdf``: the header lines put into a real two-column table), rasterised by
# ``pdftoppm`` at 200 and 300 dpi and wrapped back as an image-only PDF (``mild``: turned by 0.7
# degrees, gaussian noise of sigma 12). Each scan is read with ``read_plan`` and compared with the
# reading of the .txt (every field) and with gold (the fields gold has).

LAYOUT_FORMATS = ("pdf", "table.pdf")
LAYOUT_DPIS = (200, 300)
#: Fields compared with the .txt's reading (``subject``: the title, white space collapsed).
LAYOUT_FIELDS = ("issuer", "number", "symbol", "date", "place", "year", "subject", "signer", "citations")
#: The fields gold has, as ``bench_corpus.py`` scores them, and the citation keys.
GOLD_FIELDS = ("issuer", "number", "symbol", "date", "place", "year", "subject", "citations")


def layout_reading(plan) -> dict:
    """The compared fields of a plan: header values as ``bench_corpus.py`` takes them, the title
    with white space collapsed, the signer and the cited documents' keys (as gold lists them)."""
    from benchmarks.bench_corpus import Doc, _distinct, _header_value

    doc = Doc("", "", {})
    doc.__dict__["plan"] = plan
    out = {f: _header_value(plan, f) for f in ("issuer", "number", "symbol", "date", "place", "year")}
    out["subject"] = " ".join(plan.header.title.split()) if plan.header.title else None
    out["signer"] = plan.header.signer
    out["citations"] = sorted(map(str, _distinct(doc)))
    return out


def _gold_agrees(field: str, got, gold: dict) -> bool:
    from benchmarks.bench_corpus import _cite_key, _fold, _same

    if field == "citations":
        return got == sorted(str(_cite_key(g["number"], g["symbol"], g.get("year"))) for g in gold["citations"])
    if field == "subject":
        want = gold["header"].get("title")
        return (got is None and want is None) or (got is not None and want is not None and
                                                   _fold(got) == _fold(" ".join(want.split())))
    return _same(field, got, gold["header"].get(field))


def _mild(grey, seed: int):
    from PIL import Image

    return _noise(grey, 12, seed).rotate(0.7, resample=Image.BICUBIC, fillcolor=255)


def layout_scan(pdf: Path, out: Path, dpi: int, mild: bool = False, seed: int = 0) -> Path:
    """An image-only PDF of ``pdf``'s pages rasterised at ``dpi`` (``mild``: noise and skew)."""
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="bench-layouts-") as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), f"{tmp}/p"], check=True,
                       capture_output=True, timeout=300)
        files = sorted(Path(tmp).glob("p-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        pages = []
        for k, file in enumerate(files):
            with Image.open(file) as image:
                grey = image.convert("L")
            pages.append(_mild(grey, seed + k) if mild else grey)
        pages[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:])
    return out


def _print_layouts(texts: dict[str, str], folder: Path, formats: tuple[str, ...]) -> dict[str, dict[str, Path]]:
    """name -> format -> the PDF LibreOffice printed (one ``soffice`` run per format)."""
    from benchmarks.bench_formats import _TARGETS, _TEXT_FILTER, soffice, table_docx

    program = soffice()
    profile = (folder / "lo-profile").as_uri()
    made: dict[str, dict[str, Path]] = {name: {} for name in texts}

    def convert(files: list[Path], out: Path, *filters: str) -> None:
        if files:
            subprocess.run([program, f"-env:UserInstallation={profile}", "--headless", *filters,
                            "--convert-to", _TARGETS["pdf"], "--outdir", str(out), *map(str, files)],
                           check=True, capture_output=True, timeout=900)

    src, tables = folder / "txt", folder / "table"
    src.mkdir()
    tables.mkdir()
    plain = []
    for name, text in texts.items():
        path = src / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        made[name]["txt"] = path
        plain.append(path)
    if "pdf" in formats:
        convert(plain, folder / "pdf", f"--infilter={_TEXT_FILTER}")
    docs = []
    if "table.pdf" in formats:
        for name, text in texts.items():
            data = table_docx(text)
            if data is not None:
                (tables / f"{name}.docx").write_bytes(data)
                docs.append(tables / f"{name}.docx")
        convert(docs, folder / "table-pdf")
    for name in texts:
        for fmt, where in (("pdf", folder / "pdf"), ("table.pdf", folder / "table-pdf")):
            if fmt in formats and (where / f"{name}.pdf").is_file():
                made[name][fmt] = where / f"{name}.pdf"
    return made


def _read_layout(path: str) -> tuple[dict, float]:
    from plankit.read import read_plan

    c0 = _cpu()
    try:
        got = layout_reading(read_plan(path))
    except Exception as exc:  # a scan that cannot be read disagrees on every field
        got = {f: f"error: {exc}" for f in LAYOUT_FIELDS}
    return got, _cpu() - c0


def run_layouts(quick: bool = False, dpis: tuple[int, ...] = (200,), formats: tuple[str, ...] = LAYOUT_FORMATS,
                mild: bool = False, only: list[str] | None = None, jobs: int = 2, failures: bool = True) -> dict:
    """Per format and dpi: how many scans agree with the .txt's reading and with gold, field by
    field, CPU seconds per scan, and (``failures``) what differs."""
    from benchmarks.bench_corpus import CORPUS
    from benchmarks.bench_formats import soffice
    from plankit.read import read_plan
    from plankit.read._ocr import ocr_available

    if not (soffice() and shutil.which("pdftoppm") and shutil.which("tesseract") and ocr_available()):
        return {"skipped": "needs LibreOffice, poppler-utils and Tesseract with its Vietnamese model"}
    paths = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not paths:
        return {"skipped": f"no corpus at {CORPUS}"}
    gold_path = CORPUS / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.is_file() else {}
    if only:
        paths = [p for p in paths if any(o in p.name for o in only)]
    elif quick:
        paths = paths[::4]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in paths}
    out: dict = {"documents": len(texts), "with_gold": sum(f"{n}.txt" in gold for n in texts),
                 "mild": mild, "fields_vs_txt": list(LAYOUT_FIELDS), "fields_vs_gold": list(GOLD_FIELDS)}
    with tempfile.TemporaryDirectory(prefix="bench-layouts-") as tmp:
        folder = Path(tmp)
        made = _print_layouts(texts, folder, formats)
        want = {name: layout_reading(read_plan(m["txt"])) for name, m in made.items()}
        jobs_list = [(name, fmt, dpi) for dpi in dpis for fmt in formats for name in texts if fmt in made[name]]
        scans = []
        for k, (name, fmt, dpi) in enumerate(jobs_list):
            target = folder / f"scan-{k}.pdf"
            scans.append(str(layout_scan(made[name][fmt], target, dpi, mild=mild, seed=k)))
        layers = {(name, fmt): None for name, fmt, _ in jobs_list}
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            layer_read = dict(zip(layers, pool.map(_read_layout, [str(made[n][f]) for n, f in layers]), strict=True))
            read = list(pool.map(_read_layout, scans))
    rows: dict = {}
    fails: dict = {}

    def tally(key: str, name: str, got: dict) -> None:
        row = rows.setdefault(key, {"scans": 0, "vs_txt": dict.fromkeys(LAYOUT_FIELDS, 0), "vs_txt_all": 0,
                                    "with_gold": 0, "vs_gold": dict.fromkeys(GOLD_FIELDS, 0), "cpu_s": 0.0})
        row["scans"] += 1
        every = True
        for f in LAYOUT_FIELDS:
            if got[f] == want[name][f]:
                row["vs_txt"][f] += 1
            else:
                every = False
                fails.setdefault(f"{key} {name}", []).append(f"{f}: {got[f]!r} != txt {want[name][f]!r}")
        row["vs_txt_all"] += every
        entry = gold.get(f"{name}.txt")
        if entry is not None:
            row["with_gold"] += 1
            for f in GOLD_FIELDS:
                if _gold_agrees(f, got[f], entry):
                    row["vs_gold"][f] += 1

    for (name, fmt), (got, _) in layer_read.items():
        tally(f"{fmt} text layer", name, got)
    for (name, fmt, dpi), (got, cpu) in zip(jobs_list, read, strict=True):
        tally(f"{fmt} {dpi}dpi", name, got)
        rows[f"{fmt} {dpi}dpi"]["cpu_s"] += cpu
    txt_rows = {"txt": {"scans": len(want), "with_gold": 0, "vs_gold": dict.fromkeys(GOLD_FIELDS, 0)}}
    for name, got in want.items():
        entry = gold.get(f"{name}.txt")
        if entry is not None:
            txt_rows["txt"]["with_gold"] += 1
            for f in GOLD_FIELDS:
                txt_rows["txt"]["vs_gold"][f] += _gold_agrees(f, got[f], entry)
    for key, row in rows.items():
        n, g = row["scans"], row["with_gold"]
        out[key] = {"vs_txt": {f: f"{c}/{n}" for f, c in row["vs_txt"].items()}, "all_fields_vs_txt": f"{row['vs_txt_all']}/{n}",
                    "vs_gold": {f: f"{c}/{g}" for f, c in row["vs_gold"].items()}}
        if "dpi" in key:
            out[key]["cpu_s_per_scan"] = round(row["cpu_s"] / n, 2)
    g = txt_rows["txt"]["with_gold"]
    out["txt"] = {"vs_gold": {f: f"{c}/{g}" for f, c in txt_rows["txt"]["vs_gold"].items()}}
    if failures:
        out["failures"] = fails
    return out


def main_layouts(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_scan_layouts",
                                     description="The corpus texts' own layouts printed, scanned and read back.")
    parser.add_argument("--quick", action="store_true", help="every fourth text")
    parser.add_argument("--only", help="comma-separated parts of corpus file names")
    parser.add_argument("--dpi", default="200", help="comma-separated, e.g. 200,300")
    parser.add_argument("--formats", default=",".join(LAYOUT_FORMATS))
    parser.add_argument("--mild", action="store_true", help="noise (sigma 12) and 0.7 degrees of skew")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    result = run_layouts(quick=args.quick, dpis=tuple(int(d) for d in args.dpi.split(",")),
                         formats=tuple(args.formats.split(",")), mild=args.mild,
                         only=args.only.split(",") if args.only else None, jobs=args.jobs)
    print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    return 0
