"""DOCX writer: a :class:`~thidua_cli.render.document.Document` laid out per Nghị định 30/2020.

The layout is the one unions apply (domain brief, "Document layout"): A4 portrait, margins
20/20/30/15 mm, Times New Roman, the two-column header with its short rules, title and
subject, a justified body with first-line indent, the signature bottom right beside
``Nơi nhận:``, page numbers centred in the top margin from page 2.

python-docx writes the OOXML; we only reach into the XML for what it has no API for
(paragraph borders, table borders, the PAGE field, the repeated header row, w:lang).

Choices that keep the page the same in Word and LibreOffice:

- The short rules are bottom borders of *empty* paragraphs narrowed by indents, not drawn
  shapes: a border stays with its paragraph when text above it wraps or is edited, whereas a
  floating line keeps its position and drifts away from the text.
- Every table has a fixed layout and explicit column widths (``w:tblLayout fixed`` and the
  grid), because LibreOffice does not compute Word's autofit the same way.
- Fonts are set on the document defaults and on every style, with the theme attributes
  removed: ``w:asciiTheme`` outranks ``w:ascii``, so a style still naming the theme font
  would render in Calibri/Cambria whatever we set.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from datetime import UTC, datetime
from itertools import combinations, pairwise
from typing import TYPE_CHECKING

from docx import Document as _new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt, RGBColor

from thidua_cli import clock
from thidua_cli.render.document import Document, Heading, Paragraph, Run, Signature, Table, plain

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table as DocxTable
    from docx.table import _Cell, _Row
    from docx.text.paragraph import Paragraph as DocxParagraph

    Container = DocxDocument | _Cell     # what takes add_paragraph()

FONT = "Times New Roman"
LANG = "vi-VN"

PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN_TOP = Mm(20)
MARGIN_BOTTOM = Mm(20)
MARGIN_LEFT = Mm(30)
MARGIN_RIGHT = Mm(15)
HEADER_DISTANCE = Mm(10)        # the page number sits in the top margin
TEXT_WIDTH = Emu(PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)   # 165 mm

BODY_SIZE = Pt(14)
TABLE_SIZE = Pt(13)
SHORT_CELL = 6                  # characters: a column of such values is centred
FIRST_LINE_INDENT = Cm(1.27)
SPACE_AFTER = Pt(6)
LINE_SPACING = 1.15             # NĐ30: from single to 1.5 lines

# The header's right column must hold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12 pt bold,
# about 88 mm) on one line with the cell margins; the left column takes the rest.
HEADER_RIGHT = Mm(97)
HEADER_LEFT = Emu(TEXT_WIDTH - HEADER_RIGHT)
CELL_MARGIN = Emu(Pt(5.4))      # Word's default left/right cell margin (108 twips)
# The covenant's signature columns are a third of the page: narrower cell margins give a
# unit's name the 4 mm that keep "CÔNG ĐOÀN VIÊN CHỨC" on one line.
GRID_CELL_MARGIN = Emu(Pt(1.5))

# The signature sits on the right, Nơi nhận on the left (as in NĐ30, Phụ lục I).
RECIPIENTS_WIDTH = Mm(75)
SIGNATURE_WIDTH = Emu(TEXT_WIDTH - RECIPIENTS_WIDTH)
SIGNATURE_BLANK_LINES = 4       # room for the signature and the stamp
MAX_SIGNATURE_COLUMNS = 3

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

BLACK = RGBColor(0, 0, 0)

# --------------------------------------------------------------------------- text widths

# Advance widths (units of 1/2048 em) of Times New Roman for the printable ASCII characters
# 32..126, taken from Liberation Serif, its metric twin. Only used to size the rules under
# the issuer, the motto and the subject; Vietnamese letters measure as their base letter
# (diacritics do not change the advance).
_REGULAR = (
    "512 682 836 1024 1024 1706 1593 369 682 682 1024 1155 512 682 512 569 1024 1024 1024 1024 "
    "1024 1024 1024 1024 1024 1024 569 569 1155 1155 1155 909 1886 1479 1366 1366 1479 1251 1139 "
    "1479 1479 682 797 1479 1251 1821 1479 1479 1139 1479 1366 1139 1251 1479 1479 1933 1479 1479 "
    "1251 682 569 682 961 1024 682 909 1024 909 1024 909 682 1024 1024 569 569 1024 569 1593 1024 "
    "1024 1024 1024 682 797 569 1024 1024 1479 1024 1024 909 983 410 983 1108"
)
_BOLD = (
    "512 682 1137 1024 1024 2048 1706 569 682 682 1024 1167 512 682 512 569 1024 1024 1024 1024 "
    "1024 1024 1024 1024 1024 1024 682 682 1167 1167 1167 1024 1905 1479 1366 1479 1479 1366 1251 "
    "1593 1593 797 1024 1593 1366 1933 1479 1593 1251 1593 1479 1139 1366 1479 1479 2048 1479 1479 "
    "1366 682 569 682 1190 1024 682 1024 1139 909 1139 909 682 1024 1139 569 682 1139 569 1706 1139 "
    "1024 1139 1139 909 797 682 1139 1024 1479 1024 1024 909 807 451 807 1065"
)
_ITALIC = (
    "512 682 860 1024 1024 1706 1593 438 682 682 1024 1382 512 682 512 569 1024 1024 1024 1024 "
    "1024 1024 1024 1024 1024 1024 682 682 1382 1382 1382 1024 1884 1251 1251 1366 1479 1251 1251 "
    "1479 1479 682 909 1366 1139 1706 1366 1479 1251 1479 1251 1024 1139 1479 1251 1706 1251 1139 "
    "1139 797 569 797 864 1024 682 1024 1024 909 1024 909 569 1024 1024 569 569 909 569 1479 1024 "
    "1024 1024 1024 797 797 569 1024 909 1366 909 909 797 819 563 819 1108"
)
_ADVANCE = {
    False: dict(zip(map(chr, range(32, 127)), map(int, _REGULAR.split()))),
    True: dict(zip(map(chr, range(32, 127)), map(int, _BOLD.split()))),
    "italic": dict(zip(map(chr, range(32, 127)), map(int, _ITALIC.split()))),
}
_BASE = {"Đ": "D", "đ": "d", "…": "..."}


def _units(line: str, bold: bool | str) -> int:
    """Advance of one line in font units (1/2048 em)."""
    table = _ADVANCE[bold]
    units = 0
    for ch in line:
        base = _BASE.get(ch) or unicodedata.normalize("NFD", ch)[:1]
        units += sum(table.get(b, 1024) for b in base)
    return units


def text_width(text: str, size: Pt, bold: bool = False, italic: bool = False) -> Emu:
    """Printed width of ``text`` in Times New Roman (an estimate within a few %); of its longest
    line when a builder breaks it with ``\n`` (python-docx turns those into line breaks).
    Regular, bold or italic (bold italic is measured as bold)."""
    face: bool | str = "italic" if italic and not bold else bold
    return Emu(round(max(_units(line, face) for line in text.split("\n")) * size / 2048))


def set_width(text: str, size: Pt, bold: bool, column: int) -> Emu:
    """Width of the widest line of ``text`` once wrapped between words into ``column`` (EMU),
    as the editors do: a rule under a name set on two lines follows the lines, not the
    column ("LIÊN ĐOÀN LAO ĐỘNG / QUẬN BẮC TỪ LIÊM")."""
    space = _units(" ", bold)
    widest = 0
    for paragraph_line in text.split("\n"):
        line = 0
        for word in paragraph_line.split():
            w = _units(word, bold)
            if line and round((line + space + w) * size / 2048) > column:
                widest = max(widest, line)
                line = w
            else:
                line = line + space + w if line else w
        widest = max(widest, line)
    return Emu(min(round(widest * size / 2048), column))


# A unit's name breaks before the word that starts its next part: "LIÊN ĐOÀN LAO ĐỘNG /
# HUYỆN BẮC MÊ", "CÔNG ĐOÀN / CÔNG TY A". Vietnamese writes a word's syllables apart, so a
# break chosen by width alone would split "LAO / ĐỘNG" (labour) or "BỆNH / VIỆN".
_BREAK_BEFORE = frozenset({
    "HUYỆN", "QUẬN", "TỈNH", "THÀNH", "THỊ", "PHƯỜNG", "XÃ", "NGÀNH", "CÔNG", "TRƯỜNG", "BỆNH",
    "KHỐI", "CỤM", "TỔNG", "TẬP", "SỞ", "CƠ", "KHU", "BAN", "VĂN", "NHÀ", "NGÂN",
})


def balanced(text: str, size: Pt, bold: bool, column: int) -> str:
    """``text`` broken into as few lines as fit ``column``, as even as can be, at the
    starts of its parts ("LIÊN ĐOÀN LAO ĐỘNG / HUYỆN BẮC MÊ", never "LIÊN ĐOÀN LAO ĐỘNG HUYỆN
    BẮC / MÊ" as an editor's wrap would give). Left alone when it fits, is already broken
    by the builder, or no such break makes it fit (the editor wraps it then). The advances
    are Times New Roman's own (without kerning, which Word leaves off): 2 % of safety."""
    budget = int(column * 0.98)
    words = text.split()
    if "\n" in text or text_width(text, size, bold) <= budget:
        return text
    places = [i for i, w in enumerate(words) if i and w.upper() in _BREAK_BEFORE]
    for count in range(2, len(places) + 2):
        best: tuple[int, list[str]] | None = None
        for cuts in combinations(places, count - 1):
            bounds = (0, *cuts, len(words))
            lines = [" ".join(words[a:b]) for a, b in pairwise(bounds)]
            widest = max(text_width(line, size, bold) for line in lines)
            if widest <= budget and (best is None or widest < best[0]):
                best = (widest, lines)
        if best is not None:
            return "\n".join(best[1])
    return text


# --------------------------------------------------------------------------- XML helpers

# Characters XML 1.0 cannot carry. YAML's escapes ("\x01" in a quoted string) can put them in
# registry text; lxml would refuse the whole document. They become U+FFFD, which a clerk sees.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)



def _set_fonts(rpr: BaseOxmlElement) -> None:
    """Times New Roman for every script slot, theme attributes removed (they outrank ours)."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)


def _set_lang(rpr: BaseOxmlElement) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)
    lang.set(qn("w:bidi"), "ar-SA")


def _border(side: str, size_eighths: int = 6) -> BaseOxmlElement:
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size_eighths))
    el.set(qn("w:space"), "1")
    el.set(qn("w:color"), "000000")
    return el


def _table_borders(table: DocxTable, visible: bool) -> None:
    tblPr = table._tbl.tblPr
    old = tblPr.find(qn("w:tblBorders"))
    if old is not None:
        tblPr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if visible:
            el = _border(side, 4)
            el.set(qn("w:space"), "0")
        else:
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:val"), "nil")
        borders.append(el)
    # Schema order inside w:tblPr: … tblW, jc, tblCellSpacing, tblInd, tblBorders, shd, tblLayout …
    anchor = None
    for tag in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"):
        anchor = tblPr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tblPr.append(borders)


def _fixed_table(doc: DocxDocument, rows: int, widths: list[int], borders: bool) -> DocxTable:
    """A table with a fixed layout and explicit widths, the same in Word and LibreOffice."""
    table: DocxTable = doc.add_table(rows=rows, cols=len(widths))
    if borders:
        # By id, not through doc.styles[...]: python-docx scans all 164 styles per lookup,
        # which was half the time of a long plan.
        table._tbl.tblPr.style = "TableGrid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tblPr = table._tbl.tblPr
    tblW = tblPr.find(qn("w:tblW"))
    if tblW is None:
        tblW = OxmlElement("w:tblW")
        tblPr.append(tblW)
    tblW.set(qn("w:w"), str(round(sum(widths) / 635)))   # EMU → twentieths of a point
    tblW.set(qn("w:type"), "dxa")
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths):
        col.w = Emu(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Emu(width)
    _table_borders(table, borders)
    return table


def _cell_margins(table: DocxTable, margin: int) -> None:
    """Left and right margins of every cell of ``table`` (EMU)."""
    tblPr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(margin / 635)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    look = tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(mar)
    else:
        tblPr.append(mar)


def _cant_split(row: _Row) -> None:
    trPr = row._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:cantSplit"))


def _repeat_header(row: _Row) -> None:
    trPr = row._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:tblHeader"))


# --------------------------------------------------------------------------- paragraphs


def _plain_paragraph(container: Container, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
                     after: Pt | int = 0, before: Pt | int = 0) -> DocxParagraph:
    """A paragraph outside the body flow: no first-line indent, single spacing."""
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = 0
    fmt.space_before = before
    fmt.space_after = after
    fmt.line_spacing = 1.0
    return p


def _add_text(p: DocxParagraph, text: str, size: Pt, bold: bool | None = None,
              italic: bool | None = None) -> None:
    run = p.add_run(xml_text(text))
    run.font.size = size
    run.bold = bold
    run.italic = italic


def _add_runs(p: DocxParagraph, runs: tuple[Run, ...], size: Pt | None = None) -> None:
    for r in runs:
        run = p.add_run(xml_text(r.text))
        # A plain run inherits the paragraph style (bold in a heading), hence None, not False.
        run.bold = True if r.bold else None
        run.italic = True if r.italic else None
        if size is not None:
            run.font.size = size


def _rule(container: Container, length: int, available: int) -> DocxParagraph:
    """A centred horizontal rule ``length`` EMU long: the bottom border of an empty paragraph
    narrowed by equal indents (it moves with the text above it in Word and LibreOffice)."""
    length = min(length, available)
    p = _plain_paragraph(container)
    side = Emu(max(0, (available - length) // 2))
    p.paragraph_format.left_indent = side
    p.paragraph_format.right_indent = side
    # The empty paragraph's height is that of its mark: 2 pt keeps the rule close to the text.
    pPr = p._p.get_or_add_pPr()
    mark = OxmlElement("w:rPr")     # w:rPr is last but one in w:pPr (before w:sectPr)
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "4")
    mark.append(sz)
    pPr.append(mark)
    pbdr = OxmlElement("w:pBdr")
    pbdr.append(_border("bottom"))
    # Schema order: w:pBdr comes after w:keepNext … w:pageBreakBefore and before w:spacing.
    spacing = pPr.find(qn("w:spacing"))
    if spacing is not None:
        spacing.addprevious(pbdr)
    else:
        pPr.insert(0, pbdr)
    return p


def _first_paragraph(cell: _Cell) -> DocxParagraph:
    """A new cell holds one empty paragraph: use it first, then add more."""
    p: DocxParagraph = cell.paragraphs[0]
    fmt = p.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.first_line_indent = 0
    fmt.space_before = 0
    fmt.space_after = 0
    fmt.line_spacing = 1.0
    return p


class _CellWriter:
    """Adds paragraphs to a cell, filling its initial empty paragraph first."""

    def __init__(self, cell: _Cell) -> None:
        self.cell = cell
        self.used = False

    def paragraph(self, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
                  after: Pt | int = 0, before: Pt | int = 0) -> DocxParagraph:
        if not self.used:
            self.used = True
            p = _first_paragraph(self.cell)
            p.paragraph_format.alignment = align
            p.paragraph_format.space_after = after
            p.paragraph_format.space_before = before
            return p
        return _plain_paragraph(self.cell, align, after, before)

    def rule(self, length: int, available: int) -> DocxParagraph:
        if not self.used:
            self.paragraph()
        return _rule(self.cell, length, available)


# --------------------------------------------------------------------------- the parts


def _setup(doc: DocxDocument, document: Document) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = PAGE_WIDTH
    section.page_height = PAGE_HEIGHT
    section.top_margin = MARGIN_TOP
    section.bottom_margin = MARGIN_BOTTOM
    section.left_margin = MARGIN_LEFT
    section.right_margin = MARGIN_RIGHT
    section.header_distance = HEADER_DISTANCE
    section.footer_distance = HEADER_DISTANCE
    section.gutter = 0

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_lang(rpr)
    # Every w:rFonts in every style: no theme fonts anywhere.
    for rfonts in styles.iter(qn("w:rFonts")):
        _set_fonts(rfonts.getparent())
    _set_fonts(rpr)

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY_SIZE
    normal.font.color.rgb = BLACK
    _set_fonts(normal.element.get_or_add_rPr())
    _set_lang(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = FIRST_LINE_INDENT
    fmt.space_before = 0
    fmt.space_after = SPACE_AFTER
    fmt.line_spacing = LINE_SPACING
    fmt.widow_control = True

    for level in (1, 2, 3):
        style = doc.styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = BODY_SIZE
        style.font.color.rgb = BLACK
        style.font.bold = level < 3
        style.font.italic = level == 3
        _set_fonts(style.element.get_or_add_rPr())
        pf = style.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        pf.first_line_indent = FIRST_LINE_INDENT
        pf.left_indent = 0
        pf.space_before = SPACE_AFTER
        pf.space_after = SPACE_AFTER
        pf.line_spacing = LINE_SPACING
        pf.keep_with_next = True

    for name in ("Header", "Footer"):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(13)
        style.font.color.rgb = BLACK
        _set_fonts(style.element.get_or_add_rPr())

    settings = doc.settings.element
    for compat in settings.iter(qn("w:compatSetting")):
        # python-docx's template says Word 2010; 15 opens without "[Compatibility Mode]".
        if compat.get(qn("w:name")) == "compatibilityMode":
            compat.set(qn("w:val"), "15")
    for theme_lang in settings.iter(qn("w:themeFontLang")):
        theme_lang.set(qn("w:val"), LANG)
        theme_lang.attrib.pop(qn("w:eastAsia"), None)
    for proof in settings.iter(qn("w:proofState")):
        # "clean" would tell Word the spelling was checked; let it check the Vietnamese.
        proof.getparent().remove(proof)

    props = doc.core_properties
    meta = document.meta
    title = " ".join(t for t in (document.title, document.subject) if t)
    props.title = xml_text(meta.get("title", title))
    props.subject = xml_text(meta.get("subject", document.subject or ""))
    props.author = xml_text(meta.get("author", document.header.issuer))
    props.last_modified_by = props.author
    props.keywords = xml_text(meta.get("keywords", ""))
    props.comments = xml_text(meta.get("description", ""))
    props.language = LANG
    props.revision = 1
    props.created = props.modified = _timestamp(document)


def _timestamp(document: Document) -> datetime:
    """When the file was made, in UTC without zone (python-docx writes the time followed by
    "Z" whatever its zone): the builder's ``meta["created"]``, else SOURCE_DATE_EPOCH (the
    reproducible-builds convention: the same input then gives the same bytes), else now.
    Never the 2013 of python-docx's template."""
    created = document.meta.get("created")
    when = datetime.fromisoformat(created) if created else clock.made_at()
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when.replace(microsecond=0)


