"""``plankit lint``: find what last year's plan left behind, like ruff or Vale for plans.

Prints ``path:line:col: CODE rule message`` per finding (or JSON, or SARIF 2.1.0), a summary
on stderr, and exits 1 when any finding is an error, 0 when none is, 2 on a usage or read
error. The files given form a corpus for each other: an earlier plan of the same issuer tells
``stale-basis`` which basis was last year's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from ..corpus import plan_files
from ._common import add_format, example


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lint",
        help="check plans for stale years, dead agencies, blank numbers, typos and more",
        description="Check plans for what a copied plan leaves behind: stale years, ended periods, "
        "agencies that no longer exist, last year's basis, blank numbers and dates, numbering gaps, "
        "duplicated words and known misspellings. Rules are listed in docs/lint-rules.md.\n\n"
        "Exit status: 0 no error-severity finding, 1 at least one, 2 usage or read error.",
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
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="reference day for 'signed' and 'in the future' (default: the system date)",
    )
    p.add_argument(
        "--baseline", metavar="FILE", help="hide findings recorded in this baseline file"
    )
    p.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record the current findings in FILE (accepting them) and exit 0",
    )
    p.add_argument("--force", action="store_true", help="overwrite the --write-baseline FILE if it exists")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import LintConfigError
    from ..lint import Selection, lint_plan, load_baseline, write_baseline
    from ..lint.sarif import to_sarif
    from ..output import plan_outputs
    from ..read import read_plan

    selection = Selection(select=tuple(args.select or ("ALL",)), ignore=tuple(args.ignore or ()))
    baseline = load_baseline(args.baseline) if args.baseline else None
    paths = plan_files(args.files)
    if args.write_baseline:
        plan_outputs([args.write_baseline], [*paths, args.baseline], force=args.force)
    plans = [(path, read_plan(path)) for path in paths]
    corpus = [plan for _, plan in plans]
    findings = []
    failed = 0
    for path, plan in plans:
        try:
            result = lint_plan(plan, rules=selection, today=args.today, corpus=corpus)
        except LintConfigError as exc:  # e.g. a bad inline suppression: this file only
            print(f"plankit: error: {path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        for note in result.notes:
            print(f"plankit: warning: {path}: {note}", file=sys.stderr)
        findings.extend(f.with_file(path.as_posix()) for f in result)

    if args.write_baseline:
        target = write_baseline(findings, args.write_baseline)
        print(f"wrote {len(findings)} findings to {target}", file=sys.stderr)
        return 0

    accepted = 0
    if baseline is not None:
        findings, accepted = baseline.filter(findings)

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
    print(_summary(findings, len(paths), accepted), file=sys.stderr)
    return 1 if failed or any(f.severity == "error" for f in findings) else 0


def _summary(findings: list, files: int, accepted: int) -> str:
    counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    parts = [f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in counts.items() if n]
    where = f"{files} file{'s' if files != 1 else ''}"
    text = f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''}"
    text += f" ({', '.join(parts)})" if parts else ""
    text += f" in {where}"
    if accepted:
        text += f"; {accepted} accepted by the baseline"
    return text + "."
