"""``plankit restore FILE [--reference REF] [-o OUT] [--force] [--mark] [--format text|json]``.

Mirrors :func:`plankit.restore_text`: reads the plan (text, Markdown, .docx, PDF, or a scan,
which is OCR'd first), restores its diacritics and OCR damage, and prints the restored text, or
writes it to ``OUT`` (atomically; an existing file only with ``--force``). ``--mark`` marks the
uncertain words in the text (``{chosen|alternative}``); in text format the uncertain words and
their alternatives are also listed on stderr, one a line. ``--format json`` lists the changed and
uncertain words with their candidates.
"""

from __future__ import annotations

import argparse
import sys

from ._common import add_format, example, note, plural, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "restore",
        help="khôi phục dấu tiếng Việt / restore the diacritics of an OCR'd or unaccented plan",
        description=(
            "Khôi phục dấu tiếng Việt và sửa lỗi nhận dạng chữ (OCR) của bản quét; với "
            "--reference, một kế hoạch cũ sạch của cùng cơ quan cho mượn cách viết ở những đoạn "
            "trùng nhau. Tên người không bao giờ bị đoán.\n\n"
            "Restore Vietnamese diacritics and OCR damage (\"Cong tac thong tin, tuyén truyén "
            "... nim 2025\" -> \"Công tác thông tin, tuyên truyền ... năm 2025\"). With "
            "--reference, an earlier clean plan of the same issuer lends its spelling wherever "
            "the texts align."
        ),
        epilog=example(
            "plankit restore plans/can-tho/2025-so-khcn.ocr.txt "
            "--reference plans/can-tho/2022-so-khcn.txt -o 2025-restored.txt"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE", help="the plan to restore (.txt, .md, .docx, .pdf, scan)")
    p.add_argument("--reference", metavar="REF", help="an earlier clean plan of the same issuer")
    p.add_argument("-o", "--output", metavar="OUT", help="write the restored text to OUT instead of printing it")
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.add_argument(
        "--mark",
        action="store_true",
        help="mark uncertain words and personal names in the text: {chosen|alternative|...}",
    )
    add_format(p, ("text", "json"), "text")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..output import plan_outputs, write_atomic
    from ..read import read_plan
    from ..restore import restore_text

    inputs = [args.file, args.reference]
    plan_outputs([args.output], inputs, force=args.force)
    plan = read_plan(args.file)
    reference = read_plan(args.reference) if args.reference else None
    restored = restore_text(plan.text, reference=reference, ocr=True if plan.source.ocr else None)
    if args.format == "json":
        payload = {"file": plan.source.path or plan.name, **restored.to_dict()}
        if args.output:
            import json

            data = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
            write_atomic(args.output, data, force=args.force, inputs=inputs)
        else:
            print_json(payload)
        return 0
    text = restored.marked_text() if args.mark else restored.text
    if args.output:
        write_atomic(args.output, text, force=args.force, inputs=inputs)
        note(
            f"{args.output}: {len(restored.changed)} từ đã sửa, {len(restored.uncertain)} từ chưa chắc chắn "
            f"/ {plural(len(restored.changed), 'word')} restored, {len(restored.uncertain)} uncertain"
        )
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    for line in restored.uncertain_lines():
        note(f"{args.file}:{line}")  # the path as typed: the officer opens it from there
    return 0
