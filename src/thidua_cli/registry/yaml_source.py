"""Reading one YAML file of the registry: bytes → text → plain data, fast.

The validator must keep pace with libyaml on thousands of files, so the normal
path is libyaml's C parser with a small Python constructor and *no* position
bookkeeping. Positions are found afterwards, only for files that have problems
(:func:`locate`), by composing that one file again.

Rules of the registry format enforced here:
- UTF-8 only (a BOM is accepted); other encodings are named, not guessed through.
- Text is normalised to NFC; text that was not NFC is a ``not-nfc`` warning.
- YAML 1.2 core schema: ``no``/``yes``/``on`` and dates stay strings; dates are
  parsed by the models, so ``30/02/2020`` is an error at its line, not a crash.
- Duplicate keys and anchors/aliases are problems, never silently resolved.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, cast

import yaml

from thidua_cli.problems import UNSTAMPED, Location, Problem, Text, YamlPath

_BOM = b"\xef\xbb\xbf"
#: libyaml's C parser; PyYAML's wheels ship it, a source build without libyaml
#: falls back to the (slower, equally correct) pure-Python parser.
_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Beyond this many nested collections a file is refused before it is built:
#: a real registry file nests about six levels, and deep input would exhaust the
#: C stack of the parser's composer.
MAX_DEPTH = 100


@dataclass
class SourceFile:
    """One registry file after reading: its data (None when unusable) and the
    problems found while reading it."""

    file: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    usable: bool = True
    #: False when the text has neither a backslash (no escape could make a control
    #: character) nor a control character itself: its data needs no scan for them.
    may_hold_controls: bool = True


def _problem(rule: str, file: str, line: int, col: int, vi: str, en: str) -> Problem:
    return Problem(rule, UNSTAMPED, Location(file, line=line, column=col), Text(vi, en),
                   line=line, column=col)


# --------------------------------------------------------------------------- decoding

def _line_col_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    # Lines end in \n, \r\n or a lone \r (old Mac editors), as YAML counts them.
    line_start = max(raw.rfind(b"\n", 0, offset), raw.rfind(b"\r", 0, offset)) + 1
    line = (raw.count(b"\n", 0, offset) + raw.count(b"\r", 0, offset)
            - raw.count(b"\r\n", 0, offset) + 1)
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _looks_like_windows_1258(raw: bytes) -> bool:
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError:
        return False
    # Windows-1258 writes Vietnamese with these letters and combining tone marks.
    return any(ch in text for ch in "ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323")


def _looks_like_utf16(raw: bytes) -> bool:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if len(raw) < 2 or len(raw) % 2 or b"\x00" not in raw:
        return False
    # UTF-16 puts the zero byte of every ASCII character (each key, space, colon and
    # newline of YAML) on one side of each pair; binary data scatters zeros on both. A
    # share of all zero bytes misnamed short Vietnamese-heavy files "binary".
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    low, high = sorted((even, odd))
    # At least a few such characters: one stray NUL in a short file is binary, not UTF-16.
    return high >= 4 and low * 10 <= high and high * 8 >= len(raw) // 2


#: TCVN3 (ABC, the .VnTime fonts) puts ă â ê ô ơ ư đ at 0xA8–0xAE, their capitals at
#: 0xA1–0xA7 and a with its tones at 0xB5–0xB9: symbols (¡ … ® µ … ¹) that Vietnamese text
#: in Windows-1258 never holds.
_TCVN3_BYTES = frozenset(range(0xA1, 0xAF)) | frozenset(range(0xB5, 0xBA))
#: Windows-1258's own letters and combining tone marks (ă â đ ê ô ơ ư, ̀ ́ ̉ ̃ ̣).
_CP1258_BYTES = frozenset(b"\xc3\xe3\xc2\xe2\xd0\xf0\xca\xea\xd4\xf4\xd5\xf5\xdd\xfd"
                          b"\xcc\xec\xd2\xde\xf2")


def _looks_like_tcvn3(raw: bytes) -> bool:
    # Text first: TCVN3 keeps ASCII as it is, so a YAML file in it is mostly ASCII letters
    # and has no control bytes (random bytes are neither).
    sample = raw[:65536]
    if any(byte < 0x20 and byte not in (0x09, 0x0A, 0x0D) for byte in sample):
        return False
    if sum(1 for byte in sample if byte < 0x80) * 2 < len(sample):
        return False
    tcvn3 = sum(1 for byte in sample if byte in _TCVN3_BYTES)
    return tcvn3 >= 2 and tcvn3 >= sum(1 for byte in sample if byte in _CP1258_BYTES)


#: How to save a file as UTF-8 in the tools cadres use (said by every encoding message).
RESAVE_VI = ("hãy lưu lại tệp với bảng mã UTF-8 (Notepad: Tệp → Lưu thành…, mục Mã hóa chọn "
             "UTF-8; VS Code: bấm tên bảng mã ở thanh trạng thái, chọn Reopen with Encoding đúng "
             "bảng mã cũ rồi Save with Encoding → UTF-8), hoặc chạy `thidua fix`")
RESAVE_EN = ("save the file again as UTF-8 (Notepad: File → Save as…, Encoding UTF-8; VS Code: click "
             "the encoding in the status bar, Reopen with Encoding in the old one, then Save with "
             "Encoding → UTF-8), or run `thidua fix`")


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of a file, or None and an ``encoding`` problem saying what the
    bytes look like and how to save them properly."""
    if raw.startswith(_BOM):
        raw = raw[len(_BOM):]
    fix_vi, fix_en = RESAVE_VI, RESAVE_EN
    if _looks_like_utf16(raw):
        return None, [_problem("encoding", file, 1, 1,
                               f"tệp có vẻ được mã hóa UTF-16, không phải UTF-8; {fix_vi}",
                               f"the file looks like UTF-16, not UTF-8; {fix_en}")]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _line_col_of_byte(raw, nul)
        return None, [_problem("encoding", file, line, col,
                               "tệp chứa byte NUL: có vẻ là tệp nhị phân, không phải văn bản YAML; "
                               "hãy đưa nó ra khỏi sổ đăng ký",
                               "the file contains a NUL byte: it looks binary, not YAML text; move "
                               "it out of the registry")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line, col = _line_col_of_byte(raw, exc.start)
        if _looks_like_tcvn3(raw):
            vi = ("tệp có vẻ được gõ bằng bảng mã TCVN3 (ABC, phông .VnTime), không phải UTF-8; "
                  "`thidua fix --write` chuyển tệp sang Unicode UTF-8 (chạy `thidua fix` trước để "
                  "xem thay đổi), hoặc hãy chuyển bằng Unikey (Công cụ chuyển mã: nguồn TCVN3 (ABC), "
                  f"đích Unicode) rồi {fix_vi.removeprefix('hãy ')}")
            en = ("the file looks like TCVN3 (ABC, the .VnTime fonts), not UTF-8; `thidua fix "
                  "--write` converts it to Unicode UTF-8 (run `thidua fix` first to see the "
                  "changes), or convert it with Unikey's converter (source TCVN3 (ABC), target "
                  f"Unicode), then {fix_en}")
        elif _looks_like_windows_1258(raw):
            vi = (f"tệp có vẻ được mã hóa Windows-1258 (bảng mã tiếng Việt cũ của Windows), "
                  f"không phải UTF-8; {fix_vi}")
            en = f"the file looks like Windows-1258 (old Vietnamese Windows code page), not UTF-8; {fix_en}"
        else:
            vi = f"tệp không phải văn bản UTF-8 (byte 0x{raw[exc.start]:02X} không hợp lệ); {fix_vi}"
            en = f"the file is not UTF-8 text (invalid byte 0x{raw[exc.start]:02X}); {fix_en}"
        return None, [_problem("encoding", file, line, col, vi, en)]


def normalise(text: str, file: str) -> tuple[str, list[Problem]]:
    """NFC text, with one ``not-nfc`` warning for the file, at its first line that was not
    NFC, saying how many lines are (a file pasted from a PDF would otherwise get hundreds)."""
    if unicodedata.is_normalized("NFC", text):
        return text, []
    lines = [(number, line) for number, line in enumerate(text.split("\n"), start=1)
             if not unicodedata.is_normalized("NFC", line)]
    number, line = lines[0]
    # The first combining mark is where the decomposed letter shows.
    col = next((i for i, ch in enumerate(line) if unicodedata.combining(ch)), 0)
    col = max(col, 1)  # a mark belongs to the letter before it
    more_vi = f" (cả thảy {len(lines)} dòng, từ dòng này)" if len(lines) > 1 else ""
    more_en = f" ({len(lines)} lines, from this one)" if len(lines) > 1 else ""
    problem = _problem(
        "not-nfc", file, number, col,
        f"văn bản không ở dạng Unicode dựng sẵn (NFC){more_vi}, thường do sao chép từ Word hoặc "
        "PDF; thidua đã chuẩn hóa để kiểm tra; hãy chạy `thidua fix` hoặc gõ lại bằng Unikey ở "
        "bảng mã Unicode dựng sẵn",
        f"text is not in Unicode NFC{more_en} (often pasted from Word or PDF); thidua normalised "
        "it for checking; run `thidua fix`, or type it again with Unikey set to precomposed Unicode")
    return unicodedata.normalize("NFC", text), [problem]


# --------------------------------------------------------------------------- parsing

class _Loader(_FastLoader):  # type: ignore[misc, valid-type]
    """libyaml's C parser with the YAML 1.2 core schema and duplicate-key capture."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicate_keys: list[tuple[yaml.Mark, Any, yaml.Mark]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        first_mark: dict[Any, yaml.Mark] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                ) from None
            if key in mapping:
                self.duplicate_keys.append((key_node.start_mark, key, first_mark[key]))
            else:
                first_mark[key] = key_node.start_mark
            mapping[key] = self.construct_object(value_node, deep=True)
        return mapping

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> list[Any]:
        return [self.construct_object(child, deep=True) for child in node.value]

    # The fast path. Profiling a province registry (6,000 files, a million nodes) put half
    # of the loading time in PyYAML's generic machinery: per node, construct_object's
    # bookkeeping and the resolver's lookups. Registry files hold maps, lists and strings;
    # these are built here directly, and every other node (numbers, null, booleans,
    # explicit tags) still goes through construct_object, so the results are the same.
    # Anchors and aliases never reach this point (parse() refuses them first), so no node
    # is shared and nothing needs remembering between nodes.

    def construct_document(self, node: yaml.Node) -> Any:
        try:
            return self._build(node)
        finally:
            self.constructed_objects: dict[yaml.Node, Any] = {}
            self.recursive_objects: dict[yaml.Node, None] = {}
            self.state_generators: list[Any] = []
            self.deep_construct = False

    def _build(self, node: yaml.Node) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _MAP:
            build = self._build
            mapping: dict[Any, Any] = {}
            first_mark: dict[Any, yaml.Mark] = {}
            for key_node, value_node in node.value:
                key = key_node.value if key_node.tag == _STR else build(key_node)
                try:
                    seen = key in mapping
                except TypeError:
                    raise yaml.constructor.ConstructorError(
                        None, None, "a mapping key must be a plain value", key_node.start_mark
                    ) from None
                if seen:
                    self.duplicate_keys.append((key_node.start_mark, key, first_mark[key]))
                else:
                    first_mark[key] = key_node.start_mark
                mapping[key] = build(value_node)
            return mapping
        if tag == _SEQ:
            build = self._build
            return [build(child) for child in node.value]
        return self.construct_object(node, deep=True)

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        # BaseResolver.resolve without the path resolvers (the registry has none). A plain
        # scalar's tag depends on its text alone, and short texts (keys, ids, levels, dates)
        # repeat across a registry's files: they are resolved once.
        if kind is yaml.ScalarNode:
            if implicit[0]:
                tag = _RESOLVED.get(value)
                if tag is None:
                    tag = _STR
                    for candidate, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                        if regexp.match(value):
                            tag = cast(str, candidate)
                            break
                    if len(value) <= _RESOLVED_LENGTH and len(_RESOLVED) < _RESOLVED_MAX:
                        _RESOLVED[value] = tag
                return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
#: Plain scalars already resolved (text → tag), bounded: at most this many, this long.
_RESOLVED: dict[str, str] = {}
_RESOLVED_MAX, _RESOLVED_LENGTH = 200_000, 40


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> dict[Any, Any]:
    return loader.construct_mapping(node)


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> list[Any]:
    return loader.construct_sequence(node)


def _construct_str(loader: _Loader, node: yaml.ScalarNode) -> str:
    return str(node.value)


class TagMismatch(yaml.constructor.ConstructorError):
    """An explicit tag the value cannot be read as (``!!int abc``, ``!!bool maybe``)."""

    def __init__(self, tag: str, value: str, mark: yaml.Mark) -> None:
        super().__init__(None, None, f"{value!r} cannot be read as {tag}", mark)
        self.tag, self.value = tag, value


class OversizedNumber:
    """A whole number too long to convert (Python refuses more than 4,300 digits, and the
    conversion is quadratic): kept as its digit count for the schema's message."""

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<a whole number of {self.digits:,} digits>"


_DIGITS = {8: re.compile("[0-7]+"), 10: re.compile("[0-9]+"), 16: re.compile("[0-9a-fA-F]+")}
#: More digits than any registry number needs (a year has four), far below Python's limit.
MAX_INT_DIGITS = 100


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int | OversizedNumber:
    value = str(node.value)
    text = value[1:] if value.startswith(("+", "-")) else value
    base = {"0o": 8, "0x": 16}.get(text[:2], 10)
    digits = text[2:] if base != 10 else text
    if not _DIGITS[base].fullmatch(digits):
        raise TagMismatch("!!int", value, node.start_mark)
    if len(digits) > MAX_INT_DIGITS:
        return OversizedNumber(len(digits))
    try:
        number = int(digits, base)
    except ValueError:
        raise TagMismatch("!!int", value, node.start_mark) from None
    return -number if value.startswith("-") else number


def _construct_float(loader: _Loader, node: yaml.ScalarNode) -> float:
    value = str(node.value).lower()
    if value.endswith(".inf"):
        return float("-inf") if value.startswith("-") else float("inf")
    if value == ".nan":
        return float("nan")
    try:
        return float(value)
    except ValueError:
        raise TagMismatch("!!float", str(node.value), node.start_mark) from None


def _construct_bool(loader: _Loader, node: yaml.ScalarNode) -> bool:
    value = str(node.value).lower()
    if value not in ("true", "false"):
        raise TagMismatch("!!bool", str(node.value), node.start_mark)
    return value == "true"


def _construct_null(loader: _Loader, node: yaml.ScalarNode) -> None:
    if str(node.value) not in ("", "~", "null", "Null", "NULL"):
        raise TagMismatch("!!null", str(node.value), node.start_mark)
    return None


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
_Loader.yaml_implicit_resolvers = {}
_Loader.yaml_constructors = dict(_Loader.yaml_constructors)
for _tag, _regexp, _first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
     r"|\.(?:nan|NaN|NAN))$", list("-+.0123456789")),
]:
    _Loader.add_implicit_resolver(_tag, re.compile(_regexp), _first)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Loader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
