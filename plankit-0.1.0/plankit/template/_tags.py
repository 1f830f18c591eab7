"""The tags of a template: parsed, located, and checked against the plan's variables and the
sandbox, without rendering anything.

docxtpl joins a paragraph's runs and reads ``{{ }}``, ``{% %}`` and ``{# #}`` tags in the text;
``{%p``, ``{%tr``, ``{%tc`` and ``{%r`` (and ``{{p`` ...) say that the statement replaces the
whole paragraph, table row, cell or run. Here every tag is put on its own line of one Jinja
source, so a line number from Jinja leads back to the paragraph or cell the tag stands in.
"""

from __future__ import annotations

import difflib
import functools
import re

from ..sandbox import MAX_INT_BITS
from ..sandbox import MAX_RANGE as NUMBER_LIMIT  # the largest number a template may write
from .finding import RULES, Finding

# A complete tag; docxtpl's own reading (non-greedy, one paragraph).
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# What is left of a tag once the complete ones are taken out: an opening or closing half.
_HALF = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
# docxtpl's level prefix right after the opening brace: p(aragraph), tr (row), tc (cell), r(un).
_LEVEL = re.compile(r"^\{([{%])(p|tr|tc|r)\s")
_CURLY = "“”„‟«»″‘’‚‛′"
_STRAIGHT = str.maketrans({**{c: '"' for c in "“”„‟«»″"}, **{c: "'" for c in "‘’‚‛′"},
                           "\u00a0": " ", "\u202f": " ", "\u2007": " "})
# Jinja's globals: usable without the plan providing them. lipsum builds text on request.
_GLOBALS = {"range", "dict", "cycler", "joiner", "namespace", "lipsum", "loop"}


def _f(rule: str, where: str, context: str, message: str) -> Finding:
    return Finding(rule, RULES[rule][0], where, context, message)


@functools.lru_cache(maxsize=1)
def known_variables() -> tuple[str, ...]:
    """The variables every plan gives a template, read off the real context builder.

    >>> "title" in known_variables() and "recipients" in known_variables()
    True
    """
    from ..read import read_text
    from ..render import template_context

    return tuple(sorted(template_context(read_text("KẾ HOẠCH\nKế hoạch mẫu năm 2026"))))


def _environment():
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment()


def _jinja(tag: str) -> str:
    """The tag as Jinja reads it: the level prefix dropped, Word's quotes and spaces straightened."""
    m = _LEVEL.match(tag)
    if m:
        tag = "{" + m.group(1) + tag[m.end():]
    return tag.translate(_STRAIGHT).replace("\n", " ")


