"""Vietnamese political news, from article text to a published warehouse; no Dagster in here.

- ``vnpolitics.extract``: one article's text -> typed records (names, titles, bodies, dates,
  meetings, roles), with its gazetteers. Imports nothing from the two below.
- ``vnpolitics.warehouse``: a run over a folder: scan and decode files, extract what the cache
  lacks, load the ``raw`` schema, lock, build in a scratch copy, publish, log, export.
- ``vnpolitics.report``: what a warehouse or a folder holds, for people to read.
"""
