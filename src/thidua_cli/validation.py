"""The validation pipeline: load the registry, run the rules, place every problem.

The only glue between the loader and the rules; the CLI and the other commands
(render, calendar) call :func:`validate` and never assemble the parts themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from thidua_cli import collector, config, rules, suppress
from thidua_cli.problems import Problem, Severity
from thidua_cli.registry import loader
from thidua_cli.registry.data import Registry
from thidua_cli.registry.index import RegistryIndex

#: ``progress(stage, done, total)``: told as the work goes on, for a progress bar.
#: Stages: ``"read"`` (files read, of all files), ``"check"`` (rule families run).
Progress = Callable[[str, int, int], None]


@dataclass
class Result:
    registry: Registry
    problems: list[Problem]
    #: the registry's one index, built for the rules and reused by render and calendar
    index: RegistryIndex
    #: errors that thidua.yaml turned off or down but that nothing can be made with
    #: (:data:`thidua_cli.config.NEEDED_TO_MAKE`): render, calendar and new campaign refuse.
    held_back: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.WARNING)

    def exit_code(self, strict: bool = False) -> int:
        return 1 if self.errors or (strict and self.warnings) else 0


def validate(root: Path, *, cache: bool = False, cache_dir: Path | None = None,
             progress: Progress | None = None, use_config: bool = True) -> Result:
    """All problems of all files of the registry at ``root``, sorted by place.

    Raises :class:`~thidua_cli.registry.loader.RegistryError` when the registry
    cannot be opened at all. ``cache`` reuses each unchanged file's own results
    (:mod:`thidua_cli.registry.cache`); the answer is the same with or without it.
    ``use_config=False`` ignores the registry's own ``thidua.yaml`` (a CI gate that one
    line of a pull request must not be able to turn off).
    """
    def reading(done: int, total: int) -> None:
        if progress is not None:
            progress("read", done, total)

    def checking(done: int, total: int) -> None:
        if progress is not None:
            progress("check", done, total)

    with collector.paused():
        if cache:
            # Each file's own results from the content-hash cache; the rules below always run.
            from thidua_cli.registry import cache as file_cache
            registry, problems = file_cache.load(root, cache_dir, progress=reading)
        else:
            registry, problems = loader.load(root, progress=reading)
        index = RegistryIndex.of(registry)
        found = rules.check(registry, progress=checking, index=index)
        loader.restore_paths(registry, found)  # partial entries: back to the file's own paths
        problems.extend(found)
    loader.place_problems(registry, problems)
    # Inline "# thidua: disable=" comments first, so that a rule thidua.yaml turns off does
    # not make its suppressions look unused; then thidua.yaml turns rules off or re-grades them.
    problems = rules.stamp(suppress.apply(registry.suppressions, problems))
    held: list[Problem] = []
    if use_config:
        problems, held = config.configure(registry, problems)
    # Causes before consequences: the files others depend on come first (what is not read
    # at all, then anniversaries, units, campaigns), each in the order of its lines.
    rank = {"anniversaries": 1, "units": 2, "campaigns": 3}

    def order(problem: Problem) -> tuple[object, ...]:
        return (rank.get(registry.kinds.get(problem.file, ""), 0), *problem.sort_key())

    problems.sort(key=order)
    return Result(registry, problems, index, sorted(held, key=order))
