"""News pages to an analytic dataset: a pure core (cleaning, extraction, money, FX) and a thin
Dagster shell (`pipeline.defs`)."""
