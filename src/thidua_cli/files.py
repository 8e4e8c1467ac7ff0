"""Writing files safely: whole or not at all, and never over a file unasked.

Every command that writes goes through :func:`write_atomic` (one file) or
:func:`write_all` (a set): the content goes to a temporary file in the same
folder, is flushed to disk, then renamed over the target in one step, so a crash
or a full disk never leaves half a document. Files get the mode the user's umask
gives (``tempfile.mkstemp`` alone makes them 0600, unreadable by colleagues), and
only a regular file (or a link to one, the link itself being replaced) is ever
replaced: never a pipe, a device or a folder.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from thidua_cli.errors import UserError


class FileExists(Exception):
    """The target exists and overwriting was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


class NotRegularFile(Exception):
    """The target is a pipe, a device, a socket, a folder or a broken link: never replaced."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


@functools.lru_cache(maxsize=1)
def file_mode() -> int:
    """0666 less the umask: the mode ``open()`` and ``touch`` give a new file."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def check_target(path: Path, overwrite: bool) -> None:
    """Refuse ``path`` before anything is written: it exists and ``overwrite`` is off, or
    it is something other than a regular file (a link to a regular file is fine)."""
    if not (path.exists() or path.is_symlink()):
        return
    if not overwrite:
        raise FileExists(path)
    try:
        target = os.stat(path)
    except OSError:
        raise NotRegularFile(path) from None  # a broken or looping link
    if not stat.S_ISREG(target.st_mode):
        raise NotRegularFile(path)


def _temporary(path: Path, data: bytes) -> str:
    """``data`` in a new temporary file beside ``path``, flushed, with the umask's mode."""
    import tempfile

    fd, temporary = tempfile.mkstemp(prefix=f".{path.name[:200]}.", suffix=".tmp",
                                     dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), file_mode())
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except FileNotFoundError:
        pass


def _install(temporary: str, path: Path, overwrite: bool) -> None:
    """Rename ``temporary`` to ``path`` (it is gone afterwards either way)."""
    try:
        if overwrite:
            check_target(path, overwrite)  # again: it may have changed since
            os.replace(temporary, path)
            return
        # link() fails if the target appeared meanwhile: no silent overwrite in a race.
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise FileExists(path) from None
        except OSError:
            if path.exists() or path.is_symlink():
                raise FileExists(path) from None
            os.replace(temporary, path)  # file systems without hard links
    finally:
        _remove(temporary)


def _data(data: bytes | str) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def write_atomic(path: Path, data: bytes | str, *, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; refuse an existing file unless ``overwrite``,
    and anything but a regular file always."""
    write_all({path: data}, overwrite=overwrite)


def write_all(files: Mapping[Path, bytes | str], *, overwrite: bool = False) -> None:
    """Write a set of files all or nothing: every target is checked, then every content
    written to a temporary file, and only then are they renamed into place. A failure
    before the renames (a full disk, a refused target) leaves no file and no folder of
    ours behind."""
    for path in files:
        check_target(path, overwrite)
    made_folders: list[Path] = []
    temporaries: dict[Path, str] = {}
    installed: list[Path] = []
    try:
        for path, data in files.items():
            made_folders.extend(_make_folders(path.parent))
            temporaries[path] = _temporary(path, _data(data))
        for path, temporary in temporaries.items():
            _install(temporary, path, overwrite)
            installed.append(path)
    except BaseException:
        for temporary in temporaries.values():
            _remove(temporary)
        if not overwrite:
            # New files of a set that could not be finished: none of it stays.
            for path in installed:
                _remove(str(path))
        for folder in reversed(made_folders):
            try:
                folder.rmdir()
            except OSError:
                pass
        raise


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; the ones created, outermost first. If
    one cannot be made (a name too long, no permission), the ones made are removed."""
    missing = []
    current = folder
    while not current.is_dir():
        if current.exists() or current.is_symlink():
            break  # mkdir reports it
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    made: list[Path] = []
    try:
        for path in reversed(missing):
            path.mkdir()
            made.append(path)
        folder.mkdir(parents=True, exist_ok=True)  # says why when something stands there
    except BaseException:
        for path in reversed(made):
            path.rmdir()
        raise
    return made


# Why a file could not be read or written, in Vietnamese: strerror is English (and in the
# C locale always is). Reading and writing differ only where the permission is named.
_REASONS_VI = {
    errno.ELOOP: "vòng lặp liên kết tượng trưng",
    errno.ENOENT: "không tồn tại, có thể là liên kết hỏng",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.EISDIR: "là một thư mục",
    errno.ENAMETOOLONG: "tên quá dài",
    errno.ENOSPC: "hết chỗ trên đĩa",
    errno.EDQUOT: "vượt hạn mức đĩa",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EIO: "lỗi vào/ra",
    errno.EEXIST: "đã có",
}


def reason(exc: OSError, writing: bool) -> tuple[str, str]:
    """Why an operation on a file failed, in Vietnamese and English, without the path."""
    en = exc.strerror or str(exc)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return ("không có quyền ghi" if writing else "không có quyền đọc"), en
    return _REASONS_VI.get(exc.errno or 0, en), en


def write_error(path: Path, exc: OSError) -> tuple[str, str]:
    """The one line a command says when it cannot write ``path``."""
    vi, en = reason(exc, writing=True)
    return f"không ghi được {path}: {vi}", f"cannot write {path}: {en}"


def write_output(path: Path, data: bytes | str, force: bool) -> None:
    """Write one file a command made, atomically; refused when it exists unless ``force``.
    Every failure becomes a one-line :class:`~thidua_cli.errors.UserError`."""
    write_outputs({path: data}, force)


def write_outputs(files: Mapping[Path, bytes | str], force: bool) -> None:
    """Write a set of files all or nothing (see :func:`write_all`).
    Every failure becomes a one-line :class:`~thidua_cli.errors.UserError`."""
    try:
        write_all(files, overwrite=force)
    except FileExists as exc:
        where = shown(exc.path)
        raise UserError(f"tệp đã có, không ghi đè: {where} (dùng --force để ghi đè)",
                        f"file exists, not overwritten: {where} (use --force to overwrite)"
                        ) from None
    except NotRegularFile as exc:
        where = shown(exc.path)
        raise UserError(
            f"không ghi đè {where}: đó không phải là tệp thông thường (ống, thiết bị, thư mục "
            "hoặc liên kết hỏng); hãy chọn tên tệp khác",
            f"not replacing {where}: it is not a regular file (a pipe, device, folder or broken "
            "link); choose another file name") from None
    except OSError as exc:
        raise UserError(*write_error(Path(shown(Path(exc.filename) if exc.filename
                                                else next(iter(files)))), exc)) from None


def shown(value: object) -> str:
    """A path or value as it may reach a terminal: control characters and bytes that are
    not UTF-8 visibly escaped (``\\x1b``), so that a file name cannot move the cursor,
    clear the screen or rewrite a CI log; a path component too long for any file system
    (over 255 bytes) cut to its first 40 characters and "…"."""
    from thidua_cli.problems import printable

    parts = [part if len(part.encode("utf-8", "surrogateescape")) <= 255 else part[:40] + "…"
             for part in os.fspath(value).split(os.sep)] if isinstance(value, Path) \
        else [str(value)]
    return printable(os.sep.join(parts))
