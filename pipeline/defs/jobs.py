import dagster as dg

# A run with this tag set to "true" reprocesses every document instead of reusing results.
FULL_REFRESH_TAG = "pipeline/full_refresh"

refresh_warehouse = dg.define_asset_job(
    "refresh_warehouse",
    selection=dg.AssetSelection.all(include_sources=False),
    description="Rebuild every table of the warehouse from the seeds folder and validate it.",
)
