"""Fixed terms (PK51x): a term plans always write the same way, written with a syllable missing.

One function per rule; its docstring is the rule's documentation (``docs/lint-rules.md``) and
its examples are doctests showing what :func:`~plankit.lint._context.fires` flags. The codes,
names and lifecycle are in :mod:`plankit.lint.rules.registry`; the terms are data
(``plankit/data/fixed_terms.tsv``, read by :func:`plankit.typos.fixed_terms`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...model import Finding
from ...text import alternation, fold, tone_key
from ...typos import FixedTerm, fixed_terms
from .._context import (
    Context,
    fires,  # noqa: F401 (the docstring examples)
    msg,
)
from .._words import FOLDED_COMPOUNDS


@cache
def _shortened() -> tuple[re.Pattern[str], dict[str, list[tuple[str, int, FixedTerm]]]]:
    """One pattern over the folded text for every shortened form of every fixed term, and, by
    the folded form, the forms it may be: (the form's tone key, the dropped syllable's index,
    the term)."""
    table: dict[str, list[tuple[str, int, FixedTerm]]] = {}
    for term in fixed_terms():
        for form, dropped in term.shortened:
            table.setdefault(fold(form.lower()), []).append((_word_key(form), dropped, term))
    parts = [r"\s+".join(re.escape(w) for w in key.split()) for key in sorted(table, key=len, reverse=True)]
    # A form starts after a space, a line break or an opening mark (the text's first word is a
    # heading, never a shortened term): the engine skips to those characters in C instead of
    # trying the alternation at every letter (about a third of the time, measured on scale-500).
    return re.compile(r"[\s(“\"‘']" + alternation(parts) + r"(?!\w)"), table


def _word_key(text: str) -> str:
    return tone_key(" ".join(text.lower().split()))


def dropped_syllable(ctx: Context) -> Iterator[Finding]:
    """Flags a fixed term written with one of its inner syllables missing: ``Ngày chuyển số``
    for ``Ngày chuyển đổi số``, ``cải hành chính`` for ``cải cách hành chính``.

    Plans write their terms the same way every time ("chuyển đổi số", "thủ tục hành chính",
    "Ủy ban nhân dân", "dịch vụ công trực tuyến", the list in ``plankit/data/fixed_terms.tsv``).
    A term that lost a syllable inside it was cut with a selection or retyped from a wrapped
    line; the two halves left are ordinary words, so neither the spelling nor the duplicated-word
    rule sees it. Only terms none of whose shortened forms is a correct phrase are listed.

    Left alone: a shortened form whose last syllable makes a word with the next one ("cải cách
    chính sách", even misspelt "chính sach"), or that a row's ``not_before`` words follow ("Ủy
    ban Dân tộc"), or whose first syllable makes a word with the one before it ("hành chính
    số" is not "chính quyền số"); a term written in full; OCR'd plans (whose diacritics cannot
    tell the words apart). A form two terms share ("chính số": "chính quyền số" or "chính phủ
    số") names both and suggests neither.

    Fires on: ``đã tổ chức chuỗi sự kiện Ngày chuyển số với chủ đề``; ``đẩy mạnh cải hành chính
    nhà nước``.

    Does not fire on: ``Ngày chuyển đổi số tỉnh Hải Dương``; ``cải cách chính sách thuế``;
    ``Ủy ban Dân tộc``.

    Message: "'chuyển số' thiếu chữ: có lẽ là 'chuyển đổi số' / 'chuyển số' lacks a syllable:
    probably 'chuyển đổi số'". Suggestion: the term in full, the missing syllable in the case of
    the words around it (not applied by ``--fix``: which word was meant is a judgement).

    Examples:
        >>> fires("KẾ HOẠCH\\nChuyển đổi số năm 2023\\n\\nĐã tổ chức sự kiện Ngày chuyển số với chủ đề.",
        ...       dropped_syllable)
        ['chuyển số']
        >>> fires("KẾ HOẠCH\\nChuyển đổi số năm 2023\\n\\nĐã tổ chức sự kiện Ngày chuyển đổi số.",
        ...       dropped_syllable)
        []
    """
    if ctx.ocr:
        return
    pattern, table = _shortened()
    text, folded = ctx.text, ctx.folded
    for m in pattern.finditer(folded):
        start = m.start() + 1
        surface = text[start : m.end()]
        key = _word_key(surface)
        hits = [h for h in table[" ".join(m.group()[1:].split())] if h[0] == key]
        if not hits:
            continue
        words = surface.split()
        nxt = _NEXT_WORD_RE.match(text, m.end(), m.end() + 30)
        if nxt is not None:
            after = nxt.group(1)
            if fold(f"{words[-1]} {after}") in FOLDED_COMPOUNDS:
                continue
            hits = [h for h in hits if fold(after) not in h[2].stops]
        before = _WORD_BEFORE_RE.search(text, max(0, start - 20), start)
        if not hits or (before is not None and fold(f"{before.group(1)} {words[0]}") in FOLDED_COMPOUNDS):
            continue
        terms = " / ".join(dict.fromkeys(f"'{h[2].term}'" for h in hits))
        shown = " ".join(words)
        yield ctx.finding(
            "dropped-syllable",
            start,
            m.end(),
            msg(f"'{shown}' thiếu chữ: có lẽ là {terms}", f"'{shown}' lacks a syllable: probably {terms}"),
            suggestion=_restored(surface, hits[0][1], hits[0][2]) if len(hits) == 1 else None,
        )


# The word after a match (on the next line in a wrapped copy), and the word before one.
_NEXT_WORD_RE = re.compile(r"\s*([^\W\d_]+)")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[ \t]*\Z")


def _restored(surface: str, dropped: int, term: FixedTerm) -> str:
    """``surface`` with the term's syllable ``dropped`` put back after the word before it, as
    the term writes it ("Ban Chỉ đạo", "Mặt trận Tổ quốc"), in capitals between capitals, in
    lower case after a word in lower case."""
    words = list(re.finditer(r"\S+", surface))
    left, right = words[dropped - 1].group(), words[dropped].group()
    missing = term.term.split()[dropped]
    if left.isupper() and right.isupper() and len(left + right) > 2:
        missing = missing.upper()
    elif not left[:1].isupper():
        missing = missing.lower()
    gap = words[dropped - 1].end()
    return surface[:gap] + " " + missing + surface[gap:]
