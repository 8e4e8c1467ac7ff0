"""``campaign-period``: a campaign ends after it starts, and a yearly one lies in its year."""

from __future__ import annotations

from thidua_cli.problems import Severity, Text
from thidua_cli.rules.base import Check, Context, Finding, Rule
from thidua_cli.vn.dates import short_date

RULES = (
    Rule("campaign-period", Severity.ERROR,
         Text("phong trào kết thúc trước khi bắt đầu; phong trào năm (nam) nằm ngoài năm của nó (cảnh báo)",
              "end before start; a `nam` campaign whose period is not in its `year` (warning)"),
         Text("Thời gian phong trào là khung cho các đợt, lịch và văn bản.",
              "The campaign period frames the phases, the calendar and the documents."),
         bad="year: 2020\nstart: 2020-01-01\nend: 2019-12-31", good="year: 2020\nstart: 2020-01-01\nend: 2020-12-31",
         lesser=Severity.WARNING),
)


def check(ctx: Context) -> Check:
    for campaign in ctx.registry.campaigns:
        model = campaign.model
        if model.end < model.start:
            yield Finding("campaign-period", campaign.loc.child("end"), Text(
                f"phong trào kết thúc ({short_date(model.end)}) trước khi bắt đầu "
                f'({short_date(model.start)}); hãy kiểm tra "start" và "end"',
                f"the campaign ends ({model.end.isoformat()}) before it starts "
                f'({model.start.isoformat()}); check "start" and "end"'))
        elif model.kind == "nam" and not (model.start.year == model.end.year == model.year):
            yield Finding("campaign-period", campaign.loc.child(
                "start" if model.start.year != model.year else "end"), Text(
                f"phong trào năm {model.year} lại diễn ra từ {short_date(model.start)} đến "
                f'{short_date(model.end)}; hãy sửa "year" hoặc ngày',
                f"the {model.year} yearly campaign runs from {model.start.isoformat()} to "
                f'{model.end.isoformat()}; fix "year" or the dates'), lesser=True)
