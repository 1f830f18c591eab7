"""The linter's faster scans find exactly what the plain patterns they replace find.

Session 5 cut lint CPU per plan by rewriting whole-text scans so the regex engine can jump to
candidates: a literal first instead of a look-behind or a set of characters, offsets from
``str.split``, one pattern per mark, a memory of the tokens already judged. Each rewrite is a
claim of equivalence; here each is checked against the pattern it replaced (written out below as
it stood before) on texts drawn from the characters and words that matter to it. The snapshot
(``python -m benchmarks.snapshot``) checks the findings themselves.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from plankit import years as Y
from plankit.agencies import word_alternation
from plankit.lint import _context as C
from plankit.lint import _words as Wd
from plankit.lint.rules import dates as D
from plankit.lint.rules import writing as W
from plankit.text import alternation


def spans(pattern: re.Pattern[str] | str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


def texts(*pieces: str, max_size: int = 40) -> st.SearchStrategy[str]:
    """Texts made of the given pieces (words, marks, white space) in any order."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


_SPACE = (" ", " ", "  ", "\t", "\n")


# -- word_alternation ---------------------------------------------------------------------------
_ALTS = st.lists(
    st.sampled_from(["ab", "a", "abc", r"b\s+a", "ba", r"c\S{0,2}a", "b?c", "ca", r"a\.?b", "aa", "x"]),
    min_size=1,
    max_size=6,
    unique=True,
)


@given(_ALTS, texts("a", "b", "c", "x", ".", "-", *_SPACE))
def test_word_alternation_matches_the_lookbehind_form(alts, text):
    assert spans(word_alternation(alts), text) == spans(r"(?<!\w)" + alternation(alts), text)
    assert spans(word_alternation(alts) + r"(?!\w)", text) == spans(
        r"(?<!\w)" + alternation(alts) + r"(?!\w)", text
    )


def test_word_alternation_puts_a_literal_first():
    assert word_alternation([r"cua\s+tinh", "cho", "bao"]) == r"(?:c(?:ua(?<!\wcua)\s+tinh|ho(?<!\wcho))|bao(?<!\wbao))"
    # no letter first: the look-behind stays in front; a quantified letter is not part of the word
    assert word_alternation(["-a", "b"]) == r"(?:(?<!\w)-a|b(?<!\wb))"
    assert word_alternation(["ab?c"]) == r"(?:a(?<!\wa)b?c)"


# -- own-province phrases -----------------------------------------------------------------------
_OWN_WORDS = (
    "tren", "dia", "ban", "cua", "cho", "toan", "nhan", "dan", "nguoi", "tinh", "thanh", "pho", "tp", "tp.",
    "ubnd", "uy", "hdnd", "hoi", "dong", "dang", "bo", "bao", "dai", "phat", "va", "truyen", "hinh", "ptth",
    "hung", "yen", "xcua", "nam",
)


@settings(max_examples=400)
@given(st.lists(st.tuples(st.sampled_from(_OWN_WORDS), st.sampled_from((*_SPACE, ", ", "(", "")))).map(
    lambda ws: "".join(w + s for w, s in ws)
))
@example("xcua tinh hung yen, cua tinh uy hung yen")
@example("ubnd  tp. hung yen (bao hung yen) dai ptth tinh")
def test_own_place_trigger_matches_the_phrase_form(text):
    assert spans(C.OWN_PLACE_TRIGGER_RE, text) == spans(C._OWN_PLACE_TRIGGER_PLAIN, text)


# -- offsets and the context's scans ------------------------------------------------------------
_MARKS = texts("a", "b", ";", ":", ".", ". ", "./.", ",", ", ", "\n", "\t", " ", "  ", "nhu sau", "so ", "xay dung")


@given(_MARKS, st.sampled_from([";", "\n", ". ", "ab"]))
def test_offsets_are_the_occurrences(text, sep):
    assert C.offsets(text, sep) == [m.start() for m in re.finditer(re.escape(sep), text)]


