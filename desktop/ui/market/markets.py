"""The Markets dock wired to its feed and to the person's settings: base currency, watchlist and
converter pair are kept; figures are read and refreshed off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.tasks import Runner
from desktop.ui.market.market_dock import MarketDock
from desktop.ui.market.market_feed import STARTUP_DELAY, MarketFeed

if TYPE_CHECKING:
    from desktop.operations.market import MarketReport
    from desktop.operations.market_view import MarketView

SUMMARY_MS = 8000


class Markets(QObject):
    """Feeds the dock and keeps what the person chooses in it.

    Signals:
        settings_chosen(object): new ``Settings`` to keep (base, watchlist or converter pair).
        message(str): a sentence for the status bar, such as how a refresh went.
        preferences_requested(): the person asked where to enter a quote provider's key.
    """

    settings_chosen = Signal(object)
    message = Signal(str)
    preferences_requested = Signal()

    def __init__(
        self,
        dock: MarketDock,
        runner: Runner,
        paths: AppPaths,
        settings: Callable[[], Settings],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._dock = dock
        self._paths = paths
        self._settings = settings
        self._asked_by_hand = False
        self._runner = runner
        self.has_quotes_key = False
        self.feed = MarketFeed(runner, paths.config, lambda: settings().watched_symbols, self)
        chosen = settings()
        dock.set_watchlist(chosen.watched_currencies, chosen.watched_symbols)
        dock.set_converter_pair(chosen.convert_from, chosen.convert_to)
        dock.base_changed.connect(lambda code: self._keep(base_currency=code))
        dock.watchlist_changed.connect(
            lambda currencies, symbols: self._keep(
                watched_currencies=currencies, watched_symbols=symbols
            )
        )
        dock.pair_changed.connect(
            lambda source, target: self._keep(convert_from=source, convert_to=target)
        )
        dock.refresh_requested.connect(self.refresh)
        dock.preferences_requested.connect(self.preferences_requested)
        self.feed.loaded.connect(self._on_loaded)
        self.feed.refresh_started.connect(lambda: dock.set_refreshing(True))
        self.feed.refresh_finished.connect(self._on_refresh_finished)
        self.feed.refresh_failed.connect(self._on_refresh_failed)

    def load(self) -> None:
        """Read the figures again and show them."""
        self.feed.load()

    def start(self, automatic: bool) -> None:
        """After the first paint: show the figures, and refresh on schedule if ``automatic``."""
        self.feed.set_automatic(automatic, delay=STARTUP_DELAY)
        self.feed.load()

    def set_automatic(self, automatic: bool) -> None:
        """Refresh on each provider's timetable, or only by hand."""
        self.feed.set_automatic(automatic)

    def refresh(self) -> None:
        """Fetch the latest figures from every provider, as the person asked."""
        if self.feed.refresh():
            self._asked_by_hand = True
            self.message.emit("Refreshing market figures…")

    def save_key(self, key: str | None) -> None:
        """Keep a new quote provider key ("" removes it; None leaves it), off the UI thread as
        the keyring may ask to be unlocked; then ask the provider again."""
        if key is None:
            return
        from desktop.credentials import QUOTES_API_KEY, forget_secret, save_secret

        config = self._paths.config

        def keep(_connection: object) -> str:
            if not key:
                forget_secret(QUOTES_API_KEY, config)
                return "The Finnhub key is removed; stock quotes are no longer live."
            return f"The Finnhub key is kept {save_secret(QUOTES_API_KEY, key, config)}."

        self._runner.read(keep, self._on_key_saved, self._on_key_failed)

    def _on_key_saved(self, sentence: str) -> None:
        self.message.emit(sentence)
        self.feed.key_changed()
        self.feed.load()

    def _on_key_failed(self, error: BaseException) -> None:
        self.message.emit(f"The Finnhub key could not be kept ({error}).")

    def stop(self) -> None:
        """Stop refreshing: the window is closing."""
        self.feed.stop()

    def _keep(self, **changes: object) -> None:
        self.settings_chosen.emit(replace(self._settings(), **changes))  # type: ignore[arg-type]

    def _on_loaded(self, view: MarketView) -> None:
        from desktop.market import names

        names.remember_names_in(self._paths.currency_names)
        self._dock.show_market(
            view.rates,
            view.quotes,
            self._settings().base_currency,
            datetime.now(UTC),
            rate_history=view.rate_history,
            quote_history=view.quote_history,
            statuses=view.statuses,
        )
        self.has_quotes_key = view.has_quotes_key
        self._dock.set_quotes_need_key(bool(view.quotes) and not view.has_quotes_key)
        names.save_remembered_names()

    def _on_refresh_finished(self, report: MarketReport) -> None:
        from desktop.operations.market import summary

        self._dock.set_refreshing(False)
        if self._asked_by_hand or report.failed:
            self.message.emit(summary(report))
        self._asked_by_hand = False

    def _on_refresh_failed(self, sentence: str) -> None:
        self._dock.set_refreshing(False)
        self._asked_by_hand = False
        self.message.emit(sentence)
