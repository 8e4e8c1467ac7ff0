"""What a document template sees: plain data built from a validated registry.

Templates get dictionaries of strings, numbers and lists, never the Pydantic models or the
registry: a template (possibly a user's override, treated as code from elsewhere) can only
read what is put here. Every date is already worded the Vietnamese way and every
anniversary number is computed here (from :mod:`thidua_cli.occurrences`), never typed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel

from thidua_cli.models import Anniversary, Campaign, Cluster, Unit
from thidua_cli.occurrences import occurrences
from thidua_cli.registry.data import Entry, Registry
from thidua_cli.registry.index import RegistryIndex
from thidua_cli.vn import dates as vn_dates
from thidua_cli.vn.phrases import anniversary_phrase, unit_abbreviation, upper_vi

M = TypeVar("M", bound=BaseModel)

SECTOR_TITLES = {
    "doanh-nghiep": "Khối doanh nghiệp",
    "hanh-chinh-su-nghiep": "Khối hành chính sự nghiệp",
    "truong-hoc": "Khối trường học",
    "khac": "Các đơn vị khác",
}

#: Who signs, by the issuer's level (domain brief, "Document layout").
ON_BEHALF = {
    "tong-lien-doan": "TM. ĐOÀN CHỦ TỊCH",
    "co-so": "TM. BAN CHẤP HÀNH",
    "bo-phan": "TM. BAN CHẤP HÀNH",
}
ON_BEHALF_DEFAULT = "TM. BAN THƯỜNG VỤ"

#: The governing body that speaks in a kickoff call, by level.
BODY = {
    "tong-lien-doan": "Đoàn Chủ tịch",
    "co-so": "Ban Chấp hành",
    "bo-phan": "Ban Chấp hành",
}
BODY_DEFAULT = "Ban Thường vụ"


class ContextError(ValueError):
    """The registry lacks something the document needs (a bug if the registry validated)."""


class _Models(Mapping[str, M]):
    """The models of an index's entries by id, read through (no copy)."""

    def __init__(self, entries: dict[str, Entry[M]]) -> None:
        self._entries = entries

    def __getitem__(self, key: str) -> M:
        return self._entries[key].model

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


class Lookup:
    """Units, clusters and anniversaries by id, for the context builders: a view of the
    registry's one index, so that building a document's context costs no pass over the
    registry."""

    def __init__(self, index: RegistryIndex) -> None:
        self.index = index
        self.units: Mapping[str, Unit] = _Models(index.units)
        self.clusters: Mapping[str, Cluster] = _Models(index.clusters)
        self.anniversaries: Mapping[str, Anniversary] = _Models(index.anniversaries)

    @classmethod
    def of(cls, registry: Registry) -> Lookup:
        return cls(RegistryIndex.of(registry))

    def place(self, unit: Unit | None) -> str | None:
        """A unit's place, inherited from its nearest ancestor that has one."""
        seen: set[str] = set()
        while unit is not None and unit.id not in seen:
            if unit.place:
                return unit.place
            seen.add(unit.id)
            unit = self.units.get(unit.parent) if unit.parent else None
        return None


def unit_info(unit: Unit, lookup: Lookup) -> dict[str, Any]:
    return {
        "id": unit.id,
        "name": unit.name,
        "short": unit.display,
        "upper": upper_vi(unit.name),
        "short_upper": upper_vi(unit.display),
        "abbr": unit_abbreviation(unit.name, unit.short, unit.level),
        "level": unit.level,
        "place": lookup.place(unit),
        "on_behalf": ON_BEHALF.get(unit.level, ON_BEHALF_DEFAULT),
        "body": BODY.get(unit.level, BODY_DEFAULT),
        "is_cluster": False,
    }


