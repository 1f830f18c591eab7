"""Every regular expression of :mod:`plankit.cite`, each with what it must and must not match.

All patterns run on the *scan text*: :func:`plankit.text.fold` of the plan text (no diacritics,
đ as d, lower case) with look-alike letters mapped to Latin and every dash and slash variant mapped
to ``-`` and ``/`` (:data:`SCAN_EXTRA`). Both maps are one character for one character, so a match
in the scan text is a span of the original text; keys are then built from the original characters.
Working on folded text is what lets OCR'd text without diacritics ("Quyét dinh s6 4168/QD-UBND")
match the same patterns as clean text.

Fixed patterns are compiled here. Patterns that depend on vocabulary (document type
abbreviations, type words, issuer and place names, programme names) are built from the data files
by the ``build_*`` and ``programme_pattern`` functions; :mod:`plankit.cite.vocabulary` compiles them once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dates import DATE_PATTERN

# -- characters ------------------------------------------------------------------------------------

#: Look-alike letters an OCR engine or a careless keyboard puts in document numbers, mapped to the
#: Latin letter they imitate (after folding, so lower case). Cyrillic С in "QĐ-UBND" must match;
#: Greek and Cyrillic words of real text never reach a document-number pattern anyway.
LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q",
    "ԝ": "w", "һ": "h", "ӏ": "l",
    # Greek
    "α": "a", "β": "b", "ε": "e", "ζ": "z", "η": "h", "ι": "i", "κ": "k", "μ": "m", "ν": "n",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "y", "χ": "x",
}

#: Dashes and slashes written with other code points (Word's en dash, the minus sign, the
#: full-width forms) become ``-`` and ``/`` in the scan text.
SCAN_EXTRA = {
    **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"},
    **{c: "/" for c in "\u2044\u2215\uff0f"},
}

#: Look-alikes in the *original* text, mapped for building keys: ``Ð`` (U+00D0, Icelandic eth) and
#: ``Ɖ`` (U+0189) are the Vietnamese ``Đ`` (U+0110); Cyrillic and Greek letters become Latin.
KEY_LOOKALIKES = {
    "\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W", "Һ": "H",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "һ": "h",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}

# -- pieces of a document number -----------------------------------------------------------------

# The number: digits with an optional suffix letter. Must match "76", "049" (leading zeros are
# part of the number), "15a" (15a/2025/NĐ-CP), "30c". Must not match inside a longer number
# ("0292.3820.123", "1.500.000"): the lookbehind, placed after the first digit so that every
# match starts with a digit (which lets the regex engine skip ahead fast), refuses a preceding
# letter, digit, dot, comma, slash or dash.
NUMBER = r"\d(?<![\w/.,\-]\d)\d{0,4}[a-z]?"

# A year inside a normative number: 1945-2099. "45/2020/NĐ-CP" has one; "15/7/2021" does not
# (7 is no year) and is a date, never a document number.
YEAR = r"(?:19[4-9]\d|20\d\d)"

# An issuer code: a letter, then letters or digits (UBND, SKHCN, TTg, QH13 when it is a term),
# an ampersand inside one ("SKH&CN", "PTTH&TTĐT": joint names) but never at its end.
# Case is checked on the original text afterwards (see plankit.cite): the first letter of a code
# must not be lower case, which keeps "2/kh - sở ..." in running text from matching.
CODE = r"[a-z](?:[a-z0-9]|&(?=[a-z])){0,11}"

# The dash between type and issuer: may carry spaces ("22/2020/QĐ - UBND") and one line break
# ("76/NQ-" newline "CP", a symbol broken over a line in OCR or PDF text). Joint issuers after the
# first ("TTLT-BTC-BNV") take a bare dash only.
DASH = r"[ \t]*-[ \t]*(?:\n[ \t]*)?"

# The slash: may carry spaces ("76 / NQ-CP") but no line break.
SLASH = r"[ \t]*/[ \t]*"

# A slash with a line break on one side ("30/" newline "2020/NĐ-CP", "1234" newline "/QĐ-UBND"),
# as a PDF or a narrow column wraps a number. Accepted only before a year and a known type or
# before a known type and its dash (the pattern says so where it uses it), never in a date.
BROKEN_SLASH = r"[ \t]*(?:\n[ \t]*/|/[ \t]*\n)[ \t]*"

# OCR reads the slash before the type as a capital I, l or a bar: "S6:137 IKH-SKHCN". Accepted only
# right before a known type abbreviation that is followed by a dash and an issuer code.
OCR_SLASH = r"[ \t]?[il|]"

# A legislature and its term: "QH13" (Quốc hội khóa XIII), "UBTVQH15" (its Standing Committee).
TERM = r"(?:ubtvqh|qh)\d{1,2}"


def type_alternation(abbreviations: Iterable[str]) -> str:
    """An alternation of folded type abbreviations, longest first (TTLT before TT)."""
    folded = sorted({a for a in abbreviations if a}, key=lambda a: (-len(a), a))
    return "(?:" + "|".join(re.escape(a) for a in folded) + ")"


def build_number(types: str, glued: str = "(?!)", party: str = "(?!)") -> str:
    """The pattern of one document number, with named groups for its parts.

    ``types`` is the alternation of type abbreviations (:func:`type_alternation`), ``glued`` the
    issuer codes that may follow the type with the dash lost, ``party`` the codes of Party bodies
    that may stand alone after the slash (both :func:`alternation` of folded codes; by default
    nothing).

    Must match (keys in brackets): "76/NQ-CP" [76/NQ-CP], "45/2020/nđ-cp" folded, "22/2020/QĐ -
    UBND" [22/2020/QĐ-UBND], "76/NQ-" newline "CP", "30/" newline "2020/NĐ-CP" and "1234" newline
    "/QĐ-UBND" (a line broken at the slash), "18-NQ/" newline "TW", "57-" newline "NQ/TW", "01/2020/TTLT-BTC-BNV", "15a/2025/NĐ-CP",
    "26-CTr/TU", "07-NQ/TU", "120-KH/TĐTN-TG", "80/2015/QH13", "137 IKH-SKHCN" (OCR), "07KH-UBND" [07/KH-UBND]
    and "128/QĐĐ-BYT" [128/QĐ-BYT] (OCR: a slash lost before a known type, a type's letter doubled), "1234/UBND-VP" (a công văn:
    issuer and unit, accepted by plankit.cite only after the words "công văn" or "văn bản");
    a symbol whose dash a PDF or .doc extraction lost, when the issuer is a known code:
    "75/2017/NĐCP" [75/2017/NĐ-CP], "5556/QĐBYT" [5556/QĐ-BYT], "39/NQTW" and "18-NQTW" [..-NQ/TW]; a Party
    number written with its body only, after a type word: "Nghị quyết 06/TU" [06-NQ/TU].
    Must not match: dates ("15/7/2021", "06/01-2022"), page numbers ("3/12"), phone numbers
    ("0292.3820.123"), standards ("ISO 9001:2015", "TCVN 6909:2001"), money ("1.500.000 đồng"),
    ranges ("2021-2025", "6 tháng"), "COVID-19", a glued code that is no known issuer ("12/KHXYZ").

    The number comes first, shared by the four shapes, so the pattern starts with a digit.
    """
    return rf"""
    (?P<num>{NUMBER})
    (?:
        # Party: number, dash, type, slash, body. 26-CTr/TU, 07-NQ/TU, 39-NQ/TW; the dash lost
        # in a PDF's text: 20NQ/TW.
        # Its slash lost too, the body a Party code: 18-NQTW. A line may break after the dash
        # (57-\nNQ/TW), as in the other shapes.
        # The body may name its drafting unit after a dash (the Youth Union's 120-KH/TĐTN-TG).
        (?:{DASH}|(?=[a-z]))(?P<ptype>{types})(?:[ \t]*/[ \t]*(?:\n[ \t]*)?(?P<pissuer>{CODE}(?:-{CODE})*)|(?P<pglued>{party}))
      | # Law or ordinance: number, year, legislature and term. 80/2015/QH13; a line may break at
        # a slash (72/2025/ newline QH15).
        (?:{SLASH}|{BROKEN_SLASH})(?P<lyear>{YEAR})(?:{SLASH}|{BROKEN_SLASH})(?P<lterm>{TERM})
      | # Administrative (76/NQ-CP) or normative (45/2020/NĐ-CP), joint issuers allowed.
        # The slash lost between number and type (07KH-UBND: accepted only after "số" or a
        # type word, see plankit.cite).
        # The slash broken over a line: only before a year and a type, or a type and its dash.
        (?:(?P<slash>{SLASH}|{BROKEN_SLASH}(?=(?:{YEAR}{SLASH})?{types}[ \t]*-))|(?P<islash>{OCR_SLASH})|(?P<noslash>(?={types}[ \t]*-)))
        (?:(?P<year>{YEAR})(?:{SLASH}|{BROKEN_SLASH}(?={types}[ \t]*-)))?
        # An OCR'd type letter doubled (QĐĐ-BYT is QĐ-BYT): the letter repeated once.
        (?P<type>{types})(?P<twice>(?<=(?P<last>[a-z]))(?P=last)(?=[ \t]*-))?(?:{DASH}(?P<issuer>{CODE}(?:-{CODE})*)|(?P<glued>{glued})(?![a-z0-9&]))
      | # Công văn: number, issuer, unit. 1234/UBND-VP, its unit wrapped (1445/UBND-\nNCPC); no
        # blank around the dash ("06/TU - ngày" is a Party body alone and a date).
        {SLASH}(?P<cissuer>{CODE})-(?:\n[ \t]*)?(?P<cunit>{CODE})
      | # A Party body alone (the type in the word before): Nghị quyết 06/TU.
        {SLASH}(?P<bparty>{party})(?![a-z0-9&\-])
    )
    (?![a-z0-9])
    """


#: Any document-number shape, known types or not, on folded text (plankit.text.fold): for those
#: who need where a cited document's number is without reading it (lint's reference clauses).
#: Must match 261/KH-UBND, 45/2020/nđ-cp, 26-ctr/tu, 76/nq-<newline>cp, "22/2020/qđ - ubnd",
#: 12/xyz-abc (an unknown type). Must not match dates (15/7/2021): after the slash comes a letter.
#: It opens on a digit and looks behind only there (the same as ``(?<![\w/])\d{1,5}``, and
#: faster: the regex engine skips to digits instead of testing the look-behind everywhere).
LOOSE_NUMBER = re.compile(
    r"\d(?<![\w/]\d)\d{0,4}[a-z]?(?:/(?:19|20)\d\d)?"
    r"(?:/\s?[a-z][a-z0-9&]*(?:\s*-\s*[a-z][a-z0-9&]*)*|-[a-z]+/[a-z]+)"
)

# -- around a number -----------------------------------------------------------------------------

# "số" and its OCR forms: "s6", "sb", "s0", "s5"; "số:" in a header. Must match "so", "s6:",
# "sb"; must not match "sở" (folds to "so" too, so it is only looked for right before a number).
SO = r"(?:s[o06b5])[ \t]*:?"


def build_type_words(names: Iterable[str]) -> str:
    """The words that name a document type right before its number, as one anchored-at-end pattern.

    Must match (folded) "nghi quyet so ", "quyet dinh ", "ke hoach so: ", "quyet dinh s6 ",
    "chuong trinh so ", "cong van so "; the number follows. Must not match "so" alone as a type.
    """
    words = sorted({" ".join(n.split()) for n in names if n}, key=lambda w: (-len(w), w))
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return rf"(?:(?<![a-z])(?P<word>{alt})\s*)?(?:(?<![a-z])(?P<so>{SO})\s*)?$"


# A date after a number: "ngày ..." as plankit.dates reads every date (DATE_PATTERN: groups
# day, month or nmonth, year), or without "ngày" in the numeric form (groups d3, m3, y3).
# Must match: "ngay 15/7/2021", "ngay 06/01-2022" (malformed, one dash), "ngay 15.7.2021",
# "ngay 15 thang 7 nam 2021", OCR "ngay 27 thang 12 nam 2021", "ngay 21thdng 01 nam 2025",
# "ngay 31 thang 12 ndm 2021", ", 15/7/2021", "(24/12/2024)".
# Must not match: a year alone ("nam 2021"), "ngay 2021". A blank draft date ("ngay    thang 01 nam
# 2022") matches with no day: plankit.cite reads it as no date.
DATE_AFTER = re.compile(
    rf"[ \t\n,(]*(?:{DATE_PATTERN}|(?P<d3>\d{{1,2}})/(?P<m3>\d{{1,2}})/(?P<y3>\d{{4}})(?![\d/]))"
)

# "của" before the issuer, with its OCR forms: "cua", "ctua", "cta", "caa", "ctia", "cia", "ciia",
# "cuia". Must not match "cac", "co", "cung".
CUA = re.compile(r"[ \t\n,]*c[a-z]{0,2}a[ \t\n]+")

# Issuer names after "của", by kind (the group name). Tolerant where OCR damages the words of the
# two central bodies most cited ("Thu tuéng Chinh phii" folds to "thu tueng chinh phii").
# Must match: "chinh phu", "thu tuong chinh phu", "thu tueng chinh phii", "ubnd tinh",
# "uy ban nhan dan thanh pho can tho", "chu tich ubnd tinh", "tinh uy", "thanh uy can tho",
# "ban chap hanh dang bo tinh", "hoi nghi lan thu tu ban chap hanh dang bo tinh ...",
# "hdnd tinh", "quoc hoi", "ban chap hanh trung uong". Must not match "chinh sach", "chinh quyen".
ISSUER_FIXED = re.compile(r"""
    (?P<ttg>th[a-z]{0,2}[ \t\n]+t[a-z]{2,5}[ \t\n]+ch[a-z]{2,4}[ \t\n]+ph[a-z]{1,3})(?![a-z])
  | (?P<ubtvqh>uy[ \t\n]+ban[ \t\n]+thuong[ \t\n]+vu[ \t\n]+quoc[ \t\n]+hoi)
  | (?P<qh>quoc[ \t\n]+hoi)(?![a-z])
  | (?P<ctubnd>chu[ \t\n]+tich[ \t\n]+(?:ubnd|uy[ \t\n]+ban[ \t\n]+nhan[ \t\n]+dan))
  | (?P<ubnd>ubnd|uy[ \t\n]+ban[ \t\n]+nhan[ \t\n]+dan)(?![a-z])
  | (?P<hdnd>hdnd|hoi[ \t\n]+dong[ \t\n]+nhan[ \t\n]+dan)(?![a-z])
  | (?P<tu>(?:tinh|thanh)[ \t\n]+uy)(?![a-z])
  | (?P<tw>ban[ \t\n]+chap[ \t\n]+hanh[ \t\n]+trung[ \t\n]+uong(?:[ \t\n]+dang)?)
  | (?P<bch>(?:hoi[ \t\n]+nghi[ \t\n]+(?:lan[ \t\n]+thu[ \t\n]+[a-z0-9]+[ \t\n]+)?)?
        ban[ \t\n]+chap[ \t\n]+hanh[ \t\n]+dang[ \t\n]+bo)(?![a-z])
  | (?P<bct>bo[ \t\n]+chinh[ \t\n]+tri)
  | (?P<bbt>ban[ \t\n]+bi[ \t\n]+thu)
  | (?P<cp>ch[a-z]{2,4}[ \t\n]+ph[a-z]{1,3})(?![a-z])
