"""Size limits that keep a hostile or broken file from exhausting memory or time.

A plan is a few pages; the limits are generous for real plans (the five bundled ones are under
20 KB) and small enough that a crafted file (a zip bomb, a PDF with a million pages) is refused
before it is expanded. Every limit breach is a :class:`~plankit.errors.ReadError` naming the file.
"""

from __future__ import annotations

import os

from ..errors import ReadError

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PDF_PAGES",
    "MAX_XML_PART_BYTES",
    "MAX_ZIP_MEMBERS",
    "MAX_ZIP_RATIO",
    "MAX_ZIP_TOTAL_BYTES",
    "check_size",
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
    plankit.errors.ReadError: plans/x.txt: empty file
    >>> check_size(60 * 1024 * 1024, path="big.docx")
    Traceback (most recent call last):
    ...
    plankit.errors.ReadError: big.docx: file too large (60 MB; the limit is 50 MB)
    """
    if isinstance(path_or_len, int):
        size = path_or_len
    else:
        path = path_or_len
        try:
            st = os.stat(path_or_len)
        except FileNotFoundError:
            raise ReadError(path, "file not found") from None
        except OSError as exc:
            raise ReadError(path, f"cannot open ({exc.strerror})") from None
        if os.path.isdir(path_or_len):
            raise ReadError(path, "is a folder, not a file")
        size = st.st_size
    if size <= 0:
        raise ReadError(path, "empty file")
    if size > MAX_FILE_BYTES:
        raise ReadError(
            path,
            f"file too large ({size // (1024 * 1024)} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)",
        )
    return size
