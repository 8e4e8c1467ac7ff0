"""TCVN3 (ABC, the ``.VnTime`` fonts) to Unicode: the table, as data.

TCVN3 is the 8-bit form of TCVN 5712:1993 that the ABC keyboard and the ``.VnTime`` fonts
wrote (bảng mã "TCVN3 (ABC)" in Unikey): ASCII as it is, and Vietnamese letters at 0xA1–0xFE.
The table below is the upper half of TCVN 5712:1993, VN3 subset — the positions the ABC
fonts use: ă â ê ô ơ ư đ and their capitals at 0xA1–0xAE, the lowercase letters with a
tone mark at 0xB5–0xFE. The positions that only the full VN1 table fills (capitals with a
tone mark at 0xBA, 0xBF–0xC5 …, combining marks at 0xB0–0xB4) are left out on purpose: an
ABC file never holds them, and text in Windows-1258 does (its à is 0xE0, its đ 0xF0), so a
byte outside the table means "not TCVN3" and nothing is converted.

No library is used: none on PyPI does this conversion alone and is kept up (the ones found
are gists, or document loaders that bring far more); 134 rows of data are easier to check.
Source: the code table of TCVN 5712:1993, upper half (0xA0–0xFF); every position kept here
was checked against the copy of that table in XFree86's X-TrueType (TCVN/TCVNtoUCS2.c).

Capitals with a tone mark do not exist in TCVN3: they were typed in the capitals font
(``.VnTimeH``) with the lowercase codes, so they come out lowercase here ("HÀ NỘI" typed in
``.VnTimeH`` reads "Hà NộI"). :func:`to_unicode` cannot know which font a line was shown in.
"""

from __future__ import annotations

#: byte → letter, TCVN 5712:1993 (VN3, the ABC fonts), by rows of the code table.
TABLE: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ",
    0xC6: "ặ", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

#: Letters TCVN3 writes with the bytes that, read as Windows-1258, are the symbols ¨ ª ¬ ® and
#: the soft hyphen: nearly every Vietnamese text holds one (đ, ê, ư …), Windows-1258 text
#: nearly never.
_OWN_LETTERS = frozenset("ăêơưđĂÊƠƯĐ")
#: The letters of the table that carry a tone mark: a Vietnamese syllable carries one at most.
_TONED = frozenset(letter for byte, letter in TABLE.items() if byte >= 0xB5)


def to_unicode(raw: bytes) -> str | None:
    """The text of TCVN3 bytes, in precomposed Unicode (NFC); None unless it reads as
    Vietnamese: every byte ASCII or in the table, one of TCVN3's own letters at least (ă ê
    ơ ư đ), and no word with two tone marks (what Windows-1258's "«Hà» µµ" would become:
    "ôHaèằ àà"). A file that is not TCVN3 is then left alone, never turned into wrong letters."""
    out: list[str] = []
    for byte in raw:
        if byte < 0x80:
            out.append(chr(byte))
            continue
        letter = TABLE.get(byte)
        if letter is None:
            return None
        out.append(letter)
    text = "".join(out)
    if not _OWN_LETTERS.intersection(text):
        return None
    word_tones = 0
    for char in text:
        if not char.isalpha():
            word_tones = 0
        elif char in _TONED:
            word_tones += 1
            if word_tones > 1:
                return None
    return text
