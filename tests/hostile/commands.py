"""Running any ``thidua`` command as a user would, bounded in time and memory.

The hostile tests of every command share this: a subprocess (so a crash, a hang or
runaway memory shows as such), the memory bound and the hang bound of
``test_hostile_input``, a clean environment, and the check that no traceback and no
"unexpected failure" ever reaches the user.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from tests.hostile.test_hostile_input import HANG_BOUND_SECONDS, MEMORY_BOUND_BYTES


def thidua(cwd: Path, *args: str, memory: int = MEMORY_BOUND_BYTES,
           env: Mapping[str, str] | None = None, stdin: int | None = subprocess.DEVNULL,
           stdout: int | IO[Any] | None = None, stderr: int | IO[Any] | None = None,
           close_stdout: bool = False, lang: str = "en", encoding: str = "utf-8",
           timeout: float = HANG_BOUND_SECONDS, file_size: int | None = None,
           ) -> subprocess.CompletedProcess[str]:
    """``thidua --lang LANG ARGS`` run in ``cwd``; its output decoded as UTF-8.
    ``file_size`` bounds every file the command writes: a disk that fills up (writes
    fail with EFBIG as they would with ENOSPC), without a real device. ``close_stdout``
    runs it with file descriptor 1 closed (``thidua … >&-``)."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        if file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
        if close_stdout:
            os.close(1)

    environment = {k: v for k, v in os.environ.items()
                   if k not in ("THIDUA_DEBUG", "THIDUA_REGISTRY", "THIDUA_LANG", "COLUMNS")}
    environment.update(LC_ALL="C.UTF-8", NO_COLOR="1", PYTHONIOENCODING="utf-8")
    environment.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "thidua_cli", "--lang", lang, *args],
        stdin=stdin, stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=stderr if stderr is not None else subprocess.PIPE, text=True, encoding=encoding, errors="replace",
        env=environment, cwd=cwd, timeout=timeout, preexec_fn=limit_memory)
    everything = (result.stdout or "") + (result.stderr or "")
    assert "Traceback" not in everything, everything
    assert "unexpected failure" not in everything, everything
    return result


def files_under(folder: Path) -> list[str]:
    """Every entry below ``folder`` (hidden ones too), relative and sorted."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))
