"""The front of a plan: its header (issuer, number, place and date), its subject and the
authority of a decision (a news post's or a portal page's metadata: :mod:`._news`).

:class:`FrontReader` holds the reader's state (the text, its folded form, the spans found, the
warnings); :class:`plankit.read._structure._Builder` adds the body and the tail.
"""

from __future__ import annotations

import re

from ..dates import DateMatch
from ..model import (
    PartialDate,
    ReadWarning,
    Source,
    Span,
)
from ..places import match_place, parent_province
from ..text import fold, is_upper_text
from ._header import (
    CHROME_ROW,
    EMPTY_CELLS,
    HEADER_START,
    YOUTH_MOTTO,
    IssuerCompletion,
    body_name,
    complete_body,
    split_glued_symbol,
    undouble_type_code,
)
from ._layout import Layout, RawTable
from ._news import NewsReader
from ._units import (
    AUTHORITY,
    BASIS,
    COLLECTIVE_AUTHORITY,
    DEPARTMENT_WORD,
    DOC_TYPE_LINE,
    DOC_TYPE_WORDS,
    DOC_TYPES,
    INCOMPLETE_NUMBER,
    MOTTO_START,
    NATIONAL_MOTTO,
    PARTY_BOARD,
    PLACE_DATE,
    PLACE_NO_COMMA,
    ROMAN,
    SPLIT_NUMBER_HEAD,
    SPLIT_NUMBER_TAIL,
    STACKED_BODIES,
    SUBJECT_YEAR,
    SUBJECT_YEAR_END,
    UNIT_LINE,
    WRAPPED_DATE_START,
    Para,
    committee_of,
    dated_line,
    display_text,
    normalise_parent,
    normalise_symbol,
    number_field,
    split_number,
    starts_unit,
)


def _place_word(word: str) -> bool:
    """Whether a word may belong to a place name: no digit, no code in capitals (``140``,
    ``QĐ-UBND`` of the number line above a place-and-date line); ``Rang-Tháp`` may."""
    return not any(c.isdigit() for c in word) and not ("-" in word and word.isupper())




# The unit below a province that an issuer names: "ủy ban nhân dân xã đăk la", "... thành phố hà tiên".
# A place and a date left wholly blank (a draft): "Ninh Bình, ngày ... tháng ... năm ...",
# "Hà Nội, ngày     tháng     năm". Not a date with any number (PLACE_DATE reads those).
_BLANK_PLACE_DATE = re.compile(r",[ \t]*ng[a-z]{1,2}y[\s._\u2026]*th[a-z]{1,3}ng[\s._\u2026]*n[a-z]{1,3}m[ \t._\u2026]*(?=\||\n|$)")
# Capitals that open the right column of a header: the motto, the Party's and the Youth Union's names.
_RIGHT_CAPITALS = re.compile(r"cong\s+hoa|chu\s+nghia\s+viet|dang\s+cong\s+san|d\w{0,2}oc\s+[1l]ap|" + YOUTH_MOTTO)
# Where the left column ends on a header line: the number field ("Số:", a Party's "Số 112-KH/HU")
# or the Party's or the Youth Union's motto in the right column.
_NUMBER_CUT = re.compile(r"(^|\s)s[o6b¢]\s*:|(^|\s)s[o6]\s+(?:\d+\s*)?-\s*[a-z]|dang\s+cong\s+san\s+viet\s+nam|" + YOUTH_MOTTO)
# A line's text up to a column gap (a tab or three spaces and more), all of it without one.
_LEFT_OF_GAP = re.compile(r"(.*?)(?:[ ]{3,}|\t|$)")
# The first word of an authority's title, last on a line (its rest wrapped onto the next).
_AUTHORITY_HEAD = re.compile(r"\s(bo|thu|chu|giam|truong)[ \t]*$")
# A subject may open as a basis clause does, with these words (never with "Căn cứ").
_SUBJECT_OPENING = re.compile(r"[\s*]*(?:thuc\s+hien|trien\s+khai)\b")
# The mottos of a header's right column, wrapped anywhere: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
# "Độc lập - Tự do - Hạnh phúc", the Party's "ĐẢNG CỘNG SẢN VIỆT NAM", the Youth Union's "ĐOÀN TNCS HỒ CHÍ MINH".
_MOTTO_SPAN = re.compile(
    r"(?<![a-z])cong\s+hoa\s+xa\s*h\w{1,2}i(?:\s+chu\s+nghia(?:\s+viet(?:\s+nam)?)?)?"
    r"|(?<![a-z])d\w{0,2}oc\s+[1l]ap\s*-?\s*tu\s+do\s*-?\s*hanh\s+phuc|(?<![a-z])dang\s+cong\s+san\s+viet\s+nam|(?<![a-z])" + YOUTH_MOTTO
)
# The rest of a motto wrapped in its column ("... CHỦ NGHĨA" / "VIỆT NAM"), printed on the next
# line with text after the left column's words and a gap of two spaces or more, ending the
# line or followed by the second motto ("VIỆT NAM Độc lập Tự do Hạnh phúc"). Not an
# issuer's own "VIỆT NAM" (BẢO HIỂM XÃ HỘI VIỆT NAM: no gap before it).
_MOTTO_REST = re.compile(r"[^\n]*\n(?:[ \t]*\n)*(?:[^\n]*?\S[ \t]{2,}|[ \t]*)(?P<rest>viet\s+nam)"
                         r"(?=[ \t]*(?:\n|$|d\w{0,2}oc\s+[1l]ap))")
