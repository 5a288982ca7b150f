"""Edit one listing in place: its address (re-parsed for marketplace and id), title and seller."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop_app.core.model import Listing


class ListingDialog(QDialog):
    """The listing is changed only on OK, and only when its address parses; the checks then re-run."""

    def __init__(self, listing: Listing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.listing = listing
        self.setWindowTitle(self.tr("Edit listing"))
        self.setMinimumWidth(620)
        self.url = QLineEdit(listing.url, self)
        self.url.setObjectName("listing_url")
        self.url.setAccessibleName(self.tr("Listing URL"))
        self.url.textChanged.connect(self._parse)
        self.title = QLineEdit(listing.title, self)
        self.title.setAccessibleName(self.tr("Listing title"))
        self.title.setPlaceholderText(self.tr("As shown on the listing (optional)"))
        self.seller = QLineEdit(listing.seller, self)
        self.seller.setAccessibleName(self.tr("Seller"))
        self.seller.setPlaceholderText(self.tr("Shop or seller name (optional)"))
        self.parsed = QLabel(self)
        self.parsed.setWordWrap(True)
        self.parsed.setObjectName("listing_parsed")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("URL"), self.url)
        form.addRow("", self.parsed)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Seller"), self.seller)
        form.addRow(self.buttons)
        self._ref = None
        self._parse()

    def _parse(self) -> None:
        from desktop_app.core.reading.listing_urls import parse_listing_url
        from desktop_app.gui.names import marketplace_name

        ref = parse_listing_url(self.url.text().strip())
        self._ref = ref
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(ref.ok)
        if ref.ok:
            self.parsed.setStyleSheet("")
            self.parsed.setText(
                self.tr("%1 listing %2")
                .replace("%1", marketplace_name(ref.marketplace))
                .replace("%2", ref.listing_id)
            )
        else:
            self.parsed.setStyleSheet("color: #c62828;")
            from desktop_app.gui.messages import listing_url_text

            self.parsed.setText(listing_url_text(ref))

    def accept(self) -> None:
        ref = self._ref
        if ref is None or not ref.ok:
            return
        x = self.listing
        x.url, x.marketplace, x.listing_id = ref.url, ref.marketplace, ref.listing_id
        x.title, x.seller = self.title.text().strip(), self.seller.text().strip()
        super().accept()
