"""A hostile environment: signals, outputs that cannot be written, odd terminals, long
path components (issue 14, items 11, 15–17)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import BASE_CAMPAIGN, MakeRegistry
from tests.hostile.commands import files_under, thidua
from tests.hostile.test_hostile_input import HANG_BOUND_SECONDS


def many_campaigns(make_registry: MakeRegistry, count: int) -> Path:
    return make_registry({f"campaigns/c{i}.yaml": BASE_CAMPAIGN.replace("ba-dinh-2020", f"c{i}")
                          for i in range(count)})


# ------------------------------------------------------------------------- item 11: SIGTERM


def written(folder: Path) -> list[str]:
    """The documents in ``folder`` (not the writer's hidden temporary files)."""
    return [name for name in os.listdir(folder) if not name.startswith(".")] \
        if folder.is_dir() else []


def test_sigterm_during_a_parallel_render_cleans_up(make_registry: MakeRegistry) -> None:
    # 60 DOCX plans: made by worker processes. SIGTERM once the first file is written.
    root = many_campaigns(make_registry, 60)
    out = root.parent / "out"
    env = {k: v for k, v in os.environ.items() if k not in ("THIDUA_DEBUG", "COLUMNS")}
    env.update(LC_ALL="C.UTF-8", NO_COLOR="1", PYTHONIOENCODING="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "thidua_cli", "--lang", "en", "render", "plan", "2020"],
        cwd=root.parent, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    # Three times the hang bound: on a loaded machine, starting the workers takes a while.
    deadline = time.monotonic() + 3 * HANG_BOUND_SECONDS
    while not written(out) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    assert process.poll() is None, process.communicate()
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=HANG_BOUND_SECONDS)
    assert process.returncode == 128 + 15, stderr
    assert "Traceback" not in stderr and "leaked" not in stderr, stderr
    # Whole documents only: no hidden temporary file left in the output folder.
    assert [name for name in os.listdir(out) if name.startswith(".")] == []
    assert all(name.endswith("-ke-hoach.docx") for name in os.listdir(out))
    time.sleep(0.5)  # the workers are gone too
    assert [name for name in files_under(root.parent) if name.endswith(".tmp")] == []
