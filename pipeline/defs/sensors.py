import json

import dagster as dg

from pipeline.adapters.seeds import Seeds
from pipeline.defs.jobs import refresh_warehouse
from pipeline.documents.seed_files import SeedsFolderError
from pipeline.runtime.changes import diff, state_key


@dg.sensor(
    job=refresh_warehouse,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Requests a warehouse refresh when seed files are added, edited or removed.",
)
def seeds_changed(context: dg.SensorEvaluationContext, seeds: Seeds):
    old = json.loads(context.cursor) if context.cursor else {}
    try:
        new = seeds.state()
    except SeedsFolderError as exc:
        # A run would fail before any work; the folder may come back (an unmounted disk).
        return dg.SkipReason(str(exc))
    changes = diff(old, new)
    if not changes.any:
        return dg.SkipReason(f"No change in {len(new)} seed files.")
    context.update_cursor(json.dumps(new, sort_keys=True))
    return dg.RunRequest(
        run_key=state_key(new),
        tags={"seeds/added": str(len(changes.added)), "seeds/changed": str(len(changes.changed)), "seeds/removed": str(len(changes.removed))},
    )
