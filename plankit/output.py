"""Writing files safely: inputs never touched, outputs whole, exclusive and only when asked.

Every file plankit writes goes through this module. The rules, checked for every output of a
command before any is written (:func:`plan_outputs`):

* an output that is one of the command's inputs is refused, even with ``force`` (the same path,
  a symbolic link to it or a hard link: compared by device and inode);
* an existing output is replaced only with ``force``;
* a symbolic link (dangling or not), a folder, a FIFO, a socket or a device file is never an
  output, with or without ``force`` (``-o /proc/self/fd/1`` or ``-o /dev/sda`` are refused);
* a file or folder marked read-only for everyone (no ``w`` bit) is never written, even by root,
  whom the kernel would let write;
* two outputs of one command may not be the same file.

Writing (:func:`write_with`) puts the bytes in a temporary file beside the target, then
publishes it in one step that cannot replace a file made meanwhile (a hard link, which fails
when the name exists) unless ``force``: of two writers started together one wins, the other
gets :class:`~plankit.errors.OutputExists`, and the file is always one writer's whole output.
The temporary file is removed on every exit path Python sees (errors, Ctrl-C, SIGTERM in the
CLI); its name carries the writer's process id, so a later write into the same folder removes
what a killed writer (``kill -9``) left. Every OS error becomes an
:class:`~plankit.errors.OutputError` naming the path and the reason on one line.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import OutputError, OutputExists, PlankitError, UnsafePath

__all__ = [
    "check_inside",
    "check_suffix",
    "inputs_of",
    "os_reason",
    "plan_outputs",
    "read_reason",
    "remove_stale_temporaries",
    "write_atomic",
    "write_with",
]

TEMP_SUFFIX = ".plankit-tmp"
#: What ``plankit lint --fix`` puts before a fixed copy's extension (``NAME.fixed.txt``); a folder
#: listing (plankit.corpus.plan_files) skips such a copy beside its original.
FIXED_MARK = ".fixed"
"""Temporary files are ``.<name>.<pid>.<random>.plankit-tmp`` beside their target."""

STALE_SECONDS = 24 * 3600
"""A temporary file older than this is stale even when its process id is alive again."""

# Why a file could not be opened, in words (Vietnamese with an English gloss): the reasons that
# read the same either way, then those of writing (os_reason) and of reading (read_reason).
_EITHER_WAY = {
    errno.ENOTDIR: "một tệp đứng ở chỗ của thư mục / a file stands where a folder should be",
    errno.EISDIR: "là một thư mục / is a folder",
    errno.ENAMETOOLONG: "tên quá dài / file name too long",
    errno.ELOOP: "vòng lặp liên kết / too many symbolic links",
}
_REASONS = {
    errno.EACCES: "không có quyền ghi / permission denied",
    errno.EPERM: "không có quyền ghi / permission denied",
    errno.ENOENT: "thư mục không tồn tại / folder not found",
    errno.EROFS: "ổ đĩa chỉ đọc / read-only file system",
    errno.ENOSPC: "hết dung lượng đĩa / disk full",
    errno.EFBIG: "tệp quá lớn / file too large",
    errno.EDQUOT: "vượt hạn mức đĩa / disk quota exceeded",
    **_EITHER_WAY,
}
_READ_REASONS = {
    errno.ENOENT: "không có tệp này / file not found",
    errno.EACCES: "không có quyền đọc / permission denied",
    errno.EPERM: "không có quyền đọc / permission denied",
    **_EITHER_WAY,
}


def os_reason(exc: OSError) -> str:
    """The reason of an OS error met writing, in words, Vietnamese with an English gloss.

    An error without words of its own (an I/O error, a stale network share) keeps the system's
    words after "lỗi hệ thống / system error".

    >>> os_reason(OSError(28, "No space left on device"))
    'hết dung lượng đĩa / disk full'
    >>> os_reason(OSError(5, "Input/output error"))
    'lỗi hệ thống / system error: Input/output error'
    """
    return _REASONS.get(exc.errno) or _system(exc)


def _system(exc: OSError) -> str:
    return f"lỗi hệ thống / system error: {exc.strerror or exc}"


def read_reason(exc: OSError) -> str:
    """Why a file could not be read, in words (as :func:`os_reason` for writing).

    >>> read_reason(FileNotFoundError(2, "No such file or directory"))
    'không có tệp này / file not found'
    >>> read_reason(OSError(5, "Input/output error"))
    'lỗi hệ thống / system error: Input/output error'
    """
    return _READ_REASONS.get(exc.errno) or _system(exc)


def check_inside(base: str | os.PathLike[str], path: str | os.PathLike[str]) -> Path:
    """``path`` resolved, or :class:`UnsafePath` when it would leave the folder ``base``.

    >>> check_inside("/tmp/reports", "/tmp/reports/a.html").name
    'a.html'
    >>> check_inside("/tmp/reports", "/tmp/reports/../etc/x")
    Traceback (most recent call last):
    ...
    plankit.errors.UnsafePath: /tmp/reports/../etc/x: nằm ngoài thư mục đầu ra /tmp/reports / outside the output folder /tmp/reports
    """
    root = Path(base).resolve()
    target = Path(path).resolve()
    if target != root and root not in target.parents:
        raise UnsafePath(f"{path}: nằm ngoài thư mục đầu ra {base} / outside the output folder {base}")
    return target


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def _check_target(path: Path, force: bool) -> None:
    """Raise unless ``path`` may be written (see the module's rules)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(path, os_reason(exc)) from None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise OutputError(path, "là liên kết tượng trưng, không ghi qua liên kết / "
                                    "is a symbolic link; plankit does not write through links")
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(path, "là một thư mục / is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            kind = ("FIFO" if stat.S_ISFIFO(st.st_mode) else "socket" if stat.S_ISSOCK(st.st_mode)
                    else "device file")
            raise OutputError(path, f"không phải tệp thường / is a {kind}, not a regular file")
        if not st.st_mode & 0o222:
            # Marked read-only for everyone: refused even for root, whom the kernel lets write.
            raise OutputError(path, "tệp chỉ đọc / the file is read-only")
        if not force:
            raise OutputExists(path)
    # The nearest existing folder above the target must be a folder we may write in.
    parent = path.absolute().parent
    while True:
        try:
            pst = os.stat(parent)
        except FileNotFoundError:
            parent = parent.parent
            continue
        except OSError as exc:
            raise OutputError(path, os_reason(exc)) from None
        break
    if not stat.S_ISDIR(pst.st_mode):
        raise OutputError(path, f"{_REASONS[errno.ENOTDIR]} ({parent})")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(path, f"{_REASONS[errno.EACCES]} ({parent})")
    if not pst.st_mode & 0o222:
        raise OutputError(path, f"thư mục chỉ đọc / the folder is read-only ({parent})")


