"""A warehouse run over a raw folder: scan, extract into the cache, load, lock, publish, log, export."""
