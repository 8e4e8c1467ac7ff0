"""DOCX writer: a :class:`~thidua_cli.render.document.Document` laid out per Nghị định 30/2020.

The layout is the one unions apply (domain brief, "Document layout"): A4 portrait (landscape
for a table too wide for it, :class:`.page.Page`), margins
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

The package's modules, one job each: :mod:`.page` (measures), :mod:`.metrics` (text widths,
name breaking), :mod:`.ooxml` (XML python-docx has no API for, paragraph primitives),
:mod:`.package` (setup, styles, properties, page numbers, timestamps), :mod:`.frame` (header,
title, closing) and :mod:`.body` (headings, paragraphs, tables). :func:`to_docx` is the entry.
"""

from __future__ import annotations

import io

from docx import Document as _new_docx
from docx.oxml.ns import qn

from thidua_cli.render.document import Document
from thidua_cli.render.docx.body import add_body, column_widths
from thidua_cli.render.docx.frame import add_closing, add_header, add_title, balanced_rows
from thidua_cli.render.docx.metrics import balanced, set_width, text_width
from thidua_cli.render.docx.ooxml import xml_text
from thidua_cli.render.docx.package import drop_template_leftovers, page_numbers, set_up, stamped, timestamp
from thidua_cli.render.docx.page import LANDSCAPE, PORTRAIT

__all__ = ["balanced", "balanced_rows", "column_widths", "set_width", "text_width", "to_docx",
           "xml_text"]


def to_docx(document: Document) -> bytes:
    """The document as a .docx file (bytes), editable in Word and LibreOffice."""
    doc = _new_docx()
    # The template's body holds one empty paragraph in some python-docx versions: start clean.
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    page = LANDSCAPE if document.landscape else PORTRAIT
    set_up(doc, document, page)
    drop_template_leftovers(doc)
    page_numbers(doc)
    add_header(doc, document, page)
    add_title(doc, document, page)
    add_body(doc, document, page)
    add_closing(doc, document, page)
    out = io.BytesIO()
    doc.save(out)
    return stamped(out.getvalue(), timestamp(document))
