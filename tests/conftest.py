"""Shared fixtures (the five bundled plans, read once per session) and how the suite is split
for its two phases (``make test``).

1. ``pytest -n auto --dist loadfile --no-loadscope-reorder -m "not serial"``: on one
   pytest-xdist worker per core. Each test runs in its own temporary folder (LibreOffice and
   Chromium get a profile there, a Dask LocalCluster takes free ports), so tests may share the
   machine. A file runs whole on one worker, so its module-scoped fixtures (a wheel built and
   installed, notebooks executed, scans made by LibreOffice) are made once; the longest files
   are handed out first (``FIRST`` below). (``--dist loadgroup`` would be finer, but its groups
   are not kept together under pytest 9: tests of one group ran on both workers.)
2. ``pytest tests/scaling.py tests/test_*scaling*.py``: alone, the size-scaling tests, which
   compare times (marked ``serial`` here, by their file name, so phase 1 leaves them out and
   phase 2 need not collect the whole suite again). A ratio of two timings is only meaningful
   when nothing else competes for the cores: ``assert_linear`` measures the CPU time of this
   process (``time.process_time``), which another process's load does not inflate (so it may
   also be used in other files, which run in phase 1), but the scaling tests of the reader,
   lint and diff time with the wall clock.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests: no per-example deadline (a loaded 2-core machine is slow, not wrong), and in CI
# a fixed example sequence, so that main's result does not depend on the draw.
settings.register_profile("plankit", deadline=None, print_blob=True)
settings.register_profile("ci", parent=settings.get_profile("plankit"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "plankit")

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"

SEEDS = {
    "can-tho-2022": PLANS / "can-tho" / "2022-so-khcn.txt",
    "can-tho-2025": PLANS / "can-tho" / "2025-so-khcn.ocr.txt",
    "hung-yen-2022": PLANS / "hung-yen" / "2022-so-khcn.md",
    "hue-2022": PLANS / "thua-thien-hue" / "2022-so-khcn.news.txt",
    "hai-duong-2022": PLANS / "hai-duong" / "2022-so-cong-thuong.txt",
}


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    """Paths of the five bundled plans by a short name."""
    return dict(SEEDS)


@pytest.fixture(scope="session")
def seeds():
    """The five bundled plans, read once: {"can-tho-2022": Plan, ...}."""
    from plankit.read import read_plan

    return {name: read_plan(path) for name, path in SEEDS.items()}


@pytest.fixture(scope="session")
def corpus(seeds):
    """The five bundled plans as a list, in a fixed order."""
    return [seeds[name] for name in SEEDS]


@pytest.fixture(scope="session")
def assert_linear():
    """``assert_linear(make, run, size=...)`` of tests/scaling.py: time of 4x the input < 6x."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("plankit_tests_scaling", Path(__file__).with_name("scaling.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.assert_linear


# The longest files, started first (longest first) so that no long file starts last and ends the
# run on one worker alone; the others follow in their usual order.
FIRST = ("test_notebooks.py", "test_hardening.py", "test_ocr.py", "test_wheel.py", "test_dask.py",
         "test_diff_properties.py", "test_graph.py", "test_cli.py", "test_diff_redline.py")


def _compares_times(item: pytest.Item) -> bool:
    return "scaling" in item.path.name


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark the size-scaling tests ``serial``; put the longest files first."""
    for item in items:
        if _compares_times(item):
            item.add_marker(pytest.mark.serial)
    rank = {name: i for i, name in enumerate(FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: file order kept


@pytest.fixture(autouse=True)
def _close_figures():
    """Close the matplotlib figures a test drew (drawing functions return open figures, as a
    notebook wants them), so a worker does not keep hundreds of them alive."""
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
