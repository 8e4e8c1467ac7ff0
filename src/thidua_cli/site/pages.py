"""The pages of the site: plain data built from the registry, rendered by Jinja templates.

The templates (``site/templates/*.html.j2``) run in the same kind of environment as the
documents' (:mod:`thidua_cli.render.engine`): an immutable sandbox, ``StrictUndefined`` so a
misspelt name fails instead of printing a blank, a loader that cannot leave its folder, and
registry text treated as data — here escaped for HTML by Jinja's autoescape, the only markup
of a web page (the documents escape for their own body markup instead). A ``None`` printed
into a page is a template bug and raises, as in the documents. The drawings come in as
:class:`markupsafe.Markup` made by :mod:`~thidua_cli.site.svg`, which escapes its own text.

Pages receive dictionaries and lists, never the registry's models.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from thidua_cli.calendar import events as registry_calendar
from thidua_cli.calendar.events import Entry
from thidua_cli.models import Campaign, Cluster, Unit
from thidua_cli.problems import Problem, Severity
from thidua_cli.registry.data import Registry
from thidua_cli.registry.index import RegistryIndex
from thidua_cli.render.engine import CachedSandbox, FolderLoader, capfirst
from thidua_cli.render.view import DocumentView
from thidua_cli.scoring.scored import leader_title
from thidua_cli.site import glance as glance_mod
from thidua_cli.site import svg
from thidua_cli.site.glance import Glance, Mark
from thidua_cli.site.outcomes import Outcomes, period
from thidua_cli.site.tree import UnitTree
from thidua_cli.vn import numbers
from thidua_cli.vn.dates import day_month, short_date

TEMPLATES = Path(__file__).resolve().parent / "templates"

LEVEL_LABELS = {
    "tong-lien-doan": "Tổng Liên đoàn",
    "tinh": "Liên đoàn Lao động tỉnh, thành phố",
    "nganh-trung-uong": "Công đoàn ngành trung ương",
    "tren-co-so": "Công đoàn cấp trên trực tiếp cơ sở",
    "co-so": "Công đoàn cơ sở",
    "bo-phan": "Công đoàn bộ phận, tổ công đoàn",
}
ROUND_LABELS = {"major": "năm tròn", "minor": "năm lẻ 5"}
WEEKDAYS = (("T2", "Thứ hai"), ("T3", "Thứ ba"), ("T4", "Thứ tư"), ("T5", "Thứ năm"),
            ("T6", "Thứ sáu"), ("T7", "Thứ bảy"), ("CN", "Chủ nhật"))


def _finalize(value: object) -> object:
    if value is None:
        raise jinja2.TemplateRuntimeError("a value is None; guard it with {% if … %}")
    return value


def environment() -> ImmutableSandboxedEnvironment:
    env = CachedSandbox(
        loader=FolderLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["vn_number"] = numbers.count
    env.filters["capfirst"] = capfirst  # the documents' own: "CNVCLĐ …" keeps its capitals
    return env


# --------------------------------------------------------------------------- shared state

@dataclass
class SiteData:
    """What every page is made from, computed once."""

    registry: Registry
    tree: UnitTree
    problems: list[Problem]
    year: int                     # the front page's year
    years: list[int]              # every year with campaigns (or just ``year``)
    today: date
    #: registry files with an error: their campaigns get no documents
    broken_files: set[str] = field(default_factory=set)
    campaign_files: dict[str, str] = field(default_factory=dict)
    env: ImmutableSandboxedEnvironment | None = None
    _marks: dict[tuple[date, date], list[tuple[str | None, Mark]]] = field(default_factory=dict)
    _marks_tables: dict[tuple[Mark, ...], Markup] = field(default_factory=dict)
    _calendars: dict[int, list[Entry]] = field(default_factory=dict)
    #: the drawings' month grid and anniversary band, shared by thousands of unit pages
    svg_parts: dict[object, list[str]] = field(default_factory=dict)
    _outcomes: Outcomes | None = None

    @property
    def outcomes(self) -> Outcomes:
        """Results and scorings, computed once (before the workers fork, who share them)."""
        if self._outcomes is None:
            seen: dict[str, Campaign] = {}
            for entry in self.registry.campaigns:
                seen.setdefault(entry.model.id, entry.model)
            errors = [p for p in self.problems if p.severity is Severity.ERROR]
            self._outcomes = Outcomes.of(self.registry, seen.values(), self.today, errors)
        return self._outcomes

    @classmethod
    def of(cls, registry: Registry, problems: list[Problem], year: int | None,
           today: date, index: RegistryIndex | None = None) -> SiteData:
        years = sorted({e.model.year for e in registry.campaigns})
        chosen = year if year is not None else (years[-1] if years else today.year)
        if chosen not in years:
            years = sorted({*years, chosen})
        broken = {p.file for p in problems if p.severity is Severity.ERROR}
        index = index if index is not None else RegistryIndex.of(registry)
        data = cls(registry, UnitTree.of(index), problems, chosen, years, today, broken)
        data.campaign_files = {e.model.id: e.loc.file for e in registry.campaigns}
        return data

    def marks(self, start: date, end: date) -> list[tuple[str | None, Mark]]:
        key = (start, end)
        if key not in self._marks:
            self._marks[key] = glance_mod.marks_in(self.registry, start, end)
        return self._marks[key]

    def marks_table(self, marks: tuple[Mark, ...]) -> Markup:
        """The table of a drawing's anniversaries: most pages share the same list."""
        if marks not in self._marks_tables:
            assert self.env is not None
            rows = [{"date": short_date(m.day), "date_iso": m.day.isoformat(), "title": m.title,
                     "anniversary": m.anniversary, "ordinal": m.ordinal,
                     "round": ROUND_LABELS.get(m.round or "", ""), "round_kind": m.round or ""}
                    for m in marks]
            self._marks_tables[marks] = Markup(
                self.env.get_template("_marks.html.j2").render({"marks": rows}))
        return self._marks_tables[marks]

    def calendar(self, year: int) -> list[Entry]:
        """The year's calendar as the site shows it (page and ICS): every anniversary of the
        units drawn on the year's front page, and those campaigns' launches and phases."""
        if year not in self._calendars:
            start, end = date(year, 1, 1), date(year, 12, 31)
            campaigns = glance_mod.pick(
                [e.model for e in self.registry.campaigns if e.model.year == year], self.tree)
            units = {u for c in campaigns if (u := self.tree.issuer_unit(c.issuer)) is not None}
            found: list[Entry] = []
            for item in self.registry.anniversaries:
                if item.owner is None or item.owner in units:
                    found.extend(registry_calendar.anniversary_entries(item.model, start, end))
            issuers = {c.issuer: self.tree.issuer_name(c.issuer) for c in campaigns}
            for campaign in campaigns:
                found.extend(e for e in registry_calendar.campaign_entries(campaign, issuers)
                             if start <= e.date <= end)
            self._calendars[year] = sorted(found, key=lambda e: e.sort_key)
        return self._calendars[year]

    def campaign_ok(self, campaign: Campaign) -> bool:
        """Whether the campaign's own file is free of errors (documents only then)."""
        return self.campaign_files.get(campaign.id) not in self.broken_files

    def base(self, root: str, title: str, section: str) -> dict[str, Any]:
        """What the frame of every page needs."""
        errors = sum(1 for p in self.problems if p.severity is Severity.ERROR)
        return {
            "root": root, "title": title, "section": section, "year": self.year,
            "problems": len(self.problems), "errors": errors,
            "generated": short_date(self.today),
        }


