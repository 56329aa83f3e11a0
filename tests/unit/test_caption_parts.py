"""Caption areas whose caption and credit sit in separate elements, as publishers' platforms mark
them up: the texts spaced apart, never glued, the credit told apart by its element's names, the
label it shows or its form, and labels that only screen readers hear left out."""

from __future__ import annotations

import pytest

from desktop.ingest.extract import Extracted, extract_article

URL = "https://www.metro-record.example/2025/03/11/nyregion/library-branches.html"
PROSE = (
    "The city's library board voted on Tuesday to renovate eleven branch buildings over the next"
    " four years, starting with the ones whose heating systems failed during the winter."
)


def page(lead: str, head: str = "", lang: str = "en") -> str:
    """A small article page: the head's tags, the lead figure, then four paragraphs."""
    body = "".join(f"<p>{PROSE} Paragraph {n} adds detail.</p>" for n in range(4))
    return (
        f'<html lang="{lang}"><head><title>Library branches to be renovated</title>{head}</head>'
        f"<body><article><h1>Library branches to be renovated</h1>{lead}{body}</article>"
        "</body></html>"
    )


def og_image(url: str) -> str:
    """The og:image tag naming a picture."""
    return f'<meta property="og:image" content="{url}">'


def extract(markup: str) -> Extracted:
    """The article on a page."""
    return extract_article(markup, URL)


def test_a_credit_span_showing_its_label_is_split_from_the_caption_span() -> None:
    """A US national paper: hashed classes, the caption in one span and the credit in the next,
    whose visible text opens "Credit..."; nothing is glued and the label is no part of it."""
    src = (
        "https://static.metro-record.example/images/2025/03/11/branch-reading-room-articleLarge.jpg"
    )
    lead = (
        '<figure class="css-1a2b3c e1xyz0" role="group" aria-label="media">'
        f'<div data-testid="imageblock-wrapper"><picture><img class="css-9z8y7x" src="{src}" '
        'width="600" height="400" alt=""></picture></div><figcaption class="css-4d5e6f e7abc1">'
        '<span class="css-8g9h0i e9def2">Patrons in the reading room of the Elm Street branch,'
        " one of six built before 1930.</span>"
        '<span class="css-1j2k3l e0ghi3"><span class="css-4m5n6o">Credit</span>'
        '<span aria-hidden="true">...</span><span>Dana Okoye for The Metropolitan Record</span>'
        "</span></figcaption></figure>"
    )
    article = extract(page(lead, og_image(src)))
    assert (article.caption, article.credit) == (
        "Patrons in the reading room of the Elm Street branch, one of six built before 1930.",
        "Dana Okoye for The Metropolitan Record",
    )


def test_a_credit_in_its_own_element_after_the_caption_text_is_split_off() -> None:
    """A US newspaper chain: the caption's text, then the credit in an element of its own with
    no name saying so."""
    src = "https://www.gannett-cdn.example/presto/2025/03/11/PVCR/library-branch.jpg?width=660"
    lead = (
        '<figure class="gnt_em gnt_em__fp gnt_em_img"><img class="gnt_em_img_i" '
        f'src="{src}" alt="The branch" width="660" height="440">'
        '<div class="gnt_em_img_ccw">The Elm Street branch held an average of 371 people last'
        ' year.<div class="gnt_em_img_cp_c">Dana Whitlock/Valley Courier</div></div></figure>'
    )
    article = extract(page(lead, og_image(src)))
    assert (article.caption, article.credit) == (
        "The Elm Street branch held an average of 371 people last year.",
        "Dana Whitlock/Valley Courier",
    )


def test_a_photographer_and_an_agency_in_two_elements_are_one_credit() -> None:
    """A Spanish daily: the caption span, the photographer's span, then the agency's."""
    src = "https://imagenes.diario.example/resizer/v2/BIBLIOTECA3XK7.jpg?width=1200"
    lead = (
        '<figure class="a_m a_m-h"><span class="a_m_w"><img src="' + src + '" width="1200" '
        'height="675" alt=""></span><figcaption class="a_m_p"><span>La biblioteca de la calle'
        " Olmo, durante la reapertura, el pasado jueves.</span>"
        '<span class="a_m_m">Mònica Torres</span><span class="a_m_a">(EFE)</span>'
        "</figcaption></figure>"
    )
    article = extract(page(lead, og_image(src), "es"))
    assert (article.caption, article.credit) == (
        "La biblioteca de la calle Olmo, durante la reapertura, el pasado jueves.",
        "Mònica Torres (EFE)",
    )


