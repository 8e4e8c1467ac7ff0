"""ASCII slugs for ids, made from Vietnamese names."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """``Bắc Từ Liêm`` → ``bac-tu-liem``.

    NFD splits letters from their tone and vowel marks, which are then dropped;
    ``đ`` is a letter of its own (not d plus a mark), so it is mapped by hand.
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn"
    )
    return re.sub(r"[^a-z0-9]+", "-", stripped.lower()).strip("-")


#: The longest id: it becomes a file name with a suffix ("…-ke-hoach.docx", "….yaml")
#: and the writer's temporary prefix, and a file name holds at most 255 bytes.
MAX_ID_LENGTH = 100


def is_too_long(text: str) -> bool:
    return len(text) > MAX_ID_LENGTH


def is_valid_id(text: str) -> bool:
    # fullmatch: with match, "$" also matches before a final newline, and an id written
    # as a YAML block scalar ("id: |") would keep its "\n".
    return bool(ID_PATTERN.fullmatch(text))
