"""Demo numeric-vs-backprop: finite differences against backpropagation, counted and timed.

The demo itself lives in the package (micrograd_cn/demos/), so that
`micrograd-cn demo numeric-vs-backprop` works from an installed package too; this script
runs exactly that command.

Run: python demos/numeric_vs_backprop.py [--lang en] [--out DIR] [--no-plots]
"""

import sys

from micrograd_cn.cli import main

if __name__ == "__main__":
    sys.exit(main(["demo", "numeric-vs-backprop", *sys.argv[1:]]))
