"""How fast :func:`plankit.extract_citations` reads plan text.

The corpus is the text of the five bundled plans (clean, Markdown, news and OCR'd), joined and
repeated to about 5 MB (1 MB with ``quick``). It is built before the clock starts; the clock
covers one call of ``extract_citations`` on the whole string, which includes folding the text,
the number scan, dates, issuers, subjects, roles and programme names. Single-threaded, so the
figure is per core.

Target: at least 5 MB/s (UTF-8 bytes) per core.

Run: ``.venv/bin/python -m benchmarks cite`` (writes results.json) or
``.venv/bin/python -m benchmarks.bench_cite``.
"""

from __future__ import annotations

import gc
import os
import platform
import time
from pathlib import Path

TARGET_MB_PER_S = 5.0
PLANS = Path(__file__).resolve().parent.parent / "plans"


def corpus(size_mb: float) -> str:
    """The bundled plans' text, repeated to about ``size_mb`` MB of UTF-8."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(PLANS.rglob("*")) if p.is_file()
             and p.suffix in (".txt", ".md") and p.name.lower() != "readme.md"]
    block = "\n\n".join(texts) + "\n\n"
    repeat = max(1, round(size_mb * 1e6 / len(block.encode("utf-8"))))
    return block * repeat


def run(quick: bool = False) -> dict:
    """Extract citations from the corpus three times; report the best MB/s."""
    from plankit.cite import extract_citations

    text = corpus(1.0 if quick else 5.0)
    size = len(text.encode("utf-8"))
    extract_citations(text[:20000])  # compile the patterns and load the vocabulary first
    best, found = float("inf"), 0
    for _ in range(1 if quick else 3):
        gc.collect()
        start = time.perf_counter()
        found = len(extract_citations(text))
        best = min(best, time.perf_counter() - start)
    rate = size / 1e6 / best
    return {
        "corpus_mb": round(size / 1e6, 2),
        "corpus_chars": len(text),
        "citations": found,
        "seconds": round(best, 3),
        "mb_per_s": round(rate, 2),
        "target_mb_per_s": TARGET_MB_PER_S,
        "meets_target": rate >= TARGET_MB_PER_S,
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
    }


if __name__ == "__main__":  # pragma: no cover
    for key, value in run().items():
        print(f"{key}: {value}")
