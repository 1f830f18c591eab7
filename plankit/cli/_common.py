"""Helpers shared by the subcommands: output formats and help examples."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any


def add_format(parser: argparse.ArgumentParser, choices: Iterable[str], default: str) -> None:
    """Add ``--format`` with the given choices."""
    parser.add_argument("--format", choices=list(choices), default=default, help=f"output format (default: {default})")


def print_json(value: Any) -> None:
    """Print ``value`` as indented UTF-8 JSON (dates as ISO strings)."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_frame(frame: Any, fmt: str) -> None:
    """Print a DataFrame as an aligned table, CSV or JSON records."""
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        print_json(json.loads(frame.to_json(orient="records", force_ascii=False, date_format="iso")))
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 200, "display.max_colwidth", 48):
            print(frame.astype(object).where(frame.notna(), "").to_string(index=False))


def example(text: str) -> str:
    """An epilog that ends ``--help`` with an example."""
    return f"Example:\n  {text}"
