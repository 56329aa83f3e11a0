"""Lines that sign an article rather than tell it: names in brackets with a desk or a date
closing it, a name and an e-mail address, a Chinese info line naming the paper's reporter above
it (with the time, read in the page's zone), and the editor's and proofreader's lines after it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from desktop.ingest.extract import extract_article
from desktop.ingest.signoffs import signing_names

URL = "https://kitahama.example/articles/20250304/ferry"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("（社会部 山田太郎）", ["山田太郎"]),
        ("（山田太郎・経済部）", ["山田太郎"]),
        ("（編集委員 田中一郎）", ["田中一郎"]),
        ("（北浜支局長 山田太郎）", ["山田太郎"]),
        ("（本报记者 李明）", ["李明"]),
        ("(Jane Doe, 12 March 2025)", ["Jane Doe"]),
        ("(Ana Ruiz, 4 de marzo de 2025)", ["Ana Ruiz"]),
        ("Jane Doe jane.doe@paper.example", ["Jane Doe"]),
        ("박서연 기자 sypark@paper.example", ["박서연"]),
        ("(Reuters)", []),
        ("(Additional reporting by Jane Doe)", []),
        ("(Jane Doe, Paris)", []),
        ("（责任编辑 王磊）", []),
        ("（完）", []),
    ],
)
def test_a_signing_line_gives_the_names_it_signs_with(line: str, names: list[str]) -> None:
    """Names alone, with a desk, title or date beside them, sign the article; an agency, a
    sentence, a place or an editor's line does not."""
    assert signing_names(line) == names


JA_STORY = [
    f"北浜汽船は{day}日、沖ノ島を結ぶ航路に新型フェリーを導入すると発表した。来年春の就航を目指す。"
    for day in range(1, 5)
]


def ja_page(closing: str) -> str:
    """A Japanese paper's story whose JSON-LD author is the paper, closed by ``closing``."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "離島航路に新型フェリー",
        "author": {"@type": "Organization", "name": "北浜新聞"},
        "datePublished": "2025-03-04T19:05:00+09:00",
    }
    paragraphs = "".join(f"<p>{text}</p>" for text in JA_STORY)
    return f"""<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">
<title>離島航路に新型フェリー | 北浜新聞</title><script type="application/ld+json">
{json.dumps(ld, ensure_ascii=False)}</script></head><body><article><h1>離島航路に新型フェリー</h1>
<div class="article-body">{paragraphs}{closing}</div><div class="share">シェア</div></article>
</body></html>"""


@pytest.mark.parametrize(
    "closing", ["<p>（社会部 山田太郎）</p>", '<p>（山田太郎・社会部）</p><div class="ad"></div>']
)
def test_a_bracketed_signature_closing_a_japanese_story_is_its_byline(closing: str) -> None:
    """The reporter printed only at the end, in brackets with a desk, is the byline (the
    JSON-LD author is the paper) and no part of the text."""
    found = extract_article(ja_page(closing), URL)
    assert found.byline == "山田太郎"
    assert found.text.split("\n\n") == JA_STORY


ZH_STORY = [
    f"市轨道交通集团第{n}次通报，地铁九号线一期工程已完成全部土建施工，计划于明年年底开通运营。"
    for n in range(1, 5)
]


def zh_page(info: str, lang: str = ' lang="zh-CN"') -> str:
    """A Chinese portal's story with an ``info`` line under the headline and no machine-readable
    time, closed by the editor's and the proofreader's lines."""
    paragraphs = "".join(f"<p>{text}</p>" for text in ZH_STORY)
    return f"""<!DOCTYPE html><html{lang}><head><meta charset="utf-8">
<title>地铁九号线明年年底开通_江城日报</title></head><body><div class="left">
<h1 class="title">地铁九号线明年年底开通</h1>{info}<div class="content">{paragraphs}
<p>（责任编辑：王磊）</p><p>校对：赵雪</p></div></div></body></html>"""


@pytest.mark.parametrize(
    "info",
    [
        '<div class="info">2025-03-04 14:30 来源：江城日报 江城日报记者 李明</div>',
        '<div class="source"><span>2025年03月04日 14:30</span> <span>本报记者 李明</span></div>',
        '<div class="pubtime">2025-03-04 14:30</div><p class="author">江城日报记者 李明</p>',
    ],
)
@pytest.mark.parametrize("lang", [' lang="zh-CN"', ""])
def test_a_chinese_info_line_gives_the_reporter_and_the_local_time(info: str, lang: str) -> None:
    """The info line's "<paper>记者 <name>" is the byline and its time, written without a zone,
    is the publisher's (China's, by the page's language or, when it names none, its script);
    the editor's and proofreader's lines are no part of the text."""
    found = extract_article(zh_page(info, lang), URL)
    assert found.byline == "李明"
    assert found.published == datetime(2025, 3, 4, 14, 30, tzinfo=timezone(timedelta(hours=8)))
    assert found.text.split("\n\n") == ZH_STORY
