"""What the subcommands share: message lines, reading a batch of files, output formats.

One language convention for every line plankit prints on stderr: ``plankit: `` then the kind and
the words an officer reads in Vietnamese first with an English gloss after `` / ``
(``plankit: lỗi / error: ...``, ``plankit: cảnh báo / warning: ...``). Reasons that come from
the library (a reader's ``ReadError``) follow as they are. Every command prints its error,
warning and progress lines through :func:`error`, :func:`warning` and :func:`note`.

Batch commands (``read``, ``cite``, ``lint``, ``graph``) read with :func:`read_batch`: a file
that cannot be read is one line on stderr and the others go on; :func:`finish_batch` prints the
summary count and gives exit status 1 when any file failed. A path on the command line that
does not exist, or a folder with no plan file, is a usage error (exit 2) before any work.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import CorpusError
    from ..model import Plan

#: Kinds of stderr lines, Vietnamese first.
ERROR = "lỗi / error"
WARNING = "cảnh báo / warning"
INFO = "thông tin / info"
UNREADABLE = "không đọc được / cannot read"

#: Files from which a batch command shows a progress bar on a terminal's stderr.
PROGRESS_FROM = 20

#: The byte order mark Excel on Windows needs to open a CSV file as UTF-8.
BOM = "\ufeff"


def say(kind: str, message: str) -> None:
    """Print ``plankit: KIND: MESSAGE`` on stderr, on one line."""
    first = str(message).splitlines()[0] if str(message) else ""
    print(f"plankit: {kind}: {first}", file=sys.stderr)


def error(message: str) -> None:
    """An error line: ``plankit: lỗi / error: MESSAGE``."""
    say(ERROR, message)


def warning(message: str) -> None:
    """A warning line: ``plankit: cảnh báo / warning: MESSAGE``."""
    say(WARNING, message)


def note(message: str) -> None:
    """A progress line on stderr (``plankit: đã ghi / wrote out.docx``): not an error."""
    print(f"plankit: {message}", file=sys.stderr)


def wrote(path: Any, detail: str = "") -> None:
    """``plankit: đã ghi / wrote PATH`` (and an optional detail after a colon)."""
    note(f"đã ghi / wrote {path}{': ' + detail if detail else ''}")


def plural(n: int, word: str) -> str:
    """``1 file``, ``2 files`` (English gloss only; Vietnamese nouns do not inflect)."""
    return f"{n} {word}{'' if n == 1 else 's'}"


# ---------------------------------------------------------------------------------------------
# batches of files
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Batch:
    """The plans read from the command line's files and folders, and the files that failed.

    ``paths`` holds each plan's file as the command line reached it (``../ho-so/a.docx``), the
    name every output line uses.
    """

    files: int
    plans: tuple[Plan, ...]
    paths: tuple[str, ...]
    errors: tuple[CorpusError, ...]

    def items(self) -> Iterator[tuple[str, Plan]]:
        """``(path, plan)`` pairs, in path order."""
        return zip(self.paths, self.plans, strict=True)


def read_batch(
    paths: Sequence[str], *, restore: bool = False, executor: Any = None, searchable: bool = False,
    force: bool = False,
) -> Batch:
    """Read every plan under ``paths``, printing one line per unreadable file on stderr.

    Raises :class:`~plankit.errors.ReadError` (exit 2) when a path does not exist or a folder
    holds no plan file: the command line is wrong, nothing is read.
    """
    from ..corpus import plan_files, read_corpus
    from ..errors import ReadError
    from ..output import read_reason

    for raw in paths:
        try:
            os.stat(raw)
        except OSError as exc:  # missing, or a folder above it we may not enter
            raise ReadError(raw, read_reason(exc)) from None
    files = plan_files(paths)
    # A folder of scans takes minutes: a bar on the terminal (never into a redirected file).
    progress = len(files) >= PROGRESS_FROM and sys.stderr.isatty()
    corpus = read_corpus(files, executor=executor, searchable=searchable, force=force, progress=progress)
    plans = corpus.plans
    if restore:
        from ..restore import restore_plan

        plans = tuple(restore_plan(p) if p.source.ocr and not p.source.restored else p for p in plans)
    failed = {e.path for e in corpus.errors}
    read = tuple(f.as_posix() for f in files if str(f) not in failed)
    for failure in corpus.errors:
        say(UNREADABLE, failure.message)
    return Batch(len(files), plans, read, corpus.errors)


#: The arguments of the subcommands that name an existing file or folder to read.
INPUT_ARGUMENTS = ("files", "old", "new", "previous", "reference", "file", "plans", "template", "plan",
                   "baseline", "config")


def on_disk(raw: str) -> str:
    """``raw`` as the file system spells it, when it differs only in Unicode normalisation.

    A name saved on a Mac or unzipped from an archive made there spells ``ế`` as ``e`` and two
    combining marks (NFD); the officer types, or pastes from a document, the composed letter
    (NFC), and Linux sees two different names. Each missing part of the path is matched against
    its folder's entries by their NFC form; when exactly one matches, that spelling is used.
    Anything else (the path exists, nothing matches, two entries match) gives ``raw`` back, so the
    error names what was typed.

    >>> import tempfile, unicodedata
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / unicodedata.normalize("NFD", "Kế hoạch.txt")).write_text("x", encoding="utf-8")
    >>> found = on_disk(str(folder / "Kế hoạch.txt"))
    >>> Path(found).exists(), unicodedata.is_normalized("NFD", Path(found).name)
    (True, True)
    >>> on_disk(str(folder / "khác.txt")) == str(folder / "khác.txt")
    True
    """
    import unicodedata

    if not raw or os.path.lexists(raw):
        return raw
    path = Path(raw)
    built = Path(path.anchor) if path.anchor else Path()
    for part in path.parts[1 if path.anchor else 0:]:
        if os.path.lexists(built / part):
            built = built / part
            continue
        key = unicodedata.normalize("NFC", part)
        try:
            matches = [name for name in os.listdir(built) if unicodedata.normalize("NFC", name) == key]
        except OSError:
            return raw
        if len(matches) != 1:
            return raw
        built = built / matches[0]
    return str(built)


def batch_summary(batch: Batch) -> str:
    """``đã đọc 3/5 tệp, 2 tệp không đọc được / read 3 of 5 files, 2 unreadable``."""
    read, failed = len(batch.plans), len(batch.errors)
    if not failed:
        return f"đã đọc {read} tệp / read {plural(read, 'file')}"
    return (
        f"đã đọc {read}/{batch.files} tệp, {failed} tệp không đọc được / "
        f"read {read} of {plural(batch.files, 'file')}, {failed} unreadable"
    )


def finish_batch(batch: Batch, status: int = 0) -> int:
    """Print the summary count on stderr; exit status 1 when a file failed, else ``status``."""
    note(batch_summary(batch))
    return 1 if batch.errors else status


# ---------------------------------------------------------------------------------------------
# output formats
# ---------------------------------------------------------------------------------------------
def add_format(parser: argparse.ArgumentParser, choices: Iterable[str], default: str) -> None:
    """Add ``--format`` with the given choices (and ``--no-bom`` when CSV is one of them)."""
    choices = list(choices)
    parser.add_argument("--format", choices=choices, default=default, help=f"output format (default: {default})")
    if "csv" in choices:
        parser.add_argument(
            "--no-bom", dest="bom", action="store_false",
            help="CSV without the UTF-8 byte order mark (by default it has one, so that Excel "
                 "on Windows shows Vietnamese correctly)",
        )


def print_json(value: Any) -> None:
    """Print ``value`` as indented UTF-8 JSON (dates as ISO strings)."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_frame(frame: Any, fmt: str, *, bom: bool = True) -> None:
    """Print a DataFrame as an aligned table, CSV (with a UTF-8 BOM unless ``bom=False``) or
    JSON records."""
    if fmt == "csv":
        if bom:
            sys.stdout.write(BOM)
        frame.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        print_json(json.loads(frame.to_json(orient="records", force_ascii=False, date_format="iso")))
    elif len(frame) == 0:
        print("(không có dòng nào / no rows)")
    else:
        print(text_table(frame))


