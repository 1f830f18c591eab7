"""Reports: execute the notebooks against a folder of plans and export them to HTML for a manager.

The notebooks ship inside the package (:func:`plankit.bundled.notebooks_dir`). Each has one cell
tagged ``parameters`` (papermill's convention); a report run checks the values it is given against
those cells before any kernel starts, injects them in a cell right after, executes the notebook with
nbclient (working directory: the output folder, so a stray relative write stays inside it), exports
it to a standalone HTML page with nbconvert (figures embedded; code hidden unless ``show_code``),
and writes an index page that summarises the folder from the figures each notebook recorded with
:func:`plankit.show.summary`. A notebook that fails is saved next to its page for inspection and
the others still run. Nothing is written outside the output folder, and no existing file is
overwritten unless ``force`` is given.
"""

from __future__ import annotations

import ast
import datetime as dt
import html
import importlib.util
import json
import os
import re
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .corpus import plan_files
from .errors import ReportError
from .output import check_inside, plan_outputs, write_atomic
from .output import progress_bar as _progress_bar  # the tests pin which bar a report shows

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["NotebookReport", "Report", "default_notebooks_dir", "notebook_parameters", "run_report"]

# What `pip install plankit[report]` brings; checked before anything runs.
REPORT_MODULES = ("nbclient", "nbconvert", "nbformat", "ipykernel")

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def require_extra(extra: str, modules: Sequence[str]) -> None:
    """Raise :class:`ReportError` naming the extra to install when a module is missing.

    >>> require_extra("report", ["json"])
    >>> require_extra("report", ["no_such_module_here"])
    Traceback (most recent call last):
    ...
    plankit.errors.ReportError: thiếu gói phụ 'report' / missing the 'report' extra: pip install 'plankit[report]' (no_such_module_here)
    """
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise ReportError(
            f"thiếu gói phụ '{extra}' / missing the '{extra}' extra: "
            f"pip install 'plankit[{extra}]' ({', '.join(missing)})"
        )


def default_notebooks_dir() -> Path:
    """The notebooks that ship inside the package (the checkout's ``notebooks/`` links there)."""
    from .bundled import notebooks_dir

    return notebooks_dir()


@dataclass(frozen=True)
class NotebookReport:
    """One executed notebook: its title, the page written, how long it ran, what it recorded."""

    notebook: str
    title: str
    html_path: str
    seconds: float
    summary: Mapping[str, Any] = field(default_factory=dict)
    error: str | None = None
    gloss: str = ""

    def __repr__(self) -> str:
        state = f"failed: {self.error}" if self.error else f"{self.seconds:.1f}s"
        return f"NotebookReport({self.notebook!r} -> {Path(self.html_path).name}, {state})"


@dataclass(frozen=True)
class Report:
    """A whole report run: the index page, the notebooks it links, and the plan files that could
    not be read (``(file inside the plans folder, reason)``, as the corpus page lists them)."""

    index: str
    notebooks: tuple[NotebookReport, ...] = field(default=())
    unreadable: tuple[tuple[str, str], ...] = field(default=())

    @property
    def failed(self) -> tuple[NotebookReport, ...]:
        """The notebooks that stopped on an error."""
        return tuple(n for n in self.notebooks if n.error)

    def __repr__(self) -> str:
        bad = f", {len(self.unreadable)} files unreadable" if self.unreadable else ""
        return f"<Report {len(self.notebooks)} notebooks, {len(self.failed)} failed{bad}, index {self.index}>"

    def to_frame(self) -> pd.DataFrame:
        """One row per notebook: notebook, title, html (the page written), seconds, error
        (``None`` when it ran through)."""
        import pandas as pd

        rows = self.notebooks
        return pd.DataFrame({  # by columns: records would turn a None error into NaN
            "notebook": pd.Series([n.notebook for n in rows], dtype=object),
            "title": pd.Series([n.title for n in rows], dtype=object),
            "html": pd.Series([n.html_path for n in rows], dtype=object),
            "seconds": pd.Series([round(n.seconds, 1) for n in rows], dtype=float),
            "error": pd.Series([n.error for n in rows], dtype=object),
        })

    def _repr_html_(self) -> str:
        items = "".join(
            f"<li><a href='{html.escape(n.html_path)}'>{html.escape(n.title)}</a> ({n.seconds:.1f} s)</li>"
            for n in self.notebooks
        )
        return f"<p>Báo cáo / report: <a href='{html.escape(self.index)}'>{html.escape(self.index)}</a></p><ul>{items}</ul>"


