"""Which rules run, which findings are accepted: selection, inline suppression and baselines.

Selection works like ruff's ``--select`` and ``--ignore``: a selector is a rule code
(``PK101``), a rule name (``stale-year``), a code prefix (``PK1``, ``PK``) or ``ALL``. A rule
runs when the most specific selector that names it comes from ``select``; on a tie ``ignore``
wins. So ``--select PK1 --ignore PK104`` runs the PK1xx rules but blank-date, and
``--select PK104 --ignore PK1`` runs blank-date alone.

A .docx cannot carry suppression comments, so existing findings are accepted with a baseline
file (the adoption path of ruff and Vale): ``write_baseline(findings, path)`` records today's
findings, and ``load_baseline(path).filter(findings)`` keeps only the new ones. Findings are
matched by ``(code, file, fingerprint)``, where the fingerprint hashes the flagged words and
their neighbours, not the line number: adding a paragraph above a finding does not make it new.
In plain-text plans a line may also carry ``plankit: ignore`` or
``plankit: ignore[PK101, duplicated-word]`` to silence findings on that line.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LintConfigError
from ..model import Finding
from ..output import write_atomic
from .rules import RULES, Rule
from .rules.registry import STABLE

__all__ = [
    "Baseline",
    "Selection",
    "load_baseline",
    "parse_selectors",
    "select_rules",
    "suppress_inline",
    "write_baseline",
]

BASELINE_VERSION = 1

_EXACT = 1000


def _specificity(selector: str, rule: Rule) -> int | None:
    """How specifically ``selector`` names ``rule``; ``None`` when it does not name it."""
    sel = selector.strip()
    if sel.lower() == rule.name or sel.upper() == rule.code:
        return _EXACT
    if rule.lifecycle != STABLE:
        return None  # preview and deprecated rules run only when named exactly
    if sel.upper() == "ALL":
        return 0
    if re.fullmatch(r"[A-Za-z]+\d*", sel) and rule.code.startswith(sel.upper()):
        return len(sel)
    return None


def parse_selectors(values: Iterable[str] | str | None) -> tuple[str, ...]:
    """Selectors from command-line values: comma- or space-separated, each checked.

    Raises :class:`~plankit.errors.LintConfigError` for a selector that names no rule.

    >>> parse_selectors(["PK1,duplicated-word", "PK302"])
    ('PK1', 'duplicated-word', 'PK302')
    >>> parse_selectors("PK9")
    Traceback (most recent call last):
    ...
    plankit.errors.LintConfigError: không có quy tắc nào ứng với 'PK9' (dùng mã như PK101, nhóm như PK1, tên quy tắc như stale-year, hoặc ALL) / unknown rule selector 'PK9' (use a code such as PK101, a prefix such as PK1, a rule name such as stale-year, or ALL)
    """
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for value in values:
        for token in re.split(r"[,\s]+", value.strip()):
            if not token:
                continue
            if not any(_specificity(token, r) is not None for r in RULES.values()):
                raise LintConfigError(
                    f"không có quy tắc nào ứng với {token!r} (dùng mã như PK101, nhóm như PK1, "
                    "tên quy tắc như stale-year, hoặc ALL) / "
                    f"unknown rule selector {token!r} (use a code such as PK101, a prefix such as PK1, "
                    "a rule name such as stale-year, or ALL)"
                )
            out.append(token)
    return tuple(out)


@dataclass(frozen=True)
class Selection:
    """A rule selection: ``select`` and ``ignore`` selectors (see the module docstring).

    >>> [r.name for r in Selection(select=("PK1",), ignore=("blank-date",)).rules()]
    ['stale-year', 'title-date-mismatch', 'period-ended', 'date-format', 'undated-plan', 'past-deadline']
    """

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "select", parse_selectors(self.select) or ("ALL",))
        object.__setattr__(self, "ignore", parse_selectors(self.ignore))

    def enabled(self, rule: Rule) -> bool:
        """Whether ``rule`` runs under this selection."""
        chosen = max(
            (s for s in (_specificity(x, rule) for x in self.select) if s is not None), default=None
        )
        if chosen is None:
            return False
        dropped = max(
            (s for s in (_specificity(x, rule) for x in self.ignore) if s is not None), default=None
        )
        return dropped is None or chosen > dropped

    def rules(self) -> list[Rule]:
        """The rules that run, in code order."""
        return [r for r in RULES.values() if self.enabled(r)]

    def matches(self, finding: Finding) -> bool:
        """Whether a finding's rule is enabled (to filter findings made elsewhere)."""
        return self.enabled(RULES[finding.code])


