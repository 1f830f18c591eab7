"""A .docx into a :class:`Layout`: the body's paragraphs and tables in reading order.

The package is resolved as OPC says (content types, relationships, the main document part) and
the body XML is walked once, by hand: python-docx's ``Paragraph.text`` drops the text of tracked
insertions, and opening a package with python-docx costs more than the whole read.
The text is what Word shows with every tracked change accepted:

* text inside ``w:ins`` and ``w:moveTo`` is read; ``w:del``/``w:delText`` and ``w:moveFrom`` are
  not; a paragraph whose mark was deleted joins the next one; deleted table rows are dropped;
* content controls (``w:sdt``), custom XML, hyperlinks, smart tags and simple fields are read
  through; field instructions (``w:instrText``) are not, field results are;
* automatic numbering (``w:numPr``, directly or through the paragraph style) is written out as
  Word shows it (``I.``, ``1.``, ``a)``, ``-``), followed by one space;
* text typed in legacy fonts (TCVN3 ``.VnTime``/``.VnTimeH``, ``VNI-Times``) is converted to
  Unicode; the upper-case ``...H`` fonts give capitals;
* text boxes are read as lines after the paragraph that anchors them.

Layout of ``Layout.text``: one line per body paragraph; a soft line break (``w:br``, ``w:cr``)
inside a paragraph starts a new line, and each such line is its own :class:`Line` with the
paragraph's :class:`SourceRef` (its span leaves out indentation and trailing blanks); blank lines
stay in the text but get no ``Line``. A table is one
line per row (a cell of several paragraphs spans several lines), cells separated by ``\\t``.
Merged cells: a horizontal merge (``w:gridSpan``) is one cell; a cell continuing a vertical merge
adds no text, and its :class:`RawCell` points at the span of the cell that starts the merge, so
each row of the table carries the merged value (an activity table's "Cơ quan chủ trì" merged over
three rows gives each of the three activities its host). A table nested in a cell is flattened
into the cell, one line per paragraph.

Every hostile or broken file raises :class:`ReadError` naming the file: not a zip archive, a
truncated archive, no ``word/document.xml``, an old binary .doc, a password-protected file, a zip
bomb (limits in :mod:`._limits`), and XML carrying a DOCTYPE (entity expansion is never allowed:
the parts are checked before any parser sees them).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from ..errors import ReadError
from ..model import ReadWarning, SourceRef, Span
from ..text import fold, nfc
from ._decode import convert_legacy_font_text, legacy_font_encoding
from ._docx_styles import (
    _W,
    _int,
    _num_pr,
    _Numbering,
    _parse,
    _rfonts_name,
    _Styles,
    _W_pPr,
    _W_rPr,
    _W_val,
)
from ._layout import Layout, Line, RawCell, RawTable
from ._limits import (
    EMPTY,
    ENCRYPTED_ZIP,
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    MAX_XML_PART_BYTES,
    check_zip_members,
    doctype_refused,
    part_too_large,
    too_large,
)
from ._text import drop_copy_chars
from ._units import DOC_TYPE_WORDS, NATIONAL_MOTTO, PLACE_DATE

__all__ = ["read_docx"]

_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# Tags, built once: the walk compares tags for every element (styles and numbering build
# theirs in ._docx_styles, which also holds the namespace and the part parser).
_W_altChunk, _W_body, _W_br, _W_cellDel, _W_cellIns, _W_cr = (
    _W + n for n in ("altChunk", "body", "br", "cellDel", "cellIns", "cr")
)
_W_customXml, _W_del, _W_drawing, _W_gridBefore, _W_gridSpan, _W_ins = (
    _W + n for n in ("customXml", "del", "drawing", "gridBefore", "gridSpan", "ins")
)
_W_moveFrom, _W_moveTo, _W_noBreakHyphen, _W_object, _W_p, _W_pStyle = (
    _W + n for n in ("moveFrom", "moveTo", "noBreakHyphen", "object", "p", "pStyle")
)
_W_pict, _W_ptab, _W_r, _W_rStyle, _W_sdt, _W_sdtContent = (
    _W + n for n in ("pict", "ptab", "r", "rStyle", "sdt", "sdtContent")
)
_W_t, _W_tab, _W_tbl, _W_tc, _W_tcPr, _W_tr = (
    _W + n for n in ("t", "tab", "tbl", "tc", "tcPr", "tr")
)
_W_trPr, _W_txbxContent, _W_vMerge = (_W + n for n in ("trPr", "txbxContent", "vMerge"))
_M_oMath, _M_oMathPara, _M_t = (_M + n for n in ("oMath", "oMathPara", "t"))
_MC_AlternateContent, _MC_Choice, _MC_Fallback = (
    _MC + n for n in ("AlternateContent", "Choice", "Fallback")
)
_R_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_CP_KEYWORDS = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"

_WORD_MAIN_TYPES = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)

# A font attribute naming an ABC (TCVN3) or VNI font: only then are run fonts resolved.
_LEGACY_FONT_NAME = re.compile(rb"=\"(?:\.vn|vni-)", re.IGNORECASE)

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted .docx is an OLE2 compound file with these streams (names stored in UTF-16-LE).
_ENCRYPTION_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))

_REVISION_TAGS = (_W_ins, _W_del, _W_moveFrom, _W_moveTo, _W_cellIns, _W_cellDel)
# Containers whose children are read as if they were in the parent.
_INLINE_NAMES = ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "sdtContent")
_TRANSPARENT_INLINE = frozenset(_W + n for n in (*_INLINE_NAMES, "bdo", "dir"))
# What a run element adds to the text, besides w:t.
_RUN_CHARS = {_W_tab: "\t", _W_ptab: "\t", _W_br: "\n", _W_cr: "\n", _W_noBreakHyphen: "-"}
_DRAWINGS = frozenset({_W_drawing, _W_pict, _W_object, _MC_AlternateContent})
_BLOCK_TRANSPARENT = frozenset({_W_customXml, _W_sdtContent})


# ------------------------------------------------------------------------------------------------
# The package: safety checks, then content types and relationships


def _open_zip(data: bytes, path: str | None) -> zipfile.ZipFile:
    if data[:8] == _OLE2_MAGIC:
        if any(name in data for name in _ENCRYPTION_STREAMS):
            raise ReadError(
                path, "tệp .docx có mật khẩu: gỡ mật khẩu trong Word rồi lưu lại / "
                      "password-protected .docx: remove the password in Word and save it again"
            )
        raise ReadError(
            path, "định dạng .doc nhị phân cũ: mở bằng Word hoặc LibreOffice rồi lưu thành .docx / "
                  "old binary .doc format: open it in Word or LibreOffice and save as .docx"
        )
    if not data:
        raise ReadError(path, EMPTY)
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(path, too_large(len(data)))
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        if data[:4] == b"PK\x03\x04":
            raise ReadError(
                path, "tệp .docx hỏng hoặc bị cắt cụt (tệp nén không trọn vẹn) / "
                      "damaged or truncated .docx (the zip archive is incomplete)"
            ) from None
        raise ReadError(path, "không phải tệp .docx (không phải tệp nén zip) / "
                              "not a .docx file (not a zip archive)") from None
    except (ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise ReadError(path, f"tệp .docx hỏng / damaged .docx ({exc})") from None


def _check_members(zf: zipfile.ZipFile, path: str | None) -> list[zipfile.ZipInfo]:
    return check_zip_members(zf.infolist(), path)


def _is_xml_name(name: str) -> bool:
    low = name.lower()
    return low.endswith((".xml", ".rels"))


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: str | None) -> bytes:
    """A member's bytes, never more than its declared size (zipfile stops there)."""
    try:
        with zf.open(info) as fh:
            raw = fh.read(MAX_XML_PART_BYTES + 1)
    except RuntimeError:  # an encrypted member
        raise ReadError(path, ENCRYPTED_ZIP) from None
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
    ) as exc:
        raise ReadError(path, f"tệp .docx hỏng hoặc bị cắt cụt / damaged or truncated .docx "
                              f"({info.filename}: {exc})") from None
    if len(raw) > MAX_XML_PART_BYTES:
        raise ReadError(path, part_too_large(info.filename))
    return raw


