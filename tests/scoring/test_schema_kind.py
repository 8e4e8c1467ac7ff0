"""The editor schema of scoring/*.yaml agrees with the validator on the fixture and its faults."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import found
from tests.scoring.fixtures import SCORING, files
from thidua_cli.registry import yaml_source
from thidua_cli.schema import schemas

SCHEMA = Draft202012Validator(schemas()["scoring"])


def accepted(text: str) -> bool:
    return SCHEMA.is_valid(yaml_source.read(text.encode("utf-8"), "x.yaml").data)


def test_the_fixture_is_valid_for_the_editor():
    assert accepted(SCORING)


@pytest.mark.parametrize("old, new", [
    ('"2.3": 14.5}', '"2.3": mười}'),
    ("  ballots: 5\n", "  ballots: -5\n"),
    ("year: 2020\n", "year: 2020\nnam: 2020\n"),
    ('opens: "08:00"', 'opens: "8 giờ sáng"'),
    ("by: cum-3-ha-giang\n", "by: Cụm 3\n"),
])
def test_both_refuse(make_registry, old, new):
    text = SCORING.replace(old, new)
    assert not accepted(text)
    assert [rule for rule, *_ in found(make_registry(files(text)))] == ["schema"]


@pytest.mark.parametrize("old, new", [
    ('"2.3": 14.5}', '"2.3": "14,5"}'),
    ('opens: "08:00"', 'opens: "8h00"'),
])
def test_both_accept(make_registry, old, new):
    text = SCORING.replace(old, new)
    assert accepted(text)
    assert found(make_registry(files(text))) == []
