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
        raise TemplateError(f"{TEMPLATE_NAME}: the default template is missing (run templates/build_template.py)")
    return path


_TEMPLATE_CACHE: dict[tuple[str, int, int], bytes] = {}
_TEMPLATE_LIMIT = 50 * 1024 * 1024
_CACHE_LOCK = threading.Lock()


def template_bytes(path: Path) -> bytes:
    """The template's bytes after checking it is a Word document; cached by path, size, mtime."""
    try:
        st = path.stat()
    except OSError:
        raise TemplateError(f"{path}: template not found") from None
    if not path.is_file():
        raise TemplateError(f"{path}: the template is a folder, not a .docx file")
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    with _CACHE_LOCK:
        cached = _TEMPLATE_CACHE.get(key)
    if cached is not None:
        return cached
    if st.st_size > _TEMPLATE_LIMIT:
        raise TemplateError(f"{path}: template too large ({st.st_size // (1024 * 1024)} MB; the limit is 50 MB)")
    data = path.read_bytes()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(f"{path}: not a .docx template (not a zip archive; save it from Word as .docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise TemplateError(f"{path}: not a .docx template ({exc})") from None
    names = {i.filename for i in infos}
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise TemplateError(f"{path}: not a .docx template (no word/document.xml)")
    from ..read._limits import check_zip_members  # the one set of zip-bomb limits

    check_zip_members(infos, path, lambda name, reason: TemplateError(f"{name}: template too large once unpacked: {reason}"))
    with _CACHE_LOCK:
        if len(_TEMPLATE_CACHE) > 16:
            _TEMPLATE_CACHE.clear()
        _TEMPLATE_CACHE[key] = data
    return data


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


def _docx_template(data: bytes):
    from docxtpl import DocxTemplate

    class Template(DocxTemplate):
        def patch_xml(self, src_xml: str) -> str:
            from ..sandbox import check_tags

            check_tags(src_xml)  # linear; docxtpl's expressions are quadratic on unclosed tags

            def patch() -> str:
                patched = super(Template, self).patch_xml(src_xml)
                return _TAG_RE.sub(lambda m: m.group(0).translate(_TAG_CHARS), patched)

            return _PATCHED.get(src_xml, patch)

    return Template(io.BytesIO(data))


def _template_error(name: str, exc: Exception) -> TemplateError:
    from jinja2 import exceptions as jx
    from jinja2.sandbox import SecurityError

    from ..sandbox import TemplateLimit

    msg = str(getattr(exc, "message", None) or exc)
    if isinstance(exc, TemplateLimit):
        return TemplateError(f"{name}: refused: {exc}")
    if isinstance(exc, SecurityError):
        return TemplateError(
            f"{name}: refused: the template reaches for Python internals or builds a huge value "
            f"({msg}); templates may only use the variables listed in templates/README.md"
        )
    if isinstance(exc, jx.UndefinedError):
        m = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", msg)
        var = (m.group(1) or m.group(2)) if m else msg
        if "unsafe" in msg:
            return TemplateError(f"{name}: refused: the template reaches for Python internals ({msg})")
        return TemplateError(
            f"{name}: unknown variable '{var}' ({msg}); the variables are listed in templates/README.md"
        )
    if isinstance(exc, jx.TemplateSyntaxError):
        return TemplateError(f"{name}: broken template tag: {msg}")
    return TemplateError(f"{name}: the template could not be rendered ({type(exc).__name__}: {msg})")


def render_document(data: bytes, name: str, context: dict[str, Any]):
    """The rendered python-docx Document; any failure is a :class:`TemplateError`."""
    try:
        from ..sandbox import running

        tpl = _docx_template(data)
        with running():
            tpl.render(context, jinja_env=_environment())
    except PlankitError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise TemplateError(f"{name}: the template is too large or too deeply nested ({type(exc).__name__})") from None
    except Exception as exc:  # a broken or hostile template: report it, never a traceback
        raise _template_error(name, exc) from None
    return tpl.docx
