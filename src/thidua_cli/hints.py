"""“Did you mean …?”: the one place that picks the nearest name and words the hint."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice nearest to ``word`` (difflib ratio at least 0.6), or None."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def wording(hint: str) -> tuple[str, str]:
    """The tail of a message that proposes ``hint``, in Vietnamese and English."""
    return f'; có phải ý bạn là "{hint}"?', f'; did you mean "{hint}"?'


def did_you_mean(word: str, choices: Iterable[str]) -> tuple[str, str]:
    """The tail proposing the choice nearest to ``word``; ``("", "")`` when none is near."""
    hint = closest(word, choices)
    return wording(hint) if hint is not None else ("", "")
