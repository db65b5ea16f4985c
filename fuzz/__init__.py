"""The fuzz harness of lint-article and the oracle that its tests share."""