""", re.VERBOSE)

# The unit after a local body: "tỉnh", "thành phố" (OCR "thanh phd", "thanh phé"), "TP.";
# or a district-level unit ("huyện", "quận", "thị xã", "xã", "phường"), which makes the issuer
# level "other". Must not match "thanh tra".
UNIT = re.compile(r"""
    [ \t\n]+
    (?:
        (?P<tinh>tinh)(?![a-z])
      | (?P<tp>thanh[ \t\n]+ph[a-z]{1,2}|tp\.?)(?![a-z])
      | (?P<district>huyen|quan|thi[ \t\n]+xa|xa|phuong)(?![a-z])
    )
""", re.VERBOSE)

# A Party congress term after a committee: "khóa XVI". Consumed so the subject starts after it.
TERM_WORDS = re.compile(r"[ \t\n,]*khoa[ \t\n]+[ivxlc\d]+(?![a-z])")

# The start of the subject (trích yếu) right after a citation, its date and its issuer:
# "về việc ...", "về ...", "ban hành ..." (kept in the subject: a Quyết định's trích yếu begins
# with "Ban hành"). Must match " ve viec ", ", ve ", " ban hanh "; must not match "vebsite" or
# "ban hanh" inside a word ("ban hanhx").
SUBJECT_START = re.compile(r"[ \t\n,]*(?:(?P<ve>ve(?:[ \t\n]+viec)?)[ \t\n]+|(?=ban[ \t\n]+hanh[ \t\n]))")

# Where a subject ends, searched in the original text: a semicolon, a colon, a full stop before
# white space or at the end, a blank line, or a closing quote followed by a comma ("Đề án “...”,
# tuyên truyền ..."). A comma before a capitalised word ends it too (COMMA_WORD, checked with
# str.isupper because a character class cannot tell Vietnamese capitals from small letters).
# Must end "năm 2022;" and "năm 2030." and "TTHC”, tuyên"; must not end "15.7" or "Đề án “Đổi".
SUBJECT_END = re.compile(r"[;:]|\.(?:\s|$)|\n[ \t]*\n|[”\"],")

# Sentence ends for the programme rule, in the original text: a full stop, "!" or "?" before white
# space, a blank line, or a new list item or heading at the start of a line.
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-+•*]|\d{1,2}[.)]|[a-zđ][.)]|[IVX]+\.)[ \t])")

# The tail of a subject to drop: "năm 2019 và những năm tiếp theo..." ends at "theo".
SUBJECT_TAIL = re.compile(r"[\s.,…]+$")

# A comma and the first two letters of the next word; a subject ends before ", Sở ..." (a
# capital then a small letter), not before ", TTHC" (an abbreviation continues it).
COMMA_WORD = re.compile(r",[ \t\n]+(\w)(\w)")

# "ngày" after a number with no date a strict reader can take ("ngày hôm qua").
NGAY = re.compile(r"[ \t\n,]*ngay(?![a-z])")

# Where an issuer that plankit does not know ends, for the strict reader: before "về", "ban hành",
# a semicolon or a full stop.
ISSUER_STOP = re.compile(r"[ \t\n,]+(?:ve|ban[ \t\n]+hanh)[ \t\n]|[;.]")

# One folded word and the space after it (to skip a repeated word: "Thừa Thừa Thiên Huế").
WORD_AHEAD = re.compile(r"([a-z]+)[ \t\n]+")

# One word of a district's name after "huyện", "quận" ... in the original text ("Văn Lâm"), also
# after a line break (a PDF or a portal wraps "UBND huyện Đăk" / "Hà"), never after a blank line.
NAME_WORD = re.compile(r"(?:[ \t]*\n[ \t]*|[ \t]+)([^\W\d_][\w-]*)")

# Spaces inside a number ("22/2020/QĐ - UBND", "76 / NQ-CP"), in scan text: worth a note.
SPACED = re.compile(r"[ \t]-|-[ \t]|[ \t]/|/[ \t]")

# What may follow a strictly parsed citation: spaces and closing punctuation only.
TRAILING = re.compile(r"[\s;.,]*")

# -- diagnosing a strict parse (scan text; each names one way a number goes wrong) ---------------

DIAG_STANDARD = re.compile(r"(?:tcvn[ \t]*)?iso[ \t]*\d|tcvn")  # "ISO 9001:2015", "TCVN 6909:2001"
DIAG_DIGITS = re.compile(r"\d+[a-z]?")  # the number, with a suffix letter
DIAG_DATE = re.compile(r"[/.\-]\d{1,2}[/.\-]\d{2,4}(?![\d/]*[a-z])")  # after "15": "/7/2021"
DIAG_SPACES = re.compile(r"[ \t]*")
DIAG_BREAK = re.compile(r"[ \t]*\n?[ \t]*")  # the gap a dash may leave before the issuer
DIAG_CODE = re.compile(r"[a-z][a-z0-9]*")  # a type or issuer code
DIAG_NUMBER = re.compile(r"\d+")  # a year candidate after the first slash
DIAG_YEAR = re.compile(YEAR)
DIAG_TERM = re.compile(TERM)


def alternation(spellings: Iterable[str]) -> str:
    """Folded spellings as one alternation, longest first, any white space between words."""
    ordered = sorted(set(spellings), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(s).replace(r"\ ", r"[ \t\n]+") for s in ordered) + ")"


def build_names(names: Iterable[str]) -> str:
    """Issuer names written after "của" (ministries, departments), optionally "Bộ trưởng" first.

    Must match "bo noi vu", "bo truong bo noi vu", "so khoa hoc va cong nghe", "van phong ubnd"
    (UBND for "Ủy ban nhân dân" inside a name). Must not match "bo noi vuong" (the name must end
    at a word boundary).
    """
    spelled = r"uy[ \t\n]+ban[ \t\n]+nhan[ \t\n]+dan"
    alt = alternation(names).replace(spelled, rf"(?:{spelled}|ubnd)")  # "Văn phòng UBND tỉnh"
    return rf"(?:bo[ \t\n]+truong[ \t\n]+)?(?P<name>{alt})(?![a-z])"


def build_places(spellings: Iterable[str]) -> str:
    """Province names and aliases. Must match "can tho", "thua thien hue" (before "hue"), "tp.
    ho chi minh"; must not match "hue" inside "thue"."""
    return rf"(?<![a-z0-9]){alternation(spellings)}(?![a-z0-9])"