_BOMS = (  # (first bytes, codec), longest first: XML 1.0 appendix F
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp037"),
)
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def _has_doctype(raw: bytes) -> bool:
    """Whether an XML part declares a DOCTYPE (and so perhaps entities), which Word never writes.

    A DOCTYPE and its entity declarations can only stand in the prologue, before the root
    element; the prologue is read token by token (XML declaration, processing instructions,
    comments), so a comment cannot hide one. A part in UTF-16, UTF-32, EBCDIC or any encoding
    its XML declaration names is read as text first (the parser's own ``docinfo`` is checked
    after parsing too, see ``_parse``)."""
    head = raw[:4]
    codec = next((c for bom, c in _BOMS if head.startswith(bom)), None)
    if codec is None:
        declared = _DECLARED.match(raw[:200])
        name = declared.group(1).decode("ascii").lower() if declared else "utf-8"
        if name.replace("-", "").replace("_", "") not in ("utf8", "usascii", "ascii", "iso88591", "latin1"):
            codec = name
    if codec is not None:
        try:
            text = raw[: 1024 * 1024].decode(codec, errors="ignore")
        except LookupError:  # an encoding Python does not know: the parser refuses it too
            text = raw[: 1024 * 1024].decode("latin-1")
        raw = text.lstrip("\ufeff").encode("utf-8", errors="ignore")
    pos, size = 0, len(raw)
    while pos < size:
        while pos < size and raw[pos] in b" \t\r\n\xef\xbb\xbf":  # blanks and a UTF-8 mark
            pos += 1
        if raw.startswith(b"<?", pos):
            opening, closing = b"<?", b"?>"
        elif raw.startswith(b"<!--", pos):
            opening, closing = b"<!--", b"-->"
        else:
            # the root element starts here, unless a declaration (DOCTYPE) comes first
            return raw.startswith(b"<!", pos)
        end = raw.find(closing, pos + len(opening))
        if end == -1:
            return False  # an unterminated prologue: the parser refuses it
        pos = end + len(closing)
    return False


