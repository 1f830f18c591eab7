"""Ctrl-C while a report's notebook runs: the command stops like every other one (exit 130, one
line), where nbclient, which takes SIGINT itself, used to end in DeadKernelError and then an
AssertionError of its own clean-up, printed as a traceback."""

from __future__ import annotations

import pytest

nbformat = pytest.importorskip("nbformat")
pytest.importorskip("nbclient")

from plankit.report import execute_notebook  # noqa: E402


def _notebook(*cells: str):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    return nb


# The kernel presses Ctrl-C on the process that runs it (JPY_PARENT_PID), as a terminal would.
_PRESS_CTRL_C = ("import os, signal, time\n"
                 "os.kill(int(os.environ['JPY_PARENT_PID']), signal.SIGINT)\n"
                 "time.sleep(120)")


@pytest.mark.parametrize(("cells", "outcome"), [
    (("1 + 1",), None),
    (("raise ValueError('không có cặp kế hoạch / no pair')",), "ValueError: không có cặp kế hoạch / no pair"),
    ((_PRESS_CTRL_C,), KeyboardInterrupt),
])
def test_execute_notebook_returns_the_error_or_stops_on_ctrl_c(tmp_path, cells, outcome):
    nb = _notebook(*cells)
    if outcome is KeyboardInterrupt:
        with pytest.raises(KeyboardInterrupt):
            execute_notebook(nb, cwd=tmp_path, timeout=300)
    else:
        assert execute_notebook(nb, cwd=tmp_path, timeout=300) == outcome
