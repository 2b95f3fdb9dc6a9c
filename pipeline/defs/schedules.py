import dagster as dg

from pipeline.defs.jobs import FULL_REFRESH_TAG, refresh_warehouse

nightly_refresh = dg.ScheduleDefinition(
    name="nightly_refresh",
    job=refresh_warehouse,
    cron_schedule="0 3 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    tags={FULL_REFRESH_TAG: "true"},
    description="Full refresh every night: every document is processed again, off the hot path of the seeds sensor.",
)
