"""How fast :func:`plankit.lint.lint_plan` is: plans per second, and 10,000 plans on two cores.

Two measures:

* **bundled**: the five bundled plans, read once, then linted over and over in this process
  (each round lints a fresh copy, so the citations a rule needs are extracted every time, as
  for a new file). Reported as plans per second on one core.
* **synthetic**: plans from :mod:`benchmarks.synth` (an existing ``benchmarks/corpus/scale-10000``
  when there is one, else a fresh corpus of 2,000 plans, 200 with ``quick``, written to a
  temporary folder; generating is not timed), cycled to 10,000 lint runs (1,000 with
  ``quick``), each file read afresh, on a ``ProcessPoolExecutor`` with two workers. Reported:
  the wall time of read + lint for the whole run, the time spent in ``lint_plan`` alone (summed
  over the workers), and the projection of both to 10,000 plans.

Target: 10,000 plans linted in under 60 s on two cores (``lint_seconds_10k_two_cores``; the
wall time with reading is reported next to it).

Run: ``.venv/bin/python -m benchmarks lint`` (``--quick`` for the small sizes) or
``.venv/bin/python -m benchmarks.bench_lint [--quick]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLANS = HERE.parent / "plans"
TARGET_SECONDS_10K = 60.0
WORKERS = 2
TODAY = dt.date(2026, 12, 31)  # after every synthetic plan date: fixed for repeatability


def _bundled(rounds: int) -> dict:
    from plankit.lint import lint_plan
    from plankit.read import read_plan

    plans = [
        read_plan(p) for p in sorted(PLANS.rglob("*")) if p.is_file() and p.name != "README.md"
    ]
    findings = 0
    start = time.perf_counter()
    for _ in range(rounds):
        for plan in plans:
            findings += len(lint_plan(plan.with_(), today=TODAY))
    seconds = time.perf_counter() - start
    runs = rounds * len(plans)
    return {
        "plans": len(plans),
        "runs": runs,
        "seconds": round(seconds, 3),
        "plans_per_second_one_core": round(runs / seconds, 1),
        "findings_per_run": round(findings / runs, 2),
    }


def _lint_files(paths: list[str]) -> tuple[int, float, float, dict[str, int]]:
    """Read and lint ``paths`` in a worker: (files, read seconds, lint seconds, findings by rule)."""
    from plankit.lint import lint_plan
    from plankit.read import read_plan

    read_s = lint_s = 0.0
    by_rule: Counter[str] = Counter()
    for path in paths:
        t0 = time.perf_counter()
        plan = read_plan(path)
        t1 = time.perf_counter()
        found = lint_plan(plan, today=TODAY)
        t2 = time.perf_counter()
        read_s += t1 - t0
        lint_s += t2 - t1
        by_rule.update(f.rule for f in found)
    return len(paths), read_s, lint_s, dict(by_rule)


def _corpus(distinct: int, scratch: Path) -> tuple[list[str], str]:
    """Files of a synthetic corpus: the big prepared one if present, else a fresh one."""
    from benchmarks.synth import DEFAULT_ROOT, generate

    prepared = DEFAULT_ROOT / "scale-10000"
    if (prepared / "manifest.json").exists():
        manifest = json.loads((prepared / "manifest.json").read_text(encoding="utf-8"))
        return [str(prepared / p["file"]) for p in manifest["plans"]], str(prepared)
    manifest = generate(distinct, scratch, seed=0, lint_base=False, workers=WORKERS)
    return [
        str(Path(manifest.root) / p.file) for p in manifest.plans
    ], f"fresh ({distinct} plans, seed 0)"


def _synthetic(runs: int, distinct: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-lint-") as tmp:
        files, source = _corpus(distinct, Path(tmp))
        tasks = [files[i % len(files)] for i in range(runs)]
        chunk = 50
        jobs = [tasks[i : i + chunk] for i in range(0, len(tasks), chunk)]
        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=WORKERS) as pool:
            results = list(pool.map(_lint_files, jobs))
        wall = time.perf_counter() - start
    done = sum(r[0] for r in results)
    read_s = sum(r[1] for r in results)
    lint_s = sum(r[2] for r in results)
    by_rule: Counter[str] = Counter()
    for r in results:
        by_rule.update(r[3])
    scale = 10_000 / done
    return {
        "corpus": source,
        "distinct_files": len(files),
        "runs": done,
        "workers": WORKERS,
        "wall_seconds_read_and_lint": round(wall, 2),
        "lint_cpu_seconds": round(lint_s, 2),
        "read_cpu_seconds": round(read_s, 2),
        "lint_plans_per_second_per_core": round(done / lint_s, 1),
        "lint_seconds_10k_two_cores": round(lint_s * scale / WORKERS, 2),
        "wall_seconds_10k_two_cores_with_reading": round(wall * scale, 2),
        "findings_by_rule": dict(sorted(by_rule.items())),
    }


def run(quick: bool = False) -> dict:
    """Measure; return the numbers, the target and whether it is met."""
    bundled = _bundled(20 if quick else 200)
    synthetic = _synthetic(1_000 if quick else 10_000, 200 if quick else 2_000)
    return {
        "bundled": bundled,
        "synthetic": synthetic,
        "target": f"lint 10,000 plans in under {TARGET_SECONDS_10K:.0f} s on {WORKERS} cores",
        "meets_target": synthetic["lint_seconds_10k_two_cores"] < TARGET_SECONDS_10K,
        "cpus": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_lint", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    args = parser.parse_args(argv)
    print(json.dumps(run(quick=args.quick), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