def cluster_info(cluster: Cluster, lookup: Lookup) -> dict[str, Any]:
    leader = lookup.units[cluster.leader]
    organizer = lookup.units[cluster.organizer]
    members = [unit_info(lookup.units[m], lookup) for m in cluster.members]
    for member in members:
        member["is_leader"] = member["id"] == cluster.leader
    return {
        "id": cluster.id,
        "name": cluster.name,
        "short": cluster.display,
        "upper": upper_vi(cluster.name),
        "short_upper": upper_vi(cluster.display),
        "abbr": unit_abbreviation(organizer.name, organizer.short, organizer.level),
        "level": None,
        "place": cluster.place or lookup.place(leader),
        "on_behalf": None,
        "body": "các đơn vị thành viên " + cluster.display,
        "is_cluster": True,
        "leader": unit_info(leader, lookup),
        "organizer": unit_info(organizer, lookup),
        "members": members,
    }


def celebration(anniversary: Anniversary, start: date, end: date, year: int) -> dict[str, Any]:
    """One anniversary a campaign or a phase salutes, with its ordinal computed."""
    found = occurrences(anniversary, start, end)
    if not found:
        # Saluted from outside its window (a phase may salute a day just after it ends):
        # the occurrence of the campaign's year.
        found = occurrences(anniversary, date(year, 1, 1), date(year, 12, 31))
    occurrence = found[0] if found else None
    on = occurrence.date if occurrence else None
    ordinal = occurrence.ordinal if occurrence else None
    if ordinal is not None and ordinal < 1:
        ordinal = None
    lunar = anniversary.lunar_day_month
    return {
        "id": anniversary.id,
        "name": anniversary.name,
        "ordinal": ordinal,
        "round": occurrence.round if occurrence else None,
        "date": vn_dates.short_date(on) if on else None,
        "day_month": vn_dates.day_month(on) if on else None,
        "sort": on or date(year, 12, 31),
        # "kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2020)"
        "phrase": anniversary_phrase(anniversary.name, ordinal, anniversary.date, on, lunar=lunar),
        # "kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam (28/7)"
        "short_phrase": anniversary_phrase(anniversary.name, ordinal, anniversary.date, on,
                                           lunar=lunar, brackets=False),
    }


def _celebrations(ids: dict[str, int | None], start: date, end: date, year: int,
                  lookup: Lookup) -> list[dict[str, Any]]:
    found = []
    for anniversary_id in ids:
        anniversary = lookup.anniversaries.get(anniversary_id)
        if anniversary is None:
            raise ContextError(f"unknown anniversary {anniversary_id!r}")
        found.append(celebration(anniversary, start, end, year))
    return sorted(found, key=lambda c: c["sort"])


def _target(target: Any) -> dict[str, Any]:
    value = target.value
    if value.kind == "exact" and value.low == 0 and not value.percent:
        worded = "không có"      # "không có CĐCS xếp loại yếu", not "0 CĐCS …"
    else:
        worded = value.canonical()
    return {
        "id": target.id,
        "text": target.text,
        "value": worded,
        "unit": "%" if value.percent else "số lượng",
        "sentence": f"{worded} {target.text}",
        "sector": target.sector,
        "sector_title": SECTOR_TITLES.get(target.sector, "") if target.sector else None,
    }


def _superior_plan(campaign: Campaign, issuer: Unit | None, lookup: Lookup) -> dict[str, Any] | None:
    """The superior's campaign of the same year this one implements, if the registry has it."""
    if issuer is None or issuer.parent is None:
        return None
    for entry in lookup.index.campaigns_by_issuer_year.get((issuer.parent, campaign.year), ()):
        other = entry.model
        if other.kind != "giao-uoc":
            doc = other.document
            return {
                "title": other.title,
                "number": doc.number if doc and doc.number else None,
                "date": vn_dates.admin_date(doc.date) if doc and doc.date else None,
            }
    return None


