"""The linter on the five real plans: exact findings, corrected plans, and a plan copied to 2026."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plankit.lint import RULES, FindingList, lint_plan
from plankit.lint.docs import default_path, render
from plankit.read import read_text

TODAY = dt.date(2025, 11, 1)

# (code, line, column, surface, suggestion, severity) of every finding, read off the real files.
EXPECTED = {
    "can-tho-2022": [
        ("PK201", 14, 14, "Số:        /KH-SKHCN", None, "info"),
        ("PK104", 15, 11, "ngày        tháng 01 năm 2022", None, "info"),
        ("PK502", 30, 180, "thẩm quyển", "thẩm quyền", "warning"),
        ("PK502", 75, 59, "tuyên tuyền", "tuyên truyền", "warning"),
        ("PK502", 91, 62, "tuyên tuyền", "tuyên truyền", "warning"),
    ],
    "can-tho-2025": [
        ("PK502", 188, 16, "tuyén\ntuyén", "tuyên truyền", "warning"),
        ("PK502", 229, 61, "tuyén\ntuyén", "tuyên truyền", "warning"),
        ("PK101", 246, 60, "nam 2024", "nam 2025", "error"),
    ],
    "hai-duong-2022": [
        ("PK101", 14, 297, "năm 2021", "năm 2022", "error"),
        ("PK502", 68, 51, "thưc hiện", "thực hiện", "warning"),
    ],
    "hung-yen-2022": [
        ("PK201", 3, 1, "Số: /KH-SKH-CN", None, "error"),
        ("PK104", 5, 11, "ngày tháng 01 năm 2022", None, "error"),
        ("PK501", 9, 63, "chế chế", "chế", "warning"),
        ("PK501", 11, 155, "chế chế", "chế", "warning"),
        ("PK501", 13, 100, "chế chế", "chế", "warning"),
        ("PK502", 19, 194, "kinh tế xã - hội", "kinh tế - xã hội", "warning"),
        ("PK502", 21, 181, "cải các", "cải cách", "warning"),
        ("PK502", 37, 141, "tổ chức, các nhân", "tổ chức, cá nhân", "warning"),
        ("PK503", 43, 672, "22/2020/QĐ - UBND", "22/2020/QĐ-UBND", "warning"),
        ("PK502", 57, 539, "tình hiểu", "tìm hiểu", "warning"),
        ("PK202", 61, 7, "2.", "III.", "warning"),
        ("PK502", 85, 3, "Công TTĐT", "Cổng TTĐT", "warning"),
        ("PK203", 96, 24, "KH-SKHCN", None, "error"),
        ("PK502", 111, 71, "điểm hình", "điển hình", "warning"),
    ],
    "hue-2022": [
        ("PK105", 8, 237, "06/01-2022", "06/01/2022", "warning"),
        ("PK501", 16, 266, "Thừa Thừa", "Thừa", "warning"),
    ],
}


def rows(findings):
    return [(f.code, f.line, f.column, f.surface, f.suggestion, f.severity) for f in findings]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_finding_of_each_seed(seeds, name):
    assert rows(lint_plan(seeds[name], today=TODAY)) == EXPECTED[name]


def test_spans_lines_and_columns_agree_with_the_text(seeds):
    for plan in seeds.values():
        for f in lint_plan(plan, today=TODAY):
            assert plan.text[f.span.start : f.span.end] == f.surface
            assert plan.position(f.span.start) == (f.line, f.column)
            assert plan.text.splitlines()[f.line - 1][f.column - 1 :].startswith(
                f.surface.split("\n")[0]
            )
            assert f.context[f.span.start - f.context_start :].startswith(f.surface)


def test_004_stale_year_is_on_the_closing_line(seeds):
    plan = seeds["can-tho-2025"]
    [f] = lint_plan(plan, rules=["stale-year"], today=TODAY)
    line = plan.text.splitlines()[f.line - 1]
    assert line == "Trén day 1a K& hoach cong tac thong tin, tuyén truyén CCHC nam 2024"
    assert (f.line, f.column, f.surface, f.suggestion) == (246, 60, "nam 2024", "nam 2025")
    assert f.message.startswith("Năm 2024 không phải năm của kế hoạch (2025)")
    assert " / Year 2024 is not the plan year (2025)" in f.message


def test_003_stale_year_is_where_the_plan_introduces_itself(seeds):
    plan = seeds["hai-duong-2022"]
    [f] = lint_plan(plan, rules=["PK101"], today=TODAY)
    assert f.surface == "năm 2021"
    assert f.context.endswith(
        "Sở Công Thương xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2021, cụ thể như sau:"
    )


def test_blank_number_and_date_severity_follows_signed(seeds):
    """000 names no signer: info. 002 names its signer and January 2022 is over: error; on
    15 January 2022 the same plan may still be unsigned: info. A draft is never signed."""
    can_tho, hung_yen = seeds["can-tho-2022"], seeds["hung-yen-2022"]
    severities = {f.severity for f in lint_plan(can_tho, rules=["PK201", "PK104"], today=TODAY)}
    assert severities == {"info"}
    assert {f.severity for f in lint_plan(hung_yen, rules=["PK201", "PK104"], today=TODAY)} == {
        "error"
    }
    early = lint_plan(hung_yen, rules=["PK201", "PK104"], today=dt.date(2022, 1, 15))
    assert {f.severity for f in early} == {"info"}
    draft = hung_yen.with_(draft=True)
    assert {f.severity for f in lint_plan(draft, rules=["PK201", "PK104"], today=TODAY)} == {"info"}


def test_signature_mark_makes_a_plan_signed(seeds):
    """Hải Dương 2022 carries "(Đã ký)": with its number blanked, blank-number is an error."""
    text = seeds["hai-duong-2022"].text.replace("Số:  181/KH-SCT", "Số:     /KH-SCT")
    plan = read_text(text, name="hai-duong-blank.txt")
    [f] = lint_plan(plan, rules=["blank-number"], today=dt.date(2022, 2, 8))
    assert (f.surface, f.severity) == ("Số:     /KH-SCT", "error")


def test_002_structure_findings(seeds):
    findings = lint_plan(seeds["hung-yen-2022"], today=TODAY)
    [heading] = findings.of("heading-numbering")
    assert "'2. Kinh phí thực hiện'" in heading.message and "mục III" in heading.message
    assert [f.surface for f in findings.of("duplicated-word")] == ["chế chế"] * 3
    [symbol] = findings.of("symbol-mismatch")
    assert "'KH-SKHCN'" in symbol.message and "'KH-SKH-CN'" in symbol.message


# -- corrected plans give no findings -----------------------------------------------------------
def corrected(text: str, fixes: list[tuple[str, str]]) -> str:
    for old, new in fixes:
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_corrected_can_tho_2022_has_no_findings(seeds):
    text = corrected(
        seeds["can-tho-2022"].text,
        [
            ("Số:        /KH-SKHCN", "Số: 15/KH-SKHCN"),
            ("ngày        tháng 01 năm 2022", "ngày 10 tháng 01 năm 2022"),
            ("thẩm quyển", "thẩm quyền"),
            ("tuyên tuyền", "tuyên truyền"),
        ],
    )
    assert lint_plan(read_text(text, name="can-tho-2022-fixed.txt"), today=TODAY) == ()


def test_corrected_hai_duong_2022_has_no_findings(seeds):
    text = corrected(
        seeds["hai-duong-2022"].text,
        [
            ("cải cách hành chính năm 2021", "cải cách hành chính năm 2022"),
            ("thưc hiện", "thực hiện"),
        ],
    )
    assert lint_plan(read_text(text, name="hai-duong-2022-fixed.txt"), today=TODAY) == ()


def test_corrected_hung_yen_2022_has_no_findings(seeds):
    text = corrected(
        seeds["hung-yen-2022"].text,
        [
            ("Số: /KH-SKH-CN", "Số: 25/KH-SKHCN"),
            ("Hung Yên, ngày tháng 01 năm 2022", "Hưng Yên, ngày 24 tháng 01 năm 2022"),
            ("cơ chế chế", "cơ chế"),
            ("kinh tế xã - hội", "kinh tế - xã hội"),
            ("cải các", "cải cách"),
            ("các nhân", "cá nhân"),
            ("tình hiểu", "tìm hiểu"),
            ("### **2. Kinh phí thực hiện**", "## **III. KINH PHÍ THỰC HIỆN**"),
            ("Công TTĐT", "Cổng TTĐT"),
            ("22/2020/QĐ - UBND", "22/2020/QĐ-UBND"),
            ("Kế hoạch số:/KH-SKHCN ngày /01/2022", "Kế hoạch số 25/KH-SKHCN ngày 24/01/2022"),
            ("điểm hình", "điển hình"),
        ],
    )
    assert lint_plan(read_text(text, name="hung-yen-2022-fixed.md"), today=TODAY) == ()


# -- a 2026 plan copied from January 2025 ------------------------------------------------------
def copied_forward(text: str, year: int, day: int) -> str:
    """The 2022 Cần Thơ plan as a plan of January ``year``, with the January 2025 plan's
    "Kế hoạch công tác CCHC ... giai đoạn 2021-2025" sentence, numbered and dated."""
    return corrected(
        text,
        [
            ("Số:        /KH-SKHCN", "Số: 12/KH-SKHCN"),
            ("ngày        tháng 01 năm 2022", f"ngày {day:02d} tháng 01 năm {year}"),
            ("tháng 12 năm 2021", f"tháng 12 năm {year - 1}"),
            (
                "tổ chức thực hiện Kế hoạch công tác CCHC năm 2022 của cơ quan",
                "tổ chức thực hiện Kế hoạch công tác CCHC của thành phố và của Sở giai đoạn 2021-2025",
            ),
            ("năm 2022", f"năm {year}"),
        ],
    )


def test_2026_copy_reports_dead_agency_and_ended_period(seeds):
    plan = read_text(copied_forward(seeds["can-tho-2022"].text, 2026, 15), name="can-tho-2026.txt")
    findings = lint_plan(plan, today=dt.date(2026, 1, 20))
    agencies = findings.of("stale-agency")
    assert [(f.line, f.surface) for f in agencies] == [
        (55, "Sở Thông tin và Truyền thông"),
        (101, "Sở Thông tin và Truyền thông"),
    ]
    assert all(f.severity == "error" and "01/03/2025" in f.message for f in agencies)
    # The Sở Khoa học và Công nghệ absorbed it: the advice is to remove it, not to rename it.
    assert all(f.suggestion is None and "bỏ khỏi danh sách" in f.message for f in agencies)
    [period] = findings.of("period-ended")
    assert (period.line, period.surface) == (25, "giai đoạn 2021-2025")
    assert findings.of("stale-year") == ()


def test_the_same_names_in_january_2025_do_not_fire(seeds):
    plan = read_text(copied_forward(seeds["can-tho-2022"].text, 2025, 21), name="can-tho-2025.txt")
    findings = lint_plan(plan, today=dt.date(2025, 1, 22))
    assert findings.of("stale-agency") == () and findings.of("period-ended") == ()
    real = lint_plan(seeds["can-tho-2025"], today=TODAY)
    assert (
        real.of("stale-agency") == ()
        and real.of("period-ended") == ()
        and real.of("stale-basis") == ()
    )


def ocr_2026(text: str) -> str:
    """The OCR'd January 2025 plan dated January 2026, its own years moved, its basis kept."""
    start = text.index("xdy dung Ké hoach")
    head, body = text[:start], text[start:]
    head = corrected(
        head, [("ngay 21thdng 01 nam 2025", "ngay 15 thang 01 nam 2026"), ("nim 2025", "nim 2026")]
    )
    body = re.sub(r"n([aiă])m 2025", r"n\g<1>m 2026", body).replace("nam 2024", "nam 2026")
    return head + body


