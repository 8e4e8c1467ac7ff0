"""One error base for everything a user is told in one line, and the exit code it means.

A library function that meets a mistake the user can fix (a registry folder that does
not exist, a template that fails, options that contradict each other) raises a
:class:`ThiduaError` subclass carrying its message in both languages; the command line's
one handler (``cli/app.py``) prints it and returns its ``code``. Problems found *in* the
registry are not errors of this kind: they are :class:`~thidua_cli.problems.Problem`
values, all reported together.
"""

from __future__ import annotations

from thidua_cli.problems import Text


class ThiduaError(Exception):
    """A user error: one line in Vietnamese or English, and the exit code (2 unless said)."""

    code = 2

    def __init__(self, vi: str, en: str, code: int | None = None) -> None:
        super().__init__(en)
        self.text = Text(vi, en)
        if code is not None:
            self.code = code

    @property
    def vi(self) -> str:
        return self.text.vi

    @property
    def en(self) -> str:
        return self.text.en


class UserError(ThiduaError):
    """A command cannot do what was asked (contradicting options, an unknown id, a file that
    exists): said in one line, nothing is written."""


class RegistryError(ThiduaError):
    """The registry cannot be opened at all (exit 2)."""
