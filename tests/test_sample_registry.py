"""The sample registry: the one smoke test that reads data/ itself (read-only), then its
frozen copy in tests/fixtures/ that every other test reads."""

from __future__ import annotations

import pytest

from tests.conftest import REAL_REGISTRY, SAMPLE_REGISTRY
from thidua_cli.validation import validate


@pytest.mark.parametrize("root, shown", [(REAL_REGISTRY, "data"),
                                         (SAMPLE_REGISTRY, "tests/fixtures/sample/data")],
                         ids=["data", "frozen-copy"])
def test_sample_registry_has_exactly_the_known_slip(root, shown):
    # Files are named from the repository root (registry/layout.py), wherever the registry is.
    result = validate(root)
    assert [(p.rule, p.severity.value, p.file, p.line, p.column) for p in result.problems] == [
        ("phase-length", "warning", f"{shown}/campaigns/bac-tu-liem-2020.yaml", 119, 11)]
    assert result.exit_code() == 0
    assert result.exit_code(strict=True) == 1


def test_sample_registry_holds_every_seed():
    registry = validate(SAMPLE_REGISTRY).registry
    assert sorted(c.model.id for c in registry.campaigns) == [
        "ba-dinh-2021", "bac-tu-liem-2020", "cdvc-ha-noi-2018", "cum-3-ha-giang-2020", "long-bien-2018"]
    phases = {c.model.id: [(p.start.isoformat(), p.end.isoformat()) for p in c.model.phases]
              for c in registry.campaigns}
    assert phases["bac-tu-liem-2020"] == [("2020-01-01", "2020-04-30"), ("2020-05-01", "2020-07-31"),
                                          ("2020-08-01", "2020-12-31")]
    assert phases["ba-dinh-2021"] == [("2021-01-01", "2021-06-30"), ("2021-07-01", "2021-12-31")]
    cluster = next(c.model for c in registry.clusters if c.model.id == "cum-3-ha-giang")
    assert len(cluster.members) == 5 and cluster.leader == "ldld-tp-ha-giang"
