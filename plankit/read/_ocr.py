"""OCR of scans with Tesseract's Vietnamese model: ``ocr_image`` and ``ocr_pdf``.

Both run the ``tesseract`` command line (Debian packages ``tesseract-ocr`` and
``tesseract-ocr-vie``); PDF pages are first rendered with ``pdftoppm`` (poppler-utils).
They return the recognised text, pages separated by a line holding a form feed, and raise
:class:`~plankit.errors.OCRUnavailable` when a program or the Vietnamese model is missing. The
text still has OCR's damage: :func:`plankit.restore_text` repairs it.

How it is made fast (``benchmarks/bench_ocr.py`` measures it against rendering PNG pages and
running Tesseract on them one after another):

* one thread per Tesseract process (``OMP_THREAD_LIMIT=1``): Tesseract's own OpenMP threads
  gain little on a page and fight each other and the other pages for the cores (the old way
  spent 12 CPU seconds a page, this one 3.3, ``docs/scale.md``);
* pages in parallel instead, one Tesseract per core (``jobs``);
* each page rendered alone (``pdftoppm -f N -l N``) as an uncompressed greyscale image, so
  rendering one page overlaps recognising another and nothing is PNG-compressed only to be
  decompressed again. The grey is the page's red channel: the red round stamp over a signature
  (and any red ink) turns almost white and stops hiding the signer's name, black print stays
  black.

Scans as they come: specks of dust (which read as commas and quotes) are whitened
(:func:`_despeckle`); a page fed askew by a degree or two is straightened (:func:`skew_angle`),
since ``--psm 4`` otherwise reads a tilted long line in two pieces; a page scanned sideways or
upside down reads as garbage, so such a page (few letters among its characters) is asked for its
orientation (``--psm 0``, Tesseract's orientation model ``osd``), turned upright and read again.
Images go through the same preparation (Pillow comes with matplotlib, numpy with pandas).

``ocr_pdf(..., searchable="scan.searchable.pdf")`` also writes a searchable PDF: each original
page with Tesseract's invisible text laid over it (``tesseract ... pdf`` with
``textonly_pdf=1``), written atomically and never over an existing file unless ``force``.
"""

from __future__ import annotations

import io
import math
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..errors import OCRUnavailable, ReadError
from ._ocr_mend import _LOOKALIKES, mend_ocr

__all__ = [
    "DEFAULT_DPI", "header_band", "mend_ocr", "ocr_available", "ocr_image", "ocr_pdf", "ocr_pdf_pages",
    "skew_angle",
]

_INSTALL = ("cần Tesseract với mô hình tiếng Việt để đọc bản quét / "
            "Tesseract with the Vietnamese model is needed: apt-get install tesseract-ocr tesseract-ocr-vie")
_INSTALL_PDF = ("cần pdftoppm để chuyển trang PDF quét thành ảnh / "
                "pdftoppm is needed to render the scanned PDF: apt-get install poppler-utils")
_NOT_AN_IMAGE = ("không đọc được ảnh (tệp hỏng hoặc không phải ảnh) / "
                 "cannot read the image (damaged or not an image)")
_TIMEOUT = 600  # seconds for one page

DEFAULT_DPI = 300
"""Resolution scanned PDF pages are rendered at: 13-14 pt print is then about 40 pixels high,
where Tesseract's model reads Vietnamese marks best (``bench_ocr.py`` compares 200 and 300)."""

# A page whose recognised text has fewer letters than this share of its visible characters,
# or fewer than _MIN_LETTERS letters, is asked for its orientation and read again upright.
_MIN_LETTER_SHARE = 0.6
_MIN_LETTERS = 40

