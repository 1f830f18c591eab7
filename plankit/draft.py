"""Draft next year's plan from last year's, and render a plan in the Nghị định 30/2020 layout.

Three verbs:

* :func:`draft_plan` rolls a plan forward: a new :class:`~plankit.model.Plan` (``draft=True``)
  whose self-referential years, basis, agency names and typos are brought up to date, with a
  :class:`~plankit.model.Todo` for everything the officer must still decide;
* :func:`render_docx` fills a Word template (docxtpl tags, rendered in a Jinja sandbox) from any
  plan and writes the .docx atomically;
* :func:`render_markdown` gives the same content as Markdown, for a quick look in a notebook.

The variables a template sees are built by :func:`template_context` and documented, one by one,
in ``templates/README.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import os
import re
import threading
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import PlankitError, TemplateError
from .model import Citation, PartialDate, Plan, Section, Span, Todo
from .output import write_with
from .text import fold, nfc, tone_key

__all__ = [
    "default_template",
    "draft_plan",
    "place_date",
    "render_docx",
    "render_markdown",
    "template_context",
    "todo_html",
]

TEMPLATE_NAME = "ke-hoach.docx"
RULE_STYLE_ISSUER = "PK Issuer Rule"  # the short rule under the issuing body (build_template.py)

# ==============================================================================================
# The template context
# ==============================================================================================


def _flat(text: str) -> str:
    """White space collapsed: a paragraph wrapped over lines becomes one line."""
    return " ".join(text.split())


def _day(day: int | None) -> str | None:
    """Nghị định 30/2020: days below 10 take a leading zero."""
    return None if day is None else f"{day:02d}"


def _month(month: int | None) -> str | None:
    """Nghị định 30/2020: months 1 and 2 take a leading zero, the others do not."""
    if month is None:
        return None
    return f"{month:02d}" if month <= 2 else str(month)


def place_date(place: str | None, parts: PartialDate) -> str:
    """The place and date line, with blanks where the day (or month) is not decided yet.

    >>> place_date("Cần Thơ", PartialDate(5, 1, 2026))
    'Cần Thơ, ngày 05 tháng 01 năm 2026'
    >>> place_date("Cần Thơ", PartialDate(None, 1, 2026))
    'Cần Thơ, ngày      tháng 01 năm 2026'
    >>> place_date("Hải Dương", PartialDate(15, 3, 2023))
    'Hải Dương, ngày 15 tháng 3 năm 2023'
    """
    blank = "     "
    day = _day(parts.day) or blank
    month = _month(parts.month) or blank
    year = str(parts.year) if parts.year else blank
    return f"{place or '.........'}, ngày {day} tháng {month} năm {year}"


def _is_title(text: str, limit: int = 110) -> bool:
    """A heading that reads as a title (short, no closing punctuation), not a numbered paragraph."""
    return len(text) <= limit and not text.rstrip().endswith((".", ";", ":", ","))


def _signer_lines(title: str | None) -> list[str]:
    """``KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC`` (or on one line) -> the two lines."""
    if not title:
        return []
    lines: list[str] = []
    for line in title.split("\n"):
        lines.extend(p.strip() for p in re.split(r"(?<=\S)\s+(?=PHÓ\s)", _flat(line)) if p.strip())
    return lines


def _recipient(raw: str) -> str:
    return _flat(raw).lstrip("-–• ").rstrip(";,. ").strip()


@dataclasses.dataclass
class _Item:
    """A piece of a plan in template order: a heading, paragraph, item, title or table."""

    kind: str
    level: int
    span: Span | None
    text: str
    table: Any = None  # model.Table for kind "table"
    fix: tuple[str, str] | None = None  # a heading's raw number and its normalised form

    def as_dict(self) -> dict[str, Any]:
        if self.kind == "table":
            t = self.table
            width = max([len(t.columns), *(len(r) for r in t.rows)])
            columns = [_flat(c) for c in t.columns] + [""] * (width - len(t.columns))
            rows = [[_flat(c.text) for c in r] + [""] * (width - len(r)) for r in t.rows]
            return {"kind": "table", "level": 0, "text": "", "columns": columns, "rows": rows}
        return {"kind": self.kind, "level": self.level, "text": self.text}


@dataclasses.dataclass
class _Parts:
    basis: list[_Item]
    body: list[_Item]
    closing: list[_Item]
    appendix: list[_Item]


def _continues(before: str, text: str) -> bool:
    """Whether paragraph ``text`` continues ``before`` (a scan's page break cut it): it starts in
    lower case without a list marker ("b) ...") and ``before`` has no closing punctuation.

    >>> _continues("nếu có khó khăn,", "vướng mắc, các phòng phản ánh")
    True
    >>> _continues("a) Nâng cao nhận thức;", "b) Nâng cao nhận thức CCHC")
    False
    """
    return (
        text[:1].islower()
        and not re.match(r"^\w{1,2}\s*[).]\s", text)
        and not before.rstrip().endswith((".", ";", ":", "!", "?"))
    )


def _parts(plan: Plan) -> _Parts:
    """The plan's blocks sorted into basis, body, closing and appendix, in reading order.

    A paragraph that starts in lower case continues the one before (a page break in a scan); a
    heading whose number was read from OCR damage (``11.``) is written with its number (``II.``);
    a numbered heading that is really a paragraph (long, ends with a full stop) is a paragraph.
    """
    heads = {s.heading.start: s for s in plan.walk()}
    parts = _Parts([], [], [], [])
    stage = "front"  # front -> body -> closing -> tail -> appendix

    def add(target: list[_Item], item: _Item) -> None:
        last = target[-1] if target else None
        if (last is not None and item.kind in ("paragraph", "item", "closing") and last.kind in ("paragraph", "item", "closing")
                and last.span and item.span and _continues(last.text, item.text)):
            target[-1] = dataclasses.replace(last, span=Span(last.span.start, item.span.end), text=f"{last.text} {item.text}")
            return
        target.append(item)

    for block in plan.blocks:
        kind = block.kind
        if kind in ("header", "doc-type", "subject", "boilerplate"):
            continue
        if kind in ("recipients", "signature"):
            stage = "tail" if stage != "appendix" else stage
            continue
        section: Section | None = heads.get(block.span.start)
        is_appendix = kind == "appendix-title" or (section is not None and section.number == "PHỤ LỤC")
        if is_appendix or stage == "tail":
            stage = "appendix"
        target = parts.appendix if stage == "appendix" else parts.body
        if kind == "table":
            table = next((t for t in plan.tables if t.span.overlaps(block.span) or t.span == block.span), None)
            if table is not None:
                target.append(_Item("table", 0, table.span, "", table))
            continue
        text = _flat(block.text)
        if not text:
            continue
        if kind == "basis" and stage == "front":
            parts.basis.append(_Item("basis", 0, block.span, text))
            continue
        if kind == "closing" or (stage == "closing" and kind in ("paragraph", "other")):
            add(parts.closing, _Item("closing", 0, block.span, text))
            stage = "closing"
            continue
        if stage in ("front", "closing"):
            stage = "body"
        if is_appendix:
            target.append(_Item("title", 1, block.span, text))
            continue
        if section is not None and kind in ("heading", "item"):
            fix = None
            raw = section.raw_number
            if raw and raw != section.number and text.startswith(raw):
                fix = (raw, section.number)
                text = section.number + text[len(raw) :]
            level = section.level
            if level == 1 or (level == 2 and _is_title(text)) or (level == 3 and _is_title(text, 80)):
                target.append(_Item("heading", level, block.span, text, fix=fix))
            else:
                add(target, _Item("paragraph", 0, block.span, text, fix=fix))
            continue
        add(target, _Item("item" if kind == "item" else "paragraph", 0, block.span, text))
    return parts


def template_context(plan: Plan) -> dict[str, Any]:
    """The variables a Word template sees, built from ``plan`` (see ``templates/README.md``).

    >>> from plankit.read import read_text
    >>> plan = read_text("UBND TỈNH HẢI DƯƠNG\\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n"
    ...     "SỞ CÔNG THƯƠNG\\tĐộc lập - Tự do - Hạnh phúc\\n"
    ...     "Số:    /KH-SCT\\tHải Dương, ngày    tháng 01 năm 2023\\nKẾ HOẠCH\\n"
    ...     "Tuyên truyền cải cách hành chính nhà nước năm 2023\\nI. MỤC ĐÍCH, YÊU CẦU\\n1. Mục đích")
    >>> ctx = template_context(plan)
    >>> ctx["number"], ctx["symbol"], ctx["place_date"]
    (None, 'KH-SCT', 'Hải Dương, ngày      tháng 01 năm 2023')
    >>> [(b["kind"], b["level"], b["text"]) for b in ctx["body"]]
    [('heading', 1, 'I. MỤC ĐÍCH, YÊU CẦU'), ('heading', 2, '1. Mục đích')]
    """
    h = plan.header
    parts = _parts(plan)
    date_parts = h.date_parts
    return {
        "parent": h.parent,
        "issuer": h.issuer or "",
        "number": h.number,
        "symbol": h.symbol or "",
        "reference": h.reference or "",
        "place": h.place or "",
        "day": _day(date_parts.day),
        "month": _month(date_parts.month),
        "date_year": date_parts.year,
        "place_date": place_date(h.place, date_parts),
        "doc_type": h.doc_type or "Kế hoạch",
        "title": _flat(h.title or ""),
        "year": h.year,
        "basis": [i.text for i in parts.basis],
        "body": [i.as_dict() for i in parts.body],
        "closing": [i.text for i in parts.closing],
        "recipients": [r for r in (_recipient(x) for x in h.recipients) if r],
        "signer_title": _signer_lines(h.signer_title),
        "signer": h.signer,
        "appendix": [i.as_dict() for i in parts.appendix],
        "draft": plan.draft,
        "todo": [{"kind": t.kind, "message": t.message} for t in plan.todo],
    }


# ==============================================================================================
# Markdown preview
# ==============================================================================================


def _md(text: str) -> str:
    return re.sub(r"([\\`*_|<>])", r"\\\1", text)


def _md_items(items: Sequence[Mapping[str, Any]]) -> list[str]:
    out: list[str] = []
    for b in items:
        if b["kind"] == "table":
            cols = b["columns"]
            out.append("| " + " | ".join(_md(c) or " " for c in cols) + " |")
            out.append("|" + "---|" * len(cols))
            out.extend("| " + " | ".join(_md(c) or " " for c in row) + " |" for row in b["rows"])
        elif b["kind"] == "title":
            out.append(f"**{_md(b['text'])}**")
        elif b["kind"] == "heading":
            marks = {1: "### ", 2: "#### "}.get(b["level"], "")
            out.append(f"{marks}{_md(b['text'])}" if marks else f"*{_md(b['text'])}*")
        else:
            out.append(_md(b["text"]))
        out.append("")
    return out


def render_markdown(plan: Plan) -> str:
    """The plan as Markdown in the order of Nghị định 30/2020: header, type and subject, basis,
    body, closing, recipients and signature, appendix; a draft's to-do list comes last.

    >>> from plankit.read import read_text
    >>> plan = read_text("SỞ CÔNG THƯƠNG\\nSố: 181/KH-SCT\\nHải Dương, ngày 07 tháng 02 năm 2022\\n"
    ...                  "KẾ HOẠCH\\nTuyên truyền cải cách hành chính năm 2022\\nI. MỤC ĐÍCH")
    >>> md = render_markdown(plan)
    >>> print("\\n".join(md.splitlines()[:8]))
    |  | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |
    |:---:|:---:|
    | **SỞ CÔNG THƯƠNG** | **Độc lập - Tự do - Hạnh phúc** |
    | Số: 181/KH-SCT | *Hải Dương, ngày 07 tháng 02 năm 2022* |
    <BLANKLINE>
    **KẾ HOẠCH**
    **Tuyên truyền cải cách hành chính năm 2022**
    <BLANKLINE>
    >>> "### I. MỤC ĐÍCH" in md
    True
    """
    c = template_context(plan)
    number = c["number"] or "\u2003\u2003"
    out = [
        f"| {_md((c['parent'] or '').upper())} | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |",
        "|:---:|:---:|",
        f"| **{_md(c['issuer'].upper())}** | **Độc lập - Tự do - Hạnh phúc** |",
        f"| Số: {_md(number)}/{_md(c['symbol'])} | *{_md(c['place_date'])}* |",
        "",
        f"**{_md(c['doc_type'].upper())}**  ",
        f"**{_md(c['title'])}**",
        "",
    ]
    for p in c["basis"]:
        out += [_md(p), ""]
    out += _md_items(c["body"])
    for p in c["closing"]:
        out += [_md(p), ""]
    out.append("***Nơi nhận:***  ")
    out += [f"\\- {_md(r)}{'.' if i == len(c['recipients']) - 1 else ';'}  " for i, r in enumerate(c["recipients"])]
    out.append("")
    out += [f"**{_md(t.upper())}**  " for t in c["signer_title"]]
    out += ["", f"**{_md(c['signer'] or '')}**", ""]
    if c["appendix"]:
        out += ["---", "", *_md_items(c["appendix"])]
    if plan.todo:
        out += ["---", "", "**Việc cần làm / to do**", ""]
        for t in plan.todo:
            where = f"dòng {plan.position(t.span.start)[0]}: " if t.span is not None else ""
            out.append(f"- [ ] {where}{_md(t.message)}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def todo_html(plan: Plan) -> str:
    """The to-do list of a draft as HTML (empty when there is nothing to do), each item shown
    with the text it points at; for :meth:`Plan._repr_html_`.

    >>> from plankit.read import read_text
    >>> plan = read_text("Số:    /KH-SCT\\nKẾ HOẠCH\\nTuyên truyền năm 2023")
    >>> print(todo_html(dataclasses.replace(plan, todo=(Todo("number", "Điền số", Span(3, 7)),))))
    <details open><summary>Việc cần làm / to do (1)</summary><ol><li><b>number</b> Điền số <small>(dòng 1: <code>…</code>)</small></li></ol></details>
    """
    import html

    if not plan.todo:
        return ""
    items = []
    for t in plan.todo:
        where = ""
        if t.span is not None:
            line, _ = plan.position(t.span.start)
            shown = _flat(t.span.slice(plan.text)) or "…"
            where = f" <small>(dòng {line}: <code>{html.escape(shown[:80])}</code>)</small>"
        items.append(f"<li><b>{html.escape(t.kind)}</b> {html.escape(t.message)}{where}</li>")
    return f"<details open><summary>Việc cần làm / to do ({len(items)})</summary><ol>{''.join(items)}</ol></details>"


# ==============================================================================================
# Rendering a Word template
# ==============================================================================================


def default_template() -> Path:
    """The bundled template: ``plankit/templates/ke-hoach.docx`` when packaged, else the
    repository's ``templates/ke-hoach.docx``.

    >>> default_template().name
    'ke-hoach.docx'
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates" / TEMPLATE_NAME, here.parent / "templates" / TEMPLATE_NAME):
        if candidate.is_file():
            return candidate
    raise TemplateError(f"{TEMPLATE_NAME}: the default template is missing (run templates/build_template.py)")


_TEMPLATE_CACHE: dict[tuple[str, int, int], bytes] = {}
_TEMPLATE_LIMIT = 50 * 1024 * 1024
_CACHE_LOCK = threading.Lock()


def _template_bytes(path: Path) -> bytes:
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
    if sum(i.file_size for i in infos) > 4 * _TEMPLATE_LIMIT:
        raise TemplateError(f"{path}: template too large once unpacked (a zip bomb?)")
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

_SIZE_LIMIT = 1_000_000  # characters or items a sandboxed expression may build


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
_COMPILED = _Cache()
_ENV = None


def _environment():
    """The Jinja sandbox templates render in: no attribute starting with ``_``, no mutation of
    values, strict undefined variables, autoescaped XML, no huge values from ``*`` and ``**``.
    One instance is shared; compiled template sources are memoised."""
    global _ENV
    if _ENV is not None:
        return _ENV
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

    class Sandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context, operator, left, right):
            if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
                raise SecurityError("exponent too large for a template")
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, str | list | tuple) and isinstance(n, int) and len(seq) * n > _SIZE_LIMIT:
                        raise SecurityError("the template builds a value that is too large")
            return super().call_binop(context, operator, left, right)

        def from_string(self, source, globals=None, template_class=None):
            if globals is not None or template_class is not None or not isinstance(source, str):
                return super().from_string(source, globals, template_class)
            return _COMPILED.get(source, lambda: super(Sandbox, self).from_string(source))

    _ENV = Sandbox(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True)
    return _ENV