def test_ocr_plan_copied_to_2026(seeds):
    plan = read_text(ocr_2026(seeds["can-tho-2025"].text), name="can-tho-2026.ocr.txt")
    assert plan.source.ocr and plan.header.date == dt.date(2026, 1, 15)
    findings = lint_plan(plan, today=dt.date(2026, 1, 20))
    assert [f.surface for f in findings.of("stale-agency")] == ["S6 Thong tin va Truyén thong"]
    assert [f.surface for f in findings.of("period-ended")] == ["giai doan 2021-2025"]
    basis = findings.of("stale-basis")
    assert [f.surface for f in basis] == ["4168/QD-UBND", "258/KH-UBND"]
    assert "giai đoạn 2021-2025" in basis[0].message
    assert "kế hoạch năm 2025, không phải năm 2026" in basis[1].message
    assert findings.of("stale-year") == ()


def test_corpus_recognises_last_years_basis(seeds):
    """A 2026 copy whose basis subject was moved to 2026 but whose basis is still 258/KH-UBND
    of 24/12/2024: only the 2025 plan in the corpus shows it is last year's basis."""
    text = ocr_2026(seeds["can-tho-2025"].text)
    text = corrected(text, [("cai cach hanh chinh\nnam 2025.", "cai cach hanh chinh\nnam 2026.")])
    plan = read_text(text, name="can-tho-2026.ocr.txt")
    alone = lint_plan(plan, rules=["stale-basis"], today=dt.date(2026, 1, 20))
    assert [f.surface for f in alone] == ["4168/QD-UBND"]
    with_corpus = lint_plan(
        plan, rules=["stale-basis"], today=dt.date(2026, 1, 20), corpus=seeds.values()
    )
    assert [f.surface for f in with_corpus] == ["4168/QD-UBND", "258/KH-UBND"]
    assert (
        "đã là căn cứ của kế hoạch năm 2025 (can-tho/2025-so-khcn.ocr.txt)"
        in with_corpus[1].message
    )


