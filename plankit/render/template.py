"""Word templates: the bundled one (:func:`default_template`), a template's bytes checked and
cached (:func:`template_bytes`), and filling it in the Jinja sandbox (:func:`render_document`),
where a broken or hostile template becomes a :class:`~plankit.errors.TemplateError`."""

from __future__ import annotations

import io
import re
import threading
import zipfile
from pathlib import Path
from typing import Any

from ..errors import PlankitError, TemplateError

__all__ = ["TEMPLATE_NAME", "default_template", "render_document", "template_bytes"]

TEMPLATE_NAME = "ke-hoach.docx"


def default_template() -> Path:
    """The bundled template, ``plankit/templates/ke-hoach.docx`` (loaded with importlib.resources).

    >>> default_template().name
    'ke-hoach.docx'
    """
    from ..bundled import template_path

    path = template_path()
    if not path.is_file():
        raise TemplateError(f"{path}: thiếu mẫu mặc định đi kèm plankit, hãy cài lại plankit / the default template "
                            "is missing (reinstall plankit, or run templates/build_template.py in a source checkout)")
    return path


_TEMPLATE_CACHE: dict[tuple[str, int, int], bytes] = {}
_TEMPLATE_LIMIT = 50 * 1024 * 1024
_CACHE_LOCK = threading.Lock()


def template_bytes(path: Path) -> bytes:
    """The template's bytes after checking it is a Word document; cached by path, size, mtime."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise TemplateError(f"{path}: không có tệp mẫu này / template not found") from None
    except OSError as exc:
        from ..output import read_reason

        raise TemplateError(f"{path}: không đọc được tệp mẫu / cannot read the template ({read_reason(exc)})") from None
    if not path.is_file():
        raise TemplateError(f"{path}: mẫu là một thư mục, không phải tệp .docx / the template is a folder, not a .docx file")
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    with _CACHE_LOCK:
        cached = _TEMPLATE_CACHE.get(key)
    if cached is not None:
        return cached
    if st.st_size > _TEMPLATE_LIMIT:
        mb = st.st_size // (1024 * 1024)
        raise TemplateError(f"{path}: mẫu quá lớn ({mb} MB, tối đa 50 MB) / template too large ({mb} MB; the limit is 50 MB)")
    data = path.read_bytes()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(f"{path}: không phải mẫu .docx, hãy lưu lại từ Word dưới dạng .docx / not a .docx template "
                            "(not a zip archive; save it from Word as .docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise TemplateError(f"{path}: không phải mẫu .docx, tệp nén bị hỏng / not a .docx template ({exc})") from None
    names = {i.filename for i in infos}
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise TemplateError(f"{path}: không phải mẫu .docx, thiếu word/document.xml / not a .docx template "
                            "(no word/document.xml)")
    from ..read._limits import check_zip_members  # the one set of zip-bomb limits

    check_zip_members(infos, path, _unpacked)
    with _CACHE_LOCK:
        if len(_TEMPLATE_CACHE) > 16:
            _TEMPLATE_CACHE.clear()
        _TEMPLATE_CACHE[key] = data
    return data


def _unpacked(name: str | None, reason: str) -> TemplateError:
    """A zip limit's reason (``từ chối: ... / refused: ...``) said of a template, one " / " kept."""
    vietnamese, _, english = reason.partition(" / ")
    return TemplateError(f"{name}: mẫu bị từ chối khi giải nén: {vietnamese.removeprefix('từ chối: ')} / "
                         f"template refused once unpacked: {english.removeprefix('refused: ')}")


# Quotes and spaces Word's AutoFormat puts inside tags; Jinja only knows ' " and the space.
_TAG_CHARS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
                            "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "\u00a0": " ",
                            "\u202f": " ", "\u2007": " "})
_TAG_RE = re.compile(r"\{[{%#].*?[}%#]\}", re.S)


