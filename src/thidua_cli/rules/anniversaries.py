"""Celebrated anniversaries: the stated ordinal and the date.

``celebrates`` maps an anniversary id to the ordinal the text states. The right
ordinal is that of the occurrence the period celebrates
(:func:`thidua_cli.occurrences.celebrated`, the function render and ``new campaign``
use too), year minus base year. Anniversary numbers are computed, never typed: a
stated one must agree, and ``null`` lets thidua fill it in.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from thidua_cli.models import Anniversary
from thidua_cli.occurrences import celebrated
from thidua_cli.problems import Location, Severity, Text
from thidua_cli.rules.base import Check, Context, Finding, Rule
from thidua_cli.vn.dates import short_date

RULES = (
    Rule("anniversary-ordinal", Severity.ERROR,
         Text("số năm kỷ niệm ghi khác số năm tính được",
              "a stated ordinal that differs from the computed one"),
         Text("“Kỷ niệm 90 năm hay 91 năm?” là lỗi hay gặp nhất khi chép văn bản năm trước.",
              "“90 or 91 years?” is the commonest slip when last year's document is copied."),
         bad="celebrates: {cong-doan-viet-nam: 90}   # năm 2020",
         good="celebrates: {cong-doan-viet-nam: 91}"),
    Rule("anniversary-outside-phase", Severity.WARNING,
         Text("ngày kỷ niệm được chào mừng nhưng năm đó không rơi vào đợt/phong trào",
              "a celebrated anniversary whose date that year falls outside the phase/campaign"),
         Text("Chào mừng một ngày nằm ngoài đợt thường là đặt nhầm đợt.",
              "Saluting a day outside the phase usually means it sits in the wrong phase."),
         bad="# đợt 1: 01/01–30/4\ncelebrates: {cong-doan-viet-nam: 91}",
         good="# đợt 2: 01/5–31/7\ncelebrates: {cong-doan-viet-nam: 91}"),
)


def check(ctx: Context) -> Check:
    for campaign in ctx.registry.campaigns:
        model = campaign.model
        if not campaign.intact("start", "end"):
            continue  # every period is read against the campaign's, which is not known
        periods: list[tuple[dict[str, int | None], Location, date, date, str, str]] = [
            (model.celebrates, campaign.loc.child("celebrates"), model.start, model.end,
             "phong trào", "the campaign")]
        for index, phase in enumerate(model.phases):
            if not campaign.intact(("phases", index, "start"), ("phases", index, "end"),
                                   ("phases", index, "number")):
                continue  # a phase whose dates failed the schema: nothing is said of it
            periods.append((phase.celebrates, campaign.loc.child("phases", index, "celebrates"),
                            phase.start, phase.end, f"đợt {phase.number}", f"phase {phase.number}"))
        for celebrates, loc, start, end, where_vi, where_en in periods:
            if end < start:
                continue  # phase-order / campaign-period already speak of it
            for anniversary_id, stated in celebrates.items():
                entry = ctx.anniversaries.get(anniversary_id)
                if entry is None or not entry.intact("since"):
                    continue  # unknown-reference; or a base year that failed the schema
                if not entry.intact("name"):
                    # The name stands in every message; its stand-in must not.
                    entry = replace(entry, model=entry.model.model_copy(update={"name": anniversary_id}))
                yield from _check_one(entry.model, stated, loc.child(anniversary_id),
                                      start, end, (model.start, model.end), where_vi, where_en)


def _check_one(anniversary: Anniversary, stated: int | None, loc: Location, start: date,
               end: date, campaign: tuple[date, date], where_vi: str, where_en: str) -> Check:
    occurrence = celebrated(anniversary, start, end, campaign)
    # celebrated() answers with the occurrence inside the period whenever there is one.
    if occurrence is None or not start <= occurrence.date <= end:
        yield Finding("anniversary-outside-phase", Location(loc.file, loc.path, "key"), Text(
            f"{anniversary.name} năm {start.year} không rơi vào {where_vi} "
            f"({short_date(start)}–{short_date(end)}); hãy chuyển sang đợt chứa ngày đó",
            f"{anniversary.name} in {start.year} does not fall in {where_en} "
            f"({start.isoformat()}–{end.isoformat()}); move it to the phase that holds that day"))
    if stated is None:
        return
    if anniversary.base_year is None:
        yield Finding("anniversary-ordinal", loc, Text(
            f"{anniversary.name} không có năm gốc nên không có số năm kỷ niệm; hãy ghi null",
            f"{anniversary.name} has no base year, so no ordinal; write null"))
        return
    if occurrence is None or occurrence.ordinal is None or stated == occurrence.ordinal:
        return
    right, when = occurrence.ordinal, occurrence.date
    yield Finding("anniversary-ordinal", loc, Text(
        f"năm {when.year} là kỷ niệm {right} năm {anniversary.name} "
        f"({_base_text(anniversary)} – {short_date(when)}), không phải {stated} năm; hãy ghi {right}",
        f"{when.year} marks {right} years of {anniversary.name} "
        f"({_base_text(anniversary, iso=True)} – {when.isoformat()}), not {stated}; write {right}"))


def _base_text(anniversary: Anniversary, iso: bool = False) -> str:
    if anniversary.date is not None:
        return anniversary.date.isoformat() if iso else short_date(anniversary.date)
    if iso:
        return f"lunar {anniversary.lunar} of {anniversary.since}"
    return f"{anniversary.lunar} âm lịch năm {anniversary.since}"
