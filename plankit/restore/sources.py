"""What the restoration model learns from, all shipped or read in place (``data/restore/sources.tsv``).

The OCR confusion table, the clean bundled plans, the administrative text written for plankit,
the names in plankit's data files, the family names, and the two files read from the installed
``underthesea`` (the word list Viet74K and the VLSP 2013 tagged text).
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..text import nfc

# -- data files --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Confusions:
    """The OCR confusion table (``plankit/data/ocr_confusions.tsv``), by kind.

    ``chars``: folded substring rewrites ``(ocr, real, cost)``; ``^`` anchors one at the start.
    ``tokens``: whole-token rewrites. ``symbols``: symbol parts that lost their Đ (QD -> QĐ).
    ``doc_codes``: document-type codes after which OCR's ``I`` is a slash.
    """

    chars: tuple[tuple[str, str, float], ...]
    tokens: Mapping[str, tuple[tuple[str, float], ...]]
    symbols: Mapping[str, str]
    doc_codes: frozenset[str]


@functools.cache
def load_confusions() -> Confusions:
    """Read the confusion table shipped in ``plankit/data``.

    >>> c = load_confusions()
    >>> ("6", "o") in {(a, b) for a, b, _ in c.chars}, c.symbols["QD"]
    (True, 'QĐ')
    """
    from importlib import resources

    raw = resources.files("plankit.data").joinpath("ocr_confusions.tsv").read_text("utf-8")
    chars: list[tuple[str, str, float]] = []
    tokens: dict[str, list[tuple[str, float]]] = {}
    symbols: dict[str, str] = {}
    codes: set[str] = set()
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[0] == "kind":
            continue
        kind, ocr, real, cost = parts[0], parts[1], parts[2], float(parts[3] or 0)
        if kind == "char":
            chars.append((ocr, real, cost))
        elif kind == "token":
            tokens.setdefault(ocr, []).append((real, cost))
        elif kind == "symbol":
            symbols[ocr] = real
        elif kind == "doctype":
            codes.add(ocr)
        else:
            raise ValueError(f"ocr_confusions.tsv: unknown kind {kind!r} in line {line!r}")
    return Confusions(
        tuple(chars), {k: tuple(v) for k, v in tokens.items()}, symbols, frozenset(codes)
    )




def _underthesea_dirs() -> list[Path]:
    """The folders of the installed ``underthesea`` package, found without importing it."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return []
    return [Path(base) for base in spec.submodule_search_locations]


def viet74k_path() -> Path | None:
    """Where the installed ``underthesea`` keeps ``Viet74K.txt`` (found without importing it).

    >>> p = viet74k_path(); p is None or p.name == "Viet74K.txt"
    True
    """
    for base in _underthesea_dirs():
        path = base / "corpus" / "data" / "Viet74K.txt"
        if path.is_file():
            return path
    return None


def underthesea_corpus_path() -> Path | None:
    """Running Vietnamese text that ``underthesea`` ships: the tagged VLSP 2013 test set.

    It sits next to the part-of-speech model (``pipeline/pos_tag/models/*/test_output.txt``,
    one word a line, a blank line between sentences). Versions without it give ``None``.

    >>> p = underthesea_corpus_path(); p is None or p.name == "test_output.txt"
    True
    """
    for base in _underthesea_dirs():
        found = sorted(base.glob("pipeline/pos_tag/models/*/test_output.txt"))
        if found:
            return found[-1]
    return None


def read_tagged_corpus(path: Path) -> str:
    """The sentences of a one-word-a-line tagged corpus as plain text, one sentence a line."""
    sentences: list[str] = []
    words: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            word = raw.split("\t", 1)[0].strip()
            if word:
                words.append(word)
            elif words:
                sentences.append(" ".join(words))
                words = []
    if words:
        sentences.append(" ".join(words))
    return nfc("\n".join(sentences))


PLACES_FILE = "places.tsv"
"""The frozen place names the model learns from, in ``plankit/data/restore``."""

_BODY = "body"  # the kind of a department's row in places.tsv (a provincial unit's is its own)


