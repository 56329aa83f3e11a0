"""Captions, credits and bylines in the forms pages met for the first time still showed: a lead
picture shown only to readers without scripts, a photographer's name after the caption's last
sentence, a credit written twice, a site's address before the photographer or the reporter."""

from __future__ import annotations

import json

import pytest
from lxml import html

from desktop.ingest.captions import image_count
from desktop.ingest.creditforms import split_credit, unwrapped
from desktop.ingest.extract import Extracted, extract_article

URL = "https://www.tideline.example/news/2025/05/13/pier-repairs/"
PICTURE = "https://img.tideline.example/2025/05/13/20250513-TDL1I50031-1.jpg?type=ogp"
SHOWN = "https://img.tideline.example/2025/05/13/20250513-TDL1I50031-T.jpg?type=large"
PROSE = (
    "The harbour board said on Tuesday that repairs to the north pier would start in June and"
    " take most of the summer, after divers found cracks in three of its concrete piles."
)


def page(lead: str, byline: str = "", head: str = "") -> str:
    """A small article page: og:image, the byline, the lead picture, then four paragraphs."""
    body = "".join(f"<p>{PROSE} Paragraph {n} adds detail.</p>" for n in range(4))
    return (
        f'<html><head><title>Pier repairs</title><meta property="og:image" content="{PICTURE}">'
        f"{head}</head><body><article><h1>Pier repairs</h1>{byline}{lead}{body}</article>"
        "</body></html>"
    )


def extract(markup: str) -> Extracted:
    """The article on a page."""
    return extract_article(markup, URL)


def test_a_picture_shown_only_without_scripts_gives_its_figures_caption() -> None:
    """A Japanese paper's lead figure: the <img> only in a <noscript>, another variant of the
    named picture; its figure's caption and credit are the lead photo's."""
    lead = (
        f'<figure class="p-photo"><div><noscript data-src="{SHOWN}"><img src="{SHOWN}" '
        'width="600" height="400" alt=""></noscript></div><figcaption>完成した桟橋（13日）'
        "＝山田太郎撮影</figcaption></figure>"
    )
    article = extract(page(lead))
    assert (article.caption, article.credit) == ("完成した桟橋（13日）", "山田太郎")


def test_a_counter_for_readers_without_scripts_is_no_lead_photo() -> None:
    """A <noscript> counter's image names no picture: the page has no lead photo of its own."""
    head = '<meta property="og:image" content="https://img.tideline.example/social/card.png">'
    lead = '<noscript><img src="https://stats.tideline.example/tr?id=42&amp;ev=view"></noscript>'
    markup = page(lead, head=head).replace(f'<meta property="og:image" content="{PICTURE}">', "")
    assert extract(markup).image_url is None


def test_a_photographers_name_after_the_captions_last_sentence_is_the_credit() -> None:
    """WordPress: the caption's text, then the photographer's name in a span of its own."""
    lead = (
        f'<figure class="wp-block-image"><img src="{SHOWN}" width="656" height="492" alt="">'
        "<figcaption>Divers check the piles at low tide, the only hour they can reach them. "
        '<span class="fig-by">Kerrie Lam</span></figcaption></figure>'
    )
    article = extract(page(lead))
    assert (article.caption, article.credit) == (
        "Divers check the piles at low tide, the only hour they can reach them.",
        "Kerrie Lam",
    )


def test_a_name_running_on_in_the_captions_sentence_stays_in_the_caption() -> None:
    """A name in a span inside the caption's sentence is the caption's, not a credit."""
    lead = (
        f'<figure><img src="{SHOWN}" width="656" height="492" alt="">'
        '<figcaption>Harbour master <span class="name">Kerrie Lam</span></figcaption></figure>'
    )
    article = extract(page(lead))
    assert (article.caption, article.credit) == ("Harbour master Kerrie Lam", None)


@pytest.mark.parametrize(
    ("written", "credit"),
    [
        ("江城晚报 图片来源：江城晚报", "江城晚报"),
        ("图片来源：新华社 图片来源：新华社", "新华社"),
        ("Photo: AP Photo: AP", "AP"),
        ("Courtesy of Jane Doe", "Courtesy of Jane Doe"),
        ("Photo by Marta Ilves for the Valley Ledger", "Marta Ilves for the Valley Ledger"),
    ],
)
def test_a_credit_written_twice_is_given_once(written: str, credit: str) -> None:
    assert unwrapped(written) == credit


