"""Strict models: no coercion, unknown fields refused, custom value types."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from thidua_cli.models import Anniversary, Campaign, Phase, Unit

PHASE = {"number": 1, "start": "2020-01-01", "end": "30/4/2020"}


def test_dates_in_both_forms():
    phase = Phase.model_validate(PHASE)
    assert (phase.start, phase.end, phase.length) == (date(2020, 1, 1), date(2020, 4, 30), 121)


@pytest.mark.parametrize("field, value", [("number", "1"), ("number", 1.0), ("number", True),
                                          ("days", "90"), ("start", 20200101), ("end", "30/02/2020")])
def test_no_silent_coercion(field, value):
    with pytest.raises(ValidationError):
        Phase.model_validate({**PHASE, field: value})


def test_unknown_field_is_refused():
    with pytest.raises(ValidationError) as info:
        Phase.model_validate({**PHASE, "theme_": "x"})
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_anniversary_needs_exactly_one_calendar():
    assert Anniversary.model_validate({"id": "a", "name": "A", "lunar": " 10 / 3"}).lunar_day_month == (10, 3)
    assert Anniversary.model_validate({"id": "a", "name": "A", "date": "1929-07-28"}).base_year == 1929
    for bad in ({"id": "a", "name": "A"},
                {"id": "a", "name": "A", "date": "1929-07-28", "lunar": "10/3"},
                {"id": "a", "name": "A", "lunar": "31/3"},
                {"id": "a", "name": "A", "date": "1929-07-28", "since": 1929}):
        with pytest.raises(ValidationError):
            Anniversary.model_validate(bad)


def test_ids_are_slugs():
    with pytest.raises(ValidationError) as info:
        Unit.model_validate({"id": "Bắc Từ Liêm", "name": "x", "level": "co-so"})
    assert "bac-tu-liem" in info.value.errors()[0]["ctx"]["vi"]


def test_target_value_is_parsed_and_canonical():
    campaign = Campaign.model_validate({
        "id": "c", "issuer": "u", "year": 2020, "kind": "nam", "title": "T",
        "start": "2020-01-01", "end": "2020-12-31",
        "targets": [{"id": "t", "text": "x", "value": "hơn 75 %"}, {"id": "k", "text": "y", "value": 0}]})
    assert [str(t.value) for t in campaign.targets] == ["trên 75%", "0"]


def test_issued_is_document_then_launch_then_start():
    base = {"id": "c", "issuer": "u", "year": 2020, "kind": "nam", "title": "T",
            "start": "2020-01-01", "end": "2020-12-31"}
    assert Campaign.model_validate(base).issued == date(2020, 1, 1)
    assert Campaign.model_validate({**base, "launch": {"date": "2020-01-03"}}).issued == date(2020, 1, 3)
    assert Campaign.model_validate({**base, "launch": {"date": "2020-01-03"},
                                    "document": {"date": "2020-01-02"}}).issued == date(2020, 1, 2)
