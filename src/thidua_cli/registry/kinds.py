"""The kinds of registry file: where each is found and how its data becomes models.

One row of :data:`KINDS` per kind. The loader finds the files from this table, in its
order, and hands each file's top-level mapping to its row's ``build``; the cache keys its
entries by the row's name. Adding a kind of file (``results/``, ``scoring/``) is one row
here and its ``build`` function.

Pure: data in, models and problems out. Units and anniversaries are validated item by
item, so one typo in a list of fifty units does not hide the other forty-nine (and does
not make every reference to them look unknown).
"""

from __future__ import annotations

import copy
import datetime
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from thidua_cli import hints
from thidua_cli.models import AnniversariesFile, Anniversary, Campaign, Cluster, Result, Unit, UnitsFile
from thidua_cli.models.scoring import Scoring
from thidua_cli.problems import UNSTAMPED, Location, Problem, Text, YamlPath, printable
from thidua_cli.registry import schema_errors, yaml_source
from thidua_cli.registry.data import NOTHING_CUT, Entry, FileResult

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class FileKind:
    #: the kind's name: the folder (``campaigns/``) or the file's stem (``anniversaries.yaml``)
    name: str
    #: a folder of files (True) or one file at the registry's root (False)
    folder: bool
    #: how a file of this kind begins, for the message about an empty file
    example: str
    #: the models and problems of one file's top-level mapping, added to the result
    build: Callable[[dict[str, Any], str, FileResult], None]


def _anniversaries(data: dict[str, Any], file: str, result: FileResult) -> None:
    result.problems.extend(_unknown_top_keys(data, AnniversariesFile, file))
    typo = any(hints.closest(str(key), ("anniversaries",)) for key in data)
    if "anniversaries" not in data and not typo:  # a typo is said once, at the typo
        result.problems.append(Problem("schema", UNSTAMPED, Location(file, line=1, column=1),
                                       Text('thiếu khóa "anniversaries:" ở đầu tệp',
                                            'missing the "anniversaries:" key at the top of the file'),
                                       line=1, column=1))
    result.anniversaries.extend(_validate_items(Anniversary, data, "anniversaries", file, result))


def _units(data: dict[str, Any], file: str, result: FileResult) -> None:
    result.problems.extend(_unknown_top_keys(data, UnitsFile, file))
    for unit in _validate_items(Unit, data, "units", file, result):
        result.units.append(unit)
        for index, anniversary in enumerate(unit.model.anniversaries):
            result.anniversaries.append(
                Entry(anniversary, unit.loc.child("anniversaries", index), owner=unit.model.id))
    result.clusters.extend(_validate_items(Cluster, data, "clusters", file, result))


def _campaign(data: dict[str, Any], file: str, result: FileResult) -> None:
    campaign, cut = _validate_partial(Campaign, data, Location(file), result)
    if campaign is not None:
        result.campaigns.append(Entry(campaign, Location(file), cut=cut))
    elif isinstance(data.get("id"), str):
        result.broken_ids.add(data["id"])


def _result(data: dict[str, Any], file: str, result: FileResult) -> None:
    # Partial like a campaign: one broken figure does not hide the others' problems. The
    # rules that compute across reports (roll-ups) ask for every report whole.
    report, cut = _validate_partial(Result, data, Location(file), result)
    if report is not None:
        result.results.append(Entry(report, Location(file), cut=cut))


def _scoring(data: dict[str, Any], file: str, result: FileResult) -> None:
    # Partial too: one unit's broken score hides neither the others' nor the vote's problems.
    # What is computed over the whole table (ranks, ties) asks for every part intact.
    scoring, cut = _validate_partial(Scoring, data, Location(file), result)
    if scoring is not None:
        result.scorings.append(Entry(scoring, Location(file), cut=cut))


KINDS: tuple[FileKind, ...] = (
    FileKind("anniversaries", folder=False, example="anniversaries:", build=_anniversaries),
    FileKind("units", folder=True, example="units:", build=_units),
    FileKind("campaigns", folder=True, example="id: …", build=_campaign),
    FileKind("results", folder=True, example="campaign: …", build=_result),
    FileKind("scoring", folder=True, example="by: …", build=_scoring),
)
BY_NAME: dict[str, FileKind] = {kind.name: kind for kind in KINDS}

