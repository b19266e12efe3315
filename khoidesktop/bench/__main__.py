"""python -m khoidesktop.bench [--runs N] [--members 10000] [--roster 5000] [--tree 20,60,5] [--only tree] [--skip …]"""

from __future__ import annotations

import argparse
import sys

from khoidesktop.bench.exchange import bench_bloc_import
from khoidesktop.bench.member_import import bench_member_import
from khoidesktop.bench.members import bench_members
from khoidesktop.bench.memory import bench_memory
from khoidesktop.bench.roster import bench_plain_text, bench_roster
from khoidesktop.bench.startup import bench_startup
from khoidesktop.bench.tree import FULL, bench_tree, print_tree

BLOCKS = ("startup", "members", "import", "memory", "roster", "bloc", "tree")


def _blocks(value: str) -> set[str]:
    found = {name.strip() for name in value.split(",") if name.strip()}
    unknown = found - set(BLOCKS)
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown block(s) {', '.join(sorted(unknown))}: choose from {BLOCKS}")
    return found


def _shape(value: str) -> tuple[int, int, int]:
    try:
        superiors, tccs, cells = (int(n) for n in value.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("give S,T,C: superiors, TCCS each, cells per TCCS (e.g. 20,60,5)") from None
    if min(superiors, tccs, cells) < 1:
        raise argparse.ArgumentTypeError("S, T and C must be at least 1")
    return superiors, tccs, cells


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m khoidesktop.bench")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (median)")
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--roster", type=int, default=5_000)
    parser.add_argument("--units", type=int, default=60, help="bloc import: units (cells)")
    parser.add_argument("--bloc-members", type=int, default=5_000, help="bloc import: members in all")
    parser.add_argument(
        "--tree",
        type=_shape,
        default=FULL,
        metavar="S,T,C",
        help="organisation tree: superiors, TCCS each, cells per TCCS (default 20,60,5)",
    )
    parser.add_argument("--only", type=_blocks, default=set(BLOCKS), help=f"run only these blocks, of {BLOCKS}")
    parser.add_argument("--skip", type=_blocks, default=set(), help="leave these blocks out")
    args = parser.parse_args(argv)
    run = args.only - args.skip
    if "startup" in run:
        bench_startup(args.runs)
    if "members" in run:
        m = bench_members(args.members)
        print(f"member list, {args.members:,} members:")
        print(f"  Qt's fixed-string filter, per keystroke   {m['qt']:7.1f} ms   1.00×")
        print(f"  our accent-free filter, per keystroke     {m['ours']:7.1f} ms   {m['ours'] / m['qt']:.2f}×")
        print(f"  load from the data file into the model    {m['load']:7.0f} ms")
        print(f"  sort by a column (in the model)           {m['sort']:7.1f} ms")
    if "import" in run:
        i = bench_member_import(args.members)
        print(f"member import, {i['rows']:,.0f} rows of an .xlsx (the command, in its own process):")
        print(f"  openpyxl's read-only pass (floor)         {i['floor']:7.2f} s    1.00×")
        ratio = i["command"] / i["floor"]
        print(f"  members import: start, plan, write        {i['command']:7.2f} s    {ratio:.2f}×   goal ≤ 2 s, ≤ 3.5×")
        print(f"  its peak memory                           {i['peak_mb']:7.0f} MB")
    if "memory" in run:
        mem = bench_memory(args.members)
        print(f"peak memory, {args.members:,} members, every page opened:")
        print(f"  a bare PySide6 window                     {mem['bare']:7.0f} MB   1.00×")
        ratio = mem["ours"] / mem["bare"]
        print(f"  Khối with the data, every page            {mem['ours']:7.0f} MB   {ratio:.2f}×   goal ≤ 150 MB")
    if "roster" in run:
        plain = bench_plain_text(args.roster)
        seconds, pages = bench_roster(args.roster)
        print(f"member list PDF, {args.roster:,} members:")
        print(f"  plain text lines on a canvas (floor)      {plain:7.2f} s    1.00×")
        print(f"  the roster ({pages} pages)                  {seconds:7.2f} s    {seconds / plain:.2f}×")
    if "bloc" in run:
        b = bench_bloc_import(args.units, args.bloc_members)
        print(f"bloc import, {args.units} bundles, {args.bloc_members:,} members (cells made in {b['made']:.1f} s):")
        print(f"  unzip and parse every data file (floor)   {b['floor']:7.2f} s    1.00×")
        print(f"  import: checks, signatures, transactions  {b['import']:7.2f} s    {b['import'] / b['floor']:.2f}×")
        print(f"  the bloc's figures for the period         {b['sum']:7.2f} s")
    if "tree" in run:
        print_tree(bench_tree(*args.tree))
    return 0


if __name__ == "__main__":
    sys.exit(main())