def text_table(frame: Any, max_width: int = 48) -> str:
    """A DataFrame as an aligned table for the terminal: text left-aligned, numbers right-aligned,
    a cell longer than ``max_width`` cut with ``…`` (the JSON and CSV forms keep it whole), except
    in the ``file`` column: a path is there to be opened.

    >>> import pandas as pd
    >>> print(text_table(pd.DataFrame({"file": ["a.txt", "dai/b.txt"], "year": [2022, None],
    ...                                "issuer": ["Ban Chỉ đạo Trung ương về phát triển khoa học", "Sở Tư pháp"]}),
    ...                  max_width=20))
    file      year issuer
    a.txt     2022 Ban Chỉ đạo Trung ư…
    dai/b.txt      Sở Tư pháp
    """
    import pandas as pd

    def cell(value: Any, cut: bool = True) -> str:
        if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = " ".join(str(value).split())
        return text if shown_width(text) <= max_width or not cut else _cut(text, max_width - 1) + "…"

    columns = [str(c) for c in frame.columns]
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
               for c in frame.columns]
    cut = [c != "file" for c in columns]
    rows = [[cell(v, k) for v, k in zip(row, cut, strict=True)] for row in frame.itertuples(index=False, name=None)]
    widths = [max([shown_width(c), *(shown_width(r[i]) for r in rows)]) for i, c in enumerate(columns)]

    def pad(value: str, width: int, right: bool) -> str:
        space = " " * (width - shown_width(value))
        return space + value if right else value + space

    def line(values: list[str]) -> str:
        return " ".join(pad(v, w, n) for v, w, n in zip(values, widths, numeric, strict=True)).rstrip()

    return "\n".join([line(columns), *(line(r) for r in rows)])


