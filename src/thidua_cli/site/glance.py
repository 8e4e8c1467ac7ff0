"""What the year at a glance shows: rows of campaigns with their phases, and the year's marks.

Pure (dates and names only, no markup): the drawing (:mod:`~thidua_cli.site.svg`) and its
text alternative (the tables of the page) are both made from one :class:`Glance`, so they
cannot tell different stories.

Choices, stated once:

- A row is a campaign of the year (``campaign.year``); rows follow the unit tree (a unit
  before its subordinates, a cluster's campaigns after its organiser's), indented by depth.
- A drawing holds at most :data:`MAX_ROWS` rows, so that a province's front page stays
  readable and small: the levels of the tree are taken from the top while they fit; the
  campaigns below are counted (``hidden``) and drawn on their units' own pages.
- A campaign without phases is drawn as one bar of its whole span (number ``None``).
- A phase running outside the drawn range (a school year crossing into the next) is cut at
  the edge, and says so (``cut_start``/``cut_end``).
- The marks are the anniversaries falling in the range: the national ones and the local
  ones of the units drawn; ``round`` is ``major`` (năm tròn) or ``minor`` (năm lẻ 5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from thidua_cli.calendar import events as calendar
from thidua_cli.models import Campaign
from thidua_cli.registry.data import Registry
from thidua_cli.site.tree import UnitTree

#: Most rows in one drawing (see the module's docstring).
MAX_ROWS = 60

KIND_LABELS = {
    "nam": "Phong trào thi đua năm",
    "nam-hoc": "Phong trào thi đua năm học",
    "cao-diem": "Đợt thi đua cao điểm",
    "chuyen-de": "Phong trào thi đua chuyên đề",
    "giao-uoc": "Giao ước thi đua",
}

#: A campaign without phases, drawn as one bar: what that bar is called.
WHOLE = {"nam": "Cả năm", "nam-hoc": "Cả năm học", "giao-uoc": "Cả năm"}


@dataclass(frozen=True)
class Bar:
    campaign: str
    number: int | None        # the phase number; None for a campaign drawn whole
    theme: str | None         # the phase's theme, else its name
    start: date               # the phase's own dates (not cut)
    end: date
    cut_start: bool = False   # starts before the drawn range
    cut_end: bool = False     # ends after it
    whole: str = "Cả đợt"     # what a campaign drawn whole is called: "Cả năm", "Cả đợt"

    @property
    def label(self) -> str:
        """``Đợt 1 · Mừng Đảng, mừng xuân, mừng Đất nước đổi mới``."""
        head = f"Đợt {self.number}" if self.number is not None else self.whole
        return f"{head} · {self.theme}" if self.theme else head


@dataclass(frozen=True)
class Due:
    """A dated event on a campaign's row: its launch, or a reporting deadline."""

    campaign: str
    kind: str                 # "launch" or "report-due"
    day: date
    title: str


@dataclass(frozen=True)
class Row:
    campaign: str
    title: str
    kind: str
    issuer: str
    issuer_name: str
    depth: int                # relative to the shallowest row of the drawing
    bars: tuple[Bar, ...]
    events: tuple[Due, ...]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Mark:
    day: date
    anniversary: str
    title: str                # "Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam"
    ordinal: int | None
    round: str | None         # "major", "minor" or None


@dataclass(frozen=True)
class Glance:
    start: date
    end: date
    rows: tuple[Row, ...]
    marks: tuple[Mark, ...]
    today: date | None        # only when it falls in the range
    hidden: int = 0           # campaigns of the year not drawn (deeper in the tree)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def months(self) -> list[date]:
        """The first day of each month the range touches (the first is ``start``'s month)."""
        found = []
        day = self.start.replace(day=1)
        while day <= self.end:
            found.append(day)
            day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return found


def bars(campaign: Campaign, start: date, end: date) -> tuple[Bar, ...]:
    spans: list[tuple[int | None, str | None, date, date]] = [
        (p.number, p.theme or p.name, p.start, p.end) for p in campaign.phases]
    if not spans:
        spans = [(None, None, campaign.start, campaign.end)]
    whole = WHOLE.get(campaign.kind, "Cả đợt")
    return tuple(Bar(campaign.id, number, theme, first, last, first < start, last > end, whole)
                 for number, theme, first, last in spans if first <= end and last >= start)


def events(campaign: Campaign, label: str, start: date, end: date) -> tuple[Due, ...]:
    found = []
    for entry in calendar.campaign_entries(campaign, {campaign.issuer: label}):
        if entry.kind in ("launch", "report-due") and start <= entry.date <= end:
            found.append(Due(campaign.id, entry.kind, entry.date, entry.title))
    return tuple(found)


def _rows(campaigns: list[Campaign], tree: UnitTree, start: date, end: date) -> tuple[Row, ...]:
    if not campaigns:
        return ()
    top = min(tree.issuer_depth(c.issuer) for c in campaigns)
    rows = []
    for campaign in campaigns:
        name = tree.issuer_name(campaign.issuer)
        rows.append(Row(campaign.id, campaign.title, campaign.kind, campaign.issuer, name,
                        tree.issuer_depth(campaign.issuer) - top,
                        bars(campaign, start, end), events(campaign, name, start, end)))
    return tuple(rows)


def pick(campaigns: list[Campaign], tree: UnitTree, limit: int = MAX_ROWS) -> list[Campaign]:
    """The campaigns to draw, in tree order: whole levels from the top while they fit."""
    ordered = sorted(campaigns, key=lambda c: (tree.place_key(c.issuer), c.start, c.id))
    depths = sorted({tree.issuer_depth(c.issuer) for c in ordered})
    chosen: list[Campaign] = []
    for depth in depths:
        more = [c for c in ordered if tree.issuer_depth(c.issuer) <= depth]
        if len(more) > limit:
            break
        chosen = more
    return chosen or ordered[:limit]


def marks_in(registry: Registry, start: date, end: date) -> list[tuple[str | None, Mark]]:
    """Every anniversary falling from ``start`` to ``end``, with the unit it belongs to
    (``None`` for a national one): computed once per range, then filtered per drawing."""
    found: list[tuple[str | None, Mark]] = []
    for item in registry.anniversaries:
        for entry in calendar.anniversary_entries(item.model, start, end):
            found.append((item.owner, Mark(entry.date, entry.source, entry.title, entry.ordinal,
                                           entry.round)))
    found.sort(key=lambda pair: (pair[1].day, pair[1].title))
    return found


def glance(tree: UnitTree, campaigns: list[Campaign], start: date, end: date,
           all_marks: list[tuple[str | None, Mark]], today: date | None,
           limit: int = MAX_ROWS) -> Glance:
    """The drawing of ``campaigns`` over ``start``–``end``; ``all_marks`` is
    :func:`marks_in` of the same range (national marks, and local ones of the units drawn)."""
    drawn = pick(campaigns, tree, limit)
    units = {u for c in drawn if (u := tree.issuer_unit(c.issuer)) is not None}
    shown = tuple(mark for owner, mark in all_marks if owner is None or owner in units)
    return Glance(start, end, _rows(drawn, tree, start, end), shown,
                  today if today is not None and start <= today <= end else None,
                  hidden=len(campaigns) - len(drawn))
