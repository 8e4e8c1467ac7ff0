"""“Did you mean …?”: the one place that picks the nearest name and words the hint."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping


def closest(word: str, choices: Iterable[str], names: Mapping[str, str] | None = None
            ) -> str | None:
    """The choice a mistyped ``word`` most likely means: a close spelling (difflib ratio at
    least 0.6); else, with diacritics folded, a close spelling of the folded word; else the one
    choice that holds the word whole (``tet`` → ``tet-nguyen-dan``); else, by the Vietnamese
    ``names`` (id → name) folded, the one choice whose name holds it (``Tết`` or ``ba dinh``
    → ``ldld-ba-dinh``). None when nothing is near or the word is ambiguous."""
    from thidua_cli.vn.slug import slugify

    ids = list(choices)
    matches = difflib.get_close_matches(word, ids, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    folded = slugify(word)
    if not folded:
        return None
    matches = difflib.get_close_matches(folded, ids, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    whole = re.compile(rf"(?:^|-){re.escape(folded)}(?:-|$)")
    holding = [i for i in ids if whole.search(i)]
    if len(holding) == 1:
        return holding[0]
    if names:
        named = [i for i in ids if i in names and whole.search(slugify(names[i]))]
        if len(named) == 1:
            return named[0]
    return None


def wording(hint: str) -> tuple[str, str]:
    """The tail of a message that proposes ``hint``, in Vietnamese and English."""
    return f'; có phải ý bạn là "{hint}"?', f'; did you mean "{hint}"?'


def did_you_mean(word: str, choices: Iterable[str], names: Mapping[str, str] | None = None
                 ) -> tuple[str, str]:
    """The tail proposing the choice nearest to ``word`` (see :func:`closest`); ``("", "")``
    when none is near."""
    hint = closest(word, choices, names)
    return wording(hint) if hint is not None else ("", "")
