"""What the notebooks show a manager: headings, one-sentence notes, readable tables, summaries.

Every helper returns an object Jupyter displays (``_repr_html_``) and that prints sensibly
(``__repr__``), so a notebook cell ends with one of them. Text is Vietnamese first with the
English gloss in a smaller line. Tables never show ``None``, ``NaN`` or ``1.0`` for a month,
wrap long text instead of cutting it, and can be folded away (:func:`details`).
:func:`summary` records figures for ``plankit report``'s index page; it shows nothing.

>>> import pandas as pd
>>> frame = pd.DataFrame({"file": ["a.txt", "b.txt"], "month": [1.0, None], "note": [None, "x"]})
>>> print(table(frame, {"file": "Tệp / file", "month": "Tháng / month"})._repr_html_())
<table class="pk-table"><thead><tr><th>Tệp / file</th><th>Tháng / month</th></tr></thead><tbody><tr><td>a.txt</td><td>1</td></tr><tr><td>b.txt</td><td></td></tr></tbody></table>
>>> note("Không có cặp kế hoạch nào để so sánh.", "No pair of plans to compare.")
Không có cặp kế hoạch nào để so sánh. (No pair of plans to compare.)
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["SUMMARY_MIME", "Html", "details", "heading", "issuer", "link", "markdown", "note", "plural", "summary",
           "table"]

# The MIME type of the figures a notebook records for the report's index page.
SUMMARY_MIME = "application/vnd.plankit.summary+json"


@dataclass(frozen=True)
class Html:
    """A piece of HTML for a notebook output, with a plain-text form for ``print``."""

    html: str
    text: str

    def __repr__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        return self.html


def _gloss(vi: str, en: str | None) -> str:
    return html.escape(vi) + (f" <span class='pk-en'>{html.escape(en)}</span>" if en else "")


def plural(n: int, word: str) -> str:
    """``1 finding``, ``3 findings``: the English gloss only (Vietnamese nouns do not inflect).

    >>> plural(1, "finding"), plural(3, "plan")
    ('1 finding', '3 plans')
    """
    return f"{n} {word}{'' if n == 1 else 's'}"


def issuer(header: Any, fallback: str = "") -> str:
    """Who issued a plan, for a heading: the issuer and its place (``Sở Công Thương, Hải
    Dương``), the issuer alone when it already names the place, else ``fallback``.

    >>> from types import SimpleNamespace as H
    >>> issuer(H(issuer="Sở Công Thương", place="Hải Dương"))
    'Sở Công Thương, Hải Dương'
    >>> issuer(H(issuer="Ủy ban nhân dân tỉnh Hải Dương", place="Hải Dương"))
    'Ủy ban nhân dân tỉnh Hải Dương'
    >>> issuer(H(issuer="UBND TỈNH QUẢNG NGÃI", place="Quảng Ngãi"))
    'UBND TỈNH QUẢNG NGÃI'
    >>> issuer(H(issuer=None, place="Cần Thơ")), issuer(H(issuer=None, place=None), "a/b.txt")
    ('Cần Thơ', 'a/b.txt')
    """
    from .text import fold

    who, place = header.issuer or "", header.place or ""
    if who and place and " ".join(fold(place).split()) in " ".join(fold(who).split()):
        return who
    return ", ".join(x for x in (who, place) if x) or fallback


def heading(vi: str, en: str | None = None, *, level: int = 2) -> Html:
    """A section heading, Vietnamese first, English smaller."""
    return Html(f"<h{level}>{_gloss(vi, en)}</h{level}>", vi + (f" / {en}" if en else ""))


def note(vi: str, en: str | None = None) -> Html:
    """One sentence for the reader, e.g. why a section is empty."""
    return Html(f"<p class='pk-note'>{_gloss(vi, en)}</p>", vi + (f" ({en})" if en else ""))


def link(path: str, vi: str, en: str | None = None) -> Html:
    """A line linking to a file next to the page, e.g. a drafted .docx; spaces and Vietnamese
    letters in the name are percent-encoded in the address (a Markdown link breaks on a space).

    >>> link("drafts/Sở Nội vụ-2025.docx", "Tệp Word", "the .docx").html
    "<p class='pk-note'>Tệp Word <span class='pk-en'>the .docx</span>: <a href='drafts/S%E1%BB%9F%20N%E1%BB%99i%20v%E1%BB%A5-2025.docx'>drafts/Sở Nội vụ-2025.docx</a></p>"
    """
    from urllib.parse import quote

    return Html(f"<p class='pk-note'>{_gloss(vi, en)}: <a href='{html.escape(quote(path))}'>{html.escape(path)}</a></p>",
                f"{vi}{f' ({en})' if en else ''}: {path}")


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _cell(value: Any) -> str:
    """A cell as text: nothing for missing values, whole numbers without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, dt.date):  # Vietnamese order: day/month/year
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str) and _ISO_DATE.match(value):
        return f"{value[8:10]}/{value[5:7]}/{value[:4]}"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
        return f"{value:.2f}"
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_cell(v) for v in value)
    try:
        import pandas as pd

        if value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):
            return ""
    except (TypeError, ValueError, ImportError):
        pass
    return str(value)