@pytest.mark.parametrize(
    "credit", ["PRAIRIEWIRE.EXAMPLE/Owen Tate", "Paper.example / Owen Tate", "REUTERS/Owen Tate"]
)
def test_a_sites_or_agencys_slash_credit_closes_a_caption(credit: str) -> None:
    caption = "Barges wait on the river near Fort Calder."
    assert split_credit(f"{caption} {credit}") == (caption, credit)


def test_a_wire_byline_naming_its_site_first_gives_the_reporter_alone() -> None:
    """A wire's byline in capitals, "SITE.EXAMPLE/NAME SURNAME", is the reporter's name."""
    byline = (
        '<div class="story__byline"><span class="author">TIDELINE.EXAMPLE/DELIA MARSH</span></div>'
    )
    assert extract(page("", byline)).byline == "Delia Marsh"


CARD = "https://static.tideline.example/t/6641aa10/1715600000000/rawImage.jpg?format=1500w"
PHOTO = "https://images.tideline.example/content/v1/5f1a2b3c/1715600123456-QX7Y2ABC/pier.jpg"
CAPTION = "Divers check the piles of the north pier at low tide on Monday."


def card_page(lead: str, before: str = "", head: str = "") -> str:
    """A page naming a social card that it never shows, then ``before``, the lead picture and
    four paragraphs."""
    markup = page(f"{before}{lead}", head=head)
    return markup.replace(PICTURE, CARD)


def figure(src: str = PHOTO, classes: str = "") -> str:
    """A figure with a caption and a credit."""
    return (
        f'<figure class="{classes}"><img src="{src}" width="1200" height="800" alt="">'
        f"<figcaption>{CAPTION} Photo: Ana Ruiz</figcaption></figure>"
    )


def test_the_opening_figure_captions_a_named_picture_the_page_never_shows() -> None:
    """A social card at an address of its own: the article's opening figure is the photo's."""
    article = extract(card_page(figure()))
    assert (article.image_url, article.caption, article.credit) == (
        CARD,
        CAPTION,
        "Photo: Ana Ruiz",
    )


def test_a_figure_after_the_articles_opening_paragraphs_captions_no_social_card() -> None:
    """A picture further down the story is the story's, not the card's."""
    before = "".join(f"<p>{PROSE} Opening {n}.</p>" for n in range(2))
    article = extract(card_page(figure(), before))
    assert (article.image_url, article.caption, article.credit) == (CARD, None, None)


def test_another_storys_thumbnail_captions_no_social_card() -> None:
    """A related story's picture at the top gives the card no caption."""
    article = extract(card_page(figure(classes="related-story")))
    assert (article.caption, article.credit) == (None, None)


def test_the_json_ld_caption_of_a_named_picture_comes_before_the_opening_figure() -> None:
    """What the page says of the picture it names wins over a figure it shows."""
    graph = {
        "@type": "NewsArticle",
        "image": {"@type": "ImageObject", "url": CARD, "caption": "The pier from the air."},
    }
    head = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    assert extract(card_page(figure(), head=head)).caption == "The pier from the air."


def test_a_site_builders_text_block_opening_with_the_caption_gives_it() -> None:
    """Squarespace: an image block, then a text block whose first paragraph, in italics, is the
    caption and credit, and whose next paragraphs are the story; the caption is not body text."""
    blocks = (
        '<div class="sqs-block image-block"><div class="sqs-block-content"><div class="wrap">'
        f'<img data-src="{PHOTO}" alt=""></div></div></div>'
        '<div class="sqs-block html-block"><div class="sqs-block-content"><div class="html">'
        f"<p><em>{CAPTION} Photo by Marta Ilves for the Tideline</em></p>"
        + "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(3))
        + "</div></div></div>"
    )
    article = extract(card_page(blocks))
    assert (article.caption, article.credit) == (CAPTION, "Marta Ilves for the Tideline")
    assert CAPTION not in article.text and "Marta Ilves" not in article.text