def link(kind: str, item_id: str, root: str) -> str:
    return f"{root}{kind}/{item_id}.html"


def unit_ref(data: SiteData, unit_id: str, root: str) -> dict[str, Any]:
    """A unit or cluster named on a page: its name, and a link when it exists."""
    if unit_id in data.tree.units:
        return {"id": unit_id, "name": data.tree.units[unit_id].display,
                "href": link("units", unit_id, root)}
    if unit_id in data.tree.clusters:
        return {"id": unit_id, "name": data.tree.clusters[unit_id].display,
                "href": link("clusters", unit_id, root)}
    return {"id": unit_id, "name": unit_id, "href": None}


def campaign_ref(data: SiteData, campaign: Campaign, root: str) -> dict[str, Any]:
    return {"id": campaign.id, "title": campaign.title, "year": campaign.year,
            "kind": glance_mod.KIND_LABELS.get(campaign.kind, campaign.kind),
            "href": link("campaigns", campaign.id, root),
            "issuer": unit_ref(data, campaign.issuer, root),
            "span": f"{short_date(campaign.start)} – {short_date(campaign.end)}"}


# --------------------------------------------------------------------------- drawings

def drawing(data: SiteData, g: Glance, title: str, root: str, table_id: str) -> dict[str, Any]:
    """A drawing with its text alternative: the same rows, bars, marks and events."""
    phases = []
    events = []
    for row in g.rows:
        for bar in row.bars:
            phases.append({"campaign": row.campaign, "issuer": row.issuer_name,
                           "href": link("campaigns", row.campaign, root), "kind": row.kind_label,
                           "number": bar.number, "label": bar.label, "theme": bar.theme or "",
                           "start": short_date(bar.start), "end": short_date(bar.end),
                           "start_iso": bar.start.isoformat(), "end_iso": bar.end.isoformat()})
        for event in row.events:
            events.append({"campaign": row.campaign, "kind": event.kind, "title": event.title,
                           "date": short_date(event.day), "date_iso": event.day.isoformat()})
    events.sort(key=lambda e: (e["date_iso"], e["title"]))
    return {"svg": svg.draw(g, title, root, table_id, data.svg_parts), "title": title, "table_id": table_id,
            "phases": phases, "marks_table": data.marks_table(g.marks), "events": events, "hidden": g.hidden,
            "today": short_date(g.today) if g.today else None}


