"""The ``diff`` section of ``bench_corpus``: a copy's artefacts and the redline, on real documents.

Figures over ``../shared/corpus`` (see :mod:`benchmarks.bench_corpus`), each named after what it
counts:

* ``rewrap_phantoms`` (target 0): every document compared with itself re-wrapped at 40, 60 and
  80 columns, as a PDF copy breaks its lines (table rows, tab or ``|`` cells, left whole).
* ``copy_phantoms`` (target 0): every document compared with each copy of it that
  :mod:`benchmarks.copies` makes (its ``ARTEFACTS``, which ``tests/test_read_perturb.py`` tests
  the reader under: page furniture, a blank line after each line, soft hyphens and zero-width
  characters, NFD, re-wrapping with and without hyphen breaks, the header's columns swapped, a
  portal's title and controls ...) and with :func:`word_paragraphs` (a wrapped copy's lines joined back into one
  line a paragraph, as Word's export writes them), both ways.
  ``copy_documents_with_phantoms`` counts the documents with any.

  A phantom is any change but an expected one (a carried error is text kept in both, not a
  change), any basis document added, removed or replaced, or a header field that differs.
* ``copy_redline_exact`` (target: all): the redline of each of those comparisons (document →
  copy) is exact.
* ``redline_exact_all_pairs`` (target: all): the redline of every ordered pair of documents,
  whatever their issuers; ``redline_exact`` (target: all) is the same over the pairs with the
  same issuer (the gold's ``header.issuer``), the figure of earlier sessions.

A redline is exact when its .docx, read back with an independent walk of its
``word/document.xml`` (``tests/docx_walk.py``, lxml: ``w:t``, ``w:delText``, ``w:ins``,
``w:del``, inserted paragraph marks, tracked table rows), gives the new document's text on Accept
All and the old one's on Reject All, white space aside (an OCR'd side: its restored reading,
which the redline shows).

Jobs run in parallel on all cores. ``score_diff(docs)`` is listed in ``bench_corpus.SECTIONS``;
``.venv/bin/python -m benchmarks.bench_corpus_diff`` prints it alone.
"""

from __future__ import annotations

import os
import random
import re
import tempfile
import textwrap
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

WIDTHS = (40, 60, 80)
_TESTS = Path(__file__).resolve().parents[1] / "tests"


def rewrap(text: str, width: int) -> str:
    """Break every line longer than ``width`` at spaces; table rows are left whole."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width or "\t" in line or "|" in line:
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out)


# A line break between two lines of one paragraph, when the first ends no sentence or clause
# and the next opens with a lower-case letter that is not a list marker ("a) ", "đ. ").
_BREAK = re.compile(r"(?<=[^\s.:;!?|])[ \t]*\n[ \t]*(?=(\w)(?![.)]\s))")


def word_paragraphs(text: str) -> str:
    """A wrapped copy's lines joined back into one line a paragraph, as Word's export writes a
    paragraph: a line break before a line that opens in lower case, after a line that ends no
    sentence and is not in capitals, is a space (the header's lines, a title, a list item and a
    heading stay apart).

    >>> word_paragraphs("Căn cứ Nghị định số 61/2018/NĐ-CP\\nngày 23 tháng 4 năm 2018;\\na) Mục đích")
    'Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018;\\na) Mục đích'
    """
    def join(m: re.Match) -> str:
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        # a line in capitals (the header, a title, a heading) is a paragraph of its own
        return " " if m.group(1).islower() and any(c.islower() for c in line) else m.group()

    return _BREAK.sub(join, text)


def _load(name: str):
    """A module of ``tests/`` loaded by path (the tests run with ``--import-mode=importlib``;
    the library never imports them)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, _TESTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def _walk():
    return _load("docx_walk")


@cache
def copy_artefacts() -> dict[str, Callable[[str, random.Random, dict], str]]:
    """name -> artefact(text, rng, gold): the copies :mod:`benchmarks.copies` makes (its
    ``ARTEFACTS``, the reader's tests' too), and ``word-paragraphs``."""
    from .copies import ARTEFACTS

    return {**ARTEFACTS, "word-paragraphs": lambda t, r, g: word_paragraphs(t)}


def make_copy(name: str, text: str, artefact: str, gold: dict, seed: int = 0) -> str:
    """``text`` as the copy ``artefact`` makes of it (the random choices seeded by name and seed)."""
    return copy_artefacts()[artefact](text, random.Random(f"{name}/{seed}"), gold)


def accept_and_reject(path: str | Path) -> tuple[str, str]:
    """The text of a .docx with every tracked change accepted, and with every one rejected."""
    return _walk().accept_and_reject(path)


def _flat(text: str) -> str:
    return " ".join(text.split())


def phantoms(d) -> list[str]:
    """What a diff of a document and a copy of it shows that is not the same document: any
    change but an expected one or a carried error, any basis document added, removed or
    replaced, any header field that differs."""
    found = [f"{c.kind} {_flat(c.old)[:40]!r} -> {_flat(c.new)[:40]!r}" for c in d.changes
             if c.kind not in ("expected", "carried-error")]
    found += [f"basis added {k}" for k in sorted(d.basis_added)]
    found += [f"basis removed {k}" for k in sorted(d.basis_removed)]
    found += [f"basis replaced {o} -> {n}" for o, n in d.basis_replaced]
    found += [f"header {h.name} {h.old!r} -> {h.new!r}" for h in d.header if h.kind != "same"]
    return found


