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