# The gap between two columns printed on one line, then the next column's text: a tab or a run
# of three spaces or more.
_COLUMN_GAP = re.compile(r"(?:[ ]*\t|[ ]{3,})[ \t]*\S")
# A basis clause run into a subject after its year: "... cơ sở năm 2022 Căn cứ Nghị định ...".
_INLINE_CLAUSE_AFTER_YEAR = re.compile(r"(?<=\d{4})[ \t]+(?P<word>can\s+cu|thuc\s+hien|trien\s+khai)(?![a-z])")
# A cell that ends with a body cut from its unit: "uy ban nhan dan", "van phong uy ban nhan dan".
_ENDS_BARE_BODY = re.compile(r"(?:^|^van\s+phong\s+|^chu\s+tich\s+)(?:uy\s+ban\s+nhan\s+dan|ubnd|hoi\s+dong\s+nhan\s+dan|hdnd)$")
# An authority's title on a line of its own, its body on the next ("BỘ TRƯỞNG" / "BỘ NỘI VỤ").
_TITLE_ALONE = re.compile(r"^[\s*]*(?:bo\s+truong|thu\s+truong|chu\s+tich|giam\s+doc|truong\s+ban)[\s*]*$")
# A letter's subject under its number: "V/v hướng dẫn ...", "Về việc ...".
_ABOUT_LINE = re.compile(r"[\s*]*(?:v\s*/\s*v|ve\s+viec)(?![a-z])")
_CAN_CU = re.compile(r"(?<![a-z])can\s+cu(?![a-z])")
# A local body that names its unit: "ủy ban nhân dân tỉnh nghệ an", "... xã tân hòa"; not "ủy ban
# nhân dân xã" cut before its name.
_NAMED_UNIT = re.compile(r"\b(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)\s+\S")
_OWN_UNIT = re.compile(r"\b(?P<unit>xa|phuong|thi tran|dac khu|huyen|quan|thi xa|thanh pho)\s+(?P<name>\S.*)$")




