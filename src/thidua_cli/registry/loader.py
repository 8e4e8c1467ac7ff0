"""Files → models: the registry as the rules see it, and every problem met on the way.

A file that cannot be read never stops the others: its problems are recorded
and loading goes on. Units and anniversaries are validated item by item, so one
typo in a list of fifty units does not hide the other forty-nine (and does not
make every reference to them look unknown).
"""

from __future__ import annotations

import copy
import errno
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from thidua_cli import suppress
from thidua_cli.models import AnniversariesFile, Anniversary, Campaign, Cluster, Unit, UnitsFile
from thidua_cli.problems import Location, Problem, Severity, Text, YamlPath
from thidua_cli.registry import schema_errors, yaml_source
from thidua_cli.registry.layout import display_name, is_registry

__all__ = ["display_name", "is_registry"]  # re-exported: config, cache and fix name files alike

M = TypeVar("M", bound=BaseModel)

YAML_SUFFIXES = (".yaml", ".yml")


class RegistryError(Exception):
    """The registry cannot be opened at all (exit 2)."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.text = Text(vi, en)


@dataclass
class Entry(Generic[M]):
    """A model and where it stands: its file and its path in that file."""

    model: M
    loc: Location
    owner: str | None = None  # for a unit's local anniversary: the unit id
    #: the model was built from what remained of the entry once the parts that failed the
    #: schema were left out: the rules check the rest, nothing is ever made from it
    partial: bool = False


@dataclass
class Registry:
    root: Path
    files: list[str] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)
    anniversaries: list[Entry[Anniversary]] = field(default_factory=list)
    units: list[Entry[Unit]] = field(default_factory=list)
    clusters: list[Entry[Cluster]] = field(default_factory=list)
    campaigns: list[Entry[Campaign]] = field(default_factory=list)
    #: ids of entries that exist but failed the schema: references to them are
    #: not reported as unknown, since the schema problem already says what is wrong.
    broken_ids: set[str] = field(default_factory=set)
    #: ``# thidua: disable=`` comments by file, for the few files that hold one.
    suppressions: dict[str, list[suppress.Directive]] = field(default_factory=dict)
    #: items left out of a partial entry's lists, by file, in the order they were left out:
    #: (the list's path, the item's index then); see :func:`restore_paths`.
    cuts: dict[str, list[tuple[YamlPath, int]]] = field(default_factory=dict)
    #: each file's kind (anniversaries, units, campaigns), by shown name
    kinds: dict[str, str] = field(default_factory=dict)
    #: units and anniversaries files whose entries could not be read at all (a syntax or
    #: encoding error, no top-level key): a reference to an id they hold is a consequence
    unloaded: set[str] = field(default_factory=set)


def find_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(kind, path) of each registry file, in a stable order."""
    for suffix in YAML_SUFFIXES:
        candidate = root / f"anniversaries{suffix}"
        if candidate.exists() or candidate.is_symlink():
            yield "anniversaries", candidate
    for kind in ("units", "campaigns"):
        folder = root / kind
        if not folder.is_dir():
            if folder.exists() or folder.is_symlink():
                # A file or a broken/looping link where the folder should be: say so
                # (read_file reports it) rather than check nothing and exit 0.
                yield kind, folder
            continue
        # Subfolders too (campaigns/2027/…): a by-year layout is common, and a file
        # that is not read must never pass as checked.
        for path in _walk(folder):
            if path.name.endswith(YAML_SUFFIXES):
                yield kind, path


def _walk(folder: Path) -> Iterator[Path]:
    """Every entry under ``folder`` but hidden ones (.git, editor swap files), sorted;
    folders are entered once, and a link to a folder is not followed (``up -> ..`` would
    read the registry root as campaigns)."""
    seen: set[tuple[int, int]] = set()

    def visit(current: Path) -> Iterator[Path]:
        try:
            info = current.stat()
            entries = sorted(current.iterdir())
        except OSError:
            return
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        for path in entries:
            if path.name.startswith("."):
                continue
            if path.is_dir() and not path.name.endswith(YAML_SUFFIXES):
                if not path.is_symlink():
                    yield from visit(path)
            else:
                yield path

    yield from visit(folder)


