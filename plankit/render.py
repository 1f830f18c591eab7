"""Render a plan in the Nghị định 30/2020 layout: a Word document, or Markdown for a quick look.

* :func:`render_docx` fills a Word template (docxtpl tags, rendered in a Jinja sandbox) from any
  plan and writes the .docx atomically;
* :func:`render_markdown` gives the same content as Markdown, for a quick look in a notebook;
* :func:`todo_html` shows a draft's to-do list in a notebook.

The variables a template sees are built by :func:`template_context` and documented, one by one,
in ``templates/README.md``. :func:`plankit.draft.draft_plan` writes its draft in the same order
(:func:`_parts`), so the names here are also importable from :mod:`plankit.draft`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import re
import threading
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .display import todo_html
from .errors import PlankitError, TemplateError
from .model import PartialDate, Plan, Section, Span
from .output import check_suffix, inputs_of, write_with

__all__ = [
    "default_template",
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


# A line of the signature block above the name: an authority prefix (thay mặt, ký thay, quyền,
# thừa lệnh, thừa ủy quyền) or the upper-case title under it ("PHÓ CHỦ TỊCH", "GIÁM ĐỐC").
_SIGN_PREFIX = re.compile(r"^(?:TM|KT|Q|TL|TUQ)\.\s*\S")


def _signature_blocks(plan: Plan) -> list:
    """The blocks of the signer's title lines as written above the name: ``TM. ỦY BAN NHÂN
    DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``, even when the reader left the ``TM.`` line out of
    the signature (a paragraph between the recipients and the title)."""
    from .text import is_upper_text

    span = plan.header.span("signer")
    if span is None:
        return []
    blocks = list(plan.blocks)
    at = next((i for i, b in enumerate(blocks) if b.span.start <= span.start < max(b.span.end, b.span.start + 1)), None)
    if at is None:
        return []
    found = []
    for block in reversed(blocks[:at]):
        text = _flat(block.text)
        if block.kind not in ("signature", "paragraph", "other", "heading") or "\t" in block.text:
            break
        if not text or len(text) > 60 or not (is_upper_text(text) or _SIGN_PREFIX.match(text)):
            break
        found.append(block)
    return found[::-1]


def _signature_titles(plan: Plan) -> list[str]:
    """The signer's title lines (see :func:`_signature_blocks`), else the header's signer title.

    >>> from plankit.read import read_text
    >>> plan = read_text("Nơi nhận:\\n- Bộ Nội vụ;\\n- Lưu: VT.\\nTM. ỦY BAN NHÂN DÂN\\nKT. CHỦ TỊCH\\n"
    ...                  "PHÓ CHỦ TỊCH\\nLưu Văn Bản")
    >>> _signature_titles(plan)
    ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']
    """
    from .text import fold

    lines = [_flat(b.text) for b in _signature_blocks(plan)]
    given = _signer_lines(plan.header.signer_title)
    folded = {fold(x) for x in lines}
    if lines and all(fold(x) in folded for x in given):
        return lines
    return given


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

    def to_dict(self) -> dict[str, Any]:
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
    signing = {b.span.start for b in _signature_blocks(plan)}
    # The basis clauses are the plan's facts: each clause whole, wrapped over lines or bulleted.
    clauses = [c.span for c in plan.facts.basis]
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
        if kind in ("recipients", "signature") or block.span.start in signing:
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
        clause = next((c for c in clauses if c.overlaps(block.span)), None) if stage == "front" else None
        if clause is not None:
            last = parts.basis[-1] if parts.basis else None
            if last is not None and last.span.overlaps(clause):
                parts.basis[-1] = dataclasses.replace(last, span=Span(last.span.start, max(last.span.end, block.span.end)),
                                                      text=f"{last.text} {text}")
            else:
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
        # a body with no parent (UBND tỉnh, a ministry) is itself the issuing body, in bold
        "parent": h.parent if h.issuer else None,
        "issuer": h.issuer or h.parent or "",
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
        "body": [i.to_dict() for i in parts.body],
        "closing": [i.text for i in parts.closing],
        "recipients": [r for r in (_recipient(x) for x in h.recipients) if r],
        "signer_title": _signature_titles(plan),
        "signer": h.signer,
        "appendix": [i.to_dict() for i in parts.appendix],
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


def render_markdown(plan: Plan | str | os.PathLike[str]) -> str:
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
    from .read import as_plan

    plan = as_plan(plan)
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


# ==============================================================================================
# Rendering a Word template
# ==============================================================================================


def default_template() -> Path:
    """The bundled template, ``plankit/templates/ke-hoach.docx`` (loaded with importlib.resources).

    >>> default_template().name
    'ke-hoach.docx'
    """
    from .bundled import template_path

    path = template_path()
    if not path.is_file():
        raise TemplateError(f"{TEMPLATE_NAME}: the default template is missing (run templates/build_template.py)")
    return path


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
    from .read._limits import check_zip_members  # the one set of zip-bomb limits

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
    from .sandbox import environment

    return environment()


def _docx_template(data: bytes):
    from docxtpl import DocxTemplate

    class Template(DocxTemplate):
        def patch_xml(self, src_xml: str) -> str:
            from .sandbox import check_tags

            check_tags(src_xml)  # linear; docxtpl's expressions are quadratic on unclosed tags

            def patch() -> str:
                patched = super(Template, self).patch_xml(src_xml)
                return _TAG_RE.sub(lambda m: m.group(0).translate(_TAG_CHARS), patched)

            return _PATCHED.get(src_xml, patch)

    return Template(io.BytesIO(data))


def _template_error(name: str, exc: Exception) -> TemplateError:
    from jinja2 import exceptions as jx
    from jinja2.sandbox import SecurityError

    from .sandbox import TemplateLimit

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


def _render_document(data: bytes, name: str, context: dict[str, Any]):
    """The rendered python-docx Document; any failure is a :class:`TemplateError`."""
    try:
        from .sandbox import running

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
    plan: Plan | str | os.PathLike[str],
    path: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] | None = None,
    force: bool = False,
) -> Path:
    """Write ``plan`` (a Plan or a file path) as a Word document in the Nghị định 30/2020
    layout; returns the path, which must end in ``.docx``.

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
    from .read import as_plan

    plan = as_plan(plan)
    check_suffix(path, ".docx")
    tpl_path = Path(template) if template is not None else default_template()
    data = _template_bytes(tpl_path)
    context = template_context(plan)

    def write(tmp: Path) -> None:
        document = _render_document(data, str(tpl_path), context)
        _finish(document, plan)
        document.save(str(tmp))

    return write_with(path, write, force=force, inputs=inputs_of(plan, tpl_path))
