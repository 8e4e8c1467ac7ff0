"""Compare output with a golden file; ``pytest --update-golden`` rewrites it instead."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"


def check_golden(request: pytest.FixtureRequest, name: str, text: str) -> None:
    path = GOLDEN / name
    if request.config.getoption("--update-golden"):
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.is_file(), f"no golden file {path}; run pytest --update-golden and review it"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file; if the change is intended, run "
        "pytest --update-golden and review the diff")