def place_names() -> tuple[tuple[str, str], ...]:
    """The place names the restorer knows: a frozen copy (``data/restore/places.tsv``).

    ``(kind, name)`` rows: each provincial unit's name and then its spelled-out aliases, with
    its kind (``tỉnh``, ``thành phố``), in the order of ``provinces.tsv``; then the
    departments of ``departments.tsv`` (kind ``body``). The copy changes only when refrozen on
    purpose (``python -m plankit.restore_model --write-vocabulary``), so a spelling added to
    those tables for the reader changes no restored reading. :func:`place_names_from_tables`
    reads the tables as they are now.

    >>> ("tỉnh", "Hưng Yên") in place_names(), ("body", "Sở Tư pháp") in place_names()
    (True, True)
    """
    return parse_places(_data_file(PLACES_FILE).decode("utf-8"))


def place_names_from_tables() -> tuple[tuple[str, str], ...]:
    """The rows of :func:`place_names` as ``provinces.tsv`` and ``departments.tsv`` give them now.

    >>> place_names_from_tables()[0][0] in ("tỉnh", "thành phố")
    True
    """
    from ..places import departments, provinces

    rows = [(prov.kind, name) for prov in provinces() for name in (prov.name, *prov.aliases)]
    rows += [(_BODY, dep.name) for dep in departments()]
    return tuple(rows)


def places_text(rows: Iterable[tuple[str, str]] | None = None) -> str:
    """Province and department names (:func:`place_names`), one phrase a line.

    Four plans cannot teach the names of 63 provinces; this text does ("tỉnh Hưng Yên",
    "UBND tỉnh Hải Dương", "Sở Công Thương"). ``rows``: other rows than the frozen ones.

    >>> "tỉnh Hưng Yên" in places_text().splitlines()
    True
    >>> places_text([("tỉnh", "Hưng Yên"), ("body", "Sở Tư pháp")]).splitlines()
    ['Hưng Yên', 'tỉnh Hưng Yên', 'UBND tỉnh Hưng Yên', 'của tỉnh Hưng Yên', 'Sở Tư pháp']
    """
    lines: list[str] = []
    for kind, name in place_names() if rows is None else rows:
        if kind == _BODY:
            lines.append(name)
        else:
            lines += [name, f"{kind} {name}", f"UBND {kind} {name}", f"của {kind} {name}"]
    return "\n".join(lines)


def _data_file(name: str) -> bytes:
    from importlib import resources

    return resources.files("plankit.data").joinpath("restore", name).read_bytes()


def bundled_texts(exclude: Iterable[str] = ()) -> dict[str, str]:
    """The clean bundled plans (not OCR'd) by name ``place/file``, minus ``exclude``.

    Their text ships inside the package (``plankit/data/restore/plans.tsv.gz``: one line of a
    plan a row, ``name<TAB>line``), so a wheel restores exactly as a checkout does.
    ``exclude`` holds names, file names or stems: ``"can-tho/2022-so-khcn.txt"``,
    ``"2022-so-khcn.txt"`` or ``"can-tho/2022-so-khcn"`` all leave the Cần Thơ 2022 plan out.

    >>> sorted(bundled_texts(exclude=["2022-so-khcn.md"]))[:2]
    ['can-tho/2022-so-khcn.txt', 'hai-duong/2022-so-cong-thuong.txt']
    """
    skip = set(exclude)
    lines: dict[str, list[str]] = {}
    for row in gzip.decompress(_data_file("plans.tsv.gz")).decode("utf-8").split("\n"):
        if "\t" in row:
            name, line = row.split("\t", 1)
            lines.setdefault(name, []).append(line)
    out: dict[str, str] = {}
    for name, body in lines.items():
        file = name.rsplit("/", 1)[-1]
        keys = {name, file, name.rsplit(".", 1)[0], name.split(".", 1)[0]}
        if not keys & skip:
            out[name] = nfc("\n".join(body))
    return out


def admin_text() -> str:
    """Administrative Vietnamese written for plankit (``plankit/data/restore/admin.txt``).

    Headers, basis clauses, closing clauses, signature blocks and stock phrases of plans,
    decisions, official letters, ministry and Party documents ("sau đây viết tắt là",
    "Vụ trưởng Vụ Pháp chế", "Tệp đính kèm"), which four plans cannot all show.

    >>> "Nơi nhận:" in admin_text().splitlines()
    True
    """
    raw = _data_file("admin.txt").decode("utf-8")
    return nfc("\n".join(line for line in raw.splitlines() if not line.startswith("#")))


