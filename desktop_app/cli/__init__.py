"""The command line: a thin layer that parses arguments and calls the same core functions as the GUI.

Exit codes: 0 success; 1 a negative answer (checks not ready, package invalid); 2 bad usage or bad
input, with a one-line reason on stderr naming the file and the problem.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from desktop_app import __version__

EXIT_OK, EXIT_NEGATIVE, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug, logged with its traceback

# Each module registers its sub-commands with ``register(subparsers)``; keep one concept per module.
COMMAND_MODULES = (
    "cases",
    "check",
    "rights",
    "package",
    "identity",
    "timestamp",
    "audit",
    "records",
    "filing",
    "assign",
)

log = logging.getLogger("desktop_app")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as for any bad input
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def _language(value: str) -> str:
    from desktop_app.core.messages import LANGUAGES, normalize_language

    language = normalize_language(value)
    if language == "en" and not value.lower().startswith(("en", "c", "posix")):
        raise argparse.ArgumentTypeError(f"unknown language {value!r}; choose one of {', '.join(LANGUAGES)}")
    return language


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="evidence-desk",
        description="Check IP takedown evidence offline and export signed submission packages. "
        "Without a command, opens the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where cases and evidence are kept (default: $EVIDENCE_DESK_DATA_DIR or the "
        "platform's per-user data folder)",
    )
    parser.add_argument("--demo", action="store_true", help="open the bundled demo case in the window")
    parser.add_argument(
        "--lang",
        metavar="LANG",
        type=_language,
        help="language of messages: en or zh_CN (default: from LC_ALL / LC_MESSAGES / LANG); finding "
        "codes and JSON output are the same in every language",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"desktop_app.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from desktop_app.core.app_log import quiet_stderr
    from desktop_app.core.errors import UserError, no_room_sentence

    quiet_stderr()  # third-party log records never reach the terminal, even before the log file opens
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from desktop_app.gui.app import run_gui

        return run_gui(data_dir=args.data_dir, demo=args.demo)
    from desktop_app.cli import common
    from desktop_app.core.app_log import configure_logging, log_unexpected
    from desktop_app.core.messages import error_text, language_from_environment, render
    from desktop_app.core.paths import resolve_data_dir

    args.lang = args.lang or language_from_environment()
    common.progress_language = args.lang
    configure_logging(resolve_data_dir(args.data_dir))
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"evidence-desk: {error_text(exc, args.lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(f"evidence-desk: {render('cli.interrupted', {}, args.lang)}", file=sys.stderr)
        return 130
    except Exception as exc:  # a full disk is one sentence; anything else is a bug
        room = no_room_sentence(exc)
        if room is not None:
            log.warning("no room to write: %s", exc)
            print(f"evidence-desk: {room}", file=sys.stderr)
            return EXIT_BAD_INPUT
        # a bug: logged with its traceback, one sentence for the user
        print(f"evidence-desk: {log_unexpected(type(exc), exc, exc.__traceback__)}", file=sys.stderr)
        return EXIT_INTERNAL_ERROR
