"""``thidua init``: a new registry a cadre can start from.

The skeleton shipped in the package (``authoring/skeleton/``): the national
anniversaries (the same list as the sample registry's, a test keeps them equal),
one example units file and one example campaign, commented in Vietnamese. Each
file starts with a ``# yaml-language-server: $schema=…`` line pointing at the JSON
Schemas written beside them in ``schema/``, so that an editor completes and
underlines mistakes from the first keystroke. The example campaign is made for
the year asked (this year by default), its anniversary ordinals computed, never
typed: the new registry validates clean.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

SKELETON = "skeleton"
ANNIVERSARIES = "anniversaries.yaml"
UNITS = "units/don-vi.yaml"
CAMPAIGN_TEMPLATE = "campaigns/phong-trao.yaml.tmpl"
ISSUER = "cd-phuong-ba-dinh"

_ORDINAL = re.compile(r"@ORD:([a-z0-9-]+)@")


class NotEmpty(Exception):
    """The target folder already holds files: init writes nothing."""

    def __init__(self, root: Path, names: list[str]) -> None:
        super().__init__(str(root))
        self.root, self.names = root, names


class NotAFolder(Exception):
    def __init__(self, root: Path) -> None:
        super().__init__(str(root))
        self.root = root


def skeleton_text(name: str) -> str:
    return (resources.files("thidua_cli.authoring") / SKELETON / name).read_text(encoding="utf-8")


def default_year(today: date) -> int:
    """The year of the example campaign: this year, or next year from October on, when
    cadres plan the coming year."""
    return today.year + 1 if today.month >= 10 else today.year


def campaign_id(year: int) -> str:
    return f"{ISSUER}-{year}"


def campaign_text(year: int) -> str:
    """The example campaign for ``year``, its ordinals computed from the anniversaries."""
    from thidua_cli.authoring.yaml_roundtrip import loads
    from thidua_cli.models import Anniversary
    from thidua_cli.occurrences import in_year

    national = {item["id"]: Anniversary.model_validate(
        {str(key): str(value) for key, value in item.items()})
        for item in loads(skeleton_text(ANNIVERSARIES)).data["anniversaries"]}

    def ordinal(match: re.Match[str]) -> str:
        occurrence = in_year(national[match.group(1)], year)
        if occurrence is None or occurrence.ordinal is None:  # a template mistake
            raise ValueError(f"{match.group(1)} has no ordinal in {year}")
        return str(occurrence.ordinal)

    text = skeleton_text(CAMPAIGN_TEMPLATE)
    text = text.replace("@ID@", campaign_id(year)).replace("@NEXT_YEAR@", str(year + 1))
    text = text.replace("@YEAR@", str(year))
    return _ORDINAL.sub(ordinal, text)


def schema_text(schema: object) -> str:
    # Byte for byte what `thidua schema -o DIR` writes (tests/authoring/test_init.py).
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def files(year: int) -> dict[str, str]:
    """Relative path → content of every file of a new registry, in writing order."""
    from thidua_cli.schema import FILE_NAMES, schemas

    content = {
        ANNIVERSARIES: skeleton_text(ANNIVERSARIES),
        UNITS: skeleton_text(UNITS),
        f"campaigns/{campaign_id(year)}.yaml": campaign_text(year),
    }
    for kind, schema in schemas().items():
        content[f"schema/{FILE_NAMES[kind]}"] = schema_text(schema)
    content[GITIGNORE] = GITIGNORE_TEXT
    return content


GITIGNORE = ".gitignore"
GITIGNORE_TEXT = ("# Văn bản do `thidua render` ghi ra (mặc định vào out/): làm lại được từ sổ đăng ký,\n"
                  "# không cần đưa vào git.\nout/\n")
#: What a fresh repository holds besides the registry: init writes beside them.
_REPOSITORY_FILES = ("readme", "license", "licence", "copying", "changelog")


@dataclass
class Created:
    root: Path
    paths: list[Path]


def occupants(root: Path) -> list[str]:
    """What already stands in ``root``; hidden entries (``.git``, ``.DS_Store``) do not count,
    nor do a README or a LICENSE, so that a registry can be started at the top of a new
    repository."""
    if not root.exists() and not root.is_symlink():
        return []
    if not root.is_dir():
        raise NotAFolder(root)
    return sorted(entry.name for entry in root.iterdir()
                  if not entry.name.startswith(".")
                  and not (entry.is_file() and entry.name.lower().startswith(_REPOSITORY_FILES)))


def init_registry(root: Path, year: int) -> Created:
    """Write a new registry into ``root`` (created if missing). Refuses a folder that holds
    files before writing anything; every file is written whole (``write_atomic``), and
    never over an existing one."""
    from thidua_cli.files import write_atomic

    names = occupants(root)
    if names:
        raise NotEmpty(root, names)
    content = files(year)
    written = []
    for name, text in content.items():
        path = root / name
        if name == GITIGNORE and (path.exists() or path.is_symlink()):
            continue  # the repository's own: left as it is
        write_atomic(path, text)
        written.append(path)
    return Created(root, written)
