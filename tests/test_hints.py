"""“Did you mean”: one choice of the nearest name and one wording, everywhere."""

from __future__ import annotations

from thidua_cli.hints import closest, did_you_mean, wording


def test_the_nearest_close_name() -> None:
    assert closest("phase-lenght", ["phase-length", "phase-gap"]) == "phase-length"
    assert closest("xyz", ["phase-length"]) is None


def test_the_wording_in_both_languages() -> None:
    assert wording("ldld-ha-noi") == ('; có phải ý bạn là "ldld-ha-noi"?', '; did you mean "ldld-ha-noi"?')
    assert did_you_mean("ldld-ha-noj", ["ldld-ha-noi", "tong-ldld"]) == wording("ldld-ha-noi")
    assert did_you_mean("abc", ["ldld-ha-noi"]) == ("", "")
