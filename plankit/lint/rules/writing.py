"""Writing (PK5xx): repeated words, known misspellings, spacing in symbols and around
punctuation, syllables run together, proper names and headings in the wrong case, misspelt
index acronyms, a dropped word before a bound syllable.

One function per rule; its docstring is the rule's documentation (``docs/lint-rules.md``) and
its examples are doctests showing what :func:`~plankit.lint._context.fires` flags. The codes,
names and lifecycle are in :mod:`plankit.lint.rules.registry`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Finding
from ...text import fold, tone_key
from .._context import (
    DOUBLE_OCR_GAP,
    WORD_RE,
    Context,
    doubled_phrases,
    fires,  # noqa: F401 (the docstring examples)
    line_starts,
    merged_matches,
    msg,
)
from .._words import (
    COMPOUNDS,
    FOLDED_COMPOUNDS,
    FOLDED_REDUPLICATED,
    REDUPLICATED,
    fit_case,
    run_together_words,
    typo_candidate,
    typo_for,
    typo_matcher,
)


def known_typo(ctx: Context) -> Iterator[Finding]:
    """Flags a misspelling listed in ``plankit/data/typos.tsv``.

    The list holds misspellings really seen in the bundled plans ("tuyên tuyền", "thẩm quyển",
    "cải các", "thưc hiện", "tình hiểu", "điểm hình", "kinh tế xã - hội", "Công TTĐT") and a few
    frequent in administrative texts ("sát nhập", "xử dụng", "nghành", "trách nghiệm"). Matching
    ignores case and tone placement. In OCR'd text, whose diacritics are lost, a misspelling is
    matched on its folded form only where that is unambiguous (the ``ocr`` column): "tuyén
    tuyén" is "tuyên tuyền", but "thuc hien" cannot tell "thưc hiện" from "thực hiện". A row's
    ``not_before`` words stop a match that is the start of a correct phrase ("địa điểm hình
    thức").

    Fires on: ``sinh hoạt tuyên tuyền, phổ biến``; ``thuộc thẩm quyển giải quyết``; OCR
    ``sinh hoat tuyén tuyén``.

    Does not fire on: ``tuyên truyền``; ``thẩm quyền``; OCR ``thuc hien`` (ambiguous).

    Message: "'tuyên tuyền' viết sai, đúng là 'tuyên truyền' / 'tuyên tuyền' is misspelt: write
    'tuyên truyền'". Suggestion: the correction, in the case of the text.

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nLồng ghép vào sinh hoạt tuyên tuyền, phổ biến.",
        ...       known_typo)
        ['tuyên tuyền']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nLồng ghép vào sinh hoạt tuyên truyền.",
        ...       known_typo)
        []
    """
    pattern = typo_matcher()[0]
    folded, text = ctx.folded, ctx.text
    for m in pattern.finditer(folded):
        surface = text[m.start() : m.end()]
        if not typo_candidate(surface, ocr=ctx.ocr):
            continue
        nxt = WORD_RE.search(folded, m.end(), m.end() + 30)
        following = nxt.group() if nxt and not folded[m.end() : nxt.start()].strip(" ") else ""
        typo = typo_for(surface, ocr=ctx.ocr, following=following)
        if typo is None:
            continue
        shown = " ".join(surface.split())
        yield ctx.finding(
            "known-typo",
            m.start(),
            m.end(),
            msg(
                f"'{shown}' viết sai, đúng là '{typo.correction}'",
                f"'{shown}' is misspelt: write '{typo.correction}'",
            ),
            suggestion=fit_case(typo.correction, surface),
            safe=True,
        )


# Words that head the name of a body: "Sở Xây dựng xây dựng Kế hoạch" is the Sở Xây dựng (a
# name) that builds (xây dựng, a verb) the plan.
# Heads are capitalised ("Sở", "Trung tâm", "Chi cục"); their second word may be lower case.
_BODY_HEAD_WORDS = "sở bộ ban cục viện báo đài phòng trung chi văn"
_BODY_HEADS = frozenset(fold(w) for w in _BODY_HEAD_WORDS.split())
_HEAD_TAILS = frozenset(("tam", "cuc", "phong"))


def _name_then_word(text: str, words: list[tuple[int, int]], i: int, size: int) -> bool:
    """Whether the first copy at ``words[i:i+size]`` ends a body's name and the second copy is
    an ordinary word: the first is capitalised, the second lower case, and capitalised words
    lead back to a head such as "Sở", "Bộ", "Trung tâm"."""
    if not text[words[i][0]].isupper():
        return False
    if any(text[a].isupper() for a, _ in words[i + size : i + 2 * size]):
        return False
    j = i - 1
    while j >= 0 and i - j <= 6:
        word = text[words[j][0] : words[j][1]]
        if fold(word) in _BODY_HEADS and word[:1].isupper():
            return True
        if not (word[:1].isupper() or word == "và" or fold(word) in _HEAD_TAILS):
            return False
        j -= 1
    return False


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` that may overlap: "tuyên tuyền tuyền" holds the double "tuyền
    tuyền" right after the folded look-alike "tuyên tuyền", which ``finditer`` would skip."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


def _doubles(folded: str, phrases: set[str], gap: str) -> list[re.Match[str]]:
    """Every place where one of ``phrases`` is written twice with ``gap`` between, in text
    order, the longest phrase where several double at one place: what one pattern of all the
    phrases, longest first, finds with :func:`_overlapping`. Each phrase is searched on its own
    from its first word, a literal, so the engine skips from one occurrence to the next."""
    at: dict[int, re.Match[str]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        first, *rest = (re.escape(w) for w in phrase.split())
        body = first + rf"(?<!\w{first})" + "".join(gap + w for w in rest)
        for m in _overlapping(re.compile(f"({body}){gap}\\1(?!\\w)"), folded):
            at.setdefault(m.start(), m)
    return [at[start] for start in sorted(at)]


def duplicated_word(ctx: Context) -> Iterator[Finding]:
    """Flags a word (or a two- or three-word phrase) written twice in a row.

    "cơ chế chế một cửa" (three times in the 2022 Hưng Yên plan), "Đảng bộ tỉnh Thừa Thừa
    Thiên Huế" (the Huế article). Vietnamese has legitimate doubles, which are let through:

    * full reduplication: "dần dần", "người người", "nhà nhà", "ngày ngày", "đời đời" ...;
    * a syllable shared across a word boundary: "tuyên truyền truyền thống" is "tuyên truyền |
      truyền thống", "hoạt động động viên" is "hoạt động | động viên". It is let through only
      when the word before and the word after both form two-syllable words with it (a list of
      common administrative words); "cơ chế chế một cửa" fails ("chế một" is no word), and so
      does "tỉnh Thừa Thừa Thiên".

    Words count as equal ignoring case and tone placement; in OCR'd text they must be written
    identically, since folding makes different words look alike. Only spaces may separate them
    (a line break too in OCR'd text, whose lines are wrapped, and in a wrapped line of a PDF or
    portal copy); punctuation, tabs (table cells) and paragraph ends separate. A double that is
    a known misspelling ("tuyén tuyén" in OCR) is left to :func:`known_typo`.

    Fires on: ``triển khai cơ chế chế một cửa``; ``Đảng bộ tỉnh Thừa Thừa Thiên Huế``;
    ``của của``.

    Does not fire on: ``tuyên truyền truyền thống``; ``dần dần``; ``một cửa, một cửa liên
    thông``.

    Message: "Từ 'chế' bị lặp lại / The word 'chế' is repeated". Suggestion: the word once.

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nTriển khai cơ chế chế một cửa.",
        ...       duplicated_word)
        ['chế chế']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nKết hợp tuyên truyền truyền thống.",
        ...       duplicated_word)
        []
    """
    text, folded = ctx.text, ctx.folded
    phrases = doubled_phrases(folded)
    if not phrases:
        return
    # A line break may fall between the two in OCR'd text and in a wrapped line of a PDF or portal
    # copy (a line end inside one paragraph the reader joined), never at a paragraph's end.
    reported_end = -1
    for m in _doubles(folded, phrases, DOUBLE_OCR_GAP):
        start, end = m.start(), m.end()
        if start < reported_end:
            continue  # "chế chế chế" is one finding
        if not ctx.ocr:
            brk = text.find("\n", start, end)
            if brk != -1 and ctx.is_break(brk):
                continue
        # The words around the double, as (start, end) offsets: six before it, the double, one after.
        lo = max(0, start - 120)
        words = [
            (w.start(), w.end()) for w in WORD_RE.finditer(folded, lo, min(len(folded), end + 40))
        ]
        i = next(k for k, w in enumerate(words) if w[0] == start)
        size = len(m.group(1).split())
        exact = [
            text[a:b].lower() if ctx.ocr else tone_key(text[a:b].lower())
            for a, b in words[i : i + 2 * size]
        ]
        if exact[:size] != exact[size:] or (size == 1 and words[i][1] - words[i][0] < 2):
            continue
        surface = text[start:end]
        word = text[start : words[i + size - 1][1]]
        legit = False
        if size == 1:
            norm, lexicon = (fold, FOLDED_COMPOUNDS) if ctx.ocr else (tone_key, COMPOUNDS)
            key = norm(word.lower())
            before = words[i - 1] if i > 0 and words[i - 1][0] >= lo + 1 else None
            after = words[i + 2] if i + 2 < len(words) else None
            prev = norm(text[before[0] : before[1]].lower()) if before else None
            nxt = norm(text[after[0] : after[1]].lower()) if after else None
            if key in (FOLDED_REDUPLICATED if ctx.ocr else REDUPLICATED):
                legit = True
            elif word.lower() == "năm" or (ctx.ocr and word.lower() in ("nam", "nim", "ndm")):
                # "kế hoạch năm năm" (five-year) is right; "trong năm năm 2022" is not.
                legit = not re.match(r"\s*(?:19|20)\d\d", text[end : end + 6])
            elif (prev and nxt and f"{prev} {key}" in lexicon and f"{key} {nxt}" in lexicon) or (
                ctx.ocr and f"{key} {key}" in lexicon
            ):
                legit = True
        if not legit and _name_then_word(text, words, i, size):
            legit = True
        if not legit and typo_for(surface, ocr=ctx.ocr) is not None:
            legit = True  # known-typo reports it, with the right correction
        if legit:
            continue
        reported_end = end
        yield ctx.finding(
            "duplicated-word",
            start,
            end,
            msg(f"Từ '{word}' bị lặp lại", f"The word '{word}' is repeated"),
            suggestion=word,
            safe=True,
        )


# "45/2020/NĐ- CP", "57- NQ/TW", "22/2020/QĐ - UBND". Spaces and tabs only: a line break inside
# a symbol is a wrapped line of a PDF copy, not a typing slip. At least two code parts follow the
# number, and one of them is a capitalised code of two letters or more, so "5- Năm" and dates
# ("15/ 7/2021") are not symbols. The National Assembly's code carries its term ("QH15",
# "NQ-UBTVQH15"), where a space may stray too ("202/2025/QH 15"); a law's symbol has the year
# and that one code ("80/2015/QH13", "202/2025/ QH15").
_CODE = r"[A-ZĐ][A-Za-zĐđ&]{0,11}(?:(?<=QH)[ \t]?\d{2}(?!\d))?"
SYMBOL_SPACING_RE = re.compile(
    r"(?<![\w/-])\d{1,5}[a-z]?(?:[ \t]*/[ \t]*(?:19|20)\d\d)?"
    r"[ \t]*[/-][ \t]*" + _CODE + r"(?:[ \t]*[/-][ \t]*" + _CODE + r")+(?![\w&])"
    r"|(?<![\w/-])\d{1,5}[ \t]*/[ \t]*(?:19|20)\d\d[ \t]*/[ \t]*QH[ \t]?\d{2}(?![\w&])"
)
# A space between the code QH and its term, which touches no hyphen or slash ("QH 15").
_QH_TERM_SPACE_RE = re.compile(r"QH[ \t]\d\d(?!\d)")


# A hyphen or slash with a space or tab beside it, one pattern per mark (a literal first: the
# engine jumps from one mark to the next); _spaced_marks makes the places a stray space may be.
_SPACED_MARK_RES = tuple(re.compile(f"{m}(?:(?<=[ \t]{m})|(?=[ \t]))") for m in ("-", "/"))


def _spaced_marks(text: str) -> list[int]:
    """Where a space touches a hyphen or slash: the starts of what ``finditer`` of
    ``[ \t][/-]|[/-][ \t]`` finds (two characters each, not overlapping), in text order."""
    marks = sorted(m.start() for p in _SPACED_MARK_RES for m in p.finditer(text))
    starts = []
    taken_to = -1
    for m in marks:
        for start in (m - 1, m):  # the space before the mark, the mark before a space
            at = start + 1 if start == m else start  # where the space must be
            if start >= taken_to and start >= 0 and text[at : at + 1] in (" ", "\t"):
                starts.append(start)
                taken_to = start + 2
    return starts


def symbol_spacing(ctx: Context) -> Iterator[Finding]:
    """Flags a stray space inside a document symbol: ``118/TTr- STTTT``, ``NĐ- CP``, ``57- NQ/TW``.

    A symbol is written without spaces (Nghị định 30/2020/NĐ-CP, Phụ lục I). A space after the
    hyphen is what a line break in a Word table leaves behind once the table is copied; readers
    and search engines no longer see one symbol. A line break inside a symbol (a wrapped line in
    a PDF copy) is not reported.

    Fires on: ``Tờ trình số 164/TTr- SKHCN ngày 17/12/2025``; ``Nghị quyết số 57- NQ/TW``;
    ``Nghị quyết số 202/2025/QH 15`` (the term of the National Assembly belongs to its code).

    Does not fire on: ``Tờ trình số 164/TTr-SKHCN``; ``giai đoạn 2021- 2025``.

    Message: "Ký hiệu văn bản có khoảng trắng thừa: viết '164/TTr-SKHCN' / Stray space inside
    the symbol: write '164/TTr-SKHCN'". Suggestion: the symbol without the spaces.

    Examples:
        >>> fires("KẾ HOẠCH\\nChuyển đổi số năm 2025\\n\\nTheo Tờ trình số 164/TTr- SKHCN ngày 17/12/2025.",
        ...       symbol_spacing)
        ['164/TTr- SKHCN']
        >>> fires("KẾ HOẠCH\\nChuyển đổi số năm 2025\\n\\nTheo Tờ trình số 164/TTr-SKHCN ngày 17/12/2025.",
        ...       symbol_spacing)
        []
    """
    text = ctx.text
    # Only where a space touches a hyphen or a slash can a symbol hold a stray space: the full
    # pattern runs in a window around each such place.
    seen_to = -1
    matches = []
    hints = _spaced_marks(text)
    if "QH" in text:
        hints = sorted([*hints, *(m.start() + 2 for m in _QH_TERM_SPACE_RE.finditer(text))])
    for hint in hints:
        if hint < seen_to:
            continue
        for m in SYMBOL_SPACING_RE.finditer(text, max(0, hint - 24), hint + 62):
            if m.start() >= seen_to and m.start() <= hint <= m.end():
                matches.append(m)
                seen_to = m.end()
                break
    for m in matches:
        surface = m.group()
        if " " not in surface and "\t" not in surface:
            continue
        codes = re.findall(r"[A-Za-zĐđ&]+", surface)
        if not any(len(c) >= 2 and c[:2].isupper() for c in codes):
            continue
        fixed = "".join(surface.split())
        yield ctx.finding(
            "symbol-spacing",
            m.start(),
            m.end(),
            msg(
                f"Ký hiệu văn bản có khoảng trắng thừa: viết '{fixed}'",
                f"Stray space inside the symbol: write '{fixed}'",
            ),
            suggestion=fixed,
            safe=True,
        )


_WORD_RE = re.compile(r"[^\W\d_]+")
# Characters Vietnamese adds to the Latin alphabet: a word with none of them is a loan word,
# a name or a code, which this rule leaves alone.
_VIET_MARKED = re.compile(r"[^\x00-\x7f]")
# Where words are not prose: addresses, e-mail, paths.
_NOT_PROSE = re.compile(r"(?:https?://|www\.|@|\.(?:vn|com|org|net|gov)\b)", re.IGNORECASE)


def run_together(ctx: Context) -> Iterator[Finding]:
    """Flags two syllables written without the space between them: ``vềphê duyệt``, ``đếnnăm``,
    ``Đảngvề``.

    Vietnamese writes every syllable apart. A token that is not one syllable but splits into
    two real ones (the syllable rules and the Viet74K word list of :mod:`plankit.restore_model`)
    lost its space, usually when a line break was deleted. Left alone: words without Vietnamese
    letters (loan words, codes, names such as ``Zalo``), words with capitals after the first
    letter (``TTĐT``, ``iOS``), anything inside an address (URL, e-mail), and OCR'd plans, whose
    spacing is the scanner's.

    Fires on: ``Quyết định vềphê duyệt Đề án``; ``đếnnăm 2030``; ``sự lãnh đạo của Đảngvề công tác``.

    Does not fire on: ``về phê duyệt``; ``Zalo``; ``https://dichvucong.gov.vn``.

    Message: "'vềphê' thiếu khoảng trắng: viết 'về phê' / 'vềphê' lacks a space: write 'về
    phê'". Suggestion: the two syllables with a space.

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2025\\n\\nMục tiêu đếnnăm 2030.", run_together)
        ['đếnnăm']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2025\\n\\nMục tiêu đến năm 2030.", run_together)
        []
    """
    if ctx.ocr:
        return
    text = ctx.text
    splits = run_together_words(set(text.split()))
    if not splits:
        return
    pattern = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(w) for w in sorted(splits, key=len, reverse=True))
        + r")(?!\w)"
    )
    for m in pattern.finditer(text):
        word = m.group()
        lo = text.rfind(" ", 0, m.start()) + 1
        hi = text.find(" ", m.end())
        chunk = text[lo : hi if hi != -1 else len(text)]
        if _NOT_PROSE.search(chunk):
            continue
        split = splits[word]
        fixed = f"{word[:split]} {word[split:]}"
        yield ctx.finding(
            "run-together",
            m.start(),
            m.end(),
            msg(
                f"'{word}' thiếu khoảng trắng: viết '{fixed}'",
                f"'{word}' lacks a space: write '{fixed}'",
            ),
            suggestion=fixed,
        )


# Space before a closing mark: "công vụ ." "dân , " "(Chỉ thị )" (after a letter). Not an
# ellipsis or a row of dots left for a blank ("ngày .... tháng"), not "./.", not a decimal.
SPACE_BEFORE_RE = re.compile(r"[ \t]+([,;.)])(?![.…_/])")
# The same found from the mark, one pattern per mark (a literal first, so the engine jumps from
# one mark to the next instead of trying every space): see _spaces_before.
_SPACE_BEFORE_MARK_RES = tuple(re.compile(re.escape(m) + r"(?<=[ \t].)(?![.…_/])") for m in ",;.)")
# No space after a comma or semicolon before a word: "),đề nghị", "dân,cán bộ" (after a
# letter, a closing bracket or quote). Digits are left alone (1,5 is a decimal).
NO_SPACE_AFTER_RE = re.compile(r"[,;](?=[^\W\d_])")
_NO_SPACE_AFTER_RES = (re.compile(r",(?=[^\W\d_])"), re.compile(r";(?=[^\W\d_])"))
_BEFORE_MARK = frozenset(')]"”')
# An opening bracket glued to the word before: "nhân dân(Chỉ thị" (two letters before).
NO_SPACE_BEFORE_PAREN_RE = re.compile(r"\((?=[^\W\d_])")
# A closing bracket glued to the word after: "(Chỉ thị 32)đề nghị".
NO_SPACE_AFTER_PAREN_RE = re.compile(r"\)(?=[^\W\d_])")
# An item number glued to its text at the start of a line: "2.Căn cứ", "II.MỤC TIÊU", "a)Tổ chức",
# an article of a decision "Điều 3.Chánh Văn phòng".
ITEM_NO_SPACE_RE = re.compile(
    r"^([ \t]*(?:(?:Điều|Khoản|Mục|Chương|Phần)[ \t]+)?(?:\d{1,2}|[IVX]{1,5})\.)(?=[A-ZĐÀ-Ỹ])", re.M
)
# The same after a line break ("\n" first: the engine jumps from line to line instead of trying
# "^" at every character); the first line is matched with ITEM_NO_SPACE_RE (see line_starts).
_ITEM_NO_SPACE_NL_RE = re.compile("\n" + ITEM_NO_SPACE_RE.pattern.removeprefix("^"))
# A sentence end glued to the next sentence: "công vụ.Trong năm". Two lower-case letters
# before the dot, so abbreviations ("TP.Hồ Chí Minh", "Tp.") are left alone.
SENTENCE_NO_SPACE_RE = re.compile(r"\.(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")
_LOWER_RE = re.compile(r"[a-zà-ỹđ]{3}$")


def _spaces_before(text: str) -> Iterator[tuple[int, int]]:
    """What ``SPACE_BEFORE_RE.finditer(text)`` finds, as (start, offset of the mark): from each
    mark with a space or tab before it, back to the first of the spaces."""
    for m in merged_matches(_SPACE_BEFORE_MARK_RES, text):
        at = start = m.start()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        yield start, at


def punctuation_spacing(ctx: Context) -> Iterator[Finding]:
    """Flags a space before a punctuation mark, or a missing space after one: ``công vụ .``,
    ``nhân dân(Chỉ thị``, ``32-CT/TW),đề nghị``, ``2.Căn cứ``.

    Vietnamese typography follows the Latin one: no space before ``, ; . )``, one space after
    ``, ;`` and after a closing bracket, one before an opening bracket, one after an item
    number. Left alone: dots left for a blank (``ngày .... tháng``), ``./.``, decimals (``1,5``),
    addresses and e-mail, abbreviations (``TP.Hồ Chí Minh``), OCR'd plans.

    Fires on: ``trách nhiệm công vụ .``; ``nhân dân(Chỉ thị``; ``32-CT/TW),đề nghị``;
    ``2.Căn cứ``.

    Does not fire on: ``trách nhiệm công vụ.``; ``nhân dân (Chỉ thị``; ``ngày .... tháng``;
    ``tỷ lệ 1,5%``.

    Message: "Thừa khoảng trắng trước dấu '.' / Space before '.'"; "Thiếu khoảng trắng sau dấu
    ',' / Missing space after ','"; ... Suggestion: the text with the spacing fixed.

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2020\\n\\nGiáo dục nhân dân(Chỉ thị số 32-CT/TW),đề nghị.",
        ...       punctuation_spacing)
        ['n(', '),đ']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2020\\n\\nGiáo dục nhân dân (Chỉ thị số 32-CT/TW), đề nghị.",
        ...       punctuation_spacing)
        []
    """
    if ctx.ocr:
        return
    text = ctx.text

    def prose(pos: int) -> bool:
        lo = text.rfind(" ", 0, pos) + 1
        hi = text.find(" ", pos)
        return not _NOT_PROSE.search(text[lo : hi if hi != -1 else len(text)])

    for start, at in _spaces_before(text):
        mark = text[at]
        before = text[start - 1 : start]
        if not (before.isalpha()) or not prose(at):
            continue
        yield ctx.finding(
            "punctuation-spacing",
            start,
            at + 1,
            msg(f"Thừa khoảng trắng trước dấu '{mark}'", f"Space before '{mark}'"),
            suggestion=mark,
            safe=True,
        )
    for m in merged_matches(_NO_SPACE_AFTER_RES, text):
        at = m.start()
        before = text[at - 1 : at]
        if not (before.isalpha() or before in _BEFORE_MARK) or not prose(at):
            continue
        mark = text[at]
        yield ctx.finding(
            "punctuation-spacing",
            at - 1,
            at + 2,
            msg(f"Thiếu khoảng trắng sau dấu '{mark}'", f"Missing space after '{mark}'"),
            suggestion=f"{text[at - 1]}{mark} {text[at + 1]}",
            safe=True,
        )
    for pattern, vi, en, fix in (
        (
            NO_SPACE_BEFORE_PAREN_RE,
            "Thiếu khoảng trắng trước dấu '('",
            "Missing space before '('",
            " (",
        ),
        (
            NO_SPACE_AFTER_PAREN_RE,
            "Thiếu khoảng trắng sau dấu ')'",
            "Missing space after ')'",
            ") ",
        ),
    ):
        for m in pattern.finditer(text):
            at = m.start()
            if fix == " (" and not (at >= 2 and text[at - 2 : at].isalpha()):
                continue
            if not prose(at) or (fix == ") " and text[at + 1 : at + 2] in ",;"):
                continue
            yield ctx.finding(
                "punctuation-spacing",
                at - 1 if fix == " (" else at,
                at + 1 if fix == " (" else at + 2,
                msg(vi, en),
                suggestion=(text[at - 1] + fix) if fix == " (" else (fix + text[at + 1]),
                safe=True,
            )
    for m in line_starts(ITEM_NO_SPACE_RE, _ITEM_NO_SPACE_NL_RE, text):
        yield ctx.finding(
            "punctuation-spacing",
            m.start(1),
            m.end(1) + 1,
            msg("Thiếu khoảng trắng sau số thứ tự mục", "Missing space after the item number"),
            suggestion=f"{m.group(1).strip()} {text[m.end(1)]}",
            safe=True,
        )
    for m in SENTENCE_NO_SPACE_RE.finditer(text):
        if not _LOWER_RE.search(text, max(0, m.start() - 3), m.start()) or not prose(m.start()):
            continue
        yield ctx.finding(
            "punctuation-spacing",
            m.start(),
            m.end() + 1,
            msg("Thiếu khoảng trắng sau dấu chấm", "Missing space after the full stop"),
            suggestion=". " + text[m.end()],
            safe=True,
        )


# "Việt nam" with a lower-case "nam" (folded match, checked on the original).
VIET_NAM_RE = re.compile(r"viet(?<!\wviet)[ \t]+nam(?!\w)")
# "đảng" where it names the Party: after "của", "lãnh đạo", "Điều lệ", "Cương lĩnh", "toàn",
# "đường lối", "chủ trương", and not the start of "đảng viên", "đảng bộ", "đảng ủy", "đảng phái",
# "đảng đoàn" (common nouns, written in lower case).
# (The literal "dang" first, the words before it checked on a short slice.)
PARTY_RE = re.compile(r"dang(?<!\wdang)(?!\s*(?:vien|bo|uy|phai|doan|cap|ta\w)|\w)")
PARTY_BEFORE_RE = re.compile(
    r"(?:cua|lanh\s+dao|dieu\s+le|cuong\s+linh|duong\s+loi|chu\s+truong)\s+$"
)


def proper_name_case(ctx: Context) -> Iterator[Finding]:
    """Flags a proper name written in lower case: ``Việt nam``, ``đảng`` where it names the
    Communist Party of Viet Nam.

    Every syllable of a country's name takes a capital (``Việt Nam``). ``Đảng`` takes one when
    it names the Party (``sự lãnh đạo của Đảng``, ``Điều lệ Đảng``); the common nouns ``đảng
    viên``, ``đảng bộ``, ``tổ chức đảng`` keep a lower case. All-caps lines and OCR'd plans are
    left alone.

    Fires on: ``nước Cộng hòa xã hội chủ nghĩa Việt nam``; ``dưới sự lãnh đạo của đảng``.

    Does not fire on: ``Việt Nam``; ``VIỆT NAM``; ``đảng viên``; ``của Đảng``.

    Message: "Viết hoa tên riêng: 'Việt Nam' / Proper name: write 'Việt Nam'". Suggestion: the
    capitalised name.

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2025\\n\\nDưới sự lãnh đạo của đảng, nhân dân Việt nam.",
        ...       proper_name_case)
        ['đảng', 'Việt nam']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2025\\n\\nDưới sự lãnh đạo của Đảng, đảng viên và nhân dân.",
        ...       proper_name_case)
        []
    """
    if ctx.ocr:
        return
    text, folded = ctx.text, ctx.folded
    for m in VIET_NAM_RE.finditer(folded):
        surface = text[m.start() : m.end()]
        parts = surface.split()
        if parts[0] != "Việt" or parts[1] != "nam":
            continue
        fixed = surface[:-3] + "Nam"
        yield ctx.finding(
            "proper-name-case",
            m.start(),
            m.end(),
            msg(f"Viết hoa tên riêng: '{fixed}'", f"Proper name: write '{fixed}'"),
            suggestion=fixed,
            safe=True,
        )
    for m in PARTY_RE.finditer(folded):
        s, e = m.start(), m.end()
        if text[s:e] != "đảng" or not PARTY_BEFORE_RE.search(folded, max(0, s - 20), s):
            continue
        yield ctx.finding(
            "proper-name-case",
            s,
            e,
            msg(
                "Viết hoa 'Đảng' khi chỉ Đảng Cộng sản Việt Nam",
                "Capitalise 'Đảng' when it names the Party",
            ),
            suggestion="Đảng",
        )


# A numbered heading line: "I. MỤC ĐÍCH, YÊU CẦU", "II. Mục TIÊU".
HEADING_LINE_RE = re.compile(r"^[ \t]*(?:[IVX]{1,5}|\d{1,2})[.)][ \t]+(\S[^\n]{2,100})$", re.M)
_HEADING_LINE_NL_RE = re.compile("\n" + HEADING_LINE_RE.pattern.removeprefix("^"), re.M)


def heading_case(ctx: Context) -> Iterator[Finding]:
    """Flags mixed case in a heading written in capitals: ``I. Mục TIÊU``.

    Level-1 headings are written in capitals (``I. MỤC ĐÍCH, YÊU CẦU``); a heading with some
    words in capitals and others not was half retyped. Counted are the Vietnamese words of the
    heading (acronyms such as ``CCHC``, ``PAR INDEX`` are neither): the heading is reported when
    its capitalised words are at least as many as the others. OCR'd plans are left alone.

    Fires on: ``I. Mục TIÊU``; ``II. NỘI DUNG thực hiện``.

    Does not fire on: ``I. MỤC TIÊU``; ``1. Tuyên truyền về CCHC``; ``2. Chỉ số PAR INDEX``.

    Message: "Đề mục viết hoa không đều: viết 'MỤC TIÊU' / Heading in mixed case: write 'MỤC
    TIÊU'". Suggestion: the heading in capitals.

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2025\\n\\nI. Mục TIÊU\\n1. Nội dung", heading_case)
        ['Mục TIÊU']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2025\\n\\nI. MỤC TIÊU\\n1. Tuyên truyền về CCHC", heading_case)
        []
    """
    if ctx.ocr:
        return
    from ...restore_model import is_syllable

    text = ctx.text
    for m in line_starts(HEADING_LINE_RE, _HEADING_LINE_NL_RE, text):
        title = m.group(1).rstrip()
        words = _WORD_RE.findall(title)
        upper = [w for w in words if w.isupper() and len(w) >= 2 and is_syllable(w)]
        lower = [w for w in words if not w.isupper()]
        if not upper or not lower or len(upper) < len(lower):
            continue
        yield ctx.finding(
            "heading-case",
            m.start(1),
            m.start(1) + len(title),
            msg(
                f"Đề mục viết hoa không đều: viết '{title.upper()}'",
                f"Heading in mixed case: write '{title.upper()}'",
            ),
            suggestion=title.upper(),
        )


# Acronyms of the indices plans cite (DOMAIN.md, "Indices plans mention").
_INDICES = ("PCI", "PAPI", "SIPAS", "DTI", "ICT")
ACRONYM_RE = re.compile(r"\(([A-Z]{3,6})\)")


def index_acronym(ctx: Context) -> Iterator[Finding]:
    """Flags a misspelt acronym of an index plans report on: ``(PIC)`` for ``PCI``.

    Plans set targets on PCI (Chỉ số năng lực cạnh tranh cấp tỉnh), PAPI, SIPAS, DTI and PAR
    INDEX. An acronym in brackets with the letters of one of them in another order is a slip.

    Fires on: ``Chỉ số năng lực cạnh tranh cấp tỉnh (PIC)``.

    Does not fire on: ``(PCI)``; ``(CCHC)``.

    Message: "'PIC' có lẽ là 'PCI' / 'PIC' is probably 'PCI'". Suggestion: the right acronym.

    Examples:
        >>> fires("KẾ HOẠCH\\nCải cách hành chính năm 2021\\n\\nNâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PIC).",
        ...       index_acronym)
        ['PIC']
    """
    for m in ACRONYM_RE.finditer(ctx.text):
        word = m.group(1)
        if word in _INDICES:
            continue
        right = next((i for i in _INDICES if sorted(i) == sorted(word)), None)
        if right is None:
            continue
        yield ctx.finding(
            "index-acronym",
            m.start(1),
            m.end(1),
            msg(f"'{word}' có lẽ là '{right}'", f"'{word}' is probably '{right}'"),
            suggestion=right,
        )


# Syllables that stand only inside a word, with the syllables that complete it before or after:
# "hoạch" is "kế hoạch", "quy hoạch", "thu hoạch", "hoạch định".
_BOUND = {
    "hoạch": ({"kế", "quy", "thu", "trù", "mưu"}, {"định", "toán"}),
}
_BOUND_RE = re.compile("|".join(f"{fold(b)}(?<!\\w{fold(b)})(?!\\w)" for b in _BOUND))


def bound_syllable(ctx: Context) -> Iterator[Finding]:
    """Flags a syllable that never stands alone, with the word it belongs to missing: ``về
    hoạch cải cách hành chính`` (``Kế`` dropped).

    Some syllables live only inside one word (``hoạch`` in ``kế hoạch``, ``quy hoạch``, ``thu
    hoạch``, ``hoạch định``). Alone, the syllable before it was deleted with a selection.
    OCR'd plans are left alone (a line break may split the word).

    Fires on: ``Triển khai thực hiện về hoạch cải cách hành chính năm 2025``.

    Does not fire on: ``Kế hoạch cải cách hành chính``; ``quy hoạch``; ``hoạch định chính sách``.

    Message: "'hoạch' đứng một mình: thiếu chữ (kế hoạch, quy hoạch ...?) / 'hoạch' stands alone:
    a word is missing (kế hoạch, quy hoạch ...?)".

    Examples:
        >>> fires("KẾ HOẠCH\\nCải cách hành chính năm 2025\\n\\nTriển khai về hoạch cải cách hành chính.",
        ...       bound_syllable)
        ['về hoạch']
        >>> fires("KẾ HOẠCH\\nCải cách hành chính năm 2025\\n\\nTriển khai Kế hoạch cải cách hành chính.",
        ...       bound_syllable)
        []
    """
    if ctx.ocr:
        return
    text = ctx.text
    for m in _BOUND_RE.finditer(ctx.folded):
        key = text[m.start() : m.end()].lower()
        if key not in _BOUND:
            continue
        before_ok, after_ok = _BOUND[key]
        # The word before, across a wrapped line too ("về" / "hoạch" in a PDF copy); "\Z", not
        # "$", which would match before the line break and misplace the word by one character.
        window = max(0, m.start() - 20)
        prev = re.search(r"([^\W\d_]+)\s*\Z", text[window : m.start()])
        nxt = re.match(r"[ \t]*([^\W\d_]+)", text[m.end() : m.end() + 20])
        if prev and prev.group(1).lower() in before_ok:
            continue
        if nxt and nxt.group(1).lower() in after_ok:
            continue
        if prev is None and m.start() > 0 and text[m.start() - 1] not in " \t":
            continue  # a line break before it: a wrapped word
        start = window + prev.start(1) if prev else m.start()
        words = ", ".join(sorted(f"{b} {key}" for b in before_ok if b in ("kế", "quy")))
        written = text[m.start() : m.end()]
        yield ctx.finding(
            "bound-syllable",
            start,
            m.end(),
            msg(
                f"'{written}' đứng một mình: thiếu chữ ({words} ...?)",
                f"'{written}' stands alone: a word is missing ({words} ...?)",
            ),
        )
