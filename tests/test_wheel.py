"""The installed package behaves like the checkout (CI step of issue 15).

The sdist and the wheel are built from this checkout, the wheel is installed with its dependencies
(and the ``report`` extra) into a fresh virtual environment outside the repository, and from an
empty folder ``plankit demo``, ``lint``, ``draft`` and ``restore`` run as a new user would run them.
Their outputs must be there and equal to the checkout's: restoration in particular, whose model
reads the sample plans and two data files of ``underthesea``. uv's cache keeps the install to
seconds; a failure here is a packaging bug (a file read from beside the package, a missing extra).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCAN = ROOT / "plans" / "can-tho" / "2025-so-khcn.ocr.txt"
CLEAN = ROOT / "plans" / "can-tho" / "2022-so-khcn.txt"
OTHER = ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt"


def _run(cmd: list[str], cwd: Path, *, timeout: int = 600, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False, env=env)
    return result


def _must(cmd: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    result = _run(cmd, cwd, **kw)
    assert result.returncode == 0, f"{' '.join(map(str, cmd))} -> {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv bin folder, empty work folder, clean environment) for the wheel installed outside the repo."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    # sdist first, then the wheel built from the sdist: both must carry the package data. The
    # build backend comes from the dev extra (--no-isolation: no throw-away build environments).
    _must([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(ROOT)], ROOT)
    wheels = sorted(dist.glob("plankit-*.whl"))
    assert len(wheels) == 1 and sorted(dist.glob("plankit-*.tar.gz"))
    # an officer's folder: spaces and Vietnamese letters in the path (the scripts' first line too)
    home = base / "thử nghiệm"
    home.mkdir()
    venv = home / "venv"
    _must([sys.executable, "-m", "venv", "--without-pip", str(venv)], base)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    # the installer resolves the wheel's dependencies from the package index as for any user:
    # uv (the dev extra; its cache, filled by `make install`, makes this seconds instead of the
    # minutes pip took), else this pip; no byte-compiling of ninety packages the test imports a
    # handful of
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    python = str(venv / "bin" / "python")
    if uv:
        install = [uv, "pip", "install", "--quiet", "--python", python, f"{wheels[0]}[report]"]
    else:
        install = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-compile",
                   "--disable-pip-version-check", f"{wheels[0]}[report]"]
    _must(install, base, env=env)
    work = home / "thư mục trống"
    work.mkdir()
    return venv / "bin", work, env, wheels[0]


@pytest.mark.slow
def test_the_wheel_carries_the_package_data(installed):
    *_, wheel = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("plankit/templates/ke-hoach.docx", "plankit/plans/can-tho/2025-so-khcn.ocr.txt",
                 "plankit/notebooks/01-corpus.ipynb", "plankit/data/typos.tsv", "plankit-0.1.0.dist-info/licenses/LICENSE"):
        assert name in names
    assert not any(n.startswith(("plans/", "notebooks/", "templates/", "tests/")) for n in names)


@pytest.mark.slow
def test_installed_package_is_not_the_checkout(installed):
    bin_dir, work, env, _ = installed
    where = _must([str(bin_dir / "python"), "-c", "import plankit; print(plankit.__file__)"], work, env=env).stdout
    assert Path(where.strip()).is_relative_to(bin_dir.parent) and not Path(where.strip()).is_relative_to(ROOT)


@pytest.mark.slow
def test_demo_from_an_empty_folder(installed):
    bin_dir, work, env, _ = installed
    demo = work / "demo"
    demo.mkdir()
    result = _must([str(bin_dir / "plankit"), "demo"], demo, env=env)
    assert "5 kế hoạch trong các kế hoạch mẫu / 5 plans in the samples" in result.stdout
    pages = sorted(p.name for p in (demo / "reports").glob("*.html"))
    assert pages == ["01-corpus.html", "02-legal-basis-graph.html", "03-year-on-year.html",
                     "04-stale-copy-check.html", "05-draft-next-year.html", "06-template-authoring.html",
                     "index.html"]
    assert "Cặp kế hoạch so sánh" in (demo / "reports" / "index.html").read_text(encoding="utf-8")
    assert (demo / "drafts" / "can-tho-2026.docx").is_file()
    assert {p.name for p in demo.iterdir()} == {"reports", "drafts"}
    again = _run([str(bin_dir / "plankit"), "demo", "--no-report"], demo, env=env)
    assert again.returncode == 2 and "already exists" in again.stderr and again.stderr.count("\n") == 1


def _both(installed, args: list[str], name: str) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    """Run ``plankit ARGS`` from the wheel and from the checkout, each in its own empty folder."""
    bin_dir, work, env, _ = installed
    results = []
    for label, cmd in (("wheel", [str(bin_dir / "plankit")]), ("checkout", [sys.executable, "-m", "plankit"])):
        folder = work / f"{name}-{label}"
        folder.mkdir()
        for src, dst in ((SCAN, "scan.txt"), (CLEAN, "clean.txt"), (OTHER, "ke-hoach.txt")):
            (folder / dst).write_bytes(src.read_bytes())
        results.append(_run([*cmd, *args], folder, env=env if label == "wheel" else None))
    return results[0], results[1]


@pytest.mark.slow
def test_lint_from_the_wheel_equals_the_checkout(installed):
    wheel, checkout = _both(installed, ["lint", "ke-hoach.txt", "scan.txt", "--today", "2025-11-01"], "lint")
    assert wheel.returncode == checkout.returncode == 1
    assert "ke-hoach.txt:14:297: PK101 stale-year" in wheel.stdout
    assert wheel.stdout == checkout.stdout


@pytest.mark.slow
def test_draft_from_the_wheel(installed):
    wheel, checkout = _both(installed, ["draft", "ke-hoach.txt", "--year", "2023", "-o", "du-thao.docx"], "draft")
    assert wheel.returncode == checkout.returncode == 0, wheel.stderr
    assert wheel.stdout == checkout.stdout
    _, work, *_ = installed
    with zipfile.ZipFile(work / "draft-wheel" / "du-thao.docx") as docx:
        assert "năm 2023" in docx.read("word/document.xml").decode("utf-8")


@pytest.mark.slow
def test_restoration_from_the_wheel_equals_the_checkout(installed):
    # without a reference the model alone decides: it learns from the sample plans inside the
    # package and from underthesea's data, so a file not shipped shows up here
    wheel, checkout = _both(installed, ["restore", "scan.txt", "-o", "restored.txt"], "restore")
    assert wheel.returncode == checkout.returncode == 0, wheel.stderr
    _, work, *_ = installed
    ours = (work / "restore-wheel" / "restored.txt").read_text(encoding="utf-8")
    theirs = (work / "restore-checkout" / "restored.txt").read_text(encoding="utf-8")
    assert "Công tác thông tin, tuyên truyền" in ours
    assert ours == theirs


@pytest.mark.slow
def test_party_draft_from_the_wheel(installed):
    # a Party committee's plan (tests/test_draft_party.py) drafts in the Party layout from the wheel
    import re

    bin_dir, work, env, _ = installed
    folder = work / "party"
    folder.mkdir()
    (folder / "tu-2025.txt").write_text(
        "TỈNH ỦY BẮC NINH\tĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 12-KH/TU\tBắc Ninh, ngày 15 tháng 01 năm 2025\n\n"
        "KẾ HOẠCH\ntuyên truyền cải cách hành chính năm 2025\n\nI. MỤC ĐÍCH, YÊU CẦU\n"
        "Nâng cao nhận thức của cán bộ, đảng viên về cải cách hành chính năm 2025.\n", encoding="utf-8")
    result = _must([str(bin_dir / "plankit"), "draft", "tu-2025.txt", "-o", "tu-2026.docx"], folder, env=env)
    assert result.stdout.splitlines()[2].split()[:2] == ["3:4", "number"]
    with zipfile.ZipFile(folder / "tu-2026.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
    assert texts[:5] == ["TỈNH ỦY BẮC NINH", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số       -KH/TU",
                         "Bắc Ninh, ngày       tháng 01 năm 2026"]
    assert "CỘNG HÒA" not in xml


@pytest.mark.slow
def test_decision_without_header_and_province_draft_from_the_wheel(installed):
    # s7-draft: a ministry's decision copied without its header takes its symbol from the wheel's
    # data (document_types.tsv, the issuer's code from its own citation) and Hà Nội as its place;
    # a people's committee prints over its unit on two lines (the template inside the wheel)
    import re

    bin_dir, work, env, _ = installed
    folder = work / "shapes"
    folder.mkdir()
    (folder / "qd-2025.txt").write_text(
        "QUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH TRUYỀN THÔNG Y TẾ NĂM 2025\nBỘ TRƯỞNG BỘ Y TẾ\n"
        "Căn cứ Quyết định số 77/QĐ-BYT ngày 12/01/2024 của Bộ Y tế ban hành Quy chế phát ngôn của Bộ Y tế;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch truyền thông y tế năm 2025.\n", encoding="utf-8")
    (folder / "ubnd-2024.txt").write_text(
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LẠNG SƠN\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 210/KH-UBND\tLạng Sơn, ngày 20 tháng 12 năm 2023\n\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n"
        "\nI. MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức về cải cách hành chính năm 2024.\n", encoding="utf-8")
    texts = {}
    for src, out in (("qd-2025.txt", "qd-2026.docx"), ("ubnd-2024.txt", "ubnd-2025.docx")):
        _must([str(bin_dir / "plankit"), "draft", src, "-o", out], folder, env=env)
        with zipfile.ZipFile(folder / out) as docx:
            texts[out] = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", docx.read("word/document.xml").decode("utf-8"))
    assert texts["qd-2026.docx"][:5] == ["BỘ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                         "Số:     /QĐ-BYT", "Hà Nội, ngày       tháng 01 năm 2026"]
    assert texts["ubnd-2025.docx"][:2] == ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]
