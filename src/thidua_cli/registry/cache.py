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

Where: one store per registry, in shards (:mod:`~thidua_cli.registry.cache_store`), in the
user's cache folder (``$THIDUA_CACHE_DIR``, else
``$XDG_CACHE_HOME/thidua``, else ``~/.cache/thidua``), named by a hash of the registry's
absolute path. The store is plain JSON (:mod:`thidua_cli.registry.cache_store`: data
only, read only from a folder only the user can write, each entry checked against the
bytes it answers for). Deleting the folder is always safe. A store or an entry that
cannot be read is a miss and is rebuilt — never trusted.

The key holds the version of everything that shapes a file's result: thidua and the
source of its reading code, Python, PyYAML and the libyaml it was built with, pydantic
and pydantic-core, ruamel.yaml — a venv with another PyYAML never replays this one's
answer. A result that the machine rather than the file caused (out of memory while
parsing) is never stored.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from thidua_cli import __version__
from thidua_cli.problems import Problem
from thidua_cli.registry import cache_store, loader
from thidua_cli.registry.data import NOTHING_CUT, Entry, FileResult, Registry

#: Bumped by hand when the stored layout changes.
FORMAT = 4  # 3: FileResult.cuts and .unloaded, Entry.partial; 4: Entry.cut
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
    return (folder or cache_root()) / f"{name}.json"


def library_versions() -> str:
    """The versions of the libraries that shape what a file yields (parser, schema)."""
    import importlib.metadata

    import pydantic
    import pydantic_core
    import yaml

    libyaml = "none"
    if getattr(yaml, "__with_libyaml__", False):
        from yaml import _yaml
        libyaml = _yaml.get_version_string()
    try:
        ruamel = importlib.metadata.version("ruamel.yaml")
    except importlib.metadata.PackageNotFoundError:
        ruamel = "none"
    return (f"PyYAML {yaml.__version__} libyaml {libyaml} pydantic {pydantic.VERSION} "
            f"pydantic-core {pydantic_core.__version__} ruamel.yaml {ruamel}")


def code_version() -> str:
    """thidua, Python, the libraries and the code that turn a file into models and problems.

    The source of the reading code is hashed too, so that an edited model or rule of the
    schema (even without a version bump, as in development) invalidates everything.
    """
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}|{__version__}|{sys.version}|{sys.implementation.name}|"
                  f"{library_versions()}".encode())
    for sub in ("registry", "models", "vn"):
        for path in sorted((_PACKAGE / sub).glob("*.py")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    for name in ("problems.py", "suppress.py"):
        path = _PACKAGE / name
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _cacheable(result: FileResult) -> bool:
    """Whether a result is the file's own: ``file-unreadable`` after the bytes were read
    means the machine ran out of memory parsing them — another run may not."""
    return not any(p.rule == "file-unreadable" for p in result.problems)


#: The lists of models a file result holds: every list field but its problems (so that a
#: kind added to the table is cached whole, or — without a model in cache_store — not at all).
_KINDS = tuple(f.name for f in dataclasses.fields(FileResult)
               if f.name not in ("problems", "broken_ids", "suppressions", "cuts", "unloaded"))


def encode(result: FileResult, kind: str, name: str, digest: str) -> dict[str, Any]:
    """A file's result as plain data, with what it was made from."""
    return {
        "kind": kind, "name": name, "hash": digest,
        "problems": [cache_store.encode_problem(p) for p in result.problems],
        **{key: [[cache_store.encode_model(e.model), cache_store.encode_location(e.loc), e.owner,
                  [list(path) for path in sorted(e.cut, key=repr)]]
                 for e in getattr(result, key)] for key in _KINDS},
        "broken_ids": sorted(result.broken_ids),
        "suppressions": None if result.suppressions is None else [
            cache_store.encode_directive(d) for d in result.suppressions],
        "cuts": [[list(path), index] for path, index in result.cuts],
        "unloaded": result.unloaded,
    }


def decode(entry: Any, kind: str, name: str, digest: str) -> FileResult | None:
    """The result an entry holds, if it was made from exactly these bytes; else None."""
    if (not isinstance(entry, dict) or entry.get("hash") != digest or entry.get("kind") != kind
            or entry.get("name") != name):
        return None  # an entry under a key it was not made for answers for nothing
    try:
        result = FileResult(problems=[cache_store.decode_problem(p) for p in entry["problems"]])
        for key in _KINDS:
            setattr(result, key, [
                Entry(cache_store.decode_model(key, model), cache_store.decode_location(loc),
                      owner if isinstance(owner, str) else None,
                      frozenset(cache_store.decode_path(path) for path in cut) if cut else NOTHING_CUT)
                for model, loc, owner, cut in entry[key]])
        result.broken_ids = {str(i) for i in entry["broken_ids"]}
        if entry["suppressions"] is not None:
            result.suppressions = [cache_store.decode_directive(d) for d in entry["suppressions"]]
        result.cuts = [(cache_store.decode_path(path), int(index)) for path, index in entry["cuts"]]
        result.unloaded = entry["unloaded"] is True
    except Exception:  # any entry that does not decode is recomputed, never trusted
        return None
    return result


def load(root: Path, folder: Path | None = None,
         progress: Callable[[int, int], None] | None = None) -> tuple[Registry, list[Problem]]:
    """:func:`loader.load` with each file's own results taken from the cache when its
    bytes are unchanged; ``progress(done, total)`` is told as the loader tells it."""
    version = code_version()
    store: list[tuple[Path, dict[str, Any]]] = []
    new: dict[str, Any] = {}
    changed = False

    def opened() -> tuple[Path, dict[str, Any]]:
        # Only once the loader has opened the registry: a path that is no registry (a
        # missing folder, a symlink loop that resolve() refuses) is the loader's to report.
        if not store:
            path = cache_file(root, folder)
            store.append((path, cache_store.read(path, version)))
        return store[0]

    def cached(kind: str, name: str, raw: bytes) -> FileResult:
        nonlocal changed
        old = opened()[1]
        digest = hashlib.blake2b(raw, digest_size=20).hexdigest()
        key = f"{kind}|{name}|{digest}"
        stored = old.get(key)
        result = decode(stored, kind, name, digest) if stored is not None else None
        if result is None:
            result = loader.file_result(kind, name, raw)
            changed = True
            if _cacheable(result):
                new[key] = encode(result, kind, name, digest)
        else:
            new[key] = stored
        return result

    registry, problems = loader.load(root, progress, cached)
    store_path, old = opened()
    if changed or new.keys() != old.keys():
        cache_store.write(store_path, version, new, old)
    return registry, problems
