"""Superset's settings for `make superset`: everything it writes stays under SUPERSET_HOME.

Loaded through SUPERSET_CONFIG_PATH by bi/superset_up.py. The metadata database is SQLite
and the cache is in-process: one analyst's local Superset over a local warehouse, no Redis,
no Celery. The secret key is made once per SUPERSET_HOME and kept there (git-ignored).
"""

import os
import secrets
from pathlib import Path

_home = Path(os.environ["SUPERSET_HOME"])
_home.mkdir(parents=True, exist_ok=True)
_key_file = _home / "secret_key"
if not _key_file.exists():
    _key_file.write_text(secrets.token_urlsafe(42), encoding="utf-8")
    _key_file.chmod(0o600)

SECRET_KEY = _key_file.read_text(encoding="utf-8").strip()
SQLALCHEMY_DATABASE_URI = f"sqlite:///{_home / 'superset.db'}"
DATA_DIR = str(_home)
# No network here: no map tiles, no telemetry, no example data from the internet.
MAPBOX_API_KEY = ""
SCARF_ANALYTICS = False
# SQL Lab answers Vietnamese text as it is stored (NFC); results are small, run them in-process.
SQLLAB_TIMEOUT = 120
SUPERSET_WEBSERVER_TIMEOUT = 120
CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 300}
DATA_CACHE_CONFIG = CACHE_CONFIG
