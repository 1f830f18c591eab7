"""The registry of lint rules: every code mapped to its rule, in one explicit table.

Like ruff's ``codes.rs``: a code never changes meaning; each row names the rule, the function
that checks a plan, its family (the module it lives in) and its lifecycle:

- ``stable``: runs by default (``ALL``, a prefix such as ``PK1``, or its code or name);
- ``preview``: new and still being judged on real documents; runs only when selected by its
  exact code or name;
- ``deprecated``: kept so old settings still parse; runs only when selected by its exact code
  or name.

The default severity and the one-line summary are vocabulary and live in
``plankit/data/lint_rules.tsv``; building the registry checks that the file lists exactly the
codes and names of this table, in this order.

>>> RULES["PK101"]
Rule(PK101 stale-year, error)
>>> rule_named("duplicated-word").family, rule_named("PK501").lifecycle
('writing', 'stable')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ...model import Finding
from .. import _context
from .._context import Context, metadata
from . import basis, citations, consistency, dates, names, own, structure, terms, writing

__all__ = [
    "DEPRECATED",
    "FAMILIES",
    "LIFECYCLES",
    "PREVIEW",
    "RULES",
    "STABLE",
    "Rule",
    "fires",
    "rule_named",
]

STABLE = "stable"
PREVIEW = "preview"
DEPRECATED = "deprecated"
LIFECYCLES = (STABLE, PREVIEW, DEPRECATED)

Check = Callable[[Context], Iterator[Finding]]

FAMILIES: dict[str, str] = {
    "dates": "Years and dates",
    "structure": "Numbering and structure",
    "own": "The plan's references to itself",
    "names": "Names and agencies",
    "basis": "Legal basis",
    "citations": "Citations against what they cite",
    "consistency": "Citations against each other",
    "writing": "Text",
    "terms": "Fixed terms",
}
"""Each family (a module of :mod:`plankit.lint.rules`) and its title in ``docs/lint-rules.md``."""


@dataclass(frozen=True)
class Rule:
    """A lint rule: its stable ``code``, kebab-case ``name``, default ``severity``, one-line
    ``summary`` (from ``lint_rules.tsv``), the function that checks a plan, its ``family`` and
    its ``lifecycle`` (``stable``, ``preview`` or ``deprecated``)."""

    code: str
    name: str
    severity: str
    summary: str
    check: Check
    family: str = "writing"
    lifecycle: str = STABLE

    @property
    def doc(self) -> str:
        """The rule's documentation: the check function's docstring, dedented."""
        import inspect

        return inspect.getdoc(self.check) or ""

    def __repr__(self) -> str:
        return f"Rule({self.code} {self.name}, {self.severity})"


# code, name, check, family, lifecycle. One row a rule, in code order; never reuse a code.
_TABLE: tuple[tuple[str, str, Check, str, str], ...] = (
    # PK1xx years and dates
    ("PK101", "stale-year", dates.stale_year, "dates", STABLE),
    ("PK102", "title-date-mismatch", dates.title_date_mismatch, "dates", STABLE),
    ("PK103", "period-ended", dates.period_ended, "dates", STABLE),
    ("PK104", "blank-date", dates.blank_date, "dates", STABLE),
    ("PK105", "date-format", dates.date_format, "dates", STABLE),
    ("PK106", "undated-plan", dates.undated_plan, "dates", STABLE),
    ("PK107", "past-deadline", dates.past_deadline, "dates", STABLE),
    # PK2xx numbering and structure
    ("PK201", "blank-number", structure.blank_number, "structure", STABLE),
    ("PK202", "heading-numbering", structure.heading_numbering, "structure", STABLE),
    ("PK203", "symbol-mismatch", structure.symbol_mismatch, "structure", STABLE),
    ("PK204", "self-date-mismatch", own.self_date_mismatch, "own", STABLE),
    ("PK205", "blank-figure", structure.blank_figure, "structure", STABLE),
    ("PK206", "self-number-mismatch", own.self_number_mismatch, "own", STABLE),
    # PK3xx names and agencies
    ("PK301", "foreign-place", names.foreign_place, "names", STABLE),
    ("PK302", "stale-agency", names.stale_agency, "names", STABLE),
    # PK4xx legal basis and citations
    ("PK401", "stale-basis", basis.stale_basis, "basis", STABLE),
    ("PK402", "basis-after-plan", basis.basis_after_plan, "basis", STABLE),
    ("PK403", "citation-date-year", citations.citation_date_year, "citations", STABLE),
    ("PK404", "citation-register", citations.citation_register, "citations", STABLE),
    ("PK405", "truncated-symbol", citations.truncated_symbol, "citations", STABLE),
    ("PK406", "issuer-symbol-mismatch", citations.issuer_symbol_mismatch, "citations", STABLE),
    ("PK407", "party-symbol-malformed", citations.party_symbol_malformed, "citations", STABLE),
    ("PK408", "citation-inconsistent", consistency.citation_inconsistent, "consistency", STABLE),
    ("PK409", "corpus-inconsistent", consistency.corpus_inconsistent, "consistency", STABLE),
    # PK5xx text
    ("PK501", "duplicated-word", writing.duplicated_word, "writing", STABLE),
    ("PK502", "known-typo", writing.known_typo, "writing", STABLE),
    ("PK503", "symbol-spacing", writing.symbol_spacing, "writing", STABLE),
    ("PK504", "run-together", writing.run_together, "writing", STABLE),
    ("PK505", "punctuation-spacing", writing.punctuation_spacing, "writing", STABLE),
    ("PK506", "proper-name-case", writing.proper_name_case, "writing", STABLE),
    ("PK507", "heading-case", writing.heading_case, "writing", STABLE),
    ("PK508", "index-acronym", writing.index_acronym, "writing", STABLE),
    ("PK509", "bound-syllable", writing.bound_syllable, "writing", STABLE),
    ("PK510", "dropped-syllable", terms.dropped_syllable, "terms", STABLE),
)


def _build() -> dict[str, Rule]:
    data = {
        code: (name, severity, summary) for code, name, severity, summary in metadata().values()
    }
    if list(data) != [row[0] for row in _TABLE]:
        raise ValueError(
            "lint_rules.tsv and the registry list different codes: "
            f"{sorted(set(data) ^ {row[0] for row in _TABLE})}"
        )
    out: dict[str, Rule] = {}
    for code, name, check, family, lifecycle in _TABLE:
        if data[code][0] != name:
            raise ValueError(
                f"lint_rules.tsv names {code} {data[code][0]!r}, the registry {name!r}"
            )
        if family not in FAMILIES or lifecycle not in LIFECYCLES:
            raise ValueError(f"registry: {code} has family {family!r}, lifecycle {lifecycle!r}")
        out[code] = Rule(code, name, data[code][1], data[code][2], check, family, lifecycle)
    return out


RULES: dict[str, Rule] = _build()
"""Every rule by code, in code order."""

_BY_NAME = {r.name: r for r in RULES.values()}


def rule_named(name_or_code: str) -> Rule:
    """The rule with this name or code.

    >>> rule_named("stale-year").code, rule_named("PK101").name
    ('PK101', 'stale-year')
    """
    rule = _BY_NAME.get(name_or_code) or RULES.get(name_or_code.upper())
    if rule is None:
        raise KeyError(name_or_code)
    return rule


def fires(text: str, rule: str | Rule | Check, *, today: dt.date | None = None) -> list[str]:
    """The surfaces one rule (a name, code, :class:`Rule` or check function) flags in the plan
    read from ``text`` (for examples and tests; ``today`` defaults to 1 January 2030).

    >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nNội dung của của kế hoạch.", "PK501")
    ['của của']
    """
    if isinstance(rule, str):
        rule = rule_named(rule)
    return _context.fires(text, rule.check if isinstance(rule, Rule) else rule, today=today)
