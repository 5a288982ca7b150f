"""`evidence-desk attach-screenshots CASE FILE...`: each screenshot attached to the listing whose id it shows.

Exit 0 when every file was attached, 1 when some are left for you to assign (kept with the case as
unassigned files), 2 for bad input.
"""

from __future__ import annotations

import argparse
import sys

from desktop_app.cli.common import language, open_store, resolve_case, stderr_progress
from desktop_app.core.messages import render, text_in


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
    lang = language(args)
    for f, i in result.attached:
        _market, listing_id = effective_listing(case.listings[i])
        params = {"file": f.original_name, "n": i + 1, "listing": listing_id or case.listings[i].url}
        print(render("cli.assign.attached", params, lang))
    for f, why in result.unassigned:
        print(render("cli.assign.not_attached", {"file": f.original_name, "why": text_in(why, lang)}, lang))
    for sentence in result.refused:
        print(text_in(sentence, lang), file=sys.stderr)
    counts = {"case": case.reference, "attached": len(result.attached), "left": len(result.unassigned)}
    if result.refused:
        print(render("cli.assign.summary_refused", dict(counts, refused=len(result.refused)), lang))
    else:
        print(render("cli.assign.summary", counts, lang))
    return 0 if not result.unassigned and not result.refused else 1
