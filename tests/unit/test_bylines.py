"""Bylines as publishers' platforms write them, read as the authors' names only: no "By", date,
"Updated ...", job title, @handle, e-mail, "Biography" button, agency or bureau; several authors
joined with "and"; none when the page names none."""

from __future__ import annotations

import json

import pytest

from desktop.ingest.extract import extract_article
from desktop.ingest.names import names_in

URL = "https://www.kestrel.example/news/2025/04/02/bridge-repairs/"
PROSE = (
    "The county said on Wednesday that repairs to the old river bridge would take two months"
    " longer than planned, after engineers found rust in the steel beneath the deck."
)


def page(meta: str = "", before: str = "", after: str = "") -> str:
    """A small article page with the given head tags and markup before and after its body."""
    body = "".join(f"<p>{PROSE} Paragraph {n} adds detail.</p>" for n in range(4))
    return (
        f"<html><head><title>Bridge repairs</title>{meta}</head><body><article>"
        f"<h1>Bridge repairs run late</h1>{before}{body}{after}</article></body></html>"
    )


def byline_of(markup: str) -> str | None:
    """The byline extraction reports for a page."""
    return extract_article(markup, URL).byline


def json_ld(author: object, publisher: str = "Kestrel Record") -> str:
    """A JSON-LD NewsArticle with the given author and publisher."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Bridge repairs run late",
        "author": author,
        "publisher": {"@type": "NewsMediaOrganization", "name": publisher},
    }
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    "markup",
    [
        # Brightspot: the date and "Updated ..." inside the byline block.
        '<div class="Page-byline"><div class="Page-authors"><span>By </span><a class="Link"'
        ' href="/author/jane-doe">Jane Doe</a></div><div class="Page-dateModified">Updated 7:47'
        " PM EDT, April 2, 2025</div></div>",
        # Newspack: the job title in an element of its own, right after the name.
        '<span class="byline"><span>by</span> <span class="author vcard"><a class="url fn n"'
        ' href="/author/jane-doe/">Jane Doe</a></span><span class="author-job-title">Staff'
        " Writer</span></span>",
        # Drupal: the title after a comma, in plain text.
        '<div class="field--name-field-byline">By Jane Doe, Senior Correspondent</div>',
        # An agency after a bar, and a dash the theme leaves.
        '<div class="td-post-author-name"><div class="td-author-by">By</div> <a'
        ' href="/author/jdoe/">Jane Doe | Metro Wire</a><div class="td-author-line"> - </div>'
        "</div>",
        # A handle and an e-mail address.
        '<div class="author">Jane Doe <span class="handle">@janedoe_news</span></div>',
        '<span class="tnt-byline">By <a href="/users/profile/jdoe" rel="author">JANE DOE</a>'
        ' <a href="mailto:jdoe@kestrel.example">jdoe@kestrel.example</a></span>',
        # A "Biography" button.
        '<div class="author-byline"><span class="author-byline__by">By</span> <a'
        ' href="/authors/jane-doe">Jane Doe</a> <button type="button">Biography</button></div>',
        # A field label.
        '<div class="field-name-field-author"><div class="field-label">Author: </div>'
        "<div>Jane Doe</div></div>",
        # Ghost: the date and reading time after the name.
        '<div class="article-byline"><h4 class="author-name"><a href="/author/jane-doe/">Jane'
        ' Doe</a></h4><div class="byline-meta-content"><time datetime="2025-04-02">Apr 2, 2025'
        "</time> • 4 min read</div></div>",
        # Microdata naming the author in a meta tag.
        '<span itemprop="author" itemscope itemtype="https://schema.org/Person"><meta'
        ' itemprop="name" content="Jane Doe"></span>',
        # German: "Von", and the title after a comma.
        '<span class="article-author">Von <a href="/autoren/jane-doe/">Jane Doe</a>,'
        " Redakteurin</span>",
    ],
)
def test_a_byline_gives_the_name_alone(markup: str) -> None:
    assert byline_of(page(before=markup)) == "Jane Doe"


def test_names_run_into_a_title_in_a_child_element_are_kept_apart() -> None:
    """No link, no space: "Jane Doe" then "Staff Writer" in an element of its own."""
    markup = '<div class="byline"><span>Jane Doe</span><span>Staff Writer</span></div>'
    assert byline_of(page(before=markup)) == "Jane Doe"


def test_several_authors_each_marked_on_their_own_are_joined_with_and() -> None:
    """Arc marks each author link; the byline holding them is marked only by data-qa."""
    markup = (
        '<div data-qa="author-byline"><span>By </span><span data-qa="author-name"><a'
        ' rel="author" href="/people/jane-doe/">Jane Doe</a></span><span> and </span>'
        '<span data-qa="author-name"><a rel="author" href="/people/john-roe/">John Roe</a>'
        "</span></div>"
    )
    assert byline_of(page(before=markup)) == "Jane Doe and John Roe"
    three = '<p class="story-byline">By Ann Lee, Jane Doe and John Roe</p>'
    assert byline_of(page(before=three)) == "Ann Lee, Jane Doe and John Roe"


def test_bylines_marked_by_test_names_in_camel_case() -> None:
    """Bylines marked only by data-testid or data-component, in camel case, with the desk and
    city in an element of their own."""
    reuters = (
        '<div data-testid="AuthorBylines">By <a href="/authors/jane-doe/">Jane Doe</a> and'
        ' <a href="/authors/john-roe/">John Roe</a></div>'
    )
    assert byline_of(page(before=reuters)) == "Jane Doe and John Roe"
    bbc = (
        '<div data-component="byline-block"><div><span>By <span>Jane Doe</span></span>'
        "<div>Kestrel News, Paris</div></div></div>"
    )
    assert byline_of(page(before=bbc)) == "Jane Doe"


def test_names_in_capitals_are_written_as_json_ld_writes_them() -> None:
    markup = '<section class="b-byline">By <a href="/people/jane-doe/">JANE DOE</a></section>'
    markup_ld = json_ld({"@type": "Person", "name": "Jane Doe"})
    assert byline_of(page(markup_ld, markup)) == "Jane Doe"


def test_an_agency_signature_is_shown_as_the_name() -> None:
    """An agency's story ends with its signature line, and the page names no other author."""
    assert byline_of(page(after='<p class="signature">J.Barnes--TFWP</p>')) == "J. Barnes"
    marked = '<a class="tdb-author-name" href="/author/tfwp/">J.Barnes--TFWP</a>'
    assert byline_of(page(json_ld({"name": "TFWP"}), marked)) == "J. Barnes"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<span class="author">本报记者 王芳</span>', "王芳"),
        ('<div class="byline">记者 <a href="/authors/wang-li/">王丽</a> 北京报道</div>', "王丽"),
        ('<div class="byline">北浜支局\u3000佐藤美咲</div>', "佐藤美咲"),
        ('<a class="tdb-author-name" href="/author/mjkim/">김민준 기자</a>', "김민준"),
    ],
)
def test_cjk_bylines_give_the_name_without_title_or_bureau(markup: str, expected: str) -> None:
    assert byline_of(page(before=f'<div class="author-box">{markup}</div>')) == expected


