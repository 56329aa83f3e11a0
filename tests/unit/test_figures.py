"""Pictures in bodies as feeds and pages write them, made plain: one address per picture, figures
with their caption and credit, trackers and placeholders out, and pictures told apart from a CDN's
other sizes of them."""

from __future__ import annotations

import pytest

from desktop.ingest.figures import (
    MAX_BODY_IMAGES,
    BodyImage,
    body_images,
    prepare_pictures,
)
from desktop.ingest.picturekeys import same_picture
from desktop.ingest.sanitize import sanitize_html

BASE = "https://news.example/2025/04/harbour-story/"
UPLOADS = "https://news.example/wp-content/uploads/2025/04"


def plain(markup: str) -> str:
    """Markup as a feed entry's body is stored: pictures prepared, then sanitized."""
    return sanitize_html(markup, BASE)


def pictures(markup: str) -> tuple[BodyImage, ...]:
    """The pictures a stored body shows."""
    return body_images(plain(markup))


def test_a_block_editor_figure_keeps_the_size_nearest_the_column_with_caption_and_credit() -> None:
    markup = (
        '<figure class="wp-block-image size-large"><img loading="lazy" width="1024" '
        f'height="576" src="{UPLOADS}/quay-1024x576.jpg" alt="Boats at the quay" '
        f'srcset="{UPLOADS}/quay-300x169.jpg 300w, {UPLOADS}/quay-1536x864.jpg 1536w, '
        f'{UPLOADS}/quay-1024x576.jpg 1024w, {UPLOADS}/quay-768x432.jpg 768w" '
        'sizes="(max-width: 1024px) 100vw, 1024px"><figcaption class="wp-element-caption">'
        'Boats wait out the storm on Tuesday. <span class="credit">Photo: Jane Doe/AFP</span>'
        "</figcaption></figure>"
    )
    assert plain(markup) == (
        f'<figure><img src="{UPLOADS}/quay-1024x576.jpg" alt="Boats at the quay" width="1024" '
        'height="576"><figcaption>Boats wait out the storm on Tuesday. '
        "<small>Photo: Jane Doe/AFP</small></figcaption></figure>"
    )
    assert pictures(markup) == (
        BodyImage(
            f"{UPLOADS}/quay-1024x576.jpg",
            "Boats at the quay",
            "Boats wait out the storm on Tuesday.",
            "Photo: Jane Doe/AFP",
        ),
    )


@pytest.mark.parametrize(
    ("srcset", "chosen"),
    [
        (
            "a-400.jpg 400w, a-2000.jpg 2000w, a-1100.jpg 1100w",
            "a-1100.jpg",
        ),  # smallest wide enough
        ("a-400.jpg 400w, a-800.jpg 800w", "a-800.jpg"),  # none wide enough: the widest
        ("a.jpg, a@2x.jpg 2x, a@3x.jpg 3x", "a@2x.jpg"),  # densities: the highest up to 2x
        # Addresses with commas, as image services write their parameters.
        (
            "https://img.example/upload/w_400,c_fill/a.jpg 400w, "
            "https://img.example/upload/w_1200,c_fill/a.jpg 1200w",
            "https://img.example/upload/w_1200,c_fill/a.jpg",
        ),
    ],
)
def test_a_srcset_gives_the_file_nearest_the_column_width(srcset: str, chosen: str) -> None:
    (image,) = pictures(f'<p><img src="a-small.jpg" srcset="{srcset}" alt="A"></p>')
    assert image.url == (chosen if chosen.startswith("https") else f"{BASE}{chosen}")


def test_lazy_images_give_their_real_address_not_the_placeholder() -> None:
    markup = (
        '<p>Text before.</p><img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="'
        ' data-src="/img/lazy.jpg" alt="Lazy"><noscript><img src="/img/lazy.jpg" alt="Lazy">'
        '</noscript><p>Text after.</p><img src="/img/blank.gif" data-lazy-src="/img/second.jpg">'
        '<img src="/img/third.jpg" '
        'data-srcset="/img/third-1200.jpg 1200w, /img/third-600.jpg 600w">'
    )
    assert [image.url for image in pictures(markup)] == [
        "https://news.example/img/lazy.jpg",
        "https://news.example/img/second.jpg",
        "https://news.example/img/third-1200.jpg",
    ]
    assert "<noscript" not in plain(markup) and plain(markup).count("<img") == 3


def test_a_noscript_fallback_stands_in_for_an_image_that_names_no_file() -> None:
    lazy = (
        '<div class="image"><img class="js-lazy" data-sizes="auto"><noscript>'
        '<img src="/img/fallback.jpg" alt="Fallback"></noscript></div>'
    )
    alone = '<div><noscript><img src="/img/only.jpg" width="640" height="360"></noscript></div>'
    assert [image.url for image in pictures(lazy)] == ["https://news.example/img/fallback.jpg"]
    assert [image.url for image in pictures(alone)] == ["https://news.example/img/only.jpg"]


