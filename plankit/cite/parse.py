"""Reading one citation strictly: :func:`parse_citation` and :func:`canonical_key`.

Where :func:`plankit.cite.extract_citations` is lenient, these raise
:class:`~plankit.errors.InvalidCitation` with a caret under the part that could not be read.
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import InvalidCitation
from ..model import Citation
from . import patterns as P
from .extraction import Context, build_citation, programme_citations, read_core
from .vocabulary import LOOKALIKE_KEYS, Vocab, scan_text, vocab

__all__ = ["canonical_key", "parse_citation"]


def parse_citation(text: str) -> Citation:
    """Read one citation strictly: an optional type word and "số", the number, then optionally
    its date, "của" and the issuer, and "về ..." the subject. Raises
    :class:`~plankit.errors.InvalidCitation` with a caret under the part that failed.

    >>> c = parse_citation("Nghị quyết số 76/NQ- CP ngày 15/7/2021 của Chính phủ")
    >>> c.key, c.date, c.issuer, c.level
    ('76/NQ-CP', datetime.date(2021, 7, 15), 'Chính phủ', 'central')
    >>> parse_citation("Nghị quyết 76/NQ")
    Traceback (most recent call last):
    ...
    plankit.errors.InvalidCitation: Nghị quyết 76/NQ: thiếu mã cơ quan ban hành sau loại văn bản / missing issuer code after the type
        Nghị quyết 76/NQ
                        ^
    """
    return _parse(text, letters=False)


def _parse(text: str, *, letters: bool) -> Citation:
    """:func:`parse_citation`; ``letters`` accepts a công văn number (1234/ABC-VP) without the
    words "công văn" before it, as :func:`canonical_key` must to be idempotent."""
    if not isinstance(text, str):
        raise TypeError(f"parse_citation takes a str, not {type(text).__name__}")
    voc = vocab()
    scan = scan_text(text)
    ctx = Context(text, scan, voc)
    pos = len(scan) - len(scan.lstrip())
    if pos == len(scan):
        raise InvalidCitation(text, 0, "chuỗi rỗng: cần số hiệu văn bản, ví dụ 76/NQ-CP / "
                                       "empty text: expected a document number such as 76/NQ-CP")

    pm = next((m for r in voc.programme_res if (m := r.match(scan, pos))), None)
    if pm is not None:
        cite = programme_citations(ctx, [])[0]
        _check_rest(text, scan, pm.end())
        return cite

    wm = voc.word_re.match(scan, pos)
    word = " ".join(wm.group("word").split()) if wm and wm.group("word") else None
    at = wm.end() if wm else pos
    m = voc.number_re.match(scan, at)
    core = None
    if m is not None:
        letter_ok = letters or word in ("cong van", "van ban") or (
            m.group("cunit") is not None and m.group("cissuer") in voc.issuer_spellings
        )
        core = read_core(m, text, scan, voc, word, pos, letter_ok)
    if core is None:
        _diagnose(text, scan, at, voc)
    cite, end = build_citation(core, ctx, len(text), strict=True)
    _check_rest(text, scan, end)
    return cite


def _check_rest(text: str, scan: str, end: int) -> None:
    rest = P.TRAILING.match(scan, end).end()
    if rest < len(scan):
        raise InvalidCitation(text, rest, "có chữ thừa sau trích dẫn / unexpected text after the citation")


def _diagnose(text: str, scan: str, pos: int, voc: Vocab) -> None:
    """Raise the :class:`InvalidCitation` that says where a number stopped being one."""

    def fail(at: int, reason: str) -> None:
        raise InvalidCitation(text, at, reason)

    def capital(at: int) -> bool:
        return not text[at].translate(LOOKALIKE_KEYS).islower()

    if P.DIAG_STANDARD.match(scan, pos):
        fail(pos, "tiêu chuẩn (TCVN, ISO) không phải văn bản pháp luật / a standard (TCVN, ISO) is not a legal document")
    num = P.DIAG_DIGITS.match(scan, pos)
    if num is None:
        fail(pos, "cần số hiệu văn bản, ví dụ 76/NQ-CP / expected a document number such as 76/NQ-CP")
    q = num.end()
    if P.DIAG_DATE.match(scan, q):
        fail(pos, "đây là ngày tháng, không phải số hiệu văn bản / a date, not a document number")
    if scan[q : q + 1] == ":":
        fail(q, "đây là tiêu chuẩn hoặc giờ, không phải số hiệu văn bản / a standard or a time, not a document number")
    gap = P.DIAG_SPACES.match(scan, q).end()
    sep = scan[gap : gap + 1]
    if sep not in ("/", "-", "i", "l", "|"):
        fail(q, "thiếu '/' sau số / expected '/' after the number")
    p = P.DIAG_SPACES.match(scan, gap + 1).end()
    year = P.DIAG_NUMBER.match(scan, p) if sep == "/" else None
    if year is not None:
        if not P.DIAG_YEAR.fullmatch(year.group()):
            fail(p, f"sau '/' phải là năm (1945-2099) hoặc loại văn bản, không phải {year.group()!r} / "
                    f"expected a year (1945-2099) or a document type after '/', not {year.group()!r}")
        after_year = P.DIAG_SPACES.match(scan, year.end()).end()
        if scan[after_year : after_year + 1] != "/":
            fail(year.end(), "thiếu '/' sau năm / expected '/' after the year")
        p = P.DIAG_SPACES.match(scan, after_year + 1).end()
    letters = P.DIAG_CODE.match(scan, p)
    if letters is None:
        fail(p, "thiếu loại văn bản, ví dụ NQ, QĐ hoặc KH / expected a document type such as NQ, QĐ or KH")
    if P.DIAG_TERM.fullmatch(letters.group()):
        fail(p, "số hiệu luật phải có năm: 80/2015/QH13 / a law number needs a year: 80/2015/QH13")
    known = next((a for a in voc.type_by_length if letters.group().startswith(a)), None)
    if known is None or (sep == "-" and scan[p + len(known) : p + len(known) + 1] not in "/ \t"):
        kind = text[p : letters.end()]
        fail(p, f"loại văn bản {kind!r} không có trong danh mục (plankit/data/document_types.tsv) / "
                f"unknown document type {kind!r} (see plankit/data/document_types.tsv)")
    if not capital(p):
        fail(p, "loại văn bản phải viết hoa / the document type must be written in capitals")
    after = P.DIAG_SPACES.match(scan, p + len(known)).end()
    want = "/" if sep == "-" else "-"
    if scan[after : after + 1] != want:
        if sep == "-":
            fail(after, "sau loại văn bản cần '/' và cơ quan ban hành (26-CTr/TU) / "
                        "expected '/' and the issuing body after the type (26-CTr/TU)")
        fail(after, "thiếu mã cơ quan ban hành sau loại văn bản / missing issuer code after the type")
    c = P.DIAG_BREAK.match(scan, after + 1).end()
    if P.DIAG_CODE.match(scan, c) is None:
        fail(c, "thiếu mã cơ quan ban hành sau '-' / missing issuer code after '-'" if want == "-"
             else "thiếu cơ quan ban hành sau '/' / missing issuing body after '/'")
    if not capital(c):
        fail(c, "mã cơ quan ban hành phải viết hoa / the issuer code must be written in capitals")
    fail(pos, "không phải số hiệu văn bản / not a document number")


@lru_cache(maxsize=8192)
def canonical_key(raw: str) -> str:
    """The canonical key of a written citation; ``canonical_key(canonical_key(x)) == canonical_key(x)``.

    Raises :class:`~plankit.errors.InvalidCitation` when ``raw`` is not a citation.

    >>> canonical_key("Nghị quyết số 76/NQ- CP"), canonical_key("Quyết định 22/2020/QD - UBND")
    ('76/NQ-CP', '22/2020/QĐ-UBND')
    >>> canonical_key("Chương trình số 26-CTR/TU"), canonical_key("45/2020/NÐ-CP")
    ('26-CTr/TU', '45/2020/NĐ-CP')
    """
    return _parse(raw, letters=True).key