def redline_wrong(d) -> list[str]:
    """How the redline of ``d`` is not exact (empty when Accept All gives the new text and
    Reject All the old one, white space aside)."""
    from plankit.diff.redline import shown_texts

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "redline.docx"
        d.to_docx(path)
        accepted, rejected = accept_and_reject(path)
    old, new = shown_texts(d)
    wrong = []
    if _flat(accepted) != _flat(new.text):
        wrong.append("Accept All is not the new text")
    if _flat(rejected) != _flat(old.text):
        wrong.append("Reject All is not the old text")
    return wrong


def _phantoms(job: tuple[str, str]) -> tuple[str, list[str]]:
    from plankit import read_text
    from plankit.diff import diff_plans

    name, text = job
    plan = read_text(text, name)
    found = []
    for width in WIDTHS:
        found += [f"re-wrap {width}: {p}" for p in phantoms(diff_plans(plan, read_text(rewrap(text, width), name)))]
    return name, found


def _copy(job: tuple[str, str, str, dict]) -> tuple[str, str, list[str], list[str]]:
    """One document against one copy of it, both ways: the phantoms, and whether the redline
    (document → copy) is exact; a copy the artefact leaves as it is counts as exact."""
    from plankit import read_text
    from plankit.diff import diff_plans

    name, text, artefact, gold = job
    copy = make_copy(name, text, artefact, gold)
    if copy == text:
        return name, artefact, [], []
    plan, other = read_text(text, name), read_text(copy, name)
    forward = diff_plans(plan, other)
    found = [f"{artefact}: {p}" for p in phantoms(forward)]
    found += [f"{artefact} (copy → document): {p}" for p in phantoms(diff_plans(other, plan))]
    return name, artefact, found, [f"{artefact}: redline {w}" for w in redline_wrong(forward)]


def _redline(job: tuple[str, str, str, str]) -> tuple[str, str, list[str]]:
    from plankit import read_text
    from plankit.diff import diff_plans

    old_name, old_text, new_name, new_text = job
    d = diff_plans(read_text(old_text, old_name), read_text(new_text, new_name))
    return old_name, new_name, [f"redline vs {old_name}: {w}" for w in redline_wrong(d)]


def _issuer(doc: Any) -> str:
    return " ".join(str((doc.gold.get("header") or {}).get("issuer") or "").split())


def score_diff(docs: list[Any]) -> dict:
    """The figures of the module doc; a document's failures are added to its ``failures``."""
    by_name = {d.name: d for d in docs}
    pairs = [(a.name, a.text, b.name, b.text) for a in docs for b in docs if a is not b]
    same_issuer = {(a.name, b.name) for a in docs for b in docs
                   if a is not b and _issuer(a) and _issuer(a) == _issuer(b)}
    artefacts = list(copy_artefacts())
    copies = [(d.name, d.text, a, d.gold) for d in docs for a in artefacts]
    workers = max(1, min(os.cpu_count() or 1, 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        rewrapped = list(pool.map(_phantoms, [(d.name, d.text) for d in docs]))
        copied = list(pool.map(_copy, copies, chunksize=4))
        redlines = list(pool.map(_redline, pairs, chunksize=4))
    total = with_phantoms = 0
    for name, found in rewrapped:
        total += len(found)
        with_phantoms += bool(found)
        by_name[name].failures.extend(found)
    copy_total = 0
    copy_docs: set[str] = set()
    copy_exact = 0
    for name, _artefact, found, wrong in copied:
        copy_total += len(found)
        if found:
            copy_docs.add(name)
        copy_exact += not wrong
        by_name[name].failures.extend(found + wrong)
    exact = exact_same = 0
    for old_name, new_name, wrong in redlines:
        exact += not wrong
        exact_same += not wrong and (old_name, new_name) in same_issuer
        by_name[new_name].failures.extend(wrong)
    meets = (total == 0 and copy_total == 0 and copy_exact == len(copies) and exact == len(pairs))
    return {
        "rewrap_widths": list(WIDTHS),
        "rewrap_phantoms": total,
        "rewrap_documents_with_phantoms": f"{with_phantoms}/{len(docs)}",
        "copy_artefacts": artefacts,
        "copy_comparisons": 2 * len(copies),
        "copy_phantoms": copy_total,
        "copy_documents_with_phantoms": f"{len(copy_docs)}/{len(docs)}",
        "copy_redline_exact": f"{copy_exact}/{len(copies)}",
        "redline_pairs": len(same_issuer),
        "redline_exact": f"{exact_same}/{len(same_issuer)}",
        "redline_all_pairs": len(pairs),
        "redline_exact_all_pairs": f"{exact}/{len(pairs)}",
        "targets": {"rewrap_phantoms": 0, "copy_phantoms": 0, "copy_redline_exact": "all",
                    "redline_exact": "all", "redline_exact_all_pairs": "all"},
        "meets_targets": meets,
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
