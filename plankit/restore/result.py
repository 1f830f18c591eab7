"""What :func:`~plankit.restore.restore_text` returns: the restored text and every token's decision.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..text import nfc

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd



UNCERTAIN_BELOW = 0.8  # tokens whose chosen form has a lower confidence are "uncertain"


@dataclass(frozen=True, slots=True)
class RestoredToken:
    """One token of the input and what it became.

    ``surface`` is the token as read, at ``start:end`` of the (NFC) input; ``output`` what the
    restored text holds in its place; ``candidates`` the forms considered with their
    probabilities in context, best first; ``confidence`` the probability of ``output``;
    ``how``: ``model``, ``reference`` (taken from the reference plan), ``rule`` (a symbol,
    heading or slash rule) or ``kept`` (numbers, punctuation, acronyms, unknown words).
    """

    surface: str
    start: int
    end: int
    output: str
    candidates: tuple[tuple[str, float], ...]
    confidence: float
    how: str

    @property
    def changed(self) -> bool:
        """Whether the output differs from the input token."""
        return self.output != self.surface

    def __repr__(self) -> str:
        return f"RestoredToken({self.surface!r} -> {self.output!r}, {self.confidence:.2f}, {self.how})"


@dataclass(frozen=True)
class Restored:
    """The result of :func:`restore_text`: the restored text and every token's decision.

    >>> from plankit.restore import restore_text
    >>> r = restore_text("Ke hoach cai cach hanh chinh")
    >>> r.text
    'Kế hoạch cải cách hành chính'
    >>> r.tokens[0]
    RestoredToken('Ke' -> 'Kế', 1.00, model)

    ``spans`` holds each token's ``(start, end, output)`` as ``tokens`` does, without the cost of
    the candidates' probabilities (for a caller that maps the input onto the output):

    >>> r.spans[:2]
    ((0, 2, 'Kế'), (3, 8, 'hoạch'))
    """

    text: str
    original: str
    # the tokens, or what works them out on first use (:attr:`tokens`)
    _tokens: tuple[RestoredToken, ...] | Callable[[], tuple[RestoredToken, ...]] = field(repr=False, compare=False)
    ocr: bool = False
    reference: bool = False
    threshold: float = UNCERTAIN_BELOW
    # (start, end, output) of every token, as in tokens, known without the confidences
    spans: tuple[tuple[int, int, str], ...] = field(default=(), repr=False, compare=False)

    @property
    def tokens(self) -> tuple[RestoredToken, ...]:
        """Every token of the input and what it became, in order.

        Worked out on first use and kept: the candidates' probabilities cost about as much as
        the restoration itself, and a caller that wants only :attr:`text` (``restore_plan``,
        the diff) never pays for them.
        """
        made = self._tokens
        if callable(made):
            made = made()
            object.__setattr__(self, "_tokens", made)
        return made

    @property
    def uncertain(self) -> tuple[RestoredToken, ...]:
        """The word tokens to check by eye: a confidence below :attr:`threshold`, or a name."""
        return tuple(t for t in self.tokens if _is_uncertain(t, self.threshold))

    @property
    def names(self) -> tuple[RestoredToken, ...]:
        """The words of personal names: kept as typed, never guessed (``how == "name"``)."""
        return tuple(t for t in self.tokens if t.how == "name")

    def marked_text(self) -> str:
        """The restored text with every uncertain word marked ``{chosen|alternative|...}``.

        >>> from plankit.restore import restore_text
        >>> restore_text("Ong Tran Van Ba").marked_text()
        'Ông {Tran|Trận|Trần|Trấn} {Van|Văn|Vấn|Vẫn} {Ba|Bà|Bá|Bạ}'
        """
        uncertain = {id(t) for t in self.uncertain}
        parts: list[str] = []
        pos = 0
        for tok in self.tokens:
            parts.append(self.original[pos : tok.start])
            if id(tok) in uncertain:
                alts = [c for c, _ in tok.candidates if c != tok.output][:3]
                parts.append("{" + "|".join([tok.output, *alts]) + "}")
            else:
                parts.append(tok.output)
            pos = tok.end
        parts.append(self.original[pos:])
        return nfc("".join(parts))

    def uncertain_lines(self) -> list[str]:
        """One line per uncertain word: ``line:column surface -> output (alternatives)``.

        >>> from plankit.restore import restore_text
        >>> restore_text("Ong Tran Van Ba").uncertain_lines()[0]
        '1:5 Tran -> Tran (tên người, name: kept as typed; Trận 46%, Trần 23%, Trấn 20%)'

        A word the model read as it stands says so instead of an arrow to itself:

        >>> restore_text("Bắc", ocr=True).uncertain_lines()
        ['1:1 Bắc (giữ nguyên, kept as read: 80%; Bạc 20%, Bậc 0%, Bác 0%)']
        """
        # where each line starts, found once (counting newlines per word is quadratic)
        starts = [0] + [m.end() for m in re.finditer("\n", self.original)]
        out = []
        for t in self.uncertain:
            line = bisect.bisect_right(starts, t.start)
            col = t.start - starts[line - 1] + 1
            alts = ", ".join([f"{c} {p:.0%}" for c, p in t.candidates if c != t.output][:3])
            if t.how == "name":
                out.append(f"{line}:{col} {t.surface} -> {t.output} (tên người, name: kept as typed; {alts})")
            elif t.output == t.surface:
                out.append(f"{line}:{col} {t.surface} (giữ nguyên, kept as read: {t.confidence:.0%}; {alts})")
            else:
                out.append(f"{line}:{col} {t.surface} -> {t.output} ({t.confidence:.0%}; {alts})")
        return out

    @property
    def changed(self) -> tuple[RestoredToken, ...]:
        """The tokens whose output differs from the input."""
        return tuple(t for t in self.tokens if t.changed)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        words = sum(1 for t in self.tokens if t.how in ("model", "reference", "rule"))
        first = self.text.strip().split("\n", 1)[0] if self.text.strip() else ""
        first = first if len(first) <= 50 else first[:49] + "…"
        flags = "".join([", OCR" if self.ocr else "", ", reference" if self.reference else ""])
        return (
            f"<Restored {len(self.changed)}/{words} words changed, {len(self.uncertain)} uncertain"
            f"{flags}: {first!r}>"
        )

    def _repr_html_(self) -> str:
        """The restored text; uncertain words highlighted, candidates shown on hover."""
        uncertain = {id(t) for t in self.uncertain}
        parts: list[str] = []
        pos = 0
        for tok in self.tokens:
            parts.append(html.escape(self.original[pos : tok.start]))
            out = html.escape(tok.output)
            if id(tok) in uncertain:
                tip = html.escape(
                    f"{tok.surface} → " + ", ".join(f"{c} {p:.0%}" for c, p in tok.candidates[:5])
                )
                parts.append(f"<mark style='background:#ffe08a' title='{tip}'>{out}</mark>")
            elif tok.changed and tok.how == "reference":
                parts.append(f"<span style='color:#1a5fb4' title='{html.escape(tok.surface)} (reference)'>{out}</span>")
            else:
                parts.append(out)
            pos = tok.end
        parts.append(html.escape(self.original[pos:]))
        legend = (
            f"<div style='font-size:smaller;color:#555'>{len(self.uncertain)} từ chưa chắc chắn "
            f"(uncertain words, highlighted; hover for candidates)</div>"
        )
        return f"<div>{legend}<pre style='white-space:pre-wrap;font-family:inherit'>{''.join(parts)}</pre></div>"

    def to_frame(self) -> pd.DataFrame:
        """One row per token: surface, span, output, confidence, candidates, how, uncertain."""
        import pandas as pd

        rows = [
            {
                "surface": t.surface,
                "start": t.start,
                "end": t.end,
                "output": t.output,
                "confidence": t.confidence,
                "candidates": "; ".join(f"{c} {p:.2f}" for c, p in t.candidates),
                "how": t.how,
                "uncertain": _is_uncertain(t, self.threshold),
            }
            for t in self.tokens
        ]
        return pd.DataFrame(rows, columns=["surface", "start", "end", "output", "confidence", "candidates", "how", "uncertain"])

    def to_dict(self) -> dict:
        """Plain values for JSON: the text and the changed or uncertain tokens."""
        return {
            "text": self.text,
            "ocr": self.ocr,
            "reference": self.reference,
            "tokens": [
                {
                    "surface": t.surface,
                    "start": t.start,
                    "end": t.end,
                    "output": t.output,
                    "confidence": round(t.confidence, 4),
                    "candidates": [[c, round(p, 4)] for c, p in t.candidates],
                    "how": t.how,
                }
                for t in self.tokens
                if t.changed or _is_uncertain(t, self.threshold)
            ],
            "uncertain": [
                {
                    "surface": t.surface,
                    "start": t.start,
                    "output": t.output,
                    "how": t.how,
                    "alternatives": [[c, round(p, 4)] for c, p in t.candidates if c != t.output],
                }
                for t in self.uncertain
            ],
        }


def _is_uncertain(t: RestoredToken, threshold: float) -> bool:
    return t.how == "name" or (len(t.candidates) > 1 and t.confidence < threshold)
