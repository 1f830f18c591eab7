"""A PDF with a text layer into a :class:`Layout`: its text lines, page by page.

pypdf's layout mode is used: it keeps each printed line on one text line, so the two columns of
the header come out side by side ("UBND TỈNH HẢI DƯƠNG      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
as in a scanned plan, and a table row stays on its lines instead of one cell word per line.
Each non-blank line is a :class:`Line` with ``SourceRef(kind="page", page=n, line=k)`` (both
1-based); its span leaves out the indentation and trailing blanks, which stay in the text. Pages
follow each other with a single ``\\n``: page boundaries are in the source references, not in
the text. Tables are not rebuilt from a PDF: their rows are lines. A page's furniture (its
number, "Trang 2/5", a browser's running header and footer, the site's address) is left out of
the text, so a sentence a page break cut reads on (``plankit.read._text.page_furniture``).

A PDF without a text layer (a scan) raises :class:`NoTextLayer`; the dispatcher then runs OCR.
A PDF with a text layer on some pages and scanned images on others (a typed plan whose signed,
stamped first page was scanned back in) has its scanned pages read by OCR in place, with a
warning naming them; without Tesseract the warning says they were not read (before, they were
dropped without a word, and with them the header of a scanned first page).

The work is bounded: at most :data:`~._limits.MAX_PDF_PAGES` pages and
:data:`~._limits.MAX_PDF_CONTENT_BYTES` bytes of content streams interpreted over all pages (a
stream shared by many pages counts once per page: 2,000 pages drawing one stream cost 2,000
times its work). pypdf's warnings about a damaged file never reach the terminal: they become
the plan's warnings, or part of the one error line.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import threading
from collections.abc import Iterator

from ..errors import ReadError
from ..model import ReadWarning, SourceRef, Span
from ..text import fold, nfc
from ._layout import Layout, Line
from ._limits import (
    MAX_FILE_BYTES,
    MAX_PDF_CONTENT_BYTES,
    MAX_PDF_PAGES,
    damaged_pdf,
    too_large,
    too_many_pages,
)
from ._text import drop_copy_chars, drop_lines, number_goes_on, page_furniture

__all__ = ["NoTextLayer", "read_pdf"]

# Under this many non-blank characters per page on average, the "text" is a scanner's stray
# marks or page numbers, not a text layer.
MIN_CHARS_PER_PAGE = 20

_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

# Reasons for a PDF that cannot be read, Vietnamese first with the English gloss (damaged_pdf
# and too_many_pages are in _limits, shared with _ocr, which checks a scanned PDF the same way).
_PASSWORD = ("tệp PDF có mật khẩu: mở bằng mật khẩu rồi lưu một bản không khóa / "
             "password-protected PDF: open it with its password and save an unprotected copy")



class NoTextLayer(ReadError):
    """A PDF whose pages are images (a scan): its text can only be read by OCR."""

    def __init__(self, path: str | None):
        super().__init__(
            path,
            "không có lớp chữ (tệp PDF quét): cần OCR, cài tesseract-ocr và tesseract-ocr-vie / "
            "no text layer (a scanned PDF): OCR needed — install tesseract-ocr and tesseract-ocr-vie",
        )


def _open(data: bytes, path: str | None):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if len(data) > MAX_FILE_BYTES:
        raise ReadError(path, too_large(len(data)))
    if b"%PDF-" not in data[:1024]:
        raise ReadError(path, "không phải tệp PDF (không có phần đầu %PDF) / not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            from pypdf import PasswordType

            if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                raise ReadError(path, _PASSWORD)
        count = len(reader.pages)
    except ReadError:
        raise
    except DependencyError:
        raise ReadError(
            path,
            "tệp PDF mã hóa: cần gói 'cryptography' để đọc (pip install cryptography) / "
            "encrypted PDF: reading it needs the 'cryptography' package (pip install cryptography)",
        ) from None
    except FileNotDecryptedError:
        raise ReadError(path, _PASSWORD) from None
    except Exception as exc:  # pypdf raises a zoo of types on broken files; all mean "damaged"
        raise ReadError(path, damaged_pdf(_describe(exc))) from None
    if count == 0:
        raise ReadError(path, "tệp PDF không có trang nào / the PDF has no pages")
    if count > MAX_PDF_PAGES:
        raise ReadError(path, too_many_pages(count))
    return reader


def _describe(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


class _Warnings(logging.Handler):
    """pypdf's log records of this thread, kept (a few, and a count) instead of printed."""

    KEEP = 5

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.messages: list[str] = []
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        self.count += 1
        if len(self.messages) < self.KEEP:
            try:
                message = " ".join(record.getMessage().split())[:200]
            except Exception:  # a record whose arguments do not format
                message = str(record.msg)[:200]
            if message not in self.messages:
                self.messages.append(message)

    def summary(self) -> str:
        more = self.count - len(self.messages)
        return "; ".join(self.messages) + (f" (and {more} more warnings)" if more > 0 else "")