def test_the_site_named_in_the_title_is_no_author() -> None:
    """The page names no site in its meta tags, but its title ends with the site's name."""
    markup = page(before='<div class="byline">By Kestrel Record</div>')
    titled = markup.replace(
        "<title>Bridge repairs</title>", "<title>Bridge repairs | Kestrel Record</title>"
    )
    assert byline_of(titled) is None


def test_a_by_line_in_a_table_layout() -> None:
    """An old table layout marks nothing: the "by ..." line above the article names the author."""
    markup = (
        "<table><tr><td><font size=2>Posted 14 June 2025, 18:30 BST &middot; by Jane Doe,"
        " Parish Clerk</font></td></tr></table>"
    )
    assert byline_of(page(before=markup)) == "Jane Doe"


@pytest.mark.parametrize(
    ("meta", "markup"),
    [
        # A byline block holding only the dates.
        (
            "",
            '<div class="Page-byline"><div class="Page-datePublished">Published April 24, 2025'
            ' at 10:15 AM CDT</div><div class="Page-dateModified">Updated April 24, 2025 at'
            " 12:40 PM CDT</div></div>",
        ),
        # A press release: the author meta tag names the company.
        ('<meta name="author" content="Halvorsen Energy Inc.">', ""),
        # JSON-LD names the publisher, and the meta tag the site.
        (
            json_ld({"@type": "Organization", "name": "Kestrel Record"})
            + '<meta name="author" content="Kestrel Record">'
            + '<meta property="og:site_name" content="Kestrel Record">',
            "",
        ),
        # The newsroom, not a person.
        ("", '<div class="byline">By Kestrel Record Staff</div>'),
        # An address instead of a name.
        ('<meta name="author" content="https://www.facebook.example/kestrelrecord">', ""),
    ],
)
def test_no_byline_when_the_page_names_no_author(meta: str, markup: str) -> None:
    assert byline_of(page(meta, markup)) is None


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<div class="byline">Por <a href="/autor/agencia-sur">Agencia Sur</a></div>', None),
        ('<div class="byline">Por <a href="/autor/r">Redacción Central</a></div>', None),
        (
            '<div class="byline"><span class="author">Jane Doe</span>'
            '<span class="author">UKB Wales</span></div>',
            "Jane Doe",
        ),
        (
            '<div class="byline"><span class="author">Jane Doe</span>'
            '<span class="author">South-East Asia</span></div>',
            "Jane Doe",
        ),
        ('<div class="byline">By Jane Doe<span>Video: John Roe</span></div>', "Jane Doe"),
        (
            '<div class="byline">Por <a href="/autor/mf">Matías Fuenzalida R.</a></div>',
            "Matías Fuenzalida R.",
        ),
        ('<div class="byline">By <a href="/a/aj">AJ Willis</a></div>', "AJ Willis"),
    ],
)
def test_desks_regions_and_glued_credits_are_no_author(markup: str, expected: str | None) -> None:
    """An agency or desk named as the author, a region or broadcaster's unit set beside the
    name, and a credit line glued to the name are no byline; a surname's initial keeps its
    period, and initials written as a first name stay a name."""
    assert byline_of(page(before=markup)) == expected


