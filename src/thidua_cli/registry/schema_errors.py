"""Pydantic validation errors, told in Vietnamese and English, with "did you mean".

Each error's ``loc`` is a path into the YAML document; the loader prefixes it
with the item's own path, and positions are found later from that path.
"""

from __future__ import annotations

import math
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from thidua_cli import hints
from thidua_cli.problems import UNSTAMPED, Anchor, Location, Problem, Text, YamlPath
from thidua_cli.vn import numbers

_TYPE_NAMES = {
    str: ("chuỗi văn bản", "text"), int: ("số nguyên", "a whole number"),
    float: ("số thập phân", "a decimal number"), bool: ("giá trị đúng/sai", "true/false"),
    type(None): ("giá trị rỗng", "an empty value"), list: ("danh sách", "a list"),
    dict: ("bảng khóa: giá trị", "a mapping of key: value"),
}
_EXPECTED = {
    "int_type": ("một số nguyên", "a whole number"),
    "int_from_float": ("một số nguyên", "a whole number"),
    "string_type": ("một chuỗi văn bản", "text"),
    "list_type": ("một danh sách (các dòng bắt đầu bằng \"- \")", "a list (lines starting with \"- \")"),
    "dict_type": ("một bảng khóa: giá trị", "a mapping of key: value"),
    "model_type": ("một bảng khóa: giá trị", "a mapping of key: value"),
    "model_attributes_type": ("một bảng khóa: giá trị", "a mapping of key: value"),
    "bool_type": ("true hoặc false", "true or false"),
}


def describe(value: Any) -> tuple[str, str]:
    """How to name a wrong value to a cadre: its kind and the value itself."""
    from thidua_cli.registry.yaml_source import OversizedNumber

    if isinstance(value, OversizedNumber):
        return (f"một số nguyên quá lớn ({numbers.count(value.digits)} chữ số)",
                f"a whole number too large ({value.digits:,} digits)")
    if isinstance(value, float) and not math.isfinite(value):
        # .inf, .nan, or a number past the float range such as 1e400.
        return ("một số không hữu hạn (vô cực hoặc NaN)", "a number that is not finite "
                "(infinity or NaN)")
    vi, en = _TYPE_NAMES.get(type(value), ("giá trị", "a value"))
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        shown = f'"{value}"' if isinstance(value, str) else str(value)
        return f"{vi} {shown}", f"{en} {shown}"
    return vi, en


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation may hold (through list, dict, Optional)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, dict, typing.Union, types.UnionType):
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            found.extend(_unwrap(arg))
        return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def fields_at(model: type[BaseModel], loc: YamlPath) -> list[str]:
    """Field names of the model that sits at ``loc`` inside ``model``."""
    current: type[BaseModel] = model
    for step in loc:
        if isinstance(step, int) or step not in current.model_fields:
            continue
        inner = _unwrap(current.model_fields[step].annotation)
        if not inner:
            return []
        current = inner[0]
    return list(current.model_fields)


def _choice_meant(value: str, choices: list[str]) -> str | None:
    """The choice a value means, its diacritics folded first: ``cơ sở`` → ``co-so``,
    ``Trên cơ sở`` → ``tren-co-so``."""
    from thidua_cli.vn.slug import slugify

    folded = slugify(value)
    return folded if folded in choices else hints.closest(folded, choices)


def clean_loc(loc: tuple[Any, ...]) -> tuple[YamlPath, Anchor]:
    """Pydantic locs may carry ``[key]`` markers for dict keys and validator tags."""
    path: list[str | int] = []
    anchor: Anchor = "value"
    for step in loc:
        if step == "[key]":
            anchor = "key"
        elif isinstance(step, str) and ("[" in step or step in ("function-plain", "function-after")):
            continue
        else:
            path.append(step)
    return tuple(path), anchor


def literal_choices(error: Any) -> list[str]:
    """The allowed values of a pydantic ``literal_error``."""
    expected = (error.get("ctx") or {}).get("expected", "")
    return [c.strip().strip("'") for c in str(expected).replace(" or ", ", ").split(",")]


