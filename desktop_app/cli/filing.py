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
    return 0
