"""``plankit lint``: find what last year's plan left behind, like ruff or Vale for plans.

Prints ``path:line:col: CODE rule message`` per finding (or JSON, or SARIF 2.1.0), a summary
on stderr, and exits 1 when any finding is an error or any file could not be read (each such
file is one line on stderr; the others are linted), 0 otherwise, 2 on a usage error. The files
given form a corpus for each other: an earlier plan of the same issuer tells ``stale-basis``
which basis was last year's.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from dataclasses import replace
from pathlib import Path

from ._args import iso_date
from ._common import (
    ERROR,
    INFO,
    WARNING,
    add_format,
    error,
    example,
    note,
    read_batch,
    warning,
    wrote,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lint",
        help="soát lỗi sao chép, chính tả, trích dẫn / check plans for stale years, dead agencies, blank numbers, typos and more",
        description="Soát những lỗi một kế hoạch chép từ năm trước để lại: năm cũ, giai đoạn đã hết, "
        "cơ quan không còn, căn cứ năm trước, số và ngày để trống, đánh số sai, từ lặp, lỗi chính tả, "
        "trích dẫn khác sổ văn bản. Mã thoát 1 khi có lỗi.\n\n"
        "Check plans for what a copied plan leaves behind: stale years, ended periods, "
        "agencies that no longer exist, last year's basis, blank numbers and dates, numbering gaps, "
        "duplicated words and known misspellings. Rules are listed in docs/lint-rules.md.\n\n"
        "Mã thoát / exit status: 0 no error-severity finding, 1 at least one or a file that could not be "
        "read (named on stderr; the other files are linted), 2 usage error.",
        epilog=example(
            "plankit lint plans/ --select PK1,PK3 --ignore duplicated-word --today 2026-01-15"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="plan files or folders of plans")
    add_format(p, ("text", "json", "sarif"), "text")
    p.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="rules to run: codes (PK101), prefixes (PK1), names (stale-year) or ALL; comma-separated, repeatable",
    )
    p.add_argument(
        "--ignore",
        action="append",
        metavar="RULES",
        help="rules not to run (same forms as --select)",
    )
    p.add_argument(
        "--today",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="reference day for 'signed' and 'in the future' (default: the system date)",
    )
    p.add_argument(
        "--baseline", metavar="FILE", help="hide findings recorded in this baseline file"
    )
    p.add_argument(
        "--config",
        metavar="FILE",
        help="settings file (default: plankit.toml or [tool.plankit] in pyproject.toml, found "
        "next to the first plan or above it)",
    )
    p.add_argument(
        "--no-config", action="store_true", help="ignore settings files; use the options only"
    )
    p.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record the current findings in FILE (accepting them) and exit 0",
    )
    p.add_argument(
        "--annotate",
        metavar="OUT.docx",
        help="write a copy of the (one) .docx plan with each finding as a Word comment",
    )
    p.add_argument(
        "--fix",
        action="store_true",
        help="write a fixed copy of each .txt/.md plan with the safe fixes applied (beside it as "
        "NAME.fixed.txt, or -o OUT for one plan); the plans themselves are never changed",
    )
    p.add_argument(
        "-o", "--output", metavar="OUT", help="with --fix and one plan: where to write its fixed copy"
    )
    p.add_argument(
        "--force", action="store_true",
        help="overwrite the --annotate OUT.docx, the --write-baseline FILE or the --fix copies if they exist",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus import plan_files
    from ..errors import LintConfigError, PlankitError, ReadError
    from ..lint import lint_plan, load_baseline, write_baseline
    from ..lint.sarif import to_sarif
    from ..lint.settings import Settings, find_settings, load_settings
    from ..output import plan_outputs

    settings = Settings()
    if not args.no_config:
        found = args.config or find_settings(args.files[0])
        if found:
            settings = load_settings(found)
    if args.select:
        settings = replace(settings, select=tuple(args.select))
    if args.ignore:
        settings = replace(settings, ignore=(*settings.ignore, *args.ignore))
    selection = settings.selection()
    today = args.today or settings.today
    baseline_path = args.baseline or settings.baseline
    baseline = load_baseline(baseline_path) if baseline_path and not args.write_baseline else None
    if args.output and not args.fix:
        error("-o/--output chỉ dùng với --fix / -o/--output goes with --fix")
        return 2
    fix_targets: dict[str, Path] = {}
    if args.fix:
        if args.write_baseline:
            error("--fix và --write-baseline không dùng cùng nhau / --fix and --write-baseline exclude each other")
            return 2
        try:
            fix_targets = _fix_targets(args.files, args.output)
        except PlankitError as exc:
            error(str(exc))
            return 2
    outputs = [out for out in (args.write_baseline, args.annotate, *fix_targets.values()) if out]
    if outputs:
        inputs = [*args.files, *([baseline_path] if baseline_path else [])]
        with contextlib.suppress(ReadError):  # a wrong path is reported by read_batch below
            inputs += plan_files(args.files)
        plan_outputs(outputs, inputs, force=args.force)
    batch = read_batch(args.files)
    corpus = list(batch.plans)
    if args.annotate and (batch.files != 1 or len(corpus) != 1 or not str(corpus[0].source.path).lower().endswith(".docx")):
        error("--annotate cần đúng một tệp .docx / --annotate takes one .docx plan")
        return 2
    findings = []
    failed = 0
    for path, plan in batch.items():
        try:
            result = lint_plan(plan, rules=settings.selection(path), today=today, corpus=corpus)
        except LintConfigError as exc:  # e.g. a bad inline suppression: this file only
            error(f"{path}: {exc}")
            failed += 1
            continue
        for problem in result.notes:
            warning(f"{path}: {problem}")
        findings.extend(f.with_file(path) for f in result)

    if args.write_baseline:
        target = write_baseline(findings, args.write_baseline, force=args.force)
        note(f"đã ghi {len(findings)} phát hiện vào / wrote {len(findings)} findings to {target}")
        return 1 if batch.errors else 0

    accepted = 0
    if baseline is not None:
        findings, accepted = baseline.filter(findings)

    if args.fix:
        findings = _write_fixes(batch, findings, fix_targets, force=args.force)

    if args.annotate:
        from ..annotate import annotate_docx

        target = annotate_docx(corpus[0], findings, out=args.annotate, force=args.force)
        n = len(findings)
        wrote(target, f"{n} ghi chú / {n} comment{'s' if n != 1 else ''}")

    if args.format == "json":
        json.dump([f.to_dict() for f in findings], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "sarif":
        json.dump(
            to_sarif(findings, rules=selection.rules()), sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
    else:
        for f in findings:
            print(str(f))
    note(_summary(findings, batch.files, accepted, len(batch.errors)))
    return 1 if failed or batch.errors or any(f.severity == "error" for f in findings) else 0


def _fix_targets(files: list[str], output: str | None) -> dict[str, Path]:
    """The fixed copy of each plan file (``-o`` only for one plan), or a :class:`PlankitError`
    when a plan named on the command line is not a text file: nothing is written then. Inside a
    folder (an officer's mix of .docx, .pdf and .txt), a plan that is not text is named on stderr
    as skipped and the text plans are fixed."""
    from ..corpus import plan_files
    from ..errors import ReadError
    from ..lint.fixes import FixError, check_fixable, fixed_path

    paths: list[str] = []
    for given in files:
        try:
            found = [str(p) for p in plan_files([given])]
        except ReadError:
            return {}  # read_batch reports the missing path
        if not Path(given).is_dir():
            for path in found:
                check_fixable(path)
        for path in found:
            try:
                check_fixable(path)
            except FixError:
                note(f"{path}: bỏ qua, --fix chỉ ghi bản sửa của tệp .txt, .md (tệp Word: --annotate) / "
                     "skipped, --fix writes fixed copies of .txt and .md plans only (a .docx: --annotate)")
                continue
            paths.append(path)
    if output and len(paths) != 1:
        raise FixError(
            f"-o {output}: -o cần đúng một kế hoạch, có {len(paths)} / -o takes one plan, got "
            f"{len(paths)}; without -o each fixed copy is written beside its plan"
        )
    return {path: Path(output) if output else fixed_path(path) for path in paths}


def _write_fixes(batch, findings: list, targets: dict[str, Path], *, force: bool) -> list:
    """Write the fixed copy of every plan that has a safe fix; return the findings left. The
    plans with nothing to fix are named on stderr (one plan) or counted (a folder)."""
    from ..lint.fixes import fix_text
    from ..output import write_atomic

    left = []
    unfixed: list[tuple[str, Path]] = []
    for path, plan in batch.items():
        own = [f for f in findings if f.file == path]
        text, fixed = fix_text(plan.text, own)
        done = {id(f) for f in fixed}
        left.extend(f for f in own if id(f) not in done)
        target = targets.get(path)
        if target is None:
            continue
        if not fixed:
            unfixed.append((path, target))
            continue
        target = write_atomic(target, text, force=force, inputs=[path])
        n = len(fixed)
        wrote(target, f"sửa {n} phát hiện / fixed {n} finding{'s' if n != 1 else ''}")
    # A fixed copy was asked for: say why there is none rather than fall silent.
    if len(unfixed) == 1 and len(targets) == 1:
        path, target = unfixed[0]
        note(f"{path}: không có phát hiện nào sửa tự động được, không ghi {target} / "
             f"no finding has a safe automatic fix, {target} not written")
    elif unfixed:
        n = len(unfixed)
        note(f"{n} tệp không có phát hiện nào sửa tự động được, không ghi bản sửa / "
             f"{n} file{'s' if n != 1 else ''} had no safe automatic fix, no fixed copy written")
    return left


_SEVERITY = {"error": ERROR, "warning": WARNING, "info": INFO}


def _summary(findings: list, files: int, accepted: int, unreadable: int = 0) -> str:
    """``tìm thấy 2 phát hiện (1 lỗi, 1 cảnh báo) trong 5 tệp / found 2 findings (1 error,
    1 warning) in 5 files``"""
    counts = {s: sum(f.severity == s for f in findings) for s in _SEVERITY}
    vi_parts = [f"{n} {_SEVERITY[s].split(' / ')[0]}" for s, n in counts.items() if n]
    en_parts = [f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in counts.items() if n]
    n = len(findings)
    vi = f"tìm thấy {n} phát hiện" + (f" ({', '.join(vi_parts)})" if vi_parts else "")
    vi += f" trong {files} tệp"
    en = f"found {n} finding{'s' if n != 1 else ''}" + (f" ({', '.join(en_parts)})" if en_parts else "")
    en += f" in {files} file{'s' if files != 1 else ''}"
    if unreadable:
        vi += f", {unreadable} tệp không đọc được"
        en += f", {unreadable} unreadable"
    if accepted:
        vi += f"; {accepted} đã chấp nhận trong baseline"
        en += f"; {accepted} accepted by the baseline"
    return f"{vi} / {en}"