def year_drawing(data: SiteData, year: int, root: str, within: set[str] | None = None,
                 title: str | None = None) -> dict[str, Any]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    if within is None:
        campaigns = [e.model for e in data.registry.campaigns if e.model.year == year]
    else:
        campaigns = [c for issuer in sorted(within)
                     for c in data.tree.campaigns_by_issuer.get(issuer, []) if c.year == year]
    g = glance_mod.glance(data.tree, campaigns, start, end, data.marks(start, end), data.today)
    found = drawing(data, g, title or f"Các phong trào thi đua năm {year}", root, "bang-hinh")
    found["legend"] = svg.legend(g)
    return found


# --------------------------------------------------------------------------- pages

def year_page(data: SiteData, year: int, root: str) -> dict[str, Any]:
    page = data.base(root, f"Năm {year} trong một trang", "year")
    campaigns = [e.model for e in data.registry.campaigns if e.model.year == year]
    page.update({
        "page_year": year,
        "drawing": year_drawing(data, year, root),
        "count": len(campaigns),
        "years": [{"year": y, "href": f"{root}years/{y}.html", "current": y == year}
                  for y in data.years],
        "calendar_href": f"{root}calendar/{year}.html",
    })
    return page


def campaign_page(data: SiteData, campaign: Campaign, view: DocumentView | None,
                  documents: list[dict[str, str]], root: str) -> dict[str, Any]:
    page = data.base(root, campaign.title, "campaigns")
    g = glance_mod.glance(data.tree, [campaign], campaign.start, campaign.end,
                          data.marks(campaign.start, campaign.end), data.today)
    phases = []
    viewed = {p.number: p for p in view.phases} if view is not None else {}
    for phase in campaign.phases:
        known = viewed.get(phase.number)
        phases.append({
            "number": phase.number, "name": phase.name or "", "theme": phase.theme or "",
            "start": short_date(phase.start), "end": short_date(phase.end),
            "length": phase.length, "days": phase.days, "goal": phase.goal or "",
            "celebrates": [c.short_phrase for c in known.celebrates] if known else
            sorted(phase.celebrates),
        })
    targets = [{"id": t.id, "text": t.text, "value": t.value, "sector_title": t.sector_title}
               for t in view.targets] if view is not None else [
        {"id": t.id, "text": t.text, "value": str(t.value), "sector_title": None}
        for t in campaign.targets]
    launch = campaign.launch
    doc = campaign.document
    page.update({
        "campaign": campaign_ref(data, campaign, root),
        "file": data.campaign_files.get(campaign.id, ""),
        "ok": data.campaign_ok(campaign),
        "length": (campaign.end - campaign.start).days + 1,
        "theme": campaign.theme or "", "spirit": campaign.spirit or "",
        "launch": {"date": short_date(launch.date), "speaker": launch.speaker or "",
                   "place": launch.place or ""} if launch else None,
        "document": {"number": doc.number or "", "date": short_date(doc.date) if doc.date else ""}
        if doc else None,
        "celebrates": [c.short_phrase for c in view.celebrates] if view is not None else [],
        "drawing": drawing(data, g, f"Thời gian biểu: {campaign.title}", root, "bang-thoi-gian"),
        "phases": phases,
        "targets": targets,
        "documents": documents,
        "results": results_of(data, campaign, {str(t["id"]): str(t["text"]) for t in targets}, root),
        "deadlines": deadlines_of(campaign),
        "calendar_href": f"{root}calendar/{campaign.year}.html"
        if campaign.year in data.years else None,
    })
    return page


