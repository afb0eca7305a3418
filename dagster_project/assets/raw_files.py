"""The article files under RAW_DIR: the graph's first node, written by scrapers, not by Dagster."""

from dagster import AssetSpec

raw_files = AssetSpec(
    "raw_files",
    group_name="raw",
    kinds={"file"},
    description=(
        "Article files under RAW_DIR (plain text or HTML, any common Vietnamese encoding), put there "
        "by the scrapers. The new_raw_files sensor watches the folder."
    ),
)