def _languages(tesseract: str) -> set[str]:
    try:
        done = subprocess.run(
            [tesseract, "--list-langs"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    lines = (done.stdout + "\n" + done.stderr).splitlines()
    return {line.strip() for line in lines if line.strip() and " " not in line.strip()}


def ocr_available() -> bool:
    """Whether ``tesseract`` and its Vietnamese model (``vie``) are installed.

    >>> isinstance(ocr_available(), bool)
    True
    """
    tesseract = shutil.which("tesseract")
    return bool(tesseract) and "vie" in _languages(tesseract)


def _tesseract(path: str | os.PathLike[str]) -> str:
    tesseract = shutil.which("tesseract")
    if not tesseract or "vie" not in _languages(tesseract):
        raise OCRUnavailable(path, _INSTALL)
    return tesseract


def _env() -> dict[str, str]:
    # one thread per Tesseract process: parallelism comes from pages, not from OpenMP
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _run(command: list[str], source: str | os.PathLike[str], what: str) -> subprocess.CompletedProcess:
    try:
        done = subprocess.run(command, capture_output=True, timeout=_TIMEOUT, check=False, env=_env())
    except subprocess.TimeoutExpired:
        raise ReadError(source, f"{what} chạy quá {_TIMEOUT} giây cho một trang / "
                                f"{what} took longer than {_TIMEOUT} s on one page") from None
    except OSError as exc:
        raise OCRUnavailable(source, f"{_INSTALL} ({exc.strerror})") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReadError(source, f"{what} bị lỗi / {what} failed: {reason[-1] if reason else done.returncode}")
    return done


def _recognise(
    tesseract: str, image: Path, source: str | os.PathLike[str], *, dpi: int | None = None,
    pdf: bool = False,
) -> str:
    """Tesseract on one image: its text; with ``pdf``, also ``<image>.pdf`` (text only)."""
    base = image.with_suffix("")
    # --psm 4: one column of text of variable sizes, the layout of a plan's body
    command = [tesseract, str(image), str(base), "-l", "vie", "--psm", "4"]
    if dpi:
        command += ["--dpi", str(dpi)]
    if pdf:
        command += ["-c", "textonly_pdf=1"]
    command += ["txt", "pdf"] if pdf else ["txt"]
    _run(command, source, "Tesseract")
    text_file = base.with_suffix(".txt")
    text = text_file.read_bytes().decode("utf-8", "replace") if text_file.exists() else ""
    return mend_ocr(text)


# The commonest words of plans: upright Vietnamese print read by OCR has about one word in six
# among them, a page upside down read as letters ("quIq ueA uaÁnẩ7N") next to none.
_COMMON = (
    "và của các năm ngày số thực hiện công tác hành chính nhân dân tỉnh kế hoạch quyết định ban "
    "trên theo về cho có được trong với người những này đến không nhà nước xã huyện phố thành "
    "sở ủy cơ quan đơn vị cấp tổ chức là để tại từ một đã như phát triển quản lý chỉ đạo cải cách "
    "tháng tuyên truyền chuyển đổi cán bộ giai đoạn thủ tục dịch vụ"
)
_COMMON_WORDS = frozenset(_COMMON.split())
_MIN_WORDS = 15  # words under which the share of common words says nothing
_MIN_COMMON_SHARE = 0.04


def _common_words(text: str) -> tuple[int, int]:
    """(words of :data:`_COMMON_WORDS`, words) in ``text``."""
    words = [w for w in text.lower().split() if any(c.isalpha() for c in w)]
    return sum(w.strip(".,;:()\"'“”-") in _COMMON_WORDS for w in words), len(words)


def _looks_unread(text: str) -> bool:
    """Whether OCR text is what a sideways or upside-down page gives: few letters, or letters
    that make hardly any of the commonest words of a plan."""
    visible = [c for c in text if not c.isspace()]
    letters = sum(c.isalpha() for c in visible)
    if letters < _MIN_LETTERS or letters < _MIN_LETTER_SHARE * len(visible):
        return True
    common, words = _common_words(text)
    return words >= _MIN_WORDS and common < _MIN_COMMON_SHARE * words


def _readability(text: str) -> tuple[int, int]:
    """What makes one reading of a page better than another: common words, then letters."""
    return _common_words(text)[0], sum(c.isalpha() for c in text)


def _orientation(tesseract: str, image: Path, dpi: int | None) -> int:
    """Degrees to turn the page clockwise to make it upright (Tesseract's ``Rotate:``), or 0."""
    command = [tesseract, str(image), "stdout", "--psm", "0", "-l", "osd"]
    if dpi:
        command += ["--dpi", str(dpi)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=_TIMEOUT, check=False, env=_env())
    except (OSError, subprocess.SubprocessError):
        return 0
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "Rotate" and value.strip().isdigit():
            return int(value.strip()) % 360
    return 0


# -- greyscale pages ----------------------------------------------------------------------------
# Pillow comes with matplotlib, a dependency of plankit; numpy with pandas.
_MAX_SKEW = 4.0  # degrees: a page fed askew; more is a page scanned sideways, for _orientation
_MIN_SKEW = 0.2  # degrees under which turning the page costs more than it gains


def skew_angle(grey) -> float:
    """The angle in degrees (counterclockwise) by which the lines of a page are tilted.

    The projection profile method on a small copy of the page: the dark pixels are summed
    along lines of each candidate slope, and the slope whose sums are the most uneven (lines of
    print and the white between them) is the tilt. Coarse steps of 0.25 degrees, then 0.05.

    >>> from PIL import Image, ImageDraw
    >>> page = Image.new("L", (1200, 900), 255)
    >>> draw = ImageDraw.Draw(page)
    >>> for y in range(100, 800, 40):
    ...     draw.rectangle((100, y, 1100, y + 12), fill=0)
    >>> round(skew_angle(page.rotate(1.5, fillcolor=255, resample=Image.BICUBIC)), 1)
    1.5
    """
    import numpy as np

    small = grey
    while small.width > 900:
        small = small.reduce(2)
    dark = np.asarray(small) < 128
    ys, xs = np.nonzero(dark)
    if len(xs) < 200:
        return 0.0
    ys = ys.astype(np.float64)
    xs = xs.astype(np.float64)

    def score(angle: float) -> float:
        rows = np.rint(ys + xs * math.tan(math.radians(angle))).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        return float(np.dot(counts, counts))

    coarse = max(np.arange(-_MAX_SKEW, _MAX_SKEW + 0.01, 0.25), key=score)
    return float(max(np.arange(coarse - 0.25, coarse + 0.26, 0.05), key=score))


def _despeckle(grey):
    """``grey`` without specks: dark blobs of a few pixels with nothing dark around them.

    A scanner's dust reads as commas and quotes. At 300 dpi a speck of up to 4 x 4 pixels
    (0.3 mm, grey halo included) leaves at most 16 darkish pixels in the 7 x 7 square around
    each of its pixels; print does not: a stroke is longer, and the smallest mark, the dot of
    "ạ", is a 5 x 5 core in a grey halo (at most the halo's corners go). A speck touching a
    letter stays: it is part of the letter's blob, and can turn "o" into "ơ".
    """
    import numpy as np
    from PIL import Image

    pixels = np.asarray(grey)
    dark = (pixels < 192).view(np.uint8)  # with the grey halo a resampled speck has
    h, w = dark.shape
    padded = np.pad(dark, 3)
    rows = sum(padded[:, k : k + w] for k in range(7))  # a separable 7 x 7 box sum, in uint8
    count = sum(rows[k : k + h, :] for k in range(7))
    specks = (dark == 1) & (count <= 16)
    if not specks.any():
        return grey
    clean = pixels.copy()
    clean[specks] = 255
    return Image.fromarray(clean)


_MIN_RANGE = 48  # grey levels between ink and paper under which a page is left as it is (blank)


def _levels(grey):
    """``grey`` with its ink made black and its paper white, when a faded copy or a grey scan
    left them closer (ink at 150 on paper at 215): the thresholds of :func:`_despeckle` and
    :func:`skew_angle` are for black print on white, and a faded page askew was never
    straightened. Ink is the darkest 0.5 % of the pixels, paper the median (a page is mostly
    paper); between them the levels are stretched linearly, one lookup table."""
    histogram = grey.histogram()
    total = sum(histogram)

    def level(share: float) -> int:
        seen = 0
        for value, count in enumerate(histogram):
            seen += count
            if seen >= share * total:
                return value
        return 255

    ink, paper = level(0.005), level(0.5)
    if paper - ink < _MIN_RANGE or (ink <= 16 and paper >= 240):
        return grey
    scale = 255 / (paper - ink)
    return grey.point([min(255, max(0, round((v - ink) * scale))) for v in range(256)])


def _prepare(image, folder: Path, name: str) -> Path:
    """The page as Tesseract reads it best: grey from the red channel, its levels stretched
    to black on white, without specks, straightened, as PGM."""
    from PIL import Image

    if image.mode in ("RGB", "RGBA", "P", "CMYK", "LA", "I;16", "I", "F", "1"):
        image = image.convert("RGB")
    grey = image.getchannel("R") if image.mode == "RGB" else image.convert("L")
    grey = _despeckle(_levels(grey))
    angle = skew_angle(grey)
    if abs(angle) >= _MIN_SKEW:
        grey = grey.rotate(-angle, resample=Image.BICUBIC, fillcolor=255)
    target = folder / f"{name}.pgm"
    grey.save(target)
    return target


def _render(pdftoppm: str, pdf: Path, page: int, dpi: int, folder: Path, source) -> Path:
    """Page ``page`` of ``pdf`` rendered by pdftoppm and prepared for Tesseract."""
    from PIL import Image

    prefix = folder / f"page-{page:05d}"
    command = [pdftoppm, "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(prefix)]
    _run(command, source, "pdftoppm")
    colour = prefix.with_suffix(".ppm")
    if not colour.exists():
        raise ReadError(source, f"pdftoppm không xuất ra ảnh trang {page} / pdftoppm wrote no image for page {page}")
    with Image.open(colour) as image:
        target = _prepare(image, folder, prefix.name)
    colour.unlink()
    return target


def _upright(image: Path, turn: int) -> Path:
    from PIL import Image

    # Tesseract's "Rotate: 90" means turn 90 degrees clockwise; Pillow's ROTATE_90 is counterclockwise
    method = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}[turn]
    target = image.with_name(image.stem + f"-r{turn}.pgm")
    with Image.open(image) as grey:
        grey.transpose(method).save(target)
    return target


def _read_upright(
    tesseract: str, image: Path, source, dpi: int | None, pdf_out: bool
) -> tuple[str, Path, int]:
    """Read a prepared page; a page that reads as garbage is turned upright and read again."""
    text = _recognise(tesseract, image, source, dpi=dpi, pdf=pdf_out)
    if _looks_unread(text):
        turn = _orientation(tesseract, image, dpi)
        if turn in (90, 180, 270):
            turned = _upright(image, turn)
            again = _recognise(tesseract, turned, source, dpi=dpi, pdf=pdf_out)
            if _readability(again) > _readability(text):
                return again, turned, turn
    return text, image, 0


# -- the header's two columns --------------------------------------------------------------------
_BAND_WIDTH = 1240  # pixels across the page where the header band is looked for (150 dpi on A4)
_MIN_GAP = 20  # white columns (at _BAND_WIDTH) between the issuer's and the motto's columns
_BAND_TOP = 0.4  # share of the page height the header lies in


def header_band(grey) -> tuple[int, int] | None:
    """Where a page's two-column header ends and its columns part: ``(bottom, gap)`` in pixels
    of ``grey``, or None when the top of the page is not in two columns.

    The lines of print at the top of the page are found from the rows holding ink; from the
    first line down, the columns left white by every line so far are kept, and the band ends
    before the first line that would leave no white run of :data:`_MIN_GAP` columns between a
    quarter and 70 % of the width, with ink on both sides (the title, centred across the page,
    ends it). At least two lines must share the gap.

    >>> from PIL import Image, ImageDraw
    >>> page = Image.new("L", (1240, 1754), 255)
    >>> draw = ImageDraw.Draw(page)
    >>> for y in (100, 140, 180):
    ...     _ = draw.rectangle((150, y, 450, y + 20), fill=0), draw.rectangle((600, y, 1100, y + 20), fill=0)
    >>> _ = draw.rectangle((400, 260, 800, 285), fill=0)  # the title
    >>> header_band(page)
    (230, 525)
    """
    import numpy as np

    scale = max(1, grey.width // _BAND_WIDTH)
    small = grey.reduce(scale) if scale > 1 else grey
    dark = np.asarray(small) < 128
    h, w = dark.shape
    ink_rows = np.nonzero(dark[: int(h * _BAND_TOP)].sum(axis=1) >= 2)[0]
    if len(ink_rows) == 0:
        return None
    lines: list[list[int]] = []
    for y in ink_rows:  # runs of inked rows; a gap of up to 3 rows (a mark above a letter) joins
        if lines and y - lines[-1][1] <= 4:
            lines[-1][1] = int(y)
        else:
            lines.append([int(y), int(y)])
    lo, hi = w // 4, w * 7 // 10
    white = np.ones(w, bool)
    inked = np.zeros(w, bool)
    band: tuple[int, int, int] | None = None  # (lines in band, last line's bottom, gap centre)
    for k, (top, bottom) in enumerate(lines):
        columns = dark[top : bottom + 1].any(axis=0)
        now_white = white & ~columns
        now_inked = inked | columns
        gap = _widest_run(now_white[lo:hi])
        if gap is None or gap[1] - gap[0] < _MIN_GAP:
            break
        start, stop = gap[0] + lo, gap[1] + lo
        if not (now_inked[:start].any() and now_inked[stop:].any()) and k > 0:
            break
        white, inked = now_white, now_inked
        if now_inked[:start].any() and now_inked[stop:].any():
            band = (k + 1, bottom, (start + stop) // 2)
    if band is None or band[0] < 2:
        return None
    count, bottom, gap_x = band
    below = lines[count][0] if count < len(lines) else min(h, bottom + 10)
    return (bottom + below) // 2 * scale, gap_x * scale


def _widest_run(flags) -> tuple[int, int] | None:
    """``(start, stop)`` of the longest run of True in a 1-D boolean array, or None."""
    import numpy as np

    padded = np.concatenate(([False], flags, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    if len(edges) == 0:
        return None
    starts, stops = edges[0::2], edges[1::2]
    best = int(np.argmax(stops - starts))
    return int(starts[best]), int(stops[best])


def _tsv_lines(tesseract: str, image: Path, source, dpi: int | None) -> list[tuple[int, int, str]]:
    """Tesseract's lines of an image: (top, bottom, text), top to bottom."""
    base = image.with_suffix("")
    command = [tesseract, str(image), str(base), "-l", "vie", "--psm", "4"]
    if dpi:
        command += ["--dpi", str(dpi)]
    _run([*command, "tsv"], source, "Tesseract")
    lines: dict[tuple[str, str, str], list] = {}
    tsv = base.with_suffix(".tsv")
    for row in tsv.read_bytes().decode("utf-8", "replace").splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        key = (cells[2], cells[3], cells[4])
        top, height = int(cells[7]), int(cells[9])
        entry = lines.setdefault(key, [top, top + height, []])
        entry[0], entry[1] = min(entry[0], top), max(entry[1], top + height)
        entry[2].append(cells[11].strip().translate(_LOOKALIKES))
    return sorted((top, bottom, mend_ocr(" ".join(words))) for top, bottom, words in lines.values())


def _side_by_side(left: list[tuple[int, int, str]], right: list[tuple[int, int, str]]) -> str:
    """The two columns' lines joined as a page prints them: a left and a right line at the same
    height on one line, separated by spaces (what ``--psm 4`` gives and the header reader
    expects), other lines alone, top to bottom."""
    rows: list[tuple[int, str]] = []
    free = list(right)
    for top, bottom, text in left:
        match = next((r for r in free if min(bottom, r[1]) - max(top, r[0]) >= 0.5 * min(bottom - top, r[1] - r[0])), None)
        if match is not None:
            free.remove(match)
            rows.append((min(top, match[0]), f"{text}    {match[2]}"))
        else:
            rows.append((top, text))
    rows += [(top, text) for top, _, text in free]
    return "\n".join(text for _, text in sorted(rows, key=lambda row: row[0]))


def _read_split(tesseract: str, image: Path, source, dpi: int | None) -> str | None:
    """A page whose header is in two columns, read column by column: the issuer's column and
    the motto's apart (read across the page, ``TỈNH`` in a line beside the motto came out
    ``TÍNH`` and ``07/KH-UBND`` lost its slash), then the rest of the page. None when the page
    has no such header."""
    from PIL import Image

    with Image.open(image) as grey:
        grey.load()
    band = header_band(grey)
    if band is None:
        return None
    bottom, gap = band
    parts = {}
    for name, box in (("left", (0, 0, gap, bottom)), ("right", (gap, 0, grey.width, bottom)),
                      ("rest", (0, bottom, grey.width, grey.height))):
        target = image.with_name(f"{image.stem}-{name}.pgm")
        grey.crop(box).save(target)
        parts[name] = target
    header = _side_by_side(_tsv_lines(tesseract, parts["left"], source, dpi),
                           _tsv_lines(tesseract, parts["right"], source, dpi))
    rest = _recognise(tesseract, parts["rest"], source, dpi=dpi)
    # mended again as a whole: a title whose first line closes the header band goes on below it
    return mend_ocr(header + "\n\n" + rest)


def _read_page(
    tesseract: str, image: Path, source, dpi: int | None, pdf_out: bool
) -> tuple[str, Path, int]:
    """A prepared page read, its two-column header column by column (unless a searchable PDF
    is made, whose text layer comes from one reading of the whole page)."""
    if not pdf_out:
        split = _read_split(tesseract, image, source, dpi)
        if split is not None and not _looks_unread(split):
            return split, image, 0
        if split is not None:  # garbage: a page sideways or upside down; turned at once
            turn = _orientation(tesseract, image, dpi)
            if turn in (90, 180, 270):
                turned = _upright(image, turn)
                again = _read_split(tesseract, turned, source, dpi) or _recognise(tesseract, turned, source, dpi=dpi)
                if _readability(again) > _readability(split):
                    return again, turned, turn
    text, upright, turn = _read_upright(tesseract, image, source, dpi, pdf_out)
    if turn and not pdf_out:
        split = _read_split(tesseract, upright, source, dpi)
        if split is not None and not _looks_unread(split):
            text = split
    return text, upright, turn


def _page(
    tesseract: str, pdftoppm: str, pdf: Path, page: int, dpi: int, folder: Path, source, pdf_out: bool
) -> tuple[str, Path | None, int]:
    """Render and read one page: its text, its text-only PDF page (or None), the turn used."""
    image = _render(pdftoppm, pdf, page, dpi, folder, source)
    text, image, turn = _read_page(tesseract, image, source, dpi, pdf_out)
    return text, (image.with_suffix(".pdf") if pdf_out else None), turn


def _page_count(pdf: Path, source) -> int:
    from pypdf import PdfReader

    from ._limits import MAX_PDF_PAGES, damaged_pdf, too_many_pages

    try:
        count = len(PdfReader(str(pdf)).pages)
    except Exception as exc:  # pypdf raises many types on broken files; all mean "damaged"
        raise ReadError(source, damaged_pdf(str(exc) or type(exc).__name__)) from None
    if count == 0:
        raise ReadError(source, "tệp PDF không có trang nào để OCR / the PDF has no pages to OCR")
    if count > MAX_PDF_PAGES:
        raise ReadError(source, too_many_pages(count))
    return count


def _jobs(jobs: int | None, pages: int) -> int:
    if jobs is None:
        jobs = int(os.environ.get("PLANKIT_OCR_JOBS", "0") or 0) or os.cpu_count() or 1
    return max(1, min(jobs, pages))


def _upscale(image, factor: float):
    """``image`` enlarged ``factor`` times (Lanczos): a scan of 150 or 200 dpi brought to the
    :data:`DEFAULT_DPI` its PDF pages are rendered at, where Tesseract reads the marks and the
    slash of ``181/KH-SCT`` (at 200 dpi it read ``1817KH-SCT``)."""
    from PIL import Image

    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    return image.resize((round(image.width * factor), round(image.height * factor)), Image.LANCZOS)


def ocr_image(path: str | os.PathLike[str], *, data: bytes | None = None) -> str:
    """The text of a scanned page (PNG, JPEG, TIFF), read by ``tesseract -l vie``.

    ``data`` is the image's bytes when they do not come from ``path`` (which then only names
    the file in errors). A scan under 300 dpi is enlarged to it, the page is straightened, and
    turned upright when scanned sideways or upside down.

    Raises :class:`~plankit.errors.OCRUnavailable` without Tesseract or its Vietnamese model,
    :class:`~plankit.errors.ReadError` when the image cannot be read.

    >>> ocr_image("missing.png")  # doctest: +SKIP
    Traceback (most recent call last):
    plankit.errors.ReadError: missing.png: không đọc được ảnh / cannot read the image (không có tệp này / file not found)
    """
    from PIL import Image, UnidentifiedImageError

    from ..output import read_reason

    tesseract = _tesseract(path)
    with tempfile.TemporaryDirectory(prefix="plankit-ocr-") as tmp:
        try:
            with Image.open(io.BytesIO(data) if data is not None else Path(path)) as image:
                dpi = image.info.get("dpi", (0, 0))[0]
                if dpi and 70 <= dpi < DEFAULT_DPI:  # a 150 or 200 dpi scan, read as a PDF page is
                    image = _upscale(image, DEFAULT_DPI / dpi)
                    dpi = DEFAULT_DPI
                prepared = _prepare(image, Path(tmp), "scan")
        except UnidentifiedImageError:  # its own words name a BytesIO object, not the file
            raise ReadError(path, _NOT_AN_IMAGE) from None
        except OSError as exc:
            if exc.errno is not None:  # the file itself: missing, unreadable
                raise ReadError(path, f"không đọc được ảnh / cannot read the image ({read_reason(exc)})") from None
            raise ReadError(path, f"{_NOT_AN_IMAGE} [Pillow: {exc or type(exc).__name__}]") from None
        except Image.DecompressionBombError as exc:
            raise ReadError(path, f"từ chối: ảnh quá lớn (bom giải nén?) / refused: the image is too large "
                                  f"(a decompression bomb?): {exc}") from None
        dpi = int(dpi) if dpi and 70 <= dpi <= 2400 else None
        text, _, _ = _read_page(tesseract, prepared, path, dpi, False)
        return text


def ocr_pdf(
    path: str | os.PathLike[str],
    *,
    dpi: int = DEFAULT_DPI,
    jobs: int | None = None,
    data: bytes | None = None,
    searchable: str | os.PathLike[str] | None = None,
    force: bool = False,
) -> str:
    """The text of a scanned PDF, its pages rendered and read in parallel.

    Pages are joined by a line holding only a form feed (``"\\n\\f\\n"``): a page break that
    line-based readers see as a blank line.

    Args:
        path: the PDF (named in errors; read when ``data`` is not given).
        dpi: the resolution pages are rendered at.
        jobs: pages read at once, one single-threaded Tesseract each (default: the machine's
            cores, or the environment variable ``PLANKIT_OCR_JOBS``).
        data: the PDF's bytes, when they do not come from ``path`` (object storage).
        searchable: also write a searchable PDF there (the original pages with an invisible
            text layer); :class:`~plankit.errors.OutputExists` if it exists and not ``force``.
        force: overwrite ``searchable``.

    >>> ocr_pdf("scan.pdf", searchable="scan.searchable.pdf")  # doctest: +SKIP
    'UBND TỈNH HẢI DƯƠNG ...'
    """
    if searchable is not None:  # refused before minutes of OCR, not after
        from ..output import plan_outputs

        plan_outputs([searchable], [path], force=force)
    pages = _ocr_pages(path, data, None, dpi=dpi, jobs=jobs, searchable=searchable, force=force)
    return "\n\f\n".join(text.rstrip("\n") for text in pages.values())


def ocr_pdf_pages(
    path: str | os.PathLike[str], pages: list[int], *, data: bytes | None = None, dpi: int = DEFAULT_DPI,
    jobs: int | None = None,
) -> dict[int, str]:
    """The text of some pages of a PDF (1-based numbers), read as :func:`ocr_pdf` reads a scan:
    the scanned pages of a PDF whose other pages have a text layer (a signed first page
    scanned into a typed plan)."""
    return _ocr_pages(path, data, pages, dpi=dpi, jobs=jobs)


def _ocr_pages(
    path, data: bytes | None, wanted: list[int] | None, *, dpi: int, jobs: int | None,
    searchable=None, force: bool = False,
) -> dict[int, str]:
    """Page number -> text for ``wanted`` pages (all when None); writes ``searchable``."""
    tesseract = _tesseract(path)
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        raise OCRUnavailable(path, _INSTALL_PDF)
    with tempfile.TemporaryDirectory(prefix="plankit-ocr-") as tmp:
        folder = Path(tmp)
        if data is not None:
            pdf = folder / "scan.pdf"
            pdf.write_bytes(data)
        else:
            pdf = Path(path)
            if not pdf.is_file():
                raise ReadError(path, "không có tệp này / file not found")
        count = _page_count(pdf, path)
        numbers = list(range(1, count + 1)) if wanted is None else [n for n in wanted if 1 <= n <= count]
        workers = _jobs(jobs, max(1, len(numbers)))
        pdf_out = searchable is not None

        def one(page: int) -> tuple[str, Path | None, int]:
            return _page(tesseract, pdftoppm, pdf, page, dpi, folder, path, pdf_out)

        if workers == 1:
            pages = [one(n) for n in numbers]
        else:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                pages = list(pool.map(one, numbers))
        if searchable is not None:
            _write_searchable(pdf, [overlay for _, overlay, _ in pages], [t for _, _, t in pages], searchable, force, path)
        return {n: text for n, (text, _, _) in zip(numbers, pages, strict=True)}


def _write_searchable(
    pdf: Path, overlays: list[Path | None], turns: list[int], target, force: bool, source
) -> None:
    """The original pages, each with its invisible OCR text laid over it, written atomically."""
    from pypdf import PdfReader, PdfWriter, Transformation

    from ..output import write_atomic

    writer = PdfWriter(clone_from=PdfReader(str(pdf)))
    for page, overlay, turn in zip(writer.pages, overlays, turns, strict=True):
        if overlay is None or not overlay.exists():
            continue
        text_page = PdfReader(str(overlay)).pages[0]
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        tw, th = float(text_page.mediabox.width), float(text_page.mediabox.height)
        move = Transformation()
        if turn:  # read on the page turned clockwise upright: turn the text back, counterclockwise
            move = move.rotate(turn).translate(*{90: (th, 0), 180: (tw, th), 270: (0, tw)}[turn])
            tw, th = (th, tw) if turn in (90, 270) else (tw, th)
        move = move.scale(width / tw, height / th).translate(float(box.left), float(box.bottom))
        page.merge_transformed_page(text_page, move)
    out = io.BytesIO()
    writer.write(out)
    write_atomic(target, out.getvalue(), force=force, inputs=(source,))