def _stamped(data: bytes, when: datetime) -> bytes:
    """The package again with every member dated ``when`` (python-docx dates them now), so
    that a reproducible timestamp gives reproducible bytes."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info))
    return out.getvalue()


# Parts of python-docx's template that would describe some other document: a thumbnail of
# an empty page, "Microsoft Macintosh Word, 1 page, 0 words" (Word recomputes them; file
# managers show them), and Word 2010's copy of the styles with their theme fonts (Calibri).
_DROPPED_RELATIONSHIPS = (
    "/metadata/thumbnail",
    "/extended-properties",
    "/stylesWithEffects",
)


def _drop_template_leftovers(doc: DocxDocument) -> None:
    for rels in (doc.part.package.rels, doc.part.rels):
        for rId, rel in list(rels.items()):
            if rel.reltype.endswith(_DROPPED_RELATIONSHIPS):
                del rels[rId]


def _page_numbers(doc: DocxDocument) -> None:
    """Page numbers centred in the top margin, none on page 1 (a different first page)."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = 0
    p.paragraph_format.space_after = 0
    run = p.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(separate)
    p.add_run("2")     # the field's cached result; both editors recompute it on every page
    end_run = p.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    end_run._r.append(end)


def _header(doc: DocxDocument, document: Document) -> None:
    head = document.header
    table = _fixed_table(doc, 2, [HEADER_LEFT, HEADER_RIGHT], borders=False)
    left_w = HEADER_LEFT - 2 * CELL_MARGIN
    right_w = HEADER_RIGHT - 2 * CELL_MARGIN

    left = _CellWriter(table.cell(0, 0))
    if head.superior:
        _add_text(left.paragraph(), balanced(head.superior, Pt(13), False, left_w), Pt(13),
                  bold=False)
    _add_text(left.paragraph(), balanced(head.issuer, Pt(13), True, left_w), Pt(13), bold=True)
    issuer_w = set_width(head.issuer, Pt(13), True, left_w)
    left.rule(round(issuer_w * 0.4), left_w)

    right = _CellWriter(table.cell(0, 1))
    _add_text(right.paragraph(), NATIONAL_NAME, Pt(12), bold=True)
    _add_text(right.paragraph(), MOTTO, Pt(13), bold=True)
    right.rule(text_width(MOTTO, Pt(13), bold=True), right_w)

    number = _CellWriter(table.cell(1, 0))
    p = number.paragraph(before=Pt(6))
    if head.number:
        _add_text(p, head.number, Pt(13))
    date = _CellWriter(table.cell(1, 1))
    # NĐ30 allows 13–14 pt: 13 when that keeps a long place name and the year on one line
    # ("Thành phố Hà Giang, ngày 12 tháng 02 năm 2020"); longer ones wrap at 14 pt.
    date_size = Pt(14)
    if (text_width(head.place_date, Pt(14), italic=True) > right_w * 0.98
            and text_width(head.place_date, Pt(13), italic=True) <= right_w * 0.98):
        date_size = Pt(13)
    _add_text(date.paragraph(before=Pt(6)), head.place_date, date_size, italic=True)
    for row in table.rows:
        _cant_split(row)
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def _title(doc: DocxDocument, document: Document) -> None:
    p = _plain_paragraph(doc, before=Pt(18))
    p.paragraph_format.keep_with_next = True
    _add_text(p, document.title, Pt(14), bold=True)
    if document.subject:
        p = _plain_paragraph(doc)
        p.paragraph_format.keep_with_next = True
        _add_text(p, document.subject, Pt(14), bold=True)
        width = set_width(document.subject, Pt(14), True, TEXT_WIDTH)
        # NĐ30: a third to a half of the line. A third, unless that is under 25 mm: then up to
        # half, so that a short subject ("Năm 2020") does not get a stub.
        length = width / 3 if width / 3 >= Mm(25) else min(width / 2, Mm(25))
        rule = _rule(doc, round(length), TEXT_WIDTH)
        rule.paragraph_format.space_after = Pt(12)
    else:
        p.paragraph_format.space_after = Pt(12)


