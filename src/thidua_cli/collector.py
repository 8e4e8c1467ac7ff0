"""The cyclic garbage collector, paused while a registry is read and checked."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block; it resumes (if it ran) after.

    Reading a registry builds hundreds of thousands of objects that all live on (models,
    the cache's store) and checking it makes millions of short-lived ones, which
    reference counting frees: each generation-2 pass walks everything alive again, and at
    province scale those passes took most of a warm validate (decoding 6,084 cached files:
    7.8 s with the collector, 2.4 s without). Neither reading nor the rules make cycles
    worth collecting before the end.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
