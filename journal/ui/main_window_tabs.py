"""The four tabs of the unlocked window and the views inside them.

Views are built from the open Journal and thrown away on lock (``flush()`` first, then
``deleteLater``), so nothing decrypted outlives the key. Each view module is imported when the
tabs are first built, not at start-up, so the unlock window appears quickly; the Trends view
imports matplotlib only when it is shown.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from journal.store.journal import Journal

log = logging.getLogger(__name__)


class TabSpec(NamedTuple):  # not a dataclass: see theme.Colours
    title: str
    module: str
    class_name: str
    shortcut: str


TABS = (
    TabSpec("Today", "journal.ui.today_view", "TodayView", "Ctrl+1"),
    TabSpec("Journal", "journal.ui.journal_view", "JournalView", "Ctrl+2"),
    TabSpec("Trends", "journal.ui.trends_view", "TrendsView", "Ctrl+3"),
    TabSpec("Insights", "journal.ui.insights_view", "InsightsView", "Ctrl+4"),
)
TODAY, JOURNAL, TRENDS, INSIGHTS = range(len(TABS))


#: Imported ahead by :func:`preload_next`: the store (not loaded to show the unlock screen), what
#: the Today view needs beyond its own module (its cup-action catalogue comes from the insights
#: package), and the view itself.
PRELOAD = ("journal.store.journal", "journal.insights", TABS[TODAY].module)


def preload_next(done: int) -> bool:
    """Import the ``done``-th module of :data:`PRELOAD`; False when there is nothing left.

    Called on the UI thread, one module per event-loop turn, while the unlock screen waits for
    the passphrase, so unlocking does not pay for it. Never from a worker: PySide6's import hook
    is not thread-safe (importing Qt modules in a thread crashed the process in testing).
    """
    if done >= len(PRELOAD):
        return False
    try:
        importlib.import_module(PRELOAD[done])
    except ImportError:
        log.warning("could not preload %s", PRELOAD[done])
    return True


class UnavailableView(QWidget):
    """Stands in for a view whose module could not be loaded, saying so plainly."""

    def __init__(self, title: str, reason: str, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # not at import: the unlock window paints without it

        super().__init__(parent)
        label = QLabel(f"The {title} view could not be loaded in this build.\n({reason})")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setProperty("role", "muted")
        QVBoxLayout(self).addWidget(label)

    def flush(self) -> None:
        """Nothing to save."""


def load_view_class(spec: TabSpec) -> type[QWidget] | str:
    """The view class, or why it could not be imported."""
    try:
        module = importlib.import_module(spec.module)
        return getattr(module, spec.class_name)  # type: ignore[no-any-return]
    except (ImportError, AttributeError) as exc:
        log.warning("view %s unavailable: %s", spec.class_name, type(exc).__name__)
        return f"{type(exc).__name__}: {exc}"


class MainTabs(QTabWidget):
    """The tab widget for one unlocked session.

    A view is built the first time its tab is shown, so unlocking pays only for Today: the
    Journal list, the charts and the insights are computed when the person goes there.
    """

    status = Signal(str)
    support_requested = Signal()  # a view's crisis banner or support link was used

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setDocumentMode(True)
        self.setAccessibleName("Sections")
        self._views: list[QWidget | None] = [None] * len(TABS)
        for index, spec in enumerate(TABS):
            holder = QWidget(self)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.addTab(holder, spec.title)
            self.setTabToolTip(index, f"{spec.title} ({spec.shortcut})")
        self.view(TODAY)
        self.currentChanged.connect(self.view)

    # ----------------------------------------------------------------- views
    @property
    def views(self) -> list[QWidget]:
        """The views built so far, in tab order."""
        return [view for view in self._views if view is not None]

    def view(self, index: int) -> QWidget:
        """The view of tab ``index``, built now if it was not yet."""
        existing = self._views[index]
        if existing is not None:
            return existing
        spec = TABS[index]
        holder = self.widget(index)
        view = self._build(spec, self.journal, holder)
        holder.layout().addWidget(view)
        self._views[index] = view
        if index == JOURNAL and hasattr(view, "open_entry"):
            view.open_entry.connect(self._open_entry)  # type: ignore[attr-defined]
        return view

    def _build(self, spec: TabSpec, journal: Journal, holder: QWidget) -> QWidget:
        cls = load_view_class(spec)
        if isinstance(cls, str):
            return UnavailableView(spec.title, cls, holder)
        view = cls(journal, holder)
        signal = getattr(view, "status", None)
        if signal is not None:
            signal.connect(self.status)
        support = getattr(view, "support_requested", None)
        if support is not None:
            support.connect(self.support_requested)
        return view

    # ------------------------------------------------------------- navigation
    @property
    def today(self) -> QWidget:
        return self.view(TODAY)

    def current_date(self) -> dt.date | None:
        """The date the Today view is showing, if it says."""
        for name in ("current_date", "date"):
            value = getattr(self.today, name, None)
            value = value() if callable(value) else value
            if isinstance(value, dt.date):
                return value
            if isinstance(value, str):
                try:
                    return dt.date.fromisoformat(value)
                except ValueError:
                    continue
        return None

    def restore_place(self, index: int, date: dt.date | None) -> None:
        """Go back to where the person was before a lock."""
        if date is not None and hasattr(self.today, "set_date"):
            self.today.set_date(date)  # type: ignore[attr-defined]
        self.setCurrentIndex(max(0, min(index, self.count() - 1)))

    def _open_entry(self, entry_id: int, date: str) -> None:
        """The Journal list asked to open an entry: edit it on its day in Today."""
        today = self.today
        if hasattr(today, "set_date"):
            today.set_date(dt.date.fromisoformat(date))  # type: ignore[attr-defined]
        opener: Callable[[int], None] | None = getattr(today, "open_entry", None)
        if callable(opener):
            opener(entry_id)
        self.setCurrentIndex(TODAY)

    def focus_search(self) -> None:
        self.setCurrentIndex(JOURNAL)
        focus = getattr(self.view(JOURNAL), "focus_search", None)
        if callable(focus):
            focus()

    # -------------------------------------------------------------- tear-down
    def flush_all(self) -> list[str]:
        """Ask every built view to save what is pending; returns the views that failed."""
        failed = []
        for spec, view in zip(TABS, self._views, strict=True):
            flush = getattr(view, "flush", None)
            if not callable(flush):
                continue
            try:
                flush()
            except Exception as exc:  # a failing view must not stop the lock
                log.error("%s could not save its draft: %s", spec.title, type(exc).__name__)
                failed.append(spec.title)
        return failed

    def discard(self) -> None:
        """Delete every view (and with them their undo stacks and decrypted text)."""
        self.currentChanged.disconnect(self.view)
        while self.count():
            holder = self.widget(0)
            self.removeTab(0)
            holder.hide()
            holder.deleteLater()
        self._views = [None] * len(TABS)
