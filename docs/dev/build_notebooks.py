"""Write notebooks/*.ipynb from the cell lists below (outputs empty).

The notebooks are the source of truth once written: edit them in JupyterLab, or edit this file and
run ``python docs/dev/build_notebooks.py`` to rewrite them. Markdown cells never name a year or a
place: titles are rendered from the ``parameters`` cell, so a report copied forward cannot carry a
stale year (``tests/test_notebooks.py`` checks this).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

OUT = Path(__file__).resolve().parents[2] / "notebooks"


def params(source: str):
    return new_code_cell(source.strip(), metadata={"tags": ["parameters"]})


def md(source: str):
    return new_markdown_cell(source.strip())


def code(source: str):
    return new_code_cell(source.strip())


SETUP = """
from pathlib import Path
from IPython.display import Markdown, display
import pandas as pd
import plankit
pd.set_option("display.max_colwidth", 80)
plans_dir = Path(plans_dir)
"""

NOTEBOOKS = {
    "01-corpus.ipynb": [
        md("# Kho kế hoạch / the corpus\n\nEvery plan of a folder: header fields, legal citations, "
           "and what the readers could not place."),
        params('plans_dir = "../plans"'),
        code(SETUP),
        code("""
from plankit.corpus import read_corpus
corpus = read_corpus([plans_dir])
display(Markdown(f"## {len(corpus)} kế hoạch trong `{plans_dir.name}/` / plans"))
corpus
"""),
        md("## Thông tin chung / header fields"),
        code("""
corpus.to_frame()[["file", "form", "number", "symbol", "issuer", "place", "date", "month", "year", "title"]]
"""),
        md("## Căn cứ và văn bản được nhắc đến / citations"),
        code("""
from plankit.cite import citations_frame
citations = pd.concat(
    [citations_frame(plan.citations).assign(file=plan.name) for plan in corpus], ignore_index=True
)
citations[["file", "key", "doc_type", "date", "issuer", "level", "role"]]
"""),
        code("""
citations.pivot_table(index="file", columns="role", values="key", aggfunc="count", fill_value=0)
"""),
        md("## Cảnh báo của bộ đọc / reader warnings"),
        code("""
pd.DataFrame(
    [{"file": plan.name, "warning": w.message, "where": str(w.source) if w.source else ""}
     for plan in corpus for w in plan.warnings]
    or [{"file": "", "warning": "(none)", "where": ""}]
)
"""),
        code("""
for err in corpus.errors:
    print("không đọc được / unreadable:", err)
"""),
    ],
    "02-legal-basis-graph.ipynb": [
        md("# Sơ đồ căn cứ pháp lý / the legal-basis graph\n\n"
           "Central documents at the top, provincial plans below, department plans at the bottom."),
        params('plans_dir = "../plans"'),
        code(SETUP),
        code("""
from plankit.corpus import read_corpus
from plankit.graph import basis_chain, edges_frame, nodes_frame, orphans, shared_bases
corpus = read_corpus([plans_dir])
graph = plankit.build_graph(corpus)
display(Markdown(f"## {graph.number_of_nodes()} nút, {graph.number_of_edges()} cạnh / nodes, edges"))
"""),
        code("plankit.draw_graph(graph)"),
        md("## Chuỗi căn cứ / basis chains from each department plan"),
        code("""
rows = []
for plan in corpus:
    for chain in basis_chain(graph, plan):
        rows.append({"plan": plan.name, "chain": " → ".join(graph.nodes[n].get("label", n) for n in chain)})
pd.DataFrame(rows)
"""),
        md("## Văn bản được nhiều kế hoạch cùng căn cứ / shared documents"),
        code("""
shared = shared_bases(graph)
pd.DataFrame(
    [{"document": graph.nodes[d].get("label", d), "key": graph.nodes[d].get("key"),
      "plans": len(p), "cited by": ", ".join(graph.nodes[x].get("label", x) for x in p)}
     for d, p in shared.items()]
)
"""),
        md("## Kế hoạch thiếu căn cứ cấp tỉnh / plans with no provincial basis"),
        code("""
pd.DataFrame({"orphan": [graph.nodes[n].get("label", n) for n in orphans(graph)]})
"""),
        md("## Bảng nút và cạnh / nodes and edges"),
        code("nodes_frame(graph)"),
        code("edges_frame(graph)"),
    ],
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook(cells=cells)
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.metadata["language_info"] = {"name": "python"}
        nbformat.write(nb, str(OUT / name))
        print("wrote", OUT / name)


if __name__ == "__main__":
    main()
