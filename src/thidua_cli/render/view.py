"""View models: what a document template sees, as typed, frozen dataclasses.

Templates (possibly a user's override, treated as code from elsewhere) get these views, never
the Pydantic models or the registry: they can read only what is put here. Every date is already
worded the Vietnamese way, every ordinal, count and share is computed here, never typed; every
registry text has one typography (curly quotes). The *facts* live here (the campaign's kind, the
issuer's level and sector, which anniversaries lie ahead of the date of issue); the *words* a
kind or a level calls for live in the templates (``templates/words.j2``), so that a union can
reword them with ``--templates``.

The views are plain data with no I/O: the static web view (``thidua site``) and the later
documents (reports, scores, minutes) reuse them. Build them with :func:`document_view`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from thidua_cli.models import Anniversary, Campaign, CampaignBasis, Cluster, Unit
from thidua_cli.occurrences import celebrated
from thidua_cli.registry.data import Registry
from thidua_cli.registry.index import RegistryIndex
from thidua_cli.vn import dates as vn_dates
from thidua_cli.vn.phrases import anniversary_phrase, unit_abbreviation, upper_vi

#: A call issued this many days (or fewer) before an anniversary is issued "nhân dịp" it;
#: one issued earlier looks ahead to it ("hướng tới"); one issued after it does not name it.
AT_ANNIVERSARY_DAYS = 10

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

#: The governing body that speaks for a unit, by level.
BODY = {
    "tong-lien-doan": "Đoàn Chủ tịch",
    "co-so": "Ban Chấp hành",
    "bo-phan": "Ban Chấp hành",
}
BODY_DEFAULT = "Ban Thường vụ"


class ContextError(ValueError):
    """The registry lacks something the document needs (a bug if the registry validated)."""


# --------------------------------------------------------------------------- typography

_STRAIGHT_PAIR = re.compile(r'"([^"\n]*)"')


def typographic(text: str) -> str:
    """One typography for registry text: straight double quotes become “…” (pairs only; a
    lone quote is left as typed)."""
    return _STRAIGHT_PAIR.sub(r"“\1”", text)


def _in_sentence(name: str) -> str:
    """An anniversary's name inside a sentence: "Ngày thành lập …" → "ngày thành lập …"
    (the day is a common noun; what follows keeps its capitals)."""
    return "ngày" + name[4:] if name.startswith("Ngày ") else name


# --------------------------------------------------------------------------- units


@dataclass(frozen=True)
class UnitView:
    id: str
    name: str                # "Liên đoàn Lao động quận Ba Đình"
    short: str               # "LĐLĐ quận Ba Đình" (the name when there is no short form)
    upper: str               # the name in capitals, for the header
    short_upper: str
    abbr: str                # "LĐLĐ": the symbol in "Số: 01/KH-LĐLĐ" and "Lưu: VT, LĐLĐ"
    level: str | None        # None for a cluster
    sector: str | None       # a CĐCS's sector (truong-hoc, doanh-nghiep …)
    place: str | None        # the date line's place, inherited from the nearest ancestor
    on_behalf: str | None    # "TM. BAN THƯỜNG VỤ"; None for a cluster
    body: str                # "Ban Thường vụ", "Ban Chấp hành", "Đoàn Chủ tịch"
    is_cluster: bool = False
    is_leader: bool = False  # in a cluster's member list: the cụm/khối trưởng

    @property
    def grassroots(self) -> bool:
        """A công đoàn cơ sở (or below): it has tổ công đoàn under it, not "các cấp"."""
        return self.level in ("co-so", "bo-phan")


@dataclass(frozen=True)
class ClusterView(UnitView):
    kind: str = "cum"                        # "cum" or "khoi"
    leader: UnitView | None = None
    organizer: UnitView | None = None
    members: tuple[UnitView, ...] = ()


@dataclass(frozen=True)
class Index:
    """The lookups a view needs, built once per registry (not per document)."""

    units: dict[str, Unit]
    clusters: dict[str, Cluster]
    anniversaries: dict[str, Anniversary]
    campaigns: dict[str, Campaign]

    @classmethod
    def of(cls, source: Registry | RegistryIndex) -> Index:
        """The models of the run's one :class:`RegistryIndex` (built here from a registry
        only when none is at hand): the same first-wins lookups validate checked."""
        index = source if isinstance(source, RegistryIndex) else RegistryIndex.of(source)
        # Never a partial entry (its cut parts hold stand-ins): a document that needs one is
        # refused for its errors, and one that only looks it up (a place inherited, a plan
        # cited) shows a blank rather than a value the registry does not give.
        return cls(
            units={key: e.model for key, e in index.units.items() if not e.cut},
            clusters={key: e.model for key, e in index.clusters.items() if not e.cut},
            anniversaries={key: e.model for key, e in index.anniversaries.items() if not e.cut},
            campaigns={key: e.model for key, e in index.campaigns.items() if not e.cut},
        )

    def place(self, unit: Unit | None) -> str | None:
        """A unit's place, inherited from its nearest ancestor that has one."""
        seen: set[str] = set()
        while unit is not None and unit.id not in seen:
            if unit.place:
                return unit.place
            seen.add(unit.id)
            unit = self.units.get(unit.parent) if unit.parent else None
        return None