def _column_widths(table: Table) -> list[int]:
    """Column widths as an editor's autofit would choose them, computed here because
    LibreOffice and Word autofit differently: a column whose longest text fits its fair share
    keeps that width (TT, %, "từ 90% trở lên"); the others share what is left in proportion
    to their text, never narrower than their longest word."""
    rows = (table.header, *table.rows)
    ncols = max(len(r) for r in rows)
    pad = 2 * CELL_MARGIN + Pt(2)
    natural = [pad] * ncols
    minimum = [pad] * ncols
    for r, row in enumerate(rows):
        for i, cell in enumerate(row):
            text = plain(cell)
            natural[i] = max(natural[i], text_width(text, TABLE_SIZE, r == 0) + pad)
            for word in text.split():
                minimum[i] = max(minimum[i], text_width(word, TABLE_SIZE, r == 0) + pad)
    widths: list[float] = [0.0] * ncols
    if sum(natural) <= TEXT_WIDTH:
        # Everything fits on one line: spread the spare width like the text.
        widths = [n * TEXT_WIDTH / sum(natural) for n in natural]
    else:
        remaining, open_ = float(TEXT_WIDTH), set(range(ncols))
        while open_:
            fair = remaining / len(open_)
            settled = {i for i in open_ if natural[i] <= fair}
            if not settled:
                break
            for i in settled:
                widths[i] = natural[i]
                remaining -= natural[i]
            open_ -= settled
        share = sum(natural[i] for i in open_)
        for i in open_:
            widths[i] = max(minimum[i], remaining * natural[i] / share)
        # Long words may overshoot: scale back to the text width.
        widths = [w * TEXT_WIDTH / sum(widths) for w in widths]
    out = [int(w) for w in widths]
    out[-1] += TEXT_WIDTH - sum(out)
    return out