def test_an_author_element_inside_a_caption_is_its_credit() -> None:
    """An element named for the picture's author inside the caption holds the credit."""
    src = "https://cdn.paper.example/photos/reading-room-7731.jpg"
    lead = (
        f'<figure><img src="{src}" width="900" height="600"><figcaption>'
        "<p>The reading room after the renovation.</p>"
        '<p class="image-author">Ruth Calloway</p></figcaption></figure>'
    )
    article = extract(page(lead, og_image(src)))
    assert (article.caption, article.credit) == (
        "The reading room after the renovation.",
        "Ruth Calloway",
    )


def test_labels_only_screen_readers_hear_are_no_part_of_caption_or_credit() -> None:
    """A public broadcaster's figure: a copyright span holding the hidden "Image source, " and
    the credit, then a figcaption holding the hidden "Image caption, " and the caption."""
    src = "https://ichef.broadcaster.example/ace/standard/976/cpsprodpb/5e1a/live/a1b2c3d4-branch.jpg.webp"
    lead = (
        '<figure class="sc-a1b2-StyledFigure"><div class="sc-c3d4-StyledFigureContainer">'
        '<span class="sc-e5f6-ImageWrapper"><img src="' + src + '" width="976" height="549" '
        'alt="Shelves"></span><span role="text" class="sc-g7h8-StyledFigureCopyright">'
        '<span class="sc-i9j0-VisuallyHidden e16en2lz0">Image source, </span>Kingsport Pictures'
        '</span></div><figcaption class="sc-k1l2-StyledFigureCaption">'
        '<span class="sc-i9j0-VisuallyHidden e16en2lz0">Image caption, </span>'
        "<p>Volunteers moved 40,000 books out of the Elm Street branch in February</p>"
        "</figcaption></figure>"
    )
    article = extract(page(lead, og_image(src)))
    assert (article.caption, article.credit) == (
        "Volunteers moved 40,000 books out of the Elm Street branch in February",
        "Kingsport Pictures",
    )


def test_separate_elements_of_a_caption_are_spaced_but_words_and_punctuation_are_not() -> None:
    """Blocks of a caption are joined with a space; inline links and a comma after an element
    stay where they are."""
    src = "https://cdn.paper.example/photos/reading-room-7731.jpg"
    lead = (
        f'<figure><img src="{src}" width="900" height="600"><figcaption><span>The branch'
        '</span><span>reopened in <a href="/elm">Elm</a>\'s old bank</span>, <b>after</b> a'
        " year.</figcaption></figure>"
    )
    article = extract(page(lead, og_image(src)))
    assert article.caption == "The branch reopened in Elm's old bank, after a year."
    assert article.credit is None


@pytest.mark.parametrize(
    ("parts", "caption", "credit"),
    [
        (
            "<span>Jane Doe/Reuters</span><span>Readers wait outside the Elm Street branch.</span>",
            "Readers wait outside the Elm Street branch.",
            "Jane Doe/Reuters",
        ),
        (
            "<p>AFP</p><p>Readers wait outside the Elm Street branch on Tuesday</p>",
            "Readers wait outside the Elm Street branch on Tuesday",
            "AFP",
        ),
        (
            "<span>Photo by </span><span>Dana Okoye for the Record</span>",
            None,
            "Dana Okoye for the Record",
        ),
        (
            "<span>KYIV</span><span>Readers wait outside the Elm Street branch.</span>",
            "KYIV Readers wait outside the Elm Street branch.",
            None,
        ),
    ],
)
def test_a_credit_written_before_the_caption_is_told_apart_by_its_shape(
    parts: str, caption: str | None, credit: str
) -> None:
    """A caption area whose first element is a credit ("Name/Agency", an agency) and whose next
    is the sentence gives the sentence as the caption and the first as the credit; a label
    alone first ("Photo by") still opens the credit, and a dateline in capitals is no credit."""
    src = "https://static.metro-record.example/images/2025/03/11/branch-queue.jpg"
    lead = f'<figure><img src="{src}" alt=""><figcaption>{parts}</figcaption></figure>'
    article = extract(page(lead, og_image(src)))
    assert (article.caption, article.credit) == (caption, credit)