_Loader.add_constructor("tag:yaml.org,2002:null", _construct_null)
for _tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary",
             "tag:yaml.org,2002:set", "tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs"):
    _Loader.yaml_constructors.pop(_tag, None)


def _may_be_deep(text: str) -> bool:
    """Cheap bound: nesting depth is at most the brackets plus the deepest indent.

    The indent counts the block indicators too: ``- - - 1`` nests one sequence per
    dash on a single unindented line (50,000 of them crashed libyaml's composer).
    """
    brackets = text.count("[") + text.count("{")
    if brackets > MAX_DEPTH // 2:
        return True
    # Some line indented (spaces, tabs, block indicators) by more than the rest of the
    # budget: one regular-expression scan, not a Python loop over every line.
    return re.search(f"^[ \t?:-]{{{MAX_DEPTH // 2 - brackets + 1},}}", text, re.MULTILINE) is not None


#: In flow context, the characters that open, close or hide structure.
_FLOW_SIGNIFICANT = re.compile(r"""["'\[\]{}#]""")
#: A block mapping key at the start of a line's content: plain or quoted, then ": " or ":" at the end.
_BLOCK_KEY = re.compile(r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\[\]{},][^#]*?)[ \t]*:(?:[ \t]|$)""")
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")


def deep_position(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """1-based line and column of the first collection nested deeper than ``limit``.

    Our own scan, run before any parser sees the text: parsers have limits of their
    own (libyaml 0.2.6 stops at 1,000 levels with an English message, and scans ahead
    of the events, so its limit fires before ours could be read off the event stream),
    and the message and the place must not depend on which PyYAML is installed.

    It follows what makes a YAML collection: block mappings and sequences by their
    column (``- - -`` opens one sequence per dash), flow collections by their brackets,
    skipping quoted text, comments and block scalars. It is a bound for refusing
    hostile input, not a parser: a registry file nests about six levels, so where it
    is approximate (odd plain scalars) it is far from the limit either way.
    """
    block: list[tuple[int, str]] = []  # (column, "map" | "seq") of the open block collections
    flow = 0  # open flow collections
    quote = ""  # the quote character of a quoted scalar spanning lines
    scalar_indent = -1  # inside a block scalar whose parent sits at this column
    for number, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if scalar_indent >= 0:
            if not stripped.strip() or indent > scalar_indent:
                continue
            scalar_indent = -1
        pos = 0
        if not quote and not flow:
            if not stripped.strip() or stripped.startswith("#"):
                continue
            if stripped.startswith(("---", "...")) and stripped[3:4] in ("", " ", "\t"):
                block.clear()
                continue
            while block and block[-1][0] > indent:
                block.pop()
            pos = indent
            # Block indicators, several on one line when compact: "- " opens a sequence
            # entry, "? " and ": " an explicit key and its value in a mapping.
            while line[pos:pos + 1] in ("-", "?", ":") and line[pos + 1:pos + 2] in ("", " ", "\t"):
                _open_block(block, pos, "seq" if line[pos] == "-" else "map")
                if len(block) > limit:
                    return number + 1, pos + 1
                pos += 1
                while line[pos:pos + 1] in (" ", "\t"):
                    pos += 1
            rest = line[pos:]
            key = _BLOCK_KEY.match(rest)
            if key:
                _open_block(block, pos, "map")
                if len(block) > limit:
                    return number + 1, pos + 1
                pos += key.end()
                while line[pos:pos + 1] in (" ", "\t"):
                    pos += 1
                rest = line[pos:]
            if _BLOCK_SCALAR.match(rest):
                scalar_indent = block[-1][0] if block else 0
                continue
            if rest[:1] in ('"', "'"):
                quote, pos = _skip_quoted(line, pos + 1, rest[0])
                continue
            if rest[:1] not in ("[", "{"):
                continue
        elif quote:
            quote, pos = _skip_quoted(line, 0, quote)
            if quote:
                continue
        # Flow context: count brackets, skipping quoted text and comments.
        while True:
            found = _FLOW_SIGNIFICANT.search(line, pos)
            if found is None:
                break
            char, pos = found.group(), found.start()
            if char in "[{":
                flow += 1
                if len(block) + flow > limit:
                    return number + 1, pos + 1
                pos += 1
            elif char in "]}":
                flow = max(flow - 1, 0)
                pos += 1
                if not flow:
                    break
            elif char == "#":
                if pos == 0 or line[pos - 1] in " \t":
                    break
                pos += 1
            else:
                # A quote opens a quoted scalar only where a scalar starts.
                before = line[:pos].rstrip(" \t")[-1:]
                if before in ("", "[", "{", ",", ":"):
                    quote, pos = _skip_quoted(line, pos + 1, char)
                    if quote:
                        break
                else:
                    pos += 1
    return None


def _open_block(block: list[tuple[int, str]], column: int, kind: str) -> None:
    """Enter a block collection of ``kind`` at ``column`` (or stay in the open one).

    A sequence may sit at its parent key's column (``a:`` then ``- x``), so a key at
    that column closes the sequence and continues the mapping.
    """
    if kind == "map" and block and block[-1] == (column, "seq") and len(block) > 1 \
            and block[-2] == (column, "map"):
        block.pop()
    if not block or block[-1] != (column, kind):
        block.append((column, kind))


def _skip_quoted(line: str, pos: int, quote: str) -> tuple[str, int]:
    """Past the closing ``quote`` from ``pos``: ("", after it), or (quote, end) when the
    quoted scalar goes on to the next line."""
    while pos < len(line):
        char = line[pos]
        if quote == '"' and char == "\\":
            pos += 2
            continue
        if char == quote:
            if quote == "'" and line[pos + 1:pos + 2] == "'":
                pos += 2
                continue
            return "", pos + 1
        pos += 1
    return quote, len(line)


def _deep_problem(file: str, line: int, col: int) -> Problem:
    return _problem(
        "yaml-syntax", file, line, col,
        f"tệp lồng nhau quá {MAX_DEPTH} cấp; sổ đăng ký không cần lồng sâu như vậy",
        f"the file nests more than {MAX_DEPTH} levels deep; a registry never needs that")


def _scan_events(text: str, file: str) -> list[Problem]:
    """Anchors and aliases, from the event stream: no node is built, so an alias
    bomb costs only its own length."""
    problems: list[Problem] = []
    for event in yaml.parse(text, Loader=_FastLoader):
        mark = event.start_mark
        assert mark is not None  # the parser marks every event it yields
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent):
            problems.append(_problem(
                "yaml-alias", file, mark.line + 1, mark.column + 1,
                f"bí danh YAML (*{event.anchor}) không được dùng trong sổ đăng ký; "
                "hãy viết đầy đủ giá trị tại đây",
                f"YAML alias (*{event.anchor}) is not allowed in the registry; write the value out in full"))
        elif anchor:
            problems.append(_problem(
                "yaml-alias", file, mark.line + 1, mark.column + 1,
                f"neo YAML (&{anchor}) không được dùng trong sổ đăng ký; hãy bỏ nó đi",
                f"YAML anchor (&{anchor}) is not allowed in the registry; remove it"))
    return problems


def _syntax_problem(exc: yaml.MarkedYAMLError | yaml.reader.ReaderError, text: str,
                    file: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        # A control character (found by fuzzing): libyaml refuses it before parsing and
        # gives a byte offset into the UTF-8 text, not a mark.
        # libyaml counts UTF-8 bytes; the pure-Python fallback counts characters.
        offset = (exc.position if _FastLoader is not yaml.SafeLoader
                  else len(text[:exc.position].encode("utf-8")))
        line, col = _line_col_of_byte(text.encode("utf-8"), offset)
        return _problem(
            "yaml-syntax", file, line, col,
            f"ký tự U+{exc.character:04X} (ký tự điều khiển hoặc không phải chữ) không được phép "
            "trong YAML; hãy xóa nó (thường do sao chép từ Word hoặc PDF)",
            f"character U+{exc.character:04X} (a control or non-text character) is not allowed "
            "in YAML; delete it (often pasted from Word or PDF)")
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if isinstance(exc, TagMismatch):
        shown = exc.value if len(exc.value) <= 40 else exc.value[:40] + "…"
        return _problem(
            "yaml-syntax", file, line, col,
            f'giá trị "{shown}" không đọc được theo thẻ {exc.tag}; hãy bỏ thẻ {exc.tag} '
            "(sổ đăng ký không cần thẻ YAML) hoặc sửa giá trị",
            f'the value "{shown}" cannot be read as {exc.tag}; remove the {exc.tag} tag '
            "(the registry needs no YAML tags) or fix the value")
    if "nesting depth" in (exc.problem or ""):
        # A parser's own depth limit, where our scan found the file shallow enough
        # (it is a bound, not a parser): still our words, at the parser's place.
        return _deep_problem(file, line, col)
    line, col, vi, en = explain(exc, text)
    return _problem("yaml-syntax", file, line, col, vi, en)


#: libyaml's words for what it could not parse, told to a cadre (the cases above have a
#: message of their own; these are the rest).
_PROBLEMS = {
    "found unexpected end of stream": ("tệp kết thúc giữa chừng", "the file ends midway"),
    "found undefined tag handle": ("thẻ YAML (!x) không được dùng", "YAML tags (!x) are not used"),
    "found unknown escape character": ("ký tự thoát (\\) không hợp lệ trong ngoặc kép",
                                       "an invalid escape (\\) inside double quotes"),
    "found unexpected ':'": ('dấu ":" không đúng chỗ', 'a ":" out of place'),
    "did not find expected node content": ("thiếu giá trị", "a value is missing"),
    "did not find expected comment or line break": (
        "sau giá trị còn chữ thừa trên cùng dòng", "text left over after the value on this line"),
    "found duplicate anchor": ("neo YAML lặp lại", "a repeated YAML anchor"),
    "exceeded maximum nesting depth": (f"tệp lồng nhau quá {MAX_DEPTH} cấp",
                                       f"the file nests more than {MAX_DEPTH} levels deep"),
    "a mapping key must be a plain value": ("khóa phải là một giá trị đơn (chữ hoặc số), không phải "
                                            "danh sách hay bảng", "a key must be a plain value, "
                                            "not a list or a mapping"),
}


def _lines(text: str) -> list[str]:
    # The line breaks YAML 1.1 counts (libyaml's marks follow them).
    return re.split("\r\n|[\r\n\x85\u2028\u2029]", text)


def _first_tab(lines: list[str], first: int, last: int) -> tuple[int, int] | None:
    """(line, column), 1-based, of the first Tab in the indentation of lines first..last."""
    for number in range(max(first, 1), min(last, len(lines)) + 1):
        text = lines[number - 1]
        indent = len(text) - len(text.lstrip(" \t-"))
        tab = text.find("\t", 0, indent + 1)
        if tab >= 0:
            return number, tab + 1
    return None


_KEY_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s/])")


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str, str]:
    """Line, column and the Vietnamese and English sentence for a YAML syntax error, for each
    slip a cadre makes: a Tab, a colon inside a text, an unclosed quote (at its opening), a
    missing space after a colon, a list item at the wrong indent, a value starting with a
    reserved character; libyaml's own words never reach a user."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = _lines(text)

    def at(number: int) -> str:
        return lines[number - 1] if 0 < number <= len(lines) else ""

    here = at(line)
    opened = exc.context_mark
    open_line = opened.line + 1 if opened is not None else line
    char = here[col - 1] if 0 < col <= len(here) else ""

    def say(vi: str, en: str, at: tuple[int, int] | None = None) -> tuple[int, int, str, str]:
        where = at or (line, col)
        return where[0], where[1], f"YAML không hợp lệ: {vi}", f"invalid YAML: {en}"

    tab = _first_tab(lines, open_line, line) if ("tab" in problem or char == "\t") else None
    if tab is not None:
        return say("dòng này thụt lề bằng phím Tab; YAML chỉ nhận dấu cách: hãy dùng dấu cách thay "
                   "cho phím Tab (trong trình soạn thảo, bật \"thụt lề bằng dấu cách\")",
                   "this line is indented with a Tab; YAML only takes spaces: use spaces instead "
                   "of Tab (turn on \"indent using spaces\" in the editor)", tab)
    if "quoted scalar" in context and opened is not None and "escape" not in problem:
        quote = at(open_line)[opened.column:opened.column + 1]
        quote = quote if quote in ("'", '"') else '"'
        return say(f"dấu ngoặc {quote} mở ở đây không được đóng; hãy thêm {quote} ở cuối giá trị",
                   f"the {quote} opened here is never closed; add {quote} at the end of the value",
                   (open_line, opened.column + 1))
    quote_me = re.search(r":\s*([>≥<≤])", here)
    if quote_me and ("block" in problem or "expected" in problem or "not allowed" in problem):
        # `value: >= 90%` starts a folded block scalar in YAML: the commonest slip.
        return say('giá trị bắt đầu bằng ">" hoặc "<" phải đặt trong ngoặc kép, ví dụ ">= 90%"',
                   'a value that begins with ">" or "<" must be quoted, e.g. ">= 90%"',
                   (line, quote_me.start(1) + 1))
    if "simple key" in context and "expected ':'" in problem and opened is not None:
        key_line = at(open_line)
        missing = _KEY_NO_SPACE.match(key_line)
        if missing:
            key, rest = missing.group(2), key_line[missing.end():].strip()
            return say(f'thiếu dấu cách sau dấu hai chấm; hãy viết "{key}: {rest}"',
                       f'a space is missing after the colon; write "{key}: {rest}"',
                       (open_line, missing.end()))
        return say('dòng này không có dạng "khóa: giá trị"; hãy thêm dấu hai chấm và dấu cách',
                   'this line is not of the form "key: value"; add a colon and a space',
                   (open_line, opened.column + 1))
    if "mapping values are not allowed" in problem:
        first = re.match(r"^\s*(?:-\s+)?[^:#]+:\s+\S", here)
        if first and first.end() <= col:
            key = here.split(":", 1)[0].strip().lstrip("- ")
            value = here.split(":", 1)[1].strip()
            return say(f'giá trị có dấu hai chấm (": ") nên phải đặt trong ngoặc kép, ví dụ: '
                       f'{key}: "{value}"',
                       f'a value holding a colon (": ") must be quoted, e.g. {key}: "{value}"',
                       (line, first.end()))
        return say("dòng này thụt lề sâu hơn các khóa cùng cấp ở dòng trên; hãy thẳng hàng nó",
                   "this line is indented deeper than the keys beside it above; align it",
                   (line, len(here) - len(here.lstrip(" ")) + 1))
    if problem in ("did not find expected key", "did not find expected '-' indicator"):
        stripped = here.lstrip(" ")
        if re.match(r"^-[^\s-]", stripped):
            return say('sau dấu "-" của một mục danh sách cần một dấu cách, ví dụ "- id: …"',
                       'a list item\'s "-" takes a space after it, e.g. "- id: …"')
        if stripped.startswith("- ") or "'-'" in problem:
            above = next((n for n in range(line - 1, 0, -1)
                          if at(n).lstrip(" ").startswith("- ")), open_line)
            return say(f'mục danh sách ("- ") thụt lề lệch với mục ở dòng {above}; hãy thẳng hàng '
                       'dấu "-" với mục trên',
                       f'this list item ("- ") is not aligned with the item at line {above}; align '
                       'its "-" with the item above')
        before = here[:col - 1].rstrip()
        if before.endswith(('"', "'")):
            return say("sau dấu ngoặc đóng không được viết thêm chữ; hãy đưa cả câu vào trong ngoặc",
                       "no text may follow the closing quote; put the whole text inside the quotes")
        return say(f"dòng này thụt lề lệch với các khóa cùng cấp (từ dòng {open_line}); hãy thẳng "
                   "hàng nó với các khóa ở trên",
                   f"this line is not aligned with the keys beside it (from line {open_line}); "
                   "align it with the keys above")
    if "cannot start any token" in problem and char:
        return say(f'giá trị không được bắt đầu bằng ký tự "{char}"; hãy đặt cả giá trị trong ngoặc kép',
                   f'a value cannot begin with "{char}"; put the whole value in double quotes')
    closing = re.search(r"expected ',' or '([}\]])'", problem)
    if closing and opened is not None:
        return say(f'ngoặc mở ở đây thiếu dấu "{closing.group(1)}" đóng',
                   f'the bracket opened here lacks its closing "{closing.group(1)}"',
                   (open_line, opened.column + 1))
    vi, en = _PROBLEMS.get(problem, ("cú pháp không đúng", problem or "bad syntax"))
    return say(f"{vi}; hãy kiểm tra thụt lề, dấu hai chấm và ngoặc ở dòng này hoặc dòng trên",
               f"{en}; check the indentation, colons and brackets on this line or the one above")


#: What a text field may not hold: C0 controls but Tab and line feed, DEL, C1 controls,
#: and the bidirectional overrides. The reader refuses most of them written raw (not the
#: overrides, nor NEL); the rest come in through YAML escapes ("\\e", "\\x1b", "\\0").
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def parse(text: str, file: str) -> SourceFile:
    """Plain data of a YAML document, with syntax/duplicate/alias problems."""
    source = SourceFile(file, may_hold_controls="\\" in text or CONTROL.search(text) is not None)
    deep = deep_position(text) if _may_be_deep(text) else None
    if deep is not None:
        source.problems.append(_deep_problem(file, *deep))
        source.usable = False
        return source
    if "&" in text or "*" in text:
        try:
            scanned = _scan_events(text, file)
        except (yaml.MarkedYAMLError, yaml.reader.ReaderError) as exc:
            source.problems.append(_syntax_problem(exc, text, file))
            source.usable = False
            return source
        if scanned:
            source.problems.extend(scanned)
            source.usable = False
            return source
    try:
        loader = _Loader(text)  # the pure-Python fallback checks every character here
    except yaml.reader.ReaderError as exc:
        source.problems.append(_syntax_problem(exc, text, file))
        source.usable = False
        return source
    try:
        documents = []
        while loader.check_data():
            documents.append(loader.get_data())
    except (yaml.MarkedYAMLError, yaml.reader.ReaderError) as exc:
        source.problems.append(_syntax_problem(exc, text, file))
        source.usable = False
        return source
    finally:
        loader.dispose()
    if len(documents) > 1:
        source.problems.append(_problem(
            "yaml-syntax", file, 1, 1,
            "tệp chứa nhiều tài liệu YAML (ngăn bởi ---); mỗi tệp chỉ được có một",
            "the file holds several YAML documents (separated by ---); keep one per file"))
    source.data = documents[0] if documents else None
    for mark, key, first in loader.duplicate_keys:
        source.problems.append(_problem(
            "duplicate-key", file, mark.line + 1, mark.column + 1,
            f"khóa \"{key}\" lặp lại trong cùng một mapping (lần đầu ở dòng {first.line + 1}); "
            "giá trị sau sẽ đè giá trị trước: hãy xóa hoặc đổi tên một trong hai",
            f"key \"{key}\" appears twice in one mapping (first at line {first.line + 1}); "
            "the later value would replace the earlier: remove or rename one"))
    return source


def read(raw: bytes, file: str) -> SourceFile:
    """Decode, normalise and parse one file's bytes."""
    text, problems = decode(raw, file)
    if text is None:
        return SourceFile(file, problems=problems, usable=False)
    text, nfc_problems = normalise(text, file)
    source = parse(text, file)
    source.problems[:0] = problems + nfc_problems
    return source


