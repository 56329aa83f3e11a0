"""Full-article extraction from news pages in several markup styles (fixtures in pages/)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.ingest.extract import Extracted, ExtractionError, extract_article
from desktop.ingest.text import html_to_text

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"
ARTICLES = [
    "semantic",
    "div_soup",
    "caption_slash",
    "furniture",
    "repeated_headline",
    "subheadings",
    "hostile",
]


def extract(name: str, url: str | None = None) -> Extracted:
    """Extract one fixture page, read as the bytes a download would give."""
    return extract_article((PAGES / f"{name}.html").read_bytes(), url)


def paragraphs(article: Extracted) -> list[str]:
    """The blank-line-separated blocks of an article's text."""
    return article.text.split("\n\n")


def test_semantic_article_with_figure_and_open_graph() -> None:
    """An <article> with og: tags, article:published_time and a <figcaption> with a credit."""
    article = extract("semantic")
    assert article.title == "Volunteers relight the Kessock Point lamp after forty years"
    assert article.byline == "Eilidh Brannan"
    assert article.published == datetime(2025, 3, 14, 7, 30, tzinfo=timezone(timedelta(hours=1)))
    assert article.url == (
        "https://www.harbourcourier.example/coast/2025/03/14/kessock-point-lamp-relit"
    )
    assert article.image_url == (
        "https://static.harbourcourier.example/photos/2025/03/kessock-lantern.jpg"
    )
    assert article.caption == (
        "Volunteers repaint the gallery rail of the Kessock Point lighthouse on Thursday."
    )
    assert article.credit == "Photo: © AFP"
    assert paragraphs(article)[0].startswith("The lamp at Kessock Point shone across the firth")
    assert len(paragraphs(article)) == 5


def test_second_figure_is_not_the_lead_and_captions_stay_out_of_the_body() -> None:
    """Only the lead photo's caption is reported, and no caption is repeated in the text."""
    article = extract("semantic")
    assert "original lens" not in article.text
    assert "Volunteers repaint" not in article.text
    assert "Photo:" not in article.text


def test_div_soup_with_json_ld_and_a_separate_credit() -> None:
    """Divs only: JSON-LD gives date and author, a lazy <img> matches og:image by its path."""
    article = extract("div_soup")
    assert article.title == "Flood barrier holds as river reaches record height"
    assert article.byline == "Mira Okafor"
    assert article.published == datetime(2025, 2, 3, 18, 5, tzinfo=UTC)
    assert article.url == "https://www.valleyherald.example/news/flood-barrier-holds-record-river"
    assert (
        article.image_url == "https://cdn.valleyherald.example/photos/flood-barrier.jpg?w=1200&q=80"
    )
    assert article.caption == (
        "Water presses against the new steel gates at Millford weir on Monday evening."
    )
    assert article.credit == "Reuters/Tomás Ferreira"
    assert paragraphs(article)[0].startswith("The steel barrier built across the Wend")
    assert "Most read" not in article.text
    assert "Saturday market" not in article.text


def test_caption_and_credit_in_one_string_are_split() -> None:
    """A caption "… / Photo: © AFP" is split in two; relative URLs resolve against <base>."""
    article = extract(
        "caption_slash", "https://www.metropost.example/cities/2025/06/09/old-town?utm_source=rss"
    )
    assert article.caption == (
        "Residents queue for drinking water at a tanker on Rue des Tanneurs on Monday"
    )
    assert article.credit == "Photo: © AFP"
    assert article.image_url == "https://www.metropost.example/media/2025/06/water-queue.jpg"
    assert article.url == "https://www.metropost.example/cities/2025/06/09/old-town-water-main"
    assert article.byline == "Lucas Berger"
    assert article.published == datetime(2025, 6, 9, 12, 20, tzinfo=UTC)
    assert paragraphs(article)[0].startswith("Several thousand households in the old town")
    assert "Rue des Tanneurs" not in article.text


def test_page_furniture_is_left_out() -> None:
    """Cookie banner, navigation, share buttons, newsletter box, read-more link, related
    stories, comments and footer appear in neither the text nor the HTML."""
    article = extract("furniture")
    furniture = [
        "cookies", "Accept all", "World", "Share on", "Email this story", "Copy link",
        "Morning Meridian", "newsletter", "Sign up", "Read more", "Rail fares",
        "Related stories", "Island ferry", "Comments", "trainfan88", "dogs are allowed",
        "Join the conversation", "About us", "All rights reserved", "Transport correspondent",
    ]  # fmt: skip
    for words in furniture:
        assert words not in article.text, words
        assert words not in article.html, words
    assert article.title == "Night trains return to the northern line"
    assert article.byline == "Owen Tal"
    assert paragraphs(article)[0].startswith("The first overnight sleeper train in eleven years")
    assert paragraphs(article)[-1].startswith("The regional government, which pays part")
    assert len(paragraphs(article)) == 5


