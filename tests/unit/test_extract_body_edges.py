"""What opens and closes an article's text, on small pages in the markup of the sites that write
it so: a summary box above the lede of a US newspaper chain's story, a correction note at the end
of a US national paper's (kept, unlike the corrections policy link beside it), an opinion
column's contributor bio and call for letters (a UK daily's), and a Korean portal's bold summary
lines and photo captions inside the body."""

from __future__ import annotations

from desktop.ingest.extract import Extracted, extract_article

URL = "https://www.rivervalleytimes.example/story/news/local/2025/06/03/levee-repairs/7712"

# Paragraphs of an invented story, long enough for any extractor to take for an article.
STORY = [
    "County engineers will begin repairing the east levee next month, after an inspection found "
    "that spring floods had washed out a stretch of its clay core near the old mill road.",
    "The repairs are expected to take about ten weeks, during which the river trail will be "
    "closed between the boat ramp and the water treatment plant, officials said on Tuesday.",
    "Farmers whose fields lie behind the levee said they had warned the county about seepage "
    "for two years and were relieved that work would start before the autumn rains arrive.",
    "The county has set aside 3.1 million dollars for the work and expects a state flood grant "
    "to cover about half of it, according to a budget memo sent to commissioners last week.",
    "A public meeting about the trail closure will be held at the library on June 12, and the "
    "engineers' inspection report is posted on the county's website for anyone to read.",
]
POINTS = [
    "Repairs to the east levee start next month and last about ten weeks.",
    "The river trail closes between the boat ramp and the treatment plant.",
    "A state grant is expected to pay for about half of the work.",
]


def page(body: str, byline: str = "Dana Whitfield") -> str:
    """A whole news page around an article: head, site header, navigation and footer."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>County to repair east levee before autumn rains</title>
<meta property="og:title" content="County to repair east levee before autumn rains">
<meta name="author" content="{byline}"></head><body>
<header class="site-header"><a class="logo" href="/">River Valley Times</a><nav><ul>
<li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li>
<li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main>{body}</main>
<footer class="site-footer"><ul><li><a href="/about">About us</a></li>
<li><a href="/contact">Contact</a></li></ul></footer></body></html>"""


def paragraphs(items: list[str], css: str = "") -> str:
    """Paragraph markup for each text, with a class when given."""
    named = f' class="{css}"' if css else ""
    return "".join(f"<p{named}>{item}</p>\n" for item in items)


def blocks(found: Extracted) -> list[str]:
    """The blank-line-separated blocks of an article's text."""
    return found.text.split("\n\n")


# 1. Summary boxes above the lede


def chain_story(box: str, closing: str = "") -> str:
    """A story in the markup of a US newspaper chain's platform (its gnt_ class names): the
    headline, byline, then the body, which opens with ``box``."""
    return f"""<article class="gnt_pr" data-c-pa="story">
<h1 class="gnt_ar_hl">County to repair east levee before autumn rains</h1>
<div class="gnt_ar_by"><a class="gnt_ar_by_a" href="/staff/dana-whitfield">Dana Whitfield</a>
</div><div class="gnt_ar_dt" aria-label="Published 6:02 a.m. CT June 3, 2025">Published 6:02
a.m. CT June 3, 2025</div>
<div class="gnt_ar_b" aria-label="Article body">{box}
{paragraphs(STORY, "gnt_ar_b_p")}{closing}</div></article>"""


def points_list(items: list[str]) -> str:
    """The chain's list markup."""
    return '<ul class="gnt_ar_b_ul">' + "".join(f'<li class="gnt_ar_b_li">{i}</li>' for i in items)


def test_a_key_points_box_above_the_lede_is_not_body() -> None:
    """An AI summary in a box of its own (a heading and a short list) inside the article body,
    before the lede, with the note about it at the end: neither is the article's text."""
    box = (
        f'<div class="gnt_ar_b_bx" data-c-bx="kp"><h2 class="gnt_ar_b_h2">Key points</h2>'
        f"{points_list(POINTS)}</ul></div>"
    )
    note = (
        '<p class="gnt_ar_b_p"><em>The Key Points at the top of this article were created with '
        "the assistance of Artificial Intelligence (AI) and reviewed by a journalist before "
        "publication.</em></p>"
    )
    found = extract_article(page(chain_story(box, note)), URL)
    assert blocks(found) == STORY


