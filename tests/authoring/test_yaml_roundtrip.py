"""A load → dump round trip leaves every sample and test file byte-identical."""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE_REGISTRY
from thidua_cli.authoring.yaml_roundtrip import Layout, Null, detect_layout, loads, roundtrip

SAMPLE_FILES = sorted(p for p in SAMPLE_REGISTRY.rglob("*") if p.suffix in (".yaml", ".yml"))

_REGISTRY_TEXT = re.compile(r"^(id|anniversaries|units|clusters):", re.MULTILINE)
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")  # a str.format template, not YAML yet


def _fixture_texts() -> list[tuple[str, str]]:
    """Every registry text written in the tests (dedented, as make_registry writes it)
    that ruamel can parse; f-string pieces and format templates are not whole texts."""
    from ruamel.yaml.error import YAMLError

    texts = []
    for path in sorted((REPO / "tests").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstring = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                      for part in node.values}
        for node in ast.walk(tree):
            if (not isinstance(node, ast.Constant) or not isinstance(node.value, str)
                    or id(node) in in_fstring):
                continue
            text = textwrap.dedent(node.value)
            if not _REGISTRY_TEXT.search(text) or _PLACEHOLDER.search(text):
                continue
            try:
                loads(text)
            except YAMLError:
                continue  # hostile input (duplicate keys, broken syntax): the validator refuses it
            texts.append((f"{path.relative_to(REPO)}:{node.lineno}", text))
    return texts


FIXTURE_TEXTS = _fixture_texts()


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.relative_to(SAMPLE_REGISTRY).as_posix())
def test_sample_file_is_byte_identical(path: Path) -> None:
    raw = path.read_bytes()
    assert roundtrip(raw.decode("utf-8")).encode("utf-8") == raw


def test_every_fixture_text_is_byte_identical() -> None:
    assert len(FIXTURE_TEXTS) >= 30  # the harvest really found the tests' registries
    changed = [where for where, text in FIXTURE_TEXTS if roundtrip(text) != text]
    assert changed == []


@pytest.mark.parametrize("text", [
    "a: ~\nb: null\nc:\nd: Null\n",
    "start: 2020-1-3\nend: 03/01/2020\nq: '2020-01-01'\nd: \"2020-01-01\"\n",
    "ordinal: 06\noctal: 0o7\nyes: no\nf: 1.50\n",
    "\ufeffid: a  # BOM kept\n",
    "id: a\r\nname: b  # CRLF\r\n",
    "id: no-final-newline",
    "x:\n- 1\n- 2\ny:\n    z: 1\n",
    "x:\n    -   a\n    -   b\n",
    "t: >-\n  folded\n  text\n\n# trailing comment\n",
    "flow: {a: 1, b: [x, y]}\nlong: " + "chữ " * 80 + "hết\n",
])
def test_awkward_texts_are_byte_identical(text: str) -> None:
    assert roundtrip(text) == text


def test_dates_stay_text_and_nulls_keep_their_spelling() -> None:
    data = loads("start: 2020-01-01\nnumber: ~\n").data
    assert data["start"] == "2020-01-01" and isinstance(data["start"], str)
    assert isinstance(data["number"], Null) and data["number"] == None  # noqa: E711
    assert data["number"].text == "~"


@pytest.mark.parametrize(("text", "layout"), [
    ("a:\n  b: 1\nc:\n  - 1\n", Layout(2, 4, 2)),
    ("a:\n    b: 1\nc:\n- 1\n", Layout(4, 2, 0)),
    ("c:\n    -   x\n", Layout(2, 8, 4)),
    ("a: 1\n", Layout(2, 4, 2)),
])
def test_layout_is_detected(text: str, layout: Layout) -> None:
    assert detect_layout(text) == layout
