"""Document numbers in the scan text: :func:`read_core` builds a number's key from the original
characters, and laws cited by name and date only ("Luật Tổ chức chính quyền địa phương ngày 19
tháng 6 năm 2015") are linked to their number through the register. What follows a number (its
date, issuer and subject) is read in :mod:`plankit.cite.extraction`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass

from ..dates import DateMatch
from ..register import RegisterEntry
from . import patterns as P
from .vocabulary import LOOKALIKE_KEYS, Vocab

__all__ = ["Core", "date_of", "date_separators", "named_laws", "numbers", "read_core"]

# -- the number itself ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Core:
    """A document number found in the text, before its context is read."""

    start: int
    end: int
    prefix: int  # start of the type word or "số" before the number, else ``start``
    key: str
    doc_type: str | None
    number: str
    year: int | None
    symbol: str
    codes: tuple[str, ...]
    notes: tuple[str, ...]
    law: RegisterEntry | None = None  # a law cited by name (and date or year) only: its register row


def _canonical_code(original: str, folded: str, spellings: dict[str, list[str]]) -> str:
    """The standard spelling of a type or issuer code (QD -> QĐ, ttg -> TTg, unknown -> upper)."""
    known = spellings.get(folded)
    if not known:
        return original.upper()
    if len(known) == 1:
        return known[0]
    upper = original.upper()
    return next((k for k in known if k.upper() == upper), known[0])


def read_core(
    m: re.Match[str], text: str, scan: str, voc: Vocab, word: str | None, prefix: int,
    letter_ok: bool | None = None,
) -> Core | None:
    """Build the key of one number match from the original characters; ``None`` if it is not one.

    A công văn number (1234/UBND-VP) counts only after the words "công văn" or "văn bản", unless
    ``letter_ok`` says otherwise.
    """
    notes: list[str] = []
    codes: list[tuple[int, int]] = []  # spans of the codes whose first letter must be a capital
    g = m.group
    if g("ptype") is not None:
        shape, type_g, year = "party", "ptype", None
        body = "pissuer" if g("pissuer") is not None else "pglued"
        codes = [m.span("ptype"), m.span(body)]
        issuer_spans = [m.span(body)]
    elif g("lterm") is not None:
        shape, type_g, year = "law", None, int(g("lyear"))
        codes = [m.span("lterm")]
        issuer_spans = [m.span("lterm")]
    elif g("type") is not None:
        shape, type_g = "document", "type"
        year = int(g("year")) if g("year") else None
        if g("glued") is not None:
            # "75/2017/NĐCP": the dash lost in a PDF or .doc extraction.
            issuer_spans = [m.span("glued")]
        else:
            s, e = m.span("issuer")
            issuer_spans, pos = [], s
            for part in scan[s:e].split("-"):
                issuer_spans.append((pos, pos + len(part)))
                pos += len(part) + 1
        if len(issuer_spans) == 1 and year is None:
            # A Party body's code makes it a Party number: "39/NQTW" and "57/NQ-TW" are 39-NQ/TW
            # and 57-NQ/TW.
            s, e = issuer_spans[0]
            code = _canonical_code(text[s:e].translate(LOOKALIKE_KEYS), scan[s:e], voc.issuer_spellings)
            if code in voc.party_codes:
                shape = "party"
        codes = [m.span("type"), *issuer_spans]
        if g("islash") is not None:
            notes.append(f"OCR: {text[m.start('islash'):m.end('islash')].strip()!r} read as '/'")
        if g("noslash") is not None:
            if not re.search(r"s[o06b5][ \t]*:?[ \t]*$", scan[prefix : m.start()]):  # "07KH-UBND" only after "số"
                return None
            notes.append(f"slash missing: {text[m.start() : m.end()]} read with '/' before {text[m.start('type'):m.end('type')]}")
        if g("twice") is not None:
            if word in ("cong van", "van ban"):  # a letter's symbol opens with its issuer's code
                return None
            notes.append(f"OCR: type letter doubled, {text[m.start('type'):m.end('twice')]} read as {text[m.start('type'):m.end('type')]}")
    elif g("bparty") is not None:
        # "Nghị quyết 06/TU": a Party number without its type, which the word before names.
        abbr = voc.type_abbr.get(voc.word_names.get(word, "")) if word else None
        if abbr is None:
            return None
        shape, type_g, year = "party", None, None
        issuer_spans = [m.span("bparty")]
        codes = list(issuer_spans)
    else:
        if not (word in ("cong van", "van ban") if letter_ok is None else letter_ok):
            return None
        shape, type_g, year = "letter", None, None
        issuer_spans = [m.span("cissuer"), m.span("cunit")]
        codes = list(issuer_spans)

    for s, _e in codes:
        first = text[s].translate(LOOKALIKE_KEYS)
        if first.islower():
            return None

    number = text[m.start("num") : m.end("num")].lower()
    issuers = []
    for s, e in issuer_spans:
        original = text[s:e].translate(LOOKALIKE_KEYS)
        canon = _canonical_code(original, scan[s:e], voc.issuer_spellings)
        if canon != original.upper() and canon.upper() != original.upper():
            notes.append(f"{original} read as {canon}")
        issuers.append(canon)

    if shape == "law":
        term = issuers[0]
        symbol = term
        key = f"{number}/{year}/{term}"
        base = term.rstrip("0123456789")
        doc_type = voc.word_names.get(word) if word else None
        doc_type = doc_type or voc.term_types.get(base)
        issuers = [term]
    elif shape == "letter":
        symbol = "-".join(issuers)
        key = f"{number}/{symbol}"
        doc_type = "Công văn"
        issuers = issuers[:1]  # the second code is the drafting unit, not a second issuer
    else:
        if type_g is None:  # a Party body alone: the type comes from the word before
            doc_type = voc.word_names[word]
        else:
            s, e = m.span(type_g)
            original = text[s:e].translate(LOOKALIKE_KEYS)
            abbr = _canonical_code(original, scan[s:e], voc.type_spellings)
            if abbr.upper() != original.upper():
                notes.append(f"{original} read as {abbr}")
            doc_type = voc.type_names.get(abbr)
        if shape == "party":
            symbol = f"{abbr}/{issuers[0]}"
            key = f"{number}-{symbol}"
            if type_g != "ptype" or g("pglued") is not None:
                notes.append(f"written {text[m.start() : m.end()]}: a Party number is written {key}")
        else:
            symbol = f"{abbr}-{'-'.join(issuers)}"
            key = f"{number}/{year}/{symbol}" if year else f"{number}/{symbol}"
            if g("glued") is not None:
                notes.append(f"dash missing: {text[m.start() : m.end()]} read as {key}")
        written = voc.word_names.get(word) if word else None
        if shape == "party" and abbr == "QĐ" and written == "Quy định":
            # A Party Quy định is numbered QĐ as often as QĐi (144-QĐ/TW, 08-QĐi/TW): the
            # word says which it is.
            doc_type = written
        if written and doc_type and written != doc_type and written not in ("Công văn",):
            notes.append(f"written '{written}' but the number is a {doc_type}")

    raw = text[m.start() : m.end()]
    swapped = sorted(set(raw).intersection(P.KEY_LOOKALIKES))
    if swapped:
        pairs = ", ".join(f"{c} (U+{ord(c):04X}) as {P.KEY_LOOKALIKES[c]}" for c in swapped)
        notes.append(f"look-alike letters normalised: {pairs}")
    if "\n" in raw:
        notes.append("line break inside the number removed")
    if P.SPACED.search(scan, m.start(), m.end()):
        notes.append("spaces inside the number removed")
    return Core(m.start(), m.end(), prefix, key, doc_type, number, year, symbol, tuple(issuers), tuple(notes))


def _prefix(scan: str, start: int, voc: Vocab) -> tuple[str | None, int]:
    """The type word and "số" right before ``start``: (folded word or None, where they start)."""
    m = voc.prefix_re.search(scan, max(0, start - 48), start)
    if m is None or m.start() == start:
        return None, start
    return (" ".join(m.group("word").split()) if m.group("word") else None), m.start()


def numbers(text: str, scan: str, voc: Vocab) -> list[Core]:
    found = []
    for m in voc.number_re.finditer(scan):
        word, prefix = _prefix(scan, m.start(), voc)
        letter_ok = None
        if m.group("cunit") is not None and word is None and prefix < m.start():
            # "... số 1284/BTTTT-CĐS": a letter of a body plankit knows, after "số"
            letter_ok = m.group("cissuer") in voc.issuer_spellings and voc.issuers.get(
                _canonical_code(text[m.start("cissuer"):m.end("cissuer")], m.group("cissuer"), voc.issuer_spellings),
                ("", "", ""))[2] == "national"
        core = read_core(m, text, scan, voc, word, prefix, letter_ok)
        if core is not None:
            found.append(core)
    return found


def _law_by_name(
    entries: tuple[RegisterEntry, ...], day: dt.date | None, year: int | None, on: dt.date | None = None,
) -> RegisterEntry | None:
    """The one law of a name that a written date (or year) picks; ``None`` when none or two. Two
    laws of one name and year ("Luật Tổ chức chính quyền địa phương năm 2025": 65/2025/QH15 and
    72/2025/QH15) are told apart by the citing plan's date ``on``: the one still in force then."""
    if day is not None:
        exact = [e for e in entries if e.date == day]
        if exact:
            return exact[0]
        year = day.year
    same = [e for e in entries if e.date.year == year]
    if len(same) > 1 and on is not None:
        same = [e for e in same if e.date <= on and not (e.replaced_by and e.effective and e.effective <= on)]
    return same[0] if len(same) == 1 else None


