"""A result file → its Báo cáo tổng kết (or sơ kết đợt N) as a :class:`Document`.

The structure is domain.md's: the lead ("Thực hiện Kế hoạch số … của …"), Phần thứ nhất
(I. đặc điểm, tình hình; II. công tác chỉ đạo, tổ chức phát động; III. kết quả thực hiện
các chỉ tiêu — the table STT | Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ | Đánh giá and the
roll-up note; IV. công tác khen thưởng; V. đánh giá chung), Phần thứ hai (phương hướng
from next year's campaign, or the next phase), Phần thứ ba (đề xuất, kiến nghị). Every
figure comes from the registry; what it lacks is a visible blank ("…").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thidua_cli.models import Campaign, Result, Target, Unit
from thidua_cli.registry.data import Registry
from thidua_cli.render import engine
from thidua_cli.render.document import (
    Document,
    Header,
    MarkupError,
    Signature,
    parse_body,
    parse_inline,
    plain,
)
from thidua_cli.render.view import BODY, BODY_DEFAULT, ON_BEHALF, ON_BEHALF_DEFAULT
from thidua_cli.results import table as result_table
from thidua_cli.results.rollup import RollUp
from thidua_cli.vn import dates as vn_dates
from thidua_cli.vn import numbers
from thidua_cli.vn.phrases import document_number, document_symbol, unit_abbreviation, upper_vi

TEMPLATE = "report.md.j2"
BLOCKS = ("title", "subject", "body", "recipients")


@dataclass(frozen=True)
class Report:
    """A result file chosen for rendering: the report, its campaign and who reports."""

    result: Result
    campaign: Campaign
    unit: Unit


def select(registry: Registry, year: int, campaign_id: str | None = None,
           unit_id: str | None = None, phase: int | None = None) -> list[Report]:
    """The reports of a year's campaigns (of one campaign, or by one unit), for one period."""
    campaigns = {e.model.id: e.model for e in registry.campaigns}
    units = {e.model.id: e.model for e in registry.units}
    chosen = []
    for entry in registry.results:
        result = entry.model
        campaign = campaigns.get(result.campaign)
        if campaign is None or campaign.year != year or result.phase != phase:
            continue
        who = result.unit or campaign.issuer
        if (campaign_id is not None and campaign.id != campaign_id) or \
                (unit_id is not None and who != unit_id) or who not in units:
            continue
        chosen.append(Report(result, campaign, units[who]))
    return sorted(chosen, key=lambda r: (r.campaign.id, r.unit.id))


def stem(report: Report) -> str:
    """``cdvc-ha-noi-2017-bao-cao-tong-ket``; a unit below the issuer adds its id."""
    period = f"so-ket-dot-{report.result.phase}" if report.result.phase else "tong-ket"
    who = "" if report.unit.id == report.campaign.issuer else f"-{report.unit.id}"
    return f"{report.campaign.id}{who}-bao-cao-{period}"


def _place(unit: Unit, units: dict[str, Unit]) -> str | None:
    seen: set[str] = set()
    current: Unit | None = unit
    while current is not None and current.id not in seen:
        if current.place:
            return current.place
        seen.add(current.id)
        current = units.get(current.parent) if current.parent else None
    return None


def _subject_title(campaign: Campaign) -> str:
    """"Phát động phong trào thi đua năm 2020" → "phong trào thi đua năm 2020": a report
    reviews the campaign, not its launch."""
    title = campaign.title
    for prefix in ("Phát động ", "phát động "):
        if title.startswith(prefix):
            title = title[len(prefix):]
    return title[:1].lower() + title[1:]


def _target_phrase(target: Target) -> str:
    value = target.value
    worded = "không có" if value.kind == "exact" and value.low == 0 and not value.percent \
        else value.canonical()
    return f"{worded} {target.text}"


