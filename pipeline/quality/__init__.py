"""What the expectation suites derive from the tables, and the summary report."""