def test_a_summary_box_labelled_in_loose_text_with_its_note_in_plain_type_goes() -> None:
    """The label written as loose text of the box (no heading), the AI's name beside it, and the
    note about it at the end in plain type."""
    box = (
        '<div class="gnt_ar_b_bx"><div class="gnt_ar_b_bx_t">Key Points AI-assisted summary</div>'
        f'{points_list(POINTS)}</ul><div class="gnt_ar_b_bx_s">Reviewed by a journalist before '
        "publication.</div></div>"
    )
    note = (
        '<p class="gnt_ar_b_p">The Key Points at the top of this article were created with the '
        "assistance of Artificial Intelligence (AI) and reviewed by a journalist before "
        "publication. No other parts of the article were generated using AI.</p>"
    )
    found = extract_article(page(chain_story(box, note)), URL)
    assert blocks(found) == STORY


def test_an_unboxed_summary_heading_and_its_list_are_not_body() -> None:
    """The heading and list written straight into the body, before the first paragraph, under
    the labels such boxes carry."""
    labels = ("At a glance", "What you need to know:", "Summary", "In brief", "Key Takeaways")
    for label in (*labels, "Here's what to know", "Story highlights", "The story in brief"):
        box = f'<h3 class="gnt_ar_b_h3">{label}</h3>{points_list(POINTS)}</ul>'
        found = extract_article(page(chain_story(box)), URL)
        assert blocks(found) == STORY, label


def test_a_list_that_opens_a_story_without_a_summary_label_stays() -> None:
    """A list under an ordinary subheading at the top is the article's own."""
    box = f'<h2 class="gnt_ar_b_h2">Where the trail closes</h2>{points_list(POINTS)}</ul>'
    found = extract_article(page(chain_story(box)), URL)
    assert blocks(found) == ["Where the trail closes", "\n".join(POINTS), *STORY]


# 2. Corrections


def national_story(closing: str) -> str:
    """A story in the markup of a US national paper: a named article body of companion
    columns holding generated class names, then what closes it."""
    columns = "".join(
        f'<div class="css-53u6y8 StoryBodyCompanionColumn"><div class="css-1fanzo5">'
        f'<p class="css-at9mc1 evys1bk0">{text}</p></div></div>'
        for text in STORY
    )
    return f"""<article id="story" class="css-1vxca1d"><header class="css-d92ggc">
<h1 data-testid="headline" class="css-88wicj e1h9rw200">County to repair east levee before autumn
rains</h1><p class="css-4anu6l e1wiw3jv0">By <span class="css-1baulvz">Dana Whitfield</span></p>
</header><section name="articleBody" class="meteredContent css-1r7ky0e">{columns}</section>
{closing}</article>"""


CORRECTION = (
    "An earlier version of this article misstated the length of the closure. The river trail "
    "will be closed for about ten weeks, not ten months."
)


def test_a_correction_in_italics_after_the_last_paragraph_is_kept() -> None:
    """The note a paper appends to correct its story is part of the record a reader sees."""
    closing = (
        '<div class="css-1fanzo5"><p class="css-at9mc1 evys1bk0"><em>Correction: June 4, 2025'
        f'<br>{CORRECTION}</em></p></div><div class="css-1fanzo5"><p class="css-at9mc1"><em>'
        f'{BIO}</em></p></div><div class="css-1y5yk5h"><p>A version of this article appears in '
        "print on June 4, 2025, Section A, Page 14 of the Valley edition.</p></div>"
    )
    found = extract_article(page(national_story(closing)), URL)
    assert blocks(found) == [*STORY, f"Correction: June 4, 2025\n{CORRECTION}"]


def test_a_correction_in_an_element_named_for_it_is_kept_without_the_policy_links() -> None:
    """An element whose class says correction holds the note; the corrections policy link and
    the button to report an error beside it are furniture."""
    closing = (
        f'<div class="article-correction"><p><strong>Correction:</strong> {CORRECTION}</p></div>'
        '<div class="css-1n3x1ud"><p class="css-1ifw933"><a href="/corrections-policy">'
        'Corrections policy</a></p><p><a class="report-correction" href="/report">Report a '
        'correction</a></p><button class="css-ol3o0c">Report an error</button></div>'
    )
    found = extract_article(page(national_story(closing)), URL)
    assert blocks(found) == [*STORY, f"Correction: {CORRECTION}"]


