"""``restore_text`` and ``restore_plan``: the steps of restoration put together.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..text import fold, nfc
from .decode import _apply_context, _confidences, _decode
from .lm import Model, default_model
from .names import _flag_names
from .reference import (
    _REFERENCE_BONUS,
    _RESTORED_REFERENCE_BONUS,
    _mostly_plain,
    _reference_bonus,
    _typed_with_marks,
    looks_ocr,
)
from .result import Restored, RestoredToken
from .syllables import canonical_syllable, lm_key
from .tokens import _apply_case, _case_of, _Tok, _tokenize

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Plan



def _reference_keys(model: Model, reference: str) -> tuple[list[str], float]:
    """The syllable keys of the reference text and the weight of its votes.

    A clean reference's spelling is taken (a large bonus). A reference that is itself OCR'd
    or unaccented is restored first and then only votes softly: it is no surer than the model.
    """
    bonus = _REFERENCE_BONUS
    if looks_ocr(reference, model) or _mostly_plain(reference):
        reference = restore_text(reference, model=model).text
        bonus = _RESTORED_REFERENCE_BONUS
    keys = []
    for line in reference.split("\n"):
        for m in model.token_re.finditer(line):
            if m.lastgroup == "word" and not m.group().isdigit():
                keys.append(canonical_syllable(m.group()))
    return keys, bonus


@functools.lru_cache(maxsize=100_000)
def _cased(surface: str, form: str) -> str:
    """``form`` in the case of the token ``surface`` (the same pairs recur: once per process)."""
    return _apply_case(_case_of(surface), form)


def _take_known(
    model: Model, toks: list[_Tok], known: Mapping[tuple[int, int], str], starts: frozenset[int] | None = None
) -> None:
    """Fix each word token that is exactly a known word to its known form (one candidate).

    ``starts``: where the known words start (a token starting elsewhere is none of them).
    """
    if starts is None:
        starts = frozenset(s for s, _e in known)
    for tok in toks:
        if tok.start not in starts or tok.kind != "word" or tok.fixed_output is not None or tok.prefix:
            continue
        form = known.get((tok.start, tok.end))
        if form is not None:  # the tokens are this call's own: changed in place
            key = lm_key(form, "word") or ""
            tok.cands = [(key, form, 0.0, model.ids.get(key, 0))]
            tok.how, tok.fixed_output = "reference", form


# -- public API -------------------------------------------------------------------------------


def restore_text(
    text: str | Plan | os.PathLike[str],
    *,
    reference: str | Plan | os.PathLike[str] | None = None,
    model: Model | None = None,
    ocr: bool | None = None,
    context: bool = True,
    known: Mapping[tuple[int, int], str] | None = None,
) -> Restored:
    """Restore the diacritics (and OCR damage) of Vietnamese text.

    Args:
        text: text without (or with damaged) diacritics; any length, any number of lines. A
            :class:`~plankit.model.Plan` or a :class:`~pathlib.Path` gives its text (and
            ``ocr`` from how it was read); a ``str`` is always text.
        reference: an earlier clean plan of the same issuer, as every plankit verb takes a
            plan: a :class:`~plankit.model.Plan` or the path of its file (``str`` or
            :class:`~pathlib.Path`); a text goes in as ``read_text(text)``. Where a passage
            aligns with it, its spelling is taken. An OCR'd reference is restored first.
        model: a :class:`~plankit.restore_model.Model` (default: the bundled plans and Viet74K,
            built once per process).
        ocr: whether ``text`` is OCR output, so that damaged letters may be repaired
            (``s6`` -> ``số``); ``None`` decides from the text (:func:`looks_ocr`).
        context: let the wider-context model (words two to six places away) weigh in where
            one folded word has several common real forms (số/sở, ban/bản, tỉnh/tính);
            ``False`` decides with the trigram alone (the benchmark compares the two).
        known: words whose reading is already known, ``{(start, end): form}`` by their offsets
            in ``text`` (the diff's restored view passes the words it paired with a clean
            plan): such a word is read as ``form`` and the model decides only the others, with
            those as their context.

    Returns:
        A :class:`Restored`: ``.text`` has the same lines as the input (NFC), case kept;
        ``.tokens`` has every token's candidates and confidence.

    Never raises on any string.

    >>> restore_text("CONG HOA XA HOI CHU NGHIA VIET NAM").text
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    >>> restore_text("S6:137 IKH-SKHCN Can Tho, ngay 21thdng 01 nam 2025").text
    'Số:137/KH-SKHCN Cần Thơ, ngày 21 tháng 01 năm 2025'
    """
    if not isinstance(text, str):  # a Plan or a file
        from ..read import as_plan

        plan = as_plan(text)
        text, ocr = plan.text, (True if plan.source.ocr else ocr)
    if reference is not None:
        from ..read import as_plan

        reference = as_plan(reference)
    model = model or default_model()
    source = nfc(text)
    if ocr is None:
        ocr = looks_ocr(source, model)
    # a text typed with its marks keeps its plain words too ("Hung Yên" in a clean plan)
    marked = not ocr and _typed_with_marks(source)
    lines: list[list[_Tok]] = []
    starts: list[int] = []
    offset = 0
    raw_lines = source.split("\n")
    known_starts = frozenset(s for s, _e in known) if known else None
    with_context = context and bool(model.context or (ocr and model.ocr_context))
    for line in raw_lines:
        starts.append(offset)
        toks = _tokenize(model, line, offset, ocr, marked)
        folded = fold(line)
        _flag_names(model, line, offset, toks, ocr, marked, folded)
        if known:
            _take_known(model, toks, known, known_starts)
        if with_context:
            _apply_context(model, toks, folded, offset, ocr)
        lines.append(toks)
        offset += len(line) + 1
    no_bonus: dict[int, str] = {}
    # a glued "/" ("Ho tro/huong dan") is read as a comma between two phrases, a glued "-"
    # ("kinh te-xa hoi") not at all, as the model was trained (see punct_key)
    choices = [_decode(model, toks, no_bonus) for toks in lines]
    bonuses: list[dict[int, str]] = [{} for _ in lines]
    weight = 0.0
    ref_text = getattr(reference, "text", None)
    if ref_text:
        ref_keys, weight = _reference_keys(model, nfc(str(ref_text)))
        bonuses = _reference_bonus(model, lines, choices, ref_keys, ocr)
        choices = [
            _decode(model, toks, b, weight) if b else ch
            for toks, ch, b in zip(lines, choices, bonuses, strict=True)
        ]
    # the text needs only each token's choice; the tokens' candidates and confidences cost
    # about as much again, so they are worked out when first asked for (Restored.tokens)
    out_lines: list[str] = []
    spans: list[tuple[int, int, str]] = []
    for line, line_start, toks, choice in zip(raw_lines, starts, lines, choices, strict=True):
        pieces: list[str] = []
        pos = line_start
        for ti, tok in enumerate(toks):
            if tok.start != pos:
                pieces.append(source[pos : tok.start])
            if tok.fixed_output is not None:
                output = tok.fixed_output
            elif tok.how == "name":
                output = tok.surface
            else:
                output = _cased(tok.surface, tok.cands[choice[ti]][1])
            if tok.prefix:
                output = tok.prefix + output
            pieces.append(output)
            spans.append((tok.start, tok.end, output))
            pos = tok.end
        pieces.append(source[pos : line_start + len(line)])
        out_lines.append("".join(pieces))
    restored = nfc("\n".join(out_lines))

    def tokens() -> tuple[RestoredToken, ...]:
        return _restored_tokens(model, lines, choices, bonuses, weight)

    return Restored(restored, source, tokens, ocr=ocr, reference=bool(ref_text), spans=tuple(spans))


def _restored_tokens(
    model: Model,
    lines: list[list[_Tok]],
    choices: list[list[int]],
    bonuses: list[dict[int, str]],
    weight: float,
) -> tuple[RestoredToken, ...]:
    """Every token's decision: its output, candidates with their probabilities, confidence."""
    tokens: list[RestoredToken] = []
    for toks, choice, bonus in zip(lines, choices, bonuses, strict=True):
        probs = _confidences(model, toks, choice, bonus, weight)
        for ti, tok in enumerate(toks):
            j = choice[ti]
            if tok.how == "name":
                output = tok.fixed_output or tok.surface
                alts = tuple((f, p) for f, p in tok.alternatives if f != output)
                cands: tuple[tuple[str, float], ...] = ((output, 0.0), *alts)
                conf = 0.0
                how = "name"
            elif tok.fixed_output is not None:
                output = tok.fixed_output
                cands = ((output, 1.0),)
                conf = 1.0
                how = tok.how
            else:
                mode = _case_of(tok.surface)
                output = _apply_case(mode, tok.cands[j][1])
                p = probs[ti]
                if len(p) == 1:
                    cands, conf = ((output, 1.0),), 1.0
                else:
                    seen: dict[str, float] = {}
                    for k in sorted(range(len(p)), key=p.__getitem__, reverse=True):
                        if p[k] < 0.001 and k != j:
                            continue
                        form = _apply_case(mode, tok.cands[k][1])
                        seen[form] = seen.get(form, 0.0) + p[k]
                    cands = tuple(seen.items())
                    conf = seen[output]
                how = "reference" if bonus.get(ti) == tok.cands[j][0] else "model"
            tokens.append(RestoredToken(tok.surface, tok.start, tok.end, tok.prefix + output, cands, conf, how))
    return tuple(tokens)


