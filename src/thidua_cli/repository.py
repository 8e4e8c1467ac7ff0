"""Where the registry stands in its repository: the paths GitHub and SARIF name files by."""

from __future__ import annotations

import os
from pathlib import Path

from thidua_cli.registry.data import Registry
from thidua_cli.registry.layout import repository_root

__all__ = ["repository_paths", "repository_root"]  # the root's rule is layout's, shared with shown names


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
