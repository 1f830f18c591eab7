"""The front of a news post or a portal page that restates a plan (no header block): its
headline, its lead sentence (``Ngày 13/8/2019, UBND tỉnh ban hành Kế hoạch số 132/KH-UBND ...``)
and the sentence where a plan introduces itself (``UBND xã Đăk Ngọk xây dựng Kế hoạch ...``).

:class:`NewsReader` is a part of :class:`plankit.read._front.FrontReader`, which holds the
state it reads (the text, its folded form, the spans found).
"""

from __future__ import annotations

import re

from ..dates import DATE_PATTERN, DateMatch
from ..model import PartialDate, Span
from ..places import find_places, match_place, provinces
from ..text import fold
from ._header import body_name, doc_type_of_symbol
from ._layout import RawTable
from ._units import BARE_BODY, LEAD, SELF_INTRO, SUBJECT_YEAR, normalise_body, normalise_symbol

# A letter's own line at the top of a portal's post: "Công văn số 215/STP-HCTP ngày 03/4/2023
# V/v ...", "Số 924/SNV-CCHC Ngày 07-9-2015 V/v ..." (folded).
_POSTED_LETTER = re.compile(
    r"[ \t]*(?:cong\s+van\s+)?so\s*:?\s*(?P<num>\d{1,6}[a-z]?)\s*/\s*(?P<sym>[a-z0-9&]+(?:\s*-\s*[a-z0-9&]+)+)"
    r",?\s+ngay\s+(?P<date>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})\s*,?\s+v\s*/\s*v\s+(?P<about>\S[^\n]*)")

# The body a posted letter speaks as: "Sở Nội vụ xây dựng dự thảo ...", "Sở Tư pháp đề nghị ...".
_LETTER_WRITER = re.compile(r"(?:^|[;,.]\s*|\n)(?P<body>(?:uy\s+ban\s+nhan\s+dan|ubnd|so)\s+[a-z ,&-]{2,40}?)\s+"
                            r"(?:xay\s+dung|ban\s+hanh|de\s+nghi|trinh|huong\s+dan|thong\s+bao)\b", re.M)


class NewsReader:
    """Metadata of a post about a plan (see the module doc)."""

    text: str
    folded: str
    spans: dict[str, Span]

    def f(self, start: int, end: int) -> str:
        return self.folded[start:end]

    def t(self, start: int, end: int) -> str:
        return self.text[start:end]

    def _read_news_header(self, units: list, kinds: list[str], fields: dict) -> int:
        """A news article or a portal page about a plan (no header block): metadata from its
        headline, its lead sentence and the sentence where the plan introduces itself."""
        body_from = self._read_headline(units, kinds, fields)
        posted = self._read_posted_letter(units, kinds, fields)
        self._read_lead(fields)
        if posted:
            fields.pop("place", None)  # a post prints no place line
            return body_from
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

    def _read_posted_letter(self, units: list, kinds: list[str], fields: dict) -> bool:
        """A letter a portal posts under its own number (``Công văn số 215/STP-HCTP ngày
        03/4/2023 V/v ...``, ``Số 924/SNV-CCHC Ngày 07-9-2015 V/v ...``): that line is its
        number, date and subject; the letter's year is its date's (its subject may name the year
        of the plan it asks about). ``False`` when the first paragraph is no such line."""
        first = next((u for u in units if not isinstance(u, RawTable)), None)
        if first is None:
            return False
        m = _POSTED_LETTER.match(self.folded, first.start, first.end)
        if m is None:
            return False
        symbol = normalise_symbol(re.sub(r"\s+", "", self.t(m.start("sym"), m.end("sym"))))
        day, month, year = (int(x) for x in re.split(r"\s*[/.-]\s*", m.group("date")))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return False
        about = " ".join(self.t(m.start("about"), m.end("about")).split()).rstrip(" .")
        fields.update(number=self.t(m.start("num"), m.end("num")), symbol=symbol,
                      doc_type=doc_type_of_symbol(symbol) or "Công văn", date_parts=PartialDate(day, month, year),
                      title=about, year=year)
        fields.pop("place", None)  # a post prints no place line
        self.spans.update(number=Span(m.start("num"), m.end("num")), symbol=Span(m.start("sym"), m.end("sym")),
                          date=Span(m.start("date"), m.end("date")), title=Span(m.start("about"), m.start("about") + len(about)),
                          year=Span(m.end("date") - 4, m.end("date")))
        kinds[units.index(first)] = "subject"
        # who writes: "Sở Nội vụ xây dựng dự thảo ...", "Sở Nội vụ đề nghị các cơ quan ..."
        w = _LETTER_WRITER.search(self.folded, first.end, min(len(self.folded), first.end + 3000))
        if w is not None and (named := body_name(" ".join(self.t(w.start("body"), w.end("body")).split()))) is not None:
            fields["issuer"] = named[0]
            self.spans["issuer"] = Span(w.start("body"), w.end("body"))
        return True

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
