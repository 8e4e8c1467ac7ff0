"""A4 landscape for the score table (Bảng tổng hợp kết quả chấm điểm), from the portrait DOCX
the writer makes.

The writer lays out one page, A4 portrait (Nghị định 30). A wide table is printed across the
page instead: this turns the finished file's section to landscape with the same margins and
gives the extra width to the tables — a bordered (data) table grows in proportion, column by
column; a borderless frame table (the header, the closing) keeps its columns' content widths
and takes the extra width as space inside its first column, so that what is centred in each
column (names, rules under them) stays centred and the right column stays at the right edge;
a rule under the title is re-centred on the wider line.
"""

from __future__ import annotations

import io

from docx import Document as open_docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu

#: The HTML writer's page (A4 portrait, 165 mm of text) and the landscape one (252 mm).
_HTML_PAGE = (("size: A4 portrait", "size: A4 landscape"), ("max-width: 165mm", "max-width: 252mm"),
              ("max-width: 210mm", "max-width: 297mm"))


def landscape_html(text: str) -> str:
    """The HTML page of the score table printed on A4 landscape (and as wide on a screen)."""
    for portrait, wide in _HTML_PAGE:
        if portrait not in text:
            raise ValueError(f"the HTML writer's page changed: {portrait!r} not found")
        text = text.replace(portrait, wide, 1)
    return text


def landscape(data: bytes) -> bytes:
    doc = open_docx(io.BytesIO(data))
    section = doc.sections[0]
    width, height = int(section.page_width or 0), int(section.page_height or 0)
    margins = int(section.left_margin or 0) + int(section.right_margin or 0)
    portrait_text = width - margins
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Emu(height), Emu(width)
    landscape_text = height - margins
    extra = landscape_text - portrait_text
    for table in doc.tables:
        _widen(table._tbl, portrait_text, landscape_text, extra)
    for paragraph in doc.paragraphs:
        pPr = paragraph._p.pPr
        if pPr is not None and pPr.find(qn("w:pBdr")) is not None:
            fmt = paragraph.paragraph_format
            if fmt.left_indent is not None and fmt.right_indent is not None:
                fmt.left_indent = Emu(fmt.left_indent + extra // 2)
                fmt.right_indent = Emu(fmt.right_indent + extra // 2)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _bordered(tbl) -> bool:  # type: ignore[no-untyped-def]
    borders = tbl.tblPr.find(qn("w:tblBorders"))
    if borders is None:
        return False
    return any(side.get(qn("w:val")) not in (None, "nil", "none") for side in borders)


def _twips(emu: int) -> int:
    return round(emu / 635)


def _widen(tbl, portrait: int, wide: int, extra: int) -> None:  # type: ignore[no-untyped-def]
    grid = tbl.tblGrid.gridCol_lst
    if _bordered(tbl):
        widths = [int(col.w) * wide // portrait for col in grid]
        widths[-1] += wide - sum(widths)
    else:
        widths = [int(col.w) for col in grid]
        widths[0] += extra
    for col, width in zip(grid, widths, strict=True):
        col.w = Emu(width)
    tblW = tbl.tblPr.find(qn("w:tblW"))
    if tblW is not None and tblW.get(qn("w:type")) == "dxa":
        tblW.set(qn("w:w"), str(_twips(sum(widths))))
    for tr in tbl.tr_lst:
        column = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            width = sum(widths[column:column + span])
            tcPr = tc.get_or_add_tcPr()
            tcW = tcPr.find(qn("w:tcW"))
            if tcW is not None:
                tcW.set(qn("w:w"), str(_twips(width)))
                tcW.set(qn("w:type"), "dxa")
            if column == 0 and not _bordered(tbl):
                _pad_right(tcPr, extra)
            column += span


def _pad_right(tcPr, extra: int) -> None:  # type: ignore[no-untyped-def]
    """The frame's first cell keeps its content width: the extra width is its right margin."""
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
    right = margins.find(qn("w:right"))
    if right is None:
        right = OxmlElement("w:right")
        margins.append(right)
        current = 108  # Word's default cell margin, in twips
    else:
        current = int(right.get(qn("w:w")) or 108)
    right.set(qn("w:w"), str(current + _twips(extra)))
    right.set(qn("w:type"), "dxa")
