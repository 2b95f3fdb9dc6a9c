"""How a run executes: incremental reuse, process pools, memory."""
