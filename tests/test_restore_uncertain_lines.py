"""``Restored.uncertain_lines``: a word read as it stands is said to be kept, not shown as a
change to itself (the trial's "Bắc -> Bắc (80%; Bạc 20%)": the same code points both sides)."""

from __future__ import annotations

import pytest

from plankit.restore import restore_text

CASES = [
    # (text, ocr, the uncertain lines up to their alternatives)
    ("Bắc", True, ["1:1 Bắc (giữ nguyên, kept as read: 80%"]),
    ("Bac", None, ["1:1 Bac -> Bắc (80%"]),
    ("Ong Tran Van Ba", None, ["1:5 Tran -> Tran (tên người, name: kept as typed", "1:10 Van -> Van (tên người, name: kept as typed", "1:14 Ba -> Ba (tên người, name: kept as typed"]),
    ("Ke hoach\nBắc", True, ["2:1 Bắc (giữ nguyên, kept as read: 80%"]),
]


@pytest.mark.parametrize(("text", "ocr", "expected"), CASES)
def test_uncertain_lines(text, ocr, expected):
    assert [line.split(";")[0] for line in restore_text(text, ocr=ocr).uncertain_lines()] == expected


def test_a_kept_word_is_the_same_code_points():
    """What is said to be kept is kept: the output token is the input token, character for character."""
    (tok,) = restore_text("Bắc", ocr=True).uncertain
    assert (tok.surface, tok.output, tok.changed) == ("Bắc", "Bắc", False)
