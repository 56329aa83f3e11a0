"""Article HTML made safe for the reader: what survives, what is dropped, where links point."""

from __future__ import annotations

import nh3
import pytest

from desktop.ingest.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    DROPPED_WITH_CONTENT,
    LINK_REL,
    URL_SCHEMES,
    sanitize_html,
)

BASE = "https://courier.example/local/2024/03/harbour-bridge"
REL = 'rel="noopener noreferrer"'

# Markup that tries to run code, load something, or restyle the reader, with the text around it.
HOSTILE = [
    '<p>Before<script>alert("x")</script>after</p>',
    '<p>Before<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>after</p>',
    '<p>Before<img src="x.jpg" onerror="alert(1)">after</p>',
    '<p onclick="steal()" onmouseover="steal()">Before after</p>',
    '<p>Before<a href="javascript:alert(1)">after</a></p>',
    '<p>Before<a href=" JaVaScRiPt:alert(1)">after</a></p>',
    '<p>Before<a href="java&#x09;script:alert(1)">after</a></p>',
    '<p>Before<a href="javascript&colon;alert(1)">after</a></p>',
    '<p>Before<a href="vbscript:msgbox(1)">after</a></p>',
    '<p>Before<a href="data:text/html;base64,PHNjcmlwdD4=">after</a></p>',
    '<p>Before<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">after</p>',
    '<p style="position:fixed;background:url(https://evil.example/t.gif)">Before after</p>',
    '<p>Before<iframe src="https://evil.example/frame">no frames</iframe>after</p>',
    '<p>Before<object data="https://evil.example/x.swf">plugin</object>after</p>',
    '<p>Before<embed src="https://evil.example/y.swf">after</p>',
    '<p>Before<svg onload="alert(1)"><script>alert(2)</script></svg>after</p>',
    '<p>Before<math><maction actiontype="statusline">x</maction></math>after</p>',
    "<p>Before<style>@import url(https://evil.example/x.css);</style>after</p>",
    '<link rel="stylesheet" href="https://evil.example/x.css"><p>Before after</p>',
    '<p>Before<form action="https://evil.example/"><input name="pw"></form>after</p>',
    "<p>Before<!--[if IE]><script>alert(1)</script><![endif]-->after</p>",
    '<p>Before<noscript><img src="https://evil.example/pixel"></noscript>after</p>',
    "<p>Before<template><script>alert(1)</script></template>after</p>",
    '<p>Before<base href="https://evil.example/"><meta http-equiv="refresh" content="0">after</p>',
]


@pytest.mark.parametrize("markup", HOSTILE)
def test_nothing_that_runs_or_loads_survives(markup: str) -> None:
    cleaned = sanitize_html(markup, BASE).lower()
    for forbidden in ("<script", "onerror", "onclick", "onload", "javascript:", "style=", "<iframe",
                      "<object", "<embed", "<svg", "<math", "<style", "<link", "<form", "<input",
                      "data:", "vbscript", "evil.example", "<!--", "<base", "<meta"):  # fmt: skip
        assert forbidden not in cleaned
    assert "before" in cleaned
    assert "after" in cleaned


def test_allowed_markup_is_kept_as_written() -> None:
    markup = (
        "<h2>Open again</h2><h3>Traffic</h3><h4>Cyclists</h4>"
        "<p>The <em>bridge</em> is <strong>open</strong>, <b>bold</b>, <i>italic</i>, <u>under</u>,"
        " <s>struck</s>, H<sub>2</sub>O, x<sup>2</sup>, <small>small</small>, <span>span</span>,"
        " <code>code</code>, <q>quoted</q>, <cite>cited</cite>.<br>Next line.</p><hr>"
        "<blockquote><p>Quoted.</p></blockquote><pre>line one\n  line two</pre>"
        "<ul><li>one</li></ul><ol><li>two</li></ol><dl><dt>term</dt><dd>meaning</dd></dl>"
    )
    assert sanitize_html(markup, BASE) == markup


def test_h1_becomes_h2_and_h5_h6_become_h4() -> None:
    markup = "<H1 class='x'>Big</H1><h5>Small</h5><h6>Smaller</h6>"
    assert sanitize_html(markup, BASE) == "<h2>Big</h2><h4>Small</h4><h4>Smaller</h4>"


def test_unknown_wrappers_are_dropped_but_their_text_stays() -> None:
    markup = '<div class="story"><section><font color="red">Text</font></section></div>'
    assert sanitize_html(markup, BASE) == "Text"


def test_links_keep_href_and_title_and_get_rel() -> None:
    markup = '<a href="https://courier.example/a" title="More" target="_blank" id="x">More</a>'
    expected = f'<a href="https://courier.example/a" title="More" {REL}>More</a>'
    assert sanitize_html(markup, BASE) == expected


def test_mail_links_are_kept() -> None:
    markup = '<a href="mailto:desk@courier.example">Write to us</a>'
    assert (
        sanitize_html(markup, BASE)
        == f'<a href="mailto:desk@courier.example" {REL}>Write to us</a>'
    )


