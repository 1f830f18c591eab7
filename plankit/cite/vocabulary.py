"""The scan text and the vocabulary of :mod:`plankit.cite`, compiled once.

The scan text is what every pattern of :mod:`plankit.cite.patterns` runs on: the plan text
folded (:func:`plankit.text.fold`), look-alike letters mapped to Latin and dash and slash variants
to ASCII, one character for one, so a match in it is a span of the original text. The
vocabulary (document types, issuer codes, names of bodies, provinces, named programmes) comes
from the data files in ``plankit/data`` and is compiled into patterns once, by :func:`vocab`.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from functools import cache

from ..model import Citation
from ..places import Province, departments, provinces
from ..register import RegisterEntry, laws_named
from ..text import fold
from ..vocab import read_table
from . import patterns as P

__all__ = ["LOOKALIKE_KEYS", "Vocab", "scan_text", "vocab"]

#: ``str.translate`` table for the original text: look-alike letters to the letters they imitate.
LOOKALIKE_KEYS = str.maketrans(P.KEY_LOOKALIKES)
_X = re.VERBOSE


# -- the scan text -----------------------------------------------------------------------------


class _ScanTable(dict):
    """``str.translate`` table: fold, then look-alikes to Latin, dash and slash variants to ASCII."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = P.SCAN_EXTRA.get(ch) or fold(ch)
        out = P.LOOKALIKES.get(out, out)
        self[code] = out
        return out


_SCAN = _ScanTable()

# ``str.translate`` looks every character up in a dict; on Vietnamese text that is most of the
# time :func:`plankit.cite.extract_citations` spends. A NumPy table over the Basic Multilingual
# Plane does the same one-for-one mapping about ten times faster, but importing NumPy costs what
# translating a few megabytes does; so a process switches to it once it has scanned
# ``_NUMPY_AFTER`` characters (or when NumPy is already imported). Both give the same string.
_NUMPY_AFTER = 2_000_000
_scanned = 0
_fast: tuple | None = None  # (numpy, table: code point -> scan code point, known: bool per code point)


def _fast_tables() -> tuple:
    global _fast
    if _fast is None:
        import numpy as np

        _fast = (np, np.arange(0x10000, dtype=np.uint32), np.zeros(0x10000, dtype=bool))
    return _fast


def _scan_numpy(text: str) -> str:
    np, table, known = _fast_tables()
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if codes.size and int(codes.max()) > 0xFFFF:  # beyond the BMP (emoji): the dict table
        return text.translate(_SCAN)
    new = codes[~known[codes]]
    if new.size:  # characters this process has not mapped yet (a set: np.unique imports numpy.ma)
        for code in set(new.tolist()):
            table[code] = ord(_SCAN[code])
            known[code] = True
    return table[codes].tobytes().decode("utf-32-le", "surrogatepass")


def scan_text(text: str) -> str:
    """The text the patterns run on: same length as ``text``, one character for one.

    >>> scan_text("Nghị quyết số 76/NQ–CP")
    'nghi quyet so 76/nq-cp'
    """
    global _scanned
    if _fast is None:
        _scanned += len(text)
        if _scanned < _NUMPY_AFTER and "numpy" not in sys.modules:
            return text.translate(_SCAN)
    return _scan_numpy(text)


# -- vocabulary --------------------------------------------------------------------------------


def _rows(name: str) -> list[list[str]]:
    """The cells of each row of ``plankit/data/<name>``, in column order (plankit.vocab reads it)."""
    return [list(row.values()) for row in read_table(name)]


