"""Write plankit/notebooks/*.ipynb (the top-level notebooks/ is a symlink) from the cells below.

The notebooks are the source of truth once written: edit them in JupyterLab, or edit this file and
run ``python docs/dev/build_notebooks.py`` to rewrite them (outputs empty). Rules they follow:

* they work on any folder of plans: each finds its own inputs (year-on-year pairs, the latest plan
  of each issuer and its clean reference, ``plankit.series``) and says in one sentence when it has
  nothing to show;
* ``plankit report`` hides the code, so everything a manager reads is an output: headings and
  notes in Vietnamese with an English gloss (``plankit.show``), readable tables, summaries before
  detail, full tables folded away; no absolute path is ever printed;
* Markdown cells never name a year or a place: titles come from the plans, so a report copied
  forward cannot carry a stale year (``tests/test_notebooks.py`` checks this);
* nothing is written unless ``out_dir`` is set (``plankit report`` sets it to ``--out``).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

OUT = Path(__file__).resolve().parents[2] / "plankit" / "notebooks"


def params(source: str):
    return new_code_cell(source.strip(), metadata={"tags": ["parameters"]})


def md(source: str):
    return new_markdown_cell(source.strip())


def code(source: str):
    return new_code_cell(source.strip())


SETUP = """
from pathlib import Path

import pandas as pd
from IPython.display import Markdown, display

import plankit
from plankit import show
from plankit.corpus import read_corpus
from plankit.errors import PlankitError

plans_dir = Path(plans_dir).resolve()


def rel(text):
    # pages never show where the files sit on this machine
    return str(text).replace(str(plans_dir) + "/", "")


try:
    corpus = read_corpus([plans_dir])
except PlankitError as exc:
    corpus = []
    display(show.note("Không đọc được thư mục kế hoạch: " + rel(exc), "The plans folder could not be read."))
"""

CORPUS = [
    md("# Kho kế hoạch\n\n*The corpus: every plan of a folder, its header, the legal documents it "
       "cites and what the reader could not place.*"),
    params('plans_dir = "../plans"'),
    code(SETUP),
    code("""
errors = list(getattr(corpus, "errors", ()))
display(show.summary(plans=len(corpus), unreadable=len(errors)))
display(show.heading(f"{len(corpus)} kế hoạch đọc được, {len(errors)} tệp không đọc được",
                     f"{show.plural(len(corpus), 'plan')} read, {show.plural(len(errors), 'file')} unreadable"))
if errors:
    display(show.table(pd.DataFrame([{"file": rel(e.path), "reason": rel(e.message)} for e in errors]),
                       {"file": "Tệp / file", "reason": "Lý do / reason"}))
"""),
    code("""
display(show.heading("Thông tin chung", "Header fields"))
if corpus:
    frame = corpus.to_frame()
    frame["reference"] = [plan.header.reference for plan in corpus]
    display(show.table(frame, {"file": "Tệp / file", "issuer": "Cơ quan / issuer", "place": "Địa phương / place",
                               "reference": "Số, ký hiệu / number", "date": "Ngày / date", "year": "Năm / year",
                               "title": "Trích yếu / subject"}))
else:
    display(show.note("Không có kế hoạch nào để liệt kê.", "No plan to list."))
"""),
    code("""
from plankit.cite import citations_frame

display(show.heading("Văn bản được trích dẫn", "Citations"))
frames = [citations_frame(plan.citations).assign(file=plan.name) for plan in corpus if plan.citations]
if frames:
    citations = pd.concat(frames, ignore_index=True)
    per_file = citations.pivot_table(index="file", columns="role", values="key", aggfunc="count", fill_value=0)
    per_file = per_file.rename(columns={"basis": "Căn cứ / basis", "mention": "Nhắc đến / mention",
                                        "self": "Chính văn bản / itself"})
    display(show.table(per_file.reset_index().rename(columns={"file": "Tệp / file"})))
    display(show.details("Tất cả trích dẫn", "all citations",
                         show.table(citations, {"file": "Tệp / file", "key": "Văn bản / document",
                                                "doc_type": "Loại / type", "date": "Ngày / date",
                                                "issuer": "Cơ quan / issuer", "role": "Vai trò / role"})))