# -- the result type ----------------------------------------------------------------------------
def test_finding_list_views(seeds):
    findings = lint_plan(seeds["hung-yen-2022"], today=TODAY)
    assert isinstance(findings, FindingList)
    assert repr(findings) == "<FindingList: 14 findings (3 errors, 11 warnings)>"
    assert findings.counts() == {"error": 3, "warning": 11}
    assert [f.span.start for f in findings] == sorted(f.span.start for f in findings)
    frame = findings.to_frame()
    assert list(frame.columns) == [
        "file",
        "line",
        "column",
        "code",
        "rule",
        "severity",
        "message",
        "surface",
        "suggestion",
        "safe_fix",
        "context",
    ]
    assert len(frame) == 14 and frame.iloc[0]["file"].endswith("hung-yen/2022-so-khcn.md")
    page = findings._repr_html_()
    assert (
        page.count("<mark") == 14 and "<mark style='background:#ffd'>chế chế</mark> một cửa" in page
    )
    assert repr(findings[2]) == "Finding(PK501 duplicated-word, 9:63, 'chế chế')"
    record = findings[2].to_dict()
    assert record["end_column"] == 70 and len(record["fingerprint"]) == 16
    assert repr(FindingList()) == "<FindingList: 0 findings>"


def test_a_returned_result_cannot_be_changed():
    """Results are values: read_plan caches the plan, so a caller changing its findings would
    change what the next caller sees. Every way of changing a FindingList fails, and a second
    lint of the same cached plan gives the same findings."""
    import pickle

    from plankit.bundled import sample_plans_dir
    from plankit.read import read_plan

    path = sample_plans_dir() / "hung-yen" / "2022-so-khcn.md"
    first = lint_plan(read_plan(path), today=TODAY)
    kept = tuple(first)
    attempts = [
        lambda: first.append(first[0]),
        lambda: first.sort(),
        lambda: first.__setitem__(0, first[1]),
        lambda: first.__delitem__(slice(1, None)),
        lambda: setattr(first, "suppressed", 5),
        lambda: setattr(first, "notes", ("x",)),
        lambda: delattr(first, "notes"),
        lambda: setattr(first[0], "suggestion", "x"),
    ]
    for attempt in attempts:
        with pytest.raises((AttributeError, TypeError)):
            attempt()
    second = lint_plan(read_plan(path), today=TODAY)
    assert tuple(first) == kept and second == first and len(second) == 14
    copy = pickle.loads(pickle.dumps(first))
    assert copy == first and isinstance(copy, FindingList) and copy.notes == first.notes
    assert isinstance(first[2:4], FindingList) and len(first.errors) == 3


