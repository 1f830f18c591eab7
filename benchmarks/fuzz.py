"""Fuzz the text readers and the citation extractor with atheris, for a bounded time.

    python -m benchmarks.fuzz --seconds 60        # what `make fuzz` runs
    python -m benchmarks.fuzz --runs 2000         # a fixed number of inputs instead

Each input drives one of the targets, chosen by its first byte:

* ``read_text``: the rest decoded as UTF-8 (invalid bytes replaced), read as a plan of a shape
  the input also chooses (sniffed, ``docx-export``, ``markdown``, ``news``, ``ocr``, ``text``);
  every span of the plan must slice its text;
* ``extract_citations``: the same text; every citation span must lie inside it;
* ``decode_bytes``: the raw bytes (UTF-8, UTF-16, Windows-1258, TCVN3, VNI detection);
* ``read_docx``: the raw bytes as a .docx (zip, XML, size limits);
* ``lint_plan``: the text read as a plan and linted; every finding's span must lie inside the
  text and ``surface`` must be what it covers;
* ``diff_plans``: the text cut in two at its first ``\x00`` (or its middle), each half read as a
  plan, the halves diffed; every change's spans must lie inside their plan's text;
* ``docx_body``: the rest as the body of a valid .docx: raw WordprocessingML when it starts with
  ``<`` (paragraphs, numbering references, deleted marks, tables), else its lines as paragraphs,
  so the .docx walker is reached past the zip layer.

Only :class:`plankit.PlankitError` may escape a read path: any other exception, a broken span
or a per-input time-out (``-timeout``, 20 s) is a crash. The crashing input is printed
(``repr`` of the bytes, and the target) before atheris writes it to ``crash-<sha1>`` in the
git-ignored ``benchmarks/_work/fuzz/``. With no crash, the command exits 0 when the time or run
limit is reached; with one, it exits 1.

The fuzzer starts from fragments of the bundled plans (and, for ``read_docx``, a small .docx
made from one), copied to a temporary folder: nothing is written under ``plans/``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLANS = REPO / "plans"
FORMS = (None, "docx-export", "markdown", "news", "ocr", "text")
# New targets go at the end: the first byte of the saved crashing inputs picks the target.
TARGETS = ("read_text", "extract_citations", "decode_bytes", "read_docx", "lint_plan", "diff_plans", "docx_body")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_LEN = 8192
ARTIFACTS = REPO / "benchmarks" / "_work" / "fuzz"  # git-ignored: crashing inputs land here


class FuzzFailure(AssertionError):
    """A property of a target's output does not hold."""


def _check_spans(plan) -> None:
    n = len(plan.text)

    def inside(span, what: str) -> None:
        if span is None:
            return
        if not (0 <= span.start <= span.end <= n):
            raise FuzzFailure(f"{what} span {span} outside the text (length {n})")

    for block in plan.blocks:
        inside(block.span, "block")
    for section in plan.walk():
        inside(section.span, "section")
        inside(section.heading, "heading")
    for table in plan.tables:
        inside(table.span, "table")
        for row in table.rows:
            for cell in row:
                inside(cell.span, "cell")
    for name, span in plan.header.spans:
        inside(span, f"header {name}")


def _inside(span, length: int, what: str) -> None:
    if span is not None and not (0 <= span.start <= span.end <= length):
        raise FuzzFailure(f"{what} span {span} outside the text (length {length})")


def _docx_with_body(body: bytes, template: bytes) -> bytes:
    """``template`` (a .docx) with ``body`` as the content of its document's w:body."""
    import zipfile
    from xml.sax.saxutils import escape

    text = body.decode("utf-8", errors="replace")
    if not text.lstrip().startswith("<"):
        text = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(line)}</w:t></w:r></w:p>"
                       for line in text.splitlines())
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}">'
           f"<w:body>{text}</w:body></w:document>").encode("utf-8", errors="replace")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, xml if info.filename == "word/document.xml" else src.read(info.filename))
    return out.getvalue()


def _check_target(modules: dict, target: str, form, body: bytes) -> None:
    """The targets added for issue 22: lint, diff and the .docx walker."""
    if target == "lint_plan":
        plan = modules["read_text"](body.decode("utf-8", errors="replace"), "fuzz.txt", form=form)
        for finding in modules["lint_plan"](plan):
            _inside(finding.span, len(plan.text), f"finding {finding.code}")
            if finding.surface != finding.span.slice(plan.text):
                raise FuzzFailure(f"finding {finding.code}: surface {finding.surface!r} is not what its span covers")
    elif target == "diff_plans":
        text = body.decode("utf-8", errors="replace")
        cut = text.find("\x00")
        cut = cut if cut >= 0 else len(text) // 2
        old = modules["read_text"](text[:cut], "old.txt", form=form)
        new = modules["read_text"](text[cut + 1 :], "new.txt", form=form)
        diff = modules["diff_plans"](old, new)
        for change in diff.changes:
            _inside(change.old_span, len(old.text), f"change {change.kind} (old)")
            _inside(change.new_span, len(new.text), f"change {change.kind} (new)")
    elif target == "docx_body":
        layout = modules["read_docx"](_docx_with_body(body, modules["docx_template"]), "fuzz.docx")
        for item in layout.items:
            _inside(getattr(item, "span", None), len(layout.text), type(item).__name__)


