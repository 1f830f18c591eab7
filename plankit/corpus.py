"""Many plans at once: read a folder with both cores, keep going past bad files.

>>> from plankit.corpus import read_corpus
>>> corpus = read_corpus(["plans"])
>>> len(corpus), len(corpus.errors)
(5, 0)
>>> corpus["hai-duong/2022-so-cong-thuong.txt"].header.number
'181'
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import PlankitError, ReadError
from .model import Plan

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Corpus", "CorpusError", "headers_frame", "is_lock_file", "plan_files", "read_corpus"]

# Below this many files a process pool costs more than it saves.
_POOL_THRESHOLD = 16


@dataclass(frozen=True)
class CorpusError:
    """A file of the corpus that could not be read, and why."""

    path: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Corpus(Sequence[Plan]):
    """The plans read from files or folders, in path order, and the files that failed."""

    plans: tuple[Plan, ...]
    errors: tuple[CorpusError, ...] = ()

    def __len__(self) -> int:
        return len(self.plans)

    def __iter__(self) -> Iterator[Plan]:
        return iter(self.plans)

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            for plan in self.plans:
                if plan.name == key or plan.source.path == key:
                    return plan
            raise KeyError(key)
        return self.plans[key]

    def to_frame(self) -> pd.DataFrame:
        """One row per plan with its header fields."""
        return headers_frame(self.plans)

    def __repr__(self) -> str:
        bad = f", {len(self.errors)} unreadable" if self.errors else ""
        return f"<Corpus {len(self.plans)} plans{bad}>"

    def _repr_html_(self) -> str:
        table = self.to_frame().to_html(index=False, na_rep="")
        errs = "".join(f"<li>{html.escape(str(e))}</li>" for e in self.errors)
        return table + (f"<p>Không đọc được / unreadable:</p><ul>{errs}</ul>" if errs else "")


def headers_frame(plans: Sequence[Plan]) -> pd.DataFrame:
    """A DataFrame of the plans' header fields, one row per plan."""
    import pandas as pd

    rows = []
    for plan in plans:
        h = plan.header
        rows.append(
            {
                "file": plan.name,
                "form": plan.source.form,
                "doc_type": h.doc_type,
                "number": h.number,
                "symbol": h.symbol,
                "issuer": h.issuer,
                "parent": h.parent,
                "place": h.place,
                "date": h.date.isoformat() if h.date else None,
                "month": h.date_parts.month,
                "year": h.year,
                "title": h.title,
                "signer": h.signer,
                "sections": len(plan.sections),
                "tables": len(plan.tables),
                "warnings": len(plan.warnings),
            }
        )
    frame = pd.DataFrame(rows, columns=_HEADER_COLUMNS)
    # whole numbers stay whole where some plans lack them (a month shows as 1, not 1.0)
    return frame.astype({"month": "Int64", "year": "Int64"})


_HEADER_COLUMNS = [
    "file", "form", "doc_type", "number", "symbol", "issuer", "parent", "place", "date", "month",
    "year", "title", "signer", "sections", "tables", "warnings",
]


PLAN_SUFFIXES = (
    ".txt", ".md", ".docx", ".doc", ".rtf", ".odt", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff",
)


def is_lock_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a lock or temporary file an office program leaves next to an open
    document: Word's owner file ``~$plan.docx`` or LibreOffice's ``.~lock.plan.docx#``.

    >>> [is_lock_file(n) for n in ("~$an-2022.docx", ".~lock.ke-hoach.odt#", "ke-hoach.docx")]
    [True, True, False]
    """
    name = Path(path).name
    return name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#"))


def _listed(name: str) -> bool:
    """Whether a file found in a folder is a plan file to read."""
    return (
        not name.startswith(".")
        and not is_lock_file(name)
        and name.lower() != "readme.md"
        and Path(name).suffix.lower() in PLAN_SUFFIXES
    )


def plan_files(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Files as given; folders become the plan files inside them (recursively, sorted).

    Inside a folder, names starting with a dot (``.git``, ``.ipynb_checkpoints``) are hidden,
    but the folder given may itself be ``..`` or ``.plans``. README files and the lock files
    Word and LibreOffice leave next to an open document (:func:`is_lock_file`) are skipped,
    also when named directly (a shell's ``*.docx`` matches ``~$plan.docx``). A folder with no
    plan file is a :class:`~plankit.errors.ReadError`.

    >>> [p.name for p in plan_files(["plans/can-tho"])]
    ['2022-so-khcn.txt', '2025-so-khcn.ocr.txt']
    >>> [p.as_posix() for p in plan_files(["plans/can-tho/../hai-duong"])]
    ['plans/can-tho/../hai-duong/2022-so-cong-thuong.txt']
    """
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found: list[Path] = []
            for folder, dirs, names in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]  # prune hidden folders
                here = Path(folder)
                found.extend(here / n for n in names if _listed(n) and (here / n).is_file())
            if not found:
                raise ReadError(
                    p, f"folder holds no plan files ({', '.join(PLAN_SUFFIXES[:6])}, PDF, scans)"
                )
            out.extend(sorted(found))
        elif not is_lock_file(p):
            out.append(p)
    return out


def _read_one(path: str) -> Plan | CorpusError:
    from .read import read_plan

    try:
        return read_plan(path)
    except PlankitError as exc:
        return CorpusError(path, str(exc).splitlines()[0])
    except Exception as exc:  # a batch must survive a reader bug; the file is reported
        return CorpusError(path, f"{path}: unexpected {type(exc).__name__}: {exc}")


def read_corpus(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    workers: int | None = None,
    progress: bool = False,
) -> Corpus:
    """Read every plan under ``paths`` (files or folders); failures are collected, not raised.

    Uses a process pool with ``workers`` processes (default: the machine's cores) when there
    are many files, and shows a tqdm progress bar when ``progress`` is true.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = [str(p) for p in plan_files(paths)]
    workers = workers or os.cpu_count() or 1
    results: list[Plan | CorpusError]
    if workers > 1 and len(files) >= _POOL_THRESHOLD:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunks = max(1, len(files) // (workers * 8))
            it = pool.map(_read_one, files, chunksize=chunks)
            results = list(_progress(it, len(files)) if progress else it)
    else:
        it = map(_read_one, files)
        results = list(_progress(it, len(files)) if progress else it)
    plans = tuple(r for r in results if isinstance(r, Plan))
    errors = tuple(r for r in results if isinstance(r, CorpusError))
    return Corpus(plans, errors)


def _progress(iterable, total: int):
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc="Đọc kế hoạch / reading", unit="plan")
