"""Shared fixtures: the five bundled plans, read once per session."""

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
