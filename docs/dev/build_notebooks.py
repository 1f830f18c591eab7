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
    "03-can-tho-2022-vs-2025.ipynb": [
        md("# So sánh hai năm / year-on-year comparison\n\n"
           "What really changed between two plans of one department: year bumps are expected, "
           "basis changes and substantive edits are shown apart, and errors carried over are flagged."),
        params('''
plans_dir = "../plans"
old_plan = "can-tho/2022-so-khcn.txt"
new_plan = "can-tho/2025-so-khcn.ocr.txt"
'''),
        code(SETUP),
        code("""
old = plankit.read_plan(plans_dir / old_plan)
new = plankit.read_plan(plans_dir / new_plan)
display(Markdown(f"## {old.header.issuer}, {old.header.place}: {old.year} → {new.year}"))
diff = plankit.diff_plans(old, new)
diff
"""),
        md("## Căn cứ thay đổi / legal basis"),
        code("""
pd.DataFrame({"removed": [", ".join(sorted(diff.basis_removed))], "added": [", ".join(sorted(diff.basis_added))]})
"""),
        md("## Thay đổi theo loại và theo mục / changes by kind and section"),
        code("""
changes = diff.to_frame()
counts = changes.pivot_table(index="section", columns="kind", values="new", aggfunc="size", fill_value=0)
ax = counts.plot.barh(stacked=True, figsize=(9, 4), title="Thay đổi / changes")
ax.figure.tight_layout()
counts
"""),
        code("changes[changes.kind != \"expected\"]"),
        md("## Bảng hoạt động / activity table"),
        code("diff.tables_frame()"),
        md("## Mức giống nhau giữa các kế hoạch cùng năm / similarity of the plans of one year"),
        code("""
from plankit.corpus import read_corpus
from plankit.diff import draw_similarity
corpus = read_corpus([plans_dir])
same_year = [p for p in corpus if p.year == old.year]
matrix = plankit.similarity_matrix(same_year)
draw_similarity(matrix)
"""),
        code("matrix.round(2)"),
    ],
    "04-stale-copy-check.ipynb": [
        md("# Soát lỗi sao chép / stale copy-paste check\n\n"
           "Every plan of the folder through the linter: stale years, blank numbers and dates, broken "
           "numbering, duplicated words, names that no longer exist, stale legal bases."),
        params('''
plans_dir = "../plans"
today = None  # e.g. "2026-01-15"; None: the plans' own dates decide
'''),
        code(SETUP),
        code("""
import datetime as dt
from plankit.corpus import read_corpus
corpus = read_corpus([plans_dir])
day = dt.date.fromisoformat(today) if today else None
findings = {plan.name: plankit.lint_plan(plan, today=day, corpus=list(corpus)) for plan in corpus}
table = pd.concat([f.to_frame().assign(file=name) for name, f in findings.items()], ignore_index=True)
display(Markdown(f"## {len(table)} phát hiện trong {len(corpus)} kế hoạch / findings"))
table[["file", "line", "code", "rule", "severity", "surface", "message"]]
"""),
        md("## Theo quy tắc / per rule"),
        code("""
per_rule = table.pivot_table(index="rule", columns="severity", values="code", aggfunc="size", fill_value=0)
ax = per_rule.plot.barh(stacked=True, figsize=(8, 4), title="Phát hiện theo quy tắc / findings per rule")
ax.figure.tight_layout()
per_rule
"""),
        md("## Từng phát hiện trong câu của nó / each finding in its sentence"),
        code("""
for name, found in findings.items():
    display(Markdown(f"### {name}"))
    display(found)
"""),
    ],
    "05-draft-2026.ipynb": [
        md("# Dự thảo kế hoạch năm mới / drafting next year's plan\n\n"
           "Restore the scanned plan, roll it to the new year with the province's new basis, lint the "
           "draft, write the .docx in the layout of the state's rules for documents, and list what is left to decide."),
        params('''
plans_dir = "../plans"
previous_plan = "can-tho/2025-so-khcn.ocr.txt"
reference_plan = "can-tho/2022-so-khcn.txt"
draft_year = 2026
basis = [
    "Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND thành phố Cần Thơ về công tác thông tin, "
    "tuyên truyền cải cách hành chính năm 2026",
]
drafts_dir = "../drafts"
'''),
        code(SETUP),
        code("""
previous = plankit.read_plan(plans_dir / previous_plan)
reference = plankit.read_plan(plans_dir / reference_plan)
display(Markdown(f"## {previous.header.issuer}: {previous.year} → {draft_year}"))
restored = previous.restored(reference=reference)
restored
"""),
        md("## Dự thảo / the draft"),
        code("""
draft = plankit.draft_plan(restored, year=draft_year, basis=basis)
draft
"""),
        code("print(plankit.render_markdown(draft)[:3000])"),
        md("## Soát lỗi dự thảo / lint the draft"),
        code("plankit.lint_plan(draft)"),
        md("## Việc cần quyết định / what is left to decide"),
        code("""
pd.DataFrame([{"kind": t.kind, "line": draft.position(t.span.start)[0] if t.span else None,
               "message": t.message} for t in draft.todo])
"""),
        md("## Tệp Word / the .docx"),
        code("""
out = Path(drafts_dir) / f"{Path(previous_plan).parent.name}-{draft_year}-notebook.docx"
written = plankit.render_docx(draft, out, force=True)
display(Markdown(f"Đã ghi / written: `{written}`"))
"""),
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
