"""How the results cache is kept on disk: plain JSON, in a folder only the user can write.

The cache folder is one that CI cache steps restore and other tools write, so nothing
read from it may be able to run code or to answer for bytes it was not made from:

- **Data only.** The store is one JSON document; loading it builds dicts, lists,
  strings and numbers, and the models are then validated by their own schema. Nothing
  in it names a class or a function to call (a pickle does, and runs it).
- **Only our own regular files, in a folder only we can write.** The folder must be
  ours and not writable by group or others; the store must be a regular file we own.
  It is opened with ``O_NONBLOCK`` and ``O_NOFOLLOW`` and checked with ``fstat`` on the
  open descriptor, so that a FIFO planted at its path cannot make a command hang and a
  link cannot lead elsewhere. Anything else is a miss: the cache is rebuilt, never
  trusted.
- **An entry answers only for its own bytes.** Each entry carries the hash, kind and
  name it was made from, checked against the file being read — an entry copied under
  another file's key is a miss.
- **Written in shards.** The entries are spread over SHARDS files by file name, so that a
  run in which one file changed rewrites one shard, not the whole store.
- **Nothing left behind.** The new store is written to a temporary file and moved into
  place; the temporary file is removed on every exit path, SIGTERM included (the signal
  is held until the file is gone, then delivered as it would have been). A temporary
  file left by a killed process (SIGKILL) is swept by a later write.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import signal
import stat
import tempfile
import threading
import time
import types
import typing
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from thidua_cli.models import Anniversary, Campaign, Cluster, Result, Unit
from thidua_cli.models.scoring import Scoring
from thidua_cli.problems import Location, Problem, Severity, Text, YamlPath
from thidua_cli.registry.directives import Directive
from thidua_cli.vn.targets import TargetValue

#: The name of a temporary store; a later write sweeps those older than STALE_SECONDS.
TEMP_PREFIX = ".tmp-"
STALE_SECONDS = 3600
#: How many files one store is spread over (a file's entries always in the same one).
SHARDS = 16
#: A larger shard is not read: a planted multi-gigabyte file must not exhaust memory.
MAX_SHARD_BYTES = 512 << 20

Entries = dict[str, Any]


# --------------------------------------------------------------------------- the folder and the file

def _euid() -> int | None:
    geteuid = getattr(os, "geteuid", None)
    return geteuid() if geteuid is not None else None


def _ours(info: os.stat_result) -> bool:
    """Owned by us and writable by nobody else."""
    euid = _euid()
    return (euid is None or info.st_uid == euid) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def safe_folder(folder: Path, create: bool) -> bool:
    """Whether ``folder`` is a folder of ours that only we can write (made 0700 if asked)."""
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _ours(info)


def shard_paths(path: Path) -> list[Path]:
    """The files of the store named ``path``: ``NAME.0.json`` … ``NAME.f.json``."""
    return [path.with_name(f"{path.stem}.{shard:x}{path.suffix}") for shard in range(SHARDS)]


def shard_of(key: str) -> int:
    """The shard of an entry, from its kind and file name (the key without the hash), so
    that a file's new entry replaces its old one in the same shard."""
    owner = key.rpartition("|")[0].encode("utf-8", "surrogateescape")
    return hashlib.blake2b(owner, digest_size=2).digest()[0] % SHARDS


def read(path: Path, version: str) -> Entries:
    """The entries of the store named ``path`` made by ``version``; a shard that cannot be
    read, or was made by another version, holds none."""
    if not safe_folder(path.parent, create=False):
        return {}
    entries: Entries = {}
    for shard in shard_paths(path):
        entries.update(_read_one(shard, version))
    return entries


def _read_one(path: Path, version: str) -> Entries:
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return {}
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _ours(info):
            return {}
        if info.st_size > MAX_SHARD_BYTES:
            return {}  # not one we wrote (a national registry's shards are ~30 MB)
        with os.fdopen(os.dup(fd), "rb") as handle:
            stored = json.loads(handle.read(MAX_SHARD_BYTES + 1))
    except (OSError, ValueError, RecursionError, MemoryError):
        return {}  # unreadable, not JSON, too deep: rebuilt
    finally:
        os.close(fd)
    if (not isinstance(stored, dict) or stored.get("version") != version
            or not isinstance(stored.get("entries"), dict)):
        return {}
    entries: Entries = stored["entries"]
    return entries


def write(path: Path, version: str, entries: Entries, old: Entries) -> None:
    """Make the store named ``path`` hold ``entries``, rewriting only the shards whose entries
    differ from ``old`` (what :func:`read` gave); a read-only home or a full disk costs speed
    only."""
    if not safe_folder(path.parent, create=True):
        return
    _sweep(path.parent)
    changed = {shard_of(key) for key in entries.keys() ^ old.keys()}
    changed.update(shard_of(key) for key, entry in entries.items()
                   if key in old and old[key] is not entry)
    by_shard: dict[int, Entries] = {shard: {} for shard in changed}
    for key, entry in entries.items():
        shard = shard_of(key)
        if shard in by_shard:
            by_shard[shard][key] = entry
    files = shard_paths(path)
    for shard in sorted(changed):
        _write_one(files[shard], version, by_shard[shard])


def _write_one(path: Path, version: str, entries: Entries) -> None:
    text = json.dumps({"version": version, "entries": entries}, ensure_ascii=False,
                      separators=(",", ":"))
    with _sigterm_held():
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=".json")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(text.encode("utf-8"))
            os.replace(tmp, path)  # readers see the old store or the new one, never half
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if not isinstance(exc, OSError):
                raise