def test_a_noscript_counter_is_not_taken_for_a_picture() -> None:
    markup = (
        "<p>Words.</p><noscript><img "
        'src="https://www.social.example/tr?id=123&amp;ev=PageView"></noscript>'
    )
    assert pictures(markup) == ()
    assert plain(markup) == "<p>Words.</p>"


def test_a_picture_element_offers_the_sources_the_reader_can_show() -> None:
    markup = (
        '<picture><source type="image/avif" srcset="/c-1200.avif 1200w">'
        '<source media="(max-width: 600px)" srcset="/c-small.jpg 600w">'
        '<source type="image/webp" srcset="/c-800.webp 800w, /c-1600.webp 1600w">'
        '<img src="/c.jpg" alt="C"></picture>'
    )
    assert [image.url for image in pictures(markup)] == ["https://news.example/c-1600.webp"]


def test_amp_images_become_plain_images() -> None:
    markup = (
        '<amp-img src="/h.jpg" width="1200" height="800" layout="responsive" alt="H"></amp-img>'
    )
    assert pictures(markup) == (BodyImage("https://news.example/h.jpg", "H"),)


def test_trackers_and_placeholders_are_left_out_with_nothing_broken() -> None:
    markup = (
        "<p>One.</p>"
        '<img src="https://feeds.feedburner.example/~r/x/~4/abc" height="1" width="1" alt="">'
        '<p>Two.<img src="https://stats.wp.com/b.gif?v=1" style="width:1px;height:1px"></p>'
        '<img src="https://counter.example/pixel.gif"><img src="/spacer.gif" alt="">'
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">'
    )
    assert plain(markup) == "<p>One.</p><p>Two.</p>"


def test_emoji_pictures_become_the_emoji() -> None:
    markup = (
        '<p>What a day <img draggable="false" role="img" class="emoji" alt="😀" '
        'src="https://s.w.example/images/core/emoji/15.0.3/svg/1f600.svg"> for the harbour</p>'
    )
    assert plain(markup) == "<p>What a day 😀 for the harbour</p>"


def test_a_classic_caption_block_becomes_a_figure_with_its_credit_split_off() -> None:
    markup = (
        '<div id="attachment_12" class="wp-caption aligncenter" style="width: 650px">'
        '<img class="size-full" src="/d.jpg" alt="" width="640" height="360">'
        '<p class="wp-caption-text">The mayor speaks on the steps (Reuters)</p></div><p>Body.</p>'
    )
    assert plain(markup) == (
        '<figure><img src="https://news.example/d.jpg" width="640" height="360"><figcaption>'
        "The mayor speaks on the steps <small>Reuters</small></figcaption></figure><p>Body.</p>"
    )


def test_a_caption_written_after_a_standalone_image_goes_into_its_figure() -> None:
    markup = (
        '<p><a href="/full/e.jpg"><img src="/e.jpg" alt="E"></a></p>'
        '<p class="image-caption">Crowds on the pier. Photograph: Ann Lee/Agency</p><p>Body.</p>'
    )
    assert plain(markup) == (
        '<figure><img src="https://news.example/e.jpg" alt="E"><figcaption>Crowds on the pier. '
        "<small>Photograph: Ann Lee/Agency</small></figcaption></figure><p>Body.</p>"
    )


def test_an_image_inside_a_sentence_stays_in_it() -> None:
    markup = '<p>The firm\'s logo <img src="/logo.png" width="40" alt="logo"> is new.</p>'
    assert plain(markup) == (
        '<p>The firm\'s logo <img src="https://news.example/logo.png" alt="logo" width="40"> is '
        "new.</p>"
    )


def test_a_gallery_becomes_one_figure_per_picture_then_its_caption() -> None:
    markup = (
        '<figure class="wp-block-gallery has-nested-images"><figure class="wp-block-image">'
        '<img src="/g1.jpg" alt="One"><figcaption>The first boat</figcaption></figure>'
        '<figure class="wp-block-image"><img src="/g2.jpg" alt="Two"></figure>'
        '<figcaption class="blocks-gallery-caption">The regatta in pictures. Photos: AP'
        "</figcaption></figure>"
    )
    assert plain(markup) == (
        '<figure><img src="https://news.example/g1.jpg" alt="One"><figcaption>The first boat'
        '</figcaption></figure><figure><img src="https://news.example/g2.jpg" alt="Two">'
        "</figure><figure><figcaption>The regatta in pictures. <small>Photos: AP</small>"
        "</figcaption></figure>"
    )
    assert [image.caption for image in pictures(markup)] == ["The first boat", None]


def test_a_figure_holding_no_picture_is_left_as_it_is() -> None:
    markup = "<figure><blockquote><p>A post embedded in the story.</p></blockquote></figure>"
    assert plain(markup) == markup


def test_a_caption_given_only_in_data_attributes_is_used() -> None:
    markup = (
        '<figure data-caption="The old lighthouse at dusk" data-credit="Photo: R. Lund">'
        '<img src="/l.jpg"></figure>'
    )
    assert pictures(markup) == (
        BodyImage(
            "https://news.example/l.jpg", None, "The old lighthouse at dusk", "Photo: R. Lund"
        ),
    )


