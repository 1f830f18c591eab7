"""restore_text takes time linear in its input, on ordinary and on hostile text (issue 22).

Each case builds a text of size ``n`` and of ``4 n`` and asserts, through the ``assert_linear``
fixture (tests/scaling.py), that the larger costs under 6 times the CPU time of the smaller
(linear work is about 4 times; quadratic work 16 times). The hostile shapes are those that
were quadratic: a run of hyphen-, dot- or parenthesis-joined letters with no space (the
address and file-name patterns of the tokenizer tried every character of the run as a start),
and a line of many slash-joined words (each part was decoded by a Viterbi pass of the whole
line). The sizes keep the whole module to a few seconds.
"""

from __future__ import annotations

import pytest

from plankit.restore import restore_text
from plankit.restore_model import default_model

ORDINARY = "Ke hoach tuyen truyen cai cach hanh chinh nam 2025 cua Uy ban nhan dan tinh.\n"

CASES = {
    "ordinary lines": lambda n: ORDINARY * n,
    "one long line": lambda n: ORDINARY.strip() * n,
    "no spaces": lambda n: "kehoachtuyentruyencaicach" * (4 * n),
    "one repeated word": lambda n: "nam " * (12 * n),
    "many slashes": lambda n: "xa/phuong/thi tran/" * (4 * n),
    "hyphen chain": lambda n: "kinh-te-xa-hoi-" * (4 * n),
    "dot chain": lambda n: "a.b." * (12 * n),
    "parenthesis chain": lambda n: "a(b(" * (12 * n),
    "OCR damage": lambda n: "Cong tac thong tin, tuyén truyén nim 2025 s6 c6ng chic\n" * n,
}


@pytest.fixture(scope="module")
def model():
    return default_model()


@pytest.mark.parametrize("make", list(CASES.values()), ids=list(CASES))
def test_restore_text_scales_linearly(assert_linear, model, make):
    assert_linear(make, lambda text: restore_text(text, model=model), size=12)


def test_hostile_runs_stay_whole_and_untouched():
    """The inputs of the hostile cases come back with every character in place."""
    for make in (CASES["hyphen chain"], CASES["dot chain"], CASES["parenthesis chain"]):
        text = make(3)
        out = restore_text(text).text
        assert len(out) == len(text)
    assert restore_text("xa/phuong/thi tran/" * 2).text == "xã/phường/thị trấn/xã/phường/thị trấn/"


def test_uncertain_lines_on_a_long_text():
    """Line and column of each uncertain word, found without rescanning the text per word."""
    r = restore_text("Ke hoach nam 2025\n" * 200 + "Ong Tran Van Ba")
    assert [line.split(" (")[0] for line in r.uncertain_lines()] == [
        "201:5 Tran -> Tran",
        "201:10 Van -> Van",
        "201:14 Ba -> Ba",
    ]
