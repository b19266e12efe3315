"""Benchmarks: each prints its figures as ratios against a baseline measured in the same run. Tests call
them on small sizes to keep them working and never assert a time."""
