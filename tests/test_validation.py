"""The validation pipeline's glue: what it tells a progress bar."""

from __future__ import annotations

import pytest

from tests.conftest import campaign
from thidua_cli import rules
from thidua_cli.validation import validate


@pytest.mark.parametrize("cache", [False, True])
def test_progress_reports_each_file_read_then_each_rule_family(make_registry, tmp_path, cache):
    root = make_registry({"campaigns/c.yaml": campaign()})
    told: list[tuple[str, int, int]] = []
    result = validate(root, cache=cache, cache_dir=tmp_path / "cache",
                      progress=lambda *step: told.append(step))
    families = len(rules.FAMILIES)
    assert result.problems == []
    assert told == ([("read", done, 3) for done in range(4)]
                    + [("check", done, families) for done in range(1, families + 1)])


def test_no_progress_callable_is_fine(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign()})
    assert validate(root).problems == []
