"""Finding feeds on a page: declared links, feed-like anchors as a last resort, usual addresses."""

from __future__ import annotations

import pytest

from desktop.ingest.discover import COMMON_PATHS, candidate_urls, feed_links

PAGE_URL = "https://paper.example/news/today.html"

DECLARING = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>The Paper</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="All" href="/feed.xml">
<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/atom+xml" href="https://paper.example/atom.xml">
<link rel="Alternate" type="Application/RSS+XML; charset=utf-8" href="sport/rss">
<link rel="alternate" type="application/rss+xml" href="/feed.xml#top">
<link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/2">
<link rel="alternate" type="application/json+oembed" href="/oembed?url=x">
<link rel="alternate" type="application/feed+json" href="//cdn.example/feed.json">
<link rel="alternate" type="application/rdf+xml" href="javascript:alert(1)">
<link rel="alternate" type="application/rdf+xml" href="">
</head><body>
<a href="/other.rss">An anchor that is ignored while links are declared</a>
<link rel="alternate" type="application/rdf+xml" href="/index.rdf">
</body></html>"""

ANCHORS_ONLY = """<html><body>
<a href="/about/">About</a>
<a href="/sitemap.xml">Sitemap</a>
<a href="/feedback">Feedback</a>
<a href="/news/feed-the-birds.html">A story</a>
<a href="/rss/about-feeds.html">About our feeds</a>
<a href="/category/harbour/feed/">Harbour feed</a>
<a href="podcast.xml">Podcast</a>
<a href="https://feeds.example/paper.atom">Atom</a>
<a href="/feeds/posts/default">Blogger</a>
<a href="/?feed=rss2">WordPress</a>
<a href="mailto:desk@paper.example?subject=rss.xml">Mail</a>
<a href="/category/harbour/feed/">Same feed again</a>
</body></html>"""


def test_declared_feeds_come_in_document_order_absolute_and_once() -> None:
    assert feed_links(DECLARING, PAGE_URL) == [
        "https://paper.example/feed.xml",
        "https://paper.example/atom.xml",
        "https://paper.example/news/sport/rss",
        "https://cdn.example/feed.json",
        "https://paper.example/index.rdf",
    ]


def test_bytes_are_read_with_their_declared_charset() -> None:
    page = (
        '<html><head><meta charset="windows-1252">'
        '<link rel="alternate" type="application/rss+xml" href="/caf\xe9.xml"></head></html>'
    ).encode("cp1252")
    assert feed_links(page, "https://paper.example/") == ["https://paper.example/café.xml"]


def test_a_base_element_sets_where_relative_links_point() -> None:
    page = (
        '<html><head><base href="https://static.example/site/">'
        '<link rel="alternate" type="application/atom+xml" href="atom.xml"></head></html>'
    )
    assert feed_links(page, PAGE_URL) == ["https://static.example/site/atom.xml"]


def test_feed_like_anchors_are_the_last_resort() -> None:
    assert feed_links(ANCHORS_ONLY, PAGE_URL) == [
        "https://paper.example/category/harbour/feed/",
        "https://paper.example/news/podcast.xml",
        "https://feeds.example/paper.atom",
        "https://paper.example/feeds/posts/default",
        "https://paper.example/?feed=rss2",
    ]


def test_an_xhtml_string_with_an_encoding_declaration_is_read() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
        '<link rel="alternate" type="application/rss+xml" href="/rss.xml"/></head></html>'
    )
    assert feed_links(page, PAGE_URL) == ["https://paper.example/rss.xml"]


@pytest.mark.parametrize("page", ["", b"", "   ", "<html><body><p>No feeds.</p></body></html>"])
def test_a_page_without_feeds_gives_none(page: str | bytes) -> None:
    assert feed_links(page, PAGE_URL) == []


def test_candidates_are_the_usual_paths_at_the_site_root() -> None:
    assert candidate_urls("https://user:secret@Paper.example:8443/news/today.html?x=1") == [
        f"https://Paper.example:8443{path}" for path in COMMON_PATHS
    ]
    assert candidate_urls("http://paper.example")[:3] == [
        "http://paper.example/feed",
        "http://paper.example/feed/",
        "http://paper.example/rss",
    ]
    assert candidate_urls("HTTPS://paper.example/")[-1] == "https://paper.example/?feed=rss2"


@pytest.mark.parametrize("url", ["", "paper.example/news", "ftp://paper.example/", "file:///tmp/x"])
def test_candidates_need_a_web_address(url: str) -> None:
    with pytest.raises(ValueError, match="not a web address"):
        candidate_urls(url)
