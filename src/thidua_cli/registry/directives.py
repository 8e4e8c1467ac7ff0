"""The ``# thidua: disable=RULE[,RULE]`` comments of a file, found in its bytes.

The loader calls :func:`scan` only for a file holding ``thidua:``, on the bytes it has
already read, without a second YAML parse: a cheap regular expression over the text.
What the comments do to the problems is :mod:`thidua_cli.suppress`'s business: this
module knows nothing of rules, so the loader does not depend on them.

Known limit: a ``#`` after a space inside a quoted string (``title: "a # thidua: …"``) is
taken for a comment too; such a "suppression" then shows as unused.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

MARKER = b"thidua:"
_BOM = "\ufeff"
# YAML comments begin with "#" at the start of a line or after a space; both parsers
# count \r\n, \r, \n, NEL, LS and PS as line breaks, so lines are counted the same way.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#[ \t]*thidua[ \t]*:(?P<body>[^\r\n\x85\u2028\u2029]*)",
                      re.MULTILINE)
_DISABLE = re.compile(r"[ \t]*disable[ \t]*=[ \t]*")
_NAME = re.compile(r"[^\s,#]+")
_SEPARATOR = re.compile(r"[ \t]*,[ \t]*")


@dataclass
class Directive:
    """One ``# thidua:`` comment: its line, the rule names with their columns, and
    whether it stands alone on its line (then it can silence nothing)."""

    line: int
    column: int
    names: list[tuple[str, int]] = field(default_factory=list)
    alone: bool = False
    valid: bool = True


def scan(raw: bytes) -> list[Directive]:
    """Every ``# thidua:`` comment of a file's bytes, 1-based lines and columns in the
    file's NFC text (as the problems are placed). A file that is not UTF-8 has none: its
    encoding problem is the one to fix."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return []
    text = unicodedata.normalize("NFC", text.removeprefix(_BOM))
    breaks = [m.end() for m in _BREAK.finditer(text)]
    directives = []
    for match in _COMMENT.finditer(text):
        start = match.start()
        line = _count_le(breaks, start) + 1
        line_start = breaks[line - 2] if line > 1 else 0
        directive = Directive(line, start - line_start + 1,
                              alone=not text[line_start:start].strip())
        body_at = match.start("body")
        body = match.group("body")
        disable = _DISABLE.match(body)
        if disable is None:
            directive.valid = False
        else:
            at = disable.end()
            while True:
                name = _NAME.match(body, at)
                if name is None:
                    break
                directive.names.append((name.group(), body_at + name.start() - line_start + 1))
                separator = _SEPARATOR.match(body, name.end())
                if separator is None:
                    break  # the rest is the reason, in free words
                at = separator.end()
            directive.valid = bool(directive.names)
        directives.append(directive)
    return directives


def _count_le(breaks: list[int], offset: int) -> int:
    """How many line breaks end at or before ``offset``."""
    return bisect_right(breaks, offset)