def unit_view(unit: Unit, index: Index, is_leader: bool = False) -> UnitView:
    return UnitView(
        id=unit.id, name=unit.name, short=unit.display, upper=upper_vi(unit.name),
        short_upper=upper_vi(unit.display),
        abbr=unit_abbreviation(unit.name, unit.short, unit.level), level=unit.level,
        sector=unit.sector, place=index.place(unit),
        on_behalf=ON_BEHALF.get(unit.level, ON_BEHALF_DEFAULT),
        body=BODY.get(unit.level, BODY_DEFAULT), is_leader=is_leader)


def cluster_view(cluster: Cluster, index: Index) -> ClusterView:
    leader = unit_view(index.units[cluster.leader], index, is_leader=True)
    organizer = unit_view(index.units[cluster.organizer], index)
    members = tuple(unit_view(index.units[m], index, is_leader=m == cluster.leader)
                    for m in cluster.members)
    return ClusterView(
        id=cluster.id, name=cluster.name, short=cluster.display, upper=upper_vi(cluster.name),
        short_upper=upper_vi(cluster.display),
        # A covenant is drafted and filed by the leader (cụm/khối trưởng): its symbol.
        abbr=leader.abbr, level=None, sector=None,
        place=cluster.place or leader.place, on_behalf=None,
        body="các đơn vị thành viên " + cluster.display, is_cluster=True,
        kind="khoi" if cluster.is_khoi else "cum", leader=leader, organizer=organizer,
        members=members)


# --------------------------------------------------------------------------- anniversaries


@dataclass(frozen=True)
class Celebration:
    """One anniversary a campaign or a phase salutes, with its ordinal computed."""

    id: str
    name: str                 # as a sentence writes it: "ngày thành lập Công đoàn Việt Nam"
    ordinal: int | None
    round: str | None         # "major" (…0), "minor" (…5) or None
    on: date | None           # the occurrence saluted
    date: str | None          # "28/7/2020"
    day_month: str | None     # "28/7"
    phrase: str               # "kỷ niệm 91 năm ngày thành lập … (28/7/1929 - 28/7/2020)"
    short_phrase: str         # "kỷ niệm 91 năm ngày thành lập … (28/7)"
    #: Relative to the document's date of issue: "at" (within AT_ANNIVERSARY_DAYS before it),
    #: "ahead" (later), "past" (before the date of issue), None when either date is unknown.
    timing: str | None = None


def celebration(anniversary: Anniversary, start: date, end: date,
                campaign: tuple[date, date] | None = None,
                issued: date | None = None) -> Celebration:
    """``campaign`` is the campaign's period when ``start``–``end`` is one of its phases.
    Which occurrence is saluted (so its ordinal) is :func:`occurrences.celebrated`'s
    answer, the one validate checks and new campaign writes."""
    occurrence = celebrated(anniversary, start, end, campaign)
    on = occurrence.date if occurrence else None
    ordinal = occurrence.ordinal if occurrence else None
    if ordinal is not None and ordinal < 1:
        ordinal = None
    lunar = anniversary.lunar_day_month
    name = _in_sentence(anniversary.name)
    timing = _timing(on, issued) if on is not None else None
    return Celebration(
        id=anniversary.id, name=name, ordinal=ordinal,
        round=occurrence.round if occurrence else None, on=on,
        date=vn_dates.short_date(on) if on else None,
        day_month=vn_dates.day_month(on) if on else None,
        phrase=anniversary_phrase(name, ordinal, anniversary.date, on, lunar=lunar),
        short_phrase=anniversary_phrase(name, ordinal, anniversary.date, on, lunar=lunar,
                                        brackets=False),
        timing=timing)


