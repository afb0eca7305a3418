"""Past one machine: the servers (``servers``), the DuckLake warehouse (``lake``) and the Celery backfill."""
