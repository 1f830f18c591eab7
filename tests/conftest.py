"""Shared fixtures: the five bundled plans, read once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

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
