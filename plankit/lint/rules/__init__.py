"""The lint rules, one module per family, and the registry that maps every code to its rule.

Each rule is a function ``rule_name(ctx: Context) -> Iterator[Finding]`` in the module of its
family; :mod:`plankit.lint.rules.registry` lists every code with its rule, family and lifecycle
(stable, preview, deprecated), and ``plankit/data/lint_rules.tsv`` gives each code its default
severity and one-line summary. ``docs/lint-rules.md`` is rendered from the docstrings by
``python -m plankit.lint.docs``, and their examples are doctests: each reads a small plan with
:func:`plankit.read_text` and shows what :func:`fires` (the surfaces the rule flags).

Families: :mod:`~plankit.lint.rules.dates` (PK1xx), :mod:`~plankit.lint.rules.structure` and
:mod:`~plankit.lint.rules.own` (PK2xx), :mod:`~plankit.lint.rules.names` (PK3xx), :mod:`~plankit.lint.rules.basis`,
:mod:`~plankit.lint.rules.citations` and :mod:`~plankit.lint.rules.consistency` (PK4xx),
:mod:`~plankit.lint.rules.writing` and :mod:`~plankit.lint.rules.terms` (PK5xx).

Rules look at the folded text (:func:`plankit.text.fold`: no diacritics, one character for one
character), so they work on OCR'd plans ("nam 2024" for "năm 2024") and every match is a span of
the original text. Messages are Vietnamese, then " / " and an English gloss. The regular
expressions the rules share, and the per-plan :class:`Context`, are in ``_context.py`` (the year
patterns in ``plankit/years.py``); the word lists in ``_words.py``.
"""

from __future__ import annotations

from .._context import Context
from .._words import Typo, known_typos
from .basis import basis_after_plan, stale_basis
from .citations import (
    citation_date_year,
    citation_register,
    issuer_symbol_mismatch,
    party_symbol_malformed,
    truncated_symbol,
)
from .consistency import citation_inconsistent, corpus_inconsistent
from .dates import (
    blank_date,
    date_format,
    past_deadline,
    period_ended,
    stale_year,
    title_date_mismatch,
    undated_plan,
)
from .names import foreign_place, stale_agency
from .own import self_date_mismatch
from .registry import FAMILIES, LIFECYCLES, RULES, Rule, fires, rule_named
from .structure import blank_number, heading_numbering, symbol_mismatch
from .terms import dropped_syllable
from .writing import (
    bound_syllable,
    duplicated_word,
    heading_case,
    index_acronym,
    known_typo,
    proper_name_case,
    punctuation_spacing,
    run_together,
    symbol_spacing,
)

__all__ = [
    "FAMILIES",
    "LIFECYCLES",
    "RULES",
    "Context",
    "Rule",
    "Typo",
    "basis_after_plan",
    "blank_date",
    "blank_number",
    "bound_syllable",
    "citation_date_year",
    "citation_inconsistent",
    "citation_register",
    "corpus_inconsistent",
    "date_format",
    "dropped_syllable",
    "duplicated_word",
    "fires",
    "foreign_place",
    "heading_case",
    "heading_numbering",
    "index_acronym",
    "issuer_symbol_mismatch",
    "known_typo",
    "known_typos",
    "party_symbol_malformed",
    "past_deadline",
    "period_ended",
    "proper_name_case",
    "punctuation_spacing",
    "rule_named",
    "run_together",
    "self_date_mismatch",
    "stale_agency",
    "stale_basis",
    "stale_year",
    "symbol_mismatch",
    "symbol_spacing",
    "title_date_mismatch",
    "truncated_symbol",
    "undated_plan",
]