#: Folders at the registry root that hold no registry YAML of the format this version reads
#: (``schema/`` is written by ``thidua init``; ``results/`` and ``scoring/`` are v2 files).
_OTHER_FOLDERS = ("schema", "results", "scoring", "templates", "out")
_ROOT_FILES = ("anniversaries.yaml", "anniversaries.yml", "thidua.yaml")


def _lookalike(name: str) -> str | None:
    """The name a file was meant to have when it looks like a registry file saved under
    another name (``x.YAML``, ``x.yaml.txt`` from Notepad), else None."""
    lower = name.lower()
    for suffix in YAML_SUFFIXES:
        if lower.endswith(suffix) and not name.endswith(suffix):
            return name[: -len(suffix)] + suffix
        for extra in (".txt", ".text"):
            if lower.endswith(suffix + extra):
                return name[: -len(suffix + extra)] + suffix
    return None


def ignored_files(root: Path) -> Iterator[Problem]:
    """A ``file-ignored`` problem for each file that looks like a registry file but will
    not be read, saying what to do: a misnamed file, a YAML file at the root, a folder
    with another name than ``units/`` or ``campaigns/``."""
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return
    for path in entries:
        if path.name.startswith("."):
            continue
        name = display_name(root, path)
        if path.is_dir():
            if path.name in ("units", "campaigns", *_OTHER_FOLDERS):
                if path.name in ("units", "campaigns"):
                    yield from _misnamed_inside(root, path)
                continue
            held = [inner for inner in _walk(path)
                    if inner.name.lower().endswith(YAML_SUFFIXES) or _lookalike(inner.name)]
            if not held:
                continue
            hint = schema_errors.did_you_mean(path.name.lower(), ("units", "campaigns"))
            vi = (f'có phải ý bạn là "{hint}/"? hãy đổi tên thư mục' if hint else
                  "hãy chuyển các tệp phong trào vào campaigns/, tệp đơn vị vào units/")
            en = (f'did you mean "{hint}/"? rename the folder' if hint else
                  "move campaign files into campaigns/ and unit files into units/")
            yield _ignored(name + "/", f"thư mục này ({len(held)} tệp YAML) không được đọc; {vi}",
                           f"this folder ({len(held)} YAML file{'s' * (len(held) > 1)}) is not read; {en}")
            continue
        if path.name in _ROOT_FILES:
            continue
        meant = _lookalike(path.name)
        if meant in _ROOT_FILES:
            yield _renamed(name, meant)
        elif path.name.endswith(YAML_SUFFIXES) or meant:
            yield _ignored(name, "tệp nằm ở gốc sổ đăng ký nên không được đọc; hãy chuyển "
                                 "tệp phong trào vào campaigns/, tệp đơn vị vào units/",
                           "the file sits at the registry's root and is not read; move a campaign "
                           "file into campaigns/ and a units file into units/")


def _misnamed_inside(root: Path, folder: Path) -> Iterator[Problem]:
    for path in _walk(folder):
        meant = _lookalike(path.name)
        if meant is not None and not path.is_dir():
            yield _renamed(display_name(root, path), meant)


def _renamed(name: str, meant: str) -> Problem:
    suffix = meant[meant.rindex("."):]
    return _ignored(name, f'tên tệp không kết thúc bằng "{suffix}" nên tệp không được đọc; '
                          f'hãy đổi tên thành "{meant}" (Notepad: chọn "Save as type: All files")',
                    f'the name does not end in "{suffix}", so the file is not read; rename it '
                    f'to "{meant}" (Notepad: choose "Save as type: All files")')


def _ignored(name: str, vi: str, en: str) -> Problem:
    return Problem("file-ignored", Severity.ERROR, Location(name, line=1, column=1), Text(vi, en),
                   line=1, column=1)


