"""A snapshot of plankit's behaviour, so that a refactoring shows what it changed (issue 20).

For the bundled plans (``plans/``) and the development corpus (``../shared/corpus``, skipped
when absent) it records:

* **lint**: every finding of :func:`plankit.lint.lint_corpus` (the folder linted together, on a
  fixed reference day): code, line, column, surface and suggestion;
* **citations**: every citation of each plan: key, role and level;
* **diffs**: for every issuer, each plan against the plans of the issuer's next year in the folder
  (:func:`plankit.diff.diff_plans`, the result's ``to_dict``/``as_dict``);
* **drafts**: the text of :func:`plankit.draft.draft_plan` for next year (bundled plans only);
* **graph**: :func:`plankit.graph.build_graph` of the folder: nodes with kind and level, edges
  with role and validity.

``plans/`` is stored in full in ``tests/snapshots/plans.json``. The corpus texts must never enter
the repository, so ``tests/snapshots/corpus.json`` holds per document only the SHA-256 of its
canonical JSON record and the finding codes and citation keys (the graph: node ids, which are
document keys, and edges; the diffs: digests and counts).

Everything is deterministic: keys sorted, a fixed reference day, names relative to the folder.

Run::

    .venv/bin/python -m benchmarks.snapshot            # compare with the stored snapshot
    .venv/bin/python -m benchmarks.snapshot --update   # write it anew (say why in the commit)

``tests/test_snapshot.py`` runs the comparison in the suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"
CORPUS = ROOT / ".." / "shared" / "corpus"
STORE = ROOT / "tests" / "snapshots"

#: The reference day of lint: after every plan and corpus document, fixed so results repeat.
TODAY = dt.date(2026, 12, 31)

_SUFFIXES = {".txt", ".md", ".docx", ".doc", ".pdf"}


# -- reading ----------------------------------------------------------------------------------


def _files(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in _SUFFIXES and p.name.lower() != "readme.md"
        and "raw" not in p.relative_to(root).parts
    )


def _read(root: Path) -> list:
    from plankit.read import read_plan

    return [read_plan(p) for p in _files(root)]


def _name(plan, root: Path) -> str:
    """The plan's path relative to its folder, with forward slashes (never this machine's)."""
    path = plan.source.path
    if path:
        try:
            return Path(path).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return plan.name


def _plain(value: Any) -> Any:
    """JSON-ready: dates as ISO strings, tuples as lists, sets sorted."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 6)
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)


