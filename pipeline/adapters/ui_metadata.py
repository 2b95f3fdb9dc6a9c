"""How tables look in the Dagster UI: column schemas and materialization metadata."""

from __future__ import annotations

import dagster as dg
import polars as pl

from pipeline.schema import TABLES, Table

_PREVIEW_ROWS = 5
_CELL_CHARS = 60


def column_schema(table: Table) -> dg.TableSchema:
    return dg.TableSchema(columns=[dg.TableColumn(c.name, c.sql, description=c.comment) for c in table.columns])


def asset_spec(name: str, group: str, deps: list[str] | None = None) -> dg.AssetSpec:
    table = TABLES[name]
    return dg.AssetSpec(
        name,
        description=table.description,
        group_name=group,
        deps=deps or [],
        kinds={"duckdb", "polars"},
        metadata={"dagster/column_schema": column_schema(table), "dagster/table_name": f"news.main.{name}"},
    )


def markdown_preview(frame: pl.DataFrame, rows: int = _PREVIEW_ROWS) -> str:
    """The first rows as a markdown table, long cells cut short."""
    if frame.is_empty():
        return "_no rows_"
    cols = [c for c in frame.columns if c not in ("raw_text",)]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in frame.select(cols).head(rows).iter_rows():
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    return "\n".join(lines)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    text = text.replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= _CELL_CHARS else text[: _CELL_CHARS - 1] + "…"


def table_metadata(frame: pl.DataFrame, **extra: object) -> dict:
    return {"dagster/row_count": frame.height, "preview": dg.MetadataValue.md(markdown_preview(frame)), **extra}
