"""The validator's rules: one module per family, listed here explicitly.

Rule names are public interface (CI configurations and suppressions name
them); :data:`RULES` is their one registry, in the order of the format page.
"""

from __future__ import annotations

from collections.abc import Callable

from thidua_cli.problems import Problem, Severity
from thidua_cli.registry.data import Registry
from thidua_cli.registry.index import RegistryIndex
from thidua_cli.rules import (
    anniversaries,
    campaigns,
    documents,
    files,
    ids,
    phases,
    references,
    results,
    scoring,
    settings,
    targets,
    units,
)
from thidua_cli.rules.base import Context, Rule

FAMILIES = (files, ids, references, units, campaigns, phases, anniversaries, targets, documents,
            results, scoring, settings)

RULES: dict[str, Rule] = {rule.name: rule for family in FAMILIES for rule in family.RULES}


def check(registry: Registry, progress: Callable[[int, int], None] | None = None,
          index: RegistryIndex | None = None) -> list[Problem]:
    """Every problem the rule families find in a loaded registry (positions not yet placed).

    ``progress(done, total)`` is told after each family; ``index`` is the registry's
    index when the caller has built it already.
    """
    ctx = Context(registry, index)
    problems = []
    for done, family in enumerate(FAMILIES, 1):
        for finding in family.check(ctx):
            problems.append(Problem(finding.rule, severity(finding.rule, finding.lesser),
                                    finding.location, finding.message, related=finding.related,
                                    lesser=finding.lesser))
        if progress is not None:
            progress(done, len(FAMILIES))
    return problems


def severity(rule: str, lesser: bool = False) -> Severity:
    """A rule's severity from the table: the one place where it is decided."""
    entry = RULES[rule]
    return entry.lesser if lesser and entry.lesser is not None else entry.severity


def stamp(problems: list[Problem]) -> list[Problem]:
    """Every problem with its rule's severity from the table, whoever made it (reading,
    suppressions, thidua.yaml): before ``thidua.yaml`` re-grades any."""
    for problem in problems:
        if problem.rule in RULES:
            problem.severity = severity(problem.rule, problem.lesser)
    return problems


__all__ = ["FAMILIES", "RULES", "Rule", "Severity", "check", "severity", "stamp"]
