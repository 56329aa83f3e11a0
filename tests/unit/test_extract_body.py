"""The body of full-article extraction, class by class, on small pages written in the markup of
real publishers' platforms (Drupal, WordPress, Arc XP, Brightspot, Substack, wire services and
live blogs): the words around links, furniture at the ends, paragraphs in the middle, ledes that
repeat a caption, short articles beside related posts, live blogs, footnotes and pictures."""

from __future__ import annotations

import re

from desktop.ingest.extract import Extracted, extract_article
from desktop.ingest.figures import body_images

URL = "https://www.coastalherald.example/news/2025/05/12/harbour-story"

# Paragraphs of an invented story, long enough for any extractor to take for an article.
STORY = [
    "The harbour board voted on Monday to close the old north pier to vehicles from June, after "
    "engineers found that two of its timber piles had rotted through below the waterline.",
    "Fishing crews who unload at the pier said the decision left them with nowhere to land their "
    "catch during the summer season, when the south quay is taken up by ferries and yachts.",
    "The board's chair, Morag Lennox, said the closure was a matter of safety and that a "
    "temporary landing stage would be built beside the lifeboat station within six weeks.",
    "Repairs to the pier are expected to cost about 2.4 million pounds, which the board hopes to "
    "share with the regional council and a coastal communities fund run by the government.",
    "A public meeting on the plans will be held at the harbour office on Thursday evening, and "
    "the board says it will publish the engineers' full survey on its website before then.",
]


def page(body: str, head: str = "", title: str = "Harbour board closes north pier") -> str:
    """A whole news page around an article body: head, site header, navigation and footer."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Coastal Herald</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Coastal Herald">{head}
</head><body>
<header class="site-header"><a class="logo" href="/"><img src="/static/logo.png" alt="Coastal
Herald" width="200" height="40"></a><nav class="main-nav"><ul><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li></ul></nav></header>
<main id="main">{body}</main>
<footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a href="/contact">
Contact</a></li><li><a href="/privacy">Privacy</a></li></ul><p>Coastal Herald, 4 Quay Street.</p>
</footer></body></html>"""


def paragraphs(items: list[str]) -> str:
    """Paragraph markup for each text."""
    return "".join(f"<p>{item}</p>\n" for item in items)


def article(inner: str, headline: str = "Harbour board closes north pier") -> str:
    """A WordPress-style <article> with a headline, byline and the body's markup."""
    return f"""<article class="post type-post hentry"><header class="entry-header">
<h1 class="entry-title">{headline}</h1><div class="entry-meta"><span class="byline">By
<a rel="author" href="/author/ellis">Ruth Ellis</a></span> <time datetime="2025-05-12T09:00:00Z">
May 12, 2025</time></div></header>
<div class="entry-content">{inner}</div></article>"""


def blocks(found: Extracted) -> list[str]:
    """The blank-line-separated blocks of an article's text."""
    return found.text.split("\n\n")


# 1. Links


def test_words_before_the_first_link_of_a_div_paragraph_are_kept() -> None:
    """Drupal and older CMSs build paragraphs from <div>s with the source's line breaks before
    a link: the words before it stay, and words either side of a link stay apart."""
    inner = (
        paragraphs(STORY[:2])
        + '<div>The operator,\n\t\t\t<a href="https://ferries.example/updates">Northern Isles'
        " Shipping</a>, said its vessel would stay in service until the landing stage opens.</div>"
        + '\n<div>Crews asked for a\n\t\t\t<a href="/news/stage">temporary stage ordered in'
        " 2024</a> is not yet built, and the board has not said when it will be.</div>\n"
        + paragraphs(STORY[2:])
    )
    found = extract_article(page(article(inner)), URL)
    assert "The operator, Northern Isles Shipping, said its vessel" in found.text
    assert "temporary stage ordered in 2024 is not yet built" in found.text
    assert "2024is" not in found.text


