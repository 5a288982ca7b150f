"""The evidence viewer: screenshots and PDF pages with zoom, OCR text on demand, highlighted regions.

Images are decoded and PDF pages rendered (QtPdf) on a worker; the GUI thread only wraps the result.
Boxes arrive in the page's own units (image pixels, PDF points, origin top-left) and are scaled here.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QImageReader, QPainter, QPen, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.model import EvidenceFile
from desktop_app.core.progress import CancelToken, ProgressFn
from desktop_app.core.reading.captures import MEDIA_TYPES as CAPTURE_TYPES
from desktop_app.gui.context import AppContext, has_feature

PDF_RENDER_SCALE = 2.0  # pixels per PDF point: sharp enough to zoom in on a certificate
READABLE_BOX_HEIGHT = 36.0  # on-screen pixels a highlighted line of text is zoomed to
MAX_ZOOM = 6.0

_QTPDF_LOCK = threading.Lock()


@dataclass(frozen=True)
class Highlight:
    box: tuple[float, float, float, float]
    label: str = ""
    colour: str = "#e53935"


@dataclass(frozen=True)
class Rendered:
    sha256: str
    page: int
    pages: int
    image: QImage
    scale: float  # scene pixels per box unit


def render_evidence(path: str, is_pdf: bool, sha256: str, page: int, capture: str = "") -> Rendered:
    """Decode an image or render one PDF page to a QImage (safe off the GUI thread). ``capture``: the
    media type of a web capture, shown as the text read from it and the pictures inside it."""
    if capture:
        import io

        from desktop_app.core.reading.captures.preview import preview_page

        img, count = preview_page(path, page, capture)
        buf = io.BytesIO()
        img.save(buf, "PNG")
        image = _display_ready(QImage.fromData(buf.getvalue()))
        return Rendered(sha256, min(max(page, 1), count), count, image, 1.0)
    if is_pdf:
        with _QTPDF_LOCK:  # QtPdf's pdfium is not thread-safe: two viewers rendering at once crash
            # imported under the lock too: shiboken builds QtPdf's types lazily, and two threads doing it at
            # once crashed (a segfault in the GUI tests)
            from PySide6.QtPdf import QPdfDocument

            doc = QPdfDocument()
            doc.load(path)
            count = doc.pageCount()
            if count <= 0:
                raise ValueError(f"{path}: the PDF could not be rendered")
            page = min(max(page, 1), count)
            size = doc.pagePointSize(page - 1)
            image = doc.render(
                page - 1,
                QSize(round(size.width() * PDF_RENDER_SCALE), round(size.height() * PDF_RENDER_SCALE)),
            )
            doc.close()
        return Rendered(sha256, page, count, _display_ready(image), PDF_RENDER_SCALE)
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        raise ValueError(f"{path}: the image could not be decoded ({reader.errorString()})")
    return Rendered(sha256, 1, 1, _display_ready(image), 1.0)


def _display_ready(image: QImage) -> QImage:
    """The image in the pixel format the screen's pixmaps use, converted here on the worker thread:
    ``QPixmap.fromImage`` on the GUI thread then copies it instead of converting a large screenshot
    pixel by pixel (20-40 ms with the window waiting)."""
    wanted = (
        QImage.Format.Format_ARGB32_Premultiplied if image.hasAlphaChannel() else QImage.Format.Format_RGB32
    )
    return image if image.format() == wanted else image.convertToFormat(wanted)


class _View(QGraphicsView):
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.25 if event.angleDelta().y() > 0 else 0.8
            self.scale(factor, factor)
            event.accept()
        else:
            super().wheelEvent(event)


class EvidenceViewer(QWidget):
    loaded = Signal(str)  # sha256 of the file now shown
    ocr_loaded = Signal(str)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.file: EvidenceFile | None = None
        self.page = 1
        self.pages = 1
        self.scale_factor = 1.0
        self.highlights: list[Highlight] = []
        self._ocr: dict[str, object] = {}  # sha256 -> DocumentText
        self._render_task = None
        self.scene = QGraphicsScene(self)
        self.view = _View(self.scene, self)
        self.view.setAccessibleName(self.tr("Evidence"))
        self.view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.title = QLabel(self.tr("No file shown"), self)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.page_spin = QSpinBox(self)
        self.page_spin.setAccessibleName(self.tr("Page"))
        self.page_spin.setPrefix(self.tr("Page "))
        self.page_spin.setMinimum(1)
        self.page_spin.valueChanged.connect(self._page_changed)
        self.zoom_in = self._tool("+", self.tr("Zoom in"), lambda: self.view.scale(1.25, 1.25))
        self.zoom_out = self._tool("−", self.tr("Zoom out"), lambda: self.view.scale(0.8, 0.8))
        self.fit = self._tool("⤢", self.tr("Fit to window"), self.fit_to_window)
        self.ocr_toggle = QCheckBox(self.tr("Show OCR text"), self)
        self.ocr_toggle.setAccessibleName(self.tr("Show OCR text"))
        self.ocr_toggle.toggled.connect(self._toggle_ocr)
        if not has_feature("reading"):
            self.ocr_toggle.setEnabled(False)
            self.ocr_toggle.setToolTip(self.tr("The OCR reader is not installed in this build."))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.ocr_pane = QPlainTextEdit(self)
        self.ocr_pane.setObjectName("ocr_text")
        self.ocr_pane.setAccessibleName(self.tr("Text read from the shown page"))
        self.ocr_pane.setReadOnly(True)
        self.ocr_pane.setVisible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.ocr_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        for w in (self.page_spin, self.zoom_out, self.zoom_in, self.fit, self.ocr_toggle):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        self._update_controls()

    def _tool(self, text: str, name: str, slot) -> QToolButton:  # noqa: ANN001
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    def _update_controls(self) -> None:
        self.page_spin.setVisible(self.pages > 1)
        for w in (self.zoom_in, self.zoom_out, self.fit):
            w.setEnabled(self.file is not None)

    # -- showing ---------------------------------------------------------------------------------

    def show_file(self, f: EvidenceFile, page: int | None = None, highlights: list[Highlight] | None = None):  # noqa: ANN201
        """Show ``f`` (page ``page`` of a PDF) with ``highlights``; returns the render Task."""
        self.file = f
        self.page = page or 1
        self.highlights = list(highlights or [])
        self.title.setText(f.original_name)
        self.status.setText(self.tr("Loading…"))
        path, is_pdf, sha, wanted = str(self.ctx.store.files.path(f)), f.is_pdf, f.sha256, self.page
        if self._render_task is not None:
            self._render_task.cancel()

        capture = f.media_type if f.media_type in CAPTURE_TYPES else ""

        def work(_progress: ProgressFn, _cancel: CancelToken) -> Rendered:
            return render_evidence(path, is_pdf, sha, wanted, capture)

        task = self.ctx.runner.start(work, self.tr("Rendering"))
        task.signals.succeeded.connect(self._rendered)
        task.signals.failed.connect(self._failed)
        self._render_task = task
        return task

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        self.failed.emit(message)

    def _rendered(self, result: Rendered) -> None:
        if self.file is None or result.sha256 != self.file.sha256 or result.page != self.page:
            return  # a newer request superseded this one
        self.scale_factor = result.scale
        self.pages = result.pages
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(result.pages)
        self.page_spin.setValue(result.page)
        self.page_spin.blockSignals(False)
        self.scene.clear()
        pixmap = QPixmap.fromImage(result.image)
        self.scene.addPixmap(pixmap)
        self.scene.setSceneRect(QRectF(pixmap.rect()))
        self._draw_overlays()
        self.status.setText(
            self.tr("Page %1 of %2").replace("%1", str(result.page)).replace("%2", str(result.pages))
            if result.pages > 1
            else ""
        )
        self._update_controls()
        if self.highlights:
            self.zoom_to(self.highlights[0].box)
        else:
            self.fit_to_window()
        self.loaded.emit(result.sha256)

    def _page_changed(self, page: int) -> None:
        if self.file is not None and page != self.page:
            self.show_file(self.file, page, [])

    def zoom_to(self, box: tuple[float, float, float, float]) -> float:
        """Centre ``box`` at a scale where its text is readable (never smaller than fit-to-window);
        returns the view scale."""
        rect = self._rect(box)
        viewport = self.view.viewport().size()
        scene = self.scene.sceneRect()
        if rect.isEmpty() or scene.isEmpty() or viewport.isEmpty():
            self.fit_to_window()
            return self.view.transform().m11()
        fit = min(viewport.width() / scene.width(), viewport.height() / scene.height())
        readable = READABLE_BOX_HEIGHT / rect.height()
        whole = 0.9 * viewport.width() / rect.width()  # the whole box stays in view
        scale = max(fit, min(readable, whole, MAX_ZOOM))
        self.view.resetTransform()
        self.view.scale(scale, scale)
        self.view.centerOn(rect.center())
        return scale

    def visible_scene_rect(self) -> QRectF:
        return self.view.mapToScene(self.view.viewport().rect()).boundingRect()

    def drop_files(self, sha256s: set[str]) -> None:
        """Files removed from the case: stop showing them."""
        if self.file is not None and self.file.sha256 in sha256s:
            self.clear()

    def fit_to_window(self) -> None:
        if not self.scene.sceneRect().isEmpty():
            self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def highlight_items(self) -> list[QGraphicsRectItem]:
        return [
            i for i in self.scene.items() if isinstance(i, QGraphicsRectItem) and i.data(0) == "highlight"
        ]

    def _rect(self, box: tuple[float, float, float, float]) -> QRectF:
        s = self.scale_factor
        x0, y0, x1, y1 = box
        return QRectF(x0 * s, y0 * s, (x1 - x0) * s, (y1 - y0) * s)

    def _draw_overlays(self) -> None:
        for h in self.highlights:
            colour = QColor(h.colour)
            fill = QColor(colour)
            fill.setAlpha(50)
            item = self.scene.addRect(self._rect(h.box).adjusted(-3, -3, 3, 3), QPen(colour, 3), QBrush(fill))
            item.setData(0, "highlight")
            item.setToolTip(h.label)
        if self.ocr_toggle.isChecked() and self.file is not None and self.file.sha256 in self._ocr:
            self._draw_ocr(self._ocr[self.file.sha256])

    # -- OCR overlay -----------------------------------------------------------------------------

    def _toggle_ocr(self, on: bool) -> None:
        if self.file is None:
            return
        if not on:
            for item in self.scene.items():
                if item.data(0) == "ocr":
                    self.scene.removeItem(item)
            self.ocr_pane.setVisible(False)
            return
        if self.file.sha256 in self._ocr:
            self._draw_ocr(self._ocr[self.file.sha256])
            return
        self.read_text()

    def read_text(self):  # noqa: ANN201
        """Read the shown file's text (cached by the core reader) in the background, then overlay it."""
        f, ctx = self.file, self.ctx
        if f is None:
            return None

        def work(progress: ProgressFn, cancel: CancelToken) -> object:
            from desktop_app.core.reading.service import read_document

            with ctx.worker_store() as store:
                return read_document(store, f, progress=progress, cancel=cancel)

        self.status.setText(self.tr("Reading text…"))
        task = ctx.runner.start(work, self.tr("Reading text"))
        task.signals.succeeded.connect(self._ocr_done)
        task.signals.failed.connect(self._failed)
        return task

    def _ocr_done(self, doc) -> None:  # noqa: ANN001 - DocumentText
        self._ocr[doc.sha256] = doc
        self.status.setText(doc.message if not doc.ok else "")
        if self.file is not None and doc.sha256 == self.file.sha256 and self.ocr_toggle.isChecked():
            self._draw_ocr(doc)
        self.ocr_loaded.emit(doc.sha256)

    def _draw_ocr(self, doc) -> None:  # noqa: ANN001
        """Outline each line read (the pixels stay visible) and list the text beside the page."""
        pen = QPen(QColor("#1e88e5"), 1)
        lines = []
        for line in doc.lines():
            if line.page != self.page:
                continue
            box = self.scene.addRect(
                self._rect(doc.stored_box(line.page, line.box)), pen, QBrush(Qt.BrushStyle.NoBrush)
            )
            box.setData(0, "ocr")
            box.setToolTip(f"{line.text} ({line.confidence:.0%})")
            lines.append(f"{line.text}    ({line.confidence:.0%})")
        self.ocr_pane.setPlainText("\n".join(lines) or self.tr("No text was read on this page."))
        self.ocr_pane.setVisible(True)

    def ocr_items(self) -> list[QGraphicsRectItem]:
        return [i for i in self.scene.items() if isinstance(i, QGraphicsRectItem) and i.data(0) == "ocr"]

    def clear(self) -> None:
        self.file = None
        self.highlights = []
        self.scene.clear()
        self.scene.setSceneRect(QRectF())
        self.ocr_pane.clear()
        self.title.setText(self.tr("No file shown"))
        self.status.clear()
        self._update_controls()
