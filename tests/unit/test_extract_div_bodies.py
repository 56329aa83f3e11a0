"""Bodies built without paragraphs, on small pages in the markup of the sites that write them
so: an Israeli portal whose rich-text editor writes every paragraph as a ``<div>`` of ``<span>``s,
right to left, with readers' talkbacks under the article."""

from __future__ import annotations

from desktop.ingest.extract import Extracted, extract_article

URL = "https://www.harbournews.example/articles/0,7340,L-5512,00.html"

# An invented story in Hebrew; some paragraphs are short, one ends without a full stop.
HEBREW_STORY = [
    "מועצת העיר החליטה ביום שני לסגור את הרציף הצפוני לרכבים החל מחודש יוני.",
    "מהנדסים שבדקו את הרציף מצאו כי שניים מעמודי העץ שלו נרקבו מתחת לפני המים.",
    "הדייגים אמרו כי ההחלטה משאירה אותם ללא מקום לפרוק את השלל בעונת הקיץ.",
    '"אין לנו לאן ללכת", אמר אחד מהם',
    "יושבת ראש המועצה אמרה כי הסגירה נועדה לשמור על בטיחות הציבור.",
    "רציף זמני ייבנה ליד תחנת ההצלה בתוך שישה שבועות.",
    "התיקונים צפויים לעלות כשני מיליון שקלים.",
    "המועצה מקווה לחלוק את העלות עם המשרד להגנת הסביבה.",
]
TALKBACK = "לדעתי המועצה הייתה צריכה לטפל ברציף כבר לפני שנים, לפני שהמצב הידרדר."


def draft_paragraph(text: str, index: int) -> str:
    """A paragraph as a rich-text editor writes it: a block <div>, a <div> and <span>s, the
    middle words of every other one in a link."""
    words = text.split(" ")
    middle = len(words) // 2
    if index % 2:
        spans = (
            f'<span data-offset-key="b{index}-0-0"><span data-text="true">'
            f"{' '.join(words[:middle])} </span></span>"
            f'<a href="/topics/harbour"><span data-offset-key="b{index}-1-0">'
            '<span data-text="true">'
            f"{words[middle]}</span></span></a>"
            f'<span data-offset-key="b{index}-2-0"><span data-text="true"> '
            f"{' '.join(words[middle + 1 :])}</span></span>"
        )
    else:
        spans = f'<span data-offset-key="b{index}-0-0"><span data-text="true">{text}</span></span>'
    return (
        f'<div class="text_editor_paragraph rtl" data-block="true" data-offset-key="b{index}-0-0">'
        f'<div data-offset-key="b{index}-0-0" class="public-DraftStyleDefault-block '
        f'public-DraftStyleDefault-rtl">{spans}</div></div>'
    )


# A picture between paragraphs, as the editor writes one: an atomic block holding a figure.
PICTURE = (
    '<figure data-block="true" data-offset-key="p0-0-0"><div class="css-4rj1vx">'
    '<img src="https://images.harbournews.example/pier-2025.jpg" width="1200" height="675" '
    'alt=""></div></figure>'
)


def styled_paragraph(text: str, index: int) -> str:
    """A paragraph as a portal whose CSS-in-JS names every style writes it: a <div> and a
    <span> (with a link in every other one)."""
    if index % 2:
        first, _, rest = text.partition(" ")
        text = f'<a class="css-2kq0sd" href="/topics/harbour">{first}</a> {rest}'
    return f'<div class="css-1ta8gx" dir="rtl"><span class="css-9ol2mz">{text}</span></div>'


def portal_page(story: list[str], talkbacks: int = 3, picture: str = "", draft: bool = True) -> str:
    """A whole page of the portal (its style names hashed, as its CSS-in-JS writes them): the
    site's header, the article's header, the body (written by the rich-text editor, else in
    styled <div>s) with ``picture`` after the third paragraph, readers' talkbacks."""
    write = draft_paragraph if draft else styled_paragraph
    paragraphs = [write(text, index) for index, text in enumerate(story)]
    body = "".join(paragraphs[:3]) + picture + "".join(paragraphs[3:])
    talk = "".join(
        f'<h4 class="css-0c7d2e">{n}. קורא מהצפון</h4><p class="css-3ne8yb">{TALKBACK}</p>'
        for n in range(1, talkbacks + 1)
    )
    return f"""<!DOCTYPE html><html lang="he" dir="rtl"><head><meta charset="utf-8">
<title>הרציף הצפוני ייסגר לרכבים</title>
<meta property="og:title" content="הרציף הצפוני ייסגר לרכבים">
<meta property="og:image" content="https://images.harbournews.example/harbour-lead.jpg">
</head><body>
<div class="css-1m2x0q"><a href="/" class="css-5tq1ez">חדשות הנמל</a><ul class="css-7ry2ga">
<li><a href="/news">חדשות</a></li><li><a href="/sport">ספורט</a></li></ul></div>
<div class="css-0wq3fz"><h1 class="css-8ha1pc">הרציף הצפוני ייסגר לרכבים</h1>
<div class="css-2dd9sk"><span>רונית לוי</span></div></div>
<div class="css-1kq3w9x"><div class="DraftEditor-root"><div
class="DraftEditor-editorContainer"><div class="public-DraftEditor-content" contenteditable="false"
role="textbox" spellcheck="false"><div data-contents="true">{body}</div></div></div></div></div>
<div class="css-6fv0ut" id="talkbacks"><div class="css-4bb7ke">{talk}</div></div>
</body></html>"""


def blocks(found: Extracted) -> list[str]:
    """The blank-line-separated blocks of an article's text."""
    return found.text.split("\n\n")


def test_a_body_of_divs_holding_spans_right_to_left_is_read_in_its_place() -> None:
    """No <p> in the article, links inside some paragraphs, readers' comments in <p>s below:
    every paragraph is found, short ones too, with the picture between them."""
    found = extract_article(portal_page(HEBREW_STORY, picture=PICTURE), URL)
    assert blocks(found) == HEBREW_STORY
    assert "pier-2025.jpg" in found.html


def test_talkbacks_that_outweigh_the_article_are_not_its_body() -> None:
    """More readers' text in <p>s than article text in <div>s and <span>s: the article is
    still the portal's paragraphs."""
    found = extract_article(portal_page(HEBREW_STORY, talkbacks=12, draft=False), URL)
    assert blocks(found) == HEBREW_STORY