def select_rules(rules: Selection | str | Iterable[str | Rule] | None = None) -> list[Rule]:
    """The rules to run for ``lint_plan(rules=...)``: all of them for ``None``; else a
    :class:`Selection`, one selector, or selectors and :class:`Rule` objects.

    >>> [r.code for r in select_rules(["stale-year", "PK50"])][:4]
    ['PK101', 'PK501', 'PK502', 'PK503']
    """
    if rules is None:
        return list(RULES.values())
    if isinstance(rules, Selection):
        return rules.rules()
    if isinstance(rules, str):
        rules = [rules]
    items = list(rules)
    wanted = {r.code for r in items if isinstance(r, Rule)}
    selectors = [r for r in items if not isinstance(r, Rule)]
    if selectors:
        wanted.update(r.code for r in Selection(select=tuple(selectors)).rules())
    return [r for code, r in RULES.items() if code in wanted]


# -- inline suppression -------------------------------------------------------------------------
_INLINE_RE = re.compile(r"plankit:\s*ignore(?:\[([^\]]*)\])?", re.IGNORECASE)


def suppress_inline(findings: Sequence[Finding], text: str) -> tuple[list[Finding], int]:
    """Drop findings on lines that carry ``plankit: ignore`` or ``plankit: ignore[...]``.

    Returns the kept findings and how many were dropped.

    >>> from plankit.model import Span
    >>> f = Finding("PK501", "duplicated-word", "warning", "...", Span(0, 7), 1, 1, "chế chế")
    >>> suppress_inline([f], "chế chế  plankit: ignore[duplicated-word]")
    ([], 1)
    >>> suppress_inline([f], "chế chế  plankit: ignore[PK101]")[1]
    0
    """
    if "plankit" not in text.lower():
        return list(findings), 0
    rules_by_line: dict[int, tuple[str, ...] | None] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        m = _INLINE_RE.search(line)
        if m:
            rules_by_line[number] = parse_selectors(m.group(1)) if m.group(1) else None
    if not rules_by_line:
        return list(findings), 0
    kept = []
    for f in findings:
        if f.line in rules_by_line:
            selectors = rules_by_line[f.line]
            rule = RULES[f.code]
            if selectors is None or any(_specificity(s, rule) is not None for s in selectors):
                continue
        kept.append(f)
    return kept, len(findings) - len(kept)


# -- baselines ----------------------------------------------------------------------------------
def _relative(file: str | None, base: Path) -> str:
    """``file`` as a POSIX path relative to the baseline's folder (stable across working dirs)."""
    if not file:
        return ""
    path = Path(file)
    try:
        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.resolve().as_posix()


@dataclass(frozen=True)
class Baseline:
    """Accepted findings, as ``(code, file, fingerprint)`` keys with counts.

    A key accepted ``n`` times hides up to ``n`` findings with that key: the 2022 Hưng Yên
    plan has "cơ chế chế" three times with the same neighbours.
    """

    path: Path
    entries: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    def key(self, finding: Finding) -> tuple[str, str, str]:
        """The baseline key of a finding."""
        return (finding.code, _relative(finding.file, self.path.parent), finding.fingerprint)

    def filter(self, findings: Iterable[Finding]) -> tuple[list[Finding], int]:
        """The findings not in the baseline, and how many were accepted by it."""
        left = Counter(self.entries)
        new: list[Finding] = []
        accepted = 0
        for f in findings:
            k = self.key(f)
            if left[k] > 0:
                left[k] -= 1
                accepted += 1
            else:
                new.append(f)
        return new, accepted

    def __len__(self) -> int:
        return sum(self.entries.values())

    def __repr__(self) -> str:
        return f"Baseline({self.path}, {len(self)} findings)"


