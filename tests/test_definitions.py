import dagster as dg
import pytest

from pipeline.definitions import defs
from pipeline.schema import TABLES


@pytest.fixture(scope="module")
def definitions() -> dg.Definitions:
    return defs()


def test_definitions_load_every_table_as_an_asset_the_publishing_step_and_the_report(definitions):
    keys = {k.to_user_string() for k in definitions.resolve_all_asset_keys()}
    assert keys == (set(TABLES) - {"validation_results"}) | {"warehouse", "report"}


def test_definitions_assets_have_descriptions_groups_and_column_schemas(definitions):
    for spec in definitions.resolve_all_asset_specs():
        assert spec.description, spec.key
        assert spec.group_name != "default", spec.key
        if spec.key.to_user_string() in TABLES:
            assert "dagster/column_schema" in spec.metadata


def test_definitions_one_check_per_expectation_suite(definitions):
    names = {k.name for k in definitions.resolve_asset_graph().asset_check_keys}
    assert names == {"documents_structure", "boilerplate_structure", "quarantine_structure", "sentences_offsets",
                     "mentions_offsets", "entities_structure", "money_figures", "money_review", "money_spacy_coverage", "documents_seed_coverage",
                     "documents_review", "money_claims_structure", "money_claims_links"}


def test_definitions_sensor_and_schedule_run_by_default_on_the_same_job(definitions):
    sensor = definitions.resolve_sensor_def("seeds_changed")
    schedule = definitions.resolve_schedule_def("nightly_refresh")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    assert schedule.cron_schedule == "0 3 * * *"
    assert schedule.tags == {"pipeline/full_refresh": "true"}
    assert sensor.job_name == schedule.job_name == "refresh_warehouse"
    assert definitions.resolve_job_def("refresh_warehouse") is not None
