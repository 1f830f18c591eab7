"""``plankit report``: execute the notebooks on a folder of plans and export HTML for a manager."""

from __future__ import annotations

import argparse
import ast
import os

from ._common import UNREADABLE, example, say


def _parameter(text: str) -> tuple[str, object]:
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise argparse.ArgumentTypeError(f"cần dạng TÊN=GIÁ-TRỊ / expected NAME=VALUE, got {text!r}")
    try:
        return name, ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return name, value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="xuất báo cáo HTML cho một thư mục / run the notebooks on a folder of plans and export HTML reports",
        description="Chạy các sổ tay phân tích trên một thư mục kế hoạch và xuất từng trang báo cáo "
        "HTML (có hình, ẩn mã) cùng trang mục lục tóm tắt thư mục, để gửi lãnh đạo.\n\n"
        "Execute every notebook with nbclient against a plans folder, export each to "
        "HTML with nbconvert (figures embedded, code hidden) and write an index page that "
        "summarises the folder. Needs the 'report' extra: pip install 'plankit[report]'.\n\n"
        "Mã thoát / exit status: 0 every file read, 1 some file could not be read (named on stderr; "
        "the pages cover the others), 2 usage error (a folder with no plan file among them).",
        epilog=example("plankit report --plans ~/ke-hoach --out reports -p today=2026-01-15"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--plans", default="plans", help="folder of plans (default: plans)")
    p.add_argument("--out", default="reports", help="output folder (default: reports)")
    p.add_argument("--notebooks", default=None, help="folder of notebooks (default: the ones plankit ships)")
    p.add_argument("--show-code", action="store_true", help="keep the code cells (default: pages for a manager, no code)")
    p.add_argument("--no-input", action="store_true", help=argparse.SUPPRESS)  # the old name of the default
    p.add_argument("-p", "--parameter", action="append", type=_parameter, default=[], metavar="NAME=VALUE",
                   help="a notebook parameter, e.g. -p today=2026-01-15 or -p previous_plan=so-noi-vu/2025.docx "
                   "(repeatable; an unknown name is an error listing the valid ones)")
    p.add_argument("--force", action="store_true", help="overwrite existing reports")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..report import run_report

    report = run_report(
        args.plans,
        args.out,
        notebooks=args.notebooks,
        parameters=dict(args.parameter),
        show_code=args.show_code,
        force=args.force,
    )
    for nb in report.notebooks:
        print(f"{nb.notebook}: {nb.html_path} ({nb.seconds:.1f} s)")
    print(f"báo cáo / index: {report.index}")
    # as every batch command: each file the report could not read is one line, and the status is 1
    for name, reason in report.unreadable:
        say(UNREADABLE, f"{os.path.join(args.plans, name)}: {reason}")
    return 1 if report.unreadable else 0
