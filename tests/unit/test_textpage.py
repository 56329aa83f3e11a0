"""Reading a newspaper page saved as plain text: article, caption, byline and market strip."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.domain import Quote, Rate
from desktop.ingest.textpage import (
    TextPage,
    TextPageError,
    looks_like_text_page,
    parse_text_page,
    text_page_html,
)

FIXTURE = Path(__file__).parent.parent / "fixtures" / "pages" / "saved-page.txt"
DATED = FIXTURE.with_name("saved-page-dated.txt")
PARIS = ZoneInfo("Europe/Paris")
FULL_PAGE = FIXTURE.with_name("saved-page-full.txt")  # a press page's whole market strip
PROVIDER = "Saved page"
AS_OF = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
HEADLINE = "Volunteers bring a silent tide mill back to work"
FURNITURE = ("Text size", "USD -", "•", "Photo:", "--")


@pytest.fixture(scope="module")
def page() -> TextPage:
    """The fixture page, parsed once for this module."""
    return parse_text_page(FIXTURE.read_text(encoding="utf-8"), PROVIDER, AS_OF)


def small_page(*body: str, first: str = "The Ledger - A quiet harbour") -> str:
    """A minimal saved page: title line, a caption and the given body lines."""
    return "\n\n".join((first, "A quiet harbour / Photo: © AFP", "Text size:", *body))


# the article


def test_publisher_and_headline_come_from_the_first_line(page: TextPage) -> None:
    assert page.publisher == "The Harbour Ledger"
    assert page.headline == HEADLINE


def test_caption_and_credit_are_split_at_the_slash(page: TextPage) -> None:
    assert page.caption == "A volunteer checks the oak paddles of the restored wheel at low tide"
    assert page.credit == "Photo: © AFP"


def test_the_byline_is_kept_as_written(page: TextPage) -> None:
    assert page.byline == "M.Okonjo--THL"


def test_subheadings_are_h2_with_their_quotes(page: TextPage) -> None:
    headings = [text for kind, text in page.paragraphs if kind == "h2"]
    assert headings == ["'The river decides'", "'Slow power'"]


def test_the_lede_is_the_first_paragraph(page: TextPage) -> None:
    assert page.paragraphs[0] == (
        "p",
        "A tide mill that last ground flour in 1931 turned again on Saturday, after eleven years"
        " of weekend work by a group of retired engineers, carpenters and schoolchildren in the"
        " estuary village of Kestle Reach.",
    )
    assert page.paragraphs[-1][1].startswith("The trust plans to open the mill")
    assert len(page.paragraphs) == 18


def test_no_page_furniture_enters_the_paragraphs(page: TextPage) -> None:
    texts = [text for _, text in page.paragraphs]
    assert HEADLINE not in texts
    assert all(text.strip() for text in texts)
    for text in texts:
        assert not any(mark in text for mark in FURNITURE), text
        assert not text.startswith(("EUR ", "JPY ", "XAU ", "HRBR", "+", "-0", "0.")), text


def test_the_body_is_simple_escaped_html() -> None:
    page = parse_text_page(small_page("Fish & <chips>", "- 'Tides' -", "Done."), PROVIDER, AS_OF)
    assert text_page_html(page) == (
        "<p>Fish &amp; &lt;chips&gt;</p>\n<h2>'Tides'</h2>\n<p>Done.</p>"
    )


# the market strip


def test_the_currency_table_gives_exact_rates(page: TextPage) -> None:
    assert page.market is not None
    rates = {rate.code: rate for rate in page.market.rates}
    assert len(page.market.rates) == len(rates) == 21
    assert rates["EUR"].rate == Decimal("0.917433")
    assert rates["JPY"].rate == Decimal("151.628004")
    assert str(rates["XAU"].rate) == "0.000428"
    assert str(rates["HKD"].rate) == "7.812650"
    assert {(rate.base, rate.provider, rate.as_of, rate.snapshot) for rate in rates.values()} == {
        ("USD", PROVIDER, AS_OF, True)
    }


def test_the_ticker_gives_exact_quotes(page: TextPage) -> None:
    assert page.market is not None
    assert (page.market.provider, page.market.as_of) == (PROVIDER, AS_OF)
    figures = [
        (quote.symbol, quote.name, str(quote.change), str(quote.price), str(quote.percent))
        for quote in page.market.quotes
    ]
    assert figures == [
        ("HRBR", "HRBR", "1.2500", "42.75", "3.01"),
        ("TIDE", "TIDE", "-0.3300", "18.4", "-1.76"),
        ("NMLK", "NMLK", "0.0000", "7.05", "0"),
        ("QSTN", "QSTN", "12.5000", "12.5", "100"),
        ("ORCA", "ORCA", "-2.0400", "96.12", "-2.08"),
    ]
    assert all(q.currency == "USD" and q.snapshot for q in page.market.quotes)


def test_a_page_without_market_figures_has_no_snapshot() -> None:
    page = parse_text_page(small_page("Only words."), PROVIDER, AS_OF)
    assert page.market is None
    assert page.paragraphs == (("p", "Only words."),)


# variations


def test_a_caption_repeating_the_headline_is_kept() -> None:
    text = "The Ledger - A quiet harbour\n\nA quiet harbour / Photo: © AFP\n\nBoats rest."
    page = parse_text_page(text, PROVIDER, AS_OF)
    assert (page.caption, page.credit) == ("A quiet harbour", "Photo: © AFP")


def test_the_headline_may_contain_the_separator() -> None:
    text = small_page("Ebb - and flow", "Calm.", first="The Ledger - Ebb - and flow")
    page = parse_text_page(text, PROVIDER, AS_OF)
    assert (page.publisher, page.headline) == ("The Ledger", "Ebb - and flow")
    assert page.paragraphs == (("p", "Calm."),)


def test_a_bulleted_line_that_is_no_quote_stays_a_paragraph() -> None:
    page = parse_text_page(small_page("• NOTE", "Some text.", "More."), PROVIDER, AS_OF)
    assert page.paragraphs == (("p", "• NOTE"), ("p", "Some text."), ("p", "More."))


def test_desk_slugs_are_dropped_and_windows_line_ends_read() -> None:
    text = small_page("First.", "Second.", "bur-jh/sst", "K.Lee-Park--ABC").replace("\n", "\r\n")
    page = parse_text_page("\ufeff" + text, PROVIDER, AS_OF)
    assert page.paragraphs == (("p", "First."), ("p", "Second."))
    assert page.byline == "K.Lee-Park--ABC"


def test_a_page_without_article_text_is_refused() -> None:
    with pytest.raises(TextPageError, match="no article text"):
        parse_text_page(small_page(), PROVIDER, AS_OF)


def test_an_empty_page_is_refused() -> None:
    with pytest.raises(TextPageError, match="empty"):
        parse_text_page(" \n\n", PROVIDER, AS_OF)


def test_a_naive_saved_time_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        parse_text_page(small_page("Words."), PROVIDER, datetime(2026, 3, 14))


# when the figures are from


def test_a_page_that_states_no_time_gives_undated_figures_kept_as_saved(page: TextPage) -> None:
    assert page.market is not None
    assert (page.market.as_of, page.market.undated, page.published) == (AS_OF, True, None)
    figures: list[Rate | Quote] = [*page.market.rates, *page.market.quotes]
    assert {(f.as_of, f.undated, f.snapshot) for f in figures} == {(AS_OF, True, True)}


def test_a_page_dates_its_figures_by_its_table_heading() -> None:
    page = parse_text_page(DATED.read_text(encoding="utf-8"), PROVIDER, AS_OF, PARIS)
    assert page.market is not None
    when = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)  # "USD - 09:00 GMT" on the updated day
    assert (page.market.as_of, page.market.undated) == (when, False)
    figures: list[Rate | Quote] = [*page.market.rates, *page.market.quotes]
    assert len(figures) == 8
    assert {(f.as_of, f.undated, f.snapshot) for f in figures} == {(when, False, True)}
    assert page.published == datetime(2025, 3, 13, tzinfo=PARIS)  # a day: its start, in Paris
    assert not any("2025" in text or "GMT" in text for _, text in page.paragraphs)
    assert page.paragraphs[0][1].startswith("The harbour board will keep ferry fares")
    assert page.byline == "R.Penrose--THL"


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("Updated: 14 March 2025 09:30", datetime(2025, 3, 14, 9, 30, tzinfo=PARIS)),
        ("Last updated 14 Mar 2025, 09:30 GMT", datetime(2025, 3, 14, 9, 30, tzinfo=UTC)),
        ("as of 2025-03-14", datetime(2025, 3, 14, tzinfo=PARIS)),
        ("Exchange rates as of 2025-03-14T08:15:00Z", datetime(2025, 3, 14, 8, 15, tzinfo=UTC)),
        ("Friday, 14 March 2025", datetime(2025, 3, 14, tzinfo=PARIS)),
        ("March 14, 2025 9:30 a.m. EST", datetime(2025, 3, 14, 14, 30, tzinfo=UTC)),
        ("Published 14.03.2025 08:00 | Updated 14.03.2025 10:45 CET",
         datetime(2025, 3, 14, 9, 45, tzinfo=UTC)),
    ],
)  # fmt: skip
def test_a_page_dates_its_figures_by_the_time_it_states(line: str, when: datetime) -> None:
    text = small_page("Boats rest.").replace("Text size:", f"{line}\n\nText size:")
    page = parse_text_page(f"{text}\n\nUSD -\nEUR 0.91\n", PROVIDER, AS_OF, PARIS)
    assert page.market is not None
    assert (page.market.as_of, page.market.undated) == (when, False)
    assert page.paragraphs == (("p", "Boats rest."),)  # the date line is no paragraph


def test_the_publication_date_is_the_articles_and_the_update_the_figures() -> None:
    dates = "Published: 12 March 2025\n\nUpdated: 14 March 2025 09:30"
    text = small_page("Boats rest.").replace("Text size:", f"{dates}\n\nText size:")
    page = parse_text_page(f"{text}\n\nUSD -\nEUR 0.91\n", PROVIDER, AS_OF, UTC)
    assert page.published == datetime(2025, 3, 12, tzinfo=UTC)
    assert page.market is not None
    assert page.market.as_of == datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "line",
    [
        "USD - 09:30 GMT",  # a time, but no day anywhere on the page
        "USD - soon",
    ],
)
def test_a_heading_without_a_day_leaves_the_figures_undated(line: str) -> None:
    text = small_page("Boats rest.") + f"\n\n{line}\nEUR 0.91\n"
    page = parse_text_page(text, PROVIDER, AS_OF, UTC)
    assert page.market is not None
    assert (page.market.as_of, page.market.undated) == (AS_OF, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council said on 14 March 2025 that the quay would reopen.",
        "Prices were last updated 14 March 2025.",
        "Updated figures will follow next week",
        "Posted by the harbour master",
        "USD - the dollar rose against the pound",
    ],
)
def test_sentences_that_mention_dates_stay_in_the_article(sentence: str) -> None:
    page = parse_text_page(small_page("Boats rest.", sentence), PROVIDER, AS_OF, UTC)
    assert page.paragraphs == (("p", "Boats rest."), ("p", sentence))
    assert page.published is None


# looks_like_text_page


def test_the_fixture_looks_like_a_text_page() -> None:
    assert looks_like_text_page(FIXTURE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "The Ledger - A headline\n\nText size:\n\nWords.",
        "The Ledger - A headline\n\nUSD -\nEUR 0.9\n",
        "\ufeffThe Ledger - A headline\nA caption / Photo: © AFP\n",
    ],
)
def test_any_one_marker_is_enough(text: str) -> None:
    assert looks_like_text_page(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "A headline without publisher\n\nText size:\n",
        "The Ledger - A headline\n\nJust prose, no page furniture.\n",
        "<html><title>A - B</title></html>\nText size:\n",
    ],
)
def test_other_text_does_not_look_like_a_text_page(text: str) -> None:
    assert not looks_like_text_page(text)


# a page in the full shape of a saved press page (our own text; the figures are the sample
# edition's)


@pytest.fixture(scope="module")
def press_page() -> TextPage:
    """A saved page in the press page's full shape: 169 rates, 16 quotes, two subheadings."""
    return parse_text_page(FULL_PAGE.read_text(encoding="utf-8"), PROVIDER, AS_OF)


