"""Restoration's fast paths read exactly as the plain ones: pinned lines and properties.

The values below were produced by the code before the speed work (main ``ea66c77``) and are
pinned so that no shortcut in decoding, the wider context or the tokenizer changes a reading.
The lines are invented in the shape of OCR'd plans (headers with glued numbers, a symbol with
the slash read as ``I``, a basis line, Roman and lettered headings, a signer's name, an
address, a percentage, the "Nơi nhận" block).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plankit.restore import restore_text
from plankit.restore.core import _take_known
from plankit.restore.decode import _apply_context, _decode
from plankit.restore.lm import default_model
from plankit.restore.names import _flag_names, _mark_places
from plankit.restore.reference import _CODE_RE, _ends_line, looks_ocr
from plankit.restore.syllables import (
    _DEFAULT_TOKEN_RE,
    _MAY_HOLD_KEEP,
    _NO_KEEP_TOKEN_RE,
    canonical_syllable,
    is_syllable,
)
from plankit.restore.tokens import (
    _OCR_JUNK,
    _VOWELS,
    _Cands,
    _line_rules,
    _tokenize,
    _truncated,
    _word_token,
)
from plankit.text import fold

OCR_LINES = [
    ("UY BAN NHAN DAN TINH BINH PHUOC", "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"),
    ("S6:215 IKH-UBND Dong Xoai, ngay 14thdng 03 nam 2024", "Số:215/KH-UBND Đồng Xoài, ngày 14 tháng 03 năm 2024"),
    (
        "Can ctr Nghi dinh s6 45/2020/ND-CP ngay 08 thang 4 nam 2020 cua Chinh phu",
        "Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08 tháng 4 năm 2020 của Chính phủ",
    ),
    ("II. NOI DUNG TRONG TAM", "II. NỘI DUNG TRỌNG TÂM"),
    (
        "a) Tiép tuc day manh cai cach thu tuc hanh chinh, nang cao chat luong phuc vu",
        "a) Tiếp tục đẩy mạnh cải cách thủ tục hành chính, nâng cao chất lượng phục vụ",
    ),
    (
        "Giao S¢ Noi vu chu tri, phdi hop vdi cac co quan lién quan to chirc thuc hién",
        "Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan tổ chức thực hiện",
    ),
    ("Ong Nguyen Van An, Pho Chu tich UBND tinh", "Ông Nguyen Van An, Phó Chủ tịch UBND tỉnh"),
    (
        "Cong khai tai https://dichvucong.gov.vn va Cong thong tin dién tir tinh",
        "Công khai tại https://dichvucong.gov.vn và Cổng thông tin điện tử tỉnh",
    ),
    ("- Ty 1é hd so giai quyét dung han dat tir 98% tré 1én", "- Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên"),
    ("Noi nhan:", "Nơi nhận:"),
]
TEXT = "\n".join(line for line, _ in OCR_LINES)


@pytest.fixture(scope="module")
def model():
    return default_model()


def test_ocr_lines_read_as_pinned():
    assert restore_text(TEXT, ocr=True).text.split("\n") == [expected for _, expected in OCR_LINES]


@pytest.mark.parametrize(("line", "expected"), OCR_LINES)
def test_each_ocr_line_alone_reads_as_in_the_text(line, expected):
    assert restore_text(line, ocr=True).text == expected


def test_without_the_wider_context_one_word_reads_otherwise():
    # the trigram alone makes "Dong Xoai" Động: the wider context is what reads Đồng
    lines = restore_text(TEXT, ocr=True, context=False).text.split("\n")
    assert lines[1] == "Số:215/KH-UBND Động Xoài, ngày 14 tháng 03 năm 2024"
    assert lines[:1] + lines[2:] == [e for _, e in OCR_LINES[:1] + OCR_LINES[2:]]


def test_known_words_are_taken_and_read_around():
    start = TEXT.index("Dong Xoai")
    restored = restore_text(TEXT, ocr=True, known={(start, start + 4): "Đông"})
    assert restored.text.split("\n")[1] == "Số:215/KH-UBND Đông Xoài, ngày 14 tháng 03 năm 2024"
    # a known span that is no token ("Dong X") changes nothing
    assert restore_text(TEXT, ocr=True, known={(start, start + 6): "Đông X"}).text == restore_text(TEXT, ocr=True).text


# -- the fast paths against the plain ones ------------------------------------------------------

WORDS = (
    "ke", "hoach", "so", "S6", "Sb", "S¢", "vé", "va", "ban", "tinh", "dat", "tir", "tré", "1én", "cua",
    "ciia", "thtc", "hién", "chirc", "Dong", "Xoai", "Can", "ctr", "Nghi", "dinh", "2024", "14thdng",
    "03", ",", ".", ":", "-", "/", "(", ")", "II", "a", "Ong", "Nguyen", "Van", "UBND", "tai", "thong",
    "tin", "dién", "quan", "lién", "phdi", "hop", "vdi", "45/2020/ND-CP", "215", "IKH-UBND",
)


def _plain_cands(toks):
    """The tokens with each cached reading's candidates as a plain tuple (no ``folds``)."""
    for tok in toks:
        if isinstance(tok.cands, _Cands):
            tok.cands = tuple(tok.cands)
    return toks


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=20), ocr=st.booleans())
def test_context_with_cached_folds_weighs_as_folding_each_candidate(model, words, ocr):
    line = " ".join(words)
    fast = _tokenize(model, line, 0, ocr)
    plain = _plain_cands(_tokenize(model, line, 0, ocr))
    assert not any(isinstance(t.cands, _Cands) for t in plain)
    for toks in (fast, plain):
        _flag_names(model, line, 0, toks)
        _apply_context(model, toks, fold(line), 0, ocr)
    assert [t.cands for t in fast] == [t.cands for t in plain]
    assert _decode(model, fast, {}) == _decode(model, plain, {})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=20))
