"""``plankit graph DIR|FILE... [-o out.graphml|.gexf|.json|.png|.svg]``: the legal-basis graph.

Mirrors :func:`plankit.graph.build_graph` and :func:`plankit.graph.write_graph`. Without ``-o``
it prints the nodes and the edges as tables (or node-link JSON with ``--format json``). A file
that cannot be read is named on stderr and the graph is built from the others (exit 1).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ._args import int_range
from ._common import add_format, error, example, finish_batch, print_frame, print_json, read_batch

NODE_COLUMNS = ["label", "kind", "level", "in_corpus", "in_degree", "out_degree", "id"]
EDGE_COLUMNS = ["source_label", "target_label", "role", "implicit", "validity", "replaced_by"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "graph",
        help="dựng sơ đồ căn cứ pháp lý / build the legal-basis graph of plans and export or draw it",
        description=(
            "Dựng sơ đồ căn cứ pháp lý (văn bản trung ương → tỉnh → kế hoạch của sở) rồi ghi ra "
            "tệp (.graphml, .gexf, .json, ảnh .png, .svg) hoặc in các nút và cạnh.\n\n"
            "Build the legal-basis graph (central documents -> province -> department plans) of "
            "the given plans. With -o, write it; the extension picks the format: .graphml, "
            ".gexf (Gephi), .json (networkx node-link), .png or .svg (a layered drawing). "
            "Without -o, print its nodes and edges. A file that cannot be read is named on "
            "stderr and the graph is built from the others.\n\n"
            "Mã thoát / exit status: 0 every file read, 1 some file could not be read, 2 usage error."
        ),
        epilog=example("plankit graph plans/ -o graph.png"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="DIR|FILE", help="plan files or folders of plans")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="write the graph to OUT (.graphml, .gexf, .json, .png, .svg)")
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.add_argument("--labels", choices=("auto", "all", "none"), default="auto",
                   help="which nodes a drawing labels (default: auto)")
    p.add_argument("--dpi", type=int_range(20, 1200, "a resolution in dots per inch", "độ phân giải (dpi)"), default=150,
                   help="resolution of a .png, 20 to 1200 (default: 150)")
    add_format(p, ("table", "json"), "table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import networkx as nx

    from ..corpus import plan_files
    from ..errors import ReadError
    from ..graph import FORMATS, build_graph, edges_frame, nodes_frame, portable, write_graph
    from ..output import plan_outputs

    if args.output:
        try:
            inputs = [*args.files, *plan_files(args.files)]
        except ReadError:
            inputs = list(args.files)
        plan_outputs([args.output], inputs, force=args.force)
        ext = Path(args.output).suffix.lower()
        if ext not in FORMATS:  # a usage error, said before any plan is read
            error(f"{args.output}: không hỗ trợ định dạng {ext or '(không có đuôi)'} / unsupported format; "
                  f"use one of {', '.join(FORMATS)}")
            return 2
    batch = read_batch(args.files)
    if not batch.plans:
        return finish_batch(batch)
    graph = build_graph(batch.plans)

    if args.output:
        path = write_graph(graph, args.output, force=args.force, dpi=args.dpi, labels=args.labels)
        n, m = graph.number_of_nodes(), graph.number_of_edges()
        print(f"{path}: {n} nút, {m} cạnh / {n} nodes, {m} edges")
        return finish_batch(batch)
    if args.format == "json":
        print_json(nx.node_link_data(portable(graph), edges="edges"))
        return finish_batch(batch)
    print("# Nút / nodes")
    print_frame(nodes_frame(graph)[NODE_COLUMNS], "table")
    print("\n# Trích dẫn / edges")
    print_frame(edges_frame(graph)[EDGE_COLUMNS], "table")
    return finish_batch(batch)