def _celebrations(ids: dict[str, int | None], start: date, end: date, year: int, index: Index,
                  issued: date | None,
                  campaign: tuple[date, date] | None = None) -> tuple[Celebration, ...]:
    found = []
    for anniversary_id in ids:
        anniversary = index.anniversaries.get(anniversary_id)
        if anniversary is None:
            raise ContextError(f"unknown anniversary {anniversary_id!r}")
        found.append(celebration(anniversary, start, end, campaign, issued))
    return tuple(sorted(found, key=lambda c: c.on or date(year, 12, 31)))


# --------------------------------------------------------------------------- the campaign


@dataclass(frozen=True)
class Event:
    """A dated event a campaign or phase salutes that is not an anniversary (a congress)."""

    name: str
    date: str
    timing: str | None = None   # as Celebration.timing: "at", "ahead", "past" or None


def _timing(on: date, issued: date | None) -> str | None:
    if issued is None:
        return None
    ahead = (on - issued).days
    return "past" if ahead < 0 else "at" if ahead <= AT_ANNIVERSARY_DAYS else "ahead"


def _event(event: object, issued: date | None) -> Event:
    on: date = event.date  # type: ignore[attr-defined]
    return Event(typographic(event.name), vn_dates.short_date(on),  # type: ignore[attr-defined]
                 _timing(on, issued))


@dataclass(frozen=True)
class PhaseView:
    number: int
    name: str | None
    start: str                # "01/01/2020"
    end: str
    length: int               # days, both ends counted
    days: int | None          # as the registry declares it
    theme: str | None
    goal: str | None
    celebrates: tuple[Celebration, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True)
class TaskView:
    sector: str | None
    sector_title: str | None  # "Khối doanh nghiệp"
    #: The movements the task names that none of its items already quotes (a movement line
    #: followed by an item naming the same movement reads twice).
    movements: tuple[str, ...]
    entries: tuple[str, ...]  # not "items": that is a dict method in Jinja


@dataclass(frozen=True)
class TargetView:
    id: str
    text: str
    value: str                # "trên 75%", "không có"
    unit: str                 # "%" or "số lượng"
    sentence: str             # "trên 75% CBCCVCLĐ đạt danh hiệu “Lao động tiên tiến”"
    sector: str | None
    sector_title: str | None


@dataclass(frozen=True)
class CitedPlan:
    """A campaign this one cites in ``basis``: what "Thực hiện Kế hoạch số …" prints. A part the
    registry lacks (the cited campaign has no document number) is None: a visible blank."""

    id: str
    number: str | None        # "05/KH-LĐLĐ"
    date: str | None          # "05/02/2020"
    issuer: str               # "Liên đoàn Lao động thành phố Hà Nội"
    title: str                # "Phát động phong trào thi đua năm 2020"


@dataclass(frozen=True)
class CampaignView:
    id: str
    kind: str                 # nam, nam-hoc, cao-diem, chuyen-de, giao-uoc
    year: int
    #: "2020 - 2021" for a school-year campaign (nam-hoc), else None
    school_year: str | None
    title: str
    theme: str | None
    spirit: str | None
    start: str
    end: str
    basis: tuple[str, ...]    # the text bases ("Căn cứ …"), in order
    cited: tuple[CitedPlan, ...]   # the campaigns it implements ("Thực hiện …"), in order
    context: tuple[str, ...]
    aims: tuple[str, ...]
    awards: tuple[str, ...]
    implementation: tuple[str, ...]
    #: hạn báo cáo: sơ kết of each phase first, then tổng kết (no phase)
    reporting: tuple[ReportDue, ...] = ()


@dataclass(frozen=True)
class ReportDue:
    phase: int | None         # None: the year-end review
    due: str                  # "15/12/2020"


@dataclass(frozen=True)
class LaunchView:
    date: str                 # "03/01/2020"
    admin_date: str           # "ngày 03 tháng 01 năm 2020"
    speaker: str | None
    place: str | None