def test_chinese_text_gains_no_spaces_around_links() -> None:
    """A Chinese paragraph whose links sit on lines of their own in the source reads as one run
    of characters, as a browser shows it."""
    story = [
        "市政府周一宣布，将在明年春季前完成港口北侧码头的加固工程，以保障渔船的正常作业和旅客的安全。",
        "渔民代表表示，码头关闭期间，他们将不得不把渔获运往南侧码头，那里在夏季经常十分拥挤。",
        "工程预计耗资约两千四百万元，其中一部分资金将由省级财政和沿海社区发展基金共同承担。",
        "港务局表示，将在周四晚上举行公众说明会，并在会前公布工程师的完整检测报告。",
    ]
    linked = (
        '<p>据\n<a href="/news/report">港务局\n</a>\n发布的报告，北侧码头有两根木桩已经腐烂。</p>'
    )
    found = extract_article(page(article(paragraphs(story[:2]) + linked + paragraphs(story[2:]))))
    assert "据港务局发布的报告，北侧码头有两根木桩已经腐烂。" in blocks(found)


def test_korean_text_keeps_its_spaces_around_links() -> None:
    """Korean puts spaces between words: a line break of the source beside a link is one."""
    story = [
        "항만위원회는 월요일 북쪽 부두의 나무 기둥 두 개가 수면 아래에서 "
        "썩은 것으로 드러나 6월부터 차량 통행을 금지하기로 했다.",
        "어민들은 여름철에는 남쪽 부두가 여객선과 요트로 붐비기 때문에 "
        "잡은 고기를 내릴 곳이 없다고 말했다.",
        "위원회는 목요일 저녁 항만 사무소에서 주민 설명회를 열고 그 전에 "
        "조사 보고서 전문을 공개할 예정이다.",
    ]
    linked = '<p>위원회는\n<a href="/news/report">새로운</a>\n계획을 발표했다.</p>'
    found = extract_article(page(article(paragraphs(story[:2]) + linked + f"<p>{story[2]}</p>")))
    assert "위원회는 새로운 계획을 발표했다." in blocks(found)


# 2. Furniture at the start and end


def test_press_release_boilerplate_is_left_out() -> None:
    """A wire press release ends with "About <company>", forward-looking statements, media
    contacts and a "SOURCE" line: none of them is the release's news."""
    tail = (
        "<h3>About Tidewater Power</h3><p>Tidewater Power builds and runs tidal generators for "
        "island communities and has offices in three countries.</p>"
        "<h3>Forward-Looking Statements</h3><p>This release contains forward-looking statements "
        "about the timing of construction, which may differ from actual results.</p>"
        "<p>Media contact: Ana Reyes, press@tidewater.example, +1 503 555 0101</p>"
        "<p>SOURCE Tidewater Power</p>"
    )
    found = extract_article(page(article(paragraphs(STORY) + tail)), URL)
    assert blocks(found)[-1] == STORY[-1]
    for words in ("About Tidewater", "forward-looking", "Media contact", "SOURCE"):
        assert words not in found.text


def test_an_about_section_of_a_long_read_is_not_boilerplate() -> None:
    """A subheading "About the survey" late in a long read, with many paragraphs after it, is
    the article's."""
    days = ("first", "second", "third", "fifth", "sixth", "eighth", "ninth", "tenth", "twelfth")
    survey = [
        f"Divers inspected pile number {n} on the {day} of April and recorded its condition, "
        "measuring how far the rot had reached and photographing the timber for the engineers."
        for n, day in enumerate(days, 1)
    ]
    history = [
        f"{text} That was the view of the board in {year}, when the pier was last surveyed."
        for text, year in zip(STORY, (1953, 1961, 1974, 1988, 1990), strict=True)
    ]
    inner = paragraphs([*STORY, *history]) + "<h2>About the survey</h2>" + paragraphs(survey)
    found = extract_article(page(article(inner)), URL)
    assert blocks(found) == [*STORY, *history, "About the survey", *survey]


def test_reading_time_disclaimer_and_copyright_lines_are_left_out() -> None:
    """A reading-time line first; a wire sign-off, a funding disclaimer and a copyright line
    last."""
    inner = (
        '<p class="reading-time-line">Reading Time: 4 minutes</p>'
        + paragraphs(STORY)
        + "<p>Reporting by Ruth Ellis; Editing by Sam Holt</p>"
        + "<p>This article was produced with support from the Coastal Reporting Fund, which has "
        "no say over what we publish.</p><p>Copyright 2025 Coastal Herald. All rights "
        "reserved.</p>"
    )
    found = extract_article(page(article(inner)), URL)
    assert blocks(found) == STORY