def make_target(modules: dict):
    """The function atheris calls with each input."""
    from plankit.errors import PlankitError

    def one_input(data: bytes) -> None:
        if not data:
            return
        target = TARGETS[data[0] % len(TARGETS)]
        form = FORMS[(data[0] // len(TARGETS)) % len(FORMS)]
        body = data[1:]
        try:
            if target in ("read_text", "extract_citations"):
                text = body.decode("utf-8", errors="replace")
                if target == "read_text":
                    plan = modules["read_text"](text, "fuzz.txt", form=form)
                    _check_spans(plan)
                else:
                    for cite in modules["extract_citations"](text):
                        if cite.span is not None and not (0 <= cite.span.start <= cite.span.end <= len(text)):
                            raise FuzzFailure(f"citation span {cite.span} outside the text (length {len(text)})")
            elif target == "decode_bytes" and "decode_bytes" in modules:
                text, _encoding = modules["decode_bytes"](body, "fuzz.txt")
                if not isinstance(text, str):
                    raise FuzzFailure("decode_bytes returned no text")
            elif target == "read_docx" and "read_docx" in modules:
                modules["read_docx"](body, "fuzz.docx")
            elif target in modules or (target == "docx_body" and "docx_template" in modules):
                _check_target(modules, target, form, body)
        except PlankitError:
            return
        except BaseException:
            print(f"\n=== crashing input for {target} (form={form}): {data!r}", file=sys.stderr, flush=True)
            raise

    return one_input


def _seed_corpus(folder: Path) -> None:
    """Fragments of the bundled plans, one per target byte, and a small .docx."""
    texts = [p.read_bytes() for p in sorted(PLANS.glob("*/*.*")) if p.suffix in (".txt", ".md")]
    k = 0
    for text in texts:
        for start in range(0, min(len(text), 4 * 2048), 2048):
            chunk = text[start : start + 2048]
            for t, name in enumerate(TARGETS):
                if name == "read_docx":
                    continue
                (folder / f"seed-{k:04d}").write_bytes(bytes([t]) + chunk)
                k += 1
    try:
        import docx

        d = docx.Document()
        for line in texts[0].decode("utf-8").splitlines()[:40]:
            d.add_paragraph(line)
        buf = io.BytesIO()
        d.save(buf)
        (folder / "seed-docx").write_bytes(bytes([TARGETS.index("read_docx")]) + buf.getvalue())
        numbered = (
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>I. MỤC ĐÍCH</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>Căn cứ </w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Kế hoạch số 12/KH-UBND</w:t></w:r></w:p>'
            '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>TT</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        )
        (folder / "seed-docx-body").write_bytes(bytes([TARGETS.index("docx_body")]) + numbered.encode())
    except Exception:  # pragma: no cover - python-docx is a dependency; the fuzzer still runs
        pass


def _fuzz(corpus: str, flags: list[str]) -> None:
    """Run atheris in this process (it exits the process when done)."""
    import atheris

    modules: dict = {}
    with atheris.instrument_imports(include=["plankit"]):
        from plankit.cite import extract_citations
        from plankit.read import read_text

        modules["read_text"] = read_text
        modules["extract_citations"] = extract_citations
        try:
            from plankit.read._decode import decode_bytes

            modules["decode_bytes"] = decode_bytes
        except ImportError:
            pass
        try:
            from plankit.read._docx import read_docx

            modules["read_docx"] = read_docx
        except ImportError:
            pass
        try:
            from plankit.lint import lint_plan

            modules["lint_plan"] = lint_plan
        except ImportError:
            pass
        try:
            from plankit.diff import diff_plans

            modules["diff_plans"] = diff_plans
        except ImportError:
            pass
    if "read_docx" in modules:
        import docx

        d = docx.Document()
        d.add_paragraph("KẾ HOẠCH")
        buf = io.BytesIO()
        d.save(buf)
        modules["docx_template"] = buf.getvalue()
    print(f"fuzzing {', '.join(modules)}", flush=True)
    atheris.Setup([sys.argv[0], *flags, corpus], make_target(modules))
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="stop after this many seconds (default: 60)")
    parser.add_argument("--runs", type=int, default=None, help="stop after this many inputs instead")
    parser.add_argument("--max-len", type=int, default=MAX_LEN, help=f"longest input in bytes (default: {MAX_LEN})")
    parser.add_argument("--child", metavar="CORPUS", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _fuzz(args.child, json.loads(os.environ["PLANKIT_FUZZ_FLAGS"]))
        return 0  # pragma: no cover - atheris.Fuzz() exits the process
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris is not installed: pip install -e '.[fuzz]'", file=sys.stderr)
        return 2
    # atheris ends its process with exit(): it runs in a child, so the seed folder is cleaned up
    work = Path(tempfile.mkdtemp(prefix="plankit-fuzz-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        _seed_corpus(corpus)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        flags = [f"-max_len={args.max_len}", "-timeout=20", "-rss_limit_mb=3072", "-print_final_stats=1",
                 f"-artifact_prefix={ARTIFACTS}/"]
        flags.append(f"-runs={args.runs}" if args.runs is not None else f"-max_total_time={args.seconds}")
        env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               "PLANKIT_FUZZ_FLAGS": json.dumps(flags)}
        limit = None if args.runs is not None else args.seconds + 120
        try:
            done = subprocess.run([sys.executable, "-m", "benchmarks.fuzz", "--child", str(corpus)],
                                  cwd=REPO, env=env, timeout=limit)
        except subprocess.TimeoutExpired:
            print(f"fuzzer did not stop within {limit} s: a hang", file=sys.stderr)
            return 1
        if done.returncode == 0:
            print("no crash found")
            return 0
        print(f"crash found (exit {done.returncode}); the input is printed above and saved under {ARTIFACTS}",
              file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
