"""`evidence-desk attach-screenshots CASE FILE...`: each screenshot attached to the listing whose id it shows.

Exit 0 when every file was attached, 1 when some are left for you to assign (kept with the case as
unassigned files), 2 for bad input.
"""

from __future__ import annotations

import argparse
import sys

from desktop_app.cli.common import open_store, resolve_case, stderr_progress


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "attach-screenshots",
        help="read many screenshots and attach each to the listing whose id it shows",
        description="Import the files, read each (OCR where needed) and attach it to the one listing of "
        "the case whose id it shows (address bar, printed header/footer, labelled id). A file showing no "
        "listing of the case, or several, is kept with the case unassigned and named with the reason. "
        "Exit 0 when all were attached, 1 when some are left to assign, 2 for bad input.",
    )
    p.add_argument("case", metavar="CASE", help="case id or reference")
    p.add_argument("files", metavar="FILE", nargs="+", help="screenshots, printed PDFs or web captures")
    p.set_defaults(func=cmd_attach_screenshots)


def cmd_attach_screenshots(args: argparse.Namespace) -> int:
    from desktop_app.core.filing import effective_listing
    from desktop_app.core.screenshot_assignment import assign_screenshots

    with open_store(args) as store:
        case_id = resolve_case(store, args.case)
        result = assign_screenshots(store, case_id, args.files, progress=stderr_progress)
        case = store.cases.get(case_id)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for f, i in result.attached:
        _market, listing_id = effective_listing(case.listings[i])
        print(f"{f.original_name} -> listing {i + 1} ({listing_id or case.listings[i].url})")
    for f, why in result.unassigned:
        print(f"{f.original_name}: not attached: {why}")
    for sentence in result.refused:
        print(sentence, file=sys.stderr)
    print(
        f"{case.reference}: {len(result.attached)} attached, {len(result.unassigned)} left to assign"
        + (f", {len(result.refused)} refused" if result.refused else "")
    )
    return 0 if not result.unassigned and not result.refused else 1