def canonical(value: Any) -> str:
    """The canonical JSON of ``value``: sorted keys, no spaces, UTF-8 text."""
    return json.dumps(_plain(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(value: Any) -> str:
    """SHA-256 of :func:`canonical`."""
    return hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()


# -- the records ------------------------------------------------------------------------------


def _lint(plans: list, names: dict[int, str]) -> dict[str, list[dict[str, Any]]]:
    from plankit.lint import lint_corpus

    found = lint_corpus(plans, today=TODAY)
    by_file: dict[str, str] = {}
    for plan in plans:
        by_file[str(plan.source.path or plan.source.name)] = names[id(plan)]
    out: dict[str, list[dict[str, Any]]] = {names[id(p)]: [] for p in plans}
    for f in found:
        out[by_file[str(f.file)]].append(
            {"code": f.code, "line": f.line, "column": f.column, "surface": f.surface,
             "suggestion": f.suggestion}
        )
    return out


def _citations(plan) -> list[dict[str, Any]]:
    return [{"key": c.key, "role": c.role, "level": c.level} for c in plan.citations]


def _issuer(plan) -> tuple[str, str] | None:
    from plankit.text import fold

    facts = plan.facts
    if not facts.issuer:
        return None
    province = facts.province
    return fold(facts.issuer), fold(getattr(province, "name", None) or "")


def _pairs(plans: list, names: dict[int, str]) -> list[tuple[Any, Any]]:
    """Each plan with every plan of the same issuer in the issuer's next year of the folder."""
    groups: dict[tuple[str, str], dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for plan in plans:
        issuer = _issuer(plan)
        if issuer is not None and plan.year:
            groups[issuer][plan.year].append(plan)
    pairs = []
    for issuer in sorted(groups):
        years = sorted(groups[issuer])
        for y0, y1 in itertools.pairwise(years):
            for old in sorted(groups[issuer][y0], key=lambda p: names[id(p)]):
                for new in sorted(groups[issuer][y1], key=lambda p: names[id(p)]):
                    pairs.append((old, new))
    return pairs


def _diff_dict(old, new) -> dict[str, Any]:
    from plankit.diff import diff_plans

    d = diff_plans(old, new)
    to_dict = getattr(d, "to_dict", None) or d.as_dict
    return to_dict()


def _draft(plan) -> dict[str, Any]:
    from plankit.draft import draft_plan

    year = (plan.year or TODAY.year) + 1
    draft = draft_plan(plan, year=year)
    return {"year": year, "text": draft.text, "todo": sorted({t.kind for t in draft.todo})}


def _graph(plans: list, names: dict[int, str]) -> dict[str, Any]:
    from plankit.graph import build_graph

    g = build_graph(plans)
    return {
        "nodes": sorted(
            [{"id": n, "kind": a.get("kind"), "level": a.get("level")} for n, a in g.nodes(data=True)],
            key=lambda r: r["id"],
        ),
        "edges": sorted(
            [{"source": s, "target": t, "role": a.get("role"), "validity": a.get("validity")}
             for s, t, a in g.edges(data=True)],
            key=lambda r: (r["source"], r["target"]),
        ),
    }


def record(root: Path, *, drafts: bool) -> dict[str, Any]:
    """The full behaviour record of the plans under ``root``."""
    plans = _read(root)
    names = {id(p): _name(p, root) for p in plans}
    lint = _lint(plans, names)
    docs = {}
    for plan in plans:
        name = names[id(plan)]
        entry: dict[str, Any] = {"lint": lint[name], "citations": _citations(plan)}
        if drafts:
            entry["draft"] = _draft(plan)
        docs[name] = entry
    diffs = {f"{names[id(a)]} -> {names[id(b)]}": _diff_dict(a, b) for a, b in _pairs(plans, names)}
    return _plain({"documents": docs, "diffs": diffs, "graph": _graph(plans, names)})


def plans_snapshot(root: Path = PLANS) -> dict[str, Any]:
    """What ``tests/snapshots/plans.json`` holds: the full record of the bundled plans."""
    return record(root, drafts=True)


def corpus_snapshot(root: Path = CORPUS) -> dict[str, Any] | None:
    """What ``tests/snapshots/corpus.json`` holds: digests, codes and keys, never text.

    ``None`` when the corpus is absent.
    """
    if not (root / "gold.json").is_file():
        return None
    full = record(root, drafts=False)
    docs = {
        name: {
            "sha256": digest(entry),
            "lint_codes": [f["code"] for f in entry["lint"]],
            "citation_keys": [f"{c['key']} {c['role']}" for c in entry["citations"]],
        }
        for name, entry in full["documents"].items()
    }
    diffs = {
        pair: {"sha256": digest(d), "counts": d.get("counts")} for pair, d in full["diffs"].items()
    }
    graph = {
        "sha256": digest(full["graph"]),
        "nodes": [f"{n['id']} {n['kind']} {n['level']}" for n in full["graph"]["nodes"]],
        "edges": [f"{e['source']} -> {e['target']} {e['role']}" for e in full["graph"]["edges"]],
    }
    return {"documents": docs, "diffs": diffs, "graph": graph}


# -- comparing --------------------------------------------------------------------------------


def differences(expected: Any, actual: Any, path: str = "", limit: int = 40) -> list[str]:
    """Readable differences between two JSON values, one line each (at most ``limit``)."""
    out: list[str] = []

    def short(v: Any) -> str:
        text = json.dumps(v, ensure_ascii=False, sort_keys=True)
        return text if len(text) <= 160 else text[:157] + "..."

    def walk(e: Any, a: Any, where: str) -> None:
        if len(out) >= limit or e == a:
            return
        if isinstance(e, dict) and isinstance(a, dict):
            for k in sorted(set(e) | set(a)):
                if k not in a:
                    out.append(f"{where}/{k}: gone (was {short(e[k])})")
                elif k not in e:
                    out.append(f"{where}/{k}: new {short(a[k])}")
                else:
                    walk(e[k], a[k], f"{where}/{k}")
                if len(out) >= limit:
                    return
        elif isinstance(e, list) and isinstance(a, list):
            keys = all(isinstance(x, str) and "\n" not in x for x in e + a)
            if keys and len(e) != len(a):
                gone = [x for x in e if x not in a]
                new = [x for x in a if x not in e]
                for x in gone:
                    out.append(f"{where}: - {short(x)}")
                for x in new:
                    out.append(f"{where}: + {short(x)}")
                if not gone and not new:
                    out.append(f"{where}: order or repeats changed")
                return
            if len(e) != len(a):
                gone = [x for x in e if x not in a]
                new = [x for x in a if x not in e]
                out.append(f"{where}: {len(e)} items -> {len(a)}")
                out.extend(f"{where}: - {short(x)}" for x in gone[:10])
                out.extend(f"{where}: + {short(x)}" for x in new[:10])
                return
            for i, (x, y) in enumerate(zip(e, a, strict=True)):
                walk(x, y, f"{where}[{i}]")
        elif isinstance(e, str) and isinstance(a, str) and ("\n" in e or "\n" in a):
            import difflib

            lines = list(difflib.unified_diff(e.splitlines(), a.splitlines(), lineterm="", n=0))
            out.append(f"{where}: text changed")
            out.extend(f"    {line}" for line in lines[2:22])
        else:
            out.append(f"{where}: {short(e)} -> {short(a)}")

    walk(expected, actual, path)
    return out[:limit]


def _store(name: str) -> Path:
    return STORE / f"{name}.json"


def load(name: str) -> Any:
    """The stored snapshot ``name`` (``plans`` or ``corpus``), or ``None``."""
    path = _store(name)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def write(name: str, value: Any) -> Path:
    """Store a snapshot: pretty, sorted, UTF-8, one trailing newline."""
    STORE.mkdir(parents=True, exist_ok=True)
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
    path = _store(name)
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.snapshot", description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="write the snapshots anew")
    args = parser.parse_args(list(argv) if argv is not None else None)
    status = 0
    for name, make in (("plans", plans_snapshot), ("corpus", corpus_snapshot)):
        actual = make()
        if actual is None:
            print(f"{name}: skipped (../shared/corpus is absent)")
            continue
        if args.update:
            print(f"{name}: wrote {_store(name).relative_to(ROOT)}")
            write(name, actual)
            continue
        expected = load(name)
        if expected is None:
            print(f"{name}: no stored snapshot; run with --update")
            status = 1
            continue
        diff = differences(expected, actual)
        if diff:
            status = 1
            print(f"{name}: behaviour changed")
            print("\n".join(f"  {line}" for line in diff))
        else:
            print(f"{name}: unchanged")
    return status


if __name__ == "__main__":
    sys.exit(main())
