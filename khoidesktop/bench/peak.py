"""A process's own peak memory, for the benchmark.

`ru_maxrss` is not it: Linux keeps the larger of the parent's and the child's across fork and exec, so every child
of a benchmark that had grown to 165 MB reported at least 165 MB (a bare window too), and a process's own figure
includes every block it ran before. VmHWM (/proc/self/status) is the high-water mark of the program's memory since
it started, or since `reset()`.

    python -m khoidesktop.bench.peak SCRIPT [ARG …]   runs SCRIPT as a program, then prints "peak_mb N" to stderr
"""

from __future__ import annotations

import contextlib
import runpy
import sys
from pathlib import Path

STATUS = Path("/proc/self/status")


def own_peak_mb() -> float:
    """MB: the most memory this process has held since it started (or since reset())."""
    try:
        for line in STATUS.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    import resource  # not Linux: the less exact figure

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset() -> None:
    """Start counting the peak from now (Linux: clear_refs 5 resets VmHWM)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")


def peak_of(stderr: str) -> float:
    """The figure a `python -m khoidesktop.bench.peak …` child printed."""
    return float(stderr.rsplit("peak_mb", 1)[1].split()[0])


if __name__ == "__main__":
    script, sys.argv = sys.argv[1], sys.argv[1:]
    code: str | int | None = 0
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as done:
        code = done.code
    print(f"peak_mb {own_peak_mb():.1f}", file=sys.stderr, flush=True)
    sys.exit(code)