#: The top-level keys that hold a kind's entries: a units or anniversaries file with none of
#: them (a typo, an empty file) is unloaded, and a reference to an id it holds is a consequence.
_TOP_KEYS = {"anniversaries": ("anniversaries",), "units": ("units", "clusters")}


def build(kind: str, source: yaml_source.SourceFile, result: FileResult) -> None:
    """Add the models and problems of a usable ``source`` of ``kind`` to ``result``."""
    row = BY_NAME[kind]
    if source.may_hold_controls:  # most files: no escape, no control, nothing to walk
        source.data = _without_controls(source.data, Location(source.file), result.problems)
    data = _top_level(source, row.example, result.problems)
    if kind in _TOP_KEYS and (data is None or not set(_TOP_KEYS[kind]) & set(data)):
        result.unloaded = True
    if data is not None:
        row.build(data, source.file, result)


#: :data:`yaml_source.CONTROL`: they would reach documents, the ICS file (RFC 5545
#: forbids them) and a reviewer's terminal.
_CONTROL = yaml_source.CONTROL


def _without_controls(data: Any, loc: Location, problems: list[Problem]) -> Any:
    """``data`` with every text holding a control character replaced by its visible
    escape, and a located problem for each: so that nothing downstream (a rule
    switched off, a document) ever sees the raw character."""
    if isinstance(data, str):
        found = _CONTROL.search(data)
        if found is None:
            return data
        code = f"U+{ord(found.group()):04X}"
        problems.append(Problem("schema", UNSTAMPED, loc, Text(
            f"văn bản chứa ký tự điều khiển {code} (viết bằng mã thoát như \"\\x1b\"); hãy xóa "
            "nó: ký tự này không in ra được và có thể xóa màn hình hay làm sai nội dung hiển thị",
            f"the text holds control character {code} (written as an escape such as \"\\x1b\"); "
            "delete it: it does not print and can clear a terminal or disguise what is shown")))
        return printable(data)
    if isinstance(data, list):
        return [_without_controls(item, loc.child(index), problems)
                for index, item in enumerate(data)]
    if isinstance(data, dict):
        clean = {}
        for key, value in data.items():
            shown_key = key
            if isinstance(key, str) and _CONTROL.search(key):
                shown_key = _without_controls(key, loc.child(key, anchor="key"), problems)
            clean[shown_key] = _without_controls(value, loc.child(key), problems)
        return clean
    return data


def _top_level(source: yaml_source.SourceFile, example: str,
               problems: list[Problem]) -> dict[str, Any] | None:
    data = source.data
    where = Location(source.file, line=1, column=1)
    if data is None:
        problems.append(Problem("schema", UNSTAMPED, where,
                                Text(f'tệp rỗng; hãy viết nội dung bắt đầu bằng "{example}" hoặc xóa tệp',
                                     f'the file is empty; write content starting with "{example}" '
                                     "or delete the file"),
                                line=1, column=1))
        return None
    if not isinstance(data, dict):
        got_vi, got_en = schema_errors.describe(data)
        problems.append(Problem("schema", UNSTAMPED, where,
                                Text(f'cấp ngoài cùng của tệp phải là bảng khóa: giá trị '
                                     f'(bắt đầu bằng "{example}"), không phải {got_vi}',
                                     f'the top level of the file must be a mapping of key: value '
                                     f'(starting with "{example}"), not {got_en}'),
                                line=1, column=1))
        return None
    return data


def _unknown_top_keys(data: dict[str, Any], model: type[BaseModel], file: str) -> list[Problem]:
    problems = []
    for key in data:
        if key not in model.model_fields:
            hint_vi, hint_en = hints.did_you_mean(str(key), model.model_fields)
            known = ", ".join(model.model_fields)
            problems.append(Problem(
                "schema", UNSTAMPED, Location(file, (str(key),), "key"),
                Text(f'khóa "{key}" không có trong định dạng' + (hint_vi or f"; các khóa hợp lệ: {known}"),
                     f'key "{key}" is not part of the format' + (hint_en or f"; valid keys: {known}"))))
    return problems


