"""An independent reading of a .docx for tests and benchmarks: lxml over the zip, not plankit's reader.

``texts(path, "accept")`` is what Word shows after Accept All, ``"reject"`` after Reject All
(paragraph by paragraph, body and table cells in document order); ``accept_and_reject(path)``
gives both as one string each; ``comments(path)`` lists each comment's author, text and the
document text its range covers.

Tracked changes as Word applies them: text in ``w:ins`` goes on Reject All, text in ``w:del``
(``w:delText``) on Accept All; a paragraph mark marked inserted (``w:pPr/w:rPr/w:ins``) joins
its paragraph to the next one on Reject All, one marked deleted on Accept All (never across a
table cell: a cell's paragraphs stay in it); a table row marked inserted (``w:trPr/w:ins``)
goes with everything in it on Reject All, one marked deleted (``w:trPr/w:del``) on Accept All.

Both ``tests/`` and ``benchmarks/`` load this file by path (the tests run with
``--import-mode=importlib``; the library never imports it).
"""

from __future__ import annotations

import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _xml(path, name: str):
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def _inside(el, tags: tuple[str, ...], stop) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _paragraph_text(p, mode: str) -> str:
    hidden = (W + "del", W + "moveFrom") if mode == "accept" else (W + "ins", W + "moveTo")
    out = []
    for el in p.iter(W + "t", W + "delText", W + "tab", W + "br"):
        if _inside(el, (W + "p",), p):
            continue  # a paragraph nested in this one (text box): read on its own
        if _inside(el, hidden, p):
            continue
        if el.tag == W + "delText" and mode == "accept":
            continue
        if el.tag == W + "tab":
            out.append("\t")
        elif el.tag == W + "br":
            out.append("\n")
        else:
            out.append(el.text or "")
    return "".join(out)


def _mark(p, tag: str) -> bool:
    rpr = p.find(f"{W}pPr/{W}rPr")
    return rpr is not None and rpr.find(tag) is not None


def _row_gone(p, gone: str) -> bool:
    """Whether ``p`` is in a table row that the mode removes (a tracked inserted or deleted row)."""
    parent = p.getparent()
    while parent is not None:
        if parent.tag == W + "tr":
            trpr = parent.find(W + "trPr")
            if trpr is not None and trpr.find(gone) is not None:
                return True
        parent = parent.getparent()
    return False


def texts(path, mode: str = "accept") -> list[str]:
    """The paragraphs' texts after Accept All (``accept``) or Reject All (``reject``)."""
    body = _xml(path, "word/document.xml").find(W + "body")
    out: list[str] = []
    joined = None  # the parent of a paragraph whose mark the mode removes
    gone = W + ("del" if mode == "accept" else "ins")
    for p in body.iter(W + "p"):
        if _row_gone(p, gone):
            continue
        text = _paragraph_text(p, mode)
        if joined is not None and joined is p.getparent():
            out[-1] += text
        else:
            out.append(text)
        joined = p.getparent() if _mark(p, gone) else None
    return out


def accept_and_reject(path) -> tuple[str, str]:
    """The document's text with every tracked change accepted, and with every one rejected
    (paragraphs, table cells included, one a line)."""
    return "\n".join(texts(path, "accept")), "\n".join(texts(path, "reject"))


def table_rows(path, mode: str = "accept") -> list[list[list[str]]]:
    """Each table's rows as cell texts after Accept All or Reject All (rows the mode removes left out)."""
    body = _xml(path, "word/document.xml").find(W + "body")
    gone = W + ("del" if mode == "accept" else "ins")
    out = []
    for tbl in body.iter(W + "tbl"):
        rows = []
        for tr in tbl.findall(W + "tr"):
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(gone) is not None:
                continue
            rows.append([" ".join(" ".join(_paragraph_text(p, mode) for p in tc.iter(W + "p")).split())
                         for tc in tr.findall(W + "tc")])
        out.append(rows)
    return out


def comments(path) -> list[dict]:
    """Each comment: id, author, text, and ``anchor``: the shown text between its range marks."""
    try:
        root = _xml(path, "word/comments.xml")
    except KeyError:
        return []
    found = {}
    for c in root.iter(W + "comment"):
        cid = c.get(W + "id")
        found[cid] = {"id": cid, "author": c.get(W + "author"), "date": c.get(W + "date"),
                      "text": "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p")),
                      "anchor": ""}
    body = _xml(path, "word/document.xml").find(W + "body")
    open_ids: set[str] = set()
    for el in body.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "t", W + "p"):
        if el.tag == W + "commentRangeStart":
            open_ids.add(el.get(W + "id"))
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(el.get(W + "id"))
        elif el.tag == W + "p":
            for cid in open_ids:
                if found.get(cid, {}).get("anchor"):
                    found[cid]["anchor"] += "\n"
        elif not _inside(el, (W + "del",), body):
            for cid in open_ids:
                if cid in found:
                    found[cid]["anchor"] += el.text or ""
    return list(found.values())


def revisions(path) -> list[tuple[str, str | None, str | None]]:
    """(tag, author, date) of every w:ins and w:del of the body (tracked rows included)."""
    body = _xml(path, "word/document.xml").find(W + "body")
    return [(el.tag[len(W):], el.get(W + "author"), el.get(W + "date")) for el in body.iter(W + "ins", W + "del")]
