#!/usr/bin/env python3
"""Entry point: `python generate.py [check|forms|blanks|site|all|lint|schema]`."""

import sys

from xinfang.cli import main

if __name__ == "__main__":
    sys.exit(main())