def test_prose_that_opens_with_a_furniture_word_is_kept() -> None:
    """The furniture lines are anchored: a lede or a last paragraph that merely begins with
    "Updated", "More", "Related" or "Subscribers" is prose."""
    first = "Updated flood maps released on Monday show 4,000 more homes at risk along the coast."
    middle = "Related research by the university found the same rot in two other piers nearby."
    last = "More than 40 stories about the pier have appeared in the Herald since it opened."
    inner = paragraphs([first, *STORY[:2], middle, *STORY[2:], last])
    found = extract_article(page(article(inner)), URL)
    assert blocks(found) == [first, *STORY[:2], middle, *STORY[2:], last]


def test_newsletter_prompts_and_more_stories_are_left_out() -> None:
    """A newsletter box inside the body (Brightspot's module) and a "More ... stories" line."""
    newsletter = (
        '<div class="enhancement"><ps-newsletter-module class="NewsletterModule"><div '
        'class="NewsletterModule-title">Morning Tide</div><div class="NewsletterModule-'
        "description\">Get the coast's top stories in your inbox every weekday.</div></ps-"
        "newsletter-module></div>"
    )
    inner = (
        paragraphs(STORY[:3])
        + newsletter
        + paragraphs(STORY[3:])
        + '<p><a href="/harbour">More harbour stories</a></p>'
    )
    found = extract_article(page(article(inner)), URL)
    assert blocks(found) == STORY


def test_a_standfirst_repeated_as_the_first_paragraph_is_said_once() -> None:
    """Themes that print the excerpt above the body and again as its first paragraph."""
    standfirst = "Engineers found rotten piles below the waterline of the old north pier."
    body = f'<p class="article-standfirst">{standfirst}</p>' + article(
        paragraphs([standfirst, *STORY])
    )
    found = extract_article(page(body), URL)
    assert blocks(found) == STORY


def test_a_note_after_a_closing_rule_and_a_signature_line_are_left_out() -> None:
    """Ghost newsrooms close with a rule and a line about themselves; French dailies sign the
    story with the correspondent's name in a line of its own."""
    ghost = (
        paragraphs(STORY) + "<hr><p><strong>The Coastal Herald</strong> is a nonprofit newsroom. "
        '<a href="#/portal/signup">Get our free newsletter</a> every Tuesday.</p>'
    )
    assert blocks(extract_article(page(article(ghost)), URL)) == STORY
    signed = paragraphs(STORY) + '<p class="article__signature">Ruth Ellis (Portmore)</p>'
    assert blocks(extract_article(page(article(signed)), URL)) == STORY


def test_a_subtitle_in_the_header_is_not_a_subheading_of_the_body() -> None:
    """Substack and Ghost print the subtitle as a heading under the headline, above the body."""
    body = (
        '<article class="post"><div class="post-header"><h1 class="post-title">Harbour board '
        'closes north pier</h1><h3 class="subtitle">Why two rotten piles shut a working pier'
        '</h3></div><div class="available-content"><div class="body markup">'
        f"{paragraphs(STORY)}</div></div></article>"
    )
    found = extract_article(page(body), URL)
    assert blocks(found) == STORY


def test_an_opinion_tagline_in_italics_closes_the_body() -> None:
    """Opinion pages end with the writer's tagline in italics and a call for letters."""
    inner = (
        paragraphs(STORY)
        + "<p><i>Ruth Ellis is a member of the Herald's editorial board.</i></p>"
        + '<p><b>Have an opinion on this?</b> <a href="/letters">Write to us</a>.</p>'
    )
    found = extract_article(page(article(inner)), URL)
    assert blocks(found) == STORY


# 3. Middle paragraphs


