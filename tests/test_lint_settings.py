"""Lint settings files: found next to the plans or above them, read with tomllib, checked."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from plankit.cli import main
from plankit.errors import LintConfigError
from plankit.lint.settings import Settings, find_settings, load_settings

ROOT = Path(__file__).resolve().parents[1]
HUNG_YEN = ROOT / "plans" / "hung-yen" / "2022-so-khcn.md"


@pytest.fixture
def project(tmp_path):
    """A folder with one real plan under plans/ (the Hưng Yên plan: 14 findings)."""
    (tmp_path / "plans").mkdir()
    shutil.copy(HUNG_YEN, tmp_path / "plans" / "hung-yen.md")
    return tmp_path


def codes(capsys) -> list[str]:
    return [r["code"] for r in json.loads(capsys.readouterr().out)]


def test_found_next_to_the_plans_or_above(project):
    assert find_settings(project / "plans" / "hung-yen.md") is None
    (project / "plankit.toml").write_text('ignore = ["PK5"]\n', encoding="utf-8")
    assert find_settings(project / "plans" / "hung-yen.md") == (project / "plankit.toml").resolve()
    (project / "plans" / "plankit.toml").write_text("", encoding="utf-8")
    assert find_settings(project / "plans") == (project / "plans" / "plankit.toml").resolve()


def test_pyproject_counts_only_with_a_tool_plankit_table(project):
    (project / "pyproject.toml").write_text('[tool.ruff]\nline-length = 100\n', encoding="utf-8")
    assert find_settings(project / "plans") is None
    (project / "pyproject.toml").write_text(
        '[tool.plankit]\nselect = ["PK1", "PK2"]\n', encoding="utf-8"
    )
    assert load_settings(find_settings(project / "plans")).select == ("PK1", "PK2")


def test_cli_reads_select_ignore_and_per_file_ignores(project, capsys):
    plans = str(project / "plans")
    assert main(["lint", plans, "--format", "json", "--today", "2025-11-01"]) == 1
    everything = codes(capsys)
    assert len(everything) == 14 and "PK502" in everything
    (project / "plankit.toml").write_text(
        'select = ["PK5"]\nignore = ["known-typo"]\n', encoding="utf-8"
    )
    assert main(["lint", plans, "--format", "json", "--today", "2025-11-01"]) == 0
    assert set(codes(capsys)) == {"PK501", "PK503"}
    (project / "plankit.toml").write_text(
        'select = ["PK5"]\n[per-file-ignores]\n"plans/*.md" = ["PK501", "PK502"]\n', encoding="utf-8"
    )
    assert main(["lint", plans, "--format", "json", "--today", "2025-11-01"]) == 0
    assert set(codes(capsys)) == {"PK503"}
    # the command line wins: --select replaces the file's select
    assert main(["lint", plans, "--format", "json", "--select", "PK2", "--today", "2025-11-01"]) == 1
    assert set(codes(capsys)) == {"PK201", "PK202", "PK203"}
    assert main(["lint", plans, "--format", "json", "--no-config", "--today", "2025-11-01"]) == 1
    assert len(codes(capsys)) == 14


def test_cli_reads_baseline_and_today(project, capsys):
    plans = str(project / "plans")
    assert main(["lint", plans, "--write-baseline", str(project / "accepted.json")]) == 0
    capsys.readouterr()
    (project / "plankit.toml").write_text(
        'baseline = "accepted.json"\ntoday = 2025-11-01\n', encoding="utf-8"
    )
    assert main(["lint", plans]) == 0
    assert "accepted by the baseline" in capsys.readouterr().err
    assert load_settings(project / "plankit.toml").today == dt.date(2025, 11, 1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('selct = ["PK1"]', "unknown setting 'selct'"),
        ('select = ["PK9"]', "'select': unknown rule selector 'PK9'"),
        ("select = 3", "'select' must be a list of rule selectors"),
        ('today = "tomorrow"', "'today' must be a date (YYYY-MM-DD)"),
        ("baseline = 1", "'baseline' must be a file name"),
        ('per-file-ignores = ["x"]', "'per-file-ignores' must be a table"),
        ("select = [", "not valid TOML"),
    ],
)
def test_a_bad_setting_is_one_line_naming_the_file(project, capsys, content, message):
    path = project / "plankit.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LintConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_settings(path)
    assert main(["lint", str(project / "plans")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path.resolve().name) in err and message in err


def test_defaults_select_everything():
    assert Settings().selection().select == ("ALL",)
