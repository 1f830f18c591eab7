"""Lint settings from a file next to the plans: ``plankit.toml`` or ``[tool.plankit]`` in
``pyproject.toml``, found like ruff and Vale find theirs.

:func:`find_settings` walks from a plan (or a folder of plans) up to the filesystem root and
takes the first ``plankit.toml``, or the first ``pyproject.toml`` that has a ``[tool.plankit]``
table. The settings (all optional)::

    select = ["ALL"]                 # rules to run: codes, prefixes, names (as --select)
    ignore = ["PK504"]               # rules not to run (as --ignore)
    baseline = "lint-baseline.json"  # accepted findings, relative to the settings file
    today = 2026-01-15               # reference day for "signed" and "in the future"

    [per-file-ignores]               # globs relative to the settings file, or file names
    "scans/*.ocr.txt" = ["PK5"]

Command-line options win over the file (``--select`` replaces ``select``, ``--ignore`` adds to
``ignore``). A setting that is unknown or of the wrong kind is a
:class:`~plankit.errors.LintConfigError` naming the file and the setting, in one line.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LintConfigError
from .config import Selection, parse_selectors

__all__ = ["Settings", "find_settings", "load_settings"]

_KNOWN = ("select", "ignore", "baseline", "today", "per-file-ignores")


@dataclass(frozen=True)
class Settings:
    """Lint settings read from a file (:func:`load_settings`).

    Attributes:
        path: the settings file (``None`` for the defaults).
        select: selectors of the rules to run.
        ignore: selectors of the rules not to run.
        baseline: the baseline file, resolved against the settings file's folder.
        today: the reference day, if set.
        per_file_ignores: ``(glob, selectors)`` pairs, globs relative to the settings file.
    """

    path: Path | None = None
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    baseline: Path | None = None
    today: dt.date | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())

    def selection(self, file: str | os.PathLike[str] | None = None) -> Selection:
        """The rule selection for one plan file: ``select`` and ``ignore``, plus the
        per-file ignores whose glob matches the file.

        >>> s = Settings(Path("/p/plankit.toml"), ignore=("PK504",),
        ...              per_file_ignores=(("scans/*.txt", ("PK5",)),))
        >>> s.selection("/p/scans/a.txt").ignore, s.selection("/p/b.txt").ignore
        (('PK504', 'PK5'), ('PK504',))
        """
        ignore = list(self.ignore)
        if file is not None and self.per_file_ignores:
            target = Path(file)
            rel = target.name
            if self.path is not None:
                try:
                    rel = Path(
                        os.path.relpath(target.resolve(), self.path.parent.resolve())
                    ).as_posix()
                except ValueError:
                    rel = target.as_posix()
            for pattern, selectors in self.per_file_ignores:
                if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(target.name, pattern):
                    ignore.extend(selectors)
        return Selection(select=self.select, ignore=tuple(ignore))

    def __repr__(self) -> str:
        where = self.path if self.path else "defaults"
        return f"Settings({where}, select={list(self.select)}, ignore={list(self.ignore)})"


def find_settings(start: str | os.PathLike[str]) -> Path | None:
    """The settings file for plans at ``start``: the first ``plankit.toml``, or
    ``pyproject.toml`` with a ``[tool.plankit]`` table, in ``start``'s folder or above it.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "plankit.toml").write_text('ignore = ["PK504"]')
    ...     (Path(tmp) / "plans").mkdir()
    ...     find_settings(Path(tmp) / "plans").name
    'plankit.toml'
    """
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "plankit.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue  # not ours to judge: a broken pyproject without our table
            if isinstance(data.get("tool"), dict) and "plankit" in data["tool"]:
                return pyproject
    return None


def _selectors(path: Path, key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LintConfigError(f"{path}: '{key}' phải là danh sách mã quy tắc / '{key}' must be a list of rule selectors")
    try:
        return parse_selectors(value)
    except LintConfigError as exc:  # "Vietnamese / English": the setting's name goes into each
        vietnamese, _, english = str(exc).partition(" / ")
        raise LintConfigError(f"{path}: khóa '{key}': {vietnamese} / setting '{key}': {english}") from None


def load_settings(path: str | os.PathLike[str]) -> Settings:
    """Read the lint settings of ``plankit.toml`` (top level) or ``pyproject.toml``
    (``[tool.plankit]``).

    Raises :class:`~plankit.errors.LintConfigError` for an unreadable file, an unknown setting,
    a selector that names no rule, or a value of the wrong kind.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = Path(tmp) / "plankit.toml"
    ...     _ = p.write_text('select = ["PK1"]\\ntoday = 2026-01-15\\nbaseline = "b.json"')
    ...     s = load_settings(p)
    ...     s.select, s.today, s.baseline.name
    (('PK1',), datetime.date(2026, 1, 15), 'b.json')
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = Path(tmp) / "plankit.toml"
    ...     _ = p.write_text('selct = ["PK1"]')
    ...     load_settings(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    plankit.errors.LintConfigError: .../plankit.toml: khóa không hợp lệ 'selct' (các khóa hợp lệ: select, ignore, baseline, today, per-file-ignores) / unknown setting 'selct' (known: select, ignore, baseline, today, per-file-ignores)
    """
    target = Path(path)
    try:
        data = tomllib.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LintConfigError(f"{target}: không có tệp cấu hình này / settings file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LintConfigError(f"{target}: không đọc được tệp cấu hình / cannot read the settings file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise LintConfigError(f"{target}: tệp cấu hình sai cú pháp TOML / not valid TOML ({exc})") from None
    if target.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("plankit", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise LintConfigError(f"{target}: [tool.plankit] phải là một bảng / [tool.plankit] must be a table")
    for key in data:
        if key not in _KNOWN:
            known = ", ".join(_KNOWN)
            raise LintConfigError(f"{target}: khóa không hợp lệ '{key}' (các khóa hợp lệ: {known}) / "
                                  f"unknown setting '{key}' (known: {known})")
    select = _selectors(target, "select", data["select"]) if "select" in data else ("ALL",)
    ignore = _selectors(target, "ignore", data["ignore"]) if "ignore" in data else ()
    baseline = None
    if "baseline" in data:
        if not isinstance(data["baseline"], str) or not data["baseline"]:
            raise LintConfigError(f"{target}: 'baseline' phải là tên tệp / 'baseline' must be a file name")
        baseline = (target.parent / data["baseline"]).resolve()
    today = None
    if "today" in data:
        value = data["today"]
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                value = None
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise LintConfigError(f"{target}: 'today' phải là ngày dạng YYYY-MM-DD / "
                                  "'today' must be a date (YYYY-MM-DD)")
        today = value
    per_file: list[tuple[str, tuple[str, ...]]] = []
    table = data.get("per-file-ignores", {})
    if not isinstance(table, dict):
        raise LintConfigError(f"{target}: 'per-file-ignores' phải là bảng mẫu tệp = [quy tắc] / "
                              "'per-file-ignores' must be a table of glob = [rules]")
    for pattern, selectors in table.items():
        per_file.append((pattern, _selectors(target, f"per-file-ignores.{pattern}", selectors)))
    return Settings(
        path=target.resolve(),
        select=select or ("ALL",),
        ignore=ignore,
        baseline=baseline,
        today=today,
        per_file_ignores=tuple(per_file),
    )
