"""Lines at either end of an article's text that speak about it rather than tell it: a prompt to
follow the site on a messaging channel, in any language (told by the channel's address, or by a
platform and a word for channel), and a radio transcript's notes on how it was made ("This is a
rush transcript", "Copyright ... transcripts are created on a rush deadline")."""

from __future__ import annotations

import re

from desktop.ingest.blocks import Block

PROMPT_CHARS = 400  # the longest prompt to follow a channel
TRANSCRIPT_NOTE_CHARS = 800  # the longest note on a transcript
# Addresses of messaging channels and news feeds a site asks to be followed on.
_CHANNEL_ADDRESS = re.compile(
    r"(?:whatsapp\.com/channel|chat\.whatsapp\.com|wa\.me/|//t\.me/|telegram\.(?:me|dog)/"
    r"|invite\.viber\.com|(?<![a-z])line\.me/|news\.google\.com/)",
    re.I,
)
_PLATFORMS = r"whatsapp|telegram|viber|signal|line|google news"
# "Channel" in the languages the prompts are written in: English, Indonesian and Malay,
# Spanish, Portuguese and French, Polish, Czech, Turkish, Russian, Arabic, Hebrew, Vietnamese.
_CHANNEL_WORDS = r"channel|saluran|kanal\w*|canal|chaîne|kanał\w*|kanál\w*|канал\w*|قناة|ערוץ|kênh"
_CHANNEL_PROMPT = re.compile(
    rf"\b(?:{_PLATFORMS})\b.{{0,40}}(?<!\w)(?:{_CHANNEL_WORDS})(?!\w)"
    rf"|(?<!\w)(?:{_CHANNEL_WORDS})(?!\w).{{0,40}}\b(?:{_PLATFORMS})\b",
    re.I,
)
_TRANSCRIPT_NOTE = re.compile(
    r"\brush transcript\b|\btranscripts? (?:is|are|was|were|has been|have been) (?:created|produced"
    r"|provided|prepared|generated)\b|\bmay not be in (?:its|their) final form\b"
    r"|^copyright\b.{0,200}\btranscripts?\b",
    re.I,
)


# Prompts that ask the reader for something in the middle of the text: to follow the site on
# Google News (in a few languages), to send a tip, to get a newsletter in their inbox.
_GOOGLE_NEWS = re.compile(
    r"\bgoogle (?:news|discover|nachrichten|actualités|noticias|notícias)", re.I
)
_FOLLOW = re.compile(
    r"\b(?:follow|add|subscribe|segu[ií]|sigue|siga|suivez|suivre|segui|folg|volg|seuraa|följ|følg"
    r"|takip|obserwuj|sledujte|ακολουθ)",
    re.I,
)
_ASKS = re.compile(
    r"^(?:(?:do you )?(?:have|got) (?:a )?(?:news |story )?(?:tip|story(?: idea)?)\b.{0,120}\?"
    r"|(?:send|email|e-mail) us (?:your |a )?(?:news )?tips?\b|tip us\b"
    r"|(?:know|see) something\b.{0,60}\?\s*(?:tell|email|contact|let)\b)"
    r"|\b(?:delivered|straight|sent) (?:right )?to your inbox\b|\bin your inbox (?:every|each)\b",
    re.I,
)
READER_PROMPT_CHARS = 200  # the longest prompt to follow the site, send a tip or sign up


def is_reader_prompt(text: str) -> bool:
    """Whether a short line asks the reader to follow the site on Google News, to send a tip or
    to get a newsletter ("Got a story? Tip us off at ...")."""
    if len(text) > READER_PROMPT_CHARS:
        return False
    followed = _GOOGLE_NEWS.search(text) and _FOLLOW.search(text)
    return bool(followed or _ASKS.search(text))


def is_channel_prompt(block: Block) -> bool:
    """Whether a short block asks the reader to follow the site on a messaging channel."""
    if len(block.text) > PROMPT_CHARS:
        return False
    return bool(_CHANNEL_ADDRESS.search(block.html) or _CHANNEL_PROMPT.search(block.text))


def is_transcript_note(block: Block) -> bool:
    """Whether a block is a transcript's note on how it was made or may change."""
    return len(block.text) <= TRANSCRIPT_NOTE_CHARS and bool(_TRANSCRIPT_NOTE.search(block.text))
