"""Khối desktop. `python main.py` opens the window; `python main.py <command>` runs a command.

See `python main.py --help`. (A fresh machine starts through `run.py`, which prepares the environment.)
"""

import sys

from khoidesktop.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