def shown_width(text: str) -> int:
    """How many columns ``text`` takes in a terminal: its combining marks take none. A file name
    saved on a Mac (or unzipped from one) spells ``ế`` as ``e`` and two marks (NFD): counted in
    code points it would push the rest of its row out of line.

    >>> import unicodedata
    >>> name = unicodedata.normalize("NFD", "Kế hoạch.txt")
    >>> len(name), shown_width(name), shown_width("Kế hoạch.txt")
    (15, 12, 12)
    """
    import unicodedata

    return sum(1 for c in text if not unicodedata.combining(c))


def _cut(text: str, width: int) -> str:
    """The first ``width`` columns of ``text``, a letter's combining marks kept with it."""
    import unicodedata

    shown = 0
    for i, c in enumerate(text):
        if not unicodedata.combining(c):
            if shown == width:
                return text[:i]
            shown += 1
    return text


def example(text: str) -> str:
    """An epilog that ends ``--help`` with an example."""
    return f"Ví dụ / Example:\n  {text}"


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Every ``--help`` of plankit: the description and epilog wrapped to the terminal paragraph
    by paragraph (a blank line apart; the Vietnamese line stays apart from the English text),
    lines that begin with a space (examples) kept as written, and the usage line bilingual."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap

        paragraphs = []
        for paragraph in text.split("\n\n"):
            if any(line.startswith(" ") for line in paragraph.splitlines()):
                paragraphs.append("\n".join(indent + line for line in paragraph.splitlines()))
            else:
                paragraphs.append(textwrap.fill(" ".join(paragraph.split()), width,
                                                initial_indent=indent, subsequent_indent=indent))
        return "\n\n".join(paragraphs)

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "cách dùng / usage: " if prefix is None else prefix)
