"""`evidence-desk filing-sheet CASE`: the marketplace form's fields, filled from what the checks established.

Exit 0 with the sheets, 1 when the case is not ready (no sheet is written for it), 2 for bad input.
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop_app.cli.common import open_store, resolve_case, stderr_progress


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "filing-sheet",
        help="the marketplace complaint form's fields and the infringement statement, for a ready case",
        description="Run the checks and, for a ready case, print what each marketplace's complaint form "
        "asks, in its order and with its names, filled only from facts the checks established; listings "
        "are split into batches within the form's limit. The statement is given in English and Chinese. "
        "Exit 0, 1 when the case is not ready, 2 for bad input.",
    )
    p.add_argument("case", metavar="CASE", help="case id, reference or case folder")
    p.add_argument(
        "--marketplace", metavar="M", default="", help="only this marketplace's sheets (e.g. taobao)"
    )
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.add_argument(
        "--attachments",
        metavar="DIR",
        help="also write each batch's evidence PDF(s) to upload with the form into DIR, within the form's "
        "upload size limit (split into parts when needed; existing files are never written over)",
    )
    p.add_argument(
        "--attachment-limit",
        metavar="MB",
        type=float,
        help="the form's upload limit per file, in MB, when you know it (default: the form's data, "
        "which says whether the marketplace publishes one)",
    )
    p.set_defaults(func=cmd_filing_sheet)


def cmd_filing_sheet(args: argparse.Namespace) -> int:
    from desktop_app.core.checks.engine import check_case
    from desktop_app.core.errors import UserError
    from desktop_app.core.filing import build_sheets, sheet_text, sheets_csv

    lang = "zh_CN" if str(getattr(args, "lang", "") or "").startswith("zh") else "en"
    with open_store(args) as store:
        case_id = resolve_case(store, args.case)
        report = check_case(store, case_id, progress=stderr_progress)
        case = store.cases.get(case_id)
        attached = _attachments(store, case, report, args) if report.verdict == "ready" else None
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if report.verdict != "ready":
        try:
            build_sheets(case, report)
        except UserError as exc:
            print(exc, file=sys.stderr)
        return 1
    sheets = build_sheets(case, report, args.marketplace)
    if args.format == "json":
        print(json.dumps([s.to_json(lang) for s in sheets], indent=2, ensure_ascii=False))
    elif args.format == "csv":
        sys.stdout.write(sheets_csv(sheets, lang))
    else:
        for k, s in enumerate(sheets):
            if k:
                print()
            print(sheet_text(s, lang))
    if attached is not None:  # beside JSON or CSV on stdout, the list goes to stderr
        _print_attachments(attached, lang, sys.stdout if args.format == "text" else sys.stderr)
    return 0


def _attachments(store, case, report, args: argparse.Namespace):  # noqa: ANN001, ANN202
    if not args.attachments:
        return None
    from desktop_app.core.package.attachments import write_attachments

    limit = int(args.attachment_limit * 1024 * 1024) if args.attachment_limit else None
    return write_attachments(
        store,
        case,
        report,
        args.attachments,
        marketplace=args.marketplace,
        max_bytes=limit,
        progress=stderr_progress,
    )


def _print_attachments(result, lang: str, out) -> None:  # noqa: ANN001 - an AttachmentsResult, a stream
    from desktop_app.core.messages import render

    print(file=out)
    for form, limits in result.limits.items():
        key = "attachments.limit.published" if limits.published else "attachments.limit.assumed"
        print(render(key, {"form": form, "mb": f"{limits.max_bytes / 1024**2:.3g}"}, lang), file=out)
    for a in result.files:
        params = {
            "path": str(a.path),
            "size": f"{a.size / 1024:,.0f}",
            "batch": a.batch,
            "batches": a.batches,
            "part": a.part,
            "parts": a.parts,
            "count": len(a.listing_ids),
        }
        print(render("attachments.written", params, lang), file=out)
    for note in result.notes:
        print(f"evidence-desk: warning: {note}", file=sys.stderr)
