"""A CI-sized run of fuzz/fuzz_commands.py: seeded inputs through render, calendar and
new campaign, in-process, with the harness's own checks (docs/fuzzing.md)."""

from __future__ import annotations

import random
import sys

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "fuzz"))

import fuzz_commands
from fuzz_loader import Sandbox


def test_seeded_command_lines() -> None:
    rng = random.Random(20261128)
    sandbox = Sandbox()
    seen = set()
    try:
        for _ in range(120):
            raw = rng.randbytes(rng.randrange(20, 200))
            fuzz_commands.check_command(sandbox, raw)
            seen.add(fuzz_commands.command_line(fuzz_commands.Choices(raw[::-1]),
                                                sandbox.root.parent / "out")[0])
    finally:
        sandbox.remove()
    assert seen == {"render", "calendar", "new"}
