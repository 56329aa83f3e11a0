"""One picture told apart from others through a CDN's sizes, crops, variants and hosts."""

from __future__ import annotations

import pytest

from desktop.ingest.picturekeys import same_picture


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # A size segment in the path, the file named for it, under a numbered folder.
        (
            "https://img.kustbode.example/2025/05/12/184201/wide__1300x731",
            "https://img.kustbode.example/2025/05/12/184201/wide__820x461",
        ),
        # A size segment before a generic file name.
        (
            "https://img.kustbode.example/beelden/a8/c2/wide__1300x731/photo.jpg",
            "https://www.kustbode.example/beelden/a8/c2/wide__820x461/photo.jpg",
        ),
        # A size inside the file name, before the site's mark.
        (
            "https://www.sun.example/wp-content/uploads/2025/05/dock-cranes-1200x630@Sun.jpg",
            "https://www.sun.example/wp-content/uploads/2025/05/dock-cranes-656x492@Sun.jpg",
        ),
        # A variant letter and another query for one id-like name.
        (
            "https://www.shinbun.example/media/2025/05/20250512-KSN1I50031-1.jpg?type=ogp",
            "https://www.shinbun.example/media/2025/05/20250512-KSN1I50031-T.jpg?type=large",
        ),
        # Two crops of one picture, by its id and the crop's coordinates and size word.
        (
            "https://lehti.example/crop_images/2025/05/12/3f9a2c_0_0_1280_720_0_x-large.jpg",
            "https://lehti.example/crop_images/2025/05/12/3f9a2c_140_0_960_720_0_large.jpg",
        ),
        # A number too short to name a picture alone, in the same folder, cropped twice.
        (
            "https://cdn.uutiset.example/uploads/kuvat/88421_0_0_1280_720_0_x-large.jpg",
            "https://cdn.uutiset.example/uploads/kuvat/88421_0_60_1280_600_1_medium.jpg",
        ),
        # Renditions named by a last word, or by size words inside the name.
        (
            "https://static.paper.example/images/2025/05/13/13xp-pier/13xp-pier-superJumbo.jpg",
            "https://static.paper.example/images/2025/05/13/13xp-pier/13xp-pier-articleLarge.jpg",
        ),
        (
            "https://cdn.blatt.example/images/6a1f0c2e-1b2c-4d5e-9f00-123456789abc_w1280_r1.77.jpg",
            "https://cdn.blatt.example/images/6a1f0c2e-1b2c-4d5e-9f00-123456789abc_w718_r1.77.jpg",
        ),
        # A long identifier opening the name, another rendition's hash after it.
        (
            "https://www.tele.example/content/dam/2025/05/13/TELEMMGLPICT000123456789_trans_Nv9Q.jpeg",
            "https://www.tele.example/content/dam/2025/05/13/TELEMMGLPICT000123456789_trans_X4aZ.jpeg",
        ),
    ],
)
def test_one_picture_through_sizes_crops_and_variants_is_the_same(one: str, other: str) -> None:
    assert same_picture(one, other) and same_picture(other, one)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # Numbered folders of a size-named file: two pictures.
        (
            "https://img.kustbode.example/2025/05/12/184201/wide__1300x731",
            "https://img.kustbode.example/2025/05/12/184202/wide__1300x731",
        ),
        # A short name's number is the picture, not a variant.
        ("https://cdn.example/gallery/harbour-1.jpg", "https://cdn.example/gallery/harbour-2.jpg"),
        # Crops of two ids.
        (
            "https://cdn.uutiset.example/uploads/kuvat/88421_0_0_1280_720_0_x-large.jpg",
            "https://cdn.uutiset.example/uploads/kuvat/88422_0_0_1280_720_0_x-large.jpg",
        ),
        # One generic name on two sites.
        ("https://a.example/img/photo-1200x630.jpg", "https://b.example/img/photo-1200x630.jpg"),
        # A letter closing a worded name is another picture of a series.
        (
            "https://a.example/img/harbour-storm-2024-a.jpg",
            "https://a.example/img/harbour-storm-2024-b.jpg",
        ),
        # A date in a name is no crop.
        ("https://a.example/img/pier_2025_05_13.jpg", "https://a.example/img/pier_2025_05_14.jpg"),
        # A year closing a name is no rendition.
        ("https://a.example/img/march-2024.jpg", "https://a.example/img/march-2025.jpg"),
        # Two long identifiers.
        (
            "https://www.tele.example/content/dam/TELEMMGLPICT000123456789_trans_Nv9Q.jpeg",
            "https://www.tele.example/content/dam/TELEMMGLPICT000123456790_trans_Nv9Q.jpeg",
        ),
        # A picture named by its query's own parameter.
        ("https://cdn.example/image.php?id=41&w=300", "https://cdn.example/image.php?id=42&w=300"),
    ],
)
def test_other_pictures_stay_apart(one: str, other: str) -> None:
    assert not same_picture(one, other)
