"""The same document must read the same whatever its format: .txt against .docx, .doc and PDF.

Officers keep plans as .docx, .doc and PDF copies (portal PDFs, Word files saved by LibreOffice
or Word). For every corpus text (``../shared/corpus``) and every bundled plan, this benchmark
makes in a temporary folder, with LibreOffice headless, a ``.docx``, a ``.doc`` and a ``.pdf``
of the text (one line, one paragraph, as LibreOffice imports a text file), plus a ``table.docx``
whose header is a real two-column table built with python-docx from the text's header lines (the
issuer and ``Số:`` on the left, the national motto and the place and date on the right), as
officers' files have it, and a ``table.pdf`` printed from it by LibreOffice (the two columns side
by side in the text layer, as in a portal's PDF). Each copy is read with :func:`plankit.read_plan` and compared with the
reading of the .txt, field by field:

* header: ``number``, ``symbol``, ``date``, ``issuer``, ``type``, ``subject``, ``signer``
  (the subject compared with its white space collapsed: a title wrapped differently is the same);
* ``citations``: the cited documents' keys with their roles (``basis``, ``mention``, ``self``);
* ``headings``: the parts' labels (``I. MỤC ĐÍCH, YÊU CẦU``) and the numbers of the sections
  and items under them, in order.

It reports, per format, how many documents agree on each field, and the disagreements
(``--failures``). Nothing is written into the corpus; the copies live in a temporary folder.

Run: ``.venv/bin/python -m benchmarks formats --output /tmp/f.json`` or
``.venv/bin/python -m benchmarks.bench_formats [--failures]``. Skips without LibreOffice.
"""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.bench_corpus import CORPUS

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"

#: The formats made from each text, in report order (``table.docx``: header as a real table).
FORMATS = ("docx", "doc", "pdf", "table.docx", "table.pdf")
#: The fields compared, in report order.
FIELDS = ("number", "symbol", "date", "issuer", "type", "subject", "signer", "citations", "headings")

# LibreOffice's filters: the text is read as UTF-8 with LF line ends, one line a paragraph.
_TEXT_FILTER = "Text (encoded):UTF8,LF,,"
_TARGETS = {"docx": "docx:MS Word 2007 XML", "doc": "doc:MS Word 97", "pdf": "pdf:writer_pdf_Export"}

# -- the header's two columns, from a text's header lines --------------------------------------

# The right column's first line (the national motto), wherever it stands on a flattened line.
_MOTTO = re.compile(r"C[ỘO]NG H[ÒO]A\b|Độc lập|ĐẢNG CỘNG SẢN", re.IGNORECASE)
# "Số: 12/KH-UBND" (a blank number too: "Số:   /KH-UBND") at the start of a piece.
_NUMBER = re.compile(r"Số\s*:?\s*[^\s,|]*")
# The place before the date: up to five words and a comma ("Hà Nội, ngày", "Quảng Nam, ngày").
_PLACE = re.compile(r"(?:[^\W\d_][\w.-]*\s+){0,4}[^\W\d_][\w.-]*,\s*ngày\b", re.IGNORECASE)
_YEAR = re.compile(r"năm\s+\d{4}", re.IGNORECASE)
# An issuer's line in the left column (the columns interleaved line by line in some copies).
_ISSUER = re.compile(r"(?:SỞ|UBND|Ủ?Y BAN|UỶ BAN|TỈNH|THÀNH PHỐ|BỘ|BAN|PHÒNG|HUYỆN|XÃ|CỤC|THỦ TƯỚNG|"
                     r"HỘI ĐỒNG|TỔNG CỤC|DÂN|PHỦ)\b")


def _pieces(line: str) -> list[tuple[str, str]]:
    """A header line cut where the motto, ``Số:``, the place and date or a ``|`` begin."""
    out: list[tuple[str, str]] = []
    for k, cell in enumerate(line.split("|")):
        if k:
            out.append(("bar", "|"))
        cuts = {0}
        after = 0
        for m in re.finditer(r"\bSố\s*:", cell):
            cuts.add(m.start())
            after = _NUMBER.match(cell, m.start()).end()
            cuts.add(after)
        for m in (_MOTTO.search(cell), _PLACE.search(cell, after)):
            if m:
                cuts.add(m.start())
        bounds = [*sorted(c for c in cuts if c < len(cell)), len(cell)]
        for a, b in itertools.pairwise(bounds):
            piece = cell[a:b].strip()
            if piece:
                kind = ("motto" if _MOTTO.match(piece) else "number" if piece.startswith("Số") and
                        _NUMBER.match(piece) else "date" if _PLACE.match(piece) else "other")
                out.append((kind, piece))
    return out


