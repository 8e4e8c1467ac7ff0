"""``campaign-period``: a campaign ends after it starts, and its ``year`` agrees with its period.

``year`` is what ``render`` and ``calendar`` select by and what ``new campaign`` moves
every date from: a ``year: 202`` on a drive of 2020 once sent the next year's dates to
3839. So, for every kind, ``year`` must be a year the period touches, and for a school
year (``nam-hoc``, September to May) the year it starts; a yearly campaign (``nam``)
spilling over into another year is only a warning.
"""

from __future__ import annotations

from thidua_cli.problems import Severity, Text
from thidua_cli.rules.base import Check, Context, Finding, Rule
from thidua_cli.vn.dates import short_date

RULES = (
    Rule("campaign-period", Severity.ERROR,
         Text("phong trào kết thúc trước khi bắt đầu; năm (year) không khớp thời gian phong trào "
              "(với nam-hoc: năm bắt đầu năm học); phong trào năm (nam) vượt ra ngoài năm của nó "
              "(cảnh báo)",
              "end before start; a `year` its period does not touch (for `nam-hoc`: not the "
              "year the school year starts); a `nam` campaign whose period spills out of its "
              "`year` (warning)"),
         Text("Thời gian phong trào là khung cho các đợt, lịch và văn bản.",
              "The campaign period frames the phases, the calendar and the documents."),
         bad="year: 2020\nstart: 2020-01-01\nend: 2019-12-31",
         good="year: 2020\nstart: 2020-01-01\nend: 2020-12-31",
         lesser=Severity.WARNING),
)


def check(ctx: Context) -> Check:
    for campaign in ctx.registry.campaigns:
        model = campaign.model
        if not campaign.intact("start", "end", "year", "kind"):
            continue  # a period the file does not give in full: the schema problem says why
        if model.end < model.start:
            yield Finding("campaign-period", campaign.loc.child("end"), Text(
                f"phong trào kết thúc ({short_date(model.end)}) trước khi bắt đầu "
                f'({short_date(model.start)}); hãy kiểm tra "start" và "end"',
                f"the campaign ends ({model.end.isoformat()}) before it starts "
                f'({model.start.isoformat()}); check "start" and "end"'))
        elif (model.start.year != model.year if model.kind == "nam-hoc"
              else not model.start.year <= model.year <= model.end.year):
            period_vi = f"{short_date(model.start)} – {short_date(model.end)}"
            period_en = f"{model.start.isoformat()} – {model.end.isoformat()}"
            if model.kind == "nam-hoc":
                yield Finding("campaign-period", campaign.loc.child("year"), Text(
                    f"năm học bắt đầu năm {model.start.year} ({period_vi}) nhưng year ghi "
                    f"{model.year}; year của phong trào năm học là năm bắt đầu năm học: hãy viết "
                    f"{model.start.year} hoặc sửa ngày",
                    f"the school year starts in {model.start.year} ({period_en}) but year is "
                    f"{model.year}; a school-year campaign's year is the year it starts: write "
                    f"{model.start.year} or fix the dates"))
            else:
                yield Finding("campaign-period", campaign.loc.child("year"), Text(
                    f"năm {model.year} (year) không khớp với thời gian của phong trào "
                    f"({period_vi}); hãy viết {model.start.year} hoặc sửa ngày",
                    f"year {model.year} does not agree with the campaign's period ({period_en}); "
                    f"write {model.start.year} or fix the dates"))
        elif model.kind == "nam" and not (model.start.year == model.end.year == model.year):
            yield Finding("campaign-period", campaign.loc.child(
                "start" if model.start.year != model.year else "end"), Text(
                f"phong trào năm {model.year} lại diễn ra từ {short_date(model.start)} đến "
                f'{short_date(model.end)}; hãy sửa "year" hoặc ngày',
                f"the {model.year} yearly campaign runs from {model.start.isoformat()} to "
                f'{model.end.isoformat()}; fix "year" or the dates'), lesser=True)