def inputs_of(*sources: object) -> list[str]:
    """The files behind ``sources``, for the ``inputs`` of a writer: a path as given, a
    :class:`~plankit.model.Plan`'s source file (``plan.source.path``); ``None`` and plans read
    from text or bytes (no file) are skipped. Library writers pass what they read, so an output
    that is one of their inputs is refused from a notebook as from the CLI.

    >>> from plankit.read import read_text
    >>> inputs_of("ke-hoach.txt", None, read_text("KẾ HOẠCH"))
    ['ke-hoach.txt']
    """
    found: list[str] = []
    for source in sources:
        if source is None:
            continue
        if isinstance(source, (str, os.PathLike)):
            found.append(os.fspath(source))
            continue
        path = getattr(getattr(source, "source", None), "path", None)
        if path:
            found.append(os.fspath(path))
    return found


def plan_outputs(
    outputs: Iterable[str | os.PathLike[str] | None],
    inputs: Iterable[str | os.PathLike[str] | None] = (),
    *,
    force: bool = False,
) -> list[Path]:
    """Check every output of a command before any is written; returns them as paths.

    Raises :class:`~plankit.errors.OutputError` when an output is one of ``inputs`` (even with
    ``force``), is given twice, is a link, a folder or a special file, or stands where no file
    can be written; :class:`~plankit.errors.OutputExists` when it exists and ``force`` is false.
    ``None`` entries (an option not given) are skipped.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); plan = d / "ke-hoach.txt"; _ = plan.write_text("KẾ HOẠCH")
    >>> [p.name for p in plan_outputs([d / "du-thao.docx", None], [plan])]
    ['du-thao.docx']
    >>> plan_outputs([plan], [plan], force=True)
    Traceback (most recent call last):
    ...
    plankit.errors.OutputError: ...ke-hoach.txt: là một tệp đầu vào của lệnh / is an input of this command; ...
    """
    input_ids: set[tuple[int, int]] = set()
    input_real: set[str] = set()
    for raw in inputs:
        if raw is None:
            continue
        ident = _identity(Path(raw))
        if ident is not None:
            input_ids.add(ident)
        input_real.add(os.path.realpath(raw))
    planned: list[Path] = []
    seen: set[str] = set()
    for raw in outputs:
        if raw is None:
            continue
        path = Path(raw)
        real = os.path.realpath(path)
        if real in input_real or (_identity(path) in input_ids and _identity(path) is not None):
            raise OutputError(path, "là một tệp đầu vào của lệnh / is an input of this command; "
                                    "choose another output (--force does not change this)")
        if real in seen:
            raise OutputError(path, "được chọn hai lần làm đầu ra / given twice as an output")
        seen.add(real)
        _check_target(path, force)
        planned.append(path)
    return planned


