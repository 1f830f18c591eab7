"""The .docx geometry a template cannot say: column widths of activity tables filled by a loop
(:func:`fit_activity_tables`) and the length of the rule under the issuing body
(:func:`fit_issuer_rule`), both as Nghị định 30/2020 lays a plan out."""

from __future__ import annotations

__all__ = ["RULE_STYLE_ISSUER", "fit_activity_tables", "fit_issuer_rule"]

RULE_STYLE_ISSUER = "PK Issuer Rule"  # the short rule under the issuing body (build_template.py)


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def fit_activity_tables(document) -> None:
    """Give tables whose columns came from a ``{%tc for %}`` loop widths that fit their text.

    A loop copies one cell's width into every column; a table whose cells no longer add up to
    its width gets a narrow TT column and the rest shared by the length of what they hold.
    """
    from docx.oxml.ns import qn

    for table in document.tables:
        tbl = table._tbl
        rows = tbl.findall(qn("w:tr"))
        if not rows:
            continue
        ncols = max(len(r.findall(qn("w:tc"))) for r in rows)
        tblw = tbl.tblPr.find(qn("w:tblW"))
        if ncols < 2 or tblw is None or tblw.get(qn("w:type")) != "dxa":
            continue
        total = int(tblw.get(qn("w:w")))
        widths = []
        for tc in rows[0].findall(qn("w:tc")):
            w = tc.find(qn("w:tcPr") + "/" + qn("w:tcW"))
            widths.append(int(w.get(qn("w:w"))) if w is not None and w.get(qn("w:w")) else 0)
        if abs(sum(widths) - total) <= total * 0.05:
            continue
        texts: list[list[str]] = [[] for _ in range(ncols)]
        for tr in rows:
            for j, tc in enumerate(tr.findall(qn("w:tc"))[:ncols]):
                texts[j].append("".join(t.text or "" for t in tc.iter(qn("w:t"))).strip())
        narrow = [max((len(t) for t in col), default=0) <= 4 for col in texts]
        # Each column's share grows with the mean length of its cells, damped so that a long
        # column does not starve the others; the header's longest word must fit.
        weights = [0.0 if n else max(8.0, sum(len(t) for t in col[1:]) / max(1, len(col) - 1), len(col[0]) * 0.8) ** 0.6
                   for col, n in zip(texts, narrow, strict=True)]
        fixed = sum(_twips(11) for n in narrow if n)
        free = max(total - fixed, 0)
        wsum = sum(weights) or 1.0
        col_w = [_twips(11) if n else max(_twips(22), int(free * w / wsum)) for n, w in zip(narrow, weights, strict=True)]
        scale = total / sum(col_w)
        col_w = [int(w * scale) for w in col_w]
        grid = tbl.tblGrid
        for old in grid.findall(qn("w:gridCol")):
            grid.remove(old)
        for w in col_w:
            el = grid.makeelement(qn("w:gridCol"), {qn("w:w"): str(w)})
            grid.append(el)
        for tr in rows:
            for tc, w in zip(tr.findall(qn("w:tc")), col_w, strict=False):
                tcw = tc.get_or_add_tcPr().get_or_add_tcW()
                tcw.set(qn("w:w"), str(w))
                tcw.set(qn("w:type"), "dxa")


def fit_issuer_rule(document) -> None:
    """Make the rule under the issuing body 1/3 to 1/2 as long as the body's name (Nghị định
    30/2020), centred; the name's width is estimated for Times New Roman 13 pt bold capitals."""
    from docx.oxml.ns import qn
    from docx.shared import Mm

    style_id = next((s.get(qn("w:styleId")) for s in document.styles.element.findall(qn("w:style"))
                     if s.find(qn("w:name")) is not None and s.find(qn("w:name")).get(qn("w:val")) == RULE_STYLE_ISSUER), None)
    if style_id is None:
        return
    from docx.text.paragraph import Paragraph

    for p in document.element.body.iter(qn("w:p")):
        ppr = p.pPr
        if ppr is None or ppr.pStyle is None or ppr.pStyle.val != style_id:
            continue
        tc = next((a for a in p.iterancestors(qn("w:tc"))), None)
        tcw = tc.tcPr.find(qn("w:tcW")) if tc is not None and tc.tcPr is not None else None
        name = ""
        for q in p.itersiblings(qn("w:p"), preceding=True):
            name = "".join(t.text or "" for t in q.iter(qn("w:t"))).strip()
            if name:
                break
        if not name or tcw is None:
            continue
        avail = int(tcw.get(qn("w:w"))) * 25.4 / 1440 - 2.0
        text_mm = min(len(name) * 0.62 * 13 * 25.4 / 72, avail)
        rule = min(max(0.4 * text_mm, 12.0), 0.5 * avail)
        side = max(0.0, (avail - rule) / 2)
        fmt = Paragraph(p, None).paragraph_format
        fmt.left_indent = Mm(side)
        fmt.right_indent = Mm(side)
