"""Known misspellings of administrative plans, read once from ``plankit/data/typos.tsv``, and
the fixed terms whose shortened forms are misspellings too (``plankit/data/fixed_terms.tsv``).

The linter reports them (``known-typo``, ``dropped-syllable``), the diff flags the ones a new
plan carried over from the old one, and drafting corrects them. Each caller matches in its own
way (the linter by phrase, the diff within one aligned passage, the draft over the whole text),
but they share one row type and one loader, so each data file has one reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .text import fold
from .vocab import read_table

__all__ = ["FixedTerm", "Typo", "fixed_terms", "known_typos"]

_COLUMNS = ["typo", "correction", "ocr", "not_before", "seen", "note"]


@dataclass(frozen=True)
class Typo:
    """A row of ``typos.tsv``: the misspelling as written, its correction, whether it can be
    told apart in OCR'd text (``ocr``), the words that make it a correct phrase when they follow
    (``not_before``), the plans it was seen in and a note."""

    typo: str
    correction: str
    ocr: bool
    not_before: tuple[str, ...]
    seen: str = ""
    note: str = ""

    @property
    def stops(self) -> frozenset[str]:
        """The ``not_before`` words, folded."""
        return _folded_set(self.not_before)

    @property
    def pattern(self) -> re.Pattern[str]:
        """The misspelling as a regex on folded text: whole words, any white space between them,
        and not followed by one of its ``not_before`` words."""
        return _typo_pattern(self.typo, self.not_before)


@cache
def known_typos() -> tuple[Typo, ...]:
    """The misspellings of ``plankit/data/typos.tsv``, in file order.

    >>> next(t.correction for t in known_typos() if t.typo == "tuyên tuyền")
    'tuyên truyền'
    >>> next(t for t in known_typos() if t.typo == "tuyên tuyền").ocr
    True
    """
    rows = read_table("typos.tsv", tuple(_COLUMNS))
    return tuple(
        Typo(r["typo"], r["correction"], r["ocr"] == "yes", tuple(w for w in r["not_before"].split("|") if w),
             r["seen"], r["note"])
        for r in rows
    )


@lru_cache(maxsize=256)
def _folded_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


@lru_cache(maxsize=256)
def _typo_pattern(typo: str, not_before: tuple[str, ...]) -> re.Pattern[str]:
    parts = re.findall(r"\w+|[^\w\s]", fold(typo))
    body = ""
    for k, part in enumerate(parts):
        if k:
            body += r"\s+" if parts[k - 1][0].isalnum() and part[0].isalnum() else r"\s*"
        body += re.escape(part)
    guard = ""
    if not_before:
        guard = r"(?!\s+(?:" + "|".join(re.escape(fold(w)) for w in not_before) + r")\b)"
    return re.compile(r"(?<!\w)" + body + r"(?!\w)" + guard)


@dataclass(frozen=True)
class FixedTerm:
    """A row of ``fixed_terms.tsv``: a term plans always write the same way (``chuyển đổi số``),
    the words that, following one of its shortened forms, make a different correct phrase
    (``not_before``), and a note."""

    term: str
    not_before: tuple[str, ...]
    note: str = ""

    @property
    def shortened(self) -> tuple[tuple[str, int], ...]:
        """Each form of the term with one inner syllable dropped, and the dropped syllable's
        index.

        >>> FixedTerm("cải cách hành chính", ()).shortened
        (('cải hành chính', 1), ('cải cách chính', 2))
        """
        words = self.term.split()
        return tuple((" ".join(words[:i] + words[i + 1 :]), i) for i in range(1, len(words) - 1))

    @property
    def stops(self) -> frozenset[str]:
        """The ``not_before`` words, folded."""
        return _folded_set(self.not_before)


@cache
def fixed_terms() -> tuple[FixedTerm, ...]:
    """The terms of ``plankit/data/fixed_terms.tsv``, in file order.

    >>> next(t for t in fixed_terms() if t.term == "chuyển đổi số").shortened
    (('chuyển số', 1),)
    """
    rows = read_table("fixed_terms.tsv", ("term", "not_before", "note"))
    return tuple(
        FixedTerm(r["term"], tuple(w for w in r["not_before"].split("|") if w), r["note"]) for r in rows
    )
