"""One document, whatever the output format: the frame of Nghị định 30/2020 and a body of blocks.

The wording of a document lives in one Jinja template per kind (``templates/plan.md.j2`` …).
The template renders the body in a small Markdown-like markup (below); :func:`parse_body`
turns it into blocks, and every writer (Markdown, HTML, DOCX) lays out the same
:class:`Document`. So the three formats cannot drift apart: they share their content and
differ only in layout.

Body markup (one construct per line; paragraphs are separated by blank lines):

- ``# I. MỤC ĐÍCH, YÊU CẦU``  a section heading (level 1, ``I.``);
- ``## 1. Đợt 1 …``           a sub-heading (level 2, ``1.``);
- ``### a) Khối doanh nghiệp`` a third-level heading (``a)``);
- ``- text``                  a dash item, its own paragraph (as administrative texts write them);
- ``| a | b |`` rows          a table; the first row is the header, an optional ``|---|`` row
                              under it is skipped;
- ``>> text``                 a centred line (a slogan, a closing exhortation);
- any other line              part of the current paragraph (lines are joined by one space).

Inline: ``**bold**`` and ``*italic*``. Text from the registry is data, never markup: the
template passes it through the ``md`` filter (:func:`escape`), which puts a backslash before
every character that could start markup; the parser drops the backslash again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

# --------------------------------------------------------------------------- the frame


@dataclass(frozen=True)
class Header:
    """The two-column header (NĐ30, Phụ lục I, ô 1–5).

    Texts are final: capitals and blanks are decided by the builder, not by writers.
    """

    superior: str | None      # "LĐLĐ THÀNH PHỐ HÀ NỘI" (capitals, not bold); None for the TLĐ
    issuer: str               # "LĐLĐ QUẬN BẮC TỪ LIÊM" (bold capitals, short rule under it)
    number: str | None        # "Số: 05/KH-LĐLĐ", "Số: …/KH-LĐLĐ"; None where the kind has none
    place_date: str           # "Bắc Từ Liêm, ngày 03 tháng 01 năm 2020" (italic)


@dataclass(frozen=True)
class Signature:
    """One signature block: ``TM. BAN THƯỜNG VỤ`` / ``CHỦ TỊCH`` / (space to sign) / name."""

    on_behalf: str | None     # "TM. BAN THƯỜNG VỤ" (bold capitals); None when signing in person
    position: str             # "CHỦ TỊCH" (bold capitals)
    name: str | None          # "Nguyễn Thùy Chi" (bold); None leaves the line blank for the clerk
    unit: str | None = None   # covenant columns: the member unit this signature binds


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Heading:
    level: Literal[1, 2, 3]
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    item: bool = False        # a "- …" item
    centered: bool = False    # a ">> …" line


@dataclass(frozen=True)
class Table:
    header: tuple[tuple[Run, ...], ...]
    rows: tuple[tuple[tuple[Run, ...], ...], ...]


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class Document:
    kind: Literal["plan", "kickoff", "covenant", "report", "scores", "minutes", "proposal"]
    stem: str                           # the file name without extension: "bac-tu-liem-2020-ke-hoach"
    header: Header
    title: str                          # "KẾ HOẠCH", "LỜI PHÁT ĐỘNG", "BẢN GIAO ƯỚC THI ĐUA"
    subject: str | None                 # "Phát động phong trào thi đua … năm 2020" (bold, short rule)
    body: tuple[Block, ...]
    signatures: tuple[Signature, ...]   # one (plan, kickoff) or one per member (covenant)
    recipients: tuple[str, ...] = ()    # "Nơi nhận:" entries without the dash and the ";"
    language: str = "vi"
    #: A4 landscape instead of portrait: a table too wide for 165 mm (the score table).
    landscape: bool = False
    meta: dict[str, str] = field(default_factory=dict, compare=False)  # for HTML <meta>/DOCX core properties


#: A covenant's signatures: at most this many columns a row.
MAX_SIGNATURE_COLUMNS = 3


def signature_rows(n: int) -> list[int]:
    """How many signatures each row of a covenant holds: 5 → [3, 2], 4 → [2, 2], 7 → [3, 2, 2]
    (at most three columns, rows as even as can be). Every writer lays them out so."""
    rows = -(-n // MAX_SIGNATURE_COLUMNS)
    return [n // rows + (1 if i < n % rows else 0) for i in range(rows)]


# --------------------------------------------------------------------------- the markup

_SPECIAL = re.compile(r"([\\*|#>_`\[\]-])")
_UNESCAPE = re.compile(r"\\([\\*|#>_`\[\]-])")
_INLINE = re.compile(r"(\\.)|(\*\*)|(\*)")


class MarkupError(ValueError):
    """A template produced markup that cannot be laid out (a template bug, not a user's)."""


def escape(text: object) -> str:
    """Registry text made inert for the markup (the ``md`` filter)."""
    return _SPECIAL.sub(r"\\\1", str(text))


def unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


def parse_inline(text: str) -> tuple[Run, ...]:
    """``Ngày **28/7** *kỷ niệm*`` → runs; escaped characters are literal."""
    runs: list[Run] = []
    bold = italic = False
    buf: list[str] = []

    def flush() -> None:
        if buf:
            joined = "".join(buf)
            if runs and runs[-1].bold == bold and runs[-1].italic == italic:
                runs[-1] = Run(runs[-1].text + joined, bold, italic)
            else:
                runs.append(Run(joined, bold, italic))
            buf.clear()

    pos = 0
    for m in _INLINE.finditer(text):
        buf.append(text[pos:m.start()])
        pos = m.end()
        if m.group(1):
            buf.append(m.group(1)[1])
        elif m.group(2):
            flush()
            bold = not bold
        else:
            flush()
            italic = not italic
    buf.append(text[pos:])
    flush()
    if bold or italic:
        raise MarkupError(f"unclosed ** or * in: {text!r}")
    return tuple(r for r in runs if r.text)


def _cells(line: str) -> list[str]:
    """Split ``| a | b\\|c |`` on unescaped bars."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", inner)]


def parse_body(markup: str) -> tuple[Block, ...]:
    blocks: list[Block] = []
    para: list[str] = []
    table: list[list[str]] = []

    def end_paragraph() -> None:
        if para:
            blocks.append(Paragraph(parse_inline(" ".join(para))))
            para.clear()

    def end_table() -> None:
        if table:
            header, *rows = table
            blocks.append(Table(tuple(parse_inline(c) for c in header),
                                tuple(tuple(parse_inline(c) for c in row) for row in rows)))
            table.clear()

    for raw in markup.splitlines():
        line = raw.strip()
        if line.startswith("|"):
            end_paragraph()
            cells = _cells(line)
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                continue
            table.append(cells)
            continue
        end_table()
        if not line:
            end_paragraph()
        elif m := re.match(r"(#{1,3}) (.*)", line):
            end_paragraph()
            blocks.append(Heading(len(m.group(1)), parse_inline(m.group(2))))  # type: ignore[arg-type]
        elif line.startswith("- "):
            end_paragraph()
            blocks.append(Paragraph(parse_inline(line[2:]), item=True))
        elif line.startswith(">> "):
            end_paragraph()
            blocks.append(Paragraph(parse_inline(line[3:]), centered=True))
        else:
            para.append(line)
    end_paragraph()
    end_table()
    return tuple(blocks)


#: A column whose values are all this short (TT, %, 100%) is centred, as office tables set them.
SHORT_CELL = 6


def short_columns(table: Table) -> list[bool]:
    """For each column of ``table``: True when every value in it is short (centred)."""
    ncols = max((len(r) for r in (table.header, *table.rows)), default=0)
    return [all(len(plain(row[c])) <= SHORT_CELL for row in table.rows if c < len(row))
            for c in range(ncols)]


def plain(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs)
