"""Styles and numbering of a .docx, as the body walk of :mod:`._docx` looks them up.

* :class:`_Styles`: a paragraph or run style's font and automatic numbering, inherited through
  ``w:basedOn``; styles.xml is parsed on the first lookup;
* :class:`_Numbering`: the counters of numbering.xml's lists, advanced paragraph by paragraph,
  giving the label Word shows (``I.``, ``1.``, ``a)``, ``-``).

The WordprocessingML namespace and the hardened parser every part of the package is read with
live here too: styles.xml is parsed on demand from here, and :mod:`._docx` imports them, so the
two modules depend one way only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..errors import ReadError
from ._limits import MAX_LABEL_CHARS, MAX_NUMBER_START, MAX_STYLE_DEPTH, doctype_refused

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Tags, built once (as in ._docx): styles are looked up for every paragraph.
_W_abstractNum, _W_abstractNumId, _W_ascii, _W_asciiTheme, _W_basedOn, _W_default = (
    _W + n for n in ("abstractNum", "abstractNumId", "ascii", "asciiTheme", "basedOn", "default")
)
_W_docDefaults, _W_hAnsi, _W_hAnsiTheme, _W_ilvl, _W_isLgl, _W_lvl = (
    _W + n for n in ("docDefaults", "hAnsi", "hAnsiTheme", "ilvl", "isLgl", "lvl")
)
_W_lvlOverride, _W_num, _W_numId, _W_numPr, _W_pPr, _W_rFonts = (
    _W + n for n in ("lvlOverride", "num", "numId", "numPr", "pPr", "rFonts")
)
_W_rPr, _W_startOverride, _W_style, _W_styleId, _W_type, _W_val = (
    _W + n for n in ("rPr", "startOverride", "style", "styleId", "type", "val")
)

# The parser of every part: no entities, no network, no DTD, no huge trees. The DOCTYPE check
# runs before it anyway (python-docx's own parser only sets resolve_entities=False).
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False
)


def _parse(raw: bytes, name: str, path: str | None):
    try:
        root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ReadError(path, f"tệp .docx hỏng ({name} không phải XML hợp lệ) / damaged .docx ({name} is not well-formed XML: {exc})") from None
    # Whatever encoding hid it from the byte-level check, the parser saw the DOCTYPE.
    if root.getroottree().docinfo.doctype:
        raise ReadError(path, doctype_refused(name))
    return root


# ------------------------------------------------------------------------------------------------
# Styles (fonts and numbering inherited through styles) and numbering


@dataclass
class _Style:
    based_on: str | None = None
    font: str | None = None  # "" = an explicit non-legacy (theme) font
    num: tuple[str, int | None] | None = None


def _rfonts_name(rpr) -> str | None:
    if rpr is None:
        return None
    rfonts = rpr.find(_W_rFonts)
    if rfonts is None:
        return None
    if rfonts.get(_W_hAnsiTheme) or rfonts.get(_W_asciiTheme):
        return ""
    return rfonts.get(_W_hAnsi) or rfonts.get(_W_ascii)


def _num_pr(ppr) -> tuple[str, int | None] | None:
    if ppr is None:
        return None
    num_pr = ppr.find(_W_numPr)
    if num_pr is None:
        return None
    num_id = num_pr.find(_W_numId)
    ilvl = num_pr.find(_W_ilvl)
    level = _int(ilvl.get(_W_val)) if ilvl is not None else None
    return (num_id.get(_W_val, "0") if num_id is not None else "", level)


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _Styles:
    """Paragraph and run styles, read on demand: a style's font and numbering, through basedOn.

    styles.xml is parsed on the first lookup: a document whose paragraphs name no style and
    use no legacy font never pays for it (python-docx's template carries a 350 KB styles.xml).
    """

    def __init__(self, root=None, loader=None, path: str | None = None):
        self._loader = loader
        self.path = path
        self.elements: dict[str, object] = {}
        self.cache: dict[str, _Style] = {}
        # A style's inherited font and numbering, resolved once: a paragraph costs one lookup
        # however long its basedOn chain (a 1,000-deep chain read per paragraph was quadratic).
        self.fonts: dict[str, str | None] = {}
        self.nums: dict[str, tuple[str, int | None] | None] = {}
        self.default_paragraph: str | None = None
        self.default_font: str | None = None
        if root is not None:
            self._index(root)

    @classmethod
    def lazy(cls, raw: bytes | None, path: str | None, *, eager: bool) -> _Styles:
        if raw is None:
            return cls()
        if eager:
            return cls(_parse(raw, "styles.xml", path), path=path)
        return cls(loader=lambda: _parse(raw, "styles.xml", path), path=path)

    def _index(self, root) -> None:
        defaults = root.find(_W_docDefaults)
        if defaults is not None:
            self.default_font = _rfonts_name(defaults.find(f"{_W}rPrDefault/{_W}rPr"))
        sid_attr, default_attr = _W_styleId, _W_default
        for style in root.iterchildren(_W_style):
            sid = style.get(sid_attr)
            if sid:
                self.elements[sid] = style
                if (
                    style.get(default_attr) in ("1", "true", "on")
                    and style.get(_W_type) == "paragraph"
                ):
                    self.default_paragraph = sid

    def _load(self) -> None:
        if self._loader is not None:
            loader, self._loader = self._loader, None
            self._index(loader())

    def _style(self, sid: str) -> _Style | None:
        self._load()
        style = self.cache.get(sid)
        if style is None:
            el = self.elements.get(sid)
            if el is None:
                return None
            based = el.find(_W_basedOn)
            style = _Style(
                based_on=based.get(_W_val) if based is not None else None,
                font=_rfonts_name(el.find(_W_rPr)),
                num=_num_pr(el.find(_W_pPr)),
            )
            self.cache[sid] = style
        return style

    def _chain(self, sid: str | None):
        seen = set()
        while sid and sid not in seen:
            style = self._style(sid)
            if style is None:
                return
            if len(seen) >= MAX_STYLE_DEPTH:
                raise ReadError(
                    self.path,
                    f"từ chối: kiểu {sid!r} kế thừa qua hơn {MAX_STYLE_DEPTH} kiểu (w:basedOn) / "
                    f"refused: style {sid!r} inherits through more than {MAX_STYLE_DEPTH} styles (w:basedOn)",
                )
            seen.add(sid)
            yield style
            sid = style.based_on

    def _inherited(self, sid: str, memo: dict, attr: str):
        if sid in memo:
            return memo[sid]
        value = None
        for style in self._chain(sid):
            value = getattr(style, attr)
            if value is not None:
                break
        memo[sid] = value
        return value

    def font(self, sid: str | None) -> str | None:
        return self._inherited(sid, self.fonts, "font") if sid else None

    def paragraph_font(self, psid: str | None) -> str | None:
        self._load()
        font = self.font(psid or self.default_paragraph)
        return font if font is not None else self.default_font

    def num(self, psid: str | None) -> tuple[str, int | None] | None:
        if psid is None:
            # Word's default paragraph style ("Normal") carries no numbering: an unstyled
            # paragraph is numbered by its own w:numPr only, and styles.xml stays unparsed.
            return None
        return self._inherited(psid, self.nums, "num")


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"
    legal: bool = False


def _start(value: str | None, path: str | None) -> int:
    """A list's start value; past Word's own maximum the file was not written by Word."""
    if value is None:
        return 1
    digits = value.strip().lstrip("+-")
    if len(digits) > 9 or (_int(value, 1) or 0) > MAX_NUMBER_START:
        shown = f"{value[:20]}{'...' if len(value) > 20 else ''}"
        raise ReadError(
            path, f"từ chối: danh sách đánh số bắt đầu từ {shown} (Word cho phép tối đa {MAX_NUMBER_START}) / "
                  f"refused: a numbered list starts at {shown} (Word allows at most {MAX_NUMBER_START})"
        )
    return _int(value, 1) or 0


def _level_of(lvl, path: str | None = None) -> _Level:
    def val(tag: str) -> str | None:
        el = lvl.find(_W + tag)
        return el.get(_W_val) if el is not None else None

    text = val("lvlText") if val("lvlText") is not None else ""
    if len(text) > MAX_LABEL_CHARS:
        raise ReadError(path, f"từ chối: mẫu đánh số dài {len(text)} ký tự (giới hạn {MAX_LABEL_CHARS}) / "
                              f"refused: a numbering level's text is {len(text)} characters long "
                              f"(the limit is {MAX_LABEL_CHARS})")
    return _Level(
        fmt=val("numFmt") or "decimal",
        text=text,
        start=_start(val("start"), path),
        suffix=val("suff") or "tab",
        legal=lvl.find(_W_isLgl) is not None,
    )


_ROMAN = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"],
        strict=True,
    )
)


def _roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)


def _format_number(n: int, fmt: str) -> str:
    """The number ``n`` as a numbering format shows it (counters stay below
    :data:`~._limits.MAX_NUMBER_START` plus the paragraphs of a document).

    >>> _format_number(14, "upperRoman"), _format_number(28, "lowerLetter"), _format_number(7, "decimalZero")
    ('XIV', 'bb', '07')
    """
    if fmt in ("upperRoman", "lowerRoman") and n > 0:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class _Numbering:
    """Counters of automatic numbering, advanced paragraph by paragraph in reading order.

    A list's levels are read from numbering.xml the first time a paragraph uses it.
    """

    def __init__(self, root, path: str | None = None):
        self.path = path
        self.abstract: dict[str, object] = {}
        self.nums: dict[str, object] = {}
        self.levels: dict[str, dict[int, _Level]] = {}
        self.starts: dict[str, dict[int, int]] = {}
        self.counters: dict[str, list[int | None]] = {}
        if root is None:
            return
        for an in root.iterchildren(_W_abstractNum):
            self.abstract[an.get(_W_abstractNumId, "")] = an
        for num in root.iterchildren(_W_num):
            num_id = num.get(_W_numId)
            if num_id:
                self.nums[num_id] = num

    def _load(self, num_id: str) -> dict[int, _Level]:
        levels = self.levels.get(num_id)
        if levels is not None:
            return levels
        levels, starts = {}, {}
        num = self.nums.get(num_id)
        ref = num.find(_W_abstractNumId) if num is not None else None
        an = self.abstract.get(ref.get(_W_val, "")) if ref is not None else None
        if an is not None:
            for lvl in an.iterchildren(_W_lvl):
                ilvl = _int(lvl.get(_W_ilvl))
                if ilvl is not None and 0 <= ilvl < 9:
                    levels[ilvl] = _level_of(lvl, self.path)
        if num is not None:
            for override in num.iterchildren(_W_lvlOverride):
                ilvl = _int(override.get(_W_ilvl))
                if ilvl is None:
                    continue
                start = override.find(_W_startOverride)
                if start is not None:
                    starts[ilvl] = _start(start.get(_W_val), self.path)
                lvl = override.find(_W_lvl)
                if lvl is not None:
                    levels[ilvl] = _level_of(lvl, self.path)
        self.levels[num_id] = levels
        self.starts[num_id] = starts
        return levels

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of ``num_id`` at level ``ilvl`` and return the label Word shows."""
        levels = self._load(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [None] * 9)
        level = levels[ilvl]
        start = self.starts[num_id].get(ilvl, level.start)
        current = counters[ilvl]
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level.fmt == "bullet":
            label = "".join("•" if "\uf000" <= c <= "\uf0ff" else c for c in level.text)
        else:

            def number(m: re.Match[str]) -> str:
                k = int(m.group(1)) - 1
                lv = levels.get(k, _Level())
                value = counters[k]
                if value is None:
                    value = self.starts[num_id].get(k, lv.start)
                fmt = "decimal" if level.legal and lv.fmt != "none" else lv.fmt
                return _format_number(value, fmt)

            label = re.sub(r"%([1-9])", number, level.text)
            if len(label) > MAX_LABEL_CHARS:
                raise ReadError(self.path, f"từ chối: nhãn đánh số dài {len(label)} ký tự (giới hạn {MAX_LABEL_CHARS}) / "
                                           f"refused: a numbering label is {len(label)} characters long "
                                           f"(the limit is {MAX_LABEL_CHARS})")
        label = label.strip()
        if not label:
            return ""
        return label if level.suffix == "nothing" else label + " "
