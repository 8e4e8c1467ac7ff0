"""The time a made file says it was made: SOURCE_DATE_EPOCH when it is set."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from thidua_cli.clock import made_at


def test_source_date_epoch_is_the_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", " 1580688000 ")
    assert made_at() == datetime(2020, 2, 3, tzinfo=UTC)


@pytest.mark.parametrize("value", ["", "abc", "-5", "1e9", "٣", "9" * 30])
def test_anything_else_is_now(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    before = datetime.now(UTC).replace(microsecond=0)
    when = made_at()
    assert before <= when <= datetime.now(UTC) and when.microsecond == 0
