"""``broadsheet convert`` as a person runs it: whatever the amount, a correct figure or one plain
line on stderr, never a traceback nor an exception's name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.commands import broadsheet

PER_DOLLAR = "1 USD = 0.921075 EUR, as of 2024-10-25 16:00 UTC"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A profile with the sample edition's rates, made by a first command."""
    folder = tmp_path_factory.mktemp("convert") / "profile"
    assert broadsheet(folder, "stats").returncode == 0
    return folder


@pytest.mark.parametrize(
    ("typed", "first_line"),
    [
        ("100", "100 USD = 92.11 EUR"),
        ("1,234.50", "1,234.50 USD = 1,137.07 EUR"),
        ("1 234,50", "1,234.50 USD = 1,137.07 EUR"),
        ("$1,234.50", "1,234.50 USD = 1,137.07 EUR"),
        ("1,5", "1.5 USD = 1.38 EUR"),
        ("2.5e3", "2,500 USD = 2,302.69 EUR"),
        ("-40", "-40 USD = -36.84 EUR"),
        ("\u221240", "-40 USD = -36.84 EUR"),
        ("0.00000001", "0.00000001 USD = 0.00 EUR"),
        ("999999999999999", "999,999,999,999,999 USD = 921,074,999,999,999.08 EUR"),
    ],
)
def test_an_amount_converts_to_a_correct_figure(data: Path, typed: str, first_line: str) -> None:
    result = broadsheet(data, "convert", typed, "USD", "EUR")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == first_line
    assert lines[1].startswith(PER_DOLLAR)


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("1e30", "“1e30” is too large to convert; type an amount under 1,000,000,000,000,000"),
        (
            "1" + "0" * 33,
            "“10000000000000000000000…” is too large to convert; "
            "type an amount under 1,000,000,000,000,000",
        ),
        (
            "1e-30",
            "“1e-30” has more decimals than Broadsheet converts; type at most 8, as in 0.00000001",
        ),
        ("ten", "“ten” is not an amount; type a number, such as 100 or 2,500.50"),
        ("NaN", "“NaN” is not an amount; type a number, such as 100 or 2,500.50"),
    ],
)
def test_an_amount_that_cannot_be_converted_is_one_plain_line(
    data: Path, typed: str, sentence: str
) -> None:
    result = broadsheet(data, "convert", typed, "USD", "EUR")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and "InvalidOperation" not in result.stderr
    assert result.stderr == (
        f"broadsheet convert: argument AMOUNT: {sentence} (see 'broadsheet convert --help')\n"
    )


def test_the_largest_amount_converts_at_the_largest_rate_to_the_cent(data: Path) -> None:
    done = json.loads(
        broadsheet(data, "convert", "999,999,999,999,999.99999999", "XAU", "VEF", "--json").stdout
    )
    assert done["amount"] == "999999999999999.99999999"
    assert done["result"] == "9870715352681198910081645.16"


def test_a_rate_of_millions_keeps_its_whole_digits(data: Path) -> None:
    lines = broadsheet(data, "convert", "1", "USD", "VEF").stdout.splitlines()
    assert lines[0] == "1 USD = 3,622,552.53 VEF"
    assert lines[1].startswith("1 USD = 3622553 VEF, ")  # not rounded to 3622550
