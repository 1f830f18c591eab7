"""``plankit demo``: the main job on a folder of plans (``make demo`` runs it on plans/)."""

from __future__ import annotations

import argparse

from ._common import example, print_frame


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="run the whole workflow on a folder of plans",
        description="Read every plan of a folder and print the header table.",
        epilog=example("plankit demo --plans plans"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--plans", default="plans", help="folder of plans (default: plans)")
    p.add_argument("--out", default="reports", help="folder for the HTML reports (default: reports)")
    p.add_argument("--drafts", default="drafts", help="folder for drafted .docx files (default: drafts)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus import read_corpus

    corpus = read_corpus([args.plans])
    print(f"{len(corpus)} kế hoạch / plans in {args.plans}")
    print_frame(corpus.to_frame().drop(columns=["parent", "signer", "doc_type", "form"]), "table")
    for err in corpus.errors:
        print(f"không đọc được / unreadable: {err}")
    return 0