def _docx_template(data: bytes):
    from docxtpl import DocxTemplate

    class Template(DocxTemplate):
        def patch_xml(self, src_xml: str) -> str:
            def patch() -> str:
                patched = super(Template, self).patch_xml(src_xml)
                return _TAG_RE.sub(lambda m: m.group(0).translate(_TAG_CHARS), patched)

            return _PATCHED.get(src_xml, patch)

    return Template(io.BytesIO(data))


def _template_error(name: str, exc: Exception) -> TemplateError:
    from jinja2 import exceptions as jx
    from jinja2.sandbox import SecurityError

    msg = str(getattr(exc, "message", None) or exc)
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


def _render_document(data: bytes, name: str, context: dict[str, Any]):
    """The rendered python-docx Document; any failure is a :class:`TemplateError`."""
    try:
        tpl = _docx_template(data)
        tpl.render(context, jinja_env=_environment())
    except PlankitError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise TemplateError(f"{name}: the template is too large or too deeply nested ({type(exc).__name__})") from None
    except Exception as exc:  # a broken or hostile template: report it, never a traceback
        raise _template_error(name, exc) from None
    return tpl.docx


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _fit_activity_tables(document) -> None:
    """Give tables whose columns came from a ``{%tc for %}`` loop widths that fit their text.

    A loop copies one cell's width into every column; a table whose cells no longer add up to
    its width gets a narrow TT column and the rest shared by the length of what they hold.
    """
    from docx.oxml.ns import qn

    for table in document.tables:
        tbl = table._tbl
        rows = tbl.findall(qn("w:tr"))
        if not rows:
            continue
        ncols = max(len(r.findall(qn("w:tc"))) for r in rows)
        tblw = tbl.tblPr.find(qn("w:tblW"))
        if ncols < 2 or tblw is None or tblw.get(qn("w:type")) != "dxa":
            continue
        total = int(tblw.get(qn("w:w")))
        widths = []
        for tc in rows[0].findall(qn("w:tc")):
            w = tc.find(qn("w:tcPr") + "/" + qn("w:tcW"))
            widths.append(int(w.get(qn("w:w"))) if w is not None and w.get(qn("w:w")) else 0)
        if abs(sum(widths) - total) <= total * 0.05:
            continue
        texts: list[list[str]] = [[] for _ in range(ncols)]
        for tr in rows:
            for j, tc in enumerate(tr.findall(qn("w:tc"))[:ncols]):
                texts[j].append("".join(t.text or "" for t in tc.iter(qn("w:t"))).strip())
        narrow = [max((len(t) for t in col), default=0) <= 4 for col in texts]
        # Each column's share grows with the mean length of its cells, damped so that a long
        # column does not starve the others; the header's longest word must fit.
        weights = [0.0 if n else max(8.0, sum(len(t) for t in col[1:]) / max(1, len(col) - 1), len(col[0]) * 0.8) ** 0.6
                   for col, n in zip(texts, narrow, strict=True)]
        fixed = sum(_twips(11) for n in narrow if n)
        free = max(total - fixed, 0)
        wsum = sum(weights) or 1.0
        col_w = [_twips(11) if n else max(_twips(22), int(free * w / wsum)) for n, w in zip(narrow, weights, strict=True)]
        scale = total / sum(col_w)
        col_w = [int(w * scale) for w in col_w]
        grid = tbl.tblGrid
        for old in grid.findall(qn("w:gridCol")):
            grid.remove(old)
        for w in col_w:
            el = grid.makeelement(qn("w:gridCol"), {qn("w:w"): str(w)})
            grid.append(el)
        for tr in rows:
            for tc, w in zip(tr.findall(qn("w:tc")), col_w, strict=False):
                tcw = tc.get_or_add_tcPr().get_or_add_tcW()
                tcw.set(qn("w:w"), str(w))
                tcw.set(qn("w:type"), "dxa")


