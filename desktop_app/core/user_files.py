"""Opening a file the user named: the one place that refuses what is not a regular file.

A name typed, dropped, given on the command line or written in case.toml can point at a FIFO (opening it
blocks for ever), a device (endless data), a directory, a socket, a symbolic-link loop, or contain an
invisible character that makes it look like another name. Everything here turns those into one sentence
naming the file, raised as a :class:`UserError` (or the caller's own typed error), and never blocks:
the file is opened non-blocking and checked again on the open descriptor, so a file swapped for a FIFO
between the check and the open is still refused.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from desktop_app.core.errors import UserError, UserFileError
from desktop_app.core.messages import msg, render

# Called with the path and the reason: a UserFileError class (or a factory made by sentence_error)
# gets the reason as a catalogue message, so it can be said in any language; any other factory gets
# it as English text.
ErrorFactory = Callable[[str, Any], Exception]
Reason = dict[str, Any]


def sentence_error(cls: type[UserError]) -> ErrorFactory:
    """A factory making ``cls`` errors that say "PATH: REASON." in any language (messages.error_text)."""

    def make(path: str, reason: Reason) -> Exception:
        return cls.keyed("error.file_sentence", path=path, reason=reason)

    make.takes_message = True  # type: ignore[attr-defined]
    return make


_KINDS = (
    (stat.S_ISDIR, "file.is_folder"),
    (stat.S_ISFIFO, "file.is_fifo"),
    (stat.S_ISCHR, "file.is_char_device"),
    (stat.S_ISBLK, "file.is_block_device"),
    (stat.S_ISSOCK, "file.is_socket"),
)
# Characters that show as nothing (or move text around) in a file name.
_INVISIBLE_EXTRA = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800", "\u034f"}


def invisible_characters(text: str) -> list[str]:
    """The invisible or control characters in ``text``, as 'U+200B ZERO WIDTH SPACE' (each once)."""
    found: list[str] = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn") or ch in _INVISIBLE_EXTRA:
            label = f"U+{ord(ch):04X}" + (f" {unicodedata.name(ch, '')}".rstrip())
            if label not in found:
                found.append(label)
    return found


def display_path(path: str | os.PathLike[str]) -> str:
    """The path as text that can be printed: undecodable bytes escaped, control characters shown as
    \\x.. escapes, so a hostile name can neither break a line nor drive the terminal."""
    text = os.fsdecode(os.fspath(path)).encode("utf-8", "backslashreplace").decode("utf-8")
    return "".join(
        ch if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp") else f"\\u{ord(ch):04x}" for ch in text
    )


def _invisible_note(path: str | os.PathLike[str]) -> Reason | None:
    chars = invisible_characters(os.fsdecode(os.fspath(path)))
    if not chars:
        return None
    return msg("file.invisible_note." + ("one" if len(chars) == 1 else "many"), chars=", ".join(chars))


def _reason_for_oserror(exc: OSError) -> Reason:
    if exc.errno == errno.ENOENT:
        return msg("file.missing")
    if exc.errno == errno.ELOOP:
        return msg("file.symlink_loop")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return msg("file.permission")
    if exc.errno == errno.ENOTDIR:
        return msg("file.not_dir")
    if exc.errno == errno.ENAMETOOLONG:
        return msg("file.path_too_long")
    return msg("file.cannot_open", detail=exc.strerror or type(exc).__name__)


def _fail(path: str | os.PathLike[str], reason: Reason, error: ErrorFactory) -> Exception:
    note = _invisible_note(path)
    if note is not None:
        reason = msg("file.with_note", reason=reason, note=note)
    if (isinstance(error, type) and issubclass(error, UserFileError)) or getattr(
        error, "takes_message", False
    ):
        return error(display_path(path), reason)
    return error(display_path(path), render(reason["key"], reason["params"]))


def resolve_user_path(path: str | os.PathLike[str], *, error: ErrorFactory = UserFileError) -> Path:
    """``Path.resolve()`` with a symbolic-link loop turned into one sentence instead of RuntimeError."""
    try:
        return Path(path).resolve()
    except RuntimeError:  # Python < 3.13 reports a symlink loop this way
        raise _fail(path, msg("file.symlink_loop"), error) from None
    except OSError as exc:
        raise _fail(path, _reason_for_oserror(exc), error) from None


def check_stat(
    path: str | os.PathLike[str], st: os.stat_result, *, error: ErrorFactory = UserFileError
) -> None:
    """Refuse anything but a regular file, naming what it is."""
    if stat.S_ISREG(st.st_mode):
        return
    for test, key in _KINDS:
        if test(st.st_mode):
            raise _fail(path, msg(key), error)
    raise _fail(path, msg("file.not_regular"), error)


def stat_regular(path: str | os.PathLike[str], *, error: ErrorFactory = UserFileError) -> os.stat_result:
    """``os.stat`` (following links) of a file that must exist and be a regular file."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise _fail(path, _reason_for_oserror(exc), error) from None
    except ValueError:  # an embedded NUL
        raise _fail(path, msg("file.nul"), error) from None
    check_stat(path, st, error=error)
    return st


def is_regular_file(path: str | os.PathLike[str]) -> bool:
    """True only for an existing regular file (never blocks, never raises)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def too_large(
    path: str | os.PathLike[str], size: int, max_bytes: int, *, error: ErrorFactory = UserFileError
):
    return _fail(path, msg("file.too_large", size=_human(size), limit=_human(max_bytes)), error)


def _human(n: int) -> str | Reason:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}".replace(".0 ", " ")
    return msg("file.bytes", n=n)


def open_user_file(
    path: str | os.PathLike[str], *, max_bytes: int | None = None, error: ErrorFactory = UserFileError
) -> BinaryIO:
    """Open a user-named regular file for reading in binary mode, without ever blocking on a FIFO.

    Raises ``error(path, reason)`` (a UserFileError by default) for a missing file, a folder, a FIFO,
    a device, a socket, a symbolic-link loop, or a file larger than ``max_bytes``.
    """
    stat_regular(path, error=error)  # a clear sentence before anything is opened
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _fail(path, _reason_for_oserror(exc), error) from None
    try:
        st = os.fstat(fd)
        check_stat(path, st, error=error)  # it may have been swapped since the stat above
        if max_bytes is not None and st.st_size > max_bytes:
            raise too_large(path, st.st_size, max_bytes, error=error)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_user_bytes(
    path: str | os.PathLike[str], *, max_bytes: int, error: ErrorFactory = UserFileError
) -> bytes:
    """All bytes of a user-named regular file of at most ``max_bytes`` (checked while reading too, in
    case the file grows)."""
    with open_user_file(path, max_bytes=max_bytes, error=error) as fh:
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise _fail(path, _reason_for_oserror(exc), error) from None
    if len(data) > max_bytes:
        raise too_large(path, len(data), max_bytes, error=error)
    return data


def read_user_text(
    path: str | os.PathLike[str], *, max_bytes: int, error: ErrorFactory = UserFileError
) -> str:
    """A user-named UTF-8 text file (a BOM is dropped); undecodable bytes are one sentence."""
    data = read_user_bytes(path, max_bytes=max_bytes, error=error)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(path, msg("file.not_utf8", byte=exc.start), error) from None
