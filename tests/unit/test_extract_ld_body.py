"""Pages that show the start of an article and hold all of it in their JSON-LD, on small pages in
the markup of a South Asian news site that hides the rest of the story behind a "Continue
reading" button: the article is the JSON-LD text, as paragraphs split at its line breaks."""

from __future__ import annotations

import json

from desktop.ingest.extract import Extracted, extract_article

URL = "https://www.valleyherald.example/city/metro-line-extension-approved-101718"

STORY = [
    "The state cabinet on Tuesday approved a twelve-kilometre extension of the metro's blue line, "
    "which will link the old bus terminus with the airport through four new stations.",
    "Work is expected to begin in the winter and to take about three years, the urban "
    "development minister told reporters after the meeting in the capital.",
    "Traders near the terminus said they welcomed the line but feared that two years of "
    "digging would keep customers away from the market during the festival season.",
    "The corporation that runs the metro said it would keep one lane of the ring road open at "
    "all times and would publish a traffic plan for each stretch before work starts there.",
    "The extension will cost about 5,400 crore rupees, shared between the state and a loan from "
    "a development bank, according to a note placed before the cabinet.",
    "Ridership on the blue line has doubled since it opened, and the new stations are expected "
    "to add about 90,000 trips a day once the extension is complete.",
]


def story_page(shown: list[str], in_data: str | None) -> str:
    """A story page: the JSON-LD NewsArticle (with ``in_data`` as its articleBody when given),
    the headline, the paragraphs ``shown``, a "Continue reading" button and related stories."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Cabinet approves metro extension to airport",
        "datePublished": "2025-06-10T18:05:00+05:30",
    }
    if in_data is not None:
        data["articleBody"] = in_data
    paragraphs = "".join(f"<p>{text}</p>" for text in shown)
    related = "".join(
        f'<li class="storyCard"><a href="/city/story-{n}"><h3>Another city story {n}</h3></a></li>'
        for n in range(4)
    )
    return f"""<!DOCTYPE html><html lang="en-IN"><head><meta charset="utf-8">
<title>Cabinet approves metro extension to airport | Valley Herald</title>
<script type="application/ld+json">{json.dumps(data)}</script></head><body>
<header class="topNav"><a href="/">Valley Herald</a></header>
<main><article class="storyDetail"><h1 class="storyHeadline">Cabinet approves metro extension
to airport</h1><div class="storyByline">Express News Service</div>
<div class="storyContent" id="storyBody">{paragraphs}
<div class="readMoreWrap"><button class="readMoreBtn" type="button">Continue reading</button>
</div></div></article>
<section class="relatedStories"><h2>Related</h2><ul>{related}</ul></section></main>
</body></html>"""


def blocks(found: Extracted) -> list[str]:
    """The blank-line-separated blocks of an article's text."""
    return found.text.split("\n\n")


def test_a_body_cut_short_on_the_page_is_the_json_ld_text() -> None:
    """Two paragraphs shown, all six in the data: the article is all six, in their order."""
    found = extract_article(story_page(STORY[:2], "\n".join(STORY)), URL)
    assert blocks(found) == STORY


def test_the_json_ld_text_split_at_blank_lines_and_breaks() -> None:
    """Paragraphs in the data parted by blank lines (or <br> tags) are paragraphs too."""
    written = "\r\n\r\n".join(STORY[:3]) + "<br><br>" + "\n\n".join(STORY[3:])
    found = extract_article(story_page(STORY[:2], written), URL)
    assert blocks(found) == STORY


def test_a_body_shown_whole_stays_as_the_page_writes_it() -> None:
    """The data says no more than the page: the page's own body is kept."""
    found = extract_article(story_page(STORY, "\n".join(STORY[:2])), URL)
    assert blocks(found) == STORY


def test_json_ld_text_that_is_not_the_shown_article_is_not_taken() -> None:
    """A long articleBody that does not open with the shown text (another story, a summary)
    is not the article's."""
    other = "\n".join(f"A different story, its paragraph number {n}." for n in range(30))
    found = extract_article(story_page(STORY[:3], other), URL)
    assert blocks(found) == STORY[:3]