def test_link_dense_prose_and_text_after_embeds_and_ad_slots_are_kept() -> None:
    """A paragraph mostly of links that is still a sentence, the paragraph after an embedded
    post, and the one after an empty ad slot all stay in place; the post does not."""
    dense = (
        'The <a href="/a">survey</a>, the <a href="/b">board minutes</a> and the '
        '<a href="/c">council\'s response</a> are all <a href="/d">published online</a>.'
    )
    tweet = (
        '<figure class="wp-block-embed is-type-rich"><blockquote class="twitter-tweet"><p>The '
        "north pier will close to vehicles from June. Full statement on our site.</p>&mdash; "
        'Harbour Board (@harbourboard) <a href="https://x.example/status/1">May 12, 2025</a>'
        "</blockquote></figure>"
    )
    ad = '<div class="ad-slot ad-slot--inline" id="dfp-inline-1" aria-hidden="true"></div>'
    inner = (
        paragraphs(STORY[:1])
        + f"<p>{dense}</p>"
        + paragraphs(STORY[1:2])
        + tweet
        + paragraphs(STORY[2:3])
        + ad
        + paragraphs(STORY[3:])
    )
    found = extract_article(page(article(inner)), URL)
    expected = [STORY[0], re.sub(r"<[^>]+>", "", dense), *STORY[1:]]
    assert blocks(found) == expected


def test_a_body_split_in_parts_around_an_ad_is_read_whole() -> None:
    """Bodies cut into sibling sections (companion columns, chunks around inline ads) are one
    article, whatever share of it the first part holds."""
    long_part = paragraphs([*STORY[:4], STORY[0].replace("Monday", "Tuesday")])
    body = (
        f'<section name="articleBody"><div class="StoryBodyCompanionColumn">{long_part}</div>'
        '<div class="ad-unit" id="mid1"></div>'
        f'<div class="StoryBodyCompanionColumn"><p>{STORY[4]}</p></div></section>'
    )
    found = extract_article(page(article(body)), URL)
    assert blocks(found)[-1] == STORY[4]


def test_tables_in_figures_are_kept_and_hidden_text_is_not() -> None:
    """Gutenberg wraps a data table in a <figure>: it is text; an element hidden by the page is
    not."""
    table = (
        '<figure class="wp-block-table"><table><tbody><tr><td>North pier</td><td>Closed</td></tr>'
        "<tr><td>South quay</td><td>Open</td></tr></tbody></table></figure>"
    )
    hidden = '<div style="display: none"><p>Keywords: pier, harbour, board, closure.</p></div>'
    inner = paragraphs(STORY[:2]) + table + hidden + paragraphs(STORY[2:])
    found = extract_article(page(article(inner)), URL)
    assert "North pier Closed" in found.text
    assert "Keywords" not in found.text


def test_text_in_a_wrapper_named_like_furniture_is_not_lost() -> None:
    """A theme that wraps the whole text in a wrapper whose name holds a furniture word ("ad-free
    content"): what the extractors found there is kept."""
    inner = paragraphs(STORY[:1]) + f'<div class="ad-free-content">{paragraphs(STORY[1:])}</div>'
    found = extract_article(page(article(inner)), URL)
    assert blocks(found) == STORY


# 4. A lede that repeats the caption


def test_a_lede_that_repeats_the_photo_caption_is_kept() -> None:
    """WordPress pages whose lead photo's caption is the lede word for word: the caption goes
    with the photo, the lede stays in the body."""
    lede = STORY[0]
    head = '<meta property="og:image" content="https://www.coastalherald.example/up/pier.jpg">'
    figure = (
        '<figure class="wp-block-image"><img src="https://www.coastalherald.example/up/pier.jpg"'
        f' width="1024" height="576" alt=""><figcaption>{lede}</figcaption></figure>'
    )
    found = extract_article(page(article(figure + paragraphs(STORY)), head=head), URL)
    assert found.caption == lede
    assert blocks(found) == STORY


# 5. A short article beside related posts


EXCERPT = (
    "An excerpt of another story about the coast, number {n}, long enough to read as prose to an"
    " extractor that counts characters and little else on the page."
)
BRIEF = [STORY[0], "Crews said they would meet the board on Thursday."]


def test_a_short_article_is_not_taken_for_the_related_posts_inside_it() -> None:
    """A brief of two paragraphs with Jetpack's related posts inside its content: longer
    excerpts, but of other stories."""
    items = "".join(
        f'<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a href="/n/'
        f'{n}">Another harbour story {n}</a></h4><p class="jp-relatedposts-post-excerpt">'
        f"{EXCERPT.format(n=n)}</p></div>"
        for n in range(5)
    )
    related = (
        '<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">'
        f'<em>Related</em></h3><div class="jp-relatedposts-items">{items}</div></div>'
    )
    found = extract_article(page(article(paragraphs(BRIEF) + related)), URL)
    assert blocks(found) == BRIEF


