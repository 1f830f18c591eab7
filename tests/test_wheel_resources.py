"""What the package reads at run time is inside it, once; what it reads from other packages is there.

Fast checks of the packaging decisions (docs/packaging.md); tests/test_wheel.py builds and installs
the wheel for real.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from plankit.bundled import notebooks_dir, sample_plans_dir, template_path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGE = ROOT / "plankit"


def test_run_time_files_live_inside_the_package():
    assert template_path() == PACKAGE / "templates" / "ke-hoach.docx"
    assert notebooks_dir() == PACKAGE / "notebooks"
    assert sample_plans_dir() == PACKAGE / "plans"
    assert sorted(p.name for p in sample_plans_dir().rglob("*.txt")) == [
        "2022-so-cong-thuong.txt", "2022-so-khcn.news.txt", "2022-so-khcn.txt", "2025-so-khcn.ocr.txt",
    ]


def test_top_level_folders_are_links_into_the_package_not_copies():
    for top, inside in (("plans", "plankit/plans"), ("notebooks", "plankit/notebooks"),
                        ("templates/ke-hoach.docx", "plankit/templates/ke-hoach.docx")):
        path = ROOT / top
        assert path.is_symlink(), top
        assert path.resolve() == (ROOT / inside).resolve(), top


def test_package_data_globs_cover_every_run_time_file():
    globs = PYPROJECT["tool"]["setuptools"]["package-data"]["plankit"]
    files = [p.relative_to(PACKAGE).as_posix() for p in
             [template_path(), *notebooks_dir().glob("*.ipynb"), *sample_plans_dir().rglob("*") ] if p.is_file()]
    for name in files:
        assert any(Path(name).match(g) or (g.endswith("**/*") and name.startswith(g[:-4])) for g in globs), name


def _name(requirement: str) -> str:
    return re.match(r"[A-Za-z0-9_.-]+", requirement).group(0).lower().replace("_", "-")


def test_dependencies_are_listed_once_and_pinned_where_accuracy_depends_on_them():
    project = PYPROJECT["project"]
    names = [_name(r) for r in project["dependencies"]]
    assert len(names) == len(set(names))
    for extra, reqs in project["optional-dependencies"].items():
        extra_names = [_name(r) for r in reqs]
        assert len(extra_names) == len(set(extra_names)), extra
        assert not set(extra_names) & set(names), extra  # nothing an extra repeats from the core
    assert "cryptography" not in names and any(r.startswith("pypdf[crypto]") for r in project["dependencies"])
    underthesea = next(r for r in project["dependencies"] if _name(r) == "underthesea")
    assert "<" in underthesea  # below its next major version: the model reads its data files
    assert project["license"] == "MIT" and (ROOT / "LICENSE").is_file()
    assert set(project["optional-dependencies"]) >= {"report", "lab", "dev", "bench", "fuzz"}
    assert {_name(r) for r in project["optional-dependencies"]["report"]} == {"nbclient", "nbconvert", "nbformat", "ipykernel"}


def test_the_two_underthesea_files_the_restorer_reads_are_found_and_used():
    from plankit.restore_model import default_model, underthesea_corpus_path, viet74k_path

    assert viet74k_path() is not None and viet74k_path().name == "Viet74K.txt"
    assert underthesea_corpus_path() is not None and underthesea_corpus_path().name == "test_output.txt"
    sources = default_model().sources
    assert "underthesea:Viet74K" in sources and "underthesea:vlsp2013" in sources
    assert "can-tho/2022-so-khcn.txt" in sources  # the sample plans inside the package


def test_demo_without_arguments_reads_the_bundled_plans_from_any_folder(tmp_path, monkeypatch, capsys):
    from plankit.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--no-report"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("5 kế hoạch trong các kế hoạch mẫu / 5 plans in the samples\n")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["drafts", "drafts/can-tho-2026.docx"]
    assert main(["demo", "--no-report"]) == 2  # refuses to overwrite
    assert capsys.readouterr().err == "plankit: lỗi / error: drafts/can-tho-2026.docx: tệp đã có, thêm --force để ghi đè / already exists (use --force to overwrite)\n"
