"""A deterministic streaming ZIP writer, a canonical-form check, and a safe extractor.

Writer: entries in the order given (callers sort), a fixed timestamp (1980-01-01 00:00), fixed
attributes, no comments or extra fields except ZIP64 when sizes or offsets need it. Stored entries
stream from a file in chunks (memory stays flat); their CRC is patched into the local header after,
so the output must be seekable. Because every byte outside the entries' data follows from the entry
list, a reader can rebuild that structure and prove that nothing outside the data was changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import struct
import threading
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop_app.core.errors import UserError
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken

CHUNK = 1024 * 1024
DOS_TIME, DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00:00, the ZIP epoch
FLAG_UTF8 = 0x0800
MAX32, MAX16 = 0xFFFFFFFF, 0xFFFF
ZIP64_AT = MAX32  # sizes/offsets from here on go to ZIP64 fields (tests lower it)
UNIX_FILE_ATTR = (stat.S_IFREG | 0o644) << 16
STORED, DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED

_LOCAL = struct.Struct("<4sHHHHHLLLHH")
_CENTRAL = struct.Struct("<4sHHHHHHLLLHHHHHLL")
_END = struct.Struct("<4sHHHHLLH")
_END64 = struct.Struct("<4sQHHLLQQQQ")
_LOC64 = struct.Struct("<4sLQL")


class UnsafeArchiveError(UserError):
    """A ZIP file that must not be extracted (hostile or unusable)."""


@dataclass
class ZipEntry:
    name: str
    method: int
    crc: int
    size: int  # uncompressed
    csize: int
    offset: int

    @property
    def local_zip64(self) -> bool:
        return self.size >= ZIP64_AT or self.csize >= ZIP64_AT

    @property
    def version(self) -> int:
        return 45 if (self.local_zip64 or self.offset >= ZIP64_AT) else 20

    def local_header(self) -> bytes:
        name = self.name.encode("utf-8")
        extra = struct.pack("<HHQQ", 1, 16, self.size, self.csize) if self.local_zip64 else b""
        sizes = (MAX32, MAX32) if self.local_zip64 else (self.csize, self.size)
        return (
            _LOCAL.pack(
                b"PK\x03\x04",
                self.version,
                FLAG_UTF8,
                self.method,
                DOS_TIME,
                DOS_DATE,
                self.crc,
                *sizes,
                len(name),
                len(extra),
            )
            + name
            + extra
        )

    def central_record(self) -> bytes:
        name = self.name.encode("utf-8")
        values, fields = [], []
        for value in (self.size, self.csize, self.offset):
            fields.append(MAX32 if value >= ZIP64_AT else value)
            if value >= ZIP64_AT:
                values.append(value)
        extra = struct.pack(f"<HH{len(values)}Q", 1, 8 * len(values), *values) if values else b""
        usize, csize, offset = fields
        return (
            _CENTRAL.pack(
                b"PK\x01\x02",
                (3 << 8) | self.version,
                self.version,
                FLAG_UTF8,
                self.method,
                DOS_TIME,
                DOS_DATE,
                self.crc,
                csize,
                usize,
                len(name),
                len(extra),
                0,
                0,
                0,
                UNIX_FILE_ATTR,
                offset,
            )
            + name
            + extra
        )


def end_records(entries: list[ZipEntry], cd_offset: int, cd_size: int) -> bytes:
    count = len(entries)
    out = b""
    zip64 = count >= MAX16 or cd_offset >= ZIP64_AT or cd_size >= ZIP64_AT
    if zip64:
        end64_offset = cd_offset + cd_size
        out += _END64.pack(b"PK\x06\x06", 44, (3 << 8) | 45, 45, 0, 0, count, count, cd_size, cd_offset)
        out += _LOC64.pack(b"PK\x06\x07", 0, end64_offset, 1)
    n = MAX16 if count >= MAX16 else count
    return out + _END.pack(
        b"PK\x05\x06",
        0,
        0,
        n,
        n,
        MAX32 if zip64 and cd_size >= ZIP64_AT else cd_size,
        MAX32 if zip64 and cd_offset >= ZIP64_AT else cd_offset,
        0,
    )


def tail_bytes(entries: list[ZipEntry], cd_offset: int) -> bytes:
    central = b"".join(e.central_record() for e in entries)
    return central + end_records(entries, cd_offset, len(central))


class _TrailingHasher(threading.Thread):
    """SHA-256 of the output, computed on a second core just behind the writer.

    The writer announces how far the file is final (flushed, CRCs patched); this thread reads that
    region back from the page cache with ``pread``. The hash of the whole ZIP is ready moments after
    the last byte is written, without a second pass over the file.
    """

    def __init__(self, fd: int, start: int) -> None:
        super().__init__(name="zip-sha256", daemon=True)
        self._fd, self._done, self._limit = fd, start, start
        self._cond = threading.Condition()
        self._closed = False
        self._error: BaseException | None = None
        self.hash = hashlib.sha256()

    def advance(self, limit: int) -> None:
        with self._cond:
            self._limit = limit
            self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()

    def run(self) -> None:
        try:
            while True:
                with self._cond:
                    while self._done >= self._limit and not self._closed:
                        self._cond.wait()
                    limit, closed = self._limit, self._closed
                while self._done < limit:
                    data = os.pread(self._fd, min(CHUNK, limit - self._done), self._done)
                    if not data:
                        raise OSError("the package file is shorter than written")
                    self.hash.update(data)
                    self._done += len(data)
                if closed:
                    return
        except BaseException as exc:  # handed to the writer's thread in finish()
            self._error = exc

    def finish(self, end: int) -> str:
        self.advance(end)
        self.stop()
        self.join()
        if self._error is not None:
            raise self._error
        return self.hash.hexdigest()


class ZipWriter:
    """Write entries to a seekable binary file; call :meth:`close` to write the central directory.

    With ``hash_output`` (the file must have a real descriptor) :attr:`sha256` holds the SHA-256 of the
    whole ZIP after :meth:`close`.
    """

    def __init__(self, fh: BinaryIO, *, hash_output: bool = False) -> None:
        self._fh = fh
        self._pos = fh.tell()
        self.entries: list[ZipEntry] = []
        self._names: set[str] = set()
        self.sha256 = ""
        self._hash_output = hash_output
        self._hasher: _TrailingHasher | None = None
        if hash_output:
            if self._pos:
                raise ValueError("hash_output needs the ZIP to start at the beginning of the file")
            if not _readable(fh.fileno()):
                raise ValueError("hash_output needs a file opened for reading too (e.g. mode 'w+b')")
            if hasattr(os, "pread"):  # POSIX: hash on another core while writing
                self._hasher = _TrailingHasher(fh.fileno(), 0)
                self._hasher.start()

    def _final(self) -> None:
        """Everything written so far is final: let the hasher read it."""
        if self._hasher is not None:
            self._fh.flush()
            self._hasher.advance(self._pos)

    def abort(self) -> None:
        """Stop the hasher thread (on errors or cancellation); the file is abandoned."""
        if self._hasher is not None:
            self._hasher.stop()
            self._hasher.join()

    def _start(self, name: str, method: int, size: int, crc: int, csize: int) -> ZipEntry:
        if name in self._names:
            raise ValueError(f"duplicate ZIP entry {name!r}")
        self._names.add(name)
        entry = ZipEntry(name, method, crc, size, csize, self._pos)
        header = entry.local_header()
        self._fh.write(header)
        self._pos += len(header)
        self.entries.append(entry)
        return entry

    def add_bytes(self, name: str, data: bytes, *, compress: bool = False) -> None:
        """A small generated file (manifests, JSON, PDFs already in memory)."""
        crc = zlib.crc32(data)
        payload = data
        method = STORED
        if compress:
            co = zlib.compressobj(9, zlib.DEFLATED, -15)
            payload = co.compress(data) + co.flush()
            method = DEFLATED
        self._start(name, method, len(data), crc, len(payload))
        self._fh.write(payload)
        self._pos += len(payload)
        self._final()

    def add_file(
        self,
        name: str,
        source: str | Path | BinaryIO,
        size: int,
        *,
        on_chunk: Callable[[bytes], None] | None = None,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> None:
        """Stream a file (a path, or a binary file object read to its end) in, stored; ``on_chunk`` sees
        every chunk (hashing in the same pass)."""
        entry = self._start(name, STORED, size, 0, size)
        crc = 0
        seen = 0
        opened = isinstance(source, str | Path)
        with open(source, "rb") if opened else contextlib.nullcontext(source) as src:
            while chunk := src.read(CHUNK):
                cancel.raise_if_cancelled()
                crc = zlib.crc32(chunk, crc)
                seen += len(chunk)
                if on_chunk is not None:
                    on_chunk(chunk)
                self._fh.write(chunk)
        if seen != size:
            raise UserError(f"{source}: changed size while being packaged ({size} then {seen} bytes).")
        self._pos += size
        entry.crc = crc
        self._fh.seek(entry.offset + 14)  # the CRC field of the local header
        self._fh.write(struct.pack("<L", crc))
        self._fh.seek(self._pos)
        self._final()

    def close(self) -> None:
        tail = tail_bytes(self.entries, self._pos)
        self._fh.write(tail)
        self._pos += len(tail)
        if self._hasher is not None:
            self._fh.flush()
            self.sha256 = self._hasher.finish(self._pos)
        elif self._hash_output:  # no pread (Windows): one more pass over the file
            self._fh.flush()
            self.sha256 = _hash_fd(self._fh.fileno(), self._pos)


def _readable(fd: int) -> bool:
    try:
        if hasattr(os, "pread"):
            os.pread(fd, 1, 0)
        else:
            pos = os.lseek(fd, 0, os.SEEK_CUR)
            os.read(fd, 0)
            os.lseek(fd, pos, os.SEEK_SET)
        return True
    except OSError:
        return False


def _hash_fd(fd: int, end: int) -> str:
    h = hashlib.sha256()
    os.lseek(fd, 0, os.SEEK_SET)
    while chunk := os.read(fd, CHUNK):
        h.update(chunk)
    os.lseek(fd, end, os.SEEK_SET)
    return h.hexdigest()


# -- reading ---------------------------------------------------------------------------------------

MAX_ENTRIES = 100_000
MAX_TOTAL = 64 * 1024**3  # 64 GiB uncompressed
MAX_RATIO = 1000  # uncompressed / compressed, for entries above 1 MiB
_DRIVE = re.compile(r"^[A-Za-z]:")


def _check_name(name: str) -> str | None:
    """Why ``name`` is unsafe, or None."""
    if not name or "\x00" in name or "\\" in name:
        return "has a backslash, NUL or empty name"
    if name.startswith("/") or _DRIVE.match(name):
        return "is an absolute path"
    parts = name.rstrip("/").split("/")
    if any(p in ("", ".", "..") for p in parts):
        return "leaves its folder (zip-slip) or has empty path parts"
    if len(name.encode("utf-8")) > 1024:
        return "is an absurdly long name"
    return None


def _unicode_path_extra(info: zipfile.ZipInfo) -> str | None:
    """The Info-ZIP Unicode Path extra field (0x7075), if present and matching the header name."""
    extra, i = info.extra, 0
    raw = info.orig_filename.encode("cp437", errors="replace")
    while i + 4 <= len(extra):
        kind, size = struct.unpack_from("<HH", extra, i)
        body = extra[i + 4 : i + 4 + size]
        if kind == 0x7075 and len(body) >= 5 and body[0] == 1:
            if struct.unpack_from("<L", body, 1)[0] == zlib.crc32(raw):
                try:
                    return body[5:].decode("utf-8")
                except UnicodeDecodeError:
                    return None
        i += 4 + size
    return None


def decode_names(infos: list[zipfile.ZipInfo]) -> None:
    """Give entries written without the UTF-8 flag their real names, in place.

    Info-ZIP's ``zip`` stores UTF-8 names unflagged (with a Unicode Path extra field), as do other tools;
    Python reads such names as CP437. The Unicode Path field wins, then UTF-8 when the bytes are valid
    UTF-8, else CP437 (what the ZIP specification says).
    """
    for info in infos:
        if info.flag_bits & FLAG_UTF8:
            continue
        name = _unicode_path_extra(info)
        if name is None:
            try:
                name = info.orig_filename.encode("cp437").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
        info.filename = name  # check_members still refuses backslashes, NULs, slips


def open_zip(path: str | Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        raise UnsafeArchiveError(f"{path}: not a readable ZIP file ({exc}).") from None


def check_members(
    path: str | Path,
    infos: list[zipfile.ZipInfo],
    *,
    max_entries: int = MAX_ENTRIES,
    max_total: int = MAX_TOTAL,
) -> None:
    """Refuse zip-slip, absolute paths, links, duplicates, case collisions, encryption and bombs.

    ``max_entries`` and ``max_total`` (declared uncompressed bytes) bound the work a reader does; the
    reader must also stop an entry that inflates past its declared size (zipfile's reader does).
    """
    if len(infos) > max_entries:
        raise UnsafeArchiveError(
            f"{path}: {len(infos)} entries is more than this tool accepts (at most {max_entries})."
        )
    seen: dict[str, str] = {}
    dirs: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        why = _check_name(name)
        if why:
            raise UnsafeArchiveError(f"{path}: entry '{name}' {why}.")
        mode = info.external_attr >> 16
        if info.create_system == 3 and stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise UnsafeArchiveError(f"{path}: entry '{name}' is a symbolic link or special file.")
        if info.flag_bits & 0x1:
            raise UnsafeArchiveError(f"{path}: entry '{name}' is encrypted.")
        if info.compress_type not in (STORED, DEFLATED):
            raise UnsafeArchiveError(f"{path}: entry '{name}' uses an unsupported compression method.")
        key = unicodedata.normalize("NFC", name.rstrip("/")).casefold()
        if key in seen:
            kind = "twice" if seen[key] == name else f"twice, differing only in case ('{seen[key]}')"
            raise UnsafeArchiveError(f"{path}: entry '{name}' appears {kind}.")
        seen[key] = name
        parts = key.split("/")
        dirs.update("/".join(parts[:i]) for i in range(1, len(parts)))
        total += info.file_size
        if info.file_size > max_total or total > max_total:
            raise UnsafeArchiveError(f"{path}: entry '{name}' makes the contents absurdly large.")
        if info.file_size > CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnsafeArchiveError(f"{path}: entry '{name}' has an absurd compression ratio (a zip bomb).")
    clash = sorted(k for k, name in seen.items() if k in dirs and not name.endswith("/"))
    if clash:
        raise UnsafeArchiveError(f"{path}: entry '{seen[clash[0]]}' is both a file and a folder.")


def safe_extract(
    path: str | Path,
    dest: str | Path,
    *,
    cancel: CancelToken = NEVER_CANCELLED,
    progress: Callable[[int], None] | None = None,
    on_corrupt: Callable[[str, str], None] | None = None,
) -> list[str]:
    """Extract every regular file under ``dest`` after :func:`check_members`; returns the file names.

    An entry whose data fails its CRC or does not decompress is left out and passed to ``on_corrupt``
    (name, reason) when given, else it aborts the extraction.
    """
    dest = Path(dest).resolve()
    out: list[str] = []
    with open_zip(path) as zf:
        infos = zf.infolist()
        decode_names(infos)
        check_members(path, infos)
        for info in infos:
            if info.is_dir():
                continue
            target = (dest / info.filename).resolve()
            if dest not in target.parents:
                raise UnsafeArchiveError(f"{path}: entry '{info.filename}' leaves the extraction folder.")
            target.parent.mkdir(parents=True, exist_ok=True)
            written = 0
            try:
                with zf.open(info) as src, open(target, "xb") as dst:
                    while chunk := src.read(CHUNK):
                        cancel.raise_if_cancelled()
                        written += len(chunk)
                        if written > info.file_size:
                            raise UnsafeArchiveError(
                                f"{path}: entry '{info.filename}' is longer than declared."
                            )
                        dst.write(chunk)
                        if progress:
                            progress(len(chunk))
            except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
                target.unlink(missing_ok=True)
                if on_corrupt is None:
                    raise UnsafeArchiveError(f"{path}: entry '{info.filename}' is corrupt ({exc}).") from None
                on_corrupt(info.filename, f"changed: its ZIP data is corrupt ({exc})")
                continue
            out.append(info.filename)
    return out


def structure_problems(path: str | Path) -> list[str]:
    """Every byte outside entry data must be what :class:`ZipWriter` writes for these entries.

    Returns one sentence per difference (changed headers, timestamps, comments, extra bytes, order).
    """
    with open_zip(path) as zf, open(path, "rb") as fh:
        return canonical_differences(fh, zf.infolist())


def canonical_differences(fh: BinaryIO, infos: list[zipfile.ZipInfo]) -> list[str]:
    """How the container differs from what :class:`ZipWriter` writes for these entries (empty: not at all)."""
    problems: list[str] = []
    names = [i.filename for i in infos]
    if names != sorted(names):
        problems.append("the ZIP entries are not in canonical (sorted) order")
    entries: list[ZipEntry] = []
    pos = 0
    for info in infos:
        entry = ZipEntry(info.filename, info.compress_type, info.CRC, info.file_size, info.compress_size, pos)
        header = entry.local_header()
        fh.seek(info.header_offset)
        if info.header_offset != pos or fh.read(len(header)) != header:
            problems.append(f"the ZIP header of '{info.filename}' was changed")
        pos += len(header) + info.compress_size
        entries.append(entry)
    expected = tail_bytes(entries, pos)
    fh.seek(pos)
    actual = fh.read(len(expected) + 1)
    if actual != expected:
        problems.append("the ZIP central directory or trailer was changed (or bytes were added)")
    if os.fstat(fh.fileno()).st_size != pos + len(expected) and actual == expected:
        problems.append("bytes were added at the end of the ZIP file")
    headers = [p for p in problems if p.startswith("the ZIP header of")]
    if len(headers) > 3:  # rewritten by another tool: one sentence, not one per entry
        others = [p for p in problems if p not in headers]
        return [
            f"{len(headers)} of {len(infos)} entry headers differ from what Evidence Desk writes",
            *others,
        ]
    return problems


@dataclass
class ContainerCheck:
    """What the bytes outside the files' contents say.

    ``differences``: how the container differs from the exporter's canonical form (a re-pack: order,
    timestamps, attributes, extra fields, comments, bytes that belong to no file); none of it is content.
    ``problems``: inconsistencies that let two ZIP readers see different contents (a local header that
    disagrees with the central directory, overlapping entries): the package is not intact.
    """

    differences: list[str]
    problems: list[str]
    stray_bytes: int = 0  # bytes that belong to no entry and no directory record

    @property
    def repacked(self) -> bool:
        return bool(self.differences)


def _local_name(raw: bytes, flags: int) -> str:
    return raw.decode("utf-8" if flags & FLAG_UTF8 else "cp437", errors="replace")


def inspect_container(fh: BinaryIO, zf: zipfile.ZipFile) -> ContainerCheck:
    """Compare every local header with the central directory and measure bytes outside any entry. Linear."""
    infos = zf.infolist()
    differences = canonical_differences(fh, infos)
    problems: list[str] = []
    spans: list[tuple[int, int, str]] = []
    for info in infos:
        fh.seek(info.header_offset)
        raw = fh.read(_LOCAL.size)
        if len(raw) < _LOCAL.size or raw[:4] != b"PK\x03\x04":
            problems.append(f"the ZIP entry '{info.filename}' has no local header where the directory says")
            continue
        _sig, _ver, flags, method, _t, _d, crc, csize, usize, nlen, xlen = _LOCAL.unpack(raw)
        name = _local_name(fh.read(nlen), flags)
        why = ""
        if name != info.orig_filename:
            why = f"its local header names it '{name}'"
        elif method != info.compress_type:
            why = "its local header gives another compression method"
        elif flags & 0x1:
            why = "its local header marks it encrypted"
        elif not flags & 0x08 and crc != info.CRC:
            why = "its local header gives another CRC"
        elif (
            not flags & 0x08
            and MAX32 not in (csize, usize)
            and (csize, usize)
            != (
                info.compress_size,
                info.file_size,
            )
        ):
            why = "its local header gives other sizes"
        if why:
            problems.append(
                f"the ZIP entry '{info.filename}' is described two ways ({why}), so ZIP readers may disagree"
            )
        end = info.header_offset + _LOCAL.size + nlen + xlen + info.compress_size
        if flags & 0x08:  # a data descriptor follows: optional signature, CRC, two sizes (4 or 8 bytes)
            fh.seek(end)
            sig = fh.read(4)
            end += (4 if sig == b"PK\x07\x08" else 0) + (20 if info.file_size >= MAX32 else 12)
        spans.append((info.header_offset, end, info.filename))
    spans.sort()
    stray = 0
    prev_end, prev_name = 0, ""
    for start, end, name in spans:
        if start < prev_end:
            problems.append(
                f"the ZIP entries '{prev_name}' and '{name}' overlap, so ZIP readers may disagree"
            )
        else:
            stray += start - prev_end
        if end > prev_end:
            prev_end, prev_name = end, name
    start_dir = getattr(zf, "start_dir", prev_end)
    if start_dir < prev_end:
        problems.append("a ZIP entry runs into the central directory, so ZIP readers may disagree")
    else:
        stray += start_dir - prev_end
    size = os.fstat(fh.fileno()).st_size
    try:
        endrec = zipfile._EndRecData(fh)  # type: ignore[attr-defined]  # the EOCD zipfile itself used
        record_end = endrec[zipfile._ECD_LOCATION] + zipfile.sizeEndCentDir + len(zf.comment)  # type: ignore[attr-defined]
        stray += max(0, size - record_end)
    except Exception:  # noqa: BLE001 - only the size of the note depends on it
        pass
    if zf.comment:
        differences.append("the ZIP carries a comment")
    if stray:
        differences.append(
            f"{stray} byte(s) of the ZIP file belong to no file in it (not covered by the signature; ignored)"
        )
    return ContainerCheck(differences, problems, stray)
