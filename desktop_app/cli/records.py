"""Submission records: submit (marketplace, complaint number, package version), decide, reopen."""

from __future__ import annotations

import argparse

from desktop_app.cli.common import open_store, resolve_case


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
    p.set_defaults(func=cmd_submit)

    p = sub.add_parser("decide", help="record the marketplace's decision on a submitted case")
    p.add_argument("case", metavar="CASE")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--accepted", action="store_true")
    group.add_argument("--declined", action="store_true")
    p.add_argument("--reason", default="", help="the reasons given (required for a decline)")
    p.add_argument("--at", default="", metavar="ISO-TIME", help="when it was decided (default: now)")
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
        )
        sub = store.submissions.open(case_id)
        ref = store.cases.get(case_id).reference
    print(
        f"{ref}: submitted to {sub['marketplace'] or '?'} as complaint {sub['complaint_number']} "
        f"(package v{sub['export_version'] or '-'}, revision {sub['revision']}); the case is now read-only"
    )
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    from desktop_app.core.outcomes import record_decision

    with open_store(args) as store:
        case_id = resolve_case(store, args.case)
        record_decision(store, case_id, args.accepted, args.reason, at=args.at)
        ref = store.cases.get(case_id).reference
    print(f"{ref}: {'accepted' if args.accepted else 'declined'}")
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    from desktop_app.core.outcomes import reopen_case

    with open_store(args) as store:
        case_id = resolve_case(store, args.case)
        reopen_case(store, case_id, args.reason)
        ref = store.cases.get(case_id).reference
    print(f"{ref}: reopened; edits are allowed and will make a new revision")
    return 0
