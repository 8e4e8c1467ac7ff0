"""The unit tree as the web view walks it: order, depth, ancestors, children, clusters.

Built once per site from a registry that may hold errors: an unknown parent makes a unit a
root, a cycle is cut where it closes (the validator reports both), so every unit is placed
exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from thidua_cli.models import Campaign, Cluster, Unit
from thidua_cli.registry.index import RegistryIndex


@dataclass
class UnitTree:
    """The registry's index (:class:`RegistryIndex`), plus what a walk of the tree adds:
    each unit's place in the walk and its depth."""

    index: RegistryIndex
    units: dict[str, Unit]
    clusters: dict[str, Cluster]
    children: dict[str, list[str]] = field(default_factory=dict)
    roots: list[str] = field(default_factory=list)
    #: unit id → its place in a depth-first walk (parents before children, registry order)
    order: dict[str, int] = field(default_factory=dict)
    depth: dict[str, int] = field(default_factory=dict)
    #: unit id → clusters it belongs to / organises
    member_of: dict[str, list[str]] = field(default_factory=dict)
    organizes: dict[str, list[str]] = field(default_factory=dict)
    #: issuer id (unit or cluster) → its campaigns, in registry order
    campaigns_by_issuer: dict[str, list[Campaign]] = field(default_factory=dict)

    @classmethod
    def of(cls, index: RegistryIndex) -> UnitTree:
        units = {unit_id: entry.model for unit_id, entry in index.units.items()}
        clusters = {cluster_id: entry.model for cluster_id, entry in index.clusters.items()}
        tree = cls(index, units, clusters, member_of=index.clusters_by_member)
        for unit in units.values():
            if unit.parent is not None and unit.parent in units and unit.parent != unit.id:
                tree.children.setdefault(unit.parent, []).append(unit.id)
            else:
                tree.roots.append(unit.id)
        tree._walk()
        for cluster in clusters.values():
            tree.organizes.setdefault(cluster.organizer, []).append(cluster.id)
        for campaign_entry in index.registry.campaigns:
            campaign = campaign_entry.model
            tree.campaigns_by_issuer.setdefault(campaign.issuer, []).append(campaign)
        return tree

    def _walk(self) -> None:
        def visit_from(root: str) -> None:
            stack = [(root, 0)]
            while stack:
                unit_id, depth = stack.pop()
                if unit_id in self.order:
                    continue  # a cycle closes here
                self.order[unit_id] = len(self.order)
                self.depth[unit_id] = depth
                stack.extend((child, depth + 1) for child in reversed(self.children.get(unit_id, [])))

        for root in self.roots:
            visit_from(root)
        for unit_id in self.units:  # units on a cycle with no way in from a root
            if unit_id not in self.order:
                visit_from(unit_id)

    def ancestors(self, unit_id: str) -> list[str]:
        """From the top of the tree down to the unit's parent (units only)."""
        return [a for a in reversed(self.index.ancestors(unit_id)) if a in self.units]

    def issuer_name(self, issuer: str) -> str:
        """The short name of a unit or cluster; an unknown id as it is written."""
        unit = self.units.get(issuer)
        if unit is not None:
            return unit.display
        cluster = self.clusters.get(issuer)
        return cluster.display if cluster is not None else issuer

    def issuer_unit(self, issuer: str) -> str | None:
        """The unit a campaign hangs under in the tree: the issuer, or a cluster's organiser."""
        if issuer in self.units:
            return issuer
        cluster = self.clusters.get(issuer)
        if cluster is not None and cluster.organizer in self.units:
            return cluster.organizer
        return None

    def place_key(self, issuer: str) -> tuple[int, int, str]:
        """Where an issuer's campaigns stand in the tree's order: a unit at its place, a
        cluster just after its organiser, an unknown issuer at the end."""
        unit = self.issuer_unit(issuer)
        if unit is None:
            return (len(self.order), 1, issuer)
        return (self.order[unit], 0 if unit == issuer else 1, issuer)

    def issuer_depth(self, issuer: str) -> int:
        unit = self.issuer_unit(issuer)
        if unit is None:
            return 0
        return self.depth[unit] + (0 if unit == issuer else 1)
