"""A content-hash cache of what each registry file yields on its own.

``thidua validate`` runs on every commit; between two runs usually one file has
changed. What a file yields by itself — its models, the problems found while reading
and checking it against the schema, its ``# thidua: disable=`` comments — depends only
on its bytes, its kind and its name, and on the code that reads it. Those are the key:

    (kind, display name, BLAKE2b of the bytes)  within  (thidua version, Python version,
                                                        hash of the reading code)

Nothing that spans files is cached: the rules (references, the unit tree, targets
against the superior's, duplicate ids …) run on every call over all models, so an edit
in one file can never leave a stale cross-file answer.

Where: one file per registry in the user's cache folder (``$THIDUA_CACHE_DIR``, else
``$XDG_CACHE_HOME/thidua``, else ``~/.cache/thidua``), named by a hash of the registry's
absolute path. Not inside the registry: entries are pickles, and a pickle must never be
read from a folder that a pull request can fill. Deleting the folder is always safe.
A cache that cannot be read, or an entry that does not unpickle into what is expected,
is ignored and rebuilt — never trusted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thidua_cli import __version__
from thidua_cli.problems import Problem
from thidua_cli.registry import loader, yaml_source
from thidua_cli.registry.loader import Registry

#: Bumped by hand when the stored layout changes.
FORMAT = 3  # 2: FileResult.cuts, 3: .unloaded
_PACKAGE = Path(__file__).resolve().parent.parent


def cache_root() -> Path:
    explicit = os.environ.get("THIDUA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "thidua"


def cache_file(root: Path, folder: Path | None = None) -> Path:
    name = hashlib.blake2b(str(root.resolve()).encode("utf-8", "surrogateescape"),
                           digest_size=12).hexdigest()
    return (folder or cache_root()) / f"{name}.pickle"


def code_version() -> str:
    """thidua, Python and the code that turns a file into models and problems.

    The source of the reading code is hashed too, so that an edited model or rule of the
    schema (even without a version bump, as in development) invalidates everything.
    """
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}|{__version__}|{sys.version}".encode())
    for sub in ("registry", "models", "vn"):
        for path in sorted((_PACKAGE / sub).glob("*.py")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    for name in ("problems.py", "suppress.py"):
        path = _PACKAGE / name
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class FileResult:
    """What one file yields by itself (positions of its problems not yet placed)."""

    problems: list[Problem] = field(default_factory=list)
    anniversaries: list[Any] = field(default_factory=list)
    units: list[Any] = field(default_factory=list)
    clusters: list[Any] = field(default_factory=list)
    campaigns: list[Any] = field(default_factory=list)
    broken_ids: set[str] = field(default_factory=set)
    suppressions: list[Any] | None = None
    cuts: list[Any] = field(default_factory=list)
    unloaded: bool = False


def _compute(kind: str, name: str, raw: bytes) -> FileResult:
    scratch = Registry(root=Path("."))
    suppressions: dict[str, list[Any]] = {}
    source = loader.source_from_bytes(raw, name, suppressions)
    result = FileResult(problems=list(source.problems))
    if source.usable:
        result.problems.extend(loader._load_source(scratch, kind, source))
    result.anniversaries, result.units = scratch.anniversaries, scratch.units
    result.clusters, result.campaigns = scratch.clusters, scratch.campaigns
    result.broken_ids = scratch.broken_ids
    result.suppressions = suppressions.get(name)
    result.cuts = scratch.cuts.get(name, [])
    result.unloaded = kind != "campaigns" and (not source.usable or name in scratch.unloaded)
    return result


def _read_store(path: Path, version: str) -> dict[tuple[str, str, str], bytes]:
    try:
        with path.open("rb") as handle:
            stored = pickle.load(handle)
    except Exception:  # noqa: BLE001 - any unreadable cache is simply rebuilt
        return {}
    if (not isinstance(stored, dict) or stored.get("version") != version
            or not isinstance(stored.get("entries"), dict)):
        return {}
    return stored["entries"]


def _write_store(path: Path, version: str, entries: dict[tuple[str, str, str], bytes]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump({"version": version, "entries": entries}, handle,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # readers see the old store or the new one, never half
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only home or a full disk costs speed, not correctness


def load(root: Path, folder: Path | None = None,
         progress: Callable[[int, int], None] | None = None) -> tuple[Registry, list[Problem]]:
    """:func:`loader.load` with each file's own results taken from the cache when its
    bytes are unchanged; ``progress(done, total)`` is told after each file."""
    registry = loader.open_registry(root)
    store_path = cache_file(root, folder)
    version = code_version()
    old = _read_store(store_path, version)
    new: dict[tuple[str, str, str], bytes] = {}
    problems: list[Problem] = []
    changed = False
    files = list(loader.find_files(root))
    for done, (kind, path) in enumerate(files):
        if progress is not None:
            progress(done, len(files))
        name = loader.display_name(root, path)
        registry.files.append(name)
        registry.paths[name] = path
        registry.kinds[name] = kind
        raw = loader.read_raw(path, name)
        if isinstance(raw, yaml_source.SourceFile):  # unreadable: nothing to cache
            problems.extend(raw.problems)
            if kind != "campaigns":
                registry.unloaded.add(name)
            continue
        key = (kind, name, hashlib.blake2b(raw, digest_size=20).hexdigest())
        result = None
        blob = old.get(key)
        if blob is not None:
            try:
                result = pickle.loads(blob)
            except Exception:  # noqa: BLE001 - a corrupt entry is recomputed
                result = None
            if not isinstance(result, FileResult):
                result = None
        if result is None:
            result = _compute(kind, name, raw)
            blob = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            changed = True
        new[key] = blob
        problems.extend(result.problems)
        registry.anniversaries.extend(result.anniversaries)
        registry.units.extend(result.units)
        registry.clusters.extend(result.clusters)
        registry.campaigns.extend(result.campaigns)
        registry.broken_ids.update(result.broken_ids)
        if result.suppressions is not None:
            registry.suppressions[name] = result.suppressions
        if result.cuts:
            registry.cuts[name] = result.cuts
        if result.unloaded:
            registry.unloaded.add(name)
    if progress is not None:
        progress(len(files), len(files))
    problems.extend(loader.ignored_files(root))  # not a file's own result: never cached
    if changed or new.keys() != old.keys():
        _write_store(store_path, version, new)
    return registry, problems