@settings(max_examples=400)
@given(_MARKS)
@example("a, so b xay dung; c. d./. e\tf, so xay dung nhu sau:\n")
@example("././. a.\n; ,  ubnd xay dung")
def test_breaks_segment_marks_and_clause_ends_match_the_plain_patterns(text):
    assert C.break_offsets(text) == [m.start() for m in re.finditer(r"[\n\t]", text)]
    assert C.segment_mark_offsets(text) == [
        m.start() for m in re.finditer(r"[;:.](?:(?<=\.)(?= )|(?<=[;:]))", text)
    ]
    mark = (
        r";|\./\.|\.\s|,\s*(?=(?:so|s[06&\u00a2e]|uy\s+ban|ubnd|ban|van\s+phong|trung\s+tam|chi\s+cuc)"
        r"\b[^;\n]{0,80}?\bxay\s+dung\b)"
    )
    assert C.clause_end_offsets(text) == [m.start() for m in re.finditer(f"{mark}|nhu\\s+sau", text)]


@given(texts("ke", "hoach", "ké", "k&", "quyet", "quyét", "dinh", "nghi", "quy", "chi", "thi", "chuong", "trinh",
             "thong", "tu", "bao", "luat", "xluat", "van", "ban", "de", "an", "che", *_SPACE))
def test_document_words_match_the_lookbehind_form(text):
    plain = (
        r"(?<!\w)(?:k\S{0,2}\s+hoach|quy\S{0,2}t\s+dinh|nghi\s+quy\S{0,2}t|nghi\s+dinh|chi\s+thi|chuong\s+trinh"
        r"|thong\s+tu|luat|cong\s+van|van\s+ban|de\s+an|huong\s+dan|thong\s+bao|ket\s+luan|bao\s+cao"
        r"|quy\s+dinh|quy\s+che)(?!\w)"
    )
    assert spans(C.DOCWORD_RE, text) == spans(plain, text)


# -- writing rules ------------------------------------------------------------------------------
@settings(max_examples=300)
@given(texts("a", "B", "1", "-", "/", " ", "\t", "\n", "--"))
@example(" - / -/ a- -\t/")
def test_spaced_marks_match_the_plain_pattern(text):
    assert W._spaced_marks(text) == [m.start() for m in re.finditer(r"[ \t/-](?:(?<=[ \t])[/-]|(?<=[/-])[ \t])", text)]


@given(texts("a", "đ", "1", ",", ";", ".", ")", "..", "…", "/", "_", " ", "  ", "\t", "\n"))
def test_punctuation_scans_match_the_plain_patterns(text):
    before = [(m.start(), m.start(1)) for m in re.finditer(r"[ \t]+([,;.)])(?![.…_/])", text)]
    assert list(W._spaces_before(text)) == before
    after = [m.span() for m in C.merged_matches(W._NO_SPACE_AFTER_RES, text)]
    assert after == spans(r"[,;](?=[^\W\d_])", text)


@given(texts("I", "V", "II.", "1", "2.", "12", ".", ")", "Căn", "MỤC", "tiêu", " ", "\t", "\n", "\n\n"))
def test_line_start_scans_match_the_multiline_patterns(text):
    for first, after_break in (
        (W.ITEM_NO_SPACE_RE, W._ITEM_NO_SPACE_NL_RE),
        (W.HEADING_LINE_RE, W._HEADING_LINE_NL_RE),
    ):
        found = [(m.span(1), m.group(1)) for m in C.line_starts(first, after_break, text)]
        assert found == [(m.span(1), m.group(1)) for m in first.finditer(text)]


def _splits_one_by_one(tokens: set[str]) -> dict[str, int]:
    """run-together's candidates as they were found before the token memory."""
    from plankit.restore_model import is_syllable

    known = Wd._syllables()
    words = {t for t in tokens if t.isalpha()}
    words.update(Wd._WORD_RE.findall(" ".join(t for t in tokens if not t.isalpha())))
    words = {w for w in words if len(w) >= 4 and not w.isascii()}
    out = {}
    for word in words:
        lower = word.lower()
        if lower in known or word[1:] != lower[1:] or is_syllable(word):
            continue
        split = next(
            (i for i in range(1, len(word)) if Wd._known_syllable(word[:i]) and Wd._known_syllable(word[i:])), None
        )
        if split is not None:
            out[word] = split
    return out


