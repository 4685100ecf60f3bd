"""The ``micrograd-cn`` console script: ``cli.main`` with Ctrl-C handled while it loads.

The installed script imports this module and calls ``run()``. Loading the
command line itself (argparse, the catalog, the subcommands) happens inside
``run``, so a Ctrl-C pressed while the program starts ends quietly with exit
code 130 instead of a traceback. Only the package's own ``__init__`` (and
Python's start-up) load before this module can catch anything.

Imports: cli (inside ``run``).
"""

from __future__ import annotations

import sys


def run() -> int:
    """Run ``micrograd-cn`` with ``sys.argv``; return its exit code."""
    try:
        from micrograd_cn.cli import main

        return main()
    except KeyboardInterrupt:
        try:
            print(file=sys.stderr)
        except (OSError, ValueError):
            pass  # stderr gone: nothing to tidy up
        return 130