def _table(doc: DocxDocument, block: Table) -> None:
    widths = _column_widths(block)
    rows = (block.header, *block.rows)
    table = _fixed_table(doc, len(rows), widths, borders=True)
    # Columns of short values (TT, %, 100%) are centred, as office tables set them.
    short = [all(len(plain(row[c])) <= SHORT_CELL for row in block.rows if c < len(row))
             for c in range(len(widths))]
    for r, (row, docx_row) in enumerate(zip(rows, table.rows)):
        for c, cell in enumerate(docx_row.cells):
            p = _first_paragraph(cell)
            p.paragraph_format.space_before = Pt(3)
            p.paragraph_format.space_after = Pt(3)
            if r == 0 or short[c]:
                p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
            runs = row[c] if c < len(row) else ()
            _add_runs(p, runs, TABLE_SIZE)
            if r == 0:
                for run in p.runs:
                    run.bold = True
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _repeat_header(table.rows[0])
    for row in table.rows:
        _cant_split(row)
    # A table followed directly by another block needs air, as paragraphs have.
    _plain_paragraph(doc, after=0).paragraph_format.line_spacing = 0.5


def _body(doc: DocxDocument, document: Document) -> None:
    for block in document.body:
        if isinstance(block, Heading):
            p = doc.add_paragraph()
            p._p.style = f"Heading{block.level}"     # the style id (see _fixed_table)
            _add_runs(p, block.runs)
        elif isinstance(block, Paragraph):
            p = doc.add_paragraph()
            if block.centered:
                p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.first_line_indent = 0
            if block.item:
                p.add_run("- ")
            _add_runs(p, block.runs)
        elif isinstance(block, Table):
            _table(doc, block)
        else:  # pragma: no cover - the model has three block kinds
            raise TypeError(f"unknown block {block!r}")


