"""The front of a plan: its header (issuer, number, place and date), its subject, the authority
of a decision, and the metadata of a news post or portal page that restates a plan.

:class:`FrontReader` holds the reader's state (the text, its folded form, the spans found, the
warnings); :class:`plankit.read._structure._Builder` adds the body and the tail.
"""

from __future__ import annotations

import re

from ..dates import DATE_PATTERN, DateMatch
from ..model import (
    PartialDate,
    ReadWarning,
    Source,
    Span,
)
from ..places import find_places, match_place, provinces
from ..text import fold, is_upper_text
from ._header import (
    CHROME_ROW,
    EMPTY_CELLS,
    HEADER_START,
    PARTY_NUMBER,
    body_name,
    complete_body,
    doc_type_of_symbol,
    split_glued_symbol,
)
from ._layout import Layout, RawTable
from ._units import (
    AUTHORITY,
    BARE_BODY,
    BASIS,
    DOC_TYPE_LINE,
    DOC_TYPE_WORDS,
    DOC_TYPES,
    LEAD,
    MOTTO_START,
    NATIONAL_MOTTO,
    NUMBER,
    PLACE_DATE,
    ROMAN,
    SELF_INTRO,
    SUBJECT_YEAR,
    SUBJECT_YEAR_END,
    UNIT_LINE,
    WRAPPED_DATE_START,
    Para,
    display_text,
    normalise_body,
    normalise_parent,
    normalise_symbol,
    starts_unit,
)


def _place_word(word: str) -> bool:
    """Whether a word may belong to a place name: no digit, no code in capitals (``140``,
    ``QĐ-UBND`` of the number line above a place-and-date line); ``Rang-Tháp`` may."""
    return not any(c.isdigit() for c in word) and not ("-" in word and word.isupper())


# A committee and its department run together in one cell: "ubnd tinh nghe an so noi vu",
# "uy ban nhan dan tinh son la van phong". Not "ubnd tinh son la" alone.
_STACKED_BODIES = re.compile(
    r"[\s*]*(?:uy\s+ban\s+nhan\s+dan|ubnd)\s+\S.*?\s(?P<department>(?:so|van\s+phong|phong)(?:\s+\S.*)?)\s*$", re.S
)


# The unit below a province that an issuer names: "ủy ban nhân dân xã đăk la", "... thành phố hà tiên".
# A place and a date left wholly blank (a draft): "Ninh Bình, ngày ... tháng ... năm ...",
# "Hà Nội, ngày     tháng     năm". Not a date with any number (PLACE_DATE reads those).
_BLANK_PLACE_DATE = re.compile(r",[ \t]*ng[a-z]{1,2}y[\s._\u2026]*th[a-z]{1,3}ng[\s._\u2026]*n[a-z]{1,3}m[ \t._\u2026]*(?=\||\n|$)")
# Capitals that open the right column of a header: the motto and the Party's name.
_RIGHT_CAPITALS = re.compile(r"cong\s+hoa|dang\s+cong\s+san|d\w{0,2}oc\s+[1l]ap")
# Where the left column ends on a header line: the number field ("Số:", a Party's "Số 112-KH/HU")
# or the Party's motto in the right column.
_NUMBER_CUT = re.compile(r"(^|\s)s[o6b¢]\s*:|(^|\s)s[o6]\s+(?:\d+\s*)?-\s*[a-z]|dang\s+cong\s+san\s+viet\s+nam")
# A subject may open as a basis clause does, with these words (never with "Căn cứ").
_SUBJECT_OPENING = re.compile(r"[\s*]*(?:thuc\s+hien|trien\s+khai)\b")
# The mottos of a header's right column, wrapped anywhere: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
# "Độc lập - Tự do - Hạnh phúc", the Party's "ĐẢNG CỘNG SẢN VIỆT NAM".
_MOTTO_SPAN = re.compile(
    r"(?<![a-z])cong\s+hoa\s+xa\s*h\w{1,2}i(?:\s+chu\s+nghia(?:\s+viet(?:\s+nam)?)?)?"
    r"|(?<![a-z])d\w{0,2}oc\s+[1l]ap\s*-?\s*tu\s+do\s*-?\s*hanh\s+phuc|(?<![a-z])dang\s+cong\s+san\s+viet\s+nam"
)
# The rest of a motto wrapped in its column ("... CHỦ NGHĨA" / "VIỆT NAM"), printed on the next
# line with text after the left column's words and a gap of two spaces or more, ending the
# line or followed by the second motto ("VIỆT NAM Độc lập Tự do Hạnh phúc"). Not an
# issuer's own "VIỆT NAM" (BẢO HIỂM XÃ HỘI VIỆT NAM: no gap before it).
_MOTTO_REST = re.compile(r"[^\n]*\n(?:[ \t]*\n)*(?:[^\n]*?\S[ \t]{2,}|[ \t]*)(?P<rest>viet\s+nam)"
                         r"(?=[ \t]*(?:\n|$|d\w{0,2}oc\s+[1l]ap))")
