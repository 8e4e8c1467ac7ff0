"""Each private hook of Typer that ``cli/native.py`` reaches into, held to the shape we use.

Typer marks these as private (``typer._click``, ``typer._coercion``,
``typer._completion_shared``); pyproject.toml bounds Typer to the minor versions tested
here, and when a release moves one of them this file fails by name, instead of the help
turning English or completion turning slow without a word.
"""

from __future__ import annotations

import inspect

import typer


def test_typer_vendors_click_as_a_private_module() -> None:
    from typer import _click

    for name in ("echo", "termui", "exceptions", "_compat", "formatting"):
        assert hasattr(_click, name), f"typer._click.{name} moved"
    assert callable(_click.termui.secho)
    assert callable(_click._compat.get_text_stderr)
    assert issubclass(_click.exceptions.NoArgsIsHelpError, _click.exceptions.UsageError)


def test_the_help_formatter_takes_the_hooks_we_override() -> None:
    from typer._click.formatting import HelpFormatter

    for method in ("write_usage", "write_heading", "write_dl"):
        assert callable(getattr(HelpFormatter, method)), f"HelpFormatter.{method} moved"


def test_completion_install_returns_shell_and_path() -> None:
    from typer._completion_shared import install

    assert list(inspect.signature(install).parameters)[:1] == ["shell"]


def test_values_are_coerced_through_a_runtime_param() -> None:
    from typer._coercion import RuntimeParam

    assert callable(getattr(RuntimeParam, "_coerce_value", None))
    fields = {f.name for f in RuntimeParam.__dataclass_fields__.values()}
    assert {"annotation", "parameter_info"} <= fields


def test_parameters_carry_the_runtime_param_we_replace() -> None:
    app = typer.Typer()

    @app.command()
    def main(lang: str = typer.Option("vi")) -> None:
        pass

    command = typer.main.get_command(app)
    option = next(p for p in command.params if p.name == "lang")
    assert hasattr(option, "_runtime_param")
    assert getattr(option, "type_descriptor", None) is not None


def test_rich_help_panels_are_module_constants() -> None:
    from typer import rich_utils

    for name in ("ARGUMENTS_PANEL_TITLE", "OPTIONS_PANEL_TITLE", "COMMANDS_PANEL_TITLE",
                 "ERRORS_PANEL_TITLE", "ABORTED_TEXT", "RICH_HELP", "DEFAULT_STRING",
                 "ENVVAR_STRING", "REQUIRED_LONG_STRING", "DEPRECATED_STRING"):
        assert isinstance(getattr(rich_utils, name), str), f"typer.rich_utils.{name} moved"