def _validate_items(model: type[M], data: dict[str, Any], key: str, file: str,
                    result: FileResult) -> Iterator[Entry[M]]:
    items = data.get(key)
    if items is None:
        return
    if not isinstance(items, list):
        got_vi, got_en = schema_errors.describe(items)
        result.problems.append(Problem(
            "schema", UNSTAMPED, Location(file, (key,)),
            Text(f'"{key}" cần một danh sách (các dòng bắt đầu bằng "- "), nhưng ở đây là {got_vi}',
                 f'"{key}" expects a list (lines starting with "- "), but found {got_en}')))
        return
    for index, item in enumerate(items):
        loc = Location(file, (key, index))
        validated, cut = _validate_partial(model, item, loc, result)
        if validated is not None:
            yield Entry(validated, loc, cut=cut)
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            result.broken_ids.add(item["id"])


#: Lists whose items stand alone: leaving a broken one out leaves the others checkable
#: without inventing a consequence. Not ``phases`` (a phase left out would open a false
#: gap) nor ``members`` (a member left out would make the leader look like an outsider):
#: a broken part of those stays, holding a stand-in value, and is marked cut.
_PRUNABLE_LISTS = frozenset({"targets", "events", "basis", "context", "aims", "awards",
                             "implementation", "recipients", "movements", "items", "tasks",
                             "anniversaries"})
_PRUNE_ROUNDS = 8
#: The index that marks, in an entry's cut paths, a list that lost an item (the items
#: left are intact; the whole list is not): ``("targets", LEFT_OUT)``.
LEFT_OUT = -1


def _validate_partial(model: type[M], data: Any, loc: Location,
                      result: FileResult) -> tuple[M | None, frozenset[YamlPath]]:
    """The model, and the paths of its parts that were cut: when ``data`` fails the schema,
    its problems are recorded and each part that failed is repaired as little as it can be
    until the rest validates, so that one schema error never hides the entry's other
    problems: an optional field, an entry of a mapping (``celebrates``) or an item of a
    list of independent items is left out; a required field (``title``, a phase's
    ``start``) holds a stand-in value. Each such part is marked cut (see
    :meth:`Entry.intact`), so that no rule reads what the file does not say. None when the
    entry cannot stand without what failed (its ``id``, a check of the whole entry)."""
    try:
        return model.model_validate(data), NOTHING_CUT
    except ValidationError as exc:
        result.problems.extend(schema_errors.to_problems(exc, model, loc))
        errors = exc.errors(include_url=False)
    pruned = copy.deepcopy(data)
    cut: set[YamlPath] = set()
    for _ in range(_PRUNE_ROUNDS):
        drops: list[YamlPath] = []   # parts left out
        places: list[YamlPath] = []  # required parts given a stand-in value
        for error in errors:
            raw = tuple(error["loc"])
            if error["type"] == "extra_forbidden" and raw:
                # An unknown key: nothing reads it. Its last step is the key, whatever it holds.
                drops.append((*schema_errors.clean_loc(raw[:-1])[0], raw[-1]))
                continue
            path = schema_errors.clean_loc(raw)[0]
            if error["type"] == "literal_error" and _stand_in(pruned, path, error):
                cut.add(path)  # a plain choice in Vietnamese; still no rule reads it
                continue
            repair = _repair(model, path)
            if repair is None:
                return None, NOTHING_CUT
            (drops if repair[0] == "drop" else places).append(repair[1])
        for path in places:
            if not _place(model, pruned, path):
                return None, NOTHING_CUT
            cut.add(path)
        if not _cut(model, pruned, drops, cut, result, loc):
            return None, NOTHING_CUT
        try:
            return model.model_validate(pruned), frozenset(cut)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
    return None, NOTHING_CUT


def _stand_in(data: Any, path: YamlPath, error: Any) -> bool:
    """Put the choice a Vietnamese value plainly names in its place (``cơ sở`` → ``co-so``):
    the entry's other parts are checked as if it were written so."""
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


_UNKNOWN = object()  # a path that leads to no field of the model


