"""A podcast's show art is no news photo, on small episode pages in the markup of a public
radio station's podcast pages: the square cover named in og:image and JSON-LD and shown above
the episode's notes is never the lead photo; the episode's own photo is, and without one there
is none."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from desktop.ingest.extract import extract_article

URL = "https://www.harbourradio.example/podcasts/harbour-hour/2025/06/10/ferry-timetable"
ART = "https://media.harbourradio.example/podcasts/harbour-hour/cover-art-3000x3000.jpg"
PHOTO = "https://media.harbourradio.example/2025/06/ferry-at-north-pier-1600x900.jpg"
NOTES = [
    "This week we ride the first hybrid ferry from the north pier to the island and ask the "
    "crew what the new timetable means for people who cross every day for work.",
    "We also hear from the harbour master about the repairs to the old pier, and from island "
    "students who will get cheaper tickets from July.",
    "Send us your questions about the new service and we will answer them in next week's "
    "episode, with the ferry company's operations manager.",
]


def episode_page(
    art: str = ART, photo: str = "", typed: bool = True, square: bool = True, series: str = ""
) -> str:
    """An episode's page: the show's ``art`` in og:image, shown in the show's header, and in
    the JSON-LD as the series' image (unless ``series`` names another), then the player, an
    optional ``photo`` of the episode and its notes."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "PodcastEpisode" if typed else "WebPage",
        "name": "The new ferry timetable",
        "datePublished": "2025-06-10T06:00:00+01:00",
        "partOfSeries": {"@type": "PodcastSeries", "name": "Harbour Hour", "image": series or art},
    }
    sides = 'width="300" height="300"' if square else ""
    figure = (
        f'<figure class="episode-photo"><img src="{photo}" width="1600" height="900" alt="">'
        "<figcaption>The hybrid ferry at the north pier.</figcaption></figure>"
        if photo
        else ""
    )
    notes = "".join(f"<p>{text}</p>" for text in NOTES)
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>The new ferry timetable : Harbour Hour</title>
<meta property="og:title" content="The new ferry timetable">
<meta property="og:image" content="{art}">
<script type="application/ld+json">{json.dumps(data)}</script></head><body>
<main><article class="podcast-episode"><div class="show-header"><a href="/podcasts/harbour-hour">
<img class="show-image" src="{art}" {sides} alt="Harbour Hour"></a><h2>Harbour Hour</h2></div>
<h1>The new ferry timetable</h1>
<audio controls src="https://media.harbourradio.example/audio/harbour-hour-0610.mp3"></audio>
{figure}<div class="episode-notes">{notes}</div></article></main></body></html>"""


def test_show_art_is_no_lead_photo_and_none_stands_in() -> None:
    """The square cover named everywhere and shown on the page: no lead photo at all."""
    found = extract_article(episode_page(), URL)
    assert (found.image_url, found.caption, found.credit) == (None, None, None)
    assert found.text.split("\n\n") == NOTES


def test_the_episodes_own_photo_is_the_lead_photo() -> None:
    """An episode with a photo of its own: that photo is the lead, not the show's art; the
    episode's data gives its time."""
    found = extract_article(episode_page(photo=PHOTO), URL)
    assert found.image_url == PHOTO
    assert found.caption == "The hybrid ferry at the north pier."
    assert found.published == datetime.fromisoformat("2025-06-10T06:00:00+01:00")


@pytest.mark.parametrize(
    "art",
    [
        "https://media.harbourradio.example/shows/4f2a9c1e.jpg",  # the series' image in JSON-LD
        "https://media.harbourradio.example/shows/harbour-hour-podcast-tile.png",
        "https://media.harbourradio.example/shows/artwork.jpg",
    ],
)
def test_show_art_is_told_by_its_series_its_square_or_its_name(art: str) -> None:
    """The series' image, a square picture or one named for a podcast's art is the show's."""
    assert extract_article(episode_page(art=art), URL).image_url is None


def test_podcast_art_is_no_lead_photo_on_a_page_not_typed_as_an_episode() -> None:
    """A page without episode data, whose named picture is a podcast's square cover."""
    found = extract_article(episode_page(typed=False, square=False), URL)
    assert found.image_url is None


def test_a_news_photo_on_a_page_with_audio_stays_the_lead_photo() -> None:
    """A landscape photo named by a page that plays audio is its lead photo."""
    page = episode_page(art=PHOTO, square=False, typed=False, series=ART)
    assert extract_article(page, URL).image_url == PHOTO
