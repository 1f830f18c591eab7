"""The ``diff`` section of ``bench_corpus``: line breaks and the redline, on real documents.

Two figures over ``../shared/corpus`` (see :mod:`benchmarks.bench_corpus`):

* ``rewrap_phantoms`` (target 0): every document compared with itself re-wrapped at 40, 60 and
  80 columns, as a PDF copy breaks its lines (table rows, tab or ``|`` cells, left whole). A
  phantom is any change but an expected one (a carried error is text kept in both, not a
  change), or any basis document added, removed or replaced.
* ``redline_exact`` (target: all): for every pair of documents with the same issuer (the gold's
  ``header.issuer``), both ways, the redline .docx read back with an independent walk of its
  ``word/document.xml`` (``tests/docx_walk.py``, lxml: ``w:t``, ``w:delText``, ``w:ins``,
  ``w:del``, inserted paragraph marks, tracked table rows): Accept All must give the new
  document's text and Reject All the old one's, white space aside (an OCR'd side: its restored
  reading, which the redline shows).

Documents run in parallel on all cores. ``score_diff(docs)`` is listed in
``bench_corpus.SECTIONS``; ``.venv/bin/python -m benchmarks.bench_corpus_diff`` prints it alone.
"""

from __future__ import annotations

import os
import tempfile
import textwrap
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

WIDTHS = (40, 60, 80)


def rewrap(text: str, width: int) -> str:
    """Break every line longer than ``width`` at spaces; table rows are left whole."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width or "\t" in line or "|" in line:
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out)


def _walk():
    """The independent .docx walk the tests use (``tests/docx_walk.py``, loaded by path: the
    library never imports tests)."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "tests" / "docx_walk.py"
    spec = importlib.util.spec_from_file_location("docx_walk", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def accept_and_reject(path: str | Path) -> tuple[str, str]:
    """The text of a .docx with every tracked change accepted, and with every one rejected."""
    return _walk().accept_and_reject(path)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _phantoms(job: tuple[str, str]) -> tuple[str, list[str]]:
    from plankit import read_text
    from plankit.diff import diff_plans

    name, text = job
    plan = read_text(text, name)
    found = []
    for width in WIDTHS:
        d = diff_plans(plan, read_text(rewrap(text, width), name))
        for c in d.changes:
            if c.kind not in ("expected", "carried-error"):
                found.append(f"re-wrap {width}: {c.kind} {_flat(c.old)[:40]!r} -> {_flat(c.new)[:40]!r}")
        found += [f"re-wrap {width}: basis added {k}" for k in sorted(d.basis_added)]
        found += [f"re-wrap {width}: basis removed {k}" for k in sorted(d.basis_removed)]
        found += [f"re-wrap {width}: basis replaced {o} -> {n}" for o, n in d.basis_replaced]
    return name, found


def _redline(job: tuple[str, str, str, str]) -> tuple[str, str, list[str]]:
    from plankit import read_text
    from plankit.diff import diff_plans
    from plankit.diff.redline import shown_texts

    old_name, old_text, new_name, new_text = job
    d = diff_plans(read_text(old_text, old_name), read_text(new_text, new_name))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "redline.docx"
        d.to_docx(path)
        accepted, rejected = accept_and_reject(path)
    old, new = shown_texts(d)
    wrong = []
    if _flat(accepted) != _flat(new.text):
        wrong.append(f"redline vs {old_name}: Accept All is not the new text")
    if _flat(rejected) != _flat(old.text):
        wrong.append(f"redline vs {old_name}: Reject All is not the old text")
    return old_name, new_name, wrong


def score_diff(docs: list[Any]) -> dict:
    """Re-wrap phantoms over every document and redline exactness over every same-issuer pair
    (see the module doc); a document's failures are added to its ``failures``."""
    by_name = {d.name: d for d in docs}
    groups: dict[str, list[Any]] = defaultdict(list)
    for d in docs:
        issuer = " ".join(str((d.gold.get("header") or {}).get("issuer") or "").split())
        if issuer:
            groups[issuer].append(d)
    pairs = [(a.name, a.text, b.name, b.text) for g in groups.values() for a in g for b in g if a is not b]
    workers = max(1, min(os.cpu_count() or 1, 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        phantoms = list(pool.map(_phantoms, [(d.name, d.text) for d in docs]))
        redlines = list(pool.map(_redline, pairs))
    total = 0
    with_phantoms = 0
    for name, found in phantoms:
        total += len(found)
        with_phantoms += bool(found)
        by_name[name].failures.extend(found)
    exact = 0
    for _old, new_name, wrong in redlines:
        exact += not wrong
        by_name[new_name].failures.extend(wrong)
    return {
        "rewrap_widths": list(WIDTHS),
        "rewrap_phantoms": total,
        "rewrap_documents_with_phantoms": f"{with_phantoms}/{len(docs)}",
        "redline_pairs": len(pairs),
        "redline_exact": f"{exact}/{len(pairs)}",
        "targets": {"rewrap_phantoms": 0, "redline_exact": "all"},
        "meets_targets": total == 0 and exact == len(pairs),
    }


def run(quick: bool = False) -> dict:
    """The diff section alone (``bench_corpus`` runs it with the others)."""
    from benchmarks.bench_corpus import CORPUS, load_corpus

    docs = load_corpus(CORPUS)
    if not docs:
        return {"skipped": f"no corpus at {CORPUS}"}
    out = score_diff(docs)
    out["failures"] = {d.name: d.failures for d in docs if d.failures}
    return out


if __name__ == "__main__":  # pragma: no cover
    import json

    print(json.dumps(run(), ensure_ascii=False, indent=2))
