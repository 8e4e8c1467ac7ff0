"""A progress bar for the long runs: a national registry, thousands of documents.

Shown on stderr, only on a terminal (a pipe or a CI log gets nothing, so machine output
and logs never change) and only once the work has taken more than a second (a small
registry shows nothing at all). Transient: when the work ends the bar is erased, so what
the command prints afterwards is the same with or without it.

The work reports itself through a plain callable ``progress(stage, done, total)``
(see :data:`thidua_cli.validation.Progress`): the pipeline knows nothing of Rich or of
terminals, and this module knows nothing of registries.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from thidua_cli.cli.common import Settings

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

#: Work that ends sooner than this shows no bar.
DELAY = 1.0
#: At most this often the bar is told of progress: 136,000 files must not mean
#: 136,000 redraw requests.
INTERVAL = 0.1

#: What each stage of the work is called on the bar.
STAGES = {
    "read": ("Đang đọc tệp", "Reading files"),
    "check": ("Đang kiểm tra quy tắc", "Checking rules"),
    "render": ("Đang lập và ghi văn bản", "Rendering and writing documents"),
    "write": ("Đang ghi tệp", "Writing files"),
    "site": ("Đang lập trang web", "Building the site"),
    "import": ("Đang đọc biểu mẫu", "Reading forms"),
}


class ProgressBar:
    """``progress(stage, done, total)`` drawing one Rich bar for the whole job: a new stage
    takes over the same bar (its name, its count), never a second bar below a finished one;
    use it as a context manager so that the bar is always erased."""

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic) -> None:
        self._settings = settings
        self._clock = clock
        self._started = clock()
        self._last = float("-inf")
        self._bar: Progress | None = None
        self._tasks: dict[str, TaskID] = {}
        self._stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self._settings.err.is_terminal:
            return
        now = self._clock()
        if self._bar is None:
            if now - self._started < DELAY:
                return
            self._bar = self._start()
        vi, en = STAGES.get(stage, (stage, stage))
        task = self._tasks.get("job")
        if task is None:
            task = self._tasks["job"] = self._bar.add_task(self._settings.t(vi, en), total=total)
            self._stage = stage
        elif stage != self._stage:
            self._stage = stage
            self._bar.reset(task, total=total, description=self._settings.t(vi, en))
        elif now - self._last < INTERVAL and done < total:
            return
        self._last = now
        self._bar.update(task, completed=done, total=total)

    def _start(self) -> Progress:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TimeElapsedColumn(), TimeRemainingColumn(),
                       console=self._settings.err, transient=True)
        bar.start()
        return bar

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
