"""Submission records: submit (marketplace, complaint number, package version), decide, reopen."""

from __future__ import annotations

import argparse
import json

from desktop_app.cli.common import language, open_store, resolve_case
from desktop_app.core.messages import render


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "submit",
        help="record that a case was filed with its marketplace; the case becomes read-only",
        description="Record the submission: complaint number, marketplace, date and which package version "
        "was sent. The case's content is frozen as a revision and it is read-only until reopened.",
    )
    p.add_argument("case", metavar="CASE", help="case id or reference")
    p.add_argument("--number", required=True, help="the complaint number the marketplace gave you")
    p.add_argument("--marketplace", default="", help="where it was filed (default: the case's marketplaces)")
    p.add_argument(
        "--package-version", type=int, metavar="N", help="the package version sent (default: the latest)"
    )
    p.add_argument("--at", default="", metavar="ISO-TIME", help="when it was filed (default: now)")
    p.add_argument(
        "--batch",
        type=int,
        metavar="N",
        help="the complaint carried batch N of the marketplace's listings (as 'filing-sheet' numbers "
        "them); needs --marketplace; each batch is filed once, under its own complaint number",
    )
    p.set_defaults(func=cmd_submit)

    p = sub.add_parser("decide", help="record the marketplace's decision on a submitted case")
    p.add_argument("case", metavar="CASE")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--accepted", action="store_true")
    group.add_argument("--declined", action="store_true")
    p.add_argument("--reason", default="", help="the reasons given (required for a decline)")
    p.add_argument("--at", default="", metavar="ISO-TIME", help="when it was decided (default: now)")
    p.add_argument(
        "--listing",
        action="append",
        default=[],
        metavar="ID",
        help="decide these listings only (repeat the option), of the complaint --number names; the case "
        "is decided when every listing filed is",
    )
    p.add_argument("--number", default="", help="with --listing: the complaint the listings were filed in")
    p.set_defaults(func=cmd_decide)

    p = sub.add_parser(
        "reopen",
        help="make a submitted case editable again (the reason is kept in its record and the audit log)",
    )
    p.add_argument("case", metavar="CASE")
    p.add_argument("--reason", required=True, help="why the submitted case must change")
    p.set_defaults(func=cmd_reopen)


def cmd_submit(args: argparse.Namespace) -> int:
    from desktop_app.core.outcomes import record_submission

    with open_store(args) as store:
        case_id = resolve_case(store, args.case)
        record_submission(
            store,
            case_id,
            args.number,
            at=args.at,
            marketplace=args.marketplace,
            export_version=args.package_version,
            batch=args.batch,
        )
        sub = store.submissions.open(case_id)
        ref = store.cases.get(case_id).reference
    lang = language(args)
    if sub["batch"] is not None:
        n = len(json.loads(sub["listing_ids"]))
        print(
            render(
                "cli.submit.batch",
                {
                    "case": ref,
                    "batch": sub["batch"],
                    "count": n,
                    "marketplace": sub["marketplace"],
                    "number": sub["complaint_number"],
                },
                lang,
            )
        )
    print(
        render(
            "cli.submit.done",
            {
                "case": ref,
                "marketplace": sub["marketplace"] or "?",
                "number": sub["complaint_number"],
                "version": sub["export_version"] or "-",
                "revision": sub["revision"],
            },
            lang,
        )
    )
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    from desktop_app.core.errors import UserError
    from desktop_app.core.outcomes import filed_complaints, record_decision, record_listing_decisions

    complaint = None
    with open_store(args) as store:
        case_id = resolve_case(store, args.case)
        if args.listing:
            if not args.number:
                raise UserError.keyed("cli.decide.listing_needs_number")
            decisions = {lid: (bool(args.accepted), args.reason) for lid in args.listing}
            record_listing_decisions(store, case_id, args.number, decisions, at=args.at)
            number = args.number.strip()
            complaint = next(
                (c for c in filed_complaints(store, case_id) if c.complaint_number == number), None
            )
        else:
            record_decision(store, case_id, args.accepted, args.reason, at=args.at)
        case = store.cases.get(case_id)
    lang = language(args)
    verdict = "accepted" if args.accepted else "declined"
    ref = case.reference
    if args.listing:
        print(
            render(
                f"cli.decide.listings_{verdict}",
                {"case": ref, "count": len(args.listing), "number": args.number},
                lang,
            )
        )
        if complaint is not None:
            params = {
                "case": ref,
                "number": complaint.complaint_number,
                "accepted": complaint.count("accepted"),
                "declined": complaint.count("declined"),
                "undecided": complaint.undecided,
                "total": len(complaint.listings),
            }
            print(render("cli.decide.complaint_tally", params, lang))
        if str(case.status) in ("accepted", "declined"):
            print(render(f"cli.decide.case_{case.status}", {"case": ref}, lang))
    else:
        print(render(f"cli.decide.{verdict}", {"case": ref}, lang))
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    from desktop_app.core.outcomes import reopen_case

    with open_store(args) as store:
        case_id = resolve_case(store, args.case)
        reopen_case(store, case_id, args.reason)
        ref = store.cases.get(case_id).reference
    print(render("cli.reopen.done", {"case": ref}, language(args)))
    return 0
