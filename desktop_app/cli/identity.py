"""Signing identity commands: identity create / import / list / export-cert."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from desktop_app.cli.common import language
from desktop_app.core.errors import UserError
from desktop_app.core.messages import render
from desktop_app.core.package.signing import (
    PASSPHRASE_ENV,
    certificate_pem,
    create_identity,
    find_identity,
    import_identity,
    list_identities,
)
from desktop_app.core.paths import resolve_data_dir


def add_passphrase_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=f"read the passphrase from the first line of FILE (else ${PASSPHRASE_ENV}, else a prompt)",
    )


def read_passphrase(args: argparse.Namespace, prompt: str, *, confirm: bool = False) -> str:
    """``--passphrase-file``, then $EVIDENCE_DESK_PASSPHRASE, then an interactive prompt."""
    if getattr(args, "passphrase_file", None):
        from desktop_app.core.user_files import read_user_text

        path = Path(args.passphrase_file)
        lines = read_user_text(path, max_bytes=64 * 1024).splitlines()
        if not lines or not lines[0]:
            raise UserError.keyed("cli.passphrase.file_empty", path=str(path))
        return lines[0]
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise UserError.keyed("cli.passphrase.none", env=PASSPHRASE_ENV)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(render("cli.passphrase.repeat", {}, language(args))) != first:
        raise UserError.keyed("cli.passphrase.differ")
    return first


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("identity", help="signing identities (key and certificate) for packages")
    isub = p.add_subparsers(dest="identity_command", metavar="ACTION", required=True)

    c = isub.add_parser(
        "create", help="a new key with a self-signed certificate naming you and your organisation"
    )
    c.add_argument("--name", required=True, help="the person signing")
    c.add_argument("--org", required=True, metavar="ORGANISATION")
    c.add_argument("--email", default="")
    c.add_argument("--key-type", choices=("ec", "rsa"), default="ec", help="EC P-256 (default) or RSA 3072")
    add_passphrase_args(c)
    c.set_defaults(func=cmd_create)

    i = isub.add_parser("import", help="import a PKCS#12 (.p12/.pfx) issued by your organisation's CA")
    i.add_argument("file", metavar="FILE.p12")
    i.add_argument("--name", help="name for the identity (default: the certificate's common name)")
    add_passphrase_args(i)
    i.set_defaults(func=cmd_import)

    ls = isub.add_parser("list", help="identities with their certificate fingerprints")
    ls.set_defaults(func=cmd_list)

    e = isub.add_parser("export-cert", help="print (or write) the certificate in PEM, for recipients to pin")
    e.add_argument("name", metavar="NAME", nargs="?")
    e.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    e.set_defaults(func=cmd_export_cert)


def _data_dir(args: argparse.Namespace) -> Path:
    return resolve_data_dir(args.data_dir)


def cmd_create(args: argparse.Namespace) -> int:
    lang = language(args)
    passphrase = read_passphrase(args, render("cli.passphrase.new", {}, lang), confirm=True)
    info = create_identity(
        _data_dir(args), args.name, args.org, passphrase, email=args.email, key_type=args.key_type
    )
    return _print_identity("cli.identity.created", info, lang)


def _print_identity(key: str, info: Any, lang: str) -> int:
    """'Created/Imported identity NAME (subject, org)' and its fingerprint, in ``lang``."""
    print(render(key, {"name": info.name, "subject": info.subject, "org": info.organisation}, lang))
    print(render("cli.identity.fingerprint", {"fingerprint": info.fingerprint}, lang))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    lang = language(args)
    passphrase = read_passphrase(args, render("cli.passphrase.of_file", {"file": args.file}, lang))
    info = import_identity(_data_dir(args), args.file, passphrase, name=args.name)
    return _print_identity("cli.identity.imported", info, lang)


def cmd_list(args: argparse.Namespace) -> int:
    lang = language(args)
    for info in list_identities(_data_dir(args)):
        state = (
            render("cli.identity.expired", {}, lang)
            if info.expired
            else render("cli.identity.valid_until", {"date": f"{info.not_after:%Y-%m-%d}"}, lang)
        )
        kind = render("cli.identity." + ("self_signed" if info.self_signed else "ca_issued"), {}, lang)
        print(f"{info.name}\t{info.organisation}\t{kind}\t{state}\t{info.fingerprint}")
    return 0


def cmd_export_cert(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    info = find_identity(data_dir, args.name)
    pem = certificate_pem(data_dir, args.name)
    if args.out:
        from desktop_app.core.atomic import atomic_write_bytes

        atomic_write_bytes(args.out, pem)
    else:
        sys.stdout.write(pem.decode("ascii"))
    print(
        render("cli.identity.fingerprint", {"fingerprint": info.fingerprint}, language(args)), file=sys.stderr
    )
    return 0
