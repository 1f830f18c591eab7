"""The command line: output formats, exit codes, one-line errors."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys

import pytest

from plankit.cli import build_parser, main

#: Letters only Vietnamese spells with (an English gloss has none), and words only English has.
VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
ENGLISH = re.compile(r"\b(the|of|and|an?|to)\b")


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


def test_cite_csv_years_are_whole_numbers_when_some_citation_has_none(tmp_path, capsys):
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text("SỞ TƯ PHÁP\nSố: 12/KH-STP\nBắc Kạn, ngày 05 tháng 3 năm 2020\nKẾ HOẠCH\n"
                    "Tuyên truyền cải cách hành chính năm 2020\n"
                    "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;\n"
                    "Thực hiện Công văn số 1445/UBND-NCPC của UBND tỉnh về tuyên truyền.\n", encoding="utf-8")
    assert main(["cite", str(plan), "--format", "csv", "--no-bom"]) == 0
    rows = [line.split(",")[1:5:3] for line in capsys.readouterr().out.splitlines()]
    assert rows == [["key", "year"], ["12/KH-STP", "2020"], ["61/2018/NĐ-CP", "2018"], ["1445/UBND-NCPC", ""]]


def test_read_csv(capsys):
    assert main(["read", "plans/hung-yen", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("\ufefffile,form,doc_type,number,symbol,issuer")  # BOM: for Excel
    assert lines[1].startswith("plans/hung-yen/2022-so-khcn.md,markdown,Kế hoạch,,KH-SKH-CN,Sở Khoa học và Công nghệ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["read", "nope/missing.txt"], "nope/missing.txt: không có tệp này / file not found"),
        (["read", "tests"], "tests: thư mục không có tệp kế hoạch nào"),
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


def _subcommands(parser):
    """Every (name, parser) under ``parser``, the template verbs included."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, cmd in action.choices.items():
                yield name, cmd
                yield from _subcommands(cmd)


def test_every_help_opens_in_vietnamese_with_an_english_gloss():
    parser = build_parser()
    helps = [("plankit", parser.format_help())] + [(n, c.format_help()) for n, c in _subcommands(parser)]
    assert {n for n, _ in helps} == {"plankit", "read", "cite", "graph", "diff", "lint", "restore", "draft",
                                     "template", "new", "check", "preview", "from-plan", "report", "demo",
                                     "register"}
    for name, text in helps:
        usage, vietnamese, english = text.split("\n\n")[:3]
        assert usage.startswith("cách dùng / usage: plankit"), name
        assert VIETNAMESE.search(vietnamese) and not ENGLISH.search(vietnamese), (name, vietnamese)
        assert ENGLISH.search(english), (name, english)
        assert "tùy chọn / options:" in text and "\nVí dụ / Example:\n  plankit " in text, name
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for choice in sub._choices_actions:  # the command list of plankit --help
        vietnamese, _, english = choice.help.partition(" / ")
        assert VIETNAMESE.search(vietnamese) and not ENGLISH.search(vietnamese), choice.dest
        assert ENGLISH.search(english) and not VIETNAMESE.search(english), choice.dest


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lint"], "plankit lint: lỗi / error: thiếu đối số bắt buộc / the following arguments are required: FILE "
                   "(see: plankit lint --help)"),
        (["lint", "plans", "--format", "xml"],
         "plankit lint: lỗi / error: argument --format: giá trị không hợp lệ / invalid choice: 'xml' (choose from "
         "'text', 'json', 'sarif') (see: plankit lint --help)"),
        (["read", "plans", "--bogus"], "plankit read: lỗi / error: đối số không nhận ra / unrecognized arguments: "
                                       "--bogus (see: plankit read --help)"),
        (["draft", "plans/can-tho/2022-so-khcn.txt", "--year"],
         "plankit draft: lỗi / error: argument --year: thiếu giá trị / expected one argument (see: plankit draft --help)"),
    ],
)
def test_usage_errors_are_vietnamese_first(args, message, capsys):
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    assert capsys.readouterr().err == message + "\n"


def test_report_without_its_plans_folder_says_what_to_give(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # an empty folder: no plans/ here
    assert main(["report"]) == 2
    assert capsys.readouterr().err == (
        "plankit: lỗi / error: plans: không có thư mục kế hoạch này, thêm --plans THƯ-MỤC (kế hoạch mẫu: plankit "
        "demo) / plans folder not found, give --plans FOLDER (the sample plans: plankit demo)\n")


def test_restore_names_uncertain_words_by_the_path_as_typed(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ho-so").mkdir()
    (tmp_path / "ho-so" / "a.txt").write_text("KE HOACH\nCong tac tuyen truyen nam 2025 cua So\n"
                                             "Day manh viec thuc thi phap luat tai cac tinh\n", encoding="utf-8")
    assert main(["restore", "ho-so/a.txt", "-o", "out.txt"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "plankit: out.txt: 18 từ đã sửa, 1 từ chưa chắc chắn / 18 words restored, 1 uncertain"
    assert err[1].startswith("plankit: ho-so/a.txt:3:42 tinh -> ")  # where the officer opens it


def test_help_paragraphs_are_wrapped_and_examples_kept_as_written(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    lint = dict(_subcommands(build_parser()))["lint"].format_help()
    assert max(len(line) for line in lint.splitlines() if not line.startswith("  plankit ")) <= 80
    assert "\n  plankit lint plans/ --select PK1,PK3 --ignore duplicated-word --today 2026-01-15\n" in lint


def test_demo_drafts_and_refuses_to_overwrite_without_force(tmp_path, capsys):
    args = ["demo", "--plans", "plans", "--out", str(tmp_path / "reports"), "--drafts", str(tmp_path / "drafts"), "--no-report"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "dự thảo / draft:" in out and (tmp_path / "drafts" / "can-tho-2026.docx").exists()
    assert main(args) == 2
    assert "already exists" in capsys.readouterr().err
    assert main([*args, "--force"]) == 0
