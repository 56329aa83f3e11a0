"""Plain text from article HTML, and reading the bundled sample edition and its market snapshot."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop.domain import Edition, NewArticle
from desktop.ingest.edition import EditionError, read_edition, read_market_snapshot
from desktop.ingest.text import html_to_text
from desktop.paths import resource

SAMPLE = resource("sample")
AS_OF = datetime.fromisoformat("2024-10-25T16:00:00+00:00")

Document = dict[str, Any]


@pytest.fixture(scope="module")
def edition() -> Edition:
    """The sample edition, read once for this module."""
    return read_edition(SAMPLE)


@pytest.fixture(scope="module")
def sample_articles(edition: Edition) -> list[NewArticle]:
    """Every article of the sample edition."""
    return [article for source in edition.sources for article in source.articles]


# html_to_text


def test_blocks_become_lines() -> None:
    html = (
        "<h2>Four crossings</h2><p>First.</p><p>Second <em>part</em>.</p>"
        "<ul><li>a</li><li>b</li></ul>"
    )
    assert html_to_text(html) == "Four crossings\nFirst.\nSecond part.\na\nb"


def test_line_breaks_end_lines() -> None:
    assert html_to_text("one<br>two<br/>three") == "one\ntwo\nthree"


def test_entities_are_decoded() -> None:
    text = html_to_text("<p>Fish &amp; chips &lt;3 caf&eacute; &#8217;&#x2014; &quot;q&quot;</p>")
    assert text == 'Fish & chips <3 café ’— "q"'


def test_script_and_style_content_is_dropped() -> None:
    html = (
        "<style>p { color: red }</style><p>Kept</p>"
        '<script>document.write("<p>Injected</p>")</script><template><p>Later</p></template>'
        "<p>Also kept</p>"
    )
    assert html_to_text(html) == "Kept\nAlso kept"


def test_whitespace_is_folded() -> None:
    html = "\n  <p>  lots   of\ttabs  and\n   wrapped\n  source lines  </p>\n\n\n<p> next </p>\n"
    assert html_to_text(html) == "lots of tabs and wrapped source lines\nnext"


def test_preformatted_text_keeps_its_lines() -> None:
    assert html_to_text("<pre>tide  03:12\nlow   09:40</pre><p>after\nit</p>") == (
        "tide 03:12\nlow 09:40\nafter it"
    )


def test_inline_markup_joins_words_as_written() -> None:
    assert html_to_text("<p>un<em>fin</em>ished <a href='x'>link</a>!</p>") == "unfinished link!"


def test_empty_html_is_empty_text() -> None:
    assert html_to_text("") == ""
    assert html_to_text("<p> </p><div>\n</div>") == ""


def test_a_whole_document_gives_the_text_of_its_body() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Tab title</title></head><body><p>Body</p></body></html>"
    )
    assert html_to_text(page) == "Body"
    assert html_to_text("  <html><head><title>Only a head</title></head></html>") == ""
    assert html_to_text("<!doctype html><html><head><title>Cut off") == ""


def test_a_fragment_is_read_whole_whatever_it_closes() -> None:
    assert html_to_text("Lead text</div></p><p>after</p></td>end") == "Lead text\nafter\nend"


# read_edition


def test_the_sample_has_articles_from_three_sources(
    edition: Edition, sample_articles: list[NewArticle]
) -> None:
    assert len(edition.sources) == 3
    assert all(source.articles for source in edition.sources)
    assert len(sample_articles) >= 6
    assert {source.title for source in edition.sources} == {
        "The Harbour Gazette",
        "The Valley Courier",
        "The Carrowmere Herald",
    }


def test_every_sample_article_has_a_photo_with_thumbnail_caption_and_credit(
    sample_articles: list[NewArticle],
) -> None:
    for article in sample_articles:
        assert article.photo is not None, article.title
        assert article.photo.data.startswith(b"\xff\xd8")  # a JPEG
        assert article.photo.content_type == "image/jpeg"
        assert article.photo.width > 0 and article.photo.height > 0
        assert article.photo.thumbnail is not None and article.photo.thumbnail[:2] == b"\xff\xd8"
        assert article.caption and article.credit, article.title


def test_every_sample_article_has_byline_subheadings_and_clean_text(
    sample_articles: list[NewArticle],
) -> None:
    for article in sample_articles:
        assert article.byline and article.byline.startswith("By "), article.title
        assert "<h2>" in article.body_html, article.title
        assert article.body_text and "<" not in article.body_text, article.title
        first_line = article.body_text.splitlines()[0]
        assert first_line.strip() != article.title.strip(), article.title
        assert len(article.body_text.splitlines()) > 3


def test_every_sample_article_has_an_aware_publication_time(
    sample_articles: list[NewArticle],
) -> None:
    for article in sample_articles:
        assert article.published is not None and article.published.utcoffset() is not None


def test_sample_guids_and_urls_are_unique(sample_articles: list[NewArticle]) -> None:
    guids = [article.guid for article in sample_articles]
    assert len(set(guids)) == len(guids)
    urls = [article.url for article in sample_articles]
    assert len(set(urls)) == len(urls)


def test_the_sample_carries_its_market_snapshot(edition: Edition) -> None:
    assert edition.market is not None
    assert edition.market.provider == "Sample edition snapshot"
    assert len(edition.market.rates) == 169


# read_market_snapshot


def test_the_market_snapshot_keeps_exact_figures() -> None:
    snapshot = read_market_snapshot(SAMPLE / "market.json")
    assert snapshot.as_of == AS_OF
    rates = {rate.code: rate for rate in snapshot.rates}
    assert len(snapshot.rates) == len(rates) == 169
    assert rates["AED"].rate == Decimal("3.673031")
    assert rates["EUR"].rate == Decimal("0.921075")
    assert rates["XAU"].rate == Decimal("0.000367")
    assert str(rates["XAU"].rate) == "0.000367"
    assert {rate.base for rate in snapshot.rates} == {"USD"}
    assert all(rate.snapshot and rate.as_of == AS_OF for rate in snapshot.rates)
    assert {rate.provider for rate in snapshot.rates} == {"Sample edition snapshot"}


def test_the_market_snapshot_has_its_quotes() -> None:
    snapshot = read_market_snapshot(SAMPLE / "market.json")
    assert len(snapshot.quotes) == 16
    quotes = {quote.symbol: quote for quote in snapshot.quotes}
    bti = quotes["BTI"]
    assert (bti.price, bti.change, bti.percent) == (
        Decimal("34.5"),
        Decimal("-0.87"),
        Decimal("-2.52"),
    )
    assert bti.name == "British American Tobacco" and bti.currency == "USD"
    assert all(quote.snapshot and quote.as_of == AS_OF for quote in snapshot.quotes)


# malformed edition files


def edition_copy(tmp_path: Path, change: Callable[[Document], None], name: str) -> Path:
    """A copy of the sample edition whose ``name`` file was changed by ``change``."""
    folder = tmp_path / "edition"
    shutil.copytree(SAMPLE, folder)
    file = folder / name
    document = json.loads(file.read_text(encoding="utf-8"))
    change(document)
    file.write_text(json.dumps(document), encoding="utf-8")
    return folder


def first_article(document: Document) -> Document:
    """The first article of an edition document."""
    article: Document = document["sources"][0]["articles"][0]
    return article


def _wrong_format(document: Document) -> None:
    document["format"] = 2


def _no_sources(document: Document) -> None:
    del document["sources"]


def _article_without_guid(document: Document) -> None:
    del first_article(document)["guid"]


def _naive_time(document: Document) -> None:
    first_article(document)["published"] = "2026-11-24T07:45:00"


def _garbled_time(document: Document) -> None:
    first_article(document)["published"] = "last Tuesday"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_wrong_format, r"edition\.json is not an edition file of format 1"),
        (_no_sources, r"edition\.json is not in the expected shape.*sources"),
        (_article_without_guid, r"edition\.json is not in the expected shape.*guid"),
        (_naive_time, "'2026-11-24T07:45:00' has no offset"),
        (_garbled_time, r"edition\.json is not in the expected shape.*last Tuesday"),
    ],
)
def test_a_malformed_edition_is_refused_clearly(
    tmp_path: Path, change: Callable[[Document], None], message: str
) -> None:
    folder = edition_copy(tmp_path, change, "edition.json")
    with pytest.raises(EditionError, match=message):
        read_edition(folder)


def _bad_rate(document: Document) -> None:
    document["rates"][0] = ["AED", "three"]


def _not_a_finite_rate(document: Document) -> None:
    document["rates"][0] = ["AED", "NaN"]


def _bad_price(document: Document) -> None:
    document["quotes"][0]["price"] = "61,11"


def _no_as_of(document: Document) -> None:
    del document["as_of"]


def _naive_as_of(document: Document) -> None:
    document["as_of"] = "2024-10-25T16:00:00"


def _snapshot_of_other_format(document: Document) -> None:
    document["format"] = 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_bad_rate, r"market\.json is not in the expected shape.*'three' is not a number"),
        (_not_a_finite_rate, "'NaN' is not a number"),
        (_bad_price, "'61,11' is not a number"),
        (_no_as_of, r"market\.json is not in the expected shape.*as_of"),
        (_naive_as_of, "has no offset"),
        (_snapshot_of_other_format, r"market\.json is not an edition file of format 1"),
    ],
)
def test_a_malformed_market_snapshot_is_refused_clearly(
    tmp_path: Path, change: Callable[[Document], None], message: str
) -> None:
    folder = edition_copy(tmp_path, change, "market.json")
    with pytest.raises(EditionError, match=message):
        read_market_snapshot(folder / "market.json")
    with pytest.raises(EditionError, match=message):
        read_edition(folder)


def test_a_file_that_is_no_json_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    shutil.copytree(SAMPLE, folder)
    (folder / "edition.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(EditionError, match=r"edition\.json cannot be read"):
        read_edition(folder)


def test_a_missing_edition_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EditionError, match=r"edition\.json cannot be read"):
        read_edition(tmp_path)


def test_an_edition_without_market_file_has_no_market(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    shutil.copytree(SAMPLE, folder)
    (folder / "market.json").unlink()
    edition = read_edition(folder)
    assert edition.market is None
    assert len(edition.sources) == 3


def test_comments_are_not_text_but_what_follows_them_is() -> None:
    assert html_to_text("<p>a<!-- hidden -->b</p><p>c</p>") == "ab\nc"
