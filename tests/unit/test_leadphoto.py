"""The lead photo of an article page, as publishers' platforms mark it up: found through a CDN's
other sizes and hosts, with its caption and credit wherever they are written, and never a share
card, logo, headshot, flag or another story's thumbnail."""

from __future__ import annotations

import json

import pytest

from desktop.ingest.extract import Extracted, extract_article

URL = "https://www.riverton.example/news/2025/05/06/ferry-timetable-changes/"
PROSE = (
    "The ferry operator said on Tuesday that the summer timetable would start a week later than"
    " planned, after a survey of the north slipway found damage from the winter storms."
)


def page(head: str = "", lead: str = "", after: str = "") -> str:
    """A small article page: the head's tags, the lead picture, four paragraphs, then more."""
    body = "".join(f"<p>{PROSE} Paragraph {n} adds detail.</p>" for n in range(4))
    return (
        f"<html><head><title>Ferry timetable changes</title>{head}</head><body>"
        '<header class="site-header"><a href="/"><img src="/static/logo.png" alt="Riverton"></a>'
        f"</header><article><h1>Ferry timetable changes</h1>{lead}{body}</article>{after}"
        "</body></html>"
    )


def og_image(url: str, width: int | None = None, height: int | None = None) -> str:
    """The og:image tags naming a picture, with its declared size if given."""
    tags = f'<meta property="og:image" content="{url}">'
    if width and height:
        tags += f'<meta property="og:image:width" content="{width}">'
        tags += f'<meta property="og:image:height" content="{height}">'
    return tags


def extract(markup: str, url: str = URL) -> Extracted:
    """The article on a page."""
    return extract_article(markup, url)


def test_the_named_photo_is_found_at_another_size_and_gives_its_caption() -> None:
    """og:image names the full-size file, the page shows a WordPress size of it: the caption of
    the shown image is the lead photo's."""
    uploads = "https://www.riverton.example/wp-content/uploads/2025/05"
    lead = (
        f'<div class="featured"><a href="{uploads}/north-slipway.jpg"><div class="thumb">'
        f'<img src="{uploads}/north-slipway-750x375.jpg" width="750" height="375"></div></a>'
        '<p class="wp-caption-text">Engineers inspect the north slipway on Monday | Getty Images'
        "</p></div>"
    )
    later = (
        f'<figure><img src="{uploads}/old-slipway.jpg" width="800" height="533">'
        "<figcaption>The slipway when it opened in 1962.</figcaption></figure>"
    )
    article = extract(page(og_image(f"{uploads}/north-slipway.jpg"), lead, later))
    assert article.image_url == f"{uploads}/north-slipway.jpg"
    assert (article.caption, article.credit) == (
        "Engineers inspect the north slipway on Monday",
        "Getty Images",
    )


def test_a_caption_outside_several_wrappers_of_a_media_entity_is_found() -> None:
    """Drupal wraps the image in a media <article> and four <div>s; the caption follows them."""
    lead = (
        '<div class="field--name-field-media"><div class="media-wrapper"><div class="inner">'
        '<article class="media"><div class="field--name-field-media-image">'
        '<img src="/files/styles/wide/slipway.jpg?itok=Ab12" width="1280" height="720">'
        '</div></article></div></div><div class="media-caption">Engineers inspect the north'
        " slipway on Monday. © Ana Ruiz</div></div>"
    )
    article = extract(page(lead=lead))
    assert (
        article.image_url == "https://www.riverton.example/files/styles/wide/slipway.jpg?itok=Ab12"
    )
    assert (article.caption, article.credit) == (
        "Engineers inspect the north slipway on Monday.",
        "© Ana Ruiz",
    )


def test_a_saved_page_resolves_its_pictures_against_its_own_web_address() -> None:
    """A page read from a file, whose canonical link is relative, names its address in og:url."""
    head = (
        '<link rel="canonical" href="/news/ferry-timetable-changes">'
        '<meta property="og:url" content="https://www.riverton.example/news/ferry-timetable-changes">'
    )
    lead = '<img src="/files/slipway.jpg" width="800" height="533">'
    article = extract(page(head, lead), "file:///home/reader/Saved/ferry.html")
    assert article.image_url == "https://www.riverton.example/files/slipway.jpg"
    assert article.url == "https://www.riverton.example/news/ferry-timetable-changes"


def test_a_caption_given_only_in_the_json_ld_graph() -> None:
    """Yoast's graph refers to the lead image by @id; its ImageObject holds the caption."""
    image_id = f"{URL}#primaryimage"
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "headline": "Ferry timetable changes",
             "image": {"@id": image_id}},
            {"@type": "ImageObject", "@id": image_id,
             "url": "https://www.riverton.example/files/slipway.jpg",
             "caption": "Engineers inspect the north slipway. Photo: Ana Ruiz/Riverton Post"},
        ],
    }  # fmt: skip
    head = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    article = extract(page(head))
    assert article.image_url == "https://www.riverton.example/files/slipway.jpg"
    assert (article.caption, article.credit) == (
        "Engineers inspect the north slipway.",
        "Photo: Ana Ruiz/Riverton Post",
    )


def test_a_photo_shown_as_a_background_takes_the_caption_of_its_featured_block() -> None:
    """A theme paints the featured photo as a background: no <img>, but a caption in its block."""
    lead = (
        '<div class="single-featured-image"><div class="featured-image-bg"></div>'
        '<span class="caption-text">Engineers inspect the north slipway. Photo: Ana Ruiz</span>'
        "</div>"
    )
    article = extract(page(og_image("https://cdn.riverton.example/2025/05/slipway.jpg"), lead))
    assert article.image_url == "https://cdn.riverton.example/2025/05/slipway.jpg"
    assert (article.caption, article.credit) == (
        "Engineers inspect the north slipway.",
        "Photo: Ana Ruiz",
    )