def results_of(data: SiteData, campaign: Campaign, wording: dict[str, str],
               root: str) -> list[dict[str, Any]]:
    """The campaign's results, one table a period (the phases' progress, then the whole): the
    rows of ``thidua results`` — plan, achieved, share, verdict — with the roll-up's coverage
    and who has not reported. ``wording``: the targets' text as the documents print it."""
    periods = []
    for item in data.outcomes.periods(campaign.id, campaign):
        missing = set(item.missing)
        targets: list[dict[str, Any]] = []
        for row in item.rows:
            cells = {"achieved": row.achieved_text(), "share": row.share_text(),
                     "verdict": row.verdict_text(),
                     "kind": row.verdict.kind if row.verdict is not None else
                     ("chua" if row.figure is None else "")}
            if row.issuer_row:
                figure = row.figure
                # Who is missing for this target, when it is not the campaign's own list.
                gaps = [] if figure is None or set(figure.missing) == missing else \
                    [unit_ref(data, u, root) for u in figure.missing]
                targets.append(dict(cells, id=row.target.id,
                                    text=wording.get(row.target.id, row.target.text),
                                    value=str(row.target.value), units=[], gaps=gaps,
                                    coverage=figure.coverage_text() if figure is not None else ""))
            elif targets and targets[-1]["id"] == row.target.id:
                targets[-1]["units"].append(dict(cells, unit=unit_ref(data, row.unit, root)))
        own = next((r.result for r in data.outcomes.reports.get(campaign.issuer, [])
                    if r.campaign.id == campaign.id and r.result.phase == item.phase), None)
        periods.append({
            "phase": item.phase, "period": period(item.phase),
            "as_of": short_date(own.as_of) if own is not None else "",
            "expected": numbers.count(len(item.expected)) if item.expected else "",
            "reported": numbers.count(len(item.reported)),
            "missing": [unit_ref(data, u, root) for u in item.missing] if item.expected else [],
            "targets": targets,
            "id": f"ket-qua-{'tong-ket' if item.phase is None else f'dot-{item.phase}'}",
        })
    return periods


def deadlines_of(campaign: Campaign) -> list[dict[str, str]]:
    """The campaign's reporting deadlines (hạn báo cáo), in its order."""
    return [{"period": period(entry.phase), "due": short_date(entry.due),
             "due_iso": entry.due.isoformat()} for entry in campaign.reporting]


_KIND_WORDS = (("vuot", "vượt"), ("dat", "đạt"), ("khong-dat", "không đạt"))


