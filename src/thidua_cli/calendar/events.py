"""What falls on which day: anniversaries, campaign launches and phase boundaries.

Pure: takes a validated :class:`~thidua_cli.registry.data.Registry` and a date
range, returns :class:`Entry` values sorted by date, kind and title. No I/O and no
printing; :mod:`thidua_cli.calendar.export` formats them (table, JSON, ICS).

Choices made here, stated once:

- ``source`` is the id of what an entry comes from (the anniversary's id, or the
  campaign's id for a launch or a phase boundary), not a file path: it stays the
  same wherever the registry lives, and with ``kind`` it tells a script exactly
  which record to look up.
- ``uid`` identifies the *event*, not its current date: an anniversary by its id
  and the year it counts (the lunar year for a lunar one), a launch by its
  campaign, a phase boundary by its campaign and phase number. Correcting a
  phase's dates therefore updates the calendar event already imported instead of
  adding a second one.
- A campaign without phases (a peak drive such as Long Biên 2018) is its own single
  phase: its start and end are listed, so its deadline is not lost.
- Entries can be told apart: a phase names its theme (or its name), and when one issuer
  has several campaigns in a year, each entry names its campaign's title too.
- Each entry carries a description (the period, the campaign, the file it comes from) and,
  for a phase start, the phase's last day, so that a calendar file shows a phase as one
  event spanning its days.
- ``--unit`` keeps the national anniversaries, and the local anniversaries and
  campaigns of that unit, its ancestors and its descendants; a cluster's campaigns
  are kept when the unit is the cluster's organizer or the unit or one of its
  descendants is a member. Given a cluster id, the cluster's own campaigns and
  those of its members' families are kept.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from thidua_cli import occurrences as occ
from thidua_cli.errors import UserError
from thidua_cli.models import Anniversary, Campaign
from thidua_cli.problems import Text
from thidua_cli.registry.data import Registry
from thidua_cli.registry.index import RegistryIndex

KINDS = ("anniversary", "launch", "phase-start", "phase-end", "report-due")
Day = date  # the type, for where a field named "date" hides it
_KIND_ORDER = {kind: index for index, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Entry:
    date: date
    kind: str             # one of KINDS
    title: str            # Vietnamese
    title_en: str
    ordinal: int | None   # "kỷ niệm N năm"; None without a base year (Tết)
    round: str | None     # "major" (N ends in 0), "minor" (N ends in 5), else None
    source: str           # anniversary id, or campaign id for launches and phases
    uid: str              # stable across exports: "<sha1>@thidua"
    #: a phase start: the phase's last day and its title as a span ("Đợt 1 …"); the uid of
    #: the span, on a phase's start and end entries
    until: Day | None = None
    span_title: str = ""
    span_uid: str = ""
    #: what a calendar event says beyond its title: the period, the campaign, the file
    detail: str = ""
    detail_en: str = ""

    @property
    def sort_key(self) -> tuple[Day, int, str, str]:
        return (self.date, _KIND_ORDER[self.kind], self.title, self.uid)


class UnknownUnit(UserError):
    """``unit`` names no unit or cluster of the registry (with "did you mean")."""

    def __init__(self, unit: str, known: list[str]) -> None:
        from thidua_cli.hints import did_you_mean

        hint_vi, hint_en = did_you_mean(unit, known)
        super().__init__(f'không có đơn vị hay cụm "{unit}" trong sổ đăng ký{hint_vi}',
                         f'no unit or cluster "{unit}" in the registry{hint_en}')
        self.unit, self.known = unit, known


def make_uid(*parts: object) -> str:
    text = "|".join(str(part) for part in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest() + "@thidua"


def _ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def anniversary_titles(anniversary: Anniversary, ordinal: int | None) -> tuple[str, str]:
    """``Kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam``; a lunar date says so:
    ``Giỗ Tổ Hùng Vương (10/3 âm lịch)``."""
    name = anniversary.name
    lunar_vi = lunar_en = ""
    if anniversary.lunar_day_month is not None:
        day, month = anniversary.lunar_day_month
        lunar_vi, lunar_en = f" ({day}/{month} âm lịch)", f" (lunar {day}/{month})"
    if ordinal is None or ordinal <= 0:
        # No base year (Tết), or the very day of the event: nothing to count yet.
        return name + lunar_vi, name + lunar_en
    return (f"Kỷ niệm {ordinal} năm {name}{lunar_vi}",
            f"{_ordinal_en(ordinal)} anniversary: {name}{lunar_en}")


_LAUNCH = {
    "cao-diem": ("Phát động đợt thi đua cao điểm", "Launch of the peak drive"),
    "giao-uoc": ("Ký kết giao ước thi đua", "Signing of the emulation covenant"),
}
_LAUNCH_DEFAULT = ("Phát động phong trào thi đua", "Launch of the emulation campaign")
#: What a campaign without phases is called at its start and end.
_WHOLE = {
    "cao-diem": ("đợt thi đua cao điểm", "peak drive"),
    "giao-uoc": ("giao ước thi đua", "emulation covenant"),
}
_WHOLE_DEFAULT = ("phong trào thi đua", "emulation campaign")


def _campaign_label(campaign: Campaign, issuers: dict[str, str]) -> str:
    """``LĐLĐ quận Bắc Từ Liêm 2020``; a school-year campaign ``… 2020–2021``."""
    who = issuers.get(campaign.issuer, campaign.issuer)
    year = f"{campaign.year}–{campaign.year + 1}" if campaign.kind == "nam-hoc" else str(campaign.year)
    return f"{who} {year}"


def _period(start: date, end: date) -> tuple[str, str]:
    from thidua_cli.vn.dates import short_date

    days = (end - start).days + 1
    return (f"Từ {short_date(start)} đến {short_date(end)} ({days} ngày).",
            f"From {start.isoformat()} to {end.isoformat()} ({days} days).")


def campaign_entries(campaign: Campaign, issuers: dict[str, str], *, file: str = "",
                     named: bool = False) -> list[Entry]:
    """The launch, every phase start and end and every reporting deadline of ``campaign``,
    whatever their dates;
    ``named``: the issuer has other campaigns that year, so each entry names this one."""
    label = _campaign_label(campaign, issuers)
    if named:
        label = f"{label}: {campaign.title}"
    who = issuers.get(campaign.issuer, campaign.issuer)
    about_vi = f"Phong trào: {campaign.title} ({who}; mã {campaign.id})."
    about_en = f"Campaign: {campaign.title} ({who}; id {campaign.id})."
    if file:
        about_vi += f"\nNguồn: {file}"
        about_en += f"\nSource: {file}"
    found: list[Entry] = []
    if campaign.launch is not None:
        vi, en = _LAUNCH.get(campaign.kind, _LAUNCH_DEFAULT)
        place = f" Địa điểm: {campaign.launch.place}." if campaign.launch.place else ""
        found.append(Entry(campaign.launch.date, "launch", f"{vi} — {label}", f"{en} — {label}",
                           None, None, campaign.id, make_uid("launch", campaign.id),
                           detail=f"{about_vi}{place}", detail_en=about_en))
    if campaign.phases:
        for phase in campaign.phases:
            n = phase.number
            about = phase.theme or phase.name
            what_vi = f"đợt {n} ({about})" if about else f"đợt {n}"
            what_en = f"phase {n} ({about})" if about else f"phase {n}"
            span_vi, span_en = _period(phase.start, phase.end)
            detail = f"{what_vi[0].upper()}{what_vi[1:]}. {span_vi}\n{about_vi}"
            detail_en = f"{what_en[0].upper()}{what_en[1:]}. {span_en}\n{about_en}"
            found.append(Entry(phase.start, "phase-start", f"Bắt đầu {what_vi} — {label}",
                               f"Start of {what_en} — {label}", None, None, campaign.id,
                               make_uid("phase-start", campaign.id, n), until=phase.end,
                               span_title=f"Đ{what_vi[1:]} — {label}",
                               span_uid=make_uid("phase", campaign.id, n),
                               detail=detail, detail_en=detail_en))
            found.append(Entry(phase.end, "phase-end", f"Kết thúc {what_vi} — {label}",
                               f"End of {what_en} — {label}", None, None, campaign.id,
                               make_uid("phase-end", campaign.id, n),
                               span_uid=make_uid("phase", campaign.id, n),
                               detail=detail, detail_en=detail_en))
    else:
        vi, en = _WHOLE.get(campaign.kind, _WHOLE_DEFAULT)
        span_vi, span_en = _period(campaign.start, campaign.end)
        detail, detail_en = f"{span_vi}\n{about_vi}", f"{span_en}\n{about_en}"
        found.append(Entry(campaign.start, "phase-start", f"Bắt đầu {vi} — {label}",
                           f"Start of the {en} — {label}", None, None, campaign.id,
                           make_uid("phase-start", campaign.id, 0), until=campaign.end,
                           span_title=f"{vi[0].upper()}{vi[1:]} — {label}",
                           span_uid=make_uid("phase", campaign.id, 0),
                           detail=detail, detail_en=detail_en))
        found.append(Entry(campaign.end, "phase-end", f"Kết thúc {vi} — {label}",
                           f"End of the {en} — {label}", None, None, campaign.id,
                           make_uid("phase-end", campaign.id, 0),
                           span_uid=make_uid("phase", campaign.id, 0),
                           detail=detail, detail_en=detail_en))
    for item in campaign.reporting:
        # "Hạn báo cáo sơ kết đợt 1 — LĐLĐ quận Bắc Từ Liêm 2020" (cli.md)
        what_vi = f"sơ kết đợt {item.phase}" if item.phase is not None else "tổng kết"
        what_en = f"the phase {item.phase} review" if item.phase is not None else "the year-end review"
        found.append(Entry(item.due, "report-due", f"Hạn báo cáo {what_vi} — {label}",
                           f"Report due: {what_en} — {label}", None, None, campaign.id,
                           make_uid("report-due", campaign.id, item.phase or 0)))
    return found


def anniversary_entries(anniversary: Anniversary, start: date, end: date) -> list[Entry]:
    found = []
    for occurrence in occ.occurrences(anniversary, start, end):
        vi, en = anniversary_titles(anniversary, occurrence.ordinal)
        # The year the occurrence counts: solar year, or the lunar year for a lunar date
        # (a lunar date can fall in January of the next solar year).
        counted = occurrence.counted_year
        found.append(Entry(occurrence.date, "anniversary", vi, en, occurrence.ordinal,
                           occurrence.round, anniversary.id,
                           make_uid("anniversary", anniversary.id, counted)))
    return found


# --------------------------------------------------------------------------- units

def _family(index: RegistryIndex, unit_id: str) -> tuple[set[str], set[str]]:
    """(``unit_id`` with its ancestors and descendants, ``unit_id`` with its descendants)."""
    # A cycle is the validator's to report: the index stops at it.
    descendants = index.descendants(unit_id)
    return {unit_id, *index.ancestors(unit_id)} | descendants, descendants | {unit_id}


def concerned(registry: Registry, unit_id: str,
              index: RegistryIndex | None = None) -> tuple[set[str], set[str]]:
    """(units, clusters) whose local anniversaries and campaigns concern ``unit_id``.

    Raises :class:`UnknownUnit` for an id that is neither a unit nor a cluster.
    """
    index = index if index is not None else RegistryIndex.of(registry)
    clusters = index.clusters
    if unit_id in index.units:
        units, below = _family(index, unit_id)
        kept = {cid for cid, c in clusters.items() if c.model.organizer == unit_id}
        kept.update(cid for member in below for cid in index.clusters_by_member.get(member, ()))
        return units, kept
    if unit_id in clusters:
        units = set()
        for member in clusters[unit_id].model.members:
            if member in index.units:
                units |= _family(index, member)[0]
        return units, {unit_id}
    raise UnknownUnit(unit_id, sorted(set(index.units) | set(clusters)))


# --------------------------------------------------------------------------- entries

def issuer_names(registry: Registry) -> dict[str, str]:
    names = {e.model.id: e.model.display for e in registry.units}
    names.update({e.model.id: e.model.display for e in registry.clusters})
    return names


def entries(registry: Registry, start: date, end: date, unit: str | None = None,
            round_only: bool = False, index: RegistryIndex | None = None) -> list[Entry]:
    """Every entry from ``start`` to ``end`` (both included), sorted by date, kind, title.

    Lunar anniversaries are listed for the years the lunar calendar covers
    (:data:`thidua_cli.vn.lunar.FIRST_YEAR`–``LAST_YEAR``) only; the caller says so.
    ``index`` is the registry's index when the caller has it.
    """
    keep_units: set[str] | None = None
    keep_clusters: set[str] | None = None
    if unit is not None:
        keep_units, keep_clusters = concerned(registry, unit, index)
    found: list[Entry] = []
    for item in registry.anniversaries:
        if item.owner is not None and keep_units is not None and item.owner not in keep_units:
            continue
        for entry in anniversary_entries(item.model, start, end):
            if not round_only or entry.round is not None:
                found.append(entry)
    if not round_only:
        issuers = issuer_names(registry)
        per_year: dict[tuple[str, int], int] = {}
        for each in registry.campaigns:
            key = (each.model.issuer, each.model.year)
            per_year[key] = per_year.get(key, 0) + 1
        for each in registry.campaigns:
            campaign = each.model
            if keep_units is not None and keep_clusters is not None and \
                    campaign.issuer not in keep_units and campaign.issuer not in keep_clusters:
                continue
            named = per_year[(campaign.issuer, campaign.year)] > 1
            found.extend(e for e in campaign_entries(campaign, issuers, file=each.loc.file,
                                                     named=named)
                         if start <= e.date <= end)
    return sorted(found, key=lambda e: e.sort_key)


def round_label(round_mark: str | None, lang: str = "vi") -> str:
    """``● năm tròn`` / ``○ năm lẻ 5`` (``● round year`` / ``○ half-round (5)``)."""
    if round_mark == "major":
        return "● năm tròn" if lang == "vi" else "● round year"
    if round_mark == "minor":
        return "○ năm lẻ 5" if lang == "vi" else "○ year ending in 5"
    return ""


def lunar_gap(registry: Registry, start: date, end: date, round_only: bool = False) -> Text | None:
    """The note that lunar anniversaries are missing from a range the lunar calendar does
    not cover (:data:`thidua_cli.vn.lunar.FIRST_YEAR`–``LAST_YEAR``), when some could have
    been listed (with ``round_only``, those with a base year); else None."""
    from thidua_cli.vn import lunar

    has_lunar = any(item.model.lunar is not None and (not round_only or item.model.since is not None)
                    for item in registry.anniversaries)
    # By day: January 1900 belongs to lunar 1899, which the library does not compute.
    first_lunar_day = lunar.lunar_to_solar(1, 1, lunar.FIRST_YEAR)
    if not has_lunar or (first_lunar_day <= start and end.year <= lunar.LAST_YEAR):
        return None
    return Text(
        f"Lưu ý: âm lịch chỉ tính được cho các năm {lunar.FIRST_YEAR}–{lunar.LAST_YEAR}; ngày kỷ "
        "niệm âm lịch ngoài khoảng đó không có trong lịch.",
        f"Note: the lunar calendar covers {lunar.FIRST_YEAR}–{lunar.LAST_YEAR} only; lunar "
        "anniversaries outside those years are not listed.")
