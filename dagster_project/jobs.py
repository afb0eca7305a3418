"""Jobs: the nightly build, and the extraction backfill by parts.

``build_warehouse_job`` materialises every unpartitioned asset (raw tables, then all dbt models
and tests, the checks, the publish,
the Parquet export, the serving file). It runs in one process: the steps are sequential anyway,
the run holds the warehouse lock from start to end, and extraction already uses a process
pool inside its step.

``extraction_backfill_job`` fills the extraction cache part by part (16 parts by file name).
Launched as a backfill from the UI, each part is a run of its own, and the instance's run queue
(``max_concurrent_runs`` in DAGSTER_HOME/dagster.yaml) runs as many at once as there are cores.

``extraction_cluster_job`` is the same asset on Dagster's Celery executor: each part's step is a
Celery task that a worker on any machine takes (``dagster_project.cluster``, docs/scaling.md).
"""

from dagster import (
    AssetSelection,
    Backoff,
    RetryPolicy,
    define_asset_job,
    in_process_executor,
    multiprocess_executor,
)
from dagster_celery import celery_executor

from dagster_project.assets.extraction import extracted_articles
from dagster_project.cluster import celery_config

# Runs with this tag wait in the run queue while another one builds (``tag_concurrency_limits``
# in DAGSTER_HOME/dagster.yaml), instead of starting and waiting on the warehouse lock.
BUILD_TAG = {"vnpolitics/warehouse_build": "true"}

# A step that fails for a passing reason (a worker killed for memory, a file system hiccup, dbt
# killed) is tried again after 30 s, then 60 s. Failures that would fail again the same way (a
# bug, a dbt model or test that fails) skip the policy: see ``retries`` and ``assets.dbt``.
TRANSIENT_RETRIES = RetryPolicy(max_retries=2, delay=30, backoff=Backoff.EXPONENTIAL)

build_warehouse_job = define_asset_job(
    "build_warehouse_job",
    selection=AssetSelection.all() - AssetSelection.assets(extracted_articles),
    executor_def=in_process_executor,
    tags=BUILD_TAG,
    op_retry_policy=TRANSIENT_RETRIES,
    description="Scan RAW_DIR, extract what is new, load the raw schema, build the marts, check, publish.",
)

extraction_backfill_job = define_asset_job(
    "extraction_backfill_job",
    selection=AssetSelection.assets(extracted_articles),
    executor_def=multiprocess_executor,
    description="Extract one part of RAW_DIR into the extraction cache (run it as a backfill over parts).",
)

# A step whose worker died is run again by Celery itself (late acknowledgement, see
# ``dagster_project.cluster``); this policy covers a step that failed on a passing error.
extraction_cluster_job = define_asset_job(
    "extraction_cluster_job",
    selection=AssetSelection.assets(extracted_articles),
    executor_def=celery_executor.configured(celery_config(), name="celery_executor"),
    op_retry_policy=TRANSIENT_RETRIES,
    description="Extract one part of RAW_DIR into the extraction cache on a Celery worker (cluster mode).",
)
