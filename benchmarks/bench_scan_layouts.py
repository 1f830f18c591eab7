"""The corpus texts' own layouts printed by LibreOffice, scanned at 200 dpi and read back: per
field, how many scans agree with the .txt's reading and with gold (``bench_scans.run_layouts``).

Run: ``.venv/bin/python -m benchmarks scan_layouts --output /tmp/x.json`` or
``.venv/bin/python -m benchmarks.bench_scan_layouts [--dpi 200,300] [--mild] [--only a,b]``.
Skips when the corpus, LibreOffice, poppler-utils or Tesseract (vie) is missing.
"""

from __future__ import annotations

import sys

from benchmarks.bench_scans import main_layouts as main
from benchmarks.bench_scans import run_layouts

__all__ = ["main", "run"]


def run(quick: bool = False) -> dict:
    return run_layouts(quick=quick)


if __name__ == "__main__":
    sys.exit(main())
