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
    assert len(lines) == 28
    assert all(LINE.match(line) for line in lines)
    assert (
        "plans/can-tho/2025-so-khcn.ocr.txt:246:60: PK101 stale-year Năm 2024 không phải năm của kế hoạch (2025)"
        in captured.out
    )
    assert "plans/hai-duong/2022-so-cong-thuong.txt:14:297: PK101 stale-year" in captured.out
    assert captured.err.strip() == (
        "plankit: tìm thấy 28 phát hiện (7 lỗi, 19 cảnh báo, 2 thông tin) trong 5 tệp / "
        "found 28 findings (7 errors, 19 warnings, 2 info) in 5 files"
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
    assert len(run["results"]) == 28
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
    assert "wrote 28 findings" in capsys.readouterr().err
    assert main(["lint", "plans", "--today", "2025-11-01", "--baseline", str(baseline)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        "plankit: tìm thấy 0 phát hiện trong 5 tệp; 28 đã chấp nhận trong baseline / "
        "found 0 findings in 5 files; 28 accepted by the baseline"
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
