"""Web captures of a marketplace listing, written as the real tools write them.

* ``make_mhtml``: what Chrome/Edge "Save page as… Webpage, single file" writes: a multipart/related
  message "From: <Saved by Blink>" with Snapshot-Content-Location, Subject and Date headers, the root
  HTML part quoted-printable and each image a base64 part with its Content-Location.
* ``make_singlefile_html``: SingleFile's one self-contained .html: the "Page saved with SingleFile"
  comment (url, saved date), every image inlined as a data: URI, scripts removed.
* ``make_warc``: a WARC written with warcio (warcinfo, request/response for the page and its image,
  optionally the tool's screenshot as a resource record), gzipped per record like crawlers do.
* ``make_wacz``: a WACZ: archive/data.warc.gz, pages/pages.jsonl, datapackage.json with sha256 of
  each member, optionally datapackage-digest.json signed anonymously (ECDSA P-384, as ArchiveWeb.page).

The page itself looks like a listing page: head with scripts and styles, header navigation, the
product picture, the title (h1), price, seller, the item id beside its label, a specification table
and a "similar items" strip. ``mark_in_text=False`` keeps the brand out of the text so it is printed
only on the product photo.
"""

from __future__ import annotations

import base64
import datetime as dt
import email.utils
import hashlib
import html
import io
import json
import zipfile
from dataclasses import dataclass, field
from email.charset import QP, Charset
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

from PIL import Image, ImageFilter

from tests.factories.screenshots import THEMES, ScreenshotSpec, _Canvas, draw_product

PHOTO_PATH = "/kf/S9f2a7c1e/product-main.jpg"


@dataclass
class CaptureSpec:
    url: str = "https://www.aliexpress.com/item/1005006123456789.html"
    title: str = "KESTRELINE Men's Waterproof Hooded Jacket Windbreaker Outdoor Coat"
    seller: str = "Fashion Outlet Store"
    price: str = "US $23.99"
    shown_id: str = "1005006123456789"  # printed beside its label; "" for none
    product_text: str = "KESTRELINE"  # printed on the product photo
    mark_in_text: bool = True  # False: the brand is removed from the title/description (photo only)
    captured_at: dt.datetime = dt.datetime(2026, 2, 20, 9, 30, 5, tzinfo=dt.timezone.utc)
    photo_size: tuple[int, int] = (640, 640)
    remote_images: list[str] = field(default_factory=lambda: ["https://ae01.alicdn.com/kf/remote-banner.jpg"])
    scripts: bool = True
    related_ids: list[str] = field(default_factory=lambda: ["1005004444444444", "1005005555555555"])

    @property
    def market(self) -> str:
        return ScreenshotSpec(url=self.url).market

    @property
    def id_label(self) -> str:
        return THEMES.get(self.market, THEMES["aliexpress"])[3]

    @property
    def shown_title(self) -> str:
        if self.mark_in_text:
            return self.title
        return " ".join(w for w in self.title.split() if self.product_text.lower() not in w.lower())

    @property
    def origin(self) -> str:
        scheme, rest = self.url.split("://", 1)
        return f"{scheme}://{rest.split('/', 1)[0]}"

    @property
    def photo_url(self) -> str:
        return self.origin + PHOTO_PATH


def product_photo(spec: CaptureSpec) -> bytes:
    """The listing's main picture (JPEG), the brand printed on the product."""
    w, h = spec.photo_size
    img = Image.new("RGB", (w, h), (236, 233, 228))
    c = _Canvas(img, min(w, h) / 900)
    draw_product(c, (w / c.k - 860) / 2, 20, 860, 860, spec.product_text, "jacket")
    img = img.filter(ImageFilter.GaussianBlur(0.4))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=88)
    return buf.getvalue()


def page_screenshot(spec: CaptureSpec) -> bytes:
    """A PNG of the page as the capture tool's screenshot would show it."""
    from tests.factories.screenshots import render_listing_screenshot

    shot = ScreenshotSpec(
        url=spec.url,
        title=spec.shown_title,
        price=spec.price,
        seller=spec.seller,
        product_text=spec.product_text,
        shown_id=spec.shown_id,
    )
    buf = io.BytesIO()
    render_listing_screenshot(shot).save(buf, "PNG")
    return buf.getvalue()


