"""The Markets panel's content: stock quotes and currency rates rebased on the person's currency,
each with a sparkline of its history, a watchlist pinned to the top, a converter, and a footer
saying how fresh the figures are and what went wrong with a provider.

Built the first time there are figures to show (see ``market_dock``), after the window's first
paint, so neither its tables nor babel's locale data delay the start.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QPoint, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import ProviderStatus, Quote, Rate
from desktop.market.rates import UnknownCurrencyError
from desktop.ui.market.market_controls import (
    REFRESH_TIP,
    base_box,
    filter_box,
    offer_bases,
    refresh_button,
    row_key,
    row_menu,
)
from desktop.ui.market.market_converter import Converter
from desktop.ui.market.market_dock import least_width
from desktop.ui.market.market_figures import ShownFigures
from desktop.ui.market.market_footer import EMPTY_TEXT, ERAPI, status_line
from desktop.ui.market.market_labels import (
    heading,
    link_label,
    muted_label,
    recolour_links,
    section,
    splitter,
)
from desktop.ui.market.market_models import CurrencyTableModel, QuoteTableModel
from desktop.ui.market.market_proxy import figures_proxy
from desktop.ui.market.market_tables import CURRENCY_COLUMNS, QUOTE_COLUMNS, figures_table

# ExchangeRate-API's terms ask for this attribution, with a link, wherever its rates are shown.
ERAPI_ATTRIBUTION = '<a href="https://www.exchangerate-api.com">Rates By Exchange Rate API</a>'
KEY_NOTE = (
    'Stock quotes are not live. <a href="preferences">Add a free Finnhub API key</a> '
    "in Preferences to get them."
)
PREFERRED_WIDTH = 400


class MarketPanel(QWidget):
    """Quotes and rates, a base currency to pick, a filter, a converter and a refresh button.

    Signals:
        base_changed(str): the person picked another base currency; carries its ISO code.
        watchlist_changed(object, object): the watched currencies and symbols, as tuples, after
            the person pinned or unpinned one.
        refresh_requested(): the person asked for the latest figures.
        preferences_requested(): the person followed the link to enter a quote provider's key.
    """

    base_changed = Signal(str)
    watchlist_changed = Signal(object, object)
    refresh_requested = Signal()
    preferences_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._figures = ShownFigures()
        self._watched: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        self._refreshing = False
        self._quotes_need_key = False
        self._asked_base: str | None = None
        self._quote_model = QuoteTableModel(self)
        self._currency_model = CurrencyTableModel(self)
        self._quote_proxy = figures_proxy(self._quote_model, self)
        self._currency_proxy = figures_proxy(self._currency_model, self)
        self._build()

    def show_market(
        self,
        rates: Sequence[Rate],
        quotes: Sequence[Quote],
        base: str,
        now: datetime | None = None,
        *,
        rate_history: Sequence[Rate] = (),
        quote_history: Sequence[Quote] = (),
        statuses: Mapping[str, ProviderStatus] | None = None,
    ) -> None:
        """Show these figures, rates against ``base`` (or their own base if none reaches it),
        with sparklines from their history and a footer from the providers' statuses."""
        figures = ShownFigures.of(rates, quotes, now, rate_history, quote_history, statuses)
        self._figures = figures
        self._asked_base = base
        self._show_quotes()
        shown = self._show_rates(base)
        self._fill_bases(shown)
        self._converter.set_rates(figures.rates, figures.base_codes(shown), figures.now)
        self._refresh_layout()

    def set_watchlist(self, currencies: Sequence[str], symbols: Sequence[str]) -> None:
        """Pin these currencies and symbols to the top of their tables, in this order."""
        watched = (tuple(currencies), tuple(symbols))
        if watched == self._watched:
            return
        self._watched = watched
        if not self._figures.empty:
            self._show_quotes()
            self._show_rates(self._currency_model.base)

    def set_converter_pair(self, source: str, target: str) -> None:
        """Convert from ``source`` to ``target`` (as kept from last time)."""
        self._converter.set_pair(source, target)

    def set_refreshing(self, refreshing: bool) -> None:
        """Show that a refresh is under way (the button waits) or has ended."""
        self._refreshing = refreshing
        self._refresh_button.setEnabled(not refreshing)
        self._refresh_button.setToolTip("Refreshing market figures…" if refreshing else REFRESH_TIP)
        self._update_status()

    def set_quotes_need_key(self, need: bool) -> None:
        """Say under the quotes, or not, that live quotes need an API key."""
        self._quotes_need_key = need
        self._key_note.setVisible(need)

    @property
    def converter(self) -> Converter:
        """The converter, for tests and for keeping its currencies."""
        return self._converter

    def sizeHint(self) -> QSize:
        """Wide enough for both tables' columns without crowding the reader."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), PREFERRED_WIDTH), max(hint.height(), 480))

    def changeEvent(self, event: QEvent) -> None:
        """Work out the figures' and the links' colours again when the palette changes (a dark
        theme)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_currency_model"):
            for model in (self._quote_model, self._currency_model):
                model.update_colours(self.palette())
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_attribution"):
            for label in (self._key_note, self._attribution):
                recolour_links(label)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_currency_table"):
            self.setMinimumWidth(least_width(self.font()))
            for view in (self._quote_table, self._currency_table):
                view.fit_columns()

    def _build(self) -> None:
        """Lay out the controls, the two tables, the empty state and the footer."""
        content = self
        content.setMinimumWidth(least_width(content.font()))
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        self._stack = QStackedWidget(content)
        self._stack.addWidget(self._build_figures())
        self._stack.addWidget(self._build_empty())
        layout.addWidget(self._stack, 1)
        self._status = muted_label("", content)
        self._status.setObjectName("marketStatus")
        layout.addWidget(self._status)
        self._attribution = link_label(ERAPI_ATTRIBUTION, "erapiAttribution", content)
        layout.addWidget(self._attribution)
        QWidget.setTabOrder(self._base_box, self._filter)
        QWidget.setTabOrder(self._filter, self._refresh_button)
        QWidget.setTabOrder(self._refresh_button, self._converter)
        QWidget.setTabOrder(self._converter, self._quote_table)
        QWidget.setTabOrder(self._quote_table, self._currency_table)

    def _build_figures(self) -> QWidget:
        """The controls row above a splitter holding the quotes and the currencies."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._build_controls())
        self._converter = Converter(page)
        layout.addWidget(self._converter)
        self._quote_table = figures_table(
            self._quote_proxy, QUOTE_COLUMNS, "quoteTable", "Stock quotes"
        )
        self._quote_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._quote_table.horizontalHeader().setSortIndicatorClearable(True)
        self._currency_table = figures_table(
            self._currency_proxy, CURRENCY_COLUMNS, "currencyTable", "Currency rates"
        )
        self._currency_table.sortByColumn(CurrencyTableModel.CODE, Qt.SortOrder.AscendingOrder)
        self._quote_heading = heading("Stocks")
        self._currency_heading = heading("Currencies per 1 USD")
        self._key_note = link_label(KEY_NOTE, "quoteKeyNote", page)
        self._key_note.linkActivated.connect(lambda _link: self.preferences_requested.emit())
        self._key_note.hide()
        self._as_of = muted_label("", page)
        self._as_of.setObjectName("currencyAsOf")
        self._quote_section = section(self._quote_heading, self._quote_table, self._key_note)
        self._currency_section = section(self._currency_heading, self._currency_table, self._as_of)
        for view in (self._quote_table, self._currency_table):
            view.customContextMenuRequested.connect(
                lambda position, view=view: self._show_menu(view, position)
            )
        self._splitter = splitter(self._quote_section, self._currency_section, page)
        layout.addWidget(self._splitter, 1)
        return page

    def _build_controls(self) -> QHBoxLayout:
        """The base currency picker and the filter, on one row."""
        row = QHBoxLayout()
        row.setSpacing(6)
        label = QLabel("&Base")
        self._base_box = base_box()
        self._base_box.currentIndexChanged.connect(self._on_base_box_changed)
        label.setBuddy(self._base_box)
        self._filter = filter_box()
        self._filter.textChanged.connect(self._on_filter_text_changed)
        self._refresh_button = refresh_button(self.style())
        self._refresh_button.clicked.connect(self.refresh_requested)
        row.addWidget(label)
        row.addWidget(self._base_box)
        row.addWidget(self._filter, 1)
        row.addWidget(self._refresh_button)
        return row

    def _build_empty(self) -> QWidget:
        """What shows in place of the tables when there are no figures at all."""
        self._empty = muted_label(EMPTY_TEXT, None)
        self._empty.setObjectName("marketEmpty")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return self._empty

    def _show_rates(self, base: str) -> str:
        """Fill the currency table per 1 ``base``, else per the rates' own base; return the base."""
        figures, currencies = self._figures, self._watched[0]
        try:
            self._currency_model.set_rates(
                figures.rates, base, figures.now, figures.series_for(base), currencies
            )
        except UnknownCurrencyError:
            base = figures.rates[0].base
            self._currency_model.set_rates(
                figures.rates, base, figures.now, figures.series_for(base), currencies
            )
        self._currency_heading.setText(f"Currencies per 1 {base}")
        caption = self._currency_model.as_of_caption
        self._as_of.setText(caption)
        self._as_of.setVisible(bool(caption))
        return base

    def _show_quotes(self) -> None:
        """Fill the quote table, the watched symbols first."""
        figures = self._figures
        self._quote_model.set_quotes(
            figures.quotes, figures.now, figures.quote_series, self._watched[1]
        )

    def _fill_bases(self, base: str) -> None:
        """Offer every currency the rates reach as a base, with ``base`` selected."""
        codes = self._figures.base_codes(base) or [base]
        with QSignalBlocker(self._base_box):
            offer_bases(self._base_box, codes, base)

    def _refresh_layout(self) -> None:
        """Show the empty state or the sections that have figures, and the footer."""
        has_rates, has_quotes = bool(self._figures.rates), bool(self._figures.quotes)
        self._stack.setCurrentIndex(0 if has_rates or has_quotes else 1)
        self._quote_section.setVisible(has_quotes)
        self._currency_section.setVisible(has_rates)
        self._update_status()

    def _update_status(self) -> None:
        """Say how fresh the figures are, what went wrong with a provider, what a filter left
        out, and any base we could not use; credit ExchangeRate-API when its rates show."""
        figures, text = self._figures, self._filter.text().strip()
        matched = self._quote_proxy.rowCount() or self._currency_proxy.rowCount()
        line, tip = status_line(
            figures,
            refreshing=self._refreshing,
            bases=(self._asked_base, self._currency_model.base),
            unmatched=text if text and not matched else "",
        )
        self._status.setText(line)
        self._status.setToolTip(tip)
        self._status.setVisible(not figures.empty)
        self._attribution.setVisible(any(rate.provider == ERAPI for rate in figures.rates))

    def _on_base_box_changed(self, index: int) -> None:
        """Rebase the table on the picked currency and tell whoever keeps the preference."""
        code = self._base_box.itemData(index)
        if not isinstance(code, str) or code == self._currency_model.base:
            return
        self._asked_base = code
        self._show_rates(code)
        self._update_status()
        self.base_changed.emit(code)

    def _show_menu(self, view: QTableView, position: QPoint) -> None:
        """The row's menu: pin it to the watchlist or take it off; convert with a currency."""
        key = row_key(view, position)
        if key is None:
            return
        currency = view is self._currency_table
        watched = key in (self._watched[0] if currency else self._watched[1])
        base = self._currency_model.base
        menu = row_menu(
            view,
            key,
            watched,
            lambda: self.toggle_watch(key, currency=currency),
            (base, lambda: self._converter.set_pair(base, key)) if currency else None,
        )
        menu.popup(view.viewport().mapToGlobal(position))

    def toggle_watch(self, key: str, *, currency: bool) -> None:
        """Pin a currency or symbol to the top of its table, or unpin it, and say so."""
        currencies, symbols = self._watched
        listed = currencies if currency else symbols
        changed = tuple(k for k in listed if k != key) if key in listed else (*listed, key)
        self.set_watchlist(*((changed, symbols) if currency else (currencies, changed)))
        self.watchlist_changed.emit(*self._watched)

    def _on_filter_text_changed(self, text: str) -> None:
        """Narrow both tables to rows whose code, symbol or name holds the text."""
        for proxy in (self._quote_proxy, self._currency_proxy):
            proxy.setFilterFixedString(text.strip())
        self._update_status()
