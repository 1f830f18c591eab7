"""National scale: read, cite, lint and graph 10,000 synthetic plans on two cores.

The corpus comes from :mod:`benchmarks.synth` (seed 0): 10,000 plans (500 with ``quick``) across
the 34 provinces, their departments and 2022-2026, 45 % .txt, 45 % .md and 10 % .docx, with
defects injected at known places. Generating it is not timed.

**Pipeline.** Each design runs in a fresh Python process (so its memory and caches are its own)
and is timed from the first file opened to the graph built:

* ``slim``: a ``ProcessPoolExecutor(2)`` runs read_plan + extract_citations + lint_plan per file
  and sends back a small record (header, citations, the sentence of each citation, findings as
  tuples); the parent builds the graph from the records (build_graph needs only ``header``,
  ``citations``, ``name`` and ``sentence_at``);
* ``plans``: the same pool sends back the whole :class:`~plankit.model.Plan` (with its citations
  cached) and the findings; the parent builds the graph from the plans;
* ``read_corpus``: :func:`plankit.corpus.read_corpus` with two workers, then citations and lint
  one plan after another in the parent, then the graph: the library's corpus function as it is.

The pool of ``slim`` and ``plans`` takes tasks of ``CHUNK`` files (the slotted dataclasses
travel as ``Class(*fields)``, as plankit pickles them everywhere: ``plankit.text.pickle_by_fields``),
runs its parent with the garbage
collector off until the graph is built and freezes each worker's imports (:func:`_worker_start`):
plumbing only, the work per plan is the same (docs/scale.md). ``cpu_seconds`` gives the CPU time
of the parent (pool, graph) and of the workers.

``seconds`` is the fastest design's wall time; all designs are reported.

**Streaming** (``streaming`` in the results; ``--stream N`` runs only this part and stores it
as ``scale_stream``): :func:`plankit.corpus.map_corpus` yields one small row per plan (header
row, citation keys, lint findings) to a caller that keeps counts only, on the local process
pool (``map_corpus``) and on a Dask ``LocalCluster`` of two worker processes with one thread
each (``dask``, batches of 32 files; the cluster's start is timed apart). Reported: plans/s,
the caller's peak resident set (flat: it does not grow with the number of plans) and the
largest worker's.

**Memory.** Inside each design's process: the parent's peak resident set is ``VmHWM`` of
/proc/self/status (``getrusage(RUSAGE_SELF).ru_maxrss`` would carry over the peak of the runner
that started the process, since Linux keeps it across ``exec``; it is the fallback without
/proc), the workers' is ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` (the largest finished worker:
Linux reports the maximum over children, not the sum). The figure checked against the 2 GB target is
``parent + workers × largest child``, an upper bound of what was resident at once.

**Recall and precision per lint rule**, from the manifest (see :mod:`benchmarks.synth`): a
finding of rule R in file F is

1. *base* when the manifest has a ``base`` entry of R on the same line: F's clean variant (the
   plan before injection) had that finding and so does the bundled seed it was varied from (Hưng
   Yên's "cơ chế chế", Hải Dương's "năm 2021"). The seeds' real errors are neither true nor false
   positives; they are counted apart and their surfaces reported so they can be checked;
2. a *true positive* when it matches an injected defect of R in F: its lines cover the defect's
   line or one of its ``also`` lines (the consequences of the same edit: for a Roman heading
   renumbered ``2.``, the next Roman heading and the section's first child); when the manifest
   could not place a defect on a line, the two surfaces must contain one another (folded, white
   space collapsed);
3. a *false positive* otherwise, including findings on the clean variant that no seed explains
   (manifest origin ``clean``), which are also counted apart as ``fp_clean``.

Recall is the share of injected defects matched by at least one finding; precision is
TP / (TP + FP); ``findings_per_defect`` is TP / found, how many findings one defect draws. Targets: recall 100 %, precision >= 95 % for stale-year, blank-number,
blank-date, heading-numbering, duplicated-word, stale-agency and past-deadline.

Run: ``.venv/bin/python -m benchmarks scale`` (``--quick`` for 500 plans) or
``.venv/bin/python -m benchmarks.bench_scale [--quick]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TARGET_SECONDS = 60.0
TARGET_MEMORY_MB = 2048.0
TARGET_RECALL = 1.0
TARGET_PRECISION = 0.95
TARGET_IMPORT_SECONDS = 0.3
WORKERS = 2
CHUNK = 16  # files per task of the pool: a task is ~0.25 s, so the two workers end within that
DESIGNS = ("slim", "plans", "read_corpus")
STREAM_DESIGNS = ("map_corpus", "dask")  # rows streamed to a caller that keeps only counts
LINT_TODAY = dt.date(2026, 12, 31)  # the same day as benchmarks.synth.LINT_TODAY


# ---------------------------------------------------------------------------------------------
# per-file work (runs in the pool's processes)
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SlimPlan:
    """What build_graph needs of a plan (name, header, citations, facts, sentences), and the lint
    findings as small tuples."""

    name: str
    header: Any
    citations: tuple
    facts: Any = None  # plankit.facts.PlanFacts: the graph reads the plan's level, province, date
    sentences: dict = field(default_factory=dict)
    findings: tuple = ()  # (code, rule, line, end_line, surface)
    size: int = 0
    form: str = ""
    seconds: tuple = (0.0, 0.0, 0.0)  # read, cite, lint

    # as_plan takes any value with a header and a text as a plan
    text: str = ""

    def sentence_at(self, span) -> str:
        return self.sentences.get((span.start, span.end), "")


@dataclass(frozen=True)
class Failed:
    path: str
    message: str
    crash: bool  # not a PlankitError: a bug


def _worker_start() -> None:
    """A pool worker's start: the modules it needs, then the objects they made (and those
    inherited from the parent) moved out of the garbage collector's reach (:func:`gc.freeze`),
    so its collections no longer walk them again and again."""
    import gc

    import plankit.lint
    import plankit.read  # noqa: F401

    gc.freeze()
    gc.enable()  # the parent forked this process with its collector off


def _slim_findings(findings) -> tuple:
    return tuple((f.code, f.rule, f.line, f.end_line, f.surface) for f in findings)


def _work(path: str, *, ship_plan: bool) -> Any:
    from plankit.errors import PlankitError
    from plankit.lint import lint_plan
    from plankit.read import read_plan

    try:
        t0 = time.perf_counter()
        plan = read_plan(path)
        t1 = time.perf_counter()
        cites = plan.citations  # cached on the plan: lint and the graph reuse it
        t2 = time.perf_counter()
        findings = _slim_findings(lint_plan(plan, today=LINT_TODAY))
        t3 = time.perf_counter()
    except PlankitError as exc:
        return Failed(path, str(exc).splitlines()[0], False)
    except Exception as exc:  # a batch survives a bug; it is counted as a crash
        return Failed(path, f"{type(exc).__name__}: {exc}", True)
    times = (t1 - t0, t2 - t1, t3 - t2)
    if ship_plan:
        return plan, findings, times
    sentences = {(c.span.start, c.span.end): plan.sentence_at(c.span) for c in cites}
    return SlimPlan(
        plan.name, plan.header, tuple(cites), plan.facts, sentences, findings, plan.source.size, plan.source.form, times
    )


def _work_slim(path: str) -> Any:
    return _work(path, ship_plan=False)


def _work_plan(path: str) -> Any:
    return _work(path, ship_plan=True)


def _files(corpus_dir: Path) -> list[str]:
    from plankit.corpus import plan_files

    return [str(p) for p in plan_files([str(corpus_dir)])]


def _own_peak_kb() -> int:
    """This process's peak resident set in KiB.

    ``VmHWM`` of /proc/self/status counts this program only: Linux keeps ``ru_maxrss`` across
    ``exec``, so ``getrusage(RUSAGE_SELF)`` in a process started from a big one (the benchmark
    runner) reports the starter's peak. ``ru_maxrss`` is the fallback where /proc is missing.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def pipeline(design: str, corpus_dir: str, workers: int = WORKERS) -> dict:
    """Run one design over the corpus in this process; return times, memory and findings."""
    import gc

    from plankit.graph import build_graph

    files = _files(Path(corpus_dir))
    gc.collect()
    start = time.perf_counter()
    cpu_start = time.process_time()
    records: list[Any] = []
    failed: list[Failed] = []
    stage = {"read": 0.0, "cite": 0.0, "lint": 0.0}
    read_by_form: dict[str, float] = defaultdict(float)
    sizes: dict[str, int] = defaultdict(int)
    counts: Counter = Counter()
    per_file: dict[str, tuple] = {}
    if design in ("slim", "plans"):
        fn = _work_slim if design == "slim" else _work_plan
        # The parent only gathers records and builds the graph from them: objects that live to
        # the end, with no reference cycles, which the collector would walk again and again.
        gc.disable()
        chunk = CHUNK
        with ProcessPoolExecutor(max_workers=workers, initializer=_worker_start) as pool:
            for out in pool.map(fn, files, chunksize=chunk):
                if isinstance(out, Failed):
                    failed.append(out)
                    continue
                if design == "slim":
                    records.append(out)
                    name, findings, times, size, form = out.name, out.findings, out.seconds, out.size, out.form
                else:
                    plan, findings, times = out
                    records.append(plan)
                    name, size, form = plan.name, plan.source.size, plan.source.form
                per_file[name] = findings
                for key, t in zip(("read", "cite", "lint"), times, strict=True):
                    stage[key] += t
                read_by_form[form] += times[0]
                sizes[form] += size
                counts[form] += 1
        t_pool = time.perf_counter()
    elif design == "read_corpus":
        from plankit.corpus import read_corpus
        from plankit.lint import lint_plan

        corpus = read_corpus([corpus_dir], workers=workers)
        t_read = time.perf_counter()
        stage["read"] = t_read - start  # wall time on `workers` cores
        failed = [Failed(e.path, e.message, "unexpected" in e.message) for e in corpus.errors]
        for plan in corpus.plans:
            t0 = time.perf_counter()
            plan.citations  # noqa: B018 - computes and caches
            t1 = time.perf_counter()
            per_file[plan.name] = _slim_findings(lint_plan(plan, today=LINT_TODAY))
            t2 = time.perf_counter()
            stage["cite"] += t1 - t0
            stage["lint"] += t2 - t1
            sizes[plan.source.form] += plan.source.size
            counts[plan.source.form] += 1
            records.append(plan)
        t_pool = time.perf_counter()
    else:
        raise ValueError(f"unknown design {design!r}; choose from {DESIGNS}")
    cpu_pool = time.process_time()
    graph = build_graph(records)
    end = time.perf_counter()
    cpu_end = time.process_time()
    gc.enable()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    self_kb = _own_peak_kb()
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "design": design,
        "plans": len(records),
        "failed": [(f.path, f.message, f.crash) for f in failed],
        "seconds": end - start,
        "seconds_read_cite_lint": t_pool - start,
        "seconds_graph": end - t_pool,
        "stage_cpu_seconds": stage,
        # CPU seconds, not wall: the parent while the pool ran, the parent building the graph,
        # and the finished workers (with the design's pool: the only children of this process)
        "cpu_seconds": {
            "parent_pool": cpu_pool - cpu_start,
            "parent_graph": cpu_end - cpu_pool,
            "workers": children.ru_utime + children.ru_stime,
        },
        "read_seconds_by_form": dict(read_by_form),
        "bytes_by_form": dict(sizes),
        "files_by_form": dict(counts),
        "graph_nodes": graph.number_of_nodes(),
        "graph_edges": graph.number_of_edges(),
        "parent_peak_mb": self_kb / 1024,
        "child_peak_mb": child_kb / 1024,
        "workers": workers,
        "findings": per_file,
    }


