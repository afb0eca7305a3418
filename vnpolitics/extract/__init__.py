"""The extractor: one article's text in, typed records out (``article.extract_article``).

Pure functions over text and the gazetteers in ``gazetteers/``; nothing here knows about
files, caches, DuckDB or Dagster, so the extractor can be scored, tested and reused alone.
"""
