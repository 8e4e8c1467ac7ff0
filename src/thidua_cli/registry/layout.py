"""Where a registry is, and how its files are named to the user: one rule for paths.

Kept free of heavy imports: the command line finds the registry before anything else.

- A registry is a folder holding ``anniversaries.yaml``, ``units/`` or ``campaigns/``.
- Without ``--registry`` (or ``THIDUA_REGISTRY``, or ``validate REGISTRY``), the registry is
  found from the current folder: the folder itself, or its ``data/``, or the same in each
  folder above it (``cd data/campaigns && thidua validate`` checks ``data``).
- Every output names a file by its path from the repository root — the GitHub workspace when
  the registry is inside it, else the nearest folder above the registry holding ``.git`` —,
  or, outside a repository, from the registry's parent folder. Text, JSON, GitHub and SARIF
  therefore name a file alike (``data/campaigns/x.yaml``), from wherever the command runs.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path

#: What makes a folder a registry: any one of these in it.
REGISTRY_MARKS = ("anniversaries.yaml", "anniversaries.yml", "units", "campaigns", "results", "scoring")


def is_registry(folder: Path) -> bool:
    return any((folder / mark).exists() or (folder / mark).is_symlink() for mark in REGISTRY_MARKS)


def find_registry(start: Path) -> Path | None:
    """The registry the current folder belongs to (see the module's rule), as a path
    relative to ``start`` when it is one."""
    start = Path(os.path.abspath(start))
    for folder in (start, *start.parents):
        for candidate in (folder, folder / "data"):
            if is_registry(candidate):
                return Path(os.path.relpath(candidate, start))
    return None


@functools.lru_cache(maxsize=64)
def _repository_root(start: Path, workspace: str | None) -> Path:
    if workspace:
        root = Path(os.path.abspath(workspace))
        if start == root or root in start.parents:
            return root
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start.parent


def repository_root(registry: Path) -> Path:
    """The folder every shown path starts from (see the module's rule)."""
    return _repository_root(Path(os.path.abspath(registry)), os.environ.get("GITHUB_WORKSPACE"))


def display_name(root: Path, path: Path) -> str:
    """A registry file's name as every output shows it (see the module's rule)."""
    return namer(root)(path)


def namer(root: Path) -> Callable[[Path], str]:
    """:func:`display_name` for many files of one registry: the repository root is found
    once (per file it was 60 µs, 0.8 s of a province's 12,000 files)."""
    base = str(repository_root(root))
    prefix = base.rstrip(os.sep) + os.sep

    def name_of(path: Path) -> str:
        absolute = os.path.abspath(path)
        name = Path(absolute[len(prefix):]).as_posix() if absolute.startswith(prefix) else path.as_posix()
        # A name that is not UTF-8 on disk ("\udcff" after fsdecode) would make the text and
        # JSON output invalid UTF-8: show its odd bytes as \xff instead.
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")

    return name_of
