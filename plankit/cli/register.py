"""``plankit register [KEY...] [--on DATE] [--format table|json|csv]``: the register of central
and party documents.

Mirrors :func:`plankit.register.register_frame` and :func:`plankit.register.lookup`: without a
key, every row; with keys (any spacing, with or without diacritics), their rows, and a key the
register does not hold named on stderr (exit 1). ``--on DATE`` adds, for each document, whether
it applied on that day and what replaced it (:func:`plankit.validity.status`,
:func:`plankit.validity.replaced_by`, chains followed).
"""

from __future__ import annotations

import argparse

from ._args import iso_date
from ._common import add_format, example, print_frame, warning

TABLE_COLUMNS = ["key", "doc_type", "date", "issuer", "replaced_by", "effective"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "register",
        help="tra cứu sổ văn bản / look up central and party documents in the register",
        description=(
            "Tra cứu sổ văn bản trung ương và của Đảng: số, loại, ngày, cơ quan ban hành, trích "
            "yếu, văn bản thay thế và từ ngày nào, kèm trang nguồn; với --on, văn bản còn áp dụng "
            "vào ngày đó không.\n\n"
            "Show the register of central and party documents (number, type, date, issuer, "
            "subject, what replaced it and from when, and the public page each fact was read "
            "on). With keys, only their rows; a key the register does not hold is named on "
            "stderr. With --on, whether each document applied on that day and what replaced it.\n\n"
            "Mã thoát / exit status: 0 every key found, 1 some key is not in the register, 2 usage error."
        ),
        epilog=example("plankit register 61/2018/NĐ-CP 76/NQ-CP --on 2026-01-15"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("keys", nargs="*", metavar="KEY", help="document keys (76/NQ-CP, 57-NQ/TW, 61/2018/NĐ-CP)")
    p.add_argument("--on", type=iso_date, metavar="DATE", help="also say whether each document applied on DATE")
    add_format(p, ("table", "json", "csv"), "table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..register import lookup, register_frame
    from ..validity import replaced_by, status

    frame = register_frame()
    missing = []
    if args.keys:
        found = []
        for key in args.keys:
            entry = lookup(key)
            if entry is None:
                missing.append(key)
                warning(f"'{key}' không có trong sổ văn bản / is not in the register")
            elif entry.key not in found:
                found.append(entry.key)
        frame = frame.set_index("key").loc[found].reset_index()
    for column in ("date", "effective"):
        frame[column] = [d.isoformat() if d is not None and d == d else None for d in frame[column]]
    columns = TABLE_COLUMNS if args.format == "table" else list(frame.columns)
    if args.on is not None:
        frame["status"] = [status(k, args.on) for k in frame["key"]]
        frame["in_force"] = [
            (r.replaced_by if (r := replaced_by(k, args.on)) is not None else None) for k in frame["key"]
        ]
        columns = [*columns, "status", "in_force"]
    print_frame(frame[columns], args.format, bom=getattr(args, "bom", True))
    return 1 if missing else 0
