"""A plan as Markdown in the Nghị định 30/2020 order (:func:`render_markdown`), for a quick look
in a notebook: the same content a Word template gets (:func:`~plankit.render.template_context`)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Plan
from .context import template_context

__all__ = ["render_markdown"]


def _md(text: str) -> str:
    return re.sub(r"([\\`*_|<>])", r"\\\1", text)


def _md_items(items: Sequence[Mapping[str, Any]]) -> list[str]:
    out: list[str] = []
    for b in items:
        if b["kind"] == "table":
            cols = b["columns"]
            out.append("| " + " | ".join(_md(c) or " " for c in cols) + " |")
            out.append("|" + "---|" * len(cols))
            out.extend("| " + " | ".join(_md(c) or " " for c in row) + " |" for row in b["rows"])
        elif b["kind"] == "title":
            out.append(f"**{_md(b['text'])}**")
        elif b["kind"] == "heading":
            marks = {1: "### ", 2: "#### "}.get(b["level"], "")
            out.append(f"{marks}{_md(b['text'])}" if marks else f"*{_md(b['text'])}*")
        else:
            out.append(_md(b["text"]))
        out.append("")
    return out


def render_markdown(plan: Plan | str | os.PathLike[str]) -> str:
    """The plan as Markdown in the order of Nghị định 30/2020: header, type and subject, basis,
    body, closing, recipients and signature, appendix; a draft's to-do list comes last.

    >>> from plankit.read import read_text
    >>> plan = read_text("SỞ CÔNG THƯƠNG\\nSố: 181/KH-SCT\\nHải Dương, ngày 07 tháng 02 năm 2022\\n"
    ...                  "KẾ HOẠCH\\nTuyên truyền cải cách hành chính năm 2022\\nI. MỤC ĐÍCH")
    >>> md = render_markdown(plan)
    >>> print("\\n".join(md.splitlines()[:8]))
    |  | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |
    |:---:|:---:|
    | **SỞ CÔNG THƯƠNG** | **Độc lập - Tự do - Hạnh phúc** |
    | Số: 181/KH-SCT | *Hải Dương, ngày 07 tháng 02 năm 2022* |
    <BLANKLINE>
    **KẾ HOẠCH**
    **Tuyên truyền cải cách hành chính năm 2022**
    <BLANKLINE>
    >>> "### I. MỤC ĐÍCH" in md
    True
    """
    from ..read import as_plan

    plan = as_plan(plan)
    c = template_context(plan)
    number = c["number"] or "\u2003\u2003"
    parent = "<br>".join(_md(x.upper()) for x in c["parent_lines"])
    issuer = "<br>".join(_md(x.upper()) for x in c["issuer_lines"])
    symbol = c["symbol"] or ("KH/" if c["party"] else "KH-")  # as number_line writes a symbol not read
    if c["party"]:  # Hướng dẫn 36-HD/VPTW: the Party's title, a star under the issuing body
        out = [
            f"| {parent} | **<u>{c['party_title']}</u>** |",
            "|:---:|:---:|",
            f"| **{issuer}**<br>\\* |  |",
            f"| Số{':' if c['number_line'].startswith('Số:') else ''} {_md(number)}-{_md(symbol)} | *{_md(c['place_date'])}* |",
            "",
        ]
    else:
        out = [
            f"| {parent} | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |",
            "|:---:|:---:|",
            f"| **{issuer}** | **Độc lập - Tự do - Hạnh phúc** |",
            f"| Số: {_md(number)}/{_md(symbol)} | *{_md(c['place_date'])}* |",
            "",
        ]
    if c["letter"]:  # a Công văn: its "V/v ..." under the number, no type line
        about = f"<br>{_md(c['title'])}" if c["title"] else ""  # a letter without "V/v": the number alone
        out[-2:-1] = [f"| Số: {_md(number)}/{_md(symbol)}{about} | *{_md(c['place_date'])}* |"]
    else:
        out += [
            f"**{_md(c['doc_type'].upper())}**  ",
            f"**{_md(c['title'])}**",
            "",
        ]
    for p in c["basis"]:
        out += [_md(p), ""]
    out += _md_items(c["body"])
    for p in c["closing"]:
        out += [_md(p), ""]
    out.append("***Nơi nhận:***  ")
    out += [f"\\- {_md(r)}{'.' if i == len(c['recipients']) - 1 else ';'}  " for i, r in enumerate(c["recipients"])]
    out.append("")
    out += [f"**{_md(t.upper())}**  " for t in c["signer_title"]]
    out.append("")
    if c["signer"]:  # no empty '****' where the name is not known
        out += [f"**{_md(c['signer'])}**", ""]
    if c["appendix"]:
        out += ["---", "", *_md_items(c["appendix"])]
    if plan.todo:
        out += ["---", "", "**Việc cần làm / to do**", ""]
        for t in plan.todo:
            where = f"dòng {plan.position(t.span.start)[0]}: " if t.span is not None else ""
            out.append(f"- [ ] {where}{_md(t.message)}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
