"""Raw stage: scan the raw folder, extract every article, load the ``raw`` schema in one go.

One multi-asset produces every raw table (asset keys ``["raw", <table>]``, the keys dagster-dbt
gives the dbt source ``raw``), so dbt models depend on them without a custom translator.
"""

from collections.abc import Iterator

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, MetadataValue, multi_asset

from dagster_project.resources import WarehouseConfig
from vnpolitics.frames import RAW_SCHEMAS, markdown_preview
from vnpolitics.loading import load_raw_frames
from vnpolitics.pipeline import EXTRACTOR_VERSION, extract_folder

RAW_TABLE_DESCRIPTIONS = {
    "ingest_files": "One row per file found under RAW_DIR: loaded, duplicate or rejected (with the reason).",
    "articles": "One row per loaded article: metadata and the cleaned text all offsets index into.",
    "captions": "Photo captions kept apart from the story text.",
    "sentences": "Sentences of the cleaned text.",
    "person_mentions": "Each mention of a person, with offsets and sentence.",
    "person_titles": "Each (person, title) as the article states it, split into post and body.",
    "organization_mentions": "Each mention of a body, with its canonical name.",
    "organizations": "Each body an article names (and its ancestors): kind, level, place, parent.",
    "meetings": "Each event an article reports, with its resolved date and kind.",
    "meeting_organizers": "The bodies organising each meeting.",
    "participant_roles": "Each (meeting, person, role) with the evidence span.",
}


@multi_asset(
    name="raw_tables",
    specs=[
        AssetSpec(
            ["raw", table],
            description=RAW_TABLE_DESCRIPTIONS.get(table),
            group_name="raw",
            kinds={"python", "duckdb"},
        )
        for table in RAW_SCHEMAS
    ],
    can_subset=False,
)
def raw_tables(context: AssetExecutionContext, warehouse: WarehouseConfig) -> Iterator[MaterializeResult]:
    """Extract RAW_DIR into frames and replace the ``raw`` schema of the run's scratch copy with them."""
    context.log.info(f"extracting {warehouse.raw_path} into {warehouse.build_path}")
    frames = extract_folder(warehouse.raw_path, warehouse.max_file_bytes)
    counts = load_raw_frames(warehouse.build_path, frames)
    for table, frame in frames.items():
        metadata = {
            "dagster/row_count": counts[table],
            "preview": MetadataValue.md(markdown_preview(frame)),
            "extractor_version": EXTRACTOR_VERSION,
        }
        if table == "ingest_files":
            metadata.update(
                {f"files_{status}": int(n) for status, n in frame["status"].value_counts().iter_rows()}
            )
        yield MaterializeResult(asset_key=["raw", table], metadata=metadata)
