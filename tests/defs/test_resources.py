from pathlib import Path

import pytest

from pipeline.adapters.project import ROOT
from pipeline.defs.resources import resources


@pytest.mark.parametrize(("warehouse", "staging", "expected"), [
    ("{tmp}/a/news.duckdb", None, "{tmp}/a/staging"),
    ("{tmp}/b/news.duckdb", "", "{tmp}/b/staging"),
    ("{tmp}/a/news.duckdb", "{tmp}/elsewhere", "{tmp}/elsewhere"),
    (None, None, "{root}/warehouse/staging"),
])
def test_staging_defaults_to_a_folder_beside_the_warehouse(tmp_path, monkeypatch, warehouse, staging, expected):
    for name, value in (("PIPELINE_WAREHOUSE", warehouse), ("PIPELINE_STAGING_DIR", staging)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value.format(tmp=tmp_path))
    folder = resources().resources["staging"].folder
    assert folder == Path(expected.format(tmp=tmp_path, root=ROOT))


@pytest.mark.parametrize(("variable", "value", "resource", "field", "expected"), [
    ("PIPELINE_SPACY_PROCESSES", "3", "nlp", "n_process", 3),
    ("PIPELINE_SPACY_PROCESSES", "", "nlp", "n_process", 0),
    ("PIPELINE_SPACY_MODEL", "xx_other_model", "nlp", "model", "xx_other_model"),
    ("PIPELINE_SEEDS_DIR", "elsewhere/seeds", "seeds", "path", "elsewhere/seeds"),
])
def test_resources_read_each_setting_from_its_variable_with_its_fields_type(monkeypatch, variable, value, resource, field, expected):
    monkeypatch.setenv(variable, value)
    assert getattr(resources().resources[resource], field) == expected