# --------------------------------------------------------------------------- positions

def compose(text: str) -> yaml.Node | None:
    """The node tree of a file, for :func:`find`; None when it cannot be composed.

    Compose a file once and :func:`find` every path in it: composing per path made a
    units file with 400 problems take 11 s (each compose is the whole file).
    """
    try:
        return yaml.compose(text, Loader=_FastLoader)
    except yaml.YAMLError:
        return None


#: Per mapping node (by id), its keys → (key node, value node): built once per node, so
#: that finding 40,000 places in one mapping is not 40,000 walks over its keys.
KeyIndex = dict[int, dict[str, tuple[yaml.Node, yaml.Node]]]


def _keys(node: yaml.MappingNode, index: KeyIndex) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    keys = index.get(id(node))
    if keys is None:
        keys = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                keys.setdefault(key_node.value, (key_node, value_node))  # the first, as before
        index[id(node)] = keys
    return keys


def find(node: yaml.Node | None, path: YamlPath, anchor: str,
         index: KeyIndex | None = None) -> tuple[int, int]:
    """1-based line and column of ``path`` in a composed file: the key or the value.

    Where the path leaves the document (a missing field), the deepest node that
    exists is returned: the mapping that lacks the field. Pass one ``index`` for all
    the paths of one composed file.
    """
    if node is None:
        return 1, 1
    if index is None:
        index = {}
    mark = node.start_mark
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = _keys(node, index).get(str(step))
            if found is None:
                return mark.line + 1, mark.column + 1
            key_node, value_node = found
            mark = key_node.start_mark if anchor == "key" else value_node.start_mark
            node = value_node
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) \
                and 0 <= step < len(node.value):
            node = node.value[step]
            mark = node.start_mark
        else:
            break
    return mark.line + 1, mark.column + 1


def locate(text: str, path: YamlPath, anchor: str) -> tuple[int, int]:
    """1-based line and column of ``path`` in ``text`` (see :func:`find`)."""
    return find(compose(text), path, anchor)
