"""Many plans at once: read a folder with all cores, or a cluster, and keep going past bad files.

:func:`read_corpus` returns every plan; :func:`map_corpus` runs a function on each plan where
the plan is read (a local process pool, or any :class:`concurrent.futures.Executor`, such as
Dask distributed's ``client.get_executor()``) and yields its small results as they finish, so
the caller's memory stays flat however many files there are.

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
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import PlankitError, ReadError
from .model import Plan
from .output import FIXED_MARK, read_reason

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Corpus",
    "CorpusError",
    "Mapped",
    "header_row",
    "headers_frame",
    "is_lock_file",
    "map_corpus",
    "plan_files",
    "read_corpus",
]

# Below this many files a process pool costs more than it saves.
_POOL_THRESHOLD = 16


@dataclass(frozen=True)
class CorpusError:
    """A file of the corpus that could not be read, and why."""

    path: str
    message: str

    def __str__(self) -> str:
        return self.message

    @property
    def reason(self) -> str:
        """The message without the file's name it starts with (a table has the file in a column).

        >>> CorpusError("ho-so/rong.txt", "ho-so/rong.txt: tệp rỗng / empty file").reason
        'tệp rỗng / empty file'
        """
        head = f"{self.path}: "
        return self.message[len(head):] if self.message.startswith(head) else self.message


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
        # the columns an officer scans a folder by; to_frame() has all sixteen
        frame = self.to_frame()[list(_HTML_COLUMNS)]
        table = frame.to_html(index=False, na_rep="")
        errs = "".join(f"<li>{html.escape(str(e))}</li>" for e in self.errors)
        return table + (f"<p>Không đọc được / unreadable:</p><ul>{errs}</ul>" if errs else "")


_HTML_COLUMNS = ("file", "doc_type", "number", "symbol", "issuer", "date", "year", "sections", "warnings")


def header_row(plan: Plan) -> dict[str, Any]:
    """One plan's header fields as a small dict: a row of :func:`headers_frame`, and a
    function for :func:`map_corpus` that sends back a few hundred bytes instead of the plan.

    >>> from plankit.read import read_plan
    >>> row = header_row(read_plan("plans/hai-duong/2022-so-cong-thuong.txt"))
    >>> row["number"], row["symbol"], row["date"], row["signer"]
    ('181', 'KH-SCT', '2022-02-07', 'Trần Văn Hảo')
    """
    return plan.row()


def headers_frame(plans: Iterable[Plan | dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame of the plans' header fields, one row per plan (or per :func:`header_row`)."""
    import pandas as pd

    rows = [p if isinstance(p, dict) else header_row(p) for p in plans]
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


# what map_corpus(..., searchable=True) writes beside a scanned NAME.pdf
SEARCHABLE_SUFFIX = ".searchable.pdf"


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


def _own_copy(name: str, names: Sequence[str]) -> bool:
    """Whether ``name`` is a copy plankit wrote beside a plan found in the same folder: the
    ``NAME.searchable.pdf`` of ``--searchable`` beside the scan ``NAME.pdf``, or the
    ``NAME.fixed.txt`` of ``plankit lint --fix`` beside ``NAME.txt``. It is the same plan
    again, so it is not listed twice (a copy whose original is not there is the only copy,
    and is read).

    >>> _own_copy("scan.searchable.pdf", ["scan.pdf", "scan.searchable.pdf"])
    True
    >>> _own_copy("scan.searchable.pdf", ["scan.searchable.pdf"])
    False
    >>> _own_copy("ke-hoach.fixed.md", ["ke-hoach.md", "ke-hoach.fixed.md"])
    True
    """
    lower = name.lower()
    if lower.endswith(SEARCHABLE_SUFFIX):
        original = lower[: -len(SEARCHABLE_SUFFIX)] + ".pdf"
    else:
        stem, dot, suffix = lower.rpartition(".")
        if not dot or not stem.endswith(FIXED_MARK):
            return False
        original = f"{stem[: -len(FIXED_MARK)]}.{suffix}"
    return any(other.lower() == original for other in names)