# -- fixes --------------------------------------------------------------------------------------
def test_findings_carry_fixes_and_one_engine_applies_them(seeds):
    from plankit.lint import apply_fixes
    from plankit.model import Edit, Fix, Span

    plan = seeds["hung-yen-2022"]
    findings = lint_plan(plan, today=TODAY)
    fixes = [(f.code, f.fix.safe) for f in findings if f.fix is not None]
    assert fixes == [
        ("PK501", True),
        ("PK501", True),
        ("PK501", True),
        ("PK502", True),
        ("PK502", True),
        ("PK502", True),
        ("PK503", True),
        ("PK502", True),
        ("PK202", False),
        ("PK502", True),
        ("PK502", True),
    ]
    for f in findings:
        if f.fix is not None:  # the suggestion is the replacement of the fix's one edit
            assert f.fix.edits == (Edit(f.span.start, f.span.end, f.suggestion),)
    fixed = apply_fixes(plan.text, findings)
    assert "cơ chế một cửa" in fixed and "chế chế" not in fixed
    assert "cải cách" in fixed and "tình hiểu" not in fixed and "22/2020/QĐ-UBND" in fixed
    # three doubled words (4 characters each), two stray spaces, "các"/"tình" one letter
    # shorter, "cải các" one longer
    assert len(plan.text) - len(fixed) == 3 * 4 + 2 + 1 + 1 - 1
    # the unsafe fix (a heading number) waits for the officer
    [heading] = findings.of("heading-numbering")
    start, end = heading.span.start, heading.span.end
    assert apply_fixes(plan.text, [heading]) == plan.text
    assert apply_fixes(plan.text, [heading], safe_only=False) == (
        plan.text[:start] + "III." + plan.text[end:]
    )
    # once fixed, the safe fixes are gone; the rest stay
    again = lint_plan(read_text(fixed, name="fixed.md"), today=TODAY)
    assert [f.code for f in again if f.fix is not None and f.fix.safe] == []
    # overlapping fixes: the earlier one wins, a fix is applied whole or not at all
    text = "năm 2024 năm 2024"
    a = findings[0].__class__("PK101", "stale-year", "error", "m", Span(0, 8), 1, 1, text[0:8])
    two = Fix((Edit(0, 3, "Năm"), Edit(9, 12, "Năm")), safe=True)
    b = a.__class__(
        **{**a.__dict__, "span": Span(4, 8), "fix": Fix.replace(Span(4, 8), "2025", safe=True)}
    )
    c = a.__class__(**{**a.__dict__, "span": Span(0, 3), "fix": two})
    assert apply_fixes(text, [b, c]) == "Năm 2025 Năm 2024"
    assert (
        apply_fixes(
            text, [a.__class__(**{**a.__dict__, "fix": Fix.replace(Span(2, 6), "x", safe=True)}), b]
        )
        == "năx24 năm 2024"  # b overlaps the first fix: left for the next run
    )


