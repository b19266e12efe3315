"""python -m khoidesktop.bench [--runs N] [--members 10000] [--roster 5000]"""

from __future__ import annotations

import argparse
import sys

from khoidesktop.bench.exchange import bench_bloc_import
from khoidesktop.bench.members import bench_members
from khoidesktop.bench.roster import bench_plain_text, bench_roster
from khoidesktop.bench.startup import bench_startup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m khoidesktop.bench")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (median)")
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--roster", type=int, default=5_000)
    parser.add_argument("--units", type=int, default=60, help="bloc import: units (cells)")
    parser.add_argument("--bloc-members", type=int, default=5_000, help="bloc import: members in all")
    args = parser.parse_args(argv)
    bench_startup(args.runs)
    m = bench_members(args.members)
    print(f"member list, {args.members:,} members:")
    print(f"  Qt's fixed-string filter, per keystroke   {m['qt']:7.1f} ms   1.00×")
    print(f"  our accent-free filter, per keystroke     {m['ours']:7.1f} ms   {m['ours'] / m['qt']:.2f}×")
    print(f"  load from the data file into the model    {m['load']:7.0f} ms")
    print(f"  sort by a column (in the model)           {m['sort']:7.1f} ms")
    plain = bench_plain_text(args.roster)
    seconds, pages = bench_roster(args.roster)
    print(f"member list PDF, {args.roster:,} members:")
    print(f"  plain text lines on a canvas (floor)      {plain:7.2f} s    1.00×")
    print(f"  the roster ({pages} pages)                  {seconds:7.2f} s    {seconds / plain:.2f}×")
    b = bench_bloc_import(args.units, args.bloc_members)
    print(f"bloc import, {args.units} bundles, {args.bloc_members:,} members (cells made in {b['made']:.1f} s):")
    print(f"  unzip and parse every data file (floor)   {b['floor']:7.2f} s    1.00×")
    print(f"  import: checks, signatures, transactions  {b['import']:7.2f} s    {b['import'] / b['floor']:.2f}×")
    print(f"  the bloc's figures for the period         {b['sum']:7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
