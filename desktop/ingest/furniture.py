"""Page furniture inside and around article bodies, told by the names publishers' themes share
(class and id words) and by the few anchored lines that open or close boilerplate."""

from __future__ import annotations

import re
from itertools import pairwise

from desktop.ingest.blocks import HEADING_TAGS, Block
from desktop.ingest.elements import Element, attr
from desktop.ingest.names import is_credits_line
from desktop.ingest.promptlines import is_channel_prompt, is_reader_prompt, is_transcript_note

# Words of class and id names that mark what is not the article's text, as whole words of a
# name split at "-", "_" and spaces ("block-share", "ad-slot--inline", "related_posts").
FURNITURE_WORDS = frozenset(
    {"share", "sharing", "sharebar", "social", "related", "recommended", "recirculation",
     "relatedposts", "newsletter", "newsletters", "subscribe", "subscription", "signup", "promo",
     "advert", "advertisement", "ad", "ads", "adslot", "dfp", "sponsor", "sponsored", "byline",
     "bylines", "author", "authors", "bio", "contributor", "contributors", "comments", "comment",
     "talkback", "talkbacks",
     "tags", "breadcrumb", "breadcrumbs", "caption", "credit", "meta", "dateline", "timestamp",
     "toolbar", "pagination", "pager", "nav", "navigation", "menu", "sidebar", "popular",
     "mostread", "readmore", "cta", "donate", "donation", "outbrain", "taboola", "keyevents",
     "summary", "label", "pullquote", "badge", "rating", "tools", "embed", "tweet", "instagram",
     "bluesky", "tiktok", "youtube", "player", "correction",
     "disclaimer", "copyright", "visually", "sronly", "offscreen", "popup", "modal", "signature"}
)  # fmt: skip
# Words of class and id names that mark a standfirst.
STANDFIRST_WORDS = frozenset(
    {"standfirst", "strapline", "dek", "teaser", "perex", "chapo", "chapeau", "sapo",
     "entradilla", "sommario", "vorspann", "ingress", "ingres", "subtitle", "subheadline"}
)  # fmt: skip
# The attributes whose values name what an element is for.
NAMING_ATTRIBUTES = ("class", "id", "data-component", "data-testid", "data-qa")
# Pairs of words that are furniture together ("most-read", "ReadMore", "key_events").
FURNITURE_PAIRS = frozenset(
    {"mostread", "mostviewed", "mostpopular", "readmore", "keyevents", "alsoread", "readalso",
     "morestories", "signup", "sronly", "screenreader", "adslot", "adunit", "adcontainer",
     "seealso"}
)  # fmt: skip
# Whole class and id words of an article's notes, kept after its last paragraph.
NOTE_WORDS = frozenset({"footnote", "footnotes", "endnote", "endnotes", "fn", "notes"})
# The words of a class or id: runs of capitals, capitalised words, lower-case runs, digits.
_NAME_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_NAME_PARTS = re.compile(r"[^A-Za-z0-9]+")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Za-z]")
# "Read also" in Indonesian and Malay, Turkish, Portuguese, Polish, Czech, Russian, Vietnamese,
# Arabic and Hebrew; the Nordic languages, Finnish, Dutch, Greek, Hungarian, Romanian, the
# South Slavic languages, Slovak, Bulgarian and Ukrainian; Chinese, Japanese and Korean labels
# ("相关阅读", "【関連記事】", "관련기사"), which need no space after them.
_READ_ALSO = (
    r"baca (?:juga|lagi)\b|lihat juga\b|artikel berkaitan\b|ayrıca (?:okuyun|bakınız|oku)\b"
    r"|ilgili haber(?:ler)?\b|leia mais\b|czytaj (?:także|też|również|więcej)\b"
    r"|zobacz (?:także|też|również)\b|čtěte (?:také|též|rovněž)\b|přečtěte si (?:také|též)\b"
    r"|související články?\b|читайте (?:также|тоже|також)\b|смотрите также\b|xem thêm\b|đọc thêm\b"
    r"|[اإأ]قر[أا]\s+[اأ]يض\u064b?ا\u064b?|קרא(?:ו|י)? גם(?!\w)"
    r"|l(?:ä|æ)s (?:också|även|mer|også)\b|les (?:også|mer)\b|lue (?:myös|lisää)\b"
    r"|lees (?:ook|meer)\b"
    r"|διαβάστε (?:επίσης|ακόμα|ακόμη|περισσότερα)|kapcsolódó(?: cikk(?:ek)?)?\s*:|olvassa el\b"
    r"|cite(?:ș|s|ş)te (?:și|si|şi)\b|pročitajte (?:i|još|također|takođe)\b|preberite (?:še|tudi)\b"
    r"|prečítajte si (?:aj|tiež)\b|прочетете (?:още|също)\b|прочитайте також\b"
    r"|[【\[]?(?:相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|相关新闻|相關新聞|相关报道"
    r"|相關報導|関連記事|関連ニュース|あわせて読みたい|こちらも読まれています|관련\s?기사"
    r"|함께 (?:보면|읽으면))"
)
# Lines that point elsewhere or ask for something, wherever they stand: "Read also: ...",
# "Lesen Sie auch", "Sign up for our newsletter ...", "Advertisement" (after a bullet, maybe).
_FURNITURE_LINE = re.compile(
    r"^[^\w(\"“«]*(?:read more|read also|also read|see also|more on this\b[^.!?]*$"
    r"|lesen sie (?:auch|mehr)"
    r"|related(?: \w+)?\s*[:|]|related (?:stories|articles|coverage|posts|links|reading)\b"
    r"|mehr zum thema|(?:à |a )?lire aussi|voir aussi|leggi anche|le(?:e|er) también|ver también"
    r"|veja também|leia também|sign up|subscribe\b|(?:advertisement|anzeige|werbung|publicité)\s*$"
    r"|article content\s*$"
    rf"|follow us|click here|share (?:this|on)\b|{_READ_ALSO}"
    r"|(?:the )?(?:story|article) continues (?:below|after)\b)",
    re.I,
)
SIGNUP_BOX_CHARS = 400  # the most text of a newsletter's sign-up card
_EMAIL_FIELD = ".//form//input[@type='email' or contains(@name, 'mail')]"
_HEADINGS_INSIDE = ".//h2 | .//h3 | .//h4 | .//h5"
_BUTTONS = ".//a | .//button"
# A sign-up button's words: "Sign up", "Subscribe", "Tilaa", "Abonnieren", "S'inscrire" ...
_SIGN_UP = re.compile(
    r"^(?:sign (?:me )?up|subscribe|join|get (?:it|the newsletter)|tilaa|prenumerera"
    r"|abonn(?:ieren|er)|anmelden|jetzt anmelden|s['’]inscrire|je m['’]inscris|iscriviti"
    r"|suscr[ií]b(?:e|ete)|inscr[ií]bete|assine|inscreva-se|zapisz się|přihlásit|feliratkozom"
    r"|εγγραφή|登録|订阅|구독)\b",
    re.I,
)
FURNITURE_LINE_CHARS = 250  # the longest line the furniture-line rule may take
# Embedded posts by the class their platforms' snippets give them.
_EMBEDS = re.compile(
    r"twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|reddit-card|threads-post"
    r"|fb-post|fb-video|mastodon-embed",
    re.I,
)
# Lines that end an article's own text, with everything after them: press boilerplate.
_BOILERPLATE_START = re.compile(
    r"^(?:about (?:the )?\S.{0,60}$|über \S.{0,60}$|à propos d[eu'’]\s?\S.{0,60}$"
    r"|acerca de \S.{0,60}$|forward[- ]looking statements?\b|safe harbor statement"
    r"|cautionary (?:note|statement)|(?:media|press|investor) (?:contacts?|inquiries|relations)\b"
    r"|contacts?:|notes? (?:to|for) (?:the )?editors?\b|editors['’]? notes\b"
    r"|hinweise? (?:für|an) (?:die )?redaktion(?:en)?\b|notes? aux rédactions\b"
    r"|notas? (?:para|a) (?:los )?editores\b|[-–—#*\s]*(?-i:ENDS|Ends)[-–—#*\s]*$)",
    re.I,
)
# Short lines that are furniture wherever they stand at either end of a body.
_EDGE_LINES = re.compile(
    r"^(?:(?:estimated )?reading time\b|\d+\s*(?:min(?:ute)?s?|mins?\.?)\s*(?:read|de lecture)\b"
    r"|lesezeit\b|temps de lecture\b|read more\b|more\b[^.!?]{0,40}\bstories\b[^.!?]{0,20}$"
    r"|related\b[^.!?]{0,60}$|sign up\b"
    r"|subscribe\b|follow us\b|share (?:this|on)\b|advertisement\b|thanks for reading\b"
    r"|(?-i:SOURCE:? [A-Z].{0,100}$)|©|\(c\) \d|copyright\b|all rights reserved\b"
    r"|this (?:article|story|report|piece|content|coverage|reporting) (?:was|is|has been)"
    r" (?:produced|published|written|made possible|supported|funded|republished|co-published"
    r"|reported|originally)"
    r"|(?:do you )?have an opinion\b|send us a letter\b|click here\b"
    r"|if you would like to (?:submit|send|write)\b|(?:submit|send|write) (?:us )?a letter\b"
    r"|a version of this (?:article|story) appear(?:s|ed) in print\b"
    r"|(?:the|this) (?:key points|summary|highlights|takeaways|bullet points)\b[^.]{0,80}"
    r"\b(?:created|generated|written|produced|compiled) (?:with|by|using)\b"
    r"|\(?(?:additional )?(?:reporting|writing|editing) by\b"
    r"|(?:posted|published|updated|last updated|first published)(?: on| at)?:?\s+"
    r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\w*\b))",
    re.I,
)
_ABOUT = re.compile(r"^(?:about|über|à propos|acerca de)\b", re.I)
# Notes that correct the article, which are part of its record: "Correction: ...", "Correction
# (June 4, 2025): ...", "An earlier version of this article misstated ...".
_NOTE_LABEL = r"(?:(?:editor['’]?s )?note\s*[:.—–-]\s*)?"
_PIECE = r"(?:article|story|report|post|piece|column|review|obituary)"
_CORRECTION = re.compile(
    r"^(?:corrections?|clarifications?)(?:\s*[:(—–-]|\s+\w{3,9}\.? \d)"
    rf"|^{_NOTE_LABEL}(?:an? )?(?:earlier|previous|prior) version of this {_PIECE}\b"
    rf"|^{_NOTE_LABEL}this {_PIECE} (?:has been|was) (?:corrected|amended|updated to correct)\b",
    re.I,
)
CORRECTION_CHARS = 1200  # the longest correction note
ABOUT_HEADING_CHARS = 80  # the longest "About <company>" line that heads press boilerplate
ABOUT_TAIL_BLOCKS = 8  # the most blocks from such a line to the end of the body
EDGE_LINE_CHARS = 300  # the longest line that the edge rules may take for furniture


