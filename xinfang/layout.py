"""The data folder's layout: the folders that hold one file per record group."""

RISKS_DIR = "risks"  # risks/<unit ID>.yaml: one unit's ledger entries
CONFIDENTIAL_DIR = "confidential"  # key persons; never published
