"""A computed scoring → the three documents of the year-end meeting.

- ``scores``: Bảng tổng hợp kết quả chấm điểm thi đua (on A4 landscape);
- ``minutes``: Biên bản họp tổng kết, chấm điểm, bình xét;
- ``proposal``: Tờ trình đề nghị khen thưởng, signed on behalf of the cluster by its leader
  ("Cụm trưởng" or "Khối trưởng").

As for the plan: the frame (header, number, date line, signatures) is decided here, the
wording comes from the kind's template (``templates/scores.md.j2`` …) rendered block by block.
Every figure is computed (:mod:`thidua_cli.scoring.compute`) and formatted here; what the
registry lacks is a visible blank ("…").
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

from thidua_cli.models import Unit
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
from thidua_cli.scoring.scored import leader_title
from thidua_cli.scoring.sheet import Sheet, points
from thidua_cli.vn import dates as vn_dates
from thidua_cli.vn import numbers
from thidua_cli.vn.phrases import document_number, document_symbol, unit_abbreviation, upper_vi

Kind = Literal["scores", "minutes", "proposal"]
KINDS: tuple[Kind, ...] = ("scores", "minutes", "proposal")
STEM_SUFFIX = {"scores": "bang-diem", "minutes": "bien-ban", "proposal": "to-trinh"}
BLOCKS = ("title", "subject", "body", "recipients")

#: Units whose Ban Thường vụ signs (TM. BAN THƯỜNG VỤ) and receives a Tờ trình.
_ON_BEHALF = {"tong-lien-doan": "TM. ĐOÀN CHỦ TỊCH", "co-so": "TM. BAN CHẤP HÀNH",
              "bo-phan": "TM. BAN CHẤP HÀNH"}
_BODY = {"tong-lien-doan": "Đoàn Chủ tịch", "co-so": "Ban Chấp hành", "bo-phan": "Ban Chấp hành"}


def stem(sheet: Sheet, kind: Kind) -> str:
    return f"{sheet.scoring.by}-{sheet.scoring.year}-{STEM_SUFFIX[kind]}"


def build(sheet: Sheet, kind: Kind, env: Any | None = None) -> Document:
    """The document of ``kind`` for a computed scoring. Raises :class:`engine.TemplateProblem`."""
    env = env or engine.environment()
    ctx = context(sheet)
    blocks = engine.render_blocks(env, f"{kind}.md.j2", ctx, BLOCKS)
    try:
        body = parse_body(blocks["body"])
        title = plain(parse_inline(" ".join(blocks["title"].split())))
        subject = plain(parse_inline(" ".join(blocks["subject"].split()))) or None
        recipients = tuple(plain(parse_inline(line.strip())) for line in blocks["recipients"].splitlines()
                           if line.strip())
    except MarkupError as exc:
        raise engine.TemplateProblem(f"mẫu văn bản {kind}.md.j2 tạo ra markup hỏng: {exc}",
                                     f"template {kind}.md.j2 produced broken markup: {exc}") from None
    document = sheet.scoring.document if kind == "proposal" else None
    if document is not None and document.recipients:
        recipients = tuple(document.recipients)
    when = _date(sheet, kind)
    return Document(
        kind=kind,
        stem=stem(sheet, kind),
        header=Header(superior=ctx["superior"], issuer=upper_vi(ctx["scorer"]["name"]),
                      number=_number(sheet, kind, ctx),
                      place_date=vn_dates.place_date(ctx["place"], when)),
        title=upper_vi(title),
        subject=subject,
        body=body,
        signatures=_signatures(sheet, kind, ctx),
        recipients=recipients,
        landscape=kind == "scores",     # twelve columns do not fit 165 mm
        meta={"title": title.capitalize(), "subject": subject or title, "author": ctx["scorer"]["name"],
              "keywords": f"thi đua, chấm điểm, {sheet.scoring.year}, {sheet.scoring.by}",
              "description": f"{title} – {subject or ''}".strip(" –")},
    )


def _date(sheet: Sheet, kind: Kind):  # type: ignore[no-untyped-def]
    """The minutes and the score table are dated by the meeting; the Tờ trình by its own
    document (it is written after the meeting), else left blank."""
    meeting = sheet.scoring.meeting
    if kind == "proposal":
        document = sheet.scoring.document
        return document.date if document is not None else None
    return meeting.date if meeting is not None else None


def _number(sheet: Sheet, kind: Kind, ctx: dict[str, Any]) -> str | None:
    """Only the Tờ trình carries a number (TTr); a cluster has no symbol of its own, so the
    clerk fills it in unless the registry gives the number."""
    if kind != "proposal":
        return None
    document = sheet.scoring.document
    if document is not None and document.number:
        return f"Số: {document.number}"
    return document_number(None, document_symbol("TTr", ctx["scorer"]["abbr"]))


def _signatures(sheet: Sheet, kind: Kind, ctx: dict[str, Any]) -> tuple[Signature, ...]:
    scorer = ctx["scorer"]
    if kind == "minutes":
        meeting = sheet.scoring.meeting
        secretary = _person(meeting.secretary) if meeting is not None else None
        chair = _person(meeting.chair) if meeting is not None else None
        return (Signature(on_behalf=None, position="THƯ KÝ", name=secretary),
                Signature(on_behalf=None, position="CHỦ TRÌ", name=chair))
    signer = sheet.scoring.document.signer if kind == "proposal" and sheet.scoring.document else None
    if sheet.cluster is not None:
        on_behalf = f"TM. {upper_vi(sheet.cluster.name)}"
        position = upper_vi(scorer["leader_title"])
    else:
        on_behalf, position = scorer["on_behalf"], "CHỦ TỊCH"
    if signer is not None:
        return (Signature(on_behalf=upper_vi(signer.on_behalf) if signer.on_behalf else on_behalf,
                          position=upper_vi(signer.position), name=signer.name),)
    return (Signature(on_behalf=on_behalf, position=position, name=None),)


def _person(text: str | None) -> str | None:
    """"Nguyễn Văn C, Chủ tịch LĐLĐ thành phố Hà Giang (Cụm trưởng)" → "Nguyễn Văn C": the
    name a signature prints is what comes before the first comma."""
    if not text:
        return None
    return text.split(",", 1)[0].strip() or None


# --------------------------------------------------------------------------- the context

def context(sheet: Sheet) -> dict[str, Any]:
    """What the templates print, every figure already computed and formatted."""
    scoring = sheet.scoring
    ranking = sheet.ranking
    cluster = sheet.cluster
    superior_unit = _superior(sheet)
    rows: list[dict[str, Any]] = []
    for index, row in enumerate(ranking.units, 1):
        unit_scores = scoring.scores.get(row.unit)
        changes: list[dict[str, str]] = [
            {"item": item_id, "self": points(item.self_score), "final": points(item.score),
             "reason": unit_scores.reasons.get(item_id, "…") if unit_scores else "…"}
            for item_id, item in row.items.items()
            if item.source == "final" and item.self_score is not None and item.self_score != item.score]
        rows.append({
            "index": index, "id": row.unit, "name": sheet.name(row.unit), "short": sheet.short(row.unit),
            "self": points(row.self_base), "bonus": points(row.bonus), "deductions": points(row.deductions),
            "self_total": points(row.self_base + row.bonus - row.deductions),
            "total": points(row.total), "rank": row.rank, "klass": row.klass or "",
            "votes": row.votes, "note": (unit_scores.note if unit_scores and unit_scores.note else ""),
            "groups": [points(value) for value in row.groups.values()],
            "cells": {item_id: _cell(item.self_score, item.score) for item_id, item in row.items.items()},
            "changes": changes,
        })
    vote = scoring.vote
    ballots = None
    if vote is not None:
        ballots = {
            "issued": vote.issued, "returned": vote.returned, "valid": vote.ballots,
            "votes": [{"name": sheet.name(row.unit), "count": vote.votes.get(row.unit, 0),
                       "share": numbers.percent(Fraction(100 * vote.votes.get(row.unit, 0), vote.ballots))
                       if vote.ballots else "…"}
                      for row in sorted(ranking.units, key=lambda r: -vote.votes.get(r.unit, 0))],
        }
    meeting = scoring.meeting
    members = _members(sheet)
    proposals = [{"name": sheet.name(p.unit), "award": p.award,
                  "total": next((r["total"] for r in rows if r["id"] == p.unit), "…"),
                  "rank": next((r["rank"] for r in rows if r["id"] == p.unit), "…")}
                 for p in scoring.proposals]
    leader_unit = sheet.units.get(cluster.leader) if cluster is not None else None
    return {
        "year": scoring.year,
        "scorer": _scorer(sheet),
        "superior": upper_vi(superior_unit.display) if superior_unit is not None else None,
        "superior_name": superior_unit.name if superior_unit is not None else None,
        "superior_body": _BODY.get(superior_unit.level, "Ban Thường vụ") if superior_unit else None,
        "place": _place(sheet),
        "covenant": _covenant(sheet),
        "criteria": [{"id": g.id, "name": g.name, "max": points(g.max),
                      "lines": [{"id": i.id, "name": i.name, "max": points(i.max)} for i in g.items]}
                     for g in scoring.criteria],
        "bonus_max": points(scoring.bonus.max) if scoring.bonus else None,
        "deductions_max": points(scoring.deductions.max) if scoring.deductions else None,
        "max_total": points(sum((g.max for g in scoring.criteria), Decimal(0))),
        "rows": rows,
        "changed": [change | {"unit": row["short"]} for row in rows for change in row["changes"]],
        "from_results": any(item.source == "result" for row in ranking.units for item in row.items.values()),
        "tied": [sheet.short(unit) for unit in ranking.tied],
        "first": rows[0]["name"] if rows and not ranking.tied else None,
        "ballots": ballots,
        "proposals": proposals,
        "meeting": None if meeting is None else {
            "date": vn_dates.admin_date(meeting.date),
            "short_date": vn_dates.short_date(meeting.date),
            "opens": _clock(meeting.opens), "closes": _clock(meeting.closes),
            "place": meeting.place, "chair": meeting.chair, "secretary": meeting.secretary,
            "guests": meeting.guests, "discussion": meeting.discussion, "report": meeting.report,
            "present": None if meeting.present is None else [sheet.name(u) for u in meeting.present],
            "next_leader": sheet.name(meeting.next_leader) if meeting.next_leader else None,
        },
        "members": members,
        "leader": sheet.name(leader_unit.id) if leader_unit is not None else None,
    }


def _covenant(sheet: Sheet) -> str | None:
    """How the documents cite the campaign whose criteria were scored: "Bản giao ước thi đua
    năm 2020 của Cụm thi đua số 3" for a covenant, else the campaign's title."""
    campaign = sheet.campaign
    if campaign is None:
        return None
    if campaign.kind == "giao-uoc":
        return f"Bản giao ước thi đua năm {campaign.year} của {sheet.by_name}"
    return campaign.title