def is_furniture_element(element: Element) -> bool:
    """Whether an element's class or id names page furniture, or it is an embedded post."""
    names = " ".join(attr(element, name) for name in NAMING_ATTRIBUTES)
    if not names.strip():
        return False
    if _EMBEDS.search(names):
        return True
    words = name_words(names)
    pairs = {first + second for first, second in pairwise(words)}
    return not (FURNITURE_WORDS.isdisjoint(words) and FURNITURE_PAIRS.isdisjoint(pairs))


def is_signup_box(element: Element) -> bool:
    """Whether an element is a newsletter's sign-up card set in the text: a short box holding a
    form that asks for an e-mail address, or a heading and a sign-up button, with its pitch."""
    if element.tag in {"p", "form"}:
        return False
    asks = element.xpath(_EMAIL_FIELD) or (
        element.xpath(_HEADINGS_INSIDE)
        and any(
            _SIGN_UP.match(" ".join("".join(b.itertext()).split())) for b in element.xpath(_BUTTONS)
        )
    )
    return bool(asks) and len(" ".join("".join(element.itertext()).split())) <= SIGNUP_BOX_CHARS


def is_standfirst(element: Element) -> bool:
    """Whether an element is named as a standfirst, the summary above the text ("standfirst",
    "dek", "teaser", the Czech "perex", the French "chapô", the Spanish "entradilla", the
    German "Vorspann", the Nordic "ingress")."""
    names = " ".join(attr(element, name) for name in NAMING_ATTRIBUTES)
    return bool(names.strip()) and not STANDFIRST_WORDS.isdisjoint(name_words(names))


