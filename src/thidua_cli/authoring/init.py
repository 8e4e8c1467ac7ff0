"""``thidua init``: a new registry a cadre can start from.

The skeleton shipped in the package (``authoring/skeleton/``): the national
anniversaries (the same list as the sample registry's, a test keeps them equal),
one example units file, one example campaign and its (empty) result file, commented in
Vietnamese. Each
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

from thidua_cli.errors import UserError

SKELETON = "skeleton"
ANNIVERSARIES = "anniversaries.yaml"
UNITS = "units/don-vi.yaml"
CAMPAIGN_TEMPLATE = "campaigns/phong-trao.yaml.tmpl"
RESULT_TEMPLATE = "results/ket-qua.yaml.tmpl"
ISSUER = "cd-phuong-ba-dinh"

_ORDINAL = re.compile(r"@ORD:([a-z0-9-]+)@")

#: The years an example campaign can be made for, checked against the skeleton by
#: ``example_years()`` in the tests: from the year after the newest anniversary it
#: celebrates was founded (Nhà giáo Việt Nam, 1982) to the last year the lunar calendar
#: is computed for (Tết is celebrated too). Plain numbers, so that building the command
#: line does not read the skeleton.
FIRST_YEAR, LAST_YEAR = 1983, 2100


class NotEmpty(UserError):
    """The target folder already holds files: init writes nothing."""

    def __init__(self, root: Path, names: list[str]) -> None:
        from thidua_cli.files import shown

        listed = ", ".join(shown(name) for name in names[:5]) + (", …" if len(names) > 5 else "")
        super().__init__(
            f"thư mục {shown(root)} đã có tệp ({listed}); thidua init chỉ tạo sổ đăng ký trong thư "
            "mục trống hoặc chưa có: hãy chọn thư mục khác, ví dụ `thidua init so-dang-ky`",
            f"folder {shown(root)} already holds files ({listed}); thidua init only creates a "
            "registry in an empty or new folder: choose another, e.g. `thidua init registry`")
        self.root, self.names = root, names


class NotAFolder(UserError):
    def __init__(self, root: Path) -> None:
        super().__init__(f"{root} là một tệp, không phải thư mục", f"{root} is a file, not a folder")
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


def example_years() -> tuple[int, int]:
    """(first, last) year :func:`campaign_text` can make a clean example for."""
    from thidua_cli.authoring.yaml_roundtrip import loads
    from thidua_cli.vn import lunar

    celebrated = set(_ORDINAL.findall(skeleton_text(CAMPAIGN_TEMPLATE)))
    founded = [int(str(item["date"])[:4])
               for item in loads(skeleton_text(ANNIVERSARIES)).data["anniversaries"]
               if item["id"] in celebrated and "date" in item]
    return max(founded) + 1, lunar.LAST_YEAR


def result_text(year: int) -> str:
    """The example result file of the example campaign: its shape, no figures."""
    text = skeleton_text(RESULT_TEMPLATE)
    return text.replace("@ID@", campaign_id(year)).replace("@YEAR@", str(year))


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
        f"results/{campaign_id(year)}.yaml": result_text(year),
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
    files before writing anything; the files are written all or nothing (``write_all``),
    never over an existing one. Every failure is a one-line :class:`UserError`."""
    from thidua_cli.files import FileExists

    try:
        return _write_registry(root, year)
    except FileExists as exc:  # a file appeared while writing (another process)
        raise UserError(f"không ghi đè tệp đã có: {exc.path}",
                        f"not overwriting an existing file: {exc.path}") from None
    except OSError as exc:
        from thidua_cli.files import reason, shown

        vi, en = reason(exc, writing=True)
        raise UserError(f"không ghi được vào {shown(root)}: {vi}",
                        f"cannot write into {shown(root)}: {en}") from None


def _write_registry(root: Path, year: int) -> Created:
    from thidua_cli.files import write_all

    names = occupants(root)
    if names:
        raise NotEmpty(root, names)
    content: dict[Path, bytes | str] = {}
    for name, text in files(year).items():
        path = root / name
        if name == GITIGNORE and (path.exists() or path.is_symlink()):
            continue  # the repository's own: left as it is
        content[path] = text
    # All or nothing: a full disk halfway leaves no half-made registry to refuse a retry.
    write_all(content)
    return Created(root, list(content))
