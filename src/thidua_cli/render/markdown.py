"""Markdown of a :class:`~thidua_cli.render.document.Document`, for the union's website post.

CommonMark with GitHub pipe tables. Every text is escaped, so that registry text such as
``*``, ``<script>`` or ``| a |`` reads as written and never as markup or HTML. The two-column
header of the printed page becomes lines one under the other (a web post has no columns).
"""

from __future__ import annotations

import re

from thidua_cli.render.document import Document, Heading, Paragraph, Run, Table

# Inline markup and raw HTML anywhere; parentheses and "!" need no escape once "[" and "]" are.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# At the start of every line of a text, not only of the whole: a recipient or a signer's
# name holding a line break made real headings and rules in the post.
_LINE_START = re.compile(r"^([ \t]*)(\d+)([.)])", re.MULTILINE)  # "1. …": an ordered list
_DASH_START = re.compile(r"^([ \t]*)([-+=#])", re.MULTILINE)      # a list, an underline, a heading
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_INDENT = re.compile(r"(?<=\n)[ \t]+")


def md_escape(text: str) -> str:
    # A blank line would end the paragraph (and the emphasis around the text) and let the
    # next line open a code block by its indent: lines stay lines of one paragraph.
    text = _INDENT.sub("", _BLANK_LINES.sub("\n", text))
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\2\\\3", text)
    return _DASH_START.sub(r"\1\\\2", text)


def _runs(runs: tuple[Run, ...]) -> str:
    out = []
    for run in runs:
        text = md_escape(run.text)
        stripped = text.strip()
        if not stripped or not (run.bold or run.italic):
            out.append(text)
            continue
        mark = "***" if run.bold and run.italic else "**" if run.bold else "*"
        # Emphasis markers must touch the text: keep the spaces outside them.
        lead = text[:len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        out.append(f"{lead}{mark}{stripped}{mark}{trail}")
    return "".join(out)


def _cell(runs: tuple[Run, ...]) -> str:
    # A table row is one line: a line break inside a cell would end the table.
    return _runs(runs).replace("\n", " ")


def to_markdown(doc: Document) -> str:
    lines: list[str] = []
    h = doc.header
    top = [f"**{md_escape(h.issuer)}**"]
    if h.superior:
        top.insert(0, md_escape(h.superior))
    if h.number:
        top.append(md_escape(h.number))
    lines.append("  \n".join(top))
    lines.append("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập \\- Tự do \\- Hạnh phúc**")
    lines.append(f"*{md_escape(h.place_date)}*")
    lines.append(f"# {md_escape(doc.title)}")
    if doc.subject:
        lines.append(f"**{md_escape(doc.subject)}**")
    for block in doc.body:
        if isinstance(block, Heading):
            lines.append(f"{'#' * (block.level + 1)} {_runs(block.runs)}")
        elif isinstance(block, Paragraph):
            text = _runs(block.runs)
            if block.item:
                lines.append(f"- {text}")
            else:
                # A centred line (a slogan) is a paragraph of its own: Markdown cannot centre.
                lines.append(text)
        elif isinstance(block, Table):
            cells = [_cell(c) for c in block.header]
            table = ["| " + " | ".join(cells) + " |", "|" + "---|" * len(cells)]
            for row in block.rows:
                table.append("| " + " | ".join(_cell(c) for c in row) + " |")
            lines.append("\n".join(table))
    for sig in doc.signatures:
        parts = []
        if sig.unit:
            parts.append(f"**{md_escape(sig.unit)}**")
        if sig.on_behalf:
            parts.append(f"**{md_escape(sig.on_behalf)}**")
        parts.append(f"**{md_escape(sig.position)}**")
        if sig.name:
            parts.append(f"**{md_escape(sig.name)}**")
        lines.append("  \n".join(parts))
    if doc.recipients:
        entries = [f"\\- {md_escape(r)}{'.' if i == len(doc.recipients) - 1 else ';'}"
                   for i, r in enumerate(doc.recipients)]
        lines.append("***Nơi nhận:***  \n" + "  \n".join(entries))
    return "\n\n".join(lines) + "\n"