def name_words(names: str) -> list[str]:
    """The words of class and id names, split at punctuation and camel-case humps, lower-cased;
    names mixing letters and digits are generated hashes ("css-1ad4x"), not words."""
    return [
        word.lower()
        for name in _NAME_PARTS.split(names)
        if not (_DIGIT.search(name) and _LETTER.search(name))
        for word in _NAME_WORDS.findall(name)
    ]


def is_furniture_line(block: Block) -> bool:
    """Whether a block is a short line pointing elsewhere or asking the reader for something."""
    if len(block.text) > FURNITURE_LINE_CHARS:
        return False
    return bool(_FURNITURE_LINE.match(block.text)) or is_reader_prompt(block.text)


def is_correction_note(text: str) -> bool:
    """Whether a text is a note correcting the article (not a link to a corrections policy)."""
    return len(text) <= CORRECTION_CHARS and bool(_CORRECTION.match(text))


def is_note_element(element: Element) -> bool:
    """Whether an element holds the article's footnotes or endnotes."""
    names = f"{attr(element, 'class')} {attr(element, 'id')}"
    return not NOTE_WORDS.isdisjoint(name_words(names))


def without_boilerplate(blocks: list[Block]) -> list[Block]:
    """The body without furniture lines at either end, nor press boilerplate at its end (from
    "About <company>", forward-looking statements or media contacts on), nor a subheading
    with nothing after it."""
    end = _boilerplate_start(blocks)
    while end > 0 and (is_edge_line(blocks[end - 1]) or blocks[end - 1].tag in HEADING_TAGS):
        end -= 1
    start = 0
    while start < end and is_edge_line(blocks[start]):
        start += 1
    return blocks[start:end]


def _boilerplate_start(blocks: list[Block]) -> int:
    """Where press boilerplate starts in the second half of the body, or its length; an "About
    ..." heading starts it only near the end (a long read may have a section "About the study")."""
    half = len(blocks) // 2
    for index in range(max(1, half), len(blocks)):
        block = blocks[index]
        if len(block.text) > EDGE_LINE_CHARS or not _BOILERPLATE_START.match(block.text):
            continue
        if not _ABOUT.match(block.text):
            return index
        short_heading = block.tag in HEADING_TAGS or len(block.text) <= ABOUT_HEADING_CHARS
        if short_heading and len(blocks) - index <= ABOUT_TAIL_BLOCKS:
            return index
    return len(blocks)


def is_edge_line(block: Block) -> bool:
    """Whether a block is one of the short furniture lines, a line crediting the author or
    editor, a prompt to follow a channel or a transcript's note."""
    text = block.text
    if block.tag == "figure":
        return False
    if is_channel_prompt(block) or is_transcript_note(block) or is_credits_line(text):
        return True
    return len(text) <= EDGE_LINE_CHARS and bool(_EDGE_LINES.match(text))
