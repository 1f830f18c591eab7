"""``plankit demo``: the whole workflow on a folder of plans, by default the sample plans plankit ships.

It prints the header table, drafts next year's plan of the newest plan as a .docx (``drafts/``)
and executes every notebook into HTML reports (``reports/index.html``), all in the current folder
unless told otherwise. Like every command it refuses to overwrite earlier output unless ``--force``
is given (``make demo`` gives it, so the demo can be rerun).
"""

from __future__ import annotations

import argparse

from ._common import UNREADABLE, example, plural, print_frame, say
from .draft import todo_records


def _slug(plan, plans) -> str:
    """The draft's name: the plan's folders inside ``plans`` (``can-tho``, ``Bắc Ninh-năm 2025``),
    else its file name without a leading year (a plan at the top of the folder).

    >>> from pathlib import Path
    >>> from plankit.read import read_plan
    >>> _slug(read_plan("plans/can-tho/2025-so-khcn.ocr.txt"), Path("plans"))
    'can-tho'
    >>> _slug(read_plan("plans/can-tho/2025-so-khcn.ocr.txt"), Path("plans/can-tho"))
    'so-khcn'
    """
    import re
    from pathlib import Path

    path = Path(plan.source.path or plan.name)
    try:
        folders = path.resolve().relative_to(Path(plans).resolve()).parent.parts
    except ValueError:  # not under plans (a link out of it): its own folder
        folders = (path.parent.name,) if path.parent.name else ()
    return "-".join(folders) or re.sub(r"^\d{4}-?", "", path.name.split(".")[0]) or "ke-hoach"


