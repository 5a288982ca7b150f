"""Find a process's shown top-level window on an X server and ask it to close, through libX11 (ctypes).

Used by the frozen-build smoke test and the start-up bench to see the real moment a window is mapped,
the same way for the frozen and the source app, with no tool beyond the libX11 that Qt's xcb platform
plugin already needs. Closing sends WM_DELETE_WINDOW, as a window manager's close button does, so the
app quits through its normal path.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass

_IS_VIEWABLE = 2
_CLIENT_MESSAGE = 33
_NO_EVENT_MASK = 0
_ANY_PROPERTY_TYPE = 0
_SUCCESS = 0

Window = ctypes.c_ulong
Atom = ctypes.c_ulong


class _XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", Window),
        ("c_class", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


class _XClientMessageEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", Window),
        ("message_type", Atom),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("xclient", _XClientMessageEvent), ("pad", ctypes.c_long * 24)]


@dataclass(frozen=True)
class ShownWindow:
    window: int
    title: str
    width: int
    height: int


def _load_xlib() -> ctypes.CDLL:
    name = ctypes.util.find_library("X11") or "libX11.so.6"
    lib = ctypes.CDLL(name)
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    lib.XDefaultRootWindow.restype = Window
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XQueryTree.argtypes = [
        ctypes.c_void_p,
        Window,
        ctypes.POINTER(Window),
        ctypes.POINTER(Window),
        ctypes.POINTER(ctypes.POINTER(Window)),
        ctypes.POINTER(ctypes.c_uint),
    ]
    lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, Window, ctypes.POINTER(_XWindowAttributes)]
    lib.XInternAtom.restype = Atom
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XGetWindowProperty.argtypes = [
        ctypes.c_void_p,
        Window,
        Atom,
        ctypes.c_long,
        ctypes.c_long,
        ctypes.c_int,
        Atom,
        ctypes.POINTER(Atom),
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_void_p),
    ]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XSendEvent.argtypes = [ctypes.c_void_p, Window, ctypes.c_int, ctypes.c_long, ctypes.POINTER(_XEvent)]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.XSetErrorHandler.restype = ctypes.c_void_p
    return lib


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda _d, _e: 0)


class X11:
    """A connection to one X display (e.g. ``":99"``); windows may vanish while we look (errors ignored)."""

    def __init__(self, display: str) -> None:
        self._x = _load_xlib()
        self._x.XSetErrorHandler(_ERROR_HANDLER)  # a window destroyed mid-query must not abort us
        self._d = self._x.XOpenDisplay(display.encode())
        if not self._d:
            raise OSError(f"cannot open X display {display}")
        self._atoms: dict[str, int] = {}

    def close(self) -> None:
        if self._d:
            self._x.XCloseDisplay(self._d)
            self._d = None

    def __enter__(self) -> X11:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = int(self._x.XInternAtom(self._d, name.encode(), 0))
        return self._atoms[name]

    def _property(self, window: int, name: str) -> tuple[int, bytes]:
        """(format, raw bytes) of a window property; (0, b"") when absent."""
        actual_type, fmt = Atom(), ctypes.c_int()
        n_items, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = self._x.XGetWindowProperty(
            self._d,
            window,
            self._atom(name),
            0,
            4096,
            0,
            _ANY_PROPERTY_TYPE,
            ctypes.byref(actual_type),
            ctypes.byref(fmt),
            ctypes.byref(n_items),
            ctypes.byref(after),
            ctypes.byref(data),
        )
        if status != _SUCCESS or not data.value:
            return 0, b""
        try:
            # Format-32 items are C longs in Xlib's buffer, whatever the platform's long size.
            unit = {8: 1, 16: 2, 32: ctypes.sizeof(ctypes.c_long)}.get(fmt.value, 1)
            return fmt.value, ctypes.string_at(data.value, n_items.value * unit)
        finally:
            self._x.XFree(data)

    def _pid(self, window: int) -> int | None:
        fmt, raw = self._property(window, "_NET_WM_PID")
        if fmt != 32 or not raw:
            return None
        return ctypes.c_long.from_buffer_copy(raw[: ctypes.sizeof(ctypes.c_long)]).value

    def _title(self, window: int) -> str:
        _fmt, raw = self._property(window, "_NET_WM_NAME")
        if not raw:
            _fmt, raw = self._property(window, "WM_NAME")
        return raw.decode("utf-8", "replace")

    def top_level_windows(self) -> list[int]:
        root, parent = Window(), Window()
        children, count = ctypes.POINTER(Window)(), ctypes.c_uint()
        if not self._x.XQueryTree(
            self._d,
            self._x.XDefaultRootWindow(self._d),
            ctypes.byref(root),
            ctypes.byref(parent),
            ctypes.byref(children),
            ctypes.byref(count),
        ):
            return []
        try:
            return [int(children[i]) for i in range(count.value)]
        finally:
            if children:
                self._x.XFree(children)

    def shown_windows(self, pid: int) -> list[ShownWindow]:
        """Viewable top-level windows whose _NET_WM_PID is ``pid``."""
        found = []
        for window in self.top_level_windows():
            attrs = _XWindowAttributes()
            if not self._x.XGetWindowAttributes(self._d, window, ctypes.byref(attrs)):
                continue
            if attrs.map_state != _IS_VIEWABLE or self._pid(window) != pid:
                continue
            found.append(ShownWindow(window, self._title(window), attrs.width, attrs.height))
        return found

    def request_close(self, window: int) -> None:
        """Send WM_DELETE_WINDOW, as a window manager's close button would."""
        event = _XEvent()
        msg = event.xclient
        msg.type, msg.send_event, msg.display, msg.window = _CLIENT_MESSAGE, 1, self._d, window
        msg.message_type, msg.format = self._atom("WM_PROTOCOLS"), 32
        msg.data[0], msg.data[1] = self._atom("WM_DELETE_WINDOW"), 0  # CurrentTime
        self._x.XSendEvent(self._d, window, 0, _NO_EVENT_MASK, ctypes.byref(event))
        self._x.XFlush(self._d)


