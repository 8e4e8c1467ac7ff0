"""Where the registry stands in its repository: the paths GitHub and SARIF name files by."""

from __future__ import annotations

import os
from pathlib import Path

from thidua_cli.registry.data import Registry


def repository_root(registry: Path) -> Path:
    """The folder SARIF paths are relative to: the GitHub workspace when the registry is
    inside it, else the nearest folder above the registry holding ``.git``, else the
    registry's parent (where the text output's paths start)."""
    start = Path(os.path.abspath(registry))
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace:
        root = Path(os.path.abspath(workspace))
        if start == root or root in start.parents:
            return root
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start.parent


def repository_paths(registry: Registry) -> dict[str, str]:
    """Each registry file's path from the repository root (GitHub matches annotations
    and SARIF results to the pull request's files by it), keyed by its shown name."""
    root = repository_root(registry.root)
    paths = {}
    for name, path in registry.paths.items():
        try:
            paths[name] = Path(os.path.abspath(path)).relative_to(root).as_posix()
        except ValueError:
            continue  # outside the repository: the shown name is the best there is
    return paths
