"""The benchmarks keep working (small sizes; no time is asserted)."""

from khoidesktop.bench.members import bench_members


def test_member_list_benchmark_runs(khoi_app):
    figures = bench_members(300)
    assert set(figures) == {"ours", "qt", "load", "sort"}
    assert all(value >= 0 for value in figures.values())


def test_bloc_import_benchmark_runs():
    from khoidesktop.bench.exchange import bench_bloc_import

    figures = bench_bloc_import(3, 60)
    assert set(figures) == {"made", "floor", "import", "sum"} and all(v >= 0 for v in figures.values())


def test_the_tree_benchmark_sums_at_the_province_what_the_leaves_sent(tmp_path):
    """Small tree (2 superiors × 3 TCCS × 2 cells): the province's figures, read back from its data file after
    three levels of real imports and exports, equal the sum of the cells' bundles read back from disk."""
    from khoidesktop.bench.tree import bench_tree
    from khoidesktop.exchange.bundle_format import read_bundle
    from khoidesktop.exchange.figures import sum_units
    from khoidesktop.exchange.summary import SENDERS_OWN

    result = bench_tree(2, 3, 2, folder=tmp_path)
    cells = [read_bundle(path).figures for path in sorted((tmp_path / "cells").glob("*.khoi"))]
    assert len(cells) == 12 and all(c.cells == 1 and c.total > 0 for c in cells)
    leaves = sum_units(cells)

    def summed(figures):
        return {k: v for k, v in figures.counts().items() if k not in SENDERS_OWN}

    assert summed(result.province) == summed(leaves) == summed(result.leaves)
    assert result.province.units == 2 and result.province.cells == 12
    assert result.province.total == sum(c.total for c in cells) and result.province.rated == leaves.rated
    superiors = sorted((tmp_path / "bundles").glob("superior-*.khoi"))
    assert [read_bundle(p).figures.cells for p in superiors] == [6, 6]
    assert len(result.grassroots.imports) == 6 and len(result.superior.imports) == 2
    assert len(result.province_level.imports) == 1 and all(t >= 0 for t in result.superior.exports)
    assert len(result.half.imports) == len(result.whole.imports) == 3


def test_a_childs_peak_memory_is_its_own_not_its_parents(tmp_path):
    """bench/peak: a small child of a process holding ~200 MB reports its own few tens of MB (ru_maxrss reported
    the parent's: the memory figures of a whole benchmark run were all 165 MB)."""
    import subprocess
    import sys

    from khoidesktop.bench.peak import own_peak_mb, peak_of

    ballast = bytearray(200 * 1024 * 1024)  # held by this process while its child runs
    ballast[::4096] = b"x" * len(ballast[::4096])  # touched: resident
    assert own_peak_mb() > 200
    script = tmp_path / "small.py"
    script.write_text("import sys\nsys.exit(3)\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "khoidesktop.bench.peak", str(script)],
        capture_output=True,
        text=True,
        check=False,
    )
    del ballast
    assert done.returncode == 3  # the program's own exit code
    assert 0 < peak_of(done.stderr) < 100, done.stderr
