"""OCR of scans with Tesseract's Vietnamese model: ``ocr_image`` and ``ocr_pdf``.

Both run the ``tesseract`` command line (Debian packages ``tesseract-ocr`` and
``tesseract-ocr-vie``); PDF pages are first rendered at 300 dpi with ``pdftoppm`` (poppler-utils).
They return the recognised text, pages separated by a line holding a form feed, and raise
:class:`~plankit.errors.OCRUnavailable` when a program or the Vietnamese model is missing. The
text still has OCR's damage: :func:`plankit.restore_text` repairs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import OCRUnavailable, ReadError

__all__ = ["ocr_available", "ocr_image", "ocr_pdf"]

_INSTALL = "Tesseract with the Vietnamese model is needed: apt-get install tesseract-ocr tesseract-ocr-vie"
_INSTALL_PDF = "pdftoppm is needed to render the scanned PDF: apt-get install poppler-utils"
_TIMEOUT = 600  # seconds for one page


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


def _run_tesseract(tesseract: str, image: Path, source: str | os.PathLike[str]) -> str:
    # --psm 4: one column of text of variable sizes, the layout of a plan's body
    try:
        done = subprocess.run(
            [tesseract, str(image), "stdout", "-l", "vie", "--psm", "4"],
            capture_output=True,
            timeout=_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ReadError(source, f"OCR took longer than {_TIMEOUT} s on one page") from None
    except OSError as exc:
        raise OCRUnavailable(source, f"{_INSTALL} ({exc.strerror})") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReadError(source, f"Tesseract failed: {reason[-1] if reason else done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def ocr_image(path: str | os.PathLike[str]) -> str:
    """The text of a scanned page (PNG, JPEG, TIFF), read by ``tesseract -l vie``.

    Raises :class:`~plankit.errors.OCRUnavailable` without Tesseract or its Vietnamese model,
    :class:`~plankit.errors.ReadError` when Tesseract cannot read the image.

    >>> ocr_image("missing.png")  # doctest: +SKIP
    Traceback (most recent call last):
    plankit.errors.ReadError: missing.png: Tesseract failed: ...
    """
    tesseract = _tesseract(path)
    return _run_tesseract(tesseract, Path(path), path)


def ocr_pdf(path: str | os.PathLike[str], *, dpi: int = 300) -> str:
    """The text of a scanned PDF: each page rendered by ``pdftoppm -r 300`` and OCR'd.

    Pages are joined by a line holding only a form feed (``"\\n\\f\\n"``): a page break that
    line-based readers see as a blank line.

    >>> ocr_pdf("scan.pdf")  # doctest: +SKIP
    'UBND TP. CAN THO ...'
    """
    tesseract = _tesseract(path)
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        raise OCRUnavailable(path, _INSTALL_PDF)
    with tempfile.TemporaryDirectory(prefix="plankit-ocr-") as tmp:
        prefix = Path(tmp) / "page"
        try:
            done = subprocess.run(
                [pdftoppm, "-r", str(dpi), "-png", str(path), str(prefix)],
                capture_output=True,
                timeout=_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ReadError(path, f"rendering the PDF took longer than {_TIMEOUT} s") from None
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise ReadError(path, f"pdftoppm failed: {reason[-1] if reason else done.returncode}")
        # pdftoppm numbers pages page-1.png or page-01.png ...; sort them by number
        pages = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        if not pages:
            raise ReadError(path, "the PDF has no pages to OCR")
        return "\n\f\n".join(_run_tesseract(tesseract, page, path).rstrip("\n") for page in pages)