def test_a_short_article_is_not_taken_for_the_story_cards_after_it() -> None:
    """A brief followed by cards of other stories (a linked headline and an excerpt each) in a
    block whose name says nothing."""
    cards = "".join(
        f'<div class="post"><h4><a href="/n/{n}">Another harbour story {n}</a></h4>'
        f"<p>{EXCERPT.format(n=n)}</p></div>"
        for n in range(5)
    )
    body = article(
        paragraphs(BRIEF) + f'<div class="more"><h3>More from the coast</h3>{cards}</div>'
    )
    found = extract_article(page(body), URL)
    assert blocks(found) == BRIEF


# Live blogs, footnotes, lists and quotes


def live_entry(ident: str, time: str, heading: str | None, inner: str) -> str:
    """One entry of a live blog in the markup the big live-blog platforms share."""
    title = f'<h2 class="block-title">{heading}</h2>' if heading else ""
    return f"""<article id="{ident}" class="block" data-block-id="{ident}">
<header class="block-header"><p class="block-time"><a href="?page=with:{ident}#{ident}">
<time datetime="2025-05-12T{time}:00+01:00">{time} BST</time></a></p>{title}</header>
<div class="block-elements">{inner}</div>
<footer class="block-footer"><button class="share-btn">Share</button></footer></article>"""


def test_a_live_blog_is_every_entry_in_page_order_without_times_or_key_events() -> None:
    """All entries, newest first as the page shows them, with their headings and text; no
    timestamps, no summary or key-events lists."""
    entries = [
        ("e4", "21:40", "Vote passed", STORY[4]),
        ("e3", "21:05", None, STORY[3]),
        ("e2", "20:30", "Engineers give evidence", STORY[2]),
        ("e1", "20:00", None, STORY[1]),
        ("e0", "19:30", "Welcome", STORY[0]),
    ]
    stream = "".join(live_entry(i, t, h, f"<p>{text}</p>") for i, t, h, text in entries)
    body = f"""<div class="live-header"><h1>Harbour board meeting live</h1>
<div class="live-summary"><h2>Summary</h2><ul><li>The board voted to close the pier</li>
<li>Fishing crews object</li></ul></div></div>
<aside class="key-events"><h2>Key events</h2><ul><li><a href="#e4"><time>21:40</time>
Vote passed</a></li><li><a href="#e2"><time>20:30</time> Engineers give evidence</a></li></ul>
</aside><div class="live-blog-body" id="liveblog-body">{stream}</div>"""
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "LiveBlogPosting", "headline": "Harbour board meeting live"}</script>'
    )
    found = extract_article(page(body, head=head), URL)
    expected = []
    for _, _, heading, text in entries:
        expected += [heading, text] if heading else [text]
    assert blocks(found) == expected


def test_a_live_blog_without_time_elements_or_json_ld_is_read_whole() -> None:
    """Entries that give their time in a named element rather than <time>, on a page that
    says it is live only by its class names."""
    entries = "".join(
        f'<div class="live-post" id="p{n}"><span class="live-post__time">1{n}:05</span>'
        f'<h3 class="live-post__title">Update {n}</h3><p>{text}</p></div>'
        for n, text in enumerate(STORY)
    )
    body = f'<div class="live-coverage"><h1>Harbour board live</h1>{entries}</div>'
    found = extract_article(page(body), URL)
    assert blocks(found) == [item for n, text in enumerate(STORY) for item in (f"Update {n}", text)]


def test_footnotes_are_kept_without_their_markers() -> None:
    """Substack's footnotes sit after a subscription box; their numbers in the text go."""
    marked = STORY[1].replace(
        "catch", 'catch<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a>'
    )
    note = "The south quay was rebuilt in 1998 and has room for six boats at most."
    inner = (
        paragraphs([STORY[0], marked, *STORY[2:]])
        + '<div class="subscription-widget-wrap"><p class="cta-caption">Thanks for reading! '
        "Subscribe for free.</p></div>"
        + '<div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-'
        f'number">1</a><div class="footnote-content"><p>{note}</p></div></div>'
    )
    body = f'<div class="available-content"><div class="body markup">{inner}</div></div>'
    found = extract_article(page(article(body)), URL)
    assert blocks(found) == [*STORY, note]


