"""Apache Superset used as an analyst uses it, over the serving file of the sample build.

Starts Superset the way ``make superset`` does (bi/superset_up.py, from bi/.venv), logs in through
the REST API, runs a SQL Lab query with Vietnamese text, loads every chart of the starter
dashboard through the chart data API, and screenshots the dashboard in headless Chromium, logged
in with a real login's session cookie. A few minutes on two cores: ``make test-bi``, not ``make
test``. The screenshot is left in warehouse/superset_dashboard.png (git-ignored).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import requests
from dagster_support import REPO
from headless_chromium import CHROMIUM, open_page
from test_warehouse_report import png_rows

from vnpolitics.warehouse.serving import serving_path

pytestmark = pytest.mark.bi

BI_PYTHON = REPO / "bi" / ".venv" / "bin" / "python"
SCREENSHOT = REPO / "warehouse" / "superset_dashboard.png"
CHART_NAMES = {
    "Meetings per month",
    "Most active people",
    "Most active bodies",
    "Posts over time",
    "Who meets whom",
}


@pytest.fixture(scope="module")
def superset(
    sample_warehouse: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str, Path]]:
    """A running Superset over a copy of the sample build's serving file: (url, admin password, file)."""
    if not BI_PYTHON.exists():
        pytest.fail("bi/.venv is missing: run make test-bi (or make bi-setup) to create it")
    root = tmp_path_factory.mktemp("superset")
    marts = root / "marts.duckdb"
    shutil.copyfile(serving_path(sample_warehouse), marts)
    home = root / "home"
    server = subprocess.Popen(
        [str(BI_PYTHON), str(REPO / "bi" / "superset_up.py"), "--warehouse", str(marts), "--home", str(home)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,  # its gunicorn too is stopped with the group at the end
        env={**os.environ, "SUPERSET_ADMIN_PASSWORD": "test-only-password"},
    )
    try:
        url = None
        for line in server.stdout:  # set-up and start take minutes on a fresh SUPERSET_HOME
            if match := re.match(r"ready: (http://[^/]+)/", line):
                url = match.group(1)
                break
        assert url, f"superset_up.py ended without serving (exit {server.wait()})"
        yield url, "test-only-password", marts
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def api_session(url: str, password: str) -> requests.Session:
    """Logged in through the REST API: a JWT, plus the CSRF token that writes need."""
    session = requests.Session()
    login = session.post(
        f"{url}/api/v1/security/login",
        json={"username": "admin", "password": password, "provider": "db", "refresh": False},
        timeout=60,
    )
    assert login.status_code == 200, login.text
    session.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
    csrf = session.get(f"{url}/api/v1/security/csrf_token/", timeout=60).json()["result"]
    session.headers.update({"X-CSRFToken": csrf, "Referer": url})
    return session


def one_id(session: requests.Session, url: str, kind: str, column: str, value: str) -> int:
    query = f"(filters:!((col:{column},opr:eq,value:'{value}')))"
    [found] = session.get(f"{url}/api/v1/{kind}/", params={"q": query}, timeout=60).json()["result"]
    return found["id"]


def test_the_warehouse_is_registered_read_only(superset: tuple[str, str, Path]) -> None:
    url, password, marts = superset
    session = api_session(url, password)
    database = one_id(session, url, "database", "database_name", "warehouse")
    connection = session.get(f"{url}/api/v1/database/{database}/connection", timeout=60).json()["result"]
    assert json.loads(connection["extra"])["engine_params"]["connect_args"]["read_only"] is True
    schemas = session.get(f"{url}/api/v1/database/{database}/schemas/", timeout=60).json()["result"]
    # duckdb-engine lists schemas as <catalog>.<schema>, DuckDB's own (system, temp) among them
    of_the_file = [schema for schema in schemas if schema.startswith(f"{marts.stem}.")]
    assert of_the_file == [f"{marts.stem}.main"], schemas
    plumbing = ("raw", "staging", "intermediate", "curation")
    assert not [schema for schema in schemas if schema.split(".")[-1] in plumbing], schemas


def test_sql_lab_answers_in_vietnamese(superset: tuple[str, str, Path]) -> None:
    url, password, marts = superset
    session = api_session(url, password)
    database = one_id(session, url, "database", "database_name", "warehouse")
    sql = (
        "select full_name, title from dim_person_positions "
        "where title like 'Bí thư%' order by full_name, title"
    )
    answer = session.post(
        f"{url}/api/v1/sqllab/execute/",
        json={"database_id": database, "sql": sql, "runAsync": False, "schema": "main"},
        timeout=120,
    )
    assert answer.status_code == 200, answer.text
    rows = [(row["full_name"], row["title"]) for row in answer.json()["data"]]
    with duckdb.connect(str(marts), read_only=True) as con:
        expected = con.execute(sql).fetchall()
    assert rows == expected and rows, "SQL Lab returns what DuckDB does"
    assert all(unicodedata.is_normalized("NFC", name + title) for name, title in rows)
    assert all(title.startswith("Bí thư") for _, title in rows)


def test_every_chart_of_the_dashboard_returns_rows(superset: tuple[str, str, Path]) -> None:
    url, password, _ = superset
    session = api_session(url, password)
    dashboard = one_id(session, url, "dashboard", "slug", "vn-politics")
    charts = session.get(f"{url}/api/v1/dashboard/{dashboard}/charts", timeout=60).json()["result"]
    assert {chart["slice_name"] for chart in charts} == CHART_NAMES
    for chart in charts:
        answer = session.get(f"{url}/api/v1/chart/{chart['id']}/data/", timeout=120)
        assert answer.status_code == 200, (chart["slice_name"], answer.text[:500])
        [result] = answer.json()["result"]
        assert result["rowcount"] > 0 and result["data"], chart["slice_name"]


def browser_cookies(url: str, password: str) -> dict[str, str]:
    """The session cookie of a login through Superset's own login form, as a browser gets it."""
    browser = requests.Session()
    form = browser.get(f"{url}/login/", timeout=60).text
    token = re.search(r'name="csrf_token"\s+id="csrf_token"\s+value="([^"]+)"', form)
    assert token, "no CSRF token in the login form"
    login = browser.post(
        f"{url}/login/",
        data={"username": "admin", "password": password, "csrf_token": token.group(1)},
        allow_redirects=False,
        timeout=60,
    )
    assert login.status_code == 302 and "login" not in login.headers["location"], login.text[:500]
    return dict(browser.cookies)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed at /usr/bin/chromium")
def test_the_dashboard_draws_its_charts_in_a_browser(superset: tuple[str, str, Path]) -> None:
    url, password, _ = superset
    drawn = "document.querySelectorAll('.dashboard-chart canvas, .dashboard-chart table').length >= 5"
    with open_page(f"{url}/superset/dashboard/vn-politics/", browser_cookies(url, password)) as page:
        assert page.wait_for(drawn, timeout=180), page.evaluate("document.body.innerText.slice(0, 2000)")
        time.sleep(3)  # the charts' entry animations
        text = page.evaluate("document.body.innerText")
        errors = page.evaluate("document.querySelectorAll('.dashboard-chart .ant-alert-error').length")
        shot = page.screenshot()
    SCREENSHOT.parent.mkdir(exist_ok=True)
    SCREENSHOT.write_bytes(shot)
    assert errors == 0
    for name in CHART_NAMES:
        assert name in text
    width, height, bpp, rows = png_rows(shot, 1000)
    assert (width, height) == (1400, 1800)
    pixels = Counter(row[i : i + 3] for row in rows for i in range(0, len(row), bpp))
    _, most = pixels.most_common(1)[0]
    assert len(pixels) > 50 and most / sum(pixels.values()) < 0.9, "the screenshot is blank"
    bar_blue = sum(n for (r, g, b), n in pixels.items() if b > r + 80 and g > r + 40)
    assert bar_blue > 20_000, "no bars drawn in the top of the dashboard"
