"""Reading a file never raises, and wrong encodings are named for what they are.

A CI-sized complement to fuzz/ (docs/fuzzing.md): arbitrary bytes and arbitrary text
through ``yaml_source.read`` end in data or in located problems, never an exception.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tests.properties.strategies import deterministic
from thidua_cli.registry.yaml_source import decode, read

VIETNAMESE = ("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ"
              "ùúủũụừứửữựỳýỷỹỵĐÂĂÊÔƠƯ ")
KEYS = ["id", "name", "title", "theme", "place", "text"]


def registry_like_text() -> st.SearchStrategy[str]:
    """A few ``key: value`` lines with Vietnamese values, as registry files hold."""
    lines = st.tuples(st.sampled_from(KEYS), st.text(alphabet=VIETNAMESE, min_size=1, max_size=60))
    return st.lists(lines, min_size=1, max_size=6).map(
        lambda pairs: "".join(f"{key}: {value}\n" for key, value in pairs))


def located(source_problems: list) -> bool:
    return all(p.line >= 1 and p.column >= 1 and p.message.vi and p.message.en
               for p in source_problems)


@given(registry_like_text(), st.sampled_from(["utf-16-le", "utf-16-be", "utf-16"]))
@deterministic(max_examples=300)
def test_utf16_is_named_utf16(text: str, encoding: str) -> None:
    # Short, Vietnamese-heavy files were named "binary" before the zero-byte parity test.
    decoded, problems = decode(text.encode(encoding), "f")
    assert decoded is None
    assert [(p.rule, p.line, p.column) for p in problems] == [("encoding", 1, 1)]
    assert "UTF-16" in problems[0].message.en


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)))
        out.append("".join(c for c in parts if c in TONES))
    return "".join(out).encode("cp1258")


@given(registry_like_text().filter(lambda t: any(c in t for c in "ăâđêôơưĐÂĂÊÔƠƯ")
                                   or any(c in unicodedata.normalize("NFD", t) for c in TONES)))
@deterministic(max_examples=300)
def test_windows_1258_is_named_windows_1258(text: str) -> None:
    raw = cp1258(text)
    decoded, problems = decode(raw, "f")
    if decoded is not None:
        # Only ASCII and bytes that happen to form UTF-8: nothing to name.
        assert raw.decode("utf-8") == decoded
        return
    assert [p.rule for p in problems] == ["encoding"]
    assert "Windows-1258" in problems[0].message.en
    assert located(problems)


@given(st.binary(max_size=3000))
@deterministic(max_examples=300)
def test_any_bytes_read_without_exception(raw: bytes) -> None:
    source = read(raw, "f")
    assert located(source.problems)
    assert source.usable or source.problems


@given(st.text(max_size=400) | st.lists(st.sampled_from(
    ["- ", "? ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "'", '"', "#", "\n",
     "  ", "a", "1", "---\n", "|\n", ">\n", "\t", "\ufeff", "\x85", "\u2028", "\x19"]),
    max_size=200).map("".join))
@deterministic(max_examples=400)
def test_any_text_reads_without_exception(text: str) -> None:
    source = read(text.encode("utf-8", "surrogatepass"), "f")
    assert located(source.problems)


@given(registry_like_text(), st.sampled_from(["\n", "\r\n", "\r"]), st.data())
@deterministic(max_examples=200)
def test_nul_byte_is_located_whatever_the_line_endings(text: str, newline: str,
                                                       data: st.DataObject) -> None:
    text = text.replace("\n", newline)
    at = data.draw(st.integers(0, len(text)))
    raw = (text[:at] + "\x00" + text[at:]).encode("utf-8")
    before = re.split(r"\r\n|\r|\n", text[:at])
    assert [(p.rule, p.line, p.column) for p in read(raw, "f").problems] == [
        ("encoding", len(before), len(before[-1]) + 1)]