def test_lists_and_block_quotes_keep_their_place() -> None:
    """A list and a block quote between paragraphs stay where they are, one block each."""
    inner = (
        paragraphs(STORY[:2])
        + "<ul><li>North pier: closed to vehicles</li><li>South quay: open</li></ul>"
        + paragraphs(STORY[2:3])
        + "<blockquote><p>We cannot ask crews to work on a pier that might give way.</p>"
        "</blockquote>" + paragraphs(STORY[3:])
    )
    found = extract_article(page(article(inner)), URL)
    assert blocks(found) == [
        *STORY[:2],
        "North pier: closed to vehicles\nSouth quay: open",
        STORY[2],
        "We cannot ask crews to work on a pier that might give way.",
        *STORY[3:],
    ]


# Pictures in the body


def pictured_page() -> str:
    """A Gutenberg article: the lead photo, two in-body figures (one lazy-loaded), an author
    avatar, a share icon, an ad and related-story thumbnails."""
    base = "https://www.coastalherald.example/wp-content/uploads/2025/05"
    head = f'<meta property="og:image" content="{base}/north-pier-1200x630.jpg">'
    lead = (
        f'<figure class="wp-block-image size-large"><img src="{base}/north-pier-1024x576.jpg" '
        'width="1024" height="576" alt="The north pier"><figcaption>The north pier at low tide.'
        "</figcaption></figure>"
    )
    piles = (
        '<figure class="wp-block-image size-large"><img decoding="async" width="1024" '
        f'height="683" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-lazy-src="{base}/'
        'rotten-pile-1024x683.jpg" alt="A rotten timber pile"><figcaption class="wp-element-'
        'caption">One of the rotten piles, photographed by divers in April. <em>Photo: Iona '
        "Bell</em></figcaption></figure>"
    )
    crane = (
        f'<div class="wp-caption"><img src="{base}/crane.jpg" width="800" height="533" '
        'alt="A crane"><p class="wp-caption-text">The crane that will lift the old deck.</p></div>'
    )
    furniture = (
        '<div class="share-tools"><img src="/static/icons/share.svg" width="24" height="24" '
        'alt="Share"></div><div class="ad-unit"><a href="https://ads.example/click"><img '
        'src="https://ads.example/banner.jpg"></a></div>'
    )
    author = (
        '<div class="author-box"><img class="avatar" src="/up/ruth.jpg" width="96" height="96" '
        'alt="Ruth Ellis"><p>Ruth Ellis covers the coast for the Herald.</p></div>'
    )
    related = (
        '<aside class="related-posts"><a href="/news/other"><img src="/up/other-600x400.jpg" '
        'width="600" height="400" alt="">Ferry timetable changes</a></aside>'
    )
    inner = (
        lead
        + paragraphs(STORY[:2])
        + piles
        + paragraphs(STORY[2:4])
        + furniture
        + crane
        + paragraphs(STORY[4:])
        + author
        + related
    )
    return page(article(inner), head=head)


def test_in_body_pictures_keep_their_place_without_the_lead_or_furniture() -> None:
    """The article's own figures stay between the paragraphs they sit between, each with its
    caption and credit; the lead photo, icons, ads, avatars and thumbnails do not."""
    found = extract_article(pictured_page(), URL)
    images = body_images(found.html)
    assert [image.url.rsplit("/", 1)[-1] for image in images] == [
        "rotten-pile-1024x683.jpg",
        "crane.jpg",
    ]
    assert images[0].caption == "One of the rotten piles, photographed by divers in April."
    assert images[0].credit == "Photo: Iona Bell"
    assert images[1].caption == "The crane that will lift the old deck."
    order = [found.html.find(marker) for marker in (STORY[1][:30], "rotten-pile", STORY[2][:30])]
    assert order == sorted(order) and -1 not in order
    assert found.html.find("crane.jpg") > found.html.find(STORY[3][:30])