def _row(plan) -> tuple:
    """What a streaming caller gets per plan: a header row, citation keys, lint findings (small)."""
    from plankit.corpus import header_row
    from plankit.lint import lint_plan

    keys = tuple(sorted({c.key for c in plan.citations}))
    return header_row(plan), keys, _slim_findings(lint_plan(plan, today=LINT_TODAY))


def stream(design: str, corpus_dir: str, workers: int = WORKERS) -> dict:
    """``map_corpus(_row, ...)`` on the local pool (``map_corpus``) or on a Dask LocalCluster of
    ``workers`` processes with one thread each (``dask``); the caller keeps counts only, so its
    peak memory is what streaming costs, whatever the number of plans."""
    import gc

    from plankit.corpus import map_corpus

    files = _files(Path(corpus_dir))
    gc.collect()
    rss_start = _own_peak_kb()
    cluster = client = None
    executor = None
    start_cluster = time.perf_counter()
    if design == "dask":
        from distributed import Client, LocalCluster

        cluster = LocalCluster(processes=True, n_workers=workers, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
        executor = client.get_executor()
    cluster_seconds = time.perf_counter() - start_cluster
    plans = failed = citations = 0
    rules: Counter = Counter()
    years: Counter = Counter()
    start = time.perf_counter()
    try:
        for result in map_corpus(_row, files, executor=executor, workers=workers, batch=32 if executor else None):
            if not result.ok:
                failed += 1
                continue
            row, keys, findings = result.value
            plans += 1
            citations += len(keys)
            years[row["year"]] += 1
            rules.update(f[1] for f in findings)
        seconds = time.perf_counter() - start
        worker_kb = dict(client.run(_own_peak_kb)) if client is not None else {}
    finally:
        if client is not None:
            client.close()
            cluster.close()
    return {
        "design": design,
        "plans": plans,
        "failed": failed,
        "seconds": seconds,
        "plans_per_s": plans / seconds,
        "cluster_start_seconds": cluster_seconds if design == "dask" else None,
        "caller_peak_mb": _own_peak_kb() / 1024,
        "caller_start_mb": rss_start / 1024,
        "worker_peak_mb": (max(worker_kb.values()) / 1024 if worker_kb
                           else resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "citations": citations,
        "findings_by_rule": dict(rules.most_common()),
        "workers": workers,
    }


def run_stream(n: int, *, designs=STREAM_DESIGNS) -> dict:
    """The streaming designs on the synthetic corpus of ``n`` plans (generated if missing)."""
    from benchmarks.synth import DEFAULT_ROOT, generate

    corpus_dir = DEFAULT_ROOT / f"scale-{n}"
    if not (corpus_dir / "manifest.json").exists():
        generate(n, corpus_dir, seed=0, formats=("txt", "md", "docx"), docx_share=0.1, workers=WORKERS)
    out: dict = {"plans": n, "load_average_before": round(os.getloadavg()[0], 2)}
    for design in designs:
        out_json = corpus_dir / f".{design}.json"
        result = _run_design(design, corpus_dir, out_json)
        out_json.unlink(missing_ok=True)
        out[design] = {k: (round(v, 2) if isinstance(v, float) else v) for k, v in result.items()}
    out["load_average_after"] = round(os.getloadavg()[0], 2)
    return out


# ---------------------------------------------------------------------------------------------
# scoring against the manifest
# ---------------------------------------------------------------------------------------------
def _norm(text: str) -> str:
    from plankit.text import fold

    return " ".join(fold(text).split())


def _covers(finding: tuple, lines: tuple[int, ...]) -> bool:
    _, _, line, end_line, _ = finding
    return any(line <= x <= end_line for x in lines)


def _surface_match(finding: tuple, surface: str) -> bool:
    a, b = _norm(finding[4]), _norm(surface)
    return bool(a) and bool(b) and (a in b or b in a)


def score(manifest, findings_by_file: dict[str, tuple]) -> dict:
    """Recall and precision per measured rule (see the module docstring for the method)."""
    from benchmarks.synth import MEASURED_RULES

    defects = manifest.by_file()
    forms = {p.file: p.form for p in manifest.plans}
    stats = {r: {"injected": 0, "found": 0, "tp": 0, "fp": 0, "fp_clean": 0, "base": 0} for r in MEASURED_RULES}
    missed: dict[str, list] = defaultdict(list)
    false: dict[str, list] = defaultdict(list)
    base_surfaces: dict[str, Counter] = defaultdict(Counter)
    for d in manifest.injected():
        stats[d.rule]["injected"] += 1
    for name in forms:
        own = defects.get(name, [])
        found_ids: set[int] = set()
        for f in findings_by_file.get(name, ()):
            rule = f[1]
            if rule not in stats:
                continue
            base = [d for d in own if d.origin == "base" and d.rule == rule]
            if any(_covers(f, (d.line, *d.also)) for d in base if d.line is not None):
                stats[rule]["base"] += 1
                base_surfaces[rule][f[4]] += 1
                continue
            hits = [
                k for k, d in enumerate(own)
                if d.origin == "injected" and d.rule == rule
                and (_covers(f, (d.line, *d.also)) if d.line is not None else _surface_match(f, d.surface))
            ]
            if hits:
                stats[rule]["tp"] += 1
                found_ids.update(hits)
            else:
                stats[rule]["fp"] += 1
                clean = [d for d in own if d.origin == "clean" and d.rule == rule and d.line is not None]
                if any(_covers(f, (d.line, *d.also)) for d in clean):
                    stats[rule]["fp_clean"] += 1
                if len(false[rule]) < 8:
                    false[rule].append({"file": name, "line": f[2], "code": f[0], "surface": f[4]})
        for k, d in enumerate(own):
            if d.origin != "injected":
                continue
            if k in found_ids:
                stats[d.rule]["found"] += 1
            elif len(missed[d.rule]) < 8:
                missed[d.rule].append({"file": name, "line": d.line, "surface": d.surface, "where": d.where})
    out = {}
    for rule, s in stats.items():
        recall = s["found"] / s["injected"] if s["injected"] else None
        flagged = s["tp"] + s["fp"]
        precision = s["tp"] / flagged if flagged else None
        out[rule] = {
            **s,
            "recall": None if recall is None else round(recall, 4),
            "findings_per_defect": round(s["tp"] / s["found"], 2) if s["found"] else None,
            "precision": None if precision is None else round(precision, 4),
            "meets_target": recall is not None and precision is not None
            and recall >= TARGET_RECALL and precision >= TARGET_PRECISION,
            "base_surfaces": dict(base_surfaces[rule].most_common(6)),
            "missed_examples": missed[rule],
            "false_positive_examples": false[rule],
        }
    return out


# ---------------------------------------------------------------------------------------------
# the benchmark
# ---------------------------------------------------------------------------------------------
def import_seconds(repeat: int = 5) -> float:
    """The fastest of ``repeat`` cold ``import plankit`` in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import plankit; print(time.perf_counter() - t)"
    best = float("inf")
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
        best = min(best, float(out.stdout.strip()))
    return best


def _run_design(design: str, corpus_dir: Path, out_json: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_scale", "--pipeline", design, str(corpus_dir), "--out", str(out_json)],
        cwd=REPO, env=env, check=True,
    )
    return json.loads(out_json.read_text(encoding="utf-8"))


def run(quick: bool = False) -> dict:
    """Generate the corpus, time each design, score the lint findings; return the numbers."""
    from benchmarks.synth import DEFAULT_ROOT, generate

    n = 500 if quick else 10_000
    corpus_dir = DEFAULT_ROOT / f"scale-{n}"
    if corpus_dir.exists():
        if not (corpus_dir / "manifest.json").exists():
            raise RuntimeError(f"{corpus_dir} exists and holds no manifest.json: not removing it")
        shutil.rmtree(corpus_dir)
    t0 = time.perf_counter()
    manifest = generate(n, corpus_dir, seed=0, formats=("txt", "md", "docx"), docx_share=0.1, workers=WORKERS)
    generate_seconds = time.perf_counter() - t0

    designs: dict[str, dict] = {}
    findings: dict[str, tuple] = {}
    load_before = os.getloadavg()  # other work on the machine slows every design alike
    for design in DESIGNS:
        out_json = corpus_dir / f".{design}.json"
        result = _run_design(design, corpus_dir, out_json)
        out_json.unlink(missing_ok=True)
        if not findings:
            findings = {k: tuple(tuple(f) for f in v) for k, v in result["findings"].items()}
        del result["findings"]
        designs[design] = result

    best = min(designs.values(), key=lambda r: r["seconds"])
    slim = designs["slim"]
    mb = sum(slim["bytes_by_form"].values()) / 1e6
    text_bytes = sum(v for k, v in slim["bytes_by_form"].items() if k != "docx")
    docx_files = slim["files_by_form"].get("docx", 0)
    stage = slim["stage_cpu_seconds"]
    # per core: the slim design's per-file timings, summed over both workers
    text_read = sum(v for k, v in slim["read_seconds_by_form"].items() if k != "docx")
    docx_read = slim["read_seconds_by_form"].get("docx", 0.0)
    memory_bound = best["parent_peak_mb"] + best["workers"] * best["child_peak_mb"]
    rules = score(manifest, findings)
    crashes = [f for f in best["failed"] if f[2]]
    load_after = os.getloadavg()
    imp = import_seconds(3 if quick else 5)
    result = {
        "plans": n,
        "corpus_mb": round(mb, 2),
        "files_by_form": slim["files_by_form"],
        "generate_seconds": round(generate_seconds, 1),
        "design": best["design"],
        "seconds": round(best["seconds"], 2),
        "plans_per_s": round(best["plans"] / best["seconds"], 1),
        "target_seconds": TARGET_SECONDS if not quick else round(TARGET_SECONDS * n / 10_000, 1),
        "meets_time_target": best["seconds"] <= TARGET_SECONDS * n / 10_000,
        "designs": {
            k: {
                "seconds": round(v["seconds"], 2),
                "read_cite_lint_seconds": round(v["seconds_read_cite_lint"], 2),
                "graph_seconds": round(v["seconds_graph"], 2),
                "parent_peak_mb": round(v["parent_peak_mb"], 1),
                "child_peak_mb": round(v["child_peak_mb"], 1),
                "graph": [v["graph_nodes"], v["graph_edges"]],
                "failed": len(v["failed"]),
            }
            for k, v in designs.items()
        },
        "per_core": {
            "read_text_mb_per_s": round(text_bytes / 1e6 / text_read, 2) if text_read else None,
            "read_docx_files_per_s": round(docx_files / docx_read, 1) if docx_read else None,
            "cite_mb_per_s": round(mb / stage["cite"], 2) if stage["cite"] else None,
            "lint_plans_per_s": round(slim["plans"] / stage["lint"], 1) if stage["lint"] else None,
        },
        "peak_memory_mb": round(memory_bound, 1),
        "peak_parent_mb": round(best["parent_peak_mb"], 1),
        "peak_child_mb": round(best["child_peak_mb"], 1),
        "target_memory_mb": TARGET_MEMORY_MB,
        "meets_memory_target": memory_bound <= TARGET_MEMORY_MB,
        "failed_files": len(best["failed"]),
        "crashes": crashes[:5],
        "graph_nodes": best["graph_nodes"],
        "graph_edges": best["graph_edges"],
        "load_average_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        "import_seconds": round(imp, 3),
        "target_import_seconds": TARGET_IMPORT_SECONDS,
        "meets_import_target": imp <= TARGET_IMPORT_SECONDS,
        "base_linted": manifest.base_linted,
        "lint_rules": rules,
        "streaming": run_stream(n),
        "meets_lint_targets": all(r["meets_target"] for r in rules.values()),
    }
    return result


def _merge_results(name: str, result: dict) -> None:
    """Put ``result`` under ``benchmarks.<name>`` of results.json, written atomically."""
    path = HERE / "results.json"
    results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    result = {**result, "date": dt.date.today().isoformat()}
    results.setdefault("benchmarks", {})[name] = result
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_scale", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--pipeline", metavar="DESIGN", choices=DESIGNS + STREAM_DESIGNS, help="run one design (internal)")
    parser.add_argument("--stream", type=int, metavar="N", help="only the streaming designs (map_corpus, dask) on N plans")
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    if args.stream:
        result = run_stream(args.stream)
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
        _merge_results("scale_stream", result)
        return 0
    if args.pipeline:
        run_one = stream if args.pipeline in STREAM_DESIGNS else pipeline
        result = run_one(args.pipeline, args.corpus)
        Path(args.out).write_text(json.dumps(result, ensure_ascii=False, default=str), encoding="utf-8")
        return 0
    print(json.dumps(run(quick=args.quick), ensure_ascii=False, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