VOCABULARY_FILE = "vocabulary.txt"
"""The frozen names of plankit's other data files the model learns from, in ``plankit/data/restore``."""


def vocabulary_text() -> str:
    """The Vietnamese names of plankit's data files, one a line: a frozen copy (``data/restore/vocabulary.txt``).

    Document types, issuers, programme names and the notes on replaced documents, as
    :func:`vocabulary_from_tables` read them when the copy was frozen. A body added to
    ``issuers.tsv`` for the reader or the linter changes no restored reading until the copy is
    refrozen (``python -m plankit.restore_model --write-vocabulary``).

    >>> "Thủ tướng Chính phủ" in vocabulary_text().splitlines()
    True
    """
    return _frozen_lines(_data_file(VOCABULARY_FILE).decode("utf-8"))


def vocabulary_from_tables() -> str:
    """The lines of :func:`vocabulary_text` as plankit's data files give them now.

    Document types (``document_types.tsv``), issuers (``issuers.tsv``), programme names
    (``programmes.tsv``) and the notes on replaced documents (``replaced_documents.tsv``).

    >>> "Thủ tướng Chính phủ" in vocabulary_from_tables().splitlines()
    True
    """
    from ..vocab import read_table

    columns = {
        "document_types.tsv": ("name",),
        "issuers.tsv": ("name",),
        "programmes.tsv": ("name",),
        "replaced_documents.tsv": ("basis",),
    }
    lines: list[str] = []
    for file, wanted in columns.items():
        for row in read_table(file):
            lines.extend(row[c] for c in wanted if row[c])
    return nfc("\n".join(dict.fromkeys(lines)))


def _frozen_lines(raw: str) -> str:
    """The lines of a frozen file that are not comments, NFC."""
    return nfc("\n".join(line for line in raw.splitlines() if not line.startswith("#")))


REGISTER_FILE = "register.txt"
"""The frozen citations of the register the model learns from, in ``plankit/data/restore``."""


def register_text() -> str:
    """The register's citations the model learns from: a frozen copy (``data/restore/register.txt``).

    One citation a line, as a plan's basis clause cites a document of plankit's register:
    "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển
    khoa học, ...". Subjects are the long administrative sentences that basis clauses repeat,
    which the plans alone show only a few of.

    The copy ships with the model's other data and changes only when regenerated on purpose
    (``python -m plankit.restore_model --write-register``, then the restore benchmark and the
    snapshot), so a row added to ``register.tsv`` for the linter or the graph leaves every
    restored reading as it was. :func:`register_citations` reads the live register.

    >>> next(line for line in register_text().splitlines() if " 57-NQ/TW " in line).split(" về ")[0]
    'Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị'
    """
    return _frozen_lines(_data_file(REGISTER_FILE).decode("utf-8"))


def register_citations() -> str:
    """The documents of ``plankit/data/register.tsv`` now, as a plan cites them, one a line.

    For each row with a subject: its type, number, date, issuer and subject, each read on an
    official page (its ``source`` column). This is what ``--write-register`` freezes into
    ``data/restore/register.txt``; the model itself never reads the register.

    >>> next(line for line in register_citations().splitlines() if " 99/2016/NĐ-CP " in line)
    'Nghị định số 99/2016/NĐ-CP ngày 01 tháng 07 năm 2016 của Chính phủ về quản lý và sử dụng con dấu'
    """
    from ..vocab import read_table

    lines: list[str] = []
    for row in read_table("register.tsv"):
        subject = row["subject"].strip()
        if not subject:
            continue
        head = f"{row['doc_type']} số {row['key']}".strip()
        date = row["date"].split("-")
        if len(date) == 3:
            head += f" ngày {date[2]} tháng {date[1]} năm {date[0]}"
        if row["issuer"]:
            head += f" của {row['issuer']}"
        lines.append(f"{head} {subject}")
    return nfc("\n".join(dict.fromkeys(lines)))


