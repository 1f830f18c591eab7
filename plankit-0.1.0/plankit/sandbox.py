"""The Jinja sandbox Word templates render in: what a template may reach, build and spend.

A template is data an officer may have been sent; rendering it must not run code, exhaust memory
or hang. On top of Jinja's :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment` (no attribute
starting with ``_``, no mutation of values) this module bounds:

* **size**: a string or list a template builds holds at most :data:`MAX_SIZE` characters or
  items (``*``, ``+``, ``~``, ``%``, ``join``, ``replace``, ``list``, any filter or method
  result); a width or count argument (``center``, ``ljust``, ``format`` widths, ``indent``,
  ``wordwrap``, ``batch``, ``zfill``...) is at most :data:`MAX_WIDTH`; ``range`` yields at most
  :data:`MAX_RANGE` numbers, ``lipsum`` at most :data:`MAX_LIPSUM_WORDS` words; an integer power
  at most :data:`MAX_INT_BITS` bits; the rendered XML of a part at most :data:`MAX_OUTPUT`
  characters;
* **time**: a render runs at most :data:`TIME_LIMIT` seconds, checked at every call, filter,
  ``range`` step and output chunk, and enforced by a watchdog timer that interrupts a loop that
  reaches none of those checks (no subprocess);
* **strictness**: undefined variables raise, also inside ``map(attribute=...)`` and
  ``groupby``; an attribute that is unsafe (``__class__``) raises instead of rendering empty;
* **tags**: :func:`check_tags` finds an unclosed ``{{``, ``{%`` or ``{#`` in one linear scan
  before docxtpl's regular expressions (which take quadratic time on them) see the XML.

Past any bound a :class:`TemplateLimit` is raised; :mod:`plankit.render` reports it as a
:class:`~plankit.errors.TemplateError` naming the template and the tag or operation.
"""

from __future__ import annotations

import contextlib
import ctypes
import re
import threading
import time
from collections.abc import Iterator
from typing import Any

__all__ = [
    "MAX_INT_BITS",
    "MAX_LIPSUM_WORDS",
    "MAX_OUTPUT",
    "MAX_RANGE",
    "MAX_SIZE",
    "MAX_WIDTH",
    "TIME_LIMIT",
    "TemplateLimit",
    "TemplateTimeout",
    "check_tags",
    "environment",
    "running",
]

MAX_SIZE = 1_000_000
"""Characters of a string, or items of a list, that a template expression may build."""

MAX_WIDTH = 10_000
"""The largest width, count or padding argument (``center(80)``, ``"%-20s"``, ``batch(3)``)."""

MAX_RANGE = 100_000
"""The most numbers one ``range()`` yields."""

MAX_LIPSUM_WORDS = 10_000
"""The most words ``lipsum()`` may generate (paragraphs times words per paragraph)."""

MAX_INT_BITS = 100_000
"""The largest integer (in bits, about 30,000 digits) a power ``**`` may produce."""

MAX_OUTPUT = 8_000_000
"""The most characters of XML one rendered part (document, header, footer) may hold; the
document.xml of a 30-page plan is about 300,000."""

TIME_LIMIT = 5.0
"""Seconds a whole render may take; plankit's own template renders a plan in well under one."""


class TemplateLimit(Exception):
    """A template went past a sandbox bound; the message names the operation or tag."""


