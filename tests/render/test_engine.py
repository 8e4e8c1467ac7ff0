"""The template environment: sandboxed, strict, registry text escaped, errors located."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from thidua_cli.render import engine
from thidua_cli.render.build import build
from thidua_cli.render.document import Paragraph, Run, parse_body, plain
from thidua_cli.render.html import to_html
from thidua_cli.validation import validate


def _render(tmp_path: Path, source: str, context: dict | None = None,
            blocks: tuple[str, ...] = ("body",)) -> dict[str, str]:
    folder = tmp_path / "tpl"
    folder.mkdir(exist_ok=True)
    (folder / "plan.md.j2").write_text(source, encoding="utf-8")
    return engine.render_blocks(engine.environment(folder), "plan.md.j2", context or {}, blocks)


def _problem(tmp_path: Path, source: str, context: dict | None = None) -> str:
    with pytest.raises(engine.TemplateProblem) as caught:
        _render(tmp_path, source, context)
    return caught.value.en


def test_every_output_is_escaped_for_the_markup(tmp_path: Path) -> None:
    out = _render(tmp_path, "{% block body %}**{{ x }}** {{ x | md }}{% endblock %}",
                  {"x": "*a* # | -"})
    assert out["body"] == r"**\*a\* \# \| \-** \*a\* \# \| \-"
    assert parse_body(out["body"]) == (Paragraph((Run("*a* # | -", bold=True), Run(" *a* # | -"))),)


def test_registry_text_is_never_evaluated_and_is_escaped_in_html(
        render_registry: Callable[..., Path]) -> None:
    result = validate(render_registry())
    campaign = next(e.model for e in result.registry.campaigns if e.model.id == "ba-dinh-2020")
    document = build(result.registry, campaign, "plan")
    text = "\n".join(plain(b.runs) for b in document.body if isinstance(b, Paragraph))
    assert "“Năm *an toàn* <script>alert(1)</script> {{ 7*7 }}”" in text
    assert "49" not in text
    page = to_html(document)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in page


@pytest.mark.parametrize("source", [
    "{% block body %}{{ ''.__class__.__mro__[1].__subclasses__() }}{% endblock %}",
    "{% block body %}{{ x.__init__.__globals__ }}{% endblock %}",
    "{% block body %}{{ items.append(1) }}{% endblock %}",
])
def test_sandbox_refuses_attributes_and_mutation(tmp_path: Path, source: str) -> None:
    message = _problem(tmp_path, source, {"x": engine.Escaped("a"), "items": [1]})
    assert "plan.md.j2:1" in message
    assert "SecurityError" in message


def test_no_template_outside_the_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.j2"
    secret.write_text("SECRET", encoding="utf-8")
    message = _problem(tmp_path, "{% block body %}{% include '../secret.j2' %}{% endblock %}")
    assert "not found" in message
    folder = tmp_path / "tpl"
    os.symlink(secret, folder / "link.j2")
    message = _problem(tmp_path, "{% block body %}{% include 'link.j2' %}{% endblock %}")
    assert message == (f"template {folder / 'link.j2'} not used: the file points outside the "
                       f"template folder ({secret})")
    message = _problem(tmp_path, "{% block body %}{% include '/etc/passwd' %}{% endblock %}")
    assert "not found" in message


def test_undefined_and_syntax_errors_name_file_and_line(tmp_path: Path) -> None:
    message = _problem(tmp_path, "{% block body %}\nline two\n{{ nothing.here }}\n{% endblock %}")
    assert message.startswith("template error ")
    assert "plan.md.j2:3: UndefinedError: 'nothing' is undefined" in message
    message = _problem(tmp_path, "{% block body %}\n{% if %}\n{% endblock %}")
    assert "plan.md.j2:2: TemplateSyntaxError" in message
    message = _problem(tmp_path, "{% block body %}{{ none }}{% endblock %}", {"none": None})
    assert "plan.md.j2:1" in message and "None" in message


def test_override_by_file_name_and_packaged_fallback(tmp_path: Path) -> None:
    out = _render(tmp_path, "{% block title %}RIÊNG{% endblock %}", blocks=("title", "body"))
    assert out == {"title": "RIÊNG", "body": ""}
    env = engine.environment(tmp_path / "tpl")
    packaged = engine.render_blocks(env, "covenant.md.j2", {"campaign": {"title": "X"}},
                                    ("title",))
    assert packaged == {"title": "BẢN GIAO ƯỚC THI ĐUA"}


def test_packaged_templates_are_found() -> None:
    names = engine.PackageLoader().list_templates()
    assert names == ["covenant.md.j2", "kickoff.md.j2", "minutes.md.j2", "plan.md.j2", "proposal.md.j2",
                     "report.md.j2", "scores.md.j2", "words.j2"]


def test_multiline_registry_text_cannot_start_markup_lines(tmp_path: Path) -> None:
    out = _render(tmp_path, "{% block body %}{{ x }}{% endblock %}",
                  {"x": "a\n# b\n- c\n| d |\n>> e\n## f"})
    assert parse_body(out["body"]) == (Paragraph((Run("a # b - c | d | >> e ## f"),)),)


def test_template_mistakes_are_told_in_vietnamese(tmp_path: Path) -> None:
    def vi(source: str, context: dict | None = None) -> str:
        with pytest.raises(engine.TemplateProblem) as caught:
            _render(tmp_path, source, context)
        return caught.value.vi

    folder = tmp_path / "tpl"
    assert vi("{% block body %}\n{{ campaign.titel }}\n{% endblock %}", {"campaign": {"title": "x"}}) == (
        f'lỗi mẫu văn bản {folder}/plan.md.j2:2: không có trường "titel" trong dữ liệu của văn bản; '
        "hãy kiểm tra tên trường trong mẫu")
    assert vi("{% block body %}{{ nothing }}{% endblock %}") == (
        f'lỗi mẫu văn bản {folder}/plan.md.j2:1: biến "nothing" không có trong dữ liệu của văn bản; '
        "hãy kiểm tra tên biến trong mẫu")
    assert vi("{% block body %}\n{% if x %}\n") == (
        f'lỗi mẫu văn bản {folder}/plan.md.j2:2: mẫu kết thúc khi khối "{{% if %}}" chưa đóng; '
        'hãy thêm "{% endif %}"')
