"""Reports: execute the notebooks against a folder of plans and export them to HTML.

Each notebook in ``notebooks/`` has a cell tagged ``parameters`` (papermill's convention). A
report run injects the chosen values in a cell right after it, executes the notebook top to bottom
with nbclient, exports it to a standalone HTML page with nbconvert (figures embedded; code hidden
with ``no_input``), and writes an index page linking every report. Nothing is written outside the
output folder, and no existing file is overwritten unless ``force`` is given.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ReportError
from .output import check_inside, plan_outputs, write_atomic

__all__ = ["NotebookReport", "Report", "default_notebooks_dir", "run_report"]


def default_notebooks_dir() -> Path:
    """The ``notebooks/`` folder of the project checkout, else ``./notebooks``."""
    here = Path(__file__).resolve().parent.parent / "notebooks"
    return here if here.is_dir() else Path("notebooks").resolve()


@dataclass(frozen=True)
class NotebookReport:
    """One executed notebook: its title, the HTML written and how long it ran."""

    notebook: str
    title: str
    html_path: str
    seconds: float

    def __repr__(self) -> str:
        return f"NotebookReport({self.notebook!r} -> {Path(self.html_path).name}, {self.seconds:.1f}s)"


@dataclass(frozen=True)
class Report:
    """A whole report run: the index page and the notebooks it links."""

    index: str
    notebooks: tuple[NotebookReport, ...] = field(default=())

    def __repr__(self) -> str:
        return f"<Report {len(self.notebooks)} notebooks, index {self.index}>"

    def _repr_html_(self) -> str:
        items = "".join(
            f"<li><a href='{html.escape(n.html_path)}'>{html.escape(n.title)}</a> ({n.seconds:.1f} s)</li>"
            for n in self.notebooks
        )
        return f"<p>Báo cáo / report: <a href='{html.escape(self.index)}'>{html.escape(self.index)}</a></p><ul>{items}</ul>"


def _inject(nb: Any, parameters: Mapping[str, Any]) -> None:
    """Add a cell of assignments after the cell tagged ``parameters`` (or at the top)."""
    import nbformat

    if not parameters:
        return
    source = "# Parameters injected by plankit report\n" + "\n".join(
        f"{name} = {value!r}" for name, value in parameters.items()
    )
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    index = next(
        (i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), 0
    )
    nb.cells.insert(index, cell)


def _title(nb: Any, fallback: str) -> str:
    """The title a notebook shows: the first Markdown heading, else the file name."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return fallback


def execute_notebook(path: Path, parameters: Mapping[str, Any], *, timeout: int = 600) -> Any:
    """Read, parameterise and execute one notebook; returns the executed notebook node."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    try:
        nb = nbformat.read(str(path), as_version=4)
    except (OSError, ValueError) as exc:
        raise ReportError(f"{path}: not a readable notebook ({exc})") from None
    _inject(nb, parameters)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        first = str(exc).strip().splitlines()
        reason = next((ln for ln in reversed(first) if ln.strip()), "a cell failed")
        raise ReportError(f"{path}: a cell failed: {reason}") from None
    except (CellTimeoutError, DeadKernelError) as exc:
        raise ReportError(f"{path}: execution stopped: {exc}") from None
    return nb


def export_html(nb: Any, *, no_input: bool = False) -> str:
    """A standalone HTML page of an executed notebook (images embedded)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = no_input
    exporter.exclude_input_prompt = no_input
    exporter.exclude_output_prompt = no_input
    body, _ = exporter.from_notebook_node(nb)
    return body


def _index_page(entries: Sequence[NotebookReport], plans_dir: str, out: Path) -> str:
    rows = "".join(
        f"<li><a href='{html.escape(Path(n.html_path).name)}'>{html.escape(n.title)}</a>"
        f" <small>({html.escape(n.notebook)}, {n.seconds:.1f} s)</small></li>"
        for n in entries
    )
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    return (
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>"
        "<title>plankit: báo cáo / reports</title>"
        "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:52em;margin:2em auto}"
        "li{margin:.4em 0}</style></head><body>"
        "<h1>Báo cáo kế hoạch tuyên truyền CCHC</h1>"
        f"<p>Thư mục kế hoạch / plans folder: <code>{html.escape(plans_dir)}</code> · {stamp}</p>"
        f"<ol>{rows}</ol></body></html>"
    )


def run_report(
    plans: str | os.PathLike[str] = "plans",
    out: str | os.PathLike[str] = "reports",
    *,
    notebooks: str | os.PathLike[str] | None = None,
    parameters: Mapping[str, Any] | None = None,
    no_input: bool = False,
    force: bool = False,
    progress: bool = True,
    timeout: int = 600,
) -> Report:
    """Execute every notebook against ``plans`` and write HTML reports and an index to ``out``.

    ``parameters`` are injected into every notebook after its ``parameters`` cell; ``plans_dir``
    (absolute) and ``out_dir`` are always set. Raises :class:`~plankit.errors.ReportError` when a
    notebook fails and :class:`~plankit.errors.OutputExists` when a report exists and ``force``
    is false (checked before anything runs).
    """
    nb_dir = Path(notebooks) if notebooks else default_notebooks_dir()
    files = sorted(p for p in nb_dir.glob("*.ipynb") if not p.name.startswith("."))
    if not files:
        raise ReportError(f"{nb_dir}: no notebooks (*.ipynb) to run")
    plans_path = Path(plans).resolve()
    if not plans_path.exists():
        raise ReportError(f"{plans}: plans folder not found")
    out_dir = Path(out).resolve()
    targets = [check_inside(out_dir, out_dir / f"{p.stem}.html") for p in files]
    index_path = check_inside(out_dir, out_dir / "index.html")
    # Every output checked before any notebook runs; a notebook or a plan is never an output.
    plan_outputs([*targets, index_path, out_dir / "report.json"],
                 [*files, *(plans_path.rglob("*") if plans_path.is_dir() else [plans_path])], force=force)
    out_dir.mkdir(parents=True, exist_ok=True)
    params = {"plans_dir": str(plans_path), "out_dir": str(out_dir), **(parameters or {})}
    iterator: Any = zip(files, targets, strict=True)
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(list(iterator), desc="Sổ tay / notebooks", unit="nb")
    entries = []
    import time

    for path, target in iterator:
        start = time.perf_counter()
        nb = execute_notebook(path, params, timeout=timeout)
        write_atomic(target, export_html(nb, no_input=no_input), force=True)
        entries.append(NotebookReport(path.name, _title(nb, path.stem), str(target), time.perf_counter() - start))
    write_atomic(index_path, _index_page(entries, str(plans_path), out_dir), force=True)
    write_atomic(
        out_dir / "report.json",
        json.dumps([e.__dict__ for e in entries], ensure_ascii=False, indent=2),
        force=True,
    )
    return Report(str(index_path), tuple(entries))