# -- laws cited by name ---------------------------------------------------------------------------


def build_law_names(names: Iterable[str]) -> str:
    """Names of laws the register knows (folded, "luat to chuc chinh quyen dia phuong"), for a
    law cited by name and date only; the group ``lname`` holds the name after "luat". A law's new
    version may carry "(sửa đổi)" after its name ("Luật Giao dịch điện tử (sửa đổi) ngày 22/6/2023"), consumed.

    Must match "luat to chuc chinh quyen dia phuong", "luat can bo, cong chuc", a name wrapped over
    a line ("luat to chuc chinh" newline "quyen dia phuong"). Must not match "luat an ninh mang"
    inside "luat an ninh mang2" or a longer word; must not match a name cut short ("luat to chuc
    chinh" alone). plankit.cite also needs a capital L in the original ("pháp luật an ninh mạng
    năm 2018" in running text names no law).
    """
    # every name opens with "luat ": written once, a literal the regex engine looks for fast
    rests = [n.split(" ", 1)[1] for n in names if n.startswith("luat ") and " " in n]
    return (
        rf"luat(?<![a-z]luat)(?P<lname>[ \t\n]+{alternation(rests)})(?![a-z0-9])"
        r"(?:[ \t\n]*\([ \t\n]*sua[ \t\n]+doi(?:,?[ \t\n]+bo[ \t\n]+sung)?[ \t\n]*\))?"
    )


