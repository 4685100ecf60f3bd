"""Benchmark scripts (run them directly; see README, 性能 / Performance)."""
