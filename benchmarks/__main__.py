"""Run the benchmarks and write benchmarks/results.json.

    python -m benchmarks            # the default set (DEFAULT below), full size: a few minutes
    python -m benchmarks all        # every benchmark, including the slow and the external ones
    python -m benchmarks --quick    # smaller inputs, for a smoke run
    python -m benchmarks read cite  # only some, by name (any benchmark, default or not)
    python -m benchmarks formats --no-write   # print the figures, leave results.json alone

With no names, the benchmarks of plankit's own speed and quality that need nothing but the
package run (DEFAULT). The others are reached by name or with ``all``: ``corpus``,
``corpus_diff`` and ``corpus_lint`` need the development corpus (``../shared/corpus``);
``formats`` converts every corpus text through LibreOffice (about 2.5 minutes); ``ocr`` and
``scans`` run Tesseract on rendered pages; ``scale`` reads 10,000 synthetic plans.

Each module ``benchmarks/bench_<name>.py`` has ``run(quick=False) -> dict``. Results are merged
into results.json under the benchmark's name, with the machine's description and the date.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine() -> dict:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = None
    with contextlib.suppress(ValueError, OSError):
        mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


#: What ``python -m benchmarks`` runs with no names: fast, self-contained, no external program.
DEFAULT = ("cite", "diff", "draft", "graph", "lint", "read", "restore")


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def chosen(names: list[str]) -> list[str]:
    """The benchmarks to run: ``names`` as given, ``all`` for every one, none for DEFAULT.

    >>> chosen([]) == list(DEFAULT), chosen(["formats", "read"])
    (True, ['formats', 'read'])
    >>> "formats" in chosen(["all"]) and "scale" in chosen(["all"])
    True
    """
    if not names:
        return list(DEFAULT)
    if "all" in names:
        return available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        raise SystemExit(f"python -m benchmarks: unknown benchmark {', '.join(unknown)} "
                         f"(known: {', '.join(available())}, all)")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    others = sorted(set(available()) - set(DEFAULT))
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default: {', '.join(DEFAULT)}; by name "
                        f"or with 'all' also: {', '.join(others)})")
    parser.add_argument("--quick", action="store_true", help="smaller inputs")
    parser.add_argument("--output", default=str(HERE / "results.json"))
    parser.add_argument("--no-write", action="store_true", help="print the figures only; write no results file")
    args = parser.parse_args(argv)
    names = chosen(args.names)
    out_path = Path(args.output)
    results = json.loads(out_path.read_text(encoding="utf-8")) if out_path.exists() else {}
    results["machine"] = machine()
    results["date"] = dt.date.today().isoformat()
    results["quick"] = args.quick
    sys.path.insert(0, str(HERE.parent))
    for name in names:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        start = time.perf_counter()
        print(f"== {name}", flush=True)
        result = module.run(quick=args.quick)
        result["seconds_total"] = round(time.perf_counter() - start, 2)
        results.setdefault("benchmarks", {})[name] = result
        for key, value in result.items():
            print(f"   {key}: {value}")
    results["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if args.no_write:
        return 0
    tmp = out_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, out_path)
    print(f"wrote {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