# A basis clause run into a subject after its year: "... cơ sở năm 2022 Căn cứ Nghị định ...".
_INLINE_CLAUSE_AFTER_YEAR = re.compile(r"(?<=\d{4})[ \t]+(?P<word>can\s+cu|thuc\s+hien|trien\s+khai)(?![a-z])")
# A cell that ends with a body cut from its unit: "uy ban nhan dan", "van phong uy ban nhan dan".
_ENDS_BARE_BODY = re.compile(r"(?:^|^van\s+phong\s+|^chu\s+tich\s+)(?:uy\s+ban\s+nhan\s+dan|ubnd|hoi\s+dong\s+nhan\s+dan|hdnd)$")
# An authority's title on a line of its own, its body on the next ("BỘ TRƯỞNG" / "BỘ NỘI VỤ").
_TITLE_ALONE = re.compile(r"^[\s*]*(?:bo\s+truong|thu\s+truong|chu\s+tich|giam\s+doc|truong\s+ban)[\s*]*$")
_CAN_CU = re.compile(r"(?<![a-z])can\s+cu(?![a-z])")
_OWN_UNIT = re.compile(r"\b(?P<unit>xa|phuong|thi tran|dac khu|huyen|quan|thi xa|thanh pho)\s+(?P<name>\S.*)$")


def _number(folded: str) -> re.Match[str] | None:
    """The number field of a header: ``Số: 07/KH-UBND``, or a Party document's ``Số 112-KH/HU``."""
    return NUMBER.search(folded) or PARTY_NUMBER.search(folded)