_REGISTER_HEADER = """\
# The citations of plankit's register (plankit/data/register.tsv) that the diacritic restorer
# learns from (source plankit:register in sources.tsv), one a line, frozen so that a row added to
# the register changes no restored reading. Generated by
#     python -m plankit.restore_model --write-register
# then measured: python -m benchmarks restore, python -m benchmarks.snapshot (docs/restore.md).
# Lines starting with # are not read.
"""


def register_file_text(citations: str) -> str:
    """The contents of ``data/restore/register.txt`` for ``citations`` (one a line): header + lines.

    >>> register_file_text("Luật số 1").splitlines()[-1]
    'Luật số 1'
    """
    body = [line for line in citations.splitlines() if line]
    if any(line.startswith("#") for line in body):
        from ..vocab import VocabularyError

        raise VocabularyError(
            "plankit/data/restore/register.txt: a citation starts with '#', which the reader skips"
        )
    return _REGISTER_HEADER + "".join(f"{line}\n" for line in body)


_VOCABULARY_HEADER = """\
# The names of plankit's data files (document_types.tsv, issuers.tsv, programmes.tsv,
# replaced_documents.tsv) that the diacritic restorer learns from (source plankit:vocabulary in
# sources.tsv), one a line, frozen so that a row added to those tables changes no restored
# reading. Generated by
#     python -m plankit.restore_model --write-vocabulary
# then measured: python -m benchmarks restore, python -m benchmarks.snapshot (docs/restore.md).
# Lines starting with # are not read.
"""

_PLACES_HEADER = """\
# The place names the diacritic restorer knows (source plankit:places in sources.tsv, and the
# place names read after "tỉnh" / "thành phố"): each provincial unit's name, then its aliases,
# with its kind, as provinces.tsv gives them; then the departments of departments.tsv (kind
# body). Frozen so that a row added to those tables changes no restored reading. Generated by
#     python -m plankit.restore_model --write-vocabulary
# then measured: python -m benchmarks restore, python -m benchmarks.snapshot (docs/restore.md).
# Lines starting with # are not read.
"""


def _refuse_comment(file: str, lines: Iterable[str]) -> None:
    if any(line.startswith("#") for line in lines):
        from ..vocab import VocabularyError

        raise VocabularyError(f"plankit/data/restore/{file}: a line starts with '#', which the reader skips")


def vocabulary_file_text(text: str) -> str:
    """The contents of ``data/restore/vocabulary.txt`` for ``text`` (one name a line).

    >>> vocabulary_file_text("Chính phủ").splitlines()[-1]
    'Chính phủ'
    """
    body = [line for line in text.splitlines() if line]
    _refuse_comment(VOCABULARY_FILE, body)
    return _VOCABULARY_HEADER + "".join(f"{line}\n" for line in body)


def places_file_text(rows: Iterable[tuple[str, str]]) -> str:
    """The contents of ``data/restore/places.tsv`` for ``(kind, name)`` rows: header, then the rows.

    >>> [line.split("\\t") for line in places_file_text([("tỉnh", "Hưng Yên")]).splitlines()[-2:]]
    [['kind', 'name'], ['tỉnh', 'Hưng Yên']]
    """
    rows = list(rows)
    for kind, name in rows:
        if not kind or not name or any(c in kind + name for c in "\t\n\r"):
            from ..vocab import VocabularyError

            raise VocabularyError(f"plankit/data/restore/{PLACES_FILE}: no row can hold {(kind, name)!r}")
    _refuse_comment(PLACES_FILE, (kind for kind, _name in rows))
    return _PLACES_HEADER + "kind\tname\n" + "".join(f"{kind}\t{name}\n" for kind, name in rows)


def parse_places(raw: str) -> tuple[tuple[str, str], ...]:
    """The ``(kind, name)`` rows of a ``places.tsv`` text (:func:`places_file_text` read back).

    >>> parse_places(places_file_text([("tỉnh", "Hưng Yên"), ("body", "Sở Tư pháp")]))
    (('tỉnh', 'Hưng Yên'), ('body', 'Sở Tư pháp'))
    """
    rows = []
    for line in raw.splitlines():
        if not line or line.startswith("#") or line == "kind\tname":
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not all(parts):
            from ..vocab import VocabularyError

            raise VocabularyError(f"plankit/data/restore/{PLACES_FILE}: not a row (kind, name): {line!r}")
        rows.append((parts[0], parts[1]))
    return tuple(rows)


