"""How well plankit reads real documents: the development corpus in ``../shared/corpus``.

The corpus holds openings of real Vietnamese administrative documents (plans, the decisions that
issue them, ministry and party documents, portal news posts) with a hand-made ``gold.json`` (see
its README). Every document is read with :func:`plankit.read_text` and scored against its gold,
section by section:

* ``header``: the fields number, symbol, date, place, issuer and year, each right or wrong
  (strings compared folded, ``UBND`` spelled out, separators in symbols ignored);
* ``citations``: precision, recall and F1 of the cited documents, the document's own number
  (role ``self``) and implicit programme mentions apart; like the gold, a document cited twice
  counts once, and a found citation matches a gold one when number, symbol (separators
  ignored) and the year a number carries agree, read canonically or as printed (gold keeps a
  malformed number as printed: ``Nghị quyết 06/TU``, which plankit reads as 06-NQ/TU);
* ``basis``: of the matched citations, how many carry the gold role (``basis`` when any of the
  document's occurrences is in the basis, else ``mention``).

Other sections (``diff``, ``lint``) are added by their owners as functions
``score_<name>(docs) -> dict`` listed in :data:`SECTIONS`; each takes the loaded documents
(:func:`load_corpus`: text, gold and the plan read once) and returns its figures.

Run: ``.venv/bin/python -m benchmarks corpus`` (merges into results.json) or
``.venv/bin/python -m benchmarks.bench_corpus`` (prints, and ``--failures`` lists what is wrong).
Skips (``{"skipped": ...}``) when the corpus is absent.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any


def _find_corpus() -> Path:
    """``$PLANKIT_CORPUS``, else ``../shared/corpus`` next to the repository (or to the folder
    holding a git worktree of it, such as ``wt/<branch>``)."""
    env = os.environ.get("PLANKIT_CORPUS")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[1]
    for base in (repo, repo.parent):
        candidate = base / ".." / "shared" / "corpus"
        if (candidate / "gold.json").is_file():
            return candidate
    return repo / ".." / "shared" / "corpus"


CORPUS = _find_corpus()
HEADER_FIELDS = ("number", "symbol", "date", "place", "issuer", "year")

#: Targets of issue 13 on the development corpus.
TARGETS = {"header_accuracy": 0.98, "citation_f1": 0.98, "basis_accuracy": 0.97}

#: The figures before issue 13 (main at ef1f231, 2026-12-06), to report gains and losses against.
BASELINE = {
    "header_accuracy": 0.50,
    "per_field": {"number": "24/31", "symbol": "23/31", "date": "12/31", "place": "16/31",
                  "issuer": "0/31", "year": "18/31"},
    "citation_precision": 0.8835,
    "citation_recall": 0.9579,
    "citation_f1": 0.9192,
    "basis_accuracy": 0.6484,
}


@dataclass
class Doc:
    """One corpus document: its file name, text and gold, and the plan read from it (once)."""

    name: str
    text: str
    gold: dict[str, Any]
    failures: list[str] = field(default_factory=list)

    @cached_property
    def plan(self):
        from plankit import read_text

        return read_text(self.text, self.name)


def load_corpus(root: Path = CORPUS) -> list[Doc]:
    """Every document of the corpus with its gold, in file order; ``[]`` when it is absent."""
    gold_path = root / "gold.json"
    if not gold_path.is_file():
        return []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    docs = []
    for name in sorted(gold):
        path = root / name
        if path.is_file():
            docs.append(Doc(name, path.read_text(encoding="utf-8"), gold[name]))
    return docs


# -- comparing values --------------------------------------------------------------------------


def _fold(value: Any) -> str:
    from plankit.text import fold

    text = fold(str(value))
    text = re.sub(r"\bubnd\b", "uy ban nhan dan", text)
    text = re.sub(r"\btp\.\s*", "thanh pho ", text)
    return " ".join(text.replace(",", " ").split())


def _symbol_key(value: str | None) -> str | None:
    """``KH/BCĐTW``, ``KH-BCĐTW`` and ``KH - BCĐTW`` are one symbol here."""
    return None if value is None else re.sub(r"[\s/\-]", "", _fold(value))


def _number_key(value: str | None) -> str | None:
    return None if value is None else _fold(value)


def _date_value(plan) -> str | None:
    h = plan.header
    if h.date is not None:
        return h.date.isoformat()
    p = h.date_parts
    if p.year and p.month:
        return f"{p.year:04d}-{p.month:02d}"
    return str(p.year) if p.year else None


def _header_value(plan, name: str) -> Any:
    h = plan.header
    if name == "date":
        return _date_value(plan)
    return getattr(h, name)


def _same(name: str, found: Any, gold: Any) -> bool:
    if found is None or gold is None:
        return found is None and gold is None
    if name == "symbol":
        return _symbol_key(found) == _symbol_key(gold)
    if name == "year":
        return int(found) == int(gold)
    return _fold(found) == _fold(gold)


# -- sections ----------------------------------------------------------------------------------


def score_header(docs: list[Doc]) -> dict:
    """Accuracy of the header fields, overall and per field."""
    right = {f: 0 for f in HEADER_FIELDS}
    for doc in docs:
        gold = doc.gold["header"]
        for f in HEADER_FIELDS:
            found = _header_value(doc.plan, f)
            if _same(f, found, gold.get(f)):
                right[f] += 1
            else:
                doc.failures.append(f"header {f}: found {found!r}, gold {gold.get(f)!r}")
    n = len(docs)
    total = sum(right.values())
    return {
        "documents": n,
        "header_accuracy": round(total / (n * len(HEADER_FIELDS)), 4) if n else None,
        "per_field": {f: f"{right[f]}/{n}" for f in HEADER_FIELDS},
    }


def _cite_key(number: str | None, symbol: str | None, year: Any) -> tuple:
    return (_number_key(number), _symbol_key(symbol), str(year) if year else None)


def _found_key(c) -> tuple:
    year = c.year if c.key.count("/") >= 2 else None  # only a year the number carries
    return _cite_key(c.number, c.symbol, year)


def _written_key(c) -> tuple | None:
    """The key of a citation as printed: gold keeps a malformed number as printed (``Nghị quyết
    06/TU``, its correction in a defect) where plankit reads the canonical one (06-NQ/TU)."""
    m = re.fullmatch(r"(\d+[a-zA-Z]?)[-/](?:(\d{4})/)?(.+)", re.sub(r"\s", "", c.raw))
    return _cite_key(m.group(1), m.group(3), m.group(2)) if m else None


def _distinct(doc: Doc) -> dict[tuple, Any]:
    """The documents the plan cites, once each (as gold lists them): key -> the citation that
    speaks for it (a basis occurrence if any, else the first)."""
    out: dict[tuple, Any] = {}
    for c in doc.plan.citations:
        if c.role == "self" or c.implicit:
            continue
        key = _found_key(c)
        if key not in out or (c.role == "basis" and out[key].role != "basis"):
            out[key] = c
    return out


def _matches(doc: Doc) -> tuple[list[tuple[dict, Any]], list[Any], list[dict]]:
    """(matched gold/found pairs, found citations with no gold, gold citations not found).

    Gold lists every cited document once; so does the comparison: a document cited three times
    is one citation, whose role is ``basis`` when any of its occurrences is.
    """
    found = _distinct(doc)
    pairs, missed = [], []
    for g in doc.gold["citations"]:
        key = _cite_key(g["number"], g["symbol"], g.get("year"))
        hit = found.pop(key, None)
        if hit is None:  # the number as printed, when gold keeps it so
            written = next((k for k, c in found.items() if _written_key(c) == key), None)
            hit = found.pop(written, None) if written is not None else None
        if hit is None:
            missed.append(g)
        else:
            pairs.append((g, hit))
    return pairs, list(found.values()), missed


def score_citations(docs: list[Doc]) -> dict:
    """Precision, recall and F1 of the cited documents, and the accuracy of their roles."""
    tp = fp = fn = 0
    roles_right = roles = 0
    for doc in docs:
        pairs, extra, missed = _matches(doc)
        tp += len(pairs)
        fp += len(extra)
        fn += len(missed)
        for c in extra:
            doc.failures.append(f"citation extra: {c.key} at {c.span.start} ({c.raw!r})")
        for g in missed:
            doc.failures.append(f"citation missed: {g['surface']!r} at {g['offset']}")
        for g, c in pairs:
            roles += 1
            if c.role == g["role"]:
                roles_right += 1
            else:
                doc.failures.append(f"role of {c.key} at {c.span.start}: found {c.role}, gold {g['role']}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "citations_gold": tp + fn,
        "citations_found": tp + fp,
        "citation_precision": round(precision, 4),
        "citation_recall": round(recall, 4),
        "citation_f1": round(f1, 4),
        "basis_accuracy": round(roles_right / roles, 4) if roles else None,
        "roles_right": f"{roles_right}/{roles}",
    }


def score_diff(docs: list[Doc]) -> dict:
    """Re-wrap phantoms and redline exactness (:mod:`benchmarks.bench_corpus_diff`)."""
    from benchmarks.bench_corpus_diff import score_diff as diff_section

    return diff_section(docs)


def score_lint(docs: list[Doc]) -> dict:
    """Gold defects found and errors outside the gold (:mod:`benchmarks.bench_corpus_lint`)."""
    from benchmarks.bench_corpus_lint import score_lint as lint_section

    return lint_section(docs)


#: The sections run by :func:`run`, in order: name -> ``function(docs) -> dict``.
SECTIONS: dict[str, Callable[[list[Doc]], dict]] = {
    "header": score_header,
    "citations": score_citations,
    "diff": score_diff,
    "lint": score_lint,
}


def run(quick: bool = False, root: Path = CORPUS) -> dict:
    """Score every section on the corpus; ``{"skipped": reason}`` when it is absent."""
    docs = load_corpus(root)
    if not docs:
        return {"skipped": f"no corpus at {root}"}
    out: dict[str, Any] = {"corpus": str(root.resolve()), "documents": len(docs)}
    for name, section in SECTIONS.items():
        out[name] = section(docs)
    flat = {**out.get("header", {}), **out.get("citations", {})}
    out["targets"] = TARGETS
    out["baseline"] = BASELINE
    out["meets_targets"] = all(flat.get(k) is not None and flat[k] >= v for k, v in TARGETS.items())
    out["documents_with_failures"] = sum(1 for d in docs if d.failures)
    return out


def failures(root: Path = CORPUS) -> dict[str, list[str]]:
    """What each document gets wrong, after scoring every section."""
    docs = load_corpus(root)
    for section in SECTIONS.values():
        section(docs)
    return {d.name: d.failures for d in docs if d.failures}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--failures" in argv:
        for name, fails in failures().items():
            print(name)
            for f in fails:
                print("   ", f)
    print(json.dumps(run(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