def _bare(annotation: Any) -> Any:
    """The type under ``Annotated`` and ``Optional``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _slot(model: type[BaseModel], path: YamlPath) -> tuple[Any, str]:
    """The type expected at ``path`` in ``model`` and how the part there may be left out:
    ``optional`` (a field with a default, an entry of a mapping), ``item`` (of a list of
    independent items), ``kept`` (a required field, an item of another list)."""
    annotation: Any = model
    how = "kept"
    for depth, step in enumerate(path):
        bare = _bare(annotation)
        origin = typing.get_origin(bare)
        if isinstance(step, str) and isinstance(bare, type) and issubclass(bare, BaseModel):
            field = bare.model_fields.get(step)
            if field is None:
                return _UNKNOWN, "kept"
            annotation, how = field.annotation, "kept" if field.is_required() else "optional"
        elif origin is list and isinstance(step, int):
            annotation = typing.get_args(bare)[0]
            how = "item" if depth and path[depth - 1] in _PRUNABLE_LISTS else "kept"
        elif origin is dict:
            annotation, how = typing.get_args(bare)[1], "optional"
        else:
            return _UNKNOWN, "kept"
    return annotation, how


def _repair(model: type[BaseModel], path: YamlPath) -> tuple[str, YamlPath] | None:
    """How to repair the part at ``path`` that failed: leave out the nearest part that
    holds it and may be left out (``("drop", part)``) — never across an item of a list
    whose items depend on each other — else give it a stand-in value (``("place",
    path)``); None for the entry's own id or the entry as a whole."""
    for depth in range(len(path), 0, -1):
        how = _slot(model, path[:depth])[1]
        if how in ("optional", "item"):
            return "drop", path[:depth]
        if isinstance(path[depth - 1], int):
            break  # a phase, a member: it stays, with a stand-in where it failed
    if not path or path == ("id",):
        return None
    return "place", path


def _stand_in_value(annotation: Any) -> Any:
    """A value of the type that validates and means nothing (no rule reads a cut part)."""
    bare = _bare(annotation)
    origin = typing.get_origin(bare)
    if bare is not annotation and typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return None  # Optional: nothing
    if origin is typing.Literal:
        return typing.get_args(bare)[0]
    if origin is list:
        return []
    if origin is dict:
        return {}
    if isinstance(bare, type) and issubclass(bare, BaseModel):
        stand_in = {name: _stand_in_value(field.annotation)
                    for name, field in bare.model_fields.items() if field.is_required()}
        return _UNKNOWN if _UNKNOWN in stand_in.values() else stand_in
    return _STAND_INS.get(bare, _UNKNOWN)


_STAND_INS: dict[Any, Any] = {str: "cut", int: 0, bool: False, datetime.date: datetime.date(2000, 1, 1)}


def _place(model: type[BaseModel], data: Any, path: YamlPath) -> bool:
    """Give the required part at ``path`` a stand-in value; False when it cannot have one."""
    value = _stand_in_value(_slot(model, path)[0])
    parent = _at(data, path[:-1])
    last = path[-1]
    if value is _UNKNOWN:
        return False
    if isinstance(parent, dict):
        parent[last] = value
    elif isinstance(parent, list) and isinstance(last, int) and 0 <= last < len(parent):
        parent[last] = value
    else:
        return False
    return True


def _cut(model: type[BaseModel], data: Any, drops: list[YamlPath], cut: set[YamlPath],
         result: FileResult, loc: Location) -> bool:
    """Leave out each path (deepest list items last-first, so indexes stay true), marking
    each field left out in ``cut``; False when a path cannot be left out."""
    chosen = sorted(set(drops), key=lambda path: [(str(type(s)), s) for s in path], reverse=True)
    for path in chosen:
        if not path:
            return False
        if any(path[:n] in chosen for n in range(len(path))):
            continue  # an enclosing part goes anyway
        parent = _at(data, path[:-1])
        last = path[-1]
        if isinstance(parent, dict) and last in parent:
            del parent[last]
            if _slot(model, path)[0] is not _UNKNOWN:
                cut.add(path)  # a field the format knows: the file said something there
        elif isinstance(parent, list) and isinstance(last, int) and 0 <= last < len(parent):
            item = parent.pop(last)
            _shift(cut, path)
            cut.add((*path[:-1], LEFT_OUT))  # the list as a whole is not as written
            result.cuts.append((loc.path + path[:-1], last))
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                result.broken_ids.add(item["id"])  # a `within` naming it is not unknown
        else:
            return False
    return True


def _shift(cut: set[YamlPath], item: YamlPath) -> None:
    """The cut paths once the list item at ``item`` is left out: those inside it go, those
    of the items after it move up by one."""
    depth = len(item) - 1
    index = item[-1]
    assert isinstance(index, int)
    for path in list(cut):
        step = path[depth] if len(path) > depth else None
        if isinstance(step, int) and path[:depth] == item[:depth] and step >= index:
            cut.discard(path)
            if step > index:
                cut.add((*path[:depth], step - 1, *path[depth + 1:]))
