"""``duplicate-id``: one id, one thing.

Units and clusters share one namespace (a campaign's issuer may be either);
campaigns, anniversaries (national and units' own) and each campaign's targets
have their own. The problem stands at the second place and names the first.
"""

from __future__ import annotations

from collections.abc import Iterable

from thidua_cli.problems import Location, Severity, Text
from thidua_cli.registry.data import Entry
from thidua_cli.rules.base import Check, Context, Finding, Rule

RULES = (
    Rule("duplicate-id", Severity.ERROR,
         Text("hai đơn vị/cụm, hai phong trào, hai ngày kỷ niệm hoặc hai chỉ tiêu "
              "của một phong trào trùng mã",
              "two units/clusters, two campaigns, two anniversaries or two targets "
              "of one campaign with one id"),
         Text("Mọi tham chiếu (cấp trên, đơn vị ban hành, ngày kỷ niệm) đi qua mã; "
              "mã trùng thì không biết trỏ vào đâu.",
              "Every reference goes through ids; with a duplicate nobody knows which one is meant."),
         bad="units:\n  - id: ldld-ba-dinh\n    ...\n  - id: ldld-ba-dinh",
         good="units:\n  - id: ldld-ba-dinh\n    ...\n  - id: ldld-long-bien"),
)

_KINDS = {
    "unit": ("đơn vị hoặc cụm", "unit or cluster"),
    "campaign": ("phong trào", "campaign"),
    "anniversary": ("ngày kỷ niệm", "anniversary"),
    "target": ("chỉ tiêu", "target"),
}


def _duplicates(kind: str, items: Iterable[tuple[str, Location]]) -> Check:
    first: dict[str, Location] = {}
    vi_kind, en_kind = _KINDS[kind]
    for some_id, loc in items:
        if some_id in first:
            yield Finding("duplicate-id", loc, Text(
                f'mã "{some_id}" đã được dùng cho một {vi_kind} khác ở {{related}}; hãy đặt mã khác',
                f'id "{some_id}" is already used by another {en_kind} at {{related}}; choose another id'),
                related=first[some_id])
        else:
            first[some_id] = loc


def _ids(entries: Iterable[Entry]) -> Iterable[tuple[str, Location]]:  # type: ignore[type-arg]
    return ((entry.model.id, entry.loc.child("id")) for entry in entries)


def check(ctx: Context) -> Check:
    registry = ctx.registry
    yield from _duplicates("unit", _ids([*registry.units, *registry.clusters]))
    yield from _duplicates("campaign", _ids(registry.campaigns))
    yield from _duplicates("anniversary", _ids(registry.anniversaries))
    for campaign in registry.campaigns:
        yield from _duplicates("target", (
            (target.id, campaign.loc.child("targets", index, "id"))
            for index, target in enumerate(campaign.model.targets)))
