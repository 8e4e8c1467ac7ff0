"""calendar.period: the days a calendar run lists, from its options, and each refusal."""

from __future__ import annotations

from datetime import date

import pytest

from thidua_cli.calendar.period import date_range
from thidua_cli.errors import UserError

TODAY = date(2020, 7, 1)


def test_ranges() -> None:
    assert date_range(None, None, None, None, TODAY) == (TODAY, date(2020, 8, 30))
    assert date_range(None, None, None, 2021, TODAY) == (date(2021, 1, 1), date(2021, 12, 31))
    assert date_range("03/01/2020", "2020-01-05", None, None, TODAY) == (date(2020, 1, 3),
                                                                           date(2020, 1, 5))
    assert date_range("2020-01-03", None, 0, None, TODAY) == (date(2020, 1, 3), date(2020, 1, 3))


@pytest.mark.parametrize("options, vi, en", [
    ((None, None, 3, 2020), "--year đã chọn cả năm: không dùng cùng --from, --until hay --days",
     "--year selects a whole year: do not combine it with --from, --until or --days"),
    ((None, "2020-08-01", 3, None), "chỉ dùng một trong hai: --until hoặc --days",
     "use either --until or --days, not both"),
    (("2020-07-10", "2020-07-01", None, None),
     "--until 2020-07-01 trước --from 10/7/2020: ngày cuối phải từ ngày đầu trở đi",
     "--until 2020-07-01 is before --from 2020-07-10: the last day must not come before the first"),
    ((None, None, 80000, None),
     "khoảng thời gian dài quá 200 năm; hãy thu hẹp bằng --from/--until hoặc --year",
     "the range is longer than 200 years; narrow it with --from/--until or --year"),
], ids=["year-and-days", "until-and-days", "until-before-from", "too-long"])
def test_refusals(options: tuple[str | None, str | None, int | None, int | None], vi: str,
                  en: str) -> None:
    with pytest.raises(UserError) as caught:
        date_range(*options, TODAY)
    assert (caught.value.vi, caught.value.en, caught.value.code) == (vi, en, 2)
