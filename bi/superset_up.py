"""`make superset`: Apache Superset on localhost over the serving file, with the starter dashboard.

Runs in Superset's own environment (bi/.venv). One command from a fresh clone:

1. the metadata database (SQLite under SUPERSET_HOME) is created or upgraded, the admin user
   made, roles and permissions set up (``superset db upgrade``, ``fab create-admin``, ``init``);
   skipped when SUPERSET_HOME was already set up by this Superset version;
2. the web server (gunicorn) starts on 127.0.0.1, on a free port unless one is given;
3. through the REST API, as the admin: the dashboard bundle in bi/dashboard/ (Superset's export
   format, YAML) is zipped with the warehouse's URI filled in and imported, which registers
   the database with ``extra.engine_params.connect_args = {"read_only": true}`` (the CLI cannot
   set connect args); the database is checked to be read-only and every dataset is refreshed,
   so its columns, types and descriptions come from the warehouse itself;
4. it prints ``ready: <url>`` with the dashboard's address and serves until stopped (Ctrl-C).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import requests

BI = Path(__file__).resolve().parent
BUNDLE = BI / "dashboard"
DASHBOARD_SLUG = "vn-politics"
ADMIN = "admin"
URI_PLACEHOLDER = "__WAREHOUSE_URI__"


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Start Superset over the serving file with the starter dashboard."
    )
    parser.add_argument("--warehouse", type=Path, required=True, help="the serving file (marts.duckdb)")
    parser.add_argument("--home", type=Path, required=True, help="where Superset keeps its data")
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    args = parser.parse_args()
    warehouse, home = args.warehouse.resolve(), args.home.resolve()
    if not warehouse.exists():
        sys.exit(f"error: no serving file {warehouse}; build the warehouse first (make run)")
    env = superset_env(home)
    password = admin_password(home)
    set_up(env, home, password)
    port = args.port or free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "8",
            "--timeout",
            "120",
            "--log-level",
            "warning",
            "superset.app:create_app()",
        ],
        env=env,
    )
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        wait_until_healthy(url, server)
        session = login(url, password)
        dashboard = import_bundle(session, url, warehouse)
        print(f"user: {ADMIN}  password: in {home / 'admin_password'}", flush=True)
        print(f"ready: {url}/superset/dashboard/{DASHBOARD_SLUG}/ (dashboard id {dashboard})", flush=True)
        server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=30)


def superset_env(home: Path) -> dict[str, str]:
    home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(
        SUPERSET_HOME=str(home),
        SUPERSET_CONFIG_PATH=str(BI / "superset_config.py"),
        FLASK_APP="superset.app:create_app()",
        PYTHONUNBUFFERED="1",
    )
    return env


def admin_password(home: Path) -> str:
    """SUPERSET_ADMIN_PASSWORD, else one made for this SUPERSET_HOME and kept in it (mode 0600)."""
    if os.environ.get("SUPERSET_ADMIN_PASSWORD"):
        return os.environ["SUPERSET_ADMIN_PASSWORD"]
    path = home / "admin_password"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(12), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def set_up(env: dict[str, str], home: Path, password: str) -> None:
    """Metadata database, admin user, roles: once per SUPERSET_HOME and Superset version (a minute)."""
    import superset

    marker = home / "set_up"
    version = getattr(superset, "__version__", "unknown")
    if marker.exists() and marker.read_text(encoding="utf-8") == version:
        return
    cli = str(Path(sys.executable).with_name("superset"))
    subprocess.run([cli, "db", "upgrade"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(
        [cli, "fab", "create-admin", "--username", ADMIN, "--firstname", "Admin", "--lastname", "User"]
        + ["--email", "admin@localhost", "--password", password],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run([cli, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
    marker.write_text(version, encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, server: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"error: Superset exited with {server.returncode} before it served")
        try:
            if requests.get(f"{url}/health", timeout=30).text.strip() == "OK":
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(1)
    sys.exit(f"error: Superset did not answer on {url}/health within {timeout:g} s")


def login(url: str, password: str) -> requests.Session:
    """A REST session as the admin: a JWT for the API and the CSRF token its writes need."""
    session = requests.Session()
    answer = session.post(
        f"{url}/api/v1/security/login",
        json={"username": ADMIN, "password": password, "provider": "db", "refresh": False},
        timeout=60,
    )
    answer.raise_for_status()
    session.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
    csrf = session.get(f"{url}/api/v1/security/csrf_token/", timeout=60)
    csrf.raise_for_status()
    session.headers.update({"X-CSRFToken": csrf.json()["result"], "Referer": url})
    return session


def bundle_zip(warehouse: Path) -> bytes:
    """bi/dashboard/ as the ZIP Superset's import takes, with the warehouse's URI filled in."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(BUNDLE.rglob("*.yaml")):
            text = path.read_text(encoding="utf-8").replace(URI_PLACEHOLDER, f"duckdb:///{warehouse}")
            archive.writestr(f"dashboard_export/{path.relative_to(BUNDLE)}", text)
    return buffer.getvalue()


