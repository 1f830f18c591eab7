"""One exception base class, one subclass per kind of failure.

Every error that a user can cause (a bad file, a bad citation string, a hostile template, an
output that already exists) is a :class:`PlankitError`. The CLI prints ``str(error)`` on one line
and exits 2; nothing else in the library turns errors into exit codes.
"""

from __future__ import annotations

from os import PathLike

__all__ = [
    "InvalidCitation",
    "LintConfigError",
    "OCRUnavailable",
    "OfficeUnavailable",
    "OutputError",
    "OutputExists",
    "PlankitError",
    "ReadError",
    "ReportError",
    "TemplateError",
    "UnsafePath",
]


class PlankitError(Exception):
    """Base class of every error plankit raises on purpose. Its message is one line an officer
    can act on: the file, then the reason in Vietnamese, `` / `` and the English gloss."""


class ReadError(PlankitError):
    """A file could not be read as a plan.

    The message names the file and the reason, Vietnamese first with the English gloss, e.g.
    ``plans/x.docx: không phải tệp .docx (không phải tệp nén zip) / not a .docx file (not a zip
    archive)``; ``path`` and ``reason`` are kept apart for a program.

    >>> err = ReadError("plans/x.txt", "tệp rỗng / empty file")
    >>> str(err), err.path, err.reason
    ('plans/x.txt: tệp rỗng / empty file', 'plans/x.txt', 'tệp rỗng / empty file')
    """

    def __init__(self, path: str | PathLike[str] | None, reason: str):
        self.path = None if path is None else str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class OCRUnavailable(ReadError):
    """A scan needs OCR but Tesseract (or its Vietnamese model) is not installed."""


class OfficeUnavailable(ReadError):
    """A .doc, .rtf or .odt file needs LibreOffice to be read, and it is not installed."""


class InvalidCitation(PlankitError):
    """A string is not a citation; the message draws a caret under the failing part.

    >>> print(InvalidCitation("Nghị quyết 76/NQ", 11, "missing issuer code after the type"))
    Nghị quyết 76/NQ: missing issuer code after the type
        Nghị quyết 76/NQ
                   ^
    """

    def __init__(self, text: str, position: int, reason: str):
        self.text = text
        self.position = max(0, min(position, len(text)))
        self.reason = reason
        caret = " " * self.position + "^"
        super().__init__(f"{text}: {reason}\n    {text}\n    {caret}")


class TemplateError(PlankitError):
    """A Word template is broken, reaches for Python internals, or names a missing variable."""


class OutputError(PlankitError):
    """An output cannot be written: it is an input, a link or a special file, or the system
    refused (permission, missing or read-only folder, disk full). One line naming the path.

    >>> str(OutputError("drafts/x.docx", "hết dung lượng đĩa / disk full"))
    'drafts/x.docx: hết dung lượng đĩa / disk full'
    """

    def __init__(self, path: str | PathLike[str], reason: str):
        self.path = _shown(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class OutputExists(OutputError):
    """An output file exists and ``force`` was not given (or another writer made it first).

    >>> str(OutputExists("drafts/x.docx"))
    'drafts/x.docx: tệp đã có, thêm --force để ghi đè / already exists (use --force to overwrite)'
    """

    def __init__(self, path: str | PathLike[str],
                 reason: str = "tệp đã có, thêm --force để ghi đè / already exists (use --force to overwrite)"):
        super().__init__(path, reason)


class UnsafePath(OutputError):
    """An output path would escape the folder it was meant to stay in."""

    def __init__(self, message: str):
        PlankitError.__init__(self, message)
        self.path, _, self.reason = message.partition(": ")


def _shown(path: str | PathLike[str]) -> str:
    r"""A path as text a terminal can print: bytes that are not UTF-8 become U+FFFD.

    >>> _shown(b"k\xe9-hoach.txt".decode("utf-8", "surrogateescape")) == "k\ufffd-hoach.txt"
    True
    """
    import os

    raw = os.fsencode(path)
    return raw.decode("utf-8", "replace")


class LintConfigError(PlankitError):
    """A lint rule selection, suppression or baseline file is invalid."""


class ReportError(PlankitError):
    """A notebook failed to execute or export."""
