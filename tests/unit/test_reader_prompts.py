"""Lines in the middle of an article that speak to the reader rather than tell the story ("read
also" in many languages, a Google News follow prompt, a tip line, a newsletter's sign-up card,
an ad slot's "Article content" placeholder), and lines that look like them but are the story's
(a contributor line in italics at the end, an interview's first question in bold)."""

from __future__ import annotations

import pytest

from desktop.ingest.extract import extract_article

STORY = [
    f"Paragraph {n} of the story says the council voted on the harbour plan after a long debate "
    "that ran well into the evening, with residents packing the public gallery."
    for n in range(1, 7)
]
URL = "https://harbourtimes.example/news/2025/03/04/council-backs-harbour-plan"


def page(middle: str = "", end: str = "", start: str = "", story: list[str] = STORY) -> str:
    """A story page whose text has ``middle`` after its third paragraph, ``start`` before the
    first and ``end`` after the last."""
    paragraphs = [f"<p>{text}</p>" for text in story]
    body = start + "".join(paragraphs[:3]) + middle + "".join(paragraphs[3:]) + end
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council backs harbour plan</title>
<meta property="article:published_time" content="2025-03-04T14:30:00+00:00"></head><body>
<article><h1>Council backs harbour plan</h1><div class="byline">By Jane Doe</div>
<div class="entry-content">{body}</div></article></body></html>"""


@pytest.mark.parametrize(
    "line",
    [
        '<p><strong>Lue myös:</strong> <a href="/a">Satama laajenee</a></p>',
        "<p><strong>LUE MYÖS</strong></p>",
        '<p><b>Läs också:</b> <a href="/a">Hamnen byggs ut</a></p>',
        '<p><strong>Lees ook:</strong> <a href="/a">De haven groeit</a></p>',
        '<p><strong>Διαβάστε επίσης:</strong> <a href="/a">Το λιμάνι</a></p>',
        '<p><strong>Kapcsolódó:</strong> <a href="/a">A kikötő</a></p>',
        '<p><strong>Citește și:</strong> <a href="/a">Portul</a></p>',
        '<p><strong>相关阅读：</strong><a href="/a">港口扩建</a></p>',
        '<p><b>【関連記事】</b><a href="/a">港湾拡張</a></p>',
        '<p><b>관련기사</b> <a href="/a">항만 확장</a></p>',
        '<p>Follow us on <a href="https://news.google.example/">Google News</a>.</p>',
        '<p>Seuraa meitä <a href="https://news.google.example/">Google Newsissa</a>!</p>',
        '<p>Have a news tip? Email us at <a href="mailto:t@harbourtimes.example">tips</a>.</p>',
        "<p><em>Got a story? Tip us off at tips@harbourtimes.example</em></p>",
        '<div class="wp-block-group"><h3>Get the Harbour Briefing</h3><p>Local news delivered to '
        'your inbox every morning.</p><form><input type="email" name="EMAIL"><button>Go</button>'
        "</form></div>",
        '<p>Article content</p><div class="ad-slot"></div><p>Article content</p>',
        '<aside class="inline-box"><h4>Aamun uutiskirje</h4><p>Päivän tärkeimmät uutiset.</p>'
        '<a href="/uutiskirje">Tilaa</a></aside>',
    ],
)
def test_a_prompt_in_the_middle_of_the_text_is_left_out(line: str) -> None:
    """A line pointing elsewhere or asking the reader for something, in the middle of the
    text, is no part of it."""
    found = extract_article(page(line), URL)
    assert found.text.split("\n\n") == STORY


def test_a_box_with_a_heading_and_a_link_that_signs_no_one_up_is_text() -> None:
    """A box in the text with a heading and a "More" link is the article's."""
    box = (
        '<div class="box"><h3>The harbour</h3><p>It was built in 1870.</p>'
        '<a href="/h">More</a></div>'
    )
    found = extract_article(page(box), URL)
    assert found.text.split("\n\n") == [
        *STORY[:3],
        "The harbour",
        "It was built in 1870.",
        *STORY[3:],
    ]


def test_a_contributor_line_in_italics_closing_the_text_is_kept() -> None:
    """ "... contributed to this report." in italics at the end is the story's last line."""
    found = extract_article(page(end="<p><em>Tom Roe contributed to this report.</em></p>"), URL)
    assert found.text.split("\n\n") == [*STORY, "Tom Roe contributed to this report."]


def test_an_interview_opening_with_a_question_in_bold_keeps_it() -> None:
    """Bold lines above the first paragraph that ask questions are an interview's, no summary."""
    story = ["What did the council decide?", *STORY]
    found = extract_article(page(start="<p><strong>What did the council decide?</strong></p>"), URL)
    assert found.text.split("\n\n") == story


def test_a_name_and_e_mail_address_opening_the_text_is_left_out() -> None:
    """A byline line written as the text's first paragraph, a name and an address, is not text."""
    address = "jdoe@harbourtimes.example"
    start = f'<p>Jane Doe <a href="mailto:{address}">{address}</a></p>'
    found = extract_article(page(start=start), URL)
    assert found.text.split("\n\n") == STORY


def test_a_dated_signature_in_brackets_closing_the_text_is_left_out() -> None:
    """ "(Jane Doe, 4 March 2025)" after the last paragraph signs the story; it is not text."""
    found = extract_article(page(end="<p>(Jane Doe, 4 March 2025)</p>"), URL)
    assert found.text.split("\n\n") == STORY


@pytest.mark.parametrize(
    "closing",
    [
        "<p>The work starts in May. (Jane Doe, 4 March 2025)</p>",
        "<p>The work starts in May.<br>(Jane Doe)</p>",
    ],
)
def test_a_signature_in_brackets_closing_the_last_paragraph_is_cut_off(closing: str) -> None:
    """A name (and date) in brackets after the last sentence signs the story: the paragraph
    is kept without it."""
    found = extract_article(page(end=closing), URL)
    assert found.text.split("\n\n") == [*STORY, "The work starts in May."]


def test_words_in_brackets_closing_the_last_paragraph_that_name_no_one_stay() -> None:
    """Brackets after the last sentence that hold no name alone are the story's."""
    found = extract_article(page(end="<p>The work starts in May. (Weather permitting.)</p>"), URL)
    assert found.text.split("\n\n") == [*STORY, "The work starts in May. (Weather permitting.)"]