def open_registry(root: Path) -> Registry:
    if not root.exists():
        raise RegistryError(
            f"không tìm thấy sổ đăng ký: thư mục {root} không tồn tại "
            "(dùng --registry THƯ_MỤC hoặc biến THIDUA_REGISTRY, hoặc tạo mới bằng `thidua init`)",
            f"registry not found: folder {root} does not exist "
            "(use --registry DIR or THIDUA_REGISTRY, or create one with `thidua init`)")
    if not root.is_dir():
        raise RegistryError(f"{root} không phải là thư mục sổ đăng ký",
                            f"{root} is not a registry folder")
    if not os.access(root, os.R_OK | os.X_OK):
        raise RegistryError(f"không có quyền đọc thư mục {root}",
                            f"no permission to read folder {root}")
    if not is_registry(root):
        # Never a green "0 files checked": a mistyped path in CI would pass forever.
        raise RegistryError(
            f"thư mục {root} không chứa sổ đăng ký: cần có anniversaries.yaml, thư mục units/ "
            f"hoặc campaigns/{_nearby_vi(root)}",
            f"folder {root} holds no registry: expected anniversaries.yaml, a units/ or a "
            f"campaigns/ folder{_nearby_en(root)}")
    return Registry(root=root)


def _nearby(root: Path) -> Path | None:
    """The registry the user probably meant: ``root/data`` or a folder above ``root``
    (``--registry data/campaigns``)."""
    if is_registry(root / "data"):
        return root / "data"
    absolute = Path(os.path.abspath(root))
    for parent in absolute.parents:
        if is_registry(parent):
            return Path(os.path.relpath(parent)) if not root.is_absolute() else parent
    return None


def _nearby_vi(root: Path) -> str:
    near = _nearby(root)
    if near is None:
        return " (tạo sổ đăng ký mới bằng `thidua init`)"
    return f'; sổ đăng ký ở "{near}": dùng --registry "{near}"'


def _nearby_en(root: Path) -> str:
    near = _nearby(root)
    if near is None:
        return " (create a new registry with `thidua init`)"
    return f'; the registry is in "{near}": use --registry "{near}"'


#: Past this size a file is refused unread, so that a multi-gigabyte file cannot
#: exhaust memory. Generous on purpose: a whole country's units in one file
#: (135,000 units) is about 18 MB.
MAX_FILE_BYTES = 64 << 20


_REASONS_VI = {
    errno.ELOOP: "vòng lặp liên kết tượng trưng",
    errno.ENOENT: "không tồn tại, có thể là liên kết hỏng",
    errno.EACCES: "không có quyền đọc",
    errno.EPERM: "không có quyền đọc",
    errno.EIO: "lỗi vào/ra",
}


def read_file(path: Path, name: str,
              suppressions: dict[str, list[suppress.Directive]] | None = None
              ) -> yaml_source.SourceFile:
    raw = read_raw(path, name)
    if isinstance(raw, yaml_source.SourceFile):
        return raw
    return source_from_bytes(raw, name, suppressions)


def read_raw(path: Path, name: str) -> bytes | yaml_source.SourceFile:
    """A file's bytes, or the file-unreadable problem (the cache hashes these bytes)."""
    if not path.name.endswith(YAML_SUFFIXES):
        # Only a units/ or campaigns/ that is not a folder comes here (see find_files).
        return _unreadable(name, "phải là một thư mục chứa các tệp .yaml",
                           "must be a folder of .yaml files")
    if path.is_dir():
        return _unreadable(name, "là một thư mục, không phải tệp", "is a folder, not a file")
    if path.exists() and not path.is_file():
        # Opening a named pipe blocks forever; a device may never end.
        return _unreadable(name, "không phải là tệp thông thường (ống, thiết bị hoặc socket)",
                           "is not a regular file (a pipe, device or socket)")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        reason_vi = _REASONS_VI.get(exc.errno, reason)  # strerror is English
        return _unreadable(name, f"không đọc được ({reason_vi})", f"cannot be read ({reason})")
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES >> 20
        return _unreadable(name, f"lớn hơn {limit} MiB, quá lớn cho một tệp sổ đăng ký",
                           f"is larger than {limit} MiB, too large for a registry file")
    return raw