@contextlib.contextmanager
def _captured() -> Iterator[_Warnings]:
    """Collect pypdf's warnings of this thread while reading.

    pypdf logs through child loggers (``pypdf._reader``...); a handler on ``pypdf`` sees them
    all, and with a handler in the chain Python's last-resort printer stays silent, so a damaged
    file no longer prints thousands of lines on the terminal.
    """
    logger = logging.getLogger("pypdf")
    handler = _Warnings()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def _content_bytes(page) -> int:
    """Decoded bytes of a page's content streams (what the text extractor will interpret)."""
    from pypdf.generic import ArrayObject

    contents = page.get("/Contents")
    if contents is None:
        return 0
    contents = contents.get_object()
    streams = contents if isinstance(contents, ArrayObject) else [contents]
    total = 0
    for stream in streams:
        obj = stream.get_object()
        get_data = getattr(obj, "get_data", None)
        if get_data is not None:
            total += len(get_data())
    return total


def _page_text(reader, path: str | None, number: int) -> str:
    try:
        text = reader.pages[number - 1].extract_text(extraction_mode="layout")
    except Exception as exc:  # as in _open: any failure inside pypdf is a damaged page
        raise ReadError(path, damaged_pdf(_describe(exc), number)) from None
    text = drop_copy_chars(nfc(text.translate(_LIGATURES)))  # a form feed ends a line
    return _CONTROL.sub("", text)


def read_pdf(data: bytes, path: str | None = None) -> Layout:
    """Read the text layer of a PDF into a :class:`Layout` (form ``pdf``).

    Raises :class:`NoTextLayer` for a scanned PDF, and :class:`ReadError` for a damaged or
    password-protected one (a PDF that opens with an empty password is read).

    >>> read_pdf(b"%PDF-1.4 not really", "x.pdf")
    Traceback (most recent call last):
    ...
    plankit.errors.ReadError: x.pdf: tệp PDF hỏng / damaged PDF (...) [pypdf: EOF marker not found]
    """
    with _captured() as noise:
        try:
            texts, scanned = _read_pages(bytes(data), path)
        except NoTextLayer:
            raise
        except ReadError as exc:
            if noise.count:
                raise ReadError(path, f"{exc.reason} [pypdf: {noise.summary()}]") from None
            raise
    if sum(_chars(t) for t in texts) < MIN_CHARS_PER_PAGE * len(texts):
        raise NoTextLayer(path)
    warnings = [ReadWarning(f"tệp PDF hỏng vài chỗ, vẫn đọc được / PDF damaged in places, read anyway "
                               f"(pypdf: {noise.summary()})")] if noise.count else []
    ocr = False
    if scanned:
        ocr, warning = _ocr_scanned(texts, scanned, bytes(data), path)
        warnings.append(warning)
    text, items, furniture = _lines(texts, read_by_ocr=set(scanned) if ocr else set())
    if furniture:
        warnings.append(ReadWarning(f"Bỏ qua số trang, đầu trang, chân trang của bản sao / page furniture of a copy left out: "
                                    f"{furniture} line(s) of page numbers, running headers or footers, addresses"))
    return Layout(text, tuple(items), "pdf", ocr=ocr, warnings=tuple(warnings))


