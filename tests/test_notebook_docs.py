"""The Python examples of README.md and docs/*.md run as written, as a newcomer pastes them into a
notebook at the repository root: every ```python block of a page, in order, in one namespace (a
block written as a ``>>>`` session is replayed with doctest, so its printed values are checked).

Each page runs in a fresh process whose working folder holds links to ``plans/``, ``templates/``
and ``notebooks/`` (the files an example writes stay out of the checkout). Blocks that cannot run
anywhere but on the reader's own files or cluster are listed in ``NOT_RUNNABLE`` with the reason;
the blocks still failing are listed in ``FAILING`` with their owner, and the test says so when one
of them starts to pass (then its entry goes).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["README.md", *sorted(f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md"))]

#: (page, block) -> why it cannot run in a test: it needs the reader's own cluster.
NOT_RUNNABLE = {
    ("docs/scale.md", 2): "a Dask scheduler at tcp://10.0.0.1:8786",
}

#: (page, block) -> what fails, for its owner (session 7: see the s7-trial report).
FAILING = {
    ("docs/diff.md", 1): "OutputExists: block 0 already wrote diff.html (s7-diff-robust)",
    ("docs/facts.md", 0): "NameError: 'offset' is never set (s7-read)",
    ("docs/reading.md", 0): "ReadError: ke-hoach-181.docx does not exist (s7-read)",
}

RUNNER = r"""
import doctest, json, re, sys
import matplotlib
matplotlib.use("Agg")
page, skip = sys.argv[1], set(json.loads(sys.argv[2]))
blocks = re.findall(r"```python\n(.*?)```", open(page, encoding="utf-8").read(), re.S)
namespace = {"__name__": "__main__"}
for i, block in enumerate(blocks):
    if i in skip:
        continue
    try:
        if block.lstrip().startswith(">>>"):  # a session to replay: its printed values are checked too
            test = doctest.DocTestParser().get_doctest(block, namespace, f"{page}#{i}", page, 0)
            report = []
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            if runner.run(test, out=report.append, clear_globs=False).failed:
                raise AssertionError(" ".join("".join(report).split())[:300])
        else:
            exec(compile(block, f"{page}#{i}", "exec"), namespace)
    except BaseException as exc:
        print("@@block", json.dumps([i, f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"]))
    else:
        print("@@block", json.dumps([i, None]))
"""


def _blocks(page: str) -> int:
    return len(re.findall(r"```python\n", (ROOT / page).read_text(encoding="utf-8")))


def test_the_tables_name_blocks_that_exist():
    for page, block in [*NOT_RUNNABLE, *FAILING]:
        assert block < _blocks(page), (page, block)


@pytest.mark.slow
@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p)])
def test_the_python_examples_of_a_page_run_as_written(page, tmp_path):
    for name in ("plans", "templates", "notebooks"):
        (tmp_path / name).symlink_to(ROOT / name)
    skip = [block for (where, block) in NOT_RUNNABLE if where == page]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, str(ROOT / page), json.dumps(skip)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900, check=False,
    )
    results = [json.loads(line[len("@@block "):]) for line in done.stdout.splitlines() if line.startswith("@@block ")]
    assert [i for i, _ in results] == [i for i in range(_blocks(page)) if i not in skip], done.stderr[-2000:]
    failed = {(page, i): error for i, error in results if error}
    expected = {key for key in FAILING if key[0] == page}
    assert set(failed) - expected == set(), failed
    assert expected - set(failed) == set(), f"now runs: remove from FAILING {sorted(expected - set(failed))}"
