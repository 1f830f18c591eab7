"""``plankit cite FILE... [--format table|json|csv]``: every citation of each plan.

Mirrors :func:`plankit.extract_citations`. ``FILE`` may be a folder (its plans are read
recursively; a file that cannot be read is named on stderr and the others go on, exit 1). The
table shows file, key, doc_type, date, issuer, level and role; JSON and CSV carry every field
of :class:`~plankit.model.Citation` plus the file.
"""

from __future__ import annotations

import argparse

from ._common import add_format, example, finish_batch, print_frame, print_json, read_batch

TABLE_COLUMNS = ["file", "key", "doc_type", "date", "issuer", "level", "role"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "cite",
        help="liệt kê văn bản được trích dẫn / list the legal citations of plans",
        description=(
            "Tìm mọi văn bản được trích dẫn trong kế hoạch, với số ký hiệu chuẩn, ngày, cơ quan "
            "ban hành, cấp và vai trò (căn cứ, nhắc đến, chính văn bản).\n\n"
            "Find every citation (Nghị quyết 76/NQ-CP, Quyết định 4168/QĐ-UBND, 26-CTr/TU ...) in "
            "the given plans, with its canonical key, date, issuer, level (central, party, "
            "province, department, other) and role (basis, mention, self). A file that cannot "
            "be read is named on stderr and the others go on.\n\n"
            "Mã thoát / exit status: 0 every file read, 1 some file could not be read, 2 usage error."
        ),
        epilog=example("plankit cite plans/ --format csv"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="plan files or folders of plans")
    add_format(p, ("table", "json", "csv"), "table")
    p.set_defaults(func=run)


def records(items) -> list[dict]:
    """One dict per citation of each ``(path, plan)``, with the plan's file first."""
    out = []
    for path, plan in items:
        for cite in plan.citations:
            out.append({"file": path, **cite.to_dict()})
    return out


def run(args: argparse.Namespace) -> int:
    batch = read_batch(args.files)
    rows = records(batch.items())
    if args.format == "json":
        print_json(rows)
        return finish_batch(batch)
    import pandas as pd

    from ..cite import FRAME_COLUMNS

    columns = TABLE_COLUMNS if args.format == "table" else ["file", *FRAME_COLUMNS]
    frame = pd.DataFrame(rows, columns=["file", *FRAME_COLUMNS])[columns]
    if "year" in frame:  # a citation without a year makes the column float: 2022.0 in Excel
        frame["year"] = frame["year"].astype("Int64")
    if args.format == "csv":
        frame["notes"] = frame["notes"].map(lambda notes: "; ".join(notes))
    else:
        frame = frame.astype(object).where(frame.notna(), "")
    print_frame(frame, args.format, bom=getattr(args, "bom", True))
    return finish_batch(batch)