def summary(kinds: tuple[str | None, ...], progress: bool) -> str:
    """A report's verdicts in one line: ``đạt và vượt 2/3 chỉ tiêu (vượt 1, đạt 1, không đạt 1)``;
    a phase report is progress, only counted."""
    if not kinds:
        return "phong trào không đặt chỉ tiêu"
    total = numbers.count(len(kinds))
    if progress:
        known = sum(1 for kind in kinds if kind is not None)
        return f"tiến độ: có số liệu {numbers.count(known)}/{total} chỉ tiêu"
    met = sum(1 for kind in kinds if kind in ("dat", "vuot"))
    parts = [f"{word} {numbers.count(n)}" for kind, word in _KIND_WORDS
             if (n := kinds.count(kind))]
    unknown = kinds.count(None)
    if unknown:
        parts.append(f"chưa đánh giá được {numbers.count(unknown)}")
    return f"đạt và vượt {numbers.count(met)}/{total} chỉ tiêu ({', '.join(parts)})"


def unit_results(data: SiteData, unit_id: str, root: str) -> list[dict[str, Any]]:
    """The reports a unit sent, by year (newest first), each with its verdicts summed up."""
    by_year: dict[int, list[dict[str, Any]]] = {}
    for reported in data.outcomes.reports.get(unit_id, []):
        campaign, result = reported.campaign, reported.result
        anchor = f"ket-qua-{'tong-ket' if result.phase is None else f'dot-{result.phase}'}"
        by_year.setdefault(campaign.year, []).append({
            "campaign": campaign_ref(data, campaign, root), "period": period(result.phase),
            "href": f"{link('campaigns', campaign.id, root)}#{anchor}",
            "as_of": short_date(result.as_of), "pooled": "",
            "summary": summary(reported.kinds, result.phase is not None)})
    # The campaigns it issued without a report of its own: their figures pooled from below.
    own = {(r.campaign.id, r.result.phase) for r in data.outcomes.reports.get(unit_id, [])}
    for campaign in data.tree.campaigns_by_issuer.get(unit_id, []):
        for item in data.outcomes.periods(campaign.id, campaign):
            if (campaign.id, item.phase) in own:
                continue
            kinds = tuple(None if row.verdict is None else row.verdict.kind
                          for row in item.rows if row.issuer_row)
            anchor = f"ket-qua-{'tong-ket' if item.phase is None else f'dot-{item.phase}'}"
            by_year.setdefault(campaign.year, []).append({
                "campaign": campaign_ref(data, campaign, root), "period": period(item.phase),
                "href": f"{link('campaigns', campaign.id, root)}#{anchor}", "as_of": "",
                "pooled": f"đã báo cáo {numbers.count(len(item.reported))}/"
                          f"{numbers.count(len(item.expected))} đơn vị" if item.expected else "",
                "summary": summary(kinds, item.phase is not None)})
    return [{"year": y, "list": by_year[y]} for y in sorted(by_year, reverse=True)]


def unit_owed(data: SiteData, unit_id: str, root: str) -> list[dict[str, Any]]:
    return [{"campaign": campaign_ref(data, o.campaign, root), "period": period(o.phase),
             "due": short_date(o.due)} for o in data.outcomes.owed.get(unit_id, [])]


def scorings_of(data: SiteData, scorer: str, root: str) -> list[dict[str, Any]]:
    """The rankings a cluster (or unit) made, newest year first, as ``thidua scores`` prints
    them: rank, unit, each group, bonus, deductions, total, class, votes; ties as the scoring
    module parts them; and the awards proposed."""
    from thidua_cli.scoring import views

    found = []
    for scored in data.outcomes.scorings.get(scorer, []):
        sheet = scored.sheet
        if sheet is None:
            found.append({"year": scored.year, "file": scored.file, "blocked": True})
            continue
        head = views.headers(sheet, "vi")
        rows = []
        for total, cells in zip(sheet.ranking.units, views.cells(sheet, "vi"), strict=True):
            rows.append({"unit": unit_ref(data, total.unit, root), "rank": cells[0],
                         "name": cells[1], "cells": cells[2:]})
        found.append({
            "year": scored.year, "file": scored.file, "blocked": False,
            "title": views.title(sheet, "vi"), "head": head, "rows": rows,
            "tie": views.tie_note(sheet, "vi"),
            "campaign": campaign_ref(data, sheet.campaign, root) if sheet.campaign else None,
            "proposals": [{"unit": unit_ref(data, p.unit, root), "award": p.award}
                          for p in sheet.scoring.proposals],
        })
    return found


