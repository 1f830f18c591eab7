"""A template's Word XML as the checker sees it: paragraphs with their place and formatting.

Each paragraph of ``word/document.xml`` (and of the headers and footers) is read once into a
:class:`Para`: its text as docxtpl joins it (the runs' ``w:t`` put together), where it stands
(``paragraph 12`` or ``table 2, row 3, cell 1``, counted as Word shows them) and the effective
font, size, weight and slant of its runs (run properties over character style over paragraph
style, ``basedOn`` chains, document defaults).
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

from ..errors import TemplateError
from ..output import read_reason

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
_LIMIT = 50 * 1024 * 1024


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclasses.dataclass(frozen=True)
class Run:
    """A run's text and its effective formatting (``None`` when nothing sets it)."""

    text: str
    size: float | None
    bold: bool
    italic: bool
    fonts: tuple[tuple[str, str, str], ...]  # (slot, font, where it was set)


@dataclasses.dataclass(frozen=True)
class Para:
    """A paragraph: its joined text, its place, its runs, whether it sits in a table row."""

    part: str
    where: str
    text: str
    runs: tuple[Run, ...]
    in_row: bool
    in_cell: bool
    run_texts: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Section:
    where: str
    width: int | None
    height: int | None
    orient: str | None
    margins: dict


@dataclasses.dataclass(frozen=True)
class Document:
    """The parsed parts of a template (read once)."""

    paragraphs: tuple[Para, ...]
    sections: tuple[Section, ...]
    default_fonts: tuple[tuple[str, str | None], ...]


def read_bytes(path: Path) -> bytes:
    """The template's bytes, or :class:`TemplateError` for a file that is not a .docx."""
    if path.suffix.lower() != ".docx":
        raise TemplateError(f"{path}: không phải mẫu .docx, tên tệp phải có đuôi .docx / not a .docx template "
                            "(the name must end in .docx)")
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise TemplateError(f"{path}: mẫu là một thư mục, không phải tệp .docx / the template is a folder, not a .docx file")
        if size > _LIMIT:
            mb = size // (1024 * 1024)
            raise TemplateError(f"{path}: mẫu quá lớn ({mb} MB, tối đa 50 MB) / template too large ({mb} MB; the limit is 50 MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{path}: không đọc được mẫu / cannot read the template ({read_reason(exc)})") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(f"{path}: không phải mẫu .docx, hãy lưu lại từ Word dưới dạng .docx / not a .docx template "
                            "(not a zip archive; save it from Word as .docx)")
    return data


def _parts(path: Path, data: bytes) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if sum(i.file_size for i in infos) > 4 * _LIMIT:
                raise TemplateError(f"{path}: mẫu quá lớn khi giải nén / template too large once unpacked (a zip bomb?)")
            names = [i.filename for i in infos]
            if "word/document.xml" not in names:
                raise TemplateError(f"{path}: không phải mẫu .docx, thiếu word/document.xml / not a .docx template "
                                    "(no word/document.xml)")
            wanted = [n for n in names if n == "word/styles.xml" or n == "word/document.xml"
                      or (n.startswith(("word/header", "word/footer")) and n.endswith(".xml"))]
            return {n: archive.read(n) for n in wanted}
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise TemplateError(f"{path}: không phải mẫu .docx / not a .docx template ({exc})") from None


def _xml(path: Path, name: str, data: bytes):
    from lxml import etree

    try:
        return etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"{path}: {name} bị hỏng / broken {name} ({exc})") from None


def _on(el) -> bool | None:
    """A toggle property (``w:b``, ``w:i``): ``None`` when absent."""
    if el is None:
        return None
    return el.get(q("val"), "true") not in ("0", "false", "off")


@dataclasses.dataclass
class _Props:
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    fonts: dict = dataclasses.field(default_factory=dict)

    def over(self, rpr, where: str) -> _Props:
        """These properties with ``rpr``'s laid over them."""
        if rpr is None:
            return self
        out = _Props(self.size, self.bold, self.italic, dict(self.fonts))
        sz = rpr.find(q("sz"))
        if sz is not None and (sz.get(q("val")) or "").isdigit():
            out.size = int(sz.get(q("val"))) / 2
        for attr, tag in (("bold", "b"), ("italic", "i")):
            value = _on(rpr.find(q(tag)))
            if value is not None:
                setattr(out, attr, value)
        fonts = rpr.find(q("rFonts"))
        if fonts is not None:
            for slot in SLOTS:
                if fonts.get(q(slot)):
                    out.fonts[slot] = (fonts.get(q(slot)), where)
                elif fonts.get(q(slot + "Theme")) or (slot == "hAnsi" and fonts.get(q("hAnsiTheme"))):
                    out.fonts[slot] = ("theme font " + fonts.get(q(slot + "Theme")), where)
        return out


