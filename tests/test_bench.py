"""The benchmarks keep working (small sizes; no time is asserted)."""
from khoidesktop.bench.members import bench_members


def test_member_list_benchmark_runs(khoi_app):
    figures = bench_members(300)
    assert set(figures) == {"ours", "qt", "load", "sort"}
    assert all(value >= 0 for value in figures.values())