def _signature(cell: _Cell, sig: Signature, size: Pt = BODY_SIZE, with_unit: bool = False) -> None:
    w = _CellWriter(cell)
    if with_unit and sig.unit:
        _add_text(w.paragraph(), sig.unit, Pt(13), bold=True)
    if sig.on_behalf:
        _add_text(w.paragraph(), sig.on_behalf, size, bold=True)
    _add_text(w.paragraph(), sig.position, size, bold=True)
    for _ in range(SIGNATURE_BLANK_LINES):
        w.paragraph()
    p = w.paragraph()
    if sig.name:
        _add_text(p, sig.name, size, bold=True)


def _fitting_size(texts: list[str], width: int) -> Pt:
    """The largest of 14, 13, 12 pt at which every line fits the column (else 11 pt): a title
    such as TM. BAN CHẤP HÀNH broken over two lines would misalign the names of a row. With
    8 % to spare: titles filling their columns run into each other on the page."""
    for size in (14, 13, 12):
        if all(text_width(t, Pt(size), bold=True) <= width * 0.92 for t in texts):
            return Pt(size)
    return Pt(11)


def _recipients(cell: _Cell | None, doc: DocxDocument, recipients: tuple[str, ...]) -> None:
    if cell is not None:
        w = _CellWriter(cell)
        first = w.paragraph(WD_ALIGN_PARAGRAPH.LEFT)
    else:
        w = None
        first = _plain_paragraph(doc, WD_ALIGN_PARAGRAPH.LEFT, before=Pt(12))
    _add_text(first, "Nơi nhận:", Pt(12), bold=True, italic=True)
    for i, entry in enumerate(recipients):
        p = w.paragraph(WD_ALIGN_PARAGRAPH.LEFT) if w else _plain_paragraph(
            doc, WD_ALIGN_PARAGRAPH.LEFT)
        end = "." if i == len(recipients) - 1 else ";"
        _add_text(p, f"- {entry}{end}", Pt(11))


