"""Text normalisation: NFC, one folding function for comparison, tokens, line positions (and
:func:`fast_init`, the faster constructor of the frozen values every layer makes).

Three rules hold everywhere in plankit:

* text is NFC (:func:`nfc`), and every span is an offset into that text;
* comparisons go through :func:`fold`, which drops diacritics, maps đ to d and lower-cases, one
  character for one character, so a match found in the folded text is a span of the original;
* users always see the original text, never the folded one.
"""

from __future__ import annotations

import bisect
import codecs
import dataclasses
import inspect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "CODE_CHARS",
    "LineIndex",
    "Token",
    "alternation",
    "byte_code",
    "fast_init",
    "fold",
    "fold_equal",
    "is_upper_text",
    "nfc",
    "one_line",
    "pickle_by_fields",
    "tokenize",
    "tone_key",
]

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SPECIAL = {"đ": "d", "Đ": "d", "\u00d0": "d", "\u00f0": "d"}  # đ, Đ, and the look-alikes Ð, ð


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC with Windows and old Mac line ends made ``\\n``.

    >>> nfc("Ho\u0300a") == "Hòa"
    True
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


class _FoldTable(dict):
    """A ``str.translate`` table that computes and caches the folded form of each character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in _SPECIAL:
            out = _SPECIAL[ch]
        elif unicodedata.combining(ch):
            out = ch  # a lone combining mark keeps its place: folding never changes length
        else:
            base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            low = (base or ch).lower()
            out = low[0] if low else ch
        self[code] = out
        return out


_FOLD = _FoldTable()

# Below this code point (Latin, Vietnamese, Greek, Cyrillic, punctuation, letterlike symbols) a
# list indexed by code point folds: str.translate reads a list faster than a dict subclass.
# Text holding anything above it (CJK, full-width forms, other planes) folds through _FOLD.
_FOLD_LIST_END = 0x3000
_ABOVE_LIST = re.compile("[\u3000-\U0010ffff]")


@lru_cache(maxsize=1)
def _fold_list() -> list[str]:
    table = []
    for code in range(_FOLD_LIST_END):
        ch = chr(code)
        if ch.isascii():
            table.append(ch.lower())
        elif unicodedata.decomposition(ch) or ch.lower() != ch or ch in _SPECIAL:
            table.append(_FOLD[code])
        else:
            table.append(ch)  # nothing to strip or lower: _FOLD would give ch itself
    return table


# The characters of Vietnamese text, each given one byte of an 8-bit code: NUL (the code's byte 0,
# as codecs.charmap_build requires), the ASCII that text holds, the 134 Vietnamese letters with
# diacritics and the punctuation common in plans. Through it a text folds in two passes in C
# (charmap_encode to the code, charmap_decode to the folded letters), some eight times faster
# than str.translate, which looks every character up in a Python table. Text with other
# characters folds the same way around them (see _fold_coded).
_VIETNAMESE_LETTERS = "".join(
    chr(c) for a, b in ("ÀÃ", "ÈÊ", "ÌÍ", "ÒÕ", "ÙÚ", "ÝÝ", "àã", "èê", "ìí", "òõ", "ùú", "ýý",
                        "Ăă", "Đđ", "Ĩĩ", "Ũũ", "Ơơ", "Ưư", "Ạỹ")
    for c in range(ord(a), ord(b) + 1)
)
CODE_CHARS = "\x00\t\n\r" + "".join(map(chr, range(32, 127))) + _VIETNAMESE_LETTERS + (
    "\xa0–—…“”‘’•°§²³«»·×±≤≥→" + "\x0b\x0c")
_CODED = CODE_CHARS
_CHARMAP_ENCODE = codecs.charmap_encode
_CHARMAP_DECODE = codecs.charmap_decode


@lru_cache(maxsize=1)
def _fold_code() -> tuple[object, str]:
    """The encoding map of :data:`CODE_CHARS` and the folded character of each byte."""
    assert len(_CODED) == len(set(_CODED)) <= 256
    table = _CODED.ljust(256, "\ufffe")  # U+FFFE marks an unused byte
    return codecs.charmap_build(table), "".join(_fold_table(c) for c in _CODED).ljust(256, "\ufffe")


def byte_code(text: str) -> bytes | None:
    """``text`` with each character as one byte, its index in :data:`CODE_CHARS` (the
    characters of Vietnamese text: ASCII, the 134 letters with diacritics, common punctuation),
    or None when ``text`` holds another character. A pass in C: the bytes can then be counted
    or classified by ``bytes.translate``, far faster than a loop over the characters.

    >>> byte_code("Kế") == bytes([CODE_CHARS.index(c) for c in "Kế"]), byte_code("Жизнь")
    (True, None)
    """
    try:
        return _CHARMAP_ENCODE(text, "strict", _fold_code()[0])[0]
    except UnicodeEncodeError:
        return None


def _fold_table(text: str) -> str:
    """``fold`` by a table lookup per character (any text)."""
    if _ABOVE_LIST.search(text):
        return text.translate(_FOLD)
    return text.translate(_fold_list())


def _fold_coded(text: str) -> str:
    """``fold`` through the 8-bit code of :data:`_CODED`; a run of characters outside it is
    folded by the table (a dozen such runs, then the rest of the text)."""
    encode_map, folded_bytes = _fold_code()
    pieces = []
    pos = 0
    for _ in range(12):
        rest = text[pos:] if pos else text
        try:
            coded = _CHARMAP_ENCODE(rest, "strict", encode_map)[0]
        except UnicodeEncodeError as exc:  # [exc.start, exc.end): a run of other characters
            if exc.start:
                pieces.append(_CHARMAP_DECODE(_CHARMAP_ENCODE(rest[: exc.start], "strict", encode_map)[0], "strict", folded_bytes)[0])
            pieces.append(_fold_table(rest[exc.start : exc.end]))
            pos += exc.end
            continue
        pieces.append(_CHARMAP_DECODE(coded, "strict", folded_bytes)[0])
        return "".join(pieces)
    pieces.append(_fold_table(text[pos:]))
    return "".join(pieces)


def fold(text: str) -> str:
    """Fold ``text`` for comparison: no diacritics, đ as d, lower case; same length as ``text``.

    Because folding maps one character to one character, an offset found in ``fold(t)`` is an
    offset in ``t``. Old and new tone placement (hòa, hoà) fold to the same string.

    >>> fold("Đảng Cộng sản Việt Nam")
    'dang cong san viet nam'
    >>> fold("hòa") == fold("hoà") == fold("HOA")
    True
    >>> len(fold("Thừa Thiên Huế")) == len("Thừa Thiên Huế")
    True
    """
    if text.isascii():  # OCR'd lines often are: nothing to strip
        return text.lower()
    if len(text) < 16:  # a word or two: the table is as fast
        return _fold_table(text)
    return _fold_coded(text)


def fold_equal(a: str, b: str) -> bool:
    """Whether two strings are the same once folded and with runs of white space collapsed.

    >>> fold_equal("Sở  Khoa học", "SO KHOA HOC")
    True
    """
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


_WORD_RE = re.compile(r"\w+")


def one_line(text: str) -> str:
    """White space collapsed: a paragraph wrapped over lines becomes one line.

    >>> one_line("  Căn cứ Nghị quyết số 76/NQ-CP\\n ngày 15/7/2021 ")
    'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021'
    """
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def _tone_key_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    marks = [c for c in decomposed if c in _TONE_MARKS]
    if not marks:
        return unicodedata.normalize("NFC", decomposed)
    rest = "".join(c for c in decomposed if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", rest) + "".join(marks)


def tone_key(text: str) -> str:
    """A key that keeps diacritics but ignores where the tone mark sits (hòa = hoà, thủy = thuỷ).

    Use it where a comparison must tell "hòa" from "hoa" but not "hòa" from "hoà".

    >>> tone_key("hòa bình") == tone_key("hoà bình")
    True
    >>> tone_key("hòa") == tone_key("hoa")
    False
    """
    return _WORD_RE.sub(lambda m: _tone_key_word(m.group()), unicodedata.normalize("NFC", text))


_QUANTIFIERS = ("?", "*", "+", "{")


def alternation(alternatives: Sequence[str]) -> str:
    r"""One regex group that matches what ``(?:a|b|...)`` matches, faster: alternatives that
    start with the same letter share it (a trie over their leading letters and digits).

    The regex engine tries every alternative of a group at every position of a text; a list of
    names or misspellings (``(?<!\w)(?:so\s+noi\s+vu|so\s+tai\s+chinh|...)``) then costs one
    test per alternative per character. Grouped, it costs one per distinct first letter.
    Alternatives that can match at the same position keep their order, so every match is the
    same. The alternatives must hold no capturing group.

    >>> print(alternation([r"so\s+noi\s+vu", r"so\s+tai\s+chinh", r"bo\s+y\s+te"]))
    (?:so(?:\s+noi\s+vu|\s+tai\s+chinh)|bo\s+y\s+te)
    >>> pattern = re.compile(alternation(["ab", "a", "abc", "b?d"]))
    >>> [m.group() for m in pattern.finditer("abc a d bd")]
    ['ab', 'a', 'd', 'bd']
    """
    for alt in alternatives:
        if re.compile(alt).groups:
            raise ValueError(f"alternation: {alt!r} holds a capturing group")
    return "(?:" + "|".join(_trie(list(alternatives))) + ")"


def _trie(alternatives: list[str]) -> list[str]:
    """The alternatives of one group, those with a common first character merged under it."""
    # A first character can be shared when it is a letter or digit that no quantifier follows
    # ("b?d" keeps its "b"), in every alternative of the group.
    if len(alternatives) < 2 or not all(
        a[:1].isalnum() and a[1:2] not in _QUANTIFIERS for a in alternatives
    ):
        return alternatives
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        groups.setdefault(alt[0], []).append(alt[1:])
    out = []
    for first, rests in groups.items():
        inner = _trie(rests)
        out.append(first + (f"(?:{'|'.join(inner)})" if len(inner) > 1 else inner[0]))
    return out


def is_upper_text(text: str, threshold: float = 0.8) -> bool:
    """Whether at least ``threshold`` of the letters in ``text`` are upper case.

    >>> is_upper_text("MỤC ĐÍCH, YÊU CẦU"), is_upper_text("Mục đích")
    (True, False)
    """
    coded = byte_code(text)
    if coded is not None:  # each letter as "U" or "l", the rest deleted: counted in C
        cases = coded.translate(_CASE_OF_BYTE, _NOT_A_LETTER)
        return bool(cases) and cases.count(b"U") / len(cases) >= threshold
    letters = "".join(filter(str.isalpha, text))
    if not letters:
        return False
    return sum(map(str.isupper, letters)) / len(letters) >= threshold


# The byte code's letters by case, for is_upper_text.
_CASE_OF_BYTE = bytes(
    (ord("U") if c.isupper() else ord("l")) if c.isalpha() else 0 for c in CODE_CHARS.ljust(256, "\ufffe"))
_NOT_A_LETTER = bytes(b for b, c in enumerate(CODE_CHARS.ljust(256, "\ufffe")) if not c.isalpha())


@dataclass(frozen=True, slots=True)
class Token:
    """A token of plan text: ``kind`` is ``docnum``, ``number``, ``word`` or ``punct``."""

    text: str
    start: int
    end: int
    kind: str

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.kind}, {self.start}:{self.end})"


#: A document number as one token of the original text: 76/NQ-CP, 45/2020/NĐ-CP, 26-CTr/TU,
#: 01/2020/TTLT-BTC-BNV, 80/2015/QH13, 15a/2025/NĐ-CP. Dates (15/7/2021) are not document
#: numbers: the part after the slash must hold a letter. A suffix letter may be a capital
#: (15A/2025/NĐ-CP, which plankit.cite reads as 15a/2025/NĐ-CP). Reading a number's parts is
#: plankit.cite's, above this layer; this is its shape only.
DOCNUM = r"\d+[a-zA-Z]?(?:/\d{4})?(?:/[^\W\d_]\w*(?:-\w+)*|-[^\W\d_]\w*/[^\W\d_]\w*)"

_TOKEN_RE = re.compile(
    rf"""
    (?P<docnum>{DOCNUM})
    |(?P<number>\d+(?:[.,/]\d+)*)
    |(?P<word>[^\W\d_]+(?:[-'][^\W\d_]+)*)
    |(?P<punct>[^\w\s])
    """,
    re.VERBOSE,
)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens, keeping document numbers such as ``76/NQ-CP`` whole.

    >>> [t.text for t in tokenize("Nghị quyết số 76/NQ-CP ngày 15/7/2021")]
    ['Nghị', 'quyết', 'số', '76/NQ-CP', 'ngày', '15/7/2021']
    >>> [t.kind for t in tokenize("26-CTr/TU, 45/2020/NĐ-CP")]
    ['docnum', 'punct', 'docnum']
    """
    return [Token(m.group(), m.start(), m.end(), m.lastgroup or "punct") for m in _TOKEN_RE.finditer(text)]


class LineIndex:
    """Maps offsets in a text to 1-based (line, column) and back, in O(log n).

    >>> idx = LineIndex("ab\\ncd\\n")
    >>> idx.position(3), idx.offset(2, 1)
    ((2, 1), 3)
    """

    __slots__ = ("_starts",)

    def __init__(self, text: str):
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of ``offset``."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """The offset of a 1-based line and column."""
        return self._starts[line - 1] + column - 1

    def line_span(self, line: int, text_length: int) -> tuple[int, int]:
        """Start and end offsets of a 1-based line (without its newline)."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else text_length
        return start, end

    def __len__(self) -> int:
        return len(self._starts)


# -- values -----------------------------------------------------------------------------------


def pickle_by_fields(cls: type) -> type:
    """Pickle the frozen dataclass ``cls`` as ``cls(*fields)``, and return it.

    Python pickles a ``slots=True`` dataclass through the ``__getstate__`` and ``__setstate__``
    that :mod:`dataclasses` writes, which call :func:`dataclasses.fields` for every object, each
    way: about 3 µs per object against 1 µs by the constructor. A plan holds some four hundred
    spans, blocks, cells and source references (:mod:`plankit.model`), and
    :func:`plankit.corpus.map_corpus` and ``read_corpus`` send plans (or records made of these
    values) from their worker processes back to the parent, which unpickles every one. The
    values arrive the same: equal, every field alike.

    Only for classes whose every field is an ``__init__`` parameter and that have no
    ``__post_init__`` (the constructor must store, not compute).

    >>> @pickle_by_fields
    ... @dataclass(frozen=True, slots=True)
    ... class Pair:
    ...     left: int
    ...     right: int = 0
    >>> cls, fields = Pair(1, 2).__reduce__()
    >>> cls is Pair, fields, cls(*fields) == Pair(1, 2)
    (True, (1, 2), True)
    """
    from operator import attrgetter

    fields = dataclasses.fields(cls)
    if hasattr(cls, "__post_init__") or not all(f.init for f in fields):
        raise TypeError(f"pickle_by_fields: {cls.__name__}'s constructor computes fields")
    names = tuple(f.name for f in fields)
    get = attrgetter(*names)
    if len(names) == 1:
        def __reduce__(self):
            return cls, (get(self),)
    else:
        def __reduce__(self):
            return cls, get(self)
    __reduce__.__qualname__ = f"{cls.__qualname__}.__reduce__"
    cls.__reduce__ = __reduce__
    return cls


def fast_init(cls: type) -> type:
    """Give the frozen dataclass ``cls`` a faster ``__init__``, with the same parameters and
    defaults, and return it.

    A frozen dataclass's generated ``__init__`` stores each field with ``object.__setattr__(self,
    name, value)`` (its own ``__setattr__`` refuses), a generic attribute lookup per field.
    Reading one plan makes some four hundred spans, blocks, sections and cells, and that lookup
    was a tenth of the reader's time. This ``__init__`` stores each field straight into its slot
    (through the slot's descriptor) or into the instance dict. All else the dataclass made
    (fields, ``replace``, equality, order, hash, repr, pickling) stays as it was.

    Only for classes whose fields all take plain defaults: a ``default_factory``, a field left
    out of ``__init__``, an ``InitVar`` or a ``__post_init__`` need the generated one.

    >>> from dataclasses import dataclass, replace
    >>> @fast_init
    ... @dataclass(frozen=True, slots=True)
    ... class Pair:
    ...     left: int
    ...     right: int = 0
    >>> Pair(1), Pair(1, right=2) == Pair(1, 2), replace(Pair(1), right=3)
    (Pair(left=1, right=0), True, Pair(left=1, right=3))
    """
    if not dataclasses.is_dataclass(cls) or not cls.__dataclass_params__.frozen:
        raise TypeError(f"fast_init: {cls.__name__} is not a frozen dataclass")
    generated = list(inspect.signature(cls.__init__).parameters)[1:]
    if hasattr(cls, "__post_init__") or generated != [f.name for f in dataclasses.fields(cls)]:
        raise TypeError(f"fast_init: {cls.__name__} has a __post_init__ or an InitVar")
    slotted = "__slots__" in cls.__dict__
    namespace: dict[str, object] = {}
    params: list[str] = []
    stores: list[str] = [] if slotted else ["    _instance_dict = self.__dict__"]
    for f in dataclasses.fields(cls):
        if f.default_factory is not dataclasses.MISSING or not f.init or f.kw_only:
            raise TypeError(f"fast_init: {cls.__name__}.{f.name} needs the generated __init__")
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        if slotted:
            namespace[f"_store_{f.name}"] = cls.__dict__[f.name].__set__  # the slot's descriptor
            stores.append(f"    _store_{f.name}(self, {f.name})")
        else:
            stores.append(f"    _instance_dict[{f.name!r}] = {f.name}")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(stores) + "\n"
    exec(source, namespace)  # as dataclasses makes the __init__ it replaces
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__module__ = cls.__module__  # type: ignore[attr-defined]
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[misc]
    return cls
