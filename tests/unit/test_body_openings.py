"""What opens an article's text box without being its text (a standfirst box named as one, a
date line), and text written in one ``<div>`` split by breaks, with an empty ad slot inside it,
read whole, on small portal pages in their markup."""

from __future__ import annotations

import pytest

from desktop.ingest.extract import extract_article

STORY = [
    "Cestári v pondelok oznámili, že od prvého apríla uzavrú starý most cez Hron v Dolnej Vsi. "
    "Oprava nosnej konštrukcie potrvá približne tri mesiace.",
    "Obchádzka povedie cez Horný Brod a predĺži cestu do okresného mesta asi o osem kilometrov. "
    "Autobusy budú jazdiť podľa upraveného cestovného poriadku.",
    "Most postavili v roku 1962 a pri poslednej prehliadke statici zistili poškodenie ložísk. "
    "Oprava bude stáť takmer dva milióny eur.",
    "Starosta Dolnej Vsi žiada, aby cez most mohli počas opráv aspoň chodci. Cestári sľúbili, že "
    "túto možnosť preveria.",
]
URL = "https://novinky.example/region/clanok/712044-most-cez-hron"


def page(text: str) -> str:
    """A portal's story page whose text box holds ``text``."""
    return f"""<!DOCTYPE html><html lang="sk"><head><meta charset="utf-8">
<title>Most cez Hron zatvoria</title>
<meta property="article:published_time" content="2025-03-04T10:05:00+01:00"></head><body>
<div class="article-detail"><h1>Most cez Hron zatvoria</h1>
<div class="article-detail__text">{text}</div></div></body></html>"""


PARAGRAPHS = "".join(f"<p>{text}</p>" for text in STORY)
SUMMARY = "Starý most v Dolnej Vsi čaká oprava ložísk, obchádzka povedie cez Horný Brod."


@pytest.mark.parametrize(
    "opening",
    [
        f'<div class="perex-box"><p>{SUMMARY}</p></div><p>4. marca 2025, 10:05</p>',
        f'<p class="article-standfirst">{SUMMARY}</p>',
        f'<div class="dek">{SUMMARY}</div><p>04.03.2025 | 10:05</p>',
        "<p>Published: 4 March 2025</p>",
        "<p>04/03/2025 10:05</p>",
    ],
)
def test_a_standfirst_box_and_a_date_line_opening_the_text_are_left_out(opening: str) -> None:
    """A box named as a standfirst ("perex", "dek", "standfirst") before the first paragraph,
    and a line that is only a date, are not the article's text."""
    found = extract_article(page(opening + PARAGRAPHS), URL)
    assert found.text.split("\n\n") == STORY


def test_a_standfirst_named_box_after_the_first_paragraph_is_text() -> None:
    """Once the text has begun, a box is read whatever its name."""
    found = extract_article(
        page(
            f'<p>{STORY[0]}</p><div class="teaser"><p>{STORY[1]}</p></div>'
            + "".join(f"<p>{text}</p>" for text in STORY[2:])
        ),
        URL,
    )
    assert found.text.split("\n\n") == STORY


@pytest.mark.parametrize("slot", ["<div></div>", '<div class="ad" id="banner-2"></div>'])
def test_a_paragraph_after_an_empty_slot_in_text_split_by_breaks_is_kept(slot: str) -> None:
    """Text written in one ``<div>``, split by double breaks, with an empty ad slot after a
    paragraph: the paragraph after the slot (one with a link) is read whole."""
    linked = STORY[3].replace("Dolnej Vsi", '<a href="/obec/dolna-ves">Dolnej Vsi</a>', 1)
    text = f"{STORY[0]}<br><br>{STORY[1]}<br><br>{STORY[2]}{slot}{linked}"
    found = extract_article(page(text), URL)
    assert found.text.split("\n\n") == STORY