def test_caption_with_a_credit_in_brackets() -> None:
    """A cutline ending "(Photo: Jane Roe/AP)" gives the credit without the brackets."""
    article = extract("furniture")
    assert article.caption == (
        "Passengers board the first northbound sleeper at Central station on Tuesday night."
    )
    assert article.credit == "Photo: Jane Roe/AP"
    assert article.image_url == "https://meridian.example/img/2025/04/sleeper-platform.jpg"


def test_headline_repeated_in_the_body_is_not_repeated_in_the_text() -> None:
    """The body's first element repeats the headline: the text starts at the lede."""
    article = extract("repeated_headline")
    assert article.title == "Library lends out its first seed collection"
    assert "Library lends out its first seed collection" not in article.text
    assert "Library lends out" not in article.html
    assert paragraphs(article)[0].startswith("Eastfield library has started lending seeds")
    assert article.byline == "Priya Natarajan and Tom Ellery"
    assert article.published == datetime(2025, 5, 18, 9, 45, tzinfo=UTC)
    assert article.caption == (
        "Packets of bean and tomato seeds fill the drawers of an old card catalogue at"
        " Eastfield library."
    )
    assert article.credit == "Getty Images"


def test_subheadings_quote_and_list_keep_their_place() -> None:
    """Subheadings trafilatura drops (inside <header>) are refereed back, in order."""
    article = extract("subheadings")
    blocks = paragraphs(article)
    assert blocks[0].startswith("For eight months, a group of volunteers")
    assert blocks[2] == "What the volunteers found"
    assert blocks[3].startswith("Norway maples make up almost a fifth")
    assert blocks[5] == (
        "Once you have walked every block, you cannot pretend the shade is shared equally."
        " It is not."
    )
    assert blocks[7] == "What happens next"
    assert (
        blocks[9] == "Total trees recorded: 61,408\nSpecies found: 127\nVolunteers taking part: 214"
    )
    assert "<h2>What the volunteers found</h2>" in article.html
    assert "<h2>What happens next</h2>" in article.html
    assert "<blockquote><p>Once you have walked every block" in article.html
    assert "<li>Species found: 127</li>" in article.html
    assert "Lakeport Ledger" not in article.text


def test_byline_from_a_span_and_date_from_a_time_element() -> None:
    """The byline "By Ana Lindqvist" gives the names alone; <time datetime> is the only date."""
    article = extract("subheadings")
    assert article.title == "Inside the effort to count every tree in Lakeport"
    assert article.byline == "Ana Lindqvist"
    assert article.published == datetime(2025, 1, 22, 9, 15, tzinfo=timezone(timedelta(hours=-5)))
    assert (article.url, article.image_url, article.caption, article.credit) == (None,) * 4


def test_hostile_markup_is_sanitized() -> None:
    """Scripts, iframes, handlers, javascript: links, styles, plugins and forms are gone."""
    article = extract("hostile")
    for bad in [
        "<script", "<style", "<iframe", "<object", "<embed", "<form", "<input", "onclick",
        "onmouseover", "onerror", "onload", "javascript:", "style=", "tracker", "phish",
        "ads.example", "Log in to keep reading",
    ]:  # fmt: skip
        assert bad not in article.html, bad
    assert 'href="https://www.eastbaynews.example/local/school-calendar"' in article.html
    assert "last year's election" in article.text
    assert paragraphs(article)[0].startswith("The county council voted seven to two")
    assert article.byline == "Dana Whitfield"
    assert article.published == datetime(2025, 9, 30, 23, 0, tzinfo=UTC)


def test_caption_and_credit_from_data_attributes() -> None:
    """An image whose caption and credit live in data-caption and data-credit."""
    article = extract("hostile")
    assert article.image_url == "https://www.eastbaynews.example/media/solar-roof.jpg"
    assert article.caption == "Workers fit panels on the roof of Harbor View Elementary in August."
    assert article.credit == "Shutterstock"


@pytest.mark.parametrize("name", ARTICLES)
def test_text_and_html_hold_the_same_blocks(name: str) -> None:
    """The text is the HTML's blocks but its figures, one per blank-line-separated part."""
    article = extract(name)
    without_figures = re.sub(r"<figure>.*?</figure>", "", article.html, flags=re.S)
    assert html_to_text(without_figures) == article.text.replace("\n\n", "\n")
    assert article.title is not None
    assert article.title not in article.text
    assert article.published is not None and article.published.tzinfo is not None