def test_sarif_carries_fixes_with_their_safety(seeds):
    from plankit.lint.sarif import to_sarif

    findings = lint_plan(seeds["hung-yen-2022"], today=TODAY)
    results = to_sarif(findings)["runs"][0]["results"]
    with_fix = [r for r in results if "fixes" in r]
    assert len(with_fix) == 11
    [heading] = [r for r in with_fix if r["ruleId"] == "PK202"]
    assert heading["fixes"][0]["properties"] == {"safe": False}
    change = with_fix[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"] == {"text": "chế"}
    assert change["deletedRegion"] == {
        "startLine": 9,
        "startColumn": 63,
        "endLine": 9,
        "endColumn": 70,
    }


# -- every rule is documented -------------------------------------------------------------------
@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_a_docstring_a_code_and_a_row(code):
    rule = RULES[code]
    assert re.fullmatch(r"PK[1-5]\d\d", rule.code)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
    for part in ("Fires on", "Does not fire on", "Message:", "Examples:", ">>> fires("):
        assert part in rule.doc, f"{rule.name}: docstring lacks {part!r}"
    message = rule.doc.split("Message:", 1)[1].split("\n\n", 1)[0]
    assert " / " in message, "the message needs a Vietnamese text and an English gloss"
    page = default_path().read_text(encoding="utf-8")
    assert f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) | `{rule.name}` |" in page
    assert f"## {rule.code} {rule.name}\n" in page


def test_committed_rules_page_is_rendered_from_the_docstrings():
    assert default_path().read_text(encoding="utf-8") == render(), (
        "run: python -m plankit.lint.docs"
    )


