"""Restore Vietnamese diacritics and OCR damage: ``restore_text`` and ``restore_plan``.

A scanned plan read by OCR comes back as "Cong tac thong tin, tuyén truyén cai cach hanh chinh
nim 2025". :func:`restore_text` turns each token into the real syllable that the language model
(:mod:`plankit.restore_model`) and the OCR confusion table (``data/ocr_confusions.tsv``) find
most likely in its context, keeping line breaks, case, numbers and document symbols:

1. tokenize each line (the same tokenizer trained the model);
2. give each word token its candidates: the real syllables that fold to it, and in OCR'd text
   those reachable through at most two confusions (``s6`` -> ``so`` -> ``số``), each with a cost;
3. pick the best sequence per line with a Viterbi search over syllable trigrams (pruned beam);
4. with ``reference=`` (last year's clean plan of the same issuer), align the folded result with
   the reference (difflib, ``autojunk=False``) and decode again, taking the reference's spelling
   wherever a passage matches;
5. put the case back (``KẾ HOẠCH``, ``Cần Thơ``) and fix what rules know: symbols that lost their
   Đ (``QD-UBND`` -> ``QĐ-UBND``), OCR's ``IKH`` for ``/KH``, ``11.`` for ``II.`` in a heading.

Every token keeps its candidates and a confidence, so a notebook shows the uncertain words.

The package, by step: :mod:`~plankit.restore.syllables` (syllable rules and the tokenizer),
:mod:`~plankit.restore.sources` (what the model learns from), :mod:`~plankit.restore.lm` (the
n-gram model) and :mod:`~plankit.restore.context` (the wider-context model);
:mod:`~plankit.restore.tokens` (candidates per token), :mod:`~plankit.restore.names` (personal
names), :mod:`~plankit.restore.decode` (Viterbi, confidences), :mod:`~plankit.restore.reference`
(OCR detection, alignment with a reference), :mod:`~plankit.restore.core` (``restore_text``) and
:mod:`~plankit.restore.result` (``Restored``). :mod:`plankit.restore_model` keeps the model's
old import path.
"""

from __future__ import annotations

from .core import restore_plan, restore_text
from .reference import looks_ocr
from .result import UNCERTAIN_BELOW, Restored, RestoredToken

__all__ = ["UNCERTAIN_BELOW", "Restored", "RestoredToken", "looks_ocr", "restore_plan", "restore_text"]