def restore_plan(
    plan: Plan | str | os.PathLike[str], *, reference: Plan | str | os.PathLike[str] | None = None
) -> Plan:
    """A plan whose text is restored, re-read so that its spans and sections follow.

    ``plan`` and ``reference`` (an earlier clean plan of the same issuer) are each a Plan or the
    path of its file, as for :func:`restore_text`.

    The new plan's source says ``ocr=True, restored=True`` and keeps the original path.

    >>> from plankit.read import read_text
    >>> p = restore_plan(read_text("KE HOACH\\nCong tac thong tin, tuyen truyen cai cach hanh chinh nam 2025"))
    >>> p.header.title
    'Công tác thông tin, tuyên truyền cải cách hành chính năm 2025'
    """
    from ..read import as_plan, read_text

    plan = as_plan(plan)
    restored = restore_text(plan.text, reference=reference, ocr=True if plan.source.ocr else None)
    new = read_text(restored.text, name=plan.source.name, form=plan.source.form)
    source = dataclasses.replace(new.source, ocr=True, restored=True, path=plan.source.path)
    return dataclasses.replace(new, source=source)


def _nfd_strip(text: str) -> str:
    """Drop every diacritic, keeping case: the input of the leave-one-out benchmark.

    >>> _nfd_strip("Đảng Cộng sản Việt Nam")
    'Dang Cong san Viet Nam'
    """
    out = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return out.replace("đ", "d").replace("Đ", "D")
