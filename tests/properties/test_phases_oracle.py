"""phase-overlap and phase-gap agree with a brute-force, day-by-day oracle.

Campaigns with up to five phases whose dates are drawn around one year (so phases
overlap, leave gaps, end before they start or leave the campaign); the rule family
runs on the models directly and its findings are compared with sets of days.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.properties.strategies import deterministic
from thidua_cli.models import Campaign
from thidua_cli.problems import Location
from thidua_cli.registry.data import Entry, Registry
from thidua_cli.rules import phases as phase_rules
from thidua_cli.rules.base import Context

#: The first and last days a registry date can name (years 1000-9999).
FIRST, LAST = date(1000, 1, 1), date(9999, 12, 31)


def days_around(year: int) -> st.SearchStrategy[date]:
    """Days a little before and after ``year``, so phases can leave the campaign, kept to
    the dates the registry accepts (a phase ending 9999-12-31 once overflowed)."""
    first = date(year, 1, 1)

    def day(n: int) -> date:
        try:
            return max(first + timedelta(days=n), FIRST)
        except OverflowError:
            return LAST

    return st.integers(min_value=-20, max_value=385).map(day)


@st.composite
def campaigns(draw: st.DrawFn) -> Campaign:
    # 2020 is a leap year; 1000 and 9999 are the ends of the accepted range.
    year = draw(st.sampled_from([2020, 2020, 2020, 1000, 9999]))
    start = draw(days_around(year))
    # Mostly a real period; sometimes one that ends before it starts.
    end = draw(days_around(year).filter(lambda d: d >= start - timedelta(days=3)))
    spans = draw(st.lists(st.tuples(days_around(year), days_around(year)), max_size=5))
    # Usually a phase ends after it starts; keep a few reversed ones.
    spans = [(a, b) if draw(st.integers(0, 9)) == 0 else (min(a, b), max(a, b)) for a, b in spans]
    return Campaign.model_validate({
        "id": "p", "issuer": "u", "year": year, "kind": "nam", "title": "Phong trào",
        "start": start.isoformat(), "end": end.isoformat(),
        "phases": [{"number": i + 1, "start": a.isoformat(), "end": b.isoformat()}
                   for i, (a, b) in enumerate(spans)],
    })


def findings(campaign: Campaign) -> list[phase_rules.Finding]:
    registry = Registry(root=Path("data"))
    registry.campaigns.append(Entry(campaign, Location("data/campaigns/p.yaml")))
    return list(phase_rules.check(Context(registry)))


def days(first: date, last: date) -> set[date]:
    return {first + timedelta(days=n) for n in range((last - first).days + 1)}


def runs(covered_not: set[date]) -> list[tuple[date, date]]:
    """Consecutive days grouped into (first, last) runs, walking one day at a time."""
    result: list[tuple[date, date]] = []
    for day in sorted(covered_not):
        if result and result[-1][1] + timedelta(days=1) == day:
            result[-1] = (result[-1][0], day)
        else:
            result.append((day, day))
    return result


@given(campaigns())
@deterministic(max_examples=250)
def test_overlaps_agree_with_day_sets(campaign: Campaign) -> None:
    # Each phase that shares a day with an earlier-listed one is reported once, naming
    # one of them, with the days the two share (one finding a phase: never a pair each).
    phase_days = [days(p.start, p.end) for p in campaign.phases]  # empty when reversed
    overlapping = {later for later in range(len(phase_days))
                   if any(phase_days[earlier] & phase_days[later] for earlier in range(later))}
    found = []
    for finding in findings(campaign):
        if finding.rule != "phase-overlap":
            continue
        assert finding.related is not None
        later, earlier = finding.location.path[1], finding.related.path[1]
        assert finding.location.path == ("phases", later, "start")
        assert finding.related.path == ("phases", earlier, "start")
        assert isinstance(later, int) and isinstance(earlier, int) and earlier < later
        shared = phase_days[earlier] & phase_days[later]
        assert shared, (later, earlier)
        assert f"on {min(shared)}–{max(shared)};" in finding.message.en, finding.message.en
        found.append(later)
    assert sorted(found) == sorted(overlapping)


@given(campaigns())
@deterministic(max_examples=250)
def test_gaps_agree_with_day_sets(campaign: Campaign) -> None:
    gaps = [f for f in findings(campaign) if f.rule == "phase-gap"]
    if campaign.end < campaign.start or not campaign.phases:
        assert gaps == []
        return
    covered = set().union(*(days(p.start, p.end) for p in campaign.phases))
    uncovered = days(campaign.start, campaign.end) - covered
    if not uncovered:
        assert gaps == []
        return
    # One finding a gap, at the start of the phase after it (the end of the last phase for a
    # gap at the campaign's end; the phases key when no phase holds a day).
    expected = []
    for a, b in runs(uncovered):
        span = a.isoformat() if a == b else f"{a.isoformat()}–{b.isoformat()}"
        expected.append(f"{(b - a).days + 1} days of the campaign are covered by no phase: {span}")
    assert [g.message.en for g in gaps] == expected
    for gap in gaps:
        assert gap.location.path[-1] in ("start", "end") or gap.location.path == ("phases",)
