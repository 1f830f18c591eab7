"""``template_from_plan``: an officer's own plan (.docx) made into a template that keeps its look.

The plan is read as any plan, and its render context (:func:`plankit.render.template_context`)
says which paragraph holds what. In a copy of the .docx, each of these becomes a tag, keeping
the paragraph's and its first run's formatting: the header fields (parent and issuing body,
number, place and date, type of document), the subject (its year becomes ``{{ year }}``), the
basis clauses, the body (a loop whose heading, paragraph, item and table formats are the
plan's own first heading, paragraph, item and table of each kind), the closing, the recipients,
the signer's title and name. Fixed text (quốc hiệu, tiêu ngữ, ``Nơi nhận:``) and what follows the
signature stay as they are. Drafting next year through it gives the same text as drafting
through the default template.
"""

from __future__ import annotations

import copy
import io
import os
from pathlib import Path

from ..errors import TemplateError
from ..output import check_suffix, inputs_of, write_with

__all__ = ["template_from_plan"]

_RECIPIENT = "- {{ r }}{{ '.' if loop.last else ';' }}"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _set_text(p, text: str) -> None:
    """``text`` in the paragraph's first run with text (keeping its format); other runs emptied."""
    from docx.oxml.ns import qn

    runs = [r for r in p.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
    if not runs:
        r = p.makeelement(qn("w:r"), {})
        p.append(r)
        runs = [r]
    first = runs[0]
    ts = first.findall(qn("w:t"))
    if not ts:
        ts = [first.makeelement(qn("w:t"), {})]
        first.append(ts[0])
    ts[0].text = text
    ts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for t in ts[1:]:
        first.remove(t)
    for r in runs[1:]:
        r.getparent().remove(r)
    for br in first.findall(qn("w:br")):
        first.remove(br)


def _copy(p, text: str):
    new = copy.deepcopy(p)
    _set_text(new, text)
    return new


def _text(el) -> str:
    from docx.oxml.ns import qn

    return _flat("".join(t.text or "" for t in el.iter(qn("w:t"))))


def _rest_of(p, text: str, title: str) -> list:
    """The paragraphs after ``p`` that complete the subject ``title`` begun by ``text`` (a
    subject typed over two or three lines), or [] when they do not."""
    rest, got = [], text
    q = p.getnext()
    while q is not None and len(rest) < 3 and len(got) < len(title):
        line = _text(q)
        if line:
            got = f"{got} {line}"
            if not title.startswith(got):
                return []
            rest.append(q)
        q = q.getnext()
    return rest if got == title else []


def _loop(paragraphs, head: str, body: str, tail: str = "{%p endfor %}") -> None:
    """Replace consecutive ``paragraphs`` by a loop: the first keeps its format for ``body``."""
    first = paragraphs[0]
    first.addprevious(_copy(first, head))
    first.addnext(_copy(first, tail))
    _set_text(first, body)
    for p in paragraphs[1:]:
        p.getparent().remove(p)


def _table_prototype(tbl) -> bool:
    """Make ``tbl`` loop over ``b.columns`` and ``b.rows``, keeping its first rows' formats."""
    from docx.oxml.ns import qn

    rows = tbl.findall(qn("w:tr"))
    if len(rows) < 2 or any(len(r.findall(qn("w:tc"))) < 3 for r in rows[:2]):
        return False
    head, data = rows[0], rows[1]
    for r in rows[2:]:
        tbl.remove(r)

    def three(row, texts):
        cells = row.findall(qn("w:tc"))
        keep = [cells[0], cells[1], cells[-1]]
        for c in cells:
            if all(c is not k for k in keep):
                row.remove(c)
        for cell, text in zip(keep, texts, strict=True):
            ps = cell.findall(qn("w:p"))
            _set_text(ps[0], text)
            for p in ps[1:]:
                cell.remove(p)

    three(head, ["{%tc for c in b.columns %}", "{{ c }}", "{%tc endfor %}"])
    opening, closing = copy.deepcopy(data), copy.deepcopy(data)
    three(data, ["{%tc for cell in row %}", "{{ cell }}", "{%tc endfor %}"])
    three(opening, ["{%tr for row in b.rows %}", "", ""])
    three(closing, ["{%tr endfor %}", "", ""])
    data.addprevious(opening)
    data.addnext(closing)
    return True


def template_from_plan(
    plan: str | os.PathLike[str], output: str | os.PathLike[str], *, force: bool = False
) -> Path:
    """Turn a plan (.docx) into a template with the plan's own formatting; returns the path.

    Raises :class:`~plankit.errors.TemplateError` when ``plan`` is not a .docx or holds nothing a
    template needs (no subject, no body); an existing ``output`` is kept unless ``force``.

    >>> import tempfile
    >>> from plankit.render import render_docx
    >>> from plankit.template import check_template, sample_plan
    >>> folder = Path(tempfile.mkdtemp())
    >>> plan = render_docx(sample_plan(), folder / "ke-hoach.docx")
    >>> check_template(template_from_plan(plan, folder / "mau.docx")).ok
    True
    """
    import docx
    from docx.oxml.ns import qn

    from ..read import read_plan
    from ..render import template_context

    path = Path(plan)
    if path.suffix.lower() != ".docx":
        raise TemplateError(f"{path}: mẫu chỉ dựng được từ kế hoạch .docx, hãy lưu lại từ Word dưới dạng .docx / "
                            "a template is made from a .docx plan (save it from Word as .docx)")
    check_suffix(output, ".docx")
    ctx = template_context(read_plan(path))
    try:
        document = docx.Document(io.BytesIO(path.read_bytes()))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise TemplateError(f"{path}: không đọc được tệp .docx / not a readable .docx ({type(exc).__name__})") from None
    body_el = document.element.body
    every = list(body_el.iter(qn("w:p")))
    upper = {k: _flat(ctx[k] or "").upper() for k in ("parent", "issuer", "doc_type")}
    title = ctx["title"]
    done: set[str] = set()
    for p in every:
        text = _text(p)
        if not text:
            continue
        if ctx["parent"] and "parent" not in done and text.upper() == upper["parent"]:
            _set_text(p, "{{ parent|upper }}")
            done.add("parent")
        elif "issuer" not in done and upper["issuer"] and text.upper() == upper["issuer"]:
            _set_text(p, "{{ issuer|upper }}")
            done.add("issuer")
        elif "number" not in done and text.startswith("Số") and ctx["symbol"] and text.endswith("/" + ctx["symbol"]):
            _set_text(p, "Số: {{ number or '    ' }}/{{ symbol }}")
            done.add("number")
        elif "number" not in done and ctx["party"] and text.startswith("Số") and text.endswith("-" + ctx["symbol"]):
            _set_text(p, "{{ number_line }}")  # a Party body's "Số 12-KH/TU" (Hướng dẫn 36-HD/VPTW)
            done.add("number")
        elif "date" not in done and text == _flat(ctx["place_date"]):
            _set_text(p, "{{ place_date }}")
            done.add("date")
        elif "type" not in done and text.upper() == upper["doc_type"]:
            _set_text(p, "{{ doc_type|upper }}")
            done.add("type")
        elif "title" not in done and title and text == title:
            _set_text(p, "{{ title }}")
            done.add("title")
        elif "title" not in done and title and title.startswith(text + " ") and (rest := _rest_of(p, text, title)):
            # a subject the author broke over lines with Enter: one paragraph, the first's format
            _set_text(p, "{{ title }}")
            for q in rest:
                q.getparent().remove(q)
            done.add("title")
        elif "signer" not in done and ctx["signer"] and text == _flat(ctx["signer"]):
            _set_text(p, "{{ signer or '' }}")
            done.add("signer")
    missing = [(vi, en) for vi, en, gone in (
        ("trích yếu (dòng dưới KẾ HOẠCH)", "the subject line under the document type", "title" not in done),
        ("nội dung (đoạn văn sau phần căn cứ)", "a body after the basis", not ctx["body"])) if gone]
    if missing:
        raise TemplateError(f"{path}: không thấy {' và '.join(vi for vi, _ in missing)}, đây có phải là kế hoạch? / "
                            f"not found: {' nor '.join(en for _, en in missing)} (is this a plan?)")

    def run_of(items, match) -> list:
        found = [p for p in every if p.getparent() is not None and _text(p) and match(_text(p), items)]
        return found

    basis = run_of(ctx["basis"], lambda t, items: any(t in _flat(b) for b in items) and len(t) > 15)
    if basis:
        _loop(basis, "{%p for p in basis %}", "{{ p }}")
    closing = run_of(ctx["closing"], lambda t, items: any(t in _flat(b) for b in items) and len(t) > 15)
    if closing:
        _loop(closing, "{%p for p in closing %}", "{{ p }}")
    names = {_flat(r) for r in ctx["recipients"]}
    recipients = [p for p in every if p.getparent() is not None
                  and _flat(_text(p).lstrip("-–• ").rstrip(";,. ")) in names and _text(p).startswith(("-", "–", "•"))]
    if recipients:
        _loop(recipients, "{%p for r in recipients %}", _RECIPIENT)
    titles = {_flat(t).upper() for t in ctx["signer_title"]}
    signing = [p for p in every if p.getparent() is not None and _text(p).upper() in titles and _text(p)]
    if signing:
        _loop(signing, "{%p for t in signer_title %}", "{{ t|upper }}")
    _items(body_el, ctx["body"], "body")
    if ctx["appendix"]:
        _items(body_el, ctx["appendix"], "appendix")
    return write_with(output, lambda tmp: document.save(str(tmp)), force=force, inputs=inputs_of(plan))


def _all_bold(p) -> bool:
    """Whether every run with text in paragraph ``p`` is bold (``w:b`` set and not off)."""
    from docx.oxml.ns import qn

    runs = [r for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
    if not runs:
        return False
    for r in runs:
        b = r.find(f"{qn('w:rPr')}/{qn('w:b')}")
        if b is None or b.get(qn("w:val")) in ("0", "false", "off"):
            return False
    return True


def _items(body_el, items, name: str) -> None:
    """The paragraphs and tables of ``items`` (``body`` or ``appendix``), in reading order,
    become one loop, each kind of item in the format of its first paragraph in the plan."""
    from docx.oxml.ns import qn

    texts = [(b, _flat(b["text"])) for b in items if b["kind"] != "table"]
    tables_left = sum(b["kind"] == "table" for b in items)
    kinds: dict[tuple[str, int], object] = {}
    region: list = []
    last = -1
    for el in list(body_el):
        if el.tag == qn("w:tbl"):
            if region and tables_left and not _text(el).startswith(("{%", "{{")):
                tables_left -= 1
                region.append(el)
                last = len(region)
                kinds.setdefault(("table", 0), el)
            elif region:
                break
            continue
        if el.tag != qn("w:p"):
            continue
        text = _text(el)
        if not text:
            if region:
                region.append(el)
            continue
        item = next((b for b, t in texts if t == text or (len(text) > 15 and text in t)), None)
        if item is None:
            if region and text.startswith(("{%", "{{")):
                break
            if region:
                region.append(el)
            continue
        region.append(el)
        last = len(region)
        if item["kind"] == "paragraph" and _all_bold(el):
            # a line in bold the reader took for a paragraph: no model for the plain ones
            continue
        kinds.setdefault((item["kind"], item["level"]), el)
    region = region[:last] if last > 0 else []
    if not region:
        return
    paragraph = kinds.get(("paragraph", 0))
    if paragraph is None:
        paragraph = next(el for el in region if el.tag == qn("w:p"))

    def proto(*keys):
        return next((kinds[k] for k in keys if k in kinds), paragraph)

    out = [_copy(paragraph, "{%p if appendix %}")] if name == "appendix" else []
    out.append(_copy(paragraph, f"{{%p for b in {name} %}}"))
    branches = [
        ("{%p if b.kind == 'heading' and b.level == 1 %}", proto(("heading", 1))),
        ("{%p elif b.kind == 'heading' and b.level == 2 %}", proto(("heading", 2), ("heading", 1))),
        ("{%p elif b.kind == 'heading' %}", proto(("heading", 3), ("heading", 2))),
        ("{%p elif b.kind == 'title' %}", proto(("title", 1), ("heading", 1))),
        ("{%p elif b.kind == 'item' %}", proto(("item", 0))),
    ]
    if ("to", 0) in kinds or ("to", 1) in kinds:  # a letter's "Kính gửi:" block, as the plan laid it out
        branches += [("{%p elif b.kind == 'to' and b.level == 0 %}", proto(("to", 0), ("to", 1))),
                     ("{%p elif b.kind == 'to' %}", proto(("to", 1), ("to", 0)))]
    for head, el in branches:
        out += [_copy(paragraph, head), _copy(el, "{{ b.text }}")]
    table = kinds.get(("table", 0))
    if table is not None:
        table = copy.deepcopy(table)
        if _table_prototype(table):
            out += [_copy(paragraph, "{%p elif b.kind == 'table' %}"), table]
    out += [_copy(paragraph, "{%p else %}"), _copy(paragraph, "{{ b.text }}"),
            _copy(paragraph, "{%p endif %}"), _copy(paragraph, "{%p endfor %}")]
    if name == "appendix":
        out.append(_copy(paragraph, "{%p endif %}"))
    for el in out:
        region[0].addprevious(el)
    for el in region:
        el.getparent().remove(el)
