"""Demo moons: micrograd's classic two-moons classifier, MLP(2, [16, 16, 1]).

The demo itself lives in the package (micrograd_cn/demos/), so that
`micrograd-cn demo moons` works from an installed package too; this script
runs exactly that command.

Run: python demos/moons.py [--lang en] [--out DIR] [--no-plots]
"""

import sys

from micrograd_cn.cli import main

if __name__ == "__main__":
    sys.exit(main(["demo", "moons", *sys.argv[1:]]))