_TOKENS = ["vềphê", "đếnnăm", "Đảngvề", "(vềphê", "đếnnăm,", "phê", "duyệt", "Zalo", "TTĐT", "2025", "nămnăm",
           "kếhoạch", "hoạch", "Việt", "x-đếnnăm", "ĐẾNNĂM"]


@settings(max_examples=60)
@given(st.lists(st.sampled_from(_TOKENS), max_size=8).map(set))
def test_run_together_token_memory_finds_what_each_plan_found(tokens):
    assert Wd.run_together_words(tokens) == _splits_one_by_one(tokens)
    assert Wd.run_together_words(tokens) == _splits_one_by_one(tokens)  # from the memory


# -- years and dates ----------------------------------------------------------------------------
_YEAR_WORDS = texts("quy", "thang", "i", "iv", "3", "12", "/", "2025", "20251", "xquy", "ket", "qua", "bao", "cao",
                    "so", "voi", "da", "thuc", "hien", "ke", "hoach", "k&", "trong", "xtrong", "nam", *_SPACE)


@settings(max_examples=300)
@given(_YEAR_WORDS)
@example("xquy iv/2025 quy iv /2025 thang 12/ 2025 xthang 3/2025")
@example("namke hoach nam ke hoach trong nam k& hoach so 2 nam xtrong trong ")
@example("ket qua so voi da thuc hien xket qua")
def test_year_patterns_match_the_lookbehind_forms(text):
    assert sorted(m.span() for p in Y._SCHEDULE_SCANS for m in p.finditer(text)) == spans(
        r"\b(?:quy\s+[ivx\d]{1,4}|thang\s+\d{1,2})\s*/\s*(\d{4})\b", text
    )
    assert spans(Y.SCHEDULE_RE, text) == spans(r"\b(?:quy\s+[ivx\d]{1,4}|thang\s+\d{1,2})\s*/\s*(\d{4})\b", text)
    past = (
        r"(?<!\w)(?:ket\s+qua|bao\s+cao|chi\s+so|tong\s+ket|danh\s+gia|so\s+voi|xep\s+hang|dat\s+duoc"
        r"|nam\s+truoc|da\s+thuc\s+hien|da\s+trien\s+khai)(?!\w)"
    )
    assert spans(Y.PAST_RE, text) == spans(past, text)
    for i in range(len(text) + 1):  # the end-anchored ones, on every prefix
        left = text[:i]
        plan = re.search(r"(?<!\w)k\S{0,2}\s+hoach\b(?P<mid>[^;\d]{0,160})$", left)
        new = Y.PLAN_BEFORE_RE.search(left)
        assert (plan and (plan.span(), plan.group("mid"))) == (new and (new.span(), new.group("mid")))
        assert bool(Y.TRONG_BEFORE_RE.search(left)) == bool(re.search(r"(?<!\w)trong\s*$", left))


@given(texts("bo", "tri", "trong", "tu", "thuoc", "su", "dung", "can", "doi", "nguon", "kinh", "phi", "du",
             "toan", "nam", "2024", "xtu", *_SPACE))
def test_budget_phrase_matches_the_lookbehind_form(text):
    w = r"[ \t\n]+"
    plain = (
        rf"(?<!\w)(?:bo{w}tri|trong|tu|thuoc|su{w}dung|can{w}doi)(?:{w}nguon)?(?:{w}kinh{w}phi)?"
        rf"{w}du{w}toan(?:{w}[a-z]+){{0,5}}?{w}(nam{w}((?:19|20)\d\d))(?!\d)"
    )
    assert spans(D.BUDGET_YEAR_RE, text) == spans(plain, text)
