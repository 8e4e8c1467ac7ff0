"""What python-docx has no API for, written into the OOXML directly: fonts without theme
attributes, w:lang, borders, fixed-layout tables, cell margins, rows that do not split, a
repeated header row; and the paragraph primitives every part uses (a plain paragraph, runs,
a short centred rule that moves with its text)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from thidua_cli.render.document import Run
from thidua_cli.render.docx.page import CELL_MARGIN, FONT, LANG
from thidua_cli.render.wrap import glue_blanks

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table as DocxTable
    from docx.table import _Cell, _Row
    from docx.text.paragraph import Paragraph as DocxParagraph

    Container = DocxDocument | _Cell     # what takes add_paragraph()

# Characters XML 1.0 cannot carry. YAML's escapes ("\x01" in a quoted string) can put them in
# registry text; lxml would refuse the whole document. They become U+FFFD, which a clerk sees.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)



def set_fonts(rpr: BaseOxmlElement) -> None:
    """Times New Roman for every script slot, theme attributes removed (they outrank ours)."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)


def set_lang(rpr: BaseOxmlElement) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)
    lang.set(qn("w:bidi"), "ar-SA")


def border(side: str, size_eighths: int = 6) -> BaseOxmlElement:
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size_eighths))
    el.set(qn("w:space"), "1")
    el.set(qn("w:color"), "000000")
    return el


def table_borders(table: DocxTable, visible: bool) -> None:
    tblPr = table._tbl.tblPr
    old = tblPr.find(qn("w:tblBorders"))
    if old is not None:
        tblPr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if visible:
            el = border(side, 4)
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


def fixed_table(doc: DocxDocument, rows: int, widths: list[int], borders: bool) -> DocxTable:
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
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        col.w = Emu(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Emu(width)
    table_borders(table, borders)
    return table


def cell_margins(table: DocxTable, margin: int) -> None:
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


def pad_right(cell: _Cell, extra: int) -> None:
    """Widen ``cell``'s right margin by ``extra`` EMU: a column made wider by a landscape page
    keeps its content where it was, the extra width empty on its right."""
    if extra <= 0:
        return
    tcPr = cell._tc.get_or_add_tcPr()
    margins = tcPr.find(qn("w:tcMar"))
    if margins is None:
        margins = OxmlElement("w:tcMar")
        # Schema order: w:tcMar comes before w:textDirection, w:tcFitText, w:vAlign, w:hideMark.
        later = [tcPr.find(qn(f"w:{tag}")) for tag in ("textDirection", "tcFitText", "vAlign", "hideMark")]
        following = next((element for element in later if element is not None), None)
        if following is not None:
            following.addprevious(margins)
        else:
            tcPr.append(margins)
    right = OxmlElement("w:right")
    right.set(qn("w:w"), str(round((CELL_MARGIN + extra) / 635)))   # EMU → twips
    right.set(qn("w:type"), "dxa")
    margins.append(right)


def cant_split(row: _Row) -> None:
    trPr = row._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:cantSplit"))


def repeat_header(row: _Row) -> None:
    trPr = row._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:tblHeader"))


# --------------------------------------------------------------------------- paragraphs


def plain_paragraph(container: Container, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
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


def add_text(p: DocxParagraph, text: str, size: Pt, bold: bool | None = None,
              italic: bool | None = None) -> None:
    run = p.add_run(xml_text(text))
    run.font.size = size
    run.bold = bold
    run.italic = italic


def add_runs(p: DocxParagraph, runs: tuple[Run, ...], size: Pt | None = None) -> None:
    for r in runs:
        run = p.add_run(xml_text(glue_blanks(r.text)))
        # A plain run inherits the paragraph style (bold in a heading), hence None, not False.
        run.bold = True if r.bold else None
        run.italic = True if r.italic else None
        if size is not None:
            run.font.size = size


def add_rule(container: Container, length: int, available: int) -> DocxParagraph:
    """A centred horizontal rule ``length`` EMU long: the bottom border of an empty paragraph
    narrowed by equal indents (it moves with the text above it in Word and LibreOffice)."""
    length = min(length, available)
    p = plain_paragraph(container)
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
    pbdr.append(border("bottom"))
    # Schema order: w:pBdr comes after w:keepNext … w:pageBreakBefore and before w:spacing.
    spacing = pPr.find(qn("w:spacing"))
    if spacing is not None:
        spacing.addprevious(pbdr)
    else:
        pPr.insert(0, pbdr)
    return p


def first_paragraph(cell: _Cell) -> DocxParagraph:
    """A new cell holds one empty paragraph: use it first, then add more."""
    p: DocxParagraph = cell.paragraphs[0]
    fmt = p.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.first_line_indent = 0
    fmt.space_before = 0
    fmt.space_after = 0
    fmt.line_spacing = 1.0
    return p


class CellWriter:
    """Adds paragraphs to a cell, filling its initial empty paragraph first."""

    def __init__(self, cell: _Cell) -> None:
        self.cell = cell
        self.used = False

    def paragraph(self, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
                  after: Pt | int = 0, before: Pt | int = 0) -> DocxParagraph:
        if not self.used:
            self.used = True
            p = first_paragraph(self.cell)
            p.paragraph_format.alignment = align
            p.paragraph_format.space_after = after
            p.paragraph_format.space_before = before
            return p
        return plain_paragraph(self.cell, align, after, before)

    def add_rule(self, length: int, available: int) -> DocxParagraph:
        if not self.used:
            self.paragraph()
        return add_rule(self.cell, length, available)