def test_rule_groups_follow_the_codes():
    groups = {
        "PK1": {
            "stale-year",
            "title-date-mismatch",
            "period-ended",
            "blank-date",
            "date-format",
            "undated-plan",
            "past-deadline",
        },
        "PK2": {"blank-number", "heading-numbering", "symbol-mismatch", "self-date-mismatch", "blank-figure",
                "self-number-mismatch"},
        "PK3": {"foreign-place", "stale-agency"},
        "PK4": {
            "stale-basis",
            "basis-after-plan",
            "citation-date-year",
            "citation-register",
            "truncated-symbol",
            "issuer-symbol-mismatch",
            "party-symbol-malformed",
            "citation-inconsistent",
            "corpus-inconsistent",
        },
        "PK5": {
            "duplicated-word",
            "known-typo",
            "symbol-spacing",
            "run-together",
            "punctuation-spacing",
            "proper-name-case",
            "heading-case",
            "index-acronym",
            "bound-syllable",
            "dropped-syllable",
        },
    }
    for prefix, names in groups.items():
        assert {r.name for r in RULES.values() if r.code.startswith(prefix)} == names


# -- never raises -------------------------------------------------------------------------------
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "năm 2024 Kế hoạch số /KH-UBND ngày tháng 01 Trên đây là CCHC giai đoạn 2021-2025 Sở Thông tin và Truyền thông chế chế I. II. 1. a) \n\t;:,."
            )
        ),
        max_size=400,
    )
)
def test_lint_never_raises_and_spans_slice_the_text(text):
    plan = read_text(text, name="random.txt")
    for f in lint_plan(plan, today=TODAY):
        assert plan.text[f.span.start : f.span.end] == f.surface
        assert f.severity in ("error", "warning", "info")


def test_registry_matches_the_rule_file_and_the_modules():
    """One explicit table: every code of lint_rules.tsv, in order, with a function of the
    rule's name in the module of its family, and a known lifecycle."""
    from importlib import resources

    from plankit.lint.rules import FAMILIES, LIFECYCLES

    rows = [
        line.split("\t")[:2]
        for line in resources.files("plankit.data")
        .joinpath("lint_rules.tsv")
        .read_text("utf-8")
        .splitlines()
        if line.startswith("PK")
    ]
    assert [[r.code, r.name] for r in RULES.values()] == rows
    for rule in RULES.values():
        assert rule.check.__name__ == rule.name.replace("-", "_")
        assert rule.check.__module__ == f"plankit.lint.rules.{rule.family}"
        assert rule.family in FAMILIES and rule.lifecycle in LIFECYCLES
    assert {r.family for r in RULES.values()} == set(FAMILIES)


def test_preview_rules_run_only_when_named_exactly():
    from dataclasses import replace

    from plankit.lint import Selection

    preview = replace(RULES["PK509"], lifecycle="preview")
    assert [
        Selection(select=(s,)).enabled(preview) for s in ("ALL", "PK5", "PK509", "bound-syllable")
    ] == [
        False,
        False,
        True,
        True,
    ]
    assert Selection().enabled(RULES["PK509"])


# -- text.alternation: the grouped patterns the linter scans with match what the plain ones do --
def _plain_and_grouped(alternatives: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    from plankit.text import alternation

    plain = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
    return plain, re.compile(r"(?<!\w)" + alternation(alternatives) + r"(?!\w)")


def test_alternation_matches_like_the_plain_pattern_on_the_bundled_plans():
    from pathlib import Path

    from plankit.places import provinces
    from plankit.read import read_plan
    from plankit.text import fold
    from plankit.typos import known_typos

    names = sorted(
        {" ".join(fold(s).split()) for p in provinces() for s in (p.name, *p.aliases)},
        key=len,
        reverse=True,
    )
    typos = sorted({" ".join(fold(t.typo).split()) for t in known_typos()}, key=len, reverse=True)
    plans = Path(__file__).resolve().parents[1] / "plans"
    texts = [fold(read_plan(p).text) for p in sorted(plans.rglob("*.*")) if p.name != "README.md"]
    found = {}
    for label, words in (("places", names), ("typos", typos)):
        plain, grouped = _plain_and_grouped([re.escape(w).replace(r"\ ", r"\s+") for w in words])
        spans = [[m.span() for m in plain.finditer(t)] for t in texts]
        assert spans == [[m.span() for m in grouped.finditer(t)] for t in texts]
        found[label] = sum(map(len, spans))
    assert found == {"places": 26, "typos": 146}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.text(alphabet="ab?c", min_size=1, max_size=4), min_size=1, max_size=6),
    st.text(alphabet="abc ", max_size=40),
)
def test_alternation_keeps_every_match(words, text):
    try:  # the words are regexes: "a?b" has a quantifier, "?ab" is no regex
        plain, grouped = _plain_and_grouped(words)
    except re.error:
        return
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in grouped.finditer(text)]
