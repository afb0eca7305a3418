"""Extraction of Vietnamese political news: plain Python, no Dagster."""
