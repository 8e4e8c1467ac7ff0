"""Anniversaries (ngày kỷ niệm): a solar date with its base year, or a lunar day/month."""

from __future__ import annotations

from pydantic import model_validator

from thidua_cli.models.base import Date, Id, LunarDayMonth, Model, Text, user_error
from thidua_cli.vn import dates as vn_dates


class Anniversary(Model):
    id: Id
    name: Text
    date: Date | None = None
    lunar: LunarDayMonth | None = None
    since: int | None = None  # base year of a lunar anniversary, when it has one

    @model_validator(mode="after")
    def _one_calendar(self) -> Anniversary:
        if (self.date is None) == (self.lunar is None):
            raise user_error(
                'một ngày kỷ niệm cần đúng một trong hai trường "date" (dương lịch, kèm năm gốc) '
                'hoặc "lunar" (âm lịch, "ngày/tháng")',
                'an anniversary needs exactly one of "date" (solar, with its base year) '
                'or "lunar" (lunar "day/month")')
        if self.since is not None and self.date is not None:
            raise user_error(
                '"since" chỉ dùng cho ngày âm lịch; ngày dương lịch lấy năm gốc từ "date"',
                '"since" is for lunar anniversaries; a solar one takes its base year from "date"')
        return self

    @property
    def base_year(self) -> int | None:
        return self.date.year if self.date is not None else self.since

    @property
    def lunar_day_month(self) -> tuple[int, int] | None:
        return None if self.lunar is None else vn_dates.lunar_day_month(self.lunar)


class AnniversariesFile(Model):
    anniversaries: list[Anniversary]
