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


#: How long a scheduler has to answer, in seconds: Dask's own timeout covers a silent address, not
#: a server of another kind (the dashboard's port 8787, a web server) that answers in its own tongue.
CONNECT_SECONDS = 30.0


def _dask_client(address: str, wait: float | None = None):
    """A Dask client of the scheduler at ``address``, or a one-line error.

    The client connects in a daemon thread: a server that is not a Dask scheduler can keep Dask's
    handshake waiting without end (or make it read its reply as a frame length of exabytes), and
    the officer gets a line after ``wait`` seconds instead of a hung terminal or a traceback.
    """
    import threading

    from ..errors import PlankitError

    wait = CONNECT_SECONDS if wait is None else wait

    try:
        from distributed import Client
    except ImportError:
        raise PlankitError("--scheduler cần Dask / needs Dask: pip install 'plankit[dask]'") from None
    outcome: dict[str, object] = {}

    def connect() -> None:
        try:
            outcome["client"] = Client(address, timeout="10s")
        except BaseException as exc:  # handed to the main thread below
            outcome["error"] = exc

    thread = threading.Thread(target=connect, name="plankit-dask-connect", daemon=True)
    thread.start()
    thread.join(wait)
    if thread.is_alive():
        raise PlankitError(
            f"{address}: không kết nối được / cannot reach the Dask scheduler (không có trả lời của Dask sau "
            f"{wait:.0f} giây: có đúng cổng của scheduler, mặc định 8786, không phải cổng bảng điều khiển 8787? / "
            f"no Dask answer within {wait:.0f} s: is this the scheduler's port, 8786 by default, not the "
            "dashboard's 8787?)"
        )
    error = outcome.get("error")
    if isinstance(error, (OSError, TimeoutError, ValueError, MemoryError)):
        reason = str(error) if not isinstance(error, MemoryError) else "không phải scheduler Dask / not a Dask scheduler"
        raise PlankitError(f"{address}: không kết nối được / cannot reach the Dask scheduler ({reason})") from None
    if error is not None:
        raise error  # type: ignore[misc]  # not a connection failure: a defect to see whole
    return outcome["client"]


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