class _Styles:
    def __init__(self, root):
        self.by_id: dict[str, object] = {}
        self.default_para: str | None = None
        self.base = _Props()
        if root is None:
            return
        rpr = root.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}")
        self.base = _Props().over(rpr, "document defaults")
        self.default_rpr = rpr
        for st in root.iter(q("style")):
            sid = st.get(q("styleId"))
            if sid:
                self.by_id[sid] = st
                if st.get(q("type")) == "paragraph" and st.get(q("default")) in ("1", "true"):
                    self.default_para = sid
        self._memo: dict[str, _Props] = {}

    def name(self, sid: str) -> str:
        st = self.by_id.get(sid)
        el = st.find(q("name")) if st is not None else None
        return el.get(q("val")) if el is not None else sid

    def props(self, sid: str | None, depth: int = 0) -> _Props:
        """The run properties a style gives, its ``basedOn`` chain included."""
        if sid is None or sid not in self.by_id or depth > 20:
            return self.base
        if sid in self._memo:
            return self._memo[sid]
        st = self.by_id[sid]
        based = st.find(q("basedOn"))
        parent = self.props(based.get(q("val")) if based is not None else None, depth + 1)
        out = parent.over(st.find(q("rPr")), f"style {self.name(sid)}")
        self._memo[sid] = out
        return out


def _location(p, counters) -> tuple[str, bool, bool]:
    tc = next(p.iterancestors(q("tc")), None)
    if tc is None:
        return f"paragraph {counters['p']}", False, False
    tr = tc.getparent()
    tbl = tr.getparent()
    tables = counters["tables"]
    if tbl not in tables:  # the dict keeps the element alive, so its proxy stays the same
        tables[tbl] = len(tables) + 1
    row = [r for r in tbl.findall(q("tr"))].index(tr) + 1 if tr.tag == q("tr") else 0
    cell = [c for c in tr.findall(q("tc"))].index(tc) + 1 if tr.tag == q("tr") else 0
    return f"table {tables[tbl]}, row {row}, cell {cell}", tr.tag == q("tr"), True


def read_document(path: Path, data: bytes) -> Document:
    """Parse ``data`` (the template's bytes) into paragraphs, sections and font settings."""
    parts = _parts(path, data)
    styles = _Styles(_xml(path, "word/styles.xml", parts["word/styles.xml"]) if "word/styles.xml" in parts else None)
    paragraphs: list[Para] = []
    sections: list[Section] = []
    order = ["word/document.xml", *sorted(n for n in parts if n.startswith(("word/header", "word/footer")))]
    for name in order:
        root = _xml(path, name, parts[name])
        prefix = "" if name == "word/document.xml" else name.rsplit("/", 1)[-1].removesuffix(".xml") + ": "
        counters = {"p": 0, "tables": {}}
        for p in root.iter(q("p")):
            if next(p.iterancestors(q("tc")), None) is None:
                counters["p"] += 1
            where, in_row, in_cell = _location(p, counters)
            ppr = p.find(q("pPr"))
            pstyle = ppr.find(q("pStyle")) if ppr is not None else None
            sid = pstyle.get(q("val")) if pstyle is not None else styles.default_para
            para_props = styles.props(sid)
            runs = []
            texts = []
            for r in p.iter(q("r")):
                text = "".join(t.text or "" for t in r.findall(q("t")))
                rpr = r.find(q("rPr"))
                props = para_props
                if rpr is not None:
                    rstyle = rpr.find(q("rStyle"))
                    if rstyle is not None and rstyle.get(q("val")) in styles.by_id:
                        props = props.over(styles.by_id[rstyle.get(q("val"))].find(q("rPr")), "character style")
                    props = props.over(rpr, "run")
                if text:
                    texts.append(text)
                    fonts = tuple((slot, *props.fonts[slot]) for slot in SLOTS if slot in props.fonts)
                    runs.append(Run(text, props.size, bool(props.bold), bool(props.italic), fonts))
            paragraphs.append(Para(name, prefix + where, "".join(texts), tuple(runs), in_row, in_cell, tuple(texts)))
        if name == "word/document.xml":
            for i, sect in enumerate(root.iter(q("sectPr")), 1):
                size = sect.find(q("pgSz"))
                mar = sect.find(q("pgMar"))

                def num(el, attr):
                    v = el.get(q(attr)) if el is not None else None
                    return int(v) if v and v.lstrip("-").isdigit() else None

                margins = {k: num(mar, k) for k in ("top", "bottom", "left", "right")}
                sections.append(Section(f"section {i}", num(size, "w"), num(size, "h"),
                                        size.get(q("orient")) if size is not None else None, margins))
    defaults = tuple((slot, styles.base.fonts.get(slot, (None,))[0]) for slot in SLOTS)
    return Document(tuple(paragraphs), tuple(sections), defaults)
