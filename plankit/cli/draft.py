"""``plankit draft PREVIOUS --year 2026 -o out.docx``: next year's plan from last year's.

Mirrors :func:`plankit.draft_plan` and :func:`plankit.render_docx` (``--track-changes``:
:func:`plankit.draft_docx`): the draft is rolled forward
(years, basis, agency names, typos), written as a Word document in the Nghị định 30/2020 layout,
and the list of what the officer must still decide is printed, each with its line and column in
the draft's text. The output is written atomically and never overwrites a file without
``--force``.
"""

from __future__ import annotations

import argparse
import sys

from ._args import iso_date
from ._common import example, print_json, wrote


def _year(value: str) -> int:
    try:
        year = int(value)
    except ValueError:
        year = 0
    if not 1945 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"không phải năm kế hoạch như 2026 / not a plan year such as 2026: {value!r}")
    return year


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "draft",
        help="soạn dự thảo kế hoạch năm sau / draft next year's plan from last year's, as a .docx",
        description=(
            "Soạn dự thảo kế hoạch năm mới từ kế hoạch năm trước: đổi năm, thay căn cứ (--basis), "
            "cập nhật tên cơ quan và địa danh, sửa lỗi chính tả đã biết; ghi tệp Word theo thể "
            "thức Nghị định 30/2020/NĐ-CP và in danh sách việc cần quyết định trước khi ký. Với "
            "--track-changes, sửa trên bản sao tệp .docx cũ: mỗi chỗ sửa là một thay đổi được "
            "theo dõi, mỗi việc cần làm là một ghi chú.\n\n"
            "Roll a plan forward to a new year: every year the plan speaks of itself in moves to "
            "--year, the basis becomes --basis (or last year's stays, marked to replace), agency "
            "and place names become those valid on the new date, known typos are corrected. The "
            "draft is written as a Word document in the layout of Nghị định 30/2020/NĐ-CP (or "
            "your --template) and the to-do list is printed: number, day, basis, ended periods. "
            "With --track-changes, a .docx PREVIOUS is edited in place instead: every edit a "
            "tracked change by 'plankit', every to-do a Word comment."
        ),
        epilog=example(
            'plankit draft plans/can-tho/2025-so-khcn.ocr.txt --year 2026 --basis "Kế hoạch số '
            '12/KH-UBND ngày 05/01/2026 của UBND thành phố Cần Thơ" -o drafts/can-tho-2026.docx'
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("previous", metavar="PREVIOUS", help="last year's plan (.docx, .pdf, .txt, .md, scan)")
    p.add_argument("--year", type=_year, help="the year of the new plan, e.g. 2026 (default: the year after PREVIOUS's)")
    p.add_argument("--date", type=iso_date, help="date of issue (YYYY-MM-DD); default: day left blank")
    p.add_argument("--number", help="document number; default: left blank")
    p.add_argument(
        "--basis", action="append", metavar="CITATION",
        help="a basis document, e.g. \"Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND thành phố "
             "Cần Thơ\" (repeat for several); default: last year's basis, marked to replace",
    )
    p.add_argument("--reference", metavar="REF", help="an earlier clean plan of the same issuer, to restore an OCR'd PREVIOUS")
    p.add_argument("--replace", nargs=2, action="append", metavar=("OLD", "NEW"), help="replace text OLD by NEW (repeatable)")
    p.add_argument("--template", metavar="T.docx", help="Word template with docxtpl tags (default: templates/ke-hoach.docx)")
    p.add_argument(
        "--track-changes", action="store_true",
        help="edit a copy of PREVIOUS (a .docx) in place: every edit a tracked change, every to-do a comment",
    )
    p.add_argument("-o", "--output", metavar="OUT.docx", help="the .docx to write")
    p.add_argument("--force", action="store_true", help="overwrite OUT.docx if it exists")
    p.add_argument("--markdown", action="store_true", help="print the draft as Markdown (with its to-do list)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="how to print the to-do list (default: text)")
    p.set_defaults(func=run, parser=p)


def todo_records(plan) -> list[dict]:
    """One dict per to-do: kind, message, line, column and the text it points at, in the order of
    the text (a to-do with no place in it, such as a missing signer's title, last)."""
    rows = []
    for t in plan.todo:
        line, column = plan.position(t.span.start) if t.span is not None else (None, None)
        shown = " ".join(t.span.slice(plan.text).split()) if t.span is not None else ""
        rows.append({"kind": t.kind, "message": t.message, "line": line, "column": column, "text": shown})
    return sorted(rows, key=lambda r: (r["line"] is None, r["line"] or 0, r["column"] or 0))


def _default_year(args: argparse.Namespace) -> int:
    """``--year``, else the year after the previous plan's own (a usage error when it has none)."""
    if args.year is not None:
        return args.year
    from ..read import read_plan

    year = read_plan(args.previous).year
    if year is None:
        args.parser.error(f"{args.previous}: không rõ năm của kế hoạch, thêm --year / "
                          "the plan's year is unknown, give --year")
    return year + 1


def run(args: argparse.Namespace) -> int:
    from ..draft import draft_plan
    from ..output import plan_outputs
    from ..render import render_docx, render_markdown

    if not args.output and not args.markdown:
        args.parser.error("thêm -o TỆP.docx (hoặc --markdown để in dự thảo) / "
                          "give -o OUT.docx (or --markdown to print the draft)")
    plan_outputs([args.output], [args.previous, args.reference, args.template], force=args.force)
    args.year = _default_year(args)
    if args.track_changes:
        return _tracked(args)
    plan = draft_plan(
        args.previous,
        year=args.year,
        date=args.date,
        number=args.number,
        basis=args.basis,
        replacements=dict(args.replace or []),
        reference=args.reference,
    )
    written = render_docx(plan, args.output, template=args.template, force=args.force) if args.output else None
    rows = todo_records(plan)
    if args.format == "json":
        print_json({"output": str(written) if written else None, "name": plan.name, "year": plan.year,
                    "title": plan.header.title, "todo": rows})
        return 0
    if args.markdown:
        sys.stdout.write(render_markdown(plan))
        if written:
            wrote(written)
        return 0
    print(f"đã ghi / wrote {written}: {plan.header.doc_type or 'Kế hoạch'} {plan.header.title or ''}".rstrip())
    print(f"{len(rows)} việc cần quyết định trước khi ký / {len(rows)} thing{'s' if len(rows) != 1 else ''} "
          "to decide before signing:")
    for r in rows:
        where = f"{r['line']}:{r['column']}" if r["line"] else "-"
        print(f"  {where:>7}  {r['kind']:<9} {r['message']}")
    return 0


def _tracked(args: argparse.Namespace) -> int:
    from ..display import short
    from ..track import draft_docx

    if not args.output or args.markdown or args.template or args.reference:
        args.parser.error("--track-changes sửa chính tệp .docx thành -o TỆP.docx (không dùng cùng --markdown, "
                          "--template, --reference) / --track-changes edits a .docx into -o OUT.docx (no "
                          "--markdown, --template or --reference)")
    result = draft_docx(
        args.previous, year=args.year, out=args.output, date=args.date, number=args.number,
        basis=args.basis, replacements=dict(args.replace or []), force=args.force,
    )
    if args.format == "json":
        print_json({"output": str(result.path), "year": args.year, "changes": result.changes,
                    "todo": [{"kind": k, "message": m, "text": t} for k, m, t in result.todo]})
        return 0
    n, m = result.changes, len(result.todo)
    print(f"đã ghi / wrote {result.path}: {n} thay đổi được theo dõi, {m} ghi chú / "
          f"{n} tracked change{'s' if n != 1 else ''}, {m} comment{'s' if m != 1 else ''}")
    for kind, message, text in result.todo:  # the words of the old plan the comment sits on
        print(f"  {kind:<9} {message}  [{short(text, 40)}]")
    return 0
