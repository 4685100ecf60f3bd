"""Demo logistic: one logistic neuron trained a few steps, with the graph of one step and a loss curve.

The demo itself lives in the package (micrograd_cn/demos/), so that
`micrograd-cn demo logistic` works from an installed package too; this script
runs exactly that command.

Run: python demos/logistic.py [--lang en] [--out DIR] [--no-plots]
"""

import sys

from micrograd_cn.cli import main

if __name__ == "__main__":
    sys.exit(main(["demo", "logistic", *sys.argv[1:]]))