def _chars(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def _pages_named(numbers: list[int]) -> str:
    return ("trang " if len(numbers) == 1 else "các trang ") + ", ".join(map(str, numbers))


def _ocr_scanned(texts: list[str], scanned: list[int], data: bytes, path: str | None) -> tuple[bool, ReadWarning]:
    """Read the scanned pages of a PDF with a text layer by OCR, in ``texts`` (1-based page
    numbers in ``scanned``): whether OCR ran, and the warning that says what was done."""
    from ..errors import OCRUnavailable
    from ._ocr import ocr_available, ocr_pdf_pages

    pages = _pages_named(scanned)
    english = ("page " if len(scanned) == 1 else "pages ") + ", ".join(map(str, scanned))
    if ocr_available():
        try:
            read = ocr_pdf_pages(path or "document.pdf", scanned, data=data)
        except OCRUnavailable as exc:
            return False, ReadWarning(f"{pages} là bản quét, chưa đọc được / {english} scanned, not read: {exc.reason}")
        for number, text in read.items():
            texts[number - 1] = _CONTROL.sub("", nfc(text))
        return True, ReadWarning(f"{pages} là bản quét, đã đọc bằng OCR / {english} scanned: read by OCR")
    return False, ReadWarning(
        f"{pages} là bản quét, chưa đọc: cài tesseract-ocr và tesseract-ocr-vie "
        f"/ {english} scanned, not read: install tesseract-ocr and tesseract-ocr-vie"
    )


def _draws_image(page) -> bool:
    """Whether a page draws an image (directly or in a form it draws): a scan's page does."""
    def images(resources, depth: int) -> bool:
        xobjects = resources.get("/XObject") if resources is not None else None
        if xobjects is None:
            return False
        for ref in xobjects.get_object().values():
            obj = ref.get_object()
            kind = obj.get("/Subtype")
            if kind == "/Image":
                return True
            if kind == "/Form" and depth < 2 and images(obj.get("/Resources"), depth + 1):
                return True
        return False

    try:
        resources = page.get("/Resources")
        return images(resources.get_object() if resources is not None else None, 0)
    except Exception:  # a damaged resource dictionary: no image found
        return False


def _lines(texts: list[str], read_by_ocr: set[int] = frozenset()) -> tuple[str, list[Line], int]:
    """The pages' text, one line per printed line, a :class:`Line` for each non-blank one, and
    how many lines of page furniture were left out (not on the pages in ``read_by_ocr``: a
    number alone on a scanned page's line may be the text's own)."""
    pieces: list[str] = []
    items: list[Line] = []
    pos = furniture = 0
    for number, page_text in enumerate(texts, start=1):
        lines = [line.rstrip() for line in page_text.split("\n")]
        # a page number, a running header or footer: not the plan's, and never a paragraph's end
        out = set() if number in read_by_ocr else {
            k for k, line in enumerate(lines) if line and len(line) < 240 and page_furniture(fold(line))
            and not (line.strip().isdigit() and number_goes_on(lines, k))}
        kept, numbers = drop_lines(lines, out) if out else (lines, list(range(1, len(lines) + 1)))
        furniture += len(out)
        first, last = 0, len(kept)
        while last > first and not kept[last - 1]:
            last -= 1
        while first < last and not kept[first]:
            first += 1
        for line, k in zip(kept[first:last], numbers[first:last], strict=True):
            if pieces:
                pieces.append("\n")
                pos += 1
            stripped = line.lstrip()
            if stripped:
                start = pos + len(line) - len(stripped)
                items.append(Line(Span(start, pos + len(line)), SourceRef("page", page=number, line=k)))
            pieces.append(line)
            pos += len(line)
    return "".join(pieces), items, furniture


def _read_pages(data: bytes, path: str | None) -> tuple[list[str], list[int]]:
    """Each page's text, and the pages that are scans among pages with text (1-based)."""
    reader = _open(data, path)
    pages = len(reader.pages)
    # The whole budget is checked before any page is interpreted: a refusal costs no extraction.
    total = 0
    for number in range(1, pages + 1):
        try:
            total += _content_bytes(reader.pages[number - 1])
        except Exception as exc:  # as in _open: any failure inside pypdf is a damaged page
            raise ReadError(path, damaged_pdf(_describe(exc), number)) from None
        if total > MAX_PDF_CONTENT_BYTES:
            mb = MAX_PDF_CONTENT_BYTES // (1024 * 1024)
            raise ReadError(
                path,
                f"từ chối: các trang của tệp PDF chứa hơn {mb} MB lệnh vẽ (đến trang {number}/{pages}) / "
                f"refused: the PDF's pages hold more than {mb} MB "
                f"of drawing instructions (at page {number} of {pages}; a stream shared by pages counts for each)",
            )
    texts = [_page_text(reader, path, number) for number in range(1, pages + 1)]
    scanned = [n for n, t in enumerate(texts, start=1) if _chars(t) < MIN_CHARS_PER_PAGE and _draws_image(reader.pages[n - 1])]
    return texts, scanned