def _changed(frozen: Iterable, live: Iterable) -> tuple[int, int]:
    """How many entries ``live`` has that ``frozen`` lacks, and the reverse."""
    frozen, live = set(frozen), set(live)
    return len(live - frozen), len(frozen - live)


def register_command(argv: list[str] | None = None) -> int:
    """``python -m plankit.restore_model [--write-register] [--write-vocabulary]``.

    Without an option it only says how far each frozen copy (``data/restore/register.txt``,
    ``vocabulary.txt``, ``places.tsv``) is behind the tables it was taken from (exit status 1
    if any is). ``--write-register`` refreezes the register's citations, ``--write-vocabulary``
    the names and place names; each file is replaced atomically.
    """
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m plankit.restore_model",
        description="Compare the restorer's frozen copies (plankit/data/restore/register.txt, "
        "vocabulary.txt, places.tsv) with the tables they come from; --write-register and "
        "--write-vocabulary replace them.",
    )
    parser.add_argument("--write-register", action="store_true",
                        help="write the register's current citations into register.txt")
    parser.add_argument("--write-vocabulary", action="store_true",
                        help="write the data files' current names into vocabulary.txt and places.tsv")
    args = parser.parse_args(argv)
    from importlib import resources

    folder = Path(str(resources.files("plankit.data").joinpath("restore")))
    live_citations, live_names, live_places = register_citations(), vocabulary_from_tables(), place_names_from_tables()
    copies = [
        # file, what it holds, the frozen entries, the live ones, the file's new text, its option
        (REGISTER_FILE, "citations", "the register has", lambda: register_text().splitlines(),
         live_citations.splitlines(), lambda: register_file_text(live_citations), args.write_register),
        (VOCABULARY_FILE, "names", "the data files have", lambda: vocabulary_text().splitlines(),
         live_names.splitlines(), lambda: vocabulary_file_text(live_names), args.write_vocabulary),
        (PLACES_FILE, "place names", "the data files have", place_names, live_places,
         lambda: places_file_text(live_places), args.write_vocabulary),
    ]
    behind = False
    for file, what, source, read_frozen, live, fresh, write in copies:
        try:
            frozen = read_frozen()
        except FileNotFoundError:  # never frozen yet
            frozen = ()
        added, gone = _changed(frozen, live)
        target = folder / file
        if write:
            _write_atomically(target, fresh())
            print(f"{target}: written, {len(set(live))} {what} ({added} added, {gone} removed or changed); "
                  "now run python -m benchmarks restore and python -m benchmarks.snapshot")
        else:
            behind = behind or bool(added or gone)
            print(f"{target}: {len(set(frozen))} {what} frozen; {source} {added} more, "
                  f"{gone} fewer or changed" + ("" if added or gone else " (up to date)"))
    return 1 if behind else 0


def _write_atomically(target: Path, text: str) -> None:
    """Replace ``target`` with ``text`` (UTF-8, ``\\n`` line ends) through a file beside it."""
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@functools.cache
def load_surnames() -> dict[str, str]:
    """Folded family names and their strength (``plankit/data/restore/surnames.tsv``).

    >>> load_surnames()["nguyen"], load_surnames()["vu"]
    ('strong', 'weak')
    """
    raw = _data_file("surnames.tsv").decode("utf-8")
    rows = [r.split("\t") for r in raw.splitlines() if r.strip() and not r.startswith("#")]
    return {name: strength for name, strength in rows[1:]}


def underthesea_files() -> dict[str, Path | None]:
    """The two files the model reads from the installed ``underthesea``, or ``None`` if missing.

    ``Viet74K`` (the word list) and ``vlsp2013`` (the tagged running text). Both sit at private
    paths of that package, pinned below its next major version in ``pyproject.toml``; a test
    fails loudly if either moves.

    >>> sorted(underthesea_files())
    ['Viet74K', 'vlsp2013']
    """
    return {"Viet74K": viet74k_path(), "vlsp2013": underthesea_corpus_path()}
