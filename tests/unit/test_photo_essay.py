"""Photo essays, whose story is told in the captions of their pictures: an intro paragraph, then
pictures with captions of a few sentences each and little else (a Squarespace blog post built of
image blocks). The body is the intro and the captions in page order; an ordinary article's
captions stay out of its body."""

from __future__ import annotations

from desktop.ingest.extract import Extracted, extract_article
from desktop.ingest.figures import body_images

URL = "https://www.tidelinejournal.example/stories/the-salt-pans-of-marram-bay"
CDN = "https://images.cdn.example/content/v1/5f1a2b3c4d5e6f7a8b9c0d1e"

INTRO = (
    "For three summers I followed the last families who still rake salt by hand on the flats of "
    "Marram Bay, where the sea is let into shallow clay pans and the sun does the rest."
)
CAPTIONS = [
    "Ines Costa opens the sluice at dawn. The pans are flooded only on spring tides, and she "
    "reads the water by its colour before she lets it in.",
    "The brine thickens for weeks. When a crust forms, the rakers move along the pans barefoot, "
    "because boots would break the clay floor they spend all winter repairing.",
    "Salt flower, the fine crystals that float on the surface, is skimmed in the late afternoon "
    "when the wind drops. A good day gives no more than a few kilos of it.",
    "The harvest is carried to the shed in wicker baskets lined with cloth. Nothing here has "
    "changed since her grandmother's time, Ines says, except the price of the baskets.",
    "At the end of the season the family seals the pans with fresh clay. Next spring they will "
    "find out whether the winter storms left anything of their work standing.",
]


def picture(number: int) -> str:
    """The address of a picture on the platform's CDN: a folder of its own for each upload."""
    return f"{CDN}/17123456789{number:02d}-Q{number}X7PLM2ZBWK/DSC_04{number:02d}.jpg"


def image_block(number: int, caption: str | None) -> str:
    """One of Squarespace's image blocks: the picture in its wrappers, the caption below it."""
    address = picture(number)
    below = (
        f'<figcaption class="image-caption-wrapper"><div class="image-caption"><p class="" '
        f'style="white-space:pre-wrap;">{caption}</p></div></figcaption>'
        if caption
        else ""
    )
    return f"""<div class="sqs-block image-block sqs-block-image" data-block-type="5"
id="block-yui_3_17_2_1_{number}"><div class="sqs-block-content"><figure
class="sqs-block-image-figure intrinsic" style="max-width:2000px;"><div
class="image-block-outer-wrapper layout-caption-below design-layout-inline" data-test=
"image-block-inline-outer-wrapper"><div class="image-block-wrapper" data-animation-role="image"
style="padding-bottom:66.6%;"><noscript><img src="{address}" alt=""></noscript><img
class="thumb-image" data-src="{address}" data-image="{address}" data-image-dimensions="2000x1333"
data-image-focal-point="0.5,0.5" alt="" data-load="false" src="{address}?format=1500w"></div>
</div>{below}</figure></div></div>"""


def text_block(inner: str) -> str:
    """One of Squarespace's text blocks."""
    return f"""<div class="sqs-block html-block sqs-block-html" data-block-type="2"
id="block-text"><div class="sqs-block-content"><div class="sqs-html-content">{inner}</div>
</div></div>"""


def blog_post(blocks: str, lead: int | None = None) -> str:
    """A Squarespace blog post page around a post body of blocks; the meta tags name picture
    ``lead`` as the post's image when given."""
    image = f'<meta property="og:image" content="{picture(lead)}">' if lead else ""
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>The salt pans of Marram Bay — Tideline Journal</title>
<meta property="og:title" content="The salt pans of Marram Bay">{image}
<meta property="og:site_name" content="Tideline Journal"></head>
<body class="collection-type-blog view-item"><header id="header" class="header"><div
class="header-title"><a href="/">Tideline Journal</a></div><nav class="header-nav"><a
href="/stories">Stories</a> <a href="/about">About</a></nav></header>
<main id="page" class="container" role="main"><article class="sections" id="sections"><section
class="page-section"><div class="content-wrapper"><div class="content"><div
class="blog-item-wrapper"><article class="entry h-entry hentry author-mira-sol post-type-text">
<div class="blog-item-top-wrapper">
<h1 class="entry-title entry-title--large p-name" data-content-field="title">The salt pans of
Marram Bay</h1><div class="blog-meta-section"><span class="blog-author">Mira Sol</span>
<time class="dt-published blog-meta-item--date" datetime="2025-08-30">August 30, 2025</time>
</div></div><div class="blog-item-content-wrapper"><div class="blog-item-content e-content">
<div class="sqs-layout sqs-grid-12 columns-12" data-type="item" id="item-65a1"><div class="row
sqs-row"><div class="col sqs-col-12 span-12">{blocks}</div></div></div></div></div>
<div class="blog-item-comments"><a href="#comments">Comment</a></div></article></div></div>
</div></section></article></main><footer class="footer"><p>Tideline Journal</p></footer>
</body></html>"""


def blocks(found: Extracted) -> list[str]:
    """The blank-line-separated blocks of an article's text."""
    return found.text.split("\n\n")


