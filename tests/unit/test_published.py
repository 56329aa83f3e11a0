"""Publication times as article pages give them: machine-readable, or only shown ("April 2, 2025
07:47 PM EST", "2.4.2025 19.47 MEZ", "Publié le ... à 18h12", "2025年1月14日 19時47分"), each
zone abbreviation read as the offset it means, and a time without a zone read in the page's
own zone."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from desktop.ingest.extract import extract_article

URL = "https://www.kestrel.example/news/2025/04/02/bridge-repairs/"
PROSE = (
    "The county said on Wednesday that repairs to the old river bridge would take two months"
    " longer than planned, after engineers found rust in the steel beneath the deck."
)


def page(head: str = "", meta_line: str = "", lang: str = "") -> str:
    """A small article page with the given head tags, a date line above the body, a language."""
    body = "".join(f"<p>{PROSE} Paragraph {n} adds detail.</p>" for n in range(4))
    lang_attribute = f' lang="{lang}"' if lang else ""
    return (
        f"<html{lang_attribute}><head><title>Bridge repairs</title>{head}</head><body>"
        '<header class="site-header"><div class="topbar-today-date">Friday, May 9 2025</div>'
        f"</header><article><h1>Bridge repairs run late</h1>{meta_line}{body}</article>"
        "</body></html>"
    )


def published(markup: str) -> datetime | None:
    """The publication time extraction reports for a page."""
    return extract_article(markup, URL).published


def at(text: str) -> datetime:
    """An expected moment, written in ISO 8601 with its offset."""
    return datetime.fromisoformat(text)


def shown(text: str) -> str:
    """A WordPress theme's date line showing a time."""
    return f'<div class="entry-meta"><span class="posted-on">{text}</span></div>'


def test_a_time_shown_with_a_zone_abbreviation_is_read_at_its_offset() -> None:
    """The page gives no machine-readable time, only "07:47 PM EST" (was read as 07:47 UTC)."""
    assert published(page(meta_line=shown("January 14, 2025 07:47 PM EST"))) == at(
        "2025-01-14T19:47:00-05:00"
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("EST", "-05:00"), ("EDT", "-04:00"), ("CST", "-06:00"), ("CDT", "-05:00"),
        ("MST", "-07:00"), ("MDT", "-06:00"), ("PST", "-08:00"), ("PDT", "-07:00"),
        ("GMT", "+00:00"), ("BST", "+01:00"), ("UTC", "+00:00"), ("CET", "+01:00"),
        ("CEST", "+02:00"), ("MEZ", "+01:00"), ("MESZ", "+02:00"), ("EET", "+02:00"),
        ("EEST", "+03:00"), ("IST", "+05:30"), ("JST", "+09:00"), ("KST", "+09:00"),
        ("HKT", "+08:00"), ("SGT", "+08:00"), ("AEST", "+10:00"), ("AEDT", "+11:00"),
        ("ACST", "+09:30"), ("AWST", "+08:00"), ("NZST", "+12:00"), ("NZDT", "+13:00"),
        ("ET", "-05:00"), ("PT", "-08:00"), ("CT", "-06:00"), ("MT", "-07:00"),
    ],
)  # fmt: skip
def test_every_zone_abbreviation_means_its_offset(written: str, expected: str) -> None:
    line = shown(f"14 January 2025, 7:47 pm {written}")
    assert published(page(meta_line=line)) == at(f"2025-01-14T19:47:00{expected}")


def test_us_region_abbreviations_follow_daylight_saving() -> None:
    """ "ET" is -04:00 in summer; "PT" -07:00."""
    assert published(page(meta_line=shown("July 14, 2025, 7:47 p.m. ET"))) == at(
        "2025-07-14T19:47:00-04:00"
    )
    assert published(page(meta_line=shown("Jul 14, 2025 6 AM PT"))) == at(
        "2025-07-14T06:00:00-07:00"
    )


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        (shown("14.1.2025 19.47 MEZ"), "de", "2025-01-14T19:47:00+01:00"),
        (shown("Publié le 14 janvier 2025 à 18h12"), "fr-FR", "2025-01-14T18:12:00+01:00"),
        (shown("2025年1月14日 19時47分"), "ja", "2025-01-14T19:47:00+09:00"),
        (shown("14. Januar 2025, 19:47 Uhr"), "de-AT", "2025-01-14T19:47:00+01:00"),
        (shown("2025-04-02 19:47"), "zh-CN", "2025-04-02T19:47:00+08:00"),
        (shown("2025.04.02 19:47"), "ko", "2025-04-02T19:47:00+09:00"),
        ("<time>Thu 12 Jun 2025 21.45 BST</time>", "en", "2025-06-12T21:45:00+01:00"),
    ],
)  # fmt: skip
def test_times_shown_in_other_languages_and_forms(line: str, lang: str, expected: str) -> None:
    assert published(page(meta_line=line, lang=lang)) == at(expected)


def test_numeric_dates_are_read_in_the_order_of_the_pages_country() -> None:
    """03/02/2025 is 3 February on an Irish or European page, 2 March on an American one."""
    line = shown("Published: 03/02/2025 - 16:20 CET")
    assert published(page(meta_line=line)) == at("2025-02-03T16:20:00+01:00")
    us = '<meta property="og:locale" content="en_US">'
    assert published(page(us, shown("03/02/2025 4:20 PM ET"))) == at("2025-03-02T16:20:00-05:00")