def ranked_in(data: SiteData, unit_id: str, root: str) -> list[dict[str, Any]]:
    """Where a unit stands in the scorings of it: ``hạng 1/5, 100 điểm, Xuất sắc``."""
    from thidua_cli.scoring.sheet import points

    found = []
    for scored in data.outcomes.scored_in.get(unit_id, []):
        assert scored.sheet is not None
        units = scored.sheet.ranking.units
        total = next(t for t in units if t.unit == unit_id)
        found.append({"year": scored.year, "by": unit_ref(data, scored.by, root),
                      "rank": total.rank, "of": numbers.count(len(units)),
                      "total": points(total.total), "klass": total.klass or ""})
    return found


def _dissolved(unit: Unit) -> str:
    return short_date(unit.dissolved) if unit.dissolved is not None else ""


def _level(unit: Unit) -> str:
    return LEVEL_LABELS.get(unit.level, unit.level)


def unit_page(data: SiteData, unit: Unit, root: str) -> dict[str, Any]:
    tree = data.tree
    page = data.base(root, unit.name, "units")
    children = tree.children.get(unit.id, [])
    own = tree.campaigns_by_issuer.get(unit.id, [])
    by_year: dict[int, list[dict[str, Any]]] = {}
    for campaign in own:
        by_year.setdefault(campaign.year, []).append(campaign_ref(data, campaign, root))
    within = {unit.id, *children, *tree.organizes.get(unit.id, [])}
    has_year = any(c.year == data.year for issuer in within
                   for c in tree.campaigns_by_issuer.get(issuer, []))
    local = []
    for anniversary in unit.anniversaries:
        when = (short_date(anniversary.date) if anniversary.date is not None
                else f"{anniversary.lunar} âm lịch")
        local.append({"name": anniversary.name, "date": when})
    page.update({
        "unit": {"id": unit.id, "name": unit.name, "short": unit.short or "",
                 "level": _level(unit), "place": unit.place or "",
                 "dissolved": _dissolved(unit)},
        "ancestors": [unit_ref(data, a, root) for a in tree.ancestors(unit.id)],
        "children": [dict(unit_ref(data, c, root), level=_level(tree.units[c])) for c in children],
        "member_of": [dict(unit_ref(data, c, root),
                           leader=tree.clusters[c].leader == unit.id)
                      for c in tree.member_of.get(unit.id, [])],
        "organizes": [unit_ref(data, c, root) for c in tree.organizes.get(unit.id, [])],
        "campaigns": [{"year": y, "list": by_year[y]} for y in sorted(by_year, reverse=True)],
        "anniversaries": local,
        "results": unit_results(data, unit.id, root),
        "owed": unit_owed(data, unit.id, root),
        "scorings": scorings_of(data, unit.id, root),
        "ranked": ranked_in(data, unit.id, root),
        "drawing": year_drawing(data, data.year, root, within,
                                f"Phong trào năm {data.year} của {unit.display} và các đơn vị trực thuộc")
        if has_year else None,
    })
    return page


def units_index(data: SiteData, root: str) -> dict[str, Any]:
    tree = data.tree
    page = data.base(root, "Các đơn vị", "units")

    # A flat list in the tree's order, indented by depth: no recursion, however deep a
    # broken registry's chain of parents runs.
    ordered = sorted(tree.units, key=lambda u: tree.order[u])
    page["units"] = [{"name": unit.display, "href": link("units", unit.id, root),
                      "level": _level(unit), "depth": min(tree.depth[unit.id], 8),
                      "dissolved": _dissolved(unit)}
                     for unit in (tree.units[u] for u in ordered)]
    page["count"] = len(tree.units)
    return page


