"""A deterministic synthetic corpus: N plans varied from the bundled ones, with known defects.

``generate(n, out_dir)`` writes ``n`` plans across the 34 provincial units of 2025-08-01
(:func:`plankit.places.provinces_on`), their departments (:func:`plankit.places.departments`)
and the years 2022-2026, by varying the three clean bundled plans (Cần Thơ 2022 Sở KH&CN,
Hải Dương 2022 Sở Công Thương, Hưng Yên 2022 Sở KH&CN):

* issuer, parent body, place, number, date and plan year (subject, body, closing, basis dates);
  the province's own basis plan gets one number per province and year, so the departments of a
  province cite the same provincial plan, as real ones do;
* agency names made current for the plan's date (a 2026 plan says "Sở Khoa học và Công nghệ"
  where the 2022 seed said "Sở Thông tin và Truyền thông", using
  :func:`plankit.agencies.stale_names`), so the clean variant carries no stale name;
* sections: one dropped or two neighbours swapped now and then, Roman numbers renumbered;
* activity rows: some dropped, two swapped, renumbered (Hải Dương's variants get the appendix
  its text announces, with rows drawn from the Hưng Yên appendix);
* the shape: ``.txt`` as Word's "save as text" writes it (tab-led header and table cells, in
  the stacked layout of the Cần Thơ seed or the interleaved one of the Hải Dương seed), ``.md``
  as a PDF-to-Markdown converter writes it (``##`` headings, ``**bold**``, tab-separated
  rows), ``.docx`` made with python-docx (a two-column header table, the body, the activity
  table).

Every plan is generated from its own ``random.Random(f"{seed}:{index}")``, so a corpus is the
same for the same ``seed`` whatever the number of workers (.docx files differ only in the zip
timestamps python-docx writes).

Defects are injected at known places and recorded in ``manifest.json``:

==================  ==========================================================================
rule                injected as
==================  ==========================================================================
stale-year          the closing "Trên đây là Kế hoạch ... năm Y" says ``năm Y-1`` (Hưng Yên
                    variants, which have no closing: "trong năm Y của Sở" says ``Y-1``)
blank-number        ``Số:        /KH-SCT``
blank-date          ``ngày        tháng 02 năm 2026`` (the day left blank)
heading-numbering   a Roman section heading (not the first) numbered ``2.``; what that number
                    breaks is recorded in ``also``: the next Roman heading (now after a gap)
                    and the section's first numbered child ("1." after "2.")
duplicated-word     a word of a body paragraph doubled: ``cơ chế chế``
stale-agency        a dead agency name (Sở Thông tin và Truyền thông, Sở Kế hoạch và Đầu tư, ...)
                    in the body or the recipients of a plan dated after 2025-03-01
past-deadline       a cell of the time column ("Thời gian thực hiện") of a table of tasks says
                    last year's quarter: ``Quý II/Y-1`` (plans without such a table get none)
==================  ==========================================================================

Injections replace text inside one line, so the clean variant and the defective file have the
same lines. Each manifest entry gives ``file`` (relative to ``out_dir``, the same as
:attr:`plankit.Plan.name`), ``rule``, ``line`` (the 1-based line of :attr:`plankit.Plan.text`,
which for .txt and .md is the file's line; for a .docx it is found by reading the written file
back), ``also`` (lines whose findings are consequences of the same defect), ``surface`` and
``origin``:

* ``injected``: the defects above;
* ``base``: what the linter (:func:`plankit.lint.lint_plan`) finds in the clean variant of the
  same plan, written to a scratch file and read back, when the bundled seed itself has a finding
  of the same rule and surface (digits generalised): the seeds' own errors, Hưng Yên's "cơ chế
  chế" and its section "2. Kinh phí", Hải Dương's "năm 2021" in a 2022 plan. A benchmark does
  not count them as false positives;
* ``clean``: the other findings on the clean variant, which no seed explains (an early linter
  flagged "Sở Xây dựng xây dựng Kế hoạch", the department building its plan, as a duplicated
  word). They are recorded for inspection and a benchmark counts them as false positives.

No defect is injected into a line that already holds a finding of the same rule in the clean
variant. When ``plankit.lint`` is not importable, the clean variants are not linted and
``manifest.base_linted`` is false.

Command line::

    python -m benchmarks.synth 200 benchmarks/corpus/demo [--seed 0] [--formats txt,md,docx]

Generated corpora belong under ``benchmarks/corpus/`` (git-ignored) or a temporary folder, never
under ``plans/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from plankit.errors import UnsafePath
from plankit.output import check_inside, write_atomic
from plankit.places import Province, departments, provinces, provinces_on, slug
from plankit.text import fold

__all__ = ["MEASURED_RULES", "Defect", "Manifest", "PlanInfo", "generate", "main"]

REPO = Path(__file__).resolve().parent.parent
PLANS = REPO / "plans"
DEFAULT_ROOT = REPO / "benchmarks" / "corpus"

MEASURED_RULES = (
    "stale-year",
    "blank-number",
    "blank-date",
    "heading-numbering",
    "duplicated-word",
    "stale-agency",
    "past-deadline",
)
YEARS = (2022, 2023, 2024, 2025, 2026)
ORIGINS = ("injected", "base", "clean")
# The reference day of every lint run on a synthetic corpus (it decides whether a plan counts as
# signed and whether a date lies in the future): after the latest plan date, fixed for repeatability.
LINT_TODAY = dt.date(2026, 12, 31)
REFORM_DAY = dt.date(2025, 3, 1)  # Nghị định 45/2025/NĐ-CP: departments merged
DEAD_AGENCIES = (
    "Sở Thông tin và Truyền thông",
    "Sở Kế hoạch và Đầu tư",
    "Sở Giao thông vận tải",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Tài nguyên và Môi trường",
    "Sở Nông nghiệp và Phát triển nông thôn",
)
# Bodies created on 2025-03-01: they cannot issue a plan before.
_NEW_IN_2025 = ("Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo")
# A Ho Chi Minh City body only; the rest of the country never had it.
_NOT_ISSUERS = ("Sở Giao thông Công chánh",)
# Words Vietnamese doubles on purpose (full reduplication: "dần dần", "người người", "từ từ",
# "tháng tháng"): doubling them makes a real word, so whether it is a slip depends on the
# sentence; they are never injected, nor are a few function words.
_REDUPLICATIVE = frozenset((
    "ai", "dần", "đâu", "đời", "người", "nhà", "ngày", "đêm", "tháng", "chiều", "mãi", "từ",
    "thường", "luôn", "lâu", "đều", "xa", "hơi", "vừa", "sờ", "mau", "từng", "mỗi", "gì", "nhau",
    "năm",  # "năm năm" is also "five years"
))
_SIGNERS = (
    "Trần Văn Hảo", "Nguyễn Xuân Hải", "Lê Thị Mai", "Phạm Quốc Hùng", "Võ Thị Thu Hà",
    "Đặng Minh Tuấn", "Hoàng Văn Nam", "Bùi Thị Lan", "Ngô Đức Thắng", "Huỳnh Thanh Sơn",
)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


# ---------------------------------------------------------------------------------------------
# manifest
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Defect:
    """A defect at a known place: ``injected`` by the generator, or found by lint in the clean
    variant (``base``: the seed has it too; ``clean``: it does not).

    ``line`` is the 1-based line of the plan's text (``None`` if it could not be found);
    ``also`` lists lines where a finding is a consequence of the same defect (the Roman heading
    after a renumbered one); ``where`` names the element (or the lint code for found ones).
    """

    file: str
    rule: str
    line: int | None
    surface: str
    origin: str = "injected"
    also: tuple[int, ...] = ()
    where: str = ""

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["also"] = list(self.also)
        return out


@dataclass(frozen=True)
class PlanInfo:
    """What a synthetic plan is: its file, the seed it was varied from and its header values."""

    file: str
    base: str
    form: str
    province: str
    issuer: str
    number: str | None
    date: str | None
    year: int
    sections: int
    rows: int


@dataclass(frozen=True)
class Manifest:
    """The plans of a synthetic corpus and every known defect in them."""

    root: str
    seed: int
    plans: tuple[PlanInfo, ...]
    defects: tuple[Defect, ...]
    base_linted: bool = False

    def injected(self, rule: str | None = None) -> list[Defect]:
        """The injected defects (of one rule)."""
        return [d for d in self.defects if d.origin == "injected" and (rule is None or d.rule == rule)]

    def by_file(self) -> dict[str, list[Defect]]:
        """The defects of each file (files without any defect are absent)."""
        out: dict[str, list[Defect]] = {}
        for d in self.defects:
            out.setdefault(d.file, []).append(d)
        return out

    def counts(self) -> dict[str, dict[str, int]]:
        """``{rule: {"injected": n, "base": m, "clean": k}}`` over the measured rules."""
        out = {rule: dict.fromkeys(ORIGINS, 0) for rule in MEASURED_RULES}
        for d in self.defects:
            out.setdefault(d.rule, dict.fromkeys(ORIGINS, 0))[d.origin] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "root": self.root,
            "seed": self.seed,
            "base_linted": self.base_linted,
            "plans": [asdict(p) for p in self.plans],
            "defects": [d.to_dict() for d in self.defects],
        }

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the manifest as JSON (atomically, replacing an older one)."""
        return write_atomic(path, json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n", force=True)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Manifest:
        """Read a manifest written by :meth:`save`."""
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(
            raw["root"],
            raw["seed"],
            tuple(PlanInfo(**p) for p in raw["plans"]),
            tuple(Defect(**{**d, "also": tuple(d.get("also", ()))}) for d in raw["defects"]),
            raw.get("base_linted", False),
        )

    def to_frame(self):
        """One row per defect."""
        import pandas as pd

        return pd.DataFrame([d.to_dict() for d in self.defects])

    def __len__(self) -> int:
        return len(self.plans)

    def __repr__(self) -> str:
        c = Counter(d.origin for d in self.defects)
        return (f"<Manifest {len(self.plans)} plans in {self.root}: {c['injected']} injected, {c['base']} base, "
                f"{c['clean']} clean-variant findings>")


# ---------------------------------------------------------------------------------------------
# the seeds as element lists with placeholders
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class El:
    """One block of a plan being generated: a heading, a paragraph, a table, a recipient."""

    kind: str  # h1 h2 item bullet para closing table recipient
    text: str = ""
    num: str = ""  # h1: Roman; h2: digits; item: letter
    sep: str = "."  # item: "." or ")"
    rows: tuple[tuple[str, ...], ...] = ()  # table: header row first
    eid: int = 0


@dataclass(frozen=True)
class Seed:
    key: str
    subject: str
    preamble: tuple[El, ...]
    sections: tuple[tuple[El, ...], ...]  # each starts with its h1
    tail: tuple[El, ...]  # paragraphs after the last section, closing
    recipients: tuple[str, ...]
    appendix: El | None  # a table
    appendix_title: str = ""


# Placeholders: ⟨Y⟩ plan year, ⟨Y1⟩ the year before, ⟨P⟩ place, ⟨PF⟩ "tỉnh X" / "thành phố X",
# ⟨K⟩ "tỉnh" / "thành phố", ⟨I⟩ issuer, ⟨B1⟩ ⟨B2⟩ the province's basis numbers, ⟨D1⟩ ⟨D2⟩ their days.
_SEED_SUBS: dict[str, list[tuple[str, str]]] = {
    "can-tho": [
        (r"Kế hoạch số 261/KH-UBND ngày 29 tháng 12 năm 2021", "Kế hoạch số ⟨B1⟩/KH-UBND ngày ⟨D1⟩ tháng 12 năm ⟨Y1⟩"),
        (r"thành phố Cần Thơ", "⟨PF⟩"),
        (r"Sở Khoa học và Công nghệ", "⟨I⟩"),
        (r"\bthành phố\b", "⟨K⟩"),
        (r"2022", "⟨Y⟩"),
    ],
    "hai-duong": [
        (r"Kế hoạch số 4707/KH-UBND ngày 24/12/2021", "Kế hoạch số ⟨B1⟩/KH-UBND ngày ⟨D1⟩/12/⟨Y1⟩"),
        (r"số 276/KH-UBND ngày 27/01/2022 của UBND Hải Dương", "số ⟨B2⟩/KH-UBND ngày ⟨D2⟩/01/⟨Y⟩ của UBND ⟨P⟩"),
        (r"cải cách hành chính năm 2021, cụ thể", "cải cách hành chính năm ⟨Y1⟩, cụ thể"),
        (r"tỉnh Hải Dương", "⟨PF⟩"),
        (r"Báo Hải Dương", "Báo ⟨P⟩"),
        (r"Sở Công Thương", "⟨I⟩"),
        (r"\btỉnh\b", "⟨K⟩"),
        (r"2022", "⟨Y⟩"),
    ],
    "hung-yen": [
        (r"Quyết định 161/QĐ-UBND ngày 19/01/2022", "Quyết định ⟨B2⟩/QĐ-UBND ngày ⟨D2⟩/01/⟨Y⟩"),
        (r"tỉnh Hưng Yên", "⟨PF⟩"),
        (r"Báo Hưng Yên", "Báo ⟨P⟩"),
        (r"Sở Khoa học và Công nghệ", "⟨I⟩"),
        (r"\btỉnh\b", "⟨K⟩"),
        (r"2022", "⟨Y⟩"),
    ],
}
_SEED_FILES = {
    "can-tho": "can-tho/2022-so-khcn.txt",
    "hai-duong": "hai-duong/2022-so-cong-thuong.txt",
    "hung-yen": "hung-yen/2022-so-khcn.md",
}

_H1 = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+(.+)$")
_H2 = re.compile(r"^(\d{1,2})\.\s+(.+)$")
_ITEM = re.compile(r"^([a-gđ])([.)])\s+(.+)$")
_BULLET = re.compile(r"^[-–]\s*(.+)$")


def _unmark(line: str) -> str:
    """A line without Markdown marks, HTML tags, leading tabs and trailing white space."""
    line = re.sub(r"</?sup>", "", line)
    line = line.strip().lstrip("#").strip()
    line = re.sub(r"\*{1,3}", "", line)
    return line.strip()


def _classify(line: str) -> El:
    if m := _H1.match(line):
        return El("h1", m.group(2).strip(), num=m.group(1))
    if m := _H2.match(line):
        return El("h2", m.group(2).strip(), num=m.group(1))
    if m := _ITEM.match(line):
        return El("item", m.group(3).strip(), num=m.group(1), sep=m.group(2))
    if m := _BULLET.match(line):
        return El("bullet", m.group(1).strip())
    if line.startswith("Trên đây là"):
        return El("closing", line)
    return El("para", line)


def _word_export_table(lines: list[str]) -> tuple[tuple[str, ...], ...]:
    """Rows of a table in Word's text export: a tab starts a cell, a blank line ends a row."""
    rows: list[list[str]] = []
    cur: list[str] = []
    for raw in lines:
        if not raw.strip() and "\t" not in raw:
            if cur:
                rows.append(cur)
                cur = []
            continue
        if raw.startswith("\t"):
            cur.append(raw[1:].strip())
        elif cur:
            cur[-1] = cur[-1] + "\n" + raw.strip()
    if cur:
        rows.append(cur)
    return tuple(tuple(r) for r in rows)


def _tsv_table(lines: list[str]) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated table; repeated header rows dropped, continuation rows joined."""
    rows: list[list[str]] = []
    for raw in lines:
        if raw.count("\t") < 2:
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if rows and fold(cells[0]) == fold(rows[0][0]):
            continue  # the header again, after a page break
        if rows and not cells[0]:
            for k, c in enumerate(cells):
                if c and k < len(rows[-1]):
                    rows[-1][k] = f"{rows[-1][k]} {c}".strip()
            continue
        rows.append(cells[: len(rows[0])] if rows else cells)
    return tuple(tuple(r) for r in rows)


def _template(key: str) -> str:
    text = (PLANS / _SEED_FILES[key]).read_text(encoding="utf-8")
    for pattern, repl in _SEED_SUBS[key]:
        text = re.sub(pattern, repl, text)
    return text


@cache
def seed(key: str) -> Seed:
    """The seed ``key`` (``can-tho``, ``hai-duong``, ``hung-yen``) as elements with placeholders."""
    lines = _template(key).split("\n")
    start = next(i for i, ln in enumerate(lines) if _unmark(ln) == "KẾ HOẠCH")
    subject_at = next(i for i in range(start + 1, len(lines)) if _unmark(lines[i]))
    subject = _unmark(lines[subject_at])
    preamble: list[El] = []
    sections: list[list[El]] = []
    tail: list[El] = []
    recipients: list[str] = []
    appendix: El | None = None
    appendix_title = ""
    i = subject_at + 1
    while i < len(lines):
        raw = lines[i]
        line = _unmark(raw)
        if not line:
            i += 1
            continue
        if raw.strip() == "TT":  # a Word-export table, up to the next tab-led Roman heading
            j = i
            while j < len(lines) and not (lines[j].startswith("\t") and _H1.match(_unmark(lines[j]))):
                j += 1
            sections[-1].append(El("table", rows=_word_export_table(lines[i:j])))
            i = j
            continue
        if line.startswith("Nơi nhận"):
            i += 1
            while i < len(lines):
                item = _unmark(lines[i])
                if item.startswith("-"):
                    recipients.append(item.lstrip("- ").strip().rstrip(";").strip())
                elif item:
                    break
                i += 1
            continue
        if line.startswith("PHỤ LỤC"):
            appendix_title = _unmark(lines[i + 1])
            table_start = next(k for k in range(i + 1, len(lines)) if lines[k].count("\t") >= 2)
            appendix = El("table", rows=_tsv_table(lines[table_start:]))
            break
        if re.match(r"^(KT\.|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|\(Đã ký\))", line) or (
            recipients and not _classify(line).kind.startswith("h")
        ):
            i += 1  # signature block: generated anew
            continue
        el = _classify(line)
        if el.kind == "h1":
            sections.append([el])
        elif el.kind == "closing" or (sections and el.kind == "para" and line.startswith("Trong quá trình triển khai")):
            tail.append(el)
        elif sections:
            sections[-1].append(el)
        else:
            preamble.append(el)
        i += 1
    return Seed(
        key,
        subject,
        tuple(preamble),
        tuple(tuple(s) for s in sections),
        tuple(tail),
        tuple(recipients),
        appendix,
        appendix_title,
    )


# ---------------------------------------------------------------------------------------------
# one synthetic plan
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HeaderValues:
    parent: str
    issuer: str
    code: str
    number: str | None
    place: str
    day: int | None
    month: int
    year: int
    style: str  # stacked | interleaved
    signer_title: tuple[str, ...]
    signer: str

    @property
    def symbol(self) -> str:
        return f"KH-{self.code}"

    def number_line(self) -> str:
        return f"Số: {self.number}/{self.symbol}" if self.number else f"Số:{' ' * 8}/{self.symbol}"

    def date_line(self) -> str:
        day = f"{self.day:02d}" if self.day else " " * 8
        return f"{self.place}, ngày {day} tháng {self.month:02d} năm {self.year}"

    def short_date(self) -> str:
        day = f"{self.day:02d}" if self.day else "   "
        return f"{day}/{self.month:02d}/{self.year}"


@dataclass(frozen=True)
class Doc:
    """A plan ready to render: header values, subject and the body elements."""

    header: HeaderValues
    subject: str
    body: tuple[El, ...]  # preamble, sections, tail
    recipients: tuple[El, ...]
    appendix_title: str
    appendix: El | None


def _issuers(on: dt.date) -> list[tuple[str, str]]:
    from plankit.agencies import stale_names

    out = []
    for d in departments():
        if d.level != "department" or not d.name.startswith("Sở ") or d.name in _NOT_ISSUERS:
            continue
        if on < REFORM_DAY and d.name in _NEW_IN_2025:
            continue
        if stale_names(d.name, on):
            continue
        out.append((d.name, d.code))
    return out


def _province_for(name: str, on: dt.date) -> Province:
    """The unit to name on ``on``: Huế was Thừa Thiên Huế before 2025."""
    by_name = {p.name: p for p in provinces()}
    p = by_name[name]
    if p.valid_on(on):
        return p
    for q in provinces():
        if q.successor == p.name and q.valid_on(on) and q.status == "renamed":
            return q
    return p


def _parent_line(p: Province, rng: random.Random) -> str:
    name = p.name.upper()
    if p.name == "Thành phố Hồ Chí Minh":
        return "UBND THÀNH PHỐ HỒ CHÍ MINH"
    if p.kind == "thành phố":
        return f"UBND {rng.choice(('TP.', 'THÀNH PHỐ'))} {name}"
    return f"UBND TỈNH {name}"


def _basis(province: str, year: int, seed_value: int) -> dict[str, str]:
    """The province's own plan numbers of a year: the same for every department."""
    r = random.Random(f"basis:{seed_value}:{slug(province)}:{year}")
    return {
        "B1": str(r.randint(150, 5200)),
        "D1": f"{r.randint(15, 30):02d}",
        "B2": str(r.randint(10, 400)),
    }


def _fill(text: str, values: dict[str, str]) -> str:
    return re.sub(r"⟨(\w+)⟩", lambda m: values[m.group(1)], text)


def _modernise(text: str, on: dt.date, province: str) -> str:
    """``text`` with every name that was no longer valid on ``on`` replaced by its successor."""
    from plankit.agencies import stale_names

    for s in reversed(stale_names(text, on, province=province)):
        surface = text[s.start : s.end]
        if s.new:
            new = s.new
        elif "cap huyen" in fold(surface):
            new = re.sub(r"huyện", "xã", surface)
        elif fold(surface).startswith("ubnd") or fold(surface).startswith("uy ban"):
            new = "UBND các xã, phường"
        else:
            new = "các xã, phường"
        text = text[: s.start] + new + text[s.end :]
    return text


def _vary_rows(rows: tuple[tuple[str, ...], ...], rng: random.Random, low: int) -> tuple[tuple[str, ...], ...]:
    head, body = rows[0], list(rows[1:])
    keep = rng.randint(min(low, len(body)), len(body))
    body = sorted(rng.sample(range(len(body)), keep))
    chosen = [list(rows[1 + k]) for k in body]
    if len(chosen) >= 3 and rng.random() < 0.4:
        a = rng.randrange(len(chosen) - 1)
        chosen[a], chosen[a + 1] = chosen[a + 1], chosen[a]
    for n, row in enumerate(chosen, 1):
        row[0] = str(n)
    return (head, *(tuple(r) for r in chosen))


def _doc_for(index: int, seed_value: int) -> tuple[Doc, dict[str, Any]]:
    """The clean variant of plan ``index``, and what it is."""
    rng = random.Random(f"{seed_value}:{index}")
    key = ("can-tho", "hai-duong", "hung-yen")[index % 3] if index < 3 else rng.choice(("can-tho", "hai-duong", "hung-yen"))
    s = seed(key)
    year = rng.choice(YEARS)
    month = rng.choice((1, 1, 1, 2, 2, 3, 4, 6, 9))
    day = rng.randint(5, 28)
    on = dt.date(year, month, day)
    unit = rng.choice(provinces_on(dt.date(2025, 8, 1)))
    p = _province_for(unit.name, on)
    issuer, code = rng.choice(_issuers(on))
    basis = _basis(p.name, year, seed_value)
    d2_limit = day - 1 if month == 1 else 28
    values = {
        "Y": str(year),
        "Y1": str(year - 1),
        "P": p.name,
        "PF": p.full_name,
        "K": "thành phố" if p.kind == "thành phố" else "tỉnh",
        "I": issuer,
        "B1": basis["B1"],
        "D1": basis["D1"],
        "B2": basis["B2"],
        "D2": f"{rng.randint(2, max(2, d2_limit)):02d}",
    }

    def fill(text: str) -> str:
        return _modernise(_fill(text, values), on, p.name)

    def fill_el(el: El) -> El:
        if el.kind == "table":
            return replace(el, rows=tuple(tuple(fill(c) for c in r) for r in el.rows))
        return replace(el, text=fill(el.text))

    sections = [list(sec) for sec in s.sections]
    # sections: drop one (never the first, the last, or one holding the table), or swap two
    middle = [k for k in range(1, len(sections) - 1) if not any(e.kind == "table" for e in sections[k])]
    roll = rng.random()
    if roll < 0.25 and middle:
        del sections[rng.choice(middle)]
    elif roll < 0.45 and len(middle) >= 2:
        a = rng.choice(middle[:-1])
        if a + 1 in middle:
            sections[a], sections[a + 1] = sections[a + 1], sections[a]
    if roll < 0.45:  # renumbered only when the order changed
        for n, sec in enumerate(sections):
            sec[0] = replace(sec[0], num=_ROMAN[n])
    body: list[El] = [fill_el(e) for e in s.preamble]
    for sec in sections:
        for el in sec:
            if el.kind == "table":
                el = replace(el, rows=_vary_rows(el.rows, rng, 2))
            body.append(fill_el(el))
    body.extend(fill_el(e) for e in s.tail)

    appendix = s.appendix
    appendix_title = s.appendix_title
    if key == "hai-duong":  # its text announces an appendix of tasks: give it one
        appendix = seed("hung-yen").appendix
        appendix_title = seed("hung-yen").appendix_title
    if appendix is not None:
        appendix = fill_el(replace(appendix, rows=_vary_rows(appendix.rows, rng, 3)))
        appendix_title = fill(appendix_title)

    recipients = list(s.recipients)
    if key == "can-tho":  # the seed ends inside "Nơi nhận"
        recipients = ["UBND ⟨K⟩ (để b/c)", "Sở Nội vụ", *recipients, "Ban Giám đốc Sở", "Lưu: VT, VP."]
    recipients = [fill(r) for r in recipients]
    titles = rng.choice((("GIÁM ĐỐC",), ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")))
    header = HeaderValues(
        parent=_parent_line(p, rng),
        issuer=issuer,
        code=code,
        number=str(rng.randint(1, 999)),
        place=p.name,
        day=day,
        month=month,
        year=year,
        style=rng.choice(("stacked", "interleaved")),
        signer_title=titles,
        signer=rng.choice(_SIGNERS),
    )
    numbered = [replace(e, eid=k) for k, e in enumerate(body)]
    recips = tuple(El("recipient", r, eid=1000 + k) for k, r in enumerate(recipients))
    doc = Doc(header, fill(s.subject), tuple(numbered), recips, appendix_title, appendix)
    meta = {"base": key, "province": p.name, "issuer": issuer, "on": on, "rng": rng}
    return doc, meta


def _appendix_note(h: HeaderValues) -> str:
    number = h.number or "    "
    return f"(Kèm theo Kế hoạch số {number}/{h.symbol} ngày {h.short_date()} của {h.issuer})"


# ---------------------------------------------------------------------------------------------
# rendering
# ---------------------------------------------------------------------------------------------
def _label(el: El) -> str:
    if el.kind == "h1":
        return f"{el.num}. {el.text}"
    if el.kind == "h2":
        return f"{el.num}. {el.text}"
    if el.kind == "item":
        return f"{el.num}{el.sep} {el.text}"
    if el.kind == "bullet":
        return f"- {el.text}"
    return el.text


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.at: dict[int, int] = {}

    def add(self, text: str, eid: int | None = None) -> None:
        if eid is not None:
            self.at[eid] = len(self.lines) + 1
        self.lines.extend(text.split("\n"))

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


_HEADER_EID = {"number": -1, "date": -2, "note": -3}


def render_txt(doc: Doc) -> tuple[str, dict[int, int]]:
    """The plan as Word's "save as text" writes it; also the line of each element."""
    h = doc.header
    out = _Lines()
    tab_body = h.style == "stacked"
    if h.style == "stacked":
        out.add(f"\t{h.parent}")
        out.add(h.issuer.upper())
        out.add("\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        out.add("Độc lập - Tự do - Hạnh phúc")
        out.add("\t")
        out.add(f"\t            {h.number_line()}", _HEADER_EID["number"])
        out.add(f"\t{h.date_line()}", _HEADER_EID["date"])
    else:
        out.add(f" \t{h.parent}")
        out.add("\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        out.add("")
        out.add(f"\t{h.issuer.upper()}")
        out.add("\tĐộc lập - Tự do - Hạnh phúc")
        out.add("")
        out.add(f"\t{h.number_line()}", _HEADER_EID["number"])
        out.add(f"\t{h.date_line()}", _HEADER_EID["date"])
    out.add("\n")
    out.add("KẾ HOẠCH")
    out.add(doc.subject)
    out.add("")
    for el in doc.body:
        if el.kind == "table":
            _txt_table(out, el.rows)
            continue
        lead = "\t" if tab_body and el.kind == "h1" else ""
        out.add(lead + _label(el), el.eid)
        if not tab_body:
            out.add("")
    out.add("")
    out.add("\tNơi nhận:")
    for el in doc.recipients:
        out.add(f"- {el.text};" if not el.text.endswith(".") else f"- {el.text}", el.eid)
    for title in h.signer_title:
        out.add(f"\t{title}")
    out.add("(Đã ký)")
    out.add(h.signer)
    if doc.appendix is not None:
        out.add("")
        out.add("PHỤ LỤC")
        out.add(doc.appendix_title)
        out.add(_appendix_note(h), _HEADER_EID["note"])
        out.add("")
        _txt_table(out, doc.appendix.rows)
    return out.text(), out.at


def _txt_table(out: _Lines, rows: Sequence[Sequence[str]]) -> None:
    for row in rows:
        for cell in row:
            out.add("\t" + cell)
        out.add("")
    out.add("")


def render_md(doc: Doc) -> tuple[str, dict[int, int]]:
    """The plan as a PDF-to-Markdown converter writes it; also the line of each element."""
    h = doc.header
    out = _Lines()

    def block(text: str, eid: int | None = None) -> None:
        out.add(text, eid)
        out.add("")

    out.add("")
    block(h.parent)
    block(f"**{h.issuer.upper()}**")
    block(h.number_line(), _HEADER_EID["number"])
    block("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập - Tự do - Hạnh phúc**")
    block(h.date_line(), _HEADER_EID["date"])
    block("## **KẾ HOẠCH**")
    block(f"### **{doc.subject}**")
    for el in doc.body:
        if el.kind == "table":
            _md_table(out, el.rows)
            out.add("")
        elif el.kind == "h1":
            block(f"## **{_label(el)}**", el.eid)
        elif el.kind == "h2" and len(el.text) < 80:
            block(f"### **{_label(el)}**", el.eid)
        else:
            block(_label(el), el.eid)
    block("***Nơi nhận:***")
    for el in doc.recipients:
        out.add(f"- {el.text};" if not el.text.endswith(".") else f"- {el.text}", el.eid)
    out.add("")
    block("**" + "  \n".join(h.signer_title) + "**")
    block(f"**{h.signer}**")
    if doc.appendix is not None:
        block(f"**PHỤ LỤC**  \n**{doc.appendix_title}**")
        block(_appendix_note(h), _HEADER_EID["note"])
        _md_table(out, doc.appendix.rows)
    return out.text(), out.at


def _md_table(out: _Lines, rows: Sequence[Sequence[str]]) -> None:
    for row in rows:
        out.add("\t".join(" ".join(c.split()) for c in row))


def render_docx(doc: Doc) -> bytes:
    """The plan as a .docx: a two-column header table, the body, the activity table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    h = doc.header
    d = docx.Document()
    head = d.add_table(rows=2, cols=2)

    def put(cell, lines: Iterable[tuple[str, bool, bool]]) -> None:
        first = True
        for text, bold, italic in lines:
            para = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = para.add_run(text)
            run.bold, run.italic = bold, italic

    put(head.cell(0, 0), [(h.parent, False, False), (h.issuer.upper(), True, False)])
    put(head.cell(0, 1), [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False), ("Độc lập - Tự do - Hạnh phúc", True, False)])
    put(head.cell(1, 0), [(h.number_line(), False, False)])
    put(head.cell(1, 1), [(h.date_line(), False, True)])

    def para(text: str, *, bold: bool = False, center: bool = False) -> None:
        p = d.add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = bold

    para("KẾ HOẠCH", bold=True, center=True)
    para(doc.subject, bold=True, center=True)
    for el in doc.body:
        if el.kind == "table":
            _docx_table(d, el.rows)
        else:
            para(_label(el), bold=el.kind in ("h1", "h2") and len(el.text) < 80)
    para("Nơi nhận:", bold=True)
    for el in doc.recipients:
        para(f"- {el.text};" if not el.text.endswith(".") else f"- {el.text}")
    for title in h.signer_title:
        para(title, bold=True, center=True)
    para(h.signer, bold=True, center=True)
    if doc.appendix is not None:
        para("PHỤ LỤC", bold=True, center=True)
        para(doc.appendix_title, bold=True, center=True)
        para(_appendix_note(h), center=True)
        _docx_table(d, doc.appendix.rows)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _docx_table(d, rows: Sequence[Sequence[str]]) -> None:
    width = max(len(r) for r in rows)
    table = d.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, (row, cells) in enumerate(zip(rows, (tr.cells for tr in table.rows), strict=True)):
        for text, cell in zip(row, cells, strict=False):
            lines = text.split("\n")
            cell.paragraphs[0].add_run(lines[0]).bold = r == 0
            for extra in lines[1:]:
                cell.add_paragraph(extra)


# ---------------------------------------------------------------------------------------------
# defects
# ---------------------------------------------------------------------------------------------
_DOUBLED = re.compile(r"(?<!\w)(\w+)\s+\1(?!\w)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2,}")


def _stale_year_site(doc: Doc, year: int) -> tuple[El, str] | None:
    """The closing (or, without one, a "trong năm Y của" sentence) and its new text."""
    target = f"năm {year}"
    closing = [e for e in doc.body if e.kind == "closing" and target in e.text]
    if closing:
        el = closing[0]
        return el, el.text.replace(target, f"năm {year - 1}", 1)
    for el in doc.body:
        if el.kind in ("para", "bullet", "item") and re.search(rf"trong năm {year} của", el.text):
            return el, el.text.replace(f"trong năm {year} của", f"trong năm {year - 1} của", 1)
    return None


def _inject(doc: Doc, rng: random.Random, on: dt.date, tainted: dict[str, set[int]]) -> tuple[Doc, list[dict[str, Any]]]:
    """The defective doc and the injected defects (as element ids, surfaces and where)."""
    h = doc.header
    year = h.year
    body = list(doc.body)
    recips = list(doc.recipients)
    used: set[int] = set()
    out: list[dict[str, Any]] = []

    def set_el(el: El, **changes: Any) -> None:
        target = recips if el.kind == "recipient" else body
        k = next(i for i, e in enumerate(target) if e.eid == el.eid)
        target[k] = replace(el, **changes)
        used.add(el.eid)

    want = {rule: rng.random() < 0.35 for rule in MEASURED_RULES}
    if on < REFORM_DAY:
        want["stale-agency"] = False
    if want["stale-agency"] and want["blank-date"]:
        # the linter needs the plan's date to know that a name is dead
        want[rng.choice(("stale-agency", "blank-date"))] = False

    if want["stale-year"]:
        site = _stale_year_site(doc, year)
        if site and site[0].eid not in tainted.get("stale-year", set()):
            el, new = site
            set_el(el, text=new)
            out.append({"rule": "stale-year", "eid": el.eid, "surface": f"năm {year - 1}", "where": el.kind})

    if want["heading-numbering"]:
        h1s = [e for e in body if e.kind == "h1"]
        choices = [
            k for k in range(1, len(h1s))
            if h1s[k].eid not in used and not tainted.get("heading-numbering", set()) & {h1s[k].eid, *(e.eid for e in h1s[k + 1 : k + 2])}
        ]
        if choices:
            k = rng.choice(choices)
            el = h1s[k]
            set_el(el, num="2")
            # what the wrong number breaks: the next Roman heading (a gap) and the section's
            # first numbered child ("1." after "2.": the numbering goes back)
            also = [h1s[k + 1].eid] if k + 1 < len(h1s) else []
            at = next(i for i, e in enumerate(body) if e.eid == el.eid)
            for e in body[at + 1 :]:
                if e.kind == "h1":
                    break
                if e.kind == "h2":
                    also.append(e.eid)
                    break
            out.append({"rule": "heading-numbering", "eid": el.eid, "surface": f"2. {el.text}", "also": also, "where": f"section {el.num}"})

    if want["duplicated-word"]:
        cands = [
            e for e in body
            if e.kind in ("para", "bullet", "item") and e.eid not in used and len(e.text) > 40
            and not _DOUBLED.search(e.text) and e.eid not in tainted.get("duplicated-word", set())
        ]
        if cands:
            el = rng.choice(cands)
            words = [
                m for m in _WORD.finditer(el.text)
                if m.group().islower() and m.group() not in _REDUPLICATIVE and "⟨" not in m.group()
            ]
            words = [
                m for m in words
                if not re.match(rf"\s+{re.escape(m.group())}(?!\w)", el.text[m.end():])
                and not re.search(rf"(?<!\w){re.escape(m.group())}\s+$", el.text[: m.start()])
            ]
            if words:
                m = rng.choice(words)
                new = el.text[: m.end()] + " " + m.group() + el.text[m.end() :]
                set_el(el, text=new)
                out.append({"rule": "duplicated-word", "eid": el.eid, "surface": f"{m.group()} {m.group()}", "where": el.kind})

    if want["stale-agency"]:
        dead = rng.choice(DEAD_AGENCIES)
        living = ("Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Xây dựng")
        cands = [
            e for e in (*body, *recips)
            if e.kind != "table" and e.eid not in used and any(n in e.text for n in living)
            and e.eid not in tainted.get("stale-agency", set())
        ]
        if cands:
            el = rng.choice(cands)
            name = next(n for n in living if n in el.text)
            set_el(el, text=el.text.replace(name, dead, 1))
            out.append({"rule": "stale-agency", "eid": el.eid, "surface": dead, "where": el.kind})
        else:
            pool = [e for e in recips if not e.text.startswith("Lưu") and e.eid not in used]
            if pool:
                el = rng.choice(pool)
                set_el(el, text=f"{dead} (để phối hợp)")
                out.append({"rule": "stale-agency", "eid": el.eid, "surface": dead, "where": "recipient"})

    if want["past-deadline"]:
        tables = [
            e for e in body
            if e.kind == "table" and e.eid not in used and e.eid not in tainted.get("past-deadline", set())
            and len(e.rows) > 1 and fold(e.rows[0][-1]).startswith(("thoi gian", "thoi han"))
        ]
        if tables:
            el = rng.choice(tables)
            k = rng.randrange(1, len(el.rows))
            quarter = rng.choice(("I", "II", "III", "IV"))
            cell = f"Quý {quarter}/{year - 1}"
            rows = [*el.rows]
            rows[k] = (*rows[k][:-1], cell)
            set_el(el, rows=tuple(rows))
            # a row has no line of its own in the render's map (which holds the table's first
            # element): its line is found in the written file, at or after the table's
            out.append({"rule": "past-deadline", "eid": el.eid, "surface": cell, "where": f"table row {k}", "cell": True})

    if want["blank-number"] and _HEADER_EID["number"] not in tainted.get("blank-number", set()):
        h = replace(h, number=None)
        out.append({"rule": "blank-number", "eid": _HEADER_EID["number"], "surface": f"Số: /{h.symbol}",
                    "also": [_HEADER_EID["note"]], "where": "header"})
    if want["blank-date"] and _HEADER_EID["date"] not in tainted.get("blank-date", set()):
        h = replace(h, day=None)
        out.append({"rule": "blank-date", "eid": _HEADER_EID["date"], "surface": f"ngày tháng {h.month:02d} năm {h.year}",
                    "also": [_HEADER_EID["note"]], "where": "header"})
    return replace(doc, header=h, body=tuple(body), recipients=tuple(recips)), out


# ---------------------------------------------------------------------------------------------
# linting the clean variant (base defects)
# ---------------------------------------------------------------------------------------------
@cache
def _linter():
    try:
        from plankit.lint import lint_plan
    except ImportError:
        return None
    return lint_plan


def _shape(surface: str) -> str:
    """A finding's surface with digits generalised, to compare a variant with its seed."""
    return re.sub(r"\d", "#", " ".join(fold(surface).split()))


@cache
def seed_findings(key: str) -> frozenset[tuple[str, str]]:
    """(rule, surface shape) of what lint finds in the bundled seed ``key`` as it is."""
    found = _lint_findings(PLANS / _SEED_FILES[key]) or []
    return frozenset((f.rule, _shape(f.surface)) for f in found)


def _lint_findings(path: Path) -> list[Any] | None:
    lint = _linter()
    if lint is None:
        return None
    from plankit.read import read_plan

    plan = read_plan(path)
    return [f for f in lint(plan, rules=MEASURED_RULES, today=LINT_TODAY) if f.rule in MEASURED_RULES]


def _element_text(doc: Doc, eid: int) -> str:
    h = doc.header
    if eid == _HEADER_EID["number"]:
        return h.number_line()
    if eid == _HEADER_EID["date"]:
        return h.date_line()
    if eid == _HEADER_EID["note"]:
        return _appendix_note(h)
    el = next(e for e in (*doc.body, *doc.recipients) if e.eid == eid)
    return el.text if el.kind == "recipient" else _label(el)


def _docx_lines(path: Path, doc: Doc, eids: Iterable[int]) -> dict[int, int]:
    """The line of each element in the text plankit reads from the .docx at ``path``."""
    from plankit.read import read_plan

    lines = [" ".join(ln.split()) for ln in read_plan(path).text.split("\n")]
    out: dict[int, int] = {}
    for eid in eids:
        label = " ".join(_element_text(doc, eid).split())
        hit = next((i for i, ln in enumerate(lines) if label and label in ln), None)
        if hit is not None:
            out[eid] = hit + 1
    return out


def _cell_line(path: Path, form: str, data: bytes, first: int, surface: str) -> int | None:
    """The 1-based line, at or after ``first``, of the text plankit reads that holds ``surface``."""
    if form == "docx":
        from plankit.read import read_plan

        text = read_plan(path).text
    else:
        text = data.decode("utf-8")
    lines = text.split("\n")
    return next((i + 1 for i in range(first - 1, len(lines)) if surface in lines[i]), None)


def _render(doc: Doc, form: str) -> tuple[bytes, dict[int, int]]:
    if form == "txt":
        text, at = render_txt(doc)
        return text.encode("utf-8"), at
    if form == "md":
        text, at = render_md(doc)
        return text.encode("utf-8"), at
    return render_docx(doc), {}


def _eid_of_line(at: dict[int, int], line: int) -> int | None:
    best = None
    for eid, first in at.items():
        if first <= line and (best is None or first > at[best]):
            best = eid
    return best


def make_plan(index: int, out_dir: str, seed_value: int, forms: tuple[str, ...], weights: tuple[float, ...],
              lint_base: bool, scratch: str) -> tuple[PlanInfo, list[Defect], bool]:
    """Write plan ``index`` under ``out_dir``; return what it is and its defects."""
    doc, meta = _doc_for(index, seed_value)
    rng: random.Random = meta["rng"]
    form = rng.choices(forms, weights=weights)[0]
    h = doc.header
    name = f"{slug(meta['province'])}/{h.year}-{slug(h.code)}-{index:05d}.{form}"

    # The clean variant: lint it (in the same form) to learn the seed's own errors.
    base: list[Any] | None = None
    tainted: dict[str, set[int]] = {}
    clean_bytes, clean_at = _render(doc, form)
    if lint_base and _linter() is not None:
        scratch_path = Path(scratch) / f"clean-{index}.{form}"
        scratch_path.write_bytes(clean_bytes)
        try:
            base = _lint_findings(scratch_path) or []
        finally:
            scratch_path.unlink(missing_ok=True)
        txt_at = clean_at
        txt_findings = base
        if form == "docx":  # elements have no lines in a .docx: find them in the text form
            text_form, txt_at = render_txt(doc)
            scratch_txt = Path(scratch) / f"clean-{index}.txt"
            scratch_txt.write_text(text_form, encoding="utf-8")
            try:
                txt_findings = _lint_findings(scratch_txt) or []
            finally:
                scratch_txt.unlink(missing_ok=True)
        for f in txt_findings:
            for line in range(f.line, f.end_line + 1):
                eid = _eid_of_line(txt_at, line)
                if eid is not None:
                    tainted.setdefault(f.rule, set()).add(eid)

    bad, injected = _inject(doc, rng, meta["on"], tainted)
    data, at = _render(bad, form)
    target = check_inside(out_dir, Path(out_dir) / name)
    write_atomic(target, data, force=True)
    if form == "docx" and injected:  # a .docx has no lines of its own: find them in its text
        wanted = {e for item in injected for e in (item["eid"], *item.get("also", ()))}
        at = _docx_lines(target, bad, wanted)

    defects: list[Defect] = []
    for item in injected:
        also = tuple(at[e] for e in item.get("also", ()) if e in at)
        line = at.get(item["eid"])
        if item.get("cell"):  # a table cell: the first line from the table's on holding it
            line = _cell_line(target, form, data, line or 1, item["surface"])
        defects.append(Defect(name, item["rule"], line, item["surface"], "injected", also, item["where"]))
    own = seed_findings(meta["base"]) if base else frozenset()
    for f in base or ():
        origin = "base" if (f.rule, _shape(f.surface)) in own else "clean"
        defects.append(Defect(name, f.rule, f.line, f.surface, origin, tuple(range(f.line + 1, f.end_line + 1)), f.code))
    h = bad.header
    info = PlanInfo(
        file=name,
        base=meta["base"],
        form=form,
        province=meta["province"],
        # the issuer as the reader names it: a department with its province (Sở Xây dựng tỉnh Điện Biên)
        issuer=_read_issuer(meta["issuer"], meta["province"]),
        number=f"{h.number}/{h.symbol}" if h.number else None,
        date=dt.date(h.year, h.month, h.day).isoformat() if h.day else None,
        year=h.year,
        sections=sum(1 for e in bad.body if e.kind == "h1" and e.num in _ROMAN),
        rows=sum(len(e.rows) - 1 for e in (*bad.body, bad.appendix) if e is not None and e.kind == "table"),
    )
    return info, defects, base is not None


def _make_chunk(args: tuple) -> list[tuple[PlanInfo, list[Defect], bool]]:
    indices, out_dir, seed_value, forms, weights, lint_base = args
    with tempfile.TemporaryDirectory(prefix="plankit-synth-") as scratch:
        return [make_plan(i, out_dir, seed_value, forms, weights, lint_base, scratch) for i in indices]


def generate(
    n: int,
    out_dir: str | os.PathLike[str],
    *,
    seed: int = 0,
    formats: Sequence[str] = ("txt", "md", "docx"),
    docx_share: float = 0.1,
    lint_base: bool = True,
    workers: int = 1,
    progress: bool = False,
) -> Manifest:
    """Write ``n`` synthetic plans under ``out_dir`` and their ``manifest.json``; return it.

    Args:
        n: how many plans.
        out_dir: the folder to fill (created; files of an earlier corpus with the same names are
            replaced, others are left alone, so use a fresh folder). Refused under ``plans/``.
        seed: the corpus seed: the same seed gives the same plans and defects.
        formats: the file forms to write, from ``txt``, ``md`` and ``docx``.
        docx_share: the share of .docx files when ``docx`` is among ``formats`` (the text forms
            share the rest equally).
        lint_base: lint each plan's clean variant to record the seed's own errors as ``base``
            defects (needs :mod:`plankit.lint`).
        workers: processes to generate with (the result does not depend on it).
        progress: show a tqdm progress bar.

    Example:

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     m = generate(3, tmp, formats=("txt",), lint_base=False)
    ...     sorted(p.base for p in m.plans), (Path(tmp) / "manifest.json").exists()
    (['can-tho', 'hai-duong', 'hung-yen'], True)
    """
    out = Path(out_dir).resolve()
    if out == PLANS.resolve() or PLANS.resolve() in out.parents:
        raise UnsafePath(f"{out_dir}: a synthetic corpus never goes under {PLANS}")
    forms = tuple(formats)
    bad = [f for f in forms if f not in ("txt", "md", "docx")]
    if bad or not forms:
        raise ValueError(f"unknown formats {bad}; choose from txt, md, docx")
    text_forms = [f for f in forms if f != "docx"]
    if "docx" in forms and text_forms:
        weights = tuple(docx_share if f == "docx" else (1 - docx_share) / len(text_forms) for f in forms)
    else:
        weights = tuple(1.0 for _ in forms)
    out.mkdir(parents=True, exist_ok=True)
    chunk = 50
    jobs = [(tuple(range(a, min(a + chunk, n))), str(out), seed, forms, weights, lint_base) for a in range(0, n, chunk)]
    results: list[tuple[PlanInfo, list[Defect], bool]] = []
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=n, desc="synthetic plans", unit="plan")
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for part in pool.map(_make_chunk, jobs):
                results.extend(part)
                if bar:
                    bar.update(len(part))
    else:
        for job in jobs:
            part = _make_chunk(job)
            results.extend(part)
            if bar:
                bar.update(len(part))
    if bar:
        bar.close()
    manifest = Manifest(
        root=str(out),
        seed=seed,
        plans=tuple(r[0] for r in results),
        defects=tuple(d for r in results for d in r[1]),
        base_linted=bool(results) and all(r[2] for r in results),
    )
    manifest.save(out / "manifest.json")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synth", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many plans")
    parser.add_argument("out_dir", help="folder to write (e.g. benchmarks/corpus/demo)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--formats", default="txt,md,docx", help="comma-separated: txt,md,docx")
    parser.add_argument("--docx-share", type=float, default=0.1)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-base-lint", action="store_true", help="do not lint the clean variants")
    parser.add_argument("--clean", action="store_true", help="empty out_dir first")
    args = parser.parse_args(argv)
    out = Path(args.out_dir)
    if args.clean and out.exists():
        if (out / "manifest.json").exists():
            shutil.rmtree(out)
        else:
            parser.error(f"{out} holds no manifest.json: not removing a folder this tool did not make")
    try:
        manifest = generate(
            args.n, out, seed=args.seed, formats=tuple(f.strip() for f in args.formats.split(",") if f.strip()),
            docx_share=args.docx_share, lint_base=not args.no_base_lint, workers=args.workers, progress=True,
        )
    except (UnsafePath, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(repr(manifest))
    for rule, c in manifest.counts().items():
        print(f"  {rule:18} injected {c['injected']:6}  base {c['base']:6}  clean-variant {c['clean']:6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


def _read_issuer(issuer: str, province: str) -> str:
    """A province's department as the reader names it, with its province; any other body as it is."""
    from plankit.places import lacks_province, match_place

    prov = match_place(province, cutoff=1.0)
    return f"{issuer} {prov.full_name}" if prov is not None and lacks_province(issuer) else issuer
