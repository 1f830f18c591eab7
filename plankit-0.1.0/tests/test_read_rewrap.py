"""Re-wrapping a plan's lines at any width (as a PDF or a portal does) changes neither its
header, its citations' keys and roles, nor its issuer's level."""

from __future__ import annotations

import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plankit import read_text

from .test_read_layouts import CASES


def _rewrap(text: str, width: int) -> str:
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def _reading(text: str) -> tuple:
    plan = read_text(text, "rewrapped.txt")
    h = plan.header
    head = (h.doc_type, h.number, h.symbol, h.date, h.place, h.issuer, h.year, " ".join((h.title or "").split()))
    cites = [(c.key, c.role) for c in plan.citations]
    return head, cites, plan.facts.level


WRAPPABLE = [c for c in CASES if c[0] != "single-line-ampersand"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(WRAPPABLE), width=st.integers(min_value=40, max_value=160))
def test_rewrapping_keeps_header_citations_and_roles(case, width):
    name, text, *_ = case
    assert _reading(_rewrap(text, width)) == _reading(text), name