_TEMP_RE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{8,}" + re.escape(TEMP_SUFFIX) + "$")
# Temporary files of plankit before 0.x named by tempfile.mkstemp: ``.<name>.<8 chars>.tmp``.
_OLD_TEMP_RE = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def remove_stale_temporaries(folder: str | os.PathLike[str], name: str | None = None) -> list[Path]:
    """Remove the temporary files a killed writer left in ``folder`` (for target ``name``).

    A temporary is stale when the process that made it is gone or it is a day old. Returns the
    files removed; errors (a file removed meanwhile, no permission) are ignored.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / ".a.docx.999999999.0123abcd.plankit-tmp").write_bytes(b"x")
    >>> [p.name for p in remove_stale_temporaries(d)]
    ['.a.docx.999999999.0123abcd.plankit-tmp']
    """
    removed = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP_RE.match(entry.name)
        old = None if m else _OLD_TEMP_RE.match(entry.name)
        hit = m or old
        if not hit or (name is not None and hit["name"] != name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode):
                continue
            age = now - st.st_mtime
            stale = age > STALE_SECONDS or (not _alive(int(m["pid"])) if m else age > 600)
            if stale:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _publish(tmp: Path, target: Path, force: bool) -> None:
    """Move the finished ``tmp`` to ``target``: never onto an existing file unless ``force``."""
    if force:
        # Between the check and now a link or a FIFO may have appeared: look once more.
        _check_target(target, force=True)
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # fails with EEXIST when the name exists: one step, no race
    except FileExistsError:
        raise OutputExists(target, "tệp vừa được tạo bởi tiến trình khác, thêm --force để ghi đè / "
                                   "already exists: another writer made it first (use --force to overwrite)") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK, errno.EXDEV):
            raise
        # A file system without hard links: claim the name exclusively, then fill it.
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
        except FileExistsError:
            raise OutputExists(target) from None
        os.close(fd)
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def write_with(
    path: str | os.PathLike[str],
    writer: Callable[[Path], None],
    *,
    force: bool = False,
    inputs: Iterable[str | os.PathLike[str] | None] = (),
) -> Path:
    """Call ``writer(tmp_path)`` and publish the result at ``path`` atomically and exclusively.

    Raises :class:`~plankit.errors.OutputExists` if ``path`` exists (or appears while writing)
    and ``force`` is false, :class:`~plankit.errors.OutputError` when ``path`` is one of
    ``inputs``, a link or a special file, or the system refuses (one line naming the path). If
    ``writer`` raises, the target is untouched and the temporary file removed.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "bao-cao.txt"
    >>> write_with(out, lambda tmp: tmp.write_text("Kế hoạch", encoding="utf-8")).read_text(encoding="utf-8")
    'Kế hoạch'
    """
    target = plan_outputs([path], inputs, force=force)[0]
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(target, f"{os_reason(exc)} ({exc.filename or folder})") from None
    remove_stale_temporaries(folder, target.name)
    tmp = folder / f".{target.name}.{os.getpid()}.{secrets.token_hex(6)}{TEMP_SUFFIX}"
    try:
        try:
            # O_EXCL: never write into a file someone else made; 0o666 minus the umask, like open().
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
            os.close(fd)
            writer(tmp)
            _publish(tmp, target, force)
        except OutputError:
            raise
        except OSError as exc:
            where = exc.filename if exc.filename not in (None, str(tmp), os.fspath(tmp)) else target
            raise OutputError(where, os_reason(exc)) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return target


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes | str,
    *,
    force: bool = False,
    inputs: Iterable[str | os.PathLike[str] | None] = (),
) -> Path:
    """Write ``data`` (text is UTF-8) to ``path`` atomically; see :func:`write_with`.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> write_atomic(out, "một").read_bytes()
    b'm\\xe1\\xbb\\x99t'
    >>> write_atomic(out, "hai")
    Traceback (most recent call last):
    ...
    plankit.errors.OutputExists: ...a.txt: tệp đã có, thêm --force để ghi đè / already exists (use --force to overwrite)
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return write_with(path, lambda tmp: tmp.write_bytes(payload), force=force, inputs=inputs)


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


def progress_bar():
    """tqdm's notebook widget when ipywidgets is there, else its text bar: ``tqdm.auto`` without
    ipywidgets prints a TqdmWarning ("IProgress not found") into the notebook, and the
    JupyterLab of ``make lab`` does not bring ipywidgets."""
    import importlib.util

    if importlib.util.find_spec("ipywidgets") is not None:
        from tqdm.auto import tqdm
    else:
        from tqdm import tqdm
    return tqdm