# The year after a law's name: "năm 2015" or the bare year ("Luật Đất đai 2024"). Must match
# " nam 2015", " 2024", ", nam 2025"; must not match " nam 2015/..." or "2015-2020" (a period).
LAW_YEAR = re.compile(rf"[ \t\n]*,?[ \t\n]*(?:nam[ \t\n]+)?(?P<year>{YEAR})(?![\d/\-])")

# A number right after a law's name (and its date or year): "số 72/2025/QH15", "72/2025/QH15",
# "(số 72/2025/QH15)"; then the number speaks for itself and the name is not read.
LAW_NUMBER_AHEAD = re.compile(r"[ \t\n,(]*(?:s[o06b5][ \t]*:?[ \t\n]*)?\d")

# The end of the clause a law's name is in: a semicolon or a line break.
CLAUSE_END = re.compile(r"[;\n]")

# What comes before an amended law's name inside an amending law's name: "Luật sửa đổi, bổ sung
# một số điều của Luật A và Luật B": A and B are not cited there. Folded, searched in the clause
# before the name. Must match "luat sua doi, bo sung mot so dieu cua ", "... cua luat a va ";
# must not match "can cu " or "theo quy dinh cua ".
AMENDING = re.compile(r"sua[ \t\n]+doi,?[ \t\n]+bo[ \t\n]+sung[^;]*(?:cua|va)[ \t\n]+\Z")


