"""``python -m micrograd_cn`` is the ``micrograd-cn`` command."""

import sys

from micrograd_cn.cli import main

sys.exit(main())
