"""Run every benchmark and write benchmarks/results.json.

    python -m benchmarks            # all benchmarks, full size
    python -m benchmarks --quick    # smaller inputs, for a smoke run
    python -m benchmarks read cite  # only some

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


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default: all of {', '.join(available())})")
    parser.add_argument("--quick", action="store_true", help="smaller inputs")
    parser.add_argument("--output", default=str(HERE / "results.json"))
    args = parser.parse_args(argv)
    names = args.names or available()
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
    tmp = out_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, out_path)
    print(f"wrote {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
