"""Template authoring: make, check and preview a province's own Word template.

* :func:`check_template` finds broken tags, unknown variables, tags the sandbox refuses and
  layout that strays from Nghị định 30/2020, Phụ lục I, each located by paragraph or table cell;
* :func:`new_template` copies the default template to edit;
* :func:`preview_template` renders a sample plan through a template into PDF (or PNG pages);
* :func:`template_from_plan` makes an officer's own plan (.docx) into a template.

The submodules load on first use, so ``import plankit`` stays fast.
"""

from __future__ import annotations

from .check import check_template
from .finding import RULES, Finding, TemplateCheck

__all__ = ["RULES", "Finding", "TemplateCheck", "check_template", "new_template", "preview_template", "sample_plan",
           "template_from_plan"]


def __getattr__(name: str):
    if name in ("new_template", "preview_template", "sample_plan"):
        from . import preview

        return getattr(preview, name)
    if name == "template_from_plan":
        from .from_plan import template_from_plan

        return template_from_plan
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