def source_from_bytes(raw: bytes, name: str,
                      suppressions: dict[str, list[suppress.Directive]] | None = None
                      ) -> yaml_source.SourceFile:
    try:
        source = yaml_source.read(raw, name)
    except MemoryError:
        # libyaml builds every node first (~400 bytes each): a few MiB of "1,1,1,…" can
        # exhaust memory. The half-built nodes are freed by now; the other files go on.
        size = f"{len(raw) / (1 << 20):.1f} MiB"
        return _unreadable(name, f"({size}) không đủ bộ nhớ để đọc",
                           f"({size}) is too large to read in the available memory")
    if suppressions is not None and suppress.MARKER in raw:
        # Found here, where the bytes are at hand: the files without one are never read twice.
        suppressions[name] = suppress.scan(raw)
    return source


def _unreadable(name: str, vi: str, en: str) -> yaml_source.SourceFile:
    problem = Problem("file-unreadable", Severity.ERROR, Location(name, line=1, column=1),
                      Text(f"{name} {vi}; hãy sửa hoặc xóa nó khỏi sổ đăng ký",
                           f"{name} {en}; fix it or remove it from the registry"),
                      line=1, column=1)
    return yaml_source.SourceFile(name, problems=[problem], usable=False)


def load(root: Path, progress: Callable[[int, int], None] | None = None
         ) -> tuple[Registry, list[Problem]]:
    """The registry at ``root`` and the problems met reading it; ``progress(done, total)``
    is told after each file."""
    registry = open_registry(root)
    problems: list[Problem] = []
    files = list(find_files(root))
    for done, (kind, path) in enumerate(files, 1):
        if progress is not None:
            progress(done - 1, len(files))
        name = display_name(root, path)
        registry.files.append(name)
        registry.paths[name] = path
        registry.kinds[name] = kind
        source = read_file(path, name, registry.suppressions)
        problems.extend(source.problems)
        if source.usable:
            problems.extend(_load_source(registry, kind, source))
        elif kind != "campaigns":
            registry.unloaded.add(name)
    if progress is not None:
        progress(len(files), len(files))
    problems.extend(ignored_files(root))
    return registry, problems


# --------------------------------------------------------------------------- per kind

_TOP_KEYS = {"anniversaries": ("anniversaries",), "units": ("units", "clusters")}