class _Cache:
    """A small bounded memo (template sources repeat: the same template renders many plans)."""

    def __init__(self, size: int = 64):
        self.size = size
        self.data: dict[Any, Any] = {}
        self.lock = threading.Lock()

    def get(self, key: Any, make) -> Any:
        with self.lock:
            if key in self.data:
                return self.data[key]
        value = make()
        with self.lock:
            if len(self.data) >= self.size:
                self.data.pop(next(iter(self.data)))
            self.data[key] = value
        return value


_PATCHED = _Cache()


def _environment():
    """The Jinja sandbox templates render in (plankit/sandbox.py: what a template may reach,
    build and spend)."""
    from ..sandbox import environment

    return environment()


def _docx_template(data: bytes, name: str):
    from docxtpl import DocxTemplate

    class Template(DocxTemplate):
        def patch_xml(self, src_xml: str) -> str:
            from ..sandbox import TemplateLimit, check_tags

            try:
                check_tags(src_xml)  # linear; docxtpl's expressions are quadratic on unclosed tags
            except TemplateLimit as exc:  # the one limit check_tags has: a tag left open
                raise TemplateError(f"{name}: thẻ mẫu chưa đóng / broken template tag: {exc}") from None

            def patch() -> str:
                patched = super(Template, self).patch_xml(src_xml)
                return _TAG_RE.sub(lambda m: m.group(0).translate(_TAG_CHARS), patched)

            return _PATCHED.get(src_xml, patch)

    return Template(io.BytesIO(data))


def _template_error(name: str, exc: Exception) -> TemplateError:
    from jinja2 import exceptions as jx
    from jinja2.sandbox import SecurityError

    from ..sandbox import TemplateLimit, TemplateTimeout

    msg = str(getattr(exc, "message", None) or exc)
    if isinstance(exc, TemplateTimeout):
        return TemplateError(f"{name}: mẫu bị dừng vì chạy quá lâu (vòng lặp hoặc macro gọi lại chính nó?) / refused: {exc}")
    if isinstance(exc, TemplateLimit):
        return TemplateError(f"{name}: mẫu bị từ chối vì tạo ra nội dung hoặc con số vượt giới hạn cho phép / refused: {exc}")
    if isinstance(exc, SecurityError):
        return TemplateError(
            f"{name}: mẫu bị từ chối vì chạm vào cấu trúc nội bộ của Python hoặc tạo giá trị quá lớn; mẫu chỉ "
            f"được dùng các biến liệt kê trong templates/README.md / refused: the template reaches for Python "
            f"internals or builds a huge value ({msg}); templates may only use the variables listed in templates/README.md"
        )
    if isinstance(exc, jx.UndefinedError):
        m = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", msg)
        var = (m.group(1) or m.group(2)) if m else msg
        if "unsafe" in msg:
            return TemplateError(f"{name}: mẫu bị từ chối vì chạm vào cấu trúc nội bộ của Python / "
                                 f"refused: the template reaches for Python internals ({msg})")
        return TemplateError(
            f"{name}: mẫu dùng biến '{var}' không có trong kế hoạch (danh sách biến ở templates/README.md) / "
            f"unknown variable '{var}' ({msg}); the variables are listed in templates/README.md"
        )
    if isinstance(exc, jx.TemplateSyntaxError):
        return TemplateError(f"{name}: thẻ mẫu bị hỏng / broken template tag: {msg}")
    return TemplateError(f"{name}: không dựng được văn bản từ mẫu / the template could not be rendered "
                         f"({type(exc).__name__}: {msg})")


def render_document(data: bytes, name: str, context: dict[str, Any]):
    """The rendered python-docx Document; any failure is a :class:`TemplateError`."""
    try:
        from ..sandbox import running

        tpl = _docx_template(data, name)
        with running():
            tpl.render(context, jinja_env=_environment())
    except PlankitError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise TemplateError(f"{name}: mẫu quá lớn hoặc lồng nhau quá sâu / the template is too large or too deeply "
                            f"nested ({type(exc).__name__})") from None
    except Exception as exc:  # a broken or hostile template: report it, never a traceback
        raise _template_error(name, exc) from None
    return tpl.docx