def table(frame: Any, columns: Mapping[str, str] | None = None, *, limit: int | None = None) -> Html:
    """A DataFrame as a readable table: chosen columns renamed, text wrapped, blanks for missing.

    Args:
        frame: a pandas DataFrame (its index is not shown).
        columns: the columns to show, in order, each with its heading; all columns when ``None``.
        limit: show at most this many rows and say how many were left out.
    """
    columns = dict(columns) if columns else {str(c): str(c) for c in frame.columns}
    rows = frame[list(columns)].itertuples(index=False, name=None)
    body = []
    lines = []
    total = len(frame)
    for i, row in enumerate(rows):
        if limit is not None and i >= limit:
            break
        cells = [_cell(v) for v in row]
        body.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        lines.append(" | ".join(cells))
    head = "".join(f"<th>{html.escape(h)}</th>" for h in columns.values())
    more = ""
    if limit is not None and total > limit:
        more = f"<p class='pk-note'>{_gloss(f'… và {total - limit} dòng nữa', f'{total - limit} more rows')}</p>"
    kind = "pk-table pk-wide" if len(columns) > 3 else "pk-table"
    out = f"<table class=\"{kind}\"><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}"
    return Html(out, "\n".join([" | ".join(columns.values()), *lines]))


def details(vi: str, en: str | None, content: Any, *, open: bool = False) -> Html:
    """A folded section: the title shows, ``content`` (an :class:`Html` or a DataFrame) opens on click."""
    inner = content._repr_html_() if hasattr(content, "_repr_html_") else html.escape(str(content))
    if not isinstance(content, Html) and hasattr(content, "columns"):
        inner = table(content).html
    state = " open" if open else ""
    return Html(f"<details class='pk-details'{state}><summary>{_gloss(vi, en)}</summary>{inner}</details>", vi)


def markdown(text: str) -> Html:
    """Markdown (a draft from :func:`plankit.render_markdown`) rendered to HTML, tables included.

    Uses mistune, which the ``report`` extra brings with nbconvert; plain text without it.

    >>> markdown("**KẾ HOẠCH**").html
    "<div class='pk-markdown'><p><strong>KẾ HOẠCH</strong></p>\\n</div>"
    """
    try:
        import mistune
    except ImportError:
        return Html(f"<pre class='pk-markdown'>{html.escape(text)}</pre>", text)
    render = mistune.create_markdown(escape=True, plugins=["table"])
    return Html(f"<div class='pk-markdown'>{render(text)}</div>", text)


class _Summary:
    """Figures a notebook records for the report's index; invisible in the page itself."""

    def __init__(self, figures: Mapping[str, Any]) -> None:
        self.figures = dict(figures)

    def __repr__(self) -> str:
        return ", ".join(f"{k}: {v}" for k, v in self.figures.items())

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {SUMMARY_MIME: self.figures, "text/plain": repr(self)}


def summary(**figures: Any) -> _Summary:
    """Record ``figures`` (numbers, short texts, lists of names) for ``plankit report``'s index.

    >>> summary(plans=5, unreadable=0)
    plans: 5, unreadable: 0
    """
    return _Summary(figures)