# -- parameters ------------------------------------------------------------------------------------


def _parameters_cell(nb: Any) -> Any | None:
    return next((c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])), None)


def notebook_parameters(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The parameters a notebook declares, with their default values.

    >>> from plankit.bundled import notebooks_dir
    >>> notebook_parameters(notebooks_dir() / "04-stale-copy-check.ipynb")
    {'plans_dir': '../plans', 'today': None}
    """
    import nbformat

    try:
        nb = nbformat.read(str(path), as_version=4)
    except (OSError, ValueError) as exc:  # NotJSONError is a ValueError
        raise ReportError(f"{path}: không đọc được sổ tay / not a readable notebook "
                          f"({str(exc).splitlines()[0][:120]})") from None
    cell = _parameters_cell(nb)
    if cell is None:
        return {}
    found: dict[str, Any] = {}
    for node in ast.parse(cell.source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                found[node.targets[0].id] = None
    return found


def _as_literal(name: str, value: Any) -> Any:
    """A parameter value the kernel can read back from its ``repr``: paths and dates become text."""
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_as_literal(name, v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _as_literal(name, v) for k, v in value.items()}
    raise ReportError(f"tham số / parameter {name}: {type(value).__name__} không truyền được vào sổ tay / "
                      "cannot be passed to a notebook (use text)")


#: Parameters that name a file of the plans folder (a path inside ``--plans``).
PLAN_FILE_PARAMETERS = ("old_plan", "new_plan", "previous_plan", "reference_plan", "preview_plan")


def check_parameters(
    parameters: Mapping[str, Any], declared: Mapping[str, Mapping[str, Any]], plans: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """``parameters`` made safe to inject, or :class:`ReportError` for a name no notebook declares
    or a value the notebook would stop on: ``today`` not a date, ``draft_year`` not a year, a
    ``*_plan`` that is no file inside ``plans`` (checked when ``plans`` is given). Checked before
    any kernel starts, so a mistyped value costs a line, not a run of every notebook.

    >>> check_parameters({"today": dt.date(2026, 1, 15)}, {"04.ipynb": {"plans_dir": "", "today": None}})
    {'today': '2026-01-15'}
    >>> check_parameters({"new_year": 2025}, {"04.ipynb": {"plans_dir": "", "today": None}})
    Traceback (most recent call last):
    ...
    plankit.errors.ReportError: tham số không có / unknown parameter 'new_year'; valid: plans_dir, today
    >>> check_parameters({"today": "2026-13-01"}, {"04.ipynb": {"today": None}})
    Traceback (most recent call last):
    ...
    plankit.errors.ReportError: tham số today: không phải ngày dạng YYYY-MM-DD / parameter today: not a date YYYY-MM-DD: '2026-13-01'
    """
    valid = sorted({name for names in declared.values() for name in names})
    for name in parameters:
        if name not in valid:
            raise ReportError(f"tham số không có / unknown parameter '{name}'; valid: {', '.join(valid)}")
    checked = {name: _as_literal(name, value) for name, value in parameters.items()}
    for name, value in checked.items():
        if value is None:
            continue
        if name == "today":
            try:
                dt.date.fromisoformat(str(value))
            except ValueError:
                raise ReportError(f"tham số today: không phải ngày dạng YYYY-MM-DD / parameter today: not a date "
                                  f"YYYY-MM-DD: {value!r}") from None
        elif name == "draft_year" and not (isinstance(value, int) and 1945 <= value <= 2100):
            raise ReportError(f"tham số draft_year: không phải năm kế hoạch như 2026 / parameter draft_year: not a "
                              f"plan year such as 2026: {value!r}")
        elif name in PLAN_FILE_PARAMETERS and plans is not None and not (Path(plans) / str(value)).is_file():
            raise ReportError(f"tham số {name}: không có tệp này trong thư mục kế hoạch {plans} / parameter {name}: "
                              f"no such file inside the plans folder {plans}: {value!r}")
    return checked


def _inject(nb: Any, parameters: Mapping[str, Any]) -> None:
    """Add a cell of assignments after the cell tagged ``parameters`` (or at the top)."""
    import nbformat

    if not parameters:
        return
    source = "# Parameters injected by plankit report\n" + "\n".join(
        f"{name} = {value!r}" for name, value in parameters.items()
    )
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    tagged = _parameters_cell(nb)
    nb.cells.insert(nb.cells.index(tagged) + 1 if tagged is not None else 0, cell)


# -- running and exporting -------------------------------------------------------------------------


def _title(nb: Any, fallback: str) -> str:
    """The title a notebook shows: the first Markdown heading, else the file name."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return fallback


def _gloss(nb: Any) -> str:
    """The English gloss of a notebook's title: the first italic line's words before its colon.

    >>> import nbformat
    >>> _gloss(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
    ...     "# Soát lỗi sao chép\\n\\n*Stale copy-paste check: every plan through the linter.*")]))
    'Stale copy-paste check'
    """
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                found = re.fullmatch(r"\*([^*:]+)[:.]?.*\*", line.strip())
                if found:
                    return found.group(1).strip()
            return ""
    return ""


def _reason(exc: BaseException) -> str:
    """The last meaningful line of an execution error, without terminal colour codes."""
    lines = [ln.strip() for ln in _ANSI.sub("", str(exc)).splitlines() if ln.strip()]
    errors = [ln for ln in lines if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Exists|Warning)\b", ln)]
    return (errors or lines or ["a cell failed"])[-1][:300]


def execute_notebook(nb: Any, *, cwd: Path, timeout: int = 600) -> str | None:
    """Execute ``nb`` in place with ``cwd`` as the kernel's working directory; the error, or None."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}})
    try:
        # the kernel's own start-up chatter (transport warnings) is not the reader's business
        client.execute(stderr=subprocess.DEVNULL)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        if _interrupted(client):
            raise KeyboardInterrupt from None
        return _reason(exc)
    except Exception:
        if _interrupted(client):  # nbclient's clean-up after the signal fails its own way
            raise KeyboardInterrupt from None
        raise
    if _interrupted(client):
        raise KeyboardInterrupt
    return None


def _interrupted(client: Any) -> bool:
    """Whether Ctrl-C (or SIGTERM) stopped ``client``. While a notebook runs, nbclient takes
    both signals itself (``loop.add_signal_handler``): it shuts the kernel down, then fails with
    DeadKernelError or an AssertionError of its own clean-up, and Python's KeyboardInterrupt
    never comes. Its handler leaves one mark, the clean-up task it starts."""
    return getattr(client, "_async_cleanup_kernel_future", None) is not None


def _take_summaries(nb: Any) -> dict[str, Any]:
    """The figures recorded with :func:`plankit.show.summary`, removed from the outputs."""
    from .show import SUMMARY_MIME

    found: dict[str, Any] = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if SUMMARY_MIME in data:
                found.update(data[SUMMARY_MIME])
            else:
                kept.append(out)
        cell.outputs = kept
    return found


REPORT_CSS = """
body, .jp-Notebook { font-family: "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
code, pre, kbd, samp, .jp-RenderedText pre, .jp-OutputArea-output pre {
  font-family: "Noto Sans Mono", "Liberation Mono", "Cascadia Mono", Consolas, "Courier New", monospace !important; }
.jp-Notebook { max-width: 72em; margin: 0 auto; padding: 1em 2em; }
h1, h2, h3 { color: #1f3a5f; }
.pk-en { display: block; font-size: .62em; font-weight: normal; color: #666; margin-top: .15em; }
.jp-MarkdownCell em, .pk-note .pk-en { color: #555; font-size: .9em; }
.pk-note { color: #333; }
.pk-note .pk-en { display: inline; font-size: .85em; }
.jp-OutputArea-output { overflow-x: visible !important; }
table.pk-table { border-collapse: collapse !important; width: auto !important; min-width: 30em; table-layout: auto !important;
  font-size: 13px !important; margin: .5em 0 1em 0 !important; }
table.pk-table.pk-wide { width: 100% !important; }
.pk-markdown table { border-collapse: collapse; margin: .5em 0; }
.pk-markdown td, .pk-markdown th { border: 1px solid #dde3ea; padding: 3px 6px; text-align: left; vertical-align: top; }
table.pk-table th { background: #1f3a5f !important; color: #fff !important; text-align: left !important;
  padding: 5px 8px !important; vertical-align: bottom !important; white-space: normal !important; }
table.pk-table td { border-bottom: 1px solid #dde3ea !important; padding: 4px 8px !important; text-align: left !important;
  vertical-align: top !important; white-space: normal !important; overflow-wrap: break-word; max-width: 36em; }
table.pk-table tbody tr:nth-child(even) { background: #f5f7fa !important; }
details.pk-details { margin: .6em 0 1.2em 0; border: 1px solid #dde3ea; border-radius: 4px; padding: .3em .8em; }
details.pk-details > summary { cursor: pointer; color: #1f3a5f; font-weight: 600; }
.jp-OutputArea-output img { max-width: 100%; height: auto; }
"""


def export_html(nb: Any, *, show_code: bool = False) -> str:
    """A standalone HTML page of an executed notebook: images embedded, the report's styles."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = not show_code
    exporter.exclude_output_prompt = not show_code
    body, _ = exporter.from_notebook_node(nb)
    return body.replace("</head>", f"<style>{REPORT_CSS}</style></head>", 1)


def _relative(text: str, roots: Sequence[Path]) -> str:
    """``text`` without the absolute folders of this run (pages are read on other machines)."""
    for root in roots:
        for form in {str(root), root.as_posix(), str(root.resolve())}:
            text = text.replace(form + os.sep, "").replace(form + "/", "").replace(form, ".")
    return text


# -- the index page --------------------------------------------------------------------------------

# the index lists this many pairs and drafts; a folder of many issuers gives dozens (all on their page)
_SHOWN = 8

_SEVERITY = {"error": "lỗi / errors", "warning": "cảnh báo / warnings", "info": "lưu ý / notes"}


def _figures(entries: Sequence[NotebookReport]) -> list[tuple[str, str, str]]:
    """(Vietnamese, English, value) rows of the index's summary, from what the notebooks recorded."""
    merged: dict[str, Any] = {}
    for entry in entries:
        merged.update(entry.summary)
    rows: list[tuple[str, str, str]] = []
    if "plans" in merged:
        rows.append(("Kế hoạch đọc được", "plans read", str(merged["plans"])))
        named = [f"{name} ({reason})" for name, reason in merged.get("unreadable_files") or []]
        shown = "; ".join(named[:_SHOWN]) + (f"; … và {len(named) - _SHOWN} tệp khác / {len(named) - _SHOWN} more"
                                             if len(named) > _SHOWN else "")
        rows.append(("Tệp không đọc được", "files unreadable",
                     f"{merged.get('unreadable', 0)}" + (": " + shown if named else "")))
    if "findings" in merged:
        by = merged["findings"] or {}
        text = ", ".join(f"{by[k]} {_SEVERITY.get(k, k)}" for k in ("error", "warning", "info") if k in by)
        rows.append(("Phát hiện khi soát lỗi", "lint findings", text or "0"))
    if "pairs" in merged:
        pairs = merged["pairs"] or []
        shown = "; ".join(pairs[:_SHOWN]) + (f"; … và {len(pairs) - _SHOWN} cặp khác / {len(pairs) - _SHOWN} more"
                                             if len(pairs) > _SHOWN else "")
        rows.append(("Cặp kế hoạch so sánh", "pairs compared", f"{len(pairs)}" + (": " + shown if pairs else "")))
    if "drafts" in merged:
        drafts = merged["drafts"] or []
        links = "; ".join(
            f"<a href='{html.escape(quote(d))}'>{html.escape(d)}</a>" if d.endswith(".docx") else html.escape(d)
            for d in drafts[:_SHOWN]
        )
        if len(drafts) > _SHOWN:  # the page of the drafts lists them all
            more = len(drafts) - _SHOWN
            links += f"; … và {more} dự thảo khác / {more} more"
        rows.append(("Dự thảo đã soạn", "drafts made", f"{len(drafts)}" + (": " + links if drafts else "")))
    if "documents" in merged:
        rows.append(("Văn bản trong sơ đồ căn cứ", "documents in the basis graph",
                     f"{merged['documents']} ({merged.get('links', 0)} quan hệ / links)"))
    return rows


def _index_page(entries: Sequence[NotebookReport], plans_label: str) -> str:
    figures = "".join(
        f"<tr><th>{html.escape(vi)}<span class='pk-en'>{html.escape(en)}</span></th><td>{value if '<a ' in value else html.escape(value)}</td></tr>"
        for vi, en, value in _figures(entries)
    )
    rows = "".join(
        f"<li><a href='{html.escape(quote(Path(n.html_path).name))}'>{html.escape(n.title)}</a>"
        + (f"<span class='pk-en'>{html.escape(n.gloss)}</span>" if n.gloss and n.gloss not in n.title else "")
        + (f" <span class='pk-failed'>lỗi / failed: {html.escape(n.error)} "
           f"(<a href='{html.escape(Path(n.html_path).stem)}.failed.ipynb'>notebook</a>)</span>" if n.error else "")
        + "</li>"
        for n in entries
    )
    stamp = dt.datetime.now().strftime("%d/%m/%Y %H:%M")
    return (
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Báo cáo kế hoạch tuyên truyền CCHC</title><style>"
        "body{font-family:'Noto Sans','Liberation Sans','DejaVu Sans',Arial,sans-serif;max-width:56em;"
        "margin:2em auto;padding:0 1.5em;color:#222}h1,h2{color:#1f3a5f}"
        ".pk-en{display:block;font-size:.72em;font-weight:normal;color:#666}"
        "table{border-collapse:collapse;width:100%;margin:1em 0}"
        "th,td{text-align:left;vertical-align:top;padding:.5em .8em;border-bottom:1px solid #dde3ea}"
        "th{width:16em;font-weight:600}li{margin:.5em 0;font-size:1.05em}"
        ".pk-failed{color:#b03a2e;font-size:.9em}</style></head><body>"
        "<h1>Báo cáo kế hoạch tuyên truyền cải cách hành chính"
        "<span class='pk-en'>Reports on the administrative-reform communication plans</span></h1>"
        f"<p>Thư mục / folder: <b>{html.escape(plans_label)}</b> · {stamp}</p>"
        "<h2>Tóm tắt<span class='pk-en'>Summary</span></h2>"
        f"<table>{figures}</table>"
        "<h2>Các trang báo cáo<span class='pk-en'>Pages</span></h2>"
        f"<ol>{rows}</ol></body></html>"
    )


def check_out_folder(plans: str | os.PathLike[str], out: str | os.PathLike[str]) -> Path:
    """``out`` resolved, refused (:class:`~plankit.errors.ReportError`) when it lies inside the
    plans folder: the drafts (.docx) and template previews (.png) a report writes would be read
    as plans by the next run.

    >>> check_out_folder("plans", "plans/reports")
    Traceback (most recent call last):
    ...
    plankit.errors.ReportError: plans/reports: thư mục báo cáo nằm trong thư mục kế hoạch, chọn --out ở ngoài / the report folder is inside the plans folder plans: choose an --out outside it
    """
    out_dir = Path(out).resolve()
    if out_dir.is_relative_to(Path(plans).resolve()):
        raise ReportError(f"{out}: thư mục báo cáo nằm trong thư mục kế hoạch, chọn --out ở ngoài / the "
                          f"report folder is inside the plans folder {plans}: choose an --out outside it")
    return out_dir


def run_report(
    plans: str | os.PathLike[str] = "plans",
    out: str | os.PathLike[str] = "reports",
    *,
    notebooks: str | os.PathLike[str] | None = None,
    parameters: Mapping[str, Any] | None = None,
    show_code: bool = False,
    force: bool = False,
    progress: bool = True,
    timeout: int = 600,
) -> Report:
    """Execute every notebook against ``plans`` and write HTML pages and an index to ``out``.

    ``parameters`` (checked against the notebooks' ``parameters`` cells before any kernel starts;
    paths and dates are passed as text) go to each notebook that declares them; ``plans_dir`` and
    ``out_dir`` are always set. Raises :class:`~plankit.errors.ReadError` when ``plans`` holds no
    plan file (before any kernel starts, in the words of ``plankit read``),
    :class:`~plankit.errors.ReportError` for a missing extra, ``out`` inside ``plans``, an
    unknown parameter or a value a notebook would stop on (:func:`check_parameters`), or when a
    notebook failed (after writing everything else, the failed notebook
    saved as ``NAME.failed.ipynb``), and :class:`~plankit.errors.OutputExists` when a page exists and
    ``force`` is false (checked before anything runs).
    """
    require_extra("report", REPORT_MODULES)
    import nbformat

    nb_dir = Path(notebooks) if notebooks else default_notebooks_dir()
    files = sorted(p for p in nb_dir.glob("*.ipynb") if not p.name.startswith("."))
    if not files:
        raise ReportError(f"{nb_dir}: không có sổ tay nào / no notebooks (*.ipynb) to run")
    plans_path = Path(plans).resolve()
    if not plans_path.is_dir():
        raise ReportError(f"{plans}: không có thư mục kế hoạch này, thêm --plans THƯ-MỤC (kế hoạch mẫu: "
                          "plankit demo) / plans folder not found, give --plans FOLDER (the sample plans: "
                          "plankit demo)")
    plan_files([plans])  # a folder with no plan file is said in one line, not in six empty pages
    out_dir = check_out_folder(plans, out)
    targets = [check_inside(out_dir, out_dir / f"{p.stem}.html") for p in files]
    index_path = check_inside(out_dir, out_dir / "index.html")
    # Every output checked before any notebook runs; a notebook or a plan is never an output.
    plan_outputs([*targets, index_path, out_dir / "report.json"],
                 [*files, *(plans_path.rglob("*") if plans_path.is_dir() else [plans_path])], force=force)
    declared = {p.name: notebook_parameters(p) for p in files}
    params = check_parameters(parameters or {}, declared, plans)
    out_dir.mkdir(parents=True, exist_ok=True)
    fixed = {"plans_dir": str(plans_path), "out_dir": str(out_dir)}
    iterator: Any = zip(files, targets, strict=True)
    if progress:
        iterator = _progress_bar()(list(iterator), desc="Sổ tay / notebooks", unit="nb")
    entries = []
    for path, target in iterator:
        start = time.perf_counter()
        names = declared[path.name]
        nb = nbformat.read(str(path), as_version=4)
        _inject(nb, {k: v for k, v in {**fixed, **params}.items() if k in names})
        error = execute_notebook(nb, cwd=out_dir, timeout=timeout)
        if error:
            failed = check_inside(out_dir, out_dir / f"{path.stem}.failed.ipynb")
            write_atomic(failed, nbformat.writes(nb), force=True)
        summary = _take_summaries(nb)
        page = _relative(export_html(nb, show_code=show_code), [out_dir, plans_path])
        write_atomic(target, page, force=True)
        entries.append(NotebookReport(path.name, _title(nb, path.stem), str(target),
                                      time.perf_counter() - start, summary, error, _gloss(nb)))
    write_atomic(index_path, _index_page(entries, plans_path.name or str(plans)), force=True)
    write_atomic(
        out_dir / "report.json",
        json.dumps([{**e.__dict__, "summary": dict(e.summary)} for e in entries], ensure_ascii=False, indent=2),
        force=True,
    )
    unreadable = next((e.summary["unreadable_files"] for e in entries if "unreadable_files" in e.summary), [])
    report = Report(str(index_path), tuple(entries), tuple((str(f), str(r)) for f, r in unreadable))
    if report.failed:
        first = report.failed[0]
        raise ReportError(
            f"{first.notebook}: {first.error} (saved as {Path(first.html_path).stem}.failed.ipynb"
            + (f"; {len(report.failed) - 1} more failed" if len(report.failed) > 1 else "") + ")"
        )
    return report