def _header_start(lines: list[str], motto: int) -> int:
    """The first line of the header: the issuer's lines just above the motto's line."""
    start = probe = motto
    while probe > 0 and probe > motto - 8:
        above = lines[probe - 1].strip()
        probe -= 1
        if not above:
            continue  # a blank line between the issuer and the motto
        if not (_ISSUER.match(above) or set(above) <= set("-|_ ")):
            break
        start = probe
    return start


def header_columns(text: str) -> tuple[list[str], list[list[str]], list[str]] | None:
    """The text around its header and the header's cells: (lines before, cells, lines after).

    The cells are the top row's issuer (left) and national motto (right) and the bottom row's
    ``Số:`` (left) and place and date (right). ``None`` when the first lines hold no motto or no
    place and date (a news post, a portal body: nothing to put in a table).
    """
    lines = text.split("\n")
    motto_at = next((i for i, line in enumerate(lines[:40]) if _MOTTO.search(line)), None)
    if motto_at is None:
        return None
    start = _header_start(lines, motto_at)
    if _MOTTO.match(lines[motto_at].strip()) and start == motto_at:
        return None  # no issuer above the motto: not a two-column header
    cells: list[list[str]] = [[], [], [], []]
    column = 0
    for i in range(start, min(start + 20, len(lines))):
        pieces = _pieces(lines[i])
        for j, (kind, piece) in enumerate(pieces):
            if cells[3] and _YEAR.search(cells[3][-1]):
                rest = [p for k, p in pieces[j:] if k != "bar"]
                return lines[:start], cells, ([" ".join(rest)] if rest else []) + lines[i + 1:]
            if kind == "bar":
                column = min(column + 1, 3) if cells[column] else column
                continue
            if kind == "motto":
                column = 1
            elif kind == "number":
                column = 2
            elif kind == "date":
                column = 3
            elif column == 1 and _ISSUER.match(piece) and not cells[2]:
                cells[0].append(piece)
                continue
            year = _YEAR.search(piece) if column == 3 else None
            cells[column].append(piece[:year.end()] if year else piece)
            if year and piece[year.end():].strip():
                rest = [piece[year.end():].strip(), *(p for k, p in pieces[j + 1:] if k != "bar")]
                return lines[:start], cells, [" ".join(rest), *lines[i + 1:]]
        if cells[3] and _YEAR.search(cells[3][-1]):
            return lines[:start], cells, lines[i + 1:]
    return None


def table_docx(text: str) -> bytes | None:
    """A .docx of ``text`` whose header is a two-column, two-row table (``None``: no header)."""
    columns = header_columns(text)
    if columns is None:
        return None
    import docx

    before, cells, body = columns
    from docx.shared import Pt

    document = docx.Document()
    # no space after a paragraph: the text's lines stay lines when printed (with it, a PDF of a
    # text whose lines were hard-wrapped would put a blank line inside each paragraph)
    document.styles["Normal"].paragraph_format.space_after = Pt(0)
    for line in before:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    for cell, lines in zip(
        (table.cell(0, 0), table.cell(0, 1), table.cell(1, 0), table.cell(1, 1)), cells, strict=False
    ):
        cell.paragraphs[0].text = lines[0] if lines else ""
        for line in lines[1:]:
            cell.add_paragraph(line)
    for line in body:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- making the copies ------------------------------------------------------------------------


