"""Argument types that check a value before a command starts: a bad value is one line, exit 2.

Each refusal reads as every other message: Vietnamese first, then the English gloss.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable


def int_range(low: int, high: int, what: str, what_vi: str) -> Callable[[str], int]:
    """An argparse ``type`` accepting an integer in ``[low, high]``.

    >>> dpi = int_range(20, 1200, "a resolution in dots per inch", "độ phân giải (dpi)")
    >>> dpi("300")
    300
    >>> dpi("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: cần độ phân giải (dpi) từ 20 đến 1200 / expected a resolution in dots per inch from 20 to 1200, got '0'
    """

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"cần {what_vi} từ {low} đến {high} / expected {what} from {low} to {high}, got {text!r}")
        return value

    parse.__name__ = "integer"
    return parse


def iso_date(text: str) -> dt.date:
    """An argparse ``type`` for a day written ``YYYY-MM-DD`` (``--today``, ``--date``, ``--on``).

    >>> iso_date("2026-01-15")
    datetime.date(2026, 1, 15)
    >>> iso_date("2026-02-30")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: không phải ngày dạng YYYY-MM-DD / expected a date as YYYY-MM-DD, got '2026-02-30'
    """
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"không phải ngày dạng YYYY-MM-DD / expected a date as YYYY-MM-DD, got {text!r}") from None


iso_date.__name__ = "date"