# -- between two citations of the basis (see plankit.cite.extraction._gap) ------------------------

# A new clause between two citations: a semicolon, a full stop before white space, or a line that
# opens with a list mark, a number ("2.") or a basis opening (group ``open``: it must be written
# with a capital, "Căn cứ", else it is a wrapped line: "về việc" newline "thực hiện ...").
# Must match "; ", ".\n", "\n- ", "\n2. ", "\ncan cu "; must not match "15.7" or a wrapped line
# ("cua\nchinh phu").
CLAUSE_BREAK = re.compile(r";|\.\s|\n[ \t]*(?:[-+•*]|\d{1,2}[.)][ \t]|(?P<open>can[ \t]+cu|thuc[ \t]+hien|trien[ \t]+khai|theo)(?![a-z]))")

# A line break at the end of a gap between citations (right before the second one's type
# word), and the last word before it.
LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*\Z")
LAST_WORD = re.compile(r"([a-z]+)[^a-z]*\Z")

# Words a line of a clause wrapped over lines ends with: they want what follows ("của" newline
# "Nghị định ..."). A line ending in any other word, then a type word, is a new line of a list.
LINKS = frozenset([
    "cua", "tai", "theo", "va", "ve", "voi", "so", "cac", "nhung", "hanh", "duyet", "sung", "doi",
    "khai", "hien", "dan", "trien", "thuc", "cu", "can", "dieu", "the", "bo", "tiet", "thi",
])