def test_without_a_web_address_to_resolve_against_relative_pictures_go_whole() -> None:
    markup = '<figure><img src="photo.jpg"><figcaption>A caption</figcaption></figure><p>x</p>'
    assert sanitize_html(markup, "file:///home/reader/feed.xml") == "<p>x</p>"


def test_a_body_lists_each_picture_once_and_at_most_the_bound() -> None:
    markup = "".join(f'<p><img src="/p/{n % 400}.jpg" alt="{n}"></p>' for n in range(500))
    found = pictures(markup)
    assert len(found) == MAX_BODY_IMAGES
    assert len({image.url for image in found}) == MAX_BODY_IMAGES


def test_markup_without_pictures_is_not_touched() -> None:
    markup = "<p>Only <em>words</em> here.</p>"
    assert prepare_pictures(markup, BASE) == markup


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # WordPress sizes, another host, and an image service's parameters.
        (
            f"{UPLOADS}/harbour-storm-1024x576.jpg",
            "https://cdn.news.example/harbour-storm.jpg?w=1200",
        ),
        (f"{UPLOADS}/harbour-scaled.jpg", f"{UPLOADS}/harbour-1536x864.jpg"),
        # Arc XP's resizer in front of the original file.
        (
            "https://www.paper.example/resizer/AbCdEf123=/1440x0/smart/filters:format(jpg):"
            "quality(70)/cloudfront-us-east-1.images.arcpublishing.com/paper/QWERTY7ZXCVB.jpg",
            "https://cloudfront-us-east-1.images.arcpublishing.com/paper/QWERTY7ZXCVB.jpg",
        ),
        # Brightspot's resizer naming the original in a parameter.
        (
            "https://paper.example/dims4/default/a1b2c3/2147483647/strip/true/crop/3000x2000+0+0/"
            "resize/1200x800!/quality/90/?url=http%3A%2F%2Fbrightspot.example%2F12%2F34%2F"
            "abcdef%2Fcity-hall-vote.jpg",
            "http://brightspot.example/12/34/abcdef/city-hall-vote.jpg",
        ),
        # A converted copy keeping the original's extension before its own.
        (
            "https://ichef.paper.example/news/1024/branded_news/9f3c/live/5b1e7c2a-1d2f.jpg",
            "https://ichef.paper.example/news/480/cpsprodpb/9f3c/live/5b1e7c2a-1d2f.jpg.webp",
        ),
        # A media store whose file names are sizes: the picture's hash identifies it.
        (
            "https://i.paper.example/img/media/0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3/"
            "0_0_3000_1800/master/3000.jpg?width=620&quality=85&s=abc",
            "https://i.paper.example/img/media/0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3/"
            "0_0_3000_1800/master/3000.jpg?width=1200&s=def",
        ),
        # A numbered picture at another size path and as a converted copy.
        (
            "https://ichef.paper.example/news/1024/branded_news/131234567.jpg",
            "https://ichef.paper.example/ace/standard/976/cpsprodpb/131234567.jpg.webp",
        ),
        # Files named for their size in the picture's own folder.
        (
            "https://cdn.omroep.example/image/2025/03/11/1180456/1024x576a.jpg",
            "https://cdn.omroep.example/image/2025/03/11/1180456/xxl.jpg",
        ),
        (
            "https://img.wochen.example/politik/2025-03/bibliothek-umbau/wide__1300x731",
            "https://img.wochen.example/politik/2025-03/bibliothek-umbau/wide__820x461__desktop",
        ),
    ],
)
def test_one_picture_at_a_cdns_other_sizes_is_the_same_picture(one: str, other: str) -> None:
    assert same_picture(one, other) and same_picture(other, one)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://a.example/photos/photo.jpg", "https://b.example/other/photo.jpg"),
        (f"{UPLOADS}/harbour-storm.jpg", f"{UPLOADS}/harbour-calm.jpg"),
        ("https://cdn.example/img/1234.jpg", "https://cdn.example/img/5678.jpg"),
        (
            "https://i.paper.example/img/media/0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3/master/"
            "3000.jpg",
            "https://i.paper.example/img/media/ffeeddccbbaa99887766554433221100ffeeddcc/master/"
            "3000.jpg",
        ),
        (
            "https://cdn.example/uploads/2025/03/1024x576.jpg",
            "https://cdn.example/uploads/2025/04/1024x576.jpg",
        ),
        ("https://cdn.example/img/2025/1024x576.jpg", "https://cdn.example/img/2025/800x450.jpg"),
        ("https://cdn.example/gallery/3.jpg", "https://cdn.example/gallery/4.jpg"),
        (
            "https://cdn.omroep.example/image/2025/03/11/1180456/xxl.jpg",
            "https://cdn.omroep.example/image/2025/03/11/1180457/xxl.jpg",
        ),
    ],
)
def test_different_pictures_are_told_apart(one: str, other: str) -> None:
    assert not same_picture(one, other)
