"""Writing files safely: whole or not at all, and never over a file unasked.

Every command that writes goes through :func:`write_atomic`: the content goes to
a temporary file in the same folder, is flushed to disk, then renamed over the
target in one step, so a crash or a full disk never leaves half a document.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from thidua_cli.errors import UserError


class FileExists(Exception):
    """The target exists and overwriting was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def write_atomic(path: Path, data: bytes | str, *, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; refuse an existing file unless ``overwrite``."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and (path.exists() or path.is_symlink()):
        raise FileExists(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            # link() fails if the target appeared meanwhile: no silent overwrite in a race.
            try:
                os.link(temporary, path)
            except FileExistsError:
                raise FileExists(path) from None
            except OSError:
                if path.exists():
                    raise FileExists(path) from None
                os.replace(temporary, path)  # file systems without hard links
            finally:
                if os.path.exists(temporary):
                    os.unlink(temporary)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


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
    try:
        write_atomic(path, data, overwrite=force)
    except FileExists:
        raise UserError(f"tệp đã có, không ghi đè: {path} (dùng --force để ghi đè)",
                        f"file exists, not overwritten: {path} (use --force to overwrite)"
                        ) from None
    except OSError as exc:
        raise UserError(*write_error(path, exc)) from None