# Words of a gap that only join a list of citations ("Nghị định A, Nghị định B và Thông tư C").
GAP_WORD = re.compile(r"[a-z0-9]+")
LIST_WORDS = frozenset({"va", "cung", "hoac", "cac"})

# The end of a gap that starts another document of a list after a description: "..., " or
# "... và " (then the type word). Must match ", " and " va "; must not match "cua ".
LIST_TAIL = re.compile(r"(?:,|(?<![a-z])va)[ \t\n]*\Z")

# -- context -------------------------------------------------------------------------------------

# A header number field "Số:" at the start of a line (OCR "S6:"), right before the number: the
# plan's own number. Must match "\nSố: ", "\n\t  Số:  ", "S6:"; must not match "số" in a sentence.
HEADER_SO = re.compile(r"(?:^|\n)[ \t*#_>]*s[o06b5][ \t]*:[ \t]*$")

# The plan's own number in running text, right before the number: "(Kèm theo Kế hoạch số ...)"
# (an appendix names the plan it belongs to) and "ban hành Kế hoạch số ..." (a news article says
# the department issued it; plankit.cite also requires a department's number).
# Must match "(kem theo ke hoach so ", "da ban hanh ke hoach so ". Must not match "kem theo" without
# the parenthesis ("ban hành kèm theo Quyết định số ..." names another document).
KEM_THEO = re.compile(r"\([ \t]*kem[ \t\n]+theo[ \t\n]+(?:[a-z]+[ \t\n]+){1,3}(?:s[o06b5][ \t]*:?[ \t]*)?$")
BAN_HANH = re.compile(r"ban[ \t\n]+hanh[ \t\n]+(?:[a-z]+[ \t\n]+){1,3}(?:s[o06b5][ \t]*:?[ \t]*)?$")