class TemplateTimeout(TemplateLimit):
    """A template ran past :data:`TIME_LIMIT`."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else (
            f"the template ran longer than {TIME_LIMIT:g} s (a loop or a recursive macro?)"
        )


# ------------------------------------------------------------------------------------------------
# Tags: one linear scan

_TAG_TOKEN = re.compile(r"\{[{%#]|[}%#]\}")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
_XML_TAG = re.compile(r"<[^>]*>")


def check_tags(xml: str) -> None:
    """Raise :class:`TemplateLimit` at the first ``{{``, ``{%`` or ``{#`` that is not closed
    before the next tag opens; runs in time linear in ``xml``.

    >>> check_tags("<w:t>{{ title }}</w:t><w:t>{% if year %}{{ year }}{% endif %}</w:t>")
    >>> check_tags("<w:t>Kế hoạch {{ title </w:t><w:t>{{ year }}</w:t>")
    Traceback (most recent call last):
    ...
    plankit.sandbox.TemplateLimit: unclosed tag '{{ title' (no '}}' before the next tag)
    """
    opened: str | None = None
    start = 0
    for m in _TAG_TOKEN.finditer(xml):
        token = m.group(0)
        if token in _CLOSER:
            if opened is not None:
                raise TemplateLimit(f"unclosed tag {_shown(xml, start)!r} (no {_CLOSER[opened]!r} before the next tag)")
            opened, start = token, m.start()
        elif opened is not None and token == _CLOSER[opened]:
            opened = None
    if opened is not None:
        raise TemplateLimit(f"unclosed tag {_shown(xml, start)!r} (no {_CLOSER[opened]!r} until the end)")


def _shown(xml: str, start: int) -> str:
    """The tag's first characters as Word shows them (XML markup dropped)."""
    text = _XML_TAG.sub("", xml[start : start + 400])
    text = " ".join(text.split())
    nxt = min((i for i in (text.find("{{", 2), text.find("{%", 2), text.find("{#", 2)) if i > 0), default=len(text))
    return text[: min(nxt, 40)].rstrip()


# ------------------------------------------------------------------------------------------------
# Time: a deadline per render, and a watchdog for loops that never reach a check

_STATE = threading.local()


def _deadline() -> float | None:
    return getattr(_STATE, "deadline", None)


def check_time() -> None:
    """Raise :class:`TemplateTimeout` when the current render is past its deadline."""
    deadline = getattr(_STATE, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise TemplateTimeout()


@contextlib.contextmanager
def running(seconds: float | None = None) -> Iterator[None]:
    """Bound the renders inside the ``with`` block to ``seconds`` (default :data:`TIME_LIMIT`).

    Nested blocks share the outer deadline. Past the deadline, the checks in calls, filters,
    ``range`` and output raise; a watchdog thread raises :class:`TemplateTimeout` in this thread
    one second later if none was reached (a loop over a literal list with an empty body).

    >>> with running(5):
    ...     check_time()
    """
    if _deadline() is not None:
        yield
        return
    limit = TIME_LIMIT if seconds is None else seconds
    _STATE.deadline = time.monotonic() + limit
    thread = threading.get_ident()
    lock = threading.Lock()
    active = [True]

    def interrupt() -> None:
        with lock:
            if active[0]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(TemplateTimeout))

    timer = threading.Timer(limit + 1.0, interrupt)
    timer.daemon = True
    if hasattr(ctypes, "pythonapi"):
        timer.start()
    try:
        yield
    finally:
        with lock:
            active[0] = False
        timer.cancel()
        _STATE.deadline = None


# ------------------------------------------------------------------------------------------------
# Size checks


def _size(value: Any) -> int:
    if isinstance(value, str | bytes | list | tuple | dict | set | frozenset):
        return len(value)
    return 0


def _check_size(value: Any, what: str) -> Any:
    if _size(value) > MAX_SIZE:
        raise TemplateLimit(f"{what} builds a value of {_size(value):,} characters or items (the limit is {MAX_SIZE:,})")
    return value


def _check_width(args: tuple, kwargs: dict, what: str) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
            raise TemplateLimit(f"{what} with {value} (widths and counts are limited to {MAX_WIDTH:,})")


_NUMBER = re.compile(r"\d+")


def _check_format(spec: str, what: str) -> None:
    """Widths and precisions written in a format string (``%-9999999s``, ``{:>9999999}``)."""
    for m in _NUMBER.finditer(spec):
        if len(m.group(0)) > 5 or int(m.group(0)) > MAX_WIDTH:
            raise TemplateLimit(f"{what} with a width of {m.group(0)[:12]} (the limit is {MAX_WIDTH:,})")


def _estimate_join(items: Any, sep: Any, what: str) -> None:
    if isinstance(items, list | tuple):
        total = len(items) * _size(sep) + sum(_size(i) if isinstance(i, str) else 20 for i in items)
        if total > MAX_SIZE:
            raise TemplateLimit(f"{what} builds a value of about {total:,} characters (the limit is {MAX_SIZE:,})")


# Filters whose integer arguments are widths or counts.
_WIDTH_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate", "batch", "slice", "format"})
# str methods whose integer arguments are widths.
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})


def _guard_filter(name: str, func: Any) -> Any:
    import functools

    from jinja2.runtime import Undefined

    what = f"filter '{name}'"

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        check_time()
        if name in _WIDTH_FILTERS:
            _check_width(args, kwargs, what)
        if name == "format" and args:
            value = next((a for a in args if isinstance(a, str)), "")
            _check_format(value, what)
        if name == "join":
            values = [a for a in args if isinstance(a, list | tuple)]
            if values:
                sep = next((a for a in args if isinstance(a, str)), kwargs.get("d", ""))
                _estimate_join(values[0], sep, what)
        if name == "replace":
            strings = [a for a in args if isinstance(a, str)]
            if len(strings) >= 3 and strings[1]:
                grown = strings[0].count(strings[1]) * len(strings[2]) + len(strings[0])
                if grown > MAX_SIZE:
                    raise TemplateLimit(f"{what} builds a value of about {grown:,} characters (the limit is {MAX_SIZE:,})")
        result = func(*args, **kwargs)
        if name in ("map", "groupby"):
            return _strict_items(result, what, Undefined)
        return _check_size(result, what)

    return guarded


def _strict_items(result: Any, what: str, undefined: type) -> Any:
    """``map``/``groupby`` results whose items must not be Undefined (a missing or unsafe
    attribute): StrictUndefined raises when printed, but not inside a list's repr."""

    def fail(item: Any) -> None:
        if isinstance(item, undefined):
            item._fail_with_undefined_error()

    if isinstance(result, list):
        for group in result:
            fail(getattr(group, "grouper", None))
        return _check_size(result, what)

    def items() -> Iterator[Any]:
        for item in result:
            fail(item)
            yield item

    return items()


class _Range:
    """``range()`` for templates: at most :data:`MAX_RANGE` numbers, checking the clock."""

    def __init__(self, *args: int):
        self.range = range(*args)
        if len(self.range) > MAX_RANGE:
            raise TemplateLimit(f"range{args} yields {len(self.range):,} numbers (the limit is {MAX_RANGE:,})")

    def __iter__(self) -> Iterator[int]:
        for i, n in enumerate(self.range):
            if not i & 1023:
                check_time()
            yield n

    def __len__(self) -> int:
        return len(self.range)

    def __getitem__(self, index: int) -> int:
        return self.range[index]

    def __repr__(self) -> str:
        return repr(self.range)


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:
    from jinja2.utils import generate_lorem_ipsum

    if n * max > MAX_LIPSUM_WORDS or n < 0 or max < 0:
        raise TemplateLimit(f"lipsum({n}, max={max}) would write up to {n * max:,} words (the limit is {MAX_LIPSUM_WORDS:,})")
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


def _concat(join: Any, values: tuple) -> Any:
    total = sum(len(v) for v in values if isinstance(v, str))
    if total > MAX_SIZE:
        raise TemplateLimit(f"'~' builds a string of {total:,} characters (the limit is {MAX_SIZE:,})")
    return join(values)


# ------------------------------------------------------------------------------------------------
# The environment

_ENV = None
_ENV_LOCK = threading.Lock()


def environment():
    """The shared sandboxed Jinja environment (compiled template sources are memoised).

    >>> env = environment()
    >>> env.from_string("{{ title|upper }}").render(title="kế hoạch")
    'KẾ HOẠCH'
    >>> env.from_string("{{ 'a'|center(100000000) }}").render()
    Traceback (most recent call last):
    ...
    plankit.sandbox.TemplateLimit: filter 'center' with 100000000 (widths and counts are limited to 10,000)
    """
    global _ENV
    if _ENV is None:
        with _ENV_LOCK:
            if _ENV is None:
                _ENV = _build()
    return _ENV


def _build():
    from jinja2 import StrictUndefined
    from jinja2.compiler import CodeGenerator, optimizeconst
    from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

    class Generator(CodeGenerator):
        @optimizeconst
        def visit_Concat(self, node, frame) -> None:
            if frame.eval_ctx.volatile:
                func_name = "(markup_join if context.eval_ctx.volatile else str_join)"
            elif frame.eval_ctx.autoescape:
                func_name = "markup_join"
            else:
                func_name = "str_join"
            self.write(f"environment.sandbox_concat({func_name}, (")
            for arg in node.nodes:
                self.visit(arg, frame)
                self.write(", ")
            self.write("))")

    class Sandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**", "+", "%"])
        code_generator_class = Generator

        def __init__(self, **options: Any):
            super().__init__(**options)
            self.filters = {name: _guard_filter(name, f) for name, f in self.filters.items()}
            self.globals["range"] = _Range
            self.globals["lipsum"] = _lipsum
            self.sandbox_concat = _concat
            self.compiled: dict[str, Any] = {}
            self.compiled_lock = threading.Lock()

        def unsafe_undefined(self, obj: Any, attribute: str):
            # An unsafe attribute is an attack, not a typo: refuse it even where Undefined
            # would pass silently (map, groupby, default).
            raise SecurityError(f"access to attribute {attribute!r} of a {type(obj).__name__} object is unsafe")

        def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
            check_time()
            if (operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 1
                    and abs(left) > 1 and left.bit_length() * right > MAX_INT_BITS):
                raise TemplateLimit(f"'{left if left.bit_length() < 64 else '...'} ** {right}' is too large a number")
            if operator == "**" and isinstance(right, int | float) and abs(right) > 64 and not (
                isinstance(left, int) and abs(left) <= 1
            ):
                raise TemplateLimit(f"exponent {right} is too large for a template")
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, str | list | tuple) and isinstance(n, int) and len(seq) * n > MAX_SIZE:
                        raise TemplateLimit(f"'*' builds a value of {len(seq) * n:,} characters or items (the limit is {MAX_SIZE:,})")
            if operator == "+" and _size(left) + _size(right) > MAX_SIZE:
                raise TemplateLimit(f"'+' builds a value of {_size(left) + _size(right):,} characters or items (the limit is {MAX_SIZE:,})")
            if operator == "%" and isinstance(left, str):
                _check_format(left, "'%' formatting")
                _check_width(right if isinstance(right, tuple) else (right,), {}, "'%' formatting")
            return _check_size(super().call_binop(context, operator, left, right), f"'{operator}'")

        def call(self, context, obj, /, *args: Any, **kwargs: Any) -> Any:
            check_time()
            name = getattr(obj, "__name__", "")
            owner = getattr(obj, "__self__", None)
            what = f"'{name}()'" if name else "a call"
            if isinstance(owner, str):
                if name in _WIDTH_METHODS:
                    _check_width(args, kwargs, what)
                if name in ("format", "format_map"):
                    _check_format(owner, what)
                if name == "join" and args:
                    _estimate_join(args[0], owner, what)
                if name == "replace" and len(args) >= 2 and isinstance(args[0], str) and args[0]:
                    grown = owner.count(args[0]) * _size(args[1]) + len(owner)
                    if grown > MAX_SIZE:
                        raise TemplateLimit(f"{what} builds a value of about {grown:,} characters (the limit is {MAX_SIZE:,})")
            return _check_size(super().call(context, obj, *args, **kwargs), what)

        def wrap_str_format(self, value: Any):
            owner = getattr(value, "__self__", None)
            if isinstance(owner, str) and getattr(value, "__name__", "") in ("format", "format_map"):
                _check_format(owner, f"'{value.__name__}()'")
            return super().wrap_str_format(value)

        def getattr(self, obj: Any, attribute: str) -> Any:
            check_time()
            return super().getattr(obj, attribute)

        def from_string(self, source, globals=None, template_class=None):
            if globals is not None or template_class is not None or not isinstance(source, str):
                return super().from_string(source, globals, template_class)
            with self.compiled_lock:
                cached = self.compiled.get(source)
            if cached is None:
                cached = super().from_string(source)
                with self.compiled_lock:
                    if len(self.compiled) >= 64:
                        self.compiled.pop(next(iter(self.compiled)))
                    self.compiled[source] = cached
            return cached

    from jinja2 import Template

    class LimitedTemplate(Template):
        """Renders chunk by chunk, counting the output and checking the clock."""

        def render(self, *args: Any, **kwargs: Any) -> str:
            ctx = self.new_context(dict(*args, **kwargs))
            with running():
                try:
                    out: list[str] = []
                    size = 0
                    for chunk in self.root_render_func(ctx):
                        size += len(chunk)
                        if size > MAX_OUTPUT:
                            raise TemplateLimit(
                                f"the template writes more than {MAX_OUTPUT:,} characters (a loop or a huge value?)"
                            )
                        check_time()
                        out.append(chunk)
                    return self.environment.concat(out)  # type: ignore[union-attr]
                except TemplateLimit:
                    raise
                except Exception:
                    self.environment.handle_exception()  # type: ignore[union-attr]

    Sandbox.template_class = LimitedTemplate
    return Sandbox(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True)
