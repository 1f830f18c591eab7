"""What a template check finds: one :class:`Finding` a problem, gathered in a :class:`TemplateCheck`."""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path

__all__ = ["RULES", "Finding", "TemplateCheck"]

#: Every rule the checker applies: name -> (severity, what it checks). One table, as lint's.
RULES: dict[str, tuple[str, str]] = {
    "broken-tag": ("error", "a tag Jinja cannot parse: unclosed {{ or {%, a stray }}, a block left open"),
    "tag-shares-paragraph": ("error", "a {%p %} tag with other text in its paragraph (the text would vanish)"),
    "tr-outside-row": ("error", "a {%tr %} tag outside a table row, or {%tc %} outside a cell"),
    "curly-quote": ("warning", "Word's curly quotes inside a tag (plankit straightens them; other tools do not)"),
    "unknown-variable": ("error", "a variable no plan provides"),
    "unused-variable": ("info", "a variable the plan provides that the template does not use"),
    "sandbox": ("error", "a tag reaching for Python internals, other files, or building a huge value"),
    "page-size": ("warning", "Nghị định 30/2020, Phụ lục I: A4 portrait (210 × 297 mm)"),
    "margin": ("warning", "Nghị định 30/2020, Phụ lục I: margins top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm"),
    "font": ("warning", "Nghị định 30/2020, Phụ lục I: Times New Roman in every font slot (ascii, hAnsi, cs, eastAsia)"),
    "font-size": ("warning", "Nghị định 30/2020, Phụ lục I: the size of each element (header, title, body, recipients, signature)"),
    "font-style": ("warning", "Nghị định 30/2020, Phụ lục I: bold or italic where the layout asks for it"),
}

_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclasses.dataclass(frozen=True)
class Finding:
    """One problem of a template: the rule, its severity, where it stands and what is wrong.

    ``where`` is ``paragraph 12``, ``table 2, row 3, cell 1``, ``header1: paragraph 1`` or
    ``section 1``; ``context`` is the text around the problem as Word shows it.

    >>> f = Finding("unknown-variable", "error", "paragraph 10", "{{ titel }}",
    ...             "biến không có / unknown variable 'titel' (did you mean 'title'?)")
    >>> str(f)
    "paragraph 10: lỗi / error [unknown-variable] biến không có / unknown variable 'titel' (did you mean 'title'?): {{ titel }}"
    """

    rule: str
    severity: str
    where: str
    context: str
    message: str

    def __str__(self) -> str:
        label = {"error": "lỗi / error", "warning": "cảnh báo / warning", "info": "thông tin / info"}[self.severity]
        shown = f": {self.context}" if self.context else ""
        return f"{self.where}: {label} [{self.rule}] {self.message}{shown}"


@dataclasses.dataclass(frozen=True)
class TemplateCheck:
    """The findings of :func:`plankit.template.check_template` on one template, errors first.

    ``used`` are the plan variables the template uses; ``ok`` is true when there is no error.
    """

    path: str
    findings: tuple[Finding, ...]
    used: tuple[str, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        infos = len(self.findings) - len(self.errors) - len(self.warnings)
        return f"{len(self.errors)} errors, {len(self.warnings)} warnings, {infos} info"

    def __repr__(self) -> str:
        return f"<TemplateCheck {Path(self.path).name}: {self.summary()}>"

    def to_frame(self):
        """The findings as a pandas DataFrame: rule, severity, where, message, context."""
        import pandas as pd

        columns = ["rule", "severity", "where", "message", "context"]
        return pd.DataFrame([[getattr(f, c) for c in columns] for f in self.findings], columns=columns)

    def _repr_html_(self) -> str:
        colour = {"error": "#b00020", "warning": "#a15c00", "info": "#555"}
        rows = "".join(
            f"<tr><td style='color:{colour[f.severity]}'>{f.severity}</td><td><code>{f.rule}</code></td>"
            f"<td>{html.escape(f.where)}</td><td>{html.escape(f.message)}</td>"
            f"<td><code>{html.escape(f.context)}</code></td></tr>"
            for f in self.findings
        )
        head = f"<p><b>{html.escape(Path(self.path).name)}</b>: {self.summary()}</p>"
        if not rows:
            return head
        return (f"{head}<table><thead><tr><th>severity</th><th>rule</th><th>where</th><th>message</th>"
                f"<th>context</th></tr></thead><tbody>{rows}</tbody></table>")


def sort_findings(findings) -> tuple[Finding, ...]:
    """Errors first, then warnings, then information; document order within each."""
    return tuple(sorted(findings, key=lambda f: _ORDER[f.severity]))
