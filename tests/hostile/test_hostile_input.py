"""Hostile input through the real ``thidua validate``, each run bounded in time and memory.

Every input must end in located problems (exit 1) or, for a registry that cannot be
opened at all, one line and exit 2: never a traceback, a crash or a hang. The command
runs in a subprocess so that a segfault, a hang or runaway memory shows as such; the
time bound only catches hangs (it is far above the real run time), it is not a
timing assertion.
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import BASE_CAMPAIGN, MakeRegistry

HANG_BOUND_SECONDS = 20
MEMORY_BOUND_BYTES = 1 << 30
CAMPAIGN = "data/campaigns/x.yaml"
SUMMARY_1 = "3 files checked: 1 error, 0 warnings"


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BOUND_BYTES, MEMORY_BOUND_BYTES))


def thidua_validate(root: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("THIDUA_DEBUG", "THIDUA_REGISTRY", "THIDUA_LANG")}
    # strerror texts ("Too many levels of symbolic links") follow the C locale.
    env.update(LC_ALL="C.UTF-8", NO_COLOR="1", PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "thidua_cli", "--lang", "en", "validate", "--registry", str(root)],
        capture_output=True, text=True, encoding="utf-8", errors="replace", env=env,
        cwd=root.parent if root.parent.is_dir() else None,
        timeout=HANG_BOUND_SECONDS, preexec_fn=_limit_memory)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def problems_of(root: Path) -> tuple[int, list[str]]:
    """Exit code and the output lines, after checking nothing went to stderr."""
    result = thidua_validate(root)
    assert result.stderr == ""
    return result.returncode, result.stdout.splitlines()


def one_problem(root: Path, line: str, summary: str = SUMMARY_1) -> None:
    assert problems_of(root) == (1, [line, "", summary])


def campaign_file(make_registry: MakeRegistry, content: bytes | str) -> Path:
    if isinstance(content, str):
        content = content.encode("utf-8")
    return make_registry({"campaigns/x.yaml": content})


# --------------------------------------------------------------------------- YAML bombs


def test_alias_bomb(make_registry: MakeRegistry) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    code, out = problems_of(campaign_file(make_registry, "\n".join(lines) + "\n"))
    assert code == 1
    # Ten anchors and 81 aliases, each refused at its place; nothing is expanded.
    assert out[:3] == [
        f"{CAMPAIGN}:1:5: error yaml-alias: YAML anchor (&a0) is not allowed in the registry; "
        "remove it",
        f"{CAMPAIGN}:2:5: error yaml-alias: YAML anchor (&a1) is not allowed in the registry; "
        "remove it",
        f"{CAMPAIGN}:2:10: error yaml-alias: YAML alias (*a0) is not allowed in the registry; "
        "write the value out in full",
    ]
    assert out[-1] == "3 files checked: 91 errors, 0 warnings"


DEEP = "the file nests more than 100 levels deep; a registry never needs that"


@pytest.mark.parametrize("content, where", [
    ("a: " + "[" * 50_000 + "]" * 50_000 + "\n", "1:103"),
    ("a: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n", "1:400"),
    # Block nesting without brackets or indentation: one sequence per dash.
    ("- " * 50_000 + "1\n", "1:201"),
    ("a:\n  " + "- " * 50_000 + "1\n", "2:201"),
    # Indented block mappings: 2,000 levels are already 2 MB of indentation.
    ("".join(" " * i + "a:\n" for i in range(2_000)), "101:101"),
], ids=["flow-sequences", "flow-mappings", "compact-sequences", "compact-in-mapping",
        "indented-mappings"])
def test_deep_nesting(make_registry: MakeRegistry, content: str, where: str) -> None:
    one_problem(campaign_file(make_registry, content), f"{CAMPAIGN}:{where}: error yaml-syntax: {DEEP}")
