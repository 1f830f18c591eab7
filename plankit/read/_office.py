"""Other word-processor formats (.doc, .rtf, .odt) read through LibreOffice headless.

Plans still arrive as Word 97 ``.doc`` files, as RTF and as OpenDocument ``.odt``. Rather than a
reader per format, :func:`convert_to_docx` has LibreOffice (``soffice --headless``, Debian
package ``libreoffice-writer-nogui``) convert the file to .docx in a temporary folder, and the
.docx reader does the rest: tracked changes, TCVN3 and VNI fonts, tables, as for any .docx.

Each conversion runs with its own LibreOffice profile in that temporary folder
(``-env:UserInstallation=...``), so concurrent runs (a process pool, two terminals, an open
LibreOffice window) do not clash, and under a time limit after which the whole process group is
killed: a file LibreOffice cannot open is an error, never a hang. The input file is copied,
never opened in place, so no lock file appears next to it. Without LibreOffice,
:class:`~plankit.errors.OfficeUnavailable` names what to install, as OCR does for scans.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..errors import OfficeUnavailable, ReadError
from ..output import read_reason

__all__ = ["OFFICE_SUFFIXES", "convert_to_docx", "office_available", "office_kind"]

#: Suffixes of the formats read through LibreOffice.
OFFICE_SUFFIXES = (".doc", ".rtf", ".odt")

_INSTALL = (
    "cần LibreOffice để đọc tệp .doc, .rtf và .odt (hoặc mở tệp bằng Word rồi lưu thành .docx) / "
    "LibreOffice is needed to read .doc, .rtf and .odt files: apt-get install "
    "libreoffice-writer-nogui (or open the file in Word and save it as .docx)"
)
TIMEOUT = 120  # seconds for one conversion; a first start with a new profile takes about 3 s

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted .docx is an OLE2 file too; the .docx reader explains that one.
_ENCRYPTION_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"


def office_program() -> str | None:
    """The LibreOffice command (``soffice`` or ``libreoffice``) on the PATH, or ``None``."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def office_available() -> bool:
    """Whether LibreOffice is installed, so that .doc, .rtf and .odt files can be read.

    >>> isinstance(office_available(), bool)
    True
    """
    return office_program() is not None


def office_kind(data: bytes, suffix: str = "") -> str | None:
    """``"doc"``, ``"rtf"`` or ``"odt"`` when ``data`` needs LibreOffice, else ``None``.

    The content decides (a Word 97 compound file, ``{\\rtf``, an OpenDocument text package);
    a file named .doc, .rtf or .odt that is not a zip archive (Word saves web pages as .doc)
    goes to LibreOffice too. A .docx renamed .doc stays with the .docx reader.

    >>> office_kind(b"{\\\\rtf1\\\\ansi Ke hoach", ".rtf"), office_kind(b"PK\\x03\\x04...", ".docx")
    ('rtf', None)
    >>> office_kind(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1" + bytes(504), ".doc")
    'doc'
    """
    suffix = suffix.lower()
    if data[:8] == _OLE2_MAGIC:
        return None if any(s in data for s in _ENCRYPTION_STREAMS) else "doc"
    if data[:5] == b"{\\rtf":
        return "rtf"
    if data[:4] == b"PK\x03\x04":
        # an OpenDocument package stores its (uncompressed) mimetype as the first member; a
        # writer that did not still lists content.xml, and no word/document.xml
        if data[30:30 + len(_ODT_MIMETYPE)] == _ODT_MIMETYPE:
            return "odt"
        odf = suffix == ".odt" and b"content.xml" in data and b"word/document.xml" not in data
        return "odt" if odf else None
    if suffix in OFFICE_SUFFIXES:
        return suffix[1:]
    return None


def _kill(proc: subprocess.Popen) -> None:
    """Kill LibreOffice and every process it started (``soffice`` runs ``soffice.bin``)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    proc.wait()


def _reason(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace")
    if "could not be loaded" in text:
        return "hỏng, có mật khẩu hoặc không phải văn bản / damaged, password-protected, or not a text document"
    lines = [
        line.strip() for line in text.splitlines()
        if line.strip() and "javaldx" not in line  # a harmless warning on systems without Java
    ]
    return lines[-1] if lines else ""


def convert_to_docx(
    path: str | os.PathLike[str], data: bytes | None = None, *, kind: str | None = None,
    timeout: float = TIMEOUT,
) -> bytes:
    """The bytes of a .docx that LibreOffice makes from a .doc, .rtf or .odt file.

    Args:
        path: the file (named in errors; read when ``data`` is not given).
        data: the file's bytes, when already read.
        kind: ``doc``, ``rtf`` or ``odt`` (default: :func:`office_kind` of the bytes).
        timeout: seconds before LibreOffice is killed and a :class:`ReadError` raised.

    Raises :class:`~plankit.errors.OfficeUnavailable` without LibreOffice, and
    :class:`~plankit.errors.ReadError` when the conversion fails or takes too long.

    >>> import docx, io
    >>> rtf = rb"{\\rtf1\\ansi K\\u7870? HO\\u7840?CH\\par}"
    >>> docx.Document(io.BytesIO(convert_to_docx("ke-hoach.rtf", rtf))).paragraphs[0].text  # doctest: +SKIP
    'KẾ HOẠCH'
    """
    program = office_program()
    if program is None:
        raise OfficeUnavailable(path, _INSTALL)
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise ReadError(path, read_reason(exc)) from None
    kind = kind or office_kind(data, Path(path).suffix) or "doc"
    with tempfile.TemporaryDirectory(prefix="plankit-office-") as tmp:
        folder = Path(tmp)
        source = folder / f"plan.{kind}"
        source.write_bytes(data)
        out = folder / "out"
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            "--convert-to", "docx:MS Word 2007 XML",
            "--outdir", str(out),
            str(source),
        ]
        try:
            proc = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                start_new_session=True, cwd=tmp,
            )
        except OSError as exc:
            raise OfficeUnavailable(path, f"{_INSTALL} ({read_reason(exc)})") from None
        try:
            _, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise ReadError(path, f"LibreOffice chuyển đổi quá {timeout:g} giây / "
                                  f"LibreOffice took longer than {timeout:g} s to convert the file") from None
        except BaseException:
            _kill(proc)
            raise
        result = out / "plan.docx"
        if proc.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            reason = _reason(stderr) or f"mã thoát / exit status {proc.returncode}"
            raise ReadError(path, f"LibreOffice không chuyển được tệp .{kind} này / "
                                  f"LibreOffice could not convert this .{kind} file ({reason})")
        return result.read_bytes()