class FrontReader(IssuerCompletion, NewsReader):
    """The header and subject readers (see the module doc)."""

    def __init__(self, layout: Layout, source: Source):
        self.layout = layout
        self.text = layout.text
        self.folded = fold(layout.text) if layout.folded is None else layout.folded
        self.source = source
        self.warnings: list[ReadWarning] = list(layout.warnings)
        self.spans: dict[str, Span] = {}
        self._place_loose = False  # the place line matched a province only loosely (OCR damage?)
        self.about: int | None = None  # a letter's "V/v" subject inside its header (see _header_end)
        self._issuer_cell = False  # whether the issuer was read from a header cell
        # the lines of "Số:" and its "/TTr-VPCP" split by a PDF's columns (see _find_number)
        self._split_number: tuple[tuple[int, int], tuple[int, int]] | None = None


    # -- header -----------------------------------------------------------------------------
    def _find_doc_type(self, units: list[Para | RawTable], start: int = 0) -> int | None:
        for idx in range(start, min(len(units), start + 60)):
            u = units[idx]
            if isinstance(u, RawTable):
                continue
            if DOC_TYPE_LINE.match(self.f(u.start, u.first_line_end)) and is_upper_text(self.t(u.start, u.first_line_end)):
                return idx
        return None

    def _set_apart_chrome(self, units: list, kinds: list[str]) -> int:
        """Mark a legal portal's chrome as ``boilerplate`` and return where the header starts.

        The header starts at the first unit (of the first 40) that opens like one: an issuing
        body in capitals, the national motto or the number field. What comes before it (a page
        title, a related-documents panel) and the portal's metadata rows (``Số hiệu | ...``) are
        site chrome, set apart with a warning. Without such a unit nothing is set apart.
        """
        start = None
        for idx in range(min(len(units), 40)):
            u = units[idx]
            if isinstance(u, RawTable):
                continue
            folded = self.f(u.start, u.first_line_end)
            if CHROME_ROW.match(folded):
                continue
            m = HEADER_START.match(folded)
            left = _LEFT_OF_GAP.match(folded.lstrip()).group(1)  # a PDF's left column, before the right one
            if m is None and idx + 1 < len(units) and not isinstance(units[idx + 1], RawTable) and len(left) < 40:
                # a cell wrapped by a narrow column: "CỘNG HÒA XÃ" / "HỘI ...", "ỦY BAN NHÂN" / "DÂN",
                # also with the right column beside it ("ỦY BAN NHÂN      CỘNG HÒA XÃ" / "DÂN      HỘI ...")
                below = self.f(units[idx + 1].start, units[idx + 1].first_line_end)
                m = HEADER_START.match(f"{left} {_LEFT_OF_GAP.match(below.lstrip()).group(1)}")
            motto = MOTTO_START.search(folded)  # the issuer's cell and the motto on one line
            before_motto = motto is not None and folded[: motto.start()].strip(" \t|*#")
            cell = self.t(u.start, u.start + motto.start() if before_motto else u.first_line_end)
            if m and (is_upper_text(cell.strip(" \t|").split("|")[0]) or number_field(folded)) and any(
                not isinstance(v, RawTable)
                and (number_field(t := self.f(v.start, v.end)) or NATIONAL_MOTTO.search(t) or PLACE_DATE.search(t))
                for v in units[idx : idx + 8]
            ):
                start = idx
                break
        if start is None:
            return 0
        chrome = 0
        for idx in range(min(len(units), start + 40)):
            u = units[idx]
            if isinstance(u, RawTable):
                continue
            folded = self.f(u.start, u.end)
            if (idx < start and sum(c.isalpha() for c in folded) > 3) or CHROME_ROW.match(folded):
                kinds[idx] = "boilerplate"
                chrome += 1
        if chrome:
            first = next(units[i] for i, k in enumerate(kinds) if k == "boilerplate")
            self.warnings.append(ReadWarning(
                f"Phần giao diện trang web được bỏ qua / site chrome set apart: {chrome} lines "
                "(page title, metadata table, related documents)",
                Span(first.start, first.end), first.source,
            ))
        return start

    def _find_number(self, units: list, start: int) -> int | None:
        """The unit holding the header's number field ``Số: ...`` (within 15 of the start)."""
        for idx in range(start, min(len(units), start + 15)):
            u = units[idx]
            if not isinstance(u, RawTable) and number_field(self.f(u.start, u.end)):
                return idx
            if not isinstance(u, RawTable) and (split := self._split_number_lines(u)) is not None:
                self._split_number = split
                return idx
        return None

    def _split_number_lines(self, u: Para) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """A number field split by a PDF's columns starting in ``u`` (see :func:`split_number`)."""
        return split_number(self.text, self.folded, self._lines_in(u))

    def _header_end(self, units: list, number_idx: int) -> int:
        """The last unit of the header: the number line, then the place-and-date line, motto
        pieces and empty cells that follow it."""
        end = number_idx
        about: int | None = None
        dated = bool(dated_line(self.f(units[number_idx].start, units[number_idx].end)))
        for idx in range(number_idx + 1, min(len(units), number_idx + 5)):
            u = units[idx]
            if isinstance(u, RawTable):
                break
            folded = self.f(u.start, u.end)
            if dated_line(folded) and not dated:
                end, dated = idx, True
            elif (EMPTY_CELLS.match(folded) or NATIONAL_MOTTO.search(folded) or re.fullmatch(r"[\s\-_|]+", folded)
                  or (self._split_number is not None and u.start <= self._split_number[1][0] < u.end)):
                end = idx
            elif not dated and WRAPPED_DATE_START.match(folded):
                end = idx  # "Hà Nội, ngày 01" ... its month and year on the next line
            elif not dated and (_ABOUT_LINE.match(folded) or (about is not None and idx - about < 2)):
                # a letter's "V/v ..." under its number, the right column's place and date after
                # it (the left column read first): the subject sits inside the header
                about = idx if about is None else about
            else:
                break
        self.about = about if dated and about is not None and about < end else None
        return end

    def _is_layout_table(self, table: RawTable) -> bool:
        first = " ".join(self.f(c.span.start, c.span.end) for c in table.rows[0]) if table.rows else ""
        # the recipients beside the signature; a header: the national motto or the Party's
        return bool(re.search(r"n[o0]i\s+nh\w{1,2}n\s*:", first)) or bool(NATIONAL_MOTTO.search(first) or _MOTTO_SPAN.search(first))

    def _table_as_paras(self, table: RawTable) -> list[Para]:
        out = []
        ncols = max(len(r) for r in table.rows)
        for row in table.rows:
            for col in range(ncols):
                if col >= len(row):
                    continue
                cell = row[col]
                pos = cell.span.start
                for part in self.t(cell.span.start, cell.span.end).split("\n"):
                    s, e = pos, pos + len(part)
                    pos = e + 1
                    if part.strip():
                        out.append(Para(s, e, cell.source, e))
        return out

    def _read_header(self, paras: list, fields: dict) -> None:
        paras = [u for u in paras if not isinstance(u, RawTable)]
        if not paras:
            return
        cells: list[tuple[int, int]] = []  # left-column cells (issuing bodies), in order
        # a table flattened with bars: a bar beside a cell's text (a lone "|", a table's rule in a
        # PDF's text layer, is none)
        piped = any("|" in (t := self.t(u.start, u.end)) and not EMPTY_CELLS.match(t) for u in paras)
        # the mottos, wrapped anywhere over the header's lines and units
        mottos = [(m.start(), m.end()) for m in _MOTTO_SPAN.finditer(self.folded, paras[0].start, paras[-1].end)]
        mottos += self._motto_rest(mottos, paras[-1].end)
        for u in paras:
            s, e = u.start, u.end
            folded = self.f(s, e)
            if self._split_number is not None and "symbol" not in fields and s <= self._split_number[0][0] < e:
                (hs, he), (ts, te) = self._split_number
                h = SPLIT_NUMBER_HEAD.fullmatch(self.folded, hs, he)
                t = SPLIT_NUMBER_TAIL.fullmatch(self.folded, ts, te)
                if h.group("num"):
                    fields["number"] = self.t(h.start("num"), h.end("num"))
                    self.spans["number"] = Span(h.start("num"), h.end("num"))
                else:
                    slash = self.text.find("/", ts, te)
                    self.spans["number"] = Span(slash, slash)  # blank: where it would stand
                fields["symbol"] = normalise_symbol(self.t(t.start("sym"), t.end("sym")).replace("\u2013", "-"))
                self.spans["symbol"] = Span(t.start("sym"), t.end("sym"))
            m = number_field(folded)
            if m and "symbol" not in fields:
                if m.group("num"):
                    fields["number"] = self.t(s + m.start("num"), s + m.end("num"))
                    self.spans["number"] = Span(s + m.start("num"), s + m.end("num"))
                else:
                    slash = self.text.find("/", s + m.start(), s + m.start("sym"))
                    at = slash if slash != -1 else s + m.start("sym")
                    self.spans["number"] = Span(at, at)
                sym = re.sub(r"\s+", "", self.t(s + m.start("sym"), s + m.end("sym")))
                sym = re.sub("[\u2013\u2014\u2212]", "-", sym)  # "KH–UBND": Word's dash
                fields["symbol"] = normalise_symbol(undouble_type_code(split_glued_symbol(sym)))
                self.spans["symbol"] = Span(s + m.start("sym"), s + m.end("sym"))
            elif m is None and "symbol" not in fields and "number" not in fields and (m := INCOMPLETE_NUMBER.search(folded)):
                # "Số: 1/KH-<tab>Cần Thơ, ...": the number, and no symbol (its end is lost; not guessed)
                fields["number"] = self.t(s + m.start("num"), s + m.end("num"))
                self.spans["number"] = Span(s + m.start("num"), s + m.end("num"))
                self.warnings.append(ReadWarning(
                    f"Ký hiệu văn bản không đầy đủ, bỏ qua / the symbol is incomplete, not read: "
                    f"{' '.join(self.t(s + m.start(), s + m.end()).split())}",
                    Span(s + m.start("num"), s + m.end()),
                ))
            if not piped:  # line by line: a body's cell may be wrapped over lines
                for ls, le in self._lines_in(u):
                    if self._split_number is not None and ls in (self._split_number[0][0], self._split_number[1][0]):
                        continue  # "Số:" and its "/TTr-VPCP": no body's cell
                    for ms, me in sorted(mottos):  # a motto wrapped onto this line ("CỘNG" / "HÒA XÃ HỘI")
                        if ms < ls < me:
                            ls = min(me, le)
                        elif ls <= ms < le and not self.text[ls:ms].strip() and _COLUMN_GAP.match(self.text, me, le):
                            # the right column first on the line, the left column's cell after a
                            # tab or a wide gap: "CỘNG HÒA ...<tab>UBND TỈNH X", "Độc lập ...<tab>SỞ Y"
                            ls = me
                        elif ls <= ms < le:
                            le = ms
                    cells.extend(self._left_column_segments(ls, le))
        # The place and date may be wrapped over two lines: read them over the whole header.
        self._place_date(paras[0].start, paras[-1].end, fields)
        if piped:
            cells = self._piped_cells(paras)
        self._bodies(cells, fields)
        self._issuer_cell = "issuer" in fields  # the issuer printed in a header cell
        self._place_of_own_unit(fields)

    def _motto_rest(self, mottos: list[tuple[int, int]], end: int) -> list[tuple[int, int]]:
        """The end of a motto wrapped in its narrow column, printed beside the issuer's next
        line (a PDF's text layer: ``THÀNH PHỐ HÀ NỘI          VIỆT NAM`` under ``ỦY BAN NHÂN
        DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA``): ``VIỆT NAM`` after a wide gap, ending its
        line, on the next line that has text."""
        out = []
        for _, me in mottos:
            if not self.folded[:me].endswith("chu nghia"):
                continue
            m = _MOTTO_REST.match(self.folded, me, end)
            if m is not None:
                out.append((m.start("rest"), m.end("rest")))
        return out

    def _place_of_own_unit(self, fields: dict) -> None:
        """A commune's, a district's or a city's place line names the unit itself (``Đăk La,
        ngày ...`` under ``UBND XÃ ĐĂK LA``; ``Hà Tiên`` under ``UBND THÀNH PHỐ HÀ TIÊN``):
        read as written, not as the province its spelling is close to (Đắk Lắk, Hà Tĩnh)."""
        span = self.spans.get("place")
        issuer = fields.get("issuer")
        if span is None or not isinstance(issuer, str):
            return
        m = _OWN_UNIT.search(fold(issuer))
        if m is None:
            return
        written = " ".join(self.t(span.start, span.end).split())
        if " ".join(fold(written).split()) != " ".join(m.group("name").split()):
            if self._place_loose:  # "Tân Hòa" is no damaged "Thanh Hóa" under "UBND XÃ TÂN HÒA"
                fields["place"] = written
            return
        prov = match_place(written, cutoff=1.0)
        if prov is not None and m.group("unit") == "thanh pho":
            return  # "Bắc Ninh" under "UBND THÀNH PHỐ BẮC NINH": the city inside its province
        fields["place"] = written

    def _piped_cells(self, paras: list) -> list[tuple[int, int]]:
        """The cells of a header table a website flattened with ``|``: a cell runs over lines
        until its bar, except that a table flattened row by row (``ỦY BAN NHÂN DÂN | CỘNG HÒA
        ...`` over ``XÃ PHONG HẢI | Độc lập ...``) ends its last cell with the line when the
        next line is a row too (also a motto cell wrapped onto a line of its own, ``VIỆT NAM``
        between the rows); motto, number and date cells are left out."""
        out: list[tuple[int, int]] = []
        cur: tuple[int, int] | None = None
        lines = [line for u in paras for line in self._lines_in(u)]
        for i, (ls, le) in enumerate(lines):
            pos = ls
            line = self.t(ls, le)
            parts = line.split("|")
            for k, part in enumerate(parts):
                ps, pe = pos, pos + len(part)
                pos = pe + 1
                if part.strip(" \t-_*"):
                    cur = (cur[0], pe) if cur else (ps, pe)
                if k < len(parts) - 1 and cur is not None:  # a bar closes the cell
                    out.append(cur)
                    cur = None
            if (cur is not None and (len(parts) > 1 or _MOTTO_SPAN.search(self.folded, *cur)) and i + 1 < len(lines)
                    and ("|" in self.t(*lines[i + 1])  # a row's last cell ends with its line,
                         # also over the number row copied without bars (the right column first:
                         # "Độc lập ... | SỞ CÔNG THƯƠNG" over "Số: 12/KH-SCT  Hải Dương, ngày ...")
                         or number_field(self.f(lines[i + 1][0], lines[i + 1][0] + 24)))):
                out.append(cur)
                cur = None
        if cur is not None:
            out.append(cur)
        keep = []
        for cs, ce in out:
            folded = self.f(cs, ce)
            if NATIONAL_MOTTO.search(folded) or number_field(folded) or PLACE_DATE.search(folded):
                continue
            if re.search(r"dang\s+cong\s+san\s+viet\s+nam|" + YOUTH_MOTTO, folded):
                continue
            cs2, ce2 = cs, ce
            while cs2 < ce2 and self.text[cs2] in " \t*#-_\n":
                cs2 += 1
            while ce2 > cs2 and self.text[ce2 - 1] in " \t*-_\n":
                ce2 -= 1
            if ce2 > cs2:
                keep.append((cs2, ce2))
        return keep

    def _bodies(self, cells: list[tuple[int, int]], fields: dict) -> None:
        """Parent and issuer from the left-column cells: ``UBND TỈNH X`` over ``SỞ Y`` is parent
        and issuer; a body alone (``ỦY BAN NHÂN DÂN TỈNH X``, ``BỘ Y TẾ``) is the issuer."""
        found: list[tuple[int, int, str, str]] = []
        # (start, end, text): a body wrapped over cells is the cells' words, not the span between
        # them, which holds the right column when a site flattened the table row by row
        merged: list[tuple[int, int, str]] = []
        raw_of: dict[tuple[int, int], str] = {}
        cells = [part for cs, ce in cells for part in self._split_stacked_bodies(cs, ce)]
        for cs, ce in cells:
            raw = " ".join(self.t(cs, ce).split())
            if merged and self._continues_body(merged[-1][2], raw):
                merged[-1] = (merged[-1][0], ce, f"{merged[-1][2]} {raw}")
            else:
                merged.append((cs, ce, raw))
        for cs, ce, raw in merged:
            if not fold(raw).strip() or not is_upper_text(raw):
                continue
            named = body_name(raw)
            if named is not None:
                found.append((cs, ce, *named))
                raw_of[(cs, ce)] = raw
        if not found:
            return
        symbol = fold(str(fields.get("symbol") or ""))
        if len(found) >= 2 and (re.match(r"[a-z]+lt(?:-|$)", symbol) or all(
                f[3] == "department" and f[2].startswith("Sở ") for f in found[:2])):
            # a joint plan ("SỞ Y TẾ | SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 120/KHLT-SYT-SGDĐT"): its
            # issuers side by side, none the other's parent; the first leads
            cs, ce, name, _kind = found[0]
            fields["issuer"] = name
            self.spans["issuer"] = Span(cs, ce)
            return
        if (len(found) >= 2 and found[1][3] in ("department", "party")) or (
            len(found) >= 2 and found[0][3] == "party"
        ) or (  # "UBND TỈNH QUẢNG NGÃI" over "UBND XÃ LONG SƠN": a commune under its province
            len(found) >= 2 and found[0][3] == found[1][3] == "local" and _OWN_UNIT.search(fold(found[1][2]))
            and not _OWN_UNIT.search(fold(found[0][2]))
        ):
            ps, pe = found[0][0], found[0][1]
            parent_raw = raw_of[(ps, pe)]
            parent = normalise_parent(parent_raw) if found[0][3] == "local" else found[0][2]
            if found[0][3] == "local" and is_upper_text(parent) and found[0][2].startswith("Ủy ban nhân dân "):
                parent = "UBND " + found[0][2][len("Ủy ban nhân dân "):]  # "UBND huyện Cẩm Giàng"
            fields["parent"] = parent
            self.spans["parent"] = Span(ps, pe)
            cs, ce, name, kind = found[1]
            # a province's department in its registry spelling (body_name's), a ministry's unit
            # (Vụ, Cục) as named
            fields["issuer"] = name
            if name == "Văn phòng" and found[0][3] == "local":
                fields["issuer"] = f"Văn phòng {found[0][2]}"  # the office of the committee above
            above = found[0][2]
            if kind == "party" and name in ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Đảng ủy") and above.startswith("Đảng bộ "):
                # "ĐẢNG BỘ TỈNH NGHỆ AN" over "TỈNH ỦY": the committee of that unit
                fields["issuer"] = f"{name} {above.split(None, 3)[-1]}"
            elif kind == "party" and PARTY_BOARD.match(fold(name)) and above.startswith("Đảng bộ "):
                # "ĐẢNG BỘ TỈNH GIA LAI" over "BAN THƯỜNG VỤ": the board of the unit's committee
                fields["issuer"] = f"{name} {committee_of(above)}"
            elif kind == "party" and PARTY_BOARD.match(fold(name)) and re.match(r"(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ủy \S", above):
                fields["issuer"] = f"{name} {above}"  # "TỈNH ỦY QUẢNG NINH" over "BAN TUYÊN GIÁO"
            elif fold(name) in ("ban thuong vu", "ban chap hanh") and re.match(
                    r"(?:Hội |Liên đoàn |Ủy ban Mặt trận |(?:Tỉnh|Thành|Huyện) Đoàn )", above):
                # "HỘI NÔNG DÂN TỈNH PHÚ YÊN" over "BAN THƯỜNG VỤ": the board of that organisation
                fields["issuer"] = f"{name} {above}"
            elif (above == "Ban Chấp hành Trung ương" and "trung uong" not in fold(name)
                  and (central := body_name(f"{name} Trung ương")) is not None):
                fields["issuer"] = central[0]  # "BAN TUYÊN GIÁO" under the Central Committee
            self.spans["issuer"] = Span(cs, ce)
            return
        cs, ce, name, kind = found[0]
        if kind == "party" and name == "Ban Chấp hành Trung ương" and "doan tncs ho chi minh" in self.folded[cs : ce + 400]:
            fields["issuer"] = "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh"  # beside the Youth Union's title
            self.spans["issuer"] = Span(cs, ce)
            return
        if kind == "party" and name == "Ban Chấp hành Trung ương":
            fields["parent"] = name  # the Party's Central Committee over a body the site dropped
            self.spans["parent"] = Span(cs, ce)
            return
        fields["issuer"] = name
        self.spans["issuer"] = Span(cs, ce)

    def _continues_body(self, raw_prev: str, raw: str) -> bool:
        """Whether a left-column cell goes on with the body of the cell above it, wrapped:
        ``ỦY BAN NHÂN DÂN`` or ``VĂN PHÒNG ỦY BAN NHÂN DÂN`` over ``TỈNH QUẢNG NINH``; ``SỞ KHOA
        HỌC VÀ`` over ``CÔNG NGHỆ``; ``THỦ TƯỚNG CHÍNH`` over ``PHỦ``. A cell that names a body
        of its own (``SỞ NỘI VỤ`` under ``UBND TỈNH NGHỆ AN``) starts a new one."""
        if not is_upper_text(raw) or not is_upper_text(raw_prev):
            return False
        prev_key = " ".join(fold(raw_prev).split()).strip(" |-*")
        if UNIT_LINE.match(fold(raw)):
            # a committee cut before its unit, or a name that is no whole body but is one with the
            # unit under it ("BẢO HIỂM XÃ HỘI" / "TỈNH QUẢNG TRỊ", "ỦY BAN MTTQ VIỆT NAM" / "XÃ
            # HÒA AN"); never a body of its own ("ĐẢNG BỘ TỈNH X" over "TỈNH ỦY")
            if _ENDS_BARE_BODY.search(prev_key) or complete_body(raw_prev) or body_name(" ".join(raw.split())):
                return bool(_ENDS_BARE_BODY.search(prev_key))
            alone, joined = body_name(" ".join(raw_prev.split())), body_name(" ".join(f"{raw_prev} {raw}".split()))
            return joined is not None and (alone is None or (joined[0] != alone[0] and joined[0].startswith(alone[0])))
        if body_name(" ".join(raw.split())) is not None or complete_body(raw_prev):
            return False
        return body_name(" ".join(f"{raw_prev} {raw}".split())) is not None

    def _split_stacked_bodies(self, cs: int, ce: int) -> list[tuple[int, int]]:
        """A cell holding a committee and its department on one line (``UBND TỈNH NGHỆ AN SỞ
        NỘI VỤ``, a header flattened onto one line) as two cells; any other cell unchanged."""
        m = STACKED_BODIES.match(self.folded, cs, ce)
        if m is None or not is_upper_text(self.t(cs, ce)):
            return [(cs, ce)]
        # both halves must name bodies of their own: the committee with its unit's name, and a
        # department ("PHÒNG" only with a known field): "ỦY BAN NHÂN DÂN XÃ PHONG HẢI" is one
        # commune, not "UBND xã" over a "Phòng Hải". Of the places the department may start, one
        # after a whole province's name first ("UBND THÀNH PHỐ HẢI PHÒNG SỞ NỘI VỤ" is no
        # "UBND THÀNH PHỐ HẢI" over a "Phòng Sở Nội vụ")
        first = None
        for d in DEPARTMENT_WORD.finditer(self.folded, m.start("department"), ce):
            above = body_name(" ".join(self.t(cs, d.start()).split()))
            below = body_name(" ".join(self.t(d.start(), ce).split()))
            if (above is None or above[1] != "local" or not _NAMED_UNIT.search(fold(above[0]))
                    or below is None or below[1] != "department"
                    or (d.group(0).startswith("phong") and not below[0].startswith("Phòng "))):
                continue
            if parent_province(above[0]) is not None:
                return [(cs, d.start()), (d.start(), ce)]
            first = first if first is not None else d.start()
        return [(cs, ce)] if first is None else [(cs, first), (first, ce)]

    def _cell_goes_on(self, s: int, e: int) -> bool:
        """Whether the words from ``s`` after a run of spaces or a tab go on with the cell before
        it (``TỈNH   BẮC NINH``, ``TỈNH<tab>BẮC NINH``: a copy's spacing) rather than start the
        right column: capitals that are neither the motto, the Party's name, a date nor a rule."""
        after = self.t(s, e).strip()
        return (is_upper_text(after) and not re.search(r"\d|[-_=*|]{2}", after)
                and not _RIGHT_CAPITALS.search(self.f(s, e)))

    def _left_column_segments(self, s: int, e: int) -> list[tuple[int, int]]:
        """The left-column part of a header line (before the motto or the number)."""
        folded = self.f(s, e)
        cut = len(folded)
        # PDF layout text puts the right column on the same line after a run of spaces.
        gap = re.search(r"\S( {3,}|\t)\S", folded)
        if gap and not self._cell_goes_on(s + gap.end() - 1, e):
            cut = gap.start() + 1
        for pat in (NATIONAL_MOTTO, MOTTO_START, _NUMBER_CUT, re.compile(r"\|")):
            m = pat.search(folded)
            if m:
                cut = min(cut, m.start())
        seg_s, seg_e = s, s + cut
        while seg_s < seg_e and self.text[seg_s] in " \t*#":
            seg_s += 1
        while seg_e > seg_s and self.text[seg_e - 1] in " \t*":
            seg_e -= 1
        return [(seg_s, seg_e)] if seg_e > seg_s else []

    def _place_date(self, s: int, e: int, fields: dict) -> bool:
        if "date_parts" in fields:
            return False
        folded = self.f(s, e)
        m = PLACE_DATE.search(folded) or PLACE_NO_COMMA.search(folded)
        if m:
            at = m.start("cut") if m.re is PLACE_NO_COMMA else m.start()  # where the place ends
            d = DateMatch.of(m)
            fields["date_parts"] = PartialDate(d.day, d.month, d.year)
            self.spans["date"] = Span(s + at + (m.re is PLACE_DATE), s + m.end())
        else:  # a draft's date left blank to the year: "Ninh Bình, ngày ... tháng ... năm ..."
            m = _BLANK_PLACE_DATE.search(folded)
            if not m:
                return False
            at = m.start()
            fields["date_parts"] = PartialDate(None, None, None)
        # the place: the longest run of words before the comma that names a province
        cut = self.text.rfind("|", s, s + at) + 1 or s  # the place's own cell
        before = self.t(s, s + at)
        words = [w for w in re.finditer(r"[^\s,.:/|]+\.?", before) if w.start() >= cut - s]
        tries = [(n, 1.0) for n in range(min(6, len(words)), 0, -1)]  # exact spellings first
        tries += [(n, 0.85) for n in range(min(4, len(words)), 0, -1)]  # then OCR-damaged ones
        for n, cutoff in tries:
            cand = words[-n:]
            raw = before[cand[0].start() : cand[-1].end()]
            prov = match_place(raw, cutoff=cutoff)
            if prov:
                fields["place"] = prov.name
                self.spans["place"] = Span(s + cand[0].start(), s + cand[-1].end())
                self._place_loose = cutoff < 1.0 and match_place(raw, cutoff=1.0) is None
                return True
        # a place that is no province (a commune, a district): its capitalised words, on the
        # date's own line (a draft's "........., ngày" has none: the words of the lines above,
        # "BỘ Y TẾ" and "Số: /KH-BYT", are no place)
        line_start = before.rfind("\n") + 1
        if before.rstrip().endswith("..."):  # a draft's "........., ngày": the place is not known
            return True
        words = [w for w in words if w.start() >= line_start]

        def place_word(w: re.Match[str]) -> bool:  # not the code after a symbol's slash: "ĐU" of "Số 12-KH/ĐU"
            return w.group()[:1].isupper() and _place_word(w.group()) and before[w.start() - 1 : w.start()] != "/"

        if words and place_word(words[-1]):
            first = len(words) - 1
            while first > 0 and len(words) - first < 4 and place_word(words[first - 1]):
                first -= 1
            raw = " ".join(w.group() for w in words[first:])
            fields["place"] = raw
            self.spans["place"] = Span(s + words[first].start(), s + words[-1].end())
        return True

    def _read_subject(self, units: list, start: int, kinds: list[str], fields: dict) -> int:
        idx = start
        subj: list[Para] = []
        cut: int | None = None  # where an authority's title wrapped onto the subject's last line starts
        while idx < len(units) and not isinstance(units[idx], RawTable):
            u = units[idx]
            folded = self.f(u.start, u.end)
            upper = is_upper_text(self.t(u.start, u.end))
            if ((BASIS.match(folded) and not upper and not (idx == start and self._subject_opening(u)))
                    or (ROMAN.match(folded) and upper)
                    or folded.startswith("kinh gui")  # a letter's addressees, never its subject
                    or (subj and len(folded) < 120 and PLACE_DATE.search(folded))):  # "Hưng Yên, ngày ..."
                break
            if subj and upper and (tail := _AUTHORITY_HEAD.search(self.folded, subj[-1].start, subj[-1].end)) and (
                    AUTHORITY.match(f"{tail.group(1)} {folded}") and is_upper_text(self.t(subj[-1].start, subj[-1].end))):
                # the authority's title wrapped onto the subject's line ("... 2021-2025 BỘ" / "TRƯỞNG BỘ Y TẾ")
                cut = tail.start(1)
                break
            if subj and (
                self.t(subj[-1].end, u.start).count("\n") > 1
                # the subject ended with its year (a title in capitals may go on in capitals)
                or (SUBJECT_YEAR_END.search(self.f(subj[-1].start, subj[-1].end))
                    and not (upper and is_upper_text(self.t(subj[-1].start, subj[-1].end))))
                or (starts_unit(self.f(u.start, u.first_line_end), self.t(u.start, u.first_line_end))
                    # a title in capitals wrapped before "THỰC HIỆN", "TRIỂN KHAI": no clause
                    and not (upper and BASIS.match(folded) and is_upper_text(self.t(subj[-1].start, subj[-1].end))))
                or (upper and (AUTHORITY.match(folded) or folded.rstrip().endswith(":")))  # "BỘ TRƯỞNG BỘ Y TẾ"
                or (upper and self._bare_authority(u))  # "BỘ TRƯỞNG" over "BỘ NỘI VỤ" over "Căn cứ"
                # a collective body decides in its own name: "ỦY BAN NHÂN DÂN TỈNH YÊN BÁI" over "Căn cứ"
                or (upper and COLLECTIVE_AUTHORITY.match(self.f(u.start, u.first_line_end))
                    and self._basis_follows(u.first_line_end))
                or (not upper and self._opens_body(subj, u))
            ):
                break
            subj.append(u)
            kinds[idx] = "subject"
            idx += 1
            if upper and (inner := next((a for a, b in self._lines_in(u)[1:] if COLLECTIVE_AUTHORITY.match(self.f(a, b))
                                         and self._basis_follows(b)), None)) is not None:
                cut = inner  # the collective authority a copy joined to the subject's last line
                break
            if len(subj) >= (6 if upper else 3) and not (
                    # ... over more still in a narrow column (a table's PDF): up to 12 short lines
                    upper and len(subj) < 12 and sum(p.end - p.start for p in subj) < 60 * len(subj)):
                break  # a title in capitals wraps over more lines
        if start > 0 and isinstance(units[start - 1], Para):  # "KẾ HOẠCH" / its subject in one unit
            d = units[start - 1]
            if (d.first_line_end < d.end and DOC_TYPE_LINE.match(self.f(d.start, d.first_line_end))
                    and self.t(d.first_line_end, d.end).strip()
                    and not (subj and SUBJECT_YEAR_END.search(self.f(d.first_line_end, d.end)))):
                subj.insert(0, Para(d.first_line_end + 1, d.end, d.source, d.end))
        if subj:
            s, e = subj[0].start, subj[-1].end if cut is None else cut
            while e > s and self.text[e - 1] in " \t|":  # and a flattened table's last bar: "V/v ... |"
                e -= 1
            clause = _INLINE_CLAUSE_AFTER_YEAR.search(self.folded, s, e)
            if clause is not None and self.text[clause.start("word")].isupper():
                e = clause.start()  # "... năm 2022 Căn cứ Nghị định ...": a header flattened onto a line
            fields["title"] = display_text(self.t(s, e))
            self.spans["title"] = Span(s, e)
            folded = self.f(s, e)
            # "đến năm 2030", "từ năm 2021" bound a period: not the plan's own year
            years = [y for y in SUBJECT_YEAR.finditer(folded)
                     if not re.search(r"(?:den|tu|truoc|sau|dinh\s+huong)\s*$", folded[: y.start()])]
            if years:
                m = years[-1]
                fields["year"] = int(m.group(1))
                self.spans["year"] = Span(s + m.start(1), s + m.end(1))
        return idx

    def _opens_body(self, subj: list[Para], u: Para) -> bool:
        """Whether a unit under the subject lines is the body's first paragraph, not more of
        the subject: after a title in capitals, a line in small letters that opens with a
        capital or ends a sentence (``TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH`` / ``Để triển khai
        ..., Sở xây dựng kế hoạch như sau:``); after any subject, a sentence that opens with a
        capital and ends with ``.`` or ``:`` (``Ngày 10 tháng 4 năm 2025, Bộ trưởng chủ trì
        ...``). A wrapped subject goes on in small letters and ends with no full stop."""
        raw = self.t(u.start, u.end).strip(" \t*#")
        first = next((c for c in raw if c.isalpha()), "")
        sentence = raw.endswith((".", ":", ";")) and not raw.endswith("...")
        if all(is_upper_text(self.t(p.start, p.end)) for p in subj):
            if all(DOC_TYPE_LINE.match(self.f(p.start, p.end)) for p in subj):
                return False  # the type line printed twice ("CHỈ THỊ" / "CHỈ THỊ" / its subject)
            return first.isupper() or sentence
        last = self.t(subj[-1].start, subj[-1].end).rstrip()
        return first.isupper() and sentence and not last.endswith((",", "-", "và", "của", "về"))

    def _subject_opening(self, u: Para) -> bool:
        """Whether the line right after the type line, opening with ``Thực hiện`` or ``Triển
        khai``, is the subject (``Thực hiện chuyển đổi số năm 2023``, a Party plan's ``thực hiện
        Chỉ thị số 23-CT/TW ...``) rather than a basis clause: it ends without a clause's
        ``;``, ``,``, ``:`` or ``.``."""
        folded = self.f(u.start, u.end)
        if not _SUBJECT_OPENING.match(folded) or len(folded) > 300:
            return False
        return self.t(u.start, u.end).rstrip(" *\t\n")[-1:] not in (";", ",", ":", ".")

    def _drop_type_from_title(self, fields: dict, doc_type: str | None = None) -> None:
        """A title in capitals that opens with the document's type (``KẾ HOẠCH TUYÊN TRUYỀN NĂM
        2024``, the type line run into the subject): the subject is what follows the type. With
        ``doc_type`` (the type line read above the subject), only that type is dropped: a copy
        that repeats the type line (``CHỈ THỊ`` / ``CHỈ THỊ`` / ``Xây dựng ...``)."""
        span = self.spans.get("title")
        if span is None:
            return
        m = DOC_TYPE_WORDS.match(self.folded, span.start, span.end)
        # the type in capitals, whatever the case of the subject after it ("KẾ HOẠCH Tuyên
        # truyền ... năm 2023" of a header flattened onto one line)
        if m is None or not is_upper_text(self.t(span.start, m.end())) or not self.f(m.end(), span.end).strip():
            return
        if doc_type is not None and DOC_TYPES.get(" ".join(self.f(span.start, m.end()).split())) != doc_type:
            return
        fields["title"] = display_text(self.t(m.end(), span.end))
        self.spans["title"] = Span(m.end(), span.end)

    def _basis_follows(self, at: int) -> bool:
        """Whether a ``Căn cứ`` follows offset ``at`` within 120 characters with only capitals
        between: what ends a decision's issuing authority ("BỘ TRƯỞNG BỘ TƯ PHÁP" above its
        basis), however a copy wrapped it."""
        m = _CAN_CU.search(self.f(at, at + 120))
        if m is None:
            return False
        gap = self.t(at, at + m.start()).strip()
        return not gap or is_upper_text(gap)

    def _bare_authority(self, u: Para) -> bool:
        """Whether a unit opens with an authority's title alone (``BỘ TRƯỞNG``, ``CHỦ TỊCH``)
        followed by its body and a basis clause (:meth:`_basis_follows`): a decision's issuing
        authority wrapped over two lines (``BỘ TRƯỞNG`` / ``BỘ NỘI VỤ``)."""
        return bool(_TITLE_ALONE.match(self.f(u.start, u.first_line_end))) and self._basis_follows(u.first_line_end)

    def _read_authority(self, units: list, at: int, fields: dict) -> None:
        """A decision names its authority after the subject (``BỘ TRƯỞNG BỘ Y TẾ``, ``THỦ TƯỚNG
        CHÍNH PHỦ``, or ``BỘ TRƯỞNG`` over ``BỘ Y TẾ``): the issuer when the header did not give
        one (the site dropped it)."""
        if "issuer" in fields or at >= len(units) or isinstance(units[at], RawTable):
            return
        u = units[at]
        if self._bare_authority(u):  # the body on the next line
            lines = self._lines_in(u)
            nxt = lines[1] if len(lines) > 1 else None
            if nxt is None and at + 1 < len(units) and isinstance(units[at + 1], Para):
                nxt = (units[at + 1].start, units[at + 1].first_line_end)
            raw = self.t(*nxt).strip() if nxt else ""
            named = body_name(" ".join(raw.split())) if raw and is_upper_text(raw) else None
            if named is not None and nxt is not None:
                fields["issuer"] = named[0]
                self.spans["issuer"] = Span(*nxt)
            return
        raw = self.t(u.start, u.first_line_end)
        if (is_upper_text(raw) and COLLECTIVE_AUTHORITY.match(self.f(u.start, u.first_line_end))
                and self._basis_follows(u.first_line_end) and (named := body_name(" ".join(raw.split()))) is not None):
            fields["issuer"] = named[0]  # "ỦY BAN THƯỜNG VỤ QUỐC HỘI" over its "Căn cứ"
            self.spans["issuer"] = Span(u.start, u.first_line_end)
            return
        m = AUTHORITY.match(self.f(u.start, u.first_line_end))
        if m and is_upper_text(raw):
            named = body_name(raw[m.start("body"):] if m.group("body") else raw)
            if named is not None:
                fields["issuer"] = named[0]
                self.spans["issuer"] = Span(u.start + (m.start("body") if m.group("body") else 0), u.first_line_end)

    def _lines_in(self, u: Para) -> list[tuple[int, int]]:
        out, pos = [], u.start
        for part in self.t(u.start, u.end).split("\n"):
            out.append((pos, pos + len(part)))
            pos += len(part) + 1
        return out
