"""Shared package fixtures: an identity and one exported package per module (exporting costs ~1 s)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.core.model import Case
from desktop_app.core.package import signing
from desktop_app.core.package.export import ExportResult, export_case
from desktop_app.core.store import Store
from tests.package.builders import PASSPHRASE, make_case, report_for

SIGNING_TIME = dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.timezone.utc)


@dataclass
class Exported:
    store: Store
    data_dir: Path
    case: Case
    identity: signing.SigningIdentity
    result: ExportResult
    cert_pem: Path
    src: Path


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    root = tmp_path_factory.mktemp("exported")
    store = Store(root / "data")
    case = make_case(store, root / "src")
    signing.create_identity(root / "data", "Li Wei", "Acme Brand Ltd.", PASSPHRASE, email="li@acme.test")
    identity = signing.load_identity(root / "data", None, PASSPHRASE)
    result = export_case(
        store,
        case.id,
        root / "out" / "package.zip",
        identity,
        report=report_for(case),
        signing_time=SIGNING_TIME,
    )
    cert = root / "signer.pem"
    cert.write_bytes(signing.certificate_pem(root / "data"))
    yield Exported(store, root / "data", case, identity, result, cert, root / "src")
    store.close()