def _cell(own: Any, final: Any) -> str:
    """A criterion's cell of the units × criteria table: the score that counts, marked with
    an asterisk when the review changed the self-score (the changes are listed with their
    reasons under the table). Kept short: a column of short cells is centred."""
    if own is not None and own != final:
        return f"{points(final)}*"
    return points(final)


def _clock(time: str | None) -> str | None:
    """"08:30" → "08 giờ 30"."""
    if time is None:
        return None
    hours, minutes = time.split(":")
    return f"{hours} giờ {minutes}"


def _scorer(sheet: Sheet) -> dict[str, Any]:
    if sheet.cluster is not None:
        return {"name": sheet.cluster.name, "short": sheet.cluster.display, "is_cluster": True,
                "leader_title": leader_title(sheet.cluster), "on_behalf": None, "abbr": "…",
                "members_word": "các đơn vị thành viên"}
    unit = sheet.scorer
    name = unit.name if unit is not None else sheet.scoring.by
    level = unit.level if unit is not None else "tren-co-so"
    return {"name": name, "short": unit.display if unit else name, "is_cluster": False,
            "leader_title": None, "on_behalf": _ON_BEHALF.get(level, "TM. BAN THƯỜNG VỤ"),
            "abbr": unit_abbreviation(name, unit.short if unit else None, level),
            "members_word": "các công đoàn trực thuộc"}