def write_baseline(
    findings: Iterable[Finding], path: str | os.PathLike[str], *, force: bool = False
) -> Path:
    """Record ``findings`` as accepted in a baseline file (JSON, written atomically).

    Each entry keeps the code, the file (relative to the baseline's folder), the fingerprint,
    and for people reading it the rule, the line and the flagged text. An existing file is
    replaced only with ``force=True`` (:class:`~plankit.errors.OutputExists` otherwise).

    Returns:
        The path written.

    >>> import pathlib, shutil, tempfile
    >>> from plankit.model import Span
    >>> f = Finding("PK501", "duplicated-word", "warning", "...", Span(0, 7), 1, 1, "chế chế",
    ...             file="plan.txt", context="chế chế một cửa")
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> path = write_baseline([f], tmp / "baseline.json")
    >>> load_baseline(path).filter([f, f])[1], path.name
    (1, 'baseline.json')
    >>> write_baseline([f], path)
    Traceback (most recent call last):
    ...
    plankit.errors.OutputExists: ...baseline.json: tệp đã có, thêm --force để ghi đè / already exists (use --force to overwrite)
    >>> write_baseline([f], path, force=True) == path
    True
    >>> shutil.rmtree(tmp)
    """
    target = Path(path)
    findings = list(findings)
    entries = []
    for f in findings:
        entries.append(
            {
                "code": f.code,
                "rule": f.rule,
                "file": _relative(f.file, target.parent),
                "fingerprint": f.fingerprint,
                "line": f.line,
                "surface": f.surface,
            }
        )
    entries.sort(key=lambda e: (e["file"], e["line"], e["code"]))
    payload = {"tool": "plankit", "version": BASELINE_VERSION, "findings": entries}
    return write_atomic(
        target, json.dumps(payload, ensure_ascii=False, indent=2) + "\n", force=force,
        inputs=sorted({f.file for f in findings if f.file}),  # a plan is never replaced by a baseline
    )


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline written by :func:`write_baseline`.

    Raises :class:`~plankit.errors.LintConfigError` naming the file when it is missing or not a
    plankit baseline (see :func:`write_baseline` for an example).

    >>> load_baseline("no-such-baseline.json")
    Traceback (most recent call last):
    ...
    plankit.errors.LintConfigError: no-such-baseline.json: không có tệp baseline này (tạo bằng --write-baseline) / baseline file not found (create it with --write-baseline)
    """
    target = Path(path)
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LintConfigError(
            f"{target}: không có tệp baseline này (tạo bằng --write-baseline) / "
            "baseline file not found (create it with --write-baseline)"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LintConfigError(f"{target}: không đọc được tệp baseline / not a readable baseline file ({exc})") from None
    if (
        not isinstance(data, dict)
        or data.get("tool") != "plankit"
        or not isinstance(data.get("findings"), list)
    ):
        raise LintConfigError(f"{target}: không phải tệp baseline của plankit / not a plankit baseline file")
    if data.get("version") != BASELINE_VERSION:
        raise LintConfigError(
            f"{target}: tệp baseline phiên bản {data.get('version')!r}, cần phiên bản {BASELINE_VERSION} / "
            f"baseline version {data.get('version')!r}, expected {BASELINE_VERSION}"
        )
    entries: Counter[tuple[str, str, str]] = Counter()
    for i, e in enumerate(data["findings"]):
        try:
            entries[(str(e["code"]), str(e["file"]), str(e["fingerprint"]))] += 1
        except (KeyError, TypeError):
            raise LintConfigError(
                f"{target}: mục {i + 1} thiếu code, file hoặc fingerprint / "
                f"entry {i + 1} lacks code, file or fingerprint"
            ) from None
    return Baseline(target, entries)