class _Parts:
    """The XML members of the archive, read (within the limits) and checked only when needed:
    parts that are never parsed (themes, settings, images) are never expanded."""

    def __init__(self, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], path: str | None):
        self.zf = zf
        self.path = path
        self.infos = {info.filename.lower(): info for info in infos}

    def get(self, name: str) -> bytes | None:
        info = self.infos.get(name.lower())
        if info is None:
            return None
        raw = _read_member(self.zf, info, self.path)
        if _has_doctype(raw):
            raise ReadError(self.path, doctype_refused(info.filename))
        return raw

    def parse(self, name: str):
        raw = self.get(name)
        return None if raw is None else _parse(raw, name, self.path)


def _relationships(parts: _Parts, source: str) -> dict[str, str]:
    """Relationship type -> target member name for the part ``source`` ("" for the package)."""
    folder, _, base = source.rpartition("/")
    root = parts.parse(f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels")
    out: dict[str, str] = {}
    if root is None:
        return out
    for rel in root.iter(f"{{{_R_NS}}}Relationship"):
        rtype, target = rel.get("Type"), rel.get("Target") or ""
        if rtype and rel.get("TargetMode") != "External" and rtype not in out:
            out[rtype] = _resolve(folder, target)
    return out


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a member name: absolute (``/word/styles.xml``) or relative."""
    parts = [] if target.startswith("/") else [p for p in folder.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def _content_type(types, name: str) -> str | None:
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    for override in types.iter(ct + "Override"):
        if (override.get("PartName") or "").lstrip("/").lower() == name.lower():
            return override.get("ContentType")
    ext = name.rpartition(".")[2].lower()
    for default in types.iter(ct + "Default"):
        if (default.get("Extension") or "").lower() == ext:
            return default.get("ContentType")
    return None


def _open_package(data: bytes, path: str | None):
    """Check the archive; return the document root, the styles (parsed on first use), the
    numbering root (or None) and whether legacy fonts may occur.

    The package is resolved as OPC says (content types, then the package's and the document's
    relationships) with zipfile and a hardened parser. python-docx's ``Package.open`` would do
    the same but parses every part with its element classes (about 17 ms for a plan), which
    alone exceeds the reading budget of 20 ms per file.
    """
    zf = _open_zip(data, path)
    with zf:
        parts = _Parts(zf, _check_members(zf, path), path)
        types = parts.parse("[Content_Types].xml")
        if types is None:
            raise ReadError(path, "không phải tệp .docx (thiếu [Content_Types].xml) / "
                                  "not a .docx file (no [Content_Types].xml in the archive)")
        package_rels = _relationships(parts, "")
        main = package_rels.get(_OFFICE_DOCUMENT, "word/document.xml")
        document = parts.get(main)
        if document is None:
            member = main or "word/document.xml"
            raise ReadError(path, f"không phải tệp .docx (thiếu {member}) / "
                                  f"not a .docx file (no {member} in the archive)")
        content_type = _content_type(types, main)
        if content_type not in _WORD_MAIN_TYPES:
            raise ReadError(path, f"không phải văn bản Word (phần chính là {content_type}) / "
                                  f"not a Word document (its main part is {content_type})")
        rels = _relationships(parts, main)
        styles = parts.get(rels[_RT_STYLES]) if _RT_STYLES in rels else None
        numbering = parts.parse(rels[_RT_NUMBERING]) if _RT_NUMBERING in rels else None
        core = parts.parse(package_rels[_RT_CORE]) if _RT_CORE in package_rels else None
    fonts = any(_LEGACY_FONT_NAME.search(raw) for raw in (document, styles or b""))
    styles_root = _Styles.lazy(styles, path, eager=fonts)
    keywords = core.findtext(_CP_KEYWORDS) if core is not None else None
    return _parse(document, main, path), styles_root, numbering, fonts, keywords or ""


# ------------------------------------------------------------------------------------------------
# The walk


class _Para:
    """A paragraph read: its text (``\\n`` at soft breaks), its numbering label, text-box lines,
    and whether its mark was deleted. A paragraph whose mark is deleted joins the next one and,
    as in Word, takes that paragraph's formatting, numbering included. Joining appends to
    lists, so a run of thousands of deleted marks costs linear time."""

    __slots__ = ("boxes", "label", "mark_deleted", "pieces")

    def __init__(self, text: str, boxes: list[str] | None = None, mark_deleted: bool = False, label: str = ""):
        self.pieces = [text]
        self.boxes = boxes if boxes is not None else []
        self.mark_deleted = mark_deleted
        self.label = label

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def joined(self, following: _Para) -> _Para:
        """This paragraph (changed in place: it is the pending one) followed by ``following``."""
        self.pieces.extend(following.pieces)
        self.boxes.extend(following.boxes)
        self.mark_deleted = following.mark_deleted
        self.label = following.label
        return self

    def lines(self) -> list[str]:
        """The paragraph's lines as the text will hold them: without the invisible characters
        a copy carries, its odd spaces as spaces, its odd line breaks as lines, Ð as Đ (as in
        text and PDF input: :func:`~._text.drop_copy_chars`), in NFC."""
        return [*nfc(drop_copy_chars(self.label + self.text)).split("\n"),
                *(nfc(drop_copy_chars(b)) for b in self.boxes)]


class _Walker:
    def __init__(self, styles: _Styles, numbering: _Numbering, fonts: bool):
        self.styles = styles
        self.numbering = numbering
        self.fonts = fonts  # whether any legacy font may occur (else fonts are not resolved)
        self.legacy_used: set[str] = set()
        self.alt_chunks = 0

    # -- paragraphs ---------------------------------------------------------------------------
    def paragraph(self, p) -> _Para:
        ppr = p.find(_W_pPr)
        psid = None
        mark_deleted = False
        direct_num = None
        if ppr is not None:
            pstyle = ppr.find(_W_pStyle)
            psid = pstyle.get(_W_val) if pstyle is not None else None
            rpr = ppr.find(_W_rPr)
            mark_deleted = rpr is not None and (
                rpr.find(_W_del) is not None or rpr.find(_W_moveFrom) is not None
            )
            direct_num = _num_pr(ppr)
        para_font = self.styles.paragraph_font(psid) if self.fonts else None
        segments: list[tuple[str, tuple[str, bool] | None]] = []
        boxes: list[str] = []
        self._inline(p, segments, boxes, para_font)
        text = self._join(segments)
        label = ""
        if not mark_deleted:
            num = direct_num if direct_num is not None else self.styles.num(psid)
            if num is not None and num[0] not in ("", "0"):
                ilvl = num[1]
                if ilvl is None and direct_num is not None and direct_num[1] is None:
                    style_num = self.styles.num(psid)
                    ilvl = style_num[1] if style_num else None
                label = self.numbering.label(num[0], ilvl or 0)
        return _Para(text, boxes, mark_deleted, label)

    def _join(self, segments: list[tuple[str, tuple[str, bool] | None]]) -> str:
        out: list[str] = []
        i = 0
        while i < len(segments):
            text, key = segments[i]
            j = i + 1
            while j < len(segments) and segments[j][1] == key:
                text += segments[j][0]
                j += 1
            if key is not None:
                text = convert_legacy_font_text(text, key[0], key[1])
                self.legacy_used.add(key[0])
            out.append(text)
            i = j
        return "".join(out)

    def _run_font(self, r, para_font: str | None) -> tuple[str, bool] | None:
        rpr = r.find(_W_rPr)
        font = _rfonts_name(rpr)
        if font is None and rpr is not None:
            rstyle = rpr.find(_W_rStyle)
            if rstyle is not None:
                font = self.styles.font(rstyle.get(_W_val))
        if font is None:
            font = para_font
        return legacy_font_encoding(font)

    def _inline(self, el, segments: list, boxes: list[str], para_font: str | None) -> None:
        for child in el:
            tag = child.tag
            if tag == _W_r:
                self._run(child, segments, boxes, para_font)
            elif tag in _TRANSPARENT_INLINE:
                self._inline(child, segments, boxes, para_font)
            elif tag == _W_sdt:
                content = child.find(_W_sdtContent)
                if content is not None:
                    self._inline(content, segments, boxes, para_font)
            elif tag in (_M_oMath, _M_oMathPara):
                segments.append(("".join(t.text or "" for t in child.iter(_M_t)), None))
            elif tag == _MC_AlternateContent:
                branch = _first_branch(child)
                if branch is not None:
                    self._inline(branch, segments, boxes, para_font)
            # w:del, w:moveFrom, pPr, bookmarks, proofing marks and comments hold no shown text

    def _run(self, r, segments: list, boxes: list[str], para_font: str | None) -> None:
        key = self._run_font(r, para_font) if self.fonts else None
        parts: list[str] = []
        for child in r:
            tag = child.tag
            if tag == _W_t:
                parts.append(child.text or "")
            elif tag in _RUN_CHARS:
                parts.append(_RUN_CHARS[tag])
            elif tag in _DRAWINGS:
                self._boxes(child, boxes)
        if parts:
            segments.append(("".join(parts), key))

    def _boxes(self, el, boxes: list[str]) -> None:
        """Lines of the text boxes inside a drawing (the first branch of AlternateContent only,
        since the fallback repeats the same text)."""
        if el.tag == _MC_AlternateContent:
            branch = _first_branch(el)
            if branch is not None:
                self._boxes(branch, boxes)
            return
        for child in el:
            if child.tag == _W_txbxContent:
                boxes.extend(self.block_lines(child))
            elif isinstance(child.tag, str):
                self._boxes(child, boxes)

    # -- blocks as plain lines (cells, nested tables, text boxes) -------------------------------
    def block_lines(self, container) -> list[str]:
        lines: list[str] = []
        pending: _Para | None = None
        for kind, item in self._blocks(container):
            if kind == "p":
                para = self.paragraph(item)
                if pending is not None:
                    para = pending.joined(para)
                pending = None
                if para.mark_deleted:
                    pending = para
                else:
                    lines.extend(para.lines())
            elif kind == "tbl":
                if pending is not None:
                    lines.extend(pending.lines())
                    pending = None
                for row in self._rows(item):
                    for tc in self._cells(row):
                        lines.extend(self.block_lines(tc))
        if pending is not None:
            lines.extend(pending.lines())
        return lines

    def _blocks(self, container):
        """(kind, element) for the paragraphs and tables of a container, in order, reading through
        content controls and custom XML."""
        for child in container:
            tag = child.tag
            if tag == _W_p:
                yield "p", child
            elif tag == _W_tbl:
                yield "tbl", child
            elif tag == _W_sdt:
                content = child.find(_W_sdtContent)
                if content is not None:
                    yield from self._blocks(content)
            elif tag in _BLOCK_TRANSPARENT:
                yield from self._blocks(child)
            elif tag == _W_altChunk:
                self.alt_chunks += 1

    def _rows(self, tbl):
        for child in tbl:
            tag = child.tag
            if tag == _W_tr:
                trpr = child.find(_W_trPr)
                if trpr is not None and trpr.find(_W_del) is not None:
                    continue  # a deleted row: gone once changes are accepted
                yield child
            elif tag in (_W_sdt, _W_customXml):
                inner = child.find(_W_sdtContent) if tag == _W_sdt else child
                if inner is not None:
                    yield from self._rows(inner)

    def _cells(self, tr):
        for child in tr:
            tag = child.tag
            if tag == _W_tc:
                tcpr = child.find(_W_tcPr)
                if tcpr is not None and tcpr.find(_W_cellDel) is not None:
                    continue
                yield child
            elif tag in (_W_sdt, _W_customXml):
                inner = child.find(_W_sdtContent) if tag == _W_sdt else child
                if inner is not None:
                    yield from self._cells(inner)


def _first_branch(alternate):
    for child in alternate:
        if child.tag in (_MC_Choice, _MC_Fallback):
            return child
    return None


class _TextBuilder:
    """Layout.text built piece by piece; every piece is NFC already. Past
    :data:`~._limits.MAX_TEXT_CHARS` characters the document is refused: text generated after
    the zip checks (numbering labels) cannot grow without bound."""

    def __init__(self, path: str | None = None) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.path = path

    def add(self, piece: str) -> Span:
        start = self.pos
        self.parts.append(piece)
        self.pos += len(piece)
        if self.pos > MAX_TEXT_CHARS:
            raise ReadError(
                self.path,
                f"từ chối: văn bản sinh ra hơn {MAX_TEXT_CHARS:,} ký tự / "
                f"refused: the document generates more than {MAX_TEXT_CHARS:,} characters of text",
            )
        return Span(start, self.pos)

    def newline(self) -> None:
        if self.parts:
            self.add("\n")

    def text(self) -> str:
        return "".join(self.parts)


def _cell_text(lines: list[str]) -> str:
    while lines and not lines[-1].strip():
        lines.pop()
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    return "\n".join(lines[first:])


def _table(walker: _Walker, tbl, number: int, out: _TextBuilder) -> RawTable | None:
    rows: list[tuple[RawCell, ...]] = []
    start = None
    merged: dict[int, Span] = {}  # grid column -> span of the cell that starts a vertical merge
    for row_el in walker._rows(tbl):
        row_no = len(rows)
        out.newline()
        if start is None:
            start = out.pos
        trpr = row_el.find(_W_trPr)
        grid = 0
        if trpr is not None:
            before = trpr.find(_W_gridBefore)
            grid = _int(before.get(_W_val), 0) if before is not None else 0
        cells: list[RawCell] = []
        for col, tc in enumerate(walker._cells(row_el)):
            if col:
                out.add("\t")
            tcpr = tc.find(_W_tcPr)
            span_cols = 1
            vmerge = None
            if tcpr is not None:
                gs = tcpr.find(_W_gridSpan)
                span_cols = max(1, _int(gs.get(_W_val), 1) or 1) if gs is not None else 1
                vm = tcpr.find(_W_vMerge)
                if vm is not None:
                    vmerge = vm.get(_W_val, "continue")
            source = SourceRef("cell", table=number, row=row_no, column=col)
            if vmerge == "continue":
                span = merged.get(grid, Span(out.pos, out.pos))
            else:
                span = out.add(_cell_text(walker.block_lines(tc)))
                if vmerge == "restart":
                    merged[grid] = span
                else:
                    merged.pop(grid, None)
            cells.append(RawCell(span, source))
            grid += span_cols
        rows.append(tuple(cells))
    if not rows or start is None:
        return None
    return RawTable(
        tuple(rows), Span(start, out.pos), SourceRef("cell", table=number, row=0, column=0)
    )


def read_docx(data: bytes, path: str | None = None) -> Layout:
    """Read the bytes of a .docx into a :class:`Layout` (form ``docx``).

    Text inside tracked insertions is read and deleted text is not (``revisions`` tells whether
    the file holds tracked changes); tables become :class:`RawTable` items.

    >>> import io, docx
    >>> d = docx.Document()
    >>> _ = d.add_paragraph("KẾ HOẠCH")
    >>> row = d.add_table(rows=1, cols=2).rows[0]
    >>> row.cells[0].text, row.cells[1].text = "1", "Tuyên truyền"
    >>> buf = io.BytesIO(); d.save(buf)
    >>> layout = read_docx(buf.getvalue(), "ke-hoach.docx")
    >>> layout.text
    'KẾ HOẠCH\\n1\\tTuyên truyền'
    >>> [type(item).__name__ for item in layout.items], layout.revisions
    (['Line', 'RawTable'], False)
    """
    data = bytes(data)
    root, styles, numbering_root, fonts, keywords = _open_package(data, path)
    body = root.find(_W_body)
    if body is None:
        raise ReadError(path, "tệp .docx hỏng (văn bản không có phần thân) / damaged .docx (the document has no body)")
    walker = _Walker(styles, _Numbering(numbering_root, path), fonts)
    revisions = next(body.iter(*_REVISION_TAGS), None) is not None

    out = _TextBuilder(path)
    items: list[Line | RawTable] = []
    paragraph_no = 0
    table_no = 0
    pending: _Para | None = None
    pending_no = 0

    def emit(para: _Para, number: int) -> None:
        source = SourceRef("paragraph", paragraph=number)
        for line in para.lines():
            out.newline()
            span = out.add(line)
            stripped = line.strip()
            if stripped:  # the Line leaves out indentation and trailing blanks; the text keeps them
                start = span.start + len(line) - len(line.lstrip())
                items.append(Line(Span(start, start + len(stripped)), source))

    for kind, el in walker._blocks(body):
        if kind == "p":
            para = walker.paragraph(el)
            if pending is not None:
                para = pending.joined(para)
                number = pending_no
            else:
                number = paragraph_no
            paragraph_no += 1
            if para.mark_deleted:
                pending, pending_no = para, number
                continue
            pending = None
            emit(para, number)
        else:
            if pending is not None:
                emit(pending, pending_no)
                pending = None
            table = _table(walker, el, table_no, out)
            if table is not None:
                items.append(table)
                table_no += 1
    if pending is not None:
        emit(pending, pending_no)

    text = out.text()
    if not text.strip():
        raise ReadError(path, "văn bản không có chữ nào / the document has no text")
    warnings: list[ReadWarning] = []
    if revisions:
        warnings.append(
            ReadWarning("có theo dõi thay đổi: đọc như thể mọi thay đổi đã được chấp nhận / "
                        "tracked changes: the text is read as if every change were accepted")
        )
    if walker.legacy_used:
        names = sorted(n.upper() for n in walker.legacy_used)
        warnings.append(ReadWarning(f"chữ phông {' và '.join(names)} cũ đã chuyển sang Unicode / "
                                    f"text in legacy {' and '.join(names)} fonts converted to Unicode"))
    if walker.alt_chunks:
        warnings.append(
            ReadWarning(f"{walker.alt_chunks} văn bản nhúng (altChunk) không được đọc / "
                        f"{walker.alt_chunks} embedded document(s) (altChunk) not read")
        )
    encoding = "+".join(sorted(walker.legacy_used)) or None
    # plankit marks the drafts it renders in the core properties ("bản nháp"): read back, they
    # stay drafts, so blank numbers and days are expected rather than errors.
    draft = "bản nháp" in keywords.lower()
    return Layout(
        text, tuple(items), "docx", encoding=encoding, revisions=revisions, warnings=tuple(warnings), draft=draft,
        wrapped=printed_lines(text, items),
    )


# A paragraph ending inside a sentence: on a letter, a digit, a comma or a hyphen.
_OPEN_PARAGRAPH_END = re.compile(r"[\w,\-–]$")


def printed_lines(text: str, items: list[Line | RawTable]) -> bool:
    """Whether the paragraphs are printed lines (a .docx made from a PDF or a text file):
    sentences run on from paragraph to paragraph at least three times and in one paragraph in
    ten (Word's paragraphs end with their sentence; a title in capitals may run on), or one
    paragraph holds the header or the title run together with what follows them.

    >>> text = "Để xây dựng kế hoạch, dự toán ngân\\nsách nhà nước năm 2023 đảm bảo\\nyêu cầu theo Chỉ thị\\nsố 12/CT-TTg."
    >>> printed_lines(text, [Line(Span(0, 34), None), Line(Span(35, 65), None), Line(Span(66, 86), None),
    ...                      Line(Span(87, 100), None)])
    True
    """
    runs_on, paragraphs, prev = 0, 0, ""
    for item in items:
        if isinstance(item, RawTable):
            prev = ""
            continue
        line = text[item.span.start : item.span.end]
        paragraphs += 1
        if len(line) > 200 and (_flattened_header(line) or _flattened_title(line)):
            return True
        if prev and line[:1].islower() and _OPEN_PARAGRAPH_END.search(prev) and not prev.isupper():
            runs_on += 1
        prev = line
    return runs_on >= 3 and runs_on * 10 >= paragraphs


# "Căn cứ" opening a clause inside a line (a capital C: not "làm căn cứ").
_BASIS_INSIDE = re.compile(r"\sCăn\s+cứ\s")


def _flattened_title(line: str) -> bool:
    """Whether ``line`` opens with the document type and its title in capitals and runs on
    into the basis clauses (``QUYẾT ĐỊNH VỀ VIỆC ... Căn cứ Nghị định ...``)."""
    return (DOC_TYPE_WORDS.match(fold(line)) is not None and " ".join(line.split()[:4]).isupper()
            and _BASIS_INSIDE.search(line, 40) is not None)


def _flattened_header(line: str) -> bool:
    """Whether ``line`` holds the motto, then the place and date, then more text."""
    folded = fold(line)
    motto = NATIONAL_MOTTO.search(folded)
    date = PLACE_DATE.search(folded, motto.end()) if motto else None
    return date is not None and len(folded[date.end():].strip()) >= 20
