"""The unit tree: ``unit-cycle`` and ``unit-level``.

Levels, highest first: tong-lien-doan; tinh and nganh-trung-uong; tren-co-so;
co-so; bo-phan. A parent stands on a higher level; only the Tổng Liên đoàn has
no parent. A cluster's leader is one of its members. A dissolved unit issues
nothing after the day it was dissolved.
"""

from __future__ import annotations

from thidua_cli.models import LEVEL_RANK
from thidua_cli.models.campaign import ISSUED_FROM
from thidua_cli.problems import Severity, Text
from thidua_cli.rules.base import Check, Context, Finding, Rule
from thidua_cli.vn.dates import short_date

RULES = (
    Rule("unit-cycle", Severity.ERROR,
         Text("một đơn vị lại là cấp trên của chính nó", "a unit that is its own ancestor"),
         Text("Cây đơn vị có vòng thì không xác định được cấp trên để so chỉ tiêu.",
              "With a cycle in the tree there is no superior to compare targets with."),
         bad="- id: a\n  parent: b\n  ...\n- id: b\n  parent: a",
         good="- id: a\n  parent: tong-ldld\n  ...\n- id: b\n  parent: a"),
    Rule("unit-level", Severity.ERROR,
         Text("cấp trên trực tiếp không ở cấp cao hơn; đơn vị không phải cấp cao nhất mà thiếu cấp trên; "
              "cụm trưởng không là thành viên; đơn vị đã giải thể vẫn ban hành",
              "a parent not on a higher level; a non-top unit without parent; a leader not among "
              "members; a dissolved unit issuing a campaign"),
         Text("Cấp của đơn vị quyết định ai ký (TM. Ban Thường vụ hay Ban Chấp hành) "
              "và chỉ tiêu của ai là cấp trên.",
              "The level decides who signs and whose targets are the superior's."),
         bad="- id: cdcs-a\n  level: co-so\n  parent: cdcs-b   # cdcs-b cũng là co-so",
         good="- id: cdcs-a\n  level: co-so\n  parent: ldld-ba-dinh"),
)

_LEVEL_VI = {"tong-lien-doan": "Tổng Liên đoàn", "tinh": "tỉnh, thành phố",
             "nganh-trung-uong": "ngành trung ương", "tren-co-so": "cấp trên trực tiếp cơ sở",
             "co-so": "cơ sở", "bo-phan": "bộ phận"}


def check(ctx: Context) -> Check:
    cycles = _cycle_members(ctx)
    for unit in ctx.registry.units:
        model = unit.model
        if model.id in cycles:
            yield Finding("unit-cycle", unit.loc.child("parent"), Text(
                f'đơn vị "{model.id}" lại là cấp trên của chính nó (cây đơn vị có vòng); '
                'hãy sửa "parent" của một đơn vị trong vòng',
                f'unit "{model.id}" is its own ancestor (the unit tree has a cycle); '
                'fix the "parent" of one unit in the cycle'))
            continue
        if not unit.intact("parent", "level"):
            # A parent or level that failed the schema is the schema's to report: neither
            # "no parent" nor a comparison of levels rests on what the file does not say.
            continue
        if model.parent is None:
            if model.level != "tong-lien-doan":
                yield Finding("unit-level", unit.loc.child("id"), Text(
                    f'đơn vị "{model.id}" (cấp {_LEVEL_VI[model.level]}) thiếu "parent"; '
                    "chỉ Tổng Liên đoàn mới không có cấp trên",
                    f'unit "{model.id}" (level {model.level}) has no "parent"; only the '
                    "Tổng Liên đoàn may lack one"))
            continue
        parent = ctx.units.get(model.parent)
        if parent is not None and parent.intact("level") \
                and LEVEL_RANK[parent.model.level] >= LEVEL_RANK[model.level]:
            yield Finding("unit-level", unit.loc.child("parent"), Text(
                f'cấp trên trực tiếp "{parent.model.id}" ở cấp {_LEVEL_VI[parent.model.level]}, '
                'không cao hơn '
                f'cấp {_LEVEL_VI[model.level]} của "{model.id}"; hãy kiểm tra "parent" hoặc "level"',
                f'parent "{parent.model.id}" is on level {parent.model.level}, not above '
                f'{model.level} of "{model.id}"; check "parent" or "level"'))
    for cluster in ctx.registry.clusters:
        cluster_model = cluster.model
        if cluster.intact("leader", "members") and cluster_model.leader not in cluster_model.members:
            yield Finding("unit-level", cluster.loc.child("leader"), Text(
                f'cụm trưởng "{cluster_model.leader}" không có trong danh sách thành viên của cụm; '
                'hãy thêm vào "members"',
                f'cluster leader "{cluster_model.leader}" is not among the members; add it to "members"'))
    for campaign in ctx.registry.campaigns:
        issuer = ctx.units.get(campaign.model.issuer) if campaign.intact("issuer") else None
        if issuer is None or issuer.model.dissolved is None or not issuer.intact("dissolved") \
                or not campaign.intact(*ISSUED_FROM):
            continue
        issued = campaign.model.issued
        if issued > issuer.model.dissolved:
            yield Finding("unit-level", campaign.loc.child("issuer"), Text(
                f'"{ctx.name_of(issuer.model.id)}" đã giải thể ngày {short_date(issuer.model.dissolved)}, '
                f"không thể ban hành phong trào ngày {short_date(issued)}",
                f'"{ctx.name_of(issuer.model.id)}" was dissolved on {issuer.model.dissolved.isoformat()} and '
                f"cannot issue a campaign on {issued.isoformat()}"))


def _cycle_members(ctx: Context) -> set[str]:
    """Ids of the units that are their own ancestor, in one pass over the tree.

    Each unit is walked once (walking every unit's whole chain took 30 s on a chain
    of 6,000 units): a walk that meets its own path has found a cycle, one that meets
    an earlier walk or a top unit has not.
    """
    done: set[str] = set()
    members: set[str] = set()
    for start in ctx.units:
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        while current is not None and current not in done and current not in on_path:
            path.append(current)
            on_path.add(current)
            entry = ctx.units.get(current)
            current = entry.model.parent if entry is not None else None
        if current is not None and current in on_path:
            members.update(path[path.index(current):])
        done.update(path)
    return members
