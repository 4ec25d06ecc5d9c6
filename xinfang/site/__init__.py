"""The operating-procedures manual site: pages from data, built by MkDocs through a hook."""