def json_ld(published_at: str) -> str:
    """A JSON-LD NewsArticle with the given datePublished."""
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": published_at}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_a_machine_readable_time_without_offset_is_read_in_the_pages_zone() -> None:
    """JSON-LD gives 19:47 without an offset: the zone the page shows, else its locale's, else
    UTC."""
    with_ist = page(json_ld("2025-04-02T19:47:00"), shown("April 2, 2025 07:47 pm IST"))
    assert published(with_ist) == at("2025-04-02T19:47:00+05:30")
    german = page(json_ld("2025-04-02T19:47:00") + '<meta property="og:locale" content="de_DE">')
    assert published(german) == at("2025-04-02T19:47:00+02:00")
    assert published(page(json_ld("2025-01-14T19:47:00"), lang="ja")) == at(
        "2025-01-14T19:47:00+09:00"
    )
    assert published(page(json_ld("2025-04-02T19:47:00"), lang="en")) == at(
        "2025-04-02T19:47:00+00:00"
    )


def test_ambiguous_abbreviations_are_read_as_the_pages_country_means_them() -> None:
    """IST is India's time by default, Ireland's on an Irish page."""
    irish = '<meta property="og:locale" content="en_IE">'
    assert published(page(irish, shown("2 April 2025 19:47 IST"))) == at(
        "2025-04-02T19:47:00+01:00"
    )


def test_a_machine_readable_time_with_its_offset_wins() -> None:
    head = '<meta property="article:published_time" content="2025-04-02T19:47:00+01:00">'
    assert published(page(head, shown("2 April 2025 11:00 EST"))) == at("2025-04-02T19:47:00+01:00")


def test_a_machine_readable_day_takes_the_time_the_page_shows() -> None:
    """The meta tag gives the day alone; the page shows the time (an update's time is not it)."""
    head = '<meta name="publishdate" content="2025-04-24">'
    line = (
        '<div class="Page-byline"><div class="Page-datePublished">Published April 24, 2025 at'
        ' 10:15 AM CDT</div><div class="Page-dateModified">Updated April 24, 2025 at 12:40 PM'
        " CDT</div></div>"
    )
    assert published(page(head, line)) == at("2025-04-24T10:15:00-05:00")


def test_rdfa_content_gives_the_time() -> None:
    """Drupal 7 writes the time in RDFa and shows the day only."""
    line = (
        '<span class="date-display-single" property="dc:date" content="2025-04-09T10:00:00+01:00">'
        "Wednesday 9 April 2025</span>"
    )
    assert published(page(meta_line=line)) == at("2025-04-09T10:00:00+01:00")


def test_a_labelled_line_of_an_old_table_layout() -> None:
    line = (
        "<table><tr><td><font size=2>Posted 14 June 2025, 18:30 BST &middot; by Jane Doe"
        "</font></td></tr></table>"
    )
    assert published(page(meta_line=line)) == at("2025-06-14T18:30:00+01:00")


NAVER_DATESTAMP = (
    '<div class="media_end_head_info_datestamp"><div class="media_end_head_info_datestamp_bunch">'
    '<span class="media_end_head_info_datestamp_term">입력</span>'
    '<span class="media_end_head_info_datestamp_time _ARTICLE_DATE_TIME">2025.03.11. 오후 5:42'
    '</span></div><div class="media_end_head_info_datestamp_bunch">'
    '<span class="media_end_head_info_datestamp_term">수정</span>'
    '<span class="media_end_head_info_datestamp_time _ARTICLE_MODIFY_DATE_TIME">2025.03.11. 오후'
    " 6:10</span></div></div>"
)


@pytest.mark.parametrize(
    ("meta_line", "lang", "expected"),
    [
        # A Korean portal's shown times, the update's after the publication's.
        (NAVER_DATESTAMP, "ko", "2025-03-11T17:42:00+09:00"),
        # Both on one line, in an element of no date name: the "입력" label marks it.
        ("<div>입력 2025.03.11. 오후 5:42 수정 2025.03.11. 오후 6:10</div>", "ko",
         "2025-03-11T17:42:00+09:00"),
        ("<div>입력 2025.03.11. 오전 12:05</div>", "ko", "2025-03-11T00:05:00+09:00"),
        # Chinese pages write the half of the day before the hour.
        ('<span class="date">2025年03月11日 下午5:42</span>', "zh-CN", "2025-03-11T17:42:00+08:00"),
        ('<span class="time">2025-03-11 上午09:05</span>', "zh-TW", "2025-03-11T09:05:00+08:00"),
    ],
)  # fmt: skip
def test_a_time_shown_after_the_half_of_the_day_is_read_in_the_pages_zone(
    meta_line: str, lang: str, expected: str
) -> None:
    """ "오후 5:42" and "下午5:42" are 17:42, read in KST or China's time as the page's language
    says, when the page gives no machine-readable time."""
    assert published(page(meta_line=meta_line, lang=lang)) == at(expected)