def named_laws(text: str, scan: str, voc: Vocab, cores: list[Core], on: dt.date | None = None) -> list[Core]:
    """Laws cited by name and date or year only ("Luật Tổ chức chính quyền địa phương ngày 19
    tháng 6 năm 2015", "Luật Ban hành văn bản quy phạm pháp luật năm 2025"), linked to their
    number through the register (:func:`plankit.register.laws_named`). A name with no date or
    year is not linked (a law's name is reused by its next version: 77/2015/QH13, 65/2025/QH15
    and 72/2025/QH15 are all "Luật Tổ chức chính quyền địa phương"), nor a year two laws of the
    name bear unless the plan's date ``on`` leaves one in force; nor is one written with its
    number (the number is read), one inside an amending law's name ("Luật sửa đổi, bổ sung một số
    điều của Luật A"), or one in running text without a capital L ("pháp luật an ninh mạng")."""
    if voc.law_re is None:
        return []
    out = []
    starts = [c.start for c in cores]
    for m in voc.law_re.finditer(scan):
        start = m.start()
        if text[start] != "L":
            continue
        clause = max(scan.rfind(";", 0, start), scan.rfind("\n\n", 0, start), start - 200, 0)
        if P.AMENDING.search(scan, clause, start):
            continue
        entries = voc.laws["luat " + " ".join(m.group("lname").split())]
        end, day, year = m.end(), None, None
        dm = P.DATE_AFTER.match(scan, end)
        if dm is not None:
            day, _problem, _at = date_of(dm, text)
            after = dm.end()
        else:
            ym = P.LAW_YEAR.match(scan, end)
            if ym is None:
                continue
            year, end = int(ym.group("year")), ym.end()
            after = end
        if day is None and year is None:
            continue
        ahead = P.LAW_NUMBER_AHEAD.match(scan, after)
        if ahead is not None:
            i = bisect_left(starts, after)
            if i < len(starts) and starts[i] <= ahead.end():
                continue  # "Luật ... số 72/2025/QH15": the number is cited
        entry = _law_by_name(entries, day, year, on)
        if entry is None:
            continue
        # the clause cites the law by number too ("Luật ... ngày 16/6/2025 (Luật số 72/2025/QH15)")
        stop = P.CLAUSE_END.search(scan, after)
        line = max(scan.rfind(";", 0, start), scan.rfind("\n", 0, start), 0)
        lo, hi = bisect_left(starts, line), bisect_left(starts, stop.start() if stop else len(scan))
        if any(c.key == entry.key for c in cores[lo:hi]):
            continue
        term = entry.key.rsplit("/", 1)[1]
        written = " ".join(text[start:end].split())
        notes = [f"named law: {written} is {entry.key} in the register ({entry.source})"]
        if day is not None and day != entry.date:
            notes.append(f"dated {day.isoformat()}; the register says {entry.date.isoformat()}")
        out.append(Core(start, end, start, entry.key, entry.doc_type, entry.number, entry.key_year, term,
                        (term,), tuple(notes), entry))
    return out



