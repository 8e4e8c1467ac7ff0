"""What a cadre looks up: the unit tree and a one-screen summary of each campaign.

Pure: a loaded registry in, lines of text out (Vietnamese, or English with ``lang="en"``;
names and titles stay as the registry writes them). ``cli/overview.py`` prints them.
"""

from __future__ import annotations

from datetime import date

from thidua_cli.models import Campaign
from thidua_cli.registry.loader import Registry
from thidua_cli.vn.dates import day_month, short_date

LEVELS = {
    "tong-lien-doan": ("Tổng Liên đoàn", "national confederation"),
    "tinh": ("tỉnh, thành phố", "province"),
    "nganh-trung-uong": ("ngành trung ương", "national sector"),
    "tren-co-so": ("cấp trên trực tiếp cơ sở", "district"),
    "co-so": ("cơ sở", "grassroots"),
    "bo-phan": ("bộ phận", "section"),
}
KINDS = {
    "nam": ("phong trào năm", "yearly campaign"),
    "nam-hoc": ("phong trào năm học", "school-year campaign"),
    "cao-diem": ("đợt thi đua cao điểm", "peak drive"),
    "chuyen-de": ("thi đua chuyên đề", "thematic campaign"),
    "giao-uoc": ("giao ước thi đua", "emulation covenant"),
}


def _t(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def unit_tree(registry: Registry, lang: str = "vi") -> list[str]:
    """Every unit under its superior, with its level and id; dissolved units marked; then
    the clusters with their leader and members. A unit whose superior is missing (or part
    of a cycle) is listed at the top level, so that none is left out."""
    units = {e.model.id: e.model for e in registry.units}
    children: dict[str | None, list[str]] = {}
    for unit in units.values():
        parent = unit.parent if unit.parent in units else None
        children.setdefault(parent, []).append(unit.id)
    lines: list[str] = []
    seen: set[str] = set()

    def walk(unit_id: str, depth: int) -> None:
        if unit_id in seen:
            return
        seen.add(unit_id)
        unit = units[unit_id]
        level = _t(LEVELS.get(unit.level, (unit.level, unit.level)), lang)
        mark = ""
        if unit.dissolved is not None:
            mark = (f" · dissolved {unit.dissolved.isoformat()}" if lang == "en"
                    else f" · đã giải thể {short_date(unit.dissolved)}")
        lines.append(f"{'  ' * depth}{unit.name} ({unit.id}) — {level}{mark}")
        for child in sorted(children.get(unit_id, []), key=lambda i: units[i].name):
            walk(child, depth + 1)

    for root in sorted(children.get(None, []), key=lambda i: units[i].name):
        walk(root, 0)
    for unit_id in sorted(set(units) - seen):  # in a cycle: listed rather than lost
        walk(unit_id, 0)
    clusters = sorted((e.model for e in registry.clusters), key=lambda c: c.name)
    if clusters:
        lines.append("")
        lines.append("Clusters:" if lang == "en" else "Cụm, khối thi đua:")
        for cluster in clusters:
            leader = units[cluster.leader].display if cluster.leader in units else cluster.leader
            count = len(cluster.members)
            lines.append(f"  {cluster.name} ({cluster.id}) — "
                         + (f"leader {leader}, {count} members" if lang == "en"
                            else f"cụm trưởng {leader}, {count} thành viên"))
    return lines


def _span(start: date, end: date) -> str:
    return f"{day_month(start)}–{short_date(end)}"


def campaign_summary(campaign: Campaign, issuer: str, file: str, lang: str = "vi") -> list[str]:
    """A campaign on a few lines: title, who and when, phases, targets, document, file."""
    en = lang == "en"
    kind = _t(KINDS.get(campaign.kind, (campaign.kind, campaign.kind)), lang)
    head = f"{issuer} · {kind} · {short_date(campaign.start)}–{short_date(campaign.end)}"
    if campaign.launch is not None:
        head += (f" · launch {campaign.launch.date.isoformat()}" if en
                 else f" · phát động {short_date(campaign.launch.date)}")
    lines = [f"{campaign.id} — {campaign.title}", f"  {head}"]
    for phase in campaign.phases:
        about = phase.theme or phase.name
        label = f"Phase {phase.number}" if en else f"Đợt {phase.number}"
        lines.append(f"  {label}: {_span(phase.start, phase.end)}" + (f" — {about}" if about else ""))
    if campaign.targets:
        lines.append(f"  Targets ({len(campaign.targets)}):" if en
                     else f"  Chỉ tiêu ({len(campaign.targets)}):")
        for target in campaign.targets:
            lines.append(f"    {target.value} {target.text}")
    document = campaign.document
    if document is not None and (document.number or document.date):
        number = document.number or "…"
        when = short_date(document.date) if document.date else "…"
        lines.append(f"  Document: No. {number}, {when}" if en else f"  Văn bản: Số {number}, ngày {when}")
    else:
        lines.append("  Document: not numbered yet" if en else "  Văn bản: chưa có số, ngày")
    lines.append(f"  File: {file}" if en else f"  Tệp: {file}")
    return lines


def campaign_summaries(registry: Registry, year: int | None, lang: str = "vi") -> list[str]:
    """Every campaign (of ``year``, when given), by year then id, a blank line between."""
    names = {e.model.id: e.model.display for e in registry.units}
    names.update({e.model.id: e.model.display for e in registry.clusters})
    entries = sorted((e for e in registry.campaigns if year is None or e.model.year == year),
                     key=lambda e: (e.model.year, e.model.id))
    lines: list[str] = []
    for entry in entries:
        if lines:
            lines.append("")
        lines += campaign_summary(entry.model, names.get(entry.model.issuer, entry.model.issuer),
                                  entry.loc.file, lang)
    return lines
