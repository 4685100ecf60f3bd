"""``python -m micrograd_cn`` is the ``micrograd-cn`` command."""

import sys

from micrograd_cn.console import run

sys.exit(run())
