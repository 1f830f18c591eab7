"""A plan as a Word document (:func:`render_docx`): the template filled, its geometry fitted,
the document's properties set, the file written atomically."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..model import Plan
from ..output import check_suffix, inputs_of, write_with
from ..text import one_line
from .context import template_context
from .geometry import fit_activity_tables, fit_issuer_rule
from .template import default_template, render_document, template_bytes

__all__ = ["render_docx"]


def _finish(document, plan: Plan) -> None:
    fit_activity_tables(document)
    fit_issuer_rule(document)
    props = document.core_properties
    h = plan.header
    props.title = one_line(f"{(h.doc_type or 'Kế hoạch')} {h.title or ''}")[:255]
    props.subject = one_line(h.title or "")[:255]
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
    from ..read import as_plan

    plan = as_plan(plan)
    check_suffix(path, ".docx")
    tpl_path = Path(template) if template is not None else default_template()
    data = template_bytes(tpl_path)
    context = template_context(plan)

    def write(tmp: Path) -> None:
        document = render_document(data, str(tpl_path), context)
        _finish(document, plan)
        document.save(str(tmp))

    return write_with(path, write, force=force, inputs=inputs_of(plan, tpl_path))
