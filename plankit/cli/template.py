"""``plankit template check|new|preview|from-plan``: a province's own Word template, made, checked and seen.

Mirrors :func:`plankit.template.check_template`, :func:`~plankit.template.new_template`,
:func:`~plankit.template.preview_template` and :func:`~plankit.template.template_from_plan`. ``check`` prints one line a finding and exits 0 when
clean, 1 with errors; a file that is not a .docx is one error line and exit 2.
"""

from __future__ import annotations

import argparse

from ._common import add_format, example, plural, print_frame, print_json, wrote


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "template",
        help="tạo, kiểm tra, xem trước mẫu Word / make, check and preview a Word template for draft",
        description=(
            "Soạn mẫu Word riêng của tỉnh: 'new' sao chép mẫu mặc định, 'check' tìm thẻ hỏng, "
            "biến viết sai và thể thức khác Nghị định 30/2020, 'preview' dựng thử một kế hoạch "
            "thành PDF hoặc ảnh, 'from-plan' biến kế hoạch .docx của bạn thành mẫu giữ nguyên "
            "định dạng.\n\n"
            "Author a province's own Word template: 'new' copies the default template to edit in "
            "Word, 'check' finds broken tags, misspelt variables, refused tags and layout that "
            "strays from Nghị định 30/2020 (each by paragraph or table cell), 'preview' renders a "
            "sample plan through it as PDF or PNG pages (LibreOffice), 'from-plan' makes your own "
            "plan (.docx) into a template that keeps its formatting."
        ),
        epilog=example("plankit template check my-template.docx"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verbs = p.add_subparsers(dest="verb", metavar="VERB")

    c = verbs.add_parser("check", help="kiểm tra mẫu / check a template without rendering it",
                         description="Kiểm tra mẫu Word: thẻ hỏng, biến viết sai, thẻ bị từ chối, thể thức.\n\n"
                         "Check a Word template: broken tags, misspelt variables, refused tags, layout.",
                         epilog=example("plankit template check my-template.docx --format json"),
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("template", metavar="TEMPLATE.docx")
    add_format(c, ["text", "table", "csv", "json"], "text")
    c.add_argument("--quiet", "-q", action="store_true", help="leave out information (unused variables)")
    c.set_defaults(func=_check)

    n = verbs.add_parser("new", help="sao chép mẫu mặc định / copy the default template to edit in Word",
                         description="Sao chép mẫu mặc định ra một tệp để sửa trong Word.\n\n"
                         "Copy the default template to a file to edit in Word.",
                         epilog=example("plankit template new -o my-template.docx"),
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    n.add_argument("out", metavar="OUT.docx", nargs="?", help="the .docx to write (or -o OUT.docx)")
    n.add_argument("-o", "--output", metavar="OUT.docx", help="the .docx to write")
    n.add_argument("--force", action="store_true", help="overwrite OUT.docx if it exists")
    n.set_defaults(func=_new)

    v = verbs.add_parser("preview", help="xem trước mẫu / render a sample plan through a template (PDF or PNG pages)",
                         description="Dựng thử một kế hoạch theo mẫu thành PDF hoặc ảnh PNG (cần LibreOffice).\n\n"
                         "Render a sample plan through a template as PDF or PNG pages (needs LibreOffice).",
                         epilog=example("plankit template preview my-template.docx -o preview.pdf"),
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    v.add_argument("template", metavar="TEMPLATE.docx", nargs="?", help="default: the bundled template")
    v.add_argument("--plan", metavar="PLAN", help="the plan to render (default: a bundled sample plan)")
    v.add_argument("-o", "--output", metavar="OUT.pdf", required=True, help="the PDF (or, with --png, PNG) to write")
    v.add_argument("--png", action="store_true", help="PNG pages OUT-1.png, OUT-2.png ... instead of a PDF")
    v.add_argument("--dpi", type=int, default=60, help="resolution of PNG pages (default: 60)")
    v.add_argument("--force", action="store_true", help="overwrite existing outputs")
    v.set_defaults(func=_preview)
    f = verbs.add_parser("from-plan", help="biến kế hoạch .docx thành mẫu / turn your own plan (.docx) into a template that keeps its formatting",
                         description="Biến kế hoạch .docx của bạn thành mẫu giữ nguyên định dạng.\n\n"
                         "Turn your own plan (.docx) into a template that keeps its formatting.",
                         epilog=example("plankit template from-plan ke-hoach-2025.docx -o my-template.docx"),
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    f.add_argument("plan", metavar="PLAN.docx")
    f.add_argument("-o", "--output", metavar="OUT.docx", required=True, help="the template to write")
    f.add_argument("--force", action="store_true", help="overwrite OUT.docx if it exists")
    f.set_defaults(func=_from_plan)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def _summary(result) -> str:
    """``0 lỗi, 1 cảnh báo, 8 thông tin / 0 errors, 1 warning, 8 info``: a check's counts, Vietnamese first."""
    errors, warnings = len(result.errors), len(result.warnings)
    infos = len(result.findings) - errors - warnings
    return (f"{errors} lỗi, {warnings} cảnh báo, {infos} thông tin / {plural(errors, 'error')}, "
            f"{plural(warnings, 'warning')}, {infos} info")


def _check(args: argparse.Namespace) -> int:
    from ..template import check_template

    result = check_template(args.template)
    findings = [f for f in result.findings if not (args.quiet and f.severity == "info")]
    if args.format == "json":
        print_json({"template": result.path, "ok": result.ok, "used": list(result.used),
                    "findings": [f.__dict__ for f in findings]})
    elif args.format in ("table", "csv"):
        frame = result.to_frame()
        print_frame(frame[frame.severity != "info"] if args.quiet else frame, args.format, bom=getattr(args, "bom", True))
    else:
        for f in findings:
            print(f)
        print(f"{result.path}: {_summary(result)}")
    return 0 if result.ok else 1


def _new(args: argparse.Namespace) -> int:
    from ..errors import PlankitError
    from ..template import new_template

    if bool(args.out) == bool(args.output):
        raise PlankitError("cần đúng một tệp đầu ra / give exactly one output file: plankit template new OUT.docx")
    wrote(new_template(args.out or args.output, force=args.force),
          "bản sao mẫu mặc định / a copy of the default template")
    return 0


def _from_plan(args: argparse.Namespace) -> int:
    from ..template import check_template, template_from_plan

    out = template_from_plan(args.plan, args.output, force=args.force)
    result = check_template(out)
    wrote(out, f"mẫu từ kế hoạch / a template from the plan ({_summary(result)})")
    return 0 if result.ok else 1


def _preview(args: argparse.Namespace) -> int:
    from ..template import preview_template

    output = args.output
    if args.png and output.lower().endswith(".pdf"):
        output = output[:-4] + ".png"
    for path in preview_template(args.template, output, plan=args.plan, png=args.png, dpi=args.dpi, force=args.force):
        wrote(path)
    return 0
