"""Citations: every legal reference in a plan, with canonical keys, issuers, levels and roles.

Three entry points:

* :func:`extract_citations` finds every citation of a :class:`~plankit.model.Plan` or a string,
  in text order. It is lenient and never raises: OCR'd text without diacritics, numbers broken
  over a line, spaces around the dash and look-alike letters are all read.
* :func:`parse_citation` reads one citation strictly and raises
  :class:`~plankit.errors.InvalidCitation` with a caret under the part it could not read.
* :func:`canonical_key` turns any written form into the key (``Nghị quyết số 76/NQ- CP`` is
  ``76/NQ-CP``); ``canonical_key(canonical_key(x)) == canonical_key(x)``.

Every regular expression lives in :mod:`plankit.cite.patterns`; vocabulary (document types, issuer
codes, named programmes) lives in ``plankit/data``. Matching runs on the folded text (see
:func:`plankit.text.fold`), so a match is a span of the original text, and keys are built from
the original characters.

Standards (``TCVN ISO 9001:2015``) are not legal documents and are never reported: they have no
document-number shape, and nothing here invents one for them, so they cannot reach the graph.

The package: :mod:`~plankit.cite.patterns` (every regular expression),
:mod:`~plankit.cite.vocabulary` (the scan text and the data files, compiled),
:mod:`~plankit.cite.issuers` (who issued a cited document), :mod:`~plankit.cite.numbers`
(document numbers, and laws cited by name and date linked to their number through the
register), :mod:`~plankit.cite.extraction`
(:func:`extract_citations`, :class:`CitationList`) and :mod:`~plankit.cite.parse`
(:func:`parse_citation`, :func:`canonical_key`).
"""

from __future__ import annotations

from .extraction import (
    FRAME_COLUMNS,
    CitationList,
    citations_frame,
    compute_citations,
    extract_citations,
)
from .parse import canonical_key, parse_citation

__all__ = [
    "FRAME_COLUMNS",
    "CitationList",
    "canonical_key",
    "citations_frame",
    "compute_citations",
    "extract_citations",
    "parse_citation",
]
