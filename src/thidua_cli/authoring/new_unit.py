"""``thidua new unit``: one unit added to the units file that holds its superior.

The file is edited through the byte-exact round trip (authoring/yaml_roundtrip): the new
unit is appended at the end of the ``units:`` list, everything else stays as it was.
"""

from __future__ import annotations

from typing import Any

from thidua_cli.authoring.yaml_roundtrip import loads


def add_unit(text: str, fields: dict[str, str]) -> str:
    """``text`` (a units file) with a unit of ``fields`` (id, name, short, level, parent,
    place, sector; empty ones left out) appended to its ``units:`` list."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    document = loads(text)
    data: Any = document.data
    if data is None:
        raise ValueError("empty units file")
    units = data.get("units")
    if units is None:
        units = CommentedSeq()
        data["units"] = units
    unit = CommentedMap()
    for key in ("id", "name", "short", "level", "parent", "place", "sector"):
        if fields.get(key):
            unit[key] = fields[key]
    units.append(unit)
    return document.dumps()