def _typos(errors: list[Any], model: type[BaseModel]) -> dict[YamlPath, str]:
    """Unknown fields that are a typo of a missing required field beside them (``titel:``
    without ``title:``), by path, with the field meant: one problem, at the typo."""
    missing = {clean_loc(tuple(e["loc"]))[0] for e in errors if e["type"] == "missing"}
    typos = {}
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        loc = clean_loc(tuple(error["loc"]))[0]
        if not loc:
            continue
        meant = hints.closest(str(loc[-1]), fields_at(model, loc[:-1]))
        if meant is not None and (*loc[:-1], meant) in missing:
            typos[loc] = meant
    return typos


def to_problems(exc: ValidationError, model: type[BaseModel], location: Location) -> list[Problem]:
    problems = []
    errors = exc.errors(include_url=False)
    typos = _typos(errors, model)
    meant = {(*loc[:-1], field) for loc, field in typos.items()}
    for error in errors:
        raw = tuple(error["loc"])
        if error["type"] == "extra_forbidden" and raw:
            # The last step is the unknown key itself, whatever it holds: a key "a[b]"
            # is not one of pydantic's validator tags and must not be dropped as one.
            loc, anchor = clean_loc(raw[:-1])
            loc = (*loc, raw[-1])
        else:
            loc, anchor = clean_loc(raw)
        if error["type"] == "missing" and loc in meant:
            continue  # said at the typo
        vi, en, anchor = _message(error, model, loc, anchor)
        if loc in typos:
            vi = (f'trường "{loc[-1]}" không có trong định dạng sổ đăng ký; có phải ý bạn là '
                  f'"{typos[loc]}"? (trường bắt buộc "{typos[loc]}" đang thiếu)')
            en = (f'field "{loc[-1]}" is not part of the registry format; did you mean '
                  f'"{typos[loc]}"? (the required field "{typos[loc]}" is missing)')
        problems.append(Problem("schema", UNSTAMPED,
                                Location(location.file, location.path + loc, anchor), Text(vi, en)))
    return problems


def _message(error: Any, model: type[BaseModel], loc: YamlPath,
             anchor: Anchor) -> tuple[str, str, Anchor]:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    # The field's name, not a list index: "basis" for the second item of basis, not "1".
    field = next((str(step) for step in reversed(loc) if isinstance(step, str)), "")
    if kind == "thidua":
        return ctx["vi"], ctx["en"], anchor
    if kind == "missing":
        return (f'thiếu trường bắt buộc "{field}"; hãy thêm "{field}: …" vào mục này',
                f'missing required field "{field}"; add "{field}: …" to this entry', "value")
    if kind == "extra_forbidden":
        hint_vi, hint_en = hints.did_you_mean(field, fields_at(model, loc[:-1]))
        vi = f'trường "{field}" không có trong định dạng sổ đăng ký' + hint_vi
        en = f'field "{field}" is not part of the registry format' + hint_en
        if not hint_vi:
            known = ", ".join(fields_at(model, loc[:-1]))
            vi += f"; các trường hợp lệ: {known}"
            en += f"; valid fields: {known}"
        return vi, en, "key"
    if kind == "literal_error":
        choices = literal_choices(error)
        hint = _choice_meant(value, choices) if isinstance(value, str) else None
        hint_vi, hint_en = hints.wording(hint) if hint else ("", "")
        vi = f'"{field}" phải là một trong: {", ".join(choices)}; ở đây là {describe(value)[0]}' + hint_vi
        en = f'"{field}" must be one of: {", ".join(choices)}; found {describe(value)[1]}' + hint_en
        return vi, en, anchor
    if kind in _EXPECTED:
        want_vi, want_en = _EXPECTED[kind]
        got_vi, got_en = describe(value)
        vi = f'"{field}" cần {want_vi}, nhưng ở đây là {got_vi}'
        en = f'"{field}" expects {want_en}, but found {got_en}'
        if kind == "int_type" and isinstance(value, str) and value.strip().isdigit():
            vi += "; hãy bỏ dấu ngoặc kép"
            en += "; remove the quotes"
        if kind in ("int_type", "int_from_float") and isinstance(value, float) \
                and math.isfinite(value):
            vi += f"; hãy viết {int(value)}" if value == int(value) else ""
            en += f"; write {int(value)}" if value == int(value) else ""
        return vi, en, anchor
    return (f'"{field}": {error["msg"]}', f'"{field}": {error["msg"]}', anchor)