def _fit_issuer_rule(document) -> None:
    """Make the rule under the issuing body 1/3 to 1/2 as long as the body's name (Nghị định
    30/2020), centred; the name's width is estimated for Times New Roman 13 pt bold capitals."""
    from docx.oxml.ns import qn
    from docx.shared import Mm

    style_id = next((s.get(qn("w:styleId")) for s in document.styles.element.findall(qn("w:style"))
                     if s.find(qn("w:name")) is not None and s.find(qn("w:name")).get(qn("w:val")) == RULE_STYLE_ISSUER), None)
    if style_id is None:
        return
    from docx.text.paragraph import Paragraph

    for p in document.element.body.iter(qn("w:p")):
        ppr = p.pPr
        if ppr is None or ppr.pStyle is None or ppr.pStyle.val != style_id:
            continue
        tc = next((a for a in p.iterancestors(qn("w:tc"))), None)
        tcw = tc.tcPr.find(qn("w:tcW")) if tc is not None and tc.tcPr is not None else None
        name = ""
        for q in p.itersiblings(qn("w:p"), preceding=True):
            name = "".join(t.text or "" for t in q.iter(qn("w:t"))).strip()
            if name:
                break
        if not name or tcw is None:
            continue
        avail = int(tcw.get(qn("w:w"))) * 25.4 / 1440 - 2.0
        text_mm = min(len(name) * 0.62 * 13 * 25.4 / 72, avail)
        rule = min(max(0.4 * text_mm, 12.0), 0.5 * avail)
        side = max(0.0, (avail - rule) / 2)
        fmt = Paragraph(p, None).paragraph_format
        fmt.left_indent = Mm(side)
        fmt.right_indent = Mm(side)


