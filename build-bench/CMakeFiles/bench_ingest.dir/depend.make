# Empty dependencies file for bench_ingest.
# This may be replaced when dependencies are built.