def test_a_photo_essay_is_its_intro_then_its_captions_in_order() -> None:
    """Most of the prose is in long captions: they are the story, read after the intro."""
    pictures = "".join(image_block(n, text) for n, text in enumerate(CAPTIONS, start=1))
    found = extract_article(blog_post(text_block(f"<p>{INTRO}</p>") + pictures), URL)
    assert blocks(found) == [INTRO, *CAPTIONS]
    addresses = [image.url.split("?")[0] for image in body_images(found.html)]
    assert addresses == [picture(n) for n in range(2, 6)]  # the first is the lead photo
    assert found.html.count(CAPTIONS[1][:30]) == 1  # each caption said once


def test_the_lead_pictures_caption_still_tells_its_part_of_the_essay() -> None:
    """The picture the page names as its own is the lead photo, shown apart with its caption;
    the caption is still the essay's text, in its place after the intro."""
    pictures = "".join(image_block(n, text) for n, text in enumerate(CAPTIONS, start=1))
    found = extract_article(blog_post(text_block(f"<p>{INTRO}</p>") + pictures, lead=2), URL)
    assert found.image_url == picture(2)
    assert found.caption == CAPTIONS[1]
    assert blocks(found) == [INTRO, *CAPTIONS]
    addresses = [image.url.split("?")[0] for image in body_images(found.html)]
    assert addresses == [picture(n) for n in (1, 3, 4, 5)]


ARTICLE = [
    "The parish council has agreed to lease the old salt shed on the bay to a cooperative of "
    "rakers, who plan to sell their harvest there from next summer onwards.",
    "The shed has stood empty since the last merchant left in 1994, and its roof was repaired "
    "last winter with a grant from the county's heritage fund, the council said.",
    "Members of the cooperative said a shop on the flats would let visitors see the pans at "
    "work and buy salt from the people who rake it, instead of from a supermarket shelf.",
    "Some residents objected to the extra traffic on the bay road, and the council has asked the "
    "cooperative to run a minibus from the village car park on weekends in August.",
    "The lease runs for ten years at a peppercorn rent, on condition that the cooperative keeps "
    "the shed open to the public at least four days a week during the season.",
    "A first open day is planned for the spring, when the pans are flooded for the year and the "
    "rakers start repairing the clay walls that the winter storms have broken.",
]


def test_an_articles_long_captions_stay_out_of_its_body() -> None:
    """Where the paragraphs hold most of the prose, captions are the pictures' own, however
    long, as everywhere else."""
    parts = [text_block("".join(f"<p>{text}</p>" for text in ARTICLE[:3]))]
    parts += [image_block(n, CAPTIONS[n - 1]) for n in (1, 2, 3)]
    parts += [text_block("".join(f"<p>{text}</p>" for text in ARTICLE[3:]))]
    found = extract_article(blog_post("".join(parts)), URL)
    assert blocks(found) == ARTICLE
    shown = [(image.url.split("?")[0], image.caption) for image in body_images(found.html)]
    assert shown == [(picture(n), CAPTIONS[n - 1]) for n in (2, 3)]  # the first is the lead


def test_short_captions_do_not_make_a_photo_essay() -> None:
    """A gallery of pictures with labels of a few words is no story told in captions."""
    labels = ["The sluice", "Raking", "Salt flower", "Baskets", "Sealing the pans"]
    pictures = "".join(image_block(n, text) for n, text in enumerate(labels, start=1))
    found = extract_article(blog_post(text_block(f"<p>{INTRO}</p>") + pictures), URL)
    assert blocks(found) == [INTRO]


def grid_item(number: int, caption: str) -> str:
    """One picture of a Squarespace gallery grid, its caption and credit below it."""
    address = picture(number)
    return f"""<figure class="gallery-grid-item"><div class="gallery-grid-item-wrapper"><a
href="{address}" class="gallery-grid-lightbox-link"><img data-src="{address}" data-image=
"{address}" data-image-dimensions="2500x1667" alt="" src="{address}?format=750w" loading="lazy">
</a></div><figcaption class="gallery-caption gallery-caption-grid-simple"><div
class="gallery-caption-wrapper"><p class="gallery-caption-content">{caption} <span
class="credit">Photo: Mira Sol</span></p></div></figcaption></figure>"""


def test_a_gallery_grid_tells_its_captions_without_their_credits() -> None:
    """A gallery block's grid of captioned pictures is read the same way; the credits stay out."""
    items = "".join(grid_item(n, text) for n, text in enumerate(CAPTIONS, start=1))
    gallery = (
        '<div class="sqs-block gallery-block sqs-block-gallery"><div class="sqs-block-content">'
        f'<div class="gallery-grid gallery-grid--layout-grid"><div class="gallery-grid-wrapper">'
        f"{items}</div></div></div></div>"
    )
    found = extract_article(blog_post(text_block(f"<p>{INTRO}</p>") + gallery), URL)
    assert blocks(found) == [INTRO, *CAPTIONS]
    assert "Mira Sol" not in found.text


def test_an_essay_that_opens_with_a_picture_keeps_its_caption_before_the_intro() -> None:
    """The first picture and its caption above the intro are the essay's opening."""
    first = image_block(1, CAPTIONS[0])
    rest = "".join(image_block(n, text) for n, text in enumerate(CAPTIONS[1:], start=2))
    page = blog_post(first + text_block(f"<p>{INTRO}</p>") + rest, lead=3)
    found = extract_article(page, URL)
    assert blocks(found) == [CAPTIONS[0], INTRO, *CAPTIONS[1:]]