def _finish(document, plan: Plan) -> None:
    _fit_activity_tables(document)
    _fit_issuer_rule(document)
    props = document.core_properties
    h = plan.header
    props.title = _flat(f"{(h.doc_type or 'Kế hoạch')} {h.title or ''}")[:255]
    props.subject = _flat(h.title or "")[:255]
    props.author = h.issuer or ""
    props.last_modified_by = "plankit"
    props.language = "vi-VN"
    props.keywords = "kế hoạch; cải cách hành chính" + ("; bản nháp" if plan.draft else "")
    props.comments = (
        f"Bản nháp do plankit soạn từ {plan.name}; {len(plan.todo)} việc cần làm" if plan.draft else f"plankit: {plan.name}"
    )[:255]
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = now
    props.modified = now
    props.revision = 1


def render_docx(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] | None = None,
    force: bool = False,
) -> Path:
    """Write ``plan`` as a Word document in the Nghị định 30/2020 layout; returns the path.

    ``template`` is a .docx with docxtpl tags (default: :func:`default_template`); its variables
    are those of :func:`template_context`, documented in ``templates/README.md``. It renders in
    a Jinja sandbox with strict undefined variables: a tag that reaches for Python internals, a
    misspelt variable, a broken tag or a file that is not a .docx raises
    :class:`~plankit.errors.TemplateError`. The file is written atomically: an existing ``path``
    raises :class:`~plankit.errors.OutputExists` unless ``force``, and a failure leaves no
    partial file.

    >>> import tempfile
    >>> from plankit.read import read_text
    >>> plan = read_text("SỞ CÔNG THƯƠNG\\nSố: 181/KH-SCT\\nHải Dương, ngày 07 tháng 02 năm 2022\\n"
    ...                  "KẾ HOẠCH\\nTuyên truyền cải cách hành chính năm 2022\\nI. MỤC ĐÍCH")
    >>> out = render_docx(plan, Path(tempfile.mkdtemp()) / "ke-hoach.docx")
    >>> out.name, out.stat().st_size > 10_000
    ('ke-hoach.docx', True)
    """
    tpl_path = Path(template) if template is not None else default_template()
    data = _template_bytes(tpl_path)
    context = template_context(plan)

    def write(tmp: Path) -> None:
        document = _render_document(data, str(tpl_path), context)
        _finish(document, plan)
        document.save(str(tmp))

    return write_with(path, write, force=force)


# ==============================================================================================
# Drafting next year's plan
# ==============================================================================================

