"""PostgreSQL and Redis on this machine for the cluster mode: ``make cluster-up`` / ``make cluster-down``.

The cluster needs two servers: PostgreSQL holds the Dagster instance (runs, events) and the
DuckLake catalog, Redis is Celery's broker and result store. In production they are managed
services; here the project starts its own, from the Debian packages (installed with apt-get when
missing and the user is root), so a fresh clone and CI need nothing set up by hand.

Everything lives under ``.cluster/`` in the repository (git-ignored): the database files, Redis's
folder, the logs, the DuckLake data path and ``cluster.env``, the settings every cluster command
reads (``source .cluster/cluster.env``). Ports are picked free at start-up, never fixed, so two
clones (or a test run beside a developer's cluster) never clash; a restart keeps them.

PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` user the
Debian package creates; the socket goes to a folder under ``.cluster/`` rather than /var/run.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_ROOT = REPO / ".cluster"
PG_BIN_DIRS = (Path("/usr/lib/postgresql/15/bin"), Path("/usr/local/bin"), Path("/usr/bin"))
PG_USER = "postgres"
DATABASES = ("dagster", "ducklake")
ENV_FILE = "cluster.env"
START_TIMEOUT_SECONDS = 30


class ServerError(RuntimeError):
    """A server could not be installed, started or reached; the message says which and why."""


@dataclass(frozen=True)
class Cluster:
    """The servers' folder ``root`` and what lives in it."""

    root: Path = DEFAULT_ROOT

    @property
    def pg_home(self) -> Path:
        """Where PostgreSQL's files go: under ``root``, unless the ``postgres`` user cannot reach it
        (a clone under /root, say), then a folder of its own under /var/tmp named after ``root``."""
        if _reachable_by_pg_user(self.root):
            return self.root
        digest = hashlib.sha256(str(self.root).encode()).hexdigest()[:12]
        return Path("/var/tmp") / f"vnpolitics-cluster-{digest}"

    @property
    def pg_data(self) -> Path:
        return self.pg_home / "postgres"

    @property
    def pg_socket_dir(self) -> Path:
        return self.pg_home / "run"

    @property
    def redis_dir(self) -> Path:
        return self.root / "redis"

    @property
    def lake_data(self) -> Path:
        """DuckLake's Parquet files (a shared folder or object storage on a real cluster)."""
        return self.root / "lake"

    @property
    def dagster_home(self) -> Path:
        return self.root / "dagster_home"

    @property
    def env_file(self) -> Path:
        return self.root / ENV_FILE

    def ports(self) -> dict[str, int]:
        """The ports this cluster was started on (kept across restarts), from ``cluster.env``."""
        env = read_env(self.env_file) if self.env_file.exists() else {}
        return {key: int(env[key]) for key in ("CLUSTER_PG_PORT", "CLUSTER_REDIS_PORT") if key in env}


@functools.cache
def _reachable_by_pg_user(folder: Path) -> bool:
    """Whether the ``postgres`` user can enter ``folder`` (always, when we are not root)."""
    if os.geteuid() != 0:
        return True
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["runuser", "-u", PG_USER, "--", "test", "-x", str(folder)], capture_output=True)
    return done.returncode == 0


def read_env(path: Path) -> dict[str, str]:
    """The ``KEY=value`` lines of an env file written by ``write_env`` (shell-quoted values)."""
    env = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            env[key.strip()] = shlex.split(value)[0] if value.strip() else ""
    return env


def free_port() -> int:
    """A TCP port nobody listens on now (the kernel's pick)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _pg_tool(name: str) -> Path | None:
    for folder in PG_BIN_DIRS:
        if (folder / name).exists():
            return folder / name
    return None


def _install(packages: Sequence[str]) -> None:
    """apt-get install the packages (root only): the servers come from Debian, as on a real host."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise ServerError(
            f"{' '.join(packages)} missing; install them (apt-get install {' '.join(packages)})"
        )
    print(f"installing {' '.join(packages)} with apt-get", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, capture_output=True)
    done = subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise ServerError(f"apt-get install {' '.join(packages)} failed: {done.stderr.strip()[-500:]}")