def test_a_credit_line_glued_to_the_name_is_split_off() -> None:
    """A name whose element runs into the next one's credit line without a space ("Jane
    DoeVideo: John Roe") gives the name alone."""
    assert names_in("By Jane DoeVideo: John Roe") == ["Jane Doe"]


def test_a_family_name_in_capitals_leading_a_name_alone_stays_a_name() -> None:
    """Only beside another name is a capitalised first word taken for a unit ("UKB Wales"): a
    family name written first in capitals ("KIM Minji", "DUPONT Jean") is the author."""
    assert names_in("By KIM Minji") == ["KIM Minji"]
    assert names_in("DUPONT Jean") == ["DUPONT Jean"]
    assert names_in("By Elin Rhys and UKB Wales") == ["Elin Rhys"]


def test_a_link_to_an_authors_page_above_the_article_names_the_author() -> None:
    """A site builder's linked "author" collection item, marked no other way, above the text
    gives the byline."""
    item = (
        '<div class="w-dyn-list"><div role="list" class="w-dyn-items"><div role="listitem" '
        'class="w-dyn-item"><a href="/author/jane-doe" class="link-block w-inline-block">'
        '<div class="text-block-12">Jane Doe</div></a></div></div></div>'
    )
    assert byline_of(page(before=item)) == "Jane Doe"


def test_a_link_to_an_authors_page_below_the_article_names_no_author() -> None:
    """A link to an author's page after the article's text (another story's) is no byline."""
    more = '<div class="more"><a href="/author/john-roe">John Roe</a></div>'
    assert byline_of(page(after=more)) is None
