"""``micrograd-cn graph``: a computation graph as a picture"""

from __future__ import annotations

import argparse

from micrograd_cn.cli.args import subparser
from micrograd_cn.cli.common import add_expression, add_picture, built
from micrograd_cn.i18n import t


def add(sub: argparse._SubParsersAction, lang: str) -> None:
    p = subparser(sub, "graph", lang, help_key="cli_graph_help")
    add_expression(p, lang)
    p.add_argument("-o", "--output", default="graph.svg", metavar="FILE",
                   help=t("cli_graph_output_help", lang))
    p.add_argument("--order", action="store_true", help=t("cli_graph_order_help", lang))
    add_picture(p, lang)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from micrograd_cn.notation import num
    from micrograd_cn.render.files import is_stdout
    from micrograd_cn.render.graph import MAX_NODES, DotNotFound, check_output, render, too_large
    from micrograd_cn.render.layout import table
    from micrograd_cn.teach.snapshot import snapshot

    lang = args.lang
    check_output(args.output)  # before any work: a wrong path fails at once
    program, params = built(args)
    root = program.root
    if too_large(root):  # before the table: print nothing that the picture cannot follow
        raise ValueError(t("cli_graph_too_large", lang, limit=MAX_NODES))
    ls = snapshot(root, params, data_leaves=args.data_leaves)
    # the same words as the boxes of the picture drawn from these numbers: the inputs,
    # then each named step on the way to the result (the result is the first line)
    header = [t("cli_graph_name", lang), t("viz_data", lang), t("viz_grad", lang)]
    named = [*program.leaves, *(name for name, v in program.steps.items() if v is not root)]
    rows = [[node.name, num(node.value), num(node.grad) if node.wanted else "—"]
            for node in map(ls.by_name, named)]
    lines = [f"{t('cli_graph_result', lang)} = {num(ls.nodes[ls.root].value)}",
             *table(header, rows)]
    # the picture before the table: a reader that stops early (`| head -1`) must not
    # cancel the file; without Graphviz the table still comes, before the error
    try:
        path = render(root, args.output, lang=lang, params=params, legend=args.legend,
                      order=args.order, rankdir=args.rankdir, title=args.expr,
                      projector=args.projector, data_leaves=args.data_leaves)
    except DotNotFound:
        print("\n".join(lines))
        raise
    if is_stdout(args.output):  # the picture is the output: nothing else on it
        return 0
    print("\n".join(lines))
    print(t("cli_graph_written", lang, path=path, dot=path.with_suffix(".dot")))
    return 0
