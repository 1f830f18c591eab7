"""Render a plan in the Nghị định 30/2020 layout: a Word document, or Markdown for a quick look.

* :func:`render_docx` fills a Word template (docxtpl tags, rendered in a Jinja sandbox) from any
  plan and writes the .docx atomically;
* :func:`render_markdown` gives the same content as Markdown, for a quick look in a notebook;
* :func:`todo_html` shows a draft's to-do list in a notebook.

The variables a template sees are built by :func:`template_context` and documented, one by one,
in ``templates/README.md``; the plan's pieces come in the order of :func:`plankit.parts.plan_parts`,
the order :func:`plankit.draft.draft_plan` writes its draft in.

The package is split by job, each module importing only those before it in this list:
:mod:`~plankit.render.context` (:func:`template_context`), :mod:`~plankit.render.markdown`
(:func:`render_markdown`), :mod:`~plankit.render.template` (the bundled template, loading and
checking a template, filling it in the sandbox), :mod:`~plankit.render.geometry` (table widths,
the issuer's rule) and :mod:`~plankit.render.document` (:func:`render_docx`). Every public name
is importable from here.
"""

from __future__ import annotations

from ..display import todo_html
from ..parts import place_date
from .context import template_context
from .document import render_docx
from .geometry import RULE_STYLE_ISSUER
from .markdown import render_markdown
from .template import TEMPLATE_NAME, default_template

__all__ = [
    "RULE_STYLE_ISSUER",
    "TEMPLATE_NAME",
    "default_template",
    "place_date",
    "render_docx",
    "render_markdown",
    "template_context",
    "todo_html",
]