# "năm 2025" (any case, OCR'd "nam"): the years a plan speaks of itself in.
_YEAR_RE = re.compile(r"\bnam\s+(\d{4})\b")
# What makes a "năm X" the plan's own year rather than another: the plan or its programme named
# earlier in the clause ("Kế hoạch ... năm X"), or a word that ties the year to this year's work
# ("Trong năm X", "CCHC năm X", "hành chính năm X", "tuyên truyền năm X", "kinh phí năm X").
_SELF_REF = re.compile(
    r"(?:\b(?:ke hoach|chuong trinh)\b[^.;:!?\d]{0,200}"
    r"|\b(?:trong|cchc|\(cchc\)|chinh|nuoc|truyen|hien|phi|tac|hoi)\s+)$"
)
# A date, not a year of work: "ngày 27 tháng 12 năm 2021", "tháng 01 năm 2025".
_DATE_BEFORE = re.compile(r"\bthang\s+\d{1,2}\s+$")
# Schedules in activity tables: "Quý I/2025", "Tháng 3/2025".
_SCHEDULE_RE = re.compile(r"\b(?:quy\s+[ivx\d]{1,4}|thang\s+\d{1,2})\s*/\s*(\d{4})\b")
# A period of a programme: "giai đoạn 2021-2025", "giai đoạn 2021 – 2025".
_PERIOD_RE = re.compile(r"\bgiai\s+doan\s+(\d{4})\s*[-\u2013\u2014]\s*(\d{4})\b")
# The sentence that says who builds the plan, when it ends the basis paragraph:
# "..., Sở Công Thương xây dựng Kế hoạch tuyên truyền ... năm 2021, cụ thể như sau:".
_INTRO_RE = re.compile(
    r"[,;.]\s*(?P<intro>(?:so|ubnd|uy\s+ban|ban|van\s+phong|trung\s+tam|chi\s+cuc)\b[^;]{0,120}?"
    r"\b(?:xay\s+dung|ban\s+hanh|trien\s+khai)\s+ke\s+hoach\b.*(?:nhu\s+sau|sau\s+day)\s*:?\s*)$",
    re.S,
)
# The closing's opening words, also as OCR and restoration leave them ("Trên đầu là").
_CLOSING_OPEN = re.compile(r"^tren\s+d\w{1,3}\s+la\b")
_BASIS_WORD = re.compile(r"^(?:can cu|thuc hien|theo)\b")
# Where a citation's clause ends: its subject runs to a semicolon, a full stop, a colon, a
# paragraph break, or the comma before "Sở ... xây dựng Kế hoạch" (the plan speaking of itself).
_CLAUSE_END = re.compile(
    r"[;:]|\.(?=\s|$)|\n\s*\n"
    r"|,\s+(?=(?:Sở|UBND|Ủy ban|Văn phòng|Trung tâm|Chi cục|Ban)\s[^,;]{0,80}?\s(?:xây dựng|ban hành|triển khai)\s)"
)
_DOC_WORDS = ("ke hoach", "quyet dinh", "nghi quyet", "chi thi", "chuong trinh", "thong tu",
              "nghi dinh", "cong van", "huong dan", "thong bao", "luat", "van ban")

MSG = {
    "number": "Số văn bản để trống: điền khi ký ban hành (number left blank: fill it in when signed)",
    "date": "Ngày ban hành để trống: điền ngày ký (day of issue left blank: fill it in when signed)",
    "basis": "Căn cứ là kế hoạch năm {old} của {issuer}: thay bằng văn bản năm {year} khi có "
             "(basis cites last year's plan: replace it with this year's)",
    "citation": "Nhắc đến kế hoạch năm {old} ({key}): kiểm tra, thay bằng văn bản năm {year} "
                "(mentions last year's plan: check it and replace it)",
    "period": "Giai đoạn {period} đã kết thúc trước năm {year}: cập nhật văn bản, giai đoạn mới "
              "(period ended: update to the new period and its document)",
    "district": "\"{name}\" không còn từ 01/7/2025 (chính quyền hai cấp): sửa lại nội dung "
                "(the district level ended on 2025-07-01: rewrite this)",
    "issuer": "Cơ quan ban hành đã đổi thành {issuer}: kiểm tra ký hiệu {symbol} "
              "(the issuing body changed: check the document symbol)",
    "signer": "Chưa có chức danh người ký (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC hoặc GIÁM ĐỐC): bổ sung "
              "(the signer's title is missing)",
    "signer-ocr": "Họ tên người ký lấy từ bản quét: kiểm tra lại (the signer's name comes from a scan: check it)",
    "table-ocr": "Bảng hoạt động dựng lại từ bản quét: kiểm tra từng ô (activity table rebuilt from a scan: check every cell)",
    "title": "Chưa có trích yếu (the plan has no subject line)",
}


@dataclasses.dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    new: str


@dataclasses.dataclass
class _Piece:
    """Rewritten text with its to-dos as (start, end, kind, message) relative to the text."""

    text: str
    todos: list[tuple[int, int, str, str]]


def _flatten(raw: str) -> tuple[str, list[int]]:
    """White space collapsed, and a document number broken over a line (``76/NQ-`` newline
    ``CP``) joined; with the map from each offset of ``raw`` (and its end) to the flat text.

    >>> _flatten("  Nghị quyết 76/NQ-\\n CP  ngày")[0]
    'Nghị quyết 76/NQ-CP ngày'
    """
    out: list[str] = []
    omap = [0] * (len(raw) + 1)
    i, n = 0, len(raw)
    while i < n and raw[i].isspace():
        i += 1
    while i < n:
        if raw[i].isspace():
            j = i
            while j < n and raw[j].isspace():
                j += 1
            token = "".join(out[-24:]).rsplit(" ", 1)[-1]
            joined = "\n" in raw[i:j] and token.endswith(("-", "/")) and re.search(r"\d/", token)
            for k in range(i, j):
                omap[k] = len(out)
            if j < n and not joined:
                out.append(" ")
            i = j
        else:
            omap[i] = len(out)
            out.append(raw[i])
            i += 1
    omap[n] = len(out)
    return "".join(out), omap


def _apply(text: str, edits: list[_Edit], marks: list[tuple[int, int, str, str]]) -> _Piece:
    """Apply non-overlapping edits (earlier ones win) and move the marks with the text."""
    chosen: list[_Edit] = []
    for e in edits:
        if e.new == text[e.start : e.end]:
            continue
        if any((e.start < c.end and c.start < e.end) or (e.start == e.end == c.start) for c in chosen):
            continue
        chosen.append(e)
    chosen.sort(key=lambda e: e.start)
    out, pos, shifts = [], 0, []  # shifts: (old_start, old_end, new_start, new_end)
    delta = 0
    for e in chosen:
        out.append(text[pos : e.start])
        out.append(e.new)
        shifts.append((e.start, e.end, e.start + delta, e.start + delta + len(e.new)))
        delta += len(e.new) - (e.end - e.start)
        pos = e.end
    out.append(text[pos:])

    def move(x: int, end: bool) -> int:
        d = 0
        for os_, oe, ns, ne in shifts:
            if x < os_ or (x == os_ and not end and os_ != oe):
                break
            if x < oe or (end and x == oe):
                return ne if end else ns
            d = ne - oe
        return x + d

    todos = [(move(s, False), move(e, True), k, m) for s, e, k, m in marks]
    return _Piece("".join(out), todos)


