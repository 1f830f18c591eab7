"""The outputs of a result (a page, a table, a drawing, a file), registered by the outputs layer.

A result of a verb (:class:`~plankit.diff.PlanDiff`, :class:`~plankit.graph.BasisGraph`) offers
its outputs as methods (``PlanDiff.to_html``, ``BasisGraph.draw``), but the code that makes them
sits a layer above it (:mod:`plankit.diff.render`, :mod:`plankit.graph.draw`, ...). So that
every import points down, each output module registers its functions here when it is imported
(its package's ``__init__`` imports it) and the result's method looks them up, as
:func:`plankit.model.register_analysis` does for the analyses of a plan.

>>> class Tally(tuple):
...     def to_text(self) -> str:
...         return view(Tally, "text")(self)
>>> register_view(Tally, "text", lambda t: " + ".join(map(str, t)))
>>> Tally((1, 2)).to_text()
'1 + 2'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["register_view", "view"]

_VIEWS: dict[tuple[type, str], Callable[..., Any]] = {}


def register_view(kind: type, name: str, function: Callable[..., Any]) -> None:
    """Make ``function`` the output ``name`` of results of type ``kind``; registering a name
    again replaces its function.

    >>> register_view(frozenset, "size", len)
    >>> view(frozenset, "size")(frozenset({1, 2}))
    2
    """
    _VIEWS[kind, name] = function


def view(kind: type, name: str) -> Callable[..., Any]:
    """The function registered as output ``name`` of ``kind``; :class:`LookupError` when none is
    (the output module was never imported).

    >>> view(complex, "html")
    Traceback (most recent call last):
    ...
    LookupError: no output 'html' is registered for complex (import the package that defines complex)
    """
    try:
        return _VIEWS[kind, name]
    except KeyError:
        raise LookupError(
            f"no output {name!r} is registered for {kind.__name__} (import the package that defines {kind.__name__})"
        ) from None