# -- programmes ----------------------------------------------------------------------------------


def _word(word: str) -> str:
    """One folded word, tolerating one OCR-damaged letter in words of four letters or more."""
    if word.isdigit() or len(word) < 4:
        return re.escape(word)
    return re.escape(word[0]) + rf"[^\W\d_]{{{len(word) - 2},{len(word)}}}"


def programme_pattern(folded_name: str) -> tuple[str, str]:
    """The first word of a folded programme name and a pattern for the rest of it.

    The first word is matched exactly (so the regex engine can look for it as a literal, fast);
    the rest tolerates what programmes.tsv describes.

    >>> import re
    >>> first, rest = programme_pattern("chuong trinh tong the cai cach hanh chinh giai doan 2021-2030")
    >>> p = re.compile(first + rest)
    >>> bool(p.search("chuong trinh teng the cchc giai doan 2021 - 2030"))
    True
    >>> bool(p.search("chuong trinh tong the cchc giai doan 2011-2020"))
    False
    """
    text = " ".join(folded_name.replace(",", " , ").split())
    text = text.replace("cai cach hanh chinh", "\x00")
    first, *words = text.split(" ")
    parts = []
    for token in words:
        if token == "\x00":
            parts.append(r"(?:c[a-z]{2,3}\s+c[a-z]{2,3}\s+h[a-z]{2,3}\s+ch[a-z]{2,4}|cchc)")
        elif re.fullmatch(r"\d{4}-\d{4}", token):
            a, b = token.split("-")
            parts.append(rf"{a}\s*-\s*{b}")
        elif token == ",":
            parts.append(",?")
        else:
            parts.append(_word(token))
    rest = "".join(r"\s+" + p for p in parts).replace(r"\s+,?\s+", r"\s*,?\s+")
    head = re.escape(first)
    return rf"{head}(?<![a-z]{head})", rf"{rest}(?![a-z0-9])"