@dataclass(frozen=True)
class DocumentView:
    """Everything the templates of one campaign may use."""

    year: int
    campaign: CampaignView
    issuer: UnitView          # a ClusterView for a covenant issued by a cluster
    superior: UnitView | None  # the issuer's parent; a cluster's organizer
    cluster: ClusterView | None
    launch: LaunchView | None
    number: str | None        # the registry's document number, as written
    issued: str | None        # "ngày 03 tháng 01 năm 2020": the date of issue when known
    celebrates: tuple[Celebration, ...]     # saluted by the whole campaign
    anniversaries: tuple[Celebration, ...]  # the campaign's and its phases', in date order
    #: What a kickoff call may name as its occasion: the anniversaries at or ahead of its date,
    #: in date order (all of them when its date is unknown); the template picks among them.
    occasion: tuple[Celebration, ...]
    events: tuple[Event, ...]
    phases: tuple[PhaseView, ...]
    tasks: tuple[TaskView, ...]
    sectors: tuple[TaskView, ...]           # the tasks of one sector
    general_tasks: tuple[TaskView, ...]     # the tasks for every sector
    targets: tuple[TargetView, ...]
    #: The registry's recipients (Nơi nhận) without the closing "Lưu" line, or () to let the
    #: template choose them; ``filed`` is that closing line, always "Lưu: VT, <drafting unit>".
    recipients: tuple[str, ...]
    filed: str
    #: A covenant's copies beyond the members' own: the recipients outside the cluster (the
    #: registry's, else the organizer). "lập thành N bản" = members + these.
    sent_outside: tuple[str, ...] = ()


def _target(target: object) -> TargetView:
    value = target.value  # type: ignore[attr-defined]
    if value.kind == "exact" and value.low == 0 and not value.percent:
        worded = "không có"      # "không có CĐCS xếp loại yếu", not "0 CĐCS …"
    else:
        worded = value.canonical()
    text = typographic(target.text)  # type: ignore[attr-defined]
    sector = target.sector  # type: ignore[attr-defined]
    return TargetView(id=target.id, text=text, value=worded,  # type: ignore[attr-defined]
                      unit="%" if value.percent else "số lượng", sentence=f"{worded} {text}",
                      sector=sector, sector_title=SECTOR_TITLES.get(sector) if sector else None)


def _task(task: object) -> TaskView:
    entries = tuple(typographic(i) for i in task.items)  # type: ignore[attr-defined]
    quoted = " ".join(entries)
    movements = tuple(m for m in map(typographic, task.movements)  # type: ignore[attr-defined]
                      if f"“{m}”" not in quoted)
    sector = task.sector  # type: ignore[attr-defined]
    return TaskView(sector=sector, sector_title=SECTOR_TITLES.get(sector) if sector else None,
                    movements=movements, entries=entries)


def _cited(campaign: Campaign, index: Index) -> tuple[CitedPlan, ...]:
    cited = []
    seen: set[str] = set()
    for basis in campaign.basis:
        if not isinstance(basis, CampaignBasis) or basis.campaign in seen:
            continue     # each cited plan once
        seen.add(basis.campaign)
        other = index.campaigns.get(basis.campaign)
        if other is None:
            raise ContextError(f"unknown cited campaign {basis.campaign!r}")
        issuer = index.units.get(other.issuer) or index.clusters.get(other.issuer)
        doc = other.document
        cited.append(CitedPlan(
            id=other.id, number=doc.number if doc and doc.number else None,
            date=vn_dates.short_date(doc.date) if doc and doc.date else None,
            issuer=issuer.name if issuer else other.issuer, title=typographic(other.title)))
    return tuple(cited)


def _occasion(anniversaries: tuple[Celebration, ...], known_date: bool) -> tuple[Celebration, ...]:
    if not known_date:
        return anniversaries
    return tuple(a for a in anniversaries if a.timing in ("at", "ahead"))


def _recipients(campaign: Campaign) -> tuple[tuple[str, ...], str | None]:
    doc = campaign.document
    if doc is None or not doc.recipients:
        return (), None
    lines = [r.rstrip(" ;.") for r in doc.recipients]
    kept = [r for r in lines if not r.startswith("Lưu")]
    filed = next((r for r in lines if r.startswith("Lưu")), None)
    return tuple(kept), filed


def _outside(recipients: tuple[str, ...], cluster: ClusterView | None,
             superior: UnitView | None) -> tuple[str, ...]:
    if cluster is None:
        return ()
    if not recipients:
        return (superior.short,) if superior else ()
    members = {m.name for m in cluster.members} | {m.short for m in cluster.members}
    return tuple(r for r in recipients
                 if not r.startswith(("Các đơn vị thành viên", "Đơn vị thành viên"))
                 and r.split(" (")[0] not in members)


_FILED = re.compile(r"Lưu\s*:?\s*(?:VT\s*,?\s*)?(?P<rest>.*)$")


