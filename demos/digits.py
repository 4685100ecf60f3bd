"""Demo digits: 8×8 handwritten digits, MLP(64, [32, 10]) of scalar Values, ≥ 95% test accuracy.

The demo itself lives in the package (micrograd_cn/demos/), so that
`micrograd-cn demo digits` works from an installed package too; this script
runs exactly that command.

Run: python demos/digits.py [--lang en] [--out DIR] [--no-plots] [--quick]
"""

import sys

from micrograd_cn.cli import main

if __name__ == "__main__":
    sys.exit(main(["demo", "digits", *sys.argv[1:]]))
