"""Writing files safely: never overwrite unless asked, never leave a half-written file.

Every file plankit writes goes through :func:`write_atomic`: the bytes go to a temporary file in
the same folder, which replaces the target only once complete.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import OutputExists, PlankitError, UnsafePath

__all__ = ["check_inside", "check_suffix", "write_atomic", "write_with"]


def check_inside(base: str | os.PathLike[str], path: str | os.PathLike[str]) -> Path:
    """``path`` resolved, or :class:`UnsafePath` when it would leave the folder ``base``.

    >>> check_inside("/tmp/reports", "/tmp/reports/a.html").name
    'a.html'
    >>> check_inside("/tmp/reports", "/tmp/reports/../etc/x")
    Traceback (most recent call last):
    ...
    plankit.errors.UnsafePath: /tmp/reports/../etc/x: outside the output folder /tmp/reports
    """
    root = Path(base).resolve()
    target = Path(path).resolve()
    if target != root and root not in target.parents:
        raise UnsafePath(f"{path}: outside the output folder {base}")
    return target


def write_with(
    path: str | os.PathLike[str], writer: Callable[[Path], None], *, force: bool = False
) -> Path:
    """Call ``writer(tmp_path)`` and move the result to ``path`` atomically.

    Raises :class:`OutputExists` if ``path`` exists and ``force`` is false. If ``writer``
    raises, the target is untouched and the temporary file removed.
    """
    target = Path(path)
    if target.exists() and not force:
        raise OutputExists(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        writer(tmp_path)
        # mkstemp creates the file 0600; give the result the permissions a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_path, 0o666 & ~umask)
        os.replace(tmp_path, target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return target


def write_atomic(path: str | os.PathLike[str], data: bytes | str, *, force: bool = False) -> Path:
    """Write ``data`` (text is UTF-8) to ``path`` atomically; see :func:`write_with`."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return write_with(path, lambda tmp: tmp.write_bytes(payload), force=force)


def check_suffix(path: str | os.PathLike[str], suffix: str) -> Path:
    """``path``, or a :class:`PlankitError` when its extension is not ``suffix``: a writer of
    .docx files never writes a Word document into ``plan.txt``.

    >>> check_suffix("du-thao.DOCX", ".docx").name
    'du-thao.DOCX'
    >>> check_suffix("du-thao.txt", ".docx")
    Traceback (most recent call last):
    ...
    plankit.errors.PlankitError: du-thao.txt: tên tệp phải có đuôi .docx / the file name must end in .docx
    """
    target = Path(path)
    if target.suffix.lower() != suffix:
        raise PlankitError(f"{target}: tên tệp phải có đuôi {suffix} / the file name must end in {suffix}")
    return target