# -- a date after a number ---------------------------------------------------------------------


def date_of(m: re.Match[str], text: str) -> tuple[dt.date | None, str | None, int | None]:
    """The date a :data:`~plankit.cite.patterns.DATE_AFTER` match names, or ``None`` and why
    not (31/02/2021 is no date); and where its day starts. ``(None, None, None)``: the match
    is a blank draft date ("ngày    tháng 01 năm 2022"), no date at all."""
    if m.group("d3") is not None:
        day, month, year, at, end = m.group("d3"), m.group("m3"), m.group("y3"), m.start("d3"), m.end("y3")
    else:
        found = DateMatch.of(m)
        if found.day_span is None or found.month_span is None:
            return None, None, None
        day, month, year = found.day, found.month, found.year
        at, end = found.day_span[0], found.year_span[1]
    try:
        return dt.date(int(year), int(month), int(day)), None, at
    except ValueError:
        return None, f"no such date: {' '.join(text[at:end].split())}", at


def date_separators(m: re.Match[str], text: str) -> tuple[str, str] | None:
    """The two separators of a numeric date after "ngày" (``/`` and ``-`` in "06/01-2022")."""
    if m.group("nmonth") is None:
        return None
    return (text[m.end("day") : m.start("nmonth")].strip(), text[m.end("nmonth") : m.start("year")].strip())
