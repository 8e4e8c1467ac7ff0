"""The Jinja environment of the document templates: sandboxed, strict, escaping by default.

Templates are treated as code from elsewhere (a user may override any of them with
``--templates DIR``):

- :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment`: no attribute starting with ``_``,
  no method that mutates a list or dict, no function that reaches the file system; the
  loaders only open files inside their own folder (no ``..``, no absolute paths, no symlink
  pointing out);
- ``StrictUndefined``: a misspelt variable is an error, not a silent blank in a signed
  document;
- registry text is data: it is passed in the context, never compiled as a template, and the
  ``finalize`` hook escapes every ``{{ … }}`` output for the body markup (``document.escape``)
  unless it was already escaped with the ``md`` filter. A template author cannot forget to
  escape, and escaping twice is harmless. HTML escaping happens later, in the HTML writer.

A template error (syntax, undefined name, sandbox violation) becomes one
:class:`TemplateProblem` naming the template file and line.
"""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import BaseLoader, ChoiceLoader, StrictUndefined, TemplateNotFound
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from thidua_cli.render.document import escape


class Escaped(str):
    """Text already escaped for the body markup (output of the ``md`` filter)."""

    __slots__ = ()


class TemplateProblem(Exception):
    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


def md(value: object) -> Escaped:
    """The ``md`` filter: registry text made inert for the body markup."""
    if isinstance(value, Escaped):
        return value
    return Escaped(escape(value))


def capfirst(value: object) -> str:
    """The first letter in capitals, the rest as it is ("trên 75% …" → "Trên 75% …");
    Jinja's ``capitalize`` would lower "CBCCVCLĐ" and "Lao động tiên tiến"."""
    text = str(value)
    return text[:1].upper() + text[1:]


def lowerfirst(value: object) -> str:
    """"Phát động phong trào …" → "phát động phong trào …" for use inside a sentence; a first
    word in capitals ("CNVCLĐ …") or a name is left alone when its second letter is a capital."""
    text = str(value)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _finalize(value: object) -> object:
    if isinstance(value, Escaped):
        return value
    if value is None:
        # A None printed into a signed document ("None") is a template bug, not data.
        raise jinja2.TemplateRuntimeError("a value is None; guard it with {% if … %}")
    return escape(value)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


class FolderLoader(BaseLoader):
    """Templates of one folder, by file name; never a file outside it."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses ".." with TemplateNotFound
        root = self.root.resolve()
        path = root.joinpath(*pieces)
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise TemplateNotFound(template) from None
        if not real.is_relative_to(root) or not real.is_file():
            raise TemplateNotFound(template)
        mtime = real.stat().st_mtime
        source = _read(real)
        return source, str(path), lambda: real.exists() and real.stat().st_mtime == mtime


class PackageLoader(BaseLoader):
    """The templates shipped inside the package ``thidua_cli.templates`` (importlib.resources),
    so that a pip-installed ``thidua`` renders without the repository."""

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        node = packaged_templates()
        for piece in pieces:
            node = node.joinpath(piece)
        if not node.is_file():
            raise TemplateNotFound(template)
        return node.read_text(encoding="utf-8"), f"templates/{'/'.join(pieces)}", lambda: True

    def list_templates(self) -> list[str]:
        return sorted(p.name for p in packaged_templates().iterdir() if p.name.endswith(".j2"))


def packaged_templates() -> Any:
    """The folder of the packaged templates (a Traversable)."""
    try:
        return resources.files("thidua_cli.templates")
    except ModuleNotFoundError:
        # A source checkout run without installing: the top-level templates/ folder.
        return Path(__file__).resolve().parents[3] / "templates"


def environment(override: Path | None = None) -> ImmutableSandboxedEnvironment:
    loaders: list[BaseLoader] = []
    if override is not None:
        loaders.append(FolderLoader(override))
    loaders.append(PackageLoader())
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["md"] = md
    env.filters["capfirst"] = capfirst
    env.filters["lowerfirst"] = lowerfirst
    return env


def _where(exc: BaseException, name: str) -> tuple[str, int | None]:
    """The template file and line of an error: Jinja rewrites the traceback so that the
    template's frames carry its file name and line."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.filename or exc.name or name, exc.lineno
    file, line = name, None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(".j2") or frame.filename.startswith("templates/"):
            file, line = frame.filename, frame.lineno
    return file, line


def render_blocks(env: ImmutableSandboxedEnvironment, name: str, context: dict[str, Any],
                  blocks: tuple[str, ...]) -> dict[str, str]:
    """Each named block of template ``name`` rendered on its own: ``{"title": …, "body": …}``.

    A block the template does not define comes back as ``""``.
    """
    try:
        template = env.get_template(name)
        result = {}
        for block in blocks:
            render = template.blocks.get(block)
            if render is None:
                result[block] = ""
                continue
            try:
                result[block] = "".join(render(template.new_context(context)))
            except Exception:
                # As Template.render does: re-raise with the traceback rewritten to the
                # template's own file and lines.
                env.handle_exception()
        return result
    except TemplateNotFound as exc:
        raise TemplateProblem(f'không tìm thấy mẫu văn bản "{exc.name}"',
                              f'template "{exc.name}" not found') from None
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, LookupError,
            AttributeError, RecursionError) as exc:
        file, line = _where(exc, name)
        at = f"{os.fspath(file)}:{line}" if line else os.fspath(file)
        message = getattr(exc, "message", None) or str(exc)
        kind = type(exc).__name__
        raise TemplateProblem(f"lỗi mẫu văn bản {at}: {jinja_message_vi(message)}",
                              f"template error {at}: {kind}: {message}") from None


#: Jinja's words for a template mistake, told in Vietnamese (the rest: "lỗi cú pháp mẫu").
_JINJA_VI: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"^'[^']*' has no attribute '(?P<a>[^']+)'$",
     r'không có trường "\g<a>" trong dữ liệu của văn bản; hãy kiểm tra tên trường trong mẫu'),
    (r"^'(?P<a>[^']+)' is undefined$",
     r'biến "\g<a>" không có trong dữ liệu của văn bản; hãy kiểm tra tên biến trong mẫu'),
    (r"^Encountered unknown tag '(?P<a>[^']+)'.*$", r'thẻ "{% \g<a> %}" không có trong Jinja'),
    (r"(?s)^Unexpected end of template.*The innermost block that needs to be closed is "
     r"'(?P<a>[^']+)'.*$", r'mẫu kết thúc khi khối "{% \g<a> %}" chưa đóng; hãy thêm "{% end\g<a> %}"'),
    (r"(?s)^[Uu]nexpected end of template.*$", r"mẫu kết thúc khi một khối {% … %} chưa đóng"),
    (r"^unexpected '(?P<a>[^']+)'$", r'ký tự "\g<a>" không đúng chỗ'),
    (r"^expected token '(?P<a>[^']+)', got '(?P<b>[^']+)'$",
     r'cú pháp mẫu sai: gặp "\g<b>" ở chỗ cần "\g<a>"'),
    (r"^no filter named '(?P<a>[^']+)'$", r'bộ lọc "\g<a>" không có'),
))


def jinja_message_vi(message: str) -> str:
    """A Jinja error message in Vietnamese; one it does not know is named as a template fault."""
    for pattern, replacement in _JINJA_VI:
        match = pattern.match(message)
        if match:
            return match.expand(replacement)
    return f"lỗi trong mẫu ({message})"
