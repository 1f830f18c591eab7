"""One loader for the vocabulary files under ``plankit/data/`` (tab-separated tables).

Every ``.tsv`` there has the same shape: comment lines starting with ``#`` (sources, how to read
the columns), one row of column names, then one row per entry. :func:`read_table` reads that
shape once for every module that needs a table (provinces, departments, issuers, document
types, typos), checks each row against the column names, converts the columns it is told to,
and names the file and the line of a bad row in a :class:`VocabularyError`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from typing import Any

from .errors import PlankitError

__all__ = ["VocabularyError", "read_table"]


class VocabularyError(PlankitError):
    """A data file of plankit is malformed (a packaging defect, never the user's input)."""


@cache
def _lines(name: str) -> tuple[tuple[int, str], ...]:
    text = resources.files("plankit.data").joinpath(name).read_text(encoding="utf-8")
    return tuple((n, line) for n, line in enumerate(text.splitlines(), 1) if line and not line.startswith("#"))


def read_table(
    name: str,
    columns: tuple[str, ...] | None = None,
    types: Mapping[str, Callable[[str], Any]] | None = None,
) -> tuple[dict[str, Any], ...]:
    """The rows of ``plankit/data/<name>`` as dicts keyed by column name, in file order.

    A row shorter than the header is padded with empty cells (trailing empty columns may be left
    out); a longer one is an error. ``columns``, when given, must be the header exactly;
    ``types`` converts the named columns (``{"ocr": lambda v: v == "yes"}``).

    >>> rows = read_table("provinces.tsv", ("name", "kind", "status", "aliases"))
    >>> rows[0]["name"], rows[0]["kind"]
    ('Hà Nội', 'thành phố')
    >>> read_table("provinces.tsv", ("name", "kind"))
    Traceback (most recent call last):
    ...
    plankit.vocab.VocabularyError: plankit/data/provinces.tsv, line 5: columns are name, kind, status, aliases; expected name, kind
    """
    lines = _lines(name)
    if not lines:
        raise VocabularyError(f"plankit/data/{name}: no header row")
    head_no, head = lines[0]
    header = tuple(head.split("\t"))
    if columns is not None and header != tuple(columns):
        raise VocabularyError(
            f"plankit/data/{name}, line {head_no}: columns are {', '.join(header)}; expected {', '.join(columns)}"
        )
    out = []
    for n, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) > len(header):
            raise VocabularyError(f"plankit/data/{name}, line {n}: {len(cells)} cells for {len(header)} columns")
        row: dict[str, Any] = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
        for col, convert in (types or {}).items():
            try:
                row[col] = convert(row[col])
            except (TypeError, ValueError) as exc:
                raise VocabularyError(f"plankit/data/{name}, line {n}: column {col}: {exc}") from None
        out.append(row)
    return tuple(out)