def test_a_centred_caption_under_a_picture_in_a_table_layout_is_not_text() -> None:
    """Chinese portals lay a picture and its centred caption out in a table above the text."""
    story = [
        "市政府周一宣布，将在明年春季前完成港口北侧码头的加固工程，以保障渔船的正常作业和旅客的安全。",
        "渔民代表表示，码头关闭期间，他们将不得不把渔获运往南侧码头，那里在夏季经常十分拥挤。",
        "工程预计耗资约两千四百万元，其中一部分资金将由省级财政和沿海社区发展基金共同承担。",
        "港务局表示，将在周四晚上举行公众说明会，并在会前公布工程师的完整检测报告。",
    ]
    picture = (
        '<table width="100%"><tr><td align="center"><img src="/images/2025/pier.jpg" '
        'style="max-width:640px"></td></tr><tr><td class="pic-title"><p style="text-align:'
        'center">5月12日，北侧码头的木桩。（本报记者 张华 摄）</p></td></tr></table>'
    )
    body = f'<div class="content" id="content">{picture}{paragraphs(story)}</div>'
    found = extract_article(page(article(body)), URL)
    assert blocks(found) == story


def test_a_paragraph_repeating_an_in_body_figure_caption_beside_it_goes() -> None:
    """Some CMSs print a picture's caption again as a paragraph under its figure."""
    base = "https://www.coastalherald.example/wp-content/uploads/2025/05"
    caption = "The crane that will lift the old deck, seen from the south quay."
    figure = (
        f'<figure class="wp-block-image"><img src="{base}/crane.jpg" width="800" height="533" '
        f'alt=""><figcaption>{caption}</figcaption></figure><p>{caption}</p>'
    )
    lead = (
        f'<figure class="wp-block-image"><img src="{base}/north-pier.jpg" width="1024" '
        'height="576" alt=""><figcaption>The north pier at low tide.</figcaption></figure>'
    )
    inner = lead + paragraphs(STORY[:2]) + figure + paragraphs(STORY[2:])
    head = f'<meta property="og:image" content="{base}/north-pier.jpg">'
    found = extract_article(page(article(inner), head=head), URL)
    assert found.caption == "The north pier at low tide."
    assert blocks(found) == STORY
    assert [image.caption for image in body_images(found.html)] == [caption]


def test_the_lead_photo_in_another_crop_than_its_meta_tag_stays_out_of_the_body() -> None:
    """A photo essay whose og:image is a cropped copy under another name: the figure whose
    caption is the lead's is the lead."""
    base = "https://media.coastalherald.example/images/2025/05"
    head = f'<meta property="og:image" content="{base}/pier-keepers-og.jpg">'
    caption = "The last two keepers on the landing stage of the north pier in May."
    inner = (
        f'<figure class="essay-photo essay-photo--lead"><img data-src="{base}/pier-keepers.jpg" '
        f'class="lazyload" alt=""><figcaption>{caption}</figcaption></figure>'
        + paragraphs(STORY[:3])
        + f'<figure class="essay-photo"><img data-src="{base}/pier-stair.jpg" alt=""></figure>'
        + paragraphs(STORY[3:])
    )
    found = extract_article(page(article(inner), head=head), URL)
    assert found.caption == caption
    assert [image.url.rsplit("/", 1)[-1] for image in body_images(found.html)] == ["pier-stair.jpg"]


def test_pictures_before_the_first_paragraph_and_after_the_last_are_kept() -> None:
    """A body that opens with a second picture under the lead and closes with a last one."""
    base = "https://www.coastalherald.example/wp-content/uploads/2025/05"
    head = f'<meta property="og:image" content="{base}/north-pier.jpg">'
    inner = (
        f'<figure class="wp-block-image"><img src="{base}/divers.jpg" alt=""><figcaption>Divers'
        "</figcaption></figure>"
        + paragraphs(STORY)
        + f'<figure class="wp-block-image"><img src="{base}/sunset.jpg" alt=""></figure>'
    )
    found = extract_article(page(article(inner), head=head), URL)
    names = [image.url.rsplit("/", 1)[-1] for image in body_images(found.html)]
    assert names == ["divers.jpg", "sunset.jpg"]
    assert found.html.index("divers.jpg") < found.html.index(STORY[0][:20])
    assert found.html.index("sunset.jpg") > found.html.index(STORY[-1][:20])


def test_figure_captions_are_not_body_text() -> None:
    """The text holds the paragraphs only: no figure's caption, no credit, no lead caption."""
    found = extract_article(pictured_page(), URL)
    assert blocks(found) == STORY
    assert "rotten piles" not in found.text
    assert "crane that will lift" not in found.text
