"""Hostile market documents through ``market refresh``: each is its provider's error, the others
are stored, nothing already stored is lost, and memory stays bounded."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.hostile import HostileSite, run_measured
from tests.marketserver import environment, serve_every_provider

MEMORY_BOUND_MB = 200
NINES = b"9" * 100_000
ECB_HEAD = (
    b'<?xml version="1.0"?><gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" '
    b'xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube><Cube time="2024-10-25">'
)
CASES = {
    "deep JSON": (
        "BROADSHEET_ERAPI_URL",
        b'{"result": "success", "rates": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    ),
    "huge numbers": (
        "BROADSHEET_ERAPI_URL",
        b'{"result": "success", "base_code": "USD", "time_last_update_unix": '
        + NINES
        + b', "rates": {"EUR": '
        + NINES
        + b', "GBP": 1e999999999}}',
    ),
    "deep XML": (
        "BROADSHEET_ECB_DAILY_URL",
        b'<?xml version="1.0"?>' + b"<a>" * 100_000 + b"</a>" * 100_000,
    ),
    "huge rates": (
        "BROADSHEET_ECB_DAILY_URL",
        ECB_HEAD
        + b'<Cube currency="USD" rate="1e999999999"/><Cube currency="GBP" rate="'
        + NINES
        + b'"/></Cube></Cube></gesmes:Envelope>',
    ),
    "numbers past any float": (
        "BROADSHEET_FRED_URL",
        b"observation_date,SP500\n2024-10-14," + NINES + b"\n2024-10-15,1e99999999\n",
    ),
    "control characters": (
        "BROADSHEET_FRED_URL",
        b"observation_date,SP500\n2024-10-14,\x1b[2J5\x00\n2024-10-15,\x07\x9b6\n",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_market_document_is_its_providers_error(
    httpserver: HTTPServer, tmp_path: Path, case: str
) -> None:
    variable, body = CASES[case]
    data = tmp_path / "profile"
    env = {**os.environ, **environment(httpserver)}
    serve_every_provider(httpserver)
    first = run_measured(data, "market", "refresh", "--json", env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    env[variable] = HostileSite(httpserver).serve("/hostile", body, "application/octet-stream")
    result = run_measured(data, "market", "refresh", "--json", env=env)
    printed = result.stdout + result.stderr
    assert "Traceback" not in printed and "Error:" not in printed, printed
    assert result.returncode == 2
    assert result.peak_mb < MEMORY_BOUND_MB, result.peak_mb
    providers = {p["key"]: p for p in json.loads(result.stdout)["providers"]}
    failed = [p for p in providers.values() if p["status"] == "failed"]
    assert len(failed) == 1 and failed[0]["error"].endswith(".")
    assert all(ord(c) >= 32 for c in failed[0]["error"])
    assert sum(p["status"] == "updated" for p in providers.values()) == 3
    shown = run_measured(data, "convert", "100", "USD", "EUR", env=env)
    assert shown.returncode == 0 and "100 USD = " in shown.stdout  # what was stored is kept
