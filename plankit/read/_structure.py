"""From a :class:`Layout` to a :class:`Plan`: header, blocks, sections, tables.

The parser does not know which format the text came from. It reads the header from the lines
before the document type (``KẾ HOẠCH``), the subject after it, the basis paragraphs of the
preamble, the numbered sections, the closing, the recipients and the signature. Matching runs
on the folded text (see :func:`plankit.text.fold`), so OCR'd text without diacritics is read like
clean text; values shown to users are cut from the original text.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import DATE_PATTERN, DateMatch
from ..model import (
    Block,
    Cell,
    Header,
    PartialDate,
    Plan,
    ReadWarning,
    Section,
    Source,
    Span,
    Table,
)
from ..places import find_places, lacks_province, parent_province, province_in_path, province_on
from ..text import fold, is_upper_text
from ._front import FrontReader
from ._header import (
    central_name_of_code,
    doc_type_of_symbol,
    letter_of_symbol,
)
from ._layout import Layout, RawTable
from ._text import OCR_COLUMNS
from ._units import (
    APPENDIX,
    ARABIC,
    BARE_BODY,
    BASIS,
    BASIS_ITEM,
    BASIS_SECTION,
    CLOSING,
    DOC_TYPE_LINE,
    DOC_TYPES,
    ISSUES_ATTACHED,
    ISSUES_IN_TITLE,
    LETTER,
    PLACE_DATE,
    PLACE_NO_COMMA,
    RECIPIENTS,
    ROMAN,
    SIGNED,
    SIGNER_TITLE,
    SUBJECT_YEAR,
    Para,
    display_text,
    looks_like_name,
    lower_start,
    normalise_body,
    paragraph_units,
    roman_value,
)

__all__ = ["build_plan"]

# The act a plan is attached to, under its subject: "(Ban hành kèm theo Quyết định số 345/QĐ-UBND
# ngày 12 tháng 01 năm 2024 của ...)", "(Kèm theo Nghị quyết số 12/NQ-HĐND ngày ...)". Groups
# ``num``, ``sym`` and the date's. Must not match a sentence that names another document.
_ISSUED_WITH = re.compile(
    r"[ \t*]*\([ \t]*(?:ban\s+hanh\s+)?kem\s+theo\s+(?:quyet\s+dinh|nghi\s+quyet)\s+(?:so\s*:?\s*)?"
    r"(?P<num>\d+[a-z]?)\s*/\s*(?P<sym>[a-z0-9&]+(?:\s*[-/]\s*[a-z0-9&]+)+)(?:\s*,?\s+(?=ngay)" + DATE_PATTERN + ")?"
)
_TT = re.compile(r"s?tt")
# A numbered clause of a basis list: "1. Nghị quyết số 57-NQ/TW ...;", "2) Quyết định số ...",
# "3. Căn cứ Kế hoạch số ..." (a document's name or a basis word after the number).
_NUMBERED_BASIS = re.compile(
    r"[\s*]*\d{1,2}\s*[.)]\s+(?:luat|bo\s+luat|nghi\s+(?:quyet|dinh)|quyet\s+dinh|chi\s+thi|thong\s+tu|ke\s+hoach|"
    r"chuong\s+trinh|ket\s+luan|quy\s+dinh|thong\s+bao|cong\s+van|van\s+ban|huong\s+dan|can\s+cu|thuc\s+hien)\b.*\s(?:so|ngay)\s"
)
# A table's first column label on a line of its own or opening a flattened header row: "TT",
# "STT", "Số TT", "TT  NỘI DUNG  THỜI GIAN" (a PDF's columns run together).
_COLUMN_LABEL = re.compile(r"[\s*#]*(?:so\s+)?s?tt(?![a-z])")
# The subject of an official letter (công văn), under its number: "V/v hướng dẫn ...", "Về việc ...".
_ABOUT = re.compile(r"\s*(?:v/v|ve\s+viec)\b")
# A sub-section numbered under an Arabic top section: "1.1. Mục tiêu", "2.3 Kinh phí".
_DECIMAL = re.compile(r"^[\s#*]*(?P<num>\d{1,2}\.\d{1,2})\.?\s+(?P<title>\S(?:.*[^\s*])?)[\s*]*$")  # the first cell of an activity table's header row: "TT", "STT"



class _Builder(FrontReader):
    """A plan from a layout: the front (:class:`FrontReader`), then the body and the tail."""

    # -- main -------------------------------------------------------------------------------
    def build(self) -> Plan:
        units = paragraph_units(self.layout, self.folded)
        # Layout tables before the document type (the header) and tables holding "Nơi nhận"
        # (recipients beside the signature) are read as lines, not as activity tables.
        doc_type_idx = self._find_doc_type(units)
        flat: list[Para | RawTable] = []
        for idx, u in enumerate(units):
            if isinstance(u, RawTable) and (
                (doc_type_idx is not None and idx < doc_type_idx) or self._is_layout_table(u)
            ):
                flat.extend(self._table_as_paras(u))
            else:
                flat.append(u)
        # Reading order is text order (a header table's cells are read row by row).
        units = sorted(flat, key=lambda u: u.span.start if isinstance(u, RawTable) else u.start)
        blocks: list[Block] = []
        kinds: list[str] = [""] * len(units)
        header_fields: dict[str, object] = {}

        start = self._set_apart_chrome(units, kinds)
        doc_type_idx = self._find_doc_type(units, start)
        number_idx = self._find_number(units, start)
        header_end = self._header_end(units, number_idx) if number_idx is not None else None
        if header_end is not None and not self._dated(units[start : header_end + 1]):
            header_end = None  # without its type line a header needs its date
        if header_end is not None and (doc_type_idx is None or doc_type_idx > header_end + 3):
            # A header whose document-type line the site dropped (or that sits on the same line):
            # the type comes from the symbol, the subject follows the place-and-date line.
            self._read_header(units[start : header_end + 1], header_fields)
            for k in range(start, header_end + 1):
                kinds[k] = "header"
            symbol = header_fields.get("symbol")
            header_fields["doc_type"] = doc_type_of_symbol(symbol) or letter_of_symbol(symbol)  # type: ignore[arg-type]
            if self.about is not None:  # "Số: ..." / "V/v ..." / "Hưng Yên, ngày ...": the left column first
                body_from = max(self._read_subject(units, self.about, kinds, header_fields), header_end + 1)
            else:
                body_from = self._read_subject(units, header_end + 1, kinds, header_fields)
            self._drop_type_from_title(header_fields)
            if header_fields["doc_type"] is None and _ABOUT.match(fold(str(header_fields.get("title") or ""))):
                header_fields["doc_type"] = "Công văn"  # "V/v hướng dẫn ...": an official letter's subject
        elif doc_type_idx is None:
            body_from = self._read_news_header(units, kinds, header_fields)
        else:
            self._read_header(units[start:doc_type_idx], header_fields)
            for k in range(start, doc_type_idx):
                kinds[k] = kinds[k] or "header"
            kinds[doc_type_idx] = "doc-type"
            dt_para = units[doc_type_idx]
            header_fields["doc_type"] = DOC_TYPES[" ".join(DOC_TYPE_LINE.match(self.f(dt_para.start, dt_para.first_line_end)).group(1).split())]
            body_from = self._read_subject(units, doc_type_idx + 1, kinds, header_fields)
            self._drop_type_from_title(header_fields, header_fields["doc_type"])  # type: ignore[arg-type]
            self._read_authority(units, body_from, header_fields)

        self._read_issuing_act(units, body_from, header_fields)
        sections, tables = self._read_body(units, body_from, kinds)
        self._read_tail(units, kinds, header_fields)

        for idx, u in enumerate(units):
            if isinstance(u, RawTable):
                blocks.append(Block("table", self.t(u.span.start, u.span.end), u.span, u.source))
                continue
            kind = kinds[idx] or "paragraph"
            blocks.append(Block(kind, self.t(u.start, u.end), Span(u.start, u.end), u.source))

        header = self._header(header_fields)
        return Plan(
            text=self.text,
            header=header,
            sections=tuple(sections),
            tables=tuple(tables),
            blocks=tuple(blocks),
            source=self.source,
            warnings=tuple(self.warnings),
        )


    def _read_issuing_act(self, units: list, at: int, fields: dict) -> None:
        """A plan attached to a decision prints no number or date of its own, but under its
        subject the act that issues it: ``(Ban hành kèm theo Quyết định số 345/QĐ-UBND ngày 12
        tháng 01 năm 2024 của ...)``. The plan bears the decision's date; the decision is
        recorded as ``issued_by`` (the plan's own act, not a citation)."""
        if fields.get("date_parts") is not None and fields["date_parts"].year is not None:
            return
        for u in units[max(0, at - 2) : at + 2]:
            if isinstance(u, RawTable):
                continue
            m = _ISSUED_WITH.match(self.folded, u.start, u.end)
            if m is None:
                continue
            self.spans["issued_by"] = Span(m.start("num"), m.end("sym"))
            if m.group("year"):
                d = DateMatch.of(m)
                fields["date_parts"] = PartialDate(d.day, d.month, d.year)
                self.spans["date"] = Span(d.day_span[0] if d.day_span else d.start, d.end)
            return

    def _dated(self, units: list) -> bool:
        """Whether a place and date stand in ``units``, read over them all (a date wrapped over
        two lines: ``Quảng Ngãi, ngày 31 tháng 01 năm`` / ``2024 |``)."""
        paras = [u for u in units if not isinstance(u, RawTable)]
        return bool(paras) and (PLACE_DATE.search(self.folded, paras[0].start, paras[-1].end) is not None
                                or PLACE_NO_COMMA.search(self.folded, paras[0].start, paras[-1].end) is not None)

    # -- body -------------------------------------------------------------------------------
    def _continues_heading(self, s: int, e: int) -> bool:
        """Whether the line from ``s`` to ``e`` goes on with a roman heading wrapped above it
        (``I. MỤC ĐÍCH,`` over ``YÊU CẦU``): capitals, short, and no heading, item, clause or
        appendix of its own, nor a table's column header under the heading (``TT | NỘI DUNG |
        ...``, a bare ``TT`` or ``STT`` of a table flattened one cell a line)."""
        raw, folded = self.t(s, e).strip(), self.f(s, e)
        return (0 < len(raw) <= 100 and is_upper_text(raw) and any(c.isalpha() for c in raw)
                and "|" not in raw and "\t" not in raw and not _COLUMN_LABEL.match(folded)
                and not re.match(r"[\s*#]*(?:[\-–•+(\d]|[ivxlc]+\s*[.)/])", folded)
                and not (ROMAN.match(folded) or ARABIC.match(folded) or APPENDIX.match(folded)
                         or CLOSING.match(folded) or RECIPIENTS.match(folded) or BASIS.match(folded)
                         or DOC_TYPE_LINE.match(folded)))

    def _heading_end(self, u: Para) -> int:
        """Where a roman heading's title ends in its unit: its first line, and the capital lines
        after it that continue it (a heading wrapped by hand)."""
        end = u.first_line_end
        for s, e in self._lines_in(u)[1:]:
            if not self._continues_heading(s, e):
                break
            end = e
        return end

    def _join_wrapped_headings(self, units: list, start: int, kinds: list[str], arabic_top: bool = False) -> None:
        """A roman heading wrapped onto a unit of its own (``I. MỤC ĐÍCH,`` / ``YÊU CẦU``): the
        two units joined into one, so the heading keeps its whole title. With ``arabic_top`` an
        Arabic top heading (``2. NHIỆM VỤ,`` / ``TRỌNG TÂM``) likewise."""
        idx = start
        while idx + 1 < len(units):
            u, nxt = units[idx], units[idx + 1]
            if (isinstance(u, Para) and isinstance(nxt, Para) and not kinds[idx] and not kinds[idx + 1]
                    and u.first_line_end >= u.end and nxt.first_line_end >= nxt.end
                    and (ROMAN.match(self.f(u.start, u.end)) or (arabic_top and ARABIC.match(self.f(u.start, u.end))))
                    and is_upper_text(self.t(u.start, u.end))
                    and self.t(u.end, nxt.start).count("\n") == 1 and self._continues_heading(nxt.start, nxt.end)):
                units[idx] = Para(u.start, nxt.end, u.source, u.end)
                del units[idx + 1]
                del kinds[idx + 1]
                continue
            idx += 1

    def _arabic_top(self, units: list, start: int, kinds: list[str]) -> bool:
        """Whether the plan's top sections are numbered with Arabic numerals (``1. MỤC ĐÍCH,
        YÊU CẦU`` / ``2. NHIỆM VỤ TRỌNG TÂM``): a heading in capitals numbered 2 to 99 that
        cannot be an OCR'd Roman numeral (``11.`` for ``II.``), and no capital heading with a
        Roman letter (``I.``, ``IV.``) anywhere in the body."""
        arabic = False
        for idx in range(start, len(units)):
            u = units[idx]
            if isinstance(u, RawTable) or kinds[idx]:
                continue
            folded = self.f(u.start, u.first_line_end)
            if CLOSING.match(folded) or RECIPIENTS.match(folded):
                break
            raw_line = self.t(u.start, u.first_line_end)
            if (m := ROMAN.match(folded)) and re.search(r"[ivxl]", m.group("num")) and is_upper_text(raw_line):
                return False
            if not arabic and (m := ARABIC.match(folded)) and roman_value(m.group("num")) is None and is_upper_text(raw_line):
                arabic = True
        return arabic

    def _read_body(self, units: list, start: int, kinds: list[str]):
        arabic_top = self._arabic_top(units, start, kinds)
        self._join_wrapped_headings(units, start, kinds, arabic_top)
        heads: list[tuple[int, int, str, str, str, int]] = []  # (unit idx, level, number, title, raw, title_end)
        tables: list[Table] = []
        in_preamble = True
        seen_basis = False
        seen_other = False
        basis_section = False
        last_basis_end = ""
        tail = False
        appendix = False
        for idx in range(start, len(units)):
            u = units[idx]
            if isinstance(u, RawTable):
                table = self._table(u, len(tables))
                if table is not None:
                    tables.append(table)
                continue
            if kinds[idx]:
                continue
            line_end = u.first_line_end
            folded = self.f(u.start, line_end)
            raw_line = self.t(u.start, line_end)
            if RECIPIENTS.match(folded):
                tail = True
            if not appendix and (m := APPENDIX.match(folded)) and len(folded.strip()) < 120:
                appendix = True
                tail = False
                title = display_text(raw_line[m.start("rest") :]) if m.group("rest").strip() else ""
                if not title and idx + 1 < len(units) and not isinstance(units[idx + 1], RawTable):
                    nxt = units[idx + 1]
                    title = display_text(self.t(nxt.start, nxt.end))
                    kinds[idx + 1] = "appendix-title"
                heads.append((idx, 1, "PHỤ LỤC", title, display_text(raw_line), u.end))
                kinds[idx] = "heading"
                continue
            if tail and self._attached_plan(units, idx):
                tail = False  # the plan a decision issues, printed after its signature: its parts are read
                continue
            if tail:
                continue
            if CLOSING.match(folded):
                kinds[idx] = "closing"
                tail = True
                continue
            m = ARABIC.match(folded) if arabic_top else ROMAN.match(folded)
            if m and is_upper_text(raw_line) and (num := m.group("num") if arabic_top else roman_value(m.group("num"))):
                # a top section: "I. MỤC ĐÍCH", or "1. MỤC ĐÍCH" in a plan numbered 1, 2, 3 at the top
                title = display_text(self.t(u.start + m.start("title"), self._heading_end(u)))
                heads.append((idx, 1, num, title, raw_line[m.start("num") : m.end("num")], u.end))
                kinds[idx] = "heading"
                in_preamble = False
                basis_section = bool(BASIS_SECTION.match(fold(title)))
                continue
            numbered = ARABIC.match(folded)
            if basis_section and (not numbered or _NUMBERED_BASIS.match(folded)):
                # every clause of a "CĂN CỨ PHÁP LÝ" section, bulleted or numbered ("1. Nghị
                # quyết số ...;"); a numbered heading of its own ("1. Căn cứ pháp lý") stays one
                kinds[idx] = "basis"
                continue
            if (in_preamble and seen_basis and last_basis_end not in (";", ".", ":") and not is_upper_text(raw_line)
                    and (lower_start(raw_line)
                         # "... của Thủ tướng" / "Chính phủ;": no clause of its own, it ends the one above
                         or (self.t(u.start, u.end).rstrip()[-1:] in (";", ",") and not BASIS.match(folded)
                             and not BASIS_ITEM.match(folded) and not ARABIC.match(folded)))):
                # a clause wrapped over paragraphs (a .docx with one paragraph per printed line)
                kinds[idx] = "basis"
                last_basis_end = self.t(u.start, u.end).rstrip()[-1:]
                continue
            item = BASIS_ITEM.match(folded) if in_preamble else None
            if in_preamble and (
                (BASIS.match(folded) and not lower_start(raw_line))
                or (item and item.group("dash") and (seen_basis or not seen_other))
                # a numbered list under "Căn cứ:" ("1. Nghị quyết số 57-NQ/TW ...;")
                or (seen_basis and last_basis_end in (":", ";", ",") and _NUMBERED_BASIS.match(folded))
                # the clause's next document after a semicolon, on a line of its own
                or (item and seen_basis and last_basis_end in ";,")
            ) and not is_upper_text(raw_line):
                kinds[idx] = "basis"
                seen_basis = True
                last_basis_end = self.t(u.start, u.end).rstrip()[-1:]
                continue
            seen_other = True
            if in_preamble and (seen_basis or folded.strip().startswith("-")):
                in_preamble = False  # the paragraph after the Căn cứ lines ends the preamble
            m = ARABIC.match(folded)
            if m and not in_preamble:
                title = display_text(raw_line[m.start("title") :])
                heads.append((idx, 2, m.group("num"), title, m.group("num"), u.end))
                kinds[idx] = "heading"
                continue
            m = _DECIMAL.match(folded) if arabic_top else None
            if m and not in_preamble:  # "1.1. Mục tiêu" under "1. MỤC ĐÍCH, YÊU CẦU"
                heads.append((idx, 2, m.group("num"), display_text(raw_line[m.start("title") :]), m.group("num"), u.end))
                kinds[idx] = "heading"
                continue
            m = LETTER.match(folded)
            if m and not in_preamble:
                num = raw_line[m.start("num") : m.end("num")]
                heads.append((idx, 3, num, display_text(raw_line[m.start("title") :]), num, u.end))
                kinds[idx] = "item"
                continue
            if folded.strip().startswith("-"):
                kinds[idx] = "item"
        sections = self._tree(units, heads, kinds)
        return sections, tables

    def _attached_plan(self, units: list, idx: int) -> bool:
        """Whether the unit at ``idx`` is the type line of a document attached to the decision
        above (``KẾ HOẠCH`` on a later page, its subject, then ``(Ban hành kèm theo Quyết định
        số ...)`` within three units)."""
        u = units[idx]
        if isinstance(u, RawTable) or not DOC_TYPE_LINE.match(self.f(u.start, u.end)):
            return False
        return any(not isinstance(v, RawTable) and _ISSUED_WITH.match(self.folded, v.start, v.end)
                   for v in units[idx + 1 : idx + 4])

    def _tree(self, units: list, heads: list, kinds: list[str]) -> list[Section]:
        if not heads:
            return []
        n = len(units)

        def unit_start(i: int) -> int:
            u = units[i]
            return u.span.start if isinstance(u, RawTable) else u.start

        def unit_end(i: int) -> int:
            u = units[i]
            return u.span.end if isinstance(u, RawTable) else u.end

        # Where the body stops: the closing, the recipients or the signature (unless appendix).
        stops = [i for i, k in enumerate(kinds) if k in ("closing",)]
        body_stop = stops[0] if stops else None

        # Precomputed so that finding each section's end is O(1) (no rescans per heading):
        # for every heading, the unit of the next heading of the same or a higher level; for
        # every unit, the next recipients or signature unit.
        next_same: dict[int, int] = {}
        nearest: dict[int, int] = {}  # level -> unit of the nearest heading to the right
        for h in reversed(heads):
            found = [u for lv, u in nearest.items() if lv <= h[1]]
            next_same[h[0]] = min(found) if found else n
            nearest[h[1]] = h[0]
        next_tail = [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            next_tail[i] = i if kinds[i] in ("recipients", "signature") else next_tail[i + 1]

        def end_of(pos: int, level: int, is_appendix: bool) -> int:
            # the last unit before the next heading of the same or a higher level
            limit = next_same.get(pos, n)
            if not is_appendix and body_stop is not None and body_stop > pos:
                limit = min(limit, body_stop)
            if not is_appendix:
                rec = next_tail[pos + 1] if pos + 1 <= n else n
                if rec < limit:
                    limit = rec
            last = limit - 1
            while last > pos and kinds[last] in ("boilerplate",):
                last -= 1
            return unit_end(last)

        def build(lo: int, hi: int, level: int) -> list[Section]:
            out = []
            group = heads[lo:hi]
            suffix_min = [0] * (len(group) + 1)
            suffix_min[len(group)] = 99
            for k in range(len(group) - 1, -1, -1):
                suffix_min[k] = min(group[k][1], suffix_min[k + 1])
            i = 0
            while i < len(group):
                h = group[i]
                if h[1] != level and level != suffix_min[i]:
                    i += 1
                    continue
                j = i + 1
                while j < len(group) and group[j][1] > h[1]:
                    j += 1
                is_app = h[2] == "PHỤ LỤC"
                children = build(lo + i + 1, lo + j, h[1] + 1) if j > i + 1 else []
                idx = h[0]
                out.append(
                    Section(
                        number=h[2],
                        title=h[3],
                        level=h[1],
                        span=Span(unit_start(idx), end_of(idx, h[1], is_app)),
                        heading=Span(unit_start(idx), h[5] if h[1] == 1 else units[idx].first_line_end),
                        children=tuple(children),
                        raw_number=h[4],
                    )
                )
                i = j
            return out

        top_level = min(h[1] for h in heads)
        return build(0, len(heads), top_level)

    def _cell_text(self, cell) -> str:
        if cell.pieces:
            return display_text(" ".join(self.t(p.start, p.end) for p in cell.pieces))
        return display_text(self.t(cell.span.start, cell.span.end))

    def _table(self, raw: RawTable, number: int) -> Table | None:
        rows = [[self._cell_text(c) for c in r] for r in raw.rows]
        if not rows:
            return None
        if self.layout.form == "ocr":
            # The scan's header row is unreadable; OCR tables are rebuilt in the standard layout.
            body = tuple(tuple(Cell(t, c.span, c.source) for t, c in zip(texts, r, strict=True)) for texts, r in zip(rows, raw.rows, strict=True))
            return Table(OCR_COLUMNS, body, raw.span, raw.source, "activities")
        header_row = rows[0]
        is_header = bool(_TT.fullmatch(fold(header_row[0]).strip()))
        columns = tuple(header_row) if is_header else tuple(f"col{i + 1}" for i in range(len(header_row)))
        body: list[tuple[Cell, ...]] = []
        # Cells hold no line break (display_text collapsed white space): rows joined by one
        # compare as their cells do, with one fold a row.
        header_key = fold("\n".join(header_row)) if is_header else None
        for r_idx, (raw_row, texts) in enumerate(zip(raw.rows, rows, strict=True)):
            if is_header and r_idx == 0:
                continue
            if (header_key is not None and len(texts) == len(header_row)
                    and sum(map(len, texts)) + len(texts) - 1 == len(header_key)  # fold keeps lengths
                    and fold("\n".join(texts)) == header_key):
                continue  # header repeated after a page break
            cells = tuple(Cell(t, c.span, c.source) for t, c in zip(texts, raw_row, strict=True))
            if body and texts and not texts[0] and any(texts[1:]):
                # a row continued after a page break: join it cell by cell
                prev = list(body[-1])
                for k, cell in enumerate(cells):
                    if k < len(prev) and cell.text:
                        joined = f"{prev[k].text} {cell.text}".strip()
                        prev[k] = Cell(joined, Span(prev[k].span.start, cell.span.end), prev[k].source)
                body[-1] = tuple(prev)
                continue
            body.append(cells)
        kind = "activities" if is_header else "table"
        return Table(columns, tuple(body), raw.span, raw.source, kind)

    def _issuer_from_code(self, fields: dict) -> None:
        """The issuer a symbol's code names: a national body (``QĐ-BYT`` Bộ Y tế), or a body the
        text names in full whose initials spell the code (``BCĐTW``: Ban Chỉ đạo Trung ương ...)."""
        symbol = str(fields["symbol"])
        code = symbol.split("/", 1)[1] if "/" in symbol else symbol.split("-", 1)[-1]
        if code == symbol:
            return
        code = code.split("-")[0]
        named = central_name_of_code(code)
        if named and fold(code) not in ("ubnd", "hdnd"):
            fields["issuer"] = named
            return
        letters = fold(code)
        if not 3 <= len(letters) <= 8 or not letters.isalpha():
            return
        parts = []
        rest = letters
        while rest:
            if rest.startswith("tw"):
                parts.append(r"t\w*\s+u\w*")  # TW: Trung ương
                rest = rest[2:]
            else:
                parts.append(rf"{rest[0]}\w*")
                rest = rest[1:]
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)(?:\s+ve\s+[^;.(\"“”]{3,160}?(?=[;.(\"“”]|\s+(?:da|ban\s+hanh|tai|nham|voi|theo)\s))?")
        for m in pattern.finditer(self.folded, 0, min(len(self.folded), 6000)):
            raw = self.t(m.start(), m.end())
            if raw[:1].isupper():
                fields["issuer"] = " ".join(raw.split()).rstrip(" ,")
                self.spans["issuer"] = Span(m.start(), m.end())
                return

    # -- tail: recipients and signature -----------------------------------------------------
    def _read_tail(self, units: list, kinds: list[str], fields: dict) -> None:
        rec_idx = None
        for idx, u in enumerate(units):
            if isinstance(u, RawTable):
                continue
            if RECIPIENTS.match(self.f(u.start, u.end)):
                rec_idx = idx
                break
        recipients: list[str] = []
        sign_search_from = rec_idx if rec_idx is not None else 0
        if rec_idx is not None:
            kinds[rec_idx] = "recipients"
            u = units[rec_idx]
            after = self.t(u.start, u.end).split(":", 1)[1] if ":" in self.t(u.start, u.end) else ""
            items = [after] if after.strip().startswith("-") else []
            idx = rec_idx + 1
            while idx < len(units) and not isinstance(units[idx], RawTable):
                v = units[idx]
                raw = self.t(v.start, v.end).strip()
                if raw.startswith("-"):
                    items.append(raw)
                    kinds[idx] = "recipients"
                    idx += 1
                    continue
                break
            for item in items:
                for part in item.split("\n"):
                    clean = display_text(part).lstrip("-").strip().rstrip(";,.").strip()
                    if clean:
                        recipients.append(clean)
            sign_search_from = idx
        fields["recipients"] = tuple(recipients)
        # signature: a title line (KT. GIÁM ĐỐC ...) and a name, after the basis clauses (a
        # decision's authority wrapped above them, "BỘ TRƯỞNG" / "BỘ Y TẾ", signs nothing)
        last_basis = max((i for i, k in enumerate(kinds) if k == "basis"), default=-1)
        sign_search_from = max(sign_search_from, last_basis + 1)
        end = next((i for i in range(sign_search_from, len(units)) if kinds[i] == "heading" and i > sign_search_from and self._is_appendix(units[i])), len(units))
        title_lines: list[str] = []
        for idx in range(sign_search_from, end):
            u = units[idx]
            if isinstance(u, RawTable) or kinds[idx] in ("heading", "closing"):
                continue
            for part_s, part_e in self._lines_in(u):
                raw = self.t(part_s, part_e)
                folded = self.f(part_s, part_e)
                if "|" in raw:  # "KT. THỦ TƯỚNG |": a table's or a site's bar is no part of it
                    raw = _unbarred(raw)
                    folded = fold(raw)
                if SIGNER_TITLE.match(folded) and is_upper_text(raw) and not self._basis_follows(part_e):
                    title_lines.append(display_text(raw))
                    kinds[idx] = "signature"
                    self.spans.setdefault("signer_title", Span(part_s, part_e))
                elif title_lines and SIGNED.match(folded.strip()):
                    kinds[idx] = "signature"
                elif title_lines and "signer" not in fields and looks_like_name(display_text(raw)):
                    fields["signer"] = display_text(raw)
                    self.spans["signer"] = Span(part_s, part_e)
                    kinds[idx] = "signature"
        if title_lines:
            fields["signer_title"] = "\n".join(title_lines)
        if "signer" not in fields and rec_idx is not None:
            # OCR'd signature without its title: the last name-like line after the recipients
            for idx in range(end - 1, sign_search_from - 1, -1):
                u = units[idx]
                if isinstance(u, RawTable) or kinds[idx] not in ("", "paragraph"):
                    continue
                raw = display_text(self.t(u.start, u.end))
                if looks_like_name(raw):
                    fields["signer"] = raw
                    self.spans["signer"] = Span(u.start, u.end)
                    kinds[idx] = "signature"
                break

    def _is_appendix(self, u) -> bool:
        return not isinstance(u, RawTable) and bool(APPENDIX.match(self.f(u.start, u.end)))


    # -- assemble ---------------------------------------------------------------------------
    def _issued_plan(self, fields: dict) -> dict:
        """A decision that issues a plan: the attached plan's subject and year, from the article
        that issues it (``Ban hành kèm theo Quyết định này Kế hoạch ...``), else from the
        decision's subject (``VỀ VIỆC BAN HÀNH KẾ HOẠCH ...``)."""
        if fields.get("doc_type") != "Quyết định":
            return {}
        found = None
        m = ISSUES_ATTACHED.search(self.folded)
        if m is not None:
            found = (m.start("subject"), m.end("subject"))
        elif "title" in self.spans:
            span = self.spans["title"]
            t = ISSUES_IN_TITLE.search(self.folded, span.start, span.end)
            if t is not None:
                found = (t.start("subject"), span.end)
        if found is None:
            return {}
        subject = display_text(self.t(*found)).rstrip(" .;:")
        if not subject:
            return {}
        folded = fold(subject)
        years = [y for y in SUBJECT_YEAR.finditer(folded)
                 if not re.search(r"(?:den|tu|truoc|sau|dinh\s+huong)\s*$", folded[: y.start()])]
        return {"issued_plan": (subject, int(years[-1].group(1)) if years else None)}

    def _province_from_path(self, fields: dict) -> None:
        """Last resort for a province's body the text never places (``Sở Tư pháp`` in a portal's
        copy): the one province the file's name or folders name (:func:`province_in_path`,
        ``backan_stp_2020_473.txt``, ``Bắc Kạn/...``), as it was on the document's date (a
        merged province's successor after 1 July 2025); never when the text names another
        province. Said in a warning naming the part of the path."""
        found = province_in_path(self.source.path or self.source.name)
        if found is None:
            return
        prov, part = found
        parts: PartialDate = fields.get("date_parts", PartialDate(None, None, None))  # type: ignore[assignment]
        prov = province_on(prov, parts.date or (dt.date(parts.year, 12, 31) if parts.year else None))
        named = {p.name for _s, _e, p in find_places(self.text[: min(len(self.text), 4000)])}
        if named - {prov.name, found[0].name}:
            return  # the text names another province: the path may be an officer's filing
        fields["issuer"] = f"{fields['issuer']} {prov.full_name}"
        self.warnings.append(ReadWarning(
            f"Tỉnh của cơ quan ban hành lấy từ tên tệp / the issuer's province taken from the file's name or folder "
            f"({part}): {fields['issuer']}",
            self.spans.get("issuer"),
        ))

    def _warn_impossible_date(self, parts: PartialDate) -> None:
        """A date whose day or month cannot be (``tháng 61`` of a scan, ``ngày 31 tháng 02``,
        ``ngày 45``): the plan bears no date, and a warning naming the file says why. The parts
        stay as printed: a digit misread by OCR (``61`` for ``01``? for ``11``?) has more than
        one repair, so none is guessed."""
        day, month, year = parts.day, parts.month, parts.year
        if year is None or (day is None and month is None):
            return
        bad_month = month is not None and not 1 <= month <= 12
        bad_day = day is not None and not 1 <= day <= 31
        if not (bad_month or bad_day or (day is not None and month is not None and parts.date is None)):
            return
        what = "tháng" if bad_month else "ngày"
        gloss = "month" if bad_month else "day"
        self.warnings.append(ReadWarning(
            f"Ngày ban hành không có thật, văn bản coi như chưa ghi ngày / impossible date, the plan is read as "
            f"undated ({what} / {gloss}): {parts} in {self.source.name}"
            + (" (bản quét: kiểm tra chữ số / a scan: check the digits)" if self.layout.form == "ocr" else ""),
            self.spans.get("date"),
        ))

    def _header(self, fields: dict) -> Header:
        parts: PartialDate = fields.get("date_parts", PartialDate(None, None, None))  # type: ignore[assignment]
        year = fields.get("year") or parts.year
        if "issuer" not in fields:
            m = re.search(
                r"(?:cua|^)\s*(so\s+[a-z ,&-]{4,60}?)\s+(?:xay dung|ban hanh)\s+ke hoach", self.folded, re.M
            ) or re.search(r"kem theo ke hoach[^)]*?cua\s+(so\s+[a-z ,&-]{4,60}?)\)", self.folded)
            if m:
                fields["issuer"] = normalise_body(self.t(m.start(1), m.end(1)))
                self.spans["issuer"] = Span(m.start(1), m.end(1))
        if "issuer" not in fields and fields.get("symbol"):
            self._issuer_from_code(fields)
        issuer = fields.get("issuer")
        if isinstance(issuer, str) and BARE_BODY.fullmatch(" ".join(fold(issuer).split())):
            self._complete_bare_issuer(fields)
        elif isinstance(issuer, str) and fields.get("parent") and lacks_province(issuer):
            # "UBND TỈNH HẢI DƯƠNG" over "SỞ CÔNG THƯƠNG": the department of that province
            prov = parent_province(fields["parent"])  # type: ignore[arg-type]
            if prov is not None:
                fields["issuer"] = f"{issuer} {prov.full_name}"
        elif isinstance(issuer, str) and not fields.get("parent") and issuer.startswith("Sở "):
            self._complete_department(fields)
        if isinstance(fields.get("issuer"), str) and lacks_province(fields["issuer"]):  # type: ignore[arg-type]
            self._province_from_path(fields)
        self._warn_impossible_date(parts)
        return Header(
            doc_type=fields.get("doc_type"),  # type: ignore[arg-type]
            number=fields.get("number"),  # type: ignore[arg-type]
            symbol=fields.get("symbol"),  # type: ignore[arg-type]
            issuer=fields.get("issuer"),  # type: ignore[arg-type]
            parent=fields.get("parent"),  # type: ignore[arg-type]
            place=fields.get("place"),  # type: ignore[arg-type]
            date=parts.date,
            date_parts=parts,
            year=year,  # type: ignore[arg-type]
            title=fields.get("title"),  # type: ignore[arg-type]
            signer=fields.get("signer"),  # type: ignore[arg-type]
            signer_title=fields.get("signer_title"),  # type: ignore[arg-type]
            recipients=fields.get("recipients", ()),  # type: ignore[arg-type]
            spans=tuple(sorted(self.spans.items())),
            **self._issued_plan(fields),
        )





def _unbarred(raw: str) -> str:
    """A signature line without the bars a flattened table or a portal left around it."""
    return re.sub(r"^[\s|]+|[\s|]+$", "", raw)


def build_plan(layout: Layout, source: Source) -> Plan:
    """Find the header, sections, tables and blocks of a laid-out text."""
    builder = _Builder(layout, source)
    plan = builder.build()
    plan.__dict__["folded"] = builder.folded  # Plan.folded: the fold the plan was read with
    return plan
