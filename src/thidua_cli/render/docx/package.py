"""The package around the content: page setup, styles, core properties, page numbers, the
leftovers of python-docx's template removed, and reproducible timestamps."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from thidua_cli.render.document import Document
from thidua_cli.render.docx.ooxml import set_fonts, set_lang, xml_text
from thidua_cli.render.docx.page import (
    BLACK,
    BODY_SIZE,
    FIRST_LINE_INDENT,
    FONT,
    HEADER_DISTANCE,
    LANG,
    LINE_SPACING,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    SPACE_AFTER,
    Page,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

#: A document property (title, subject, author …) holds at most 255 characters; a real
#: campaign title with its saluting clause reaches 263.
PROPERTY_LIMIT = 255


def property_text(text: str) -> str:
    """``text`` for a document property: XML-safe, shortened at a word to fit the limit,
    with "…" where it was cut (the document's body keeps the whole text)."""
    text = xml_text(text)
    if len(text) <= PROPERTY_LIMIT:
        return text
    cut = text[:PROPERTY_LIMIT - 1]
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def set_up(doc: DocxDocument, document: Document, page: Page) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if page.landscape else WD_ORIENT.PORTRAIT
    section.page_width = Emu(page.width)
    section.page_height = Emu(page.height)
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
    set_lang(rpr)
    # Every w:rFonts in every style: no theme fonts anywhere.
    for rfonts in styles.iter(qn("w:rFonts")):
        set_fonts(rfonts.getparent())
    set_fonts(rpr)

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY_SIZE
    normal.font.color.rgb = BLACK
    set_fonts(normal.element.get_or_add_rPr())
    set_lang(normal.element.get_or_add_rPr())
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
        set_fonts(style.element.get_or_add_rPr())
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
        set_fonts(style.element.get_or_add_rPr())

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
    props.title = property_text(meta.get("title", title))
    props.subject = property_text(meta.get("subject", document.subject or ""))
    props.author = property_text(meta.get("author", document.header.issuer))
    props.last_modified_by = props.author
    props.keywords = property_text(meta.get("keywords", ""))
    props.comments = property_text(meta.get("description", ""))
    props.language = LANG
    props.revision = 1
    props.created = props.modified = timestamp(document)


def timestamp(document: Document) -> datetime:
    """When the file was made, in UTC without zone (python-docx writes the time followed by
    "Z" whatever its zone): the builder's ``meta["created"]``, else SOURCE_DATE_EPOCH (the
    reproducible-builds convention: the same input then gives the same bytes), else now.
    Never the 2013 of python-docx's template."""
    from thidua_cli import clock

    created = document.meta.get("created")
    when = datetime.fromisoformat(created) if created else clock.made_at()
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when.replace(microsecond=0)


def stamped(data: bytes, when: datetime) -> bytes:
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


def drop_template_leftovers(doc: DocxDocument) -> None:
    for rels in (doc.part.package.rels, doc.part.rels):
        for rId, rel in list(rels.items()):
            if rel.reltype.endswith(_DROPPED_RELATIONSHIPS):
                del rels[rId]


def page_numbers(doc: DocxDocument) -> None:
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
