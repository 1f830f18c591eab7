"""Reading plans: ``read_plan(path)`` for files, ``read_text(text)`` for strings.

The format is sniffed from the content (and the extension as a hint): .docx, PDF, images (OCR),
and text in any of the shapes real plans arrive in (text saved from Word, Markdown converted from
PDF, a news article about a plan, OCR output). Reading is lenient: a messy file never raises
once its bytes are decoded; what cannot be placed goes to ``plan.warnings``. Reading never
changes the input.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import replace
from pathlib import Path
from threading import Lock

from ..errors import ReadError
from ..model import Plan, Source
from ..output import read_reason
from ..text import fold, nfc
from . import _limits
from ._layout import Layout
from ._structure import build_plan
from ._text import layout_from_text, sniff_form

__all__ = ["as_plan", "read_bytes", "read_plan", "read_text"]

_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
_CACHE: dict[tuple, Plan] = {}
_CACHE_LOCK = Lock()
_CACHE_SIZE = 256


def read_text(text: str, name: str | None = None, *, form: str | None = None) -> Plan:
    """Read a plan from a string.

    ``form`` forces the shape (``docx-export``, ``markdown``, ``news``, ``ocr``, ``text``);
    by default it is sniffed from the text.

    >>> plan = read_text("Số: 181/KH-SCT\\nHải Dương, ngày 07 tháng 02 năm 2022\\nKẾ HOẠCH\\n"
    ...                  "Tuyên truyền cải cách hành chính năm 2022\\nI. MỤC ĐÍCH, YÊU CẦU\\n1. Mục đích")
    >>> plan.header.reference, plan.header.date, plan.header.year, plan.header.place
    ('181/KH-SCT', datetime.date(2022, 2, 7), 2022, 'Hải Dương')
    >>> [s.label for s in plan.sections]
    ['I. MỤC ĐÍCH, YÊU CẦU']
    """
    text = nfc(text.lstrip("\ufeff"))
    name = name or "<text>"
    suffix = "".join(Path(name).suffixes[-1:]).lower()
    folded = fold(text)
    form = form or sniff_form(text, suffix, folded=folded)
    layout = layout_from_text(text, form, folded=folded)
    source = Source(name=name, form=form, ocr=form == "ocr", size=len(text.encode("utf-8")))
    return build_plan(layout, source)


def _display_name(path: Path) -> str:
    """``can-tho/2025-so-khcn.ocr.txt``: the file with its parent folder."""
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def read_plan(path: str | os.PathLike[str]) -> Plan:
    """Read a plan file (.docx, .pdf, .txt, .md, a scanned image, or .doc/.rtf/.odt).

    Results are cached by path, size and modification time: reading the same unchanged file
    twice parses it once. To restore the diacritics of an OCR'd plan, pass the plan (or the
    path) to :func:`plankit.restore_plan`.

    Raises :class:`plankit.ReadError` naming the file and the reason when the file is missing,
    a folder, empty, larger than 50 MB, binary, a corrupt Word file, a scanned PDF without
    Tesseract, or a .doc, .rtf or .odt file without LibreOffice (which converts them to .docx).

    >>> plan = read_plan("plans/hai-duong/2022-so-cong-thuong.txt")
    >>> plan.header.reference, plan.header.issuer, plan.header.signer
    ('181/KH-SCT', 'Sở Công Thương tỉnh Hải Dương', 'Trần Văn Hảo')
    """
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        raise ReadError(p, read_reason(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(p, _limits.FOLDER)
    if st.st_size == 0:
        raise ReadError(p, _limits.EMPTY)
    if st.st_size > _limits.MAX_FILE_BYTES:
        raise ReadError(p, _limits.too_large(st.st_size))
    key = (os.path.realpath(p), st.st_size, st.st_mtime_ns)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
    if cached is not None:
        return cached
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(p, read_reason(exc)) from None
    plan = _read_bytes(data, p)
    with _CACHE_LOCK:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = plan
    return plan


def read_bytes(
    data: bytes, name: str, *, searchable: str | os.PathLike[str] | None = None, force: bool = False
) -> Plan:
    """Read a plan from the bytes of a file, e.g. fetched from object storage.

    ``name`` gives the extension (a hint; the format is sniffed from the bytes) and names the
    plan and its errors; no file of that name needs to exist. A scanned PDF is OCR'd from the
    bytes; ``searchable`` then also writes a searchable PDF there (never over an existing file
    unless ``force``). Raises :class:`plankit.ReadError` as :func:`read_plan` does.

    >>> plan = read_bytes("Số: 181/KH-SCT\\nHải Dương, ngày 07 tháng 02 năm 2022\\nKẾ HOẠCH\\n"
    ...                   "Tuyên truyền cải cách hành chính".encode(), "s3://ke-hoach/hai-duong/181.txt")
    >>> plan.header.reference, plan.header.year, plan.name
    ('181/KH-SCT', 2022, 'hai-duong/181.txt')
    >>> read_bytes(b"", "empty.docx")
    Traceback (most recent call last):
    ...
    plankit.errors.ReadError: empty.docx: tệp rỗng / empty file
    """
    data = bytes(data)
    if not data:
        raise ReadError(name, _limits.EMPTY)
    if len(data) > _limits.MAX_FILE_BYTES:
        raise ReadError(name, _limits.too_large(len(data)))
    return _read_bytes(data, Path(name), searchable=searchable, force=force)


def _read_bytes(data: bytes, path: Path, *, searchable=None, force: bool = False) -> Plan:
    suffix = path.suffix.lower()
    digest = hashlib.sha256(data).hexdigest()
    from ._office import office_kind

    kind = office_kind(data, suffix)
    if kind is not None:  # .doc, .rtf, .odt: LibreOffice makes a .docx, read as any .docx
        from ._docx import read_docx
        from ._office import convert_to_docx

        layout = read_docx(convert_to_docx(path, data, kind=kind), str(path))
        # the form is the file's own ("doc", "rtf", "odt"), not the .docx made on the way
        return _finish(replace(layout, form=kind), path, data, digest)
    if data[:4] == b"PK\x03\x04" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or suffix in (".docx", ".doc"):
        from ._docx import read_docx

        layout = read_docx(data, str(path))
        return _finish(layout, path, data, digest)
    if data[:5] == b"%PDF-" or suffix == ".pdf":
        from ._pdf import NoTextLayer, read_pdf

        try:
            layout = read_pdf(data, str(path))
        except NoTextLayer:
            from ._ocr import ocr_pdf

            return _from_ocr(ocr_pdf(path, data=data, searchable=searchable, force=force), path, data, digest)
        return _finish(layout, path, data, digest)
    if suffix in _IMAGE_SUFFIXES or data[:8] == b"\x89PNG\r\n\x1a\n" or data[:3] == b"\xff\xd8\xff" or data[:4] in (b"II*\x00", b"MM\x00*"):
        from ._ocr import ocr_image

        return _from_ocr(ocr_image(path, data=data), path, data, digest)
    from ._decode import decode_bytes

    text, encoding = decode_bytes(data, str(path))
    if not text.strip():
        raise ReadError(path, "tệp rỗng, chỉ có khoảng trắng / empty file (white space only)")
    folded = fold(text)
    form = sniff_form(text, suffix, folded=folded)
    layout = layout_from_text(text, form, encoding=encoding, folded=folded)
    return _finish(layout, path, data, digest)


def _from_ocr(text: str, path: Path, data: bytes, digest: str) -> Plan:
    text = nfc(text)
    if not text.strip():
        raise ReadError(path, "nhận dạng chữ (OCR) không thấy chữ nào trong bản quét / OCR found no text in the scan")
    layout = layout_from_text(text, "ocr", encoding="ocr")
    return _finish(layout, path, data, digest)


def _finish(layout: Layout, path: Path, data: bytes, digest: str) -> Plan:
    source = Source(
        name=_display_name(path),
        path=str(path),
        form=layout.form,
        encoding=layout.encoding,
        ocr=layout.ocr or layout.form == "ocr",
        revisions=layout.revisions,
        size=len(data),
        sha256=digest,
    )
    plan = build_plan(layout, source)
    return replace(plan, draft=True) if layout.draft else plan


def as_plan(plan_or_path: Plan | str | os.PathLike[str]) -> Plan:
    """The plan itself, or the plan read from a file path: what every verb does with its input.

    So ``lint_plan("ke-hoach.docx")``, ``diff_plans(old_path, new_path)`` and
    ``build_graph(["a.txt", plan])`` work as with plans. A string with a line break is text,
    not a path: a :class:`ValueError` says to read it with :func:`read_text`. Objects that
    look like plans (a ``header`` and a ``text``) pass through unchanged.

    >>> plan = as_plan("plans/hai-duong/2022-so-cong-thuong.txt")
    >>> plan.header.reference, as_plan(plan) is plan
    ('181/KH-SCT', True)
    >>> as_plan("KẾ HOẠCH\\nnăm 2025")
    Traceback (most recent call last):
    ...
    ValueError: expected a Plan or a file path, got text: read it with plankit.read_text(text)
    """
    if isinstance(plan_or_path, Plan):
        return plan_or_path
    if isinstance(plan_or_path, str) and ("\n" in plan_or_path or len(plan_or_path) > 4096):
        raise ValueError("expected a Plan or a file path, got text: read it with plankit.read_text(text)")
    if isinstance(plan_or_path, str | os.PathLike):
        return read_plan(plan_or_path)
    if hasattr(plan_or_path, "header") and hasattr(plan_or_path, "text"):
        return plan_or_path
    raise TypeError(f"expected a Plan or a file path, not {type(plan_or_path).__name__}")

