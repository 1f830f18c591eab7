"""Size limits that keep a hostile or broken file from exhausting memory or time.

A plan is a few pages; the limits are generous for real plans (the five bundled ones are under
20 KB) and small enough that a crafted file (a zip bomb, a PDF with a million pages) is refused
before it is expanded. Every limit breach is a :class:`~plankit.errors.ReadError` naming the file.

The reasons every reader gives alike (an empty file, a file too large, a zip bomb) are worded
here once, Vietnamese first with the English gloss, so the .docx, PDF and text readers and the
template renderer say the same thing the same way.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable

from ..errors import PlankitError, ReadError
from ..output import read_reason

__all__ = [
    "EMPTY",
    "ENCRYPTED_ZIP",
    "FOLDER",
    "MAX_FILE_BYTES",
    "MAX_LABEL_CHARS",
    "MAX_NUMBER_START",
    "MAX_PDF_CONTENT_BYTES",
    "MAX_PDF_PAGES",
    "MAX_STYLE_DEPTH",
    "MAX_TEXT_CHARS",
    "MAX_XML_PART_BYTES",
    "MAX_ZIP_MEMBERS",
    "MAX_ZIP_RATIO",
    "MAX_ZIP_TOTAL_BYTES",
    "check_size",
    "check_zip_members",
    "damaged_pdf",
    "doctype_refused",
    "part_too_large",
    "too_large",
    "too_many_pages",
]

MAX_FILE_BYTES = 50 * 1024 * 1024
"""The largest file read at all (the file as stored, before any decompression)."""

MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024
"""The largest total decompressed size of all members of a .docx."""

MAX_XML_PART_BYTES = 100 * 1024 * 1024
"""The largest decompressed size of one XML part (word/document.xml, styles, numbering...)."""

MAX_ZIP_RATIO = 200
"""The largest decompression ratio of one member larger than 1 MB: Word XML compresses about
5-20 times; a ratio in the hundreds or thousands is a zip bomb."""

MAX_ZIP_MEMBERS = 10_000
"""The most members a .docx may hold (Word writes a dozen or two)."""

MAX_PDF_PAGES = 2_000
"""The most pages read from a PDF (plans have 3 to 30)."""

MAX_PDF_CONTENT_BYTES = 6 * 1024 * 1024
"""The most decoded content-stream bytes interpreted over all pages of a PDF. Pages may share
one content stream: a 13 KB file of 2,000 pages each pointing at the same 1 MB stream would
otherwise make the text extractor interpret 2 GB."""

MAX_TEXT_CHARS = 20_000_000
"""The most characters of text a document may produce (about 10,000 pages). Text generated
after the zip checks (numbering labels, fields) counts too."""

MAX_STYLE_DEPTH = 64
"""The longest chain of ``w:basedOn`` styles followed (Word's built-in styles go 3 or 4 deep)."""

MAX_NUMBER_START = 32_767
"""The largest start value of a numbered list; Word itself accepts no more."""

MAX_LABEL_CHARS = 256
"""The longest label a numbering level may generate (``I.``, ``1.2.3.``, ``a)``)."""


EMPTY = "tệp rỗng / empty file"
"""The reason for a file of no bytes (or, in a text file, of blanks only: see the text reader)."""

FOLDER = "là một thư mục / is a folder, not a file"
"""The reason for a folder named where a plan file is expected."""

ENCRYPTED_ZIP = "tệp .docx có mật khẩu (tệp nén mã hóa) / password-protected .docx (encrypted zip archive)"
"""The reason for a .docx whose zip members are encrypted."""


def too_large(size: int) -> str:
    """The reason for a file over :data:`MAX_FILE_BYTES`, with its size in MB.

    >>> too_large(60 * 1024 * 1024)
    'tệp quá lớn (60 MB, giới hạn 50 MB) / file too large (60 MB; the limit is 50 MB)'
    """
    mb, limit = size // (1024 * 1024), MAX_FILE_BYTES // (1024 * 1024)
    return f"tệp quá lớn ({mb} MB, giới hạn {limit} MB) / file too large ({mb} MB; the limit is {limit} MB)"


def part_too_large(member: str) -> str:
    """The reason for an XML part of a .docx over :data:`MAX_XML_PART_BYTES` once expanded.

    >>> part_too_large("word/document.xml")
    'từ chối: word/document.xml lớn hơn 100 MB (bom zip?) / refused: word/document.xml is larger than 100 MB (a zip bomb?)'
    """
    mb = MAX_XML_PART_BYTES // (1024 * 1024)
    return f"từ chối: {member} lớn hơn {mb} MB (bom zip?) / refused: {member} is larger than {mb} MB (a zip bomb?)"


def doctype_refused(member: str) -> str:
    """The reason for an XML part that declares a DOCTYPE (entities), which Word never writes.

    >>> doctype_refused("word/document.xml")
    'từ chối: word/document.xml khai báo DOCTYPE (không được phép trong .docx) / refused: word/document.xml declares a DOCTYPE (not allowed in .docx)'
    """
    return (f"từ chối: {member} khai báo DOCTYPE (không được phép trong .docx) / "
            f"refused: {member} declares a DOCTYPE (not allowed in .docx)")


def damaged_pdf(detail: str, page: int | None = None) -> str:
    """The reason for a PDF pypdf cannot read (``detail``: what pypdf said), at ``page`` if given.

    >>> damaged_pdf("EOF marker not found")
    'tệp PDF hỏng / damaged PDF (EOF marker not found)'
    >>> damaged_pdf("bad stream", 3)
    'tệp PDF hỏng ở trang 3 / damaged PDF (page 3: bad stream)'
    """
    if page is None:
        return f"tệp PDF hỏng / damaged PDF ({detail})"
    return f"tệp PDF hỏng ở trang {page} / damaged PDF (page {page}: {detail})"


def too_many_pages(count: int) -> str:
    """The reason for a PDF of more than :data:`MAX_PDF_PAGES` pages.

    >>> too_many_pages(2001)
    'từ chối: tệp PDF có 2001 trang (giới hạn 2000) / refused: the PDF has 2001 pages (the limit is 2000)'
    """
    return (f"từ chối: tệp PDF có {count} trang (giới hạn {MAX_PDF_PAGES}) / "
            f"refused: the PDF has {count} pages (the limit is {MAX_PDF_PAGES})")


def check_size(
    path_or_len: str | os.PathLike[str] | int, *, path: str | os.PathLike[str] | None = None
) -> int:
    """Return the size in bytes of a file (or of a length given as ``int``), or raise ReadError.

    Raises :class:`ReadError` when the file is missing, empty or larger than
    :data:`MAX_FILE_BYTES`. ``path`` names the file in the message when a length is given.

    >>> check_size(1024)
    1024
    >>> check_size(0, path="plans/x.txt")
    Traceback (most recent call last):
    ...
    plankit.errors.ReadError: plans/x.txt: tệp rỗng / empty file
    >>> check_size(60 * 1024 * 1024, path="big.docx")
    Traceback (most recent call last):
    ...
    plankit.errors.ReadError: big.docx: tệp quá lớn (60 MB, giới hạn 50 MB) / file too large (60 MB; the limit is 50 MB)
    """
    if isinstance(path_or_len, int):
        size = path_or_len
    else:
        path = path_or_len
        try:
            st = os.stat(path_or_len)
        except OSError as exc:
            raise ReadError(path, read_reason(exc)) from None
        if os.path.isdir(path_or_len):
            raise ReadError(path, FOLDER)
        size = st.st_size
    if size <= 0:
        raise ReadError(path, EMPTY)
    if size > MAX_FILE_BYTES:
        raise ReadError(path, too_large(size))
    return size


def check_zip_members(
    infos: list[zipfile.ZipInfo],
    path: str | os.PathLike[str] | None,
    error: Callable[[str | None, str], PlankitError] = ReadError,
) -> list[zipfile.ZipInfo]:
    """Refuse a zip archive (a .docx or a Word template) whose members would expand too far.

    The one place where the zip-bomb limits are applied: the reader raises
    :class:`~plankit.errors.ReadError`, the template renderer passes its own ``error``
    (``error(path, reason)``). Checks the member count, encryption, each member's
    decompression ratio and size, and the total size, all from the declared sizes.

    >>> import io, zipfile
    >>> buf = io.BytesIO()
    >>> with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    ...     z.writestr("word/document.xml", b" " * (5 * 1024 * 1024))
    >>> check_zip_members(zipfile.ZipFile(buf).infolist(), "bomb.docx")
    Traceback (most recent call last):
    ...
    plankit.errors.ReadError: bomb.docx: từ chối: word/document.xml sẽ bung ra gấp ... lần (bom zip?) / refused: word/document.xml would expand ... times (a zip bomb?)
    """
    name = None if path is None else str(path)
    if len(infos) > MAX_ZIP_MEMBERS:
        raise error(name, f"từ chối: tệp nén chứa {len(infos)} tệp (bom zip?) / "
                          f"refused: the archive holds {len(infos)} files (a zip bomb?)")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise error(name, ENCRYPTED_ZIP)
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > MAX_ZIP_RATIO * max(1, info.compress_size):
            ratio = info.file_size // max(1, info.compress_size)
            raise error(name, f"từ chối: {info.filename} sẽ bung ra gấp {ratio} lần (bom zip?) / "
                              f"refused: {info.filename} would expand {ratio} times (a zip bomb?)")
        if info.filename.lower().endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART_BYTES:
            raise error(name, part_too_large(info.filename))
    if total > MAX_ZIP_TOTAL_BYTES:
        mb, limit = total // (1024 * 1024), MAX_ZIP_TOTAL_BYTES // (1024 * 1024)
        raise error(name, f"từ chối: tệp nén sẽ bung ra {mb} MB, quá {limit} MB (bom zip?) / "
                          f"refused: the archive would expand to {mb} MB, more than {limit} MB (a zip bomb?)")
    return infos
