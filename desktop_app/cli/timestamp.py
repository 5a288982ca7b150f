"""Trusted time stamps (RFC 3161), offline: timestamp request / timestamp attach."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.cli.common import language, open_store, stderr_progress
from desktop_app.core.messages import render


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "timestamp",
        help="RFC 3161 time stamps for a package: write a request for your TSA, attach its response",
    )
    tsub = p.add_subparsers(dest="timestamp_command", metavar="ACTION", required=True)
    r = tsub.add_parser(
        "request",
        help="write an RFC 3161 request (.tsq) over the package's signature, to take to a TSA",
        description="Writes a time-stamp request over the SHA-256 of the package's signature file "
        "(tagmanifest-sha256.txt.p7s, which signs every file). Send it to your time-stamping authority "
        "(e.g. curl -H 'Content-Type: application/timestamp-query' --data-binary @PKG.tsq URL > PKG.tsr) "
        "and attach the response with 'timestamp attach'. A copy is kept in the data directory.",
    )
    r.add_argument("package", metavar="PACKAGE.zip")
    r.add_argument("--out", metavar="REQUEST.tsq", help="where to write the request (default PACKAGE.tsq)")
    r.set_defaults(func=cmd_request)
    a = tsub.add_parser(
        "attach",
        help="check a TSA response answers the request and write a NEW package version containing it",
    )
    a.add_argument("package", metavar="PACKAGE.zip")
    a.add_argument("response", metavar="RESPONSE.tsr")
    a.add_argument(
        "--request",
        metavar="REQUEST.tsq",
        help="the request this response answers (default: the copy kept when the request was made)",
    )
    a.add_argument(
        "--out",
        metavar="NEW.zip",
        help="the new package version (default: the case's next version name beside PACKAGE, e.g. "
        "ED-2026-00001-v3.zip; PACKAGE-ts.zip for a package no case here lists). Never replaced.",
    )
    a.set_defaults(func=cmd_attach)


def cmd_request(args: argparse.Namespace) -> int:
    from desktop_app.core.package.timestamp import write_request
    from desktop_app.core.paths import resolve_data_dir

    package = Path(args.package)
    out = Path(args.out) if args.out else package.with_suffix(".tsq")
    request = write_request(package, out, resolve_data_dir(args.data_dir))
    lang = language(args)
    print(out)
    print(
        render("cli.timestamp.request", {"digest": request.digest.hex(), "nonce": f"{request.nonce:x}"}, lang)
    )
    print(render("cli.timestamp.send", {"package": str(package)}, lang))
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    from desktop_app.core.package.timestamp import read_request_file, stamp_case_package
    from desktop_app.core.package.trust import load_trust_store

    request = read_request_file(args.request) if args.request else None
    with open_store(args) as store:
        result = stamp_case_package(
            store,
            args.package,
            args.response,
            request=request,
            out=args.out,
            anchors=load_trust_store(store.data_dir).anchors(),
            progress=stderr_progress,
        )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    lang = language(args)
    print(result.path)
    print(render("cli.export.sha", {"sha": result.sha256}, lang))
    for line in result.check.text_lines(lang):
        print(line)
    if result.version is not None:
        params = {
            "version": result.version,
            "case": result.case_reference,
            "stamped_from": result.stamped_from,
        }
        print(render("cli.timestamp.recorded", params, lang))
    else:
        print(render("cli.timestamp.not_recorded", {}, lang))
    print(render("cli.timestamp.unchanged", {"package": args.package}, lang))
    return 0