def test_a_written_by_line_gives_the_author_when_no_byline_is_shown() -> None:
    """A site builder's closing "Written by" line names the author."""
    markup = page("").replace(
        "</article>", "<p><strong>Written by Hollis Bray</strong></p></article>"
    )
    article = extract(markup)
    assert article.byline == "Hollis Bray" and "Hollis Bray" not in article.text


SHOT = f'<img src="{PICTURE}" width="1200" height="800" alt="">'


@pytest.mark.parametrize(
    ("box", "caption"),
    [
        (
            '<span class="keterangan-foto">Penyelam memeriksa tiang dermaga</span>',
            "Penyelam memeriksa tiang dermaga",
        ),
        ('<p class="podpis-zdjecia">Nurkowie sprawdzają pale</p>', "Nurkowie sprawdzają pale"),
        ('<div class="foto-popis">Potápěči kontrolují piloty</div>', "Potápěči kontrolují piloty"),
        (
            '<div class="bildunterschrift">Taucher prüfen die Pfähle</div>',
            "Taucher prüfen die Pfähle",
        ),
        ('<div class="foto-onderschrift">Duikers bij de pier</div>', "Duikers bij de pier"),
        ('<div class="kepalairas">Búvárok a mólónál</div>', "Búvárok a mólónál"),
        ('<p class="chu-thich">Thợ lặn tại cầu cảng</p>', "Thợ lặn tại cầu cảng"),
    ],
)
def test_caption_elements_named_in_other_languages_are_captions(box: str, caption: str) -> None:
    """Indonesian, Polish, Czech and German pages name their caption element in their language."""
    assert extract(page(f'<div class="pic">{SHOT}</div>{box}')).caption == caption


def test_a_credits_label_left_alone_takes_the_name_from_an_attribute() -> None:
    """A caption closing on "Fot." with the photographer named only in the picture box's
    ``data-author``: the credit is the name, the caption has no dangling label."""
    lead = (
        f'<div class="featured-image" data-author="Piotr Sowa"><a href="{PICTURE}">{SHOT}</a>'
        '<span class="wp-caption-text">Nowa stacja przy rynku. Fot.</span></div>'
    )
    article = extract(page(lead))
    assert (article.caption, article.credit) == ("Nowa stacja przy rynku.", "Piotr Sowa")


def test_a_by_line_naming_the_wires_site_first_gives_the_reporter() -> None:
    byline = '<div class="byline">By TIDELINE.COM/JANE ROE</div>'
    assert extract(page("", byline)).byline == "Jane Roe"


def test_a_site_builders_author_hook_is_the_byline() -> None:
    """Wix marks the post's author with ``data-hook`` names, in capitals."""
    byline = '<div data-hook="post-author"><span data-hook="user-name">ROSAMUND HALE</span></div>'
    assert extract(page("", byline)).byline == "Rosamund Hale"


@pytest.mark.parametrize(
    "line",
    [
        '<div class="written-by"><span>Written by</span> '
        '<a href="/people/jane-roe">Jane Roe</a></div>',
        '<div class="meta"><span class="k">كتب</span> <span class="n">Jane Roe</span></div>',
        '<p class="meta">كتب - Jane Roe</p>',
    ],
)
def test_an_authors_label_alone_in_its_element_names_the_author(line: str) -> None:
    """ "Written by" or the Arabic "كتب" in an element of its own, the name in the next."""
    assert extract(page("", line)).byline == "Jane Roe"


def test_an_arabic_sentence_opening_with_wrote_is_no_byline() -> None:
    """ "كتب" opening a sentence ("The minister wrote ...") labels no author."""
    line = "<p>كتب الوزير رسالة إلى المجلس البلدي يطلب فيها تأجيل الأشغال.</p>"
    assert extract(page("", line)).byline is None