def listing_html(spec: CaptureSpec, *, photo_src: str, singlefile: bool = False) -> str:
    e = html.escape
    scripts = ""
    if spec.scripts and not singlefile:  # SingleFile removes scripts
        scripts = (
            '<script src="https://assets.alicdn.com/g/ae-fe/detail.js"></script>\n'
            "<script>window.runParams = {data: {price: 0}};"
            "document.write('<p>Injected by script: FAKEBRAND 9999999999</p>');"
            "fetch('https://tracker.example.com/beacon');</script>\n"
        )
    remote = "\n".join(
        f'<img src="{e(u)}" width="1200" height="200" alt="banner">' for u in spec.remote_images
    )
    desc_brand = f"{spec.product_text} " if spec.mark_in_text else ""
    related = "\n".join(
        f'<li><a href="{e(spec.origin)}/item/{rid}.html">Hooded jacket, similar style</a> '
        f"<span>US $19.{i}9</span></li>"
        for i, rid in enumerate(spec.related_ids)
    )
    id_row = (
        f'<div class="product-id"><span class="label">{e(spec.id_label)}:</span> '
        f"<span>{e(spec.shown_id)}</span></div>"
        if spec.shown_id
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{e(spec.shown_title)} - {e(THEMES.get(spec.market, THEMES["aliexpress"])[1])}</title>
<link rel="canonical" href="{e(spec.url)}">
<meta property="og:url" content="{e(spec.url)}">
<style>.hidden-promo{{display:none}} body{{font-family:sans-serif}}</style>
{scripts}</head>
<body>
<header><nav><a href="/">Home</a> <a href="/cart">Cart</a> <a href="/account">Account</a></nav>
<form action="/search"><input name="q" placeholder="Search"></form></header>
<div class="breadcrumb"><a href="/c/men">Men's Clothing</a> ›
<a href="/c/jackets">Jackets &amp; Coats</a></div>
<main>
<div class="gallery"><img src="{e(photo_src)}" alt="product"
 width="{spec.photo_size[0]}" height="{spec.photo_size[1]}"></div>
<div class="info">
<h1 class="product-title">{e(spec.shown_title)}</h1>
<div class="price">{e(spec.price)}</div>
<div class="store">Sold by <a href="/store/1102345">{e(spec.seller)}</a></div>
{id_row}
<div class="hidden-promo">Hidden promotion text that a browser never shows</div>
<div hidden>Hidden element text</div>
<table class="specs">
<tr><th>Material</th><td>Polyester</td></tr>
<tr><th>Closure Type</th><td>Zipper</td></tr>
<tr><th>Origin</th><td>Mainland China</td></tr>
</table>
<dl class="shipping"><dt>Ships from</dt><dd>China</dd><dt>Delivery</dt><dd>Dec 12 - Dec 20</dd></dl>
</div>
<section class="description"><h2>Description</h2>
<p>{e(desc_brand)}waterproof hooded jacket with a windproof shell, two zip pockets and an adjustable hood.</p>
{remote}
</section>
<section class="related"><h2>Similar items</h2><ul>
{related}
</ul></section>
</main>
<footer><p>© 2010-2026 Marketplace. All rights reserved.</p></footer>
</body></html>
"""


def make_mhtml(spec: CaptureSpec, path: str | Path) -> Path:
    path = Path(path)
    msg = MIMEMultipart(
        "related", type="text/html", boundary="----MultipartBoundary--7d9cX3kQ2mLrA1sFqY0p----"
    )
    del msg["MIME-Version"]
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = spec.url
    msg["Subject"] = spec.shown_title
    msg["Date"] = email.utils.format_datetime(spec.captured_at.astimezone(dt.timezone.utc))
    msg["MIME-Version"] = "1.0"
    qp = Charset("utf-8")
    qp.body_encoding = QP  # Chrome writes the page quoted-printable
    root = MIMEText(listing_html(spec, photo_src=spec.photo_url), "html", qp)
    root["Content-ID"] = "<frame-8C4F2A1D9E7B6A5C3F1E0D9C8B7A6F5E@mhtml.blink>"
    root["Content-Location"] = spec.url
    msg.attach(root)
    photo = MIMEImage(product_photo(spec), "jpeg")
    photo["Content-Location"] = spec.photo_url
    msg.attach(photo)
    css = MIMEText("body{font-family:sans-serif}", "css", "utf-8")
    css["Content-Location"] = spec.origin + "/styles/detail.css"
    msg.attach(css)
    path.write_bytes(msg.as_bytes())
    return path


def make_singlefile_html(spec: CaptureSpec, path: str | Path) -> Path:
    path = Path(path)
    photo = "data:image/jpeg;base64," + base64.b64encode(product_photo(spec)).decode("ascii")
    saved = spec.captured_at.astimezone(dt.timezone.utc).strftime(
        "%a %b %d %Y %H:%M:%S GMT+0000 (Coordinated Universal Time)"
    )
    body = listing_html(spec, photo_src=photo, singlefile=True)
    head, rest = body.split("\n", 1)
    comment = f"\n<!--\n Page saved with SingleFile \n url: {spec.url} \n saved date: {saved}\n-->"
    html_doc = head + rest.replace('<html lang="en">', '<html lang="en">' + comment, 1)
    path.write_text(html_doc, encoding="utf-8")
    return path


def warc_bytes(spec: CaptureSpec, *, gz: bool = True, screenshot: bool = False) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    when = spec.captured_at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def headers(extra: dict[str, str] | None = None) -> dict[str, str]:
        out = {"WARC-Date": when}
        out.update(extra or {})
        return out

    info = writer.create_warcinfo_record(
        "data.warc.gz", {"software": "ArchiveWeb.page 0.12", "format": "WARC File Format 1.1"}
    )
    info.rec_headers.replace_header("WARC-Date", when)
    _write(writer, info)
    page = listing_html(spec, photo_src=spec.photo_url).encode("utf-8")
    for uri, payload, content_type in (
        (spec.url, page, "text/html; charset=utf-8"),
        (spec.photo_url, product_photo(spec), "image/jpeg"),
    ):
        req = StatusAndHeaders(
            f"GET /{uri.split('/', 3)[3] if uri.count('/') >= 3 else ''} HTTP/1.1",
            [("Host", spec.origin.split("//")[1]), ("User-Agent", "Mozilla/5.0")],
            is_http_request=True,
        )
        _write(
            writer, writer.create_warc_record(uri, "request", http_headers=req, warc_headers_dict=headers())
        )
        resp = StatusAndHeaders(
            "200 OK",
            [("Content-Type", content_type), ("Content-Length", str(len(payload)))],
            protocol="HTTP/1.1",
        )
        _write(
            writer,
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), http_headers=resp, warc_headers_dict=headers()
            ),
        )
    if screenshot:
        png = page_screenshot(spec)
        _write(
            writer,
            writer.create_warc_record(
                f"urn:screenshot:{spec.url}",
                "resource",
                payload=io.BytesIO(png),
                warc_content_type="image/png",
                warc_headers_dict=headers(),
            ),
        )
    return buf.getvalue()


def _write(writer: object, record: object) -> None:
    """Write a record and close the temporary buffer warcio may have made for it."""
    writer.write_record(record)  # type: ignore[attr-defined]
    stream = getattr(record, "raw_stream", None)
    if stream is not None:
        stream.close()


def make_warc(
    spec: CaptureSpec, path: str | Path, *, gz: bool | None = None, screenshot: bool = False
) -> Path:
    path = Path(path)
    gz = path.name.endswith(".gz") if gz is None else gz
    path.write_bytes(warc_bytes(spec, gz=gz, screenshot=screenshot))
    return path


def make_wacz(
    spec: CaptureSpec,
    path: str | Path,
    *,
    sign: bool = False,
    screenshot: bool = True,
    tamper_after_signing: bool = False,
) -> Path:
    path = Path(path)
    warc = warc_bytes(spec, gz=True, screenshot=screenshot)
    when = spec.captured_at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    pages = (
        json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"})
        + "\n"
        + json.dumps({"id": "3k9x1", "url": spec.url, "ts": when, "title": spec.shown_title})
        + "\n"
    ).encode()
    cdx = json.dumps({"url": spec.url, "mime": "text/html", "status": "200"})
    cdx = f"com,aliexpress)/item/x {when} {cdx}\n".encode()
    members = {"archive/data.warc.gz": warc, "pages/pages.jsonl": pages, "indexes/index.cdx": cdx}
    package = {
        "profile": "data-package",
        "resources": [
            {
                "name": Path(n).name,
                "path": n,
                "hash": "sha256:" + hashlib.sha256(d).hexdigest(),
                "bytes": len(d),
            }
            for n, d in members.items()
        ],
        "wacz_version": "1.1.1",
        "software": "ArchiveWeb.page 0.12.8",
        "created": when,
        "title": "Listing capture",
    }
    package_bytes = json.dumps(package, indent=2).encode()
    digest = None
    if sign:
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

        key = ec.generate_private_key(ec.SECP384R1())
        hash_text = "sha256:" + hashlib.sha256(package_bytes).hexdigest()
        r, s = decode_dss_signature(key.sign(hash_text.encode(), ec.ECDSA(hashes.SHA256())))
        raw = r.to_bytes(48, "big") + s.to_bytes(48, "big")  # WebCrypto's r||s
        spki = key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        digest = {
            "path": "datapackage.json",
            "hash": hash_text,
            "signedData": {
                "hash": hash_text,
                "created": when,
                "software": "ArchiveWeb.page 0.12.8",
                "signature": base64.b64encode(raw).decode(),
                "publicKey": base64.b64encode(spki).decode(),
            },
        }
    if tamper_after_signing:
        members["pages/pages.jsonl"] = pages.replace(b"All Pages", b"All pages")
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            method = zipfile.ZIP_STORED if name.endswith(".gz") else zipfile.ZIP_DEFLATED
            zf.writestr(zipfile.ZipInfo(name, (2026, 2, 20, 9, 30, 6)), data, compress_type=method)
        zf.writestr("datapackage.json", package_bytes)
        if digest is not None:
            zf.writestr("datapackage-digest.json", json.dumps(digest))
    return path


def make_capture(kind: str, spec: CaptureSpec, folder: str | Path, stem: str = "listing") -> Path:
    """One capture of ``spec`` in ``folder`` as ``kind`` (mhtml, html, warc, warc.gz, wacz)."""
    folder = Path(folder)
    if kind == "mhtml":
        return make_mhtml(spec, folder / f"{stem}.mhtml")
    if kind == "html":
        return make_singlefile_html(spec, folder / f"{stem}.html")
    if kind in ("warc", "warc.gz"):
        return make_warc(spec, folder / f"{stem}.{kind}")
    if kind == "wacz":
        return make_wacz(spec, folder / f"{stem}.wacz")
    raise ValueError(kind)


def capture_case(
    root: Path,
    kind: str,
    spec: CaptureSpec,
    *,
    filing: str = "2026-03-01",
    name: str = "case",
    listing_url: str = "https://www.aliexpress.com/item/1005006123456789.html",
) -> Path:
    """A case folder (case.toml, a text-PDF KESTRELINE certificate) whose listing evidence is one capture."""
    folder = root / name
    files = folder / "files"
    files.mkdir(parents=True)
    from tests.factories.certificates import CertificateSpec, make_certificate_pdf

    make_certificate_pdf(CertificateSpec(), files / "certificate.pdf")
    capture = make_capture(kind, spec, files)
    (folder / "case.toml").write_text(
        f'filing_date = "{filing}"\n'
        '[complainant]\nname = "Kestreline Apparel Inc."\n'
        '[[rights]]\noffice = "USPTO"\nregistration_number = "6,123,456"\nmark = "KESTRELINE"\n'
        'owner = "Kestreline Apparel Inc."\nclasses = [25]\ncertificate = "files/certificate.pdf"\n'
        f'[[listings]]\nurl = "{listing_url}"\n'
        f'screenshots = ["files/{capture.name}"]\n',
        encoding="utf-8",
    )
    return folder


CAPTURE_KINDS = ("mhtml", "html", "warc", "warc.gz", "wacz")
