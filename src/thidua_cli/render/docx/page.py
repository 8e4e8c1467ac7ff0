"""The page of Nghị định 30/2020 as unions apply it: A4, margins, Times New Roman, sizes and
the widths of the header's and the closing's columns. Every other module of the writer
takes its measures from here."""

from __future__ import annotations

from dataclasses import dataclass

from docx.shared import Cm, Emu, Mm, Pt, RGBColor

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

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

BLACK = RGBColor(0, 0, 0)


@dataclass(frozen=True)
class Page:
    """The sheet a document is laid out on: A4 portrait, or A4 landscape for a table too
    wide for 165 mm. Same margins either way. The header's and the closing's columns keep
    their portrait widths; the extra width of a landscape page is :attr:`spare`, which the
    frame gives to their left column as empty space (so that the national name and the
    signature stay at the right edge) and the body's tables share out."""

    width: int
    height: int

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def text_width(self) -> int:
        return int(self.width - MARGIN_LEFT - MARGIN_RIGHT)

    @property
    def spare(self) -> int:
        return self.text_width - int(TEXT_WIDTH)


PORTRAIT = Page(int(PAGE_WIDTH), int(PAGE_HEIGHT))
LANDSCAPE = Page(int(PAGE_HEIGHT), int(PAGE_WIDTH))
