"""Audit commands: verify the custody log's hash chain."""

from __future__ import annotations

import argparse
import dataclasses
import json

from desktop_app.cli.common import language, open_store
from desktop_app.core.messages import render


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="the custody (audit) log")
    audit_sub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = audit_sub.add_parser(
        "verify",
        help="walk the log's hash chain; exit 0 when intact, 1 naming the first entry that does not fit",
        description="Check that no audit entry was changed, removed, inserted or reordered since it was "
        "written. Exit 0: intact. Exit 1: the first entry that does not fit is named.",
    )
    v.add_argument(
        "--package",
        metavar="PACKAGE.zip",
        help="also check that the package's data/custody.jsonl is the same history as this log "
        "(every entry present with the same hash, and its chain head)",
    )
    v.add_argument("--format", choices=("text", "json"), default="text")
    v.set_defaults(func=cmd_verify)


def cmd_verify(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        report = store.audit.verify()
        if report.ok and args.package:
            from desktop_app.core.package.custody import compare_with_store, read_package_custody

            problem, entry_id = compare_with_store(read_package_custody(args.package), store.audit.chain())
            if problem:
                report = dataclasses.replace(report, problem=f"{args.package}: {problem}", entry_id=entry_id)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "intact": report.ok,
                    "entries_checked": report.entries,
                    "head_id": report.head_id,
                    "head_hash": report.head_hash,
                    "problem": report.problem or None,
                    "entry_id": report.entry_id,
                },
                indent=2,
            )
        )
    elif report.ok:
        params = {"entries": report.entries, "hash": report.head_hash, "id": report.head_id}
        print(render("cli.audit.intact", params, language(args)))
    else:
        print(render("cli.audit.broken", {"problem": report.problem}, language(args)))
        print(render("cli.audit.before", {"entries": report.entries}, language(args)))
    return 0 if report.ok else 1