def _balanced_rows(n: int) -> list[int]:
    """5 → [3, 2]; 4 → [2, 2]; 7 → [3, 2, 2]: at most three columns, rows as even as can be."""
    rows = -(-n // MAX_SIGNATURE_COLUMNS)
    return [n // rows + (1 if i < n % rows else 0) for i in range(rows)]


def _closing(doc: DocxDocument, document: Document) -> None:
    sigs = document.signatures
    # The signature never stands alone on a page: the last paragraph goes with it.
    if document.body and isinstance(document.body[-1], (Paragraph, Heading)):
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    if len(sigs) <= 1:
        if not sigs and not document.recipients:
            return
        # Nơi nhận on the left, the signature on the right, on the same row (NĐ30, ô 8–9).
        table = _fixed_table(doc, 1, [RECIPIENTS_WIDTH, SIGNATURE_WIDTH], borders=False)
        row = table.rows[0]
        _cant_split(row)
        left, right = row.cells
        left.vertical_alignment = right.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        if document.recipients:
            _recipients(left, doc, document.recipients)
        if sigs:
            _signature(right, sigs[0], with_unit=True)
        # Air between the last body paragraph and the closing block, the same in both cells so
        # that "Nơi nhận:" and the first line of the signature stand on one line.
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_before = Pt(6)
        return
    # A covenant: one column per member, at most three a row. The member units take a row of
    # their own, so that a unit name wrapped over two lines does not push its signer's title
    # and name below those of the neighbouring columns.
    start = 0
    for count in _balanced_rows(len(sigs)):
        group = sigs[start:start + count]
        width = TEXT_WIDTH // count
        inner = width - 2 * GRID_CELL_MARGIN
        size = _fitting_size([t for s in group for t in (s.on_behalf, s.position, s.name) if t],
                             inner)
        has_units = any(s.unit for s in group)
        # Unit names are longer ("CÔNG ĐOÀN TRƯỜNG THPT …"): smaller if that keeps them on one
        # line, but never below 12 pt; beyond that they wrap between words.
        unit_size = max(Pt(12), min(size, _fitting_size([s.unit for s in group if s.unit],
                                                        inner)))
        table = _fixed_table(doc, 2 if has_units else 1, [width] * count, borders=False)
        _cell_margins(table, GRID_CELL_MARGIN)
        for row in table.rows:
            _cant_split(row)
        if has_units:
            # Keep the units with their signatures on one page.
            for cell, sig in zip(table.rows[0].cells, group):
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
                p = _CellWriter(cell).paragraph(before=Pt(12))
                p.paragraph_format.keep_with_next = True
                if sig.unit:
                    text = balanced(sig.unit, unit_size, True, inner)
                    _add_text(p, text, Pt(unit_size.pt), bold=True)
        for cell, sig in zip(table.rows[-1].cells, group):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            _signature(cell, sig, size)
            if not has_units:
                cell.paragraphs[0].paragraph_format.space_before = Pt(12)
        start += count
    if document.recipients:
        _recipients(None, doc, document.recipients)


def to_docx(document: Document) -> bytes:
    """The document as a .docx file (bytes), editable in Word and LibreOffice."""
    doc = _new_docx()
    # The template's body holds one empty paragraph in some python-docx versions: start clean.
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _setup(doc, document)
    _drop_template_leftovers(doc)
    _page_numbers(doc)
    _header(doc, document)
    _title(doc, document)
    _body(doc, document)
    _closing(doc, document)
    out = io.BytesIO()
    doc.save(out)
    return _stamped(out.getvalue(), _timestamp(document))