def build_context(registry: Registry, campaign: Campaign,
                  index: RegistryIndex | None = None) -> dict[str, Any]:
    """Everything the templates of ``campaign`` may use, as plain data. ``index`` is the
    registry's index, built once for a whole batch of documents (else built here)."""
    lookup = Lookup(index if index is not None else RegistryIndex.of(registry))
    issuer_unit = lookup.units.get(campaign.issuer)
    cluster = lookup.clusters.get(campaign.issuer)
    if issuer_unit is not None:
        issuer = unit_info(issuer_unit, lookup)
        superior_unit = lookup.units.get(issuer_unit.parent) if issuer_unit.parent else None
    elif cluster is not None:
        issuer = cluster_info(cluster, lookup)
        superior_unit = lookup.units[cluster.organizer]
    else:
        raise ContextError(f"unknown issuer {campaign.issuer!r}")
    superior = unit_info(superior_unit, lookup) if superior_unit else None

    year = campaign.year
    celebrates = _celebrations(campaign.celebrates, campaign.start, campaign.end, year, lookup)
    phases = []
    for phase in campaign.phases:
        phases.append({
            "number": phase.number,
            "name": phase.name,
            "start": vn_dates.short_date(phase.start),
            "end": vn_dates.short_date(phase.end),
            "length": phase.length,
            "days": phase.days,
            "theme": phase.theme,
            "goal": phase.goal,
            "celebrates": _celebrations(phase.celebrates, phase.start, phase.end, year, lookup),
            "events": [{"name": e.name, "date": vn_dates.short_date(e.date)} for e in phase.events],
        })
    # The year's anniversaries the plan names in its preamble: the campaign's and its phases'.
    seen: dict[str, dict[str, Any]] = {c["id"]: c for c in celebrates}
    for phase_ctx in phases:
        for c in phase_ctx["celebrates"]:
            seen.setdefault(c["id"], c)
    anniversaries = sorted(seen.values(), key=lambda c: c["sort"])

    tasks = [{
        "sector": task.sector,
        "sector_title": SECTOR_TITLES.get(task.sector) if task.sector else None,
        "movements": list(task.movements),
        "entries": list(task.items),   # not "items": that is a dict method in Jinja
    } for task in campaign.tasks]
    targets = [_target(t) for t in campaign.targets]

    document = campaign.document
    launch = campaign.launch
    return {
        "year": year,
        "campaign": {
            "id": campaign.id,
            "kind": campaign.kind,
            "title": campaign.title,
            "theme": campaign.theme,
            "spirit": campaign.spirit,
            "start": vn_dates.short_date(campaign.start),
            "end": vn_dates.short_date(campaign.end),
            "basis": list(campaign.basis),
            "context": list(campaign.context),
            "aims": list(campaign.aims),
            "awards": list(campaign.awards),
            "implementation": list(campaign.implementation),
            # Hạn báo cáo: sơ kết of each phase first, then tổng kết (no phase).
            "reporting": [{"phase": r.phase, "due": vn_dates.short_date(r.due)}
                          for r in sorted(campaign.reporting,
                                          key=lambda r: (r.phase is None, r.phase or 0))],
        },
        "issuer": issuer,
        "superior": superior,
        "superior_plan": _superior_plan(campaign, issuer_unit, lookup),
        "cluster": issuer if cluster is not None and issuer_unit is None else None,
        "launch": {
            "date": vn_dates.short_date(launch.date),
            "admin_date": vn_dates.admin_date(launch.date),
            "speaker": launch.speaker,
            "place": launch.place,
        } if launch else None,
        "document": {
            "number": document.number,
            "date": vn_dates.admin_date(document.date) if document.date else None,
        } if document else None,
        "celebrates": celebrates,
        "anniversaries": anniversaries,
        # What a kickoff call names as its occasion ("Nhân dịp kỷ niệm …"): what the whole
        # campaign salutes, else the year's round anniversaries, else all of them.
        "occasion": celebrates or [a for a in anniversaries if a["round"]] or anniversaries,
        "events": [{"name": e.name, "date": vn_dates.short_date(e.date)} for e in campaign.events],
        "phases": phases,
        "tasks": tasks,
        "sectors": [t for t in tasks if t["sector"]],
        "general_tasks": [t for t in tasks if not t["sector"]],
        "targets": targets,
    }
