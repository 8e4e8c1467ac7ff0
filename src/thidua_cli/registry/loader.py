"""Files → models: the registry as the rules see it, and every problem met on the way.

A file that cannot be read never stops the others: its problems are recorded
and loading goes on. Which files there are, and how each kind's data becomes models,
is the table of :mod:`thidua_cli.registry.kinds`; this module does the I/O.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from thidua_cli import files, hints
from thidua_cli.errors import RegistryError
from thidua_cli.problems import UNSTAMPED, Location, Problem, Text
from thidua_cli.registry import directives, kinds, yaml_source
from thidua_cli.registry.data import Entry as Entry  # re-exported for code written before data.py
from thidua_cli.registry.data import FileResult
from thidua_cli.registry.data import Registry as Registry  # likewise
from thidua_cli.registry.kinds import KINDS
from thidua_cli.registry.layout import display_name, is_registry, namer
from thidua_cli.vn import numbers

__all__ = ["display_name", "is_registry"]  # re-exported: config, cache and fix name files alike

YAML_SUFFIXES = (".yaml", ".yml")


def find_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(kind, path) of each registry file, in the order of the table of kinds, each
    folder's files sorted by name."""
    for kind in KINDS:
        if not kind.folder:
            for suffix in YAML_SUFFIXES:
                candidate = root / f"{kind.name}{suffix}"
                if candidate.exists() or candidate.is_symlink():
                    yield kind.name, candidate
            continue
        folder = root / kind.name
        if not folder.is_dir():
            if folder.exists() or folder.is_symlink():
                # A file or a broken/looping link where the folder should be: say so
                # (read_file reports it) rather than check nothing and exit 0.
                yield kind.name, folder
            continue
        # Subfolders too (campaigns/2027/…): a by-year layout is common, and a file
        # that is not read must never pass as checked.
        for path in _walk(folder):
            if path.name.endswith(YAML_SUFFIXES):
                yield kind.name, path


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
            hint = hints.closest(path.name.lower(), ("units", "campaigns"))
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
    return Problem("file-ignored", UNSTAMPED, Location(name, line=1, column=1), Text(vi, en),
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




def read_file(path: Path, name: str,
              suppressions: dict[str, list[directives.Directive]] | None = None
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
    try:
        mode = path.stat().st_mode  # one stat for what three questions asked
    except OSError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        return _unreadable(name, "là một thư mục, không phải tệp", "is a folder, not a file")
    if mode is not None and not stat.S_ISREG(mode):
        # Opening a named pipe blocks forever; a device may never end.
        return _unreadable(name, "không phải là tệp thông thường (ống, thiết bị hoặc socket)",
                           "is not a regular file (a pipe, device or socket)")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason_vi, reason_en = files.reason(exc, writing=False)
        return _unreadable(name, f"không đọc được ({reason_vi})", f"cannot be read ({reason_en})")
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES >> 20
        return _unreadable(name, f"lớn hơn {limit} MiB, quá lớn cho một tệp sổ đăng ký",
                           f"is larger than {limit} MiB, too large for a registry file")
    return raw


def source_from_bytes(raw: bytes, name: str,
                      suppressions: dict[str, list[directives.Directive]] | None = None
                      ) -> yaml_source.SourceFile:
    try:
        source = yaml_source.read(raw, name)
    except MemoryError:
        # libyaml builds every node first (~400 bytes each): a few MiB of "1,1,1,…" can
        # exhaust memory. The half-built nodes are freed by now; the other files go on.
        mib = len(raw) / (1 << 20)
        return _unreadable(name, f"({numbers.fixed(mib, 1)} MiB) không đủ bộ nhớ để đọc",
                           f"({mib:.1f} MiB) is too large to read in the available memory")
    if suppressions is not None and directives.MARKER in raw:
        # Found here, where the bytes are at hand: the files without one are never read twice.
        suppressions[name] = directives.scan(raw)
    return source


def _unreadable(name: str, vi: str, en: str) -> yaml_source.SourceFile:
    problem = Problem("file-unreadable", UNSTAMPED, Location(name, line=1, column=1),
                      Text(f"{name} {vi}; hãy sửa hoặc xóa nó khỏi sổ đăng ký",
                           f"{name} {en}; fix it or remove it from the registry"),
                      line=1, column=1)
    return yaml_source.SourceFile(name, problems=[problem], usable=False)


def file_result(kind: str, name: str, raw: bytes) -> FileResult:
    """What the file of ``kind`` shown as ``name`` yields by itself from its bytes ``raw``."""
    suppressions: dict[str, list[directives.Directive]] = {}
    source = source_from_bytes(raw, name, suppressions)
    result = FileResult(problems=list(source.problems), suppressions=suppressions.get(name))
    if source.usable:
        kinds.build(kind, source, result)
    elif kind != "campaigns":
        result.unloaded = True
    return result


#: ``results(kind, name, raw)``: what one readable file yields; :func:`file_result`, or
#: the cache's copy of it.
FileResults = Callable[[str, str, bytes], FileResult]


def load(root: Path, progress: Callable[[int, int], None] | None = None,
         results: FileResults = file_result) -> tuple[Registry, list[Problem]]:
    """The registry at ``root`` and the problems met reading it; ``progress(done, total)``
    is told before each file and once at the end.

    The one loop over the registry's files: :func:`thidua_cli.registry.cache.load` passes
    its own ``results`` to take each unchanged file's results from the cache.
    """
    registry = open_registry(root)
    problems: list[Problem] = []
    files = list(find_files(root))
    name_of = namer(root)
    for done, (kind, path) in enumerate(files):
        if progress is not None:
            progress(done, len(files))
        name = name_of(path)
        registry.files.append(name)
        registry.paths[name] = path
        registry.kinds[name] = kind
        raw = read_raw(path, name)
        if isinstance(raw, yaml_source.SourceFile):  # unreadable: its one problem, no data
            problems.extend(raw.problems)
            if kind != "campaigns":
                registry.unloaded.add(name)
            continue
        result = results(kind, name, raw)
        problems.extend(result.problems)
        registry.add(name, result)
    if progress is not None:
        progress(len(files), len(files))
    problems.extend(ignored_files(root))
    return registry, problems


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
        index: yaml_source.KeyIndex = {}  # each mapping's keys, looked up once per file
        for loc in locations:
            positions[loc] = yaml_source.find(node, loc.path, loc.anchor, index)

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
