"""Argument types that check a value before a command starts: a bad value is one line, exit 2."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def int_range(low: int, high: int, what: str) -> Callable[[str], int]:
    """An argparse ``type`` accepting an integer in ``[low, high]``.

    >>> dpi = int_range(20, 1200, "a resolution in dots per inch")
    >>> dpi("300")
    300
    >>> dpi("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a resolution in dots per inch from 20 to 1200, got '0'
    """

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected {what} from {low} to {high}, got {text!r}")
        return value

    parse.__name__ = "integer"
    return parse