def context(registry: Registry, report: Report, rollup: RollUp | None = None) -> dict[str, Any]:
    result, campaign, unit = report.result, report.campaign, report.unit
    units = {e.model.id: e.model for e in registry.units}
    names = result_table.names(registry)
    rollup = rollup or result_table.book(registry)
    phase = result.phase
    rows = []
    judged = met = 0
    for index, target in enumerate(campaign.targets, 1):
        figure = rollup.figure(campaign, unit.id, target, phase)
        row = result_table.Row(campaign, unit.id, unit.name, True, phase, target, figure,
                               None if figure is None else _judge(target, figure, phase))
        if row.verdict is not None and row.verdict.kind != "tien-do":
            judged += 1
            met += row.verdict.kind in ("dat", "vuot")
        rows.append({
            "n": index, "text": target.text, "value": str(target.value),
            "achieved": row.achieved_text() if figure is not None else "…",
            "share": row.share_text(),
            "verdict": row.verdict.text() if row.verdict is not None else
            ("chưa có số liệu" if figure is None else "…"),
            "coverage": figure.coverage_text() if figure is not None else "",
            "missing": [names.get(u, u) for u in figure.missing] if figure is not None else [],
        })
    issuer = units.get(campaign.issuer)
    superior = units.get(unit.parent) if unit.parent else None
    plan_doc = campaign.document
    next_campaign = _next_campaign(registry, campaign) if phase is None else None
    next_phase = next((p for p in campaign.phases if phase is not None and p.number == phase + 1), None)
    this_phase = next((p for p in campaign.phases if p.number == phase), None)
    return {
        "year": campaign.year,
        "phase": phase,
        "this_phase": {"start": vn_dates.short_date(this_phase.start),
                       "end": vn_dates.short_date(this_phase.end)} if this_phase else None,
        "unit": {"name": unit.name, "body": BODY.get(unit.level, BODY_DEFAULT)},
        "issuer": {"name": issuer.name if issuer else names.get(campaign.issuer, campaign.issuer),
                   "abbr": unit_abbreviation(issuer.name, issuer.short, issuer.level) if issuer else "…",
                   "is_self": campaign.issuer == unit.id},
        "campaign": {"title": _subject_title(campaign),
                     "number": plan_doc.number if plan_doc and plan_doc.number else None,
                     "date": vn_dates.short_date(plan_doc.date) if plan_doc and plan_doc.date else None,
                     "launch": vn_dates.short_date(campaign.launch.date) if campaign.launch else None,
                     "launch_place": campaign.launch.place if campaign.launch else None,
                     "basis": list(campaign.basis),
                     "movements": [m for task in campaign.tasks for m in task.movements],
                     "phases": [{"number": p.number, "name": p.name, "start": vn_dates.short_date(p.start),
                                 "end": vn_dates.short_date(p.end)} for p in campaign.phases]},
        "as_of": vn_dates.short_date(result.as_of),
        "situation": list(result.situation),
        "highlights": list(result.highlights),
        "shortcomings": list(result.shortcomings),
        "lessons": list(result.lessons),
        "awards": list(result.awards_received),
        "proposals": list(result.proposals),
        "rows": rows,
        "judged": judged,
        "met": met,
        "coverage": _coverage(rollup, campaign, unit, phase, names),
        "next": {"year": next_campaign.year, "title": next_campaign.title,
                 "aims": list(next_campaign.aims),
                 "targets": [_target_phrase(t) for t in next_campaign.targets]} if next_campaign else None,
        "next_year": campaign.year + 1,
        "next_phase": {"number": next_phase.number, "start": vn_dates.short_date(next_phase.start),
                       "end": vn_dates.short_date(next_phase.end), "theme": next_phase.theme,
                       "goal": next_phase.goal} if next_phase else None,
        "superior": superior.name if superior else None,
    }


def _judge(target: Target, figure: Any, phase: int | None) -> Any:
    from thidua_cli.results.rollup import judge
    return judge(target, figure, phase=phase)


def _coverage(rollup: RollUp, campaign: Campaign, unit: Unit, phase: int | None,
              names: dict[str, str]) -> dict[str, Any] | None:
    """Who of those who report to the unit sent figures on any target."""
    expected = rollup.expected(unit.id, campaign)
    if not expected:
        return None
    reported: set[str] = set()
    for target in campaign.targets:
        figure = rollup.figure(campaign, unit.id, target, phase)
        if figure is not None:
            reported.update(figure.covered)
            reported.update(figure.needs_counts)
            reported.update(figure.other_base)
    if not reported:
        return None
    missing = [names.get(u, u) for u in expected if u not in reported]
    return {"reported": numbers.count(len(reported)), "expected": numbers.count(len(expected)),
            "missing": missing}


def _next_campaign(registry: Registry, campaign: Campaign) -> Campaign | None:
    for entry in registry.campaigns:
        model = entry.model
        if (model.issuer, model.kind, model.year) == (campaign.issuer, campaign.kind, campaign.year + 1):
            return model
    return None


def build(registry: Registry, report: Report, env: Any | None = None,
          rollup: RollUp | None = None) -> Document:
    """The report's document. Raises :class:`engine.TemplateProblem`."""
    env = env or engine.environment()
    ctx = context(registry, report, rollup)
    blocks = engine.render_blocks(env, TEMPLATE, ctx, BLOCKS)
    try:
        body = parse_body(blocks["body"])
        title = plain(parse_inline(" ".join(blocks["title"].split())))
        subject = plain(parse_inline(" ".join(blocks["subject"].split()))) or None
        recipients = tuple(plain(parse_inline(line.strip()))
                           for line in blocks["recipients"].splitlines() if line.strip())
    except MarkupError as exc:
        raise engine.TemplateProblem(f"mẫu văn bản {TEMPLATE} tạo ra markup hỏng: {exc}",
                                     f"template {TEMPLATE} produced broken markup: {exc}") from None
    result, unit = report.result, report.unit
    units = {e.model.id: e.model for e in registry.units}
    superior = units.get(unit.parent) if unit.parent else None
    abbr = unit_abbreviation(unit.name, unit.short, unit.level)
    document = result.document
    if document is not None and document.recipients:
        recipients = tuple(document.recipients)
    number = f"Số: {document.number}" if document is not None and document.number \
        else document_number(None, document_symbol("BC", abbr))
    signer = document.signer if document is not None else None
    on_behalf = ON_BEHALF.get(unit.level, ON_BEHALF_DEFAULT)
    if signer is not None:
        signature = Signature(on_behalf=upper_vi(signer.on_behalf or on_behalf),
                              position=upper_vi(signer.position), name=signer.name)
    else:
        signature = Signature(on_behalf=on_behalf, position="CHỦ TỊCH", name=None)
    header = Header(superior=upper_vi(superior.display) if superior else None,
                    issuer=upper_vi(unit.name), number=number,
                    place_date=vn_dates.place_date(_place(unit, units),
                                                   document.date if document is not None else None))
    return Document(
        kind="report", stem=stem(report), header=header, title=upper_vi(title), subject=subject,
        body=body, signatures=(signature,), recipients=recipients,
        meta={"title": f"Báo cáo {subject[:1].lower() + subject[1:]}" if subject else title,
              "subject": report.campaign.title, "author": unit.name,
              "keywords": f"thi đua, báo cáo, {report.campaign.year}, {report.campaign.id}",
              "description": f"{title} – {subject}" if subject else title},
    )