@dataclasses.dataclass(frozen=True)
class _Typo:
    typo: str
    correction: str
    not_before: tuple[str, ...]



@functools.cache
def _typos() -> tuple[tuple[_Typo, ...], re.Pattern[str] | None]:
    """The known misspellings (``data/typos.tsv``) and one pattern over folded text for all."""
    raw = resources.files("plankit.data").joinpath("typos.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")][1:]
    typos = tuple(
        _Typo(nfc(r[0]).strip(), nfc(r[1]).strip(), tuple(fold(w).strip() for w in (r[3] if len(r) > 3 else "").split("|") if w.strip()))
        for r in rows
        if len(r) >= 2 and r[0].strip()
    )
    if not typos:
        return typos, None
    alternatives = sorted({fold(t.typo) for t in typos}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alternatives) + r")(?!\w)")
    return typos, pattern


def _typo_edits(flat: str, folded: str) -> list[_Edit]:
    """Edits that correct the known misspellings in ``flat`` (tone placement ignored)."""
    typos, pattern = _typos()
    if pattern is None:
        return []
    edits = []
    for m in pattern.finditer(folded):
        surface = flat[m.start() : m.end()]
        key = tone_key(" ".join(surface.split()).lower())
        typo = next((t for t in typos if tone_key(t.typo.lower()) == key), None)
        if typo is None:
            continue
        following = folded[m.end() :].split(None, 1)
        if typo.not_before and following and following[0].strip(".,;:") in typo.not_before:
            continue
        new = typo.correction
        if surface[:1].isupper() and new[:1].islower():
            new = new[:1].upper() + new[1:]
        edits.append(_Edit(m.start(), m.end(), new))
    return edits


def _last_years_plan(c: Citation, plan_year: int) -> bool:
    """A yearly local plan of the previous plan's year (or the year before): the basis that a
    new year's plan must replace. Central documents, programmes and period plans are durable."""
    if c.implicit or c.level == "central" or c.role == "self" or fold(c.doc_type or "") != "ke hoach":
        return False
    subject = fold(c.subject or "")
    if "giai doan" in subject:
        return False
    year = c.date.year if c.date else c.year
    return year in (plan_year - 1, plan_year) or bool(re.search(rf"\bnam\s+{plan_year}\b", subject))


