"""Demo bp: BP1–BP4 on a small sigmoid MLP, one table per layer.

The demo itself lives in the package (micrograd_cn/demos/), so that
`micrograd-cn demo bp` works from an installed package too; this script
runs exactly that command.

Run: python demos/bp.py [--lang en] [--out DIR] [--no-plots]
"""

import sys

from micrograd_cn.cli import main

if __name__ == "__main__":
    sys.exit(main(["demo", "bp", *sys.argv[1:]]))
