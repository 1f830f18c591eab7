"""The reader's fast paths give what the plain ones give (the speed work of session 5).

Each fast path is checked against the slow form it replaced, on text drawn to hit its edges:
folding through the 8-bit code against the per-character table, the word counts of
``sniff_form`` on bytes against the regex, the greedy heading patterns against the lazy ones,
and ``fast_init`` against the dataclass-generated ``__init__``.
"""

from __future__ import annotations

import dataclasses
import inspect
import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit.model import Block, Cell, Citation, Finding, Section, SourceRef, Span
from plankit.read import read_text
from plankit.read._text import _word_counts, _words
from plankit.read._units import ARABIC, LETTER, ROMAN
from plankit.text import _CODED, _fold_table, fast_init, fold

# Characters of the 8-bit code, and others around them: a dash outside it (U+2012), a
# Cyrillic letter, a lone combining mark, a look-alike of Đ, a wide space, an emoji, a
# letter whose lower case is two characters, a control character.
_OUTSIDE = "‒Жж\u0301Ðð\u3000😀İ\x01\ufffe"
_MIXED = st.text(alphabet=st.sampled_from(_CODED[1:] + _OUTSIDE), max_size=300)


@given(_MIXED)
@settings(max_examples=400)
def test_fold_through_the_code_is_the_table_fold(text):
    assert fold(text) == _fold_table(text)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Căn cứ Nghị quyết số 76/NQ-CP – giai đoạn 2021–2025", "can cu nghi quyet so 76/nq-cp – giai doan 2021–2025"),
        ("ĐẢNG ỦY Ж Đảng ủy Ж Đảng ủy Ж Đảng ủy Ж Đảng ủy Ж Đảng ủy Ж Đảng ủy Ж Đảng ủy Ж Đảng ủy Ж Đảng ủy Ж Đảng ủy Ж Đảng ủy Ж Đảng ủy Ж x",
         "dang uy ж dang uy ж dang uy ж dang uy ж dang uy ж dang uy ж dang uy ж dang uy ж dang uy ж dang uy ж dang uy ж dang uy ж dang uy ж x"),
        ("Ðà Nẵng, ngày 01 tháng 3 năm 2025\u3000(bản sao)", "da nang, ngay 01 thang 3 nam 2025\u3000(ban sao)"),
    ],
)
def test_fold_examples(text, folded):
    """A text with a dozen runs outside the code (the Cyrillic letters) and one with a
    look-alike of Đ and a wide space: folded one character for one character."""
    assert fold(text) == folded == _fold_table(text)


def _regex_counts(text: str) -> tuple[int, int]:
    words = _words(text)
    return len(words), len(words) - sum(map(str.isascii, words))


@given(st.text(alphabet=st.sampled_from("aZ ếởàạđĐăƯ–…“Жβ12_\t\n.,\u0301\u00a0😀ǅ"), max_size=60))
@settings(max_examples=400)
def test_word_counts_on_bytes_are_the_regex_counts(text):
    assert _word_counts(text) == _regex_counts(text)


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Kế hoạch số 12/KH – ở Hà Nội", (6, 5)),  # "ở" is one letter: no word
        ("Ke hoach so 12/KH o Ha Noi", (6, 0)),  # OCR without diacritics
        ("Kế hoạch Жизнь", (3, 3)),  # another alphabet: counted by the Unicode regex
        ("", (0, 0)),
    ],
)
def test_word_counts(text, counts):
    assert _word_counts(text) == counts == _regex_counts(text)


# The heading patterns as they were written before (lazy title), for comparison.
_LAZY = {
    "ROMAN": (ROMAN, re.compile(r"^[\s#*]*(?P<num>[ivxl1|]{1,5})\s*\.\s+(?P<title>.+?)[\s*]*$")),
    "ARABIC": (ARABIC, re.compile(r"^[\s#*]*(?P<num>\d{1,2})\s*[.)]\s+(?P<title>\S.*?)[\s*]*$")),
    "LETTER": (LETTER, re.compile(r"^[\s#*]*(?P<num>[a-gđ])\s*[).]\s+(?P<title>\S.*?)[\s*]*$")),
}