def wait_for_window(
    x11: X11, pid: int, title_part: str, *, timeout: float, alive=lambda: True, poll: float = 0.01
) -> ShownWindow | None:
    """Poll until ``pid`` shows a window whose title contains ``title_part``; None on timeout or exit."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and alive():
        for shown in x11.shown_windows(pid):
            if title_part in shown.title:
                return shown
        time.sleep(poll)
    return None


class Xvfb:
    """A private virtual X server on a free display number (``-displayfd``), stopped on exit."""

    def __init__(self, size: str = "1366x768x24") -> None:
        self.size = size
        self.display = ""
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Xvfb:
        exe = shutil.which("Xvfb")
        if not exe:
            raise OSError("Xvfb is not installed (Debian package xvfb)")
        read_fd, write_fd = os.pipe()
        try:
            self._proc = subprocess.Popen(
                [exe, "-displayfd", str(write_fd), "-screen", "0", self.size, "-nolisten", "tcp", "-noreset"],
                pass_fds=(write_fd,),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            os.close(write_fd)
            with os.fdopen(read_fd, "rb") as pipe:  # Xvfb writes the display number once it is ready
                number = pipe.readline().strip().decode()
        except BaseException:
            self.__exit__()
            raise
        if not number:
            self.__exit__()
            raise OSError("Xvfb did not start")
        self.display = f":{number}"
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._proc and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()


@dataclass
class GuiRun:
    """One start of a GUI program until its window showed, then (optionally) its close and exit."""

    seconds_to_window: float | None  # from just before the process started to the window being viewable
    window: ShownWindow | None
    returncode: int | None  # None: still running when given up on (then killed)
    stdout: str
    stderr: str
    inspected: object = None  # what ``inspect(pid)`` returned while the window was shown


def run_gui_until_shown(
    cmd: list[str],
    env: dict[str, str],
    display: str,
    *,
    title: str,
    timeout: float = 120.0,
    close_timeout: float = 60.0,
    cwd: str | None = None,
    inspect=None,
) -> GuiRun:
    """Start ``cmd`` on ``display``, time it to a shown window titled ``title``, then close it politely."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, X11(display) as x11:
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd, env=dict(env, DISPLAY=display), stdout=out, stderr=err, cwd=cwd, stdin=subprocess.DEVNULL
        )
        try:
            shown = wait_for_window(x11, proc.pid, title, timeout=timeout, alive=lambda: proc.poll() is None)
            elapsed = time.perf_counter() - started if shown else None
            inspected = inspect(proc.pid) if shown and inspect else None
            if shown:
                x11.request_close(shown.window)
            try:
                rc: int | None = proc.wait(timeout=close_timeout if shown else 1)
            except subprocess.TimeoutExpired:
                rc = None
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        out.seek(0)
        err.seek(0)
        return GuiRun(
            elapsed,
            shown,
            rc,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            inspected,
        )