def test_a_homepage_is_not_an_article() -> None:
    """A page of headlines and links raises ExtractionError with one plain sentence."""
    with pytest.raises(ExtractionError) as caught:
        extract("homepage", "https://northernstar.example/")
    assert str(caught.value) == "No article was found on https://northernstar.example/."


@pytest.mark.parametrize("page", ["", "   \n", b""])
def test_an_empty_page_is_not_an_article(page: str | bytes) -> None:
    """Nothing to read raises ExtractionError too."""
    with pytest.raises(ExtractionError, match=r"^No article was found on the page\.$"):
        extract_article(page)


LEDE = (
    "The harbour authority said on Friday that the northern breakwater would close for repairs"
    " from next month, after winter storms opened a gap wide enough for a small boat to pass."
)


def page_with_caption(figure: str) -> str:
    """A small article page whose lead figure is given."""
    body = "".join(f"<p>{LEDE} Paragraph {n} adds more detail.</p>" for n in range(4))
    return (
        "<html><head><title>Breakwater to close for repairs</title></head><body><article>"
        f"<h1>Breakwater to close for repairs</h1>{figure}{body}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Storm damage on the breakwater. Jane Doe/Reuters", "Jane Doe/Reuters"),
        ("Storm damage on the breakwater | Getty Images", "Getty Images"),
        ("Storm damage on the breakwater © Shutterstock", "© Shutterstock"),
        ("Storm damage on the breakwater. Photograph: Tom Ash", "Photograph: Tom Ash"),
        ("Storm damage on the breakwater (EPA)", "EPA"),
        ("Storm damage on the breakwater (TFWP)", "TFWP"),
        ("Storm damage on the breakwater REUTERS/Jane Doe", "REUTERS/Jane Doe"),
        ("Storm damage on the breakwater. Illustration: Jane Doe", "Jane Doe"),
        ("Storm damage on the breakwater, on Monday. JANE DOE / AFP", "JANE DOE / AFP"),
        (
            "Storm damage on the breakwater. Photo by Jane Doe on Unsplash",
            "Jane Doe on Unsplash",
        ),
        (
            "Storm damage on the breakwater. Courtesy of the harbour board",
            "Courtesy of the harbour board",
        ),
    ],
)
def test_credits_written_inside_the_caption(caption: str, expected: str) -> None:
    """Credits at the end of a caption are split off, whatever their form."""
    figure = f'<figure><img src="https://img.example/breakwater.jpg"><figcaption>{caption}</figcaption></figure>'
    article = extract_article(page_with_caption(figure), "https://news.example/breakwater")
    assert article.credit == expected
    assert article.caption is not None
    assert article.caption.startswith("Storm damage on the breakwater")
    assert expected not in article.caption


@pytest.mark.parametrize(
    ("caption", "expected_caption", "expected_credit"),
    [
        (
            "防波堤の被害＝14日、南浜市（写真：佐藤健一）",
            "防波堤の被害＝14日、南浜市",
            "写真：佐藤健一",
        ),
        ("防波堤の被害＝14日、南浜市（共同）", "防波堤の被害＝14日、南浜市", "共同"),
        ("4月1日，防波堤受损。（本报记者 李明 摄）", "4月1日，防波堤受损。", "李明"),
        ("방파제가 파손돼 있다. /사진=김민준 기자", "방파제가 파손돼 있다.", "사진=김민준 기자"),
    ],
)
def test_credits_written_inside_chinese_japanese_and_korean_captions(
    caption: str, expected_caption: str, expected_credit: str
) -> None:
    """Full-width brackets, the CJK photo labels, a trailing "摄" and "/사진=" mark credits."""
    figure = f'<figure><img src="https://img.example/breakwater.jpg"><figcaption>{caption}</figcaption></figure>'
    article = extract_article(page_with_caption(figure), "https://news.example/breakwater")
    assert (article.caption, article.credit) == (expected_caption, expected_credit)


def test_a_caption_without_a_credit_stays_whole() -> None:
    """A caption with no credit in it is kept as it is, and the credit is None."""
    figure = (
        '<figure><img src="/breakwater.jpg">'
        "<figcaption>Storm damage on the breakwater, seen from the lighthouse.</figcaption>"
        "</figure>"
    )
    article = extract_article(page_with_caption(figure), "https://news.example/breakwater")
    assert article.caption == "Storm damage on the breakwater, seen from the lighthouse."
    assert article.credit is None
    assert article.image_url == "https://news.example/breakwater.jpg"
