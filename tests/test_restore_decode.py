"""The Viterbi search and the tokenizer's fast paths give exactly what the plain algorithm gives.

``_decode`` scores the first state ending in each word straight into the beam, looks trigrams
up per context (``Model.follow``) and skips a state that cannot win; ``_reference_decode`` below
is the search as it was written before (every state, every candidate, the old tables), the
specification the fast one must meet choice for choice, ties included.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plankit.restore.decode import _apply_context, _decode
from plankit.restore.lm import _BOS, build_model, default_model
from plankit.restore.names import _flag_names
from plankit.restore.syllables import _DEFAULT_TOKEN_RE, _NOT_PLAIN, _PLAIN_TOKEN_RE
from plankit.restore.tokens import _tokenize
from plankit.text import fold

_MASK = (1 << 20) - 1


def _reference_decode(model, toks, bonus, weight=0.0):
    """Viterbi over every state and candidate with ``tri``/``bi``/``bow_*``: the old search."""
    steps = [i for i, t in enumerate(toks) if t.cands[0][0]]
    choice = [0] * len(toks)
    if not steps:
        return choice
    bos = model.ids[_BOS]
    states = {bos << 20 | bos: 0.0}
    back = []
    for i in steps:
        pref = bonus.get(i)
        scored = [(c[3], c[2] + weight if pref is not None and c[0] == pref else c[2]) for c in toks[i].cands]
        new: dict[int, float] = {}
        bp: dict[int, tuple[int, int]] = {}
        for st_, sc in states.items():
            v = st_ & _MASK
            seen = model.bow_tri.get(st_)
            for j, (w, ch) in enumerate(scored):
                ns = v << 20 | w
                tri = model.tri.get(st_ << 20 | w)
                b = model.bi.get(ns)
                uni = model.uni_by_id[w]
                if len(scored) == 1:
                    if tri is not None:
                        lp = tri
                    elif seen is None:
                        lp = b if b is not None else model.bow_bi.get(v, 0.0) + uni
                    else:
                        lp = seen[0] + b if b is not None else seen[1] + uni
                    score = sc + ch + lp if len(states) == 1 else sc + (ch + lp)
                elif seen is None:
                    score = sc + (ch + b if b is not None else ch + model.bow_bi.get(v, 0.0) + uni)
                elif tri is not None:
                    score = sc + ch + tri
                elif b is not None:
                    score = sc + seen[0] + (ch + b)
                else:
                    score = sc + seen[1] + (ch + uni)
                if score > new.get(ns, -math.inf):
                    new[ns] = score
                    bp[ns] = (st_, j)
        if len(scored) > 1 and len(new) > 1:
            ranked = sorted(new, key=new.__getitem__, reverse=True)[:8]
            floor = new[ranked[0]] - 10.0
            new = {k: new[k] for k in ranked if new[k] >= floor}
        states = new
        back.append(bp)
    state = max(states, key=states.__getitem__)
    for n in range(len(steps) - 1, -1, -1):
        state, choice[steps[n]] = back[n][state]
    return choice


def _line_tokens(model, line, ocr=True):
    toks = _tokenize(model, line, 0, ocr)
    _flag_names(model, line, 0, toks)
    _apply_context(model, toks, fold(line), 0)
    return toks


# Plain words, OCR'd words and marks of the bundled scan, numbers: every kind of step, beams of
# many states sharing their last word, contexts with and without trigrams.
WORDS = (
    "ke", "hoach", "cai", "cach", "hanh", "chinh", "nam", "so", "ban", "tinh", "dat", "thong",
    "tin", "tuyen", "truyen", "cong", "tac", "vién", "chitc", "cua", "s6", "Sb", "thtc", "ciia",
    "cong", "chic", "va", "vé", "cac", "muc", "tieu", "noi", "dung", "trach", "nhiem", "Can", "Tho",
    "Khoa", "hoc", "HQC", "PONG", "tao", "su", "thong", "nhat", "trong", "to", "chuc", "thuc",
    "hien", "ngay", "thang", "2025", "21thdng", "01", ",", ".", ";", ":", "(", ")", "-", "/", "Uy",
    "ban", "nhan", "dan", "thanh", "pho", "Nguyen", "Van",
)


@pytest.fixture(scope="module")
def model():
    return default_model()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=24), ocr=st.booleans())
def test_decode_chooses_as_the_plain_search(model, words, ocr):
    toks = _line_tokens(model, " ".join(words), ocr)
    assert _decode(model, toks, {}) == _reference_decode(model, toks, {})


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=16), data=st.data())
def test_decode_with_reference_votes_chooses_as_the_plain_search(model, words, data):
    toks = _line_tokens(model, " ".join(words))
    bonus = {}
    for i, tok in enumerate(toks):
        if len(tok.cands) > 1 and data.draw(st.booleans()):
            bonus[i] = data.draw(st.sampled_from([c[0] for c in tok.cands]))
    weight = data.draw(st.sampled_from([0.5, 6.0]))
    assert _decode(model, toks, bonus, weight) == _reference_decode(model, toks, bonus, weight)


def test_decode_with_candidates_sharing_an_id_keeps_the_first(model):
    # two candidates the model does not know (id 0), as a reference may add: equal scores, and
    # the first of them wins, as in the plain search
    toks = _line_tokens(model, "cong tac tuyen truyen nam")
    i = next(k for k, t in enumerate(toks) if t.surface == "tuyen")
    toks[i].cands = [*toks[i].cands, ("tuyềnx", "tuyềnx", 0.0, 0), ("tuyễnx", "tuyễnx", 0.0, 0)]
    n = len(toks[i].cands)
    for bonus in ({i: "tuyềnx"}, {i: "tuyên"}):
        choice = _decode(model, toks, bonus, 40.0)
        assert choice == _reference_decode(model, toks, bonus, 40.0)
    assert _decode(model, toks, {i: "tuyềnx"}, 40.0)[i] == n - 2
    toks[i].cands = [*toks[i].cands[:-2], ("tuyễnx", "tuyễnx", 0.0, 0), ("tuyềnx", "tuyềnx", 0.0, 0)]
    assert _decode(model, toks, {i: "tuyên"}, 40.0) == _reference_decode(model, toks, {i: "tuyên"}, 40.0)


def test_decode_on_the_bundled_scan_chooses_as_the_plain_search(model):
    text = (
        "Can ctr Quyét dinh s6 4168/QD-UBND ngay\n"
        "cao nhan thtc cua cong chic, vién chitc vé cac muyc tiéu, noi\n"
        "trong t6 chirc thue hién Ké hoach cong tic CCHC cua thanh phd va caa\n"
        "Cong tac thong tin, tuyén truyén cai cach hanh chinh nim 2025"
    )
    for line in text.split("\n"):
        toks = _line_tokens(model, line)
        assert _decode(model, toks, {}) == _reference_decode(model, toks, {})


def test_follow_holds_every_trigram_by_its_context():
    m = build_model(["Sở Khoa học và Công nghệ thành phố Cần Thơ", "Khoa học và Công nghệ"], bundled=False,
                    wordlist=False, corpus=False, places=False, admin=False, vocabulary=False, register=False)
    assert set(m.follow) == set(m.bow_tri)
    assert {(uv << 20 | w): lp for uv, (_a, _b, ws) in m.follow.items() for w, lp in ws.items()} == dict(m.tri)
    assert all(m.follow[uv][:2] == m.bow_tri[uv] for uv in m.bow_tri)
    kh, hoc, va = m.ids["khoa"], m.ids["học"], m.ids["và"]
    assert m.follow[kh << 20 | hoc][2] == {va: m.tri[kh << 40 | hoc << 20 | va]}


# Lines without a digit, ".", ":" or "@" go through the word-and-mark regex: the same tokens.
PLAIN_CHARS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĐÊƠƯ áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệóòỏõọốồổỗộớờởỡợúùủũụứừửữự¢€¥&'-,;()!?/\"*–"


@settings(max_examples=300, deadline=None)
@given(line=st.text(alphabet=PLAIN_CHARS, max_size=60))
def test_plain_lines_tokenize_as_with_the_full_regex(line):
    assert not _NOT_PLAIN.search(line)
    full = [(m.span(), m.lastgroup) for m in _DEFAULT_TOKEN_RE.finditer(line)]
    assert [(m.span(), m.lastgroup) for m in _PLAIN_TOKEN_RE.finditer(line)] == full


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("Cong tac thong tin, tuyén truyén", True),
        ("S¢ Khoa hoc & Cong nghé - Thanh pho", True),
        ("S6:137 IKH-SKHCN", False),  # a digit, a colon: the full regex
        ("vbpl.vn/tw", False),  # an address has a dot
        ("lienhe@cantho.gov.vn", False),
        ("ngay 21thdng 01", False),
    ],
)
def test_which_lines_are_plain(line, plain):
    assert (_NOT_PLAIN.search(line) is None) is plain


def test_a_line_tokenizes_the_same_through_either_regex(model):
    line = "S¢ Khoa hoc & Cong nghé xdy dung Ké hoach (CCHC) - tuyén truyén/phé bién"
    toks = _tokenize(model, line, 0, True)
    assert [(t.surface, t.start, t.end, t.kind) for t in toks] == [
        (m.group(), m.start(), m.end(), m.lastgroup) for m in _DEFAULT_TOKEN_RE.finditer(line)
    ]
    assert [t.surface for t in toks][:6] == ["S¢", "Khoa", "hoc", "&", "Cong", "nghé"]