class _Rewriter:
    """Brings pieces of last year's text up to date for ``year`` and day ``on``."""

    def __init__(self, prev: Plan, *, year: int, on: dt.date, province: str | None,
                 replacements: Mapping[str, str] | None):
        from .agencies import stale_names

        self.stale_names = stale_names
        self.prev = prev
        self.text = prev.text
        self.folded = fold(prev.text)
        self.year = year
        self.plan_year = prev.year or (prev.header.date_parts.year or year - 1)
        self.on = on
        self.province = province
        self.replacements = [(nfc(k), nfc(v)) for k, v in (replacements or {}).items() if k]
        # Doubled words the linter is sure of ("cơ chế chế" -> "cơ chế"), by their surface, so
        # that the subject and table cells are corrected too; "truyền truyền thống" is not one.
        from .lint import lint_plan

        self.doubled = {
            f.surface: f.suggestion for f in lint_plan(prev, rules=["duplicated-word"]) if f.suggestion
        }
        cites = sorted((c for c in prev.citations if c.role != "self"), key=lambda c: c.span.start)
        self.regions: list[tuple[Span, Citation]] = []
        for i, c in enumerate(cites):
            limit = cites[i + 1].span.start if i + 1 < len(cites) else len(self.text)
            self.regions.append((self._region(c, limit), c))

    def _region(self, c: Citation, limit: int) -> Span:
        """The citation with its type word before it and its subject after it."""
        if c.implicit:
            return c.span
        lo = max(0, c.span.start - 90)
        window = self.folded[lo : c.span.start]
        found = [window.rfind(w) for w in _DOC_WORDS]
        best = max(found)
        start = lo + best if best != -1 else c.span.start
        stop = min(limit, c.span.end + 300)
        m = _CLAUSE_END.search(self.text, c.span.end, stop)
        return Span(start, max(c.span.end, m.start() if m else stop))

    def rewrite(self, raw: str, base: int | None, kind: str, fix: tuple[str, str] | None = None) -> _Piece:
        """``raw`` (at offset ``base`` of the previous text, or free text when ``None``) with
        the plan's years moved, stale names replaced, typos corrected and to-dos marked.

        ``kind``: ``subject`` (every year is the plan year), ``basis`` (years are the cited
        documents': none moves), ``body``, ``closing``, ``cell`` or ``name``.
        """
        flat, omap = _flatten(raw)
        folded = fold(flat)
        n = len(raw)

        def rel(span: Span) -> tuple[int, int] | None:
            if base is None:
                return None
            s, e = max(span.start - base, 0), min(span.end - base, n)
            return (omap[s], omap[e]) if e > s else None

        protected = [r for r in (rel(span) for span, _ in self.regions) if r]

        def inside(s: int, e: int) -> bool:
            return any(ps <= s and e <= pe for ps, pe in protected)

        edits: list[_Edit] = []
        marks: list[tuple[int, int, str, str]] = []
        if fix and flat.startswith(fix[0]):
            edits.append(_Edit(0, len(fix[0]), fix[1]))
        for old, new in self.replacements:
            edits.extend(_Edit(m.start(), m.end(), new) for m in re.finditer(re.escape(old), flat))
        if kind == "closing" and (m := _CLOSING_OPEN.match(folded)):
            edits.append(_Edit(0, m.end(), "Trên đây là"))
        for name in self.stale_names(flat, self.on, province=self.province):
            if inside(name.start, name.end):
                continue  # a cited document's issuer is history, not a name to update
            if name.new is None:
                marks.append((name.start, name.end, "district", MSG["district"].format(name=flat[name.start : name.end])))
            else:
                edits.append(_Edit(name.start, name.end, name.new))
        edits.extend(_typo_edits(flat, folded))
        for surface, suggestion in self.doubled.items():
            edits.extend(_Edit(m.start(), m.end(), suggestion)
                         for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", flat))
        if kind != "basis":
            edits.extend(self._years(folded, kind, inside))
        for m in _PERIOD_RE.finditer(folded):
            if int(m.group(2)) < self.year:
                period = flat[m.start(1) : m.end(2)]
                marks.append((m.start(), m.end(), "period", MSG["period"].format(period=period, year=self.year)))
        if base is not None:
            for span, c in self.regions:
                if base <= c.span.start and c.span.end <= base + n and _last_years_plan(c, self.plan_year):
                    where = rel(span) or (omap[c.span.start - base], omap[c.span.end - base])
                    old = c.date.year if c.date else self.plan_year
                    if kind == "basis":
                        msg = MSG["basis"].format(old=old + (1 if c.date and c.date.month == 12 else 0), issuer=c.issuer or "cấp trên", year=self.year)
                        marks.append((*where, "basis", msg))
                    else:
                        marks.append((*where, "citation", MSG["citation"].format(old=old, key=c.key, year=self.year)))
        return _apply(flat, edits, marks)

    def _years(self, folded: str, kind: str, inside) -> list[_Edit]:
        P, Y = self.plan_year, self.year
        edits = []
        for m in _YEAR_RE.finditer(folded):
            s, e = m.start(1), m.end(1)
            y = int(m.group(1))
            if inside(s, e) or _DATE_BEFORE.search(folded[max(0, m.start() - 14) : m.start()]):
                continue
            clause = max(folded.rfind(ch, 0, m.start()) for ch in ".;:!?") + 1
            before = folded[clause : m.start()]
            if kind == "subject" or y == P or (y == P - 1 and _SELF_REF.search(before)):
                new = Y
            elif y == P - 1:
                new = Y - 1  # "kết quả năm 2024" in a 2025 plan is last year's results
            elif y == P + 1:
                new = Y + 1
            else:
                continue
            edits.append(_Edit(s, e, str(new)))
        for m in _SCHEDULE_RE.finditer(folded):
            y = int(m.group(1))
            if y in (P - 1, P, P + 1) and not inside(m.start(1), m.end(1)):
                edits.append(_Edit(m.start(1), m.end(1), str(y + Y - P)))
        return edits


class _Writer:
    """Builds the draft's text line by line and keeps every to-do's place in it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.todos: list[Todo] = []

    def write(self, text: str | _Piece) -> int:
        start = self.pos
        if isinstance(text, _Piece):
            for s, e, kind, msg in text.todos:
                self.todos.append(Todo(kind, msg, Span(start + s, start + e)))
            text = text.text
        self.parts.append(text)
        self.pos += len(text)
        return start

    def line(self, text: str | _Piece = "") -> int:
        start = self.write(text)
        self.write("\n")
        return start

    def todo(self, kind: str, message: str, start: int, end: int) -> None:
        self.todos.append(Todo(kind, message, Span(start, end)))

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"date must be YYYY-MM-DD, not {value!r}") from None


def _basis_line(item: str | Citation, last: bool) -> str:
    """A given basis as a preamble paragraph: ``Căn cứ ...;`` (the last one ends with a stop)."""
    if isinstance(item, Citation):
        text = item.raw or item.key
        if not re.search(r"\bngày\b", text) and item.date:
            text = f"{item.doc_type or ''} số {item.key} ngày {item.date:%d/%m/%Y}".strip()
            if item.issuer:
                text += f" của {item.issuer}"
            if item.subject:
                text += f" về {item.subject}"
    else:
        text = str(item)
    text = _flat(nfc(text)).rstrip(" ;,.")
    if not _BASIS_WORD.match(fold(text)):
        text = "Căn cứ " + text
    return text + ("." if last else ";")


def _draft_name(name: str, year: int) -> str:
    """``can-tho/2025-so-khcn.ocr.txt`` -> ``can-tho/2026-so-khcn.draft.txt``."""
    path = Path(name)
    stem = path.name.split(".")[0]
    stem = re.sub(r"(?<!\d)(19|20)\d\d(?!\d)", str(year), stem, count=1) if re.search(r"(19|20)\d\d", stem) else f"{year}-{stem}"
    folder = f"{path.parent.as_posix()}/" if str(path.parent) not in ("", ".") else ""
    return f"{folder}{stem}.draft.txt"


def draft_plan(
    previous: Plan | str | os.PathLike[str],
    *,
    year: int,
    date: dt.date | str | None = None,
    number: str | int | None = None,
    basis: Iterable[str | Citation] | None = None,
    replacements: Mapping[str, str] | None = None,
    reference: Plan | str | os.PathLike[str] | None = None,
) -> Plan:
    """Draft the plan for ``year`` from last year's plan ``previous`` (a Plan or a file path).

    The draft is a new :class:`~plankit.model.Plan` with ``draft=True``, read back from its own
    text so that every span is right. In it:

    * every year the plan speaks of itself in moves to ``year`` (the subject, "năm X" in the
      body, "Trong năm X" in the activity table, the closing "Trên đây là Kế hoạch ... năm X"),
      whatever stale year last year's plan had; years of cited documents and periods stay;
    * the basis is ``basis`` when given (citation strings or :class:`Citation` values), else last
      year's basis stays and last year's yearly plans in it become to-dos;
    * agency and place names become those valid on the new date (a recipient that became the
      issuing body itself is dropped), known typos are corrected, ``replacements`` applied;
    * the number and the day stay blank unless given.

    ``plan.todo`` lists what the officer must still decide, each with its span in the new text.
    An OCR'd ``previous`` is restored first (``reference``: an earlier clean plan of the same
    issuer).

    >>> plan = draft_plan("plans/hai-duong/2022-so-cong-thuong.txt", year=2023)
    >>> plan.draft, plan.year, plan.header.title
    (True, 2023, 'Tuyên truyền cải cách hành chính nhà nước năm 2023')
    >>> sorted({t.kind for t in plan.todo})
    ['basis', 'date', 'number']
    """
    from .read import read_plan, read_text

    if not isinstance(year, int) or not 1945 <= year <= 2100:
        raise ValueError(f"year must be a year such as 2026, not {year!r}")
    prev = previous if isinstance(previous, Plan) else read_plan(previous)
    original = prev
    if prev.source.ocr:
        ref = reference if reference is None or isinstance(reference, Plan) else read_plan(reference)
        prev = prev.restored(reference=ref)
    h, oh = prev.header, original.header
    when = _as_date(date)
    old_parts = h.date_parts if h.date_parts.year else oh.date_parts
    plan_year = h.year or oh.year or old_parts.year or year - 1
    if when is not None:
        parts = PartialDate(when.day, when.month, when.year)
    else:
        shift = (old_parts.year - plan_year) if old_parts.year else 0
        parts = PartialDate(None, old_parts.month or 1, year + shift)
    on = when or dt.date(parts.year, parts.month or 1, 1)

    from .places import match_place

    place = h.place or oh.place
    province = match_place(place) if place else None
    if province is not None and not province.valid_on(on) and province.successor:
        place = match_place(province.successor).name if match_place(province.successor) else province.successor
    rw = _Rewriter(prev, year=year, on=on, province=place, replacements=replacements)

    def name(value: str | None) -> str | None:
        return rw.rewrite(value, None, "name").text if value else value

    parent = name(h.parent or oh.parent)
    issuer = name(h.issuer or oh.issuer) or ""
    symbol = h.symbol or oh.symbol or "KH-"
    w = _Writer()
    # -- header: the two columns as two tab-separated lines each -----------------------------
    w.line(f"{parent.upper()}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" if parent else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    w.line(f"{issuer.upper()}\tĐộc lập - Tự do - Hạnh phúc")
    num = str(number).strip() if number is not None and str(number).strip() else None
    start = w.write("Số: ")
    w.write(num or " " * 6)
    if num is None:
        w.todo("number", MSG["number"], start + 4, start + 10)
    w.write(f"/{symbol}\t")
    date_line = place_date(place, parts)
    start = w.line(date_line)
    if parts.day is None:
        at = start + date_line.index("ngày ") + 5
        w.todo("date", MSG["date"], at, at + 5)
    if fold(issuer) != fold(h.issuer or oh.issuer or ""):
        w.todo("issuer", MSG["issuer"].format(issuer=issuer, symbol=symbol), start - 1 - len(symbol), start - 1)
    w.line()
    # -- type and subject ------------------------------------------------------------------
    w.line((h.doc_type or oh.doc_type or "Kế hoạch").upper())
    title = h.title or oh.title
    if title:
        w.line(rw.rewrite(title, None, "subject"))
    else:
        at = w.line(f"năm {year}")
        w.todo("title", MSG["title"], at, at + 8)
    w.line()
    # -- basis -----------------------------------------------------------------------------
    parts_ = _parts(prev)
    intro: list[_Piece] = []
    kept: list[_Piece] = []
    for item in parts_.basis:
        raw = prev.text[item.span.start : item.span.end]
        m = _INTRO_RE.search(fold(raw))
        if m:
            intro.append(rw.rewrite(raw[m.start("intro") :], item.span.start + m.start("intro"), "body"))
            raw = raw[: m.start()]
            piece = rw.rewrite(raw, item.span.start, "basis")
            piece = _Piece(piece.text.rstrip(" ,;") + ".", piece.todos)
        else:
            piece = rw.rewrite(raw, item.span.start, "basis")
        kept.append(piece)
    given = list(basis) if basis is not None else None
    if given:
        for k, b in enumerate(given):
            w.line(_basis_line(b, k == len(given) - 1))
    else:
        for piece in kept:
            w.line(piece)
    for piece in intro:
        w.line(piece)
    # -- body, closing ---------------------------------------------------------------------
    for item in parts_.body:
        _write_item(w, rw, prev, item, "body")
    for item in parts_.closing:
        _write_item(w, rw, prev, item, "closing")
    w.line()
    # -- recipients and signature ----------------------------------------------------------
    recipients: list[str] = []
    for r in h.recipients or oh.recipients:
        new = _recipient(name(_recipient(r)) or "")
        core = re.sub(r"\s*\(.*?\)\s*$", "", new)
        if not new or (issuer and fold(core) == fold(issuer)) or any(fold(new) == fold(x) for x in recipients):
            continue
        recipients.append(new)
    w.line("Nơi nhận:")
    for k, r in enumerate(recipients):
        w.line(f"- {r}{'.' if k == len(recipients) - 1 else ';'}")
    w.line()
    titles = _signer_lines(h.signer_title or oh.signer_title)
    for t in titles:
        w.line(t.upper())
    signer = h.signer or oh.signer or ""
    w.line()
    at = w.line(signer)
    if signer and original.source.ocr:
        w.todo("signer", MSG["signer-ocr"], at, at + len(signer))
    if not titles:
        w.todo("signer", MSG["signer"], at, at + len(signer))
    # -- appendix --------------------------------------------------------------------------
    if parts_.appendix:
        w.line()
        for item in parts_.appendix:
            _write_item(w, rw, prev, item, "body")

    text = w.text
    if text != nfc(text):  # pragma: no cover - every piece is NFC already
        raise PlankitError("draft text is not NFC")
    plan = read_text(text, name=_draft_name(original.name, year), form="text")
    todos = sorted(w.todos, key=lambda t: (t.span.start if t.span else -1, t.kind))
    return dataclasses.replace(plan, draft=True, todo=tuple(todos))


def _write_item(w: _Writer, rw: _Rewriter, prev: Plan, item: _Item, kind: str) -> None:
    if item.kind == "table":
        table = item.table
        columns = [_flat(c) for c in table.columns]
        numbered = bool(columns) and fold(columns[0]).strip() in ("tt", "stt")
        if not numbered:
            columns = ["TT", *columns]
        start = w.line("\t".join(columns))
        for k, row in enumerate(table.rows, 1):
            cells = [rw.rewrite(c.text, None, "cell") for c in row]
            if numbered:
                cells = cells[1:]
            w.write(f"{k}")
            for cell in cells:
                w.write("\t")
                w.write(_Piece(cell.text.replace("\t", " "), cell.todos))
            w.line()
        if prev.source.ocr:
            w.todo("table", MSG["table-ocr"], start, w.pos - 1)
        return
    raw = prev.text[item.span.start : item.span.end] if item.span else item.text
    w.line(rw.rewrite(raw, item.span.start if item.span else None, kind, item.fix))