@pytest.mark.parametrize(
    ("written", "credit"),
    [
        ("تجار في سوق التمور صباح الثلاثاء. المصدر: رويترز", "رويترز"),
        ("تجار في سوق التمور صباح الثلاثاء. الصورة: ليلى منصور", "ليلى منصور"),
        ("تجار في سوق التمور صباح الثلاثاء (الأناضول)", "الأناضول"),
    ],
)
def test_arabic_credit_labels_and_agencies_close_a_caption(written: str, credit: str) -> None:
    assert split_credit(written)[1] == credit


@pytest.mark.parametrize("tag", ["em", "small", "i"])
def test_a_name_set_apart_after_the_captions_sentence_is_the_credit(tag: str) -> None:
    """The photographer's name in italics or small type after the caption's last sentence."""
    lead = (
        f"<figure>{SHOT}<figcaption>Divers check the piles at low tide. <{tag}>Kerrie Lam</{tag}>"
        "</figcaption></figure>"
    )
    article = extract(page(lead))
    assert (article.caption, article.credit) == (
        "Divers check the piles at low tide.",
        "Kerrie Lam",
    )


def test_a_name_set_apart_inside_the_captions_sentence_stays_in_the_caption() -> None:
    lead = f"<figure>{SHOT}<figcaption>The mayor greets <em>Kerrie Lam</em></figcaption></figure>"
    assert extract(page(lead)).caption == "The mayor greets Kerrie Lam"


def test_a_name_after_a_caption_closing_on_its_label_is_the_credit() -> None:
    """ "... w Borowicach. Fot." then the photographer's name in the next element: the credit,
    not body text."""
    lead = (
        f'<div class="zdjecie">{SHOT}<p class="caption">Nurkowie sprawdzają pale. Fot.</p>'
        "<p>Jan Kowalski</p></div>"
    )
    article = extract(page(lead))
    assert (article.caption, article.credit) == ("Nurkowie sprawdzają pale.", "Jan Kowalski")
    assert "Kowalski" not in article.text


def test_an_italic_opening_paragraph_without_a_credit_after_an_image_block_is_no_caption() -> None:
    """A text block after an image block opening with an italic paragraph that no credit closes
    (a standfirst) gives the picture no caption."""
    note = "The pier has stood since 1911 and carried the town's ferries for most of that time."
    blocks = (
        f'<div class="image-block"><div class="wrap"><img data-src="{PHOTO}" alt=""></div></div>'
        f'<div class="html-block"><div class="html"><p><em>{note}</em></p>'
        + "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(3))
        + "</div></div>"
    )
    article = extract(card_page(blocks))
    assert (article.caption, article.credit) == (None, None)


@pytest.mark.parametrize(
    "placeholder",
    [
        '<img alt="" role="presentation" aria-hidden="true" src="data:image/svg+xml,%3Csvg%3E">',
        '<img alt="" src="data:image/svg+xml;charset=utf-8,%3Csvg%3E">',
    ],
)
def test_an_image_wrappers_placeholder_does_not_make_its_figure_a_gallery(placeholder: str) -> None:
    """A Gatsby image wrapper's hidden sizer image beside the lazy picture leaves the figure one
    picture's, so its caption is the lead photo's and not the body's."""
    lead = (
        f'<figure><div class="gatsby-image-wrapper"><div>{placeholder}</div><picture>'
        f'<img data-main-image="" style="opacity:0" data-src="{PICTURE}" alt=""></picture></div>'
        "<figcaption>Crews patch the pier's deck at low tide. Photo: Jane Doe</figcaption></figure>"
    )
    found = extract(page(lead))
    assert (found.caption, found.credit) == (
        "Crews patch the pier's deck at low tide.",
        "Photo: Jane Doe",
    )
    assert "Crews patch" not in found.text


def test_a_lazy_image_with_an_inline_placeholder_address_still_counts_as_a_picture() -> None:
    """Lazy images whose ``src`` is an inline placeholder but whose ``data-src`` names a picture
    are counted as pictures, placeholders or not."""
    lazy = '<img src="data:image/gif;base64,R0lGOD" data-src="https://img.tideline.example/{}.jpg">'
    lead = (
        f"<figure>{lazy.format('a')}{lazy.format('b')}"
        "<figcaption>Crews patch the pier's deck at low tide.</figcaption></figure>"
    )
    assert image_count(html.fromstring(lead)) == 2