def _superior(sheet: Sheet) -> Unit | None:
    """Who a Tờ trình goes to and whose name heads the documents: a cluster's organizer, or
    the scoring unit's parent."""
    if sheet.cluster is not None:
        return sheet.units.get(sheet.cluster.organizer)
    if sheet.scorer is not None and sheet.scorer.parent is not None:
        return sheet.units.get(sheet.scorer.parent)
    return None


def _place(sheet: Sheet) -> str | None:
    """The date line's place: the cluster's own, else the nearest one up the unit tree from
    the leader (or the scoring unit)."""
    if sheet.cluster is not None and sheet.cluster.place:
        return sheet.cluster.place
    start = sheet.cluster.leader if sheet.cluster is not None else sheet.scoring.by
    seen: set[str] = set()
    unit = sheet.units.get(start)
    while unit is not None and unit.id not in seen:
        if unit.place:
            return unit.place
        seen.add(unit.id)
        unit = sheet.units.get(unit.parent) if unit.parent else None
    return None


def _members(sheet: Sheet) -> dict[str, Any]:
    everyone = list(sheet.cluster.members) if sheet.cluster is not None else [
        row.unit for row in sheet.ranking.units]
    meeting = sheet.scoring.meeting
    present = meeting.present if meeting is not None else None
    return {"count": len(everyone), "names": [sheet.name(u) for u in everyone],
            "present": None if present is None else len(present),
            "absent": [] if present is None else [sheet.name(u) for u in everyone if u not in present]}