def test_a_correction_set_apart_after_the_body_is_kept() -> None:
    """An editor's note that corrects the story, in an aside after the article body's element,
    which the extractors did not take."""
    note = f"Editor's note: {CORRECTION}"
    closing = f'<aside class="css-1d8a290"><p class="css-x0k3y1">{note}</p></aside>'
    found = extract_article(page(national_story(closing)), URL)
    assert blocks(found) == [*STORY, note]


def test_a_corrections_policy_line_with_no_correction_is_left_out() -> None:
    """A line about the paper's corrections, in a box named for them, corrects nothing."""
    closing = (
        '<div class="corrections-note"><p>We are committed to accuracy. If you spot an error, '
        '<a href="/report">report a correction</a>.</p></div>'
    )
    found = extract_article(page(national_story(closing)), URL)
    assert blocks(found) == STORY


# 3. Contributor bios and calls for letters; bold summary lines and captions of a portal


def opinion_column(closing: str) -> str:
    """An opinion column in a UK daily's markup: the body's paragraphs with generated class
    names inside a maincontent element, then what closes it."""
    body = paragraphs(STORY, "dcr-16w5gq9")
    return f"""<article class="dcr-1jl528t"><div data-gu-name="headline"><h1 class="dcr-1ywl0r">
County to repair east levee before autumn rains</h1></div><div data-gu-name="meta"><address
aria-label="Contributor info"><a rel="author" href="/profile/dana-whitfield">Dana
Whitfield</a></address></div><div data-gu-name="body"><div id="maincontent"><div
class="article-body-commercial-selector article-body-viewer-selector dcr-unpcyc">{body}{closing}
</div></div></div></article>"""


BIO = (
    "Dana Whitfield is a librarian in Millbrook and the author of Rivers We Forgot, a history "
    "of the valley's flood defences."
)
LONG_BIO = (
    f"{BIO} Her new book, The Water Under the Mill, is published by Harbour Lane Press next "
    "month. To support the paper, order your copy from our bookshop. Delivery charges may apply, "
    "and the bookshop's own terms apply to every order placed with it."
)
LETTERS = (
    "Do you have an opinion on the issues raised in this article? If you would like to submit a "
    'response of up to 300 words by email to be considered for publication in our <a href="/'
    'letters">letters</a> section, please <a href="/letters/submit">click here</a>.'
)


def test_a_contributor_bio_and_a_call_for_letters_close_no_column() -> None:
    """The bio in italics after the last paragraph and the call for letters in a list after it
    are the paper's, not the column's."""
    closing = f"<p><em>{LONG_BIO}</em></p><ul><li><p><em>{LETTERS}</em></p></li></ul>"
    found = extract_article(page(opinion_column(closing)), URL)
    assert blocks(found) == STORY


def test_a_bio_in_plain_type_named_for_the_contributor_and_a_plain_call_go() -> None:
    """The same, written without italics: the bio in an element named for the contributor, the
    call for letters as a plain paragraph."""
    closing = f'<div class="contributor-note"><p>{BIO}</p></div><p>{LETTERS}</p>'
    found = extract_article(page(opinion_column(closing)), URL)
    assert blocks(found) == STORY


def test_a_closing_line_about_the_author_by_name_goes() -> None:
    """A last short paragraph that says who the byline's author is, in no italics and no named
    element, is the column's tagline."""
    found = extract_article(page(opinion_column(f"<p>{BIO}</p>")), URL)
    assert blocks(found) == STORY