def test_the_glued_number_rule_needs_only_lines_with_a_glued_number(model, words):
    line = " ".join(words)
    toks = _tokenize(model, line, 0, True)
    again = _tokenize(model, line, 0, True)
    _line_rules(model, line, again, True, lead=True)  # the rule run on every line, as before
    assert [(t.surface, t.prefix, t.fixed_output, t.cands) for t in toks] == [
        (t.surface, t.prefix, t.fixed_output, t.cands) for t in again
    ]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=20), data=st.data())
def test_known_words_by_their_starts_are_those_of_every_token(model, words, data):
    line = " ".join(words)
    toks = _tokenize(model, line, 0, True)
    spans = [(t.start, t.end) for t in toks] + [(0, 1), (len(line), len(line) + 2)]
    known = {span: "x" for span in data.draw(st.lists(st.sampled_from(spans), max_size=6))}
    fast, plain = _tokenize(model, line, 0, True), _tokenize(model, line, 0, True)
    _take_known(model, fast, known, frozenset(s for s, _e in known))
    _take_known(model, plain, known)
    assert [(t.cands, t.how, t.fixed_output) for t in fast] == [(t.cands, t.how, t.fixed_output) for t in plain]
    taken = {(t.start, t.end) for t in fast if t.how == "reference"}
    assert taken == {(t.start, t.end) for t in toks if (t.start, t.end) in known and t.kind == "word" and t.fixed_output is None and not t.prefix}


# -- the token regex without its address branch, on lines that cannot hold an address ----------

PIECES = [
    "Sở", "KH&CN", "S6", "ngày", "14thdng", "215", "IKH-UBND", "45/2020/NĐ-CP", "2.1.", "TP.HCM", "Tr.12",
    "2025.Sở", "https://", "http:", "//", "www", "www.", ".", "@", "a@b", "dichvucong", ".gov", ".vn",
    ".VN", ".Vn", "gov.vn/tw/Pages", ".pdf", ".PDF", ".Docx", ".7z", ".7", ".txt", "Ke-hoach-12", "(1)",
    ":", "/", "-", "%", "¢", "I", "l", "|", "e.g", ".org", ".info", ".html", ".htm", "x.jpeg", " ",
]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), min_size=1, max_size=14), spaces=st.lists(st.booleans(), min_size=14, max_size=14))
def test_a_line_without_an_address_hint_has_the_same_tokens_without_the_address_branch(pieces, spaces):
    line = "".join(p + (" " if s else "") for p, s in zip(pieces, spaces, strict=False))
    full = [(m.span(), m.lastgroup) for m in _DEFAULT_TOKEN_RE.finditer(line)]
    if any(kind == "keep" for _span, kind in full):
        assert _MAY_HOLD_KEEP.search(line)  # every address, e-mail or file name is hinted
    if not _MAY_HOLD_KEEP.search(line):
        assert [(m.span(), m.lastgroup) for m in _NO_KEEP_TOKEN_RE.finditer(line)] == full