def filed_line(registry_line: str | None, abbr: str) -> str:
    """The closing "Lưu: VT, <drafting unit>" of Nơi nhận, in the NĐ30 form whatever the
    registry typed ("Lưu VP" → "Lưu: VT, VP"); the issuer's symbol when the registry has none."""
    match = _FILED.match(registry_line or "")
    rest = match["rest"].strip() if match else ""
    return f"Lưu: VT, {rest or abbr}"


def document_view(registry: Registry | RegistryIndex | Index, campaign: Campaign,
                  dated: date | None = None) -> DocumentView:
    """The view of a document of ``campaign`` dated ``dated`` (None: not known; the clerk
    dates it by hand). Pass an :class:`Index` when making many."""
    index = registry if isinstance(registry, Index) else Index.of(registry)
    issuer_unit = index.units.get(campaign.issuer)
    cluster = index.clusters.get(campaign.issuer)
    issuer: UnitView
    if issuer_unit is not None:
        issuer = unit_view(issuer_unit, index)
        superior_unit = index.units.get(issuer_unit.parent) if issuer_unit.parent else None
    elif cluster is not None:
        issuer = cluster_view(cluster, index)
        superior_unit = index.units[cluster.organizer]
    else:
        raise ContextError(f"unknown issuer {campaign.issuer!r}")
    superior = unit_view(superior_unit, index) if superior_unit else None

    year = campaign.year
    issued = dated
    celebrates = _celebrations(campaign.celebrates, campaign.start, campaign.end, year, index,
                               issued)
    phases = tuple(PhaseView(
        number=p.number, name=p.name, start=vn_dates.short_date(p.start),
        end=vn_dates.short_date(p.end), length=p.length, days=p.days,
        theme=typographic(p.theme) if p.theme else None,
        goal=typographic(p.goal) if p.goal else None,
        celebrates=_celebrations(p.celebrates, p.start, p.end, year, index, issued,
                                 (campaign.start, campaign.end)),
        events=tuple(_event(e, issued) for e in p.events),
    ) for p in campaign.phases)
    # The anniversaries the preamble names: the campaign's and its phases', each once.
    seen: dict[str, Celebration] = {c.id: c for c in celebrates}
    for phase in phases:
        for c in phase.celebrates:
            seen.setdefault(c.id, c)
    anniversaries = tuple(sorted(seen.values(), key=lambda c: c.on or date(year, 12, 31)))

    tasks = tuple(_task(t) for t in campaign.tasks)
    recipients, filed = _recipients(campaign)
    launch = campaign.launch
    text = typographic
    return DocumentView(
        year=year,
        campaign=CampaignView(
            id=campaign.id, kind=campaign.kind, year=year,
            school_year=f"{year} - {year + 1}" if campaign.kind == "nam-hoc" else None,
            title=text(campaign.title), theme=text(campaign.theme) if campaign.theme else None,
            spirit=text(campaign.spirit) if campaign.spirit else None,
            start=vn_dates.short_date(campaign.start), end=vn_dates.short_date(campaign.end),
            basis=tuple(text(b) for b in campaign.basis if isinstance(b, str)),
            cited=_cited(campaign, index),
            context=tuple(map(text, campaign.context)), aims=tuple(map(text, campaign.aims)),
            awards=tuple(map(text, campaign.awards)),
            implementation=tuple(map(text, campaign.implementation)),
            reporting=tuple(ReportDue(r.phase, vn_dates.short_date(r.due)) for r in sorted(
                campaign.reporting, key=lambda r: (r.phase is None, r.phase or 0)))),
        issuer=issuer,
        superior=superior,
        cluster=issuer if isinstance(issuer, ClusterView) else None,
        launch=LaunchView(date=vn_dates.short_date(launch.date),
                          admin_date=vn_dates.admin_date(launch.date), speaker=launch.speaker,
                          place=launch.place) if launch else None,
        number=campaign.document.number if campaign.document else None,
        issued=vn_dates.admin_date(issued) if issued else None,
        celebrates=celebrates,
        anniversaries=anniversaries,
        occasion=_occasion(anniversaries, issued is not None),
        events=tuple(_event(e, issued) for e in campaign.events),
        phases=phases,
        tasks=tasks,
        sectors=tuple(t for t in tasks if t.sector),
        general_tasks=tuple(t for t in tasks if not t.sector),
        targets=tuple(_target(t) for t in campaign.targets),
        recipients=recipients,
        filed=filed_line(filed, issuer.abbr),
        sent_outside=_outside(recipients, issuer if isinstance(issuer, ClusterView) else None,
                              superior),
    )
