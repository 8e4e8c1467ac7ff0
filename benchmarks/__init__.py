"""Benchmarks: a generator of realistic registries and the timing script (see docs/performance.md)."""