def test_the_press_page_market_strip(press_page: TextPage) -> None:
    assert press_page.market is not None
    rates = {rate.code: rate.rate for rate in press_page.market.rates}
    assert len(press_page.market.rates) == len(rates) == 169
    assert rates["AED"] == Decimal("3.673031")
    assert rates["EUR"] == Decimal("0.921075")
    quotes = {quote.symbol: quote for quote in press_page.market.quotes}
    assert len(press_page.market.quotes) == len(quotes) == 16
    bti = quotes["BTI"]
    assert (bti.change, bti.price, bti.percent) == (
        Decimal("-0.87"),
        Decimal("34.5"),
        Decimal("-2.52"),
    )


def test_the_press_page_article_structure(press_page: TextPage) -> None:
    assert press_page.credit == "Photo: © AFP"
    assert press_page.publisher and press_page.caption and press_page.byline
    assert "--" in press_page.byline
    assert sum(kind == "h2" for kind, _ in press_page.paragraphs) == 2
    assert not any(text.startswith("Text size") for _, text in press_page.paragraphs)
    assert press_page.paragraphs[0] == ("p", press_page.paragraphs[0][1])
    assert press_page.paragraphs[0][1] != press_page.headline
    assert press_page.headline not in {text for _, text in press_page.paragraphs}
