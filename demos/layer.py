"""Demo layer: the one-sigmoid-layer experiment of seed text 004, with scalar Values.

The demo itself lives in the package (micrograd_cn/demos/), so that
`micrograd-cn demo layer` works from an installed package too; this script
runs exactly that command.

Run: python demos/layer.py [--lang en] [--out DIR] [--no-plots]
"""

import sys

from micrograd_cn.cli import main

if __name__ == "__main__":
    sys.exit(main(["demo", "layer", *sys.argv[1:]]))
