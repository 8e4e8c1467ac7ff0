"""One error base: every user error, whichever part raised it, is one line and its code."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua_cli.cli.app import main
from thidua_cli.cli.common import CommandError
from thidua_cli.errors import RegistryError, ThiduaError, UserError
from thidua_cli.render.engine import TemplateProblem


def test_the_classes_share_one_base_and_carry_both_languages() -> None:
    error = UserError("tệp đã có", "file exists")
    assert (error.vi, error.en, error.code, str(error)) == ("tệp đã có", "file exists", 2, "file exists")
    assert UserError("a", "b", code=1).code == 1
    assert CommandError is UserError
    assert all(issubclass(cls, ThiduaError) for cls in (UserError, RegistryError, TemplateProblem))


def test_the_handler_prints_one_line_and_returns_the_code(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    def refuse(*args: object, **kwargs: object) -> int:
        raise UserError("không làm được", "cannot do it", code=3)

    monkeypatch.setattr("thidua_cli.cli.validate.run", refuse)
    assert main(["--registry", str(tmp_path), "validate"]) == 3
    assert capsys.readouterr().err == "thidua: không làm được\n"
    assert main(["--lang", "en", "--registry", str(tmp_path), "validate"]) == 3
    assert capsys.readouterr().err == "thidua: cannot do it\n"