def cluster_page(data: SiteData, cluster: Cluster, root: str) -> dict[str, Any]:
    page = data.base(root, cluster.name, "clusters")
    campaigns = data.tree.campaigns_by_issuer.get(cluster.id, [])
    page.update({
        "cluster": {"id": cluster.id, "name": cluster.name, "place": cluster.place or ""},
        "organizer": unit_ref(data, cluster.organizer, root),
        "leader": unit_ref(data, cluster.leader, root),
        "members": [dict(unit_ref(data, m, root), leader=m == cluster.leader)
                    for m in cluster.members],
        "campaigns": [campaign_ref(data, c, root)
                      for c in sorted(campaigns, key=lambda c: (-c.year, c.id))],
        "leader_title": leader_title(cluster),
        "scorings": scorings_of(data, cluster.id, root),
    })
    return page


def clusters_index(data: SiteData, root: str) -> dict[str, Any]:
    page = data.base(root, "Các cụm, khối thi đua", "clusters")
    page["clusters"] = [dict(unit_ref(data, c.id, root), organizer=unit_ref(data, c.organizer, root),
                             members=len(c.members))
                        for c in data.tree.clusters.values()]
    return page


def campaigns_index(data: SiteData, root: str) -> dict[str, Any]:
    page = data.base(root, "Các phong trào thi đua", "campaigns")
    by_year: dict[int, list[Campaign]] = {}
    for entry in data.registry.campaigns:
        by_year.setdefault(entry.model.year, []).append(entry.model)
    page["years"] = [{"year": y, "list": [campaign_ref(data, c, root) for c in sorted(
        by_year[y], key=lambda c: (data.tree.place_key(c.issuer), c.id))]}
        for y in sorted(by_year, reverse=True)]
    return page


def calendar_page(data: SiteData, year: int, root: str) -> dict[str, Any]:
    from calendar import Calendar

    page = data.base(root, f"Lịch thi đua năm {year}", "calendar")
    found = data.calendar(year)
    by_day: dict[date, list[Any]] = {}
    for entry in found:
        by_day.setdefault(entry.date, []).append(entry)
    months = []
    for month in range(1, 13):
        weeks = []
        for week in Calendar(firstweekday=0).monthdatescalendar(year, month):
            cells = []
            for day in week:
                here = by_day.get(day, []) if day.month == month else []
                rounds = {e.round for e in here if e.round}
                cells.append({"day": day.day if day.month == month else 0,
                              "count": len(here), "today": day == data.today,
                              "round": "major" if "major" in rounds else
                              ("minor" if "minor" in rounds else ""),
                              "label": f"{day_month(day)}: {len(here)} mục" if here else ""})
            weeks.append(cells)
        entries = [{"date": day_month(e.date), "date_iso": e.date.isoformat(), "kind": e.kind,
                    "title": e.title, "round": ROUND_LABELS.get(e.round or "", ""),
                    "round_kind": e.round or ""}
                   for e in found if e.date.month == month]
        months.append({"number": month, "weeks": weeks, "entries": entries})
    page.update({"page_year": year, "months": months, "weekdays": WEEKDAYS,
                 "ics": f"{year}.ics", "count": len(found),
                 "hidden": _hidden(data, year)})
    return page


def _hidden(data: SiteData, year: int) -> int:
    campaigns = [e.model for e in data.registry.campaigns if e.model.year == year]
    return len(campaigns) - len(glance_mod.pick(campaigns, data.tree))


def problems_page(data: SiteData, root: str) -> dict[str, Any]:
    page = data.base(root, "Các vấn đề của sổ đăng ký", "problems")
    page["items"] = [{"file": p.file, "line": p.line, "column": p.column, "rule": p.rule,
                      "severity": "lỗi" if p.severity is Severity.ERROR else "cảnh báo",
                      "severity_kind": p.severity.value, "message": p.text("vi")}
                     for p in data.problems]
    page["warnings"] = sum(1 for p in data.problems if p.severity is Severity.WARNING)
    return page
