"""Every rule proves its own examples: the ``bad`` and ``good`` snippets that ``thidua rules``
and the SARIF help show stand in case files under ``tests/rules/cases/<rule>/``, and running
``validate`` on them gives exactly that rule at the stated places (bad) or nothing (good).

A case is ``bad.yaml`` and ``good.yaml`` (one registry file, placed where ``expect`` says,
beside the base anniversaries and units of tests/conftest.py) or ``bad/`` and ``good/``
(a small registry folder laid over that base). ``expect`` holds:

- ``file: campaigns/c.yaml`` — where the single file goes in the registry;
- ``at: data/campaigns/c.yaml:18:27`` — each place the bad case is reported at, in order;
  a rule name after the place marks a consequence of another rule that the example
  shows on purpose (``unknown-rule``: the misspelt suppression silences nothing);
- ``example: campaigns/c.yaml`` — for a folder case, the file in which the snippet stands,
  or ``example: path`` when the snippet names a path of the case folder (a folder in the bad
  case where a file should be), or ``example: name`` when each snippet names a file of its
  case folder (a misnamed file in the bad case).

In the file, the snippet is a run of whole lines at any one indentation; a snippet line
``...`` stands for one or more lines left out.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import BASE_ANNIVERSARIES, BASE_UNITS
from thidua_cli.rules import RULES
from thidua_cli.validation import validate

CASES = Path(__file__).parent / "cases"


def read_expect(rule: str) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for line in (CASES / rule / "expect").read_text(encoding="utf-8").splitlines():
        if line.strip():
            key, _, value = line.partition(":")
            fields.setdefault(key.strip(), []).append(value.strip())
    return fields


def case_registry(tmp_path: Path, rule: str, which: str) -> Path:
    root = tmp_path / which / "data"
    (root / "units").mkdir(parents=True)
    (root / "anniversaries.yaml").write_text(BASE_ANNIVERSARIES, encoding="utf-8")
    (root / "units" / "units.yaml").write_text(BASE_UNITS, encoding="utf-8")
    folder = CASES / rule / which
    if folder.is_dir():
        shutil.copytree(folder, root, dirs_exist_ok=True)
        for keep in root.rglob(".keep"):
            keep.unlink()  # git keeps an otherwise empty folder only with a file in it
    else:
        target = root / read_expect(rule)["file"][0]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CASES / rule / f"{which}.yaml", target)
    return root


def case_text(rule: str, which: str) -> str:
    expect = read_expect(rule)
    path = (CASES / rule / which / expect["example"][0] if "example" in expect
            else CASES / rule / f"{which}.yaml")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # The encoding case, shown as an editor that knows the code page shows it.
        return unicodedata.normalize("NFC", raw.decode("cp1258"))


def stands_in(snippet: str, text: str) -> bool:
    """Whether the snippet's lines stand in ``text`` as a run of whole lines, all shifted by
    one indentation; ``...`` matches one or more lines."""
    wanted = snippet.splitlines()
    lines = text.splitlines()

    def match(i: int, j: int, indent: str) -> bool:
        if j == len(wanted):
            return True
        if wanted[j].strip() == "...":
            return any(match(k, j + 1, indent) for k in range(i + 1, len(lines) + 1))
        return i < len(lines) and lines[i] == indent + wanted[j] and match(i + 1, j + 1, indent)

    for start, line in enumerate(lines):
        if wanted and line.endswith(wanted[0]):
            indent = line[: len(line) - len(wanted[0])]
            if not indent.strip() and match(start, 0, indent):
                return True
    return False


@pytest.mark.parametrize("rule", sorted(RULES))
def test_the_bad_example_yields_exactly_its_rule(tmp_path: Path, rule: str) -> None:
    result = validate(case_registry(tmp_path, rule, "bad"))
    found = [(p.rule, f"{p.file}:{p.line}:{p.column}", p.severity) for p in result.problems]
    expected = []
    for at in read_expect(rule)["at"]:
        place, _, other = at.partition(" ")
        expected.append((other or rule, place, RULES[other or rule].severity))
    assert found == expected
    assert any(r == rule for r, _, _ in found)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_the_good_example_yields_nothing(tmp_path: Path, rule: str) -> None:
    result = validate(case_registry(tmp_path, rule, "good"))
    assert [(p.rule, p.file, p.line, p.column) for p in result.problems] == []


@pytest.mark.parametrize("rule", sorted(RULES))
def test_the_examples_shown_stand_in_the_case_files(rule: str) -> None:
    shown = RULES[rule]
    assert shown.bad and shown.good
    if read_expect(rule).get("example") == ["path"]:
        # The snippet names the path: a folder in the bad case, a readable file in the good.
        path = shown.bad.split()[0].rstrip("/")
        assert shown.good.split()[0] == path
        assert (CASES / rule / "bad" / path).is_dir()
        assert (CASES / rule / "good" / path).is_file()
        return
    if read_expect(rule).get("example") == ["name"]:
        # The snippets name a file of each case: one not read (bad), one read (good).
        assert (CASES / rule / "bad" / shown.bad.split()[0]).is_file()
        assert (CASES / rule / "good" / shown.good.split()[0]).is_file()
        return
    assert stands_in(shown.bad, case_text(rule, "bad")), shown.bad
    assert stands_in(shown.good, case_text(rule, "good")), shown.good


def test_every_rule_has_a_case_and_every_case_a_rule() -> None:
    assert sorted(p.name for p in CASES.iterdir()) == sorted(RULES)


def test_a_snippet_matches_whole_lines_at_one_indentation() -> None:
    text = "units:\n  - id: a\n    name: A\n  - id: b\n"
    assert stands_in("- id: a\n  name: A", text)
    assert stands_in("- id: a\n...\n- id: b", text)
    assert not stands_in("- id: a\n- id: b", text)
    assert not stands_in("id: a", "units:\n  - id: a\n")  # not a whole line
