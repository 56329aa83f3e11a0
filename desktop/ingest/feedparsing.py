"""feedparser, corrected once per process by ``apply()``: Media RSS, and two costly lookups.

As shipped, feedparser files a photo's ``media:description`` as the article's summary or content
and loses which photo a caption or credit belongs to (``_correct_media_rss``). Its result
dictionary, ``FeedParserDict``, also answers ``get`` and ``copy.deepcopy`` through generic paths
that were a quarter of its reading time; they are replaced by direct ones that give the same
answers (``_look_up_directly``, ``_copy_directly``).

These replace private parts of feedparser, so ``apply()`` first checks that the installed
feedparser is one they were checked with (``VERIFIED``, which pyproject.toml pins) and refuses any
other. Importing this module changes nothing: the parser processes apply it as they start, the
self-test checks it, and ``feedparser_module()`` (the one way the readers reach feedparser)
applies it before the first use in any other process, so feedparser stays off the window's way
to its first paint.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from typing import Any

from desktop.patching import Verified

# The keys FeedParserDict.__getitem__ computes (feedparser 6) rather than looks up; with the
# aliases of its keymap, they keep its own lookup.
COMPUTED_KEYS = frozenset({"category", "enclosures", "license", "updated", "updated_parsed"})


VERIFIED = Verified(
    "feedparser's Media RSS handlers and FeedParserDict.get and __deepcopy__",
    "feedparser",
    lowest=(6, 0, 11),
    below=(6, 1),
)
_applied: Any = None  # the corrected module, once apply() has run in this process
_applying = threading.Lock()  # a refresh's pool threads may ask at once


def apply() -> Any:
    """Import feedparser, check its version against ``VERIFIED`` (``PatchVersionError`` when
    outside) and correct it, once per process; return the module."""
    global _applied
    with _applying:
        if _applied is None:
            import feedparser
            from feedparser.mixin import _FeedParserMixin
            from feedparser.util import FeedParserDict

            VERIFIED.check(feedparser.__version__)
            _correct_media_rss(_FeedParserMixin)
            _look_up_directly(FeedParserDict)
            _copy_directly(FeedParserDict)
            _applied = feedparser
        return _applied


def feedparser_module() -> Any:
    """The corrected feedparser module, corrected now when this process has not yet applied it."""
    return _applied if _applied is not None else apply()


def _look_up_directly(parser_dict: Any) -> None:
    """Give feedparser's dictionary a ``get`` that reads a plain key as a dict does."""
    # feedparser reads a content's parameters with get() a dozen times for each element. The
    # inherited get() goes through __getitem__, which checks computed keys and aliases and, for
    # a missing key, raises and catches a KeyError: a tenth of the time feedparser takes.
    slow_keys = frozenset(parser_dict.keymap) | COMPUTED_KEYS
    generic_get = parser_dict.get

    def get(self: dict[str, Any], key: str, default: Any = None) -> Any:
        """The value under ``key``, through feedparser's own lookup only where it does more."""
        if key in slow_keys:
            return generic_get(self, key, default)
        return dict.get(self, key, default)

    parser_dict.get = get


def _copy_directly(parser_dict: Any) -> None:
    """Give feedparser's dictionary a deep copy that builds the copy directly."""
    # feedparser deep-copies a content's parameters (its type, language and base) for every
    # title, summary and content it reads. Without __deepcopy__, copy.deepcopy first asks the
    # dictionary's __getattr__ for one (a failing key lookup) and then rebuilds it through the
    # generic reduce protocol: an eighth of the time feedparser takes to read a feed.
    parser_dict.__deepcopy__ = _deep_copy


def _deep_copy(original: dict[str, Any], memo: dict[int, Any]) -> dict[str, Any]:
    """What copy.deepcopy makes of a FeedParserDict: the same class, each value deep-copied and
    set through the class's own __setitem__, and any instance attributes likewise."""
    copied = type(original)()
    memo[id(original)] = copied
    for key, value in dict.items(original):
        copied[key] = copy.deepcopy(value, memo)
    if vars(original):
        copied.__dict__.update(copy.deepcopy(vars(original), memo))
    return copied


def _correct_media_rss(mixin: Any) -> None:
    """Keep Media RSS captions and credits on their photo, out of the summary and title."""
    # As shipped, feedparser reads media:description as the entry's description (it becomes the
    # summary, or the content when a summary came first) and media:title as a title, and keeps
    # media:credit apart from the media:content it describes.
    mixin._start_media_content = _start_media_content
    mixin._end_media_content = _end_media_content
    for name in ("description", "title", "credit"):
        setattr(mixin, f"_start_media_{name}", _start_media_text)
        setattr(mixin, f"_end_media_{name}", _end_media_text(name))


def _start_media_content(parser: Any, attributes: dict[str, str]) -> None:
    """Record a media:content, and remember it as the one its captions belong to."""
    parser._get_context().setdefault("media_content", []).append(attributes)
    parser.broadsheet_open_media = attributes


def _end_media_content(parser: Any) -> None:
    """Captions after this belong to the entry as a whole."""
    parser.broadsheet_open_media = None


def _start_media_text(parser: Any, attributes: dict[str, str]) -> None:
    """Collect the text of a media:description, media:title or media:credit."""
    parser.push("broadsheet_media_text", 0)


def _end_media_text(name: str) -> Callable[[Any], None]:
    """A handler filing the collected text under ``broadsheet_media_<name>``."""

    def end(parser: Any) -> None:
        """File the text on the open media:content, else on the entry."""
        text = parser.pop("broadsheet_media_text")
        owner = getattr(parser, "broadsheet_open_media", None) or parser._get_context()
        if text:
            owner.setdefault(f"broadsheet_media_{name}", text)

    return end
