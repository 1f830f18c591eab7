"""Where a change inside a table cell lies in the plan text (``tables._cell_offset``): a cell's
text is its span's text with white space collapsed, and an offset into the cell text is found
in the plan text word by word. The reference below is the plain character walk."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plankit.diff.tables import _cell_offset
from plankit.model import Cell, Span


def walk(text: str, cell: Cell, local: int) -> int | None:
    """Character by character: a run of white space in the plan is one space of the cell."""
    raw, target = cell.span.slice(text), cell.text
    i, k, n = 0, 0, len(raw)
    while i < n and raw[i].isspace():
        i += 1
    while k < local:
        if i >= n:
            return None
        if raw[i].isspace():
            while i < n and raw[i].isspace():
                i += 1
            if k < len(target) and target[k] == " ":
                k += 1
                continue
            return None
        if k >= len(target) or raw[i] != target[k]:
            return None
        i += 1
        k += 1
    return cell.span.start + i


TEXT = "1 |  Dán áp phích\n  về CCHC  | Quý I "
CELL = Cell("Dán áp phích về CCHC ", Span(3, 29), None)


@pytest.mark.parametrize(("local", "offset"), [
    (0, 5),  # the leading white space is skipped
    (3, 8),  # "Dán"
    (4, 9),  # after the space: where "áp" starts
    (12, 17),  # "phích"
    (13, 20),  # after a line break and its indent
    (20, 27),  # the end of "CCHC"
    (21, 29),  # the space at the end stands for the white space before the bar
    (22, None),  # past the cell's text
])
def test_offsets_in_a_cell(local, offset):
    assert TEXT[CELL.span.start : CELL.span.end] == "  Dán áp phích\n  về CCHC  "
    assert _cell_offset(TEXT, CELL, local) == offset == walk(TEXT, CELL, local)


def test_a_cell_rebuilt_from_pieces_has_no_offset():
    cell = Cell("Dán phích về", Span(3, 29), None)
    assert [_cell_offset(TEXT, cell, k) for k in (3, 4, 5)] == [8, 9, None]


_CHARS = st.sampled_from(["a", "Đ", "ạ", ".", " ", "\t", "\n", "\u00a0", "\u2003", "|"])


@given(pre=st.text(_CHARS, max_size=4), raw=st.text(_CHARS, max_size=16), edit=st.integers(0, 3),
       at=st.integers(0, 20), end_space=st.booleans())
def test_same_offsets_as_the_character_walk(pre, raw, edit, at, end_space):
    text = pre + raw + "x"
    collapsed = " ".join(raw.split()) + (" " if end_space and raw[-1:].isspace() else "")
    if edit == 1:  # a cell rebuilt from pieces: a letter that is not in the plan text
        collapsed = collapsed[:at] + "q" + collapsed[at:]
    elif edit == 2:
        collapsed = collapsed[:at]
    cell = Cell(collapsed, Span(len(pre), len(pre) + len(raw)), None)
    for local in range(len(collapsed) + 2):
        assert _cell_offset(text, cell, local) == walk(text, cell, local)
