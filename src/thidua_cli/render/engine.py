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

Templates are also bounded, since a 40-byte template could allocate 1.5 GB
(``'a'*10**10``), compute for ever (``2**(2**34)``) or loop for hours (nested
``range(100000)``): no operation may build a text, list or number past
:data:`MAX_BUILT` (``*``, ``**`` and ``+`` are intercepted), a render gets
:data:`TIME_LIMIT` seconds and :data:`MEMORY_HEADROOM` more memory than the process
had, and a block's output stops at :data:`MAX_OUTPUT` characters.

A template error (syntax, undefined name, sandbox violation, a bound reached) becomes
one :class:`TemplateProblem` naming the template file and line.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import jinja2.runtime
from jinja2 import BaseLoader, ChoiceLoader, StrictUndefined, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from thidua_cli.errors import ThiduaError
from thidua_cli.render.document import escape
from thidua_cli.vn.numbers import count


class Escaped(str):
    """Text already escaped for the body markup (output of the ``md`` filter)."""

    __slots__ = ()


class TemplateProblem(ThiduaError):
    """A template that fails, or makes broken markup: one line naming the template (exit 2)."""


#: The most characters, items or bits one template operation may build: a document's
#: whole text is a few tens of thousands of characters.
MAX_BUILT = 1_000_000
#: The most characters one block of a template may write.
MAX_OUTPUT = 10_000_000
#: Seconds one document's template may run (a plan takes a few milliseconds).
TIME_LIMIT = 5.0
#: Memory a render may take beyond what the process already holds.
MEMORY_HEADROOM = 1 << 30