def import_bundle(session: requests.Session, url: str, warehouse: Path) -> int:
    """Import the dashboard (overwriting an earlier import), check read-only, refresh the datasets."""
    answer = session.post(
        f"{url}/api/v1/dashboard/import/",
        files={"formData": ("dashboard.zip", bundle_zip(warehouse), "application/zip")},
        data={"overwrite": "true"},
        timeout=300,
    )
    if answer.status_code != 200:
        sys.exit(f"error: the dashboard import failed ({answer.status_code}): {answer.text[:2000]}")
    database = find_one(session, url, "database", "database_name", "warehouse")
    extra = json.loads(
        session.get(f"{url}/api/v1/database/{database}/connection", timeout=60).json()["result"]["extra"]
    )
    if extra.get("engine_params", {}).get("connect_args", {}).get("read_only") is not True:
        sys.exit(f"error: the warehouse was registered without read_only: {extra}")
    datasets = session.get(
        f"{url}/api/v1/dataset/",
        params={"q": f"(filters:!((col:database,opr:rel_o_m,value:{database})),page_size:100)"},
        timeout=60,
    )
    datasets.raise_for_status()
    for dataset in datasets.json()["result"]:
        session.put(f"{url}/api/v1/dataset/{dataset['id']}/refresh", timeout=120).raise_for_status()
    dashboard = find_one(session, url, "dashboard", "slug", DASHBOARD_SLUG)
    point_query_contexts(session, url, dashboard)
    return dashboard


def point_query_contexts(session: requests.Session, url: str, dashboard: int) -> None:
    """Point each chart's saved query context at its imported dataset.

    The import maps a chart's dataset by uuid but leaves the dataset id inside its query context
    (the query the chart data API and reports run) as it was in the files.
    """
    charts = session.get(f"{url}/api/v1/dashboard/{dashboard}/charts", timeout=60)
    charts.raise_for_status()
    for chart in charts.json()["result"]:
        dataset_id = int(chart["form_data"]["datasource"].split("__")[0])
        saved = session.get(f"{url}/api/v1/chart/{chart['id']}", timeout=60).json()["result"]
        context = json.loads(saved["query_context"])
        context["datasource"]["id"] = dataset_id
        context["form_data"] = {**chart["form_data"], "datasource": f"{dataset_id}__table"}
        answer = session.put(
            f"{url}/api/v1/chart/{chart['id']}",
            json={"query_context": json.dumps(context, ensure_ascii=False), "query_context_generation": True},
            timeout=60,
        )
        answer.raise_for_status()


def find_one(session: requests.Session, url: str, kind: str, column: str, value: str) -> int:
    answer = session.get(
        f"{url}/api/v1/{kind}/",
        params={"q": f"(filters:!((col:{column},opr:eq,value:'{value}')))"},
        timeout=60,
    )
    answer.raise_for_status()
    [found] = answer.json()["result"]
    return found["id"]


if __name__ == "__main__":
    main()
