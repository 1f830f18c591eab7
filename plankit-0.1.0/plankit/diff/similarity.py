"""How alike several plans are: a similarity matrix and its heatmap.

Plans are compared on shingles of folded words (three words in a row, diacritics and case
dropped, OCR damage cleaned), so two provinces' plans sharing the national boilerplate score
high whatever their diacritics or line breaks.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Plan
from .tokens import looks_ocr, tokens_of

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["draw_similarity", "similarity_matrix"]


def _shingles(plan: Plan, k: int) -> set[tuple[str, ...]]:
    words = [t.key for t in tokens_of(plan.text, ocr=looks_ocr(plan), punct=False)]
    return {tuple(words[i : i + k]) for i in range(max(len(words) - k + 1, 0))}


def _labels(plans: Sequence[Plan]) -> list[str]:
    """Plan names, made unique when two plans share one."""
    seen: dict[str, int] = {}
    out = []
    for p in plans:
        name = p.name
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def similarity_matrix(plans: Sequence[Plan | str | os.PathLike[str]], *, k: int = 3) -> pd.DataFrame:
    """Pairwise similarity of plans: the Jaccard index of their folded ``k``-word shingles.

    Returns a square DataFrame labelled by plan name, 1.0 on the diagonal, symmetric.

    >>> from plankit.read import read_text
    >>> a = read_text("Tuyên truyền cải cách hành chính năm 2022 tới cán bộ, công chức", name="a")
    >>> b = read_text("TUYEN TRUYEN CAI CACH HANH CHINH nam 2022 toi can bo, cong chuc", name="b")
    >>> c = read_text("Kinh phí thực hiện từ nguồn ngân sách nhà nước", name="c")
    >>> m = similarity_matrix([a, b, c])
    >>> float(m.loc["a", "b"]), float(m.loc["a", "c"])
    (1.0, 0.0)
    """
    import pandas as pd

    from ..read import as_plan

    plans = [as_plan(p) for p in plans]
    labels = _labels(plans)
    sets = [_shingles(p, k) for p in plans]
    n = len(plans)
    data = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            union = len(sets[i] | sets[j])
            value = len(sets[i] & sets[j]) / union if union else 1.0
            data[i][j] = data[j][i] = round(value, 4)
    return pd.DataFrame(data, index=labels, columns=labels)


def _figure(size: tuple[float, float]) -> Figure:
    """A figure on the user's backend when one is in use (a script that imported pyplot, a
    Jupyter kernel, ``MPLBACKEND``), else on a private Agg canvas: pyplot's global state and
    the backend choice are left alone."""
    in_kernel = "ipykernel" in sys.modules
    if in_kernel or "matplotlib.pyplot" in sys.modules or os.environ.get("MPLBACKEND"):
        import matplotlib.pyplot as plt

        fig = plt.figure(figsize=size, dpi=100)
        if in_kernel:
            plt.close(fig)  # shown once, as the cell's value
        return fig
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=100)
    FigureCanvasAgg(fig)
    return fig


def draw_similarity(matrix: pd.DataFrame, ax: Axes | None = None) -> Figure:
    """A heatmap of :func:`similarity_matrix`, each cell annotated with its value.

    Without ``ax`` a new figure is made, on the Agg canvas when no backend is in use.

    >>> import pandas as pd
    >>> fig = draw_similarity(pd.DataFrame([[1.0, 0.4], [0.4, 1.0]], index=["a", "b"], columns=["a", "b"]))
    >>> fig.axes[0].get_title()
    'Độ giống nhau giữa các kế hoạch (3 từ liền nhau, bỏ dấu)'
    """
    if ax is None:
        n = len(matrix)
        fig = _figure((2.2 + 1.1 * n, 1.6 + 0.9 * n))
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    values = matrix.to_numpy(dtype=float)
    image = ax.imshow(values, vmin=0.0, vmax=1.0, cmap="viridis")
    ax.set_xticks(range(len(matrix.columns)), labels=list(matrix.columns), rotation=35, ha="right", fontsize=8)
    ax.set_yticks(range(len(matrix.index)), labels=list(matrix.index), fontsize=8)
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=8, color="black" if v > 0.6 else "white")
    ax.set_title("Độ giống nhau giữa các kế hoạch (3 từ liền nhau, bỏ dấu)", fontsize=10)
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    fig.tight_layout()
    return fig