else:
    display(show.note("Không có trích dẫn văn bản nào.", "No citations found."))
"""),
    code("""
display(show.heading("Cảnh báo của bộ đọc", "Reader warnings"))
warnings = [{"file": plan.name, "warning": w.message, "where": str(w.source) if w.source else ""}
            for plan in corpus for w in plan.warnings]
if warnings:
    display(show.table(pd.DataFrame(warnings), {"file": "Tệp / file", "where": "Vị trí / where",
                                                "warning": "Cảnh báo / warning"}))
else:
    display(show.note("Bộ đọc đã xếp được mọi phần của các kế hoạch.", "The reader placed every part."))
"""),
]

GRAPH = [
    md("# Sơ đồ căn cứ pháp lý\n\n*The legal-basis graph: central documents at the top, provincial "
       "plans below, department plans at the bottom.*"),
    params('plans_dir = "../plans"'),
    code(SETUP),
    code("""
from plankit.graph import basis_chain, edges_frame, nodes_frame, orphans, shared_bases

graph = None
if corpus:
    import networkx as nx

    result = plankit.build_graph(corpus)
    graph = result if isinstance(result, nx.Graph) else result.graph  # the networkx graph underneath
    lonely = orphans(graph)
    display(show.summary(documents=graph.number_of_nodes(), links=graph.number_of_edges(), orphans=len(lonely)))
    display(show.heading(f"{graph.number_of_nodes()} văn bản, {graph.number_of_edges()} quan hệ trích dẫn",
                         f"{show.plural(graph.number_of_nodes(), 'document')}, {show.plural(graph.number_of_edges(), 'link')}"))
else:
    display(show.note("Không có kế hoạch nào nên không có sơ đồ.", "No plans, so no graph."))
"""),
    code("""
import matplotlib.pyplot as plt

if graph is not None:
    figure = plankit.draw_graph(graph)
    if graph.number_of_nodes() <= 60:
        display(figure)
    else:  # a wide drawing at its own size, scrolled sideways: shrunk to the page, no label is legible
        import base64
        import io

        from IPython.display import HTML

        png = io.BytesIO()
        figure.savefig(png, format="png", dpi=100)
        width = int(figure.get_size_inches()[0] * 100)
        display(show.note("Sơ đồ rộng: kéo ngang để xem hết.", "A wide graph: scroll sideways to see all of it."))
        display(HTML(f'<div style="overflow-x: auto; border: 1px solid #d5dde5">'
                     f'<img alt="sơ đồ căn cứ / legal-basis graph" style="max-width: none; width: {width}px" '
                     f'src="data:image/png;base64,{base64.b64encode(png.getvalue()).decode("ascii")}"></div>'))
    plt.close(figure)
"""),
    code("""
if graph is not None:
    def label(node):
        return graph.nodes[node].get("label", node)

    rows = [{"plan": plan.name, "chain": " → ".join(label(n) for n in chain[1:])}
            for plan in corpus for chain in basis_chain(graph, plan)]
    display(show.heading("Căn cứ của từng kế hoạch", "The basis of each plan"))
    if rows:
        display(show.table(pd.DataFrame(rows), {"plan": "Kế hoạch / plan", "chain": "Căn cứ / basis"}))
    else:
        display(show.note("Không kế hoạch nào nêu căn cứ nhận ra được.", "No plan states a basis we recognise."))
    shared = shared_bases(graph)
    display(show.heading("Văn bản được nhiều kế hoạch cùng trích dẫn", "Documents several plans share"))
    if shared:
        display(show.table(pd.DataFrame(
            [{"document": label(d), "count": len(p), "plans": ", ".join(label(x) for x in p)}
             for d, p in shared.items()]),
            {"document": "Văn bản / document", "count": "Số kế hoạch / plans", "plans": "Kế hoạch / cited by"}))
    else:
        display(show.note("Không có văn bản nào được hai kế hoạch trở lên cùng trích dẫn.",
                          "No document is cited by two plans or more."))
    display(show.heading("Kế hoạch thiếu căn cứ cấp tỉnh", "Plans with no provincial basis"))
    if lonely:
        display(show.table(pd.DataFrame({"plan": [label(n) for n in lonely]}), {"plan": "Kế hoạch / plan"}))
    else:
        display(show.note("Mọi kế hoạch đều có căn cứ cấp tỉnh.", "Every plan has a provincial basis."))
