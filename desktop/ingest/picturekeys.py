"""What identifies the picture an address shows, whatever size, crop, variant or host a CDN
serves it at: "wide__1300x731" and "wide__820x461" of one folder, "cranes-1200x630@Site.jpg" and
"cranes-656x492@Site.jpg", "20250512-AB1234567-1.jpg?type=ogp" and "...-T.jpg?type=large",
"pier-superJumbo.jpg" and "pier-articleLarge.jpg", "<id>_w1280_r1.77.jpg" and "<id>_w718_r1.77.jpg",
"3f9a2c_0_0_1280_720_0_x-large.jpg" and another crop of "3f9a2c" are each one picture."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlsplit

# A file's extensions, a converted copy's too ("photo.jpg.webp" is photo.jpg served as WebP).
_PICTURE_EXTENSIONS = re.compile(r"(?:\.(?:jpe?g|png|gif|webp|avif|jxl|heic|tiff?|bmp))+$")
_SIZE_SUFFIX = re.compile(r"(?:-\d{2,5}x\d{2,5}|-scaled|-rotated|-e\d{10,})+$")
# A path segment that only sizes or crops: "1440x0", "w_400,h_300,c_fill", "resize:fit:720".
_SIZED_SEGMENT = re.compile(r"\d{1,5}x\d{0,5}|[a-z]{1,3}_[^/]*,[^/]*|.*[:!(].*|\d{1,5}", re.I)
# Crop coordinates in a file name: "_0_0_1280_720_0" (four numbers or more in a row: three may
# be a date, "harbour_2025_05_13").
_CROP_NUMBERS = re.compile(r"(?:[_-]\d{1,5}){4,}(?=[_\-.~@]|$)")
# A size written in a name ("-1200x630", "x-large", "xx-large"), wherever it stands.
_SIZE_IN_NAME = re.compile(r"(?<![a-z0-9])(?:\d{2,5}x\d{2,5}[a-z]?|x{1,3}-(?:large|small))", re.I)
# A variant's one-letter or one-digit suffix ("-1", "-T", "_b"), dropped from an id-like name.
_VARIANT = re.compile(r"[-_][a-z0-9]$", re.I)
# The last word of a file name naming a rendition: "superJumbo", "articleLarge", "mediumAt2x".
_VARIANT_WORD = re.compile(
    r"jumbo|large|medium|small|thumb|square|wide|master|popup|mobile|desktop|tablet|at\dx$", re.I
)
MIN_LEADING_ID = 16  # characters from which the word a file name opens with identifies it
_SIZE_PARAMETERS = frozenset(
    {"w", "h", "width", "height", "crop", "fit", "quality", "q", "auto", "format", "fm", "dpr",
     "resize", "s", "sig", "signature", "itok", "v", "ver", "version", "ts", "size", "mode",
     "rect", "ixlib", "cs", "cb", "strip", "op", "im", "impolicy", "imwidth", "smart", "tr",
     "type", "variant", "output", "o"}
)  # fmt: skip
ADDRESS_PARAMETERS = ("url", "src", "image", "u", "img")
_GENERIC_NAMES = frozenset(
    {"image", "photo", "picture", "img", "original", "master", "main", "default", "large",
     "medium", "small", "full", "index", "file", "thumb", "thumbnail", "raw"}
)  # fmt: skip
# Words of a file name that say only its size or layout: "1024x576a", "xxl", "wide", "scale".
_SIZE_WORD = re.compile(r"\d{2,5}x\d{0,5}[a-z]?|w\d{2,5}|h\d{2,5}")
_SIZE_WORDS = frozenset(
    {"xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "small", "medium", "large", "wide",
     "square", "portrait", "landscape", "cinema", "desktop", "mobile", "tablet", "scale",
     "thumb", "thumbnail", "full", "crop", "original", "master", "default", "standard", "hd"}
)  # fmt: skip
_NAME_WORDS = re.compile(r"[_\-.~@]+")
MIN_NUMBERED_NAME = 7  # digits from which a number alone names a picture (not a size or year)
MIN_NUMBERED_FOLDER = 5  # digits from which a folder's number names the picture it holds
_MIXED = re.compile(r"\d")
_MIXED_LETTER = re.compile(r"[a-z]", re.I)
_DISTINCTIVE_SEGMENT = re.compile(r"^(?=.*\d)(?=.*[a-z])[a-z0-9_-]{12,}$", re.I)


# Second-level labels under which a site's own name is the third label ("paper.co.uk").
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "ac", "gov", "edu", "ne", "or", "go"})


def same_picture(one: str, other: str) -> bool:
    """Whether two addresses show one picture: the same file, or one file in a CDN's sizes,
    crops, variants, formats or hosts."""
    if one == other:
        return True
    first, second = picture_keys(one), picture_keys(other)
    return bool(first and second and first & second)


@lru_cache(maxsize=4096)
def picture_keys(url: str) -> frozenset[str]:
    """What identifies the picture an address shows: the file's own name without sizes, crops,
    variant suffixes and extension when it is distinctive; the path's last long identifier (one
    before it names the site or account that holds every picture); and the path on the site
    with its sizes taken out (or the folder of a file named for its size)."""
    parts = urlsplit(url)
    for name, value in parse_qsl(parts.query):
        if name.lower() in ADDRESS_PARAMETERS and "/" in unquote(value):
            return picture_keys(unquote(value))
    segments = [unquote(s) for s in parts.path.split("/") if s]
    stem = _file_stem(segments)
    keys = {f"name:{stem}"} if stem and _distinctive_name(stem) else set()
    ids = [
        segment.lower()
        for segment in segments[:-1]
        if _DISTINCTIVE_SEGMENT.match(segment)
        and not _SIZED_SEGMENT.fullmatch(segment)
        and not _names_a_size(segment.lower())
    ]
    keys.update(f"id:{segment}" for segment in ids[-1:])  # the picture's, not its site's
    leading = _leading_id(stem)
    if leading:
        keys.add(f"id:{leading}")
    place = _place(parts.netloc, segments, stem, parts.query)
    if place:
        keys.add(f"path:{place}")
    if not keys:  # nothing distinctive: the whole path, without its query, must match
        keys.add(f"path:{parts.netloc.lower()}{parts.path}")
    return frozenset(keys)


def _file_stem(segments: list[str]) -> str | None:
    """A picture's file name without sizes, crops, variant suffix and extensions; None when the
    file is named for its size alone ("1024x576a.jpg", "wide__820x461")."""
    if not segments:
        return None
    name = segments[-1].lower()
    bare = _PICTURE_EXTENSIONS.sub("", name)
    stem = _SIZE_SUFFIX.sub("", bare if bare != name else name.rsplit(".", 1)[0])
    cleaned = _SIZE_IN_NAME.sub("", _CROP_NUMBERS.sub("", stem))
    words = [word for word in _NAME_WORDS.split(cleaned) if word and not _says_size(word)]
    if len(words) > 1 and _VARIANT_WORD.search(words[-1]) and not words[-1].isdigit():
        words = words[:-1]  # "pier-superjumbo", "pier-articlelarge": one picture's renditions
    cleaned = "-".join(words)
    if not cleaned or (_names_a_size(cleaned) and not cleaned.isdigit()):
        return stem if stem.isdigit() else None
    unvaried = _VARIANT.sub("", cleaned)
    if unvaried != cleaned and _id_like(unvaried):
        cleaned = unvaried
    return cleaned or None


def _id_like(name: str) -> bool:
    """Whether a name is an identifier, not words: long, with a word of letters and digits
    mixed ("20250512-ksn1i50031", not "harbour-storm-2024")."""
    words = _NAME_WORDS.split(name)
    mixed = any(_MIXED.search(word) and _MIXED_LETTER.search(word) for word in words)
    return bool(_DISTINCTIVE_SEGMENT.match(name) and mixed)


def _says_size(word: str) -> bool:
    """Whether a word of a file name says only a size ("xl", "w1280", "1024x576")."""
    return word in _SIZE_WORDS or bool(_SIZE_WORD.fullmatch(word))


def _leading_id(stem: str | None) -> str | None:
    """The long identifier a file name opens with ("TELEMMGLPICT000123456789_trans_<hash>"),
    which names the picture whatever rendition follows it."""
    first = _NAME_WORDS.split(stem or "", maxsplit=1)[0]
    return first if len(first) >= MIN_LEADING_ID and _DISTINCTIVE_SEGMENT.match(first) else None


def _place(host: str, segments: list[str], stem: str | None, query: str) -> str | None:
    """The picture's place on its site: the host's family ("img.paper.example" is
    "paper.example"), the folders less size segments, the file's stem and the query's own
    parameters; a file named for its size is placed by its folder when that names the picture
    (a long number or a distinctive name, never a year or a month)."""
    folders = [s.lower() for s in segments[:-1] if not (_sized(s) and not s.isdigit())]
    if stem is None:
        if not folders or not _names_a_picture(folders[-1]):
            return None
        stem = ""
    kept = sorted(
        (name.lower(), value)
        for name, value in parse_qsl(query)
        if name.lower() not in _SIZE_PARAMETERS
    )
    query_key = "&".join(f"{name}={value}" for name, value in kept)
    return f"{_family(host)}/{'/'.join(folders)}/{stem}?{query_key}"


def _sized(segment: str) -> bool:
    """Whether a path segment only sizes or crops the picture."""
    return bool(_SIZED_SEGMENT.fullmatch(segment)) or _names_a_size(segment.lower())


def _names_a_picture(folder: str) -> bool:
    """Whether a folder's name may stand for the one picture it holds."""
    if folder.isdigit():
        return len(folder) >= MIN_NUMBERED_FOLDER
    return _distinctive_name(folder)


def _family(host: str) -> str:
    """The site a host belongs to: its last two labels (three under a second-level label, as in
    "paper.co.uk")."""
    labels = host.lower().split(":")[0].split(".")
    count = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-count:])


def _distinctive_name(name: str) -> bool:
    """Whether a name may tell one picture from others: a long number, or three or more
    characters with a letter that say neither a size nor a generic word."""
    long_number = name.isdigit() and len(name) >= MIN_NUMBERED_NAME
    worded = len(name) >= 3 and any(c.isalpha() for c in name)
    return (long_number or worded) and name not in _GENERIC_NAMES and not _names_a_size(name)


def _names_a_size(name: str) -> bool:
    """Whether a file or folder name says only a size or a layout ("1024x576a", "xxl",
    "wide__820x461__desktop__scale_2", "3000")."""
    words = [word for word in _NAME_WORDS.split(name) if word]
    return bool(words) and all(
        word in _SIZE_WORDS or _SIZE_WORD.fullmatch(word) or (word.isdigit() and len(word) <= 5)
        for word in words
    )
