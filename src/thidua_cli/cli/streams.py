"""Standard output and error that a hostile environment cannot turn into a crash.

- stdout that cannot be written (closed, a full disk, a file opened read-only) ends the
  command with one line on stderr and exit 2, never "unexpected failure"; a reader that
  went away (``thidua calendar | head -1``) ends it quietly, as other tools do;
- stderr that cannot be written never changes the exit code: a render that succeeded
  still exits 0 when its "Wrote …" lines cannot be shown;
- a terminal or a pipe whose encoding cannot hold Vietnamese (ASCII, Windows-1258's
  missing precomposed letters) gets the letters without their marks ("Lich thi dua nam
  2026") instead of a UnicodeEncodeError.
"""

from __future__ import annotations

import codecs
import errno
import os
import sys
import unicodedata
from typing import Any

#: The prefix of the codec error handlers that write a letter without its marks.
FOLD = "thidua-fold"
_LETTERS = {"đ": "d", "Đ": "D", "—": "-", "–": "-", "…": "...", "“": '"', "”": '"', "‘": "'",
            "’": "'", "●": "*", "○": "o", "≥": ">=", "≤": "<="}
#: The five Vietnamese tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters.
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _renderings(char: str) -> list[str]:
    """Ways to write ``char``, best first: the letter with its tone as a combining mark
    (how Windows-1258 writes "ệ": "ê" then the dot below), the letter without its tone,
    the bare letter, a plain ASCII stand-in."""
    parts = unicodedata.normalize("NFD", char)
    toneless = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
    tones = "".join(c for c in parts if c in _TONES)
    bare = "".join(c for c in parts if not unicodedata.combining(c))
    return [toneless + tones, toneless, bare, _LETTERS.get(char, ""), "?"]


def fold_handler(encoding: str) -> str:
    """The name of a codec error handler for ``encoding`` that writes each character it
    cannot hold in the best way it can (see :func:`_renderings`). Registered per encoding:
    a charmap codec reports itself as "charmap", not by its name."""
    name = f"{FOLD}-{codecs.lookup(encoding).name}"

    def fold(error: UnicodeError) -> tuple[str, int]:
        if not isinstance(error, UnicodeEncodeError):
            raise error
        folded = []
        for char in error.object[error.start:error.end]:
            for rendering in _renderings(char):
                try:
                    rendering.encode(encoding)
                except UnicodeEncodeError:
                    continue
                if rendering:
                    folded.append(rendering)
                    break
        return "".join(folded), error.end

    codecs.register_error(name, fold)
    return name


class OutputError(Exception):
    """Standard output could not be written."""

    def __init__(self, exc: OSError) -> None:
        super().__init__(exc.strerror or str(exc))
        self.errno = exc.errno
        self.reason = exc.strerror or str(exc)


class _Guarded:
    """A stream whose write failures become :class:`OutputError` (stdout) or are dropped
    (stderr: there is nowhere left to report them). Everything else is the stream's own."""

    def __init__(self, stream: Any, quiet: bool) -> None:
        self._stream = stream
        self._quiet = quiet
        self.failed = False

    def _call(self, name: str, *args: Any) -> Any:
        if self.failed and self._quiet:
            return None
        try:
            return getattr(self._stream, name)(*args)
        except OSError as exc:
            self.failed = True
            if self._quiet:
                return None
            raise OutputError(exc) from None

    def write(self, data: Any) -> Any:
        result = self._call("write", data)
        return len(data) if result is None else result

    def flush(self) -> None:
        self._call("flush")

    @property
    def buffer(self) -> _Guarded:
        return _Guarded(self._stream.buffer, self._quiet)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Closed:
    """What a closed file descriptor 1 or 2 becomes (Python leaves ``sys.stdout`` None)."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, data: Any) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    @property
    def buffer(self) -> _Closed:
        return self


def _folding(stream: Any) -> None:
    """Letters without marks where the stream's encoding cannot hold Vietnamese."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "Lịch thi đua".encode(encoding)
    except UnicodeEncodeError:
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=fold_handler(encoding))
    except LookupError:
        pass


def guard() -> tuple[Any, Any]:
    """Put guarded streams in place of ``sys.stdout`` and ``sys.stderr``; the originals
    are returned so that :func:`restore` can put them back."""
    before = (sys.stdout, sys.stderr)
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            stream = _Closed()
        _folding(stream)
        setattr(sys, name, _Guarded(stream, quiet=name == "stderr"))
    return before


def finish() -> None:
    """Flush stdout while its failure can still be reported (raises :class:`OutputError`)."""
    sys.stdout.flush()


def abandon_stdout() -> None:
    """A stdout that failed is replaced by a sink, so that Python's own flush at exit does
    not fail again (it would print a warning and exit 120)."""
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # open until the process exits


def restore(before: tuple[Any, Any]) -> None:
    sys.stdout, sys.stderr = before