"""),
    code("""
if graph is not None:
    display(show.details("Bảng đầy đủ các văn bản", "all documents (nodes)", show.table(nodes_frame(graph), {
        "label": "Văn bản / document", "doc_type": "Loại / type", "level": "Cấp / level",
        "issuer": "Cơ quan / issuer", "scope": "Phạm vi / scope", "date": "Ngày / date"})))
    display(show.details("Bảng đầy đủ các quan hệ", "all links (edges)", show.table(edges_frame(graph), {
        "source_label": "Văn bản trích / citing", "target_label": "Văn bản được trích / cited",
        "role": "Vai trò / role", "validity": "Hiệu lực / validity"})))
"""),
]

YEAR_ON_YEAR = [
    md("# So sánh hai năm\n\n*Year on year: what really changed between two plans of one issuer. Year "
       "bumps are expected; basis changes and substantive edits are shown apart, and errors carried "
       "over are flagged.*"),
    params('''
plans_dir = "../plans"
old_plan = None  # a file inside plans_dir; None: every pair the folder holds
new_plan = None
'''),
    code(SETUP),
    code("""
from plankit.series import year_pairs

if old_plan and new_plan:
    pairs = [(plankit.read_plan(plans_dir / old_plan), plankit.read_plan(plans_dir / new_plan))]
else:
    pairs = year_pairs(corpus)
display(show.summary(pairs=[f"{old.name} → {new.name}" for old, new in pairs]))
if not pairs:
    display(show.note("Thư mục không có hai kế hoạch của cùng một cơ quan ở hai năm khác nhau, nên không có gì để so sánh.",
                      "No two plans of one issuer in different years, so nothing to compare."))
"""),
    code("""
KINDS = {"basis": "Căn cứ / basis", "substantive": "Nội dung / substantive", "expected": "Đổi năm / expected",
         "carried-error": "Lỗi bị chép lại / carried error"}
for old, new in pairs:
    who = show.issuer(new.header, new.name)  # "Sở Công Thương, Hải Dương"; "UBND tỉnh Hải Dương" once
    display(show.heading(f"{who}: {old.year} → {new.year}", f"{old.name} → {new.name}"))
    diff = plankit.diff_plans(old, new)
    changes = diff.to_frame()
    counts = changes.groupby("kind").size().rename(index=KINDS).rename("n").reset_index()
    display(show.table(counts, {"kind": "Loại thay đổi / kind", "n": "Số / count"}))
    if diff.basis_removed or diff.basis_added:
        display(show.table(pd.DataFrame({"removed": [", ".join(sorted(diff.basis_removed))],
                                         "added": [", ".join(sorted(diff.basis_added))]}),
                           {"removed": "Căn cứ bỏ đi / basis removed", "added": "Căn cứ mới / basis added"}))
    else:
        display(show.note("Căn cứ giữ nguyên.", "The basis is unchanged."))
    real = changes[changes.kind != "expected"].assign(kind=lambda f: f.kind.map(KINDS).fillna(f.kind))
    display(show.details("Các thay đổi không phải đổi năm", "changes other than year bumps", show.table(real, {
        "section": "Mục / section", "kind": "Loại / kind", "old": "Cũ / old", "new": "Mới / new",
        "reason": "Giải thích / reason"})))
    display(show.details("Bảng hoạt động", "activity table", show.table(diff.tables_frame(), {
        "status": "Trạng thái / status", "task_old": "Nhiệm vụ cũ / old task", "task_new": "Nhiệm vụ mới / new task",
        "changes": "Thay đổi / changes"})))
    display(show.details("Toàn văn so sánh", "the full comparison", diff))
"""),
    code("""
import matplotlib.pyplot as plt

from plankit.diff import draw_similarity

years = pd.Series([p.year for p in corpus if p.year], dtype="int64").value_counts()
if len(years) and years.iloc[0] >= 2:
    year = int(years.index[0])
    display(show.heading(f"Mức giống nhau giữa các kế hoạch năm {year}", "Similarity of the plans of one year"))
    matrix = plankit.similarity_matrix([p for p in corpus if p.year == year])
    figure = draw_similarity(matrix)
    display(figure)
    plt.close(figure)
