"""A report run as a notebook user holds it: a table of its pages, and a progress bar that does not
print a warning into the notebook that runs it."""

from __future__ import annotations

import tqdm
import tqdm.auto

from plankit import report as report_module
from plankit.report import NotebookReport, Report


def test_report_to_frame_has_one_row_per_notebook():
    report = Report("/srv/bao-cao/index.html", (
        NotebookReport("01-corpus.ipynb", "Kho kế hoạch", "/srv/bao-cao/01-corpus.html", 4.93),
        NotebookReport("03-year-on-year.ipynb", "So sánh hai năm", "/srv/bao-cao/03-year-on-year.html", 3.05,
                       error="ZeroDivisionError: division by zero"),
    ))
    frame = report.to_frame()
    assert list(frame.columns) == ["notebook", "title", "html", "seconds", "error"]
    assert frame.to_dict("records") == [
        {"notebook": "01-corpus.ipynb", "title": "Kho kế hoạch", "html": "/srv/bao-cao/01-corpus.html",
         "seconds": 4.9, "error": None},
        {"notebook": "03-year-on-year.ipynb", "title": "So sánh hai năm", "html": "/srv/bao-cao/03-year-on-year.html",
         "seconds": 3.0, "error": "ZeroDivisionError: division by zero"},
    ]
    assert repr(report) == "<Report 2 notebooks, 1 failed, index /srv/bao-cao/index.html>"


def test_an_empty_report_frame_keeps_its_columns():
    frame = Report("index.html").to_frame()
    assert (len(frame), list(frame.columns)) == (0, ["notebook", "title", "html", "seconds", "error"])


def test_progress_bar_is_the_text_bar_without_ipywidgets(monkeypatch):
    # tqdm.auto without ipywidgets warns "IProgress not found" into the notebook running the report
    real = report_module.importlib.util.find_spec
    monkeypatch.setattr(report_module.importlib.util, "find_spec",
                        lambda name, *a: None if name == "ipywidgets" else real(name, *a))
    assert report_module._progress_bar() is tqdm.std.tqdm


def test_progress_bar_is_the_widget_with_ipywidgets(monkeypatch):
    real = report_module.importlib.util.find_spec
    monkeypatch.setattr(report_module.importlib.util, "find_spec",
                        lambda name, *a: object() if name == "ipywidgets" else real(name, *a))
    assert report_module._progress_bar() is tqdm.auto.tqdm


def test_reading_a_folder_uses_the_same_bar(monkeypatch):
    # read_corpus(progress=True) in the JupyterLab of `make lab` (no ipywidgets) must not warn
    from plankit import corpus as corpus_module

    real = report_module.importlib.util.find_spec
    monkeypatch.setattr(report_module.importlib.util, "find_spec",
                        lambda name, *a: None if name == "ipywidgets" else real(name, *a))
    assert type(corpus_module._progress([], total=0)) is tqdm.std.tqdm
