"""``plankit diff OLD NEW``: what changed from last year's plan, classified, with a redline."""

from __future__ import annotations

import argparse

from ._common import add_format, example, print_json, wrote


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "diff",
        help="so sánh hai kế hoạch (năm trước và năm nay) / compare two plans (usually last year's and this year's)",
        description=(
            "So sánh hai kế hoạch theo từng mục và phân loại mọi thay đổi: đổi năm, căn cứ, nội "
            "dung, cách viết, đánh số lại, lỗi bị chép lại; xuất trang HTML đối chiếu (--html) và "
            "tệp Word có theo dõi thay đổi (--docx).\n\n"
            "Compare two plans section by section and classify every change: expected (year "
            "bump), basis (legal basis), substantive, carried-error (a typo or stale year kept "
            "from the old plan). Diacritic-less OCR, NFC/NFD and tone placement are not changes."
        ),
        epilog=example(
            "plankit diff plans/can-tho/2022-so-khcn.txt plans/can-tho/2025-so-khcn.ocr.txt "
            "--html diff.html --docx redline.docx"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("old", metavar="OLD", help="the earlier plan")
    p.add_argument("new", metavar="NEW", help="the later plan")
    p.add_argument("--html", metavar="FILE", help="write a side-by-side HTML page")
    p.add_argument("--docx", metavar="FILE", help="write a redline .docx with Word tracked changes")
    add_format(p, ("text", "json"), "text")
    p.add_argument("--force", action="store_true", help="overwrite existing output files")
    p.add_argument("--no-year-shift", dest="year_shift", action="store_false",
                   help="count year bumps as substantive changes")
    p.add_argument("--no-restore", dest="restore", action="store_false",
                   help="show an OCR'd plan as scanned, in the terminal, the JSON and the HTML (by default "
                        "it is shown restored: the HTML keeps the scan's text under each passage, "
                        "the JSON in old_ocr/new_ocr)")
    p.set_defaults(func=run)


def _line(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def run(args: argparse.Namespace) -> int:
    from ..diff import diff_plans
    from ..output import plan_outputs
    from ..read import read_plan

    plan_outputs([args.html, args.docx], [args.old, args.new], force=args.force)
    old = read_plan(args.old)
    new = read_plan(args.new)
    d = diff_plans(old, new, year_shift=args.year_shift)
    if args.html:
        d.to_html(args.html, force=args.force, restore=args.restore)
        wrote(args.html)
    if args.docx:
        d.to_docx(args.docx, force=args.force)
        wrote(args.docx)
    shown = d.to_dict(restore=args.restore)
    if args.format == "json":
        print_json(shown)
        return 0
    print(d.summary(restore=args.restore))
    section = None
    # the changes as the HTML shows them: an OCR'd side restored unless --no-restore
    for c in shown["changes"]:
        if c["section"] != section:
            section = c["section"]
            print(f"\n{section}")
        where = f" [{c['location']}]" if c["location"] else ""
        if c["kind"] == "carried-error":
            body = f"«{_line(c['new'], 50)}»"
        else:
            body = f"{_line(c['old'], 50) or '∅'} → {_line(c['new'], 50) or '∅'}"
        print(f"  {c['kind']:<13} {c['new_line']:>4}: {body}{where}")
    return 0
