"""``plankit demo``: the whole workflow on a folder of plans (``make demo`` runs it on plans/).

It prints the header table, executes every notebook into HTML reports (``reports/index.html``)
and drafts next year's plan of the most recent OCR'd plan as a .docx (``drafts/``). Like every
command it refuses to overwrite earlier output unless ``--force`` is given (``make demo`` gives
it, so the demo can be rerun).
"""

from __future__ import annotations

import argparse

from ._common import example, print_frame


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="run the whole workflow on a folder of plans",
        description="Read every plan of a folder, print the header table, write the HTML reports "
        "and draft next year's plan as a .docx.",
        epilog=example("plankit demo --plans plans --out reports --drafts drafts --force"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--plans", default="plans", help="folder of plans (default: plans)")
    p.add_argument("--out", default="reports", help="folder for the HTML reports (default: reports)")
    p.add_argument("--drafts", default="drafts", help="folder for drafted .docx files (default: drafts)")
    p.add_argument("--no-report", action="store_true", help="skip the notebooks (faster)")
    p.add_argument("--force", action="store_true", help="overwrite the reports and drafts of an earlier run")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..corpus import read_corpus
    from ..draft import draft_plan, render_docx
    from ..errors import ReadError
    from ..report import run_report

    if not Path(args.plans).is_dir():
        raise ReadError(args.plans, "không có thư mục kế hoạch này / plans folder not found")
    corpus = read_corpus([args.plans])
    if not len(corpus):
        raise ReadError(args.plans, "không đọc được kế hoạch nào / no plan could be read")
    print(f"{len(corpus)} kế hoạch / plans in {args.plans}")
    print_frame(corpus.to_frame().drop(columns=["parent", "signer", "doc_type", "form", "title"]), "table")
    for err in corpus.errors:
        print(f"không đọc được / unreadable: {err}")
    # The newest plan is the one to roll forward; an earlier plan of the same issuer and place
    # is its spelling reference when it was scanned.
    dated = sorted((p for p in corpus if p.year), key=lambda p: (p.year, p.name))
    if dated:
        latest = dated[-1]
        peers = [p for p in dated[:-1] if p.header.place == latest.header.place and not p.source.ocr]
        previous = latest.restored(reference=peers[-1] if peers else None)
        draft = draft_plan(previous, year=latest.year + 1)
        slug = Path(latest.name).parent.name or "plan"
        out = render_docx(draft, Path(args.drafts) / f"{slug}-{latest.year + 1}.docx", force=args.force)
        print(f"\ndự thảo / draft: {out} ({len(draft.todo)} việc cần quyết định / to decide)")
        for todo in draft.todo:
            line = draft.position(todo.span.start)[0] if todo.span else "-"
            print(f"  {line!s:>4}  {todo.kind:<8} {todo.message}")
    if not args.no_report:
        report = run_report(
            args.plans, args.out, force=args.force, parameters={"drafts_dir": str(Path(args.drafts).resolve())}
        )
        print(f"\nbáo cáo / reports: {report.index}")
        for nb in report.notebooks:
            print(f"  {nb.html_path} ({nb.seconds:.1f} s)")
    return 0
