"""Hypothesis settings shared by the property tests: deterministic, no example database.

``derandomize=True`` makes every run (local and CI) try the same examples, so a
property test fails the same way everywhere or not at all; ``database=None`` keeps
runs from depending on what an earlier run found. ``deadline=None``: a slow machine
must not turn into a failure (the suite has no timing assertions).
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings


def deterministic(max_examples: int) -> settings:
    return settings(max_examples=max_examples, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
