"""Editing the officer's own Word document in place: comments and tracked changes.

:class:`WordEdit` opens a .docx with python-docx and lays the plan read from the same file over
it: every offset of :attr:`Plan.text <plankit.model.Plan.text>` leads, through the reader's
:class:`~plankit.model.SourceRef` (body paragraph, or table cell), to a character of a run in the
XML. On that map it can

* anchor a Word comment on any span (:meth:`WordEdit.comment`), splitting runs at the span's
  boundaries so that the comment covers exactly the finding's words;
* replace a span as a tracked change (:meth:`WordEdit.replace`): the old runs are wrapped in
  ``w:del`` and the new text follows in ``w:ins``, author ``plankit``, dated, with the formatting
  of the replaced run; rejecting the change gives the original text back character for character.

Everything else (styles, numbering, tables, page setup, existing comments and revisions) is left
as it was: runs are split, never rewritten, and text inside someone else's revision is never
edited. python-docx (>= 1.2) supplies the comments part (created, with its relationship and
content type, when the document has none); the revision and range-marker XML is written here.
:mod:`plankit.annotate` and :mod:`plankit.track` are the two writers built on it.
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import datetime as dt
import difflib
import os
from pathlib import Path
from typing import NamedTuple

from .errors import PlankitError, ReadError
from .model import Plan, SourceRef
from .output import inputs_of, write_with
from .text import nfc

__all__ = ["AUTHOR", "WordEdit"]

AUTHOR = "plankit"
INITIALS = "PK"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_P, _R, _T, _TBL, _TR, _TC, _TCPR, _TRPR = (_W + n for n in ("p", "r", "t", "tbl", "tr", "tc", "tcPr", "trPr"))
_INS, _DEL, _DELTEXT, _RPR, _PPR = (_W + n for n in ("ins", "del", "delText", "rPr", "pPr"))
_SDT, _SDTCONTENT, _CUSTOMXML = (_W + n for n in ("sdt", "sdtContent", "customXml"))
_CELLDEL, _MOVEFROM, _MOVETO = (_W + n for n in ("cellDel", "moveFrom", "moveTo"))
# Inline containers whose runs are shown (as the reader reads them); w:del and w:moveFrom are not.
_INLINE = frozenset(_W + n for n in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple",
                                     "sdtContent", "bdo", "dir"))
_RUN_CHARS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_REVISIONS = frozenset({_INS, _DEL, _MOVEFROM, _MOVETO})


class _Atom(NamedTuple):
    """One character of a paragraph as shown: ``run`` and its child (``w:t``, ``w:tab`` ...), the
    index in the child's text; a paragraph boundary inside a cell has ``run`` ``None``. (A
    tuple: a paragraph has thousands, rebuilt after every split.)"""

    para: object
    run: object | None
    child: object | None
    index: int


def _paragraph_atoms(p, ours: frozenset | set = frozenset()) -> list[_Atom]:
    """The paragraph's characters as the reader saw them: our own revisions (``ours``) are
    read as if rejected, so that offsets stay those of the original text while we edit."""
    atoms: list[_Atom] = []

    def inline(el) -> None:
        for child in el:
            tag = child.tag
            if tag == _R:
                for c in child:
                    if c.tag in (_T, _DELTEXT):
                        atoms.extend(_Atom(p, child, c, k) for k in range(len(c.text or "")))
                    elif c.tag in _RUN_CHARS:
                        atoms.append(_Atom(p, child, c, 0))
            elif child in ours:
                if tag == _DEL:
                    inline(child)
            elif tag in _INLINE:
                inline(child)
            elif tag == _SDT:
                content = child.find(_SDTCONTENT)
                if content is not None:
                    inline(content)

    inline(p)
    return atoms


def _atom_text(atoms: list[_Atom]) -> str:
    out = []
    for a in atoms:
        if a.run is None:
            out.append("\n")
        elif a.child.tag in (_T, _DELTEXT):
            out.append(a.child.text[a.index])
        else:
            out.append(_RUN_CHARS[a.child.tag])
    return "".join(out)


def _blocks(container):
    for child in container:
        tag = child.tag
        if tag in (_P, _TBL):
            yield child
        elif tag == _SDT:
            content = child.find(_SDTCONTENT)
            if content is not None:
                yield from _blocks(content)
        elif tag in (_CUSTOMXML, _SDTCONTENT):
            yield from _blocks(child)


def _rows(tbl):
    for child in tbl:
        if child.tag == _TR:
            trpr = child.find(_TRPR)
            if trpr is None or trpr.find(_DEL) is None:
                yield child
        elif child.tag in (_SDT, _CUSTOMXML):
            inner = child.find(_SDTCONTENT) if child.tag == _SDT else child
            if inner is not None:
                yield from _rows(inner)


def _cells(tr):
    for child in tr:
        if child.tag == _TC:
            tcpr = child.find(_TCPR)
            if tcpr is None or tcpr.find(_CELLDEL) is None:
                yield child
        elif child.tag in (_SDT, _CUSTOMXML):
            inner = child.find(_SDTCONTENT) if child.tag == _SDT else child
            if inner is not None:
                yield from _cells(inner)


@dataclasses.dataclass
class _Unit:
    """A stretch of the plan's text (a paragraph's lines, or a cell) laid over XML paragraphs."""

    start: int
    end: int
    paras: list
    atoms: list[_Atom] = dataclasses.field(default_factory=list)
    to_xml: dict[int, int] = dataclasses.field(default_factory=dict)  # plan offset -> atom index

    ours: set = dataclasses.field(default_factory=set)  # shared: the revisions we made

    def refresh(self) -> None:
        self.atoms = []
        for k, p in enumerate(self.paras):
            if k:
                self.atoms.append(_Atom(p, None, None, 0))
            self.atoms.extend(_paragraph_atoms(p, self.ours))


def _touched(run) -> bool:
    """Whether ``run`` sits inside a revision (someone's tracked change, or one of ours)."""
    parent = run.getparent()
    while parent is not None and parent.tag != _P:
        if parent.tag in _REVISIONS:
            return True
        parent = parent.getparent()
    return False


def _outer(run):
    """The element to put markers beside: the run, or the revision wrapper holding it."""
    parent = run.getparent()
    return parent if parent is not None and parent.tag in _REVISIONS else run


class WordEdit:
    """A .docx opened for comments and tracked changes, with the plan read from it.

    Args:
        path: the .docx (never modified: :meth:`save` writes a copy).
        plan: the plan read from ``path`` (read here when ``None``).

    >>> import docx, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> d = docx.Document(); _ = d.add_paragraph("Kế hoạch năm 2025"); d.save(folder / "a.docx")
    >>> edit = WordEdit(folder / "a.docx")
    >>> edit.replace(13, 17, "2026"), edit.comment(0, 8, "Xem lại (check)")
    (True, True)
    >>> edit.save(folder / "b.docx").name
    'b.docx'
    """

    def __init__(self, path: str | os.PathLike[str], plan: Plan | None = None):
        import docx

        from .read import read_plan
        from .read._docx import read_docx

        self.path = Path(path)
        data = self.path.read_bytes()
        self.plan = plan if plan is not None else read_plan(self.path)
        layout = read_docx(data, str(self.path))  # checks the package (limits, DOCTYPE) first
        if nfc(layout.text) != self.plan.text:
            raise ReadError(str(self.path), "kế hoạch đã cho không được đọc từ tệp .docx này / "
                                            "the plan was not read from this .docx")
        try:
            self.doc = docx.Document(str(self.path))
        except Exception as exc:  # python-docx raises many kinds on a damaged package
            raise ReadError(str(self.path), f"python-docx không mở được tệp / python-docx cannot open it ({exc})") from None
        self.now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        self._ours: set = set()  # our w:ins/w:del (kept alive here, so lxml keeps their identity)
        self._comments = None  # the w:comments element, once needed
        self._comment_id = 0
        self._next_id = self._max_revision_id() + 1
        self.units = self._units(layout)
        self._starts = [u.start for u in self.units]
        self.comments = 0
        self.changes = 0

    # -- the map ----------------------------------------------------------------------------
    def _units(self, layout) -> list[_Unit]:
        from .read._layout import RawTable

        body = self.doc.element.body
        paras, tables = [], []
        for el in _blocks(body):
            (paras if el.tag == _P else tables).append(el)
        by_para: dict[int, list] = {}
        units: list[_Unit] = []
        seen: set[tuple[int, int]] = set()
        for item in layout.items:
            if isinstance(item, RawTable):
                for row in item.rows:
                    for cell in row:
                        key = (cell.span.start, cell.span.end)
                        if cell.span.end > cell.span.start and key not in seen:
                            seen.add(key)
                            tc = self._cell(tables, cell.source)
                            if tc is not None:
                                units.append(_Unit(cell.span.start, cell.span.end, list(_blocks(tc)), ours=self._ours))
            elif item.source.paragraph is not None and item.source.paragraph < len(paras):
                by_para.setdefault(item.source.paragraph, []).append(item.span)
        for number, spans in by_para.items():
            units.append(_Unit(min(s.start for s in spans), max(s.end for s in spans), [paras[number]], ours=self._ours))
        units = [u for u in units if all(p.tag == _P for p in u.paras)]
        units.sort(key=lambda u: u.start)
        text = self.plan.text
        for u in units:
            u.refresh()
            self._align(u, text[u.start : u.end])
        return units

    @staticmethod
    def _cell(tables: list, source: SourceRef):
        if source.table is None or source.table >= len(tables):
            return None
        rows = list(_rows(tables[source.table]))
        if source.row is None or source.row >= len(rows):
            return None
        cells = list(_cells(rows[source.row]))
        return cells[source.column] if source.column is not None and source.column < len(cells) else None

    @staticmethod
    def _align(u: _Unit, region: str) -> None:
        shown = nfc(_atom_text(u.atoms))
        if len(shown) != len(u.atoms):  # decomposed text: compare as stored
            shown = _atom_text(u.atoms)
        if region == shown:  # the common case: the paragraph as the reader gave it
            u.to_xml = {u.start + k: k for k in range(len(region))}
            return
        u.to_xml = {}
        matcher = difflib.SequenceMatcher(None, region, shown, autojunk=False)
        for a, b, size in matcher.get_matching_blocks():
            for k in range(size):
                u.to_xml[u.start + a + k] = b + k

    def _unit(self, offset: int) -> _Unit | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.units[i].end:
            return self.units[i]
        return None

    def _place(self, start: int, end: int) -> tuple[_Unit, int, _Unit, int] | None:
        """The span as (unit, first atom, unit, atom after the last), or ``None``."""
        while start < end and self.plan.text[start].isspace():
            start += 1
        while end > start and self.plan.text[end - 1].isspace():
            end -= 1
        if end <= start:
            return None
        u1, u2 = self._unit(start), self._unit(end - 1)
        if u1 is None or u2 is None:
            return None
        a = next((u1.to_xml[x] for x in range(start, u1.end) if x in u1.to_xml), None)
        b = next((u2.to_xml[x] for x in range(end - 1, u2.start - 1, -1) if x in u2.to_xml), None)
        if a is None or b is None or (u1 is u2 and b < a):
            return None
        return u1, a, u2, b + 1

    def locate(self, start: int, end: int) -> bool:
        """Whether the span ``start:end`` of the plan's text can be found in the XML."""
        return self._place(start, end) is not None

    # -- run surgery ------------------------------------------------------------------------
    def _split(self, u: _Unit, index: int) -> None:
        """Make a run start at atom ``index`` of ``u`` (splitting the run holding it)."""
        if index <= 0 or index >= len(u.atoms):
            return
        atom, before = u.atoms[index], u.atoms[index - 1]
        if atom.run is None or before.run is not atom.run:
            return
        r, child = atom.run, atom.child
        r2 = r.makeelement(_R, dict(r.attrib))
        rpr = r.find(_RPR)
        if rpr is not None:
            r2.append(copy.deepcopy(rpr))
        if child.tag in (_T, _DELTEXT) and atom.index > 0:
            text = child.text
            child.text = text[: atom.index]
            child.set(_XML_SPACE, "preserve")
            t2 = child.makeelement(child.tag, {_XML_SPACE: "preserve"})
            t2.text = text[atom.index :]
            r2.append(t2)
            moving = list(child.itersiblings())
        else:
            moving = [child, *child.itersiblings()]
        for c in moving:
            r2.append(c)
        r.addnext(r2)
        # the atoms from here to the run's end now live in the new run (and a new w:t)
        j = index
        while j < len(u.atoms) and u.atoms[j].run is r:
            a = u.atoms[j]
            if a.child is child and child.tag in (_T, _DELTEXT) and atom.index > 0:
                u.atoms[j] = _Atom(a.para, r2, t2, a.index - atom.index)
            else:
                u.atoms[j] = a._replace(run=r2)
            j += 1

    def _runs(self, u: _Unit, a: int, b: int) -> list:
        self._split(u, b)
        self._split(u, a)
        runs: list = []
        for atom in u.atoms[a:b]:
            if atom.run is not None and (not runs or runs[-1] is not atom.run):
                runs.append(atom.run)
        return runs

    def _max_revision_id(self) -> int:
        top = 0
        for el in self.doc.element.body.iter(_INS, _DEL, _MOVEFROM, _MOVETO, _W + "commentRangeStart"):
            try:
                top = max(top, int(el.get(_W + "id", "0")))
            except ValueError:
                continue
        return top

    def _revision(self, tag: str, parent):
        el = parent.makeelement(tag, {_W + "id": str(self._next_id), _W + "author": AUTHOR,
                                      _W + "date": self.now.isoformat().replace("+00:00", "Z")})
        self._next_id += 1
        self._ours.add(el)
        return el

    # -- the two operations -----------------------------------------------------------------
    def replace(self, start: int, end: int, new: str) -> bool:
        """Replace ``plan.text[start:end]`` by ``new`` as a tracked change; ``False`` when the
        span cannot be placed, crosses paragraphs, or lies in someone else's revision."""
        if start == end:
            return self._insert_at(start, new)
        placed = self._place(start, end)
        if placed is None:
            return False
        u1, a, u2, b = placed
        if u1 is not u2:
            return self._replace_across(u1, a, u2, b, new)
        if any(x.run is None for x in u1.atoms[a:b]):
            return False
        if _atom_text(u1.atoms[a:b]) == new:
            return True
        runs = self._runs(u1, a, b)
        if not runs or any(_touched(r) for r in runs):
            return False
        self._delete(runs)
        if new:
            self._insertion(runs[0], new, after=runs[-1].getparent())
        self.changes += 1
        return True

    def _delete(self, runs: list) -> None:
        for r in runs:
            wrapper = self._revision(_DEL, r)
            r.addprevious(wrapper)
            wrapper.append(r)
            for t in r.iter(_T):
                t.tag = _DELTEXT
                t.set(_XML_SPACE, "preserve")
            for t in r.iter(_W + "instrText"):
                t.tag = _W + "delInstrText"

    def delete_paragraph(self, offset: int) -> bool:
        """Delete, as a tracked change, the body paragraph holding ``offset``: its words and its
        mark, so that Accept All removes the line (a recipient that no longer exists)."""
        u = self._unit(offset)
        if u is None or len(u.paras) != 1:
            return False
        runs = list(dict.fromkeys(a.run for a in u.atoms if a.run is not None))
        if not runs or any(_touched(r) for r in runs) or u.paras[0].getnext() is None:
            return False
        self._delete(runs)
        self._delete_mark(u.paras[0])
        self.changes += 1
        return True

    def _delete_mark(self, p) -> None:
        ppr = p.find(_PPR)
        if ppr is None:
            ppr = p.makeelement(_PPR, {})
            p.insert(0, ppr)
        rpr = ppr.find(_RPR)
        if rpr is None:
            rpr = ppr.makeelement(_RPR, {})
            tail = next((c for c in ppr if c.tag in (_W + "sectPr", _W + "pPrChange")), None)
            if tail is not None:
                tail.addprevious(rpr)
            else:
                ppr.append(rpr)
        # the paragraph mark's revision comes first in its w:rPr (after an insertion mark)
        at = 1 if len(rpr) and rpr[0].tag == _INS else 0
        rpr.insert(at, self._revision(_DEL, rpr))

    def _replace_across(self, u1: _Unit, a: int, u2: _Unit, b: int, new: str) -> bool:
        """A replacement over body paragraphs (a basis clause wrapped over two): the words are
        deleted, the paragraph marks between them too (so Accept All joins the paragraphs) and
        the new text goes where the old began."""
        if len(u1.paras) != 1 or len(u2.paras) != 1:
            return False
        p1, p2 = u1.paras[0], u2.paras[0]
        middle = []
        for sibling in p1.itersiblings():
            if sibling is p2:
                break
            if sibling.tag != _P:
                return False  # a table between: not one clause
            middle.append(sibling)
        else:
            return False
        first = self._runs(u1, a, len(u1.atoms))
        last = self._runs(u2, 0, b)
        inner = [x.run for p in middle for x in _paragraph_atoms(p, self._ours) if x.run is not None]
        runs = list(dict.fromkeys([*first, *inner, *last]))
        if not first or any(_touched(r) for r in runs):
            return False
        self._delete(runs)
        for p in (p1, *middle):
            self._delete_mark(p)
        if new:
            self._insertion(first[0], new, after=first[-1].getparent())
        self.changes += 1
        return True

    def _insert_at(self, offset: int, new: str) -> bool:
        u = self._unit(offset)
        if u is None or offset not in u.to_xml:
            return False
        index = u.to_xml[offset]
        self._split(u, index)
        atom = u.atoms[index]
        if atom.run is None or _touched(atom.run):
            return False
        ins = self._insertion(atom.run, new, after=None)
        atom.run.addprevious(ins)
        self.changes += 1
        return True

    def _insertion(self, model_run, new: str, after):
        ins = self._revision(_INS, model_run)
        r = model_run.makeelement(_R, {})
        rpr = model_run.find(_RPR)
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        t = r.makeelement(_T, {_XML_SPACE: "preserve"})
        t.text = new
        r.append(t)
        ins.append(r)
        if after is not None:
            after.addnext(ins)
        return ins

    def comment(self, start: int, end: int, message: str) -> bool:
        """Anchor a comment by ``plankit`` with ``message`` on ``plan.text[start:end]``.

        When the span cannot be placed in the XML, the comment is anchored on the paragraph
        that holds ``start`` (or the document's first paragraph); returns whether the span was
        placed exactly.
        """
        placed = self._place(start, end) if end > start else None
        exact = placed is not None
        if placed is None:
            u = self._unit(start) or (self.units[0] if self.units else None)
            if u is not None and u.atoms:
                placed = (u, 0, u, len(u.atoms))
        if placed is not None:
            u1, a, u2, b = placed
            if u1 is u2:
                runs = self._runs(u1, a, b)
                first_run, last_run = (runs[0], runs[-1]) if runs else (None, None)
            else:
                first_run = (self._runs(u1, a, len(u1.atoms)) or [None])[0]
                last_run = (self._runs(u2, 0, b) or [None])[-1]
            if first_run is None or last_run is None:
                placed = None
        cid = str(self._add_comment(message))
        mk = self.doc.element.body.makeelement
        start_el = mk(_W + "commentRangeStart", {_W + "id": cid})
        end_el = mk(_W + "commentRangeEnd", {_W + "id": cid})
        ref = mk(_R, {})
        rpr = ref.makeelement(_RPR, {})
        rpr.append(rpr.makeelement(_W + "rStyle", {_W + "val": "CommentReference"}))
        ref.append(rpr)
        ref.append(ref.makeelement(_W + "commentReference", {_W + "id": cid}))
        if placed is None:
            p = next(iter(self.doc.element.body.iter(_P)), None)
            if p is None:
                raise PlankitError(f"{self.path}: văn bản không có đoạn nào để gắn ghi chú / "
                                   "the document has no paragraph to comment on")
            ppr = p.find(_PPR)
            if ppr is not None:
                ppr.addnext(start_el)
            else:
                p.insert(0, start_el)
            p.append(end_el)
            p.append(ref)
        else:
            _outer(first_run).addprevious(start_el)
            tail = _outer(last_run)
            nxt = tail.getnext()
            if nxt is not None and nxt.tag == _INS and nxt.get(_W + "author") == AUTHOR:
                tail = nxt  # our insertion replacing the commented words belongs in the range
            tail.addnext(end_el)
            end_el.addnext(ref)
        self.comments += 1
        return exact

    def _add_comment(self, message: str) -> int:
        """A ``w:comment`` by plankit in the comments part (python-docx creates the part, its
        relationship and content type when absent; the elements are written here, since
        python-docx looks for a free id by scanning every comment, which is slow in the
        thousands)."""
        if self._comments is None:
            from docx.opc.constants import CONTENT_TYPE

            self.doc.comments  # noqa: B018 - creates the comments part when the document has none
            part = next(p for p in self.doc.part.package.iter_parts() if p.content_type == CONTENT_TYPE.WML_COMMENTS)
            self._comments = part.element
            ids = [int(x) for x in self._comments.xpath("./w:comment/@w:id") if x.lstrip("-").isdigit()]
            self._comment_id = max(ids, default=-1) + 1
        cid = self._comment_id
        self._comment_id += 1
        root = self._comments
        comment = root.makeelement(_W + "comment", {_W + "id": str(cid), _W + "author": AUTHOR, _W + "initials": INITIALS,
                                                    _W + "date": self.now.isoformat().replace("+00:00", "Z")})
        for k, line in enumerate(message.split("\n")):
            p = comment.makeelement(_P, {})
            ppr = p.makeelement(_PPR, {})
            ppr.append(ppr.makeelement(_W + "pStyle", {_W + "val": "CommentText"}))
            p.append(ppr)
            if k == 0:
                ref = p.makeelement(_R, {})
                rpr = ref.makeelement(_RPR, {})
                rpr.append(rpr.makeelement(_W + "rStyle", {_W + "val": "CommentReference"}))
                ref.append(rpr)
                ref.append(ref.makeelement(_W + "annotationRef", {}))
                p.append(ref)
            r = p.makeelement(_R, {})
            t = r.makeelement(_T, {_XML_SPACE: "preserve"})
            t.text = line
            r.append(t)
            p.append(r)
            comment.append(p)
        root.append(comment)
        return cid

    def set_draft(self) -> None:
        """Mark the copy as a draft in its core properties, as plankit's own drafts are."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        # LibreOffice links docProps/core.xml with a misspelt relationship type ("officedocument/
        # 2006/.../core-properties"); python-docx would then add a second docProps/core.xml, and
        # Word finds two parts of one name. The part is relinked under the standard type instead.
        package = self.doc.part.package
        for rid, rel in list(package.rels.items()):
            if (not rel.is_external and rel.reltype != RT.CORE_PROPERTIES
                    and rel.reltype.endswith("/metadata/core-properties")):
                del package.rels[rid]
                package.relate_to(rel.target_part, RT.CORE_PROPERTIES)
        props = self.doc.core_properties
        keywords = props.keywords or ""
        if "bản nháp" not in keywords.lower():
            props.keywords = f"{keywords}; bản nháp".strip("; ")

    def save(self, out: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write the edited copy atomically (never over an existing file unless ``force``)."""
        if Path(out).resolve() == self.path.resolve():
            raise PlankitError(f"{out}: tệp ghi ra sẽ đè lên tệp đầu vào, hãy chọn tên khác / "
                               "the output would overwrite the input; choose another name")
        return write_with(out, lambda tmp: self.doc.save(str(tmp)), force=force, inputs=inputs_of(self.path, self.plan))