def test_an_amp_image_and_its_figure() -> None:
    """AMP pages show the photo as <amp-img>, at another size than og:image."""
    lead = (
        '<figure class="lead-image"><amp-img src="https://img.riverton.example/slipway.jpg?w=1024"'
        ' width="1024" height="576" layout="responsive"></amp-img><figcaption>Engineers inspect'
        ' the north slipway. <span class="credit">Photograph: Ana Ruiz</span></figcaption></figure>'
    )
    article = extract(page(og_image("https://img.riverton.example/slipway.jpg?w=1200&h=630"), lead))
    assert article.image_url == "https://img.riverton.example/slipway.jpg?w=1200&h=630"
    assert (article.caption, article.credit) == (
        "Engineers inspect the north slipway.",
        "Photograph: Ana Ruiz",
    )


def test_a_table_row_under_the_picture_is_its_caption() -> None:
    """Older sites frame a picture and its caption in a table of two rows."""
    lead = (
        '<table><tr><td><img src="/img/slipway.jpg" width="480" height="320"></td></tr>'
        "<tr><td><font size=1><i>The north slipway at low tide. (Photo: Ana Ruiz)</i></font>"
        "</td></tr></table>"
    )
    article = extract(page(lead=lead))
    assert (article.caption, article.credit) == (
        "The north slipway at low tide.",
        "Photo: Ana Ruiz",
    )


def test_caption_controls_are_no_part_of_the_caption() -> None:
    """A "Buy this photo" link inside the figcaption is left out."""
    lead = (
        '<figure><img src="/img/slipway.jpg" width="800" height="533"><figcaption>'
        '<div class="caption-text">The north slipway at low tide.</div>'
        '<span class="photo-credit">Ana Ruiz</span><div class="photo-buy-container">'
        '<a class="btn" href="/buy/">Buy Now</a></div></figcaption></figure>'
    )
    article = extract(page(lead=lead))
    assert (article.caption, article.credit) == ("The north slipway at low tide.", "Ana Ruiz")


@pytest.mark.parametrize(
    "card",
    [
        "https://www.riverton.example/wp-content/uploads/2021/06/riverton-share.png",
        "https://www.riverton.example/static/img/social/default-card.png",
        "https://cdn.riverton.example/img/riverton_logo_rgb.jpg",
    ],
)
def test_a_share_card_or_logo_is_not_the_photo_but_the_articles_photo_is(card: str) -> None:
    """og:image names the site's card; the article's own photo is the lead photo."""
    lead = (
        '<figure><img src="https://www.riverton.example/files/slipway.jpg" width="800"'
        ' height="533"><figcaption>The north slipway at low tide.</figcaption></figure>'
    )
    article = extract(page(og_image(card), lead))
    assert article.image_url == "https://www.riverton.example/files/slipway.jpg"
    assert article.caption == "The north slipway at low tide."
    assert extract(page(og_image(card))).image_url is None


def test_a_columnists_headshot_is_no_lead_photo() -> None:
    """og:image is the author's small square headshot, shown in the byline (though it claims
    1200 by 630): the article has no photo."""
    headshot = "https://www.riverton.example/resizer/v2/AB12CD34.png?width=300&height=300"
    lead = (
        f'<section class="b-byline"><div class="b-byline__author"><img src="{headshot}"'
        ' width="300" height="300" alt="Ana Ruiz"><a href="/people/ana-ruiz/">Ana Ruiz</a>'
        "</div></section>"
    )
    article = extract(page(og_image(headshot, 1200, 630), lead))
    assert article.image_url is None


def test_pixels_flags_banners_and_other_stories_thumbnails_are_no_lead_photo() -> None:
    """Without og:image, none of the pictures of this page is the article's photo."""
    lead = (
        '<img src="https://ads.example/t.gif?id=4" width="1" height="1">'
        '<img class="flag-icon" src="/flags/ie.svg" width="20" height="14" alt="Ireland">'
        '<img src="/img/banner.jpg" width="780" height="120">'
    )
    after = (
        '<section class="more-stories"><a href="/news/other-story/">'
        '<img src="/img/other-story-600.jpg" width="600" height="400"></a></section>'
    )
    assert extract(page(lead=lead, after=after)).image_url is None


def test_a_figure_with_an_enlarge_icon_keeps_its_caption() -> None:
    """The icon of an "enlarge" button beside the photo is no second picture of the figure."""
    lead = (
        '<figure><img src="/img/slipway.jpg" width="800" height="533"><button class="expand">'
        '<img src="/static/enlarge.png" width="24" height="24"></button><figcaption>The north'
        " slipway at low tide. Photo: Ana Ruiz</figcaption></figure>"
    )
    article = extract(page(lead=lead))
    assert (article.caption, article.credit) == (
        "The north slipway at low tide.",
        "Photo: Ana Ruiz",
    )


def test_json_ld_image_credits_its_author() -> None:
    """An ImageObject gives its caption as a description and its credit as its author."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "image": {
            "@type": "ImageObject",
            "url": "https://www.riverton.example/files/slipway.jpg",
            "description": "The north slipway at low tide.",
            "author": {"@type": "Person", "name": "Ana Ruiz"},
        },
    }
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    article = extract(page(head))
    assert (article.caption, article.credit) == ("The north slipway at low tide.", "Ana Ruiz")
