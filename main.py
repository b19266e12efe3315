"""Khối desktop. `python main.py` opens the window; `python main.py <command>` runs a command.

See `python main.py --help`. (A fresh machine starts through `run.py`, which prepares the environment.)
"""

import sys

from khoidesktop import process

process.starting()  # before the imports: see khoidesktop/process.py

from khoidesktop.cli import main  # noqa: E402

if __name__ == "__main__":
    code = main(sys.argv[1:])
    process.exiting()
    sys.exit(code)