class Vocab:
    """Everything the data files say, compiled once."""

    def __init__(self) -> None:
        self.type_spellings: dict[str, list[str]] = {}
        self.type_names: dict[str, str] = {}
        self.word_names: dict[str, str] = {}
        term_types: dict[str, str] = {}
        for name, abbr, _group, shape, _note in _rows("document_types.tsv"):
            self.word_names.setdefault(" ".join(fold(name).split()), name)
            if shape == "term":
                term_types[abbr.upper()] = name
            elif shape == "type" and abbr:
                spellings = self.type_spellings.setdefault(fold(abbr), [])
                if abbr not in spellings:
                    spellings.append(abbr)
                self.type_names.setdefault(abbr, name)
        self.word_names.setdefault("van ban", "Công văn")
        # "Thông báo kết luận số 45-TB/TU": a Thông báo that records a meeting's conclusions
        # (not a Kết luận, whose number is 45-KL/TU).
        self.word_names.setdefault("thong bao ket luan", "Thông báo")
        # "Báo cáo thẩm định số 18/BCTĐ-STP": the Sở Tư pháp's appraisal of a draft, a Báo cáo.
        self.word_names.setdefault("bao cao tham dinh", "Báo cáo")
        self.term_types = term_types

        # Issuer codes: issuers.tsv first, then departments.tsv for the codes it does not name.
        self.issuers: dict[str, tuple[str, str, str]] = {}
        for code, name, level, scope in _rows("issuers.tsv"):
            self.issuers[code] = (name, level, scope)
        for dep in departments():
            self.issuers.setdefault(dep.code, (dep.name, dep.level, "local"))
        self.issuer_spellings: dict[str, list[str]] = {}
        for code in self.issuers:
            self.issuer_spellings.setdefault(fold(code), []).append(code)

        self.type_by_length = sorted(self.type_spellings, key=len, reverse=True)
        # A type's abbreviation by its name (the type word before "06/TU" names it).
        self.type_abbr: dict[str, str] = {}
        for abbr, name in self.type_names.items():
            self.type_abbr.setdefault(name, abbr)
        self.party_codes = {code for code, (_n, level, _s) in self.issuers.items() if level == "party"}
        types = P.type_alternation(self.type_spellings)
        glued = P.alternation(self.issuer_spellings)
        party = P.alternation(fold(code) for code in self.party_codes)
        self.number_re = re.compile(P.build_number(types, glued, party), _X)
        self.prefix_re = re.compile(P.build_type_words(self.word_names))
        self.word_re = re.compile(P.build_type_words(self.word_names)[:-1])  # not anchored at the end

        # Names written after "của": ministries and central bodies from issuers.tsv, departments.
        names: dict[str, tuple[str, str]] = {}
        for code, (name, level, _scope) in self.issuers.items():
            if "{" in name or code in ("UBND", "HĐND", "CTUBND"):
                continue
            names[" ".join(fold(name).split())] = (name, level)
        self.names = names
        self.names_re = re.compile(P.build_names(names))

        # Provinces, every spelling, longest first.
        self.places: dict[str, Province] = {}
        for prov in provinces():
            for spelling in (prov.name, *prov.aliases):
                self.places[" ".join(scan_text(spelling).split())] = prov
        self.place_re = re.compile(P.build_places(self.places))

        # Programmes, one pattern per first word: each starts with a literal the engine can find fast.
        self.programmes: list[Citation] = []
        by_first: dict[str, list[str]] = {}
        for i, (key, doc_type, date, issuer, level, name) in enumerate(_rows("programmes.tsv")):
            day = dt.date.fromisoformat(date)
            number, symbol = key.split("/", 1)
            self.programmes.append(Citation(
                key, doc_type, number, day.year, symbol, date=day, issuer=issuer, level=level,
                subject=name, implicit=True, notes=(f"named programme: stands for {key}",),
            ))
            first, rest = P.programme_pattern(scan_text(name))
            by_first.setdefault(first, []).append(f"(?P<p{i}>{rest})")
        self.programme_res = [re.compile(f"{first}(?:{'|'.join(rests)})") for first, rests in by_first.items()]

        # Laws the register knows by name: a plan may cite one by name and date only.
        self.laws: dict[str, tuple[RegisterEntry, ...]] = {
            " ".join(scan_text(name).split()): entries for name, entries in laws_named().items()
        }
        self.law_re = re.compile(P.build_law_names(self.laws)) if self.laws else None

    def place_key(self, folded: str) -> Province | None:
        return self.places.get(" ".join(folded.split()))


@cache
def vocab() -> Vocab:
    """The vocabulary, compiled on first use."""
    return Vocab()