"""),
]

LINT = [
    md("# Soát lỗi sao chép\n\n*Stale copy-paste check: every plan through the linter (stale years, "
       "blank numbers and dates, broken numbering, duplicated words, names that no longer exist, "
       "stale legal bases).*"),
    params('''
plans_dir = "../plans"
today = None  # e.g. "2026-01-15"; None: the plans' own dates decide
'''),
    code(SETUP),
    code("""
import datetime as dt

day = dt.date.fromisoformat(str(today)) if today else None
findings = {plan.name: plankit.lint_plan(plan, today=day, corpus=list(corpus)) for plan in corpus}
frames = [f.to_frame().assign(file=name) for name, f in findings.items() if len(f)]
table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
severity = table.groupby("severity").size().to_dict() if len(table) else {}
display(show.summary(findings={str(k): int(v) for k, v in severity.items()}))
display(show.heading(f"{len(table)} phát hiện trong {len(corpus)} kế hoạch", f"{show.plural(len(table), 'finding')} in {show.plural(len(corpus), 'plan')}"))
if not len(table):
    display(show.note("Không phát hiện lỗi sao chép nào.", "No stale copy-paste errors found."))
"""),
    code("""
from matplotlib.ticker import MaxNLocator

if len(table):
    SEVERITY = {"error": "Lỗi / error", "warning": "Cảnh báo / warning", "info": "Lưu ý / info"}
    per_file = table.pivot_table(index="file", columns="severity", values="code", aggfunc="size", fill_value=0)
    per_file = per_file[[c for c in SEVERITY if c in per_file.columns]]
    per_file = per_file.rename(columns=SEVERITY).reset_index().rename(columns={"file": "Tệp / file"})
    display(show.table(per_file))
    display(show.heading("Theo quy tắc", "Per rule"))
    per_rule = table.pivot_table(index="rule", columns="severity", values="code", aggfunc="size", fill_value=0)
    per_rule = per_rule[[c for c in SEVERITY if c in per_rule.columns]]
    # the most frequent rule on top (barh draws the first row at the bottom), then by name
    per_rule = per_rule.assign(n=per_rule.sum(axis=1)).reset_index().sort_values(
        ["n", "rule"], ascending=[True, False]).set_index("rule").drop(columns="n")
    colours = {"error": "#b03a2e", "warning": "#d68910", "info": "#2e86c1"}
    ax = per_rule.plot.barh(stacked=True, figsize=(9, 1.4 + 0.35 * len(per_rule)),
                            color=[colours.get(c, "#7f8c8d") for c in per_rule.columns])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend([SEVERITY.get(c, c) for c in per_rule.columns], title="", loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_xlabel("phát hiện / findings")
    ax.set_ylabel("")
    ax.figure.tight_layout()
"""),
    code("""
if len(table):
    table["message"] = table["message"].astype(str).str.replace(r"\\s*\\n\\s*", " ", regex=True)
    table["severity"] = table["severity"].map(SEVERITY).fillna(table["severity"])
    columns = {"file": "Tệp / file", "line": "Dòng / line", "code": "Mã / code", "severity": "Mức / severity",
               "surface": "Chữ trong văn bản / text", "message": "Nội dung / message", "suggestion": "Đề xuất / suggestion"}
    errors = table[table.severity == SEVERITY["error"]]
    display(show.heading(f"{len(errors)} lỗi cần sửa", f"{show.plural(len(errors), 'error')} to fix"))
    if len(errors):
        display(show.table(errors, columns))
    display(show.details(f"Tất cả {len(table)} phát hiện", "every finding", show.table(table, columns)))
    display(show.details("Từng phát hiện trong câu của nó", "each finding in its sentence",
                         show.Html("".join(f._repr_html_() for f in findings.values() if len(f)), "")))
"""),
]

DRAFT = [
    md("# Dự thảo kế hoạch năm mới\n\n*Drafting next year's plan: the latest plan of each series (same issuer, same kind of subject) (restored "
       "first when it was scanned) rolled to the new year and linted, with what is left to decide; the "
       ".docx follows the layout of the state's rules for documents.*"),
    params('''
plans_dir = "../plans"
previous_plan = None  # a file inside plans_dir; None: the latest plan of each series (same issuer, same kind of subject)
reference_plan = None  # a clean earlier plan of the same issuer; None: found in the folder
draft_year = None  # None: the year after the previous plan's
basis = None  # the new basis (one clause, or a list), used only with previous_plan; None: keep the old
out_dir = None  # the .docx go to out_dir/drafts/; None: nothing is written
'''),
    code(SETUP),
    code("""
import re

from plankit.series import clean_reference, latest_plans

if previous_plan:
    targets = [plankit.read_plan(plans_dir / previous_plan)]
else:
    targets = latest_plans(corpus)
    if basis:
        display(show.note("Căn cứ mới chỉ dùng khi chọn một kế hoạch (previous_plan); các dự thảo giữ căn cứ cũ.",
                          "A new basis applies only with previous_plan; the drafts keep their old basis."))
        basis = None
clauses = [basis] if isinstance(basis, str) else basis
drafts = []
for previous in targets:
    reference = plankit.read_plan(plans_dir / reference_plan) if reference_plan else clean_reference(previous, corpus)
    year = int(draft_year) if draft_year else previous.year + 1
    drafts.append((previous, plankit.draft_plan(previous, year=year, basis=clauses, reference=reference)))
written = []
for previous, draft in drafts if out_dir else []:
    stem = re.sub(r"^\\d{4}-?", "", Path(previous.name).name.split(".")[0])
    slug = "-".join(x for x in (Path(previous.name).parent.name, stem) if x) or "ke-hoach"
    out = plankit.render_docx(draft, Path(out_dir) / "drafts" / f"{slug}-{draft.year}.docx", force=True)
    written.append(f"drafts/{out.name}")
display(show.summary(drafts=written or [f"{p.name} → {d.year}" for p, d in drafts]))
if not drafts:
    display(show.note("Thư mục không có kế hoạch nào ghi rõ năm để soạn tiếp.", "No dated plan to roll forward."))
"""),
    code("""
KIND = {"basis": "Căn cứ / basis", "number": "Số / number", "date": "Ngày / date", "period": "Giai đoạn / period",
        "table": "Bảng / table", "signer": "Người ký / signer"}
for i, (previous, draft) in enumerate(drafts):
    who = show.issuer(draft.header, previous.name)  # the place once, not "UBND tỉnh X, X"
    display(show.heading(f"{who}: {previous.year} → {draft.year}", f"drafted from {previous.name}"))
    if written:
        display(Markdown(f"Tệp Word / the .docx: [{written[i]}]({written[i]})"))
    todo = pd.DataFrame([{"kind": KIND.get(t.kind, t.kind), "line": draft.position(t.span.start)[0] if t.span else None,
                          "message": t.message} for t in draft.todo], columns=["kind", "line", "message"])
    display(show.heading("Việc cần quyết định", "What is left to decide", level=3))
    display(show.table(todo, {"kind": "Loại / kind", "line": "Dòng / line", "message": "Nội dung / what"}))
    found = plankit.lint_plan(draft)
    display(show.heading(f"Soát lỗi dự thảo: {len(found)} phát hiện", f"lint of the draft: {show.plural(len(found), 'finding')}", level=3))
    if len(found):
        display(show.table(found.to_frame(), {"line": "Dòng / line", "code": "Mã / code", "message": "Nội dung / message"}))
    display(show.details("Toàn văn dự thảo", "the draft", show.markdown(plankit.render_markdown(draft)), open=i == 0))
"""),
]

NOTEBOOKS = {
    "01-corpus.ipynb": CORPUS,
    "02-legal-basis-graph.ipynb": GRAPH,
    "03-year-on-year.ipynb": YEAR_ON_YEAR,
    "04-stale-copy-check.ipynb": LINT,
    "05-draft-next-year.ipynb": DRAFT,
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.ipynb"):
        if old.name not in NOTEBOOKS:
            old.unlink()
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook(cells=cells)
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.metadata["language_info"] = {"name": "python"}
        nbformat.write(nb, str(OUT / name))
        print("wrote", OUT / name)


if __name__ == "__main__":
    main()