@pytest.mark.parametrize("name", sorted(_LAZY))
@given(st.text(alphabet=st.sampled_from("iv1|.)2ađx* #\n\t-"), max_size=16))
@settings(max_examples=300)
def test_greedy_heading_patterns_match_as_the_lazy_ones(name, text):
    greedy, lazy = _LAZY[name]
    a, b = greedy.match(text), lazy.match(text)
    assert (a is None) == (b is None)
    if a is not None:
        assert (a.span(), a.span("num"), a.span("title")) == (b.span(), b.span("num"), b.span("title"))


@pytest.mark.parametrize(
    ("pattern", "line", "title"),
    [
        (ROMAN, "## **I. MỤC ĐÍCH, YÊU CẦU**  ", "MỤC ĐÍCH, YÊU CẦU"),
        (ARABIC, "1. **Mục đích**", "**Mục đích"),
        (LETTER, "b) Tăng cường công tác tuyên truyền *", "Tăng cường công tác tuyên truyền"),
    ],
)
def test_heading_titles(pattern, line, title):
    m = pattern.match(fold(line))
    assert line[m.start("title") : m.end("title")] == title


@pytest.mark.parametrize(
    ("cls", "args"),
    [
        (Span, (3, 9)),
        (SourceRef, ("cell",)),
        (Block, ("basis", "Căn cứ", Span(0, 6), SourceRef("line", line=1))),
        (Cell, ("Sở Tư pháp", Span(4, 14), SourceRef("cell", table=0, row=1, column=2))),
        (Section, ("I", "MỤC ĐÍCH", 1, Span(0, 40), Span(0, 11))),
        (Citation, ("76/nq-cp", "Nghị quyết", "76", None, "NQ-CP")),
        (Finding, ("PK101", "stale-year", "error", "m", Span(1, 2), 1, 2, "năm 2024")),
    ],
)
def test_fast_init_keeps_the_dataclass(cls, args):
    """Same parameters and defaults as the generated __init__, a value equal to one built field
    by field, still frozen, and replace and pickle work."""
    fields = dataclasses.fields(cls)
    assert [p for p in inspect.signature(cls.__init__).parameters][1:] == [f.name for f in fields]
    value = cls(*args)
    for f, arg in zip(fields, args, strict=False):
        assert getattr(value, f.name) == arg
    for f in fields[len(args) :]:
        assert getattr(value, f.name) == f.default
    assert cls(**{f.name: getattr(value, f.name) for f in fields}) == value
    assert pickle.loads(pickle.dumps(value)) == value
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, fields[0].name, args[0])
    first = fields[0].name
    assert getattr(dataclasses.replace(value, **{first: args[0]}), first) == args[0]


def test_fast_init_refuses_what_it_cannot_copy():
    @dataclasses.dataclass(frozen=True)
    class WithFactory:
        items: list = dataclasses.field(default_factory=list)

    @dataclasses.dataclass
    class NotFrozen:
        x: int

    for cls in (WithFactory, NotFrozen):
        with pytest.raises(TypeError, match="fast_init"):
            fast_init(cls)


def test_plan_folded_is_the_fold_of_its_text_and_is_not_pickled():
    plan = read_text("KẾ HOẠCH\nCăn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;")
    assert "folded" in plan.__dict__  # kept by the reader
    assert plan.folded == fold(plan.text) == "ke hoach\ncan cu nghi quyet so 76/nq-cp ngay 15/7/2021 cua chinh phu;"
    copy = pickle.loads(pickle.dumps(plan))
    assert "folded" not in copy.__dict__ and copy == plan
    assert copy.folded == plan.folded  # computed again on first use
    changed = plan.with_(text=plan.text.upper())
    assert changed.folded == fold(changed.text)