def _sweep(folder: Path) -> None:
    """Remove temporary stores that a killed process left (older than an hour: not a
    concurrent run's)."""
    now = time.time()
    try:
        names = [n for n in os.listdir(folder) if n.startswith(TEMP_PREFIX)]
    except OSError:
        return
    for name in names:
        with contextlib.suppress(OSError):
            info = os.lstat(folder / name)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
                os.unlink(folder / name)


class _Terminated(BaseException):
    """SIGTERM arrived while a temporary store existed."""


@contextlib.contextmanager
def _sigterm_held() -> Iterator[None]:
    """Run the block with SIGTERM turned into an exception (so that ``write`` removes its
    temporary file), then deliver the signal to the handler there was before."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(signum: int, frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, terminated)
    received = False
    try:
        yield
    except _Terminated:
        received = True
    finally:
        signal.signal(signal.SIGTERM, previous)
    if received:
        signal.raise_signal(signal.SIGTERM)


# --------------------------------------------------------------------------- entries as plain data

_MODELS: dict[str, type[BaseModel]] = {
    "anniversaries": Anniversary, "units": Unit, "clusters": Cluster, "campaigns": Campaign,
    "results": Result, "scorings": Scoring}


def encode_location(loc: Location) -> list[Any]:
    return [loc.file, list(loc.path), loc.anchor, loc.line, loc.column]


def decode_location(data: list[Any]) -> Location:
    file, path, anchor, line, column = data
    if not isinstance(file, str) or anchor not in ("key", "value"):
        raise ValueError("not a location")
    return Location(file, decode_path(path), anchor, _int_or_none(line), _int_or_none(column))


def decode_path(data: list[Any]) -> YamlPath:
    """A YAML path stored as a list of keys and indexes."""
    if not isinstance(data, list) or not all(
            isinstance(p, (str, int)) and not isinstance(p, bool) for p in data):
        raise ValueError("not a path")
    return tuple(data)


def _int_or_none(value: Any) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise ValueError("not a number")


def encode_problem(problem: Problem) -> list[Any]:
    return [problem.rule, problem.severity.value, encode_location(problem.location),
            [problem.message.vi, problem.message.en],
            None if problem.related is None else encode_location(problem.related),
            problem.line, problem.column]


def decode_problem(data: list[Any]) -> Problem:
    rule, severity, location, (vi, en), related, line, column = data
    if not all(isinstance(s, str) for s in (rule, vi, en)):
        raise ValueError("not a problem")
    return Problem(rule, Severity(severity), decode_location(location), Text(vi, en),
                   None if related is None else decode_location(related),
                   _int_or_none(line) or 0, _int_or_none(column) or 0)


def encode_model(model: BaseModel) -> dict[str, Any]:
    data = model.model_dump(mode="json", exclude_unset=True)
    if isinstance(model, Campaign):
        # A target value is kept as its parts, not as text to parse again: exact, and it
        # spares the target parser on every warm run.
        for target, dumped in zip(model.targets, data.get("targets", ()), strict=True):
            value = target.value
            dumped["value"] = {"kind": value.kind, "low": _decimal_text(value.low),
                               "high": _decimal_text(value.high), "percent": value.percent}
    return data


def decode_model(kind: str, data: dict[str, Any]) -> BaseModel:
    if kind == "campaigns" and "targets" in data:
        # New dicts: the stored entry is written back unchanged when it is still valid.
        data = {**data, "targets": [{**target, "value": _target_value(target["value"])}
                                    for target in data["targets"]]}
    model = _MODELS[kind]
    return model.model_validate(_with_dates(model, data))


def _with_dates(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (a new dict) with the ISO text of each date field turned back into a date:
    the schema's date parser takes a date as it is, and the Vietnamese forms it also reads
    cost more than the rest of a model. A field missed here is still parsed, only slower."""
    copied = dict(data)
    for name, (is_date, submodel) in _date_fields(model).items():
        value = copied.get(name)
        if value is None:
            continue
        if is_date:
            copied[name] = date.fromisoformat(value) if isinstance(value, str) else value
        elif submodel is not None and isinstance(value, list):
            copied[name] = [_with_dates(submodel, v) if isinstance(v, dict) else v for v in value]
        elif submodel is not None and isinstance(value, dict):
            copied[name] = _with_dates(submodel, value)
    return copied


@functools.cache
def _date_fields(model: type[BaseModel]) -> dict[str, tuple[bool, type[BaseModel] | None]]:
    """The fields of ``model`` that hold a date, or models (alone or in a list) that may."""
    found: dict[str, tuple[bool, type[BaseModel] | None]] = {}
    for name, info in model.model_fields.items():
        kinds = _leaf_types(info.annotation)
        if date in kinds:
            found[name] = (True, None)
            continue
        submodels = [k for k in kinds if isinstance(k, type) and issubclass(k, BaseModel)]
        if len(submodels) == 1 and _date_fields(submodels[0]):
            found[name] = (False, submodels[0])
    return found


def _leaf_types(annotation: Any) -> list[Any]:
    """The types inside Optional[...], list[...] and Annotated[...]."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, list, typing.Annotated):
        inner = args[:1] if typing.get_origin(annotation) is typing.Annotated else args
        return [leaf for arg in inner for leaf in _leaf_types(arg)]
    return [annotation]


def _target_value(value: dict[str, Any]) -> TargetValue:
    return TargetValue(value["kind"], _decimal(value["low"]), _decimal(value["high"]),
                       value["percent"] is True)


def _decimal_text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("not a decimal")
    return Decimal(value)


def encode_directive(directive: Directive) -> list[Any]:
    return [directive.line, directive.column, [list(n) for n in directive.names],
            directive.alone, directive.valid]


def decode_directive(data: list[Any]) -> Directive:
    line, column, names, alone, valid = data
    return Directive(int(line), int(column), [(str(n), int(c)) for n, c in names],
                     alone is True, valid is True)
