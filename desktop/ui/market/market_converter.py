"""The Markets panel's converter: an amount, a currency to convert from and one to convert to; the
result follows every keystroke, exact and rounded to the target currency's minor units."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

from desktop.domain import Rate
from desktop.market.amounts import AmountError, read_amount
from desktop.market.names import currency_name
from desktop.market.rates import UnknownCurrencyError, convert, rate_is_stale, retired
from desktop.ui.market.market_roles import MUTED
from desktop.ui.market.market_text import (
    format_rate,
    localized,
    number_locale,
    short_date,
    short_provider,
    short_when,
    when_text,
)

Index = QModelIndex | QPersistentModelIndex
DEFAULT_AMOUNT = "100"
# The amount box is at least this many digits wide whenever it shares its row with the currencies
# (a narrower panel puts them on a row of their own), so it never hides an amount's first digits.
AMOUNT_DIGITS = 14
SPACING = 4


class Converter(QWidget):
    """Converts as the person types; ``pair_changed`` says which currencies they chose.

    Signals:
        pair_changed(str, str): the person picked another currency to convert from or to.
    """

    pair_changed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("converter")
        self._rates: tuple[Rate, ...] = ()
        self._now = datetime.now(UTC)
        self._amount = QLineEdit(localized(Decimal(DEFAULT_AMOUNT)))
        self._amount.setObjectName("convertAmount")
        self._amount.setAccessibleName("Amount to convert")
        self._amount.setMinimumWidth(self._amount.fontMetrics().horizontalAdvance("0") * 6)
        self._amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._source = _currency_box("convertFrom", "Convert from")
        self._target = _currency_box("convertTo", "Convert to")
        self._swap = QToolButton()
        self._swap.setObjectName("convertSwap")
        self._swap.setText("⇄")
        self._swap.setToolTip("Swap the two currencies")
        self._swap.setAccessibleName("Swap currencies")
        self._result = QLabel()
        self._result.setObjectName("convertResult")  # screen readers say its figures
        font = QFont(self._result.font())
        font.setBold(True)
        self._result.setFont(font)
        self._result.setWordWrap(True)  # a long amount breaks at "=", never cut off
        self._detail = QLabel()
        self._detail.setObjectName("convertDetail")
        self._detail.setForegroundRole(MUTED)  # follows a switch of appearance
        self._detail.setWordWrap(True)
        self._build()
        self._amount.textChanged.connect(self._update)
        self._source.currentIndexChanged.connect(self._on_pair_changed)
        self._target.currentIndexChanged.connect(self._on_pair_changed)
        self._swap.clicked.connect(self.swap)

    @property
    def result_text(self) -> str:
        """What the result line says."""
        return self._result.text()

    @property
    def detail_text(self) -> str:
        """What the line under the result says: the rate, its time and provider, or a problem."""
        return self._detail.text()

    def set_rates(self, rates: Sequence[Rate], codes: Sequence[str], now: datetime) -> None:
        """Convert with these rates, offering ``codes``; the chosen currencies stay when they
        are still offered."""
        self._rates, self._now = tuple(rates), now
        for box in (self._source, self._target):
            chosen = box.currentData()
            with QSignalBlocker(box):
                box.clear()
                for code in codes:
                    box.addItem(code, code)
                box.setCurrentIndex(max(0, box.findData(chosen)))
        self.setEnabled(bool(codes))
        self._arrange(wide=self.width() >= self.one_row_width())  # the boxes' codes take room
        self._update()

    def set_pair(self, source: str, target: str) -> None:
        """Convert from ``source`` to ``target`` (each kept as is when it is not offered)."""
        for box, code in ((self._source, source), (self._target, target)):
            found = box.findData(code)
            if found >= 0:
                with QSignalBlocker(box):
                    box.setCurrentIndex(found)
        self._update()

    def set_amount(self, text: str) -> None:
        """Type an amount, as a person would."""
        self._amount.setText(text)

    def swap(self) -> None:
        """Convert the other way round."""
        source, target = self._source.currentData(), self._target.currentData()
        if isinstance(source, str) and isinstance(target, str):
            self.set_pair(target, source)
            self.pair_changed.emit(target, source)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Put the currencies beside the amount when there is room for both, else under it."""
        super().resizeEvent(event)
        self._arrange(wide=event.size().width() >= self.one_row_width())

    def one_row_width(self) -> int:
        """How wide the converter must be for the amount and both currencies on one row."""
        digits = self._amount.fontMetrics().horizontalAdvance("0") * AMOUNT_DIGITS
        parts = (self._label, self._from, self._source, self._swap, self._to, self._target)
        return digits + sum(part.sizeHint().width() for part in parts) + SPACING * len(parts)

    def _build(self) -> None:
        """The label and amount, the currencies, the result and its detail, in a grid."""
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(SPACING)
        self._grid.setVerticalSpacing(2)
        self._label = QLabel("C&onvert")  # Alt+V is the View menu's
        self._label.setBuddy(self._amount)
        # Shown names for the currency boxes: on Linux screen readers say a box's current item
        # and its label, never an accessible name set on the box.
        self._from, self._to = QLabel("From"), QLabel("To")
        self._from.setBuddy(self._source)
        self._to.setBuddy(self._target)
        self._wide: bool | None = None
        self._arrange(wide=True)
        QWidget.setTabOrder(self._amount, self._source)
        QWidget.setTabOrder(self._source, self._swap)
        QWidget.setTabOrder(self._swap, self._target)

    def _arrange(self, wide: bool) -> None:
        """Amount, from, swap and to on one row (``wide``), or the currencies on a second row;
        the result and its detail under them."""
        if wide == self._wide:
            return
        self._wide = wide
        grid = self._grid
        row, first = (0, 2) if wide else (1, 0)  # "From" under "Convert" on a row of its own
        currencies = (self._from, self._source, self._swap, self._to, self._target)
        places = [
            (self._label, 0, 0, 1, 1),
            (self._amount, 0, 1, 1, 1 if wide else 5),
            *((part, row, first + column, 1, 1) for column, part in enumerate(currencies)),
            (self._result, row + 1, 1, 1, 6),
            (self._detail, row + 2, 1, 1, 6),
        ]
        for widget, *_ in places:
            grid.removeWidget(widget)
        for widget, *place in places:
            grid.addWidget(widget, *place)
        grid.setColumnStretch(1, 1 if wide else 0)
        grid.setColumnStretch(5, 0 if wide else 1)

    def _on_pair_changed(self) -> None:
        source, target = self._source.currentData(), self._target.currentData()
        self._update()
        if isinstance(source, str) and isinstance(target, str):
            self.pair_changed.emit(source, target)

    def _update(self) -> None:
        """Work out the result for what the boxes say now."""
        source, target = self._source.currentData(), self._target.currentData()
        if not isinstance(source, str) or not isinstance(target, str):
            self._show("", "No rates to convert with yet.")
            return
        style = number_locale()
        try:
            amount = read_amount(self._amount.text(), style)
        except AmountError as error:
            self._show("", str(error))
            return
        try:
            done = convert(amount, source, target, self._rates)
        except UnknownCurrencyError as error:
            self._show("", f"No rate is known for {error.code}.")
            return
        amounts = (localized(done.amount, style), localized(done.result, style))
        result = f"{amounts[0]} {source} = {amounts[1]} {target}"
        providers = ", ".join(short_provider(provider) for provider in done.providers)
        rate = format_rate(done.rate, style)
        when = f"as of {short_when(done.as_of, self._now)}"
        if done.undated:
            when = when_text(done.as_of, self._now, undated=True)
        elif done.as_of.year != self._now.year:
            when = f"as of {short_date(done.as_of)}"  # there is room here for the whole date
        detail = f"1 {source} = {rate} {target} · {when} · {providers}"
        stale = [
            r for r in self._rates if r.code in {source, target} and rate_is_stale(r, self._now)
        ]
        if stale:
            detail += " · not current"
        for code in dict.fromkeys((source, target)):
            if (successor := retired(code)) is not None:
                detail += f" · {code} is retired; its successor is {successor[0]}"
        self._show(result, detail)

    def _show(self, result: str, detail: str) -> None:
        self._result.setText(result)
        self._result.setVisible(bool(result))
        self._detail.setText(detail)


class _NamedCurrencies(QStyledItemDelegate):
    """Shows "EUR — Euro" in a currency box's list, while the closed box shows only "EUR"."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        code = index.data()
        if isinstance(code, str):
            option.text = f"{code} — {currency_name(code)}"


def _currency_box(name: str, spoken: str) -> QComboBox:
    """A compact box of currency codes whose open list also names them."""
    box = QComboBox()
    box.setObjectName(name)
    box.setAccessibleName(spoken)
    box.setMaxVisibleItems(20)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    box.setItemDelegate(_NamedCurrencies(box))
    box.view().setMinimumWidth(box.fontMetrics().averageCharWidth() * 40)
    return box
