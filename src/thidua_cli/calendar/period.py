"""The days a ``thidua calendar`` run lists: from its options to a first and a last day."""

from __future__ import annotations

from datetime import date, timedelta

from thidua_cli.errors import UserError

#: Default length of the range after --from (today and the next 60 days).
DEFAULT_DAYS = 60
#: Longest range listed: a planning horizon of centuries is a typo, and a bound keeps
#: every run short (200 years of the sample registry: ~6,000 entries, well under a second).
MAX_YEARS = 200
MAX_DAYS = MAX_YEARS * 366


def option_date(option: str, text: str) -> date:
    """The date an option names (2020-01-03 or 03/01/2020), or a :class:`UserError`."""
    from thidua_cli.vn.dates import DateSyntaxError, parse_date
    try:
        return parse_date(text)
    except DateSyntaxError as exc:
        vi, en = exc.vi, exc.en
        if "03/01/2020" not in vi:  # a real-looking date that does not exist: say how to write one
            vi += "; hãy viết một ngày có thật, như 03/01/2020 hoặc 2020-01-03"
            en += "; write a real date, such as 03/01/2020 or 2020-01-03"
        raise UserError(f"{option}: {vi}", f"{option}: {en}") from None


def date_range(start_text: str | None, until_text: str | None, days: int | None,
               year: int | None, today: date) -> tuple[date, date]:
    """The first and last day asked for (``--from`` defaults to ``today``), or a
    :class:`UserError` saying what is wrong."""
    if year is not None:
        if start_text is not None or until_text is not None or days is not None:
            raise UserError("--year đã chọn cả năm: không dùng cùng --from, --until hay --days",
                            "--year selects a whole year: do not combine it with --from, "
                            "--until or --days")
        if not 1000 <= year <= 9999:
            raise UserError(f"--year {year}: năm phải có bốn chữ số (1000–9999)",
                            f"--year {year}: the year must have four digits (1000–9999)")
        return date(year, 1, 1), date(year, 12, 31)
    if until_text is not None and days is not None:
        raise UserError("chỉ dùng một trong hai: --until hoặc --days",
                        "use either --until or --days, not both")
    if days is not None and days < 0:
        raise UserError(f"--days {days}: số ngày không được âm; muốn xem trước đó thì dùng --from",
                        f"--days {days}: the number of days cannot be negative; to look back, "
                        "use --from")
    if days is not None and days > MAX_DAYS:
        raise _too_long()
    start = option_date("--from", start_text) if start_text is not None else today
    if until_text is not None:
        end = option_date("--until", until_text)
        if end < start:
            from thidua_cli.vn.dates import short_date
            raise UserError(
                f"--until {until_text} trước --from {short_date(start)}: ngày cuối phải từ ngày đầu trở đi",
                f"--until {until_text} is before --from {start.isoformat()}: the last day must not "
                "come before the first")
    else:
        count = DEFAULT_DAYS if days is None else days
        try:
            end = start + timedelta(days=count)
        except OverflowError:
            from thidua_cli.vn.dates import short_date

            # Name what the user gave: --days, or the default the range was made with.
            given_vi = f"--days {count}" if days is not None else f"{count} ngày mặc định"
            given_en = f"--days {count}" if days is not None else f"the default {count} days"
            raise UserError(
                f"{given_vi} từ {short_date(start)}: khoảng thời gian sẽ kết thúc sau ngày cuối cùng "
                "tính được (31/12/9999); hãy dùng --until",
                f"{given_en} from {start.isoformat()}: the range would end after the last day "
                "that can be computed (9999-12-31); use --until") from None
    # Counted in years touched: 2000-01-01 to 2200-12-31 lists 201 years.
    if end.year - start.year + 1 > MAX_YEARS:
        raise _too_long()
    return start, end


def _too_long() -> UserError:
    return UserError(
        f"khoảng thời gian dài quá {MAX_YEARS} năm; hãy thu hẹp bằng --from/--until hoặc --year",
        f"the range is longer than {MAX_YEARS} years; narrow it with --from/--until or --year")
