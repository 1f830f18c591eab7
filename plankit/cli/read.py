"""``plankit read FILE...``: the header of each plan, as a table or JSON."""

from __future__ import annotations

import argparse

from ._common import add_format, example, print_frame, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "read",
        help="read plans and print their header fields",
        description="Read plans (.docx, .pdf, .txt, .md, scans) and print each one's header.",
        epilog=example("plankit read plans/ --format json"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="plan files or folders of plans")
    add_format(p, ("table", "json", "csv"), "table")
    p.add_argument("--restore", action="store_true", help="restore diacritics of OCR'd plans")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus import headers_frame, plan_files
    from ..read import read_plan

    plans = [read_plan(path, restore=args.restore) for path in plan_files(args.files)]
    if args.format == "json":
        print_json(
            [
                {
                    "file": plan.source.path or plan.name,
                    "form": plan.source.form,
                    "ocr": plan.source.ocr,
                    "revisions": plan.source.revisions,
                    "header": plan.header.as_dict(),
                    "facts": plan.facts.as_dict(),
                    "sections": [{"number": s.number, "title": s.title} for s in plan.sections],
                    "tables": [len(t) for t in plan.tables],
                    "warnings": [str(w) for w in plan.warnings],
                }
                for plan in plans
            ]
        )
    else:
        frame = headers_frame(plans)
        if args.format == "table":
            frame = frame.drop(columns=["parent", "title", "signer", "doc_type"])
        print_frame(frame, args.format)
    return 0
