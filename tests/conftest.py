"""Shared fixtures: small registries written into a temporary folder (never into data/)."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: A frozen copy of the sample registry that the tests read: data/ may grow (results,
#: scorings, next year's plans) without moving the positions the tests assert. Only the
#: smoke test in tests/test_sample_registry.py reads data/ itself (REAL_REGISTRY).
SAMPLE_REGISTRY = REPO / "tests" / "fixtures" / "sample" / "data"
REAL_REGISTRY = REPO / "data"

@pytest.fixture(autouse=True, scope="session")
def _cache_outside_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The results cache of every command the tests run (in-process or as a subprocess)
    goes to a temporary folder, never into the user's ~/.cache/thidua."""
    before = os.environ.get("THIDUA_CACHE_DIR")
    os.environ["THIDUA_CACHE_DIR"] = str(tmp_path_factory.mktemp("thidua-cache"))
    yield
    if before is None:
        os.environ.pop("THIDUA_CACHE_DIR", None)
    else:
        os.environ["THIDUA_CACHE_DIR"] = before


BASE_ANNIVERSARIES = """\
anniversaries:
  - id: thanh-lap-dang
    name: Ngày thành lập Đảng Cộng sản Việt Nam
    date: 1930-02-03
  - id: quoc-te-lao-dong
    name: Ngày Quốc tế Lao động
    date: 1886-05-01
  - id: cong-doan-viet-nam
    name: Ngày thành lập Công đoàn Việt Nam
    date: 1929-07-28
  - id: gio-to-hung-vuong
    name: Giỗ Tổ Hùng Vương
    lunar: "10/3"
"""

BASE_UNITS = """\
units:
  - id: tong-ldld
    name: Tổng Liên đoàn Lao động Việt Nam
    level: tong-lien-doan
  - id: ldld-ha-noi
    name: Liên đoàn Lao động thành phố Hà Nội
    level: tinh
    parent: tong-ldld
    place: Hà Nội
  - id: ldld-ba-dinh
    name: Liên đoàn Lao động quận Ba Đình
    level: tren-co-so
    parent: ldld-ha-noi
  - id: cdcs-a
    name: Công đoàn trường A
    level: co-so
    parent: ldld-ba-dinh
"""

#: A valid yearly campaign; tests replace pieces of it.
BASE_CAMPAIGN = """\
id: ba-dinh-2020
issuer: ldld-ba-dinh
year: 2020
kind: nam
title: Phát động phong trào thi đua năm 2020
start: 2020-01-01
end: 2020-12-31
phases:
  - number: 1
    start: 2020-01-01
    end: 2020-06-30
    celebrates:
      thanh-lap-dang: 90
  - number: 2
    start: 2020-07-01
    end: 2020-12-31
    celebrates:
      cong-doan-viet-nam: 91
targets:
  - id: lao-dong-tien-tien
    text: CBCCVCLĐ đạt danh hiệu "Lao động tiên tiến"
    value: trên 75%
"""

MakeRegistry = Callable[..., Path]


@pytest.fixture
def make_registry(tmp_path: Path) -> MakeRegistry:
    """A registry folder ``tmp/data`` from ``{relative path: YAML text}``.

    The base anniversaries and units are included unless a file of the same
    name is given (or ``None`` to leave it out). Text is dedented.
    """

    def make(files: dict[str, str | bytes | None] | None = None, *, base: bool = True) -> Path:
        root = tmp_path / "data"
        contents: dict[str, str | bytes | None] = {}
        if base:
            contents["anniversaries.yaml"] = BASE_ANNIVERSARIES
            contents["units/units.yaml"] = BASE_UNITS
        contents.update(files or {})
        for name, text in contents.items():
            if text is None:
                continue
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        root.mkdir(exist_ok=True)
        return root

    return make


def found(root: Path, rule: str | None = None) -> list[tuple[str, str, int, int]]:
    """(rule, file, line, column) of each problem validate finds, optionally of one rule."""
    from thidua_cli.validation import validate

    return [(p.rule, p.file, p.line, p.column) for p in validate(root).problems
            if rule is None or p.rule == rule]


def messages(root: Path, rule: str, lang: str = "vi") -> list[str]:
    from thidua_cli.validation import validate

    return [p.text(lang) for p in validate(root).problems if p.rule == rule]


def campaign(**replace: str) -> str:
    """BASE_CAMPAIGN with exact substrings replaced: ``campaign(**{"trên 75%": "80%"})``."""
    text = BASE_CAMPAIGN
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def pytest_addoption(parser: pytest.Parser) -> None:
    # Golden files (tests/render/golden/) are rewritten only when asked: pytest --update-golden
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden files of the render tests from the current output")
