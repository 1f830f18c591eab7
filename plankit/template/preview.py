"""A template made and seen: :func:`new_template` copies the default one, :func:`preview_template`
renders a sample plan through a template and converts it with LibreOffice.

LibreOffice runs headless with its own profile in a temporary folder
(``-env:UserInstallation=...``) and under a time limit after which its whole process group is
killed, as for reading .doc files; PNG pages come from ``pdftoppm`` (poppler-utils).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

from ..errors import OfficeUnavailable, TemplateError
from ..output import check_suffix, inputs_of, write_atomic, write_with

__all__ = ["new_template", "preview_template", "sample_plan"]

TIMEOUT = 120  # seconds for one conversion
_INSTALL = ("cần LibreOffice để xem trước: apt-get install libreoffice-writer-nogui / "
            "LibreOffice is needed for a preview")


def sample_plan() -> Path:
    """The bundled sample plan a preview renders by default (a made-up department's plan).

    >>> sample_plan().name
    'template-sample.txt'
    """
    return Path(str(resources.files("plankit.data") / "template-sample.txt"))


def new_template(path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write a copy of the default template to ``path`` (a .docx) to edit in Word.

    Raises :class:`~plankit.errors.OutputExists` when ``path`` exists, unless ``force``.

    >>> import tempfile
    >>> out = new_template(Path(tempfile.mkdtemp()) / "mau-tinh.docx")
    >>> from plankit.template import check_template
    >>> check_template(out).ok
    True
    """
    from ..render import default_template

    check_suffix(path, ".docx")
    return write_atomic(path, default_template().read_bytes(), force=force)


def _run(command: list[str], cwd: str, what: str, timeout: float, name: str) -> None:
    from ..read._office import _kill, _reason

    try:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True, cwd=cwd)
    except OSError as exc:
        raise OfficeUnavailable(name, f"không chạy được {what} / {what} could not start ({exc.strerror})") from None
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        raise TemplateError(f"{name}: {what} chạy quá {timeout:g} giây / {what} took longer than {timeout:g} s") from None
    except BaseException:
        _kill(proc)
        raise
    if proc.returncode != 0:
        raise TemplateError(f"{name}: {what} bị lỗi / {what} failed "
                            f"({_reason(stderr) or f'exit status {proc.returncode}'})")


def preview_template(
    template: str | os.PathLike[str] | None,
    output: str | os.PathLike[str],
    *,
    plan=None,
    png: bool = False,
    dpi: int = 60,
    force: bool = False,
    timeout: float = TIMEOUT,
) -> list[Path]:
    """Render ``plan`` (default: :func:`sample_plan`) through ``template`` (default: the
    bundled one) and convert it with LibreOffice; returns the files written.

    ``output`` is a .pdf; with ``png`` (or a name ending in .png) it is a .png and each page is written next to it
    (``preview-1.png``, ``preview-2.png`` ...). A broken template raises
    :class:`~plankit.errors.TemplateError`, a missing LibreOffice
    :class:`~plankit.errors.OfficeUnavailable`; existing outputs are kept unless ``force``.

    >>> import tempfile
    >>> pages = preview_template(None, Path(tempfile.mkdtemp()) / "preview.pdf")  # doctest: +SKIP
    >>> pages[0].suffix  # doctest: +SKIP
    '.pdf'
    """
    from ..read._office import office_program
    from ..render import render_docx

    output = Path(output)
    png = png or output.suffix.lower() == ".png"
    check_suffix(output, ".png" if png else ".pdf")
    program = office_program()
    if program is None:
        raise OfficeUnavailable(str(template or "template"), _INSTALL)
    name = str(template) if template is not None else "ke-hoach.docx"
    with tempfile.TemporaryDirectory(prefix="plankit-preview-") as tmp:
        folder = Path(tmp)
        docx = render_docx(plan if plan is not None else sample_plan(), folder / "preview.docx", template=template)
        _run([program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--invisible",
              "--norestore", "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf",
              "--outdir", str(folder / "out"), str(docx)], tmp, "LibreOffice", timeout, name)
        pdf = folder / "out" / "preview.pdf"
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise TemplateError(f"{name}: LibreOffice không tạo ra PDF / LibreOffice made no PDF")
        if not png:
            return [write_with(output, lambda t: shutil.copyfile(pdf, t), force=force, inputs=inputs_of(template, plan))]
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm is None:
            raise OfficeUnavailable(name, "cần pdftoppm để xuất trang PNG: apt-get install poppler-utils / "
                                       "pdftoppm is needed for PNG pages")
        _run([pdftoppm, "-r", str(dpi), "-png", str(pdf), str(folder / "page")], tmp, "pdftoppm", timeout, name)
        pages = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        targets = [output.with_name(f"{output.stem}-{i}.png") for i in range(1, len(pages) + 1)]
        if not force:
            for target in targets:
                if target.exists():
                    from ..errors import OutputExists

                    raise OutputExists(target)
        return [write_with(t, lambda tmp_path, p=p: shutil.copyfile(p, tmp_path), force=True, inputs=inputs_of(template, plan))
                for t, p in zip(targets, pages, strict=True)]
