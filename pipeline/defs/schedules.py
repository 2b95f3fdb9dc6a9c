import dagster as dg

from pipeline.defs.jobs import refresh_warehouse

nightly_refresh = dg.ScheduleDefinition(
    name="nightly_refresh",
    job=refresh_warehouse,
    cron_schedule="0 3 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Full refresh every night, off the hot path of the seeds sensor.",
)
