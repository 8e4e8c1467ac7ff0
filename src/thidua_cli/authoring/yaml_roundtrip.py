"""Load and dump a hand-written YAML file without disturbing it (ruamel.yaml round trip).

``thidua new campaign`` edits a cadre's file: comments, key order, quoting, flow
style, folded text and indentation must come back as they were, so that the only
differences in the new file are the ones thidua reports. ``dumps(loads(text))`` is
byte-identical to ``text`` for every file of the sample registry and every YAML text
of the tests (tests/authoring/test_yaml_roundtrip.py holds it to that).

What plain ruamel round-tripping would change, and what is done about it here:

- dates: ruamel turns ``2020-1-3`` into a date and writes it back as ``2020-01-03``.
  The registry reads dates as text (the models parse them, ``registry/yaml_source``),
  so here too a date stays the exact string written (no timestamp type);
- ``null`` / ``~`` / an empty value all come back as an empty value: here a null keeps
  its spelling (:class:`Null`);
- indentation: detected from the text (mapping indent, sequence indent and the dash's
  offset), not assumed;
- long lines: never rewrapped (a huge width);
- comments before a ``---`` document start (the header ``thidua init`` writes, for
  yamllint's ``document-start`` rule): ruamel drops them; here the header up to and
  including the ``---`` line is kept as it is, and only the rest is parsed.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import VersionedResolver

_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class Null:
    """A YAML null that remembers how it was written (``null``, ``~`` or nothing)."""

    __slots__ = ("text",)

    def __init__(self, text: str = "") -> None:
        self.text = text

    def __bool__(self) -> bool:
        return False

    def __eq__(self, other: object) -> bool:
        return other is None or isinstance(other, Null)

    def __hash__(self) -> int:
        return hash(None)

    def __repr__(self) -> str:
        return f"Null({self.text!r})"


class _Resolver(VersionedResolver):
    """YAML 1.2 as ruamel resolves it, except that a date stays a string."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        tag = super().resolve(kind, value, implicit)
        return self.DEFAULT_SCALAR_TAG if str(tag) == _TIMESTAMP else tag


class _Constructor(RoundTripConstructor):
    pass


def _construct_null(constructor: Any, node: Any) -> Null:
    return Null(node.value)


_Constructor.add_constructor(_NULL, _construct_null)


class _Representer(RoundTripRepresenter):
    pass


def _represent_null(representer: Any, data: Null) -> Any:
    return representer.represent_scalar(_NULL, data.text)


_Representer.add_representer(Null, _represent_null)


@dataclass(frozen=True)
class Layout:
    """Indentation of a file: ``mapping`` spaces per nested mapping, ``sequence`` spaces
    from a sequence's key to its items' content, ``offset`` spaces before the dash."""

    mapping: int = 2
    sequence: int = 4
    offset: int = 2


_KEY_LINE = re.compile(r"^( *)[^\s#\-][^:#]*:\s*(?:#.*)?$")
_DASH_LINE = re.compile(r"^( *)- +(\S)")


def detect_layout(text: str) -> Layout:
    """The indentation the file uses, read from its first nested mapping and sequence.

    A file that nests no mapping or no sequence keeps the default for that part
    (2 for mappings, ``- `` two spaces in for sequences, as the sample registry writes).
    """
    lines = text.splitlines()
    mapping: int | None = None
    sequence: int | None = None
    offset: int | None = None
    for index, line in enumerate(lines):
        key = _KEY_LINE.match(line)
        if key is None:
            continue
        parent_indent = len(key.group(1))
        child = _next_content_line(lines, index + 1)
        if child is None:
            continue
        child_indent = len(child) - len(child.lstrip(" "))
        dash = _DASH_LINE.match(child)
        if dash is not None:
            if sequence is None and child_indent >= parent_indent:
                offset = child_indent - parent_indent
                sequence = dash.start(2) - parent_indent
        elif mapping is None and child_indent > parent_indent:
            mapping = child_indent - parent_indent
        if mapping is not None and sequence is not None:
            break
    default = Layout()
    mapping = mapping or default.mapping
    if sequence is None or offset is None:
        sequence, offset = mapping + default.offset, default.offset
    # ruamel needs the dash to fit inside the sequence indent.
    sequence = max(sequence, offset + 2)
    return Layout(mapping, sequence, offset)


def _next_content_line(lines: list[str], start: int) -> str | None:
    for line in lines[start:]:
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return line
    return None


def make_yaml(layout: Layout) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = _Resolver
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = 1 << 30  # never rewrap a long line
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    return yaml


@dataclass
class Document:
    """A loaded file: its data (ruamel's commented maps and lists) and how to write it back."""

    data: Any
    layout: Layout
    bom: bool = False
    newline: str = "\n"
    final_newline: bool = True
    #: comments and blank lines up to and including a ``---`` line, written back as they were
    header: str = ""

    def dumps(self) -> str:
        buffer = io.StringIO()
        make_yaml(self.layout).dump(self.data, buffer)
        text = self.header + buffer.getvalue()
        if not self.final_newline and text.endswith("\n"):
            text = text[:-1]
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return ("\ufeff" if self.bom else "") + text


def loads(text: str) -> Document:
    """Parse ``text`` keeping everything :meth:`Document.dumps` needs to write it back."""
    bom = text.startswith("\ufeff")
    body = text[1:] if bom else text
    # A Windows editor's CRLF lines come back as CRLF; ruamel itself writes LF.
    newline = "\r\n" if "\r\n" in body else "\n"
    if newline != "\n":
        body = body.replace("\r\n", "\n")  # else ruamel keeps the \r inside comments
    final_newline = body.endswith("\n") or not body
    header = ""
    start = _DOCUMENT_START.match(body)
    if start is not None:
        header, body = body[:start.end()], body[start.end():]
    layout = detect_layout(body)
    return Document(make_yaml(layout).load(body), layout, bom, newline, final_newline, header)


#: Comment and blank lines, then a ``---`` line of its own.
_DOCUMENT_START = re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\n)*---[ \t]*\n")


def roundtrip(text: str) -> str:
    """``text`` loaded and dumped again: equal to ``text`` for a file thidua can edit."""
    return loads(text).dumps()