class TemplateLimit(SecurityError):
    """A template went past one of the bounds above."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


def _too_large() -> TemplateLimit:
    return TemplateLimit(
        f"mẫu văn bản tạo ra một giá trị quá lớn (hơn {count(MAX_BUILT)} ký tự, phần tử hay bit)",
        f"the template builds a value too large (more than {MAX_BUILT:,} characters, items or "
        "bits)")


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``*``, ``**`` and ``+`` whose result would be past :data:`MAX_BUILT`,
    before it is computed (``2**(2**34)`` alone runs for hours)."""
    def whole(value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    def sized(value: Any) -> bool:
        return isinstance(value, (str, list, tuple))

    if operator == "**" and whole(left) and whole(right):
        if right > 0 and abs(left) > 1 and abs(left).bit_length() * right > MAX_BUILT:
            raise _too_large()
    elif operator == "*":
        if whole(left) and whole(right):
            if left.bit_length() + right.bit_length() > MAX_BUILT:
                raise _too_large()
        elif (sized(left) and whole(right)) or (sized(right) and whole(left)):
            length, times = (len(left), right) if sized(left) else (len(right), left)
            if length * times > MAX_BUILT:
                raise _too_large()
    elif operator == "+" and sized(left) and sized(right):
        if len(left) + len(right) > MAX_BUILT:
            raise _too_large()


class CachedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, its attribute checks remembered."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # The sandbox's answer depends only on the object's type and the attribute's name
        # (isinstance checks and name patterns): asked once per pair, not once per lookup —
        # a site's 12,000 documents made 400,000 lookups.
        key = (type(obj), attr)
        found = self._safe.get(key)
        if found is None:
            found = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return found


class BoundedEnvironment(CachedSandbox):
    """The sandbox, with the size of what one operation builds bounded."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any,
                   right: Any) -> Any:
        _check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)


class _TooSlow(Exception):
    """Raised by the timer into the running template."""


def _too_slow(signum: int, frame: object) -> None:
    raise _TooSlow


def _address_space() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


@contextlib.contextmanager
def _bounded() -> Iterator[None]:
    """Run a template within :data:`TIME_LIMIT` (a timer, in the main thread) and
    :data:`MEMORY_HEADROOM` (the address-space limit lowered for the while), where the
    system offers them."""
    restore_limit = None
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = _address_space() + MEMORY_HEADROOM
        if (soft == resource.RLIM_INFINITY or soft > limit) and \
                (hard == resource.RLIM_INFINITY or limit <= hard):
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
            restore_limit = (soft, hard)
    except (ImportError, OSError, ValueError):
        pass  # no resource module or no /proc: the other bounds still hold
    timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous: Any = None
    if timer:
        previous = signal.signal(signal.SIGALRM, _too_slow)
        signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
    try:
        yield
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        if restore_limit is not None:
            import resource
            resource.setrlimit(resource.RLIMIT_AS, restore_limit)


def _joined(chunks: Iterator[str]) -> str:
    """The output of a block, stopped past :data:`MAX_OUTPUT` characters: the error is
    thrown into the template, so that it carries the template's line."""
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        out.append(chunk)
        if size > MAX_OUTPUT:
            generator = chunks
            if hasattr(generator, "throw"):
                generator.throw(TemplateLimit(
                    f"mẫu văn bản viết ra quá {count(MAX_OUTPUT)} ký tự",
                    f"the template writes more than {MAX_OUTPUT:,} characters"))
            raise TemplateLimit(f"mẫu văn bản viết ra quá {count(MAX_OUTPUT)} ký tự",
                                f"the template writes more than {MAX_OUTPUT:,} characters")
    return "".join(out)


def md(value: object) -> Escaped:
    """The ``md`` filter: registry text made inert for the body markup."""
    if isinstance(value, Escaped):
        return value
    return Escaped(escape(value))


def capfirst(value: object) -> str:
    """The first letter in capitals, the rest as it is ("trên 75% …" → "Trên 75% …");
    Jinja's ``capitalize`` would lower "CBCCVCLĐ" and "Lao động tiên tiến"."""
    text = str(value)
    return _same_kind(value, text[:1].upper() + text[1:])


def lowerfirst(value: object) -> str:
    """"Phát động phong trào …" → "phát động phong trào …" for use inside a sentence; a first
    word in capitals ("CNVCLĐ …") or a name is left alone when its second letter is a capital."""
    text = str(value)
    if len(text) > 1 and text[1].isupper():
        return _same_kind(value, text)
    return _same_kind(value, text[:1].lower() + text[1:])


def _same_kind(value: object, text: str) -> str:
    """Text already escaped (a macro's output, the ``md`` filter's) stays marked so: the
    case filters change letters, never what needs escaping."""
    return Escaped(text) if isinstance(value, Escaped) else text


def _finalize(value: object) -> object:
    if isinstance(value, Escaped):
        return value
    if value is None:
        # A None printed into a signed document ("None") is a template bug, not data.
        raise jinja2.TemplateRuntimeError("a value is None; guard it with {% if … %}")
    return escape(value)


_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(value: object) -> str:
    """The ``roman`` filter: 1 → "I", 4 → "IV" (section headings; counted, never typed)."""
    number = int(value)  # type: ignore[call-overload]
    out = []
    for amount, letters in _ROMAN:
        while number >= amount:
            out.append(letters)
            number -= amount
    return "".join(out)


def zero2(value: object) -> str:
    """The ``zero2`` filter: a count below 10 with a leading zero, as documents write
    copies and members ("lập thành 06 bản", "01 bản")."""
    return f"{int(value):02d}"  # type: ignore[call-overload]


def fullstop(value: object) -> str:
    """The ``fullstop`` filter: a registry sentence closed once ("…năm 2020" → "…năm 2020.";
    "…năm 2020." and "…?" unchanged; a trailing ";" becomes ".")."""
    text = str(value).rstrip()
    if text.endswith((";", ",", ":")):
        text = text[:-1].rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


class _Environment(BoundedEnvironment):
    """The bounded sandbox, with a macro's output treated as template output: inside the macro every
    ``{{ … }}`` was already escaped for the markup, so printing the result escapes nothing
    again (``{{ w.period(campaign) }}`` of ``templates/words.j2``)."""

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(__obj, jinja2.runtime.Macro) and isinstance(result, str):
            return Escaped(result.strip())
        return result


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
        if not (path.exists() or path.is_symlink()):
            raise TemplateNotFound(template)  # not overridden: the built-in one is used
        # There is a file of that name, so the user means to override the built-in one:
        # a refusal is said, never a silent fall back to the built-in template.
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise TemplateRefused(path, "là liên kết hỏng hoặc vòng lặp",
                                  "is a broken or looping link") from None
        if not real.is_relative_to(root):
            raise TemplateRefused(path, f"trỏ ra ngoài thư mục mẫu ({real})",
                                  f"points outside the template folder ({real})")
        if not real.is_file():
            raise TemplateRefused(path, "không phải là tệp", "is not a file")
        try:
            mtime = real.stat().st_mtime
            source = _read(real)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise TemplateRefused(path, f"không đọc được ({reason})",
                                  f"cannot be read ({reason})") from None
        except UnicodeDecodeError:
            raise TemplateRefused(path, "không phải văn bản UTF-8; hãy lưu lại dạng UTF-8",
                                  "is not UTF-8 text; save it again as UTF-8") from None
        return source, str(path), lambda: real.exists() and real.stat().st_mtime == mtime


class TemplateRefused(Exception):
    """A template of the override folder that cannot be used (a link out of the folder,
    an unreadable file): said and refused, never replaced by the built-in one."""

    def __init__(self, path: Path, vi: str, en: str) -> None:
        super().__init__(en)
        self.path, self.vi, self.en = path, vi, en


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


def environment(override: Path | None = None) -> BoundedEnvironment:
    loaders: list[BaseLoader] = []
    if override is not None:
        loaders.append(FolderLoader(override))
    loaders.append(PackageLoader())
    env = _Environment(
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
    env.filters["roman"] = roman
    env.filters["zero2"] = zero2
    env.filters["fullstop"] = fullstop
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


def render_blocks(env: BoundedEnvironment, name: str, context: dict[str, Any],
                  blocks: tuple[str, ...]) -> dict[str, str]:
    """Each named block of template ``name`` rendered on its own: ``{"title": …, "body": …}``.

    A block the template does not define comes back as ``""``.
    """
    try:
        with _bounded():
            template = env.get_template(name)
            result = {}
            for block in blocks:
                render = template.blocks.get(block)
                if render is None:
                    result[block] = ""
                    continue
                try:
                    result[block] = _joined(render(template.new_context(context)))
                except Exception:
                    # As Template.render does: re-raise with the traceback rewritten to the
                    # template's own file and lines.
                    env.handle_exception()
        return result
    except TemplateNotFound as exc:
        raise TemplateProblem(f'không tìm thấy mẫu văn bản "{exc.name}"',
                              f'template "{exc.name}" not found') from None
    except TemplateRefused as exc:
        raise TemplateProblem(f"không dùng mẫu văn bản {exc.path}: tệp {exc.vi}",
                              f"template {exc.path} not used: the file {exc.en}") from None
    except (_TooSlow, MemoryError, TemplateLimit) as exc:
        file, line = _where(exc, name)
        at = f"{os.fspath(file)}:{line}" if line else os.fspath(file)
        if isinstance(exc, TemplateLimit):
            vi, en = exc.vi, exc.en
        elif isinstance(exc, MemoryError):
            vi = f"mẫu văn bản cần quá {count(MEMORY_HEADROOM >> 20)} MiB bộ nhớ"
            en = f"the template needs more than {MEMORY_HEADROOM >> 20:,} MiB of memory"
        else:
            vi = f"mẫu văn bản chạy quá {TIME_LIMIT:g} giây"
            en = f"the template ran for more than {TIME_LIMIT:g} seconds"
        raise TemplateProblem(f"lỗi mẫu văn bản {at}: {vi}",
                              f"template error {at}: {en}") from None
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