def _inside(plan, plans) -> str:
    """The plan's file as it sits in ``plans``, every sub-folder kept (``con/kế hoạch.txt``); its
    own name when it lies elsewhere (a link out of the folder).

    >>> from pathlib import Path
    >>> from plankit.read import read_plan
    >>> plan = read_plan("plans/can-tho/2025-so-khcn.ocr.txt")
    >>> _inside(plan, Path("plans")), _inside(plan, Path("plans/can-tho")), _inside(plan, Path("docs"))
    ('can-tho/2025-so-khcn.ocr.txt', '2025-so-khcn.ocr.txt', 'can-tho/2025-so-khcn.ocr.txt')
    """
    from pathlib import Path

    if not plan.source.path:
        return plan.name
    try:
        return Path(plan.source.path).resolve().relative_to(Path(plans).resolve()).as_posix()
    except ValueError:
        return plan.name


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="chạy thử toàn bộ quy trình / run the whole workflow on a folder of plans (default: the bundled sample plans)",
        description="Đọc mọi kế hoạch của một thư mục (mặc định: năm kế hoạch mẫu đi kèm), in bảng "
        "phần đầu, soạn dự thảo năm sau của kế hoạch mới nhất và ghi báo cáo HTML vào thư mục hiện "
        "tại.\n\n"
        "Read every plan of a folder (default: the five sample plans plankit ships), print "
        "the header table, draft next year's plan of the newest one as a .docx and write the HTML "
        "reports, into the current folder.\n\n"
        "Mã thoát / exit status: 0 every file read, 1 some file could not be read (named on stderr; "
        "the pages cover the others), 2 usage error (a folder with no plan file among them).",
        epilog=example("plankit demo                      # sample plans -> ./reports, ./drafts\n"
                       "  plankit demo --copy-plans plans   # sample plans -> ./plans, for every --help's example"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--plans", default=None, help="folder of plans (default: the bundled sample plans)")
    p.add_argument("--out", default="reports", help="folder for the HTML reports (default: reports)")
    p.add_argument("--drafts", default="drafts", help="folder for drafted .docx files (default: drafts)")
    p.add_argument("--no-report", action="store_true", help="skip the notebooks (faster; no 'report' extra needed)")
    p.add_argument("--show-code", action="store_true", help="keep the code cells in the reports")
    p.add_argument("--copy-plans", metavar="DIR", default=None,
                   help="only copy the bundled sample plans into DIR (e.g. plans), so that the examples "
                   "of every --help run from an installed wheel; nothing else is done")
    p.add_argument("--force", action="store_true", help="overwrite the reports and drafts of an earlier run")
    p.set_defaults(func=run)


def copy_plans(target: str, *, force: bool = False) -> list[str]:
    """Copy the bundled sample plans into ``target``, sub-folders kept; the files written, each
    written whole. Every target is checked before the first is written: an existing file is an
    error unless ``force``.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "plans"
    >>> copy_plans(str(out))[:3]
    ['README.md', 'can-tho/2022-so-khcn.txt', 'can-tho/2025-so-khcn.ocr.txt']
    """
    from pathlib import Path

    from ..bundled import sample_plans_dir
    from ..output import plan_outputs, write_atomic

    source = sample_plans_dir()
    files = sorted(p for p in source.rglob("*") if p.is_file() and not p.name.startswith((".", "__")))
    names = [f.relative_to(source).as_posix() for f in files]
    plan_outputs([Path(target) / n for n in names], files, force=force)
    for f, name in zip(files, names, strict=True):
        (Path(target) / name).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(Path(target) / name, f.read_bytes(), force=force)
    return names


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..bundled import sample_plans_dir
    from ..corpus import read_corpus
    from ..draft import draft_plan
    from ..errors import OutputExists, ReadError
    from ..render import render_docx
    from ..report import REPORT_MODULES, check_out_folder, require_extra, run_report
    from ..series import clean_reference

    if args.copy_plans:
        names = copy_plans(args.copy_plans, force=args.force)
        count = sum(1 for n in names if Path(n).name != "README.md")  # the folder's README is no plan
        print(f"đã chép {count} kế hoạch mẫu vào / copied {plural(count, 'sample plan')} into "
              f"{args.copy_plans}:")
        for name in names:
            print(f"  {Path(args.copy_plans) / name}")
        return 0
    if not args.no_report:
        require_extra("report", REPORT_MODULES)
        if not args.force and (Path(args.out) / "index.html").exists():
            raise OutputExists(Path(args.out) / "index.html")
    plans = Path(args.plans) if args.plans else sample_plans_dir()
    where_vi, where_en = (args.plans, args.plans) if args.plans else ("các kế hoạch mẫu", "the samples")
    if not plans.is_dir():
        raise ReadError(args.plans, "không có thư mục kế hoạch này / plans folder not found")
    if not args.no_report:
        check_out_folder(plans, args.out)  # before any draft is written
    corpus = read_corpus([plans])
    if not len(corpus):
        raise ReadError(args.plans, "không đọc được kế hoạch nào / no plan could be read")
    print(f"{len(corpus)} kế hoạch trong {where_vi} / {plural(len(corpus), 'plan')} in {where_en}")
    frame = corpus.to_frame()
    frame["file"] = [_inside(plan, plans) for plan in corpus]  # as the report's pages name them
    print_frame(frame[[c for c in ("file", "number", "symbol", "issuer", "place", "date", "year") if c in frame]], "table")
    for err in corpus.errors:  # as every batch command says it: one line each on stderr
        say(UNREADABLE, err.message)
    # The newest plan is the one to roll forward; an earlier clean plan of the same issuer is its
    # spelling reference when it was scanned.
    dated = sorted((p for p in corpus if p.year), key=lambda p: (p.year, p.name))
    if dated:
        latest = dated[-1]
        target = Path(args.drafts) / f"{_slug(latest, plans)}-{latest.year + 1}.docx"
        if target.exists() and not args.force:
            raise OutputExists(target)
        draft = draft_plan(latest, year=latest.year + 1, reference=clean_reference(latest, corpus))
        out = render_docx(draft, target, force=args.force)
        print(f"\ndự thảo / draft: {out} ({len(draft.todo)} việc cần quyết định / to decide)")
        for todo in todo_records(draft):  # in the order of the text
            print(f"  {todo['line'] or '-'!s:>4}  {todo['kind']:<8} {todo['message']}")
    if not args.no_report:
        report = run_report(plans, args.out, force=args.force, show_code=args.show_code)
        print(f"\nbáo cáo / reports: {report.index}")
        for nb in report.notebooks:
            print(f"  {nb.html_path} ({nb.seconds:.1f} s)")
    return 1 if corpus.errors else 0  # as every batch command: 1 when a file could not be read
