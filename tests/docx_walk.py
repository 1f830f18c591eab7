"""An independent reading of a .docx for tests: lxml over the zip, not plankit's reader.

``texts(path, "accept")`` is what Word shows after Accept All, ``"reject"`` after Reject All
(paragraph by paragraph, body and table cells in document order); ``comments(path)`` lists each
comment's author, text and the document text its range covers.
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


def texts(path, mode: str = "accept") -> list[str]:
    """The paragraphs' texts after Accept All (``accept``) or Reject All (``reject``)."""
    body = _xml(path, "word/document.xml").find(W + "body")
    out: list[str] = []
    joined = False
    gone = W + ("del" if mode == "accept" else "ins")
    for p in body.iter(W + "p"):
        text = _paragraph_text(p, mode)
        if joined:
            out[-1] += text
        else:
            out.append(text)
        joined = _mark(p, gone)
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
    """(tag, author, date) of every w:ins and w:del of the body."""
    body = _xml(path, "word/document.xml").find(W + "body")
    return [(el.tag[len(W):], el.get(W + "author"), el.get(W + "date")) for el in body.iter(W + "ins", W + "del")]
