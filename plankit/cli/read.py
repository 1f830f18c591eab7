"""``plankit read FILE...``: the header of each plan, as a table, JSON or CSV.

A file that cannot be read is one line on stderr and the others go on (exit 1).
"""

from __future__ import annotations

import argparse

from ._common import add_format, example, finish_batch, print_frame, print_json, read_batch


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "read",
        help="đọc kế hoạch, in phần đầu văn bản / read plans and print their header fields",
        description="Đọc kế hoạch (Word, PDF, văn bản, bản quét) và in phần đầu của từng văn bản: số, ký hiệu, ngày, nơi và cơ quan ban hành. Tệp không đọc được được nêu tên, các tệp khác vẫn được đọc.\n\n"
        "Read plans (.docx, .doc, .odt, .rtf, .pdf, .txt, .md, scans) and print each "
        "one's header. A file that cannot be read is named on stderr and the others go on.\n\n"
        "Mã thoát / exit status: 0 every file read, 1 some file could not be read, 2 usage error.",
        epilog=example("plankit read plans/ --format json"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="plan files or folders of plans")
    add_format(p, ("table", "json", "csv"), "table")
    p.add_argument("--restore", action="store_true", help="restore diacritics of OCR'd plans")
    p.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="read on a Dask cluster (tcp://host:8786); workers need plankit, LibreOffice, Tesseract "
             "and the same paths (pip install 'plankit[dask]')",
    )
    p.add_argument(
        "--searchable", action="store_true",
        help="also write NAME.searchable.pdf beside each scanned PDF (its OCR text as a hidden layer)",
    )
    p.add_argument("--force", action="store_true", help="overwrite existing searchable PDFs")
    p.set_defaults(func=run)


def _dask_client(address: str):
    """A Dask client of the scheduler at ``address``, or a one-line error."""
    from ..errors import PlankitError

    try:
        from distributed import Client
    except ImportError:
        raise PlankitError("--scheduler cần Dask / needs Dask: pip install 'plankit[dask]'") from None
    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise PlankitError(
            f"{address}: không kết nối được / cannot reach the Dask scheduler ({exc})"
        ) from None


def run(args: argparse.Namespace) -> int:
    from ..corpus import headers_frame

    if args.scheduler:
        with _dask_client(args.scheduler) as client:
            batch = read_batch(
                args.files, restore=args.restore, executor=client.get_executor(),
                searchable=args.searchable, force=args.force,
            )
    else:
        batch = read_batch(args.files, restore=args.restore, searchable=args.searchable, force=args.force)
    plans = batch.plans
    if args.format == "json":
        print_json(
            [
                {
                    "file": path,
                    "form": plan.source.form,
                    "ocr": plan.source.ocr,
                    "revisions": plan.source.revisions,
                    "header": plan.header.to_dict(),
                    "facts": plan.facts.to_dict(),
                    "sections": [{"number": s.number, "title": s.title} for s in plan.sections],
                    "tables": [len(t) for t in plan.tables],
                    "warnings": [str(w) for w in plan.warnings],
                }
                for path, plan in batch.items()
            ]
        )
    elif plans:
        frame = headers_frame(plans)
        # the file as given or found, as in --format json, cite and lint: a plan's short name
        # (folder/file) is the same for two provinces' "năm 2025/ke-hoach.txt"
        frame["file"] = [path for path, _ in batch.items()]
        if args.format == "table":
            frame = frame.drop(columns=["parent", "title", "signer", "doc_type"])
        print_frame(frame, args.format, bom=getattr(args, "bom", True))
    return finish_batch(batch)
