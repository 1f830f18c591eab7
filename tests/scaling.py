"""Size-scaling checks: does the work grow linearly with the input?

A scaling test builds an input of size ``n`` and of size ``factor * n``, runs the code on each a
few times, and compares the median CPU times: for linear code the ratio is near ``factor``; for
quadratic code near ``factor ** 2``. The bound is generous (4x the input may cost under 6x the
time) and CPU time (``time.process_time``) is used, so a loaded machine does not fail a test;
each run is repeated until it takes a measurable time. No absolute time is asserted.

Use it from any test module through the ``assert_linear`` fixture of tests/conftest.py::

    def test_read_text_scales(assert_linear):
        assert_linear(lambda n: "Căn cứ Luật số 76/2015/QH13; " * n, read_text, size=2_000)
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from typing import Any

__all__ = ["assert_linear", "cpu_seconds"]


def cpu_seconds(run: Callable[[Any], Any], arg: Any, *, repeats: int = 3, floor: float = 0.02) -> float:
    """Median CPU seconds of ``run(arg)``; each sample repeats the call until it lasts ``floor``."""
    run(arg)  # warm caches and lazy imports
    loops = 1
    while True:
        start = time.process_time()
        for _ in range(loops):
            run(arg)
        spent = time.process_time() - start
        if spent >= floor or loops >= 1024:
            break
        loops *= 2
    samples = []
    gc.collect()
    for _ in range(repeats):
        start = time.process_time()
        for _ in range(loops):
            run(arg)
        samples.append((time.process_time() - start) / loops)
    return statistics.median(samples)


def assert_linear(
    make: Callable[[int], Any],
    run: Callable[[Any], Any],
    *,
    size: int,
    factor: int = 4,
    ratio: float = 6.0,
    repeats: int = 3,
    attempts: int = 2,
) -> float:
    """Assert that ``run(make(factor * size))`` costs under ``ratio`` times ``run(make(size))``.

    Returns the measured ratio. ``make(n)`` builds the input of size ``n`` (outside the timing).
    A ratio over the bound is measured again (``attempts`` times in all) before failing: noise
    passes on a second try, quadratic work does not.

    >>> assert_linear(range, sum, size=100_000) < 6
    True
    """
    small, large = make(size), make(size * factor)
    for _ in range(attempts):
        t_small = cpu_seconds(run, small, repeats=repeats)
        t_large = cpu_seconds(run, large, repeats=repeats)
        measured = t_large / max(t_small, 1e-9)
        if measured < ratio:
            break
    assert measured < ratio, (
        f"{factor}x the input took {measured:.1f}x the time ({t_small * 1000:.1f} ms -> {t_large * 1000:.1f} ms): "
        f"super-linear (linear is about {factor}x; the bound is {ratio}x)"
    )
    return measured