def test_images_keep_only_their_description_and_size() -> None:
    """A picture keeps one address (its srcset's sharper file) and stands in a figure."""
    markup = (
        '<img src="https://courier.example/p.jpg" alt="Bridge" title="At dawn" width="640"'
        ' height="427" srcset="p2.jpg 2x" loading="lazy" class="wide">'
    )
    expected = (
        '<figure><img src="https://courier.example/local/2024/03/p2.jpg" alt="Bridge"'
        ' title="At dawn" width="640" height="427"></figure>'
    )
    assert sanitize_html(markup, BASE) == expected


def test_tables_keep_their_spans() -> None:
    markup = (
        '<table border="1"><caption>Results</caption><thead><tr><th colspan="2">Team</th></tr>'
        '</thead><tbody><tr><td rowspan="2" style="color:red">Rovers</td><td>1</td></tr></tbody>'
        "</table>"
    )
    expected = (
        '<table><caption>Results</caption><thead><tr><th colspan="2">Team</th></tr>'
        '</thead><tbody><tr><td rowspan="2">Rovers</td><td>1</td></tr></tbody></table>'
    )
    assert sanitize_html(markup, BASE) == expected


def test_figures_abbreviations_and_times_are_kept() -> None:
    markup = (
        '<figure><img src="https://courier.example/p.jpg" alt="Ferry"><figcaption>The ferry.'
        '</figcaption></figure><abbr title="Royal National Lifeboat Institution">RNLI</abbr> at '
        '<time datetime="2024-03-05T10:15:00Z">10.15</time>'
    )
    assert sanitize_html(markup, BASE) == markup


@pytest.mark.parametrize(
    ("written", "resolved"),
    [
        ("/local/traffic", "https://courier.example/local/traffic"),
        ("images/a.jpg", "https://courier.example/local/2024/03/images/a.jpg"),
        ("../02/older", "https://courier.example/local/2024/02/older"),
        ("//cdn.courier.example/a.jpg", "https://cdn.courier.example/a.jpg"),
        ("?page=2", "https://courier.example/local/2024/03/harbour-bridge?page=2"),
        ("https://elsewhere.example/x", "https://elsewhere.example/x"),
    ],
)
def test_relative_urls_are_resolved_against_the_base(written: str, resolved: str) -> None:
    cleaned = sanitize_html(f'<a href="{written}">link</a><img src="{written}">', BASE)
    assert cleaned == f'<a href="{resolved}" {REL}>link</a><img src="{resolved}">'


def test_without_a_usable_base_relative_urls_are_dropped() -> None:
    markup = '<p><a href="/local/traffic">traffic</a> <img src="a.jpg" alt="A"> news</p>'
    expected = f"<p><a {REL}>traffic</a>  news</p>"
    assert sanitize_html(markup) == expected
    assert sanitize_html(markup, "javascript:alert(1)//") == expected
    assert sanitize_html(markup, "/not/absolute") == expected


def test_each_piece_of_markup_resolves_against_its_own_base() -> None:
    # Cleaners are kept by base: taking turns between two bases must never mix them up.
    markup = '<p><a href="/local/traffic">traffic</a><img src="a.jpg"></p>'
    for turn in range(3):
        for site in ("courier", "ledger"):
            page = f"https://{site}.example/news/{turn}/story"
            assert sanitize_html(markup, page) == (
                f'<p><a href="https://{site}.example/local/traffic" {REL}>traffic</a>'
                f'<img src="https://{site}.example/news/{turn}/a.jpg"></p>'
            )


@pytest.mark.parametrize(
    "markup",
    [
        '<IMG SRC="a.jpg" ALT="upper case">',
        '<img/src="a.jpg" alt="slash for a space">',
        "<a\nhref='/local/traffic'>new line</a>",
        '<a title="x" HRef=/local/traffic>unquoted</a>',
    ],
)
def test_url_attributes_however_written_are_resolved(markup: str) -> None:
    cleaned = sanitize_html(markup, BASE)
    assert "https://courier.example/local/" in cleaned


@pytest.mark.parametrize(
    "markup",
    [
        *(m for m in HOSTILE if "href" not in m.lower() and "src" not in m.lower()),
        "<p>Fish &amp; chips</p><blockquote><q>b</q><i>c</i></blockquote>",
        "plain text",
    ],
)
def test_markup_without_url_attributes_is_the_same_under_any_base(markup: str) -> None:
    # Such markup shares one cleaner: no base may change what it comes out as.
    expected = nh3.Cleaner(
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        url_relative=("rewrite_with_base", BASE),
    ).clean(markup)
    assert sanitize_html(markup, BASE) == sanitize_html(markup) == expected


def test_an_image_whose_address_is_dropped_is_dropped_too() -> None:
    markup = '<p>Photo: <img src="javascript:alert(1)" alt="x"><img alt="no source"></p>'
    assert sanitize_html(markup, BASE) == "<p>Photo: </p>"


def test_broken_markup_comes_out_well_formed() -> None:
    assert sanitize_html("<p><b>bold <i>both</b> after", BASE) == (
        "<p><b>bold <i>both</i></b><i> after</i></p>"
    )


def test_text_is_escaped_not_interpreted() -> None:
    assert (
        sanitize_html("Fish &amp; chips &lt;3 caf&eacute;", BASE) == "Fish &amp; chips &lt;3 café"
    )