class FrontReader:
    """The header and subject readers (see the module doc)."""

    def __init__(self, layout: Layout, source: Source):
        self.layout = layout
        self.text = layout.text
        self.folded = fold(layout.text) if layout.folded is None else layout.folded
        self.source = source
        self.warnings: list[ReadWarning] = list(layout.warnings)
        self.spans: dict[str, Span] = {}
        self._place_loose = False  # the place line matched a province only loosely (OCR damage?)

    # -- helpers ----------------------------------------------------------------------------
    def f(self, start: int, end: int) -> str:
        return self.folded[start:end]

    def t(self, start: int, end: int) -> str:
        return self.text[start:end]


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
            if m is None and idx + 1 < len(units) and not isinstance(units[idx + 1], RawTable) and len(folded) < 40:
                # a cell wrapped by a narrow column: "CỘNG HÒA XÃ" / "HỘI ...", "ỦY BAN NHÂN" / "DÂN"
                m = HEADER_START.match(f"{folded} {self.f(units[idx + 1].start, units[idx + 1].first_line_end)}")
            motto = MOTTO_START.search(folded)  # the issuer's cell and the motto on one line
            before_motto = motto is not None and folded[: motto.start()].strip(" \t|*#")
            cell = self.t(u.start, u.start + motto.start() if before_motto else u.first_line_end)
            if m and (is_upper_text(cell.split("|")[0]) or _number(folded)) and any(
                not isinstance(v, RawTable)
                and (_number(t := self.f(v.start, v.end)) or NATIONAL_MOTTO.search(t) or PLACE_DATE.search(t))
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
            if not isinstance(u, RawTable) and _number(self.f(u.start, u.end)):
                return idx
        return None

    def _header_end(self, units: list, number_idx: int) -> int:
        """The last unit of the header: the number line, then the place-and-date line, motto
        pieces and empty cells that follow it."""
        end = number_idx
        dated = bool(PLACE_DATE.search(self.f(units[number_idx].start, units[number_idx].end)))
        for idx in range(number_idx + 1, min(len(units), number_idx + 5)):
            u = units[idx]
            if isinstance(u, RawTable):
                break
            folded = self.f(u.start, u.end)
            if PLACE_DATE.search(folded) and not dated:
                end, dated = idx, True
            elif EMPTY_CELLS.match(folded) or NATIONAL_MOTTO.search(folded) or re.fullmatch(r"[\s\-_|]+", folded):
                end = idx
            elif not dated and WRAPPED_DATE_START.match(folded):
                end = idx  # "Hà Nội, ngày 01" ... its month and year on the next line
            else:
                break
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
        piped = any("|" in self.t(u.start, u.end) for u in paras)
        # the mottos, wrapped anywhere over the header's lines and units
        mottos = [(m.start(), m.end()) for m in _MOTTO_SPAN.finditer(self.folded, paras[0].start, paras[-1].end)]
        mottos += self._motto_rest(mottos, paras[-1].end)
        for u in paras:
            s, e = u.start, u.end
            folded = self.f(s, e)
            m = _number(folded)
            if m and "symbol" not in fields:
                if m.group("num"):
                    fields["number"] = self.t(s + m.start("num"), s + m.end("num"))
                    self.spans["number"] = Span(s + m.start("num"), s + m.end("num"))
                else:
                    slash = self.text.find("/", s + m.start(), s + m.start("sym"))
                    at = slash if slash != -1 else s + m.start("sym")
                    self.spans["number"] = Span(at, at)
                sym = re.sub(r"\s+", "", self.t(s + m.start("sym"), s + m.end("sym")))
                fields["symbol"] = normalise_symbol(split_glued_symbol(sym))
                self.spans["symbol"] = Span(s + m.start("sym"), s + m.end("sym"))
            if not piped:  # line by line: a body's cell may be wrapped over lines
                for ls, le in self._lines_in(u):
                    for ms, me in mottos:  # a motto wrapped onto this line ("CỘNG" / "HÒA XÃ HỘI")
                        if ms < ls < me:
                            ls = min(me, le)
                        elif ls <= ms < le:
                            le = ms
                    cells.extend(self._left_column_segments(ls, le))
        # The place and date may be wrapped over two lines: read them over the whole header.
        self._place_date(paras[0].start, paras[-1].end, fields)
        if piped:
            cells = self._piped_cells(paras)
        self._bodies(cells, fields)
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
        next line is a row too; motto, number and date cells are left out."""
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
            if (cur is not None and len(parts) > 1 and i + 1 < len(lines)
                    and "|" in self.t(*lines[i + 1])):  # a row's last cell ends with its line
                out.append(cur)
                cur = None
        if cur is not None:
            out.append(cur)
        keep = []
        for cs, ce in out:
            folded = self.f(cs, ce)
            if NATIONAL_MOTTO.search(folded) or _number(folded) or PLACE_DATE.search(folded):
                continue
            if re.search(r"dang\s+cong\s+san\s+viet\s+nam", folded):
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
            elif (above == "Ban Chấp hành Trung ương" and "trung uong" not in fold(name)
                  and (central := body_name(f"{name} Trung ương")) is not None):
                fields["issuer"] = central[0]  # "BAN TUYÊN GIÁO" under the Central Committee
            self.spans["issuer"] = Span(cs, ce)
            return
        cs, ce, name, kind = found[0]
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
            return bool(_ENDS_BARE_BODY.search(prev_key))
        if body_name(" ".join(raw.split())) is not None or complete_body(raw_prev):
            return False
        return body_name(" ".join(f"{raw_prev} {raw}".split())) is not None

    def _split_stacked_bodies(self, cs: int, ce: int) -> list[tuple[int, int]]:
        """A cell holding a committee and its department on one line (``UBND TỈNH NGHỆ AN SỞ
        NỘI VỤ``, a header flattened onto one line) as two cells; any other cell unchanged."""
        m = _STACKED_BODIES.match(self.folded, cs, ce)
        if m is None or not is_upper_text(self.t(cs, ce)):
            return [(cs, ce)]
        return [(cs, m.start("department")), (m.start("department"), ce)]

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
        m = PLACE_DATE.search(folded)
        if m:
            d = DateMatch.of(m)
            fields["date_parts"] = PartialDate(d.day, d.month, d.year)
            self.spans["date"] = Span(s + m.start() + 1, s + m.end())
        else:  # a draft's date left blank to the year: "Ninh Bình, ngày ... tháng ... năm ..."
            m = _BLANK_PLACE_DATE.search(folded)
            if not m:
                return False
            fields["date_parts"] = PartialDate(None, None, None)
        # the place: the longest run of words before the comma that names a province
        cut = self.text.rfind("|", s, s + m.start()) + 1 or s  # the place's own cell
        before = self.t(s, s + m.start())
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
        while idx < len(units) and not isinstance(units[idx], RawTable):
            u = units[idx]
            folded = self.f(u.start, u.end)
            upper = is_upper_text(self.t(u.start, u.end))
            if ((BASIS.match(folded) and not upper and not (idx == start and self._subject_opening(u)))
                    or (ROMAN.match(folded) and upper)):
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
            ):
                break
            subj.append(u)
            kinds[idx] = "subject"
            idx += 1
            if len(subj) >= (6 if upper else 3):  # a title in capitals wraps over more lines
                break
        if start > 0 and isinstance(units[start - 1], Para):  # "KẾ HOẠCH" / its subject in one unit
            d = units[start - 1]
            if (d.first_line_end < d.end and DOC_TYPE_LINE.match(self.f(d.start, d.first_line_end))
                    and self.t(d.first_line_end, d.end).strip()
                    and not (subj and SUBJECT_YEAR_END.search(self.f(d.first_line_end, d.end)))):
                subj.insert(0, Para(d.first_line_end + 1, d.end, d.source, d.end))
        if subj:
            s, e = subj[0].start, subj[-1].end
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

    def _read_news_header(self, units: list, kinds: list[str], fields: dict) -> int:
        """A news article or a portal page about a plan (no header block): metadata from its
        headline, its lead sentence and the sentence where the plan introduces itself."""
        body_from = self._read_headline(units, kinds, fields)
        self._read_lead(fields)
        issuer = fields.get("issuer")
        if fields.get("place") and isinstance(issuer, str) and re.search(
            r"\b(tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\s+\S", fold(issuer)
        ):
            # A post prints no place line; its place was only inferred to say where a body such as
            # "Sở Khoa học và Công nghệ" is. A body that names its own unit needs none.
            del fields["place"]
        if "year" not in fields:
            first = next((u for u in units if not isinstance(u, RawTable)), None)
            if first is not None and len(self.f(first.start, first.end)) < 220:
                years = [y for y in SUBJECT_YEAR.finditer(self.f(first.start, first.end))
                         if not re.search(r"(?:den|tu|truoc|sau)\s*$", self.f(first.start, first.start + y.start()))]
                if years:
                    fields["year"] = int(years[-1].group(1))
                    self.spans["year"] = Span(first.start + years[-1].start(1), first.start + years[-1].end(1))
        return body_from

    def _read_lead(self, fields: dict) -> None:
        """``Ngày 13/8/2019, UBND tỉnh ban hành Kế hoạch số 132/KH-UBND ...``: the date, the body
        and the number of the document a portal post restates; ``UBND xã X xây dựng Kế hoạch``:
        the body of a plan that introduces itself. A decision that issues the plan gives the plan
        its date, not its number."""
        head = self.folded[: min(len(self.folded), 4000)]
        m = LEAD.search(head)
        if m is not None:
            kind = " ".join(m.group("type").split())
            issues_plan = kind == "quyet dinh" and re.match(r"[\s#*]*ke\s+hoach\b", head)
            if issues_plan:  # the decision that issues this plan: the plan's own act, not a citation
                self.spans["issued_by"] = Span(m.start("num"), m.end("sym"))
            if "symbol" not in fields and not issues_plan:
                fields["number"] = self.t(m.start("num"), m.end("num"))
                fields["symbol"] = normalise_symbol(re.sub(r"\s+", "", self.t(m.start("sym"), m.end("sym"))))
                self.spans["number"] = Span(m.start("num"), m.end("num"))
                self.spans["symbol"] = Span(m.start("sym"), m.end("sym"))
            if fields.get("doc_type") is None and not issues_plan and fields.get("symbol"):
                fields["doc_type"] = "Công văn" if kind in ("van ban", "cong van") else doc_type_of_symbol(fields["symbol"])  # type: ignore[arg-type]
            if "date_parts" not in fields:
                d = DateMatch.of(m)
                fields["date_parts"] = PartialDate(d.day, d.month, d.year)
                self.spans["date"] = Span(d.day_span[0] if d.day_span else m.start(), d.end)
            self._lead_issuer(m.start("body"), m.end("body"), fields)
            return
        # the sentence may be wrapped ("... năm 2023; UBND xã" / "Đăk Ngọk xây dựng Kế hoạch"):
        # then single line breaks read as spaces (same offsets)
        intro = SELF_INTRO.search(head) or SELF_INTRO.search(re.sub(r"(?<=[^\s.;:])\n(?=[ \t]*\S)", " ", head))
        if intro is not None:
            self._lead_issuer(intro.start("body"), intro.end("body"), fields)

    def _lead_issuer(self, s: int, e: int, fields: dict) -> None:
        current = fields.get("issuer")
        if current and not BARE_BODY.search(fold(str(current))) and not str(current).endswith(("đã", "vừa")):
            return
        raw = " ".join(self.t(s, e).split())
        named = body_name(raw)
        if named is not None:
            fields["issuer"] = named[0]
        elif raw[:1].isupper() and len(raw) < 160:
            fields["issuer"] = raw
        else:
            return
        self.spans["issuer"] = Span(s, e)
        if named is not None and named[1] == "local" and not match_place(named[0].split()[-1], cutoff=0.95):
            # "UBND tỉnh": the province the post names (its title, else most often)
            counts: dict[str, int] = {}
            for _s, _e, prov in find_places(self.text[: min(len(self.text), 4000)]):
                counts[prov.name] = counts.get(prov.name, 0) + 1
            unit = named[0].split()[-1]
            if counts and unit in ("tỉnh", "phố"):
                prov = next(p for p in provinces() if p.name == max(counts, key=counts.get))
                fields["issuer"] = f"{named[0].rsplit(' ', 2 if unit == 'phố' else 1)[0]} {prov.full_name}"

    def _read_headline(self, units: list, kinds: list[str], fields: dict) -> int:
        """A news article about a plan: metadata from its headline and its first paragraph."""
        headline = None
        for idx, u in enumerate(units):
            if isinstance(u, RawTable):
                continue
            folded = self.f(u.start, u.end)
            if headline is None and len(folded) >= 220:
                break  # a body paragraph before any headline: no headline at all
            if headline is None:
                if re.search(r"\bke\s+hoach\b", folded) and len(folded) < 220:
                    headline = idx
                    kinds[idx] = "subject"
                    # a headline may be wrapped; "ban hành Kế hoạch số ..." is a lead sentence
                    m = re.search(r"\bban\s+hanh\s+ke\s+hoach\s+(?!so\s+\d)(.+)$", folded, re.S)
                    raw = self.t(u.start, u.end)
                    if m:
                        subject = " ".join(raw[m.start(1) : m.end(1)].split())
                        fields["title"] = subject[:1].upper() + subject[1:]
                        self.spans["title"] = Span(u.start + m.start(1), u.start + m.end(1))
                    body = re.match(r"^(.+?)\s+ban\s+hanh\b", folded)
                    if body:
                        fields["issuer"] = normalise_body(raw[: body.end(1)])
                        self.spans["issuer"] = Span(u.start, u.start + body.end(1))
                    ym = list(SUBJECT_YEAR.finditer(folded))
                    if ym:
                        fields["year"] = int(ym[-1].group(1))
                else:
                    kinds[idx] = "boilerplate"
                continue
            if re.match(r"^ngay\s+cap\s+nhat\b", folded.strip()):
                kinds[idx] = "boilerplate"
        if headline is None:
            for idx in range(len(kinds)):  # no headline: nothing is page chrome after all
                kinds[idx] = ""
            return 0
        # The plan's own number: "ban hành Kế hoạch số 29/KH-SKHCN ngày 06/01-2022".
        own = re.search(
            r"ban\s+hanh\s+ke\s+hoach\s+so\s+(?P<num>\d+[a-z]?)\s*/\s*(?P<sym>[a-z0-9]+(?:-[a-z0-9]+)+)"
            r"(?:\s+(?=ngay\s+\d)" + DATE_PATTERN + ")?",
            self.folded,
        )
        if own:
            fields["number"] = self.t(own.start("num"), own.end("num"))
            fields["symbol"] = normalise_symbol(self.t(own.start("sym"), own.end("sym")))
            self.spans["number"] = Span(own.start("num"), own.end("num"))
            self.spans["symbol"] = Span(own.start("sym"), own.end("sym"))
            if own.group("year"):
                d = DateMatch.of(own)
                fields["date_parts"] = PartialDate(d.day, d.month, d.year)
                self.spans["date"] = Span(d.day_span[0] if d.day_span else d.start, d.end)
        counts: dict[str, int] = {}
        for _s, _e, prov in find_places(self.text):
            counts[prov.name] = counts.get(prov.name, 0) + 1
        if counts:
            fields["place"] = max(counts, key=counts.get)
        # trailing page chrome: short lines after the last sentence
        for idx in range(len(units) - 1, headline, -1):
            u = units[idx]
            if isinstance(u, RawTable):
                break
            raw = self.t(u.start, u.end).strip()
            if len(raw) < 40 and not raw.endswith((".", ";", ":")):
                kinds[idx] = "boilerplate"
            else:
                break
        return headline + 1


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
        m = AUTHORITY.match(self.f(u.start, u.first_line_end))
        if m and is_upper_text(raw):
            named = body_name(raw[m.start("body"):] if m.group("body") else raw)
            if named is not None:
                fields["issuer"] = named[0]
                self.spans["issuer"] = Span(u.start + (m.start("body") if m.group("body") else 0), u.first_line_end)

    def _complete_bare_issuer(self, fields: dict) -> None:
        """``ỦY BAN NHÂN DÂN`` cut from its province by the site: the place line's province, else
        the one the subject names; said in a warning."""
        prov = match_place(fields["place"], cutoff=0.9) if fields.get("place") else None
        if prov is None and fields.get("title"):
            named = find_places(fields["title"])  # type: ignore[arg-type]
            prov = named[-1][2] if named else None
        if prov is None:
            return
        named = body_name(f"{fields['issuer']} {prov.full_name}")  # "ỦY BAN NHÂN DÂN" + "tỉnh X"
        fields["issuer"] = named[0] if named is not None else f"{fields['issuer']} {prov.full_name}"
        where = self.spans.get("issuer")
        self.warnings.append(ReadWarning(
            f"Cơ quan ban hành suy ra từ địa danh / issuer inferred from the place: {fields['issuer']}", where
        ))

    def _lines_in(self, u: Para) -> list[tuple[int, int]]:
        out, pos = [], u.start
        for part in self.t(u.start, u.end).split("\n"):
            out.append((pos, pos + len(part)))
            pos += len(part) + 1
        return out