KOREAN = [
    "시는 다음 달부터 동쪽 제방 보수 공사를 시작한다고 3일 밝혔다. 봄철 홍수로 제방 안쪽의 점토층 "
    "일부가 쓸려 나간 사실이 점검에서 확인됐기 때문이다.",
    "공사는 약 10주 동안 이어지며, 그 기간에는 보트 선착장과 정수장 사이의 강변 산책로가 "
    "통제된다. 시는 우회로를 안내하는 표지판을 설치할 계획이다.",
    "제방 뒤편에서 농사를 짓는 주민들은 2년 전부터 누수를 알렸다며, 가을비가 오기 전에 공사가 "
    "시작돼 다행이라고 말했다.",
    "시는 공사비로 31억 원을 책정했으며, 이 가운데 절반가량은 도의 재해 예방 보조금으로 충당할 "
    "것으로 보고 있다.",
]
SUMMARY_LINES = [
    "동쪽 제방 점토층 유실 확인돼 다음 달부터 10주 동안 보수 공사에 착수하기로",
    "보트 선착장과 정수장 사이의 강변 산책로는 공사 기간 내내 전면 통제된다",
    "공사비 31억 원 가운데 절반가량은 도의 재해 예방 보조금으로 충당할 계획",
]
CAPTIONS = [
    "지난달 점검에서 점토층이 쓸려 나간 것으로 확인된 동쪽 제방. 사진=시청 제공",
    "통제되는 강변 산책로 구간을 시 관계자가 가리키고 있다. 사진=시청 제공",
]
PHOTOS = "https://imgnews.portal.example/image/001/2025/06/03"


def portal_photo(number: int) -> str:
    """A photo in its frame, with its caption, as the portal writes it inside the text: in
    lazy-loading wrappers, or (the older markup) right in the frame."""
    address = f"{PHOTOS}/levee_00{number + 1}.jpg"
    caption = f'<em class="img_desc">{CAPTIONS[number]}</em>'
    if number:
        return f'<span class="end_photo_org"><img src="{address}" alt="">{caption}</span>'
    return f"""<span class="end_photo_org"><div class="nbd_im_w _LAZY_LOADING_WRAP"><div
class="nbd_a _LAZY_LOADING_ERROR_HIDE" id="img_a{number}"><img id="img{number}" src="{address}"
data-src="{address}" class="_LAZY_LOADING"></div></div>{caption}</span>"""


def portal_story(summary: str) -> str:
    """A story as a Korean portal shows it: the summary lines, photos with their captions in
    their frames, and paragraphs of loose text between double line breaks."""
    first, second = "<br><br>".join(KOREAN[:2]), "<br><br>".join(KOREAN[2:])
    return f"""<div id="contents" class="newsct_body"><div class="newsct_article _article_body">
<article id="dic_area" class="go_trans _article_content">{summary}{portal_photo(0)}<br><br>
{first}<br><br>{portal_photo(1)}<br><br>{second}<br><br></article></div></div>"""


def portal_page(summary: str) -> str:
    """The portal's page, whose meta tags name the first photo as the lead."""
    head = f'<meta property="og:image" content="{PHOTOS}/levee_001.jpg?type=w800">'
    return page(portal_story(summary)).replace("</head>", f"{head}</head>")


def test_a_portals_bold_summary_lines_and_photo_caption_are_not_body() -> None:
    """The two or three bold lines above the first paragraph summarise the story, and the photo
    caption in its frame goes with the photo; the paragraphs alone are the text."""
    lines = "".join(f"<b>{line}</b><br>" for line in SUMMARY_LINES) + "<br>"
    found = extract_article(portal_page(lines), URL)
    assert blocks(found) == KOREAN
    assert "관계자가 가리키고" not in found.text
    assert "levee_002.jpg" in found.html


def test_a_portals_bold_summary_paragraphs_are_not_body() -> None:
    """The other portal's markup: the bold lines and the text in paragraphs of a section."""
    lines = "".join(f'<p dmcf-ptype="general"><b>{line}</b></p>' for line in SUMMARY_LINES)
    text = "".join(f'<p dmcf-ptype="general">{line}</p>' for line in KOREAN)
    body = f"""<div class="news_view fs_type1"><div class="article_view" data-translation-body=
"true"><section dmcf-sid="k2Rw7sPq1">{lines}{text}</section></div></div>"""
    found = extract_article(page(body), URL)
    assert blocks(found) == KOREAN


def test_a_portals_summary_in_one_bold_element_is_not_body() -> None:
    """The same summary lines written as one bold element with line breaks, glued to the
    paragraph after it by no break at all."""
    lines = (
        '<strong class="media_end_summary">동쪽 제방 점토층 유실 확인돼 다음 달 보수 착수.<br>'
        "강변 산책로는 10주 동안 통제, 우회로 안내 표지판 설치.</strong>"
    )
    found = extract_article(portal_page(lines), URL)
    assert blocks(found) == KOREAN
