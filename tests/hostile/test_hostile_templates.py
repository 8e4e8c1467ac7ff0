"""Hostile templates given with ``render --templates DIR`` (issue 14, item 9).

A template is code from elsewhere: it may not allocate without bound, compute or loop
for ever, or write without end. Each ends in one located template error (exit 2) well
inside the hang bound, with nothing written; a refused override is said, never replaced
by the built-in template in silence.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import BASE_CAMPAIGN, MakeRegistry
from tests.hostile.commands import thidua

TOO_LARGE = "the template builds a value too large (more than 1,000,000 characters, items or bits)"


def render_with(root: Path, template: str) -> subprocess.CompletedProcess[str]:
    folder = root.parent / "mau"
    folder.mkdir(exist_ok=True)
    (folder / "plan.md.j2").write_text(template, encoding="utf-8")
    return thidua(root.parent, "render", "plan", "2020", "-f", "md", "--templates", "mau")


@pytest.mark.parametrize("template, line, what", [
    ("{% block body %}{{ 'a' * 10**10 }}{% endblock %}", 1, TOO_LARGE),
    ("{% block body %}\n{{ 2 ** (2 ** 34) }}{% endblock %}", 2, TOO_LARGE),
    ("{% block body %}{{ [1] * 10**9 }}{% endblock %}", 1, TOO_LARGE),
    ("{% block body %}{% set s = 'x' * 900000 %}\n{{ s + s }}{% endblock %}", 2, TOO_LARGE),
    ("{% block body %}{% for i in range(100000) %}{% for j in range(100000) %}"
     "{% endfor %}{% endfor %}{% endblock %}", 1,
     "the template ran for more than 5 seconds"),
    ("{% block body %}{% for i in range(100000) %}{% for j in range(100000) %}"
     "{{ 'x' * 1000 }}{% endfor %}{% endfor %}{% endblock %}", 1,
     "the template writes more than 10,000,000 characters"),
], ids=["string-bomb", "power", "list-bomb", "concatenation", "nested-loops", "endless-output"])
def test_a_template_is_bounded(make_registry: MakeRegistry, template: str, line: int,
                               what: str) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    result = render_with(root, template)
    assert (result.returncode, result.stdout) == (2, "")
    where = (root.parent / "mau" / "plan.md.j2").resolve()
    assert result.stderr == f"thidua: template error {where}:{line}: {what}\n"
    assert not (root.parent / "out").exists()


def test_a_template_linking_out_of_its_folder_is_refused_and_said(
        make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    (root.parent / "mau").mkdir()
    (root.parent / "ngoai.j2").write_text("{% block body %}BÍ MẬT{% endblock %}",
                                          encoding="utf-8")
    (root.parent / "mau" / "plan.md.j2").symlink_to("../ngoai.j2")
    result = thidua(root.parent, "render", "plan", "2020", "-f", "md", "--templates", "mau")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"thidua: template {(root.parent / 'mau').resolve() / 'plan.md.j2'} not used: the file "
        f"points outside the template folder ({(root.parent / 'ngoai.j2').resolve()})\n")


def test_an_unreadable_template_is_one_line(make_registry: MakeRegistry) -> None:
    # A folder where the template should be: reading it fails for every user, root too.
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    (root.parent / "mau" / "plan.md.j2").mkdir(parents=True)
    result = thidua(root.parent, "render", "plan", "2020", "-f", "md", "--templates", "mau")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (f"thidua: template {(root.parent / 'mau' / 'plan.md.j2').resolve()} "
                             "not used: the file is not a file\n")


def test_a_template_that_is_not_utf8(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    (root.parent / "mau").mkdir()
    # "Kế hoạch" as Windows-1258 writes it: not UTF-8.
    (root.parent / "mau" / "plan.md.j2").write_bytes(b"{% block body %}K\xea\xec ho\xe6ch"
                                                     b"{% endblock %}")
    result = thidua(root.parent, "render", "plan", "2020", "-f", "md", "--templates", "mau")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (f"thidua: template {(root.parent / 'mau' / 'plan.md.j2').resolve()} "
                             "not used: the file is not UTF-8 text; save it again as UTF-8\n")
