"""Files → models: the registry as the rules see it, and every problem met on the way.

A file that cannot be read never stops the others: its problems are recorded
and loading goes on. Which files there are, and how each kind's data becomes models,
is the table of :mod:`thidua_cli.registry.kinds`; this module does the I/O.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from thidua_cli import files
from thidua_cli.errors import RegistryError
from thidua_cli.problems import UNSTAMPED, Location, Problem, Text
from thidua_cli.registry import directives, kinds, yaml_source
from thidua_cli.registry.data import Entry as Entry  # re-exported for code written before data.py
from thidua_cli.registry.data import FileResult
from thidua_cli.registry.data import Registry as Registry  # likewise
from thidua_cli.registry.kinds import KINDS
from thidua_cli.vn import numbers

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
        for path in sorted(folder.iterdir()):
            if path.name.endswith(YAML_SUFFIXES) and not path.name.startswith("."):
                yield kind.name, path


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
    return Registry(root=root)


def display_name(root: Path, path: Path) -> str:
    """A file's name as the user sees it: relative to the registry's parent."""
    base = root.resolve().parent if root.name in ("", ".") else root.parent
    try:
        name = path.relative_to(base).as_posix()
    except ValueError:
        name = path.as_posix()
    # A name that is not UTF-8 on disk ("\udcff" after fsdecode) would make the text and
    # JSON output invalid UTF-8: show its odd bytes as \xff instead.
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


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
    for done, (kind, path) in enumerate(files):
        if progress is not None:
            progress(done, len(files))
        name = display_name(root, path)
        registry.files.append(name)
        registry.paths[name] = path
        raw = read_raw(path, name)
        if isinstance(raw, yaml_source.SourceFile):  # unreadable: its one problem, no data
            problems.extend(raw.problems)
            continue
        result = results(kind, name, raw)
        problems.extend(result.problems)
        registry.add(name, result)
    if progress is not None:
        progress(len(files), len(files))
    return registry, problems


# --------------------------------------------------------------------------- positions

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