def sources(corpus: Path = CORPUS) -> dict[str, str]:
    """Name -> text of every corpus text and bundled plan (.txt; the Markdown plan is left out:
    LibreOffice would keep its ``#`` marks as text)."""
    found: dict[str, str] = {}
    if corpus.is_dir():
        for path in sorted(corpus.glob("*.txt")):
            found[path.stem] = path.read_text(encoding="utf-8")
    for path in sorted(PLANS.glob("*/*.txt")):
        found[f"{path.parent.name}--{path.name.removesuffix('.txt')}"] = path.read_text(encoding="utf-8")
    return found


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def make_copies(texts: dict[str, str], folder: Path) -> dict[str, dict[str, Path]]:
    """Write each text and its copies under ``folder``: name -> format -> path (``txt`` too).

    One LibreOffice run per target format converts every text (a start costs seconds).
    """
    program = soffice()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    src = folder / "txt"
    src.mkdir(parents=True, exist_ok=True)
    paths: dict[str, dict[str, Path]] = {}
    for name, text in texts.items():
        path = src / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = {"txt": path}
    profile = (folder / "lo-profile").as_uri()

    def convert(target: str, files: list[Path], out: Path, *filters: str) -> None:
        subprocess.run(
            [program, f"-env:UserInstallation={profile}", "--headless", *filters,
             "--convert-to", target, "--outdir", str(out), *map(str, files)],
            check=True, capture_output=True, timeout=900,
        )

    for fmt, target in _TARGETS.items():
        convert(target, [p["txt"] for p in paths.values()], folder / fmt, f"--infilter={_TEXT_FILTER}")
        for name in paths:
            made = folder / fmt / f"{name}.{fmt}"
            if made.is_file():
                paths[name][fmt] = made
    tables = folder / "table"
    tables.mkdir(exist_ok=True)
    for name, text in texts.items():
        data = table_docx(text)
        if data is not None:
            path = tables / f"{name}.docx"
            path.write_bytes(data)
            paths[name]["table.docx"] = path
    # the header table printed: a PDF whose text layer holds the two columns side by side
    made_tables = [p["table.docx"] for p in paths.values() if "table.docx" in p]
    if made_tables:
        convert(_TARGETS["pdf"], made_tables, folder / "table-pdf")
        for name, made in paths.items():
            pdf = folder / "table-pdf" / f"{name}.pdf"
            if "table.docx" in made and pdf.is_file():
                made["table.pdf"] = pdf
    return paths


# -- comparing readings -----------------------------------------------------------------------


def _squash(value: str | None) -> str | None:
    return " ".join(value.split()) if value else value


def reading(plan) -> dict[str, Any]:
    """The compared fields of a plan."""
    h = plan.header
    return {
        "number": h.number,
        "symbol": h.symbol,
        "date": h.date.isoformat() if h.date else None,
        "issuer": h.issuer,
        "type": h.doc_type,
        "subject": _squash(h.title),
        "signer": h.signer,
        "citations": sorted({(c.key, c.role) for c in plan.citations}),
        # a part's label; below it the number only (an item's "title" is its first printed line,
        # which the width of a page decides)
        "headings": [_squash(s.label) if s.level == 1 else s.number for top in plan.sections for s in top.walk()],
    }


def compare(paths: dict[str, dict[str, Path]]) -> tuple[dict, dict[str, list[str]]]:
    """Per format: documents made, and per field how many agree with the .txt; the disagreements."""
    from plankit import read_plan

    counts: dict[str, dict[str, Any]] = {
        fmt: {"documents": 0, **{f: 0 for f in FIELDS}, "all_fields": 0} for fmt in FORMATS
    }
    failures: dict[str, list[str]] = {}
    for name, made in paths.items():
        want = reading(read_plan(made["txt"]))
        for fmt in FORMATS:
            if fmt not in made:
                continue
            try:
                got = reading(read_plan(made[fmt]))
            except Exception as exc:  # a copy that cannot be read disagrees on every field
                got = {f: f"error: {exc}" for f in FIELDS}
            counts[fmt]["documents"] += 1
            agree = True
            for f in FIELDS:
                if got[f] == want[f]:
                    counts[fmt][f] += 1
                else:
                    agree = False
                    failures.setdefault(f"{name}.{fmt}", []).append(f"{f}: {got[f]!r} != txt {want[f]!r}")
            counts[fmt]["all_fields"] += agree
    return counts, failures


def measure(corpus: Path = CORPUS) -> tuple[dict, dict[str, list[str]]]:
    with tempfile.TemporaryDirectory(prefix="plankit-formats-") as tmp:
        return compare(make_copies(sources(corpus), Path(tmp)))


def run(quick: bool = False, corpus: Path = CORPUS) -> dict:
    if soffice() is None:
        return {"skipped": "LibreOffice (soffice) is not installed"}
    counts, _ = measure(corpus)
    out: dict[str, Any] = {}
    for fmt, figures in counts.items():
        n = figures["documents"]
        out[fmt] = {f: f"{figures[f]}/{n}" for f in (*FIELDS, "all_fields")}
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if soffice() is None:
        print("LibreOffice (soffice) is not installed")
        return 1
    counts, failures = measure()
    width = max(len(f) for f in (*FIELDS, "all_fields"))
    print(f"{'field':<{width}}  " + "  ".join(f"{fmt:>10}" for fmt in FORMATS))
    for f in (*FIELDS, "all_fields"):
        print(f"{f:<{width}}  " + "  ".join(
            f"{counts[fmt][f]:>6}/{counts[fmt]['documents']:<3}" for fmt in FORMATS))
    if "--failures" in argv:
        for name, lines in sorted(failures.items()):
            print(f"\n{name}")
            for line in lines:
                print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
