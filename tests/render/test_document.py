import pytest

from thidua_cli.render.document import (
    Heading,
    MarkupError,
    Paragraph,
    Run,
    Table,
    escape,
    parse_body,
    parse_inline,
    plain,
)


def test_inline_bold_and_italic():
    assert parse_inline("Ngày **28/7** và *kỷ niệm* năm") == (
        Run("Ngày "), Run("28/7", bold=True), Run(" và "), Run("kỷ niệm", italic=True), Run(" năm"),
    )


def test_escaped_registry_text_is_literal():
    text = '# *trên* 75% | "Lao động - tiên tiến" >> [x]_\\'
    assert parse_inline(escape(text)) == (Run(text),)
    assert parse_body(escape(text)) == (Paragraph((Run(text),)),)


def test_unclosed_emphasis_is_a_template_bug():
    with pytest.raises(MarkupError):
        parse_inline("**đậm")


def test_blocks():
    markup = """
# I. MỤC ĐÍCH, YÊU CẦU

Dòng một
dòng hai.
- mục **một**;
- mục hai.
## 1. Chỉ tiêu
### a) Khối doanh nghiệp
| Nội dung | Chỉ tiêu |
|---|---|
| LĐTT | trên 75% |
| a\\|b | 100% |
>> Thi đua là yêu nước!
"""
    assert parse_body(markup) == (
        Heading(1, (Run("I. MỤC ĐÍCH, YÊU CẦU"),)),
        Paragraph((Run("Dòng một dòng hai."),)),
        Paragraph((Run("mục "), Run("một", bold=True), Run(";")), item=True),
        Paragraph((Run("mục hai."),), item=True),
        Heading(2, (Run("1. Chỉ tiêu"),)),
        Heading(3, (Run("a) Khối doanh nghiệp"),)),
        Table(((Run("Nội dung"),), (Run("Chỉ tiêu"),)),
              (((Run("LĐTT"),), (Run("trên 75%"),)), ((Run("a|b"),), (Run("100%"),)))),
        Paragraph((Run("Thi đua là yêu nước!"),), centered=True),
    )


def test_plain():
    assert plain(parse_inline("a **b** *c*")) == "a b c"
