"""Where a line of a document's frame may break, and where it must not (issue 12, item 11).

Vietnamese writes a word's syllables apart, so an editor's wrap, which breaks at any space,
splits words ("LAO / ĐỘNG", "TIỂU / HỌC") and place names ("Hà / Nội"). Pure functions over
text, shared by the DOCX and HTML writers:

- :func:`no_break_after` tells, for each space of a text, whether a line may break there;
- :func:`nobreak` joins the syllables that must stay together with NO-BREAK SPACE (U+00A0),
  which Word, LibreOffice and browsers never break, so that their own wrapping can only
  choose a good place.

Kept together: the two syllables of a common word of unit names and table headings (a small
lexicon, upper or lower case), a place name after its level word ("quận Bắc Từ Liêm", "THÀNH PHỐ HÀ NỘI"), a
name in Title Case ("Xuân Đỉnh"), the last two syllables of a name in capitals, and a number
with the word before it ("năm 2020", "ngày 03"). Used on the frame only (header, subject,
date line, signature units, recipients): body paragraphs are justified, and a no-break space
there would not stretch.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

#: Two-syllable words of unit and place names, compared in lower case.
PAIRS = frozenset({
    ("lao", "động"), ("liên", "đoàn"), ("công", "đoàn"), ("viên", "chức"), ("tiểu", "học"),
    ("trung", "học"), ("mầm", "non"), ("cơ", "sở"), ("thành", "phố"), ("giáo", "dục"),
    ("y", "tế"), ("cổ", "phần"), ("hữu", "hạn"), ("bệnh", "viện"), ("phổ", "thông"),
    ("công", "ty"), ("ngân", "hàng"), ("trách", "nhiệm"), ("thi", "đua"), ("hành", "chính"),
    ("sự", "nghiệp"), ("doanh", "nghiệp"), ("việt", "nam"), ("tổng", "liên"), ("nhà", "trường"),
    ("đại", "học"), ("cao", "đẳng"), ("thị", "xã"), ("thị", "trấn"), ("đặc", "khu"),
    ("khu", "công"), ("công", "nghiệp"), ("văn", "hóa"), ("thương", "mại"), ("dịch", "vụ"),
    ("xây", "dựng"), ("giao", "thông"), ("nông", "nghiệp"), ("tài", "chính"), ("đảng", "ủy"),
    ("cơ", "quan"), ("thường", "vụ"), ("chấp", "hành"), ("chủ", "tịch"), ("độc", "lập"),
    ("tự", "do"), ("hạnh", "phúc"), ("cộng", "hòa"), ("xã", "hội"), ("chủ", "nghĩa"),
    ("giao", "ước"), ("phát", "động"), ("phong", "trào"), ("kế", "hoạch"), ("báo", "cáo"),
    ("thực", "hiện"), ("để", "biết"), ("khối", "thi"), ("cụm", "thi"), ("kỷ", "niệm"),
    ("chào", "mừng"), ("cách", "mạng"), ("quốc", "khánh"), ("đại", "hội"),
    # the headings of tables: "Đơn vị / tính", never "Đơn / vị tính"
    ("đơn", "vị"), ("chỉ", "tiêu"), ("tiêu", "chí"), ("nội", "dung"), ("kết", "quả"),
    ("thẩm", "định"), ("tự", "chấm"), ("xếp", "hạng"), ("xếp", "loại"), ("ghi", "chú"),
    ("tối", "đa"), ("điểm", "thưởng"), ("lý", "do"), ("tỷ", "lệ"), ("đánh", "giá"),
})

#: Level words after which a place name follows ("quận Bắc Từ Liêm", "TỈNH HÀ GIANG").
PLACE_LEVELS = frozenset({"quận", "huyện", "tỉnh", "phố", "xã", "phường", "trấn", "khu"})


def _title(word: str) -> bool:
    return (word[:1].isupper() and not word.isupper()) or (len(word) == 1 and word.isupper())


def no_break_after(words: list[str]) -> list[bool]:
    """For each gap between ``words[i]`` and ``words[i + 1]``: True when a line must not
    break there."""
    keep = [False] * max(len(words) - 1, 0)
    capitals = all(w.isupper() or not any(c.isalpha() for c in w) for w in words)
    lower = [w.lower().strip(",.;:()") for w in words]
    for i in range(len(words) - 1):
        a, b = lower[i], lower[i + 1]
        if (a, b) in PAIRS or b[:1].isdigit() or b.startswith("…"):
            keep[i] = True
        elif not capitals and _title(words[i]) and _title(words[i + 1]):
            keep[i] = True        # a name in Title Case: "Hà Nội", "Xuân Đỉnh"
    for i, word in enumerate(lower[:-1]):
        if word in PLACE_LEVELS:
            # The place name that follows: to the end of a name in capitals, else while its
            # words are capitalised ("quận Bắc Từ Liêm, ngày …").
            j = i
            while j < len(words) - 1 and (capitals or _title(words[j + 1])
                                          or words[j + 1][:1].isupper()):
                keep[j] = True
                j += 1
                if words[j].endswith(","):
                    break
    if capitals and len(words) >= 2:
        keep[-1] = True           # the last two syllables of a name in capitals
    return keep


def nobreak(text: str) -> str:
    """``text`` with NO-BREAK SPACE where a line must not break (each line of a text already
    broken with ``\\n`` on its own)."""
    return "\n".join(_line(line) for line in text.split("\n"))


def _line(line: str) -> str:
    words = line.split(" ")
    if len(words) < 2 or any(not w for w in words):
        return line
    keep = no_break_after(words)
    out = [words[0]]
    for word, joined in zip(words[1:], keep, strict=True):
        out.append(NBSP if joined else " ")
        out.append(word)
    return "".join(out)


_BLANK = re.compile(r" (…)(?=[\s.,;:)]|$)")


def glue_blanks(text: str) -> str:
    """A clerk's blank "…" never starts a line on its own ("trước ngày / …"): it is glued to
    the word before it. For body text, where :func:`nobreak` is not used."""
    return _BLANK.sub(NBSP + r"\1", text)