def _top_level(source: yaml_source.SourceFile, kind: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    data = source.data
    where = Location(source.file, line=1, column=1)
    example = {"anniversaries": "anniversaries:", "units": "units:", "campaigns": "id: …"}[kind]
    if data is None:
        return None, [Problem("schema", Severity.ERROR, where,
                              Text(f'tệp rỗng; hãy viết nội dung bắt đầu bằng "{example}" hoặc xóa tệp',
                                   f'the file is empty; write content starting with "{example}" '
                                   "or delete the file"),
                              line=1, column=1)]
    if not isinstance(data, dict):
        got_vi, got_en = schema_errors.describe(data)
        return None, [Problem("schema", Severity.ERROR, where,
                              Text(f'cấp ngoài cùng của tệp phải là bảng khóa: giá trị '
                                   f'(bắt đầu bằng "{example}"), không phải {got_vi}',
                                   f'the top level of the file must be a mapping of key: value '
                                   f'(starting with "{example}"), not {got_en}'),
                              line=1, column=1)]
    return data, []


def _load_source(registry: Registry, kind: str, source: yaml_source.SourceFile) -> list[Problem]:
    data, problems = _top_level(source, kind)
    if data is None or (kind != "campaigns" and not set(_TOP_KEYS[kind]) & set(data)):
        if kind != "campaigns":
            registry.unloaded.add(source.file)
        if data is None:
            return problems
    if kind == "campaigns":
        campaign, partial = _validate_partial(Campaign, data, Location(source.file), problems,
                                              registry)
        if campaign is not None:
            registry.campaigns.append(Entry(campaign, Location(source.file), partial=partial))
        elif isinstance(data.get("id"), str):
            registry.broken_ids.add(data["id"])
        return problems
    model_for_file = AnniversariesFile if kind == "anniversaries" else UnitsFile
    problems.extend(_unknown_top_keys(data, model_for_file, source.file))
    if kind == "anniversaries":
        typo = any(schema_errors.did_you_mean(str(key), ("anniversaries",)) for key in data)
        if "anniversaries" not in data and not typo:  # a typo is said once, at the typo
            problems.append(Problem("schema", Severity.ERROR, Location(source.file, line=1, column=1),
                                    Text('thiếu khóa "anniversaries:" ở đầu tệp',
                                         'missing the "anniversaries:" key at the top of the file'),
                                    line=1, column=1))
        for entry in _validate_items(Anniversary, data, "anniversaries", source.file, problems,
                                     registry):
            registry.anniversaries.append(entry)
        return problems
    for unit in _validate_items(Unit, data, "units", source.file, problems, registry):
        registry.units.append(unit)
        for index, anniversary in enumerate(unit.model.anniversaries):
            registry.anniversaries.append(
                Entry(anniversary, unit.loc.child("anniversaries", index), owner=unit.model.id))
    for cluster in _validate_items(Cluster, data, "clusters", source.file, problems, registry):
        registry.clusters.append(cluster)
    return problems


def _unknown_top_keys(data: dict[str, Any], model: type[BaseModel], file: str) -> list[Problem]:
    problems = []
    for key in data:
        if key not in model.model_fields:
            hint = schema_errors.did_you_mean(str(key), model.model_fields)
            known = ", ".join(model.model_fields)
            problems.append(Problem(
                "schema", Severity.ERROR, Location(file, (str(key),), "key"),
                Text(f'khóa "{key}" không có trong định dạng'
                     + (f'; có phải ý bạn là "{hint}"?' if hint else f"; các khóa hợp lệ: {known}"),
                     f'key "{key}" is not part of the format'
                     + (f'; did you mean "{hint}"?' if hint else f"; valid keys: {known}"))))
    return problems


def _validate(model: type[M], data: Any, loc: Location, problems: list[Problem]) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(schema_errors.to_problems(exc, model, loc))
        return None


def _validate_items(model: type[M], data: dict[str, Any], key: str, file: str,
                    problems: list[Problem], registry: Registry) -> Iterator[Entry[M]]:
    items = data.get(key)
    if items is None:
        return
    if not isinstance(items, list):
        got_vi, got_en = schema_errors.describe(items)
        problems.append(Problem(
            "schema", Severity.ERROR, Location(file, (key,)),
            Text(f'"{key}" cần một danh sách (các dòng bắt đầu bằng "- "), nhưng ở đây là {got_vi}',
                 f'"{key}" expects a list (lines starting with "- "), but found {got_en}')))
        return
    for index, item in enumerate(items):
        loc = Location(file, (key, index))
        validated, partial = _validate_partial(model, item, loc, problems, registry)
        if validated is not None:
            yield Entry(validated, loc, partial=partial)
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            registry.broken_ids.add(item["id"])


#: Lists whose items stand alone: leaving a broken one out leaves the others checkable
#: without inventing a consequence. Not ``phases`` (a phase left out would open a false
#: gap) nor ``members`` (a member left out would make the leader look like an outsider).
_PRUNABLE_LISTS = frozenset({"targets", "events", "basis", "context", "aims", "awards",
                             "implementation", "recipients", "movements", "items", "tasks",
                             "anniversaries"})
_PRUNE_ROUNDS = 8


def _validate_partial(model: type[M], data: Any, loc: Location, problems: list[Problem],
                      registry: Registry) -> tuple[M | None, bool]:
    """The model, and whether it is partial: when ``data`` fails the schema, its problems
    are recorded and the parts that failed are left out (an optional field, an item of a
    list of independent items, an entry of ``celebrates``) until the rest validates, so
    that one schema error never hides the entry's other problems. A value that is plainly
    one of the allowed choices written in Vietnamese (``level: cơ sở``) stands in as that
    choice. None when what is left cannot make a model (a required field of the entry)."""
    try:
        return model.model_validate(data), False
    except ValidationError as exc:
        problems.extend(schema_errors.to_problems(exc, model, loc))
        errors = exc.errors(include_url=False)
    pruned = copy.deepcopy(data)
    for _ in range(_PRUNE_ROUNDS):
        cuts: list[YamlPath] = []
        for error in errors:
            path, _anchor = schema_errors.clean_loc(tuple(error["loc"]))
            if error["type"] == "literal_error" and _stand_in(pruned, path, error):
                continue
            cuts.append(path[:-1] if error["type"] == "missing" else path)
        if not _cut(pruned, cuts, registry, loc):
            return None, False
        try:
            return model.model_validate(pruned), True
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
    return None, False


def _stand_in(data: Any, path: YamlPath, error: Any) -> bool:
    """Put the choice a Vietnamese value plainly names in its place (``cơ sở`` → ``co-so``)."""
    from thidua_cli.vn.slug import slugify

    value = error.get("input")
    choices = schema_errors.literal_choices(error)
    if not path or not isinstance(value, str) or slugify(value) not in choices:
        return False
    parent = _at(data, path[:-1])
    if isinstance(parent, dict) and path[-1] in parent:
        parent[path[-1]] = slugify(value)
        return True
    return False


def _at(data: Any, path: YamlPath) -> Any:
    for step in path:
        if isinstance(data, dict) and step in data:
            data = data[step]
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        else:
            return None
    return data


def _cut(data: Any, cuts: list[YamlPath], registry: Registry, loc: Location) -> bool:
    """Leave out each path (deepest list items last-first, so indexes stay true); False when
    a path cannot be left out (the entry itself, a phase)."""
    chosen = sorted(set(cuts), key=lambda path: [(str(type(s)), s) for s in path], reverse=True)
    for path in chosen:
        if not path:
            return False
        if any(path[:n] in chosen for n in range(len(path))):
            continue  # an enclosing part goes anyway
        parent = _at(data, path[:-1])
        last = path[-1]
        if isinstance(parent, dict) and last in parent:
            del parent[last]
        elif (isinstance(parent, list) and isinstance(last, int) and len(path) >= 2
              and path[-2] in _PRUNABLE_LISTS and 0 <= last < len(parent)):
            item = parent.pop(last)
            registry.cuts.setdefault(loc.file, []).append((loc.path + path[:-1], last))
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                registry.broken_ids.add(item["id"])  # a `within` naming it is not unknown
        else:
            return False
    return True


# --------------------------------------------------------------------------- positions

def restore_paths(registry: Registry, problems: list[Problem]) -> None:
    """Rules found the problems of a partial entry at paths of what was left of it: put back
    the list items left out, so that each path names its place in the file."""
    if not registry.cuts:
        return

    def restore(loc: Location | None) -> Location | None:
        cuts = registry.cuts.get(loc.file) if loc is not None else None
        if loc is None or not cuts or loc.line is not None:
            return loc
        path = list(loc.path)
        for list_path, index in reversed(cuts):
            depth = len(list_path)
            if tuple(path[:depth]) == list_path and len(path) > depth:
                step = path[depth]
                if isinstance(step, int) and step >= index:
                    path[depth] = step + 1
        return Location(loc.file, tuple(path), loc.anchor)

    for problem in problems:
        problem.location = restore(problem.location) or problem.location
        problem.related = restore(problem.related)


def place_problems(registry: Registry, problems: list[Problem]) -> None:
    """Give every problem its line and column; each file is composed at most once."""
    # Every place to find, by file: then one file's node tree at a time, dropped after use.
    wanted: dict[str, set[Location]] = {}
    for problem in problems:
        for loc in (problem.location, problem.related):
            if loc is not None and loc.line is None:
                wanted.setdefault(loc.file, set()).add(loc)
    positions: dict[Location, tuple[int, int]] = {}
    for name, locations in wanted.items():
        text = _text_of(registry, name)
        node = yaml_source.compose(text) if text else None
        for loc in locations:
            positions[loc] = yaml_source.find(node, loc.path, loc.anchor)

    def position(loc: Location) -> tuple[int, int]:
        if loc.line is not None:
            return loc.line, loc.column or 1
        return positions[loc]

    for problem in problems:
        problem.line, problem.column = position(problem.location)
        if problem.related is not None:
            line, col = position(problem.related)
            where = f"{problem.related.file}:{line}:{col}"
            problem.message = Text(problem.message.vi.replace("{related}", where),
                                   problem.message.en.replace("{related}", where))


def _text_of(registry: Registry, name: str) -> str | None:
    path = registry.paths.get(name)
    if path is None:
        return None
    try:
        text, _ = yaml_source.decode(path.read_bytes(), name)
    except OSError:
        return None
    if text is None:
        return None
    return yaml_source.normalise(text, name)[0]