def plan_files(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Files as given; folders become the plan files inside them (recursively, sorted).

    ``paths`` is one path or a sequence of them (a single string is one path, never a
    sequence of one-letter names).

    Inside a folder, names starting with a dot (``.git``, ``.ipynb_checkpoints``) are hidden,
    but the folder given may itself be ``..`` or ``.plans``. README files and the lock files
    Word and LibreOffice leave next to an open document (:func:`is_lock_file`) are skipped,
    also when named directly (a shell's ``*.docx`` matches ``~$plan.docx``); so is, inside a
    folder, the ``NAME.searchable.pdf`` written beside a scan ``NAME.pdf`` that is also there,
    and the ``NAME.fixed.txt`` of ``plankit lint --fix`` beside ``NAME.txt`` (the same plan
    twice; named directly, it is read). A folder with no
    plan file is a :class:`~plankit.errors.ReadError`.

    >>> [p.name for p in plan_files(["plans/can-tho"])]
    ['2022-so-khcn.txt', '2025-so-khcn.ocr.txt']
    >>> [p.as_posix() for p in plan_files(["plans/can-tho/../hai-duong"])]
    ['plans/can-tho/../hai-duong/2022-so-cong-thuong.txt']
    >>> [p.name for p in plan_files("plans/can-tho")]
    ['2022-so-khcn.txt', '2025-so-khcn.ocr.txt']
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found: list[Path] = []
            for folder, dirs, names in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]  # prune hidden folders
                here = Path(folder)
                found.extend(here / n for n in names
                             if _listed(n) and not _own_copy(n, names) and (here / n).is_file())
            if not found:
                kinds = ", ".join(PLAN_SUFFIXES[:6])
                raise ReadError(p, f"thư mục không có tệp kế hoạch nào ({kinds}, PDF, bản quét) / "
                                   f"folder holds no plan files ({kinds}, PDF, scans)")
            out.extend(sorted(found))
        elif not is_lock_file(p):
            out.append(p)
    return out


@dataclass(frozen=True)
class Mapped:
    """One file's outcome in :func:`map_corpus`: what the function returned, or why it failed.

    ``error`` is the one-line message (``plans/x.docx: not a .docx file ...``); a failed file
    never raises, so one broken file cannot stop a run over a million.
    """

    path: str
    value: Any = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def __repr__(self) -> str:
        if self.error is not None:
            return f"<Mapped {self.path}: error: {self.error}>"
        shown = repr(self.value)
        return f"<Mapped {self.path}: {shown if len(shown) <= 60 else shown[:57] + '...'}>"


def _apply(fn: Callable[[Plan], Any] | None, path: str, searchable: bool, force: bool) -> Mapped:
    """Read one file and apply ``fn`` to its plan, in a worker: every failure becomes data."""
    from .read import read_bytes, read_plan

    try:
        if searchable and Path(path).suffix.lower() == ".pdf":
            target = Path(path).with_suffix(SEARCHABLE_SUFFIX)
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                raise ReadError(path, read_reason(exc)) from None
            plan = read_bytes(data, path, searchable=target, force=force)
        else:
            plan = read_plan(path)
        return Mapped(path, plan if fn is None else fn(plan))
    except PlankitError as exc:
        return Mapped(path, error=str(exc).splitlines()[0])
    except Exception as exc:  # a batch must survive a reader bug; the file is reported
        return Mapped(path, error=f"{path}: lỗi ngoài dự kiến của plankit / unexpected {type(exc).__name__}: {exc}")


def _worker_start() -> None:
    """A pool worker leaves Ctrl-C to the main process. The terminal sends SIGINT to the whole
    process group; a worker interrupted while it holds the pool's queue leaves it locked, and the
    main process then waited forever in ``shutdown``. The main process stops the workers itself
    (:func:`_stop_pool`)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop a local pool now, on Ctrl-C: queued tasks cancelled, running ones ended with SIGTERM
    (which the CLI turns into SystemExit, so a worker's half-written output is removed by the
    writer's own ``finally``), then wait for the workers to go."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=10)
        if process.is_alive():  # a worker stuck in C code that ignores SIGTERM
            process.kill()
            process.join()


def _run_batch(fn: Callable[[Plan], Any] | None, paths: list[str], searchable: bool = False, force: bool = False) -> list[Mapped]:
    return [_apply(fn, path, searchable, force) for path in paths]


def map_corpus(
    fn: Callable[[Plan], Any] | None,
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    executor: Executor | None = None,
    batch: int | None = None,
    workers: int | None = None,
    in_flight: int | None = None,
    searchable: bool = False,
    force: bool = False,
    progress: bool = False,
) -> Iterator[Mapped]:
    """Read each plan under ``paths`` and run ``fn`` on it where it was read; yield the results
    as they finish, failures included.

    Args:
        fn: a function of one :class:`~plankit.model.Plan` returning something small: a header
            row (:func:`header_row`), the citation keys, lint findings. It runs on the workers,
            so it must pickle: a module-level function (Dask's executor also takes lambdas).
            ``None`` sends back the plan itself.
        paths: files or folders (walked with :func:`plan_files`); with a cluster they must be
            paths the workers see (a shared folder), or use :func:`plankit.read.read_bytes`
            inside your own function for object storage.
        executor: any :class:`concurrent.futures.Executor`: Dask distributed's
            ``client.get_executor()``, a ``ThreadPoolExecutor``... By default a local process
            pool with ``workers`` processes (or this process alone for a handful of files).
        batch: files per task. Dask's executor ignores ``chunksize``, so files are batched
            here: each task carries ``batch`` paths and brings back ``batch`` results. Default:
            up to 64, about eight tasks per worker.
        workers: processes of the default pool (default: the machine's cores).
        in_flight: tasks submitted ahead of the results consumed (default: four per worker, or
            64 with an executor given): what bounds the caller's memory.
        searchable: also write ``NAME.searchable.pdf`` beside each scanned PDF (OCR text laid
            over the scan); an existing one is an error for that file unless ``force``.
        force: overwrite searchable PDFs.
        progress: show a tqdm progress bar.

    Yields:
        :class:`Mapped` results in the order they finish (``path``, ``value``, ``error``).

    >>> rows = sorted(map_corpus(header_row, ["plans"]), key=lambda r: r.path)
    >>> [(r.value["number"], r.value["year"]) for r in rows][:3]
    [(None, 2022), ('137', 2025), ('181', 2022)]
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = [str(p) for p in plan_files(paths)]
    own_pool = executor is None
    workers = workers or os.cpu_count() or 1
    if own_pool and (workers == 1 or len(files) < _POOL_THRESHOLD):
        results: Iterator[Mapped] = (_apply(fn, f, searchable, force) for f in files)
        yield from (_progress(results, len(files)) if progress else results)
        return
    size = batch or max(1, min(64, len(files) // (workers * 8)))
    batches = [files[k : k + size] for k in range(0, len(files), size)]
    limit = in_flight or (4 * workers if own_pool else 64)
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start) if own_pool else executor
    bar = _progress(None, len(files)) if progress else None
    pending: dict[Future, list[str]] = {}
    todo = iter(batches)
    interrupted = False
    try:
        while True:
            for chunk in todo:
                pending[pool.submit(_run_batch, fn, chunk, searchable, force)] = chunk
                if len(pending) >= limit:
                    break
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                chunk = pending.pop(future)
                for result in _batch_results(future, chunk):
                    if bar is not None:
                        bar.update(1)
                    yield result
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        for future in pending:
            future.cancel()
        if bar is not None:
            bar.close()
        if own_pool and interrupted:
            _stop_pool(pool)
        elif own_pool:
            pool.shutdown(wait=True, cancel_futures=True)


def _batch_results(future: Future, chunk: list[str]) -> list[Mapped]:
    """The results of a finished task; a task that died (a worker killed, the scheduler gone)
    becomes one error per file it carried."""
    try:
        return future.result()
    except Exception as exc:
        reason = f"the worker failed ({type(exc).__name__}: {exc})" if str(exc) else f"the worker failed ({type(exc).__name__})"
        return [Mapped(path, error=f"{path}: {reason}") for path in chunk]


def read_corpus(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    workers: int | None = None,
    progress: bool = False,
    executor: Executor | None = None,
    batch: int | None = None,
    searchable: bool = False,
    force: bool = False,
) -> Corpus:
    """Read every plan under ``paths`` (files or folders); failures are collected, not raised.

    Uses a process pool with ``workers`` processes (default: the machine's cores) when there
    are many files, or ``executor`` (a Dask cluster's ``client.get_executor()``; see
    :func:`map_corpus`), and shows a tqdm progress bar when ``progress`` is true. Plans come
    back in path order. ``searchable`` writes ``NAME.searchable.pdf`` beside each scanned PDF
    (not over an existing one unless ``force``). For a corpus too large to hold, use :func:`map_corpus` with a
    function that keeps only what you need.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = [str(p) for p in plan_files(paths)]
    order = {f: k for k, f in enumerate(files)}
    results = sorted(
        map_corpus(
            None, files, executor=executor, batch=batch, workers=workers, progress=progress,
            searchable=searchable, force=force,
        ),
        key=lambda r: order[r.path],
    )
    plans = tuple(r.value for r in results if r.ok)
    errors = tuple(CorpusError(r.path, r.error or "") for r in results if not r.ok)
    return Corpus(plans, errors)


def _progress(iterable, total: int):
    from .output import progress_bar

    return progress_bar()(iterable, total=total, desc="Đọc kế hoạch / reading", unit="plan")
