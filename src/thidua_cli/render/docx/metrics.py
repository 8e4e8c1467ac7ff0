"""How wide a text prints in Times New Roman, and where a unit's name may break.

Used to size the short rules under the issuer, the motto and the subject, to pick a font
size that keeps a line whole, and to break long names at the start of a part
("LIÊN ĐOÀN LAO ĐỘNG / HUYỆN BẮC MÊ"), never inside a word or a place name.
"""

from __future__ import annotations

import unicodedata
from itertools import combinations, pairwise

from docx.shared import Emu, Pt

from thidua_cli.render.wrap import no_break_after

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
    False: dict(zip(map(chr, range(32, 127)), map(int, _REGULAR.split()), strict=True)),
    True: dict(zip(map(chr, range(32, 127)), map(int, _BOLD.split()), strict=True)),
    "italic": dict(zip(map(chr, range(32, 127)), map(int, _ITALIC.split()), strict=True)),
}
_BASE = {"Đ": "D", "đ": "d", "…": "...", "\u00a0": " "}


def line_units(line: str, bold: bool | str) -> int:
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
    return Emu(round(max(line_units(line, face) for line in text.split("\n")) * size / 2048))


def set_width(text: str, size: Pt, bold: bool, column: int) -> Emu:
    """Width of the widest line of ``text`` once wrapped between words into ``column`` (EMU),
    as the editors do: a rule under a name set on two lines follows the lines, not the
    column ("LIÊN ĐOÀN LAO ĐỘNG / QUẬN BẮC TỪ LIÊM")."""
    space = line_units(" ", bold)
    widest = 0
    for paragraph_line in text.split("\n"):
        line = 0
        for word in paragraph_line.split():
            w = line_units(word, bold)
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


def balanced(text: str, size: Pt, bold: bool, column: int, at_parts: bool = True) -> str:
    """``text`` broken into as few lines as fit ``column``, as even as can be, at the
    starts of its parts ("LIÊN ĐOÀN LAO ĐỘNG / HUYỆN BẮC MÊ", never "LIÊN ĐOÀN LAO ĐỘNG HUYỆN
    BẮC / MÊ" as an editor's wrap would give). Left alone when it fits, is already broken
    by the builder, or no such break makes it fit (the editor wraps it then). The advances
    are Times New Roman's own (without kerning, which Word leaves off): 2 % of safety.
    ``at_parts=False`` (a subject line, not a name): any break that splits no word or place,
    lines as even as can be, so that no word stands alone on the last line."""
    budget = int(column * 0.98)
    words = text.split()
    if "\n" in text or text_width(text, size, bold) <= budget:
        return text
    keep = no_break_after(words)
    preferred = [i for i, w in enumerate(words) if i and w.upper() in _BREAK_BEFORE
                 and not keep[i - 1]] if at_parts else []
    # Then any break that splits no word and no place name ("CÔNG ĐOÀN TRƯỜNG TIỂU HỌC /
    # XUÂN ĐỈNH"), for a name too long for the column at its parts' starts.
    allowed = [i for i in range(1, len(words)) if not keep[i - 1]]
    for places in (preferred, allowed):
        for count in range(2, min(len(places), 3) + 2):
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