def ensure_installed() -> None:
    missing = []
    if _pg_tool("initdb") is None or _pg_tool("pg_ctl") is None:
        missing.append("postgresql")
    if not shutil.which("redis-server"):
        missing.append("redis-server")
    if missing:
        _install(missing)
    # apt starts the packaged services where it can; ours run on ports of their own, so those
    # are simply left alone.


def _as_pg_user(command: list[str]) -> list[str]:
    """As root, run a PostgreSQL command as the ``postgres`` user (the server refuses root)."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", PG_USER, "--", *command]


def _give_to_pg_user(path: Path) -> None:
    if os.geteuid() == 0:
        entry = pwd.getpwnam(PG_USER)
        for folder in (path, *path.rglob("*")):
            os.chown(folder, entry.pw_uid, entry.pw_gid)


def _run(command: list[str], what: str) -> str:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise ServerError(f"{what} failed ({done.returncode}): {(done.stderr or done.stdout).strip()[-800:]}")
    return done.stdout


def start_postgres(cluster: Cluster, port: int) -> None:
    """initdb on first use, then start the server on 127.0.0.1:``port`` and make the databases."""
    initdb, pg_ctl = _pg_tool("initdb"), _pg_tool("pg_ctl")
    assert initdb is not None and pg_ctl is not None
    cluster.root.mkdir(parents=True, exist_ok=True)
    cluster.pg_socket_dir.mkdir(parents=True, exist_ok=True)
    if not (cluster.pg_data / "PG_VERSION").exists():
        cluster.pg_data.mkdir(parents=True, exist_ok=True)
        _give_to_pg_user(cluster.pg_data)
        _run(
            _as_pg_user(
                [str(initdb), "-D", str(cluster.pg_data), "-U", PG_USER, "--auth=trust", "-E", "UTF8"]
            ),
            "initdb",
        )
    _give_to_pg_user(cluster.pg_socket_dir)
    if not postgres_running(cluster):
        options = f"-p {port} -k {cluster.pg_socket_dir} -c listen_addresses=127.0.0.1"
        log = cluster.pg_data / "server.log"
        _run(
            _as_pg_user(
                [str(pg_ctl), "-D", str(cluster.pg_data), "-l", str(log), "-o", options, "-w", "start"]
            ),
            "pg_ctl start",
        )
    for database in DATABASES:
        exists = _psql(cluster, port, f"select 1 from pg_database where datname = '{database}'")
        if exists.strip() != "1":
            _psql(cluster, port, f'create database "{database}"')


def _psql(cluster: Cluster, port: int, sql: str) -> str:
    psql = _pg_tool("psql") or Path("psql")
    command = [str(psql), "-h", "127.0.0.1", "-p", str(port), "-U", PG_USER, "-d", "postgres", "-tAc", sql]
    return _run(command, f"psql {sql!r}")


def postgres_running(cluster: Cluster) -> bool:
    pg_ctl = _pg_tool("pg_ctl")
    if pg_ctl is None or not (cluster.pg_data / "PG_VERSION").exists():
        return False
    done = subprocess.run(
        _as_pg_user([str(pg_ctl), "-D", str(cluster.pg_data), "status"]), capture_output=True
    )
    return done.returncode == 0


def stop_postgres(cluster: Cluster) -> None:
    pg_ctl = _pg_tool("pg_ctl")
    if pg_ctl is not None and postgres_running(cluster):
        _run(
            _as_pg_user([str(pg_ctl), "-D", str(cluster.pg_data), "-m", "fast", "-w", "stop"]), "pg_ctl stop"
        )


def restart_postgres(cluster: Cluster) -> None:
    """Stop and start the server on its port: what the fault tests do between two runs."""
    port = cluster.ports()["CLUSTER_PG_PORT"]
    stop_postgres(cluster)
    start_postgres(cluster, port)


def start_redis(cluster: Cluster, port: int) -> None:
    """Redis on 127.0.0.1:``port``, daemonised, without persistence: the queue lives as long as the run."""
    cluster.redis_dir.mkdir(parents=True, exist_ok=True)
    if _listening(port):
        return
    _run(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(cluster.redis_dir),
            "--daemonize",
            "yes",
            "--pidfile",
            str(cluster.redis_dir / "redis.pid"),
            "--logfile",
            str(cluster.redis_dir / "redis.log"),
            "--save",
            "",
            "--appendonly",
            "no",
        ],  # fmt: skip
        "redis-server",
    )
    _wait_until(lambda: _listening(port), f"redis on port {port}")


def stop_redis(cluster: Cluster) -> None:
    pidfile = cluster.redis_dir / "redis.pid"
    if not pidfile.exists():
        return
    try:
        pid = int(pidfile.read_text().strip())
        os.kill(pid, 15)
        _wait_until(lambda: not _alive(pid), f"redis (pid {pid}) to stop")
    except (ValueError, ProcessLookupError):
        pass
    pidfile.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_until(condition, what: str, timeout: float = START_TIMEOUT_SECONDS) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise ServerError(f"timed out waiting for {what}")
        time.sleep(0.1)


def cluster_env(cluster: Cluster, pg_port: int, redis_port: int) -> dict[str, str]:
    """The settings every cluster process reads: instance, broker, catalog, data path."""
    pg = f"host=127.0.0.1 port={pg_port} user={PG_USER}"
    return {
        "CLUSTER_PG_PORT": str(pg_port),
        "CLUSTER_REDIS_PORT": str(redis_port),
        "DAGSTER_HOME": str(cluster.dagster_home),
        "DAGSTER_PG_URL": f"postgresql://{PG_USER}@127.0.0.1:{pg_port}/dagster",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:{redis_port}/0",
        "CELERY_RESULT_BACKEND": f"redis://127.0.0.1:{redis_port}/1",
        "WAREHOUSE_CATALOG": f"postgres:dbname=ducklake {pg}",
        "WAREHOUSE_DATA_PATH": str(cluster.lake_data) + "/",
    }


def write_env(path: Path, env: dict[str, str]) -> None:
    lines = ["# written by `make cluster-up` (vnpolitics.cluster.servers); `source` it to reach the cluster"]
    lines += [f"{key}={shlex.quote(value)}" for key, value in env.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def up(cluster: Cluster) -> dict[str, str]:
    """Install what is missing, start both servers (on their earlier ports if any), write the settings."""
    ensure_installed()
    ports = cluster.ports()
    pg_port = ports.get("CLUSTER_PG_PORT") or free_port()
    redis_port = ports.get("CLUSTER_REDIS_PORT") or free_port()
    start_postgres(cluster, pg_port)
    start_redis(cluster, redis_port)
    env = cluster_env(cluster, pg_port, redis_port)
    cluster.lake_data.mkdir(parents=True, exist_ok=True)
    cluster.dagster_home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "cluster" / "dagster.yaml", cluster.dagster_home / "dagster.yaml")
    write_env(cluster.env_file, env)
    return env


def down(cluster: Cluster) -> None:
    """Stop both servers; their data stays under the folder for the next ``up``."""
    stop_redis(cluster)
    stop_postgres(cluster)


def remove(cluster: Cluster) -> None:
    """Stop both servers and delete all their data (what a test does when it is done)."""
    down(cluster)
    shutil.rmtree(cluster.pg_home, ignore_errors=True)
    shutil.rmtree(cluster.root, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m vnpolitics.cluster.servers", description=__doc__.split("\n")[0]
    )
    parser.add_argument("command", choices=("up", "down", "restart-postgres"))
    parser.add_argument(
        "--root", type=Path, default=DEFAULT_ROOT, help="the servers' folder (default .cluster/)"
    )
    args = parser.parse_args(argv)
    cluster = Cluster(args.root.resolve())
    try:
        if args.command == "up":
            env = up(cluster)
            pg, redis = env["CLUSTER_PG_PORT"], env["CLUSTER_REDIS_PORT"]
            print(f"postgres on 127.0.0.1:{pg}, redis on 127.0.0.1:{redis}")
            print(f"settings: {cluster.env_file}")
        elif args.command == "down":
            down(cluster)
        else:
            restart_postgres(cluster)
    except ServerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
