"""Rule selection, inline suppression and baselines."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from plankit.errors import LintConfigError, PlankitError
from plankit.lint import RULES, Selection, lint_plan, load_baseline, write_baseline
from plankit.lint.config import parse_selectors, select_rules
from plankit.read import read_text

TODAY = dt.date(2025, 11, 1)

# (select, ignore, the rule names that run)
SELECTIONS = [
    (("ALL",), (), None),
    (
        ("PK1",),
        (),
        [
            "stale-year",
            "title-date-mismatch",
            "period-ended",
            "blank-date",
            "date-format",
            "undated-plan",
            "past-deadline",
        ],
    ),
    (
        ("PK1",),
        ("blank-date",),
        ["stale-year", "title-date-mismatch", "period-ended", "date-format", "undated-plan", "past-deadline"],
    ),
    (("PK104",), ("PK1",), ["blank-date"]),  # the more specific selector wins
    (("PK1",), ("PK1",), []),  # a tie: ignore wins
    (("stale-year", "PK501", "PK502"), (), ["stale-year", "duplicated-word", "known-typo"]),
    (("pk3",), ("stale-agency",), ["foreign-place"]),
    (("ALL",), ("PK",), []),
    (("PK1, PK2",), ("PK10",), ["blank-number", "heading-numbering", "symbol-mismatch", "self-date-mismatch",
                                  "blank-figure", "self-number-mismatch"]),
]


@pytest.mark.parametrize(("select", "ignore", "names"), SELECTIONS)
def test_selection(select, ignore, names):
    chosen = [r.name for r in Selection(select=select, ignore=ignore).rules()]
    if names is None:
        assert len(chosen) == len(RULES) == 34
    else:
        assert chosen == names


@pytest.mark.parametrize("bad", ["PK9", "PK1000", "stale", "no-such-rule", "PK-1"])
def test_unknown_selectors_are_config_errors(bad):
    with pytest.raises(LintConfigError, match="unknown rule selector"):
        parse_selectors([bad])
    assert issubclass(LintConfigError, PlankitError)


def test_select_rules_accepts_names_codes_and_rules():
    from plankit.lint import RULES

    assert [r.code for r in select_rules("PK3")] == ["PK301", "PK302"]
    assert [r.code for r in select_rules([RULES["PK502"], "stale-year"])] == ["PK101", "PK502"]
    assert len(select_rules(None)) == len(RULES)


def test_selection_applies_in_lint_plan(seeds):
    findings = lint_plan(
        seeds["hung-yen-2022"], rules=Selection(select=("PK2",), ignore=("PK203",)), today=TODAY
    )
    assert {f.rule for f in findings} == {"blank-number", "heading-numbering"}


def test_inline_suppression_in_text_plans():
    text = (
        "KẾ HOẠCH\nTuyên truyền CCHC năm 2022\n\n"
        "Triển khai cơ chế chế một cửa. plankit: ignore[duplicated-word]\n"
        "Các các đơn vị. plankit: ignore[PK101]\n"
        "Sinh hoạt tuyên tuyền; của của. plankit: ignore\n"
    )
    findings = lint_plan(read_text(text, name="x.txt"), today=TODAY)
    assert [(f.line, f.surface) for f in findings] == [(5, "Các các")]
    assert findings.suppressed == 3
    assert repr(findings) == "<FindingList: 1 finding (1 warning, 3 suppressed)>"


def test_baseline_accepts_todays_findings_and_shows_new_ones(tmp_path, seeds):
    from plankit.read import read_plan

    original = seeds["hung-yen-2022"].text
    work = tmp_path / "plans" / "hung-yen.md"
    work.parent.mkdir()
    work.write_text(original, encoding="utf-8")
    findings = lint_plan(read_plan(work), today=TODAY)
    path = tmp_path / "lint-baseline.json"
    write_baseline(findings, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["tool"] == "plankit" and data["version"] == 1 and len(data["findings"]) == 14
    assert {e["file"] for e in data["findings"]} == {
        "plans/hung-yen.md"
    }  # relative to the baseline
    baseline = load_baseline(path)
    assert len(baseline) == 14
    assert baseline.filter(findings) == ([], 14)

    # Lines added above move every finding and a new double appears: only the new one shows.
    edited = original.replace("## **KẾ HOẠCH**", "## **KẾ HOẠCH**\n\n(bản sửa)\n", 1)
    edited = edited.replace(
        "Công chức, viên chức, người lao động", "Công chức, viên chức viên chức, người lao động"
    )
    work.write_text(edited, encoding="utf-8")
    again = lint_plan(read_plan(work), today=TODAY)
    assert [f.line for f in again][:2] == [3, 5] and again[2].line == 12
    new, accepted = baseline.filter(again)
    assert [(f.rule, f.surface) for f in new] == [("duplicated-word", "viên chức viên chức")]
    assert accepted == 14


def test_baseline_counts_repeated_findings(tmp_path, seeds):
    """ "cơ chế chế" three times with the same neighbours: a baseline with two accepts two."""
    findings = lint_plan(seeds["hung-yen-2022"], rules=["duplicated-word"], today=TODAY)
    assert len({f.fingerprint for f in findings}) == 1
    write_baseline(findings[:2], tmp_path / "b.json")
    new, accepted = load_baseline(tmp_path / "b.json").filter(findings)
    assert (len(new), accepted) == (1, 2)


def test_fingerprint_ignores_line_numbers_but_not_the_words():
    a = lint_plan(
        read_text("KẾ HOẠCH\nTuyên truyền CCHC năm 2022\n\nCác các đơn vị.", name="x.txt"),
        today=TODAY,
    )
    b = lint_plan(
        read_text("KẾ HOẠCH\nTuyên truyền CCHC năm 2022\n\n\n\nCác các đơn vị.", name="x.txt"),
        today=TODAY,
    )
    c = lint_plan(
        read_text("KẾ HOẠCH\nTuyên truyền CCHC năm 2022\n\nCác các phòng.", name="x.txt"),
        today=TODAY,
    )
    assert a[0].line != b[0].line and a[0].fingerprint == b[0].fingerprint
    assert a[0].fingerprint != c[0].fingerprint


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        ("{not json", "not a readable baseline file"),
        ('{"tool": "ruff", "findings": []}', "not a plankit baseline file"),
        ('{"tool": "plankit", "version": 9, "findings": []}', "baseline version 9"),
        ('{"tool": "plankit", "version": 1, "findings": [{"code": "PK101"}]}', "entry 1 lacks"),
    ],
)
def test_bad_baselines_are_config_errors(tmp_path, content, message):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(LintConfigError, match=message) as err:
        load_baseline(path)
    assert str(path) in str(err.value)


def test_write_baseline_never_overwrites_unless_forced(tmp_path):
    from plankit.errors import OutputExists
    from plankit.model import Finding, Span

    f = Finding("PK501", "duplicated-word", "warning", "m", Span(0, 7), 1, 1, "chế chế", file="a.txt")
    path = tmp_path / "b.json"
    assert write_baseline([f], path) == path
    before = path.read_bytes()
    with pytest.raises(OutputExists):
        write_baseline([], path)
    with pytest.raises(TypeError):
        write_baseline([], path, True)  # force is keyword-only
    assert path.read_bytes() == before
    assert write_baseline([], path, force=True) == path and len(load_baseline(path)) == 0