def _around(text: str, start: int, end: int, width: int = 30) -> str:
    left = max(0, start - width)
    right = min(len(text), end + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def tags_of(paragraphs):
    """``(findings, lines)``: problems a single paragraph shows, and one (paragraph, tag) a
    line for the Jinja source."""
    findings: list[Finding] = []
    lines: list[tuple[object, str]] = []
    for para in paragraphs:
        text = para.text
        if not any(c in text for c in "{}%#"):
            continue
        matches = list(_TAG.finditer(text))
        rest = _TAG.sub(lambda m: "\0" * len(m.group(0)), text)
        for half in _HALF.finditer(rest):
            opening = half.group(0)[0] == "{"
            what = (f"unclosed '{half.group(0)}': the tag has no end in this paragraph" if opening
                    else f"'{half.group(0)}' closes no tag")
            findings.append(_f("broken-tag", para.where, _around(text, half.start(), half.end()),
                               f"thẻ hỏng / broken tag: {what}"))
        for m in matches:
            tag = m.group(0)
            level = _LEVEL.match(tag)
            if any(c in tag for c in _CURLY):
                findings.append(_f("curly-quote", para.where, tag,
                                   "dấu nháy cong trong thẻ / Word's curly quotes inside the tag: type ' or \" "
                                   "(plankit straightens them; docxtpl alone would fail)"))
            if level and level.group(2) == "p":
                other = (text[: m.start()] + text[m.end():]).strip()
                if other:
                    findings.append(_f("tag-shares-paragraph", para.where, _around(text, m.start(), m.end()),
                                       f"thẻ {{%p}} phải đứng riêng một đoạn / a {{%p}} tag must be alone in its "
                                       f"paragraph: the text '{other[:40]}' would vanish"))
            if level and level.group(2) in ("tr", "tc") and not (para.in_row if level.group(2) == "tr" else para.in_cell):
                place = "hàng bảng / table row" if level.group(2) == "tr" else "ô bảng / table cell"
                findings.append(_f("tr-outside-row", para.where, tag,
                                   f"thẻ {{%{level.group(2)}}} ngoài {place.split(' / ')[0]} / a {{%{level.group(2)}}} "
                                   f"tag outside a {place.split(' / ')[1]}"))
            lines.append((para, tag))
    return findings, lines


def _sandbox(ast, where_of) -> list[Finding]:
    """Tags that reach for internals or other files, or build huge values."""
    from jinja2 import nodes

    out: list[Finding] = []

    def bad(node, what: str) -> None:
        para, tag = where_of(node.lineno)
        out.append(_f("sandbox", para.where, tag, f"thẻ bị từ chối / refused tag: {what}"))

    def number(node):
        if isinstance(node, nodes.Const) and isinstance(node.value, int | float) and not isinstance(node.value, bool):
            return node.value
        if isinstance(node, nodes.Neg):
            v = number(node.node)
            return None if v is None else -v
        return None

    for node in ast.find_all(nodes.Node):
        if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            bad(node, f"'{node.attr}' reaches for Python internals")
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
                and isinstance(node.arg.value, str) and node.arg.value.startswith("_"):
            bad(node, f"'{node.arg.value}' reaches for Python internals")
        elif isinstance(node, nodes.Extends | nodes.Include | nodes.Import | nodes.FromImport):
            bad(node, "a template may not read other files")
        elif isinstance(node, nodes.Name) and node.name == "lipsum":
            bad(node, "lipsum() builds text on request")
        elif isinstance(node, nodes.Pow):
            base, exponent = number(node.left), number(node.right)
            if base is not None and exponent is not None and exponent > 0 \
                    and max(1, int(abs(base)).bit_length()) * exponent > MAX_INT_BITS:
                bad(node, f"{base}**{exponent} builds a huge number")
            elif base is not None and exponent is not None and abs(base) > 1 and exponent > 0 \
                    and abs(base) ** exponent > NUMBER_LIMIT:
                bad(node, f"{base}**{exponent} is a huge number (the limit is {NUMBER_LIMIT:,})")
        elif isinstance(node, nodes.Mul):
            a, b = number(node.left), number(node.right)
            if a is not None and b is not None and abs(a * b) > NUMBER_LIMIT:
                bad(node, f"{a}*{b} is a huge number (the limit is {NUMBER_LIMIT:,})")
            for seq, n in ((node.left, b), (node.right, a)):
                if isinstance(seq, nodes.Const) and isinstance(seq.value, str) and n is not None \
                        and len(seq.value) * n > NUMBER_LIMIT:
                    bad(node, f"repeats a text {n} times (the limit is {NUMBER_LIMIT:,} characters)")
        else:
            v = number(node) if isinstance(node, nodes.Const) else None
            if v is not None and abs(v) > NUMBER_LIMIT:
                bad(node, f"the number {v} is huge (the limit is {NUMBER_LIMIT:,})")
    return out


def check_tags(paragraphs) -> tuple[list[Finding], tuple[str, ...]]:
    """Every finding about tags, and the plan variables the template uses."""
    from jinja2 import TemplateSyntaxError, nodes

    findings, lines = tags_of(paragraphs)
    env = _environment()
    # A print tag can be parsed alone: every broken one is found, not just the first.
    for i, (para, tag) in enumerate(lines):
        if not tag.startswith("{%"):
            try:
                env.parse(_jinja(tag))
            except TemplateSyntaxError as exc:
                findings.append(_f("broken-tag", para.where, tag, f"thẻ hỏng / broken tag: {exc.message}"))
                lines[i] = (para, "")
    source = "\n".join(_jinja(tag) for _, tag in lines)

    def where_of(lineno: int):
        return lines[max(0, min(lineno, len(lines)) - 1)]

    try:
        ast = env.parse(source)
    except TemplateSyntaxError as exc:
        para, tag = where_of(exc.lineno)
        findings.append(_f("broken-tag", para.where, tag, f"thẻ hỏng / broken tag: {exc.message}"))
        return findings, ()
    findings.extend(_sandbox(ast, where_of))
    known = known_variables()
    # Names read but never set (by for, set, macro arguments) anywhere. Not jinja2.meta: its code
    # generator folds constants, and would compute 9**9**9 itself.
    names = list(ast.find_all(nodes.Name))
    stored = {n.name for n in names if n.ctx in ("store", "param")}
    undeclared = {n.name for n in names if n.ctx == "load"} - stored - _GLOBALS
    used = sorted(n for n in undeclared if n in known)
    unknown = undeclared - set(known)
    seen: set[tuple[str, str]] = set()
    for node in ast.find_all(nodes.Name):
        if node.name not in unknown or node.ctx != "load":
            continue
        para, tag = where_of(node.lineno)
        if (node.name, para.where) in seen:
            continue
        seen.add((node.name, para.where))
        near = difflib.get_close_matches(node.name, known, n=1, cutoff=0.6)
        hint = f"did you mean '{near[0]}'?" if near else "the variables are listed in templates/README.md"
        findings.append(_f("unknown-variable", para.where, tag,
                           f"biến không có trong kế hoạch / unknown variable '{node.name}' ({hint})"))
    for name in known:
        if name not in used:
            findings.append(_f("unused-variable", "template", "",
                               f"biến không dùng / variable not used: '{name}'"))
    return findings, tuple(used)
