"""``plankit lint``: output formats, selection, baselines, exit codes, and SARIF 2.1.0 validity."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from plankit.cli import main
from plankit.lint import lint_plan
from plankit.lint.sarif import to_sarif

SCHEMA = Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json"
LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>PK\d{3}) (?P<rule>[a-z-]+) (?P<message>.+ / .+)$"
)


def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert (
        schema["id"]
        == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def test_text_output_and_exit_1_on_errors(capsys):
    assert main(["lint", "plans", "--today", "2025-11-01"]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 26
    assert all(LINE.match(line) for line in lines)
    assert (
        "plans/can-tho/2025-so-khcn.ocr.txt:246:60: PK101 stale-year Năm 2024 không phải năm của kế hoạch (2025)"
        in captured.out
    )
    assert "plans/hai-duong/2022-so-cong-thuong.txt:14:297: PK101 stale-year" in captured.out
    assert captured.err.strip() == (
        "plankit: tìm thấy 26 phát hiện (5 lỗi, 19 cảnh báo, 2 thông tin) trong 5 tệp / "
        "found 26 findings (5 errors, 19 warnings, 2 info) in 5 files"
    )


def test_exit_0_when_no_error(capsys):
    assert main(["lint", "plans/can-tho/2022-so-khcn.txt", "--today", "2025-11-01"]) == 0
    assert capsys.readouterr().err.strip() == (
        "plankit: tìm thấy 5 phát hiện (3 cảnh báo, 2 thông tin) trong 1 tệp / "
        "found 5 findings (3 warnings, 2 info) in 1 file"
    )


def test_select_and_ignore(capsys):
    assert (
        main(
            ["lint", "plans", "--select", "PK5", "--ignore", "known-typo,PK503", "--today", "2025-11-01"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert {LINE.match(line)["rule"] for line in out.splitlines()} == {"duplicated-word"}
    assert out.count("duplicated-word") == 4


def test_json_output(capsys):
    assert main(["lint", "plans/thua-thien-hue", "--format", "json", "--today", "2025-11-01"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [
        (r["file"], r["line"], r["column"], r["code"], r["surface"], r["suggestion"])
        for r in records
    ] == [
        ("plans/thua-thien-hue/2022-so-khcn.news.txt", 8, 237, "PK105", "06/01-2022", "06/01/2022"),
        ("plans/thua-thien-hue/2022-so-khcn.news.txt", 16, 266, "PK501", "Thừa Thừa", "Thừa"),
    ]


def test_sarif_output_validates_against_the_schema(capsys):
    assert main(["lint", "plans", "--format", "sarif", "--today", "2025-11-01"]) == 1
    log = json.loads(capsys.readouterr().out)
    validator = sarif_validator()
    assert list(validator.iter_errors(log)) == []
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "plankit"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]][:3] == ["PK101", "PK102", "PK103"]
    assert len(run["results"]) == 26
    stale = next(r for r in run["results"] if r["ruleId"] == "PK101")
    region = stale["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (246, 60, 68)
    assert stale["level"] == "error"
    fix = stale["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "nam 2025"
    assert {r["level"] for r in run["results"]} == {"error", "warning", "note"}


def test_the_schema_rejects_what_sarif_forbids(seeds):
    """The validator is not a rubber stamp: a bad level or a missing message fails."""
    log = to_sarif(lint_plan(seeds["hue-2022"]))
    validator = sarif_validator()
    assert list(validator.iter_errors(log)) == []
    bad = json.loads(json.dumps(log))
    bad["runs"][0]["results"][0]["level"] = "info"
    del bad["runs"][0]["results"][1]["message"]
    assert len(list(validator.iter_errors(bad))) == 2
    assert list(validator.iter_errors({"version": "2.1.0"}))


def test_baseline_flow(tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    assert main(["lint", "plans", "--today", "2025-11-01", "--write-baseline", str(baseline)]) == 0
    assert "wrote 26 findings" in capsys.readouterr().err
    assert main(["lint", "plans", "--today", "2025-11-01", "--baseline", str(baseline)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        "plankit: tìm thấy 0 phát hiện trong 5 tệp; 26 đã chấp nhận trong baseline / "
        "found 0 findings in 5 files; 26 accepted by the baseline"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plans/no-such-plan.txt"], "plans/no-such-plan.txt"),
        (["plans", "--select", "PK9"], "unknown rule selector 'PK9'"),
        (["plans", "--baseline", "no-such-baseline.json"], "baseline file not found"),
    ],
)
def test_usage_and_read_errors_exit_2(capsys, args, message):
    assert main(["lint", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("plankit: lỗi / error:") and message in err and "Traceback" not in err


def test_bad_date_is_a_usage_error():
    result = subprocess.run(
        [sys.executable, "-m", "plankit", "lint", "plans", "--today", "2025-13-01"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "expected a date as YYYY-MM-DD" in result.stderr


def test_lint_is_documented():
    doc = (Path(__file__).parent.parent / "docs" / "lint.md").read_text(encoding="utf-8")
    for part in (
        "plankit lint",
        "lint_plan",
        "--select",
        "--ignore",
        "--baseline",
        "--write-baseline",
        "--format sarif",
        "--today",
        "plankit: ignore",
        "lint-rules.md",
    ):
        assert part in doc, part


# -- --fix: a fixed copy beside each text plan, never the plan itself ---------------------------
PLANS = Path(__file__).resolve().parents[1] / "plans"
HUNG_YEN = PLANS / "hung-yen" / "2022-so-khcn.md"
CAN_THO = PLANS / "can-tho" / "2022-so-khcn.txt"


def _changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_fix_writes_a_fixed_copy_beside_each_plan(tmp_path, capsys, monkeypatch):
    for plan in (HUNG_YEN, CAN_THO):
        (tmp_path / plan.name).write_bytes(plan.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["lint", ".", "--fix", "--today", "2025-11-01"]) == 1  # blank numbers remain
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "plankit: đã ghi / wrote 2022-so-khcn.fixed.md: sửa 10 phát hiện / fixed 10 findings",
        "plankit: đã ghi / wrote 2022-so-khcn.fixed.txt: sửa 3 phát hiện / fixed 3 findings",
        "plankit: tìm thấy 6 phát hiện (3 lỗi, 1 cảnh báo, 2 thông tin) trong 2 tệp / "
        "found 6 findings (3 errors, 1 warning, 2 info) in 2 files",
    ]
    # stdout: what is left for the officer (nothing with a safe fix); the Hưng Yên draft's
    # appendix repeats its blank number and date: one finding each, at the header
    assert [LINE.match(line)["rule"] for line in captured.out.splitlines()] == [
        "blank-number", "blank-date", "heading-numbering", "symbol-mismatch",
        "blank-number", "blank-date",
    ]
    # the plans are untouched; the copies differ from them exactly where a safe fix applied
    assert (tmp_path / HUNG_YEN.name).read_bytes() == HUNG_YEN.read_bytes()
    assert (tmp_path / CAN_THO.name).read_bytes() == CAN_THO.read_bytes()
    md = _changed_lines(HUNG_YEN.read_text(encoding="utf-8"),
                        (tmp_path / "2022-so-khcn.fixed.md").read_text(encoding="utf-8"))
    assert len(md) == 10
    assert [b.count("cơ chế một cửa") for _, b in md[:3]] == [1, 1, 1]
    assert "phát triển kinh tế - xã hội nói chung" in md[3][1]
    assert md[8] == ("- Công TTĐT Sở (để đăng tải);", "- Cổng TTĐT Sở (để đăng tải);")
    assert "cá nhân tra cứu, tìm hiểu thông tin;" in md[7][1]
    assert "các điển hình tốt" in md[9][1]
    assert "Quyết định số 22/2020/QĐ-UBND ngày 12/8/2020" in md[6][1]
    txt = _changed_lines(CAN_THO.read_text(encoding="utf-8"),
                         (tmp_path / "2022-so-khcn.fixed.txt").read_text(encoding="utf-8"))
    assert [(a.count("tuyên tuyền"), b.count("tuyên truyền") - a.count("tuyên truyền")) for a, b in txt
            if "tuyên tuyền" in a] == [(1, 1), (1, 1)]
    assert any("thẩm quyển" in a and "thẩm quyền" in b for a, b in txt)


def test_fix_refuses_existing_copy_without_force_and_never_the_input(tmp_path, capsys):
    plan = tmp_path / CAN_THO.name
    plan.write_bytes(CAN_THO.read_bytes())
    out = tmp_path / "2022-so-khcn.fixed.txt"
    out.write_text("giữ nguyên", encoding="utf-8")
    assert main(["lint", str(plan), "--fix", "--today", "2025-11-01"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("plankit: lỗi / error: ") and "2022-so-khcn.fixed.txt" in err
    assert len(err.splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "giữ nguyên"
    assert main(["lint", str(plan), "--fix", "--force", "--today", "2025-11-01"]) == 0
    assert "tuyên tuyền" not in out.read_text(encoding="utf-8")
    capsys.readouterr()
    # -o naming the plan itself is refused even with --force
    assert main(["lint", str(plan), "--fix", "-o", str(plan), "--force"]) == 2
    assert "is an input of this command" in capsys.readouterr().err
    assert plan.read_bytes() == CAN_THO.read_bytes()


def test_fix_output_option_takes_one_plan(tmp_path, capsys):
    out = tmp_path / "da-sua.md"
    assert main(["lint", str(HUNG_YEN), "--fix", "-o", str(out), "--today", "2025-11-01"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"plankit: đã ghi / wrote {out}: sửa 10 phát hiện / fixed 10 findings"
    )
    assert "cơ chế chế" not in out.read_text(encoding="utf-8")
    assert main(["lint", str(HUNG_YEN.parent), str(CAN_THO), "--fix", "-o",
                 str(tmp_path / "x.txt")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"plankit: lỗi / error: -o {tmp_path / 'x.txt'}: -o cần đúng một kế hoạch, có 2 / -o takes "
        "one plan, got 2; without -o each fixed copy is written beside its plan"
    )
    assert main(["lint", str(HUNG_YEN), "-o", str(tmp_path / "y.md")]) == 2
    assert "-o/--output goes with --fix" in capsys.readouterr().err


def test_fix_refuses_a_docx_in_one_line(tmp_path, capsys):
    from docx import Document

    doc = Document()
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Tuyên truyền cải cách hành chính năm 2022: cơ chế chế một cửa.")
    path = tmp_path / "ke-hoach.docx"
    doc.save(path)
    before = sorted(tmp_path.iterdir())
    assert main(["lint", str(path), "--fix"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"plankit: lỗi / error: {path}: --fix chỉ ghi bản sửa của tệp .txt, .md; với tệp .docx "
        "hãy dùng --annotate / --fix writes fixed copies of .txt and .md plans only; for a "
        ".docx use --annotate or annotate_docx (the findings as Word comments)"
    )
    assert sorted(tmp_path.iterdir()) == before


def test_write_fixed_from_python(tmp_path):
    from plankit.lint import FixError, fix_text, write_fixed
    from plankit.read import read_plan, read_text

    path = tmp_path / HUNG_YEN.name
    path.write_bytes(HUNG_YEN.read_bytes())
    plan = read_plan(path)
    findings = lint_plan(plan)
    text, fixed = fix_text(plan.text, findings)
    assert [f.rule for f in fixed] == [
        "duplicated-word", "duplicated-word", "duplicated-word", "known-typo", "known-typo",
        "known-typo", "symbol-spacing", "known-typo", "known-typo", "known-typo",
    ]
    out = write_fixed(plan, findings)
    assert out == tmp_path / "2022-so-khcn.fixed.md"
    assert out.read_text(encoding="utf-8") == text
    with pytest.raises(Exception, match="already exists"):
        write_fixed(plan, findings)
    with pytest.raises(FixError, match="not read from a file"):
        write_fixed(read_text("KẾ HOẠCH\nCơ chế chế một cửa."), [])