@pytest.mark.parametrize(
    ("line", "hinted"),
    [
        ("Công khai tại https://dichvucong.gov.vn và Cổng", True),
        ("xem www.cantho.gov.vn", True),
        ("thư điện tử: vanthu@cantho.gov.vn", True),
        ("tại vbpl.vn/tw/Pages/quyet-dinh-749", True),
        ("tệp Ke-hoach-so-12.PDF đính kèm", True),
        ("Số: 215/KH-UBND ngày 14/3/2024 tại TP.HCM, Tr.12", False),
        ("1.2. Mục tiêu năm 2025.Sở Nội vụ", False),
    ],
)
def test_the_address_hint_by_case(line, hinted):
    assert bool(_MAY_HOLD_KEEP.search(line)) is hinted
    assert any(m.lastgroup == "keep" for m in _DEFAULT_TOKEN_RE.finditer(line)) is hinted


# -- session 8: readings by word, the place pass, looks_ocr by word ------------------------------

PLACE_WORDS = (*WORDS, "tinh", "TINH", "thanh", "pho", "THANH", "PHO", "Quang", "Ngai", "NGAT", "Dak", "Lak", "Tho")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(PLACE_WORDS), min_size=1, max_size=20), ocr=st.booleans(), marked=st.booleans())
def test_words_tokenized_read_as_each_word_alone_uncached(model, words, ocr, marked):
    line = " ".join(words)
    for tok in _tokenize(model, line, 0, ocr, marked):
        if tok.kind == "word":
            assert (tok.cands, tok.how, tok.fixed_output) == _word_token.__wrapped__(model, tok.surface, ocr, marked)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(PLACE_WORDS), min_size=1, max_size=20), ocr=st.booleans())
def test_the_place_pass_given_the_folded_line_marks_as_without_it(model, words, ocr):
    line = " ".join(words)
    fast, plain = _tokenize(model, line, 0, ocr), _tokenize(model, line, 0, ocr)
    _mark_places(model, fast, ocr, fold(line))
    _mark_places(model, plain, ocr)
    assert fast == plain


def _looks_ocr_word_by_word(text, model):
    """:func:`looks_ocr` as written before its verdicts were kept by word."""
    words = bad = 0
    for m in model.token_re.finditer(text):
        if m.lastgroup != "word":
            continue
        s = m.group()
        letters = [c for c in s if c.isalpha()]
        if not letters or s.isdigit():
            continue
        words += 1
        if _CODE_RE.match(s):
            continue
        if any(c.isdigit() or c in _OCR_JUNK for c in s):
            bad += 1
        elif (all(c.isupper() for c in letters) and (
            not (_VOWELS & set(fold(s))) or s in model.acronyms or not is_syllable(s)
        )) or (_truncated(model, s) and _ends_line(text, m.end())):
            continue
        elif fold(s) not in model.variants or (not s.isascii() and canonical_syllable(s) not in model.variants[fold(s)]):
            bad += 1
    return words > 0 and bad / words >= 0.04


OCR_WORDS = (
    *WORDS, "luậ", "Việ", "tuyén", "pháp", "luật", "Hoà", "QT02", "H01", "PAPI", "CCHC", "xyz", "Tuyê", "\n", "\n", ".",
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(OCR_WORDS), min_size=1, max_size=40))
def test_looks_ocr_decides_as_word_by_word(model, words):
    text = " ".join(words)
    assert looks_ocr(text, model) == _looks_ocr_word_by_word(text, model)


@pytest.mark.parametrize(
    ("text", "ocr"),
    [
        # a word cut short at the end of a line is no damage; the same word inside a line is
        ("Căn cứ pháp luậ\nCăn cứ tỉnh Việ", False),
        ("Căn cứ pháp luậ về tỉnh Việ trong năm", True),
        ("Nang cao nhan thtc cua cong chic", True),
        ("UBND tỉnh QT02 PAPI CCHC", False),
    ],
)
def test_looks_ocr_by_case(model, text, ocr):
    assert looks_ocr(text, model) is ocr
    assert _looks_ocr_word_by_word(text, model) is ocr
