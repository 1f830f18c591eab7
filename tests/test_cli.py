"""The command line: output formats, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from plankit.cli import build_parser, main


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "plankit", *args], capture_output=True, text=True, check=False)


def test_read_json_gives_every_header(seed_paths, capsys):
    assert main(["read", str(seed_paths["hai-duong-2022"]), str(seed_paths["can-tho-2025"]), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(p["header"]["number"], p["header"]["date"], p["form"]) for p in out] == [
        ("181", "2022-02-07", "docx-export"),
        ("137", "2025-01-21", "ocr"),
    ]
    assert out[0]["sections"][0] == {"number": "I", "title": "MỤC ĐÍCH, YÊU CẦU"}


def test_read_folder_table(capsys):
    assert main(["read", "plans", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 6  # a header line and five plans
    assert "2022-so-cong-thuong.txt" in out and "KH-SKH-CN" in out


def test_read_csv(capsys):
    assert main(["read", "plans/hung-yen", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("\ufefffile,form,doc_type,number,symbol,issuer")  # BOM: for Excel
    assert lines[1].startswith("plans/hung-yen/2022-so-khcn.md,markdown,Kế hoạch,,KH-SKH-CN,Sở Khoa học và Công nghệ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["read", "nope/missing.txt"], "nope/missing.txt: file not found"),
        (["read", "tests"], "tests: folder holds no plan files"),
    ],
)
def test_errors_print_one_line_and_exit_2(args, message):
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stderr.strip().startswith(f"plankit: lỗi / error: {message}")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "usage: plankit" in capsys.readouterr().out


def test_every_command_help_ends_with_an_example():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert {"read", "demo"} <= set(sub.choices)
    for name, cmd in sub.choices.items():
        assert cmd.epilog and cmd.epilog.strip().splitlines()[-1].strip().startswith("plankit "), name


def test_demo_drafts_and_refuses_to_overwrite_without_force(tmp_path, capsys):
    args = ["demo", "--plans", "plans", "--out", str(tmp_path / "reports"), "--drafts", str(tmp_path / "drafts"), "--no-report"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "dự thảo / draft:" in out and (tmp_path / "drafts" / "can-tho-2026.docx").exists()
    assert main(args) == 2
    assert "already exists" in capsys.readouterr().err
    assert main([*args, "--force"]) == 0
