"""Citations checked against what they cite (PK403-PK407): a date impossible for the
number's year, the register of central documents, truncated symbols, an issuer that
contradicts the symbol, a Party number without its type.

One function per rule; its docstring is the rule's documentation (``docs/lint-rules.md``) and
its examples are doctests showing what :func:`~plankit.lint._context.fires` flags. The codes,
names and lifecycle are in :mod:`plankit.lint.rules.registry`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ...dates import date_after
from ...model import Citation, Finding
from ...register import RegisterEntry, lookup, same_day_entries
from ...text import fold
from .._context import (
    DOCWORD_RE,
    Context,
    fires,  # noqa: F401 (the docstring examples)
    msg,
)
from .._naming import cited_as

# The issuer named right after a citation ("... ngày 15/7/2021 của Chính phủ"): only the bodies
# whose documents carry a fixed code, so a statement can be checked against the symbol.
# Folded; "thu tuong" before "chinh phu" so that "Thủ tướng Chính phủ" is not read as "Chính phủ".
_STATED_BODIES = (
    ("thu tuong chinh phu", "Thủ tướng Chính phủ"),
    ("thu tuong", "Thủ tướng Chính phủ"),
    ("chinh phu", "Chính phủ"),
    ("bo chinh tri", "Bộ Chính trị"),
    ("ban bi thu", "Ban Bí thư"),
    ("ban chap hanh trung uong", "Ban Chấp hành Trung ương Đảng"),
    ("quoc hoi", "Quốc hội"),
)
STATED_ISSUER_RE = re.compile(
    r"[ \t\n,]{0,3}(?:cua|do)\s+("
    + "|".join(k.replace(" ", r"\s+") for k, _ in _STATED_BODIES)
    + r")(?![a-z])"
)

# Symbol codes of the bodies above. A Party document of the Politburo, the Secretariat or the
# Central Committee ends in /TW (57-NQ/TW, 229-QĐ/TW, 32-CT/TW).
_CODE_OF_BODY = {
    "Thủ tướng Chính phủ": "ttg",
    "Chính phủ": "cp",
    "Bộ Chính trị": "tw",
    "Ban Bí thư": "tw",
    "Ban Chấp hành Trung ương Đảng": "tw",
    "Quốc hội": "qh",
}


def _body_code(name: str | None) -> str | None:
    """The symbol code of a central body named in ``name`` (``ttg``, ``cp``, ``tw``, ``qh``), or
    ``None``. The Politburo, the Secretariat and the Central Committee are one code (``tw``): a
    register row "Bộ Chính trị, Ban Bí thư" agrees with a citation "của Bộ Chính trị"."""
    if not name:
        return None
    key = " ".join(fold(name).split())
    if "thu tuong" in key:
        return "ttg"
    if "chinh phu" in key:
        return "cp"
    if any(b in key for b in ("bo chinh tri", "ban bi thu", "ban chap hanh trung uong")):
        return "tw"
    if "quoc hoi" in key:
        return "qh"
    return None


@dataclass(frozen=True)
class Reading:
    """How one citation is written: its date and stated issuer, with their spans."""

    citation: Citation
    date: dt.date | None
    date_span: tuple[int, int] | None
    issuer: str | None
    issuer_span: tuple[int, int] | None

    @property
    def span(self) -> tuple[int, int]:
        """From the number to the end of its date (or issuer), for a finding."""
        end = self.citation.span.end
        if self.date_span is not None:
            end = max(end, self.date_span[1])
        return self.citation.span.start, end


def date_text(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def readings(ctx: Context) -> list[Reading]:
    """Every document citation of the plan (not its own number) with the date and issuer
    written right after it, read from the text (the citation extractor may infer an issuer from
    the symbol; a contradiction must be between what the text says and the facts)."""
    cached = getattr(ctx, "_readings", None)
    if cached is not None:
        return cached
    out: list[Reading] = []
    folded = ctx.folded
    for c in ctx.citations:
        if c.role == "self" or c.kind != "document" or c.implicit:
            continue
        pos = c.span.end
        day = None
        date_span = None
        written = date_after(folded, pos, min(len(folded), pos + 60))
        if written is not None:
            day = written.date
            date_span = (written.start, written.end)
            pos = written.end
        issuer = None
        issuer_span = None
        s = STATED_ISSUER_RE.match(folded, pos, min(len(folded), pos + 60))
        if s:
            key = " ".join(s.group(1).split())
            issuer = dict(_STATED_BODIES)[key]
            issuer_span = (s.start(1), s.end(1))
        out.append(Reading(c, day, date_span, issuer, issuer_span))
    ctx._readings = out  # type: ignore[attr-defined]
    return out


def subject_of(ctx: Context, r: Reading) -> str | None:
    """The cited document's subject: the extractor's, else the words after its number, date
    and issuer up to the end of the clause."""
    if r.citation.subject:
        return r.citation.subject
    start = max(
        r.citation.span.end,
        r.date_span[1] if r.date_span else 0,
        r.issuer_span[1] if r.issuer_span else 0,
    )
    m = re.match(r"[^;\n]{0,200}", ctx.text[start:])
    return m.group().strip(" ,") if m else None


def _source(entry: RegisterEntry) -> str:
    return entry.source


# -- rules --------------------------------------------------------------------------------------
def citation_date_year(ctx: Context) -> Iterator[Finding]:
    """Flags a cited document whose date cannot be right for the year in its number.

    A normative document carries its year in its number (134/2021/NĐ-CP, 22/2020/QĐ-UBND) and is
    dated in that year. ``Nghị định số 134/2021/NĐ-CP ngày 30/10/2020`` has a slip in the date or
    in the number; when the register knows the document, the message gives its real date.

    Fires on: ``Căn cứ Nghị định số 134/2021/NĐ-CP ngày 30/10/2020 của Chính phủ;``

    Does not fire on: ``Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ;``;
    ``Nghị quyết số 76/NQ-CP ngày 15/7/2021`` (no year in the number).

    Message: "'134/2021/NĐ-CP' mang năm 2021 nhưng đề ngày 30/10/2020 / '134/2021/NĐ-CP' carries
    the year 2021 but is dated 30/10/2020".

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nCăn cứ Nghị định số 134/2021/NĐ-CP "
        ...       "ngày 30/10/2020 của Chính phủ;", citation_date_year)
        ['134/2021/NĐ-CP ngày 30/10/2020']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nCăn cứ Nghị định số 42/2022/NĐ-CP "
        ...       "ngày 24/6/2022 của Chính phủ;", citation_date_year)
        []
    """
    for r in readings(ctx):
        c = r.citation
        m = re.match(r"^[^/]+/((?:19|20)\d\d)/", c.key)
        if r.date is None or m is None:
            continue
        year = int(m.group(1))
        if r.date.year == year:
            continue
        entry = lookup(c.key)
        vi = f"{cited_as(ctx.text, c)} mang năm {year} nhưng đề ngày {date_text(r.date)}"
        en = f"{cited_as(ctx.text, c)} carries the year {year} but is dated {date_text(r.date)}"
        suggestion = None
        if entry is not None:
            vi += f"; theo sổ văn bản: ngày {date_text(entry.date)} ({_source(entry)})"
            en += f"; the register says {date_text(entry.date)} ({_source(entry)})"
            suggestion = "ngày " + date_text(entry.date)
        start, end = r.span
        yield ctx.finding(
            "citation-date-year",
            start,
            end,
            msg(vi, en),
            suggestion=suggestion,
        )


def _doc_word_before(ctx: Context, c: Citation) -> tuple[str, int, int] | None:
    """The document word written before the number ("Quyết định số 229-QĐ/BCĐ"), if it is
    directly before (only "số", ":" and spaces between)."""
    lo = max(0, c.span.start - 40)
    words = list(DOCWORD_RE.finditer(ctx.folded, lo, c.span.start))
    if not words:
        return None
    w = words[-1]
    between = ctx.folded[w.end() : c.span.start]
    if not re.fullmatch(r"[\s:]*(?:so\s*)?[\s:.]*", between):
        return None
    return " ".join(w.group().split()), w.start(), w.end()


def _subject_words(text: str) -> list[str]:
    """The first eight words of a subject, folded, without the openers "về", "việc"."""
    words = re.findall(r"[a-z]+", fold(text))
    while words and words[0] in ("ve", "viec"):
        words.pop(0)
    return words[:8]


def similar_subject(a: str | None, b: str | None) -> bool:
    """Whether two subjects name the same thing: they open with (nearly) the same eight words.
    "phê duyệt Chiến lược phát triển văn hóa Việt Nam đến năm 2030" and "phê duyệt Chiến lược
    phát triển văn hóa đến năm 2030" do; "thành lập Ban Chỉ đạo ..." and "chức năng, nhiệm vụ
    của Ban Chỉ đạo ..." do not, nor do "quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ
    chức của Bộ Nông nghiệp và Môi trường" and "... của Văn phòng Chính phủ" (the same formula,
    two bodies: the words after the first eight share nothing).

    >>> similar_subject("quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nông nghiệp và Môi trường",
    ...                 "quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Văn phòng Chính phủ")
    False
    >>> similar_subject("phê duyệt Chiến lược phát triển văn hóa Việt Nam đến năm 2030",
    ...                 "phê duyệt Chiến lược phát triển văn hóa đến năm 2030")
    True
    """
    if not a or not b:
        return False
    wa, wb = _subject_words(a), _subject_words(b)
    if len(wa) < 4 or len(wb) < 4:
        return False
    n = min(len(wa), len(wb))
    if len(set(wa[:n]) & set(wb[:n])) < 0.75 * n:
        return False
    # A formula of eight words and more ("quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ
    # chức của" Bộ X or Bộ Y, decrees of one day) is told apart by the words after it: the
    # first eight words after the two differ must share one (not counting "của", "và", ...).
    ta, tb = _all_words(a), _all_words(b)
    same = next((i for i, (x, y) in enumerate(zip(ta, tb, strict=False)) if x != y), min(len(ta), len(tb)))
    if same < 8:
        return True
    rest_a = {w for w in ta[same : same + 8] if w not in _TAIL_STOP}
    rest_b = {w for w in tb[same : same + 8] if w not in _TAIL_STOP}
    return not rest_a or not rest_b or bool(rest_a & rest_b)


# Words that say nothing of what a subject is about, left out where its tail is compared.
_TAIL_STOP = frozenset(
    ["cua", "va", "ve", "cac", "nam", "den", "trong", "tren", "cho", "tai", "voi", "giai", "doan", "the"]
)


def _all_words(text: str) -> list[str]:
    """All the words of a subject, folded, without the openers "về", "việc"."""
    words = re.findall(r"[a-z]+", fold(text))
    while words and words[0] in ("ve", "viec"):
        words.pop(0)
    return words


def _type_code(key: str) -> str:
    """The document-type code of a key: ``nq`` for 76/NQ-CP and 57-NQ/TW, ``nd`` for 42/2022/NĐ-CP."""
    k = fold(key)
    m = re.match(r"^\d+[a-z]?-([a-z]+)/", k) or re.search(r"/([a-z]+)-[a-z]", k)
    return m.group(1) if m else ""


_YEAR_IN_KEY = re.compile(r"/(?:19|20)\d\d/")


def _another_year(ctx: Context, r: Reading, entry: RegisterEntry) -> bool | None:
    """Whether a citation whose number carries no year (76/NQ-CP, 07/CT-TTg, 57-NQ/TW) is of
    another document than the register's row under that number: the Government and the Prime
    Minister number their documents anew each year, so 77/NQ-CP of 2025 is not 77/NQ-CP of 2023.

    ``False`` when the cited date is in the row's year, or the number carries its year, or the
    subject the plan gives matches the row's (a slip of the year on the same document keeps its
    subject); ``True`` when the plan gives another subject; ``None`` (cannot tell) when it gives
    none."""
    if r.date is None or r.date.year == entry.date.year or _YEAR_IN_KEY.search(r.citation.key):
        return False
    subject = subject_of(ctx, r)
    if not subject:
        return None
    return not similar_subject(subject, entry.subject)


def citation_register(ctx: Context) -> Iterator[Finding]:
    """Flags a citation that contradicts the register of central and party documents.

    ``plankit/data/register.tsv`` lists central and party documents with their date, issuer and
    type, each with the public page the facts were read on (:mod:`plankit.register`). A plan
    that cites ``Nghị định số 42/2022/NĐ-CP ngày 26/4/2022`` (it is of 24/6/2022), ``Nghị quyết
    số 57-NQ/TW, ngày 22/12/2025`` (of 22/12/2024), a document under another type word, or under
    another symbol with the register's date and number (``229-QĐ/BCĐ`` for ``229-QĐ/TW``) or with
    its date and subject (``1090/QĐ-TTg`` for the culture strategy ``1909/QĐ-TTg``) is wrong
    in one place, and every plan copied from it will be too. Only what the text states is
    checked: a date written after the number, the issuer after "của", the type word before it.
    A number without its year (``76/NQ-CP``) cited with another year is another year's
    document when the plan gives another subject (no finding), and may be either when it gives
    none (the date finding is then a warning that says so).

    Fires on: ``Căn cứ Nghị định số 42/2022/NĐ-CP ngày 26/4/2022 của Chính phủ``.

    Does not fire on: ``Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ``; a
    document the register does not list.

    Message: "'42/2022/NĐ-CP' đề ngày 26/04/2022, nhưng theo sổ văn bản là ngày 24/06/2022
    (nguồn: ...) / '42/2022/NĐ-CP' is cited as of 26/04/2022; the register says 24/06/2022
    (source: ...)". Suggestion: the register's date (``ngày 24/06/2022``).

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2023\\n\\nCăn cứ Nghị định số 42/2022/NĐ-CP "
        ...       "ngày 26/4/2022 của Chính phủ;", citation_register)
        ['42/2022/NĐ-CP ngày 26/4/2022']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2023\\n\\nCăn cứ Nghị định số 42/2022/NĐ-CP "
        ...       "ngày 24/6/2022 của Chính phủ;", citation_register)
        []
    """
    for r in readings(ctx):
        c = r.citation
        entry = lookup(c.key)
        start, end = r.span
        other_year = None if entry is None else _another_year(ctx, r, entry)
        if other_year:
            continue  # a year-less number the register holds for a document of another year
        if entry is not None:
            src = _source(entry)
            if r.date is not None and r.date != entry.date and r.date_span is not None:
                folder_vi = folder_en = ""
                majority = folder_majority(ctx, r)
                if majority is not None:
                    top, n, total = majority
                    folder_vi = f"; các kế hoạch khác ghi {date_text(top)} ({n}/{total} kế hoạch)"
                    folder_en = f"; other plans give {date_text(top)} ({n} of {total} plans)"
                if other_year is None:  # no subject to tell a slip from another year's document
                    folder_vi += "; số này có thể là văn bản khác cùng số của năm khác"
                    folder_en += "; the number may be another year's document"
                yield ctx.finding(
                    "citation-register",
                    start,
                    end,
                    msg(
                        f"{cited_as(ctx.text, c)} đề ngày {date_text(r.date)}, nhưng theo sổ văn bản là ngày "
                        f"{date_text(entry.date)} (nguồn: {src}){folder_vi}",
                        f"{cited_as(ctx.text, c)} is cited as of {date_text(r.date)}; the register says "
                        f"{date_text(entry.date)} (source: {src}){folder_en}",
                    ),
                    severity="warning" if other_year is None else None,
                    suggestion="ngày " + date_text(entry.date),
                )
            stated_code = _body_code(r.issuer)
            entry_code = _body_code(entry.issuer)
            if (
                r.issuer is not None
                and r.issuer_span is not None
                and stated_code is not None
                and entry_code is not None
                and stated_code != entry_code
            ):
                yield ctx.finding(
                    "citation-register",
                    r.issuer_span[0],
                    r.issuer_span[1],
                    msg(
                        f"{cited_as(ctx.text, c)} được ghi là của {r.issuer}, nhưng theo sổ văn bản là của "
                        f"{entry.issuer} (nguồn: {src})",
                        f"{cited_as(ctx.text, c)} is attributed to {r.issuer}; the register says {entry.issuer} "
                        f"(source: {src})",
                    ),
                    suggestion=entry.issuer,
                )
            word = _doc_word_before(ctx, c)
            if word is not None and word[0] != " ".join(fold(entry.doc_type).split()):
                written = ctx.text[word[1] : word[2]]
                yield ctx.finding(
                    "citation-register",
                    word[1],
                    word[2],
                    msg(
                        f"{cited_as(ctx.text, c)} được gọi là {written}, nhưng theo sổ văn bản là {entry.doc_type} "
                        f"(nguồn: {src})",
                        f"{cited_as(ctx.text, c)} is called {written}; the register says it is a "
                        f"{entry.doc_type} (source: {src})",
                    ),
                    suggestion=entry.doc_type if written[:1].isupper() else entry.doc_type.lower(),
                )
            continue
        if r.date is None:
            continue
        # Not in the register: is it a register document under a wrong number or symbol?
        code = _type_code(c.key)
        subject = subject_of(ctx, r)
        for other in same_day_entries(r.date):
            if _type_code(other.key) != code:
                continue
            same_number = other.number == (c.number or "")
            if not (same_number or (other.subject and similar_subject(subject, other.subject))):
                continue
            src = _source(other)
            yield ctx.finding(
                "citation-register",
                start,
                end,
                msg(
                    f"Sổ văn bản không có {cited_as(ctx.text, c)}; văn bản cùng ngày {date_text(r.date)}"
                    f"{' cùng số' if same_number else ' cùng trích yếu'} là {other.key} "
                    f"(nguồn: {src})",
                    f"The register has no {cited_as(ctx.text, c)}; the document of {date_text(r.date)} with "
                    f"{'this number' if same_number else 'this subject'} is {other.key} (source: {src})",
                ),
                suggestion=other.key,
            )
            break


# Issuer codes of central bodies (issuers.tsv), for truncated symbols.
@cache
def _central_codes() -> dict[str, str]:
    """Central issuer codes and the folded names of their bodies (``TTg``: "thu tuong chinh phu")."""
    from importlib import resources

    raw = resources.files("plankit.data").joinpath("issuers.tsv").read_text(encoding="utf-8")
    codes = {}
    for line in raw.splitlines():
        cells = line.split("\t")
        if len(cells) >= 3 and not line.startswith("#") and cells[2] == "central":
            codes[cells[0]] = " ".join(fold(cells[1]).split())
    return codes


@cache
def _known_codes() -> frozenset[str]:
    from importlib import resources

    raw = resources.files("plankit.data").joinpath("issuers.tsv").read_text(encoding="utf-8")
    return frozenset(
        fold(line.split("\t")[0]) for line in raw.splitlines() if line and not line.startswith("#")
    )


# A symbol with an issuer after the type: 942/QĐ-TT, 1216/QĐ-BTTT, 45/2020/NĐ-CP (original case).
# (The slash first; the number before it is checked on a short slice.)
_ISSUER_SYMBOL_RE = re.compile(
    r"/(?:(?:19|20)\d\d/)?([A-ZĐ][A-Za-zĐđ]{0,4})-([A-ZĐ][A-Za-zĐđ&]{1,12})(?![\w&-])"
)
_NUMBER_BEFORE_RE = re.compile(r"(?<![\w/])\d{1,5}[a-z]?$")


def truncated_symbol(ctx: Context) -> Iterator[Finding]:
    """Flags a central body's code cut short in a symbol: ``942/QĐ-TT`` for ``QĐ-TTg``,
    ``1216/QĐ-BTTT`` for ``QĐ-BTTTT``.

    The issuer code after the type belongs to a fixed list for central bodies (``TTg``, ``CP``,
    ``BNV``, ``BTTTT`` ...). A code that is not a known code but is that list's code with one
    letter missing at the end is a slip in copying the number: an error when the words after it
    name that body ("... của Thủ tướng Chính phủ"), a warning otherwise (a local body may use
    the short code). A symbol cut by the end of the text (an excerpt) is left alone, as are
    codes that could complete to two bodies.

    Fires on: ``Quyết định số 942/QĐ-TT ngày 15/6/2021``; ``Quyết định 1216/QĐ-BTTT``.

    Does not fire on: ``Quyết định số 942/QĐ-TTg``; ``Kế hoạch số 137/KH-SKHCN``.

    Message: "Ký hiệu 'QĐ-TT' thiếu chữ: đúng là 'QĐ-TTg' / The symbol 'QĐ-TT' is cut short:
    write 'QĐ-TTg'". Suggestion: the full symbol.

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nThực hiện Quyết định số 942/QĐ-TT "
        ...       "ngày 15/6/2021 của Thủ tướng Chính phủ;", truncated_symbol)
        ['QĐ-TT']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nThực hiện Quyết định số 942/QĐ-TTg "
        ...       "ngày 15/6/2021 của Thủ tướng Chính phủ;", truncated_symbol)
        []
    """
    text = ctx.text
    known = _known_codes()
    central = _central_codes()
    for m in _ISSUER_SYMBOL_RE.finditer(text):
        if not _NUMBER_BEFORE_RE.search(text, max(0, m.start() - 7), m.start()):
            continue
        code = m.group(2)
        if fold(code) in known or not text[m.end() : m.end() + 40].strip():
            continue
        longer = [c for c in central if c.startswith(code) and len(c) == len(code) + 1]
        if len(longer) != 1:
            continue
        full = f"{m.group(1)}-{longer[0]}"
        # An error when the words after the symbol name the body ("... của Thủ tướng Chính
        # phủ"); otherwise a local body may use the short code on purpose: a warning.
        after = " ".join(ctx.folded[m.end() : m.end() + 120].split())
        confirmed = central[longer[0]] in after or (longer[0] == "TTg" and "thu tuong" in after)
        yield ctx.finding(
            "truncated-symbol",
            m.start(1),
            m.end(2),
            msg(
                f"Ký hiệu '{m.group(1)}-{code}' thiếu chữ: đúng là '{full}'",
                f"The symbol '{m.group(1)}-{code}' is cut short: write '{full}'",
            ),
            severity=None if confirmed else "warning",
            suggestion=full,
        )


def issuer_symbol_mismatch(ctx: Context) -> Iterator[Finding]:
    """Flags a citation whose stated issuer contradicts the code in its symbol.

    The code after the type says who issued the document: ``NQ-CP`` is a resolution of the
    Government (Chính phủ), ``QĐ-TTg`` a decision of the Prime Minister, a Party document of the
    Politburo, the Secretariat or the Central Committee ends in ``/TW``. ``Nghị quyết số
    76/NQ-CP ... của Thủ tướng Chính phủ`` and ``Quyết định số 229-QĐ/BCĐ ... của Bộ Chính
    trị`` say two different things; one of them is wrong.

    Fires on: ``Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Thủ tướng Chính phủ``; ``Quyết định
    số 229-QĐ/BCĐ, ngày 10/01/2025 của Bộ Chính trị``.

    Does not fire on: ``Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ``; ``Quyết định số
    749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ``.

    Message: "'76/NQ-CP' là văn bản của Chính phủ (ký hiệu CP), không phải của Thủ tướng Chính
    phủ / '76/NQ-CP' is a document of Chính phủ (code CP), not of Thủ tướng Chính phủ".
    Suggestion: the issuer the code names, when it names one body.

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nThực hiện Nghị quyết số 76/NQ-CP "
        ...       "ngày 15/7/2021 của Thủ tướng Chính phủ;", issuer_symbol_mismatch)
        ['Thủ tướng Chính phủ']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nThực hiện Nghị quyết số 76/NQ-CP "
        ...       "ngày 15/7/2021 của Chính phủ;", issuer_symbol_mismatch)
        []
    """
    names = {"cp": "Chính phủ", "ttg": "Thủ tướng Chính phủ", "qh": "Quốc hội"}
    for r in readings(ctx):
        if r.issuer is None or r.issuer_span is None:
            continue
        c = r.citation
        k = fold(c.key)
        party = re.match(r"^\d+[a-z]?-[a-z]+/([a-z&]+)$", k)
        code = party.group(1) if party else (k.rsplit("-", 1)[-1] if "-" in k else "")
        code = re.sub(r"\d+$", "", code)  # QH14 -> qh
        expected = _CODE_OF_BODY[r.issuer]
        if not code or code == expected:
            continue
        if expected == "tw" and not party:
            continue  # a Government document "của Bộ Chính trị" is another sentence's issuer
        if expected in ("cp", "ttg", "qh") and code not in ("cp", "ttg", "qh"):
            continue  # a ministry's document implementing a Government one
        written = ctx.text[r.issuer_span[0] : r.issuer_span[1]]
        shown = c.key.rsplit("/", 1)[-1] if party else c.key.rsplit("-", 1)[-1]
        body = names.get(code, f"cơ quan có mã {shown}")
        body_en = names.get(code, f"the body coded {shown}")
        if party:
            vi = (
                f"{cited_as(ctx.text, c)} được ghi là của {written}, nhưng văn bản của {written} mang ký hiệu /TW "
                f"(ký hiệu ở đây là /{shown})"
            )
            en = (
                f"{cited_as(ctx.text, c)} is attributed to {written}, whose documents end in /TW "
                f"(this one ends in /{shown})"
            )
            start, end = c.span.start, c.span.end
            suggestion = None
        else:
            vi = f"{cited_as(ctx.text, c)} là văn bản của {body} (ký hiệu {shown}), không phải của {written}"
            en = f"{cited_as(ctx.text, c)} is a document of {body_en} (code {shown}), not of {written}"
            start, end = r.issuer_span
            suggestion = names.get(code)
        yield ctx.finding("issuer-symbol-mismatch", start, end, msg(vi, en), suggestion=suggestion)


# A Party number without its type: "Nghị quyết 06/TU", "Chỉ thị số 05/TW" (folded). The Party
# writes 06-NQ/TU: number, hyphen, type, slash, body. Must not match 57-NQ/TW or 76/NQ-CP.
_PARTY_BODY = r"(?:tu|tw|hu|qu|du|bcd|btv)"
PARTY_MALFORMED_RE = re.compile(r"/\s*" + _PARTY_BODY + r"(?![\w&/-])")
_PARTY_NUMBER_BEFORE_RE = re.compile(r"(?<![\w/-])(\d{1,4})\s*$")

_TYPE_OF_WORD = {
    "nghi quyet": "NQ",
    "chi thi": "CT",
    "ket luan": "KL",
    "chuong trinh": "CTr",
    "k hoach": "KH",
    "quy dinh": "QĐ",
    "quyet dinh": "QĐ",
    "thong bao": "TB",
    "huong dan": "HD",
    "de an": "ĐA",
    "bao cao": "BC",
}


def party_symbol_malformed(ctx: Context) -> Iterator[Finding]:
    """Flags a Party document number written without its type: ``Nghị quyết 06/TU``.

    Party documents are numbered number-type/body: ``06-NQ/TU``, ``57-NQ/TW``, ``26-CTr/TU``.
    ``06/TU`` lacks the hyphen and the type, so the reader cannot tell a resolution from a
    directive, and the number cannot be looked up.

    Fires on: ``Thực hiện Nghị quyết 06/TU của Tỉnh ủy về chuyển đổi số``.

    Does not fire on: ``Thực hiện Nghị quyết số 06-NQ/TU ngày 17/6/2021 của Tỉnh ủy``;
    ``Nghị quyết số 76/NQ-CP``.

    Message: "Số hiệu văn bản của Đảng thiếu loại văn bản: viết '06-NQ/TU' / A Party document
    number without its type: write '06-NQ/TU'". Suggestion: the full number, when the type word
    before it says the type.

    Examples:
        >>> fires("KẾ HOẠCH\\nChuyển đổi số năm 2023\\n\\nThực hiện Nghị quyết 06/TU của Tỉnh ủy.",
        ...       party_symbol_malformed)
        ['Nghị quyết 06/TU']
        >>> fires("KẾ HOẠCH\\nChuyển đổi số năm 2023\\n\\nThực hiện Nghị quyết số 06-NQ/TU của Tỉnh ủy.",
        ...       party_symbol_malformed)
        []
    """
    folded = ctx.folded
    for slash in PARTY_MALFORMED_RE.finditer(folded):
        num = _PARTY_NUMBER_BEFORE_RE.search(folded, max(0, slash.start() - 8), slash.start())
        if num is None:
            continue
        m_start, m_end = num.start(), slash.end()
        lo = max(0, m_start - 30)
        words = list(DOCWORD_RE.finditer(folded, lo, m_start))
        start = m_start
        type_code = None
        if words and re.fullmatch(r"[\s:]*(?:so\s*)?[\s:]*", folded[words[-1].end() : m_start]):
            start = words[-1].start()
            word = " ".join(words[-1].group().split())
            word = re.sub(r"^k\S* ", "k ", word)
            type_code = _TYPE_OF_WORD.get(word)
        number = num.group(1)
        body = ctx.text[slash.start() + 1 : m_end].strip()
        full = f"{number}-{type_code}/{body.upper()}" if type_code else None
        vi = "Số hiệu văn bản của Đảng thiếu loại văn bản"
        en = "A Party document number without its type"
        if full:
            vi += f": viết '{full}'"
            en += f": write '{full}'"
        yield ctx.finding(
            "party-symbol-malformed",
            start,
            m_end,
            msg(vi, en),
            suggestion=None,
        )


def folder_majority(ctx: Context, r: Reading) -> tuple[dt.date, int, int] | None:
    """The date most other plans of the folder give the document of ``r`` (strict majority of
    at least two plans, and not ``r``'s date): ``(date, plans, plans with a date)``."""
    if not ctx.corpus_source or r.date is None:
        return None
    counts = _corpus_dates(ctx).get(r.citation.doc_id)
    if not counts:
        return None
    total = sum(counts.values())
    (top, n), *_ = counts.most_common()
    if total < 2 or top == r.date or n * 2 <= total:
        return None
    return top, n, total


_LAST_TALLY: list = [None, None, frozenset()]


def _plan_votes(plan) -> set[tuple[str, dt.date]]:
    try:
        cites = plan.citations
    except Exception:  # another plan's extractor failure is not this plan's
        return set()
    return {
        (c.doc_id, c.date)
        for c in cites
        if c.role != "self" and c.date is not None and c.level in ("central", "party")
    }


def _corpus_dates(ctx: Context) -> dict[str, Counter[dt.date]]:
    """For each central or party document, how many other plans give it each date (one vote a
    plan). The folder's tally is counted once per corpus object (the CLI and
    :func:`plankit.lint.lint_corpus` pass the same list for every plan), then this plan's own
    votes are taken out: linting a folder stays linear in its size."""
    source = ctx.corpus_source
    if _LAST_TALLY[0] is not source:
        tally: dict[str, Counter[dt.date]] = {}
        for other in source:
            for doc, day in _plan_votes(other):
                tally.setdefault(doc, Counter())[day] += 1
        _LAST_TALLY[:] = [source, tally, frozenset(id(p) for p in source)]
    tally = _LAST_TALLY[1]
    in_corpus = id(ctx.plan) in _LAST_TALLY[2]
    own = _plan_votes(ctx.plan) if in_corpus else set()
    out: dict[str, Counter[dt.date]] = {}
    for r in readings(ctx):
        doc = r.citation.doc_id
        if doc in out or doc not in tally:
            continue
        counts = Counter(tally[doc])
        for d, day in own:
            if d == doc:
                counts[day] -= 1
        out[doc] = +counts
    return out


# -- one cause, one finding ---------------------------------------------------------------------
# A citation wrong in one place is often caught by several rules at once: "229-QĐ/BCĐ ... của Bộ
# Chính trị" by the register (the decision of that day and number is 229-QĐ/TW) and by the
# issuer (the Politburo's documents end in /TW); "61/2018/NĐ-CP ngày 23/4/2019" by the year in
# the number and by the register; "76/NQ-CP ... của Thủ tướng Chính phủ" by the register's issuer
# and by the code CP. Overlapping findings of these rules are one slip: the officer gets one
# finding, the one whose message says most (this order: the year in the number with the
# register's date, the register with its source and the right value, then the rules that only
# see that something is wrong).
CAUSE_ORDER = ("PK403", "PK404", "PK405", "PK407", "PK406", "PK402", "PK408", "PK409")
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def one_finding_per_cause(findings: list[Finding]) -> list[Finding]:
    """``findings`` with the overlapping findings of the citation rules (:data:`CAUSE_ORDER`)
    reduced to one each: the most severe, then the first in :data:`CAUSE_ORDER`. Other rules'
    findings, and citation findings that overlap nothing, are kept as they are (in their order).

    >>> from plankit.model import Span
    >>> def f(code, start, end, severity="error"):
    ...     return Finding(code, code, severity, "", Span(start, end), 1, start + 1, "")
    >>> [x.code for x in one_finding_per_cause([f("PK406", 0, 10), f("PK404", 0, 25), f("PK503", 0, 10)])]
    ['PK404', 'PK503']
    """
    cited = [f for f in findings if f.code in CAUSE_ORDER]
    if len(cited) < 2:
        return findings
    rank = {code: i for i, code in enumerate(CAUSE_ORDER)}
    cited.sort(key=lambda f: (f.span.start, f.span.end))
    dropped: set[int] = set()
    group: list[Finding] = []
    group_end = -1

    def close(group: list[Finding]) -> None:
        if len(group) > 1:
            best = min(group, key=lambda f: (_SEVERITY_RANK.get(f.severity, 3), rank[f.code]))
            dropped.update(id(f) for f in group if f is not best)

    for f in cited:
        if group and f.span.start < group_end:
            group.append(f)
            group_end = max(group_end, f.span.end)
            continue
        close(group)
        group, group_end = [f], f.span.end
    close(group)
    return [f for f in findings if id(f) not in dropped]
